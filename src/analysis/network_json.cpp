#include "partnermap/analysis/network_json.h"

#include <ostream>

namespace partnermap {

namespace {

using nlohmann::json;

json organisation_entry(const Graph& g, Index i, const OrganisationFigures& o) {
  const Organisation& org = g.reg().organisations[i];
  return {{"id", org.id},
          {"name", org.name},
          {"partnerships", o.partnerships},
          {"co_members", o.co_members},
          {"strength", o.strength},
          {"betweenness", o.betweenness},
          {"component", o.component},
          {"closeness", o.closeness}};
}

json partnership_entry(const Graph& g, Index i, const PartnershipFigures& p) {
  const Partnership& part = g.reg().partnerships[i];
  return {{"id", part.id},
          {"name", part.name},
          {"members", p.members},
          {"linked_partnerships", p.linked_partnerships},
          {"strength", p.strength},
          {"betweenness", p.betweenness},
          {"component", p.component},
          {"closeness", p.closeness}};
}

}  // namespace

JsonDocument network_document(const Graph& g, const Network& net) {
  json sizes = json::array();
  for (const ComponentSize& c : net.component_sizes) sizes.push_back({{"size", c.size}, {"count", c.count}});
  json demand = json::array();
  for (const Demand& d : net.demand) {
    const Organisation& org = g.reg().organisations[d.organisation];
    demand.push_back({{"id", org.id}, {"name", org.name}, {"partnerships", d.partnerships}, {"units", d.units}});
  }
  JsonDocument doc;
  doc.head = {{"organisations", nullptr},
              {"partnerships", nullptr},
              {"memberships", net.memberships},
              {"density", net.density},
              {"organisation_density", net.organisation_density},
              {"centralization", net.centralization},
              {"components", {{"count", net.component_count}, {"sizes", std::move(sizes)}}},
              {"betweenness_exact", net.betweenness_exact},
              {"betweenness_samples", net.betweenness_samples},
              {"closeness_exact", net.closeness_exact},
              {"demand", std::move(demand)}};
  doc.lists["/organisations"] = {net.organisations.size(),
                                 [&g, &net](std::size_t i) { return organisation_entry(g, i, net.organisations[i]); }};
  doc.lists["/partnerships"] = {net.partnerships.size(),
                                [&g, &net](std::size_t i) { return partnership_entry(g, i, net.partnerships[i]); }};
  return doc;
}

json network_to_json(const Graph& g, const Network& net) { return network_document(g, net).value(); }

void write_network_json(std::ostream& out, const Graph& g, const Network& net) { network_document(g, net).write(out); }

}  // namespace partnermap
