// Capacity: how much of each Business Unit's partnership time is committed, on a date and month by
// month ahead. The seeds' question: which units are over capacity because of partnership work?
#pragma once

#include <string>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap {

enum class LoadStatus : std::uint8_t { ok, stretched, overloaded };
const char* to_string(LoadStatus s);

// Utilisation from which a unit is `stretched`; above 1.0 it is `overloaded`.
inline constexpr double kStretched = 0.85;
// ok below kStretched, stretched from it up to 1.0, overloaded above 1.0. A unit with no capacity
// is overloaded as soon as any hours are committed to it.
LoadStatus load_status(double committed_hours, double capacity_hours);

struct UnitLoad {
  Index unit = 0;                     // into Register::business_units
  double capacity_hours = 0;
  double committed_hours = 0;         // commitments to partnerships active on the date
  double utilisation = 0;             // committed / capacity; +inf when capacity is 0 and hours > 0
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
