// partnermap capacity: which Business Units are over capacity because of partnership work, now and
// month by month ahead (Best Value Review key issues 6, 7 and 9).
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/table.h"
#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/json.h"
#include "partnermap/analysis/words.h"

namespace partnermap::cli {

namespace {

struct CapacityOptions {
  std::string path;
  std::string at;  // empty: the register's as_of
  int months = 12;
  bool json = false;
};

// The status as the summary under the table says it; JSON keeps to_string's tokens.
std::string status_words(LoadStatus s) {
  switch (s) {
    case LoadStatus::overloaded: return "over capacity";
    case LoadStatus::not_recorded: return kNotRecorded;
    default: return to_string(s);
  }
}

Colour status_colour(LoadStatus s) {
  return s == LoadStatus::overloaded ? Colour::red : s == LoadStatus::stretched ? Colour::yellow : Colour::none;
}


double hours_of(const Register& reg, Index p, Index unit) {
  double h = 0;
  for (const Commitment& c : reg.partnerships[p].commitments)
    if (c.unit == unit) h += c.hours;
  return h;
}

void print_units(std::ostream& out, const Register& reg, const Capacity& c, const TableStyle& style) {
  Table t{{{capitalised(reg.policy.words.unit), Align::left, Fit::wrap, 16},
           {"Capacity", Align::right},
           {"Committed", Align::right},
           {"Used", Align::right},
           {"Status"},
           {"Partnerships", Align::right}},
          {}};
  for (const UnitLoad& u : c.units)
    t.rows.push_back({reg.business_units[u.unit].name,
                      u.status == LoadStatus::not_recorded ? std::string(kNotRecorded) : format_hours(u.capacity_hours),
                      format_hours(u.committed_hours), utilisation_text(u.utilisation, u.capacity_hours),
                      Cell(status_words(u.status), status_colour(u.status)),
                      std::to_string(u.partnerships.size())});
  print_table(out, t, style);
}

void print_summary(std::ostream& out, const Register& reg, const Capacity& c) {
  std::vector<std::string> over, stretched, no_capacity;
  for (const UnitLoad& u : c.units) {
    const std::string& name = reg.business_units[u.unit].name;
    if (u.status == LoadStatus::overloaded) over.push_back(name);
    if (u.status == LoadStatus::stretched) stretched.push_back(name);
    if (u.status == LoadStatus::not_recorded) no_capacity.push_back(name);
  }
  const PolicyWords& w = reg.policy.words;
  std::string text;
  if (over.empty() && stretched.empty()) {
    text = "No " + w.unit + " is stretched or over capacity.";
  } else {
    if (!over.empty())
      text += count_of(over.size(), w.unit + " is", w.units + " are") + " over capacity (above " +
              percent(c.thresholds.overloaded) + "): " + join_words(over) + ". ";
    if (!stretched.empty())
      text += count_of(stretched.size(), "is", "are") + " stretched (" + percent(c.thresholds.stretched) +
              " or more of capacity used): " + join_words(stretched) + ".";
  }
  out << '\n';
  print_wrapped(out, text);
  if (!no_capacity.empty())
    print_wrapped(out, "Capacity not recorded for " + join_words(no_capacity) +
                           ": their load cannot be judged, so they are not counted as stretched or over capacity. "
                           "Record capacity_hours (the hours a month each can give to partnerships) for each in the register.");
}

// Where the hours go, for each unit over or near capacity: the partnerships behind the load.
void print_drivers(std::ostream& out, const Register& reg, const Capacity& c) {
  bool any = false;
  for (const UnitLoad& u : c.units) {
    if (u.status == LoadStatus::ok || u.status == LoadStatus::not_recorded) continue;
    if (!any) out << "\nWhere their hours go (hours a month):\n";
    any = true;
    std::vector<std::string> parts;
    for (Index p : u.partnerships)
      parts.push_back(reg.partnerships[p].name + " " + format_hours(hours_of(reg, p, u.unit)) + " h");
    out << '\n';
    print_wrapped(out, "  " + reg.business_units[u.unit].name + " (" + format_hours(u.committed_hours) + " of " +
                           format_hours(u.capacity_hours) + "): " + join_words(parts) + ".",
                  100, 4);
  }
}

void print_officers(std::ostream& out, const Register& reg, const Capacity& c, const TableStyle& style) {
  if (c.officers.empty()) return;
  constexpr std::size_t kShown = 20;
  out << "\nNamed officers (hours a month, where a commitment names the officer)\n\n";
  Table t{{{"Officer", Align::left, Fit::wrap, 14},
           {capitalised(reg.policy.words.unit), Align::left, Fit::wrap, 12},
           {"Hours", Align::right},
           {"Partnerships", Align::left, Fit::wrap, 20}},
          {}};
  for (std::size_t i = 0; i < c.officers.size() && i < kShown; ++i) {
    const OfficerLoad& o = c.officers[i];
    std::vector<std::string> names;
    for (Index p : o.partnerships) names.push_back(reg.partnerships[p].name);
    t.rows.push_back({o.officer, reg.business_units[o.unit].name, format_hours(o.committed_hours), join_words(names)});
  }
  print_table(out, t, style);
  if (c.officers.size() > kShown)
    out << "... and " << c.officers.size() - kShown << " more officers (--json lists them all)\n";
}

// The forecast as a grid, units down and months across; split into blocks when the months do not
// fit in one, each block repeating the units.
void print_forecast(std::ostream& out, const Register& reg, const Capacity& c, const TableStyle& style) {
  if (c.months.size() < 2) return;
  out << "\nForecast: share of capacity used, month by month from " << long_date(c.at) << "\n\n";
  constexpr std::size_t kMonthWidth = 4 + 2;  // "116%" and the gap
  constexpr std::size_t kNameWidth = 22;
  const std::size_t per_block = std::max<std::size_t>(1, (style.width - kNameWidth) / kMonthWidth);
  for (std::size_t first = 0; first < c.months.size(); first += per_block) {
    const std::size_t last = std::min(c.months.size(), first + per_block);
    Table t;
    t.columns.push_back({capitalised(reg.policy.words.unit), Align::left, Fit::wrap, 12});
    for (std::size_t k = first; k < last; ++k)
      t.columns.push_back({short_month(c.months[k]) + "\n" + std::to_string(to_civil(c.months[k]).year), Align::right});
    for (Index u = 0; u < c.units.size(); ++u) {
      std::vector<Cell> row{reg.business_units[u].name};
      for (std::size_t k = first; k < last; ++k)
        row.emplace_back(utilisation_text(c.forecast[u][k], reg.business_units[u].capacity_hours),
                         status_colour(load_status(c.forecast_hours[u][k], reg.business_units[u].capacity_hours, c.thresholds)));
      t.rows.push_back(std::move(row));
    }
    if (first > 0) out << '\n';
    print_table(out, t, style);
  }
}

void print_changes(std::ostream& out, const Register& reg, const Capacity& c) {
  if (c.months.size() < 2) return;
  out << '\n';
  if (c.changes.empty()) {
    print_wrapped(out, "No " + reg.policy.words.unit + " goes over or comes back under a threshold between " + long_date(c.months.front()) +
                           " and " + long_date(c.months.back()) + ".");
    return;
  }
  out << "Changes ahead:\n";
  for (const CapacityChange& ch : c.changes) {
    const char* what = ch.to == LoadStatus::overloaded                                  ? "goes over capacity"
                       : ch.to == LoadStatus::stretched && ch.from == LoadStatus::ok    ? "becomes stretched"
                       : ch.to == LoadStatus::stretched                                 ? "comes back within capacity but stays stretched"
                       : ch.from == LoadStatus::overloaded                              ? "comes back within capacity"
                                                                                        : "is no longer stretched";
    std::string text = long_date(ch.on) + ": " + reg.business_units[ch.unit].name + " " + what + " (" +
                       utilisation_text(ch.before) + " to " + utilisation_text(ch.after) + ")";
    std::vector<std::string> why;
    for (Index p : ch.starting)
      why.push_back(reg.partnerships[p].name + " starts (" + long_date(*reg.partnerships[p].start) + ")");
    for (Index p : ch.ending)
      why.push_back(reg.partnerships[p].name + " ends (" + long_date(*reg.partnerships[p].end) + ")");
    if (!why.empty()) text += " as " + join_words(why);
    text += ".";
    print_wrapped(out, text, 100, 4);
  }
}

}  // namespace

void add_capacity(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "capacity",
      "Which Business Units are over capacity because of partnership work. For each unit: the hours a "
      "month committed to partnerships active on the date, against the hours it can give, the share used "
      "and its status (ok; stretched and overloaded from the register policy's thresholds, by default 0.85 "
      "and above 1.0; not_recorded when the unit has no capacity_hours); the same for each named officer; "
      "and a month-by-month forecast showing when a unit goes over or comes back under as partnerships "
      "start and end.");
  auto o = std::make_shared<CapacityOptions>();
  cmd->add_option("REGISTER", o->path, "The register file (partnermap/1 JSON)")->required();
  add_at_option(cmd, o->at, "The date to measure on");
  cmd->add_option("--months", o->months, "How many months ahead to forecast (default 12; 0 for none)")
      ->check(whole_number_in(0, 240));
  cmd->add_flag("--json", o->json, "Print the figures as one JSON document instead of tables");
  cmd->callback([o, &status] {
    const Loaded loaded = load_and_warn(o->path);
    const Register& reg = loaded.reg;
    const Date at = date_or_as_of(o->at, reg);
    const Graph g(reg);
    const Capacity c = compute_capacity(g, at, o->months);
    if (o->json) {
      write_json(std::cout, g, c, 2);
      std::cout << '\n';
      status = kDone;
      return;
    }
    const TableStyle style{100, 2, colour_wanted(1)};
    std::cout << paint(capitalised(reg.policy.words.unit) + " capacity on " + long_date(at), Colour::bold, style.colour) << '\n';
    print_wrapped(std::cout, "Hours a month committed to partnerships active on that day, against the hours each unit "
                             "can give to partnership work.");
    std::cout << '\n';
    print_units(std::cout, reg, c, style);
    print_summary(std::cout, reg, c);
    print_drivers(std::cout, reg, c);
    print_officers(std::cout, reg, c, style);
    print_forecast(std::cout, reg, c, style);
    print_changes(std::cout, reg, c);
    status = kDone;
  });
}

}  // namespace partnermap::cli
