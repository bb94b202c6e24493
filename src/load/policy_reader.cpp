#include "load/policy_reader.h"

#include <algorithm>

namespace partnermap::load {

const std::vector<std::string>& source_checks() {
  static const std::vector<std::string> kChecks = {"roles",          "no-theme",        "no-role",  "no-benefit",
                                                   "no-risk",        "no-exit",         "posts-at-risk",
                                                   "review-overdue", "significant-governance", "no-staff-time",
                                                   "low-satisfaction"};
  return kChecks;
}

namespace {


void word(FieldReader& r, const char* key, std::string& into) {
  auto t = r.text(key, false);
  if (!t) return;
  if (t->find_first_not_of(" \t") == std::string::npos) {
    r.error(r.where(key), "is empty; give the word the council uses, or leave the setting out for the default");
    return;
  }
  into = *t;
}

// A share of 0..max (a utilisation may go above 1), refused at 0 when `positive`.
void share(FieldReader& r, const char* key, double max, bool positive, double& into) {
  auto d = r.number(key, false, 1e9, "");
  if (!d) return;
  if (*d > max || (positive && *d == 0)) {
    r.error(r.where(key), number_text(*d) + " is not a share " + (positive ? "above 0" : "from 0") + " up to " +
                              number_text(max) + "; write a share such as 0.85 for 85%");
    return;
  }
  into = *d;
}

void months(FieldReader& r, const char* key, int lowest, int highest, int& into) {
  auto m = r.whole_number(key, false, 1e9);
  if (!m) return;
  if (*m < lowest || *m > highest) {
    r.error(r.where(key), std::to_string(*m) + " months is out of range; write a whole number of months from " +
                              std::to_string(lowest) + " to " + std::to_string(highest));
    return;
  }
  into = *m;
}

void sources(FieldReader& r, Policy& p) {
  const json* s = r.object("sources", false);
  if (!s) return;
  FieldReader sr(*s, r, "sources");
  const std::vector<std::string>& kSourceKeys = source_checks();
  for (const auto& [key, value] : s->items()) {
    if (std::find(kSourceKeys.begin(), kSourceKeys.end(), key) == kSourceKeys.end()) continue;
    if (auto t = sr.text(key, false)) p.sources[key] = *t;
  }
  std::vector<std::string> unknown;
  for (const auto& [key, value] : s->items())
    if (std::find(kSourceKeys.begin(), kSourceKeys.end(), key) == kSourceKeys.end()) unknown.push_back(key);
  for (const std::string& key : unknown) {
    std::string message = "is not a check that cites a source; it is ignored";
    const std::string near = nearest(key, kSourceKeys);
    if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
    else message += " (the checks are roles, posts-at-risk, no-risk and the other finding codes of review --json)";
    sr.warning(sr.where(key), message);
  }
  // The unknown keys were warned about above, in a check's words, so not again as extras.
}

}  // namespace

Policy read_policy(FieldReader& r) {
  Policy p;
  PolicyWords& w = p.words;
  word(r, "theme", w.theme);
  word(r, "themes", w.themes);
  word(r, "unit", w.unit);
  word(r, "units", w.units);
  word(r, "policy", w.policy);
  word(r, "review", w.review);
  share(r, "overloaded", 10, true, p.overloaded);
  share(r, "stretched", 10, true, p.stretched);
  if (p.stretched > p.overloaded) {
    r.error(r.where("stretched"), number_text(p.stretched) + " is above \"overloaded\" (" + number_text(p.overloaded) +
                                      "); a unit is stretched before it is over capacity");
    p.stretched = p.overloaded;
  }
  share(r, "lead_share", 1, false, p.lead_share);
  share(r, "satisfaction", 1, false, p.satisfaction);
  months(r, "review_months", 1, 120, p.review_months);
  months(r, "funding_horizon_months", 0, 240, p.funding_horizon_months);
  Significance& s = p.significant;
  if (auto v = r.number("significant_contribution", false, kMaxPounds, "pounds a year")) s.council_contribution = *v;
  if (auto v = r.number("significant_budget", false, kMaxPounds, "pounds a year")) s.budget = *v;
  if (auto v = r.flag("significant_accountable_body", false)) s.accountable_body = *v;
  if (auto v = r.flag("significant_high_risk", false)) s.high_risk = *v;
  if (auto v = r.whole_number("significant_years", false, 100)) s.years = *v;
  const int criteria = (s.council_contribution > 0) + (s.budget > 0) + s.accountable_body + s.high_risk + (s.years > 0);
  if (auto v = r.whole_number("significant_when", false, 5)) {
    if (*v < 1 || *v > std::max(criteria, 1))
      r.error(r.where("significant_when"),
              std::to_string(*v) + " is more than the " + std::to_string(criteria) +
                  " significance criteria switched on (or less than 1); write a number from 1 to " +
                  std::to_string(std::max(criteria, 1)));
    else
      s.when = *v;
  }
  sources(r, p);
  return p;
}

}  // namespace partnermap::load
