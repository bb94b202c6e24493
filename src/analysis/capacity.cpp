// Capacity figures read the commitment edges of each Business Unit's vertex: a unit's row in the
// graph lists exactly the partnerships it gives time to, with the commitment's slot for its hours.
#include "partnermap/analysis/capacity.h"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

namespace partnermap {

const char* to_string(LoadStatus s) {
  switch (s) {
    case LoadStatus::ok: return "ok";
    case LoadStatus::stretched: return "stretched";
    case LoadStatus::overloaded: return "overloaded";
    case LoadStatus::not_recorded: return "not_recorded";
  }
  return "?";
}

double utilisation(double committed_hours, double capacity_hours) {
  if (capacity_hours <= 0) return committed_hours > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  return committed_hours / capacity_hours;
}

LoadThresholds load_thresholds(const Policy& policy) { return {policy.stretched, policy.overloaded}; }

LoadStatus load_status(double committed_hours, double capacity_hours, const LoadThresholds& thresholds) {
  if (!(capacity_hours > 0)) return LoadStatus::not_recorded;
  // Compared as hours, not as a rounded ratio, so that exactly full capacity is not "over".
  if (committed_hours > capacity_hours * thresholds.overloaded) return LoadStatus::overloaded;
  if (committed_hours / capacity_hours >= thresholds.stretched) return LoadStatus::stretched;
  return LoadStatus::ok;
}

namespace {

constexpr int kLastYear = 9999;

// One unit's hours per partnership, each partnership once (a partnership may list the same unit
// twice), for the partnerships `active` marks.
std::vector<std::pair<Index, double>> unit_hours(const Graph& g, Index unit, const std::vector<char>& active) {
  const Register& reg = g.reg();
  std::vector<std::pair<Index, double>> hours;
  const auto nbrs = g.neighbours(g.unit(unit));
  const auto info = g.edge_info(g.unit(unit));
  for (std::size_t k = 0; k < nbrs.size(); ++k) {
    if (info[k].kind != EdgeKind::commitment) continue;
    const Index p = g.index(nbrs[k]);
    if (!active[p]) continue;
    const double h = reg.partnerships[p].commitments[info[k].slot].hours;
    // Rows list partnerships in register order, so a repeated partnership is adjacent.
    if (!hours.empty() && hours.back().first == p) hours.back().second += h;
    else hours.emplace_back(p, h);
  }
  return hours;
}

std::vector<char> active_on(const Register& reg, Date day) {
  std::vector<char> active(reg.partnerships.size());
  for (std::size_t i = 0; i < active.size(); ++i) active[i] = reg.partnerships[i].active_on(day);
  return active;
}

double total(const std::vector<std::pair<Index, double>>& hours) {
  double sum = 0;
  for (const auto& [p, h] : hours) sum += h;
  return sum;
}

UnitLoad unit_load(const Graph& g, Index unit, const std::vector<char>& active, const LoadThresholds& limits) {
  UnitLoad load;
  load.unit = unit;
  load.capacity_hours = g.reg().business_units[unit].capacity_hours;
  auto hours = unit_hours(g, unit, active);
  load.committed_hours = total(hours);
  load.utilisation = utilisation(load.committed_hours, load.capacity_hours);
  load.status = load_status(load.committed_hours, load.capacity_hours, limits);
  std::stable_sort(hours.begin(), hours.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  load.partnerships.reserve(hours.size());
  for (const auto& [p, h] : hours) load.partnerships.push_back(p);
  return load;
}

std::vector<OfficerLoad> officer_loads(const Register& reg, const std::vector<char>& active) {
  // An officer is known by name within a unit: the same title in two units is two people.
  std::map<std::pair<Index, std::string>, std::size_t> slot;
  std::vector<OfficerLoad> out;
  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    if (!active[p]) continue;
    for (const Commitment& c : reg.partnerships[p].commitments) {
      if (c.officer.empty()) continue;
      auto [it, fresh] = slot.try_emplace({c.unit, c.officer}, out.size());
      if (fresh) out.push_back({c.officer, c.unit, 0, {}});
      OfficerLoad& o = out[it->second];
      o.committed_hours += c.hours;
      if (o.partnerships.empty() || o.partnerships.back() != p) o.partnerships.push_back(p);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const OfficerLoad& a, const OfficerLoad& b) {
    if (a.committed_hours != b.committed_hours) return a.committed_hours > b.committed_hours;
    return a.officer < b.officer;
  });
  return out;
}

Date first_of_month(Date d) {
  YearMonthDay c = to_civil(d);
  c.day = 1;
  return from_civil(c);
}

}  // namespace

Capacity compute_capacity(const Graph& g, Date at, int months) {
  const Register& reg = g.reg();
  Capacity c;
  c.at = at;
  c.thresholds = load_thresholds(reg.policy);
  const std::vector<char> now = active_on(reg, at);
  c.units.reserve(reg.business_units.size());
  for (Index u = 0; u < reg.business_units.size(); ++u) c.units.push_back(unit_load(g, u, now, c.thresholds));
  c.officers = officer_loads(reg, now);

  months = std::max(months, 0);
  // The calendar ends with 9999 (dates are written YYYY-MM-DD): a forecast stops there.
  for (int k = 0; k <= months; ++k) {
    const Date day = add_months(at, k);
    if (k > 0 && to_civil(day).year > kLastYear) break;
    c.months.push_back(day);
  }
  c.forecast.assign(reg.business_units.size(), std::vector<double>(c.months.size()));
  c.forecast_hours.assign(reg.business_units.size(), std::vector<double>(c.months.size()));
  std::vector<std::vector<char>> active(c.months.size());
  for (std::size_t k = 0; k < c.months.size(); ++k) active[k] = k == 0 ? now : active_on(reg, c.months[k]);

  for (Index u = 0; u < reg.business_units.size(); ++u) {
    const double capacity = reg.business_units[u].capacity_hours;
    for (std::size_t k = 0; k < c.months.size(); ++k) {
      const double hours = k == 0 ? c.units[u].committed_hours : total(unit_hours(g, u, active[k]));
      c.forecast_hours[u][k] = hours;
      c.forecast[u][k] = utilisation(hours, capacity);
      if (k == 0) continue;
      const LoadStatus from = load_status(c.forecast_hours[u][k - 1], capacity, c.thresholds);
      const LoadStatus to = load_status(hours, capacity, c.thresholds);
      if (from == to) continue;
      CapacityChange change;
      change.unit = u;
      change.on = c.months[k];
      change.month = first_of_month(c.months[k]);
      change.from = from;
      change.to = to;
      change.before = c.forecast[u][k - 1];
      change.after = c.forecast[u][k];
      // The partnerships of this unit that switch on or off between the two dates explain the change.
      const auto nbrs = g.neighbours(g.unit(u));
      const auto info = g.edge_info(g.unit(u));
      for (std::size_t e = 0; e < nbrs.size(); ++e) {
        if (info[e].kind != EdgeKind::commitment) continue;
        const Index p = g.index(nbrs[e]);
        if (active[k][p] == active[k - 1][p]) continue;
        auto& list = active[k][p] ? change.starting : change.ending;
        if (list.empty() || list.back() != p) list.push_back(p);
      }
      c.changes.push_back(std::move(change));
    }
  }
  std::stable_sort(c.changes.begin(), c.changes.end(),
                   [](const CapacityChange& a, const CapacityChange& b) { return a.on < b.on; });
  return c;
}

}  // namespace partnermap
