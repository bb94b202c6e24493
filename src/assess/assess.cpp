// The pre-partnership decision tree. The figures come from the analyses run twice, on the register
// with the proposal and without it; each question below only reads them and puts them in words.
#include "partnermap/assess.h"

#include <algorithm>
#include <cmath>

#include "partnermap/analysis/links.h"
#include "partnermap/analysis/words.h"
#include "partnermap/graph.h"

namespace partnermap {

const char* to_string(AnswerStatus s) {
  switch (s) {
    case AnswerStatus::pass: return "pass";
    case AnswerStatus::condition: return "condition";
    case AnswerStatus::fail: return "fail";
  }
  return "?";
}

const char* to_string(Recommendation r) {
  switch (r) {
    case Recommendation::proceed: return "proceed";
    case Recommendation::proceed_with_conditions: return "proceed with conditions";
    case Recommendation::reconsider: return "reconsider";
  }
  return "?";
}

namespace {

// The forecast reaches at most this far: a proposal starting further ahead is not forecast.
constexpr int kMaxForecastMonths = 600;

// Worse is higher; a unit whose capacity is not recorded cannot be judged, so it ranks lowest and
// is answered on its own.
int rank(LoadStatus s) { return s == LoadStatus::not_recorded ? -1 : static_cast<int>(s); }

// Forecast dates from `at` up to the first on or after the proposal's start.
int months_until(Date at, std::optional<Date> start) {
  int k = 0;
  while (start && add_months(at, k) < *start && k < kMaxForecastMonths) ++k;
  return k;
}

// What every question reads.
struct Context {
  const Register& reg;  // with the proposal
  const Partnership& p;
  const Assessment& a;
  const AssessSettings& settings;

  // Who the register's policy cites for `check`, else the policy itself.
  std::string source(const char* check) const {
    const std::string& s = reg.policy.source(check);
    return s.empty() ? reg.policy.words.policy : s;
  }
};

std::vector<Finding> findings_of(const PartnershipReview& r, std::initializer_list<const char*> codes) {
  std::vector<Finding> out;
  for (const Finding& f : r.findings)
    for (const char* code : codes)
      if (f.code == code) out.push_back(f);
  return out;
}

const Finding* finding(const std::vector<Finding>& list, const char* code) {
  for (const Finding& f : list)
    if (f.code == code) return &f;
  return nullptr;
}

Question ask(const char* id, const char* title, std::string question) {
  Question q;
  q.id = id;
  q.title = title;
  q.question = std::move(question);
  return q;
}

// A question's answer when it has several gaps: each in its own sentence.
void add_condition(Question& q, const std::string& sentence) {
  if (q.status == AnswerStatus::pass) q.answer.clear();
  q.status = std::max(q.status, AnswerStatus::condition);
  q.answer += (q.answer.empty() ? "" : " ") + sentence;
}

Question aims(const Context& c) {
  const PolicyWords& w = c.reg.policy.words;
  Question q = ask("aims", "Aims", "Are its aims aligned to the Council's priorities (the " + w.themes + ")?");
  q.findings = findings_of(c.a.review, {"no-theme"});
  if (!q.findings.empty()) {
    q.status = AnswerStatus::fail;
    q.answer = "No: it names no " + w.theme + ", so its aims are not shown to serve the Council's priorities. "
               "Record the " + w.themes + " it would serve, or do not join.";
    return q;
  }
  std::vector<std::string> names;
  for (Index t : c.p.themes) names.push_back(c.reg.themes[t].name);
  q.answer = "Yes: it would serve " + join_words(names) + ".";
  for (Index t : c.p.themes) {
    std::size_t serving = 0;
    for (Index i = 0; i < c.reg.partnerships.size(); ++i)
      if (i != c.a.partnership && c.reg.partnerships[i].active_on(c.a.roles.on) &&
          std::find(c.reg.partnerships[i].themes.begin(), c.reg.partnerships[i].themes.end(), t) !=
              c.reg.partnerships[i].themes.end())
        ++serving;
    q.facts.push_back(c.reg.themes[t].name + ": served by " +
                      count_of(serving, "other partnership", "other partnerships") + " running on " +
                      long_date(c.a.roles.on) + ".");
  }
  return q;
}

Question role(const Context& c) {
  Question q = ask("role", "Council role", "What would the Council's role be, and is a lead justified?");
  q.findings = findings_of(c.a.review, {"no-role", "observer"});
  const RoleEffect& r = c.a.roles;
  std::vector<std::string> others;
  for (Index o : r.other_leads) others.push_back(c.reg.organisations[o].name);
  const std::string limit = percent(r.threshold);
  if (!r.role) {
    q.status = AnswerStatus::fail;
    q.answer = "Not agreed: the Council is not listed as a member. Add the Council to the members with the role it "
               "would take (lead, support or observer).";
  } else if (*r.role == Role::lead) {
    const std::string share = std::to_string(r.after.lead) + " of " + std::to_string(r.after.total()) +
                              " partnerships running on " + long_date(r.on) + " (" + percent(r.after.lead_share()) + ")";
    if (r.dominates_after) {
      q.status = AnswerStatus::condition;
      q.answer = "The Council would lead" + (others.empty() ? std::string() : " with " + join_words(others)) +
                 ". Counting this one it would lead " + share + ", above the " + limit +
                 " limit: " + c.source("roles") + " asks the Council not to dominate partnerships. Record why the Council "
                 "must lead, or offer to support and let a partner lead.";
    } else {
      q.answer = "The Council would lead; it would then lead " + share + ", within the " + limit +
                 " limit. A lead costs more staff time than support: see the capacity answer.";
    }
  } else if (*r.role == Role::support) {
    q.answer = "The Council would support" +
               (others.empty() ? std::string() : " with " + join_words(others) + " leading") +
               ": the facilitating role " + c.source("roles") + " prefers.";
  } else {
    q.answer = "The Council would only observe. Confirm that attending is worth the time.";
  }
  q.facts.push_back(std::string("Council role: ") + (r.role ? to_string(*r.role) : "not a member") + ".");
  q.facts.push_back(others.empty() ? "No other partner would lead."
                                   : "Other lead " + std::string(others.size() == 1 ? "partner: " : "partners: ") +
                                         join_words(others) + ".");
  q.facts.push_back("The Council's lead share on " + long_date(r.on) + ": " + percent(r.before.lead_share()) + " (" +
                    std::to_string(r.before.lead) + " of " + std::to_string(r.before.total()) + ") without it, " +
                    percent(r.after.lead_share()) + " (" + std::to_string(r.after.lead) + " of " +
                    std::to_string(r.after.total()) + ") with it; the limit is " + limit + ".");
  q.facts.push_back("Staff time asked of the Council: " + format_hours(r.council_hours) + " hours a month.");
  return q;
}

// One sentence on a unit that the proposal leaves stretched or over capacity.
std::string unit_sentence(const Register& reg, const UnitEffect& e) {
  const std::string& name = reg.business_units[e.unit].name;
  const std::string when = long_date(*e.worst_from);
  const bool over = e.worst == LoadStatus::overloaded;
  if (e.already)
    return name + " is already " + (over ? "over capacity" : "stretched") + " (" + utilisation_text(e.worst_before) + " on " +
           when + "), and this would add " + format_hours(e.hours) + " hours a month (" + utilisation_text(e.worst_after) + ").";
  return name + " would " + (over ? "go over capacity" : "be stretched") + " from " + when + " (" +
         utilisation_text(e.worst_before) + " to " + utilisation_text(e.worst_after) + ").";
}

// Sentences one after another.
std::string sentences(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : " ") + s;
  return out;
}

Question capacity(const Context& c) {
  const PolicyWords& w = c.reg.policy.words;
  Question q = ask("capacity", "Capacity", "Which " + w.units + " would go over capacity, and from when?");
  q.findings = findings_of(c.a.review, {"no-staff-time"});
  std::vector<std::string> over, stretched, unknown;
  for (const UnitEffect& e : c.a.units) {
    const BusinessUnit& u = c.reg.business_units[e.unit];
    if (!e.on) {
      q.facts.push_back(u.name + ": " + format_hours(e.hours) + " hours a month, but the proposal does not run "
                        "within the forecast.");
      continue;
    }
    if (!(u.capacity_hours > 0)) {
      unknown.push_back(u.name);
      q.facts.push_back(u.name + ": " + format_hours(e.hours) + " hours a month; its capacity is not recorded.");
      continue;
    }
    q.facts.push_back(u.name + ": " + format_hours(e.hours) + " hours a month of its " +
                      format_hours(u.capacity_hours) + "; on " + long_date(*e.on) + " " + utilisation_text(e.before) +
                      " used without the proposal, " + utilisation_text(e.after) + " with it (" + to_string(e.status_after) +
                      "); at most " + utilisation_text(e.peak) + " while it runs in the forecast.");
    if (e.worst == LoadStatus::overloaded) over.push_back(unit_sentence(c.reg, e));
    else if (e.worst == LoadStatus::stretched) stretched.push_back(unit_sentence(c.reg, e));
  }
  const auto& months = c.a.with.months;
  if (!months.empty())
    q.facts.push_back("Forecast from " + long_date(months.front()) + " to " + long_date(months.back()) + ".");
  if (!over.empty()) {
    q.status = AnswerStatus::fail;
    q.answer = sentences(over) + " Free the hours first (from partnerships that end or can be left), or reconsider.";
    if (!stretched.empty()) q.answer += " " + sentences(stretched);
    return q;
  }
  if (!stretched.empty())
    add_condition(q, sentences(stretched) + " Agree where the hours come from before the Council commits.");
  if (!unknown.empty())
    add_condition(q, "The capacity of " + join_words(unknown) + " is not recorded, so the load cannot be judged: "
                     "record capacity_hours (the hours a month the " + w.unit + " can give to partnerships) in the "
                     "register, then assess again.");
  const bool active_role = c.a.roles.role && *c.a.roles.role != Role::observer;
  if (active_role && c.p.commitments.empty())
    add_condition(q, "No staff time is estimated. The capacity cost must be considered at an early stage: record the "
                     "hours a month each " + w.unit + " would give.");
  if (q.status == AnswerStatus::pass)
    q.answer = c.a.units.empty() ? "None: it asks no staff time of the Council."
                                 : "None: every " + w.unit + " it asks hours of stays below " + percent(c.a.with.thresholds.stretched) +
                                       " of its capacity while it runs.";
  return q;
}

Question overlap(const Context& c) {
  Question q = ask("overlap", "Overlap",
                   "Does it duplicate an existing partnership (could the Council join or extend that one instead)?");
  std::vector<std::string> same_aims, same_partners;
  for (const ProposalOverlap& o : c.a.overlaps) {
    const Partnership& other = c.reg.partnerships[o.partnership];
    std::vector<std::string> themes;
    for (Index t : o.shared_themes) themes.push_back(c.reg.themes[t].name);
    const std::string words = other.name + " (" + std::to_string(o.shared) + " of " + std::to_string(o.either) +
                              " organisations in common)";
    q.facts.push_back(other.name + " [" + other.id + "]: " + std::to_string(o.shared) + " of " +
                      std::to_string(o.either) + " organisations in common (Jaccard " + percent(o.jaccard) + ")" +
                      (themes.empty() ? "; no theme in common." : "; themes in common: " + join_words(themes) + "."));
    (themes.empty() ? same_partners : same_aims).push_back(words);
  }
  if (c.p.parent) q.facts.push_back("It would sit under " + c.reg.partnerships[*c.p.parent].name + ".");
  const std::string threshold = percent(c.settings.min_jaccard);
  if (!same_aims.empty()) {
    q.status = AnswerStatus::fail;
    q.answer = "Yes: it has largely the same members as " + join_words(same_aims) +
               " and serves the same themes. Work through the existing partnership instead of starting another.";
  } else if (!same_partners.empty()) {
    add_condition(q, "It has largely the same members as " + join_words(same_partners) +
                         ", for other themes. Agree how to avoid asking the same partners twice (over-consultation).");
  } else {
    q.answer = "No: no existing partnership shares " + threshold + " or more of its members.";
  }
  return q;
}

Question funding(const Context& c) {
  Question q = ask("funding", "Funding and posts",
                   "What would it cost the Council, and are posts at risk when its funding ends?");
  q.findings = findings_of(c.a.review, {"posts-at-risk"});
  const Finding* posts = finding(q.findings, "posts-at-risk");
  if (c.p.budget) {
    const Budget& b = *c.p.budget;
    q.facts.push_back("Budget: " + pounds(b.total) + " a year, of which the Council " + pounds(b.council) +
                      (b.total > 0 ? " (" + percent(b.council / b.total) + ")." : "."));
  } else {
    q.facts.push_back("No budget is recorded.");
  }
  q.facts.push_back(std::string(c.a.review.significant ? "A" : "Not a") +
                    " significant partnership (" + pounds(c.a.review_settings.significant_pounds) +
                    " or more a year from the Council, or the Council as accountable body).");
  if (c.p.posts && c.p.posts->permanent > 0)
    q.facts.push_back(count_of(static_cast<std::size_t>(c.p.posts->permanent), "permanent Council post depends",
                               "permanent Council posts depend") +
                      " on its funding" +
                      (c.p.posts->funded_until ? ", funded until " + long_date(*c.p.posts->funded_until) + "."
                                               : "; no end to the funding is recorded."));
  else
    q.facts.push_back("No permanent Council post depends on its funding.");
  if (posts && posts->severity == FindingSeverity::severe) {
    q.status = AnswerStatus::fail;
    q.answer = posts->reason;
    return q;
  }
  if (posts) add_condition(q, posts->reason);
  if (!c.p.budget)
    add_condition(q, "No budget is recorded: record the total budget and the Council's contribution (write 0 where "
                     "there is none).");
  if (q.status == AnswerStatus::pass)
    q.answer = "The Council would put in " + pounds(c.p.budget->council) + " a year" +
               (c.p.posts && c.p.posts->permanent > 0 ? ", and the posts it funds are funded for as long as it runs."
                                                      : "; no permanent post depends on its funding.");
  return q;
}

Question exit_plan(const Context& c) {
  Question q = ask("exit", "Exit", "Is there an exit or succession strategy?");
  q.findings = findings_of(c.a.review, {"no-exit"});
  q.facts.push_back(c.p.end ? "It would end on " + long_date(*c.p.end) + "." : "No end date: it would run on.");
  if (!c.p.exit_strategy) {
    add_condition(q, q.findings.empty() ? "No exit or succession strategy is recorded." : q.findings.front().reason);
    return q;
  }
  switch (*c.p.exit_strategy) {
    case ExitStrategy::mainstreaming: q.answer = "Yes: mainstreaming, the work would become part of the services."; break;
    case ExitStrategy::succession: q.answer = "Yes: succession, the work would be handed on."; break;
    case ExitStrategy::exit: q.answer = "Yes: the Council would leave at the end."; break;
    case ExitStrategy::none:
      q.answer = "It is recorded as meant to run on with no exit; confirm this at each evaluation.";
      break;
  }
  return q;
}

Question benefit(const Context& c) {
  Question q = ask("benefit", "Benefit", "How would its benefit be shown (indicators or an evaluation)?");
  q.findings = findings_of(c.a.review, {"no-benefit"});
  const std::size_t n = c.p.indicators ? c.p.indicators->size() : 0;
  for (std::size_t i = 0; i < n; ++i) q.facts.push_back("Indicator: " + (*c.p.indicators)[i] + ".");
  if (c.p.evaluation && !c.p.evaluation->empty()) q.facts.push_back("Evaluation: " + *c.p.evaluation + ".");
  if (!q.findings.empty()) {
    add_condition(q, q.findings.front().reason);
    return q;
  }
  const bool evaluation = c.p.evaluation && !c.p.evaluation->empty();
  q.answer = "Through " + (n > 0 ? count_of(n, "indicator", "indicators") : std::string()) +
             (n > 0 && evaluation ? " and " : "") + (evaluation ? "an evaluation" : "") + ".";
  return q;
}

Question governance(const Context& c) {
  Question q = ask("governance", "Governance",
                   "Are the accountable body, management arrangements and risk assessment in place?");
  q.findings = findings_of(c.a.review, {"no-risk", "significant-governance"});
  const Partnership& p = c.p;
  const bool council_body = p.accountable_body && *p.accountable_body == c.reg.council;
  q.facts.push_back(p.accountable_body ? "Accountable body: " + c.reg.organisations[*p.accountable_body].name +
                                             (council_body ? " (the Council: it would hold the money)." : ".")
                                       : "No accountable body is named.");
  q.facts.push_back(p.management && !p.management->empty() ? "Management: " + *p.management + "."
                                                           : "No management arrangements are recorded.");
  q.facts.push_back(p.risk ? std::string("Risk rating: ") + to_string(*p.risk) + "." : "No risk rating is recorded.");
  if (p.stage) q.facts.push_back(std::string("Stage: ") + to_string(*p.stage) + ".");
  if (const Finding* f = finding(q.findings, "no-risk")) add_condition(q, f->reason);
  if (p.risk == Risk::high)
    add_condition(q, "It is rated high risk: set out how the risks would be managed before the Council commits.");
  if (const Finding* f = finding(q.findings, "significant-governance")) add_condition(q, f->reason);
  else if (!p.management || p.management->empty())
    add_condition(q, "No management arrangements are recorded: say how it would be run and how it would report.");
  if (p.budget && p.budget->council > 0 && !p.accountable_body)
    add_condition(q, "The Council would put in " + pounds(p.budget->council) +
                         " a year but no accountable body is named: name the organisation that would hold the money.");
  if (q.status == AnswerStatus::pass)
    q.answer = std::string("Yes: ") + (p.accountable_body ? "the accountable body is named, " : "") +
               "management arrangements are recorded and it has a risk rating.";
  return q;
}

std::vector<UnitEffect> unit_effects(const Register& reg, const Partnership& p, const Capacity& without,
                                     const Capacity& with) {
  std::vector<UnitEffect> out;
  for (Index u = 0; u < reg.business_units.size(); ++u) {
    bool asked = false;
    UnitEffect e;
    e.unit = u;
    e.capacity_hours = reg.business_units[u].capacity_hours;
    for (const Commitment& m : p.commitments)
      if (m.unit == u) {
        asked = true;
        e.hours += m.hours;
      }
    if (!asked) continue;
    for (std::size_t k = 0; k < with.months.size(); ++k) {
      if (!p.active_on(with.months[k])) continue;
      const LoadStatus before = load_status(without.forecast_hours[u][k], e.capacity_hours, with.thresholds);
      const LoadStatus after = load_status(with.forecast_hours[u][k], e.capacity_hours, with.thresholds);
      if (!e.on) {
        e.on = with.months[k];
        e.before = without.forecast[u][k];
        e.after = with.forecast[u][k];
        e.status_before = before;
        e.status_after = after;
      }
      if (!e.worst_from || rank(after) > rank(e.worst)) {
        e.worst = after;
        e.worst_from = with.months[k];
        e.already = rank(before) >= rank(after);
        e.worst_before = without.forecast[u][k];
        e.worst_after = with.forecast[u][k];
      }
      e.peak = std::max(e.peak, with.forecast[u][k]);
    }
    out.push_back(e);
  }
  return out;
}

std::vector<ProposalOverlap> overlaps(const Graph& g, Index proposal, Date at, double min_jaccard) {
  const Register& reg = g.reg();
  // Partnerships not yet ended: running, or proposed and starting later.
  std::vector<char> include(reg.partnerships.size());
  for (Index i = 0; i < reg.partnerships.size(); ++i)
    include[i] = i == proposal || !reg.partnerships[i].end || *reg.partnerships[i].end >= at;
  std::vector<ProposalOverlap> out;
  const std::vector<Index>& mine = reg.partnerships[proposal].themes;
  for (const Overlap& o : partnership_overlap(g, include, min_jaccard)) {
    if (o.a != proposal && o.b != proposal) continue;
    ProposalOverlap po{o.a == proposal ? o.b : o.a, o.shared, o.either, o.jaccard, {}};
    for (Index t : reg.partnerships[po.partnership].themes)
      if (std::find(mine.begin(), mine.end(), t) != mine.end() &&
          std::find(po.shared_themes.begin(), po.shared_themes.end(), t) == po.shared_themes.end())
        po.shared_themes.push_back(t);
    out.push_back(std::move(po));
  }
  return out;
}

RoleEffect role_effect(const Graph& without, const Graph& with, const Partnership& p, Date on, double threshold) {
  const Register& reg = with.reg();
  RoleEffect r;
  r.role = reg.council_role(p);
  r.on = on;
  r.threshold = threshold;
  const Roles before = compute_roles(without, on, threshold);
  const Roles after = compute_roles(with, on, threshold);
  r.before = before.overall;
  r.after = after.overall;
  r.dominates_before = before.dominates;
  r.dominates_after = after.dominates;
  for (const Member& m : p.members)
    if (m.role == Role::lead && m.org != reg.council &&
        std::find(r.other_leads.begin(), r.other_leads.end(), m.org) == r.other_leads.end())
      r.other_leads.push_back(m.org);
  for (const Commitment& c : p.commitments) r.council_hours += c.hours;
  return r;
}

void recommend(Assessment& a) {
  bool fail = false, condition = false;
  for (const Question& q : a.questions) {
    fail |= q.status == AnswerStatus::fail;
    condition |= q.status == AnswerStatus::condition;
  }
  a.recommendation = fail ? Recommendation::reconsider
                     : condition ? Recommendation::proceed_with_conditions
                                 : Recommendation::proceed;
  for (AnswerStatus wanted : {AnswerStatus::fail, AnswerStatus::condition})
    for (const Question& q : a.questions)
      if (q.status == wanted) a.reasons.push_back(q.title + ": " + q.answer);
  if (a.recommendation == Recommendation::proceed)
    for (const Question& q : a.questions) a.reasons.push_back(q.title + ": " + q.answer);
}

}  // namespace

Assessment assess(const Register& current, const Proposal& proposal, Date at, const AssessSettings& settings) {
  const Register& reg = proposal.reg;
  const Partnership& p = reg.partnerships.at(proposal.partnership);
  Assessment a;
  a.at = at;
  a.settings = settings;
  a.lead_share = settings.lead_share.value_or(reg.policy.lead_share);
  a.review_settings = settings.review.value_or(review_settings(reg.policy));
  a.partnership = proposal.partnership;
  const Graph without(current);
  const Graph with(reg);
  const int months = std::min(months_until(at, p.start) + std::max(settings.months, 0), kMaxForecastMonths);
  a.without = compute_capacity(without, at, months);
  a.with = compute_capacity(with, at, months);
  a.units = unit_effects(reg, p, a.without, a.with);
  a.overlaps = overlaps(with, proposal.partnership, at, settings.min_jaccard);
  a.roles = role_effect(without, with, p, p.start && *p.start > at ? *p.start : at, a.lead_share);
  a.review = compute_review(with, at, a.review_settings).partnerships.at(proposal.partnership);

  const Context c{reg, p, a, settings};
  a.questions = {aims(c), role(c), capacity(c), overlap(c), funding(c), exit_plan(c), benefit(c), governance(c)};
  recommend(a);
  return a;
}

}  // namespace partnermap
