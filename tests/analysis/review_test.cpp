#include "partnermap/analysis/review.h"

#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/fixture.h"

using namespace partnermap;
using nlohmann::json;
using partnermap::test::Fixture;

namespace {

// "p3": built by appending, as GCC 12 misreports `"p" + std::to_string(n)` under -Wrestrict.
std::string numbered(const char* prefix, std::size_t n) {
  std::string s = prefix;
  s += std::to_string(n);
  return s;
}

// A partnership that passes every check on 2024-06-01; each test changes one thing.
json good_partnership() {
  return json::parse(R"({
    "id": "p", "name": "Good partnership", "nature": "strategic",
    "members": [{"org": "cc", "role": "support"}, {"org": "a", "role": "lead"}],
    "commitments": [{"unit": "u1", "hours": 5}], "themes": ["t1"], "stage": "running", "start": "2020-01-01",
    "indicators": ["Something measured"], "exit_strategy": "none", "risk": "low", "last_review": "2024-03-01",
    "management": "Quarterly board"
  })");
}

std::string register_with(const std::vector<json>& partnerships) {
  json r = json::parse(R"({
    "format": "partnermap/1", "as_of": "2024-06-01", "council": "cc",
    "themes": [{"id": "t1", "name": "Theme"}],
    "business_units": [{"id": "u1", "name": "Unit", "capacity_hours": 100}],
    "organisations": [{"id": "cc", "name": "The Council"}, {"id": "a", "name": "A"}]
  })");
  r["partnerships"] = json::array();
  for (std::size_t i = 0; i < partnerships.size(); ++i) {
    json p = partnerships[i];
    p["id"] = numbered("p", i);
    r["partnerships"].push_back(p);
  }
  return r.dump();
}

// The findings of one partnership changed from the good one by `change`.
PartnershipReview review_one(const std::function<void(json&)>& change, const ReviewSettings& settings = {}) {
  json p = good_partnership();
  change(p);
  Fixture f(register_with({p}));
  Review r = compute_review(f.g(), f.reg().as_of, settings);
  REQUIRE(r.partnerships.size() == 1);
  return r.partnerships[0];
}

const Finding* find(const PartnershipReview& r, const std::string& code) {
  for (const Finding& f : r.findings)
    if (f.code == code) return &f;
  return nullptr;
}

std::vector<std::string> codes(const PartnershipReview& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.code);
  return out;
}

}  // namespace

TEST_CASE("a partnership with everything in place has no findings", "[review]") {
  const PartnershipReview r = review_one([](json&) {});
  CHECK(r.findings.empty());
  CHECK(r.score == 100);
  CHECK_FALSE(r.significant);
  CHECK(r.active);
}

TEST_CASE("the five-minute review's three questions are severe", "[review]") {
  const auto no_theme = review_one([](json& p) { p["themes"] = json::array(); });
  CHECK(codes(no_theme) == std::vector<std::string>{"no-theme"});
  CHECK(no_theme.findings[0].severity == FindingSeverity::severe);
  CHECK(no_theme.score == 75);

  const auto no_role = review_one([](json& p) { p["members"] = json::parse(R"([{"org": "a", "role": "lead"}])"); });
  REQUIRE(find(no_role, "no-role"));
  CHECK(find(no_role, "no-role")->severity == FindingSeverity::severe);
  CHECK(find(no_role, "no-role")->reason.find("5 hours a month") != std::string::npos);

  const auto no_benefit = review_one([](json& p) { p["indicators"] = json::array(); });
  CHECK(codes(no_benefit) == std::vector<std::string>{"no-benefit"});
  CHECK(no_benefit.findings[0].severity == FindingSeverity::severe);
  // An evaluation is benefit enough.
  CHECK(review_one([](json& p) {
          p.erase("indicators");
          p["evaluation"] = "Annual report";
        }).findings.empty());
}

TEST_CASE("risk, exit strategy and stage", "[review]") {
  const auto no_risk = review_one([](json& p) { p.erase("risk"); });
  CHECK(codes(no_risk) == std::vector<std::string>{"no-risk"});
  CHECK(no_risk.findings[0].severity == FindingSeverity::warning);
  CHECK(no_risk.score == 90);
  const auto no_exit = review_one([](json& p) { p.erase("exit_strategy"); });
  CHECK(codes(no_exit) == std::vector<std::string>{"no-exit"});
  const auto no_stage = review_one([](json& p) { p.erase("stage"); });
  CHECK(codes(no_stage) == std::vector<std::string>{"no-stage"});
  CHECK(no_stage.findings[0].severity == FindingSeverity::advice);
  CHECK(no_stage.score == 100);  // advice costs nothing
}

TEST_CASE("posts whose funding ends within 12 months are severe, later a warning", "[review]") {
  const auto posts = [](const char* until) {
    return review_one([&](json& p) { p["posts"] = {{"permanent", 2}, {"funded_until", until}}; });
  };
  const auto soon = posts("2025-06-01");  // exactly 12 months ahead
  REQUIRE(find(soon, "posts-at-risk"));
  CHECK(find(soon, "posts-at-risk")->severity == FindingSeverity::severe);
  CHECK(find(soon, "posts-at-risk")->reason.find("2 permanent Council posts") != std::string::npos);
  const auto later = posts("2025-06-02");
  REQUIRE(find(later, "posts-at-risk"));
  CHECK(find(later, "posts-at-risk")->severity == FindingSeverity::warning);
  const auto gone = posts("2024-01-01");
  REQUIRE(find(gone, "posts-at-risk"));
  CHECK(find(gone, "posts-at-risk")->severity == FindingSeverity::severe);
  CHECK(find(gone, "posts-at-risk")->reason.find("ended") != std::string::npos);
  // Posts without an end to their funding are not at risk.
  CHECK(review_one([](json& p) { p["posts"] = {{"permanent", 2}}; }).findings.empty());
}

TEST_CASE("a review is overdue after more than six months", "[review]") {
  CHECK(review_one([](json& p) { p["last_review"] = "2023-12-01"; }).findings.empty());  // exactly six months
  const auto late = review_one([](json& p) { p["last_review"] = "2023-11-30"; });
  CHECK(codes(late) == std::vector<std::string>{"review-overdue"});
  CHECK(late.findings[0].reason.find("30 November 2023") != std::string::npos);
  const auto never = review_one([](json& p) { p.erase("last_review"); });
  CHECK(codes(never) == std::vector<std::string>{"review-overdue"});
  CHECK(never.findings[0].reason.find("Never reviewed") != std::string::npos);
  const auto young = review_one([](json& p) {
    p.erase("last_review");
    p["start"] = "2024-03-01";
  });
  CHECK(codes(young) == std::vector<std::string>{"review-due"});
  CHECK(young.findings[0].severity == FindingSeverity::advice);
}

TEST_CASE("significant partnerships need their governance recorded", "[review]") {
  const auto big = review_one([](json& p) { p["budget"] = {{"total", 100000}, {"council", 30000}}; });
  CHECK(big.significant);  // "£30,000 or more"
  CHECK(big.findings.empty());

  const auto unmanaged = review_one([](json& p) {
    p["budget"] = {{"total", 100000}, {"council", 30000}};
    p.erase("management");
  });
  REQUIRE(find(unmanaged, "significant-governance"));
  CHECK(find(unmanaged, "significant-governance")->severity == FindingSeverity::severe);
  CHECK(find(unmanaged, "significant-governance")->reason.find("£30,000") != std::string::npos);

  const auto small = review_one([](json& p) {
    p["budget"] = {{"total", 100000}, {"council", 29999}};
    p.erase("management");
  });
  CHECK_FALSE(small.significant);
  CHECK(small.findings.empty());

  // The Council as accountable body makes it significant; then its budget must be recorded too.
  const auto body = review_one([](json& p) { p["accountable_body"] = "cc"; });
  CHECK(body.significant);
  REQUIRE(find(body, "significant-governance"));
  CHECK(find(body, "significant-governance")->reason.find("budget") != std::string::npos);

  // No risk rating matters more in a significant partnership.
  const auto risky = review_one([](json& p) {
    p["budget"] = {{"total", 100000}, {"council", 50000}};
    p.erase("risk");
  });
  REQUIRE(find(risky, "no-risk"));
  CHECK(find(risky, "no-risk")->severity == FindingSeverity::severe);

  ReviewSettings higher;
  higher.significant_pounds = 60000;
  CHECK_FALSE(review_one([](json& p) { p["budget"] = {{"total", 100000}, {"council", 50000}}; }, higher).significant);
}

TEST_CASE("staff time is expected where the Council leads or supports", "[review]") {
  const auto none = review_one([](json& p) { p["commitments"] = json::array(); });
  CHECK(codes(none) == std::vector<std::string>{"no-staff-time"});
  CHECK(none.findings[0].reason.find("supports") != std::string::npos);
  const auto observer = review_one([](json& p) {
    p["commitments"] = json::array();
    p["members"] = json::parse(R"([{"org": "cc", "role": "observer"}, {"org": "a", "role": "lead"}])");
  });
  CHECK(codes(observer) == std::vector<std::string>{"observer"});
}

TEST_CASE("stakeholder satisfaction under the threshold", "[review]") {
  const auto survey = [](int responses, int satisfied) {
    return review_one([&](json& p) { p["survey"] = {{"responses", responses}, {"satisfied", satisfied}}; });
  };
  const auto poor = survey(26, 11);
  REQUIRE(find(poor, "low-satisfaction"));
  CHECK(find(poor, "low-satisfaction")->severity == FindingSeverity::warning);  // under half
  CHECK(find(poor, "low-satisfaction")->reason.find("11 of 26") != std::string::npos);
  const auto middling = survey(30, 17);
  REQUIRE(find(middling, "low-satisfaction"));
  CHECK(find(middling, "low-satisfaction")->severity == FindingSeverity::advice);
  CHECK(survey(30, 18).findings.empty());  // exactly 60%
  CHECK(survey(0, 0).findings.empty());    // nobody asked
}

TEST_CASE("proposed and ended partnerships", "[review]") {
  const auto proposed = review_one([](json& p) {
    p["start"] = "2024-06-02";
    p.erase("last_review");
  });
  CHECK(codes(proposed) == std::vector<std::string>{"proposed"});
  CHECK_FALSE(proposed.active);
  // Starting on the review date is running, not proposed.
  CHECK(review_one([](json& p) { p["start"] = "2024-06-01"; }).findings.empty());

  const auto ended = review_one([](json& p) {
    p["end"] = "2024-05-31";
    p["themes"] = json::array();
  });
  CHECK(codes(ended) == std::vector<std::string>{"no-theme", "ended"});
  CHECK(ended.findings[0].severity == FindingSeverity::warning);  // never severe once ended
  CHECK(ended.score == 90);
  // Ending on the review date is still running.
  CHECK(review_one([](json& p) { p["end"] = "2024-06-01"; }).findings.empty());
}

TEST_CASE("the register's score and counts", "[review]") {
  json bad = good_partnership();
  bad["themes"] = json::array();
  bad["indicators"] = json::array();
  bad.erase("risk");
  Fixture f(register_with({good_partnership(), bad}));
  const Review r = compute_review(f.g(), f.reg().as_of);
  CHECK(r.partnerships[0].score == 100);
  CHECK(r.partnerships[1].score == 100 - 25 - 25 - 10);
  CHECK(r.score == 70);  // (100 + 40) / 2
  CHECK(r.severe == 2);
  CHECK(r.warnings == 1);
  CHECK(r.advice == 0);
  CHECK(std::string(to_string(FindingSeverity::severe)) == "severe");
  CHECK(finding_title("no-theme") == "No theme");
  PolicyWords carlisle_words;
  carlisle_words.theme = "City Vision theme";
  CHECK(finding_title("no-theme", carlisle_words) == "No City Vision theme");
}

TEST_CASE("an empty register scores 100", "[review]") {
  Fixture f(register_with({}));
  const Review r = compute_review(f.g(), f.reg().as_of);
  CHECK(r.partnerships.empty());
  CHECK(r.score == 100);
}

TEST_CASE("Carlisle: the review finds the problems the dataset README lists", "[review][carlisle]") {
  const Loaded loaded = load_register_file(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.json");
  const Graph g(loaded.reg);
  const Review r = compute_review(g, loaded.reg.as_of);
  const auto with = [&](const std::string& code) {
    std::set<std::string> ids;
    for (const PartnershipReview& pr : r.partnerships)
      for (const Finding& f : pr.findings)
        if (f.code == code) ids.insert(loaded.reg.partnerships[pr.partnership].id);
    return ids;
  };
  using Ids = std::set<std::string>;
  CHECK(with("no-benefit") == Ids{"lsp-learning", "lsp-environment", "laa-steering", "rural-regeneration",
                                  "concessionary-travel", "carlisle-in-bloom", "he-group", "sports-partnership",
                                  "children-partnership"});
  CHECK(with("no-exit") == Ids{"lsp-health", "lsp-learning", "asb-group", "laa-steering", "rural-regeneration",
                               "homelessness-forum", "carlisle-in-bloom", "he-group", "daat", "sports-partnership",
                               "children-partnership"});
  CHECK(with("no-risk") == Ids{"lsp-learning", "rural-regeneration", "carlisle-in-bloom", "daat", "children-partnership"});
  CHECK(with("no-theme") == Ids{"carlisle-compact", "partnerships-mapping"});
  CHECK(with("posts-at-risk") == Ids{"cdrp", "exercise-referral", "sure-start-south", "nwda-regeneration"});
  CHECK(with("significant-governance") == Ids{"nwda-regeneration"});
  CHECK(with("no-role") == Ids{"daat"});
  CHECK(with("observer") == Ids{"lsp-learning", "rural-regeneration"});
  CHECK(with("proposed") == Ids{"sports-partnership", "credit-union", "children-partnership"});
  CHECK(with("ended") == Ids{"partnerships-mapping"});
  CHECK(with("no-stage") == Ids{"daat"});
  CHECK(with("low-satisfaction").count("carlisle-compact") == 1);
  // Last reviewed before 2004-03-01, or never reviewed though running more than six months.
  CHECK(with("review-overdue") == Ids{"lsp-health", "lsp-environment", "sure-start-south", "nwda-regeneration",
                                      "carlisle-compact", "homelessness-forum", "solway-aonb", "cctv", "bvr-team",
                                      "lsp-learning", "asb-group", "rural-regeneration", "hadrians-wall",
                                      "carlisle-in-bloom", "he-group", "daat"});
  for (const PartnershipReview& pr : r.partnerships)
    for (const Finding& f : pr.findings)
      if (f.code == "posts-at-risk") {
        const std::string& id = loaded.reg.partnerships[pr.partnership].id;
        CHECK((f.severity == FindingSeverity::severe) == (id == "cdrp" || id == "exercise-referral"));
      }
}
