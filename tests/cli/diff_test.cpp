#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.h"

using namespace partnermap::test;

TEST_CASE("diff of a register with itself says nothing changed", "[cli][diff]") {
  const Run r = run_partnermap("diff '" + carlisle() + "' '" + carlisle() + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("Nothing has changed."));
}

TEST_CASE("diff prints changes, JSON and a committee page", "[cli][diff]") {
  TempDir dir;
  std::string text = read_text(carlisle());
  const auto at = text.find("\"as_of\": \"2004-09-01\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 21, "\"as_of\": \"2005-03-01\"");
  write_text(dir / "later.json", text);
  const std::string args = "'" + carlisle() + "' '" + (dir / "later.json").string() + "'";
  const Run r = run_partnermap("diff " + args + " --html '" + (dir / "changes.html").string() + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("Partnerships that have started") && Catch::Contains("Effect on Business Units"));
  CHECK(run_command("xmllint --html --noout '" + (dir / "changes.html").string() + "'").status == 0);
  const Run j = run_partnermap("diff --json " + args);
  CHECK(j.status == 0);
  const auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["new_as_of"] == "2005-03-01");
  CHECK_FALSE(doc["started"].empty());
}

TEST_CASE("diff with a broken register exits 2 and writes no page", "[cli][diff]") {
  TempDir dir;
  const Run r = run_partnermap("diff '" + carlisle() + "' '" + data_file("bad/missing-org.json") + "' --html '" +
                               (dir / "changes.html").string() + "'");
  CHECK(r.status == 2);
  CHECK_FALSE(std::filesystem::exists(dir / "changes.html"));
}
