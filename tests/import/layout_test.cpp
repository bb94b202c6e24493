#include <catch2/catch.hpp>

#include "import/layout.h"
#include "import_support.h"

using namespace partnermap;
using namespace partnermap::import;

TEST_CASE("import layout: headings matched leniently, with the words councils use", "[import]") {
  CHECK(recognise_heading("PARTNERSHIP NAME") == Field::name);
  CHECK(recognise_heading("Council's role") == Field::role);
  CHECK(recognise_heading("Lead organisation") == Field::lead);
  CHECK(recognise_heading("Budget (\xC2\xA3 a year)") == Field::budget);
  CHECK(recognise_heading("Business Units (hours a month)") == Field::units);
  CHECK(recognise_heading("  start-date ") == Field::start);
  CHECK(recognise_heading("Indicators or evaluation") == Field::indicators);
  CHECK_FALSE(recognise_heading("Lead officer"));
  CHECK(suggest_heading("Natur") == "Nature");
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
        "project); add a column headed \"Nature\"");
}

TEST_CASE("import layout: unknown columns are kept with a warning; a column given twice is an error", "[import]") {
  std::vector<Problem> problems;
  const auto layout = find_layout(read_csv("Partnership,Nature,Natur,Lead officer,Blank,Type\nA,strategic,x,Ann,,y\n", "Sheet1"), problems);
  REQUIRE(layout);
  REQUIRE(problems.size() == 4);
  CHECK(format_problem(problems[0]) ==
        "warning: Sheet1 row 1, column C \"Natur\": not a column partnermap knows (did you mean \"Nature\"?); its values "
        "are kept on each partnership as \"natur\"");
  CHECK(format_problem(problems[1]) ==
        "warning: Sheet1 row 1, column D \"Lead officer\": not a column partnermap knows; "
        "its values are kept on each partnership as \"lead_officer\"");
  CHECK_THAT(format_problem(problems[2]), Catch::Contains("column E \"Blank\"") && Catch::Contains("it has no values, so it is left out"));
  CHECK(format_problem(problems[3]) ==
        "Sheet1 row 1, column F \"Type\": this is the \"Nature\" column again (column B \"Nature\" is one already); keep "
        "one, or rename the other");
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
