#include <catch2/catch.hpp>

#include "import/values.h"

using namespace partnermap;
using namespace partnermap::import;

namespace {
SheetCell text(const std::string& t) { return SheetCell{t, std::nullopt, std::nullopt}; }
SheetCell number(double v) { return SheetCell{std::to_string(v), v, std::nullopt}; }
std::string iso(const Read<Date>& d) { return d.value ? to_iso(*d.value) : "problem: " + d.problem; }
}  // namespace

TEST_CASE("import values: dates in UK order, ISO, words and spreadsheet serials", "[import]") {
  CHECK(iso(read_date(text("31/12/2005"), false)) == "2005-12-31");
  CHECK(iso(read_date(text("1/4/1999"), false)) == "1999-04-01");
  CHECK(iso(read_date(text("31-12-2005"), false)) == "2005-12-31");
  CHECK(iso(read_date(text("31.12.2005"), false)) == "2005-12-31");
  CHECK(iso(read_date(text("2005-12-31"), false)) == "2005-12-31");
  CHECK(iso(read_date(text("2005-12-31T00:00:00"), false)) == "2005-12-31");
  CHECK(iso(read_date(text("31 December 2005"), false)) == "2005-12-31");
  CHECK(iso(read_date(text("1 Sep 2004"), false)) == "2004-09-01");
  // Excel's 1900 system: 38717 is 31 December 2005; 1 is 1 January 1900; 61 is 1 March 1900.
  CHECK(iso(read_date(number(38717), false)) == "2005-12-31");
  CHECK(iso(read_date(text("38717"), false)) == "2005-12-31");
  CHECK(iso(read_date(number(38717.75), false)) == "2005-12-31");
  CHECK(to_iso(*from_serial(1, false)) == "1900-01-01");
  CHECK(to_iso(*from_serial(59, false)) == "1900-02-28");
  CHECK(to_iso(*from_serial(61, false)) == "1900-03-01");
  CHECK_FALSE(from_serial(60, false));  // 29 February 1900 never was
  CHECK(to_iso(*from_serial(0, true)) == "1904-01-01");
  CHECK(iso(read_date(number(37255), true)) == "2005-12-31");
  SheetCell typed = text("whatever");
  typed.date = from_civil({2004, 3, 15});
  CHECK(iso(read_date(typed, false)) == "2004-03-15");
}

TEST_CASE("import values: a US-order date is refused, saying why", "[import]") {
  const Read<Date> d = read_date(text("12/31/2005"), false);
  REQUIRE_FALSE(d.value);
  CHECK(d.problem == "\"12/31/2005\" is not a date: there is no month 31; dates are read day/month/year (UK order), so "
                     "write 31/12/2005 for 31 December 2005 (or 2005-12-31)");
}

TEST_CASE("import values: other dates that cannot be read", "[import]") {
  CHECK_THAT(read_date(text("31/02/2005"), false).problem, Catch::Contains("February 2005 has no day 31"));
  CHECK_THAT(read_date(text("31/12/05"), false).problem, Catch::Contains("write the year in full"));
  CHECK_THAT(read_date(text("2005-13-01"), false).problem, Catch::Contains("2005-13-01"));
  CHECK_THAT(read_date(text("soon"), false).problem, Catch::Contains("\"soon\" is not a date; write it as day/month/year"));
  CHECK_THAT(read_date(number(-5), false).problem, Catch::Contains("out of range"));
  CHECK_THAT(read_date(text("13/13/2005"), false).problem, Catch::Contains("there is no month 13"));
}

TEST_CASE("import values: money with a pound sign and separators", "[import]") {
  CHECK(*read_money(text("\xC2\xA3" "85,000")).value == 85000);
  CHECK(*read_money(text("85000.50")).value == 85000.5);
  CHECK(*read_money(text("GBP 1,000")).value == 1000);
  CHECK(*read_money(number(25000)).value == 25000);
  CHECK_THAT(read_money(text("about 5k")).problem, Catch::Contains("\"about 5k\" is not an amount of money"));
  CHECK_THAT(read_money(text("-5")).problem, Catch::Contains("negative"));
  CHECK_THAT(read_money(number(-5)).problem, Catch::Contains("0 or more"));
}

TEST_CASE("import values: hours as a number, not as words", "[import]") {
  CHECK(*read_hours("20").value == 20);
  CHECK(*read_hours("12.5 hours").value == 12.5);
  CHECK(*read_hours("8 hrs").value == 8);
  CHECK(read_hours("twenty").problem == "\"twenty\" is not a number of hours: write the hours a month as a number, such as 20");
  CHECK_THAT(read_hours("-3").problem, Catch::Contains("negative"));
}

TEST_CASE("import values: counts are whole numbers", "[import]") {
  CHECK(*read_count(text("3")).value == 3);
  CHECK(*read_count(number(5)).value == 5);
  CHECK_THAT(read_count(text("2.5")).problem, Catch::Contains("whole number"));
  CHECK_THAT(read_count(text("some")).problem, Catch::Contains("not a number"));
}

TEST_CASE("import values: ticks", "[import]") {
  for (const char* yes : {"\xE2\x9C\x93", "\xE2\x9C\x94", "x", "X", "yes", "Y", "TRUE", "1"}) CHECK(*read_tick(text(yes)).value);
  for (const char* no : {"", "no", "0", "false", "-"}) CHECK_FALSE(*read_tick(text(no)).value);
  CHECK_THAT(read_tick(text("maybe")).problem, Catch::Contains("is not a tick"));
  CHECK(is_tick_mark(" \xE2\x9C\x93 "));
  CHECK_FALSE(is_tick_mark("x"));
}

TEST_CASE("import values: words with did-you-mean", "[import]") {
  CHECK(*read_nature("Strategic").value == Nature::strategic);
  CHECK(*read_nature("funding partnership").value == Nature::funding);
  CHECK(read_nature("stratgic").problem ==
        "\"stratgic\" is not a nature (did you mean \"strategic\"?); the natures are strategic, operational, funding and project");
  CHECK(*read_council_role("Lead").value == std::optional<Role>(Role::lead));
  CHECK(*read_council_role("supporting").value == std::optional<Role>(Role::support));
  CHECK(*read_council_role("not a member").value == std::optional<Role>());
  CHECK_THAT(read_council_role("leed").problem, Catch::Contains("did you mean \"lead\"?"));
  CHECK(*read_stage("Exit").value == Stage::exiting);
  CHECK_THAT(read_stage("runing").problem, Catch::Contains("did you mean \"running\"?"));
  CHECK(*read_exit("mainstream").value == ExitStrategy::mainstreaming);
  CHECK_THAT(read_exit("sucession").problem, Catch::Contains("did you mean \"succession\"?"));
  CHECK(*read_risk("Amber").value == Risk::medium);
  CHECK_THAT(read_risk("hgh").problem, Catch::Contains("did you mean \"high\"?"));
}

TEST_CASE("import values: partners with a role in brackets", "[import]") {
  const NamedMember gonw = read_member("Government Office for the North West (observer)");
  CHECK(gonw.name == "Government Office for the North West");
  CHECK(gonw.role == Role::observer);
  const NamedMember college = read_member("St Martin's College (Carlisle campus)");
  CHECK(college.name == "St Martin's College (Carlisle campus)");
  CHECK(college.role == Role::support);
  CHECK(read_member("Cumbria County Council (Lead)").role == Role::lead);
}

TEST_CASE("import values: a unit's hours, with or without a colon and an officer", "[import]") {
  const auto a = read_unit_time("Housing: 20");
  CHECK(a.value->unit == "Housing");
  CHECK(a.value->hours == 20);
  const auto b = read_unit_time("Strategic & Performance Services 70");
  CHECK(b.value->unit == "Strategic & Performance Services");
  CHECK(b.value->hours == 70);
  const auto c = read_unit_time("Community Services: 24 (Community Safety Co-ordinator)");
  CHECK(c.value->unit == "Community Services");
  CHECK(c.value->hours == 24);
  CHECK(c.value->officer == "Community Safety Co-ordinator");
  const auto d = read_unit_time("Culture (Leisure): 5 hours");
  CHECK(d.value->unit == "Culture (Leisure)");
  CHECK(d.value->hours == 5);
  CHECK(read_unit_time("Housing: twenty").problem ==
        "\"twenty\" is not a number of hours: write the hours a month as a number, such as 20 (for \"Housing\")");
  CHECK(read_unit_time("Housing").problem == "no hours for \"Housing\": write the unit's hours a month after a colon, such as \"Housing: 20\"");
  CHECK_THAT(read_unit_time("Housing:").problem, Catch::Contains("no hours for \"Housing\""));
  CHECK_THAT(read_unit_time(": 4").problem, Catch::Contains("names no Business Unit"));
}

TEST_CASE("import values: hours written with their unit", "[import]") {
  for (const char* t : {"30", "30h", "30hrs", "30 hours", "30 hrs/month", "30 hours a month", "30 hrs per month", "30 Hrs",
                        "30 hours pm", "30/month"})
    CHECK(read_hours(std::string(t)).value == std::optional<double>(30));
  CHECK(read_hours("12.5 hrs").value == std::optional<double>(12.5));
  CHECK(read_hours("30 hours a week").problem ==
        "\"30 hours a week\" is hours a week: the register holds hours a month; write 130 (30 a week for 52 weeks, over 12 months)");
  CHECK(read_hours("120 hrs a year").problem == "\"120 hrs a year\" is hours a year: the register holds hours a month; write 10");
  CHECK(read_hours("30 minutes").problem ==
        "\"30 minutes\" is not a number of hours: write the hours a month as a number, such as 20");
  const auto u = read_unit_time("Planning 6h");
  REQUIRE(u.value);
  CHECK(u.value->unit == "Planning");
  CHECK(u.value->hours == 6);
  const auto v = read_unit_time("Regeneration: 20 hrs/month (Regeneration Officer)");
  REQUIRE(v.value);
  CHECK(v.value->hours == 20);
  CHECK(v.value->officer == "Regeneration Officer");
  const auto w = read_unit_time("Team 2 12 hours");
  REQUIRE(w.value);
  CHECK(w.value->unit == "Team 2");
  CHECK(w.value->hours == 12);
}

TEST_CASE("import values: roles in brackets, joint and co-leads as leads", "[import]") {
  for (const char* t : {"Kestrel Homes (joint lead)", "Kestrel Homes (co-lead)", "Kestrel Homes (Co Lead)", "Kestrel Homes (lead)",
                        "Kestrel Homes (joint lead partner)"}) {
    const NamedMember m = read_member(t);
    CHECK(m.name == "Kestrel Homes");
    CHECK(m.role == Role::lead);
    CHECK(m.role_given);
  }
  CHECK(read_member("Youth Trust (Observer)").role == Role::observer);
  CHECK(read_member("Youth Trust (support)").role == Role::support);
  CHECK_FALSE(read_member("Youth Trust").role_given);
  CHECK(read_member("Cumbria County Council (Social Services)").name == "Cumbria County Council (Social Services)");
}

TEST_CASE("import values: a bare year, an implausible serial and a month and year", "[import]") {
  CHECK(read_date(text("2016"), false).problem ==
        "\"2016\" is a year, not a date: write the day it stands for as day/month/year (1/4/2016), as 2016-04-01 or as 1 April 2016 (or April 2016 for a month)");
  CHECK(read_date(SheetCell{"2016", 2016.0, std::nullopt}, false).problem ==
        "\"2016\" is a year, not a date: write the day it stands for as day/month/year (1/4/2016), as 2016-04-01 or as 1 April 2016 (or April 2016 for a month)");
  CHECK(read_date(SheetCell{"5000", 5000.0, std::nullopt}, false).problem ==
        "\"5000\" is not a date partnermap can be sure of: as a spreadsheet date number it is 8 September 1913, outside "
        "1950 to 2099; write it as day/month/year (31/12/2005), as 2005-12-31 or as 31 December 2005");
  CHECK_THAT(read_date(number(80000), false).problem, Catch::Contains("outside 1950 to 2099"));
  const Read<Date> april = read_date(text("April 2016"), false);
  CHECK(iso(april) == "2016-04-01");
  CHECK(april.note == "\"April 2016\" gives no day, so it is read as 1 April 2016, the first of the month; write the day if it is another");
  CHECK(iso(read_date(text("Sept 2015"), false)) == "2015-09-01");
  CHECK(iso(read_date(text("04/2016"), false)) == "2016-04-01");
  CHECK(iso(read_date(text("2016-04"), false)) == "2016-04-01");
  CHECK(iso(read_date(text("1st June 2012"), false)) == "2012-06-01");
  CHECK(iso(read_date(text("1 April, 2016"), false)) == "2016-04-01");
  CHECK(read_date(text("31/12/2005"), false).note.empty());
  // The 1904 date system counts from its day 0, 1 January 1904.
  CHECK(to_iso(*from_serial(0, true)) == "1904-01-01");
  CHECK(iso(read_date(number(40000), true)) == "2013-07-07");
  CHECK(iso(read_date_text("31/12/2005")) == "2005-12-31");
}

TEST_CASE("import values: status words officers use read as stages", "[import]") {
  CHECK(*read_stage("Active").value == Stage::running);
  CHECK(*read_stage("Under review").value == Stage::evaluating);
  CHECK(*read_stage("Proposed").value == Stage::deciding);
  CHECK(*read_stage("Winding down").value == Stage::exiting);
}

TEST_CASE("import values: an officer's estimate of hours is the figure; a range is not", "[import]") {
  for (const char* t : {"c. 30", "~30", "about 30", "approx 30 hours", "30 (approx)", "30 hrs (estimate)"})
    CHECK(read_hours(std::string(t)).value == std::optional<double>(30));
  CHECK(read_hours("30-40").problem == "\"30-40\" is a range: write one figure for the hours a month, such as the middle of it");
  CHECK(read_hours("TBC").problem == "\"TBC\" is not a number of hours: write the hours a month as a number, such as 20");
  CHECK(*read_council_role("Joint lead").value == std::optional<Role>(Role::lead));
  CHECK(*read_council_role("co-lead").value == std::optional<Role>(Role::lead));
}
