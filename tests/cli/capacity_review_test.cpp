// The capacity and review commands, run as an officer runs them: the real binary on files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <map>
#include <sstream>

#include "support.h"

using namespace partnermap::test;
using nlohmann::json;

namespace {

// One clean partnership and, with `severe`, one without a theme.
std::string small_register(bool severe) {
  std::string r = R"({"format": "partnermap/1", "as_of": "2024-06-01", "council": "cc",
    "themes": [{"id": "t1", "name": "Theme"}],
    "business_units": [{"id": "u1", "name": "A Business Unit With A Rather Long Name For The Table", "capacity_hours": 10},
                       {"id": "u0", "name": "Unit With No Capacity", "capacity_hours": 0}],
    "organisations": [{"id": "cc", "name": "The Council"}, {"id": "a", "name": "A"}],
    "partnerships": [
      {"id": "good", "name": "Good partnership", "nature": "strategic",
       "members": [{"org": "cc", "role": "support"}, {"org": "a", "role": "lead"}],
       "commitments": [{"unit": "u1", "hours": 9, "officer": "Ann"}, {"unit": "u0", "hours": 1}], "themes": ["t1"],
       "stage": "running", "indicators": ["x"], "exit_strategy": "none", "risk": "low", "last_review": "2024-03-01",
       "management": "Board"})";
  if (severe)
    r += R"(, {"id": "bad", "name": "Partnership with no theme", "nature": "project",
       "members": [{"org": "cc", "role": "lead"}], "commitments": [{"unit": "u1", "hours": 2}], "themes": [],
       "stage": "running", "indicators": ["x"], "exit_strategy": "none", "risk": "low", "last_review": "2024-03-01",
       "start": "2024-07-01"})";
  return r + "]}";
}

// A path quoted for the shell. Built by appending: GCC 12 misreports `"'" + std::string` under -Wrestrict.
std::string shell_quoted(const std::filesystem::path& path) {
  std::string out = "'";
  out += path.string();
  out += "'";
  return out;
}

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) {
    std::size_t chars = 0;
    for (char c : line) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    widest = std::max(widest, chars);
  }
  return widest;
}

}  // namespace

TEST_CASE("capacity prints a table that fits 100 columns, without colour when not a terminal", "[cli][capacity]") {
  TempDir dir;
  write_text(dir / "r.json", small_register(true));
  const Run r = run_partnermap("capacity " + shell_quoted(dir / "r.json") + " --months 2");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("Business Unit capacity on 1 June 2024") != std::string::npos);
  CHECK(r.out.find("stretched") != std::string::npos);   // u1 9 of 10
  CHECK(r.out.find("not recorded  ") != std::string::npos);  // u0 1 of 0: capacity not recorded, not over
  CHECK(r.out.find("not_recorded") == std::string::npos);
  CHECK(r.out.find("Capacity not recorded for Unit With No Capacity") != std::string::npos);
  CHECK(r.out.find("1 July 2024: A Business Unit With A Rather Long Name For The Table goes over capacity") !=
        std::string::npos);
  CHECK(widest_line(r.out) <= 100);
  CHECK(r.out.find('\033') == std::string::npos);
}

TEST_CASE("capacity --json parses and uses ids", "[cli][capacity]") {
  TempDir dir;
  write_text(dir / "r.json", small_register(false));
  const Run r = run_partnermap("capacity " + shell_quoted(dir / "r.json") + " --json --at 2024-06-15 --months 1");
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["at"] == "2024-06-15");
  CHECK(j["units"][0]["id"] == "u1");
  CHECK(j["units"][0]["status"] == "stretched");
  CHECK(j["units"][1]["utilisation"].is_null());
  CHECK(j["forecast"]["months"].size() == 2);
}

TEST_CASE("a bad --at date or --months is a bad argument, status 2", "[cli][capacity][review]") {
  TempDir dir;
  write_text(dir / "r.json", small_register(false));
  const std::string file = shell_quoted(dir / "r.json");
  const Run bad_day = run_partnermap("capacity " + file + " --at 2024-02-30");
  CHECK(bad_day.status == 2);
  CHECK(bad_day.err.find("--at") != std::string::npos);
  CHECK(bad_day.err.find("29 days") != std::string::npos);
  CHECK(bad_day.out.empty());
  CHECK(run_partnermap("review " + file + " --at 1-6-2024").status == 2);
  CHECK(run_partnermap("capacity " + file + " --months -1").status == 2);
  CHECK(run_partnermap("capacity " + shell_quoted(dir / "missing.json")).status == 2);
}

TEST_CASE("review exits 0 with findings, and 3 with --strict only when one is severe", "[cli][review]") {
  TempDir dir;
  write_text(dir / "clean.json", small_register(false));
  write_text(dir / "severe.json", small_register(true));
  const std::string clean = shell_quoted(dir / "clean.json");
  const std::string severe = shell_quoted(dir / "severe.json");
  const Run plain = run_partnermap("review " + severe);
  CHECK(plain.status == 0);
  CHECK(plain.out.find("No theme") != std::string::npos);
  CHECK(widest_line(plain.out) <= 100);
  const Run strict = run_partnermap("review " + severe + " --strict");
  CHECK(strict.status == 3);
  CHECK(strict.err.find("1 severe finding") != std::string::npos);
  const Run strict_clean = run_partnermap("review " + clean + " --strict");
  CHECK(strict_clean.status == 0);
  CHECK(strict_clean.out.find("1 partnership passes every check") != std::string::npos);
  // On 2024-06-30 "bad" has not started yet: still reviewed, proposed.
  const Run early = run_partnermap("review " + severe + " --json --at 2024-06-30");
  REQUIRE(early.status == 0);
  const json j = json::parse(early.out);
  CHECK(j["partnerships"][1]["active"] == false);
}

TEST_CASE("Carlisle: capacity names the overloaded and stretched units", "[cli][capacity][carlisle]") {
  const Run r = run_partnermap("capacity " + shell_quoted(carlisle()) + " --json");
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  std::map<std::string, std::string> status;
  for (const json& u : j["units"]) status[u["id"]] = u["status"];
  CHECK(status["sps"] == "overloaded");
  CHECK(status["community"] == "overloaded");
  CHECK(status["ecd"] == "overloaded");
  CHECK(status["housing"] == "stretched");
  CHECK(status["finance"] == "ok");
  const Run table = run_partnermap("capacity " + shell_quoted(carlisle()));
  REQUIRE(table.status == 0);
  CHECK(table.out.find("3 Business Units are over capacity (above 100%): Strategic & Performance Services,") !=
        std::string::npos);
  CHECK(widest_line(table.out) <= 100);
  // The table says the status in words; the tokens are JSON's.
  CHECK(table.out.find("Strategic & Performance Services       140        162  116%  over capacity") != std::string::npos);
  CHECK(table.out.find("Housing Services                       100         88   88%  stretched") != std::string::npos);
  CHECK(table.out.find("overloaded") == std::string::npos);
}

TEST_CASE("Carlisle: review --strict fails on its severe findings", "[cli][review][carlisle]") {
  const Run r = run_partnermap("review " + shell_quoted(carlisle()) + " --strict");
  CHECK(r.status == 3);
  CHECK(r.out.find("[nwda-regeneration]") != std::string::npos);  // names wrap; ids do not
  CHECK(r.out.find("[sure-start-south]") != std::string::npos);
  CHECK(widest_line(r.out) <= 100);
  const Run j = run_partnermap("review " + shell_quoted(carlisle()) + " --json");
  REQUIRE(j.status == 0);
  CHECK(json::parse(j.out)["partnerships"].size() == 34);
}

TEST_CASE("capacity and review explain themselves in --help", "[cli]") {
  const Run c = run_partnermap("capacity --help");
  CHECK(c.status == 0);
  CHECK(c.out.find("--months") != std::string::npos);
  CHECK(c.out.find("Business Units") != std::string::npos);
  const Run r = run_partnermap("review --help");
  CHECK(r.status == 0);
  CHECK(r.out.find("--strict") != std::string::npos);
  CHECK(r.out.find("three questions") != std::string::npos);
}
