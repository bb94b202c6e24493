// Capacity: how much of each Business Unit's partnership time is committed, on a date and month by
// month ahead. The seeds' question: which units are over capacity because of partnership work?
#pragma once

#include <string>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap {

// not_recorded: the unit's capacity_hours is absent or 0, so its load cannot be judged; it is never
// counted, coloured or listed as stretched or over capacity. JSON spells it "not_recorded".
enum class LoadStatus : std::uint8_t { ok, stretched, overloaded, not_recorded };
const char* to_string(LoadStatus s);

// The policy's thresholds (Policy::stretched, Policy::overloaded), so that a caller passes the
// register's policy and never a literal.
struct LoadThresholds {
  double stretched = 0.85;  // from this utilisation a unit is stretched
  double overloaded = 1.0;  // above this it is over capacity
};
LoadThresholds load_thresholds(const Policy& policy);
// ok below `stretched`, stretched from it up to `overloaded`, overloaded above; not_recorded when
// the capacity is 0 (whatever is committed).
LoadStatus load_status(double committed_hours, double capacity_hours, const LoadThresholds& thresholds = {});

struct UnitLoad {
  Index unit = 0;                     // into Register::business_units
  double capacity_hours = 0;
  double committed_hours = 0;         // commitments to partnerships active on the date
  double utilisation = 0;             // committed / capacity; +inf when capacity is not recorded and hours > 0
  LoadStatus status = LoadStatus::ok;
  std::vector<Index> partnerships;    // active partnerships behind the load, most hours first
};

// The same per named officer (commitments that name one).
struct OfficerLoad {
  std::string officer;
  Index unit = 0;
  double committed_hours = 0;
  std::vector<Index> partnerships;
};

// When a unit crosses a threshold in the forecast.
struct CapacityChange {
  Index unit = 0;
  Date month;  // first day of the month
  Date on;     // the forecast date on which the new status is first seen (`months[k]`)
  double before = 0, after = 0;  // utilisation on the previous forecast date and on `on`
  LoadStatus from = LoadStatus::ok, to = LoadStatus::ok;
  std::vector<Index> starting, ending;  // partnerships that start or end and cause it
};

struct Capacity {
  Date at;
  LoadThresholds thresholds;          // the register's policy
  std::vector<UnitLoad> units;        // register order
  std::vector<OfficerLoad> officers;  // most hours first
  std::vector<Date> months;           // the forecast's months: `at`, then the same day each month after
  std::vector<std::vector<double>> forecast;  // [unit][month] utilisation
  std::vector<std::vector<double>> forecast_hours;  // [unit][month] committed hours
  std::vector<CapacityChange> changes;
};

// Utilisation on `at` and on the same day of each of the next `months` months (so `months + 1`
// forecast dates; a negative count is taken as 0). Only commitments to partnerships active on a date
// count on that date; a partnership's commitments start on its `start` and stop after its `end`.
Capacity compute_capacity(const Graph& g, Date at, int months = 12);

// committed / capacity; +inf when capacity is 0 and hours are committed, 0 when neither.
double utilisation(double committed_hours, double capacity_hours);

}  // namespace partnermap
