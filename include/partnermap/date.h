// A calendar day, held as a count of days since 1970-01-01 so that dates compare and subtract as
// integers. Only the proleptic Gregorian calendar of ISO 8601 is supported, years 1000 to 9999:
// a register's dates are council business, not history.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace partnermap {

struct Date {
  int days = 0;  // since 1970-01-01

  friend auto operator<=>(Date, Date) = default;
  friend bool operator==(Date, Date) = default;
};

struct YearMonthDay {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

Date from_civil(YearMonthDay ymd);
YearMonthDay to_civil(Date d);
int days_in_month(int year, int month);

// Parses exactly `YYYY-MM-DD`; none when the text is not that shape or the day does not exist.
std::optional<Date> parse_iso_date(std::string_view text);
// Why `text` is not a date, in words an officer can act on; empty when it is one.
std::string iso_date_problem(std::string_view text);
std::string to_iso(Date d);
// The same day `months` months later (clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb).
Date add_months(Date d, int months);

}  // namespace partnermap
