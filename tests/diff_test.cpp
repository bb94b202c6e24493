#include <catch2/catch.hpp>

#include <algorithm>

#include "partnermap/diff.h"
#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;

namespace {

const char* kOld = R"({
  "format": "partnermap/1", "as_of": "2004-09-01", "council": "cc",
  "themes": [{"id": "safer", "name": "Safer"}],
  "business_units": [{"id": "housing", "name": "Housing", "capacity_hours": 20},
                     {"id": "legal", "name": "Legal", "capacity_hours": 10}],
  "organisations": [{"id": "cc", "name": "Council"}, {"id": "pol", "name": "Police"},
                    {"id": "pct", "name": "PCT"}],
  "partnerships": [
    {"id": "csp", "name": "Safety", "nature": "strategic", "themes": ["safer"], "risk": "low",
     "indicators": ["crime"], "exit_strategy": "mainstreaming", "last_review": "2004-08-01",
     "members": [{"org": "cc", "role": "support"}, {"org": "pol", "role": "lead"}],
     "commitments": [{"unit": "housing", "hours": 10}]},
    {"id": "old", "name": "Old forum", "nature": "operational",
     "members": [{"org": "cc", "role": "lead"}], "end": "2005-01-31"},
    {"id": "gone", "name": "Gone", "nature": "project", "members": [{"org": "cc", "role": "lead"}]}
  ]})";

// Six months on: the council now leads Safety with more hours, the PCT joined and the police became
// a supporter; the old forum has ended, "gone" is out, a new partnership came in, and a new
// organisation with it.
const char* kNew = R"({
  "format": "partnermap/1", "as_of": "2005-03-01", "council": "cc",
  "themes": [{"id": "safer", "name": "Safer"}],
  "business_units": [{"id": "housing", "name": "Housing", "capacity_hours": 20}],
  "organisations": [{"id": "cc", "name": "Council"}, {"id": "pol", "name": "Police"},
                    {"id": "pct", "name": "PCT"}, {"id": "cvs", "name": "CVS"}],
  "partnerships": [
    {"id": "new", "name": "New", "nature": "project", "members": [{"org": "cvs", "role": "lead"}]},
    {"id": "csp", "name": "Safety", "nature": "strategic", "themes": ["safer"],
     "indicators": ["crime"], "exit_strategy": "mainstreaming", "last_review": "2004-08-01",
     "members": [{"org": "cc", "role": "lead"}, {"org": "pol", "role": "support"}, {"org": "pct", "role": "observer"}],
     "commitments": [{"unit": "housing", "hours": 18}]},
    {"id": "old", "name": "Old forum", "nature": "operational",
     "members": [{"org": "cc", "role": "lead"}], "end": "2005-01-31"}
  ]})";

RegisterDiff sample() {
  return diff_registers(load_register_text(kOld, "old.json").reg, load_register_text(kNew, "new.json").reg);
}

std::vector<std::string> ids(const std::vector<Named>& list) {
  std::vector<std::string> out;
  for (const Named& n : list) out.push_back(n.id);
  return out;
}

}  // namespace

TEST_CASE("diff lists partnerships added, removed and ended", "[diff]") {
  const RegisterDiff d = sample();
  CHECK(ids(d.added) == std::vector<std::string>{"new"});
  CHECK(ids(d.removed) == std::vector<std::string>{"gone"});
  CHECK(ids(d.ended) == std::vector<std::string>{"old"});
  CHECK(d.started.empty());
  CHECK(ids(d.organisations_added) == std::vector<std::string>{"cvs"});
  CHECK(d.organisations_removed.empty());
}

TEST_CASE("diff describes changed fields and members in words", "[diff]") {
  const RegisterDiff d = sample();
  REQUIRE(d.changed.size() == 1);
  const PartnershipChange& c = d.changed[0];
  CHECK(c.partnership.id == "csp");
  const auto field = [&](const std::string& name) {
    auto it = std::find_if(c.fields.begin(), c.fields.end(), [&](const FieldChange& f) { return f.field == name; });
    REQUIRE(it != c.fields.end());
    return *it;
  };
  CHECK(field("Council role").before == "support");
  CHECK(field("Council role").after == "lead");
  CHECK(field("Business Units").before == "Housing: 10 h");
  CHECK(field("Business Units").after == "Housing: 18 h");
  CHECK(field("Risk").before == "low");
  CHECK(field("Risk").after == "none");
  CHECK(c.fields.size() == 3);
  // The council's own role is the field above, not a member change.
  REQUIRE(c.members.size() == 2);
  CHECK(c.members[0].organisation.id == "pol");
  CHECK(c.members[0].before == "lead");
  CHECK(c.members[0].after == "support");
  CHECK(c.members[1].organisation.id == "pct");
  CHECK(c.members[1].before.empty());
  CHECK(c.members[1].after == "observer");
}

TEST_CASE("diff shows the effect on each Business Unit", "[diff]") {
  const RegisterDiff d = sample();
  REQUIRE(d.units.size() == 2);
  const UnitChange& housing = d.units[0];
  CHECK(housing.unit.id == "housing");
  // Before: Safety 10 h + the old forum none = 10 of 20. After: Safety 18 of 20.
  CHECK(housing.hours_before == 10);
  CHECK(housing.hours_after == 18);
  CHECK(housing.status_before == LoadStatus::ok);
  CHECK(housing.status_after == LoadStatus::stretched);
  CHECK(d.units[1].unit.id == "legal");
  CHECK_FALSE(d.units[1].in_new);
}

TEST_CASE("diff shows review findings raised and resolved", "[diff]") {
  const RegisterDiff d = sample();
  const auto it = std::find_if(d.findings.begin(), d.findings.end(),
                               [](const FindingChange& f) { return f.partnership.id == "csp"; });
  REQUIRE(it != d.findings.end());
  const auto has = [](const std::vector<Finding>& list, const std::string& code) {
    return std::any_of(list.begin(), list.end(), [&](const Finding& f) { return f.code == code; });
  };
  CHECK(has(it->raised, "no-risk"));         // the risk rating was removed
  CHECK(has(it->raised, "review-overdue"));  // seven months since the last review
}

TEST_CASE("a register compared with itself has no changes", "[diff]") {
  const Register r = load_register_file(partnermap::test::carlisle()).reg;
  const RegisterDiff d = diff_registers(r, r);
  CHECK(d.empty());
  CHECK(d.score_before == d.score_after);
}

TEST_CASE("diff as JSON keeps ids and roles", "[diff]") {
  const nlohmann::json j = to_json(sample());
  CHECK(j["added"][0]["id"] == "new");
  CHECK(j["changed"][0]["members"][1]["before"].is_null());
  CHECK(j["units"][0]["status_after"] == "stretched");
  CHECK(j["old_as_of"] == "2004-09-01");
}
