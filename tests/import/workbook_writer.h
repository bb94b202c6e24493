// Workbooks for the import's tests, written by openpyxl (Debian's /usr/bin/python3) and stored the
// way Excel stores them (a shared-string table, relative part names), as datasets/register-template.py
// does for the committed workbooks.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "support.h"

namespace partnermap::test {

// `sheets` is a list of {"title": NAME, "rows": [[cell, ...], ...]}; a cell is text, a number or null.
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

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace partnermap::test
