// partnermap review: the Partnership Policy's five-minute review and the Audit Commission's checklist
// for every partnership in the register, with a score per partnership and for the register.
#include <algorithm>
#include <iostream>
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
  ReviewSettings settings;
  std::vector<std::string> surveys;
};

Colour severity_colour(FindingSeverity s) {
  return s == FindingSeverity::severe ? Colour::red : s == FindingSeverity::warning ? Colour::yellow : Colour::none;
}

// One row per check that found something: how many partnerships, and which (by id, as in the register).
void print_by_check(std::ostream& out, const Register& reg, const Review& r, const TableStyle& style) {
  struct Tally {
    FindingSeverity worst = FindingSeverity::advice;
    std::vector<std::string> ids;
    std::size_t first_seen = 0;
  };
  std::map<std::string, Tally> by_code;
  std::size_t seen = 0;
  for (const PartnershipReview& pr : r.partnerships)
    for (const Finding& f : pr.findings) {
      auto [it, fresh] = by_code.try_emplace(f.code);
      if (fresh) it->second.first_seen = seen++;
      it->second.worst = std::min(it->second.worst, f.severity);
      it->second.ids.push_back(reg.partnerships[pr.partnership].id);
    }
  std::vector<std::pair<std::string, Tally>> rows(by_code.begin(), by_code.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.second.worst != b.second.worst) return a.second.worst < b.second.worst;
    if (a.second.ids.size() != b.second.ids.size()) return a.second.ids.size() > b.second.ids.size();
    return a.second.first_seen < b.second.first_seen;
  });
  Table t{{{"Check", Align::left, Fit::wrap, 14},
           {"Severity"},
           {"Count", Align::right},
           {"Partnerships", Align::left, Fit::wrap, 20}},
          {}};
  for (const auto& [code, tally] : rows) {
    std::string ids;
    for (const std::string& id : tally.ids) ids += (ids.empty() ? "" : ", ") + id;
    t.rows.push_back({finding_title(code), Cell(to_string(tally.worst), severity_colour(tally.worst)),
                      std::to_string(tally.ids.size()), ids});
  }
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
  print_wrapped(out, "The Partnership Policy's five-minute review (aims aligned to the Council's priorities, an agreed "
                     "Council role, a clear benefit) and the Audit Commission's checklist, for each of the " +
                         count_of(reg.partnerships.size(), "partnership", "partnerships") + " in the register.");
  out << '\n';
  print_wrapped(out, "Register score " + std::to_string(r.score) + " out of 100: " +
                         count_of(r.severe, "severe finding", "severe findings") + ", " +
                         count_of(r.warnings, "warning", "warnings") + " and " +
                         count_of(r.advice, "piece of advice", "pieces of advice") + ".");
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
  print_wrapped(out, "Severe: fails a question of the five-minute review, or puts posts or significant money at risk. "
                     "Warning: a gap to close at the next review. Advice: for information. A partnership's score "
                     "is 100 less " + std::to_string(kSevereWeight) + " for each severe finding and " +
                         std::to_string(kWarningWeight) + " for each warning; the register's is their average.");
}

}  // namespace

void add_review(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "review",
      "Review every partnership as the Partnership Policy's five-minute review and the Audit Commission's "
      "checklist ask: a City Vision theme, an agreed Council role, indicators or an evaluation, a risk rating, "
      "an exit or succession strategy, posts whose funding ends soon, reviews overdue, governance of "
      "significant partnerships (£30,000 or more, or the Council as accountable body), staff time and "
      "stakeholder satisfaction. Each finding is severe, a warning or advice, with the reason in plain words.\n\n"
      "Exit status: 0 done (even when there are findings); with --strict, 3 when any finding is severe; "
      "2 bad input.");
  auto o = std::make_shared<ReviewOptions>();
  cmd->add_option("REGISTER", o->path, "The register file (partnermap/1 JSON)")->required();
  add_at_option(cmd, o->at, "The date to review on");
  add_survey_option(cmd, o->surveys);
  cmd->add_flag("--strict", o->strict, "Exit with status 3 when any finding is severe (for scripts)");
  cmd->add_flag("--json", o->json, "Print the review as one JSON document instead of tables");
  cmd->add_option("--significant", o->settings.significant_pounds,
                  "Council contribution in pounds a year from which a partnership is significant (default 30000)")
      ->type_name("POUNDS")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--review-months", o->settings.review_months,
                  "Months after the last review when the next is overdue (default 6)")
      ->check(CLI::Range(1, 120));
  cmd->add_option("--posts-months", o->settings.posts_months,
                  "Posts are at risk when their funding ends within this many months (default 12)")
      ->check(CLI::Range(0, 240));
  cmd->add_option("--satisfaction", o->settings.satisfaction_threshold,
                  "Share of stakeholders satisfied below which satisfaction is low, 0 to 1 (default 0.6)")
      ->type_name("SHARE")
      ->check(CLI::Range(0.0, 1.0));
  cmd->callback([o, &status] {
    Loaded loaded = load_and_warn(o->path);
    apply_survey_files(loaded.reg, o->surveys, date_or_as_of(o->at, loaded.reg));
    const Register& reg = loaded.reg;
    const Date at = date_or_as_of(o->at, reg);
    const Graph g(reg);
    const Review r = compute_review(g, at, o->settings);
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
