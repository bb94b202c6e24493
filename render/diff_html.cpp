#include "diff_html.h"

#include <cmath>
#include <ostream>

#include "escape.h"
#include "partnermap/analysis/words.h"

namespace partnermap::render {

namespace {

std::string h(const std::string& s) { return html_escape(valid_utf8(s)); }

void names(std::ostream& out, const char* title, const std::vector<Named>& list) {
  if (list.empty()) return;
  out << "<h2>" << title << " (" << list.size() << ")</h2>\n<ul>\n";
  for (const Named& n : list) out << "<li>" << h(n.name) << " <span class=id>" << h(n.id) << "</span></li>\n";
  out << "</ul>\n";
}


}  // namespace

void write_diff_html(std::ostream& out, const RegisterDiff& d) {
  out << "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
      << "<title>Partnership register: changes to " << h(long_date(d.new_as_of)) << "</title>\n"
      << "<style>\nbody{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\n"
      << "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}\n"
      << "td.n{text-align:right}.id{color:#666;font-size:.85em}.overloaded{background:#f6d5cf}"
      << ".stretched{background:#fbefc9}.before{color:#666}.warning{border:2px solid #D55E00;padding:.4rem .6rem}\n"
      << "@media print{body{margin:0;max-width:none}}\n</style>\n</head>\n<body>\n";
  out << "<h1>Partnership register: what changed</h1>\n<p>From the register of " << h(long_date(d.old_as_of))
      << " to the register of " << h(long_date(d.new_as_of)) << ", " << h(d.council_after) << ".</p>\n";
  for (const std::string& w : d.warnings) out << "<p class=warning><strong>Warning:</strong> " << h(w) << "</p>\n";
  out << "<h2>In short</h2>\n<ul class=headline>\n";
  for (const std::string& line : headline_lines(d)) out << "<li>" << h(line) << "</li>\n";
  out << "</ul>\n";
  if (!d.renamed.empty()) {
    out << "<h2>Partnerships renamed (" << d.renamed.size() << ")</h2>\n<ul>\n";
    for (const Renamed& r : d.renamed)
      out << "<li>" << h(r.before.name) << " <span class=id>" << h(r.before.id) << "</span> &rarr; " << h(r.after.name)
          << " <span class=id>" << h(r.after.id) << "</span></li>\n";
    out << "</ul>\n";
  }
  if (d.empty()) out << "<p>Nothing has changed.</p>\n";
  names(out, "New partnerships", d.added);
  names(out, "Partnerships no longer in the register", d.removed);
  names(out, "Partnerships that have started", d.started);
  names(out, "Partnerships that have ended", d.ended);
  if (!d.changed.empty()) {
    out << "<h2>Partnerships changed (" << d.changed.size() << ")</h2>\n";
    for (const PartnershipChange& c : d.changed) {
      out << "<h3>" << h(c.partnership.name) << "</h3>\n<table>\n<tr><th>Field</th><th>Before</th><th>Now</th></tr>\n";
      for (const FieldChange& f : c.fields)
        out << "<tr><td>" << h(f.field) << "</td><td class=before>" << h(f.before) << "</td><td>" << h(f.after) << "</td></tr>\n";
      for (const MemberChange& m : c.members)
        out << "<tr><td>Member: " << h(m.organisation.name) << "</td><td class=before>"
            << (m.before.empty() ? "not a member" : h(m.before)) << "</td><td>" << (m.after.empty() ? "left" : h(m.after))
            << "</td></tr>\n";
      out << "</table>\n";
    }
  }
  names(out, "Organisations new to the register", d.organisations_added);
  names(out, "Organisations no longer in the register", d.organisations_removed);
  out << "<h2>" << h(capitalised(d.words.units)) << "</h2>\n<table>\n<tr><th>" << h(capitalised(d.words.unit))
      << "</th><th>Hours before</th><th>Hours now</th>"
      << "<th>Used before</th><th>Used now</th><th>Status now</th></tr>\n";
  for (const UnitChange& u : d.units) {
    const char* status = u.in_new ? to_string(u.status_after) : "no longer in the register";
    out << "<tr class=" << (u.in_new ? to_string(u.status_after) : "gone") << "><td>" << h(u.unit.name) << "</td><td class=n>"
        << (u.in_old ? format_hours(u.hours_before) : "-") << "</td><td class=n>"
        << (u.in_new ? format_hours(u.hours_after) : "-") << "</td><td class=n>"
        << (u.in_old ? utilisation_text(u.utilisation_before) : "-") << "</td><td class=n>"
        << (u.in_new ? utilisation_text(u.utilisation_after) : "-") << "</td><td>" << status << "</td></tr>\n";
  }
  out << "</table>\n";
  if (!d.findings.empty()) {
    out << "<h2>Review findings that changed</h2>\n";
    for (const FindingChange& f : d.findings) {
      out << "<h3>" << h(f.partnership.name) << "</h3>\n<ul>\n";
      for (const Finding& x : f.raised) out << "<li><strong>New:</strong> " << h(x.reason) << "</li>\n";
      for (const Finding& x : f.resolved) out << "<li><strong>Resolved:</strong> " << h(x.reason) << "</li>\n";
      out << "</ul>\n";
    }
  }
  out << "<p>Review score: " << d.score_before << " before, " << d.score_after << " now (out of 100).</p>\n</body>\n</html>\n";
}

}  // namespace partnermap::render
