#include "partnermap/analysis/survey.h"

#include <algorithm>
#include <map>

namespace partnermap {

namespace {

// The mean of a rating's answered items; none when it answered none of them.
std::optional<double> item_mean(const std::array<Answer, 3>& items) {
  double sum = 0;
  int n = 0;
  for (const Answer& a : items)
    if (a) {
      sum += *a;
      ++n;
    }
  if (n == 0) return std::nullopt;
  return sum / n;
}

struct Mean {
  double sum = 0;
  std::size_t n = 0;
  void add(std::optional<double> v) {
    if (!v) return;
    sum += *v;
    ++n;
  }
  std::optional<double> get() const { return n ? std::optional<double>(sum / n) : std::nullopt; }
};

struct Share {
  std::size_t yes = 0, n = 0;
  void add(std::optional<bool> v) {
    if (!v) return;
    n += 1;
    yes += *v ? 1 : 0;
  }
  std::optional<double> get() const { return n ? std::optional<double>(double(yes) / n) : std::nullopt; }
};

std::optional<bool> high(Answer a) { return a ? std::optional<bool>(*a >= 3) : std::nullopt; }

nlohmann::json number(std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

double score_percent(double score) { return score / 4.0 * 100.0; }

SurveyFigures compute_survey(const Register& reg, const SurveyWave& wave) {
  SurveyFigures s;
  s.date = wave.date;
  s.ratings = wave.ratings.size();
  struct OrgAcc { Mean trust, value; std::size_t ratings = 0, asked = 0; Share too_often; };
  struct PAcc { std::size_t respondents = 0; Share satisfied, facilitates; Mean trust, value; bool seen = false; };
  std::map<Index, OrgAcc> orgs;
  std::map<Index, PAcc> ps;
  Mean trust, value;
  Share satisfied, facilitates;
  for (const Rating& r : wave.ratings) {
    OrgAcc& o = orgs[r.about];
    o.ratings += 1;
    o.trust.add(item_mean(r.trust));
    o.value.add(item_mean(r.value));
    trust.add(item_mean(r.trust));
    value.add(item_mean(r.value));
    if (r.partnership) {
      PAcc& p = ps[*r.partnership];
      p.seen = true;
      if (r.about == reg.council) {
        p.trust.add(item_mean(r.trust));
        p.value.add(item_mean(r.value));
      }
    }
  }
  for (const RespondentAnswers& a : wave.respondents) {
    OrgAcc& o = orgs[a.respondent];
    o.asked += 1;
    o.too_often.add(a.consulted_too_often);
    PAcc& p = ps[a.partnership];
    p.seen = true;
    p.respondents += 1;
    p.satisfied.add(high(a.satisfied));
    p.facilitates.add(high(a.council_facilitates));
    satisfied.add(high(a.satisfied));
    facilitates.add(high(a.council_facilitates));
  }
  s.trust = trust.get();
  s.value = value.get();
  s.satisfied_share = satisfied.get();
  s.facilitates_share = facilitates.get();
  for (const auto& [org, o] : orgs) {
    if (org == reg.council) s.council = static_cast<Index>(s.organisations.size());
    s.organisations.push_back({org, o.ratings, o.trust.get(), o.value.get(), o.asked, o.too_often.yes, o.too_often.get()});
  }
  for (const auto& [pi, p] : ps) {
    PartnershipSurvey out;
    out.partnership = pi;
    out.respondents = p.respondents;
    std::vector<Index> partners;
    for (const Member& m : reg.partnerships[pi].members)
      if (m.org != reg.council && std::find(partners.begin(), partners.end(), m.org) == partners.end()) partners.push_back(m.org);
    out.partners = partners.size();
    if (out.partners) out.response_rate = double(p.respondents) / double(out.partners);
    out.satisfied = p.satisfied.yes;
    out.satisfied_answers = p.satisfied.n;
    out.satisfied_share = p.satisfied.get();
    out.facilitates_share = p.facilitates.get();
    out.council_trust = p.trust.get();
    out.council_value = p.value.get();
    s.partnerships.push_back(out);
  }
  return s;
}

nlohmann::json to_json(const SurveyFigures& s, const Register& reg) {
  nlohmann::json network = {{"ratings", s.ratings},
                            {"trust", number(s.trust)},
                            {"trust_percent", s.trust ? nlohmann::json(score_percent(*s.trust)) : nlohmann::json()},
                            {"value", number(s.value)},
                            {"value_percent", s.value ? nlohmann::json(score_percent(*s.value)) : nlohmann::json()},
                            {"satisfied_share", number(s.satisfied_share)},
                            {"facilitates_share", number(s.facilitates_share)}};
  nlohmann::json orgs = nlohmann::json::array(), ps = nlohmann::json::array();
  for (const OrganisationSurvey& o : s.organisations)
    orgs.push_back({{"id", reg.organisations[o.org].id},
                    {"name", reg.organisations[o.org].name},
                    {"council", o.org == reg.council},
                    {"ratings", o.ratings},
                    {"trust", number(o.trust)},
                    {"value", number(o.value)},
                    {"asked", o.asked},
                    {"too_often_share", number(o.too_often_share)}});
  for (const PartnershipSurvey& p : s.partnerships)
    ps.push_back({{"id", reg.partnerships[p.partnership].id},
                  {"name", reg.partnerships[p.partnership].name},
                  {"respondents", p.respondents},
                  {"partners", p.partners},
                  {"response_rate", number(p.response_rate)},
                  {"satisfied_share", number(p.satisfied_share)},
                  {"facilitates_share", number(p.facilitates_share)},
                  {"council_trust", number(p.council_trust)},
                  {"council_value", number(p.council_value)}});
  return {{"date", to_iso(s.date)}, {"network", network}, {"organisations", orgs}, {"partnerships", ps}};
}

void apply_survey(Register& reg, const SurveyFigures& s) {
  for (const PartnershipSurvey& p : s.partnerships) {
    if (p.satisfied_answers == 0) continue;  // no one answered the satisfaction question: keep the register's counts
    Survey counts;
    counts.satisfied = static_cast<int>(p.satisfied);
    counts.responses = static_cast<int>(p.satisfied_answers);
    reg.partnerships[p.partnership].survey = counts;
  }
}

}  // namespace partnermap
