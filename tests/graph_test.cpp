#include <catch2/catch.hpp>

#include <algorithm>

#include "partnermap/graph.h"
#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;

namespace {

const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2004-09-01", "council": "cc",
  "themes": [{"id": "safer", "name": "Safer"}, {"id": "health", "name": "Health"}],
  "business_units": [{"id": "housing", "name": "Housing", "capacity_hours": 100}],
  "organisations": [{"id": "cc", "name": "Council"}, {"id": "pol", "name": "Police"},
                    {"id": "pct", "name": "PCT"}, {"id": "alone", "name": "In nothing"}],
  "partnerships": [
    {"id": "lsp", "name": "LSP", "nature": "strategic", "themes": ["safer", "health"],
     "members": [{"org": "cc", "role": "lead"}, {"org": "pol", "role": "support"}, {"org": "pct", "role": "observer"}],
     "commitments": [{"unit": "housing", "hours": 10}]},
    {"id": "csp", "name": "CSP", "nature": "operational", "parent": "lsp", "themes": ["safer"],
     "members": [{"org": "pol", "role": "lead"}, {"org": "cc", "role": "support"}],
     "commitments": [{"unit": "housing", "hours": 4}]}
  ]})";

}  // namespace

TEST_CASE("the graph has one vertex per entry, typed by block", "[graph]") {
  const Register reg = load_register_text(kRegister, "g.json").reg;
  const Graph g(reg);
  CHECK(g.vertex_count() == 4 + 2 + 1 + 2);
  CHECK(g.kind(0) == VertexKind::organisation);
  CHECK(g.kind(g.partnership(0)) == VertexKind::partnership);
  CHECK(g.kind(g.unit(0)) == VertexKind::unit);
  CHECK(g.kind(g.theme(1)) == VertexKind::theme);
  CHECK(g.index(g.theme(1)) == 1);
  CHECK(g.id(g.partnership(1)) == "csp");
  CHECK(g.name(g.unit(0)) == "Housing");
  CHECK(g.council() == g.organisation(0));
  CHECK(g.partner_network_size() == 6);
}

TEST_CASE("every edge is stored both ways, with its kind", "[graph]") {
  const Register reg = load_register_text(kRegister, "g.json").reg;
  const Graph g(reg);
  // memberships 5, commitments 2, theme links 3, parent 1: 11 edges, 22 directed copies.
  CHECK(g.edge_count() == 22);
  std::size_t by_kind[4] = {};
  for (Vertex v = 0; v < g.vertex_count(); ++v)
    for (const EdgeInfo& e : g.edge_info(v)) by_kind[static_cast<int>(e.kind)] += e.reverse ? 0 : 1;
  CHECK(by_kind[static_cast<int>(EdgeKind::membership)] == 5);
  CHECK(by_kind[static_cast<int>(EdgeKind::commitment)] == 2);
  CHECK(by_kind[static_cast<int>(EdgeKind::theme)] == 3);
  CHECK(by_kind[static_cast<int>(EdgeKind::parent)] == 1);
  // The parent edge leaves the sub-partnership on its forward copy.
  const auto csp = g.partnership(1);
  const auto ns = g.neighbours(csp);
  const auto info = g.edge_info(csp);
  bool found = false;
  for (std::size_t i = 0; i < ns.size(); ++i)
    if (info[i].kind == EdgeKind::parent) {
      CHECK(ns[i] == g.partnership(0));
      CHECK_FALSE(info[i].reverse);
      found = true;
    }
  CHECK(found);
}

TEST_CASE("membership edges carry the role and the member's slot", "[graph]") {
  const Register reg = load_register_text(kRegister, "g.json").reg;
  const Graph g(reg);
  const auto lsp = g.partnership(0);
  const auto ns = g.neighbours(lsp);
  const auto info = g.edge_info(lsp);
  REQUIRE(ns.size() >= 3);
  CHECK(ns[0] == g.organisation(0));
  CHECK(info[0].role == Role::lead);
  CHECK(info[2].role == Role::observer);
  CHECK(info[2].slot == 2);
}

TEST_CASE("the partner network is organisations and partnerships joined by memberships", "[graph]") {
  const Register reg = load_register_text(kRegister, "g.json").reg;
  const Graph g(reg);
  const auto members = g.partner_neighbours(g.partnership(0));
  CHECK(std::vector<Vertex>(members.begin(), members.end()) == std::vector<Vertex>{0, 1, 2});
  const auto of_police = g.partner_neighbours(g.organisation(1));
  CHECK(std::vector<Vertex>(of_police.begin(), of_police.end()) ==
        std::vector<Vertex>{g.partnership(0), g.partnership(1)});
  CHECK(g.partner_neighbours(g.organisation(3)).empty());  // in no partnership
  CHECK(g.partner_neighbours(g.unit(0)).empty());
}

TEST_CASE("ids are found in constant time within their kind", "[graph]") {
  const Register reg = load_register_text(kRegister, "g.json").reg;
  const Graph g(reg);
  CHECK(g.find(VertexKind::organisation, "pct") == g.organisation(2));
  CHECK(g.find(VertexKind::partnership, "csp") == g.partnership(1));
  CHECK(g.find(VertexKind::unit, "housing") == g.unit(0));
  CHECK(g.find(VertexKind::theme, "health") == g.theme(1));
  CHECK_FALSE(g.find(VertexKind::theme, "pct"));
  CHECK_FALSE(g.find(VertexKind::organisation, "nobody"));
}

TEST_CASE("an empty register makes an empty graph", "[graph]") {
  Register reg;
  const Graph g(reg);
  CHECK(g.vertex_count() == 0);
  CHECK(g.edge_count() == 0);
}

TEST_CASE("the Carlisle graph has an edge pair for every link in the register", "[graph]") {
  const Register reg = load_register_file(partnermap::test::carlisle()).reg;
  const Graph g(reg);
  std::size_t links = 0;
  for (const Partnership& p : reg.partnerships)
    links += p.members.size() + p.commitments.size() + p.themes.size() + (p.parent ? 1 : 0);
  CHECK(g.edge_count() == 2 * links);
  CHECK(g.vertex_count() == reg.organisations.size() + reg.partnerships.size() +
                                reg.business_units.size() + reg.themes.size());
}
