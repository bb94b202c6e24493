// partnermap trend: the key indicators of each register snapshot, oldest first, for the six-monthly
// monitoring report: as a table, JSON, CSV for a spreadsheet, or a page of small charts.
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/snapshots.h"
#include "cli/survey_option.h"
#include "cli/table.h"
#include "escape.h"
#include "partnermap/analysis/words.h"
#include "trend_svg.h"

namespace partnermap::cli {

namespace {

struct TrendArgs {
  std::vector<std::string> files, surveys;
  std::string git, csv, svg;
  bool json = false;
};

std::string cell_words(const IndicatorInfo& info, std::optional<double> v) {
  return v ? render::indicator_words(info, *v) : "-";
}

void print_trend(std::ostream& out, const std::vector<Snapshot>& snaps, bool colour) {
  out << "Key indicators of " << count_of(snaps.size(), "register snapshot", "register snapshots") << ", oldest first\n\n";
  Table t{{{"Indicator", Align::left, Fit::wrap, 16}}, {}};
  for (const Snapshot& s : snaps) t.columns.push_back({long_date(s.as_of), Align::right});
  for (const IndicatorInfo& info : indicator_list()) {
    // The titles say "Business Units"; the newest register's own word for them reads instead.
    std::string title = info.title;
    const std::string units = "Business Units";
    if (!snaps.empty() && !snaps.back().units_word.empty() && title.rfind(units, 0) == 0)
      title = capitalised(snaps.back().units_word) + title.substr(units.size());
    std::vector<Cell> row{title};
    for (const Snapshot& s : snaps) row.push_back(cell_words(info, indicator_value(s.indicators, info.name)));
    t.rows.push_back(std::move(row));
  }
  TableStyle style;
  style.colour = colour;
  print_table(out, t, style);
  out << "\nSources:\n";
  for (const Snapshot& s : snaps)
    out << "  " << long_date(s.as_of) << ": " << s.source
        << (s.survey_date ? " (survey of " + long_date(*s.survey_date) + ")" : std::string()) << '\n';
}

void write_csv(std::ostream& out, const std::vector<Snapshot>& snaps) {
  out << "as_of,source,council,survey_date";
  for (const IndicatorInfo& info : indicator_list()) out << ',' << info.name;
  out << "\r\n";
  const nlohmann::json j = trend_json(snaps);
  for (std::size_t k = 0; k < snaps.size(); ++k) {
    const Snapshot& s = snaps[k];
    out << to_iso(s.as_of) << ',' << render::csv_field(s.source) << ',' << render::csv_field(s.council) << ','
        << (s.survey_date ? to_iso(*s.survey_date) : "");
    for (const IndicatorInfo& info : indicator_list()) {
      const nlohmann::json& v = j["snapshots"][k]["indicators"][info.name];
      out << ',' << (v.is_null() ? std::string() : v.dump());
    }
    out << "\r\n";
  }
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
  write_stream_atomically(path, write);  // checked, flushed and renamed into place by the one writer
}

}  // namespace

void add_trend(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "trend",
      "The key indicators of each register snapshot, oldest first: active partnerships, the Council's lead share, "
      "units over capacity and stretched, hours committed and available, the review score and severe findings, the "
      "share with performance indicators, partners' satisfaction and network trust (from --survey). Snapshots are "
      "files, or with --git every committed version of a register kept in git.");
  auto a = std::make_shared<TrendArgs>();
  cmd->add_option("SNAPSHOT", a->files, "Register files (partnermap/1 JSON), in any order")->check(CLI::ExistingFile);
  cmd->add_option("--git", a->git, "Also every version of this register committed to its git repository")->type_name("REGISTER");
  add_survey_option(cmd, a->surveys);
  cmd->add_flag("--json", a->json, "Print the indicators as one JSON document");
  cmd->add_option("--csv", a->csv, "Also write the indicators as CSV, one row per snapshot")->type_name("FILE");
  cmd->add_option("--svg", a->svg, "Also draw one small line chart per indicator as SVG")->type_name("FILE");
  cmd->callback([a, &status] {
    if (a->files.empty() && a->git.empty())
      throw CLI::ValidationError("SNAPSHOT", "give register snapshots, or --git REGISTER for the versions committed to git");
    std::vector<std::string> inputs = a->files;
    if (!a->git.empty()) inputs.push_back(a->git);
    inputs.insert(inputs.end(), a->surveys.begin(), a->surveys.end());
    for (const std::string* out : {&a->csv, &a->svg})
      if (!out->empty()) refuse_to_overwrite_inputs(*out, inputs);
    std::vector<LoadedSnapshot> loaded = load_snapshots(a->files, a->git);
    const std::vector<Snapshot> snaps = compute_trend(loaded, a->surveys);
    for (const Snapshot& s : snaps)
      if (s.council != snaps.front().council)
        std::cerr << "warning: " << s.source << " is the register of " << s.council << ", not of " << snaps.front().council
                  << ": the trend compares two councils; check the snapshots given\n";
    if (!a->csv.empty()) write_output(a->csv, [&](std::ostream& o) { write_csv(o, snaps); });
    if (!a->svg.empty())
      write_output(a->svg, [&](std::ostream& o) {
        render::write_trend_svg(snaps, "Partnership indicators over time: " + snaps.back().council, o);
      });
    if (a->json) std::cout << trend_json(snaps).dump(2) << '\n';
    else print_trend(std::cout, snaps, colour_wanted(1));
    status = kDone;
  });
}

}  // namespace partnermap::cli
