#include "partnermap/diff.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "partnermap/analysis/json.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/analysis/words.h"
#include "partnermap/graph.h"
#include "partnermap/problem.h"

namespace partnermap {

namespace {

template <typename Entry>
std::unordered_map<std::string_view, Index> by_id(const std::vector<Entry>& entries) {
  std::unordered_map<std::string_view, Index> out;
  out.reserve(entries.size());
  for (Index i = 0; i < entries.size(); ++i) out.try_emplace(entries[i].id, i);
  return out;
}

template <typename Entry>
Named named(const Entry& e) {
  return {e.id, e.name};
}

std::string or_none(const std::string& s) { return s.empty() ? "none" : s; }

template <typename T>
std::string optional_text(const std::optional<T>& v) {
  if (!v) return "none";
  if constexpr (std::is_same_v<T, Date>) return long_date(*v);
  else return to_string(*v);
}

std::string list_text(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
  return or_none(out);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> partnership_fields(const Register& reg, const Partnership& p) {
  std::vector<std::pair<std::string, std::string>> f;
  f.emplace_back("Name", p.name);
  f.emplace_back("Nature", to_string(p.nature));
  const auto role = reg.council_role(p);
  f.emplace_back("Council role", role ? to_string(*role) : "not a member");
  std::vector<std::string> themes;
  for (Index t : p.themes) themes.push_back(reg.themes[t].name);
  f.emplace_back(capitalised(reg.policy.words.themes), list_text(themes));
  std::vector<std::string> units;
  for (const Commitment& c : p.commitments)
    units.push_back(reg.business_units[c.unit].name + ": " + format_hours(c.hours) + " h" +
                    (c.officer.empty() ? "" : " (" + c.officer + ")"));
  f.emplace_back(capitalised(reg.policy.words.units), list_text(units));
  f.emplace_back("Parent", p.parent ? reg.partnerships[*p.parent].name : "none");
  f.emplace_back("Accountable body", p.accountable_body ? reg.organisations[*p.accountable_body].name : "none");
  f.emplace_back("Stage", optional_text(p.stage));
  f.emplace_back("Start", optional_text(p.start));
  f.emplace_back("End", optional_text(p.end));
  f.emplace_back("Budget", p.budget ? pounds(p.budget->total) : "none");
  f.emplace_back("Council contribution", p.budget ? pounds(p.budget->council) : "none");
  f.emplace_back("Permanent posts", p.posts ? std::to_string(p.posts->permanent) : "none");
  f.emplace_back("Posts funded until", p.posts ? optional_text(p.posts->funded_until) : "none");
  f.emplace_back("Indicators", p.indicators ? list_text(*p.indicators) : "none");
  f.emplace_back("Evaluation", or_none(p.evaluation.value_or("")));
  f.emplace_back("Management", or_none(p.management.value_or("")));
  f.emplace_back("Exit strategy", optional_text(p.exit_strategy));
  f.emplace_back("Risk", optional_text(p.risk));
  f.emplace_back("Last review", optional_text(p.last_review));
  f.emplace_back("Survey", p.survey ? std::to_string(p.survey->satisfied) + " of " +
                                          std::to_string(p.survey->responses) + " satisfied"
                                    : "none");
  return f;
}

namespace {

std::vector<MemberChange> member_changes(const Register& before, const Partnership& a, const Register& after,
                                         const Partnership& b) {
  // Keyed by organisation id: the same organisation may sit at another index in the other register.
  std::unordered_map<std::string_view, Role> old_roles;
  for (const Member& m : a.members) old_roles.try_emplace(before.organisations[m.org].id, m.role);
  std::vector<MemberChange> out;
  std::unordered_map<std::string_view, bool> seen;
  // The council's own role is the "Council role" field; members here are the partners.
  for (const Member& m : a.members)
    if (m.org == before.council) old_roles.erase(before.organisations[m.org].id);
  for (const Member& m : b.members) {
    if (m.org == after.council) continue;
    const Organisation& o = after.organisations[m.org];
    if (!seen.try_emplace(o.id, true).second) continue;
    auto it = old_roles.find(o.id);
    if (it == old_roles.end()) out.push_back({named(o), "", to_string(m.role)});
    else if (it->second != m.role) out.push_back({named(o), to_string(it->second), to_string(m.role)});
  }
  for (const Member& m : a.members) {
    if (m.org == before.council) continue;
    const Organisation& o = before.organisations[m.org];
    if (seen.count(o.id) == 0 && seen.try_emplace(o.id, false).second) out.push_back({named(o), to_string(m.role), ""});
  }
  return out;
}

void diff_units(const Register& before, const Register& after, RegisterDiff& d) {
  const Graph g_before(before), g_after(after);
  const Capacity c_before = compute_capacity(g_before, before.as_of, 0);
  const Capacity c_after = compute_capacity(g_after, after.as_of, 0);
  const auto old_units = by_id(before.business_units);
  std::vector<bool> matched(before.business_units.size(), false);
  for (Index u = 0; u < after.business_units.size(); ++u) {
    UnitChange ch;
    ch.unit = named(after.business_units[u]);
    const UnitLoad& now = c_after.units[u];
    ch.hours_after = now.committed_hours;
    ch.utilisation_after = now.utilisation;
    ch.status_after = now.status;
    if (auto it = old_units.find(after.business_units[u].id); it != old_units.end()) {
      matched[it->second] = true;
      const UnitLoad& then = c_before.units[it->second];
      ch.hours_before = then.committed_hours;
      ch.utilisation_before = then.utilisation;
      ch.status_before = then.status;
    } else {
      ch.in_old = false;
    }
    d.units.push_back(std::move(ch));
  }
  for (Index u = 0; u < before.business_units.size(); ++u) {
    if (matched[u]) continue;
    UnitChange ch;
    ch.unit = named(before.business_units[u]);
    ch.in_new = false;
    ch.hours_before = c_before.units[u].committed_hours;
    ch.utilisation_before = c_before.units[u].utilisation;
    ch.status_before = c_before.units[u].status;
    d.units.push_back(std::move(ch));
  }
}

void diff_findings(const Register& before, const Register& after, const std::vector<std::optional<Index>>& match, RegisterDiff& d) {
  const Graph g_before(before), g_after(after);
  const Review r_before = compute_review(g_before, before.as_of);
  const Review r_after = compute_review(g_after, after.as_of);
  d.score_before = r_before.score;
  d.score_after = r_after.score;
  d.headline.severe_before = r_before.severe;
  d.headline.severe_after = r_after.severe;
  const auto has = [](const std::vector<Finding>& list, const std::string& code) {
    return std::any_of(list.begin(), list.end(), [&](const Finding& f) { return f.code == code; });
  };
  for (Index p = 0; p < after.partnerships.size(); ++p) {
    if (!match[p]) continue;  // a new partnership's findings are in the review, not a change
    const auto& now = r_after.partnerships[p].findings;
    const auto& then = r_before.partnerships[*match[p]].findings;
    FindingChange ch;
    ch.partnership = named(after.partnerships[p]);
    for (const Finding& f : now)
      if (!has(then, f.code)) ch.raised.push_back(f);
    for (const Finding& f : then)
      if (!has(now, f.code)) ch.resolved.push_back(f);
    if (!ch.raised.empty() || !ch.resolved.empty()) d.findings.push_back(std::move(ch));
  }
}

}  // namespace

bool RegisterDiff::empty() const {
  const bool units_same = std::all_of(units.begin(), units.end(), [](const UnitChange& u) {
    return u.in_old && u.in_new && u.hours_before == u.hours_after && u.status_before == u.status_after;
  });
  return added.empty() && removed.empty() && started.empty() && ended.empty() && changed.empty() &&
         organisations_added.empty() && organisations_removed.empty() && findings.empty() && units_same;
}

namespace {

// A copy with its order-free lists sorted, so that a re-ordered cell is no change.
Partnership canonical(const Register& reg, Partnership p) {
  std::sort(p.themes.begin(), p.themes.end(), [&](Index a, Index b) { return reg.themes[a].name < reg.themes[b].name; });
  std::sort(p.commitments.begin(), p.commitments.end(), [&](const Commitment& a, const Commitment& b) {
    return std::tie(reg.business_units[a.unit].name, a.hours, a.officer) < std::tie(reg.business_units[b.unit].name, b.hours, b.officer);
  });
  if (p.indicators) std::sort(p.indicators->begin(), p.indicators->end());
  return p;
}

std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> out;
  std::string w;
  for (char c : name + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Names alike: at least half their words shared, or a few letters apart.
bool similar_names(const std::string& a, const std::string& b) {
  const auto wa = words_of(a), wb = words_of(b);
  std::vector<std::string> common;
  std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
  const std::size_t all = wa.size() + wb.size() - common.size();
  if (all > 0 && 2 * common.size() >= all) return true;
  return !nearest(a, {b}).empty();
}

std::vector<std::string> member_ids(const Register& reg, const Partnership& p) {
  std::vector<std::string> out;
  for (const Member& m : p.members) out.push_back(reg.organisations[m.org].id);
  std::sort(out.begin(), out.end());
  return out;
}

// For each partnership of `after`, its match in `before`: by id, else a rename (same members and
// dates, similar name), each old partnership matched once.
std::vector<std::optional<Index>> match_partnerships(const Register& before, const Register& after, RegisterDiff& d) {
  const auto old_ids = by_id(before.partnerships);
  std::vector<std::optional<Index>> match(after.partnerships.size());
  std::vector<bool> used(before.partnerships.size(), false);
  for (Index i = 0; i < after.partnerships.size(); ++i)
    if (auto it = old_ids.find(after.partnerships[i].id); it != old_ids.end()) {
      match[i] = it->second;
      used[it->second] = true;
    }
  for (Index i = 0; i < after.partnerships.size(); ++i) {
    if (match[i]) continue;
    const Partnership& p = after.partnerships[i];
    const auto members = member_ids(after, p);
    for (Index j = 0; j < before.partnerships.size(); ++j) {
      const Partnership& q = before.partnerships[j];
      if (used[j] || q.start != p.start || q.end != p.end || member_ids(before, q) != members || !similar_names(q.name, p.name)) continue;
      match[i] = j;
      used[j] = true;
      d.renamed.push_back({named(q), named(p)});
      break;
    }
  }
  return match;
}

void diff_partnerships(const Register& before, const Register& after, const std::vector<std::optional<Index>>& match, RegisterDiff& d) {
  std::vector<bool> matched(before.partnerships.size(), false);
  for (Index i = 0; i < after.partnerships.size(); ++i) {
    const Partnership& p = after.partnerships[i];
    if (!match[i]) {
      d.added.push_back(named(p));
      continue;
    }
    matched[*match[i]] = true;
    const Partnership& old = before.partnerships[*match[i]];
    const bool was = old.active_on(before.as_of), is = p.active_on(after.as_of);
    if (was && !is) d.ended.push_back(named(p));
    if (!was && is) d.started.push_back(named(p));
    PartnershipChange ch;
    ch.partnership = named(p);
    const auto a = partnership_fields(before, canonical(before, old)), b = partnership_fields(after, canonical(after, p));
    for (std::size_t k = 0; k < a.size(); ++k)
      if (a[k].second != b[k].second) ch.fields.push_back({b[k].first, a[k].second, b[k].second});  // in the new register's words
    ch.members = member_changes(before, old, after, p);
    if (!ch.fields.empty() || !ch.members.empty()) d.changed.push_back(std::move(ch));
  }
  for (Index j = 0; j < before.partnerships.size(); ++j)
    if (!matched[j]) d.removed.push_back(named(before.partnerships[j]));
}

std::string folded(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void headline(const Register& before, const Register& after, RegisterDiff& d) {
  const Graph g_before(before), g_after(after);
  d.headline.lead_share_before = compute_roles(g_before, before.as_of).overall.lead_share();
  d.headline.lead_share_after = compute_roles(g_after, after.as_of).overall.lead_share();
  for (const UnitChange& u : d.units)
    if (u.in_old && u.in_new && u.status_before != u.status_after) d.headline.units_crossing.push_back(u);
  d.headline.started = d.added.size() + d.started.size();
  d.headline.ended = d.removed.size() + d.ended.size();
  if (folded(d.council_before) != folded(d.council_after))
    d.warnings.push_back("These are the registers of two different councils (" + d.council_before + " and " + d.council_after +
                         "): the changes below compare one council with another; check the files given.");
  if (d.new_as_of < d.old_as_of)
    d.warnings.push_back("The \"new\" register (" + long_date(d.new_as_of) + ") is older than the \"old\" one (" +
                         long_date(d.old_as_of) + "): give the earlier register first.");
}

}  // namespace

RegisterDiff diff_registers(const Register& before, const Register& after) {
  RegisterDiff d;
  d.words = after.policy.words;
  d.old_as_of = before.as_of;
  d.new_as_of = after.as_of;
  d.council_before = before.organisations.at(before.council).name;
  d.council_after = after.organisations.at(after.council).name;
  const auto match = match_partnerships(before, after, d);
  diff_partnerships(before, after, match, d);
  const auto old_orgs = by_id(before.organisations), new_orgs = by_id(after.organisations);
  for (const Organisation& o : after.organisations)
    if (old_orgs.count(o.id) == 0) d.organisations_added.push_back(named(o));
  for (const Organisation& o : before.organisations)
    if (new_orgs.count(o.id) == 0) d.organisations_removed.push_back(named(o));
  diff_units(before, after, d);
  diff_findings(before, after, match, d);
  headline(before, after, d);
  return d;
}

namespace {

nlohmann::json named_list(const std::vector<Named>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const Named& n : list) out.push_back({{"id", n.id}, {"name", n.name}});
  return out;
}

nlohmann::json findings_json(const std::vector<Finding>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const Finding& f : list) out.push_back({{"code", f.code}, {"severity", to_string(f.severity)}, {"reason", f.reason}});
  return out;
}

nlohmann::json role_json(const std::string& role) { return role.empty() ? nlohmann::json() : nlohmann::json(role); }

}  // namespace

nlohmann::json to_json(const RegisterDiff& d) {
  nlohmann::json out;
  out["council"] = d.council_after;
  out["warnings"] = d.warnings;
  nlohmann::json crossing = nlohmann::json::array();
  for (const UnitChange& u : d.headline.units_crossing)
    crossing.push_back({{"id", u.unit.id}, {"name", u.unit.name}, {"status_before", to_string(u.status_before)}, {"status_after", to_string(u.status_after)}});
  out["headline"] = {{"lead_share_before", d.headline.lead_share_before}, {"lead_share_after", d.headline.lead_share_after},
                     {"severe_before", d.headline.severe_before}, {"severe_after", d.headline.severe_after},
                     {"units_crossing", crossing}, {"started", d.headline.started}, {"ended", d.headline.ended}};
  out["renamed"] = nlohmann::json::array();
  for (const Renamed& r : d.renamed)
    out["renamed"].push_back({{"before", {{"id", r.before.id}, {"name", r.before.name}}}, {"after", {{"id", r.after.id}, {"name", r.after.name}}}});
  out["old_as_of"] = to_iso(d.old_as_of);
  out["new_as_of"] = to_iso(d.new_as_of);
  out["added"] = named_list(d.added);
  out["removed"] = named_list(d.removed);
  out["started"] = named_list(d.started);
  out["ended"] = named_list(d.ended);
  out["changed"] = nlohmann::json::array();
  for (const PartnershipChange& c : d.changed) {
    nlohmann::json fields = nlohmann::json::array(), members = nlohmann::json::array();
    for (const FieldChange& f : c.fields) fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    for (const MemberChange& m : c.members)
      members.push_back({{"id", m.organisation.id}, {"name", m.organisation.name}, {"before", role_json(m.before)},
                         {"after", role_json(m.after)}});
    out["changed"].push_back({{"id", c.partnership.id}, {"name", c.partnership.name}, {"fields", fields}, {"members", members}});
  }
  out["organisations"] = {{"added", named_list(d.organisations_added)}, {"removed", named_list(d.organisations_removed)}};
  out["units"] = nlohmann::json::array();
  for (const UnitChange& u : d.units)
    out["units"].push_back({{"id", u.unit.id},
                            {"name", u.unit.name},
                            {"in_old", u.in_old},
                            {"in_new", u.in_new},
                            {"hours_before", u.hours_before},
                            {"hours_after", u.hours_after},
                            {"utilisation_before", utilisation_json(u.utilisation_before)},
                            {"utilisation_after", utilisation_json(u.utilisation_after)},
                            {"status_before", to_string(u.status_before)},
                            {"status_after", to_string(u.status_after)}});
  out["findings"] = nlohmann::json::array();
  for (const FindingChange& f : d.findings)
    out["findings"].push_back({{"id", f.partnership.id},
                               {"name", f.partnership.name},
                               {"raised", findings_json(f.raised)},
                               {"resolved", findings_json(f.resolved)}});
  out["score_before"] = d.score_before;
  out["score_after"] = d.score_after;
  return out;
}

}  // namespace partnermap
