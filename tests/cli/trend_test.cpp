#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "hostile_strings.h"
#include "support.h"

using namespace partnermap::test;

namespace {

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + std::string&&.
std::string snapshot(const std::string& name) {
  std::string out = "'";
  out += data_file("survey/" + name);
  out += "'";
  return out;
}

// The three snapshots of tests/data/survey, worked out by hand:
//   2005-03-01: csp (council leads, 20 h) and health (supports, 10 h), Housing 30 of 40 h; health has
//               no indicators (one severe finding), scores (100 + 75) / 2 = 87.5 -> 88; the survey of
//               that date: trust (3 + 2 + 4 + 1) / 4, satisfied 2 of 3.
//   2005-09-01: health ended, youth (council leads, 30 h, no indicators, risk or exit) started:
//               Housing 50 of 40 h, over capacity; csp's review overdue; scores 90, 55 and (ended,
//               capped) 90 -> 78.
//   2006-03-01: capacity 55 (50 h is 91%: stretched); youth has indicators, risk and exit but has
//               never been reviewed: scores 100, 90, 90 -> 93.
void check_three(const nlohmann::json& snaps) {
  REQUIRE(snaps.size() == 3);
  const auto i0 = snaps[0]["indicators"], i1 = snaps[1]["indicators"], i2 = snaps[2]["indicators"];
  CHECK(snaps[0]["as_of"] == "2005-03-01");
  CHECK(snaps[1]["as_of"] == "2005-09-01");
  CHECK(snaps[2]["as_of"] == "2006-03-01");
  CHECK(i0["active_partnerships"] == 2);
  CHECK(i0["lead_share"].get<double>() == Approx(0.5));
  CHECK(i1["lead_share"].get<double>() == Approx(1.0));
  CHECK(i0["overloaded_units"] == 0);
  CHECK(i1["overloaded_units"] == 1);
  CHECK(i2["overloaded_units"] == 0);
  CHECK(i2["stretched_units"] == 1);
  CHECK(i0["hours_committed"].get<double>() == Approx(30));
  CHECK(i1["hours_committed"].get<double>() == Approx(50));
  CHECK(i2["hours_available"].get<double>() == Approx(55));
  CHECK(i0["review_score"] == 88);
  CHECK(i1["review_score"] == 78);
  CHECK(i2["review_score"] == 93);
  CHECK(i0["severe_findings"] == 1);
  CHECK(i1["severe_findings"] == 1);
  CHECK(i2["severe_findings"] == 0);
  CHECK(i0["with_indicators_share"].get<double>() == Approx(0.5));
  CHECK(i2["with_indicators_share"].get<double>() == Approx(1.0));
}

}  // namespace

TEST_CASE("trend over three snapshot files gives the hand-computed indicators, oldest first", "[cli][trend]") {
  TempDir dir;
  const std::string csv = (dir / "trend.csv").string(), svg = (dir / "trend.svg").string();
  const Run r = run_partnermap("trend " + snapshot("register-2006-03.json") + " " + snapshot("register.json") + " " +
                               snapshot("register-2005-09.json") + " --survey " + snapshot("ratings.csv") + " " +
                               snapshot("respondents.csv") + " --json --csv '" + csv + "' --svg '" + svg + "'");
  REQUIRE(r.status == 0);
  const auto snaps = nlohmann::json::parse(r.out)["snapshots"];
  check_three(snaps);
  // The survey wave of 1 March 2005 belongs to the snapshot of that date only.
  CHECK(snaps[0]["survey_date"] == "2005-03-01");
  CHECK(snaps[0]["indicators"]["network_trust"].get<double>() == Approx(2.5));
  CHECK(snaps[0]["indicators"]["satisfied_share"].get<double>() == Approx(2.0 / 3));
  CHECK(snaps[1]["indicators"]["network_trust"].is_null());
  CHECK(snaps[1]["indicators"]["satisfied_share"].is_null());  // no survey, and no counts on the active partnerships
  const std::string table = read_text(csv);
  CHECK_THAT(table, Catch::StartsWith("as_of,source,council,survey_date,active_partnerships,lead_share"));
  CHECK_THAT(table, Catch::Contains("\r\n2005-09-01,"));
  CHECK(run_command("python3 -c \"import csv,sys; rows=list(csv.DictReader(open(sys.argv[1]))); "
                    "assert [r['review_score'] for r in rows]==['88','78','93'], rows\" '" + csv + "'").status == 0);
  CHECK(run_command("xmllint --noout '" + svg + "'").status == 0);
  const std::string picture = read_text(svg);
  CHECK_THAT(picture, Catch::Contains("Network trust (1 to 4)") && Catch::Contains(">2.50<") && Catch::Contains("City Council"));
  // Chromium draws it: one chart per indicator.
  TempDir profile;
  const Run dom = run_command("chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                              "--disable-background-networking --disable-component-update --disable-sync --user-data-dir='" +
                              profile.path.string() + "' --dump-dom 'file://" + svg + "' 2>/dev/null");
  CHECK(dom.status == 0);
  CHECK_THAT(dom.out, Catch::Contains("id=\"network_trust\"") && Catch::Contains("id=\"active_partnerships\""));
}

TEST_CASE("trend reads each survey wave with the snapshot nearest its date", "[cli][trend]") {
  // A wave of 1 September 2005 names the Youth Forum, which only the later registers hold: it is read
  // with the September register, and the March wave with the March one. September: one rating, pct
  // rates the council 2, 2, 2 on trust, so trust 2; respondents police 3 and cvs 4 on csp, pct 1 on
  // youth: 2 of 3 satisfied.
  TempDir dir;
  write_text(dir / "ratings-2005-09.csv", "respondent,about,partnership,reliable,mission,open,power,involvement,resources,date\n"
                                          "pct,council,youth,2,2,2,3,3,3,2005-09-01\n");
  write_text(dir / "respondents-2005-09.csv", "respondent,partnership,satisfied,council_facilitates,consulted_too_often,date\n"
                                              "police,csp,3,3,no,2005-09-01\ncvs,csp,4,4,no,2005-09-01\npct,youth,1,2,yes,2005-09-01\n");
  const Run r = run_partnermap("trend " + snapshot("register.json") + " " + snapshot("register-2005-09.json") + " " +
                               snapshot("register-2006-03.json") + " --json --survey '" + (dir / "ratings-2005-09.csv").string() +
                               "' '" + (dir / "respondents-2005-09.csv").string() + "' " + snapshot("ratings.csv") + " " +
                               snapshot("respondents.csv"));
  REQUIRE(r.status == 0);
  const auto snaps = nlohmann::json::parse(r.out)["snapshots"];
  REQUIRE(snaps.size() == 3);
  CHECK(snaps[0]["survey_date"] == "2005-03-01");
  CHECK(snaps[0]["indicators"]["network_trust"].get<double>() == Approx(2.5));
  CHECK(snaps[1]["survey_date"] == "2005-09-01");
  CHECK(snaps[1]["indicators"]["network_trust"].get<double>() == Approx(2.0));
  CHECK(snaps[1]["indicators"]["satisfied_share"].get<double>() == Approx(2.0 / 3));
  CHECK(snaps[2]["survey_date"].is_null());
  CHECK(snaps[2]["indicators"]["network_trust"].is_null());
}

TEST_CASE("trend --git reads every committed version of the register", "[cli][trend]") {
  TempDir dir;
  const std::string repo = (dir / "repo").string();
  const std::string git = "git -C '" + repo + "' -c user.name=Officer -c user.email=officer@example.org ";
  REQUIRE(run_command("git init -q '" + repo + "'").status == 0);
  for (const char* name : {"register.json", "register-2005-09.json", "register-2006-03.json"}) {
    std::filesystem::copy_file(data_file(std::string("survey/") + name), dir / "repo/register.json",
                               std::filesystem::copy_options::overwrite_existing);
    REQUIRE(run_command(git + "add register.json").status == 0);
    REQUIRE(run_command(git + "commit -q -m 'Register return'").status == 0);
  }
  // A commit that leaves the register alone is not another snapshot.
  write_text(dir / "repo/notes.txt", "minutes\n");
  REQUIRE(run_command(git + "add notes.txt && " + git + "commit -q -m Notes").status == 0);
  const Run r = run_partnermap("trend --git '" + repo + "/register.json' --json");
  REQUIRE(r.status == 0);
  const auto snaps = nlohmann::json::parse(r.out)["snapshots"];
  check_three(snaps);
  CHECK_THAT(snaps[0]["source"].get<std::string>(), Catch::Contains("register.json@"));
  const Run text = run_partnermap("trend --git '" + repo + "/register.json'");
  CHECK_THAT(text.out, Catch::Contains("Key indicators of 3 register snapshots"));
}

TEST_CASE("trend refuses what it cannot read, naming it", "[cli][trend]") {
  TempDir dir;
  write_text(dir / "register.json", read_text(data_file("survey/register.json")));
  const Run not_git = run_partnermap("trend --git '" + (dir / "register.json").string() + "'");
  CHECK(not_git.status == 2);
  CHECK_THAT(not_git.err, Catch::Contains("register.json: is not in a git repository"));
  const Run none = run_partnermap("trend");
  CHECK(none.status == 2);
  const Run bad = run_partnermap("trend " + snapshot("register.json") + " '" + data_file("bad/missing-org.json") + "' --svg '" +
                                 (dir / "t.svg").string() + "'");
  CHECK(bad.status == 2);
  CHECK_FALSE(std::filesystem::exists(dir / "t.svg"));
}

TEST_CASE("trend's chart escapes register text", "[cli][trend]") {
  TempDir dir;
  std::string text = read_text(data_file("survey/register.json"));
  const std::string from = "\"City Council\"";
  text.replace(text.find(from), from.size(), "\"<script>alert('x')</script> & \\\"Council\\\"\"");
  write_text(dir / "hostile.json", text);
  const Run r = run_partnermap("trend '" + (dir / "hostile.json").string() + "' --svg '" + (dir / "t.svg").string() + "'");
  REQUIRE(r.status == 0);
  const std::string svg = read_text(dir / "t.svg");
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK_THAT(svg, Catch::Contains("&lt;script&gt;"));
  CHECK(run_command("xmllint --noout '" + (dir / "t.svg").string() + "'").status == 0);
}

TEST_CASE("brief --previous and --survey add \"Since last time\" and \"What partners say\"", "[cli][trend][brief]") {
  TempDir dir;
  const Run r = run_partnermap("brief " + snapshot("register-2005-09.json") + " --previous " + snapshot("register.json") +
                               " --survey " + snapshot("ratings.csv") + " " + snapshot("respondents.csv") + " -o '" +
                               (dir / "pack").string() + "'");
  REQUIRE(r.status == 0);
  const std::string page = read_text(dir / "pack/index.html");
  const auto since = page.find("Since last time"), partners = page.find("What partners say"), figures = page.find("Headline figures");
  REQUIRE(since != std::string::npos);
  REQUIRE(partners != std::string::npos);
  CHECK(since < figures);  // the monitoring report leads with it
  CHECK_THAT(page, Catch::Contains("Share of active partnerships the Council leads: 50% -&gt; 100%"));
  CHECK_THAT(page, Catch::Contains("Housing (within capacity -&gt; over capacity)"));
  CHECK_THAT(page, Catch::Contains("id=\"network_trust\""));
  const Run none = run_partnermap("brief " + snapshot("register.json") + " --previous " + snapshot("register-2005-09.json") +
                                  " -o '" + (dir / "pack2").string() + "'");
  CHECK(none.status == 2);
  CHECK_THAT(none.err, Catch::Contains("holds no register earlier than 2005-03-01"));
}
