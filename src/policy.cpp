#include "partnermap/policy.h"

#include <cctype>

namespace partnermap {

const std::string& Policy::source(const std::string& check) const {
  static const std::string kNone;
  const auto it = sources.find(check);
  return it == sources.end() ? kNone : it->second;
}

std::string capitalised(std::string text) {
  if (!text.empty() && static_cast<unsigned char>(text[0]) < 0x80)
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

const std::vector<PolicySetting>& policy_settings() {
  static const std::vector<PolicySetting> kSettings = {
      {"theme", "\"theme\"", "what the council calls one of its priorities, as in a sentence (\"Corporate priority\")"},
      {"themes", "\"themes\"", "the same, more than one (\"Corporate priorities\")"},
      {"unit", "\"Business Unit\"", "what the council calls a part of itself that gives staff time (\"Service area\")"},
      {"units", "\"Business Units\"", "the same, more than one (\"Service areas\")"},
      {"policy", "\"the partnership policy\"", "the document the thresholds come from, as in a sentence"},
      {"review", "\"the partnership review\"", "the review each partnership is given (\"the annual partnership health check\")"},
      {"stretched", "0.85", "share of a unit's capacity from which it is stretched"},
      {"overloaded", "1.0", "share of a unit's capacity above which it is over capacity"},
      {"lead_share", "0.5", "share of active partnerships the council may lead before it dominates them"},
      {"satisfaction", "0.6", "share of stakeholders satisfied below which satisfaction is low"},
      {"review_months", "6", "months after the last review when the next is overdue"},
      {"funding_horizon_months", "12", "posts are at risk when their funding ends within this many months"},
      {"significant_contribution", "30000", "council contribution in pounds a year that makes a partnership significant (0: not a criterion)"},
      {"significant_budget", "0", "total budget in pounds a year that makes a partnership significant (0: not a criterion)"},
      {"significant_accountable_body", "true", "the council being the accountable body makes a partnership significant"},
      {"significant_high_risk", "false", "a high risk rating makes a partnership significant"},
      {"significant_years", "0", "running this many years or longer makes a partnership significant (0: not a criterion)"},
      {"significant_when", "1", "how many of the significance criteria must hold"},
      {"sources", "{}", "the source each finding cites, by check: \"roles\", \"posts-at-risk\", \"no-risk\", \"no-staff-time\", \"significant-governance\""},
  };
  return kSettings;
}

}  // namespace partnermap
