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
  CHECK_THROWS_WITH(import_spreadsheet("a,b\n", "c.csv", o), Catch::Contains("--sheet is for XLSX workbooks"));
}

TEST_CASE("import xlsx: a damaged value that is not a finite number reads as #NUM!", "[import]") {
  // Found by fuzzing: a cell value liborcus reads as NaN ("nan" here, in the template workbook).
  const std::string bytes = partnermap::test::read_text(partnermap::test::data_file("import/nan-cell.xlsx"));
  bool seen = false;
  try {
    for (const Sheet& s : read_xlsx(bytes, "nan.xlsx"))
      for (const auto& [row, cells] : s.rows)
        for (const auto& [col, cell] : cells) {
          if (cell.number) CHECK(std::isfinite(*cell.number));
          seen |= cell.text == "#NUM!";
        }
  } catch (const InputError&) {
    FAIL("the workbook should be read");
  }
  CHECK(seen);
}
