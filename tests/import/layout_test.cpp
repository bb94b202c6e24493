#include <catch2/catch.hpp>

#include "import/layout.h"
#include "import_support.h"
#include "import/names.h"

using namespace partnermap;
using namespace partnermap::import;

TEST_CASE("import layout: headings matched leniently, with the words councils use", "[import]") {
  CHECK(recognise_heading("PARTNERSHIP NAME") == Field::name);
  CHECK(recognise_heading("Council's role") == Field::role);
  CHECK(recognise_heading("Lead organisation") == Field::lead);
  CHECK(recognise_heading("Budget (\xC2\xA3 a year)") == Field::budget);
  // A sign outside brackets is not a word; letters beyond ASCII are.
  CHECK(recognise_heading("Budget \xC2\xA3") == Field::budget);
  CHECK(recognise_heading("\xE2\x82\xAC Budget") == Field::budget);
  CHECK(recognise_heading("Hours \xE2\x80\x93 officer") == Field::hours);
  CHECK_FALSE(recognise_heading("Budg\xC3\xA9t"));
  CHECK(recognise_heading("Business Units (hours a month)") == Field::units);
  CHECK(recognise_heading("  start-date ") == Field::start);
  CHECK(recognise_heading("Indicators or evaluation") == Field::indicators);
  CHECK_FALSE(recognise_heading("Lead officer"));
  CHECK(suggest_heading("Natur") == "Nature");
}

TEST_CASE("import layout: headings in officers' own words are matched by their key words", "[import]") {
  CHECK(recognise_heading("Staff hours a month") == Field::hours);
  CHECK(recognise_heading("Officer input (hours)") == Field::hours);
  CHECK(recognise_heading("Officer time (hrs/month)") == Field::hours);
  CHECK(recognise_heading("Monthly hours") == Field::hours);
  CHECK(recognise_heading("Council involvement") == Field::role);
  CHECK(recognise_heading("Our role") == Field::role);
  CHECK(recognise_heading("CCC role") == Field::role);  // initials of a council not yet named
  CHECK(recognise_heading("Kind of partnership") == Field::nature);
  CHECK(recognise_heading("Type of partnership") == Field::nature);
  CHECK(recognise_heading("Ref. no") == Field::id);
  CHECK(recognise_heading("Current status") == Field::stage);
  CHECK(recognise_heading("Measures of success") == Field::indicators);
  CHECK(recognise_heading("KPIs") == Field::indicators);
  CHECK(recognise_heading("When last reviewed") == Field::last_review);
  CHECK(recognise_heading("Date of review") == Field::last_review);
  CHECK(recognise_heading("Name of partnership") == Field::name);
  CHECK(recognise_heading("Partnership title") == Field::name);
  CHECK(recognise_heading("Other partners involved") == Field::partners);
  CHECK(recognise_heading("Lead partner(s)") == Field::lead);
  CHECK(recognise_heading("Service") == Field::units);
  CHECK(recognise_heading("Date established") == Field::start);
  CHECK(recognise_heading("Expiry date") == Field::end);
  CHECK(recognise_heading("Council funding (\xC2\xA3)") == Field::council);
  CHECK(recognise_heading("Total funding (\xC2\xA3)") == Field::budget);
  CHECK(recognise_heading("Funding end date") == Field::funded_until);
  // Not the field: about it, or another thing.
  CHECK_FALSE(recognise_heading("Budget notes"));
  CHECK_FALSE(recognise_heading("Next review due"));
  CHECK_FALSE(recognise_heading("Partner roles"));
  CHECK_FALSE(recognise_heading("Partnership description"));
  CHECK_FALSE(recognise_heading("Lead officer contact"));
  CHECK_FALSE(closest_field("Council lead officer"));
  CHECK_FALSE(closest_field("Next review due"));
  CHECK(recognise_heading("Dept") == Field::units);
  CHECK_FALSE(closest_field("Partner roles"));
  CHECK_FALSE(closest_field("Lead officer"));  // a word the lead partner's heading never has
  CHECK(closest_field("Budget notes") == Field::budget);
  CHECK(closest_field("Partnership kind or sort") == Field::nature);
  CHECK_FALSE(closest_field("Blank"));
}

TEST_CASE("import layout: the council's own initials and name words narrow a heading", "[import]") {
  const CouncilNames kestrel{"Kestrel District Council", {}};
  CHECK(recognise_heading("KDC role", kestrel) == Field::role);
  CHECK(recognise_heading("Kestrel's role", kestrel) == Field::role);
  CHECK(recognise_heading("KDC officer hours", kestrel) == Field::hours);
  CHECK_FALSE(recognise_heading("CVS role", kestrel));  // another body's initials
  CHECK(initials("London Borough of Hackney") == "LBH");
  CHECK(initials("Carlisle City Council") == "CCC");
}

TEST_CASE("import layout: a heading that could be two fields is an error with both", "[import]") {
  std::vector<Problem> problems;
  find_layout(read_csv("Partnership,Nature,Council role and hours\nA,strategic,lead 20\n", "Sheet1"), problems);
  REQUIRE(problems.size() == 1);
  CHECK(format_problem(problems[0]) ==
        "Sheet1 row 1, column C \"Council role and hours\": this heading could name \"Council role\" or \"Council hours a "
        "month\"; say which with --column \"Council role and hours=Council role\" or --column \"Council role and "
        "hours=Council hours a month\" (or --column \"Council role and hours=extra\" to keep it as it is)");
}

TEST_CASE("import layout: --column maps any heading by hand", "[import]") {
  ImportOptions options;
  options.columns = {{"Scheme", "Partnership"}, {"Officer commitment", "Council hours a month"}, {"Chair", "ignore"},
                     {"Partner roles", "extra"}, {"Safer", "theme"}};
  std::vector<Problem> problems;
  const auto layout = find_layout(
      read_csv("Scheme,Nature,Officer commitment,Chair,Partner roles,Safer\nA,strategic,20,Ann,x,yes\n", "Sheet1"), problems, options);
  REQUIRE(layout);
  CHECK(problems.empty());
  CHECK(layout->columns[0].field == Field::name);
  CHECK(layout->columns[2].field == Field::hours);
  CHECK(layout->columns[3].field == Field::ignore);
  CHECK(layout->columns[4].field == Field::extra);
  CHECK(layout->columns[4].extra_key == "partner_roles");
  CHECK(layout->columns[5].field == Field::theme);
  CHECK(field_named("last_review") == Field::last_review);
  CHECK(field_named("hours") == Field::hours);
  CHECK_FALSE(field_named("colour"));
}

TEST_CASE("import layout: a --column that names no heading, or no field, is an error", "[import]") {
  ImportOptions options;
  options.columns = {{"Staff hour", "Council hours a month"}, {"Nature", "colour"}};
  std::vector<Problem> problems;
  find_layout(read_csv("Partnership,Nature,Staff hours\nA,strategic,2\n", "Sheet1"), problems, options);
  const std::string all = partnermap::test::problems_text(problems);
  CHECK_THAT(all, Catch::Contains("--column \"Nature=colour\": \"colour\" is not a field partnermap knows; the fields are \"Id\", "));
  CHECK_THAT(all, Catch::Contains("--column \"Staff hour=Council hours a month\": the header row (Sheet1 row 1) has no heading "
                                  "\"Staff hour\" (did you mean \"Staff hours\"?); write the heading as the sheet does"));
}

TEST_CASE("import layout: a column a figure depends on is never kept quietly", "[import]") {
  // No column gives the council's staff time, and "Hours spent by us" looks like it.
  std::vector<Problem> problems;
  find_layout(read_csv("Partnership,Nature,Hours spent on it by people\nA,strategic,20\n", "Sheet1"), problems);
  REQUIRE(problems.size() == 1);
  CHECK(format_problem(problems[0]) ==
        "Sheet1 row 1, column C \"Hours spent on it by people\": this looks like the \"Council hours a month\" column, and "
        "no other column gives it, so the figures that depend on it would be wrong; if it is that column, map it with "
        "--column \"Hours spent on it by people=Council hours a month\", or keep it as it is with --column \"Hours spent "
        "on it by people=extra\"");
  // The nature likewise, instead of "no Nature column".
  problems.clear();
  find_layout(read_csv("Partnership,Council role,Partnership kind or sort,x\nA,lead,strategic,1\n", "Sheet1"), problems);
  REQUIRE(problems.size() >= 1);
  CHECK_THAT(format_problem(problems[0]), Catch::StartsWith("Sheet1 row 1, column C \"Partnership kind or sort\": this looks like the \"Nature\" column"));
  for (const Problem& p : problems) CHECK_THAT(p.message, !Catch::Contains("no \"Nature\" column"));
  // With the figure given by another column, the look-alike is only kept, with a warning.
  problems.clear();
  find_layout(read_csv("Partnership,Nature,Business Units and hours,Hours spent on it by people\nA,strategic,Housing: 2,20\n", "Sheet1"), problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].severity == Severity::warning);
}

TEST_CASE("import layout: a sheet wider than a spreadsheet is refused at once", "[import]") {
  Sheet s = read_csv("Partnership,Nature\nA,strategic\n", "Sheet1");
  s.rows[1][kMaxColumns] = SheetCell{"x", {}, {}};
  std::vector<Problem> problems;
  CHECK_FALSE(find_layout(s, problems));
  REQUIRE(problems.size() == 1);
  CHECK(format_problem(problems[0]) ==
        "Sheet1 row 2, column XFE: the sheet goes beyond column XFD, the last of the 16384 columns a spreadsheet has; "
        "partnermap reads no sheet wider than that: delete the columns past XFD, or check that this is the register");
}

TEST_CASE("import layout: many columns, and many with one heading, are read in linear time", "[import]") {
  std::string header = "Partnership,Nature", row = "A,strategic";
  for (int i = 0; i < 16000; ++i) header += ",Same", row += ",v";
  std::vector<Problem> problems;
  const auto layout = find_layout(read_csv(header + "\n" + row + "\n", "Sheet1"), problems);
  REQUIRE(layout);
  REQUIRE(layout->columns.size() == 16002);
  CHECK(layout->columns[2].extra_key == "same");
  CHECK(layout->columns[3].extra_key == "same_2");
  CHECK(layout->columns.back().extra_key == "same_16000");
  CHECK(layout->column_at(16001) == &layout->columns.back());
}

TEST_CASE("import layout: the header row may sit below title rows", "[import]") {
  std::vector<Problem> problems;
  const Sheet s = read_csv("Carlisle City Council\nPartnership register 2004\n\nPartnership,Nature\nA,strategic\n", "Sheet1");
  const auto layout = find_layout(s, problems);
  REQUIRE(layout);
  CHECK(layout->header_row == 3);
  CHECK(layout->first_data_row == 4);
  CHECK(problems.empty());
}

TEST_CASE("import layout: no header row", "[import]") {
  std::vector<Problem> problems;
  CHECK_FALSE(find_layout(read_csv("a,b\nc,d\n", "Sheet1"), problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where == "Sheet1");
  CHECK_THAT(problems[0].message, Catch::StartsWith("no header row"));
}

TEST_CASE("import layout: a missing required column", "[import]") {
  std::vector<Problem> problems;
  find_layout(read_csv("Title\nPartnership,Council role\nA,lead\n", "Sheet1"), problems);
  REQUIRE(problems.size() == 1);
  CHECK(format_problem(problems[0]) ==
        "Sheet1 row 2: no \"Nature\" column: every partnership needs its nature (strategic, operational, funding or "
        "project); add a column headed \"Nature\", or map yours with --column \"HEADING=Nature\"");
}

TEST_CASE("import layout: unknown columns are kept with a warning; a column given twice is an error", "[import]") {
  std::vector<Problem> problems;
  const auto layout = find_layout(read_csv("Partnership,Nature,Natur,Lead officer,Blank,Type\nA,strategic,x,Ann,,y\n", "Sheet1"), problems);
  REQUIRE(layout);
  REQUIRE(problems.size() == 4);
  CHECK(format_problem(problems[0]) ==
        "warning: Sheet1 row 1, column C \"Natur\": not a column partnermap knows; its values are kept on each "
        "partnership as \"natur\" (it looks closest to \"Nature\": if it is that, map it with --column \"Natur=Nature\")");
  CHECK(format_problem(problems[1]) ==
        "warning: Sheet1 row 1, column D \"Lead officer\": not a column partnermap knows; its values are kept on each "
        "partnership as \"lead_officer\" (it looks like none of partnermap's columns; to map it to one, use --column "
        "\"Lead officer=FIELD\" with FIELD a heading from the README's import section)");
  CHECK(format_problem(problems[2]) ==
        "warning: Sheet1 row 1, column E \"Blank\": not a column partnermap knows; it has no values, so it is left out (it "
        "looks like none of partnermap's columns; to map it to one, use --column \"Blank=FIELD\" with FIELD a heading from "
        "the README's import section)");
  CHECK(format_problem(problems[3]) ==
        "Sheet1 row 1, column F \"Type\": this is the \"Nature\" column again (column B \"Nature\" is one already); keep "
        "one, rename the other, or map it with --column \"Type=extra\"");
}

TEST_CASE("import layout: an unknown column of ticks is a theme; 'Theme: X' names one", "[import]") {
  std::vector<Problem> problems;
  const auto layout = find_layout(
      read_csv("Partnership,Nature,Economic prosperity,Theme: Safer communities\nA,strategic,\xE2\x9C\x93,x\nB,project,,\n", "Sheet1"),
      problems);
  REQUIRE(layout);
  CHECK(problems.empty());
  CHECK(layout->columns[2].field == Field::theme);
  CHECK(layout->columns[2].theme == "Economic prosperity");
  CHECK(layout->columns[3].field == Field::theme);
  CHECK(layout->columns[3].theme == "Safer communities");
}

TEST_CASE("import layout: merged headings over sub-headings and down two rows", "[import]") {
  // Row 1 a title merged across; row 2 headings, "City Vision themes" merged over C2:D2 with a theme
  // under each, "Partnership" and "Nature" merged down over rows 2 and 3.
  Sheet s = read_csv("Partnership register\nPartnership,Nature,City Vision themes,,Budget\n,,Economy,Safer,Total\nA\n", "Sheet1");
  s.merged = {{0, 0, 0, 4}, {1, 0, 2, 0}, {1, 1, 2, 1}, {1, 2, 1, 3}};
  std::vector<Problem> problems;
  const auto layout = find_layout(s, problems);
  REQUIRE(layout);
  CHECK(problems.empty());
  CHECK(layout->header_row == 1);
  CHECK(layout->first_data_row == 3);
  REQUIRE(layout->columns.size() == 5);
  CHECK(layout->columns[0].field == Field::name);
  CHECK(layout->columns[1].field == Field::nature);
  CHECK(layout->columns[2].field == Field::theme);
  CHECK(layout->columns[2].theme == "Economy");
  CHECK(layout->columns[3].theme == "Safer");
  CHECK(layout->columns[4].field == Field::budget);  // "Budget" over "Total"
}

TEST_CASE("import layout: a heading merged across columns with nothing under it covers them", "[import]") {
  Sheet s = read_csv("Partnership,Nature,Partners\nA\n", "Sheet1");
  s.merged = {{0, 2, 0, 4}};
  std::vector<Problem> problems;
  const auto layout = find_layout(s, problems);
  REQUIRE(layout);
  REQUIRE(layout->columns.size() == 3);
  CHECK(layout->columns[2].field == Field::partners);
  CHECK(layout->columns[2].last_col == 4);
  CHECK(layout->first_data_row == 1);
}
