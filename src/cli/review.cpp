// partnermap review: the review the register's policy names (three questions: aims aligned to
// priorities, an agreed Council role, a clear benefit) and the checks of governance, risk, exit,
// posts and staff time, for every partnership, with a score per partnership and for the register.
#include <algorithm>
#include <iostream>
#include <limits>
#include <map>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/survey_option.h"
#include "cli/table.h"
#include "partnermap/analysis/json.h"
#include "partnermap/analysis/review.h"
#include "partnermap/analysis/words.h"

namespace partnermap::cli {

namespace {

// `review --strict` exits with this when any finding is severe, so that a script can stop on it.
constexpr int kSevereFindings = 3;

struct ReviewOptions {
  std::string path;
  std::string at;
  bool json = false;
  bool strict = false;
  ReviewSettings settings;  // the options as given; only those given replace the register's policy
  CLI::Option *significant = nullptr, *review_months = nullptr, *posts_months = nullptr, *satisfaction = nullptr;
  std::vector<std::string> surveys;
};

// The register's policy, with each option the user gave in its place.
ReviewSettings settings_for(const Register& reg, const ReviewOptions& o) {
  ReviewSettings s = review_settings(reg.policy);
  if (o.significant->count() > 0) s.significant_pounds = o.settings.significant_pounds;
  if (o.review_months->count() > 0) s.review_months = o.settings.review_months;
  if (o.posts_months->count() > 0) s.posts_months = o.settings.posts_months;
  if (o.satisfaction->count() > 0) s.satisfaction_threshold = o.settings.satisfaction_threshold;
  return s;
}

Colour severity_colour(FindingSeverity s) {
  return s == FindingSeverity::severe ? Colour::red : s == FindingSeverity::warning ? Colour::yellow : Colour::none;
}

// One row per check that found something: how many findings at each severity (so that the rows add
// up to the headline), and which partnerships, by name as members know them.
void print_by_check(std::ostream& out, const Register& reg, const Review& r, const TableStyle& style) {
  struct Tally {
    std::size_t count[3] = {0, 0, 0};  // by FindingSeverity
    std::vector<std::string> names;
    std::size_t first_seen = 0;
    FindingSeverity worst() const {
      return count[0] ? FindingSeverity::severe : count[1] ? FindingSeverity::warning : FindingSeverity::advice;
    }
  };
  std::map<std::string, Tally> by_code;
  std::size_t seen = 0;
  for (const PartnershipReview& pr : r.partnerships)
    for (const Finding& f : pr.findings) {
      auto [it, fresh] = by_code.try_emplace(f.code);
      if (fresh) it->second.first_seen = seen++;
      ++it->second.count[static_cast<std::size_t>(f.severity)];
      it->second.names.push_back(reg.partnerships[pr.partnership].name);
    }
  std::vector<std::pair<std::string, Tally>> rows(by_code.begin(), by_code.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    for (std::size_t k = 0; k < 3; ++k)
      if (a.second.count[k] != b.second.count[k]) return a.second.count[k] > b.second.count[k];
    return a.second.first_seen < b.second.first_seen;
  });
  Table t{{{"Check", Align::left, Fit::wrap, 14},
           {"Severe", Align::right},
           {"Warning", Align::right},
           {"Advice", Align::right},
           {"Partnerships", Align::left, Fit::wrap, 20}},
          {}};
  const auto number = [](std::size_t n, FindingSeverity s) {
    return n == 0 ? Cell("-") : Cell(std::to_string(n), severity_colour(s));
  };
  for (const auto& [code, tally] : rows)
    t.rows.push_back({finding_title(code, reg.policy.words), number(tally.count[0], FindingSeverity::severe),
                      number(tally.count[1], FindingSeverity::warning), number(tally.count[2], FindingSeverity::advice),
                      join_words(tally.names)});
  t.rows.push_back({"Total", std::to_string(r.severe), std::to_string(r.warnings), std::to_string(r.advice), ""});
  print_table(out, t, style);
}

void print_by_partnership(std::ostream& out, const Register& reg, const Review& r, const TableStyle& style) {
  std::vector<const PartnershipReview*> order;
  for (const PartnershipReview& pr : r.partnerships)
    if (!pr.findings.empty()) order.push_back(&pr);
  std::stable_sort(order.begin(), order.end(),
                   [](const PartnershipReview* a, const PartnershipReview* b) { return a->score < b->score; });
  Table t{{{"Partnership", Align::left, Fit::wrap, 16, 30},
           {"Score", Align::right},
           {"Severity"},
           {"Finding", Align::left, Fit::wrap, 30}},
          {}};
  for (const PartnershipReview* pr : order) {
    if (!t.rows.empty()) t.rows.emplace_back();  // a blank line between partnerships
    const Partnership& p = reg.partnerships[pr->partnership];
    std::vector<const Finding*> findings;
    for (const Finding& f : pr->findings) findings.push_back(&f);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding* a, const Finding* b) { return a->severity < b->severity; });
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = *findings[i];
      t.rows.push_back({i == 0 ? p.name + "\n[" + p.id + "]" : "", i == 0 ? std::to_string(pr->score) : "",
                        Cell(to_string(f.severity), severity_colour(f.severity)), f.reason});
    }
  }
  print_table(out, t, style);
}

void print_review(std::ostream& out, const Register& reg, const Review& r) {
  const TableStyle style{100, 2, colour_wanted(1)};
  out << paint("Partnership review on " + long_date(r.at), Colour::bold, style.colour) << '\n';
  const PolicyWords& w = reg.policy.words;
  print_wrapped(out, capitalised(w.review) + " (aims aligned to the Council's " + w.themes + ", an agreed "
                     "Council role, a clear benefit) and the checks of risk, exit, posts, reviews, governance and staff "
                     "time, for each of the " + count_of(reg.partnerships.size(), "partnership", "partnerships") +
                     " in the register.");
  out << '\n';
  print_wrapped(out, "Register score " + std::to_string(r.score) + " out of 100: " +
                         count_of(r.severe, "severe finding", "severe findings") + ", " +
                         count_of(r.warnings, "warning", "warnings") + " and " +
                         count_of(r.advice, "piece of advice", "pieces of advice") + ".");
  const std::size_t failing = failing_review_questions(r);
  print_wrapped(out, failing == 0 ? "No partnership fails " + w.review + "."
                                  : count_of(failing, "partnership fails", "partnerships fail") + " " + w.review +
                                        " (a severe finding on one of its three questions).");
  std::vector<std::string> clean;
  for (const PartnershipReview& pr : r.partnerships)
    if (pr.findings.empty()) clean.push_back(reg.partnerships[pr.partnership].name);
  if (!clean.empty())
    print_wrapped(out, count_of(clean.size(), "partnership passes", "partnerships pass") + " every check: " +
                           join_words(clean) + ".");
  if (r.severe + r.warnings + r.advice == 0) return;
  out << '\n' << paint("Findings by check", Colour::bold, style.colour) << "\n\n";
  print_by_check(out, reg, r, style);
  out << '\n' << paint("Findings by partnership, lowest score first", Colour::bold, style.colour) << "\n\n";
  print_by_partnership(out, reg, r, style);
  out << '\n';
  print_wrapped(out, "Severe: fails a question of " + w.review + ", or puts posts or significant money at risk. "
                     "Warning: a gap to close at the next review. Advice: for information. A partnership's score "
                     "is 100 less " + std::to_string(kSevereWeight) + " for each severe finding and " +
                         std::to_string(kWarningWeight) + " for each warning; the register's is their average.");
}

}  // namespace

void add_review(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "review",
      "Review every partnership as the register's policy asks: a theme (in the policy's word), an agreed Council "
      "role, indicators or an evaluation (the review's three questions), a risk rating, an exit or succession "
      "strategy, posts whose funding ends soon, reviews overdue, governance of significant partnerships, staff "
      "time and stakeholder satisfaction. Thresholds come from the register's policy object; the options below "
      "replace them for one run. Each finding is severe, a warning or advice, with the reason in plain words.\n\n"
      "Exit status: 0 done (even when there are findings); with --strict, 3 when any finding is severe; "
      "2 bad input.");
  auto o = std::make_shared<ReviewOptions>();
  cmd->add_option("REGISTER", o->path, "The register file (partnermap/1 JSON)")->required();
  add_at_option(cmd, o->at, "The date to review on");
  add_survey_option(cmd, o->surveys);
  cmd->add_flag("--strict", o->strict, "Exit with status 3 when any finding is severe (for scripts)");
  cmd->add_flag("--json", o->json, "Print the review as one JSON document instead of tables");
  o->significant = cmd->add_option("--significant", o->settings.significant_pounds,
                  "Council contribution in pounds a year from which a partnership is significant (default: the "
                  "register's policy, else 30000)")
      ->type_name("POUNDS")
      ->check(number_in(0, std::numeric_limits<double>::infinity()));
  o->review_months = cmd->add_option("--review-months", o->settings.review_months,
                  "Months after the last review when the next is overdue (default: the register's policy, else 6)")
      ->check(whole_number_in(1, 120));
  o->posts_months = cmd->add_option("--posts-months", o->settings.posts_months,
                  "Posts are at risk when their funding ends within this many months (default: the register's "
                  "policy, else 12)")
      ->check(whole_number_in(0, 240));
  o->satisfaction = cmd->add_option("--satisfaction", o->settings.satisfaction_threshold,
                  "Share of stakeholders satisfied below which satisfaction is low, 0 to 1 (default: the "
                  "register's policy, else 0.6)")
      ->type_name("SHARE")
      ->check(number_in(0, 1));
  cmd->callback([o, &status] {
    Loaded loaded = load_and_warn(o->path);
    apply_survey_files(loaded.reg, o->surveys, date_or_as_of(o->at, loaded.reg));
    const Register& reg = loaded.reg;
    const Date at = date_or_as_of(o->at, reg);
    const Graph g(reg);
    const Review r = compute_review(g, at, settings_for(reg, *o));
    if (o->json) {
      write_json(std::cout, g, r, 2);
      std::cout << '\n';
    } else {
      print_review(std::cout, reg, r);
    }
    status = kDone;
    if (o->strict && r.severe > 0) {
      std::cerr << "review --strict: " << count_of(r.severe, "severe finding", "severe findings") << '\n';
      status = kSevereFindings;
    }
  });
}

}  // namespace partnermap::cli
