#include "partnermap/analysis/links.h"

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "analysis/fixture.h"

using namespace partnermap;
using partnermap::test::Fixture;

namespace {

// "p3": built by appending, as GCC 12 misreports `"p" + std::to_string(n)` under -Wrestrict.
std::string numbered(const char* prefix, std::size_t n) {
  std::string s = prefix;
  s += std::to_string(n);
  return s;
}

// Active on 2024-06-01: r1..r4; r5 ended. Worked by hand:
//   members r1 {cc,a,b,c,d}, r2 {cc,a,b,c}: Jaccard 4/5 = 0.8; r3 {a,b,e,f}, r4 {e,f}: 2/4 = 0.5 (kept,
//   the threshold is inclusive); r2/r3 2/6, r1/r3 2/7 (dropped); r5 has r1's members but has ended.
//   units: r1 and r2 both give u1 and u2 -> (u1,u2) 2; r3 lists u1 twice (one unit); r4 u3 alone.
//   themes: r1 and r2 serve t1 and t2 -> (t1,t2) 2. t3 only by r4, where the Council is absent;
//   t4 only by r5, which has ended.
const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2024-06-01", "council": "cc",
  "themes": [{"id": "t1", "name": "T1"}, {"id": "t2", "name": "T2"}, {"id": "t3", "name": "T3"}, {"id": "t4", "name": "T4"}],
  "business_units": [{"id": "u1", "name": "U1", "capacity_hours": 10}, {"id": "u2", "name": "U2", "capacity_hours": 10},
                     {"id": "u3", "name": "U3", "capacity_hours": 10}],
  "organisations": [{"id": "cc", "name": "C"}, {"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C2"},
                    {"id": "d", "name": "D"}, {"id": "e", "name": "E"}, {"id": "f", "name": "F"}, {"id": "lonely", "name": "L"}],
  "partnerships": [
    {"id": "r1", "name": "R1", "nature": "strategic",
     "members": [{"org": "cc", "role": "lead"}, {"org": "a", "role": "support"}, {"org": "b", "role": "support"},
                 {"org": "c", "role": "support"}, {"org": "d", "role": "support"}],
     "commitments": [{"unit": "u1", "hours": 1}, {"unit": "u2", "hours": 1}], "themes": ["t1", "t2"]},
    {"id": "r2", "name": "R2", "nature": "strategic",
     "members": [{"org": "a", "role": "lead"}, {"org": "b", "role": "support"}, {"org": "c", "role": "support"},
                 {"org": "cc", "role": "support"}],
     "commitments": [{"unit": "u2", "hours": 1}, {"unit": "u1", "hours": 1}], "themes": ["t2", "t1"]},
    {"id": "r3", "name": "R3", "nature": "operational",
     "members": [{"org": "a", "role": "lead"}, {"org": "b", "role": "support"}, {"org": "e", "role": "support"},
                 {"org": "f", "role": "support"}],
     "commitments": [{"unit": "u1", "hours": 1}, {"unit": "u1", "hours": 2}], "themes": ["t1"]},
    {"id": "r4", "name": "R4", "nature": "project",
     "members": [{"org": "e", "role": "lead"}, {"org": "f", "role": "support"}],
     "commitments": [{"unit": "u3", "hours": 1}], "themes": ["t3"]},
    {"id": "r5", "name": "R5", "nature": "project",
     "members": [{"org": "cc", "role": "lead"}, {"org": "a", "role": "support"}, {"org": "b", "role": "support"},
                 {"org": "c", "role": "support"}, {"org": "d", "role": "support"}],
     "commitments": [{"unit": "u3", "hours": 1}, {"unit": "u1", "hours": 1}], "themes": ["t4", "t3"], "end": "2024-05-31"}
  ]
})";

}  // namespace

TEST_CASE("unit and theme links count shared active partnerships", "[links]") {
  Fixture f(kRegister);
  const Links l = compute_links(f.g(), f.reg().as_of);
  REQUIRE(l.units.size() == 1);
  CHECK(l.units[0].a == f.unit("u1"));
  CHECK(l.units[0].b == f.unit("u2"));
  CHECK(l.units[0].shared == 2);
  REQUIRE(l.themes.size() == 1);
  CHECK(l.themes[0].a == f.theme("t1"));
  CHECK(l.themes[0].b == f.theme("t2"));
  CHECK(l.themes[0].shared == 2);
}

TEST_CASE("cross-cutting partnerships have two themes or two units", "[links]") {
  Fixture f(kRegister);
  const Links l = compute_links(f.g(), f.reg().as_of);
  REQUIRE(l.cross_cutting.size() == 2);
  CHECK(l.cross_cutting[0].partnership == f.partnership("r1"));
  CHECK(l.cross_cutting[0].themes == 2);
  CHECK(l.cross_cutting[0].units == 2);
  CHECK(l.cross_cutting[1].partnership == f.partnership("r2"));
}

TEST_CASE("partnership overlap keeps pairs at or above the threshold", "[links]") {
  Fixture f(kRegister);
  const Links l = compute_links(f.g(), f.reg().as_of);
  REQUIRE(l.overlap.size() == 2);
  CHECK(l.overlap[0].a == f.partnership("r1"));
  CHECK(l.overlap[0].b == f.partnership("r2"));
  CHECK(l.overlap[0].shared == 4);
  CHECK(l.overlap[0].either == 5);
  CHECK(l.overlap[0].jaccard == Approx(0.8));
  CHECK(l.overlap[1].a == f.partnership("r3"));
  CHECK(l.overlap[1].b == f.partnership("r4"));
  CHECK(l.overlap[1].jaccard == Approx(0.5));
  // Over the ended r5 too (all partnerships), r1 and r5 have the same members.
  const auto all = partnership_overlap(f.g(), std::vector<char>(5, 1), 0.5);
  REQUIRE(!all.empty());
  CHECK(all[0].a == f.partnership("r1"));
  CHECK(all[0].b == f.partnership("r5"));
  CHECK(all[0].jaccard == 1.0);
}

TEST_CASE("themes no partnership serves and themes the Council leads none of", "[links]") {
  Fixture f(kRegister);
  const Links l = compute_links(f.g(), f.reg().as_of);
  CHECK(l.themes_unserved == std::vector<Index>{f.theme("t4")});
  CHECK(l.themes_not_led == std::vector<Index>{f.theme("t3")});
  // Before r5 ended it served t4 and, led by the Council, t3.
  const Links before = compute_links(f.g(), f.day("2024-05-31"));
  CHECK(before.themes_unserved.empty());
  CHECK(before.themes_not_led.empty());
}

// The prefix-filtered overlap must find exactly what comparing every pair finds, including when one
// organisation (a council) sits on every partnership.
TEST_CASE("partnership overlap agrees with comparing all pairs", "[links]") {
  std::mt19937 rng(20040901);
  Register reg;
  reg.council = 0;
  const std::size_t orgs = 120, partnerships = 700;
  for (std::size_t o = 0; o < orgs; ++o) reg.organisations.push_back({numbered("o", o), "O", "", {}});
  for (std::size_t p = 0; p < partnerships; ++p) {
    Partnership part;
    part.id = numbered("p", p);
    std::set<Index> members{0};  // the council everywhere
    // Small sets over a few clusters, so that many pairs overlap a lot and many a little.
    const std::size_t size = 1 + rng() % 6;
    const Index base = static_cast<Index>((rng() % 12) * 10);
    while (members.size() < size + 1) members.insert(static_cast<Index>(1 + (base + rng() % 14) % (orgs - 1)));
    for (Index m : members) part.members.push_back({m, Role::support, {}});
    reg.partnerships.push_back(std::move(part));
  }
  const Graph g(reg);
  for (double t : {0.5, 0.3, 0.8, 1.0}) {
    const auto found = partnership_overlap(g, std::vector<char>(partnerships, 1), t);
    std::set<std::pair<Index, Index>> expected, got;
    for (Index a = 0; a < partnerships; ++a)
      for (Index b = a + 1; b < partnerships; ++b) {
        std::set<Index> x, y, both;
        for (const Member& m : reg.partnerships[a].members) x.insert(m.org);
        for (const Member& m : reg.partnerships[b].members) y.insert(m.org);
        std::size_t shared = 0;
        for (Index o : x) shared += y.count(o);
        const double j = static_cast<double>(shared) / static_cast<double>(x.size() + y.size() - shared);
        if (j >= t - 1e-12) expected.insert({a, b});
      }
    for (const Overlap& o : found) got.insert({o.a, o.b});
    INFO("threshold " << t);
    CHECK(got.size() == found.size());  // no pair twice
    CHECK(got == expected);
    CHECK(!expected.empty());
  }
}

TEST_CASE("Carlisle: the overlapping pairs the dataset README lists", "[links][carlisle]") {
  const Loaded loaded = load_register_file(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.json");
  const Graph g(loaded.reg);
  const Links l = compute_links(g, loaded.reg.as_of);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Overlap& o : l.overlap) pairs.insert({loaded.reg.partnerships[o.a].id, loaded.reg.partnerships[o.b].id});
  CHECK(pairs.count({"cumbria-waste", "concessionary-travel"}) == 1);
  CHECK(pairs.count({"cdrp", "asb-group"}) == 1);
  CHECK(pairs.count({"lsp-learning", "he-group"}) == 1);
  CHECK(pairs.count({"lsp-communities", "carlisle-compact"}) == 1);
  REQUIRE(!l.overlap.empty());
  CHECK(l.overlap[0].jaccard == Approx(0.875));
  CHECK(l.overlap.size() == 4);  // the README lists four pairs and no others
}
