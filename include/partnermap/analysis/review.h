// The review: the Partnership Policy's five-minute review and the Audit Commission's 2005 checklist,
// applied to every partnership, each finding with a severity and a reason in plain words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap {

enum class FindingSeverity : std::uint8_t { severe, warning, advice };
const char* to_string(FindingSeverity s);

struct Finding {
  std::string code;  // stable, for scripts: "no-theme", "no-role", "no-benefit", "no-risk",
                     // "no-exit", "posts-at-risk", "review-overdue", "significant-governance",
                     // "no-staff-time", "low-satisfaction", ...
  FindingSeverity severity = FindingSeverity::warning;
  std::string reason;  // plain words an officer can act on
};

// The policy's review thresholds (Policy's defaults unless the register's policy or an option
// says otherwise).
struct ReviewSettings {
  double significant_pounds = 30000;    // council contribution that makes a partnership significant (0: off)
  int review_months = 6;                // a review is overdue after this many months
  int posts_months = 12;                // posts at risk when funding ends within this many months
  double satisfaction_threshold = 0.6;  // satisfied / responses below this is a finding
  Significance significance;            // the other criteria; its council_contribution is significant_pounds
};
ReviewSettings review_settings(const Policy& policy);

struct PartnershipReview {
  Index partnership = 0;
  bool significant = false;
  bool active = true;  // active on the review date; a proposed or ended partnership is reported but
                       // its time-based checks (staff time, review dates) do not apply
  std::vector<Finding> findings;
  int score = 100;  // 100 less a weight per finding; 0..100
};

struct Review {
  Date at;
  ReviewSettings settings;
  std::vector<PartnershipReview> partnerships;  // register order
  int score = 100;                              // mean of the partnerships' scores
  std::size_t severe = 0, warnings = 0, advice = 0;
};

// Score weights: a severe finding costs 25 points, a warning 10, advice nothing (it is information).
inline constexpr int kSevereWeight = 25;
inline constexpr int kWarningWeight = 10;

// The checks, one finding code each (a finding's reason says what was found in that partnership):
//   no-theme (severe)        no theme (the policy's word): aims not aligned to the Council's priorities
//   no-role (severe)         the Council is not a member, so no agreed role
//   no-benefit (severe)      neither indicators nor an evaluation: no stated benefit
//   no-risk                  no risk rating (severe when the partnership is significant, else warning)
//   no-exit (warning)        no exit or succession strategy recorded ("none" is a recorded answer)
//   posts-at-risk            permanent posts whose funding ends within `posts_months` or has ended
//                            (severe), or ends later but before the partnership or while it runs on (warning)
//   review-overdue (warning) last review more than `review_months` ago, or never reviewed though
//                            running longer than that
//   review-due (advice)      never reviewed, first review not yet due
//   significant-governance (severe)  significant (`significance.when` of the policy's criteria hold:
//                            Council contribution >= `significant_pounds`, the Council accountable body,
//                            ...) but no management or no budget recorded
//   no-staff-time (warning)  the Council leads or supports an active partnership and records no hours
//   low-satisfaction         satisfied / responses under the threshold (warning under half, else advice)
//   observer (advice)        the Council only observes
//   no-stage (advice)        no life-cycle stage
//   proposed (advice)        starts after the review date: for the pre-partnership decision tree
//   ended (advice)           ended before the review date: record the exit or take it off the register
// A partnership that has ended is never severe: its findings are capped at warning.
// Without settings, the register's policy gives them.
Review compute_review(const Graph& g, Date at, const std::optional<ReviewSettings>& settings = std::nullopt);

// The three questions of the review proper: aims aligned to priorities, an agreed Council role, a
// clear benefit. "Fails the review" means a finding with one of these codes.
bool is_review_question(const std::string& code);
// Partnerships with a severe finding on one of the review's own questions.
std::size_t failing_review_questions(const Review& review);

// A short title for a finding code, for tables, in the policy's words: "No theme". The code itself
// when unknown.
std::string finding_title(const std::string& code, const PolicyWords& words = {});

}  // namespace partnermap
