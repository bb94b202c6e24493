// Workbooks for the import's tests, written by openpyxl (Debian's /usr/bin/python3) and stored the
// way Excel stores them (a shared-string table, relative part names), as datasets/register-template.py
// does for the committed workbooks.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support.h"

namespace partnermap::test {

// One sheet's rows; a cell is text, a number or null.
using Rows = std::vector<std::vector<nlohmann::json>>;

// {"title": NAME, "rows": [[cell, ...], ...]}, each row a list whatever it holds (a braced list of
// two texts would otherwise read as an object).
inline nlohmann::json sheet(const std::string& title, const Rows& rows) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : rows) list.push_back(nlohmann::json::array_t(row.begin(), row.end()));
  return {{"title", title}, {"rows", list}};
}

// `sheets` is a list of sheet(...).
inline Run write_workbook(const TempDir& dir, const std::string& file, const nlohmann::json& sheets) {
  write_text(dir / "sheets.json", sheets.dump());
  write_text(dir / "write_workbook.py", R"PY(
import importlib.util, json, sys
import openpyxl
spec = importlib.util.spec_from_file_location("template", sys.argv[1])
template = importlib.util.module_from_spec(spec)
spec.loader.exec_module(template)
wb = openpyxl.Workbook()
wb.remove(wb.active)
for sheet in json.load(open(sys.argv[2], encoding="utf-8")):
    ws = wb.create_sheet(sheet["title"])
    for row in sheet["rows"]:
        ws.append(row)
template.save_reproducibly(wb, sys.argv[3])
)PY");
  return run_command("/usr/bin/python3 '" + (dir / "write_workbook.py").string() + "' '" + PARTNERMAP_DATASETS +
                     "/register-template.py' '" + (dir / "sheets.json").string() + "' '" + (dir / file).string() + "'");
}

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
inline std::string shell_quoted(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += "'";
  return out;
}

}  // namespace partnermap::test
