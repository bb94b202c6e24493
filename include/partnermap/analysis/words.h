// Dates, numbers and lists as an officer reads them in findings and tables: "1 September 2004",
// "116%", "3 partnerships". The one place where figures become words: every command and every
// format calls these, so that a figure reads the same in the terminal, in JSON reasons, in the
// matrix, the diagrams and the members' briefing.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "partnermap/date.h"

namespace partnermap {

std::string long_date(Date d);    // "1 September 2004"
std::string month_year(Date d);   // "September 2004"
std::string short_month(Date d);  // "Sep"
// Hours without a needless ".0": "12", "12.5".
std::string format_hours(double hours);
// A share as a whole percentage, halves rounded away from zero, once: 1.125 -> "113%", 0.625 ->
// "63%", 0.425 -> "43%" (a half in decimal counts as a half, whatever binary makes of it). Beyond
// a million per cent (a capacity recorded as a tiny fraction of an hour) "over 1,000,000%".
std::string percent(double share);
// The whole percentage `percent` prints, for colouring and comparing in step with the words.
long long percent_points(double share);
// A unit whose capacity is not recorded: its status in words, and what stands where its
// utilisation would.
inline constexpr const char* kCapacityNotRecorded = "capacity not recorded";
inline constexpr const char* kNotRecorded = "not recorded";
// A utilisation: percent() when finite, else "not recorded" (no capacity to divide by).
std::string utilisation_text(double utilisation);
// The same for a unit: "not recorded" whenever its capacity is not (absent or 0), whatever is committed.
std::string utilisation_text(double utilisation, double capacity_hours);
// Whole numbers with thousands separators: 1234.4 -> "1,234".
std::string thousands(double value);
// Pounds with thousands separators: 65000 -> "£65,000".
std::string pounds(double amount);
// "1 partnership", "3 partnerships".
std::string count_of(std::size_t n, const std::string& one, const std::string& many);
// "a", "a and b", "a, b and c".
std::string join_words(const std::vector<std::string>& items);

}  // namespace partnermap
