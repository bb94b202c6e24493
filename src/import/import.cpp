// A spreadsheet file to a register: which reader, which sheet.
#include "import/layout.h"
#include "import/zip_check.h"
#include "partnermap/import.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

bool is_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

// The sheet to read: the one named, else the first shown sheet with a header row. Hidden sheets
// (workings, lookup lists) are passed over with a note.
const Sheet& pick_sheet(const std::vector<Sheet>& sheets, const std::string& name, const ImportOptions& options,
                        std::vector<Problem>& notes) {
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
    if (!s.hidden.empty()) {
      notes.push_back({Severity::warning, name,
                       "the " + s.hidden + " sheet \"" + s.name + "\" is not read; name it with --sheet to read it"});
      continue;
    }
    if (import::find_layout(s, ignored)) return s;
  }
  if (sheets.empty()) throw InputError({{Severity::error, name, "the workbook has no sheets"}});
  for (const Sheet& s : sheets)
    if (s.hidden.empty()) return s;  // its "no header row" error says what is wanted
  throw InputError({{Severity::error, name, "every sheet of the workbook is hidden; name the one to read with --sheet"}});
}

// The import of one sheet, with what reading the file noticed (its own notes, sheets passed over)
// among the warnings.
Imported import_with_notes(const Sheet& sheet, const ImportOptions& options, std::vector<Problem> notes) {
  notes.insert(notes.end(), sheet.notes.begin(), sheet.notes.end());
  try {
    Imported imported = import_sheet(sheet, options);
    imported.warnings.insert(imported.warnings.begin(), notes.begin(), notes.end());
    return imported;
  } catch (const InputError& e) {
    notes.insert(notes.end(), e.problems().begin(), e.problems().end());
    throw InputError(std::move(notes));
  }
}

}  // namespace

Imported import_spreadsheet(std::string_view bytes, const std::string& name, const ImportOptions& options) {
  if (is_zip(bytes)) {
    const std::vector<Sheet> sheets =
        import::is_opendocument_spreadsheet(bytes) ? read_ods(bytes, name) : read_xlsx(bytes, name);
    std::vector<Problem> notes;
    const Sheet& sheet = pick_sheet(sheets, name, options, notes);
    return import_with_notes(sheet, options, std::move(notes));
  }
  if (!options.sheet.empty())
    throw InputError({{Severity::error, name, "--sheet is for XLSX workbooks; a CSV file holds one sheet"}});
  return import_with_notes(read_csv(bytes, name), options, {});
}

Imported import_spreadsheet_file(const std::string& path, const ImportOptions& options) {
  constexpr std::size_t kMaxBytes = std::size_t{512} << 20;  // far beyond any council's register
  const std::string bytes = read_input_file(path, kMaxBytes);
  return import_spreadsheet(bytes, path, options);
}

}  // namespace partnermap
