#include "partnermap/analysis/roles.h"

#include <catch2/catch.hpp>

#include "analysis/fixture.h"

using namespace partnermap;
using partnermap::test::Fixture;

namespace {

// Active on 2024-06-01: q1 (Council leads), q2 (supports), q3 (observes), q4 (absent), q5 (leads;
// starts that day). q6 ended the day before and does not count. So 2 leads of 5: a share of 0.4.
const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2024-06-01", "council": "cc",
  "themes": [{"id": "t1", "name": "Theme one"}, {"id": "t2", "name": "Theme two"}, {"id": "t3", "name": "Theme three"}],
  "business_units": [{"id": "u1", "name": "Unit one", "capacity_hours": 10},
                     {"id": "u2", "name": "Unit two", "capacity_hours": 10}],
  "organisations": [{"id": "cc", "name": "The Council"}, {"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                    {"id": "lonely", "name": "In no partnership"}],
  "partnerships": [
    {"id": "q1", "name": "Q1", "nature": "strategic", "members": [{"org": "cc", "role": "lead"}, {"org": "a", "role": "support"}],
     "themes": ["t1"], "commitments": [{"unit": "u1", "hours": 1}]},
    {"id": "q2", "name": "Q2", "nature": "operational", "members": [{"org": "a", "role": "lead"}, {"org": "cc", "role": "support"}],
     "themes": ["t1", "t2"], "commitments": [{"unit": "u1", "hours": 1}, {"unit": "u2", "hours": 1}, {"unit": "u2", "hours": 2}]},
    {"id": "q3", "name": "Q3", "nature": "strategic", "members": [{"org": "cc", "role": "observer"}, {"org": "b", "role": "lead"}],
     "themes": ["t2"]},
    {"id": "q4", "name": "Q4", "nature": "funding", "members": [{"org": "a", "role": "lead"}, {"org": "b", "role": "support"}],
     "themes": ["t1"]},
    {"id": "q5", "name": "Q5", "nature": "project", "members": [{"org": "cc", "role": "lead"}], "themes": ["t2"],
     "start": "2024-06-01", "commitments": [{"unit": "u2", "hours": 1}]},
    {"id": "q6", "name": "Q6", "nature": "strategic", "members": [{"org": "cc", "role": "lead"}], "themes": ["t1"],
     "end": "2024-05-31"}
  ]
})";

void check_counts(const RoleCounts& c, std::size_t lead, std::size_t support, std::size_t observer, std::size_t absent) {
  CHECK(c.lead == lead);
  CHECK(c.support == support);
  CHECK(c.observer == observer);
  CHECK(c.absent == absent);
}

}  // namespace

TEST_CASE("roles count active partnerships overall", "[roles]") {
  Fixture f(kRegister);
  const Roles r = compute_roles(f.g(), f.reg().as_of);
  check_counts(r.overall, 2, 1, 1, 1);
  CHECK(r.overall.total() == 5);
  CHECK(r.overall.lead_share() == Approx(0.4));
  CHECK_FALSE(r.dominates);
  CHECK(r.finding.find("leads 2 of the 5 partnerships") != std::string::npos);
  CHECK(r.finding.find("40%") != std::string::npos);
  CHECK(r.finding.find("within") != std::string::npos);
}

TEST_CASE("a lower threshold turns the same register into dominance", "[roles]") {
  Fixture f(kRegister);
  const Roles r = compute_roles(f.g(), f.reg().as_of, 0.3);
  CHECK(r.dominates);
  CHECK(r.dominance_threshold == 0.3);
  CHECK(r.finding.find("facilitator") != std::string::npos);
  // Exactly at the threshold is not "more than" it.
  CHECK_FALSE(compute_roles(f.g(), f.reg().as_of, 0.4).dominates);
}

TEST_CASE("roles by theme, nature and unit", "[roles]") {
  Fixture f(kRegister);
  const Roles r = compute_roles(f.g(), f.reg().as_of);
  REQUIRE(r.by_theme.size() == 3);
  CHECK(r.by_theme[0].key == "t1");
  CHECK(r.by_theme[0].name == "Theme one");
  check_counts(r.by_theme[0].counts, 1, 1, 0, 1);  // q1, q2, q4 (q6 ended)
  check_counts(r.by_theme[1].counts, 1, 1, 1, 0);  // q2, q3, q5
  CHECK(r.by_theme[2].counts.total() == 0);
  CHECK(r.by_theme[2].counts.lead_share() == 0);

  REQUIRE(r.by_nature.size() == 4);
  CHECK(r.by_nature[0].key == "strategic");
  check_counts(r.by_nature[0].counts, 1, 0, 1, 0);  // q1, q3
  check_counts(r.by_nature[1].counts, 0, 1, 0, 0);  // q2
  check_counts(r.by_nature[2].counts, 0, 0, 0, 1);  // q4
  check_counts(r.by_nature[3].counts, 1, 0, 0, 0);  // q5

  REQUIRE(r.by_unit.size() == 2);
  CHECK(r.by_unit[0].key == "u1");
  check_counts(r.by_unit[0].counts, 1, 1, 0, 0);  // q1, q2
  check_counts(r.by_unit[1].counts, 1, 1, 0, 0);  // q2 once though it commits u2 twice, q5
}

TEST_CASE("the Council's role and the lead partner of each partnership", "[roles]") {
  Fixture f(kRegister);
  const Roles r = compute_roles(f.g(), f.reg().as_of);
  REQUIRE(r.council_role.size() == 6);
  CHECK(r.council_role[f.partnership("q1")] == Role::lead);
  CHECK(r.council_role[f.partnership("q3")] == Role::observer);
  CHECK_FALSE(r.council_role[f.partnership("q4")].has_value());
  CHECK(r.council_role[f.partnership("q6")] == Role::lead);  // listed for every partnership, active or not
  CHECK(r.lead_partner[f.partnership("q1")] == f.organisation("cc"));
  CHECK(r.lead_partner[f.partnership("q2")] == f.organisation("a"));
  CHECK(r.lead_partner[f.partnership("q3")] == f.organisation("b"));
  CHECK(r.lead_partner[f.partnership("q4")] == f.organisation("a"));
}

TEST_CASE("a partner leading alongside the Council is the lead partner", "[roles]") {
  Fixture f(R"({"format": "partnermap/1", "as_of": "2024-06-01", "council": "cc", "themes": [], "business_units": [],
    "organisations": [{"id": "cc", "name": "C"}, {"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    "partnerships": [
      {"id": "p", "name": "P", "nature": "strategic", "members": [{"org": "cc", "role": "lead"}, {"org": "b", "role": "support"}, {"org": "a", "role": "lead"}]},
      {"id": "s", "name": "S", "nature": "strategic", "members": [{"org": "a", "role": "support"}]}
    ]})");
  const Roles r = compute_roles(f.g(), f.reg().as_of);
  CHECK(r.lead_partner[0] == f.organisation("a"));
  CHECK_FALSE(r.lead_partner[1].has_value());
}

TEST_CASE("a Council in no partnership is absent from all of them", "[roles]") {
  Fixture f(R"({"format": "partnermap/1", "as_of": "2024-06-01", "council": "cc", "themes": [], "business_units": [],
    "organisations": [{"id": "cc", "name": "C"}, {"id": "a", "name": "A"}],
    "partnerships": [{"id": "p", "name": "P", "nature": "funding", "members": [{"org": "a", "role": "lead"}]}]})");
  const Roles r = compute_roles(f.g(), f.reg().as_of);
  check_counts(r.overall, 0, 0, 0, 1);
  CHECK(r.overall.lead_share() == 0);
  CHECK_FALSE(r.dominates);
  CHECK(r.finding.find("not a member of 1") != std::string::npos);
}

TEST_CASE("no active partnership: a finding that says so", "[roles]") {
  Fixture f(R"({"format": "partnermap/1", "as_of": "2024-06-01", "council": "cc", "themes": [], "business_units": [],
    "organisations": [{"id": "cc", "name": "C"}],
    "partnerships": [{"id": "p", "name": "P", "nature": "funding", "members": [{"org": "cc", "role": "lead"}], "start": "2025-01-01"}]})");
  const Roles r = compute_roles(f.g(), f.reg().as_of);
  CHECK(r.overall.total() == 0);
  CHECK_FALSE(r.dominates);
  CHECK(r.finding.find("No partnership is active") != std::string::npos);
}

TEST_CASE("Carlisle: the Council leads more than half of its active partnerships", "[roles][carlisle]") {
  const Loaded loaded = load_register_file(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.json");
  const Graph g(loaded.reg);
  const Roles r = compute_roles(g, loaded.reg.as_of);
  // README: 18 leads of 34 in all; on 2004-09-01 two of those (credit union, mapping study) and two
  // supported ones are not active, leaving 16 leads, 11 supports, 2 observers, 1 absent.
  check_counts(r.overall, 16, 11, 2, 1);
  CHECK(r.dominates);
  std::size_t lead_all = 0;
  for (const auto& role : r.council_role) lead_all += role == Role::lead;
  CHECK(lead_all == 18);
}
