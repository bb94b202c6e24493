#include <catch2/catch.hpp>

#include "import_support.h"

using namespace partnermap;

namespace {
std::string at(const Sheet& s, std::uint32_t r, std::uint32_t c) {
  const SheetCell* cell = s.cell(r, c);
  return cell ? cell->text : "<none>";
}
}  // namespace

TEST_CASE("import csv: a byte-order mark, CRLF and quoted cells with ';', commas, quotes and line breaks", "[import]") {
  const Sheet s = read_csv("\xEF\xBB\xBFPartnership,Partners\r\n\"A, B\",\"X; Y\"\r\n\"Two\r\nlines\",\"say \"\"hi\"\"\"\r\nlast,row", "Sheet1");
  CHECK(at(s, 0, 0) == "Partnership");
  CHECK(at(s, 1, 0) == "A, B");
  CHECK(at(s, 1, 1) == "X; Y");
  CHECK(at(s, 2, 0) == "Two\r\nlines");
  CHECK(at(s, 2, 1) == "say \"hi\"");
  // A line break inside quotes does not start a row: the next record is row 4, as a spreadsheet shows it.
  CHECK(at(s, 3, 0) == "last");
  CHECK(at(s, 3, 1) == "row");
}

TEST_CASE("import csv: LF line ends and empty rows", "[import]") {
  const Sheet s = read_csv("a,b\n\n,,\nc,d\n", "Sheet1");
  CHECK(s.rows.size() == 2);  // empty rows hold no cells
  CHECK(at(s, 3, 1) == "d");
}

TEST_CASE("import csv: an unclosed quote is an error naming its row", "[import]") {
  try {
    read_csv("a,b\nc,\"open\nmore", "reg.csv");
    FAIL("no error");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].where == "reg.csv row 2, column B");
    CHECK_THAT(e.problems()[0].message, Catch::Contains("never closed"));
  }
}

TEST_CASE("import csv: Excel's Windows-1252 CSV is read as UTF-8", "[import]") {
  const Sheet s = read_csv("Budget\n\xA3" "85\n", "Sheet1");
  CHECK(at(s, 1, 0) == "\xC2\xA3" "85");
}

TEST_CASE("import csv: column letters as a spreadsheet shows them", "[import]") {
  CHECK(column_letters(0) == "A");
  CHECK(column_letters(25) == "Z");
  CHECK(column_letters(26) == "AA");
  CHECK(column_letters(701) == "ZZ");
  CHECK(column_letters(702) == "AAA");
}
