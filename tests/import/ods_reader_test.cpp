// OpenDocument spreadsheets, as LibreOffice (and odfpy, which writes the same format) make them.
#include <catch2/catch.hpp>

#include "import_support.h"
#include "support.h"

using namespace partnermap;
using partnermap::test::problems_text;


TEST_CASE("import ods: every sheet, with text, numbers and dates", "[import]") {
  // Written by tests/data/import/make_workbooks.py with odfpy.
  const std::vector<Sheet> sheets = read_ods(partnermap::test::import_fixture("register.ods"), "r.ods");
  REQUIRE(sheets.size() == 3);
  CHECK(sheets[0].name == "Notes");
  CHECK(sheets[0].hidden.empty());
  CHECK(sheets[1].hidden == "hidden");  // hidden by its table style
  const Sheet& s = sheets[2];
  CHECK(s.name == "Register 2004");
  CHECK(s.cell(0, 4)->text == "Partners");
  CHECK(s.cell(1, 4)->text == "Police; Health");
  CHECK(s.cell(1, 5)->number == 150000);
  REQUIRE(s.cell(1, 6)->date);
  CHECK(to_iso(*s.cell(1, 6)->date) == "1999-04-01");
  CHECK(s.cell(2, 5)->number == 5000);  // a formula's result
  CHECK(s.cell(3, 5)->error == "#N/A");
}

TEST_CASE("import ods: a LibreOffice workbook imports like an XLSX one; its error cell is reported", "[import]") {
  try {
    import_spreadsheet(partnermap::test::import_fixture("register.ods"), "r.ods", partnermap::test::import_options("The Council"));
    FAIL("no error");
  } catch (const InputError& e) {
    const std::string text = problems_text(e.problems());
    CHECK_THAT(text, Catch::Contains("warning: r.ods: the hidden sheet \"Old register\" is not read"));
    CHECK_THAT(text, Catch::Contains("Register 2004 row 4, column F \"Budget\": the cell shows the error #N/A, not a value"));
    CHECK(count_errors(e.problems()) == 1);
  }
  ImportOptions o = partnermap::test::import_options("The Council");
  o.sheet = "Old register";
  CHECK(import_spreadsheet(partnermap::test::import_fixture("register.ods"), "r.ods", o).reg.partnerships.at(0).name == "Old partnership");
}

TEST_CASE("import ods: a damaged file is refused, saying what to do", "[import]") {
  CHECK_THROWS_WITH(read_ods(partnermap::test::import_fixture("broken.ods"), "b.ods"),
                    Catch::Contains("b.ods: is not an OpenDocument spreadsheet partnermap can read: its part content.xml "
                                    "is not well-formed XML"));
  std::string bytes = partnermap::test::import_fixture("register.ods");
  bytes.resize(bytes.size() / 2);
  CHECK_THROWS_WITH(read_ods(bytes, "d.ods"), Catch::Contains("d.ods") && Catch::Contains("central directory"));
}

TEST_CASE("import ods: text that is not UTF-8 is refused naming the part or the cell", "[import]") {
  // Found by fuzzing: a byte that is not UTF-8 in content.xml reached the register and failed its writer.
  CHECK_THROWS_WITH(read_ods(partnermap::test::import_fixture("not-utf8.ods"), "n.ods"),
                    Catch::Contains("n.ods: is not an OpenDocument spreadsheet partnermap can read: its part content.xml "
                                    "is not well-formed XML (byte ") && Catch::Contains("is not UTF-8 text"));
  // A character reference to half of a UTF-16 pair passes the XML check and is caught in the cell.
  CHECK_THROWS_WITH(read_ods(partnermap::test::import_fixture("surrogate.ods"), "s.ods"),
                    Catch::Contains("Register 2004 row 2, column A: the cell's text is not UTF-8: the file is damaged"));
}

TEST_CASE("import ods: the document's body, spreadsheet and tables stand only where a spreadsheet has them", "[import]") {
  // Found by fuzzing: liborcus 0.17 stopped the program when a cell held a spreadsheet of its own.
  CHECK_THROWS_WITH(read_ods(partnermap::test::import_fixture("nested-spreadsheet.ods"), "n.ods"),
                    "n.ods: is not an OpenDocument spreadsheet partnermap can read: in its part content.xml, a <body> "
                    "stands inside a <table-cell>, where an OpenDocument spreadsheet has none; open it in LibreOffice "
                    "and save it again, or save it as CSV UTF-8");
}
