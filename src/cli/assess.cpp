// partnermap assess: the Partnership Policy's pre-partnership decision tree for a proposed
// partnership, answered from the register, with a recommendation for the officer and the committee.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

#include "assess_html.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/table.h"
#include "partnermap/analysis/words.h"
#include "partnermap/assess.h"

namespace partnermap::cli {

namespace {

// `assess --strict` exits with this when the recommendation is to reconsider, so that a script can
// stop on it (the same status as `review --strict`).
constexpr int kReconsider = 3;

struct AssessOptions {
  std::string register_path, proposal_path, at, html;
  bool json = false;
  bool strict = false;
  AssessSettings settings;
  double lead_share = 0.5;
  CLI::Option* lead_share_given = nullptr;  // without it, the register's policy sets the share
};

Colour status_colour(AnswerStatus s) {
  return s == AnswerStatus::fail ? Colour::red : s == AnswerStatus::condition ? Colour::yellow : Colour::green;
}

Colour recommendation_colour(Recommendation r) {
  return r == Recommendation::reconsider ? Colour::red
         : r == Recommendation::proceed_with_conditions ? Colour::yellow
                                                        : Colour::green;
}

Colour load_colour(LoadStatus s) {
  return s == LoadStatus::overloaded ? Colour::red : s == LoadStatus::stretched ? Colour::yellow : Colour::none;
}

// A wrapped item: `first` spaces before the first line, `rest` before the others.
void item(std::ostream& out, const std::string& text, std::size_t first, std::size_t rest) {
  out << std::string(first, ' ');
  print_wrapped(out, text, 100, rest);
}

// Problems in the proposal, errors first, as `print_problems` does for a register.
void print_proposal_problems(std::ostream& out, const std::vector<Problem>& problems) {
  std::vector<const Problem*> order;
  for (const Problem& p : problems) order.push_back(&p);
  std::stable_partition(order.begin(), order.end(), [](const Problem* p) { return p->severity == Severity::error; });
  constexpr std::size_t kLimit = 200;
  for (std::size_t i = 0; i < order.size() && i < kLimit; ++i) out << format_problem(*order[i]) << '\n';
  if (order.size() > kLimit) out << "... and " << order.size() - kLimit << " more problems\n";
  const std::size_t errors = count_errors(problems);
  if (errors > 0)
    out << errors << (errors == 1 ? " error" : " errors") << " found; correct the proposal and run the command again.\n";
}

void print_units(std::ostream& out, const Register& reg, const Assessment& a, const TableStyle& style) {
  if (a.units.empty()) return;
  out << '\n' << paint("Effect on " + reg.policy.words.units + " (hours a month)", Colour::bold, style.colour) << "\n\n";
  Table t{{{capitalised(reg.policy.words.unit), Align::left, Fit::wrap, 14},
           {"Hours", Align::right},
           {"Capacity", Align::right},
           {"From"},
           {"Used\nwithout", Align::right},
           {"Used\nwith", Align::right},
           {"Worst while it runs", Align::left, Fit::wrap, 16}},
          {}};
  for (const UnitEffect& e : a.units) {
    std::string worst = "does not run in the forecast";
    if (e.worst_from && e.worst == LoadStatus::ok) worst = "ok throughout (at most " + utilisation_text(e.peak) + ")";
    else if (e.worst_from)
      worst = std::string(to_string(e.worst)) + " from " + long_date(*e.worst_from) + " (" + utilisation_text(e.worst_after) + ")" +
              (e.already ? ", already without it" : "");
    t.rows.push_back({reg.business_units[e.unit].name, format_hours(e.hours), format_hours(e.capacity_hours),
                      e.on ? long_date(*e.on) : "-", e.on ? utilisation_text(e.before) : "-", e.on ? Cell(utilisation_text(e.after), load_colour(e.status_after)) : Cell("-"),
                      Cell(worst, load_colour(e.worst))});
  }
  print_table(out, t, style);
}

void print_overlaps(std::ostream& out, const Register& reg, const Assessment& a, const TableStyle& style) {
  if (a.overlaps.empty()) return;
  out << '\n' << paint("Existing partnerships with largely the same members", Colour::bold, style.colour) << "\n\n";
  Table t{{{"Partnership", Align::left, Fit::wrap, 20},
           {"In common", Align::right},
           {"Jaccard", Align::right},
           {"Themes in common", Align::left, Fit::wrap, 14}},
          {}};
  for (const ProposalOverlap& o : a.overlaps) {
    std::vector<std::string> themes;
    for (Index th : o.shared_themes) themes.push_back(reg.themes[th].name);
    t.rows.push_back({reg.partnerships[o.partnership].name + " [" + reg.partnerships[o.partnership].id + "]",
                      std::to_string(o.shared) + " of " + std::to_string(o.either), percent(o.jaccard),
                      themes.empty() ? "none" : join_words(themes)});
  }
  print_table(out, t, style);
}

void print_assessment(std::ostream& out, const Proposal& proposal, const Assessment& a) {
  const TableStyle style{100, 2, colour_wanted(1)};
  const Register& reg = proposal.reg;
  const Partnership& p = reg.partnerships[a.partnership];
  out << paint("Pre-partnership assessment: " + p.name + " [" + p.id + "]", Colour::bold, style.colour) << '\n';
  std::string when = p.start ? "Proposed to start on " + long_date(*p.start) : "No start date given";
  when += p.end ? ", to end on " + long_date(*p.end) : ", with no end date";
  when += "; assessed on " + long_date(a.at) + " against the register of " + long_date(reg.as_of) + ".";
  print_wrapped(out, when);
  if (!proposal.new_organisations.empty()) {
    std::vector<std::string> names;
    for (Index o : proposal.new_organisations) names.push_back(reg.organisations[o].name);
    print_wrapped(out, "New to the register: " + join_words(names) + ".");
  }
  out << '\n'
      << "Recommendation: " << paint(to_string(a.recommendation), recommendation_colour(a.recommendation), style.colour)
      << '\n';
  for (const std::string& r : a.reasons) item(out, "- " + r, 2, 4);

  out << '\n' << paint("The decision tree", Colour::bold, style.colour) << "\n";
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const Question& q = a.questions[i];
    out << '\n';
    item(out, std::to_string(i + 1) + ". " + q.question + " " +
                  paint(std::string("[") + to_string(q.status) + "]", status_colour(q.status), style.colour),
         0, 3);
    item(out, q.answer, 3, 3);
    for (const std::string& f : q.facts) item(out, "- " + f, 3, 5);
  }
  print_units(out, reg, a, style);
  print_overlaps(out, reg, a, style);
  out << '\n';
  const PolicyWords& w = reg.policy.words;
  print_wrapped(out, "The rule: reconsider when any answer is a fail (no " + w.theme + ", no Council role, a " + w.unit +
                     " over capacity while it runs, a duplicate of an existing partnership serving the same " +
                     w.themes + ", permanent posts whose funding ends within " +
                         std::to_string(a.review_settings.posts_months) +
                         " months); proceed with conditions when any answer is a condition; else proceed.");
}

}  // namespace

void add_assess(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "assess",
      "The partnership policy's pre-partnership evaluation of a proposed partnership: aims aligned to the "
      "council's themes, the Council's role (is a lead justified?), which Business Units would go over capacity and "
      "from when, overlap with existing partnerships, funding and posts at risk, exit strategy, indicators, and the "
      "accountable body, management and risk. Each answer gives the facts behind it, then a recommendation: "
      "proceed, proceed with conditions, or reconsider.\n\n"
      "PROPOSAL.json holds one partnership with the fields of a register entry, naming the register's "
      "organisations, units and themes by id: {\"partnership\": {...}, \"organisations\": [new partners]}, or the "
      "partnership object alone.\n\n"
      "Exit status: 0 assessed (whatever the recommendation); with --strict, 3 when the recommendation is to "
      "reconsider; 2 bad input.");
  auto o = std::make_shared<AssessOptions>();
  cmd->add_option("REGISTER", o->register_path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("PROPOSAL", o->proposal_path, "The proposed partnership (JSON)")->required();
  add_at_option(cmd, o->at, "The date to assess on");
  cmd->add_option("--months", o->settings.months,
                  "How many months beyond the proposal's start to forecast capacity (default 12)")
      ->check(whole_number_in(0, 240));
  o->lead_share_given = cmd->add_option("--lead-share", o->lead_share,
                  "The share of partnerships the Council may lead before a lead needs justifying (default: the "
                  "register's policy, else 0.5)")
      ->type_name("SHARE")
      ->check(number_in(0, 1));
  cmd->add_flag("--json", o->json, "Print the assessment as one JSON document");
  cmd->add_option("--html", o->html, "Also write the assessment as a web page for a committee paper")
      ->type_name("FILE");
  cmd->add_flag("--strict", o->strict, "Exit with status 3 when the recommendation is to reconsider (for scripts)");
  cmd->callback([o, &status] {
    if (!o->html.empty()) refuse_to_overwrite_inputs(o->html, {o->register_path, o->proposal_path});
    const Loaded loaded = load_and_warn(o->register_path);
    const Register& reg = loaded.reg;
    const Date at = date_or_as_of(o->at, reg);
    std::unique_ptr<Proposal> proposal;
    try {
      proposal = std::make_unique<Proposal>(read_proposal_file(reg, o->proposal_path));
    } catch (const InputError& e) {
      print_proposal_problems(std::cerr, e.problems());
      status = kBadInput;
      return;
    }
    print_proposal_problems(std::cerr, proposal->warnings);
    if (o->lead_share_given->count() > 0) o->settings.lead_share = o->lead_share;
    const Assessment a = assess(reg, *proposal, at, o->settings);
    if (!o->html.empty())
      write_stream_atomically(o->html, [&](std::ostream& file) { render::write_assess_html(file, *proposal, a); });
    if (o->json) std::cout << to_json(*proposal, a).dump(2) << '\n';
    else print_assessment(std::cout, *proposal, a);
    status = kDone;
    if (o->strict && a.recommendation == Recommendation::reconsider) {
      std::cerr << "assess --strict: the recommendation is to reconsider\n";
      status = kReconsider;
    }
  });
}

}  // namespace partnermap::cli
