// The pre-partnership evaluation: should the Council enter this proposed partnership?
//
// The Partnership Policy requires a "thorough pre-evaluation of all new partnership proposals"
// through a decision tree before any new partnership activity is undertaken for the Council. Its
// questions come from the Policy and from the Best Value Review behind it: aims aligned to the
// Council's priorities (the City Vision themes), an agreed Council role without dominating, the
// capacity of Council staff "considered at an early stage ... in terms of all the other partnership
// work it is engaged in", no duplication of an existing partnership (over-consultation), posts on
// short-term funding, succession or exit, a clear benefit, and the accountable body, management
// and risk assessment.
//
// Each answer rests on the existing analyses run on the register with the proposal appended and
// without it (capacity and its forecast, roles, partnership overlap, the review of the proposed
// entry); nothing is worked out a second way here.
//
// The proposal file (PROPOSAL.json) holds one partnership with the fields of a register's
// partnership entry (docs/design.md), naming the register's organisations, units, themes and partnerships
// by id. Either
//     {"partnership": {...}, "organisations": [{"id", "name", "sector"?}, ...]}
// where the optional "organisations" lists partners that are not in the register yet, or the
// partnership object itself (which may then carry "organisations" beside its own fields).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/review.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/model.h"
#include "partnermap/problem.h"

namespace partnermap {

// A proposed partnership, read against a register.
struct Proposal {
  Register reg;           // the register, then the proposal's new organisations, then the proposal last
  Index partnership = 0;  // the proposed partnership, into reg.partnerships (always the last)
  std::vector<Index> new_organisations;  // into reg.organisations: the partners the proposal adds
  std::vector<Problem> warnings;         // fields kept but not understood, and the like
};

// A proposal is one partnership: 16 MiB is far more than any could need.
inline constexpr std::size_t kMaxProposalBytes = std::size_t{16} << 20;

// Reads a proposal against `reg`, which must be a loaded (checked) register. `name` is how problems
// name the file: `proposal.json:3:7` for syntax, `proposal.json: partnership.members[2].org` for
// meaning. Every problem is collected; throws InputError with all of them when any is an error.
Proposal read_proposal_text(const Register& reg, std::string_view text, const std::string& name,
                            std::size_t max_bytes = kMaxProposalBytes);
Proposal read_proposal_file(const Register& reg, const std::string& path);

// How a question is answered: `pass`; `condition`, a gap the proposal can close before the Council
// joins; `fail`, a reason to reconsider joining at all.
enum class AnswerStatus : std::uint8_t { pass, condition, fail };
enum class Recommendation : std::uint8_t { proceed, proceed_with_conditions, reconsider };
const char* to_string(AnswerStatus s);      // "pass", "condition", "fail"
const char* to_string(Recommendation r);    // "proceed", "proceed with conditions", "reconsider"

struct Question {
  std::string id;        // stable, for scripts: aims, role, capacity, overlap, funding, exit, benefit, governance
  std::string title;     // a short heading: "Capacity"
  std::string question;  // as the decision tree asks it
  AnswerStatus status = AnswerStatus::pass;
  std::string answer;               // the answer in plain words, with what to do when it is not a pass
  std::vector<std::string> facts;   // the figures behind the answer
  std::vector<Finding> findings;    // the review's findings for the proposal that bear on it
};

// What the proposal does to one Business Unit it asks hours of, from the capacity forecasts with and
// without it. Figures are read on `on`, the first forecast date on which the proposal runs.
struct UnitEffect {
  Index unit = 0;                 // into Register::business_units
  double hours = 0;               // hours a month the proposal asks of the unit
  double capacity_hours = 0;
  std::optional<Date> on;         // none when the proposal does not run within the forecast
  double before = 0, after = 0;   // utilisation on `on` without and with the proposal
  LoadStatus status_before = LoadStatus::ok, status_after = LoadStatus::ok;
  // The worst status with the proposal on any forecast date on which it runs, the first such date,
  // and whether the unit is already at that status without the proposal on that date.
  LoadStatus worst = LoadStatus::ok;
  std::optional<Date> worst_from;
  bool already = false;
  double worst_before = 0, worst_after = 0;  // utilisation on `worst_from` without and with
  double peak = 0;                // the highest utilisation with the proposal while it runs
};

// An existing partnership with largely the same members (docs/design.md "partnership overlap").
struct ProposalOverlap {
  Index partnership = 0;  // into Register::partnerships
  std::size_t shared = 0, either = 0;
  double jaccard = 0;
  std::vector<Index> shared_themes;  // themes both serve, into Register::themes
};

// The Council's role in the proposal and what it does to its lead share (the dominance concern).
struct RoleEffect {
  std::optional<Role> role;      // none: the Council is not a member
  Date on;                       // the date the shares are counted on: the later of `at` and the start
  RoleCounts before, after;      // partnerships running on `on`, without and with the proposal
  double threshold = 0.5;
  bool dominates_before = false, dominates_after = false;
  std::vector<Index> other_leads;  // other lead members of the proposal, into Register::organisations
  double council_hours = 0;        // staff time the proposal asks of the Council, hours a month
};

struct AssessSettings {
  int months = 12;          // forecast this many months beyond the proposal's start (or `at`)
  double min_jaccard = 0.5;  // overlap threshold, as `analyse`
  // The share of partnerships the Council may lead, as `analyse --lead-share`, and the review's
  // thresholds; none: the register's policy.
  std::optional<double> lead_share;
  std::optional<ReviewSettings> review;
};

struct Assessment {
  Date at;                        // the assessment date: `--at`, or the register's as_of
  AssessSettings settings;        // as given
  double lead_share = 0.5;        // as used: the settings', else the register's policy
  ReviewSettings review_settings;  // as used: the settings', else the register's policy
  Index partnership = 0;          // the proposal, into Proposal::reg.partnerships
  Recommendation recommendation = Recommendation::proceed;
  std::vector<std::string> reasons;  // why: see the rule below
  std::vector<Question> questions;   // in the decision tree's order
  std::vector<UnitEffect> units;     // units the proposal asks hours of, register order
  std::vector<ProposalOverlap> overlaps;  // highest Jaccard first
  RoleEffect roles;
  PartnershipReview review;        // the review of the proposed entry, on `at`
  Capacity without, with;          // the forecasts compared (the same dates)
};

// Works through the decision tree for `proposal` (read against `current`) on `at`.
//
// The questions and when each is not a pass:
//   aims        fail: no theme, in the policy's word (review: no-theme).
//   role        fail: the Council is not a member (review: no-role). condition: the Council would lead
//               and its lead share on the start date, counting the proposal, would be above
//               `lead_share` (the dominance the policy, or the source it cites, warns of).
//   capacity    fail: a Business Unit the proposal asks hours of would be over capacity (above the
//               policy's overloaded share) on a forecast date while the proposal runs, whether the
//               proposal takes it over or it is over already. condition: such a unit would be
//               stretched (the policy's stretched share or more), its capacity is not recorded, or the
//               Council leads or supports and no staff time is estimated.
//   overlap     fail: an existing partnership not yet ended has largely the same members (Jaccard at
//               or above `min_jaccard`) and serves a theme the proposal serves: join it instead.
//               condition: the same partners, for different themes (over-consultation).
//   funding     fail: permanent posts whose funding ends within `posts_months` (review:
//               posts-at-risk, severe). condition: posts funded for less long than the partnership
//               (posts-at-risk, warning), or no budget recorded.
//   exit        condition: no exit or succession strategy (review: no-exit).
//   benefit     condition: neither indicators nor an evaluation (review: no-benefit).
//   governance  condition: no risk rating (no-risk), a high risk rating, no management arrangements,
//               a significant partnership without its governance (significant-governance), or money
//               from the Council and no accountable body named.
//
// The recommendation: `reconsider` when any answer is a fail; else `proceed with conditions` when any
// is a condition; else `proceed`. The reasons are the fails' answers, then the conditions'; for
// `proceed`, every answer. Each reason reads "Title: answer".
Assessment assess(const Register& current, const Proposal& proposal, Date at, const AssessSettings& settings = {});

// The assessment as JSON, entries named by id:
// {proposal: {id, name, start, end, council_role}, at, register_as_of, recommendation, reasons: [text],
//  questions: [{id, title, question, status, answer, facts: [text], findings: [codes]}],
//  capacity: {months: [dates], units: [{id, name, hours, capacity_hours, on, utilisation_before,
//             utilisation_after, status_before, status_after, worst_status, worst_from, already, utilisation_before_worst,
//             utilisation_after_worst, peak,
//             forecast_before: [...], forecast_after: [...]}]},
//  overlaps: [{id, name, shared, either, jaccard, shared_themes: [ids]}],
//  roles: {council_role, on, lead_share_before, lead_share_after, threshold, dominates_before,
//          dominates_after, other_leads: [ids], council_hours},
//  review: {score, significant, findings: [{code, severity, reason}]}, new_organisations: [ids]}
// A utilisation that is infinite (no capacity) is null, as in `capacity --json`.
nlohmann::json to_json(const Proposal& proposal, const Assessment& a);

}  // namespace partnermap
