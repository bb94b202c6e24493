#include "partnermap/date.h"

#include <cstdio>

namespace partnermap {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the whole Gregorian range.
Date from_civil(YearMonthDay ymd) {
  int y = ymd.year - (ymd.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(ymd.month + (ymd.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(ymd.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

YearMonthDay to_civil(Date d) {
  const int z = d.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {y + (month <= 2 ? 1 : 0), static_cast<int>(month), static_cast<int>(day)};
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string iso_date_problem(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4)) ||
      !digits(text.substr(5, 2)) || !digits(text.substr(8, 2)))
    return "is not a date in the form YYYY-MM-DD (for example 2004-09-01)";
  const int y = to_int(text.substr(0, 4));
  const int m = to_int(text.substr(5, 2));
  const int d = to_int(text.substr(8, 2));
  if (y < 1000) return "has a year before 1000; write the full four-digit year";
  if (m < 1 || m > 12) return "has no month " + std::to_string(m) + " (months run 01 to 12)";
  if (d < 1 || d > days_in_month(y, m))
    return "is not a day of the calendar (" + std::string(text.substr(0, 7)) + " has " +
           std::to_string(days_in_month(y, m)) + " days)";
  return {};
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (!iso_date_problem(text).empty()) return std::nullopt;
  return from_civil(
      {to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), to_int(text.substr(8, 2))});
}

std::string to_iso(Date d) {
  const YearMonthDay c = to_civil(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

Date add_months(Date d, int months) {
  YearMonthDay c = to_civil(d);
  int index = c.year * 12 + (c.month - 1) + months;
  c.year = index / 12;
  c.month = index % 12 + 1;
  if (c.day > days_in_month(c.year, c.month)) c.day = days_in_month(c.year, c.month);
  return from_civil(c);
}

}  // namespace partnermap
