#include <catch2/catch.hpp>

#include "partnermap/date.h"

using namespace partnermap;

TEST_CASE("dates count days from 1970 and round-trip through the civil calendar", "[date]") {
  CHECK(from_civil({1970, 1, 1}).days == 0);
  CHECK(from_civil({2004, 9, 1}).days - from_civil({2004, 8, 31}).days == 1);
  CHECK(from_civil({2005, 3, 1}).days - from_civil({2004, 3, 1}).days == 365);
  CHECK(from_civil({2004, 3, 1}).days - from_civil({2003, 3, 1}).days == 366);
  for (int days : {-200000, -1, 0, 12662, 2932896}) {
    const YearMonthDay c = to_civil(Date{days});
    CHECK(from_civil(c).days == days);
  }
}

TEST_CASE("days_in_month knows leap years", "[date]") {
  CHECK(days_in_month(2004, 2) == 29);
  CHECK(days_in_month(2005, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2004, 4) == 30);
  CHECK(days_in_month(2004, 12) == 31);
}

TEST_CASE("parse_iso_date accepts exactly YYYY-MM-DD for a real day", "[date]") {
  CHECK(parse_iso_date("2004-09-01") == from_civil({2004, 9, 1}));
  CHECK(parse_iso_date("2004-02-29"));
  CHECK_FALSE(parse_iso_date("2005-02-29"));
  CHECK_FALSE(parse_iso_date("2004-13-01"));
  CHECK_FALSE(parse_iso_date("2004-00-10"));
  CHECK_FALSE(parse_iso_date("2004-9-1"));
  CHECK_FALSE(parse_iso_date("01/09/2004"));
  CHECK_FALSE(parse_iso_date("2004-09-01T00:00"));
  CHECK_FALSE(parse_iso_date(""));
  CHECK_FALSE(parse_iso_date("0999-01-01"));
}

TEST_CASE("iso_date_problem explains what is wrong in plain words", "[date]") {
  CHECK(iso_date_problem("2004-09-01").empty());
  CHECK_THAT(iso_date_problem("1/9/2004"), Catch::Contains("YYYY-MM-DD"));
  CHECK_THAT(iso_date_problem("2004-02-30"), Catch::Contains("2004-02 has 29 days"));
  CHECK_THAT(iso_date_problem("2004-14-01"), Catch::Contains("no month 14"));
  CHECK_THAT(iso_date_problem("0204-01-01"), Catch::Contains("four-digit year"));
}

TEST_CASE("to_iso writes what parse_iso_date reads", "[date]") {
  CHECK(to_iso(from_civil({2004, 9, 1})) == "2004-09-01");
  CHECK(to_iso(*parse_iso_date("1999-12-31")) == "1999-12-31");
}

TEST_CASE("add_months clamps to the end of a shorter month", "[date]") {
  CHECK(to_iso(add_months(*parse_iso_date("2004-01-31"), 1)) == "2004-02-29");
  CHECK(to_iso(add_months(*parse_iso_date("2005-01-31"), 1)) == "2005-02-28");
  CHECK(to_iso(add_months(*parse_iso_date("2004-09-01"), 12)) == "2005-09-01");
  CHECK(to_iso(add_months(*parse_iso_date("2004-11-15"), 3)) == "2005-02-15");
  CHECK(to_iso(add_months(*parse_iso_date("2004-03-15"), -3)) == "2003-12-15");
}
