#include <catch2/catch.hpp>

#include <string>

#include "analysis/fixture.h"
#include "partnermap/analysis/clusters.h"

using namespace partnermap;
using partnermap::test::Fixture;

namespace {

// Two groups of partners, each in three partnerships of its own theme, joined only through the
// council (left out of the clusters) and one partnership of the first theme that draws on both.
std::string two_groups() {
  std::string orgs = R"({"id": "council", "name": "The Council"})";
  for (const char* o : {"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"})
    orgs += std::string(R"(, {"id": ")") + o + R"(", "name": "Org )" + o + R"("})";
  auto part = [](const std::string& id, const std::string& theme, const std::string& members) {
    return R"({"id": ")" + id + R"(", "name": "P )" + id + R"(", "nature": "project", "themes": [")" + theme +
           R"("], "members": [{"org": "council", "role": "lead"})" + members + "]}";
  };
  const std::string a = R"(, {"org": "a1", "role": "support"}, {"org": "a2", "role": "support"}, {"org": "a3", "role": "support"}, {"org": "a4", "role": "support"})";
  const std::string b = R"(, {"org": "b1", "role": "support"}, {"org": "b2", "role": "support"}, {"org": "b3", "role": "support"}, {"org": "b4", "role": "support"})";
  return R"({"format": "partnermap/1", "as_of": "2004-09-01", "council": "council",
    "themes": [{"id": "safer", "name": "Safer"}, {"id": "health", "name": "Health"}],
    "business_units": [], "organisations": [)" +
         orgs + R"(], "partnerships": [)" + part("a-1", "safer", a) + "," + part("a-2", "safer", a) + "," + part("a-3", "safer", a) + "," +
         part("b-1", "health", b) + "," + part("b-2", "health", b) + "," + part("b-3", "health", b) + "," +
         part("bridge", "safer", R"(, {"org": "b1", "role": "support"}, {"org": "b2", "role": "support"}, {"org": "b3", "role": "support"})") + "]}";
}

}  // namespace

TEST_CASE("clusters find the groups partners form, without the council, and set them beside the themes", "[analysis][clusters]") {
  Fixture f(two_groups());
  const Clusters c = compute_clusters(f.g());
  REQUIRE(c.clusters.size() == 2);
  CHECK(c.modularity > 0.3);
  CHECK_FALSE(c.of_vertex[f.g().council()].has_value());
  // The bridge sits with the partners it draws on, in the health cluster: the one partnership of
  // another theme there.
  const Cluster& health = c.clusters[0].main_theme == f.theme("health") ? c.clusters[0] : c.clusters[1];
  REQUIRE(health.main_theme == f.theme("health"));
  CHECK(health.partnerships.size() == 4);
  CHECK(health.theme_share == Approx(0.75));
  REQUIRE(health.off_theme.size() == 1);
  CHECK(f.reg().partnerships[health.off_theme[0]].id == "bridge");
  CHECK(c.nmi > 0.3);
  CHECK(c.nmi < 1.0);

  const nlohmann::json j = clusters_to_json(f.g(), c);
  CHECK(j["algorithm"] == "louvain");
  CHECK(j["excludes"] == "council");
  CHECK(j["clusters"][0]["id"] == 1);
  CHECK(j["seed"] == kClusterSeed);
}

TEST_CASE("clusters are the same for the same seed", "[analysis][clusters]") {
  Fixture f(two_groups());
  const Clusters a = compute_clusters(f.g(), 11), b = compute_clusters(f.g(), 11);
  CHECK(clusters_to_json(f.g(), a) == clusters_to_json(f.g(), b));
}

TEST_CASE("a register with no partnerships has no clusters", "[analysis][clusters]") {
  Fixture f(R"({"format": "partnermap/1", "as_of": "2004-09-01", "council": "c", "themes": [], "business_units": [],
    "organisations": [{"id": "c", "name": "Council"}], "partnerships": []})");
  const Clusters c = compute_clusters(f.g());
  CHECK(c.clusters.empty());
  CHECK(c.nmi == 0);
}
