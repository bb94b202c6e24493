// The review: the Partnership Policy's five-minute review and the Audit Commission's 2005 checklist,
// applied to every partnership, each finding with a severity and a reason in plain words.
#pragma once

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

struct ReviewSettings {
  double significant_pounds = 30000;    // the seeds' £30,000 register threshold
  int review_months = 6;                // a review is overdue after this many months
  int posts_months = 12;                // posts at risk when funding ends within this many months
  double satisfaction_threshold = 0.6;  // satisfied / responses below this is a finding
};

struct PartnershipReview {
  Index partnership = 0;
  bool significant = false;
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

Review compute_review(const Graph& g, Date at, const ReviewSettings& settings = {});

}  // namespace partnermap
