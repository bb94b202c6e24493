#include "partnermap/analysis/trend.h"

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/review.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/graph.h"

namespace partnermap {

Indicators compute_indicators(const Register& reg, const SurveyFigures* survey) {
  const Graph g(reg);
  const Date at = reg.as_of;
  Indicators i;
  const Roles roles = compute_roles(g, at);
  const Capacity cap = compute_capacity(g, at, 0);
  const Review review = compute_review(g, at);
  i.active_partnerships = roles.overall.total();
  i.lead_share = roles.overall.lead_share();
  for (const UnitLoad& u : cap.units) {
    if (u.status == LoadStatus::overloaded) ++i.overloaded_units;
    if (u.status == LoadStatus::stretched) ++i.stretched_units;
    i.hours_committed += u.committed_hours;
    i.hours_available += u.capacity_hours;
  }
  i.review_score = review.score;
  i.severe_findings = 0;
  for (const PartnershipReview& pr : review.partnerships)
    for (const Finding& f : pr.findings)
      if (f.severity == FindingSeverity::severe) ++i.severe_findings;
  std::size_t active = 0, with = 0, responses = 0, satisfied = 0;
  for (const Partnership& p : reg.partnerships) {
    if (!p.active_on(at)) continue;
    ++active;
    if (p.indicators && !p.indicators->empty()) ++with;
    if (p.survey) {
      responses += static_cast<std::size_t>(p.survey->responses);
      satisfied += static_cast<std::size_t>(p.survey->satisfied);
    }
  }
  if (active) i.with_indicators_share = double(with) / double(active);
  if (survey && survey->satisfied_share) i.satisfied_share = survey->satisfied_share;
  else if (responses) i.satisfied_share = double(satisfied) / double(responses);
  if (survey) i.network_trust = survey->trust;
  return i;
}

const std::vector<IndicatorInfo>& indicator_list() {
  static const std::vector<IndicatorInfo> list = {
      {"active_partnerships", "Active partnerships", "count"},
      {"lead_share", "Share the Council leads", "share"},
      {"overloaded_units", "Business Units over capacity", "count"},
      {"stretched_units", "Business Units stretched", "count"},
      {"hours_committed", "Hours a month committed", "hours"},
      {"hours_available", "Hours a month available", "hours"},
      {"review_score", "Review score (out of 100)", "score"},
      {"severe_findings", "Severe review findings", "count"},
      {"with_indicators_share", "With performance indicators", "share"},
      {"satisfied_share", "Share of partners satisfied", "share"},
      {"network_trust", "Network trust (1 to 4)", "trust"},
  };
  return list;
}

std::optional<double> indicator_value(const Indicators& i, const std::string& name) {
  if (name == "active_partnerships") return double(i.active_partnerships);
  if (name == "lead_share") return i.lead_share;
  if (name == "overloaded_units") return double(i.overloaded_units);
  if (name == "stretched_units") return double(i.stretched_units);
  if (name == "hours_committed") return i.hours_committed;
  if (name == "hours_available") return i.hours_available;
  if (name == "review_score") return double(i.review_score);
  if (name == "severe_findings") return double(i.severe_findings);
  if (name == "with_indicators_share") return i.with_indicators_share;
  if (name == "satisfied_share") return i.satisfied_share;
  if (name == "network_trust") return i.network_trust;
  return std::nullopt;
}

nlohmann::json trend_json(const std::vector<Snapshot>& snapshots) {
  nlohmann::json list = nlohmann::json::array();
  for (const Snapshot& s : snapshots) {
    nlohmann::json ind = nlohmann::json::object();
    for (const IndicatorInfo& info : indicator_list()) {
      const std::optional<double> v = indicator_value(s.indicators, info.name);
      const std::string kind = info.kind;
      if (!v) ind[info.name] = nullptr;
      else if (kind == "count" || kind == "score") ind[info.name] = static_cast<long long>(*v);
      else ind[info.name] = *v;
    }
    list.push_back({{"as_of", to_iso(s.as_of)},
                    {"source", s.source},
                    {"council", s.council},
                    {"survey_date", s.survey_date ? nlohmann::json(to_iso(*s.survey_date)) : nlohmann::json()},
                    {"indicators", ind}});
  }
  return {{"snapshots", list}};
}

}  // namespace partnermap
