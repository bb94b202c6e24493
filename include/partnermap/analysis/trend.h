// Key indicators of one register snapshot, and of several over time: the six-monthly monitoring the
// seeds ask for, read from the register (and the survey wave nearest it) rather than typed in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "partnermap/analysis/survey.h"
#include "partnermap/model.h"

namespace partnermap {

struct Indicators {
  std::size_t active_partnerships = 0;            // active on the register's date
  double lead_share = 0;                          // of those, the share the Council leads
  std::size_t overloaded_units = 0, stretched_units = 0;
  double hours_committed = 0;                     // hours a month to active partnerships, all units
  double hours_available = 0;                     // the units' recorded capacity, hours a month
  int review_score = 100;                         // the review's score, 0-100
  std::size_t severe_findings = 0;
  std::optional<double> with_indicators_share;    // active partnerships recording indicators
  std::optional<double> satisfied_share;          // survey respondents answering 3 or 4, else the register's counts
  std::optional<double> network_trust;            // the survey's network trust, 1-4
};

// The indicators on the register's own date; `survey` is the wave to read, or none.
Indicators compute_indicators(const Register& reg, const SurveyFigures* survey);

struct Snapshot {
  Date as_of;
  std::string source;                 // the file, or "file@commit" for a version in git
  std::string council;                // the council's name
  std::string units_word;             // what the register calls its Business Units ("Service areas")
  std::optional<Date> survey_date;    // the wave read, if any
  Indicators indicators;
};

// The indicators in a fixed order: name (as in JSON and CSV), a title for people, and how the value
// reads ("count", "share", "hours", "score", "trust").
struct IndicatorInfo {
  const char* name;
  const char* title;
  const char* kind;
};
const std::vector<IndicatorInfo>& indicator_list();

// The value of indicator `name` (a share as 0-1); none when it could not be worked out.
std::optional<double> indicator_value(const Indicators& i, const std::string& name);

// {"snapshots": [{"as_of", "source", "council", "survey_date", "indicators": {name: value}}]}
nlohmann::json trend_json(const std::vector<Snapshot>& snapshots);

}  // namespace partnermap
