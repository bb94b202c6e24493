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
    capacity += u.capacity_hours;
    if (u.status == LoadStatus::overloaded) ++over;
  }
  std::size_t failing = 0;
  for (const PartnershipReview& r : in.review.partnerships)
    if (std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) { return f.severity == FindingSeverity::severe; })) ++failing;
  const RoleCounts& rc = in.roles.overall;
  const double lead_share = rc.total() ? static_cast<double>(rc.lead) / static_cast<double>(rc.total()) : 0;
  return {
      {thousands(static_cast<double>(active)), "partnerships active (of " + thousands(static_cast<double>(reg.partnerships.size())) + " in the register)"},
      {thousands(static_cast<double>(reg.organisations.size() - 1)), "partner organisations"},
      {percent(lead_share), "of active partnerships led by the Council"},
      {thousands(committed), "staff hours a month given to partnerships, of " + thousands(capacity) + " available"},
      {thousands(static_cast<double>(over)), over == 1 ? "Business Unit over capacity" : "Business Units over capacity"},
      {thousands(static_cast<double>(failing)), failing == 1 ? "partnership with a severe review finding" : "partnerships with a severe review finding"},
  };
}

std::vector<std::string> key_findings(const Analysed& in) {
  const Register& reg = in.reg();
  std::vector<std::string> out;

  std::vector<std::string> over, stretched;
  for (const UnitLoad& u : in.capacity.units) {
    const std::string name = reg.business_units.at(u.unit).name + " (" + percent(u.utilisation) + ")";
    if (u.status == LoadStatus::overloaded) over.push_back(name);
    if (u.status == LoadStatus::stretched) stretched.push_back(name);
  }
  if (!over.empty())
    out.push_back(count_of(over.size(), "Business Unit is", "Business Units are") + " over capacity because of partnership work: " + list(over) + ".");
  if (!stretched.empty())
    out.push_back(count_of(stretched.size(), "Business Unit is", "Business Units are") + " stretched (85% or more of their partnership time used): " + list(stretched) + ".");
  if (over.empty() && stretched.empty()) out.push_back("Every Business Unit is within its capacity for partnership work.");
  for (const CapacityChange& ch : in.capacity.changes) {
    if (ch.to != LoadStatus::overloaded || ch.unit >= reg.business_units.size()) continue;
    out.push_back(reg.business_units[ch.unit].name + " goes over capacity in " + month_year(ch.month) + ".");
    if (out.size() > 4) break;
  }

  std::vector<std::string> posts, failing;
  for (const PartnershipReview& r : in.review.partnerships) {
    const std::string& name = reg.partnerships.at(r.partnership).name;
    bool severe = false;
    for (const Finding& f : r.findings) {
      if (f.code == "posts-at-risk") posts.push_back(name);
      if (f.severity == FindingSeverity::severe) severe = true;
    }
    if (severe) failing.push_back(name);
  }
  if (!posts.empty())
    out.push_back("Council posts lose their funding soon in " + count_of(posts.size(), "partnership", "partnerships") + ": " + list(posts) + ".");
  if (!failing.empty())
    out.push_back(count_of(failing.size(), "partnership fails", "partnerships fail") + " the five-minute review (a severe finding): " + list(failing) + ".");
  else
    out.push_back("No partnership fails the five-minute review.");

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
    out.push_back(count_of(empty.size(), "City Vision theme has", "City Vision themes have") + " no active partnership: " + list(empty) + ".");
  else
    out.push_back("Every City Vision theme has at least one active partnership.");
  return out;
}

}  // namespace partnermap::render
