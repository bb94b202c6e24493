// What differs between councils: the words a council uses for its priorities, its parts and its
// policy, and the thresholds its policy sets. A register states them in its optional `policy` object;
// without one the words are neutral and the thresholds are the documented defaults below, so that
// no council is spoken to in another council's words.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace partnermap {

// Each word as it reads inside a sentence; a title capitalises the first letter (capitalised()).
struct PolicyWords {
  std::string theme = "theme";                      // one of the council's priorities
  std::string themes = "themes";
  std::string unit = "Business Unit";               // a part of the council that gives staff time
  std::string units = "Business Units";
  std::string policy = "the partnership policy";    // the document the thresholds come from
  std::string review = "the partnership review";    // the review each partnership is given
};

// What makes a partnership significant: each criterion that is switched on counts once, and the
// partnership is significant when at least `when` of them hold.
struct Significance {
  double council_contribution = 30000;  // pounds a year from the council; 0 switches it off
  double budget = 0;                    // pounds a year from all partners; 0 switches it off
  bool accountable_body = true;         // the council is the accountable body
  bool high_risk = false;               // the partnership's risk is rated high
  int years = 0;                        // it runs (start to end, or on) this many years or longer; 0 off
  int when = 1;                         // how many criteria must hold
};

struct Policy {
  PolicyWords words;
  // Utilisation from which a unit is stretched, and above which it is over capacity.
  double stretched = 0.85;
  double overloaded = 1.0;
  double lead_share = 0.5;     // share of active partnerships the council may lead before it dominates
  double satisfaction = 0.6;   // satisfied / responses below this is a finding
  int review_months = 6;       // a review is overdue after this many months
  int funding_horizon_months = 12;  // posts are at risk when their funding ends within this many months
  Significance significant;
  // The source a finding cites, by check ("roles", "posts-at-risk", "no-risk", "no-staff-time" ...):
  // "the Best Value Review, key issue 5". A check with no source cites none.
  std::map<std::string, std::string> sources;

  // The source for `check`, or empty.
  const std::string& source(const std::string& check) const;
};

// `text` with its first letter in capitals: "themes" -> "Themes".
std::string capitalised(std::string text);

// One row of the settings list (README, a workbook's Policy sheet): the key in `policy`, its
// default as written in the register, and what it does.
struct PolicySetting {
  const char* key;
  const char* default_value;
  const char* meaning;
};
const std::vector<PolicySetting>& policy_settings();

}  // namespace partnermap
