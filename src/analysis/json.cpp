#include "partnermap/analysis/json.h"

#include <cmath>

namespace partnermap {

using nlohmann::json;

json utilisation_json(double utilisation) {
  if (!std::isfinite(utilisation)) return nullptr;
  return utilisation;
}

namespace {

json partnership_ids(const Register& reg, const std::vector<Index>& list) {
  json out = json::array();
  for (Index p : list) out.push_back(reg.partnerships[p].id);
  return out;
}

json counts_json(const RoleCounts& c) {
  return {{"lead", c.lead},         {"support", c.support}, {"observer", c.observer},
          {"absent", c.absent},     {"total", c.total()},   {"lead_share", c.lead_share()}};
}

json groups_json(const std::vector<RoleGroup>& groups) {
  json out = json::array();
  for (const RoleGroup& gr : groups) {
    json j = counts_json(gr.counts);
    j["id"] = gr.key;
    j["name"] = gr.name;
    out.push_back(std::move(j));
  }
  return out;
}

template <typename Link>
json links_json(const std::vector<Link>& links, const auto& list) {
  json out = json::array();
  for (const Link& l : links) out.push_back({{"a", list[l.a].id}, {"b", list[l.b].id}, {"shared", l.shared}});
  return out;
}

}  // namespace

json to_json(const Graph& g, const Capacity& c) {
  const Register& reg = g.reg();
  json units = json::array();
  for (const UnitLoad& u : c.units) {
    json partnerships = json::array();
    for (Index p : u.partnerships) {
      double hours = 0;
      for (const Commitment& m : reg.partnerships[p].commitments)
        if (m.unit == u.unit) hours += m.hours;
      partnerships.push_back({{"id", reg.partnerships[p].id}, {"hours", hours}});
    }
    units.push_back({{"id", reg.business_units[u.unit].id},
                     {"name", reg.business_units[u.unit].name},
                     {"capacity_hours", u.capacity_hours},
                     {"committed_hours", u.committed_hours},
                     {"utilisation", utilisation_json(u.utilisation)},
                     {"status", to_string(u.status)},
                     {"partnerships", std::move(partnerships)}});
  }
  json officers = json::array();
  for (const OfficerLoad& o : c.officers)
    officers.push_back({{"officer", o.officer},
                        {"unit", reg.business_units[o.unit].id},
                        {"committed_hours", o.committed_hours},
                        {"partnerships", partnership_ids(reg, o.partnerships)}});
  json months = json::array();
  for (Date d : c.months) months.push_back(to_iso(d));
  json forecast_units = json::array();
  for (std::size_t u = 0; u < c.forecast.size(); ++u) {
    json util = json::array();
    for (double x : c.forecast[u]) util.push_back(utilisation_json(x));
    forecast_units.push_back(
        {{"id", reg.business_units[u].id}, {"utilisation", std::move(util)}, {"committed_hours", c.forecast_hours[u]}});
  }
  json changes = json::array();
  for (const CapacityChange& ch : c.changes)
    changes.push_back({{"unit", reg.business_units[ch.unit].id},
                       {"month", to_iso(ch.month)},
                       {"on", to_iso(ch.on)},
                       {"from", to_string(ch.from)},
                       {"to", to_string(ch.to)},
                       {"utilisation_before", utilisation_json(ch.before)},
                       {"utilisation_after", utilisation_json(ch.after)},
                       {"starting", partnership_ids(reg, ch.starting)},
                       {"ending", partnership_ids(reg, ch.ending)}});
  return {{"at", to_iso(c.at)},
          {"units", std::move(units)},
          {"officers", std::move(officers)},
          {"forecast", {{"months", std::move(months)}, {"units", std::move(forecast_units)}}},
          {"changes", std::move(changes)}};
}

json to_json(const Graph& g, const Roles& r) {
  const Register& reg = g.reg();
  json partnerships = json::array();
  for (std::size_t i = 0; i < r.council_role.size(); ++i) {
    json role = r.council_role[i] ? json(to_string(*r.council_role[i])) : json(nullptr);
    json lead = r.lead_partner[i] ? json(reg.organisations[*r.lead_partner[i]].id) : json(nullptr);
    partnerships.push_back({{"id", reg.partnerships[i].id}, {"council_role", role}, {"lead_partner", lead}});
  }
  return {{"at", to_iso(r.at)},
          {"overall", counts_json(r.overall)},
          {"by_theme", groups_json(r.by_theme)},
          {"by_nature", groups_json(r.by_nature)},
          {"by_unit", groups_json(r.by_unit)},
          {"dominance_threshold", r.dominance_threshold},
          {"dominates", r.dominates},
          {"finding", r.finding},
          {"partnerships", std::move(partnerships)}};
}

json to_json(const Graph& g, const Links& l) {
  const Register& reg = g.reg();
  json cross = json::array();
  for (const CrossCutting& c : l.cross_cutting)
    cross.push_back({{"partnership", reg.partnerships[c.partnership].id}, {"themes", c.themes}, {"units", c.units}});
  json overlap = json::array();
  for (const Overlap& o : l.overlap)
    overlap.push_back({{"a", reg.partnerships[o.a].id},
                       {"b", reg.partnerships[o.b].id},
                       {"shared", o.shared},
                       {"either", o.either},
                       {"jaccard", o.jaccard}});
  json unserved = json::array(), not_led = json::array();
  for (Index t : l.themes_unserved) unserved.push_back(reg.themes[t].id);
  for (Index t : l.themes_not_led) not_led.push_back(reg.themes[t].id);
  return {{"at", to_iso(l.at)},
          {"min_jaccard", l.min_jaccard},
          {"units", links_json(l.units, reg.business_units)},
          {"themes", links_json(l.themes, reg.themes)},
          {"cross_cutting", std::move(cross)},
          {"overlap", std::move(overlap)},
          {"themes_unserved", std::move(unserved)},
          {"themes_not_led", std::move(not_led)}};
}

json to_json(const Graph& g, const Review& r) {
  const Register& reg = g.reg();
  json partnerships = json::array();
  for (const PartnershipReview& pr : r.partnerships) {
    json findings = json::array();
    for (const Finding& f : pr.findings)
      findings.push_back({{"code", f.code}, {"severity", to_string(f.severity)}, {"reason", f.reason}});
    partnerships.push_back({{"id", reg.partnerships[pr.partnership].id},
                            {"name", reg.partnerships[pr.partnership].name},
                            {"significant", pr.significant},
                            {"active", pr.active},
                            {"score", pr.score},
                            {"findings", std::move(findings)}});
  }
  return {{"at", to_iso(r.at)},
          {"settings",
           {{"significant_pounds", r.settings.significant_pounds},
            {"review_months", r.settings.review_months},
            {"posts_months", r.settings.posts_months},
            {"satisfaction_threshold", r.settings.satisfaction_threshold}}},
          {"score", r.score},
          {"severe", r.severe},
          {"warnings", r.warnings},
          {"advice", r.advice},
          {"partnerships", std::move(partnerships)}};
}

}  // namespace partnermap
