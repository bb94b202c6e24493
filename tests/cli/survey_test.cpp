#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "import/workbook_writer.h"
#include "support.h"

using namespace partnermap::test;

namespace {

std::string survey_register() { return data_file("survey/register.json"); }

const char* kRatingsHeading = "respondent,about,partnership,reliable,mission,open,power,involvement,resources,date\n";
const char* kRespondentsHeading = "respondent,partnership,satisfied,council_facilitates,consulted_too_often,date\n";

// Runs `survey` on the small register with the two tables written into `dir`.
Run survey_of(const TempDir& dir, const std::string& ratings, const std::string& respondents, const std::string& extra = "") {
  write_text(dir / "ratings.csv", ratings);
  write_text(dir / "respondents.csv", respondents);
  return run_partnermap("survey '" + survey_register() + "' '" + (dir / "ratings.csv").string() + "' '" +
                        (dir / "respondents.csv").string() + "' " + extra);
}

const nlohmann::json& entry(const nlohmann::json& list, const std::string& id) {
  for (const auto& e : list)
    if (e["id"] == id) return e;
  FAIL("no entry " << id);
  return list;
}

}  // namespace

TEST_CASE("survey --json gives the hand-computed trust, value, response and consultation figures", "[cli][survey]") {
  // Ratings: police->council (csp) trust (4+3+2)/3 = 3, value (4+4)/2 = 4; cvs->council (csp) trust 2,
  // value (1+2+3)/3 = 2; pct->council (health) trust 4, value 3; police->cvs (csp) trust 1, no value.
  // Respondents: police csp 4/3/yes, cvs csp 2/4/no, police health 3/1/yes.
  const Run r = run_partnermap("survey '" + survey_register() + "' '" + data_file("survey/respondents.csv") + "' '" +
                               data_file("survey/ratings.csv") + "' --json");
  REQUIRE(r.status == 0);
  const auto s = nlohmann::json::parse(r.out)["survey"];
  CHECK(s["date"] == "2005-03-01");
  CHECK(s["network"]["ratings"] == 4);
  CHECK(s["network"]["trust"].get<double>() == Approx((3 + 2 + 4 + 1) / 4.0));
  CHECK(s["network"]["trust_percent"].get<double>() == Approx(62.5));
  CHECK(s["network"]["value"].get<double>() == Approx((4 + 2 + 3) / 3.0));
  CHECK(s["network"]["value_percent"].get<double>() == Approx(75.0));
  CHECK(s["network"]["satisfied_share"].get<double>() == Approx(2.0 / 3));
  CHECK(s["network"]["facilitates_share"].get<double>() == Approx(2.0 / 3));
  const auto& council = entry(s["organisations"], "council");
  CHECK(council["name"] == "City Council");
  CHECK(council["ratings"] == 3);
  CHECK(council["trust"].get<double>() == Approx(3.0));
  CHECK(council["value"].get<double>() == Approx(3.0));
  const auto& cvs = entry(s["organisations"], "cvs");
  CHECK(cvs["trust"].get<double>() == Approx(1.0));
  CHECK(cvs["value"].is_null());
  CHECK(cvs["asked"] == 1);
  CHECK(cvs["too_often_share"].get<double>() == Approx(0.0));
  const auto& police = entry(s["organisations"], "police");
  CHECK(police["asked"] == 2);
  CHECK(police["too_often_share"].get<double>() == Approx(1.0));
  const auto& csp = entry(s["partnerships"], "csp");
  CHECK(csp["name"] == "Community Safety Partnership");
  CHECK(csp["respondents"] == 2);
  CHECK(csp["response_rate"].get<double>() == Approx(1.0));  // police and cvs: the partners other than the council
  CHECK(csp["satisfied_share"].get<double>() == Approx(0.5));
  CHECK(csp["facilitates_share"].get<double>() == Approx(1.0));
  CHECK(csp["council_trust"].get<double>() == Approx(2.5));
  CHECK(csp["council_value"].get<double>() == Approx(3.0));
  const auto& health = entry(s["partnerships"], "health");
  CHECK(health["response_rate"].get<double>() == Approx(0.5));
  CHECK(health["satisfied_share"].get<double>() == Approx(1.0));
  CHECK(health["facilitates_share"].get<double>() == Approx(0.0));
  CHECK(health["council_trust"].get<double>() == Approx(4.0));
}

TEST_CASE("survey prints the figures for an officer", "[cli][survey]") {
  const Run r = run_partnermap("survey '" + survey_register() + "' '" + data_file("survey/ratings.csv") + "' '" +
                               data_file("survey/respondents.csv") + "'");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("Network trust: 2.50 of 4"));
  CHECK_THAT(r.out, Catch::Contains("City Council as its partners see it: trust 3.00 of 4"));
  CHECK_THAT(r.out, Catch::Contains("Community Safety Partnership"));
}

TEST_CASE("survey refuses each malformed row with its place", "[cli][survey]") {
  TempDir dir;
  const std::string ok_respondents = std::string(kRespondentsHeading) + "police,csp,4,3,yes,2005-03-01\n";
  const std::string ok_ratings = std::string(kRatingsHeading) + "police,council,csp,4,3,2,4,4,,2005-03-01\n";
  struct Case {
    std::string ratings, respondents, where, words;
  };
  const std::string ratings_csv = (dir / "ratings.csv").string(), respondents_csv = (dir / "respondents.csv").string();
  const std::vector<Case> cases = {
      {std::string(kRatingsHeading) + "police,council,csp,5,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column D \"reliable\"", "\"5\" is not an answer from 1 to 4"},
      {std::string(kRatingsHeading) + "police,police,csp,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column B \"about\"", "\"Constabulary\" rates itself"},
      {std::string(kRatingsHeading) + "pct,council,csp,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column A \"respondent\"", "\"Primary Care Trust\" is not a member of \"Community Safety Partnership\""},
      {std::string(kRatingsHeading) + "police,pct,csp,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column B \"about\"", "\"Primary Care Trust\" is not a member of \"Community Safety Partnership\""},
      {std::string(kRatingsHeading) + "polise,council,csp,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column A \"respondent\"",
       "\"polise\" is not an organisation in the register (did you mean \"police\"?); write the organisation's id or name as "
       "the register has it"},
      {std::string(kRatingsHeading) + "police,Citty Council,csp,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column B \"about\"", "\"Citty Council\" is not an organisation in the register (did you mean \"City Council\"?)"},
      {std::string(kRatingsHeading) + "police,council,Comunity Safety Partnership,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column C \"partnership\"",
       "\"Comunity Safety Partnership\" is not a partnership in the register (did you mean \"Community Safety Partnership\"?)"},
      {std::string(kRatingsHeading) + "police,council,zz,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column C \"partnership\"", "\"zz\" is not a partnership in the register; write the partnership's id"},
      {ok_ratings, std::string(kRespondentsHeading) + "Constabullary,csp,4,3,yes,2005-03-01\n",
       respondents_csv + " row 2, column A \"respondent\"", "\"Constabullary\" is not an organisation in the register (did you mean \"Constabulary\"?)"},
      {ok_ratings, std::string(kRespondentsHeading) + "police,helth,4,3,yes,2005-03-01\n",
       respondents_csv + " row 2, column B \"partnership\"", "\"helth\" is not a partnership in the register (did you mean \"health\"?)"},
      {ok_ratings, std::string(kRespondentsHeading) + "City Council,csp,4,4,no,2005-03-01\n",
       respondents_csv + " row 2, column A \"respondent\"", "\"City Council\" is the council itself: the respondents table holds its partners' answers"},
      {ok_ratings, std::string(kRespondentsHeading) + "police,csp,4,5,yes,2005-03-01\n",
       respondents_csv + " row 2, column D \"council_facilitates\"", "\"5\" is not an answer from 1 to 4"},
      {std::string(kRatingsHeading) + "police,council,csp,4,3,2.5,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column F \"open\"", "\"2.5\" is not an answer from 1 to 4"},
      {std::string(kRatingsHeading) + "police,council,csp,4,3,2,4,4,,2005-03-01\npolice,council,csp,1,1,1,1,1,1,2005-03-01\n",
       ok_respondents, ratings_csv + " row 3, column A \"respondent\"", "rates \"City Council\" twice"},
      {std::string(kRatingsHeading) + ",council,csp,4,3,2,4,4,,2005-03-01\n", ok_respondents,
       ratings_csv + " row 2, column A \"respondent\"", "no organisation given"},
      {"respondent,about,reliable,mission,open,power,involvement,date\npolice,council,4,3,2,4,4,2005-03-01\n", ok_respondents,
       ratings_csv + " row 1", "the ratings table has no \"resources\" column"},
      {std::string(kRatingsHeading) + "police,council,csp,4,3,2,4,4,,2005-03-01\ncvs,council,csp,4,3,2,4,4,,2005-04-01\n",
       ok_respondents, ratings_csv + " row 3, column J \"date\"", "differs from the table's earlier date 2005-03-01"},
      {std::string(kRatingsHeading) + "police,council,csp,4,3,2,4,4,,31/02/2005\n", ok_respondents,
       ratings_csv + " row 2, column J \"date\"", "\"31/02/2005\" is not a date"},
      {ok_ratings, std::string(kRespondentsHeading) + "police,csp,4,3,often,2005-03-01\n",
       respondents_csv + " row 2, column E \"consulted_too_often\"", "\"often\" is not yes or no"},
      {ok_ratings, std::string(kRespondentsHeading) + "police,csp,0,3,yes,2005-03-01\n",
       respondents_csv + " row 2, column C \"satisfied\"", "\"0\" is not an answer from 1 to 4"},
      {ok_ratings, std::string(kRespondentsHeading) + "pct,csp,4,3,yes,2005-03-01\n",
       respondents_csv + " row 2, column A \"respondent\"", "is not a member of \"Community Safety Partnership\""},
      {ok_ratings, std::string(kRespondentsHeading) + "police,csp,4,3,yes,2005-03-01\nConstabulary,csp,3,3,no,2005-03-01\n",
       respondents_csv + " row 3, column A \"respondent\"", "answers for \"Community Safety Partnership\" twice"},
      {ok_ratings, std::string(kRespondentsHeading) + "police,,4,3,yes,2005-03-01\n",
       respondents_csv + " row 2, column B \"partnership\"", "no partnership given"},
      {ok_ratings, "respondent,partnership,satisfied,date\npolice,csp,4,2005-03-01\n", respondents_csv + " row 1",
       "the respondents table has no \"council_facilitates\" column"},
      {ok_ratings, "name,score\npolice,4\n", respondents_csv, "is not a survey table"},
  };
  for (const Case& c : cases) {
    INFO(c.ratings << c.respondents);
    const Run r = survey_of(dir, c.ratings, c.respondents);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains(c.where + ": ") && Catch::Contains(c.words));
  }
}

TEST_CASE("survey takes the wave's date from --date when the tables have none", "[cli][survey]") {
  TempDir dir;
  const std::string ratings = "respondent,about,reliable,mission,open,power,involvement,resources\npolice,council,4,4,4,4,4,4\n";
  const std::string respondents = "respondent,partnership,satisfied,council_facilitates,consulted_too_often\npolice,csp,4,3,no\n";
  const Run none = survey_of(dir, ratings, respondents);
  CHECK(none.status == 2);
  CHECK_THAT(none.err, Catch::Contains("no date for this wave: add a \"date\" column or give --date"));
  const Run r = survey_of(dir, ratings, respondents, "--date 2005-03-01 --json");
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["survey"]["date"] == "2005-03-01");
  const Run clash = survey_of(dir, std::string(kRatingsHeading) + "police,council,csp,4,3,2,4,4,,2005-03-01\n", respondents,
                              "--date 2005-04-01");
  CHECK(clash.status == 2);
  CHECK_THAT(clash.err, Catch::Contains("differs from --date 2005-04-01"));
}

TEST_CASE("survey reads one XLSX or ODS workbook with sheets ratings and respondents", "[cli][survey]") {
  // The wave of ratings.csv and respondents.csv, written by tests/data/survey/make_workbooks.py: answers
  // as number cells, the date as a date cell; the XLSX puts respondents first, the ODS ratings.
  const Run csv = run_partnermap("survey '" + survey_register() + "' '" + data_file("survey/ratings.csv") + "' '" +
                                 data_file("survey/respondents.csv") + "' --json");
  REQUIRE(csv.status == 0);
  const auto expected = nlohmann::json::parse(csv.out);
  for (const char* book : {"survey/survey.xlsx", "survey/survey.ods"}) {
    INFO(book);
    const Run r = run_partnermap("survey '" + survey_register() + "' '" + data_file(book) + "' --json");
    REQUIRE(r.status == 0);
    const auto got = nlohmann::json::parse(r.out);
    CHECK(got == expected);
    CHECK(got["survey"]["date"] == "2005-03-01");
    CHECK(got["survey"]["network"]["trust"].get<double>() == Approx(2.5));
    CHECK(entry(got["survey"]["partnerships"], "csp")["satisfied_share"].get<double>() == Approx(0.5));
  }
}

TEST_CASE("survey names the workbook's sheet, row and column of a malformed answer", "[cli][survey]") {
  TempDir dir;
  const Rows ratings = {{"respondent", "about", "partnership", "reliable", "mission", "open", "power", "involvement", "resources", "date"},
                        {"police", "council", "csp", 4, 3, 2, 4, 4, nullptr, "2005-03-01"},
                        {"cvs", "council", "csp", 2, 7, 2, 1, 2, 3, "2005-03-01"}};
  const Rows respondents = {{"respondent", "partnership", "satisfied", "council_facilitates", "consulted_too_often", "date"},
                            {"police", "helth", 4, 3, "yes", "2005-03-01"}};
  REQUIRE(write_workbook(dir, "book.xlsx", {sheet("ratings", ratings), sheet("respondents", respondents)}).status == 0);
  const std::string book = (dir / "book.xlsx").string();
  const Run r = run_partnermap("survey '" + survey_register() + "' '" + book + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains(book + ", sheet ratings row 3, column E \"mission\": \"7\" is not an answer from 1 to 4"));
  CHECK_THAT(r.err, Catch::Contains(book + ", sheet respondents row 2, column B \"partnership\": \"helth\" is not a "
                                           "partnership in the register (did you mean \"health\"?)"));
  CHECK(r.out.empty());
}

namespace {

std::string quoted_wave() {
  return shell_quote(data_file("survey/ratings.csv")) + " " + shell_quote(data_file("survey/respondents.csv"));
}

// A second wave, of 1 September 2005, for register-2005-09.json: it names the Youth Forum, which the
// register of March 2005 does not hold. csp: both partners satisfied; youth: its one partner is not.
void write_september_wave(const TempDir& dir) {
  write_text(dir / "ratings-2005-09.csv", std::string(kRatingsHeading) + "pct,council,youth,2,2,2,3,3,3,2005-09-01\n");
  write_text(dir / "respondents-2005-09.csv", std::string(kRespondentsHeading) +
                                                  "police,csp,3,3,no,2005-09-01\ncvs,csp,4,4,no,2005-09-01\npct,youth,1,2,yes,2005-09-01\n");
}

std::string september_wave(const TempDir& dir) {
  return shell_quote((dir / "ratings-2005-09.csv").string()) + " " + shell_quote((dir / "respondents-2005-09.csv").string());
}

}  // namespace

TEST_CASE("review --survey judges satisfaction by the survey's answers", "[cli][survey]") {
  // The register has no counts for csp and 9 of 10 for health; the survey has csp 1 of 2 satisfied
  // (below the policy's 60%) and health 1 of 1.
  const Run plain = run_partnermap("review '" + survey_register() + "' --json");
  REQUIRE(plain.status == 0);
  CHECK(plain.out.find("low-satisfaction") == std::string::npos);
  const Run r = run_partnermap("review '" + survey_register() + "' --survey " + quoted_wave());
  REQUIRE(r.status == 0);
  // The table wraps the finding; its words are read from the JSON below as well.
  CHECK_THAT(r.out, Catch::Contains("Low stakeholder satisfaction") && Catch::Contains("(50%, below 60%)"));
  CHECK(r.out.find("of 10 stakeholders") == std::string::npos);
  const auto j = nlohmann::json::parse(run_partnermap("review '" + survey_register() + "' --json --survey " + quoted_wave()).out);
  CHECK(j.dump().find("\"low-satisfaction\"") != std::string::npos);
}

TEST_CASE("analyse --survey adds the network's trust and value", "[cli][survey]") {
  const Run r = run_partnermap("analyse '" + survey_register() + "' --survey " + quoted_wave());
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("Stakeholder survey of 1 March 2005: network trust 2.50 of 4 (63%), value 3.00 of 4 (75%)"));
  const Run j = run_partnermap("analyse '" + survey_register() + "' --json --survey " + quoted_wave());
  REQUIRE(j.status == 0);
  const auto s = nlohmann::json::parse(j.out)["survey"];
  CHECK(s["network"]["trust"].get<double>() == Approx(2.5));
  CHECK(entry(s["partnerships"], "csp")["response_rate"].get<double>() == Approx(1.0));
}

TEST_CASE("matrix --survey gains the survey's responses, satisfied and response rate", "[cli][survey]") {
  TempDir dir;
  const std::string csv = (dir / "m.csv").string();
  const Run r = run_partnermap("matrix '" + survey_register() + "' -o '" + csv + "' --survey " + quoted_wave());
  REQUIRE(r.status == 0);
  // csp: 2 respondents, 1 satisfied, 2 of its 2 partners; health: 1 of 2 partners, the register's 9
  // of 10 replaced by the survey's 1 of 1.
  const Run check = run_command(
      "/usr/bin/python3 -c \"import csv,sys; rows={r['Partnership']: r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))}; "
      "c=rows['Community Safety Partnership']; h=rows['Health Improvement Partnership']; "
      "print(c['Survey responses'], c['Satisfied'], c['Survey response rate'], h['Survey responses'], h['Satisfied'], h['Survey response rate'], sep='|')\" '" +
      csv + "'");
  REQUIRE(check.status == 0);
  CHECK(check.out == "2|1|2 of 2 (100%)|1|1|1 of 2 (50%)\n");
  const Run plain = run_partnermap("matrix '" + survey_register() + "' -o '" + (dir / "p.csv").string() + "'");
  REQUIRE(plain.status == 0);
  CHECK(read_text(dir / "p.csv").find("Survey response rate") == std::string::npos);
}

TEST_CASE("diff --survey reads each register with the wave nearest its date", "[cli][survey]") {
  TempDir dir;
  write_september_wave(dir);
  const std::string older = data_file("survey/register.json"), newer = data_file("survey/register-2005-09.json");
  const Run r = run_partnermap("diff --json '" + older + "' '" + newer + "' --survey " + quoted_wave() + " " + september_wave(dir));
  REQUIRE(r.status == 0);
  const auto d = nlohmann::json::parse(r.out);
  const auto findings = [&](const std::string& id, const std::string& list) {
    std::vector<std::string> codes;
    for (const auto& f : d["findings"])
      if (f["id"] == id)
        for (const auto& x : f[list]) codes.push_back(x["code"]);
    return codes;
  };
  const auto has = [](const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  CHECK(has(findings("csp", "resolved"), "low-satisfaction"));  // 1 of 2 in March, 2 of 2 in September
  const Run text = run_partnermap("diff '" + older + "' '" + newer + "' --survey " + quoted_wave() + " " + september_wave(dir));
  CHECK_THAT(text.out, Catch::Contains("resolved: Only 1 of 2 stakeholders surveyed are satisfied"));
}
