// The five-minute review (Partnership Policy, 4.2.1) asks of every partnership three things: aims
// aligned to the Council's priorities, an agreed Council role, a clear benefit. The Audit Commission's
// 2005 checklist and the Best Value Review add risk, exit and succession, posts on short-term funding,
// review dates, governance of significant partnerships, staff time and stakeholder satisfaction.
// Each check below is one function that adds at most one finding.
#include "partnermap/analysis/review.h"

#include <algorithm>
#include <numeric>

#include "partnermap/analysis/words.h"

namespace partnermap {

const char* to_string(FindingSeverity s) {
  switch (s) {
    case FindingSeverity::severe: return "severe";
    case FindingSeverity::warning: return "warning";
    case FindingSeverity::advice: return "advice";
  }
  return "?";
}

ReviewSettings review_settings(const Policy& policy) {
  ReviewSettings s;
  s.significant_pounds = policy.significant.council_contribution;
  s.review_months = policy.review_months;
  s.posts_months = policy.funding_horizon_months;
  s.satisfaction_threshold = policy.satisfaction;
  s.significance = policy.significant;
  return s;
}

bool is_review_question(const std::string& code) {
  return code == "no-theme" || code == "no-role" || code == "no-benefit";
}

std::size_t failing_review_questions(const Review& review) {
  std::size_t n = 0;
  for (const PartnershipReview& pr : review.partnerships)
    n += std::any_of(pr.findings.begin(), pr.findings.end(), [](const Finding& f) {
      return f.severity == FindingSeverity::severe && is_review_question(f.code);
    });
  return n;
}

std::string finding_title(const std::string& code, const PolicyWords& words) {
  if (code == "no-theme") return "No " + words.theme;
  static const std::pair<const char*, const char*> kTitles[] = {
      {"no-role", "No agreed Council role"},
      {"no-benefit", "No indicators or evaluation"},
      {"no-risk", "No risk rating"},
      {"no-exit", "No exit or succession strategy"},
      {"posts-at-risk", "Posts on short-term funding"},
      {"review-overdue", "Review overdue"},
      {"review-due", "First review not yet due"},
      {"significant-governance", "Significant, governance missing"},
      {"no-staff-time", "No staff time recorded"},
      {"low-satisfaction", "Low stakeholder satisfaction"},
      {"observer", "Council only observes"},
      {"no-stage", "No life-cycle stage"},
      {"proposed", "Proposed, not started"},
      {"ended", "Ended"},
  };
  for (const auto& [c, title] : kTitles)
    if (code == c) return title;
  return code;
}

namespace {

// What one check sees: the partnership, the Council's role in it, and the review's date and rules.
struct Context {
  const Register& reg;
  const Partnership& p;
  std::optional<Role> role;
  Date at;
  const ReviewSettings& settings;
  bool started, ended, significant;
  std::vector<Finding>& out;

  const PolicyWords& words() const { return reg.policy.words; }
  // " (SOURCE)" when the register's policy names a source for `check`, else nothing.
  std::string cited(const char* check) const {
    const std::string& s = reg.policy.source(check);
    return s.empty() ? "" : " (" + s + ")";
  }

  void add(const char* code, FindingSeverity severity, std::string reason) const {
    out.push_back({code, severity, std::move(reason)});
  }
};

void check_theme(const Context& c) {
  if (!c.p.themes.empty()) return;
  c.add("no-theme", FindingSeverity::severe,
        "No " + c.words().theme + " is recorded, so its aims are not shown to serve the Council's priorities "
        "(the first question of " + c.words().review + ")" + c.cited("no-theme") + ". Record the " +
            c.words().themes + " it serves, or consider leaving it.");
}

void check_role(const Context& c) {
  if (c.role) {
    if (*c.role == Role::observer)
      c.add("observer", FindingSeverity::advice,
            "The Council only observes. Confirm that this is the role the Council has agreed, and whether "
            "attending is worth the time.");
    return;
  }
  double hours = 0;
  for (const Commitment& m : c.p.commitments) hours += m.hours;
  std::string reason = "The Council is not listed as a member, so its role (lead, support or observer) is "
                       "not agreed (the second question of " + c.words().review + ")" + c.cited("no-role") + ".";
  if (hours > 0) reason += " Yet Council staff give it " + format_hours(hours) + " hours a month.";
  reason += " Record the Council's role, or take the partnership off the register.";
  c.add("no-role", FindingSeverity::severe, std::move(reason));
}

void check_benefit(const Context& c) {
  const bool indicators = c.p.indicators && !c.p.indicators->empty();
  const bool evaluation = c.p.evaluation && !c.p.evaluation->empty();
  if (indicators || evaluation) return;
  c.add("no-benefit", FindingSeverity::severe,
        "Neither performance indicators nor an evaluation are recorded, so the benefit of the Council "
        "being involved is not shown (the third question of " + c.words().review + ")" + c.cited("no-benefit") +
            ". Agree at least one indicator with the partners.");
}

void check_risk(const Context& c) {
  if (c.p.risk) return;
  c.add("no-risk", c.significant ? FindingSeverity::severe : FindingSeverity::warning,
        "No risk rating is recorded; " + c.words().policy + " requires a risk assessment for every partnership" +
            c.cited("no-risk") + "." +
            (c.significant ? " It is a significant partnership, so this matters more." : ""));
}

void check_exit(const Context& c) {
  if (c.p.exit_strategy) return;
  c.add("no-exit", FindingSeverity::warning,
        "No exit or succession strategy is recorded" + c.cited("no-exit") + ". Say how the work will be mainstreamed, handed on or "
        "ended (write \"none\" if the partnership is meant to run on).");
}

void check_posts(const Context& c) {
  if (!c.p.posts || c.p.posts->permanent <= 0 || !c.p.posts->funded_until) return;
  const Date until = *c.p.posts->funded_until;
  const std::string posts = count_of(static_cast<std::size_t>(c.p.posts->permanent), "permanent Council post",
                                     "permanent Council posts");
  std::string reason;
  FindingSeverity severity = FindingSeverity::warning;
  if (until < c.at) {
    severity = FindingSeverity::severe;
    reason = "The funding for " + posts + " ended on " + long_date(until) + ".";
  } else if (until <= add_months(c.at, c.settings.posts_months)) {
    severity = FindingSeverity::severe;
    reason = "The funding for " + posts + " ends on " + long_date(until) + ", within " +
             std::to_string(c.settings.posts_months) + " months.";
  } else {
    reason = "The " + posts + (c.p.posts->permanent == 1 ? " is" : " are") + " funded only until " +
             long_date(until) + ".";
  }
  if (!c.p.end || *c.p.end > until) reason += " The partnership itself runs on after that.";
  reason += std::string(" Show how ") + (c.p.posts->permanent == 1 ? "the post" : "the posts") +
            " will be supported once the funding ceases" + c.cited("posts-at-risk");
  if (c.p.exit_strategy == ExitStrategy::mainstreaming || c.p.exit_strategy == ExitStrategy::succession)
    reason += std::string("; the recorded exit strategy is ") + to_string(*c.p.exit_strategy) +
              ", so set out when and how.";
  else
    reason += ".";
  c.add("posts-at-risk", severity, std::move(reason));
}

void check_review_date(const Context& c) {
  if (!c.started || c.ended) return;
  const int months = c.settings.review_months;
  if (c.p.last_review) {
    if (add_months(*c.p.last_review, months) < c.at)
      c.add("review-overdue", FindingSeverity::warning,
            "Last reviewed on " + long_date(*c.p.last_review) + ", more than " + std::to_string(months) +
                " months ago" + c.cited("review-overdue") + ". Give it " + c.words().review + " and record the date.");
    return;
  }
  // Never reviewed: overdue once it has run for a review period; before that, the first one is due.
  if (!c.p.start || add_months(*c.p.start, months) < c.at) {
    c.add("review-overdue", FindingSeverity::warning,
          std::string("Never reviewed") + (c.p.start ? " since it started on " + long_date(*c.p.start) : "") +
              c.cited("review-overdue") + ". Give it " + c.words().review + " and record the date.");
  } else {
    c.add("review-due", FindingSeverity::advice,
          "Not reviewed yet; the first review is due by " + long_date(add_months(*c.p.start, months)) + ".");
  }
}

// The significance criteria that hold for `p`, in words; significant when `when` of them hold.
std::vector<std::string> significance_reasons(const Register& reg, const Partnership& p, const ReviewSettings& s) {
  std::vector<std::string> why;
  if (s.significant_pounds > 0 && p.budget && p.budget->council >= s.significant_pounds)
    why.push_back("the Council contributes " + pounds(p.budget->council) + " a year");
  if (s.significance.budget > 0 && p.budget && p.budget->total >= s.significance.budget)
    why.push_back("its budget is " + pounds(p.budget->total) + " a year");
  if (s.significance.accountable_body && p.accountable_body && *p.accountable_body == reg.council)
    why.push_back("the Council is the accountable body");
  if (s.significance.high_risk && p.risk == Risk::high) why.push_back("its risk is rated high");
  if (s.significance.years > 0 && p.start && (!p.end || add_months(*p.start, 12 * s.significance.years) <= *p.end))
    why.push_back(p.end ? "it runs " + std::to_string(s.significance.years) + " years or longer"
                        : "it has no end date, so runs " + std::to_string(s.significance.years) + " years or longer");
  return why;
}

bool is_significant(const Register& reg, const Partnership& p, const ReviewSettings& s) {
  const auto why = significance_reasons(reg, p, s);
  return !why.empty() && why.size() >= static_cast<std::size_t>(std::max(s.significance.when, 1));
}

std::string significant_because(const Context& c) { return join_words(significance_reasons(c.reg, c.p, c.settings)); }

void check_governance(const Context& c) {
  if (!c.significant) return;
  std::vector<std::string> missing;
  if (!c.p.management || c.p.management->empty())
    missing.push_back("how it is managed (governance and reporting arrangements)");
  if (!c.p.budget) missing.push_back("its budget and the Council's contribution");
  if (missing.empty()) return;
  c.add("significant-governance", FindingSeverity::severe,
        "A significant partnership (" + significant_because(c) + ") with no record of " + join_words(missing) +
            ". Significant partnerships belong on the central register with their governance arrangements "
            "and are reported to the audit committee each year" + c.cited("significant-governance") + ".");
}

void check_staff_time(const Context& c) {
  if (!c.started || c.ended || !c.role || *c.role == Role::observer) return;
  double hours = 0;
  for (const Commitment& m : c.p.commitments) hours += m.hours;
  if (hours > 0) return;
  c.add("no-staff-time", FindingSeverity::warning,
        std::string("The Council ") + (*c.role == Role::lead ? "leads" : "supports") +
            " it but no staff time is recorded. Log the hours each " + c.words().unit + " gives, so that its "
            "capacity can be seen" + c.cited("no-staff-time") + ".");
}

void check_satisfaction(const Context& c) {
  if (!c.p.survey || c.p.survey->responses <= 0) return;
  const double share = static_cast<double>(c.p.survey->satisfied) / c.p.survey->responses;
  if (share >= c.settings.satisfaction_threshold) return;
  c.add("low-satisfaction", share < 0.5 ? FindingSeverity::warning : FindingSeverity::advice,
        "Only " + std::to_string(c.p.survey->satisfied) + " of " + std::to_string(c.p.survey->responses) +
            " stakeholders surveyed are satisfied (" + percent(share) + ", below " +
            percent(c.settings.satisfaction_threshold) + ")" + c.cited("low-satisfaction") + ". Ask the partners what would improve the Council's part.");
}

void check_life_cycle(const Context& c) {
  if (!c.started) {
    c.add("proposed", FindingSeverity::advice,
          "Proposed: it starts on " + long_date(*c.p.start) +
              ". Put it through the pre-partnership decision tree before the Council commits to it.");
  } else if (c.ended) {
    c.add("ended", FindingSeverity::advice,
          "Ended on " + long_date(*c.p.end) +
              ". Record how it was closed or handed on, then take it off the register.");
  }
  if (!c.p.stage)
    c.add("no-stage", FindingSeverity::advice,
          "No life-cycle stage is recorded (deciding, establishing, running, evaluating or exiting).");
}

int score(const std::vector<Finding>& findings) {
  int s = 100;
  for (const Finding& f : findings)
    s -= f.severity == FindingSeverity::severe ? kSevereWeight : f.severity == FindingSeverity::warning ? kWarningWeight : 0;
  return std::max(s, 0);
}

}  // namespace

Review compute_review(const Graph& g, Date at, const std::optional<ReviewSettings>& given) {
  const Register& reg = g.reg();
  const ReviewSettings settings = given ? *given : review_settings(reg.policy);
  Review review;
  review.at = at;
  review.settings = settings;
  review.partnerships.reserve(reg.partnerships.size());
  for (Index i = 0; i < reg.partnerships.size(); ++i) {
    const Partnership& p = reg.partnerships[i];
    PartnershipReview pr;
    pr.partnership = i;
    pr.active = p.active_on(at);
    pr.significant = is_significant(reg, p, settings);
    const bool started = !p.start || *p.start <= at;
    const bool ended = p.end && *p.end < at;
    const Context c{reg, p, reg.council_role(p), at, settings, started, ended, pr.significant, pr.findings};
    check_theme(c);
    check_role(c);
    check_benefit(c);
    check_risk(c);
    check_exit(c);
    check_posts(c);
    check_review_date(c);
    check_governance(c);
    check_staff_time(c);
    check_satisfaction(c);
    check_life_cycle(c);
    if (ended)
      for (Finding& f : pr.findings)
        if (f.severity == FindingSeverity::severe) f.severity = FindingSeverity::warning;
    pr.score = score(pr.findings);
    for (const Finding& f : pr.findings) {
      if (f.severity == FindingSeverity::severe) ++review.severe;
      else if (f.severity == FindingSeverity::warning) ++review.warnings;
      else ++review.advice;
    }
    review.partnerships.push_back(std::move(pr));
  }
  if (!review.partnerships.empty()) {
    const double sum = std::accumulate(review.partnerships.begin(), review.partnerships.end(), 0.0,
                                       [](double s, const PartnershipReview& r) { return s + r.score; });
    review.score = static_cast<int>(sum / static_cast<double>(review.partnerships.size()) + 0.5);
  }
  return review;
}

}  // namespace partnermap
