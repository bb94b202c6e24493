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
  const std::string args = shell_quote(carlisle()) + " " + shell_quote((dir / "later.json").string());
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

namespace {

// The small survey register with `edit` applied to its text.
std::string edited(const std::string& from, const std::string& to) {
  std::string text = read_text(data_file("survey/register.json"));
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("diff compares order-free lists as sets", "[cli][diff]") {
  TempDir dir;
  const std::string cell = "\"themes\": [\"safer\"], \"start\": \"2003-04-01\",\n     \"indicators\": [\"Crimes reported\"]";
  write_text(dir / "a.json", edited(cell, "\"themes\": [\"safer\", \"health\"], \"start\": \"2003-04-01\", \"indicators\": [\"A\", \"B\"]"));
  write_text(dir / "b.json", edited(cell, "\"themes\": [\"health\", \"safer\"], \"start\": \"2003-04-01\", \"indicators\": [\"B\", \"A\"]"));
  const Run r = run_partnermap("diff --json '" + (dir / "a.json").string() + "' '" + (dir / "b.json").string() + "'");
  REQUIRE(r.status == 0);
  const auto d = nlohmann::json::parse(r.out);
  CHECK(d["changed"].empty());
  CHECK(d["warnings"].empty());
}

TEST_CASE("diff reports a partnership renamed with its id as renamed", "[cli][diff]") {
  TempDir dir;
  write_text(dir / "a.json", read_text(data_file("survey/register.json")));
  write_text(dir / "b.json", edited("\"id\": \"csp\", \"name\": \"Community Safety Partnership\"",
                                    "\"id\": \"community-safety-partnership-board\", \"name\": \"Community Safety Partnership Board\""));
  const Run r = run_partnermap("diff --json '" + (dir / "a.json").string() + "' '" + (dir / "b.json").string() + "'");
  REQUIRE(r.status == 0);
  const auto d = nlohmann::json::parse(r.out);
  CHECK(d["added"].empty());
  CHECK(d["removed"].empty());
  REQUIRE(d["renamed"].size() == 1);
  CHECK(d["renamed"][0]["before"]["id"] == "csp");
  CHECK(d["renamed"][0]["after"]["name"] == "Community Safety Partnership Board");
  REQUIRE(d["changed"].size() == 1);
  CHECK(d["changed"][0]["fields"][0]["field"] == "Name");
  const Run text = run_partnermap("diff '" + (dir / "a.json").string() + "' '" + (dir / "b.json").string() + "'");
  CHECK_THAT(text.out, Catch::Contains("Partnerships renamed (1):") && Catch::Contains("1 partnership renamed"));
}

TEST_CASE("diff warns of two councils and of registers given in the wrong order, and opens with the headline", "[cli][diff]") {
  TempDir dir;
  const std::string older = data_file("survey/register.json"), newer = data_file("survey/register-2005-09.json");
  const Run reversed = run_partnermap("diff '" + newer + "' '" + older + "' --html '" + (dir / "d.html").string() + "'");
  REQUIRE(reversed.status == 0);
  CHECK_THAT(reversed.out, Catch::Contains("Warning: The \"new\" register (1 March 2005) is older than the \"old\" one"));
  CHECK_THAT(read_text(dir / "d.html"), Catch::Contains("is older than the &quot;old&quot; one") && Catch::Contains("In short"));
  write_text(dir / "other.json", edited("\"name\": \"City Council\"", "\"name\": \"County Council\""));
  const Run two = run_partnermap("diff '" + older + "' '" + (dir / "other.json").string() + "'");
  CHECK_THAT(two.out, Catch::Contains("two different councils (City Council and County Council)"));
  const Run j = run_partnermap("diff --json '" + older + "' '" + newer + "'");
  const auto h = nlohmann::json::parse(j.out)["headline"];
  CHECK(h["lead_share_before"].get<double>() == Approx(0.5));
  CHECK(h["lead_share_after"].get<double>() == Approx(1.0));
  REQUIRE(h["units_crossing"].size() == 1);
  CHECK(h["units_crossing"][0]["status_after"] == "overloaded");
  CHECK(h["started"] == 1);
  CHECK(h["ended"] == 1);
  const Run text = run_partnermap("diff '" + older + "' '" + newer + "'");
  const auto council = text.out.find("Council: City Council"), headline = text.out.find("In short:"),
             first_list = text.out.find("New partnerships");
  CHECK(council < headline);
  CHECK(headline < first_list);
  CHECK_THAT(text.out, Catch::Contains("Share of active partnerships the Council leads: 50% -> 100%"));
}
