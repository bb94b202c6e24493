#include "partnermap/analysis/words.h"

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

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", share * 100);
  return buf;
}

std::string pounds(double amount) {
  const long long whole = std::llround(amount);
  const std::string digits = std::to_string(whole < 0 ? -whole : whole);
  // Built forwards rather than by insert(), which GCC 12 misreports under -Wrestrict.
  std::string out = whole < 0 ? "-£" : "£";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
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
