// partnermap assess, run as an officer runs it: the real binary on the Carlisle register and the
// example proposals.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace partnermap::test;

namespace {

std::string shell_arg(const std::filesystem::path& path) {
  std::string out = "'";
  out += path.string();
  out += "'";
  return out;
}

std::string example(const std::string& name) {
  return shell_arg(std::string(PARTNERMAP_DATASETS) + "/proposals/" + name + ".json");
}

Run assess(const std::string& proposal, const std::string& options = "") {
  return run_partnermap("assess " + shell_arg(carlisle()) + " " + proposal + (options.empty() ? "" : " " + options));
}

}  // namespace

TEST_CASE("assess prints the recommendation, its reasons and every question with its facts", "[assess][cli]") {
  const Run r = assess(example("older-peoples-forum"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::StartsWith("Pre-partnership assessment: Carlisle Older People's Forum [older-peoples-forum]"));
  CHECK_THAT(r.out, Catch::Contains("Proposed to start on 1 January 2005, with no end date; assessed on 1 September"));
  CHECK_THAT(r.out, Catch::Contains("register of 1 September 2004."));
  CHECK_THAT(r.out, Catch::Contains("New to the register: Carlisle Pensioners' Association."));
  CHECK_THAT(r.out, Catch::Contains("Recommendation: proceed with conditions\n  - Capacity: Housing Services is already"));
  CHECK_THAT(r.out, Catch::Contains("1. Are its aims aligned to the Council's priorities (the City Vision themes)? [pass]"));
  CHECK_THAT(r.out, Catch::Contains("6. Is there an exit or succession strategy? [condition]"));
  CHECK_THAT(r.out, Catch::Contains("   - Health and wellbeing: served by"));
  CHECK_THAT(r.out, Catch::Contains("Effect on Business Units (hours a month)"));
  CHECK_THAT(r.out, Catch::Contains("The rule: reconsider when any answer is a fail"));
  CHECK(r.out.find("\033[") == std::string::npos);  // no colour into a file
}

TEST_CASE("assess shows the partnerships a proposal duplicates", "[assess][cli]") {
  const Run r = assess(example("community-safety-group"));
  CHECK(r.status == 0);  // a recommendation to reconsider is still a completed assessment
  CHECK_THAT(r.out, Catch::Contains("Recommendation: reconsider"));
  CHECK_THAT(r.out, Catch::Contains("Existing partnerships with largely the same members"));
  CHECK_THAT(r.out, Catch::Contains("Carlisle Anti-Social Behaviour Group [asb-group]"));
}

TEST_CASE("assess --strict exits 3 only when the recommendation is to reconsider", "[assess][cli]") {
  const Run reconsider = assess(example("community-safety-group"), "--strict");
  CHECK(reconsider.status == 3);
  CHECK_THAT(reconsider.err, Catch::Contains("assess --strict: the recommendation is to reconsider"));
  CHECK(assess(example("older-peoples-forum"), "--strict").status == 0);
  CHECK(assess(example("heritage-trail"), "--strict").status == 0);
}

TEST_CASE("assess --json prints one document with the stable field names", "[assess][cli]") {
  const Run r = assess(example("heritage-trail"), "--json");
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["recommendation"] == "proceed");
  CHECK(doc["reasons"].size() == 8);
  CHECK(doc["questions"].size() == 8);
  CHECK(doc["capacity"]["units"].size() == 2);
  CHECK(doc["overlaps"].empty());
  CHECK(doc["roles"]["council_role"] == "support");
}

TEST_CASE("assess --at and --months change the dates assessed", "[assess][cli]") {
  const Run r = assess(example("heritage-trail"), "--json --at 2005-06-01 --months 2");
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["at"] == "2005-06-01");
  CHECK(doc["capacity"]["months"].back() == "2005-08-01");
  const Run bad = assess(example("heritage-trail"), "--at 2005-02-30");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("is not a day of the calendar"));
}

TEST_CASE("assess --html writes a committee page and still prints", "[assess][cli]") {
  TempDir dir;
  const Run r = assess(example("community-safety-group"), "--html " + shell_arg(dir / "assessment.html"));
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("Recommendation: reconsider"));
  const std::string html = read_text(dir / "assessment.html");
  CHECK_THAT(html, Catch::Contains("<h2>Recommendation: reconsider</h2>"));
  // Written under a temporary name and renamed: nothing else is left in the folder.
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) files += e.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("assess --html never writes over the proposal it reads", "[assess][cli]") {
  TempDir dir;
  const std::string before = read_text(std::string(PARTNERMAP_DATASETS) + "/proposals/heritage-trail.json");
  write_text(dir / "proposal.json", before);
  const Run r = assess(shell_arg(dir / "proposal.json"), "--html " + shell_arg(dir / "proposal.json"));
  CHECK(r.status == 2);
  CHECK(read_text(dir / "proposal.json") == before);
}

TEST_CASE("a broken proposal exits 2, says where, and writes no page", "[assess][cli]") {
  TempDir dir;
  write_text(dir / "proposal.json", R"({"partnership": {"id": "x", "name": "X", "nature": "project",
    "members": [{"org": "carlisle-cc", "role": "lead"}, {"org": "carlisle-cv", "role": "support"}],
    "themes": ["safety"]}})");
  const Run r = assess(shell_arg(dir / "proposal.json"), "--html " + shell_arg(dir / "page.html"));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("proposal.json: partnership.members[1].org: no organisation \"carlisle-cv\" in the "
                                    "register or the proposal's \"organisations\" (did you mean \"carlisle-cc\"?)"));
  CHECK_THAT(r.err, Catch::Contains("partnership.themes[0]: no theme \"safety\" in the register (did you mean \"safer\"?)"));
  CHECK_THAT(r.err, Catch::Contains("2 errors found; correct the proposal and run the command again."));
  CHECK_FALSE(std::filesystem::exists(dir / "page.html"));
  CHECK(r.out.empty());
}

TEST_CASE("a proposal's warnings go to stderr and the assessment goes on", "[assess][cli]") {
  TempDir dir;
  auto doc = nlohmann::json::parse(read_text(std::string(PARTNERMAP_DATASETS) + "/proposals/heritage-trail.json"));
  doc["partnership"]["lead_officer"] = "Jo";
  write_text(dir / "proposal.json", doc.dump());
  const Run r = assess(shell_arg(dir / "proposal.json"));
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: ") && Catch::Contains("partnership: the field \"lead_officer\" is not part "
                                                                    "of partnermap/1"));
  CHECK_THAT(r.out, Catch::Contains("Recommendation: proceed"));
}

TEST_CASE("assess with a broken register or a missing proposal exits 2", "[assess][cli]") {
  const Run r = run_partnermap("assess " + shell_arg(data_file("bad/missing-org.json")) + " " + example("heritage-trail"));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("correct the file named above"));
  const Run missing = assess(shell_arg(data_file("proposals/none.json")));
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Contains("none.json: there is no file here"));
  CHECK(run_partnermap("assess " + shell_arg(carlisle())).status == 2);  // the proposal is required
}

TEST_CASE("assess reads a proposal's dates and names the way import does", "[assess][cli]") {
  std::string text = read_text(std::string(PARTNERMAP_DATASETS) + "/proposals/older-peoples-forum.json");
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\"carlisle-cc\"", "\"Carlisle City Council\""}, {"\"age-concern\"", "\"age concern carlisle\""},
           {"\"housing\"", "\"Housing Services\""}, {"\"health\"", "\"Health and wellbeing\""},
           {"\"2005-01-01\"", "\"1/1/2005\""}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  }
  TempDir dir;
  write_text(dir / "by-name.json", text);
  const Run named = assess(shell_arg(dir / "by-name.json"));
  const Run by_id = assess(example("older-peoples-forum"));
  INFO(named.err);
  CHECK(named.status == 0);
  CHECK(named.err.empty());
  CHECK(named.out == by_id.out);
}
