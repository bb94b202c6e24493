// Roles count partnerships, not memberships: each partnership active on the date counts once in
// the overall figure, once in each theme it serves, once in its nature and once in each unit that
// gives it time, under the Council's role in it (lead, support, observer, or absent).
#include "partnermap/analysis/roles.h"

#include <algorithm>

#include "partnermap/analysis/words.h"

namespace partnermap {

double RoleCounts::lead_share() const {
  const std::size_t n = total();
  return n == 0 ? 0.0 : static_cast<double>(lead) / static_cast<double>(n);
}

namespace {

void add(RoleCounts& counts, const std::optional<Role>& role) {
  if (!role) ++counts.absent;
  else if (*role == Role::lead) ++counts.lead;
  else if (*role == Role::support) ++counts.support;
  else ++counts.observer;
}

// Counts the active partnerships in the row of `v` (a theme or unit vertex), each once.
RoleCounts count_row(const Graph& g, Vertex v, EdgeKind kind, const std::vector<char>& active,
                     const std::vector<std::optional<Role>>& roles) {
  RoleCounts counts;
  const auto nbrs = g.neighbours(v);
  const auto info = g.edge_info(v);
  Vertex last = static_cast<Vertex>(-1);
  for (std::size_t k = 0; k < nbrs.size(); ++k) {
    // Rows are in register order, so a partnership that lists the same theme or unit twice is adjacent.
    if (info[k].kind != kind || nbrs[k] == last) continue;
    last = nbrs[k];
    const Index p = g.index(nbrs[k]);
    if (active[p]) add(counts, roles[p]);
  }
  return counts;
}

std::optional<Index> lead_partner(const Register& reg, const Partnership& p) {
  bool council_leads = false;
  for (const Member& m : p.members) {
    if (m.role != Role::lead) continue;
    if (m.org != reg.council) return m.org;
    council_leads = true;
  }
  if (council_leads) return reg.council;
  return std::nullopt;
}

std::string share_words(const RoleCounts& c) {
  return std::to_string(c.lead) + " of " + std::to_string(c.total()) + ", " + percent(c.lead_share());
}

// The themes where the Council leads more than the threshold, highest share first, for the finding.
std::vector<std::string> leading_themes(const Roles& r, std::size_t limit) {
  std::vector<const RoleGroup*> over;
  for (const RoleGroup& t : r.by_theme)
    if (t.counts.total() >= 2 && t.counts.lead_share() > r.dominance_threshold) over.push_back(&t);
  std::stable_sort(over.begin(), over.end(), [](const RoleGroup* a, const RoleGroup* b) {
    return a->counts.lead_share() > b->counts.lead_share();
  });
  std::vector<std::string> words;
  for (std::size_t i = 0; i < over.size() && i < limit; ++i)
    words.push_back(over[i]->name + " (" + share_words(over[i]->counts) + ")");
  return words;
}

// Who asks the Council not to dominate: the source the register's policy cites, else the policy.
std::string finding(const Roles& r, const Policy& policy) {
  const std::string& cited = policy.source("roles");
  const std::string source = cited.empty() ? policy.words.policy : cited;
  const RoleCounts& c = r.overall;
  if (c.total() == 0) return "No partnership is active on " + long_date(r.at) + ", so there is no lead share to report.";
  std::string out = "The Council leads " + std::to_string(c.lead) + " of the " +
                    count_of(c.total(), "partnership", "partnerships") + " active on " + long_date(r.at) + " (" +
                    percent(c.lead_share()) + ")";
  // The other roles, those it has: "is not a member of 0" tells a reader nothing.
  std::vector<std::string> others;
  if (c.support > 0) others.push_back("supports " + std::to_string(c.support));
  if (c.observer > 0) others.push_back("observes in " + std::to_string(c.observer));
  if (c.absent > 0) others.push_back("is not a member of " + std::to_string(c.absent));
  if (!others.empty()) out += ", " + join_words(others);
  out += ". ";
  const std::vector<std::string> themes = leading_themes(r, 3);
  if (r.dominates) {
    out += "That is above the " + percent(r.dominance_threshold) +
           " limit: " + source + " asks the Council to act as a facilitator, enabler and "
           "co-ordinator rather than dominate partnerships; consider handing the lead to a partner where "
           "one is able to take it.";
    if (!themes.empty()) out += " It leads most in " + join_words(themes) + ".";
  } else {
    out += "That is within the " + percent(r.dominance_threshold) +
           " limit: overall the Council supports more than it leads, as " + source + " asks.";
    if (!themes.empty()) out += " It still leads more than that share in " + join_words(themes) + ".";
  }
  return out;
}

}  // namespace

Roles compute_roles(const Graph& g, Date at, std::optional<double> threshold) {
  const Register& reg = g.reg();
  const double dominance_threshold = threshold.value_or(reg.policy.lead_share);
  Roles r;
  r.at = at;
  r.dominance_threshold = dominance_threshold;
  std::vector<char> active(reg.partnerships.size());
  r.council_role.reserve(reg.partnerships.size());
  r.lead_partner.reserve(reg.partnerships.size());
  for (std::size_t i = 0; i < reg.partnerships.size(); ++i) {
    const Partnership& p = reg.partnerships[i];
    active[i] = p.active_on(at);
    r.council_role.push_back(reg.council_role(p));
    r.lead_partner.push_back(lead_partner(reg, p));
    if (active[i]) add(r.overall, r.council_role.back());
  }
  for (Nature n : {Nature::strategic, Nature::operational, Nature::funding, Nature::project})
    r.by_nature.push_back({to_string(n), to_string(n), {}});
  for (std::size_t i = 0; i < reg.partnerships.size(); ++i)
    if (active[i]) add(r.by_nature[static_cast<std::size_t>(reg.partnerships[i].nature)].counts, r.council_role[i]);
  for (Index t = 0; t < reg.themes.size(); ++t)
    r.by_theme.push_back({reg.themes[t].id, reg.themes[t].name,
                          count_row(g, g.theme(t), EdgeKind::theme, active, r.council_role)});
  for (Index u = 0; u < reg.business_units.size(); ++u)
    r.by_unit.push_back({reg.business_units[u].id, reg.business_units[u].name,
                         count_row(g, g.unit(u), EdgeKind::commitment, active, r.council_role)});
  r.dominates = r.overall.total() > 0 && r.overall.lead_share() > dominance_threshold;
  r.finding = finding(r, reg.policy);
  return r;
}

}  // namespace partnermap
