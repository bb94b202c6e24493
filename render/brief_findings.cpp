#include "brief_findings.h"

#include <algorithm>
#include <cmath>

namespace partnermap::render {

namespace {

std::string list(const std::vector<std::string>& items, std::size_t limit = 6) {
  std::vector<std::string> shown(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(std::min(limit, items.size())));
  if (items.size() > limit) shown.push_back(std::to_string(items.size() - limit) + " more");
  return join_words(shown);
}

}  // namespace

std::vector<Headline> headline_figures(const Analysed& in) {
  const Register& reg = in.reg();
  std::size_t active = 0;
  for (const Partnership& p : reg.partnerships)
    if (p.active_on(in.capacity.at)) ++active;
  double committed = 0, capacity = 0;
  std::size_t over = 0;
  for (const UnitLoad& u : in.capacity.units) {
    committed += u.committed_hours;
    capacity += u.status == LoadStatus::not_recorded ? 0 : u.capacity_hours;
    if (u.status == LoadStatus::overloaded) ++over;
  }
  std::size_t failing = 0;
  for (const PartnershipReview& r : in.review.partnerships)
    if (std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) { return f.severity == FindingSeverity::severe; })) ++failing;
  const RoleCounts& rc = in.roles.overall;
  const double lead_share = rc.total() ? static_cast<double>(rc.lead) / static_cast<double>(rc.total()) : 0;
  const PolicyWords& w = reg.policy.words;
  return {
      {thousands(static_cast<double>(active)), "partnerships active (of " + thousands(static_cast<double>(reg.partnerships.size())) + " in the register)",
       "Partnerships running on the date; the rest of the register has ended or is still proposed."},
      {thousands(static_cast<double>(reg.organisations.size() - 1)), "partner organisations",
       "Every organisation besides the Council that the register names in a partnership."},
      {percent(lead_share), "of active partnerships led by the Council",
       "Where the Council is the lead; above " + percent(in.roles.dominance_threshold) + " (the limit " + w.policy +
           " sets) it leads more than it shares."},
      {thousands(committed), "staff hours a month given to partnerships, of " + thousands(capacity) + " available",
       "Officers' time promised to partnerships, against the time the " + w.units +
           " say they can give; the table below shows it month by month."},
      {thousands(static_cast<double>(over)), (over == 1 ? w.unit : w.units) + " over capacity",
       "Promised more than " + percent(in.capacity.thresholds.overloaded) +
           " of the time they can give: work there is at risk unless hours are found or partnerships given up."},
      {thousands(static_cast<double>(failing)), failing == 1 ? "partnership with a severe review finding" : "partnerships with a severe review finding",
       "Each has at least one finding of " + w.review + " to act on; the findings below and the matrix say which."},
  };
}

std::vector<std::string> key_findings(const Analysed& in) {
  const Register& reg = in.reg();
  std::vector<std::string> out;

  const PolicyWords& w = reg.policy.words;
  std::vector<std::string> over, stretched, unknown;
  for (const UnitLoad& u : in.capacity.units) {
    const std::string& unit = reg.business_units.at(u.unit).name;
    const std::string name = unit + " (" + utilisation_text(u.utilisation) + ")";
    if (u.status == LoadStatus::overloaded) over.push_back(name);
    if (u.status == LoadStatus::stretched) stretched.push_back(name);
    if (u.status == LoadStatus::not_recorded) unknown.push_back(unit);
  }
  if (!over.empty())
    out.push_back(count_of(over.size(), w.unit + " is", w.units + " are") + " over capacity because of partnership work: " + list(over) + ".");
  if (!stretched.empty())
    out.push_back(count_of(stretched.size(), w.unit + " is", w.units + " are") + " stretched (" +
                  percent(in.capacity.thresholds.stretched) + " or more of their partnership time used): " + list(stretched) + ".");
  if (over.empty() && stretched.empty() && unknown.size() < in.capacity.units.size())
    out.push_back("Every " + w.unit + (unknown.empty() ? "" : " with a recorded capacity") + " is within its capacity for partnership work.");
  if (!unknown.empty())
    out.push_back("Capacity not recorded for " + count_of(unknown.size(), w.unit, w.units) + ": " + list(unknown) +
                  ". Their load cannot be judged until the hours a month each can give to partnership work are recorded: in "
                  "the spreadsheet's sheet of " + w.units + " (then import it again), or as capacity_hours in the register.");
  for (const CapacityChange& ch : in.capacity.changes) {
    if (ch.to != LoadStatus::overloaded || ch.unit >= reg.business_units.size()) continue;
    out.push_back(reg.business_units[ch.unit].name + " goes over capacity in " + month_year(ch.month) + ".");
    if (out.size() > 4) break;
  }

  // Posts whose funding ends within the horizon (severe) are told apart from posts funded for less
  // long than the partnership (a warning); failing the review means failing one of its own questions.
  std::vector<std::string> posts_soon, posts_later, failing, other_severe;
  for (const PartnershipReview& r : in.review.partnerships) {
    const std::string& name = reg.partnerships.at(r.partnership).name;
    bool fails = false, severe = false;
    for (const Finding& f : r.findings) {
      if (f.code == "posts-at-risk") (f.severity == FindingSeverity::severe ? posts_soon : posts_later).push_back(name);
      if (f.severity == FindingSeverity::severe) (is_review_question(f.code) ? fails : severe) = true;
    }
    if (fails) failing.push_back(name);
    else if (severe) other_severe.push_back(name);
  }
  const std::string horizon = count_of(static_cast<std::size_t>(in.review.settings.posts_months), "month", "months");
  if (!posts_soon.empty())
    out.push_back("Council posts lose their funding within " + horizon + " (or have lost it) in " +
                  count_of(posts_soon.size(), "partnership", "partnerships") + ": " + list(posts_soon) + ".");
  if (!posts_later.empty())
    out.push_back("Council posts are funded for less long than the partnership runs in " +
                  count_of(posts_later.size(), "partnership", "partnerships") + ": " + list(posts_later) + ".");
  if (!failing.empty())
    out.push_back(count_of(failing.size(), "partnership fails", "partnerships fail") + " " + w.review +
                  " (no " + w.theme + ", no agreed Council role or no stated benefit): " + list(failing) + ".");
  else
    out.push_back("No partnership fails " + w.review + ".");
  if (!other_severe.empty())
    out.push_back(count_of(other_severe.size(), "more partnership has", "more partnerships have") +
                  " another severe finding (governance, risk or posts): " + list(other_severe) + ".");

  if (!in.roles.finding.empty()) {
    out.push_back(in.roles.finding);
  } else {
    const RoleCounts& rc = in.roles.overall;
    out.push_back("The Council leads " + std::to_string(rc.lead) + " of " + std::to_string(rc.total()) + " active partnerships.");
  }

  std::vector<std::string> empty;
  for (Index t = 0; t < reg.themes.size(); ++t)
    if (std::none_of(reg.partnerships.begin(), reg.partnerships.end(), [&](const Partnership& p) {
          return p.active_on(in.capacity.at) && std::find(p.themes.begin(), p.themes.end(), t) != p.themes.end();
        }))
      empty.push_back(reg.themes[t].name);
  if (!empty.empty())
    out.push_back(count_of(empty.size(), w.theme + " has", w.themes + " have") + " no active partnership: " + list(empty) + ".");
  else
    out.push_back("Every " + w.theme + " has at least one active partnership.");
  return out;
}

}  // namespace partnermap::render
