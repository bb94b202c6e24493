// A spreadsheet file to a register: which reader, which sheet, and the workbook's other sheets.
#include <algorithm>
#include <set>

#include "import/extra_sheets.h"
#include "import/layout.h"
#include "import/policy_sheet.h"
#include "import/text.h"
#include "import/zip_check.h"
#include "load/sniff.h"
#include "partnermap/import.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

constexpr std::size_t kMaxBytes = std::size_t{512} << 20;  // far beyond any council's register

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
    if (import::find_layout(s, ignored, options)) return s;
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

// A file that is no spreadsheet at all is named for what it is, before a reader tries it.
void refuse_non_spreadsheet(std::string_view bytes, const std::string& name) {
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    throw InputError({{Severity::error, name, "the file is empty; a spreadsheet register has a header row and a row a partnership"}});
  if (bytes[first] == '{')
    throw InputError({{Severity::error, name, "this is JSON, not a spreadsheet: if it is a partnermap register, the other "
                                              "commands read it as it is (partnermap validate " + name + ")"}});
  // A zip archive is the workbook reader's to judge: it names what is wrong inside.
  if (is_zip(bytes)) return;
  if (const auto sniffed = load::sniff_not_json(bytes); sniffed && !sniffed->spreadsheet)
    throw InputError({{Severity::error, name, "this is not a spreadsheet but " + sniffed->what + "; give the register's CSV or XLSX file"}});
}

std::vector<Sheet> read_sheets(std::string_view bytes, const std::string& name) {
  refuse_non_spreadsheet(bytes, name);
  if (is_zip(bytes)) return import::is_opendocument_spreadsheet(bytes) ? read_ods(bytes, name) : read_xlsx(bytes, name);
  return {read_csv(bytes, name)};
}

// The register fields a column of the partnerships sheet gives (empty for none).
std::vector<const char*> fields_of(import::Field f) {
  using import::Field;
  switch (f) {
    case Field::id: return {"id"};
    case Field::name: return {"name"};
    case Field::nature: return {"nature"};
    case Field::role:
    case Field::lead:
    case Field::partners: return {"members"};
    case Field::themes:
    case Field::theme: return {"themes"};
    case Field::units:
    case Field::hours: return {"commitments"};
    case Field::budget:
    case Field::council: return {"budget"};
    case Field::accountable_body: return {"accountable_body"};
    case Field::parent: return {"parent"};
    case Field::stage: return {"stage"};
    case Field::start: return {"start"};
    case Field::end: return {"end"};
    case Field::indicators: return {"indicators"};
    case Field::evaluation: return {"evaluation"};
    case Field::management: return {"management"};
    case Field::exit_strategy: return {"exit_strategy"};
    case Field::risk: return {"risk"};
    case Field::last_review: return {"last_review"};
    case Field::posts:
    case Field::funded_until: return {"posts"};
    case Field::survey_responses:
    case Field::survey_satisfied: return {"survey"};
    case Field::extra: return {"extra"};  // with its key: "extra.ward"
    default: return {};
  }
}

std::vector<std::string> held_fields(const Sheet& sheet, const ImportOptions& options) {
  std::vector<Problem> ignored;
  const auto layout = import::find_layout(sheet, ignored, options);
  std::set<std::string> held;
  if (layout)
    for (const import::Column& c : layout->columns)
      for (const char* f : fields_of(c.field)) held.insert(c.field == import::Field::extra ? "extra." + c.extra_key : f);
  return {held.begin(), held.end()};
}

// Values from headings partnermap does not know go under the partnership's `extra` object, which
// every later command keeps without a warning (docs/design.md, the register).
void nest_unknown_fields(Register& reg) {
  for (Partnership& p : reg.partnerships) {
    if (!p.extra.is_object()) continue;
    nlohmann::json own = p.extra.contains("extra") && p.extra["extra"].is_object() ? p.extra["extra"] : nlohmann::json::object();
    nlohmann::json rest = nlohmann::json::object();
    for (auto& [k, v] : p.extra.items()) {
      if (k == "extra") continue;
      own[k] = v;
    }
    if (!own.empty()) rest["extra"] = std::move(own);
    p.extra = rest.empty() ? nlohmann::json() : std::move(rest);
  }
}

// The sheet reader's own word on capacities is replaced by capacity_not_recorded, said once the
// other sheets (and an update's register) have given what they hold.
void drop_sheet_capacity_warning(std::vector<Problem>& warnings) {
  warnings.erase(std::remove_if(warnings.begin(), warnings.end(),
                                [](const Problem& p) { return p.message.rfind("the sheet gives no capacities", 0) == 0; }),
                 warnings.end());
}

Imported import_sheets(const std::vector<Sheet>& sheets, const std::vector<Sheet>& more, const std::string& name,
                       const ImportOptions& options) {
  std::vector<Problem> notes;
  const Sheet& main = pick_sheet(sheets, name, options, notes);
  Imported out;
  try {
    out = import_with_notes(main, options, std::move(notes));
  } catch (const InputError& e) {
    // The other sheets are not read when the partnerships sheet has errors, so whether they give
    // capacities is not known yet: the run that succeeds says it.
    std::vector<Problem> problems = e.problems();
    drop_sheet_capacity_warning(problems);
    throw InputError(std::move(problems));
  }
  out.held = held_fields(main, options);
  nest_unknown_fields(out.reg);
  // The policy sheet is read only as the policy: its rows of settings are not themes or units.
  const Sheet* policy = import::find_policy_sheet(sheets);
  std::vector<const Sheet*> others;
  for (const Sheet& s : sheets)
    if (&s != &main && &s != policy) others.push_back(&s);
  for (const Sheet& s : more) others.push_back(&s);
  // The policy first: its words name what the other sheets give.
  add_policy_sheet(sheets, out);
  std::vector<Problem> problems = std::move(out.warnings);
  drop_sheet_capacity_warning(problems);
  import::read_extra_sheets(others, out.reg, problems, out.also_read);
  if (count_errors(problems) > 0) throw InputError(std::move(problems));
  out.warnings = std::move(problems);
  return out;
}

std::vector<Sheet> read_more(const ImportOptions& options) {
  std::vector<Sheet> more;
  for (const std::string& path : options.with) {
    std::vector<Sheet> sheets = read_sheets(read_input_file(path, kMaxBytes), path);
    bool any = false;
    for (Sheet& s : sheets) {
      if (!import::classify_extra_sheet(s)) continue;
      any = true;
      more.push_back(std::move(s));
    }
    if (!any)
      throw InputError({{Severity::error, path,
                         "is not a sheet of Business Units (a name and the hours available a month), organisations (a "
                         "name and a sector) or themes: give it headings such as \"Business Unit\" and \"Hours "
                         "available\", \"Organisation\" and \"Sector\", or \"Theme\""}});
  }
  return more;
}

}  // namespace

Imported import_spreadsheet(std::string_view bytes, const std::string& name, const ImportOptions& options) {
  if (!is_zip(bytes) && !options.sheet.empty())
    throw InputError({{Severity::error, name, "--sheet is for XLSX and ODS workbooks; a CSV file holds one sheet"}});
  return import_sheets(read_sheets(bytes, name), read_more(options), name, options);
}

Imported import_spreadsheet_file(const std::string& path, const ImportOptions& options) {
  const std::string bytes = read_input_file(path, kMaxBytes);
  return import_spreadsheet(bytes, path, options);
}

std::optional<Problem> capacity_not_recorded(const Register& reg, const std::string& where) {
  std::vector<std::string> missing;
  for (const BusinessUnit& u : reg.business_units)
    if (!(u.capacity_hours > 0)) missing.push_back(import::quote_text(u.name));
  if (missing.empty()) return std::nullopt;
  const std::string how =
      "; a unit without one is never counted as stretched or over capacity. Give the hours a month each unit can give to "
      "partnerships in a sheet of Business Units (headings such as \"Business Unit\" and \"Hours available\"; "
      "for a CSV, with --with UNITS.csv), or as capacity_hours in the register";
  if (missing.size() == reg.business_units.size())
    return Problem{Severity::warning, where,
                   "the spreadsheet gives no capacities, so each Business Unit is written with its capacity not "
                   "recorded" + how};
  std::string names;
  for (std::size_t i = 0; i < missing.size(); ++i)
    names += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
  return Problem{Severity::warning, where, "capacity not recorded for " + names + how};
}

}  // namespace partnermap
