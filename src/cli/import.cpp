// partnermap import: a council's spreadsheet register (CSV or XLSX) into a partnermap/1 register.
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/file_writer.h"
#include "cli/output.h"
#include "partnermap/analysis/words.h"
#include "partnermap/diff.h"
#include "partnermap/import.h"
#include "partnermap/load.h"
#include "partnermap/merge.h"
#include "partnermap/save.h"

namespace partnermap::cli {

namespace {

struct ImportArgs {
  std::string path, out, council, as_of, sheet, into;
  std::vector<std::string> with, columns, council_aliases;
};

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return from_civil({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

std::string quoted_list(const std::vector<Named>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", \"" : "\"") + list[i].name + "\"";
  return out;
}

// What an update changed, one line a kind: partnerships added, removed and changed.
void print_changes(std::ostream& out, const std::string& into, const RegisterDiff& d) {
  if (d.added.empty() && d.removed.empty() && d.changed.empty()) {
    out << "no partnership in " << into << " changed\n";
    return;
  }
  out << "changes to " << into << ":\n";
  if (!d.added.empty()) out << "  added: " << quoted_list(d.added) << '\n';
  if (!d.removed.empty()) out << "  removed (not in the spreadsheet): " << quoted_list(d.removed) << '\n';
  for (const PartnershipChange& c : d.changed) {
    std::string what;
    for (const FieldChange& f : c.fields) what += (what.empty() ? "" : "; ") + f.field + ": " + f.before + " -> " + f.after;
    for (const MemberChange& m : c.members) {
      what += what.empty() ? "" : "; ";
      if (m.before.empty()) what += m.organisation.name + " joined as " + m.after;
      else if (m.after.empty()) what += m.organisation.name + " left (was " + m.before + ")";
      else what += m.organisation.name + "'s role: " + m.before + " -> " + m.after;
    }
    out << "  changed: \"" << c.partnership.name << "\": " << what << '\n';
  }
}

}  // namespace

void add_import(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "import",
      "Turn a spreadsheet register (CSV or XLSX, one row per partnership) into a partnermap/1 register. "
      "Headings are matched by their words (Partnership, Nature, Council role, Lead partner, Partners, City Vision "
      "themes, Business Units and hours, Council hours a month, Budget, Council contribution, Start, End, Indicators, "
      "Management, Exit strategy, Risk, Last review...; \"Staff hours a month\" or \"CCC role\" too) or mapped with "
      "--column; lists in a cell are separated by ';', a unit's hours written \"Housing: "
      "20\". The organisations, units and themes named become entries with ids made from their names. Every "
      "problem is reported with its sheet, row and column, and nothing is written while there are errors. "
      "datasets/register-template.csv and .xlsx show the layout.");
  auto a = std::make_shared<ImportArgs>();
  cmd->add_option("SPREADSHEET", a->path, "The spreadsheet: FILE.csv or FILE.xlsx")->required();
  cmd->add_option("-o,--output", a->out, "The register to write (partnermap/1 JSON)")->type_name("FILE");
  cmd->add_option("--into", a->into,
                  "Update this register from the spreadsheet, and write it back (or to -o): what the sheet holds is "
                  "replaced; capacities, sectors, the policy and fields added by hand are kept; the partnerships "
                  "added, removed and changed are printed")
      ->type_name("REGISTER.json");
  cmd->add_option("--with", a->with,
                  "More spreadsheets of Business Units (name, hours available a month), organisations (name, sector) "
                  "or themes, found by their headings, for a CSV register (a workbook's own such sheets are read "
                  "anyway); repeatable")
      ->type_name("FILE");
  cmd->add_option("--council", a->council,
                  "The council's name as the sheet writes it (default: the organisation the sheet most often names "
                  "as lead partner where the Council role is lead)")
      ->type_name("NAME");
  cmd->add_option("--as-of", a->as_of, "The register's date, YYYY-MM-DD (default: today)")
      ->type_name("DATE")
      ->check(CLI::Validator(
          [](std::string& s) {
            const std::string why = iso_date_problem(s);
            return why.empty() ? std::string() : "--as-of " + s + ": " + why;
          },
          "DATE"));
  cmd->add_option("--sheet", a->sheet, "XLSX: the sheet to read (default: the first with a header row)")->type_name("NAME");
  cmd->add_option("--column", a->columns,
                  "Map a heading to a field by hand: --column \"Officer commitment=Council hours a month\" (the field as "
                  "partnermap heads it, or theme, extra to keep it as it is, ignore to leave it out); repeatable")
      ->type_name("\"HEADING=FIELD\"")
      ->allow_extra_args(false)
      ->check(CLI::Validator(
          [](std::string& s) {
            return s.find('=') == std::string::npos ? "--column " + s + ": write it as \"HEADING=FIELD\", such as "
                                                                        "\"Staff input=Council hours a month\""
                                                    : std::string();
          },
          ""));
  cmd->add_option("--council-alias", a->council_aliases,
                  "Another name the sheet gives the council, besides its name and initials (\"City Council\"); repeatable")
      ->type_name("NAME")
      ->allow_extra_args(false);
  cmd->callback([a, &status] {
    ImportOptions options;
    options.council = a->council;
    options.sheet = a->sheet;
    options.as_of = a->as_of.empty() ? today() : *parse_iso_date(a->as_of);
    options.with = a->with;
    options.council_aliases = a->council_aliases;
    for (const std::string& c : a->columns) {
      const auto eq = c.rfind('=');
      options.columns.emplace_back(c.substr(0, eq), c.substr(eq + 1));
    }
    // Without -o an update writes back the register it read: that is the one input it may replace.
    const std::string target = a->out.empty() ? a->into : a->out;
    if (target.empty())
      throw InputError({{Severity::error, "import", "say where the register goes: -o REGISTER.json for a new one, or "
                                                    "--into REGISTER.json to update one"}});
    check_output_file_location(target);
    std::optional<Loaded> old;
    if (!a->into.empty()) old = load_register_file(a->into);
    // The register already knows the council: the sheet's rows need not show it again.
    if (old && options.council.empty() && !old->reg.organisations.empty())
      options.council = old->reg.organisations[old->reg.council].name;
    Imported imported = import_spreadsheet_file(a->path, options);
    std::vector<Problem> warnings = old ? old->warnings : std::vector<Problem>();
    warnings.insert(warnings.end(), imported.warnings.begin(), imported.warnings.end());
    Register reg;
    if (old) {
      Merged merged = merge_into(old->reg, imported, a->into);
      warnings.insert(warnings.end(), merged.warnings.begin(), merged.warnings.end());
      reg = std::move(merged.reg);
    } else {
      reg = std::move(imported.reg);
    }
    if (const auto note = capacity_not_recorded(reg, a->path)) warnings.push_back(*note);
    print_problems(std::cerr, warnings, 50);
    write_stream_atomically(target, [&](std::ostream& out) { save_register(out, reg); });
    std::cout << "wrote " << target << ": " << count_of(reg.partnerships.size(), "partnership", "partnerships") << ", "
              << count_of(reg.organisations.size(), "organisation", "organisations") << ", " << count_of(reg.business_units.size(), reg.policy.words.unit, reg.policy.words.units)
              << ", " << count_of(reg.themes.size(), reg.policy.words.theme, reg.policy.words.themes) << " from " << a->path;
    if (imported.sheet != a->path) std::cout << " (sheet \"" << imported.sheet << "\")";
    for (std::size_t i = 0; i < imported.figure_columns.size(); ++i) {
      const auto& [figure, where] = imported.figure_columns[i];
      std::cout << (i == 0 ? "; " : ", ") << figure << (where == "no column" ? ": no column" : " from " + where);
    }
    for (const std::string& also : imported.also_read) std::cout << "; " << also;
    if (!warnings.empty()) std::cout << "; " << count_of(warnings.size(), "warning", "warnings") << " above";
    std::cout << '\n';
    if (old) print_changes(std::cout, a->into, diff_registers(old->reg, reg));
    status = kDone;
  });
}

}  // namespace partnermap::cli
