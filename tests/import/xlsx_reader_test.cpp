#include <catch2/catch.hpp>

#include <cmath>

#include <xlsxwriter.h>

#include "import/values.h"
#include "import_support.h"
#include "support.h"

using namespace partnermap;
using partnermap::test::problems_text;

namespace {

std::string written(const std::filesystem::path& path, void (*fill)(lxw_workbook*)) {
  lxw_workbook* wb = workbook_new(path.string().c_str());
  fill(wb);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  return partnermap::test::read_text(path);
}

// A council's own layout: a title merged across, headings merged over sub-headings and down, real
// dates, numbers, a formula total row, and a notes sheet first.
void council_workbook(lxw_workbook* wb) {
  lxw_worksheet* notes = workbook_add_worksheet(wb, "Notes");
  worksheet_write_string(notes, 0, 0, "Keep one row per partnership.", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Register 2004");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  worksheet_merge_range(ws, 0, 0, 0, 6, "Carlisle City Council: partnerships", nullptr);
  worksheet_merge_range(ws, 1, 0, 2, 0, "Partnership", nullptr);
  worksheet_merge_range(ws, 1, 1, 2, 1, "Nature", nullptr);
  worksheet_merge_range(ws, 1, 2, 2, 2, "Council role", nullptr);
  worksheet_merge_range(ws, 1, 3, 1, 4, "City Vision themes", nullptr);
  worksheet_write_string(ws, 2, 3, "Economy", nullptr);
  worksheet_write_string(ws, 2, 4, "Safer", nullptr);
  worksheet_merge_range(ws, 1, 5, 2, 5, "Budget", nullptr);
  worksheet_merge_range(ws, 1, 6, 2, 6, "Start", nullptr);
  worksheet_merge_range(ws, 1, 7, 2, 7, "End", nullptr);
  worksheet_write_string(ws, 3, 0, "Crime and Disorder", nullptr);
  worksheet_write_string(ws, 3, 1, "strategic", nullptr);
  worksheet_write_string(ws, 3, 2, "support", nullptr);
  worksheet_write_string(ws, 3, 4, "\xE2\x9C\x93", nullptr);
  worksheet_write_number(ws, 3, 5, 150000, nullptr);
  lxw_datetime start = {1999, 4, 1, 0, 0, 0};
  worksheet_write_datetime(ws, 3, 6, &start, date);
  worksheet_write_number(ws, 3, 7, 38717, nullptr);  // a serial with no date format: 31/12/2005
  worksheet_write_string(ws, 4, 0, "Town Centre", nullptr);
  worksheet_write_string(ws, 4, 1, "project", nullptr);
  worksheet_write_string(ws, 4, 2, "lead", nullptr);
  worksheet_write_string(ws, 4, 3, "x", nullptr);
  worksheet_write_number(ws, 4, 5, 5000, nullptr);
  worksheet_write_string(ws, 4, 6, "31/12/2003", nullptr);
  worksheet_write_string(ws, 6, 0, "Total", nullptr);
  worksheet_write_formula_num(ws, 6, 5, "=SUM(F4:F6)", nullptr, 155000);
}

}  // namespace

TEST_CASE("import xlsx: cells, numbers, dates, merged ranges and formula results", "[import]") {
  partnermap::test::TempDir dir;
  const std::string bytes = written(dir / "c.xlsx", council_workbook);
  const std::vector<Sheet> sheets = read_xlsx(bytes, "c.xlsx");
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].name == "Notes");
  const Sheet& s = sheets[1];
  CHECK(s.name == "Register 2004");
  CHECK(s.cell(0, 0)->text == "Carlisle City Council: partnerships");
  CHECK(s.cell(3, 5)->number == 150000);
  const SheetCell* start = s.cell(3, 6);
  REQUIRE(start);
  CHECK(to_iso(*import::read_date(*start, false).value) == "1999-04-01");
  CHECK(s.cell(6, 5)->number == 155000);  // the formula's cached result
  CHECK(s.merged.size() == 8);
}

TEST_CASE("import xlsx: a council's workbook with title, merged headings and a total row", "[import]") {
  partnermap::test::TempDir dir;
  const std::string bytes = written(dir / "c.xlsx", council_workbook);
  const Imported im = import_spreadsheet(bytes, "c.xlsx", partnermap::test::import_options("Carlisle City Council"));
  CHECK(im.sheet == "Register 2004");  // the first sheet with a header row
  const Register& reg = im.reg;
  REQUIRE(reg.partnerships.size() == 2);
  const Partnership& cdrp = reg.partnerships[0];
  CHECK(cdrp.budget->total == 150000);
  CHECK(to_iso(*cdrp.start) == "1999-04-01");
  CHECK(to_iso(*cdrp.end) == "2005-12-31");
  REQUIRE(cdrp.themes.size() == 1);
  CHECK(reg.themes[cdrp.themes[0]].name == "Safer");
  CHECK(reg.themes[reg.partnerships[1].themes.at(0)].name == "Economy");
  CHECK(to_iso(*reg.partnerships[1].start) == "2003-12-31");
  CHECK_THAT(problems_text(im.warnings), Catch::Contains("Register 2004 row 7: a total row; skipped"));
}

TEST_CASE("import xlsx: errors name the sheet, row and column", "[import]") {
  partnermap::test::TempDir dir;
  const std::string bytes = written(dir / "bad.xlsx", [](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
    const char* heads[] = {"Partnership", "Nature", "Council role", "Lead partner", "Partners", "Start"};
    for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 12, c, heads[c], nullptr);
    worksheet_write_string(ws, 13, 0, "A", nullptr);
    worksheet_write_string(ws, 13, 1, "strategic", nullptr);
    worksheet_write_string(ws, 13, 2, "lead", nullptr);
    worksheet_write_string(ws, 13, 3, "The Council", nullptr);
    worksheet_write_number(ws, 13, 4, 5, nullptr);
    worksheet_write_number(ws, 13, 5, -3, nullptr);
  });
  try {
    import_spreadsheet(bytes, "bad.xlsx", partnermap::test::import_options());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(problems_text(e.problems()), Catch::Contains("Sheet1 row 14, column F \"Start\": \"-3\" is not a date"));
  }
}

TEST_CASE("import xlsx: a file that is not a workbook, and --sheet", "[import]") {
  CHECK_THROWS_WITH(read_xlsx(std::string("PK\x03\x04garbage", 11), "x.xlsx"), Catch::Contains("is not an XLSX workbook"));
  partnermap::test::TempDir dir;
  const std::string bytes = written(dir / "c.xlsx", council_workbook);
  ImportOptions o = partnermap::test::import_options();
  o.sheet = "Register 2005";
  CHECK_THROWS_WITH(import_spreadsheet(bytes, "c.xlsx", o),
                    Catch::Contains("has no sheet called \"Register 2005\" (did you mean \"Register 2004\"?)"));
  o.sheet = "Notes";
  CHECK_THROWS_WITH(import_spreadsheet(bytes, "c.xlsx", o), Catch::Contains("Notes: no header row"));
  o.sheet = "Notes";
  CHECK_THROWS_WITH(import_spreadsheet("a,b\n", "c.csv", o), Catch::Contains("--sheet is for XLSX and ODS workbooks; a CSV file holds one sheet"));
}

TEST_CASE("import xlsx: a damaged value that is not a finite number is an error cell", "[import]") {
  // Found by fuzzing: a cell value read as NaN ("nan" here, in the template workbook).
  const std::string bytes = partnermap::test::read_text(partnermap::test::data_file("import/nan-cell.xlsx"));
  bool seen = false;
  try {
    for (const Sheet& s : read_xlsx(bytes, "nan.xlsx"))
      for (const auto& [row, cells] : s.rows)
        for (const auto& [col, cell] : cells) {
          if (cell.number) CHECK(std::isfinite(*cell.number));
          seen |= cell.error == "#NUM!";
        }
  } catch (const InputError&) {
    FAIL("the workbook should be read");
  }
  CHECK(seen);
}


TEST_CASE("import xlsx: openpyxl's workbooks: inline strings, absolute part paths, ISO date cells", "[import]") {
  // Written by tests/data/import/make_workbooks.py: openpyxl names parts by absolute paths, stores text
  // as inline strings and, with iso_dates, dates as t="d" cells.
  const std::vector<Sheet> sheets = read_xlsx(partnermap::test::import_fixture("openpyxl-register.xlsx"), "o.xlsx");
  REQUIRE(sheets.size() == 3);
  CHECK(sheets[0].hidden == "hidden");
  CHECK(sheets[1].hidden == "very hidden");
  const Sheet& s = sheets[2];
  CHECK(s.hidden.empty());
  CHECK(s.cell(0, 0)->text == "Partnership");
  CHECK(s.cell(1, 4)->text == "Police; Health");
  CHECK(s.cell(1, 5)->number == 150000);
  REQUIRE(s.cell(1, 6)->date);
  CHECK(to_iso(*s.cell(1, 6)->date) == "1999-04-01");
  // The small files openpyxl wrote before: one of each.
  CHECK(read_xlsx(partnermap::test::import_fixture("absolute-paths.xlsx"), "a.xlsx").at(0).cell(1, 1)->text == "strategic");
  CHECK(read_xlsx(partnermap::test::import_fixture("inline-strings.xlsx"), "i.xlsx").at(0).cell(1, 0)->text == "A");
}

TEST_CASE("import xlsx: hidden sheets are passed over with a note; formulas without results warn once", "[import]") {
  const Imported im =
      import_spreadsheet(partnermap::test::import_fixture("openpyxl-register.xlsx"), "o.xlsx", partnermap::test::import_options("The Council"));
  CHECK(im.sheet == "Register");
  REQUIRE(im.reg.partnerships.size() == 2);
  CHECK(im.reg.partnerships[0].name == "Crime and Disorder");
  CHECK(to_iso(*im.reg.partnerships[1].start) == "2003-12-31");
  CHECK_FALSE(im.reg.partnerships[1].budget);  // a formula without its result: no value, and a warning
  const std::string text = problems_text(im.warnings);
  CHECK_THAT(text, Catch::Contains("warning: o.xlsx: the hidden sheet \"Lookups\" is not read; name it with --sheet to read it"));
  CHECK_THAT(text, Catch::Contains("the very hidden sheet \"Archive\" is not read"));
  CHECK_THAT(text, Catch::Contains("warning: Register: formulas saved without their results (as programs that write "
                                   "workbooks leave them) in F3, F4: they are read as empty; open the workbook in Excel "
                                   "or LibreOffice and save it"));
  CHECK_THAT(text, !Catch::Contains("#NUM!"));
  std::size_t formula_warnings = 0;
  for (const Problem& p : im.warnings) formula_warnings += p.message.find("formulas saved") != std::string::npos;
  CHECK(formula_warnings == 1);
  // Named, a hidden sheet is read.
  ImportOptions o = partnermap::test::import_options("The Council");
  o.sheet = "Lookups";
  CHECK(import_spreadsheet(partnermap::test::import_fixture("openpyxl-register.xlsx"), "o.xlsx", o).reg.partnerships.at(0).name == "Not a partnership");
}

TEST_CASE("import xlsx: an error cell such as #N/A is reported with its cell, never read as empty", "[import]") {
  const std::vector<Sheet> sheets = read_xlsx(partnermap::test::import_fixture("openpyxl-error.xlsx"), "e.xlsx");
  CHECK(sheets.at(0).cell(1, 5)->error == "#N/A");
  try {
    import_spreadsheet(partnermap::test::import_fixture("openpyxl-error.xlsx"), "e.xlsx", partnermap::test::import_options("The Council"));
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(problems_text(e.problems()),
               Catch::Contains("Register row 2, column F \"Budget\": the cell shows the error #N/A, not a value; correct "
                               "its formula, or type the value, or clear it"));
  }
}

TEST_CASE("import xlsx: rich text keeps its runs and never takes the phonetic reading as the text", "[import]") {
  const std::vector<Sheet> sheets = read_xlsx(partnermap::test::import_fixture("phonetic.xlsx"), "p.xlsx");
  const Sheet& s = sheets.at(0);
  CHECK(s.cell(1, 0)->text == "Tokyo \xE6\x9D\xB1\xE4\xBA\xAC");  // Tokyo 東京, not トウキョウ
  CHECK(s.cell(1, 3)->text == "The Council");                          // inline rich text with a phonetic run
}

TEST_CASE("import xlsx: a shared-string index out of range is an error naming the cell", "[import]") {
  try {
    read_xlsx(partnermap::test::import_fixture("bad-shared-index.xlsx"), "b.xlsx");
    FAIL("no error");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].where == "Register row 2, column A");
    CHECK_THAT(e.problems()[0].message, Catch::StartsWith("the cell names shared text number 7, but the workbook holds 5 "
                                                          "shared texts: the file is damaged; open it in Excel"));
  }
}

TEST_CASE("import xlsx: an XML problem inside the workbook names the part", "[import]") {
  CHECK_THROWS_WITH(read_xlsx(partnermap::test::import_fixture("broken-xml.xlsx"), "x.xlsx"),
                    Catch::Contains("x.xlsx: is not an XLSX workbook partnermap can read: its part "
                                    "xl/worksheets/sheet2.xml is not well-formed XML") &&
                        Catch::Contains("open it in Excel or LibreOffice and save it again"));
}

TEST_CASE("import xlsx: the 1904 date system counts from 1 January 1904, day 0", "[import]") {
  const std::string bytes = partnermap::test::import_fixture("openpyxl-1904.xlsx");
  CHECK(read_xlsx(bytes, "m.xlsx").at(0).date1904);
  // Day 0 of the 1904 system is 1 January 1904: too early for a partnership, so the import refuses it
  // and says which day the number means.
  CHECK_THROWS_WITH(import_spreadsheet(bytes, "m.xlsx", partnermap::test::import_options("The Council")),
                    Catch::Contains("Register row 2, column G \"Start\": \"0\" is not a date partnermap can be sure of: "
                                    "as a spreadsheet date number it is 1 January 1904, outside 1950 to 2099"));
}

TEST_CASE("import xlsx: a part whose text is not UTF-8 is refused naming it", "[import]") {
  CHECK_THROWS_WITH(read_xlsx(partnermap::test::import_fixture("not-utf8.xlsx"), "n.xlsx"),
                    Catch::Contains("its part xl/worksheets/sheet1.xml is not well-formed XML (byte ") &&
                        Catch::Contains(" is not UTF-8 text)"));
}

TEST_CASE("import xlsx: an Excel Binary Workbook is refused, saying how to save it", "[import]") {
  CHECK_THROWS_WITH(read_xlsx(partnermap::test::import_fixture("binary.xlsb"), "b.xlsb"),
                    Catch::Contains("b.xlsb: is an Excel Binary Workbook (.xlsb), which partnermap does not read; save "
                                    "it as \"Excel Workbook (.xlsx)\""));
}

TEST_CASE("import xlsx: xlsxwriter's workbooks: a hidden sheet and formula results", "[import]") {
  partnermap::test::TempDir dir;
  const std::string bytes = written(dir / "w.xlsx", [](lxw_workbook* wb) {
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "Old");
    worksheet_write_string(hidden, 0, 0, "Partnership", nullptr);
    worksheet_write_string(hidden, 0, 1, "Nature", nullptr);
    worksheet_write_string(hidden, 1, 0, "Old one", nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Register");
    worksheet_activate(ws);
    worksheet_hide(hidden);
    worksheet_write_string(ws, 0, 0, "Partnership", nullptr);
    worksheet_write_string(ws, 0, 1, "Nature", nullptr);
    worksheet_write_string(ws, 1, 0, "New one", nullptr);
    worksheet_write_formula_str(ws, 1, 2, "=1/0", nullptr, "#DIV/0!");
    worksheet_write_number(ws, 1, 3, 0, nullptr);
  });
  const std::vector<Sheet> sheets = read_xlsx(bytes, "w.xlsx");
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].hidden == "hidden");
  CHECK(sheets[1].cell(1, 0)->text == "New one");
  CHECK(sheets[1].cell(1, 2)->text == "#DIV/0!");  // a cached string result is the text it shows
  CHECK(sheets[1].cell(1, 3)->number == 0);
  CHECK(sheets[1].notes.empty());
}

TEST_CASE("import xlsx: xlsxwriter's placeholder 0 for a formula it did not work out is no value", "[import]") {
  // xlsxwriter stores 0 as the result of a formula given without one, and asks Excel to recalculate
  // the workbook when it opens it: the 0 is not the sheet's value.
  partnermap::test::TempDir dir;
  const std::string bytes = written(dir / "f.xlsx", [](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Register");
    worksheet_write_string(ws, 0, 0, "Partnership", nullptr);
    worksheet_write_string(ws, 0, 1, "Budget", nullptr);
    worksheet_write_string(ws, 1, 0, "A", nullptr);
    worksheet_write_formula(ws, 1, 1, "=2*1000", nullptr);
    worksheet_write_formula_num(ws, 2, 1, "=3*1000", nullptr, 3000);  // a result the program gave
  });
  const std::vector<Sheet> sheets = read_xlsx(bytes, "f.xlsx");
  const Sheet& s = sheets.at(0);
  CHECK(s.cell(1, 1) == nullptr);
  CHECK(s.cell(2, 1)->number == 3000);
  REQUIRE(s.notes.size() == 1);
  CHECK_THAT(s.notes[0].message, Catch::Contains("formulas saved without their results") && Catch::Contains(" in B2: "));
}
