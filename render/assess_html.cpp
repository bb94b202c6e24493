#include "assess_html.h"

#include <cmath>
#include <ostream>

#include "escape.h"
#include "partnermap/analysis/words.h"

namespace partnermap::render {

namespace {

std::string h(const std::string& s) { return html_escape(valid_utf8(s)); }


const char* status_words(AnswerStatus s) {
  return s == AnswerStatus::fail ? "Fail" : s == AnswerStatus::condition ? "Condition" : "Pass";
}

void head(std::ostream& out, const Partnership& p) {
  out << "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
      << "<meta name=viewport content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Pre-partnership assessment: " << h(p.name) << "</title>\n"
      << "<style>\nbody{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\n"
      << "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;"
      << "text-align:left;vertical-align:top}\n"
      << "td.n{text-align:right}.id{color:#666;font-size:.85em}\n"
      << ".verdict{border:2px solid;padding:.5rem 1rem;margin:1rem 0}.verdict h2{margin:.2rem 0}\n"
      << ".proceed{border-color:#2a7a3a}.proceed-with-conditions{border-color:#b8860b}.reconsider{border-color:#b03a2e}\n"
      << ".status{font-weight:bold;white-space:nowrap}.pass{color:#2a7a3a}.condition{color:#8a6400}.fail{color:#b03a2e}\n"
      << ".wide{overflow-x:auto}table.forecast th,table.forecast td{padding:.2rem .3rem;font-size:.85em}\n"
      << "td.overloaded{background:#f6d5cf}td.stretched{background:#fbefc9}\n"
      << "section.q{break-inside:avoid;margin:1rem 0}section.q h3{margin:.2rem 0}\n"
      << "@media print{body{margin:0;max-width:none}}\n</style>\n</head>\n<body>\n";
}

void verdict(std::ostream& out, const Assessment& a) {
  std::string css = to_string(a.recommendation);
  for (char& c : css)
    if (c == ' ') c = '-';
  out << "<div class=\"verdict " << css << "\">\n<h2>Recommendation: " << h(to_string(a.recommendation))
      << "</h2>\n<ul>\n";
  for (const std::string& r : a.reasons) out << "<li>" << h(r) << "</li>\n";
  out << "</ul>\n</div>\n";
}

void summary(std::ostream& out, const Assessment& a) {
  out << "<h2>The decision tree</h2>\n<table>\n<tr><th>#</th><th>Question</th><th>Answer</th></tr>\n";
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const Question& q = a.questions[i];
    out << "<tr><td class=n>" << i + 1 << "</td><td><a href=\"#q-" << h(q.id) << "\">" << h(q.question)
        << "</a></td><td class=\"status " << to_string(q.status) << "\">" << status_words(q.status) << "</td></tr>\n";
  }
  out << "</table>\n";
}

void questions(std::ostream& out, const Assessment& a) {
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const Question& q = a.questions[i];
    out << "<section class=q id=\"q-" << h(q.id) << "\">\n<h3>" << i + 1 << ". " << h(q.question)
        << " <span class=\"status " << to_string(q.status) << "\">" << status_words(q.status) << "</span></h3>\n<p>"
        << h(q.answer) << "</p>\n";
    if (!q.facts.empty()) {
      out << "<ul>\n";
      for (const std::string& f : q.facts) out << "<li>" << h(f) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</section>\n";
  }
}

// Month by month for each unit the proposal asks hours of: the share used without it and with it.
void forecast(std::ostream& out, const Register& reg, const Assessment& a) {
  if (a.units.empty()) return;
  const PolicyWords& w = reg.policy.words;
  out << "<h2>Effect on " << h(w.units) << "</h2>\n<p>Share of each unit's partnership time used, without the proposal "
         "and with it, on the same day of each month.</p>\n<div class=wide>\n<table class=forecast>\n"
         "<tr><th>" << h(capitalised(w.unit)) << "</th><th></th>";
  for (Date d : a.with.months) out << "<th>" << h(short_month(d)) << "<br>" << to_civil(d).year << "</th>";
  out << "</tr>\n";
  for (const UnitEffect& e : a.units) {
    const BusinessUnit& u = reg.business_units[e.unit];
    const Capacity* sides[] = {&a.without, &a.with};
    for (int side = 0; side < 2; ++side) {
      out << "<tr>";
      if (side == 0)
        out << "<td rowspan=2>" << h(u.name) << "<br><span class=id>" << format_hours(e.hours) << " h a month of "
            << format_hours(u.capacity_hours) << "</span></td>";
      out << "<td>" << (side == 0 ? "without" : "with") << "</td>";
      for (std::size_t k = 0; k < sides[side]->months.size(); ++k) {
        const LoadStatus s = load_status(sides[side]->forecast_hours[e.unit][k], u.capacity_hours, sides[side]->thresholds);
        out << "<td class=\"n " << to_string(s) << "\">" << utilisation_text(sides[side]->forecast[e.unit][k]) << "</td>";
      }
      out << "</tr>\n";
    }
  }
  out << "</table>\n</div>\n";
}

void overlaps(std::ostream& out, const Register& reg, const Assessment& a) {
  if (a.overlaps.empty()) return;
  out << "<h2>Existing partnerships with largely the same members</h2>\n<table>\n<tr><th>Partnership</th>"
         "<th>In common</th><th>Jaccard</th><th>Themes in common</th></tr>\n";
  for (const ProposalOverlap& o : a.overlaps) {
    const Partnership& p = reg.partnerships[o.partnership];
    std::vector<std::string> themes;
    for (Index t : o.shared_themes) themes.push_back(reg.themes[t].name);
    out << "<tr><td>" << h(p.name) << " <span class=id>" << h(p.id) << "</span></td><td class=n>" << o.shared
        << " of " << o.either << "</td><td class=n>" << percent(o.jaccard) << "</td><td>"
        << (themes.empty() ? "none" : h(join_words(themes))) << "</td></tr>\n";
  }
  out << "</table>\n";
}

}  // namespace

void write_assess_html(std::ostream& out, const Proposal& proposal, const Assessment& a) {
  const Register& reg = proposal.reg;
  const Partnership& p = reg.partnerships[a.partnership];
  head(out, p);
  out << "<h1>Pre-partnership assessment: " << h(p.name) << " <span class=id>" << h(p.id) << "</span></h1>\n<p>"
      << h(p.start ? "Proposed to start on " + long_date(*p.start) : std::string("No start date given"))
      << h(p.end ? ", to end on " + long_date(*p.end) : std::string(", with no end date")) << ". Assessed on "
      << h(long_date(a.at)) << " against the partnership register of " << h(long_date(reg.as_of))
      << ", as " << h(reg.policy.words.policy) << "'s pre-partnership evaluation asks.</p>\n";
  if (!proposal.new_organisations.empty()) {
    std::vector<std::string> names;
    for (Index o : proposal.new_organisations) names.push_back(reg.organisations[o].name);
    out << "<p>Partners new to the register: " << h(join_words(names)) << ".</p>\n";
  }
  verdict(out, a);
  summary(out, a);
  questions(out, a);
  forecast(out, reg, a);
  overlaps(out, reg, a);
  const PolicyWords& w = reg.policy.words;
  out << "<h2>How the recommendation is reached</h2>\n<p>Reconsider when any answer is a fail: no " << h(w.theme)
      << ", no agreed Council role, a " << h(w.unit) << " over capacity while the partnership runs, a duplicate of an existing "
         "partnership serving the same " << h(w.themes) << ", or permanent posts whose funding ends within "
      << a.review_settings.posts_months
      << " months. Proceed with conditions when any answer is a condition; the conditions are to be met before the "
         "Council commits. Otherwise proceed.</p>\n</body>\n</html>\n";
}

}  // namespace partnermap::render
