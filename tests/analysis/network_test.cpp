#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "partnermap/analysis/network.h"
#include "partnermap/analysis/network_json.h"
#include "partnermap/generate.h"
#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;

namespace {

// A register from its organisations and partnerships (each a list of member ids); the first
// organisation is the council.
std::string make_register(const std::vector<std::string>& orgs,
                          const std::vector<std::vector<std::string>>& partnerships,
                          const std::string& commitments_of_first = "") {
  std::string text = R"({"format": "partnermap/1", "as_of": "2004-09-01", "council": ")" + orgs[0] +
                     R"(", "themes": [], "business_units": [{"id": "u1", "name": "Unit", "capacity_hours": 10}],
                     "organisations": [)";
  for (std::size_t i = 0; i < orgs.size(); ++i)
    text += (i ? ", " : "") + std::string(R"({"id": ")") + orgs[i] + R"(", "name": ")" + orgs[i] + R"("})";
  text += R"(], "partnerships": [)";
  for (std::size_t i = 0; i < partnerships.size(); ++i) {
    text += (i ? ", " : "") + std::string(R"({"id": "p)") + std::to_string(i + 1) + R"(", "name": "P)" +
            std::to_string(i + 1) + R"(", "nature": "project", "members": [)";
    for (std::size_t j = 0; j < partnerships[i].size(); ++j)
      text += (j ? ", " : "") + std::string(R"({"org": ")") + partnerships[i][j] + R"(", "role": "support"})";
    text += "]";
    if (i == 0 && !commitments_of_first.empty()) text += R"(, "commitments": [{"unit": ")" + commitments_of_first + R"(", "hours": 2}])";
    text += "}";
  }
  return text + "]}";
}

Network exact(const Graph& g, unsigned threads = 1) {
  NetworkSettings s;
  s.samples = 0;
  s.threads = threads;
  return compute_network(g, s);
}

}  // namespace

TEST_CASE("a star: one partnership, four members", "[network]") {
  const Register reg = load_register_text(make_register({"a", "b", "c", "d"}, {{"a", "b", "c", "d"}}), "s.json").reg;
  const Graph g(reg);
  const Network n = exact(g);
  for (const OrganisationFigures& o : n.organisations) {
    CHECK(o.partnerships == 1);
    CHECK(o.co_members == 3);
    CHECK(o.strength == 3);
    CHECK(o.betweenness == 0);
    CHECK(o.component == 0);
    CHECK(o.closeness == Approx(4.0 / 7));  // distances 1 + 2 + 2 + 2
  }
  const PartnershipFigures& p = n.partnerships[0];
  CHECK(p.members == 4);
  CHECK(p.linked_partnerships == 0);
  CHECK(p.strength == 0);
  CHECK(p.betweenness == 6);  // every pair of the four members
  CHECK(p.closeness == 1);
  CHECK(n.memberships == 4);
  CHECK(n.density == 1);
  CHECK(n.organisation_density == 1);
  CHECK(n.centralization == 0);
  CHECK(n.component_count == 1);
  CHECK(n.betweenness_exact);
  CHECK(n.closeness_exact);
}

TEST_CASE("a path: a - p1 - b - p2 - c", "[network]") {
  const Register reg = load_register_text(make_register({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}}), "p.json").reg;
  const Graph g(reg);
  const Network n = exact(g);
  // On a path of five vertices, the i-th lies between i * (4 - i) pairs.
  CHECK(n.organisations[0].betweenness == 0);
  CHECK(n.partnerships[0].betweenness == 3);
  CHECK(n.organisations[1].betweenness == 4);
  CHECK(n.partnerships[1].betweenness == 3);
  CHECK(n.organisations[2].betweenness == 0);
  CHECK(n.organisations[0].closeness == Approx(4.0 / 10));
  CHECK(n.partnerships[0].closeness == Approx(4.0 / 7));
  CHECK(n.organisations[1].closeness == Approx(4.0 / 6));
  CHECK(n.organisations[0].co_members == 1);
  CHECK(n.organisations[1].co_members == 2);
  CHECK(n.organisations[1].strength == 2);
  CHECK(n.partnerships[0].members == 2);
  CHECK(n.partnerships[0].linked_partnerships == 1);
  CHECK(n.partnerships[0].strength == 1);  // a is in nothing else, b in one other
  CHECK(n.density == Approx(4.0 / 6));
  CHECK(n.organisation_density == Approx(2.0 / 3));
  CHECK(n.centralization == Approx(1.0));  // the projection a - b - c is a star on b
}

TEST_CASE("two components and an organisation in no partnership", "[network]") {
  const Register reg = load_register_text(
      make_register({"a", "b", "c", "d", "e", "x"}, {{"d", "e"}, {"a", "b", "c"}}, "u1"), "c.json").reg;
  const Graph g(reg);
  const Network n = exact(g);
  REQUIRE(n.component_count == 3);
  REQUIRE(n.component_sizes.size() == 3);
  CHECK(n.component_sizes[0].size == 4);  // largest first
  CHECK(n.component_sizes[1].size == 3);
  CHECK(n.component_sizes[2].size == 1);
  CHECK(n.organisations[0].component == 0);
  CHECK(n.partnerships[1].component == 0);
  CHECK(n.organisations[3].component == 1);
  CHECK(n.partnerships[0].component == 1);
  const OrganisationFigures& x = n.organisations[5];
  CHECK(x.component == 2);
  CHECK(x.partnerships == 0);
  CHECK(x.co_members == 0);
  CHECK(x.strength == 0);
  CHECK(x.betweenness == 0);
  CHECK(x.closeness == 0);
  // Closeness counts only the component: a reaches p2 (1), b and c (2 each).
  CHECK(n.organisations[0].closeness == Approx(3.0 / 5));
  CHECK(n.organisations[3].closeness == Approx(2.0 / 3));
  CHECK(n.partnerships[0].betweenness == 1);
  CHECK(n.partnerships[1].betweenness == 3);
  CHECK(n.density == Approx(5.0 / 12));
  CHECK(n.organisation_density == Approx(4.0 / 15));
  CHECK(n.centralization == Approx(4.0 / 20));
  // Demand: the council (a) is left out; everyone is in one partnership, and p1 = {d, e} has the
  // unit's commitment, so d and e come first.
  REQUIRE(n.demand.size() == 4);
  CHECK(n.demand[0].organisation == 3);  // d: 1 partnership, 1 unit
  CHECK(n.demand[0].units == 1);
  CHECK(n.demand[1].organisation == 4);
  CHECK(n.demand[2].organisation == 1);  // b: 1 partnership, no unit
  CHECK(n.demand[2].units == 0);
  CHECK(n.demand[3].organisation == 2);
}

TEST_CASE("an organisation listed twice in a partnership counts once", "[network]") {
  const Loaded loaded = load_register_text(make_register({"a", "b", "c"}, {{"a", "b", "a"}, {"b", "c"}}), "d.json");
  CHECK(!loaded.warnings.empty());
  const Graph g(loaded.reg);
  const Network n = exact(g);
  CHECK(n.organisations[0].partnerships == 1);
  CHECK(n.partnerships[0].members == 2);
  CHECK(n.memberships == 4);
  CHECK(n.organisations[1].betweenness == 4);  // the same path as above
  CHECK(n.organisations[0].strength == 1);
}

TEST_CASE("betweenness is the same bit for bit on one thread and on several", "[network]") {
  GenerateSettings settings;
  settings.organisations = 300;
  settings.partnerships = 120;
  settings.seed = 7;
  const Register reg = generate_register(settings);
  const Graph g(reg);
  const Network one = exact(g, 1), two = exact(g, 2), three = exact(g, 3);
  REQUIRE(one.betweenness_exact);
  for (std::size_t i = 0; i < one.organisations.size(); ++i) {
    CHECK(one.organisations[i].betweenness == two.organisations[i].betweenness);
    CHECK(one.organisations[i].betweenness == three.organisations[i].betweenness);
    CHECK(one.organisations[i].closeness == two.organisations[i].closeness);
    CHECK(one.organisations[i].co_members == two.organisations[i].co_members);
  }
  for (std::size_t i = 0; i < one.partnerships.size(); ++i)
    CHECK(one.partnerships[i].betweenness == two.partnerships[i].betweenness);

  NetworkSettings sampled;
  sampled.samples = 20;
  sampled.threads = 1;
  const Network s1 = compute_network(g, sampled);
  sampled.threads = 2;
  const Network s2 = compute_network(g, sampled);
  CHECK_FALSE(s1.betweenness_exact);
  CHECK(s1.betweenness_samples == 20);
  CHECK_FALSE(s1.closeness_exact);
  for (std::size_t i = 0; i < s1.organisations.size(); ++i) {
    CHECK(s1.organisations[i].betweenness == s2.organisations[i].betweenness);
    CHECK(s1.organisations[i].closeness == s2.organisations[i].closeness);
  }
}

TEST_CASE("sampling every vertex gives the exact figures", "[network]") {
  GenerateSettings settings;
  settings.organisations = 200;
  settings.partnerships = 60;
  const Register reg = generate_register(settings);
  const Graph g(reg);
  const Network e = exact(g, 2);
  NetworkSettings all;
  all.samples = g.partner_network_size();
  all.threads = 2;
  const Network s = compute_network(g, all);
  CHECK(s.betweenness_exact);
  CHECK(s.betweenness_samples == 0);
  for (std::size_t i = 0; i < e.organisations.size(); ++i) {
    CHECK(s.organisations[i].betweenness == e.organisations[i].betweenness);
    CHECK(s.organisations[i].closeness == e.organisations[i].closeness);
  }
  // One fewer source is an estimate, scaled by V/K, close to the exact figure in total.
  all.samples = g.partner_network_size() - 1;
  const Network almost = compute_network(g, all);
  CHECK_FALSE(almost.betweenness_exact);
  double exact_total = 0, estimate_total = 0;
  for (std::size_t i = 0; i < e.organisations.size(); ++i) {
    exact_total += e.organisations[i].betweenness;
    estimate_total += almost.organisations[i].betweenness;
  }
  CHECK(estimate_total == Approx(exact_total).epsilon(0.05));
}

TEST_CASE("sampled closeness reaches every component", "[network]") {
  // Three components; one sampled source lands in one of them, the others get sources of their own.
  const Register reg = load_register_text(
      make_register({"a", "b", "c", "d", "e", "f", "g"}, {{"a", "b", "c"}, {"d", "e"}, {"f", "g"}}), "k.json").reg;
  const Graph g(reg);
  NetworkSettings one;
  one.samples = 1;
  const Network n = compute_network(g, one);
  CHECK_FALSE(n.betweenness_exact);
  for (const OrganisationFigures& o : n.organisations) CHECK(o.closeness > 0);
  for (const PartnershipFigures& p : n.partnerships) CHECK(p.closeness > 0);
}

TEST_CASE("the automatic choice is exact for a council's register, and progress is reported", "[network]") {
  const Register reg = load_register_file(test::carlisle()).reg;
  const Graph g(reg);
  NetworkSettings settings;
  std::size_t calls = 0, last = 0, total = 0;
  settings.progress = [&](std::size_t done, std::size_t of) {
    CHECK(done >= last);
    last = done;
    total = of;
    ++calls;
  };
  const Network n = compute_network(g, settings);
  CHECK(n.betweenness_exact);
  CHECK(calls > 0);
  CHECK(last == total);
  CHECK(total == g.partner_network_size());
  // The council is in most partnerships: it brokers most.
  const double council = n.organisations[reg.council].betweenness;
  for (const OrganisationFigures& o : n.organisations) CHECK(o.betweenness <= council);
}

TEST_CASE("the streamed JSON is the DOM's text, with the documented fields", "[network][json]") {
  const Register reg = load_register_text(
      make_register({"a", "b", "c", "d", "e", "x"}, {{"d", "e"}, {"a", "b", "c"}}, "u1"), "c.json").reg;
  const Graph g(reg);
  const Network n = exact(g);
  const nlohmann::json doc = network_to_json(g, n);
  std::ostringstream streamed;
  write_network_json(streamed, g, n);
  CHECK(streamed.str() == doc.dump());
  REQUIRE(doc["organisations"].size() == 6);
  for (const char* field : {"id", "name", "partnerships", "co_members", "strength", "betweenness", "component", "closeness"})
    CHECK(doc["organisations"][0].contains(field));
  for (const char* field : {"id", "name", "members", "linked_partnerships", "strength", "betweenness", "component", "closeness"})
    CHECK(doc["partnerships"][0].contains(field));
  CHECK(doc["organisations"][5]["id"] == "x");
  CHECK(doc["components"]["count"] == 3);
  CHECK(doc["betweenness_exact"] == true);
  CHECK(doc["demand"][0]["id"] == "d");
}
