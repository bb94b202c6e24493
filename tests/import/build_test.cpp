#include <catch2/catch.hpp>

#include <algorithm>

#include "import_support.h"
#include "partnermap/load.h"

using namespace partnermap;
using partnermap::test::import_csv_text;
using partnermap::test::problems_text;

namespace {

const std::string kHeader =
    "Partnership,Nature,Council role,Lead partner,Partners,City Vision themes,Business Units and hours,Budget,"
    "Council contribution,Start,End\r\n";

std::string errors_of(const std::string& csv, const std::string& council = "") {
  try {
    import_csv_text(csv, council);
  } catch (const InputError& e) {
    return problems_text(e.problems());
  }
  return "<no error>";
}

const Organisation& org_of(const Register& reg, const Member& m) { return reg.organisations.at(m.org); }

}  // namespace

TEST_CASE("import: a row becomes a partnership with members, themes, commitments, money and dates", "[import]") {
  const Imported im = import_csv_text(
      kHeader +
      "Crime and Disorder,strategic,lead,Carlisle City Council,\"Cumbria Constabulary; Government Office (observer)\","
      "Safer communities,\"Housing: 20 (Safety Officer); Finance 3\",\"\xC2\xA3" "150,000\",25000,31/12/2003,2006-03-31\r\n");
  const Register& reg = im.reg;
  REQUIRE(reg.partnerships.size() == 1);
  const Partnership& p = reg.partnerships[0];
  CHECK(p.id == "crime-and-disorder");
  CHECK(p.nature == Nature::strategic);
  CHECK(reg.organisations[reg.council].name == "Carlisle City Council");
  CHECK(reg.organisations[reg.council].id == "carlisle-city-council");
  REQUIRE(p.members.size() == 3);
  CHECK(p.members[0].org == reg.council);
  CHECK(p.members[0].role == Role::lead);
  CHECK(org_of(reg, p.members[1]).name == "Cumbria Constabulary");
  CHECK(p.members[1].role == Role::support);
  CHECK(org_of(reg, p.members[2]).name == "Government Office");
  CHECK(p.members[2].role == Role::observer);
  REQUIRE(p.themes.size() == 1);
  CHECK(reg.themes[p.themes[0]].id == "safer-communities");
  REQUIRE(p.commitments.size() == 2);
  CHECK(reg.business_units[p.commitments[0].unit].name == "Housing");
  CHECK(p.commitments[0].hours == 20);
  CHECK(p.commitments[0].officer == "Safety Officer");
  CHECK(p.commitments[1].hours == 3);
  CHECK(p.budget->total == 150000);
  CHECK(p.budget->council == 25000);
  CHECK(to_iso(*p.start) == "2003-12-31");
  CHECK(to_iso(*p.end) == "2006-03-31");
  CHECK(to_iso(reg.as_of) == "2004-09-01");
  CHECK(count_errors(check_register(reg, "x")) == 0);
  // Units' capacities are not in a sheet: said once.
  CHECK_THAT(problems_text(im.warnings), Catch::Contains("capacity not recorded"));
}

TEST_CASE("import: every error at once, each at its sheet, row and column", "[import]") {
  const std::string text = errors_of(kHeader +
                                     "A,stratgic,lead,X,,,Housing: twenty,lots,,12/31/2005,\r\n"
                                     "B,project,leed,X,,,,,,,\r\n"
                                     ",project,lead,X,,,,,,,\r\n");
  CHECK_THAT(text, Catch::Contains("Sheet1 row 2, column B \"Nature\": \"stratgic\" is not a nature (did you mean \"strategic\"?)"));
  CHECK_THAT(text, Catch::Contains("Sheet1 row 2, column G \"Business Units and hours\": \"twenty\" is not a number of hours"));
  CHECK_THAT(text, Catch::Contains("Sheet1 row 2, column H \"Budget\": \"lots\" is not an amount of money"));
  CHECK_THAT(text, Catch::Contains("Sheet1 row 2, column J \"Start\": \"12/31/2005\" is not a date: there is no month 31; "
                                   "dates are read day/month/year (UK order)"));
  CHECK_THAT(text, Catch::Contains("Sheet1 row 3, column C \"Council role\": \"leed\" is not a Council role (did you mean \"lead\"?)"));
  CHECK_THAT(text, Catch::Contains("Sheet1 row 4, column A \"Partnership\": no partnership name"));
}

TEST_CASE("import: a missing nature, the end before the start and a half-given survey", "[import]") {
  const std::string text = errors_of("Partnership,Nature,Start,End,Survey responses\nA,,1/1/2005,1/1/2004,4\n");
  CHECK_THAT(text, Catch::Contains("Sheet1 row 2, column B \"Nature\": no nature: write strategic, operational, funding or project"));
  CHECK_THAT(text, Catch::Contains("Sheet1 row 2, column D \"End\": the end, 2004-01-01, is before the start, 2005-01-01"));
  CHECK_THAT(text, Catch::Contains("Sheet1 row 2, column E \"Survey responses\": the survey needs both figures"));
}

TEST_CASE("import: empty rows are skipped; a total row is skipped with a note", "[import]") {
  const Imported im = import_csv_text(kHeader + "A,strategic,lead,X,,,,100,,,\r\n\r\n,,,,,,,,,,\r\n"
                                                "B,project,support,,,,,200,,,\r\nTotal,,,,,,,300,,,\r\n");
  CHECK(im.reg.partnerships.size() == 2);
  CHECK_THAT(problems_text(im.warnings),
             Catch::Contains("warning: Sheet1 row 6: a total row; skipped: partnermap works totals out from the partnerships"));
}

TEST_CASE("import: the council from --council, or the lead partner where the Council role is lead", "[import]") {
  const std::string rows = kHeader + "A,strategic,lead,Carlisle City Council,Eden DC,,,,,,\r\n"
                                     "B,strategic,lead,Cumbria County Council,,,,,,,\r\n"
                                     "C,project,lead,Carlisle City Council,,,,,,,\r\n"
                                     "D,project,support,Cumbria County Council,CARLISLE CITY COUNCIL,,,,,,\r\n";
  const Imported guessed = import_csv_text(rows);
  CHECK(guessed.reg.organisations[guessed.reg.council].name == "Carlisle City Council");
  // B is led by the council and the county together; D names the council among the partners in other case.
  const Partnership& b = guessed.reg.partnerships[1];
  CHECK(b.members.size() == 2);
  CHECK(guessed.reg.partnerships[3].members[0].org == guessed.reg.council);
  CHECK(guessed.reg.partnerships[3].members[0].role == Role::support);

  const Imported named = import_csv_text(kHeader + "A,strategic,support,Eden DC,the council,,,,,,\r\n", "The Council");
  CHECK(named.reg.organisations[named.reg.council].name == "The Council");
  CHECK(named.reg.partnerships[0].members.size() == 2);
  CHECK(named.reg.organisations.size() == 2);  // "the council" in the sheet is the council named

  const Imported unnamed = import_csv_text("Partnership,Nature\nA,strategic\n");
  CHECK(unnamed.reg.organisations[unnamed.reg.council].name == "the Council");
  CHECK_THAT(problems_text(unnamed.warnings), Catch::Contains("give its name with --council NAME"));
}

TEST_CASE("import: the Council role and the lead partner must agree", "[import]") {
  CHECK_THAT(errors_of(kHeader + "A,strategic,support,The Council,,,,,,,\r\n", "The Council"),
             Catch::Contains("Sheet1 row 2, column C \"Council role\": the Council role is support, but Sheet1 row 2, column D "
                             "\"Lead partner\" names the council (The Council) as lead partner; make them agree"));
}

TEST_CASE("import: a blank Council role means not a member, with a warning", "[import]") {
  const Imported im = import_csv_text(kHeader + "A,strategic,,Eden DC,,,,,,,\r\nB,strategic,not a member,Eden DC,,,,,,,\r\n", "The Council");
  CHECK(im.reg.partnerships[0].members.size() == 1);
  CHECK(im.reg.partnerships[1].members.size() == 1);
  CHECK_THAT(problems_text(im.warnings), Catch::Contains("Sheet1 row 2, column C \"Council role\": no Council role"));
  CHECK_THAT(problems_text(im.warnings), !Catch::Contains("Sheet1 row 3, column C"));
}

TEST_CASE("import: a partner named twice is kept once; the lead among the partners is the lead", "[import]") {
  const Imported im = import_csv_text(kHeader + "A,strategic,lead,\"The Council; Eden DC\",\"Eden DC; Fire; Fire\",,,,,,\r\n", "The Council");
  const Partnership& p = im.reg.partnerships[0];
  REQUIRE(p.members.size() == 3);
  CHECK(p.members[1].role == Role::lead);
  CHECK_THAT(problems_text(im.warnings), Catch::Contains("\"Fire\" is named more than once"));
  CHECK_THAT(problems_text(im.warnings), !Catch::Contains("\"Eden DC\" is named more than once"));
}

TEST_CASE("import: unknown columns are kept on the partnership", "[import]") {
  const Imported im = import_csv_text("Partnership,Nature,Lead officer,Ward\nA,strategic,Ann Smith,\nB,project,,12\n");
  CHECK(im.reg.partnerships[0].extra == nlohmann::json{{"lead_officer", "Ann Smith"}});
  CHECK(im.reg.partnerships[1].extra == nlohmann::json{{"ward", "12"}});
  CHECK_THAT(problems_text(im.warnings), Catch::Contains("column C \"Lead officer\": not a column partnermap knows"));
}

TEST_CASE("import: ids from an Id column or made from names; parents by name or id", "[import]") {
  const Imported im = import_csv_text(
      "Id,Partnership,Nature,Parent partnership\nlsp,Local Strategic Partnership,strategic,\n,Health Group,strategic,lsp\n"
      ",Health group,project,local strategic partnership\n");
  const auto& ps = im.reg.partnerships;
  CHECK(ps[0].id == "lsp");
  CHECK(ps[1].id == "health-group");
  CHECK(ps[2].id == "health-group-2");
  CHECK(*ps[1].parent == 0);
  CHECK(*ps[2].parent == 0);
  CHECK_THAT(errors_of("Id,Partnership,Nature,Parent partnership\na,A,strategic,\na,B,strategic,Locl Strategic\n"),
             Catch::Contains("Sheet1 row 3, column A \"Id\": \"a\" is already the id of \"A\" (Sheet1 row 2)") &&
                 Catch::Contains("Sheet1 row 3, column D \"Parent partnership\": \"Locl Strategic\" is not a partnership"));
  CHECK_THAT(errors_of("Partnership,Nature,Parent partnership\nA,strategic,B\nB,strategic,A\n"),
             Catch::Contains("Sheet1 row 2 (partnerships[0] \"A\": parent): the parents go round in a circle"));
}

TEST_CASE("import: the other fields of the register", "[import]") {
  const Imported im = import_csv_text(
      "Partnership,Nature,Stage,Risk,Exit strategy,Last review,Indicators,Evaluation,Management,Accountable body,"
      "Permanent posts,Posts funded until,Survey responses,Satisfied\n"
      "A,funding,running,High,succession,15 March 2004,\"Crime down; Fear down\",Audit,\"Board\nquarterly\",Eden DC,2,31/03/2005,18,12\n");
  const Register& reg = im.reg;
  const Partnership& p = reg.partnerships[0];
  CHECK(*p.stage == Stage::running);
  CHECK(*p.risk == Risk::high);
  CHECK(*p.exit_strategy == ExitStrategy::succession);
  CHECK(to_iso(*p.last_review) == "2004-03-15");
  CHECK(*p.indicators == std::vector<std::string>{"Crime down", "Fear down"});
  CHECK(*p.evaluation == "Audit");
  CHECK(*p.management == "Board\nquarterly");
  CHECK(reg.organisations[*p.accountable_body].name == "Eden DC");
  CHECK(p.posts->permanent == 2);
  CHECK(to_iso(*p.posts->funded_until) == "2005-03-31");
  CHECK(p.survey->responses == 18);
  CHECK(p.survey->satisfied == 12);
  CHECK_THAT(errors_of("Partnership,Nature,Survey responses,Satisfied\nA,funding,3,4\n"),
             Catch::Contains("column D \"Satisfied\": 4 satisfied is more than the 3 survey responses"));
}

TEST_CASE("import: theme tick columns and hours totals", "[import]") {
  const Imported im = import_csv_text(
      "Partnership,Nature,Economy,Safer,Business Units and hours,Council hours a month\n"
      "A,strategic,\xE2\x9C\x93,,Housing: 5; Finance: 5,10\nB,project,,\xE2\x9C\x93,Housing: 5,7\n");
  const Register& reg = im.reg;
  REQUIRE(reg.themes.size() == 2);
  CHECK(reg.themes[0].name == "Economy");
  CHECK(reg.partnerships[0].themes == std::vector<Index>{0});
  CHECK(reg.partnerships[1].themes == std::vector<Index>{1});
  const std::string w = problems_text(im.warnings);
  CHECK_THAT(w, Catch::Contains("Sheet1 row 3, column F \"Council hours a month\": the Business Units' hours add up to 5, not \"7\""));
  CHECK_THAT(errors_of("Partnership,Nature,Business Units and hours,Council hours a month\nC,project,,4\n"),
             Catch::Contains("Sheet1 row 2, column D \"Council hours a month\": these hours have no Business Unit: name the unit "
                             "that gives them in column C \"Business Units and hours\", or write them here as \"Housing: 4\""));
  CHECK_THAT(errors_of("Partnership,Nature,Theme: Safer\nA,strategic,maybe\n"),
             Catch::Contains("Sheet1 row 2, column C \"Theme: Safer\": \"maybe\" is not a tick"));
}

TEST_CASE("import: a formula neutralised in a CSV and text edges", "[import]") {
  const Imported im = import_csv_text("Partnership,Nature,Management\n'=1+1,strategic,\"  Board  meets  \"\n");
  CHECK(im.reg.partnerships[0].name == "=1+1");
  CHECK(*im.reg.partnerships[0].management == "Board  meets");
}

TEST_CASE("import: values with no heading are reported", "[import]") {
  const Imported im = import_csv_text("Partnership,Nature,\nA,strategic,note\n");
  CHECK_THAT(problems_text(im.warnings), Catch::Contains("Sheet1 row 2, column C: this column has values but no heading"));
}

TEST_CASE("import: near-duplicate organisations are warned about in the import", "[import]") {
  const Imported im = import_csv_text(kHeader + "A,strategic,lead,The Council,Carlisle Council for Voluntary Service,,,,,,\r\n"
                                                "B,strategic,lead,The Council,Carlisle CVS,,,,,,\r\n", "The Council");
  CHECK(im.reg.organisations.size() == 3);
  CHECK_THAT(problems_text(im.warnings), Catch::Contains("warning: Sheet1 row 3, column E \"Partners\": \"Carlisle CVS\" and "
                                                         "\"Carlisle Council for Voluntary Service\""));
}

TEST_CASE("import: the council's hours from an hours column, with the unit named beside them", "[import]") {
  const Imported im = import_csv_text(
      "Partnership,Nature,Service,Staff hours a month\n"
      "A,strategic,Housing,30 hrs/month\nB,project,Leisure (Sport),12h\nC,project,\"Housing: 4; Planning 2h\",\n");
  const Register& reg = im.reg;
  REQUIRE(reg.partnerships.size() == 3);
  REQUIRE(reg.partnerships[0].commitments.size() == 1);
  CHECK(reg.business_units[reg.partnerships[0].commitments[0].unit].name == "Housing");
  CHECK(reg.partnerships[0].commitments[0].hours == 30);
  CHECK(reg.business_units[reg.partnerships[1].commitments[0].unit].name == "Leisure (Sport)");
  CHECK(reg.partnerships[1].commitments[0].hours == 12);
  REQUIRE(reg.partnerships[2].commitments.size() == 2);
  CHECK(reg.partnerships[2].commitments[1].hours == 2);
  CHECK(im.figure_columns == std::vector<std::pair<std::string, std::string>>{
                                 {"nature", "column B \"Nature\""}, {"Council role", "no column"},
                                 {"staff time", "column C \"Service\" and column D \"Staff hours a month\""}});
  // Units written with their hours under an hours heading.
  const Imported units = import_csv_text("Partnership,Nature,Officer time (hrs/month)\nA,strategic,\"Regeneration: 20 hrs; Planning 6h\"\n");
  REQUIRE(units.reg.partnerships[0].commitments.size() == 2);
  CHECK(units.reg.partnerships[0].commitments[0].hours == 20);
  CHECK(units.reg.partnerships[0].commitments[1].hours == 6);
}

TEST_CASE("import: hours that no Business Unit could be recorded against are an error, never dropped", "[import]") {
  CHECK_THAT(errors_of("Partnership,Nature,Staff hours a month\nA,strategic,30\nB,project,0\nC,project,4 hours\n"),
             Catch::EndsWith("\nSheet1 row 1, column C \"Staff hours a month\": the council's hours in this column (2 rows, the first Sheet1 row 2, "
        "column C \"Staff hours a month\") have no Business Unit to be recorded against, so they would be lost: add a column "
        "headed \"Business Unit\" naming the unit that gives them, or write each cell as \"Housing: 30\"\n"));
  CHECK_THAT(errors_of("Partnership,Nature,Service,Staff hours a month\nA,strategic,Housing; Planning,30\n"),
             Catch::Contains("Sheet1 row 2, column C \"Service\": names 2 Business Units, but the hours (Sheet1 row 2, column D "
                             "\"Staff hours a month\") are one figure: give each unit its hours here, such as \"Housing: 20\""));
  CHECK_THAT(errors_of("Partnership,Nature,Service,Staff hours a month\nA,strategic,Housing,\n"),
             Catch::Contains("Sheet1 row 2, column C \"Service\": no hours for \"Housing\": write them in column D \"Staff hours a "
                             "month\", or here as \"Housing: 20\""));
  CHECK_THAT(errors_of("Partnership,Nature,Staff hours a month,Service\nA,strategic,30 hours a week,Housing\n"),
             Catch::Contains("Sheet1 row 2, column C \"Staff hours a month\": \"30 hours a week\" is hours a week"));
}

TEST_CASE("import: the council by its initials or an alias is never a second organisation", "[import]") {
  const Imported im = import_csv_text(
      "Partnership,Nature,Council role,Lead partner,Partners\n"
      "A,strategic,lead,Kestrel District Council,\"Kestrel Homes (co-lead); Shelter\"\n"
      "B,project,support,Kestrel YMCA,\"KDC; Kestrel College (joint lead)\"\n");
  const Register& reg = im.reg;
  REQUIRE(reg.organisations.size() == 5);  // the council, Kestrel Homes, Shelter, Kestrel YMCA, Kestrel College
  CHECK(reg.organisations[0].name == "Kestrel District Council");
  const Partnership& a = reg.partnerships[0];
  REQUIRE(a.members.size() == 3);
  CHECK(reg.organisations[a.members[1].org].name == "Kestrel Homes");
  CHECK(a.members[1].role == Role::lead);
  const Partnership& b = reg.partnerships[1];
  REQUIRE(b.members.size() == 3);
  CHECK(b.members[0].org == reg.council);
  CHECK(b.members[0].role == Role::support);
  CHECK(reg.organisations[b.members[2].org].name == "Kestrel College");
  CHECK(b.members[2].role == Role::lead);
  // An alias given by the officer.
  ImportOptions options = partnermap::test::import_options("Kestrel District Council");
  options.council_aliases = {"Kestrel DC"};
  const Imported alias = import_sheet(read_csv("Partnership,Nature,Council role,Partners\nA,strategic,support,Kestrel DC; Shelter\n", "Sheet1"), options);
  CHECK(alias.reg.organisations.size() == 2);
  // Initials written where the council leads: the council is the body the sheet names in full.
  const Imported initials = import_csv_text(
      "Partnership,Nature,Council role,Lead partner,Partners\nA,strategic,lead,KDC,Shelter\nB,project,support,Shelter,Kestrel District Council\n");
  CHECK(initials.reg.organisations[0].name == "Kestrel District Council");
  CHECK(initials.reg.organisations.size() == 2);
}

TEST_CASE("import: the Council role column wins over a partners cell, with a note", "[import]") {
  const Imported im = import_csv_text(
      "Partnership,Nature,NBC role,Lead partner,Partners\n"
      "A,strategic,lead,Northfield Borough Council,Police\n"
      "B,project,support,Northfield PCT,NBC (joint lead)\n");
  const Partnership& b = im.reg.partnerships[1];
  CHECK(b.members[0].org == im.reg.council);
  CHECK(b.members[0].role == Role::support);
  CHECK_THAT(problems_text(im.warnings),
             Catch::Contains("warning: Sheet1 row 3, column E \"Partners\": names the council (Northfield Borough Council) as a "
                             "partner (lead), but the Council role (Sheet1 row 3, column C \"NBC role\") is support; the Council "
                             "role column is kept: correct one of them if it is wrong"));
  // Named at all where the role column says it is not a member.
  const Imported none = import_csv_text("Partnership,Nature,Council role,Partners\nA,strategic,not a member,Northfield Borough Council; Police\n",
                                        "Northfield Borough Council");
  CHECK(none.reg.partnerships[0].members.size() == 1);
  CHECK_THAT(problems_text(none.warnings),
             Catch::Contains("warning: Sheet1 row 2, column D \"Partners\": names the council (Northfield Borough Council) as a "
                             "partner (support), but the Council role (Sheet1 row 2, column C \"Council role\") is not a member; "
                             "the Council role column is kept"));
}

TEST_CASE("import: dates as officers write them", "[import]") {
  const Imported im = import_csv_text("Partnership,Nature,Start,Last review\nA,strategic,1st June 2012,April 2016\n");
  CHECK(to_iso(*im.reg.partnerships[0].last_review) == "2016-04-01");
  CHECK_THAT(problems_text(im.warnings),
             Catch::Contains("warning: Sheet1 row 2, column D \"Last review\": \"April 2016\" gives no day, so it is read as "
                             "1 April 2016, the first of the month; write the day if it is another"));
  CHECK_THAT(errors_of("Partnership,Nature,Date established\nA,strategic,2016\n"),
             Catch::Contains("Sheet1 row 2, column C \"Date established\": \"2016\" is a year, not a date: write the day it "
                             "stands for as day/month/year (1/4/2016), as 2016-04-01 or as 1 April 2016 (or April 2016 for a month)"));
}

TEST_CASE("import: figures beyond what a register holds are refused at their cell", "[import]") {
  Sheet s = read_csv("Partnership,Nature,Budget\nA,strategic,x\n", "Sheet1");
  s.rows[1][2] = SheetCell{"1E+308", 1e308, std::nullopt};
  try {
    import_sheet(s, partnermap::test::import_options());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(problems_text(e.problems()), Catch::Contains("\nSheet1 row 2, column C \"Budget\": \"1E+308\" is more than "
                                                            "partnermap takes (\xC2\xA3" "10000000000 a year); write the pounds a year\n"));
  }
  CHECK_THAT(errors_of("Partnership,Nature,Business Units and hours\nA,strategic,Housing: 200000\n"),
             Catch::Contains("Sheet1 row 2, column C \"Business Units and hours\": 200000 hours a month for \"Housing\" is more "
                             "than partnermap takes (100000, some six hundred full-time staff)"));
}

TEST_CASE("import: a row naming thousands of organisations", "[import]") {
  std::string partners;
  for (int i = 0; i < 3000; ++i) partners += "Organisation " + std::to_string(i) + " of Northfield;";
  const Imported im = import_csv_text("Partnership,Nature,Council role,Partners\nA,strategic,support,\"" + partners + "\"\n", "Northfield Council");
  CHECK(im.reg.organisations.size() == 3001);
  CHECK(im.reg.partnerships[0].members.size() == 3001);
}
