#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.h"

using namespace partnermap::test;

TEST_CASE("analyse --json holds every part under docs/design.md's keys", "[cli][analyse]") {
  const Run r = run_partnermap("analyse --json '" + carlisle() + "'");
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  for (const char* key : {"summary", "capacity", "roles", "links", "network", "review"}) CHECK(doc.contains(key));
  CHECK(doc["summary"]["at"] == "2004-09-01");
  CHECK(doc["summary"]["organisations"] == 53);
  CHECK(doc["summary"]["units_overloaded"] == 3);
  CHECK(doc["summary"]["units_stretched"] == 1);
  // The named fields other tools read.
  const auto& unit = doc["capacity"]["units"][0];
  for (const char* key : {"id", "capacity_hours", "committed_hours", "utilisation", "status"}) CHECK(unit.contains(key));
  const auto& org = doc["network"]["organisations"][0];
  for (const char* key : {"partnerships", "co_members", "strength", "betweenness", "component"}) CHECK(org.contains(key));
  const auto& link = doc["links"]["units"][0];
  for (const char* key : {"a", "b", "shared"}) CHECK(link.contains(key));
  CHECK(r.err.empty());  // no progress line into a JSON consumer
}

TEST_CASE("analyse on a terminal gives the headline of each part", "[cli][analyse]") {
  const Run r = run_partnermap("analyse '" + carlisle() + "'");
  REQUIRE(r.status == 0);
  for (const char* part : {"Capacity: over capacity: Strategic & Performance Services", "Roles:", "Links:", "Network:",
                           "Review: score"})
    CHECK_THAT(r.out, Catch::Contains(part));
}

TEST_CASE("analyse --at moves every figure to that date", "[cli][analyse]") {
  const Run r = run_partnermap("analyse --json --at 2006-04-01 '" + carlisle() + "'");
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["summary"]["at"] == "2006-04-01");
  CHECK(doc["capacity"]["at"] == "2006-04-01");
  CHECK(doc["summary"]["as_of"] == "2004-09-01");
}

TEST_CASE("analyse refuses a date that does not exist", "[cli][analyse]") {
  const Run r = run_partnermap("analyse --at 2005-02-29 '" + carlisle() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("2005-02 has 28 days"));
}
