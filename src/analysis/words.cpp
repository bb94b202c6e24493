#include "partnermap/analysis/words.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace partnermap {

namespace {
constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
}  // namespace

std::string long_date(Date d) {
  const YearMonthDay c = to_civil(d);
  return std::to_string(c.day) + " " + kMonths[c.month - 1] + " " + std::to_string(c.year);
}

std::string month_year(Date d) {
  const YearMonthDay c = to_civil(d);
  return std::string(kMonths[c.month - 1]) + " " + std::to_string(c.year);
}

std::string short_month(Date d) { return std::string(kMonths[to_civil(d).month - 1]).substr(0, 3); }

std::string format_hours(double hours) {
  char buf[32];
  if (std::abs(hours - std::round(hours)) < 0.005) std::snprintf(buf, sizeof buf, "%.0f", hours);
  else std::snprintf(buf, sizeof buf, "%.1f", hours);
  return buf;
}

namespace {

constexpr double kMostPoints = 1e6;  // beyond this a percentage says "over" rather than 31 digits

std::string grouped(long long whole) {
  const std::string digits = std::to_string(whole < 0 ? -whole : whole);
  // Built forwards rather than by insert(), which GCC 12 misreports under -Wrestrict.
  std::string out = whole < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Rounded half away from zero, within what a long long holds.
long long whole_of(double value) {
  if (!std::isfinite(value)) return 0;
  value = std::clamp(value, -9e15, 9e15);
  return std::llround(value);
}

}  // namespace

long long percent_points(double share) {
  if (std::isnan(share)) return 0;
  const double v = std::clamp(share * 100, -kMostPoints * 10, kMostPoints * 10);
  // 0.425 * 100 is 42.49999999999999 in binary: a nudge far below a printed digit makes a decimal half
  // a half again, and llround takes halves away from zero.
  return whole_of(v + std::copysign(1e-9 * std::max(1.0, std::fabs(v)), v));
}

std::string percent(double share) {
  if (std::isnan(share)) return kNotRecorded;
  const long long points = percent_points(share);
  if (points > kMostPoints) return "over " + grouped(static_cast<long long>(kMostPoints)) + "%";
  if (points < -kMostPoints) return "under -" + grouped(static_cast<long long>(kMostPoints)) + "%";
  return grouped(points) + "%";
}

std::string utilisation_text(double utilisation) {
  return std::isfinite(utilisation) ? percent(utilisation) : kNotRecorded;
}

std::string utilisation_text(double utilisation, double capacity_hours) {
  return capacity_hours > 0 ? utilisation_text(utilisation) : kNotRecorded;
}

std::string thousands(double value) { return grouped(whole_of(value)); }

std::string pounds(double amount) {
  const long long whole = whole_of(amount);
  return (whole < 0 ? "-£" : "£") + grouped(whole < 0 ? -whole : whole);
}

std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string join_words(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace partnermap
