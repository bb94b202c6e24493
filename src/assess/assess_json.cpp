// The assessment as one JSON document (field names in partnermap/assess.h), for scripts and for
// keeping with the committee papers.
#include "partnermap/analysis/json.h"
#include "partnermap/assess.h"

namespace partnermap {

using nlohmann::json;

namespace {

json optional_date(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

json utilisations(const std::vector<double>& list) {
  json out = json::array();
  for (double u : list) out.push_back(utilisation_json(u));
  return out;
}

json question_json(const Question& q) {
  json findings = json::array();
  for (const Finding& f : q.findings) findings.push_back(f.code);
  return {{"id", q.id},         {"title", q.title}, {"question", q.question}, {"status", to_string(q.status)},
          {"answer", q.answer}, {"facts", q.facts}, {"findings", findings}};
}

json unit_json(const Register& reg, const Assessment& a, const UnitEffect& e) {
  const BusinessUnit& u = reg.business_units[e.unit];
  return {{"id", u.id},
          {"name", u.name},
          {"hours", e.hours},
          {"capacity_hours", e.capacity_hours},
          {"on", optional_date(e.on)},
          {"utilisation_before", utilisation_json(e.before)},
          {"utilisation_after", utilisation_json(e.after)},
          {"status_before", to_string(e.status_before)},
          {"status_after", to_string(e.status_after)},
          {"worst_status", to_string(e.worst)},
          {"worst_from", optional_date(e.worst_from)},
          {"already", e.already},
          {"utilisation_before_worst", utilisation_json(e.worst_before)},
          {"utilisation_after_worst", utilisation_json(e.worst_after)},
          {"peak", utilisation_json(e.peak)},
          {"forecast_before", utilisations(a.without.forecast[e.unit])},
          {"forecast_after", utilisations(a.with.forecast[e.unit])}};
}

json ids_of_orgs(const Register& reg, const std::vector<Index>& list) {
  json out = json::array();
  for (Index o : list) out.push_back(reg.organisations[o].id);
  return out;
}

}  // namespace

json to_json(const Proposal& proposal, const Assessment& a) {
  const Register& reg = proposal.reg;
  const Partnership& p = reg.partnerships[a.partnership];
  json out;
  const std::optional<Role> role = reg.council_role(p);
  out["proposal"] = {{"id", p.id},
                     {"name", p.name},
                     {"start", optional_date(p.start)},
                     {"end", optional_date(p.end)},
                     {"council_role", role ? json(to_string(*role)) : json(nullptr)}};
  out["at"] = to_iso(a.at);
  out["register_as_of"] = to_iso(reg.as_of);
  out["recommendation"] = to_string(a.recommendation);
  out["reasons"] = a.reasons;
  out["questions"] = json::array();
  for (const Question& q : a.questions) out["questions"].push_back(question_json(q));

  json months = json::array();
  for (Date d : a.with.months) months.push_back(to_iso(d));
  json units = json::array();
  for (const UnitEffect& e : a.units) units.push_back(unit_json(reg, a, e));
  out["capacity"] = {{"months", months}, {"units", units}};

  out["overlaps"] = json::array();
  for (const ProposalOverlap& o : a.overlaps) {
    json themes = json::array();
    for (Index t : o.shared_themes) themes.push_back(reg.themes[t].id);
    out["overlaps"].push_back({{"id", reg.partnerships[o.partnership].id},
                               {"name", reg.partnerships[o.partnership].name},
                               {"shared", o.shared},
                               {"either", o.either},
                               {"jaccard", o.jaccard},
                               {"shared_themes", themes}});
  }

  const RoleEffect& r = a.roles;
  out["roles"] = {{"council_role", r.role ? json(to_string(*r.role)) : json(nullptr)},
                  {"on", to_iso(r.on)},
                  {"lead_share_before", r.before.lead_share()},
                  {"lead_share_after", r.after.lead_share()},
                  {"threshold", r.threshold},
                  {"dominates_before", r.dominates_before},
                  {"dominates_after", r.dominates_after},
                  {"other_leads", ids_of_orgs(reg, r.other_leads)},
                  {"council_hours", r.council_hours}};

  json findings = json::array();
  for (const Finding& f : a.review.findings)
    findings.push_back({{"code", f.code}, {"severity", to_string(f.severity)}, {"reason", f.reason}});
  out["review"] = {{"score", a.review.score}, {"significant", a.review.significant}, {"findings", findings}};
  out["new_organisations"] = ids_of_orgs(reg, proposal.new_organisations);
  return out;
}

}  // namespace partnermap
