// Reading one cell's value as the register wants it: a date, an amount of money, a count, hours,
// a tick, one word of a list. Each returns the value, or a message saying what is wrong and what to
// write instead (the caller adds the sheet, row and column).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "partnermap/import.h"
#include "partnermap/model.h"

namespace partnermap::import {

// A value, or why the cell cannot be read.
template <class T>
struct Read {
  std::optional<T> value;
  std::string problem;  // empty when value is set
  std::string note;     // with a value: how it was read, when the officer should know ("April 2016")
  static Read ok(T v) { return {std::move(v), {}, {}}; }
  static Read ok(T v, std::string note) { return {std::move(v), {}, std::move(note)}; }
  static Read bad(std::string why) { return {std::nullopt, std::move(why), {}}; }
};

// A date from ISO text (2005-12-31), UK order (31/12/2005, 31-12-2005, 31.12.2005), words
// (31 December 2005, 31 Dec 2005), a cell the workbook typed as a date, or a spreadsheet serial
// (a number: days in Excel's 1900 system, or 1904 when the workbook says so) that falls between
// 1950 and 2099. A month and year (April 2016, 04/2016) is the first of the month, with a note; a
// bare year is refused, since the day it stands for is not known.
Read<Date> read_date(const SheetCell& cell, bool date1904);
// The same for text alone (a date in a proposal file).
Read<Date> read_date_text(std::string_view text);
// A serial day count of Excel's 1900 system (which counts a 29 February 1900 that never was).
std::optional<Date> from_serial(double serial, bool date1904);

// Pounds: 85000, 85,000, £85,000.00; not negative.
Read<double> read_money(const SheetCell& cell);
// Hours a month: 12, 12.5, 12h, 12hrs, "12 hours", "12 hrs/month", "12 hours a month"; not negative.
// Hours a week or a year are refused with the figure a month they come to.
Read<double> read_hours(std::string_view text);
Read<double> read_hours(const SheetCell& cell);
// A whole number of at least 0 (posts, survey responses).
Read<int> read_count(const SheetCell& cell);

// Whether a theme column's cell marks the theme: ✓ ✔ ☑ x yes y true 1 mark it; empty, no, n, false,
// 0 do not; anything else is a problem.
Read<bool> read_tick(const SheetCell& cell);
// Only the tick characters themselves (✓ ✔ ☑): how a column with no known heading shows that it
// is a theme.
bool is_tick_mark(std::string_view text);

Read<Nature> read_nature(std::string_view text);
// The council's role: lead, support or observer; "not a member" (or none, n/a, -) is an empty
// optional inside the value.
Read<std::optional<Role>> read_council_role(std::string_view text);
Read<Stage> read_stage(std::string_view text);
Read<ExitStrategy> read_exit(std::string_view text);
Read<Risk> read_risk(std::string_view text);

// A partner as a Partners cell lists it: "Cumbria Constabulary", or with its role in brackets:
// "Government Office (observer)", "Cumbria CVS (co-lead)". Joint and co-leads are leads; brackets
// that are not a role ("St Martin's College (Carlisle campus)") are part of the name.
struct NamedMember {
  std::string name;
  Role role = Role::support;
  bool role_given = false;  // written in brackets, not taken as support
};
NamedMember read_member(const std::string& item);

// A Business Unit's time as a cell lists it: "Housing: 20", "Housing Services 20", optionally with
// "hours" and the officer in brackets: "Housing: 20 hours (Community Safety Officer)".
struct UnitTime {
  std::string unit;
  double hours = 0;
  std::string officer;
};
Read<UnitTime> read_unit_time(const std::string& item);

}  // namespace partnermap::import
