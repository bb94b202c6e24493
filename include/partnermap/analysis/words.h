// Dates, numbers and lists as an officer reads them in findings and tables: "1 September 2004",
// "116%", "3 partnerships". The analyses write their reasons in these words so that a finding reads
// the same in the terminal, in JSON and in the members' briefing.
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
// A share as a whole percentage, rounded: 1.157 -> "116%".
std::string percent(double share);
// Pounds with thousands separators: 65000 -> "£65,000".
std::string pounds(double amount);
// "1 partnership", "3 partnerships".
std::string count_of(std::size_t n, const std::string& one, const std::string& many);
// "a", "a and b", "a, b and c".
std::string join_words(const std::vector<std::string>& items);

}  // namespace partnermap
