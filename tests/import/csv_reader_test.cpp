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

TEST_CASE("import csv: clean Windows-1252 (Excel's plain CSV) is decoded, with a note", "[import]") {
  const Sheet s = read_csv("Budget,Name\n\xA3" "85,Caf\xE9\n", "reg.csv");
  CHECK(at(s, 1, 0) == "\xC2\xA3" "85");
  CHECK(at(s, 1, 1) == "Caf\xC3\xA9");
  REQUIRE(s.notes.size() == 1);
  CHECK(s.notes[0].where == "reg.csv");
  CHECK_THAT(s.notes[0].message, Catch::StartsWith("read as Windows-1252") && Catch::Contains("\"CSV UTF-8\""));
  CHECK(read_csv("Name\nCaf\xC3\xA9\n", "u.csv").notes.empty());  // UTF-8 is UTF-8, without a word
}

TEST_CASE("import csv: a UTF-8 file with a stray byte is an error at that byte, never re-decoded", "[import]") {
  // Café in UTF-8 on row 2, then a lone Windows-1252 é on row 3, column C.
  try {
    read_csv("Name,Place,Note\nCaf\xC3\xA9,x,y\n\"a, b\",c,d\xE9\n", "reg.csv");
    FAIL("no error");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].where == "reg.csv row 3, column C");
    CHECK_THAT(e.problems()[0].message, Catch::Contains("the byte 0xE9 is not UTF-8, though the rest of the file is") &&
                                            Catch::Contains("\"CSV UTF-8\""));
  }
  // With a byte-order mark the file says it is UTF-8: a stray byte there is an error too.
  CHECK_THROWS_WITH(read_csv("\xEF\xBB\xBFName\nCaf\xE9\n", "b.csv"),
                    Catch::Contains("b.csv row 2, column A") && Catch::Contains("byte-order mark"));
}

TEST_CASE("import csv: a file neither UTF-8 nor Windows-1252 is refused at the first bad byte", "[import]") {
  // 0x81 is a byte Windows-1252 does not define.
  try {
    read_csv("Name;Place\nabc;\x81x\n", "odd.csv");
    FAIL("no error");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].where == "odd.csv row 2, column B");
    CHECK_THAT(e.problems()[0].message, Catch::Contains("the byte 0x81 is neither UTF-8 nor Windows-1252 text"));
  }
  CHECK_THROWS_WITH(read_csv(std::string("a,b\n\xE9,\0", 7), "nul.csv"), Catch::Contains("0x00 is neither"));
}

namespace {
std::string utf16(const std::string& ascii, bool le) {
  std::string out = le ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    if (le) out += c, out += '\0';
    else out += '\0', out += c;
  }
  return out;
}
}  // namespace

TEST_CASE("import csv: Excel's Unicode text (UTF-16 with a byte-order mark, tab-separated)", "[import]") {
  std::string le = utf16("Partnership\tPartners\r\nA\tX; Y\r\n", true);
  le.replace(le.size() - 6, 2, std::string("\xA3\x00", 2));  // Y becomes £ (U+00A3)
  const Sheet s = read_csv(le, "u.txt");
  CHECK(at(s, 0, 1) == "Partners");
  CHECK(at(s, 1, 0) == "A");
  CHECK(at(s, 1, 1) == "X; \xC2\xA3");
  const Sheet be = read_csv(utf16("Partnership\tPartners\nB\tZ\n", false), "b.txt");
  CHECK(at(be, 1, 1) == "Z");
  // A surrogate pair is one character (U+1F600); half of one is an error at its place.
  const Sheet pair = read_csv(std::string("\xFF\xFE" "a\0\t\0\x3D\xD8\x00\xDE", 10), "p.txt");
  CHECK(at(pair, 0, 1) == "\xF0\x9F\x98\x80");
  CHECK_THROWS_WITH(read_csv(utf16("Partnership\tNature\na\t", true) + std::string("\x3D\xD8", 2), "h.txt"),
                    Catch::Contains("h.txt row 2, column B") && Catch::Contains("surrogate"));
  CHECK_THROWS_WITH(read_csv(std::string("\xFF\xFE" "a\0b", 5), "c.txt"), Catch::Contains("cut short"));
}

TEST_CASE("import csv: ';' and tab separators are found from the header row, below a title row", "[import]") {
  const Sheet semi = read_csv("Northfield partnerships 2024\nPartnership;Nature;Council role;Budget\nA, B;project;lead;1,5\n", "s.csv");
  CHECK(at(semi, 1, 1) == "Nature");
  CHECK(at(semi, 2, 0) == "A, B");
  CHECK(at(semi, 2, 3) == "1,5");
  const Sheet tab = read_csv("Partnership\tNature\tCouncil role\nA; B\tproject\tlead\n", "t.tsv");
  CHECK(at(tab, 1, 0) == "A; B");
  CHECK(at(tab, 1, 2) == "lead");
  // Commas stay the separator when the headings say so, even with ';' inside the cells.
  const Sheet comma = read_csv("Partnership,Partners,Council role\nA,X; Y; Z,lead\n", "c.csv");
  CHECK(at(comma, 1, 1) == "X; Y; Z");
}

TEST_CASE("import csv: a first line sep=; names the separator and is not a row", "[import]") {
  const Sheet s = read_csv("sep=;\r\nPartnership;Partners\r\nA,B;X\r\n", "s.csv");
  CHECK(at(s, 0, 0) == "Partnership");
  CHECK(at(s, 1, 0) == "A,B");
  CHECK(at(s, 1, 1) == "X");
  const Sheet tab = read_csv("\xEF\xBB\xBF\"sep=|\"\nPartnership|Partners\nA|B\n", "p.csv");
  CHECK(at(tab, 1, 1) == "B");
}

TEST_CASE("import csv: column letters as a spreadsheet shows them", "[import]") {
  CHECK(column_letters(0) == "A");
  CHECK(column_letters(25) == "Z");
  CHECK(column_letters(26) == "AA");
  CHECK(column_letters(701) == "ZZ");
  CHECK(column_letters(702) == "AAA");
}
