// partnermap import: a council's spreadsheet register (CSV or XLSX) into a partnermap/1 register.
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/output.h"
#include "partnermap/import.h"
#include "partnermap/save.h"

namespace partnermap::cli {

namespace {

struct ImportArgs {
  std::string path, out, council, as_of, sheet;
  std::vector<std::string> columns, council_aliases;
};

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return from_civil({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

std::string count(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
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
  cmd->add_option("-o,--output", a->out, "The register to write (partnermap/1 JSON)")->required()->type_name("FILE");
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
    options.council_aliases = a->council_aliases;
    for (const std::string& c : a->columns) {
      const auto eq = c.rfind('=');
      options.columns.emplace_back(c.substr(0, eq), c.substr(eq + 1));
    }
    const Imported imported = import_spreadsheet_file(a->path, options);
    print_problems(std::cerr, imported.warnings, 50);
    write_stream_atomically(a->out, [&](std::ostream& out) { save_register(out, imported.reg); });
    const Register& r = imported.reg;
    std::cout << "wrote " << a->out << ": " << count(r.partnerships.size(), "partnership") << ", "
              << count(r.organisations.size(), "organisation") << ", " << count(r.business_units.size(), "Business Unit")
              << ", " << count(r.themes.size(), "theme") << " from " << a->path;
    if (imported.sheet != a->path) std::cout << " (sheet \"" << imported.sheet << "\")";
    for (std::size_t i = 0; i < imported.figure_columns.size(); ++i) {
      const auto& [figure, where] = imported.figure_columns[i];
      std::cout << (i == 0 ? "; " : ", ") << figure << (where == "no column" ? ": no column" : " from " + where);
    }
    if (!imported.warnings.empty()) std::cout << "; " << count(imported.warnings.size(), "warning") << " above";
    std::cout << '\n';
    status = kDone;
  });
}

}  // namespace partnermap::cli
