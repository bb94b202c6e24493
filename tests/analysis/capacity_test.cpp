#include "partnermap/analysis/capacity.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/fixture.h"

using namespace partnermap;
using partnermap::test::Fixture;

namespace {

// Worked by hand for 2024-06-01:
//   u1 (10 h): p1 6 + p2 3 (starts on the day) + p3 2 (ends on the day) = 11 -> 1.1 overloaded;
//              p4 ended the day before and p5 starts the day after, so neither counts.
//   u2 (0 h):  p1 1 -> no capacity, overloaded.        u3 (20 h): p7 17 -> 0.85, exactly stretched.
//   u4 (100 h): nothing -> ok.                          u5 (0 h): nothing -> 0, ok.
// Forecast (3 months): on 1 July p3 has ended and p5 started: u1 6+3+5 = 14, still overloaded.
//   On 1 August p1 has ended (31 July): u1 3+5 = 8 -> ok; u2 0 -> ok. On 1 September p6 (from
//   15 August) adds 5 to u3: 22/20 -> overloaded.
const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2024-06-01", "council": "cc",
  "themes": [{"id": "t1", "name": "Theme"}],
  "business_units": [
    {"id": "u1", "name": "Unit One", "capacity_hours": 10},
    {"id": "u2", "name": "Unit Two", "capacity_hours": 0},
    {"id": "u3", "name": "Unit Three", "capacity_hours": 20},
    {"id": "u4", "name": "Unit Four", "capacity_hours": 100},
    {"id": "u5", "name": "Unit Five", "capacity_hours": 0}
  ],
  "organisations": [{"id": "cc", "name": "The Council", "sector": "public"},
                    {"id": "lonely", "name": "In no partnership", "sector": "voluntary"}],
  "partnerships": [
    {"id": "p1", "name": "P one", "nature": "strategic", "members": [{"org": "cc", "role": "lead"}],
     "commitments": [{"unit": "u1", "hours": 6, "officer": "Ann"}, {"unit": "u2", "hours": 1}],
     "themes": ["t1"], "start": "2024-01-01", "end": "2024-07-31"},
    {"id": "p2", "name": "P two", "nature": "project", "members": [{"org": "cc", "role": "lead"}],
     "commitments": [{"unit": "u1", "hours": 3, "officer": "Ann"}], "themes": ["t1"], "start": "2024-06-01"},
    {"id": "p3", "name": "P three", "nature": "project", "members": [{"org": "cc", "role": "support"}],
     "commitments": [{"unit": "u1", "hours": 2, "officer": "Bob"}], "themes": ["t1"],
     "start": "2024-01-01", "end": "2024-06-01"},
    {"id": "p4", "name": "P four", "nature": "project", "members": [{"org": "cc", "role": "support"}],
     "commitments": [{"unit": "u1", "hours": 5}], "themes": ["t1"], "end": "2024-05-31"},
    {"id": "p5", "name": "P five", "nature": "project", "members": [{"org": "cc", "role": "support"}],
     "commitments": [{"unit": "u1", "hours": 5}], "themes": ["t1"], "start": "2024-06-02"},
    {"id": "p6", "name": "P six", "nature": "project", "members": [{"org": "cc", "role": "support"}],
     "commitments": [{"unit": "u3", "hours": 5}], "themes": ["t1"], "start": "2024-08-15"},
    {"id": "p7", "name": "P seven", "nature": "operational", "members": [{"org": "cc", "role": "support"}],
     "commitments": [{"unit": "u3", "hours": 17, "officer": "Ann"}], "themes": ["t1"]}
  ]
})";

}  // namespace

TEST_CASE("load_status keeps docs/design.md's thresholds", "[capacity]") {
  CHECK(load_status(84.9, 100) == LoadStatus::ok);
  CHECK(load_status(85, 100) == LoadStatus::stretched);   // "stretched from 0.85"
  CHECK(load_status(17, 20) == LoadStatus::stretched);
  CHECK(load_status(100, 100) == LoadStatus::stretched);  // full is not over
  CHECK(load_status(100.5, 100) == LoadStatus::overloaded);
  CHECK(load_status(0, 0) == LoadStatus::not_recorded);
  CHECK(load_status(1, 0) == LoadStatus::not_recorded);  // capacity not recorded is never over capacity
  CHECK(load_status(0, 0) != LoadStatus::overloaded);
  CHECK(std::string(to_string(LoadStatus::ok)) == "ok");
  CHECK(std::string(to_string(LoadStatus::stretched)) == "stretched");
  CHECK(std::string(to_string(LoadStatus::overloaded)) == "overloaded");
  CHECK(std::isinf(utilisation(1, 0)));
  CHECK(utilisation(0, 0) == 0);
}

TEST_CASE("unit load on the date counts partnerships starting and ending on it", "[capacity]") {
  Fixture f(kRegister);
  const Capacity c = compute_capacity(f.g(), f.reg().as_of, 3);
  REQUIRE(c.units.size() == 5);
  const UnitLoad& u1 = c.units[f.unit("u1")];
  CHECK(u1.committed_hours == 11);
  CHECK(u1.utilisation == Approx(1.1));
  CHECK(u1.status == LoadStatus::overloaded);
  CHECK(u1.partnerships == std::vector<Index>{f.partnership("p1"), f.partnership("p2"), f.partnership("p3")});

  const UnitLoad& u2 = c.units[f.unit("u2")];
  CHECK(u2.committed_hours == 1);
  CHECK(std::isinf(u2.utilisation));
  CHECK(u2.status == LoadStatus::not_recorded);

  CHECK(c.units[f.unit("u3")].utilisation == Approx(0.85));
  CHECK(c.units[f.unit("u3")].status == LoadStatus::stretched);
  CHECK(c.units[f.unit("u4")].status == LoadStatus::ok);
  CHECK(c.units[f.unit("u4")].partnerships.empty());
  CHECK(c.units[f.unit("u5")].utilisation == 0);
  CHECK(c.units[f.unit("u5")].status == LoadStatus::not_recorded);
}

TEST_CASE("the day after, the ended partnership drops out and the new one counts", "[capacity]") {
  Fixture f(kRegister);
  const Capacity c = compute_capacity(f.g(), f.day("2024-06-02"), 0);
  CHECK(c.units[f.unit("u1")].committed_hours == 6 + 3 + 5);
  CHECK(c.months.size() == 1);
  CHECK(c.changes.empty());
}

TEST_CASE("officers are counted per name within a unit, most hours first", "[capacity]") {
  Fixture f(kRegister);
  const Capacity c = compute_capacity(f.g(), f.reg().as_of, 0);
  REQUIRE(c.officers.size() == 3);
  CHECK(c.officers[0].officer == "Ann");
  CHECK(c.officers[0].unit == f.unit("u3"));
  CHECK(c.officers[0].committed_hours == 17);
  CHECK(c.officers[1].officer == "Ann");
  CHECK(c.officers[1].unit == f.unit("u1"));
  CHECK(c.officers[1].committed_hours == 9);
  CHECK(c.officers[1].partnerships == std::vector<Index>{f.partnership("p1"), f.partnership("p2")});
  CHECK(c.officers[2].officer == "Bob");
  CHECK(c.officers[2].committed_hours == 2);
}

TEST_CASE("the forecast finds each threshold crossing and what causes it", "[capacity]") {
  Fixture f(kRegister);
  const Capacity c = compute_capacity(f.g(), f.reg().as_of, 3);
  REQUIRE(c.months.size() == 4);
  CHECK(c.months[1] == f.day("2024-07-01"));
  CHECK(c.months[3] == f.day("2024-09-01"));
  const Index u1 = f.unit("u1");
  CHECK(c.forecast_hours[u1] == std::vector<double>{11, 14, 8, 8});
  CHECK(c.forecast[u1][2] == Approx(0.8));
  CHECK(c.forecast_hours[f.unit("u3")] == std::vector<double>{17, 17, 17, 22});

  REQUIRE(c.changes.size() == 2);  // u2's capacity is not recorded: it has no status to change
  CHECK(c.changes[0].unit == u1);
  CHECK(c.changes[0].on == f.day("2024-08-01"));
  CHECK(c.changes[0].month == f.day("2024-08-01"));
  CHECK(c.changes[0].from == LoadStatus::overloaded);
  CHECK(c.changes[0].to == LoadStatus::ok);
  CHECK(c.changes[0].ending == std::vector<Index>{f.partnership("p1")});
  CHECK(c.changes[0].starting.empty());
  CHECK(c.changes[0].before == Approx(1.4));
  CHECK(c.changes[0].after == Approx(0.8));

  CHECK(c.changes[1].unit == f.unit("u3"));
  CHECK(c.changes[1].on == f.day("2024-09-01"));
  CHECK(c.changes[1].from == LoadStatus::stretched);
  CHECK(c.changes[1].to == LoadStatus::overloaded);
  CHECK(c.changes[1].starting == std::vector<Index>{f.partnership("p6")});
}

TEST_CASE("a forecast from mid-month keeps the day and labels changes by their month", "[capacity]") {
  Fixture f(kRegister);
  const Capacity c = compute_capacity(f.g(), f.day("2024-07-15"), 2);
  REQUIRE(c.months.size() == 3);
  CHECK(c.months[1] == f.day("2024-08-15"));  // p6 starts that very day
  CHECK(c.forecast_hours[f.unit("u3")][1] == 22);
  bool found = false;
  for (const CapacityChange& ch : c.changes)
    if (ch.unit == f.unit("u3")) {
      found = true;
      CHECK(ch.on == f.day("2024-08-15"));
      CHECK(ch.month == f.day("2024-08-01"));
    }
  CHECK(found);
}

TEST_CASE("a negative month count is no forecast", "[capacity]") {
  Fixture f(kRegister);
  const Capacity c = compute_capacity(f.g(), f.reg().as_of, -5);
  CHECK(c.months.size() == 1);
  CHECK(c.forecast[0].size() == 1);
}

TEST_CASE("Carlisle: the units the dataset README names are overloaded and stretched", "[capacity][carlisle]") {
  const Loaded loaded = load_register_file(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.json");
  const Graph g(loaded.reg);
  const Capacity c = compute_capacity(g, loaded.reg.as_of, 19);
  const auto unit = [&](const char* id) -> const UnitLoad& {
    return c.units[g.index(*g.find(VertexKind::unit, id))];
  };
  CHECK(unit("sps").committed_hours == 162);
  CHECK(unit("sps").status == LoadStatus::overloaded);
  CHECK(unit("community").committed_hours == 219);
  CHECK(unit("community").status == LoadStatus::overloaded);
  CHECK(unit("ecd").committed_hours == 194);
  CHECK(unit("ecd").status == LoadStatus::overloaded);
  CHECK(unit("housing").committed_hours == 88);
  CHECK(unit("housing").status == LoadStatus::stretched);
  for (const char* id : {"environment", "legal", "finance", "planning", "culture"})
    CHECK(unit(id).status == LoadStatus::ok);
  // README: 1.01, 1.12, 1.11 on 2005-01-01 (month 4); 1.04, 1.17, 1.11 on 2005-04-01 (month 7);
  // ecd 0.67 on 2006-04-01 (month 19), when the NWDA programme has ended.
  const Index sps = g.index(*g.find(VertexKind::unit, "sps"));
  const Index community = g.index(*g.find(VertexKind::unit, "community"));
  const Index ecd = g.index(*g.find(VertexKind::unit, "ecd"));
  CHECK(c.forecast[sps][4] == Approx(1.01).margin(0.005));
  CHECK(c.forecast[community][4] == Approx(1.12).margin(0.005));
  CHECK(c.forecast[ecd][4] == Approx(1.11).margin(0.005));
  CHECK(c.forecast[sps][7] == Approx(1.04).margin(0.005));
  CHECK(c.forecast[community][7] == Approx(1.17).margin(0.005));
  CHECK(c.forecast[ecd][19] == Approx(0.67).margin(0.005));
  bool ecd_recovers = false;
  for (const CapacityChange& ch : c.changes)
    if (ch.unit == ecd && ch.to == LoadStatus::ok) {
      ecd_recovers = true;
      CHECK(to_iso(ch.on) == "2006-04-01");
      REQUIRE(ch.ending.size() == 1);
      CHECK(loaded.reg.partnerships[ch.ending[0]].id == "nwda-regeneration");
    }
  CHECK(ecd_recovers);
}
