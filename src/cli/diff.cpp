// partnermap diff: what changed between two registers, for the committee that monitors them.
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/survey_option.h"
#include "cli/table.h"
#include "diff_html.h"
#include "partnermap/analysis/words.h"
#include "partnermap/diff.h"

namespace partnermap::cli {

namespace {

struct DiffOptions {
  std::string old_path, new_path, html;
  bool json = false;
  std::vector<std::string> surveys;
};


// A wrapped item: `first` spaces before the first line, `rest` before the others.
void item(std::ostream& out, const std::string& text, std::size_t first, std::size_t rest) {
  out << std::string(first, ' ');
  print_wrapped(out, text, 100, rest);  // lines of 100 - rest characters: the first fits too
}

void list_section(std::ostream& out, const std::string& title, const std::vector<Named>& list) {
  if (list.empty()) return;
  out << title << " (" << list.size() << "):\n";
  for (const Named& n : list) item(out, n.name + " (" + n.id + ")", 2, 4);
  out << '\n';
}

std::string member_words(const MemberChange& m) {
  if (m.before.empty()) return m.organisation.name + " joined as " + m.after;
  if (m.after.empty()) return m.organisation.name + " left (was " + m.before + ")";
  return m.organisation.name + "'s role: " + m.before + " -> " + m.after;
}

void print_diff(std::ostream& out, const RegisterDiff& d, bool colour) {
  out << "Changes from the register of " << long_date(d.old_as_of) << " to the register of " << long_date(d.new_as_of)
      << "\n";
  out << "Council: " << d.council_after << "\n\n";
  for (const std::string& w : d.warnings) {
    out << paint("Warning: ", Colour::red, colour);
    print_wrapped(out, w, 100, 2);
  }
  if (!d.warnings.empty()) out << '\n';
  out << "In short:\n";
  for (const std::string& line : headline_lines(d)) item(out, line, 2, 4);
  out << '\n';
  if (!d.renamed.empty()) {
    out << "Partnerships renamed (" << d.renamed.size() << "):\n";
    for (const Renamed& r : d.renamed) item(out, r.before.name + " (" + r.before.id + ") -> " + r.after.name + " (" + r.after.id + ")", 2, 4);
    out << '\n';
  }
  if (d.empty()) {
    out << "Nothing has changed.\n";
    return;
  }
  list_section(out, "New partnerships", d.added);
  list_section(out, "Partnerships no longer in the register", d.removed);
  list_section(out, "Partnerships that have started", d.started);
  list_section(out, "Partnerships that have ended", d.ended);
  if (!d.changed.empty()) {
    out << "Partnerships changed (" << d.changed.size() << "):\n";
    for (const PartnershipChange& c : d.changed) {
      out << "  " << paint(c.partnership.name, Colour::bold, colour) << '\n';
      for (const FieldChange& f : c.fields) item(out, f.field + ": " + f.before + " -> " + f.after, 4, 6);
      for (const MemberChange& m : c.members) item(out, member_words(m), 4, 6);
    }
    out << '\n';
  }
  list_section(out, "Organisations new to the register", d.organisations_added);
  list_section(out, "Organisations no longer in the register", d.organisations_removed);

  Table t{{{capitalised(d.words.unit), Align::left, Fit::wrap, 16},
           {"Hours before", Align::right},
           {"Hours now", Align::right},
           {"Used before", Align::right},
           {"Used now", Align::right},
           {"Status"}},
          {}};
  for (const UnitChange& u : d.units) {
    if (u.in_old && u.in_new && u.hours_before == u.hours_after && u.status_before == u.status_after) continue;
    std::string status = !u.in_new ? "no longer in the register"
                         : !u.in_old ? std::string("new: ") + to_string(u.status_after)
                         : u.status_before == u.status_after ? to_string(u.status_after)
                                                             : std::string(to_string(u.status_before)) + " -> " + to_string(u.status_after);
    const Colour c = u.in_new && u.status_after == LoadStatus::overloaded ? Colour::red
                     : u.in_new && u.status_after == LoadStatus::stretched ? Colour::yellow
                                                                           : Colour::none;
    t.rows.push_back({u.unit.name, u.in_old ? format_hours(u.hours_before) : "-", u.in_new ? format_hours(u.hours_after) : "-",
                      u.in_old ? utilisation_text(u.utilisation_before) : "-", u.in_new ? utilisation_text(u.utilisation_after) : "-", Cell(status, c)});
  }
  if (!t.rows.empty()) {
    out << "Effect on " << d.words.units << " (hours a month on each register's date):\n\n";
    TableStyle style;
    style.colour = colour;
    print_table(out, t, style);
    out << '\n';
  }
  if (!d.findings.empty()) {
    out << "Review findings that changed:\n";
    for (const FindingChange& f : d.findings) {
      out << "  " << paint(f.partnership.name, Colour::bold, colour) << '\n';
      for (const Finding& x : f.raised) item(out, "new: " + x.reason, 4, 6);
      for (const Finding& x : f.resolved) item(out, "resolved: " + x.reason, 4, 6);
    }
    out << '\n';
  }
  out << "Review score: " << d.score_before << " -> " << d.score_after << " (out of 100)\n";
}

}  // namespace

void add_diff(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "diff",
      "What changed between two registers (for example the last two six-monthly returns): partnerships "
      "added, ended and changed field by field, organisations joining and leaving, and the effect on each "
      "Business Unit's workload and on the review findings.");
  auto o = std::make_shared<DiffOptions>();
  cmd->add_option("OLD", o->old_path, "The earlier register")->required();
  cmd->add_option("NEW", o->new_path, "The later register")->required();
  cmd->add_flag("--json", o->json, "Print the changes as one JSON document");
  add_survey_option(cmd, o->surveys);
  cmd->add_option("--html", o->html, "Also write the changes as a web page for a committee paper")->type_name("FILE");
  cmd->callback([o, &status] {
    if (!o->html.empty()) refuse_to_overwrite_inputs(o->html, {o->old_path, o->new_path});
    Loaded before = load_and_warn(o->old_path);
    Loaded after = load_and_warn(o->new_path);
    // Each register reads the survey wave nearest its own date.
    apply_survey_files(before.reg, o->surveys, before.reg.as_of);
    apply_survey_files(after.reg, o->surveys, after.reg.as_of);
    const RegisterDiff d = diff_registers(before.reg, after.reg);
    if (!o->html.empty())
      write_stream_atomically(o->html, [&](std::ostream& file) { render::write_diff_html(file, d); });
    if (o->json) std::cout << to_json(d).dump(2) << '\n';
    else print_diff(std::cout, d, colour_wanted(1));
    status = kDone;
  });
}

}  // namespace partnermap::cli
