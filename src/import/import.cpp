// A spreadsheet file to a register: which reader, which sheet.
#include "import/layout.h"
#include "partnermap/import.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

bool is_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

// The sheet to read: the one named, else the first with a header row.
const Sheet& pick_sheet(const std::vector<Sheet>& sheets, const std::string& name, const ImportOptions& options) {
  std::vector<std::string> names;
  for (const Sheet& s : sheets) names.push_back(s.name);
  if (!options.sheet.empty()) {
    for (const Sheet& s : sheets)
      if (s.name == options.sheet) return s;
    std::string message = "has no sheet called \"" + options.sheet + "\"";
    const std::string near = nearest(options.sheet, names);
    if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
    message += "; its sheets are";
    for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", \"" : " \"") + names[i] + "\"";
    throw InputError({{Severity::error, name, message}});
  }
  for (const Sheet& s : sheets) {
    std::vector<Problem> ignored;
    if (import::find_layout(s, ignored, options)) return s;
  }
  if (sheets.empty()) throw InputError({{Severity::error, name, "the workbook has no sheets"}});
  return sheets.front();  // its "no header row" error says what is wanted
}

}  // namespace

Imported import_spreadsheet(std::string_view bytes, const std::string& name, const ImportOptions& options) {
  if (is_zip(bytes)) {
    const std::vector<Sheet> sheets = read_xlsx(bytes, name);
    return import_sheet(pick_sheet(sheets, name, options), options);
  }
  if (!options.sheet.empty())
    throw InputError({{Severity::error, name, "--sheet is for XLSX workbooks; a CSV file holds one sheet"}});
  return import_sheet(read_csv(bytes, name), options);
}

Imported import_spreadsheet_file(const std::string& path, const ImportOptions& options) {
  constexpr std::size_t kMaxBytes = std::size_t{512} << 20;  // far beyond any council's register
  const std::string bytes = read_input_file(path, kMaxBytes);
  return import_spreadsheet(bytes, path, options);
}

}  // namespace partnermap
