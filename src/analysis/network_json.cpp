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

// Everything but the two long lists, which are left null for the caller to fill.
json summary(const Graph& g, const Network& net) {
  json sizes = json::array();
  for (const ComponentSize& c : net.component_sizes) sizes.push_back({{"size", c.size}, {"count", c.count}});
  json demand = json::array();
  for (const Demand& d : net.demand) {
    const Organisation& org = g.reg().organisations[d.organisation];
    demand.push_back({{"id", org.id}, {"name", org.name}, {"partnerships", d.partnerships}, {"units", d.units}});
  }
  return {{"organisations", nullptr},
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
}

}  // namespace

json network_to_json(const Graph& g, const Network& net) {
  json out = summary(g, net);
  json& orgs = out["organisations"] = json::array();
  for (Index i = 0; i < net.organisations.size(); ++i) orgs.push_back(organisation_entry(g, i, net.organisations[i]));
  json& parts = out["partnerships"] = json::array();
  for (Index i = 0; i < net.partnerships.size(); ++i) parts.push_back(partnership_entry(g, i, net.partnerships[i]));
  return out;
}

void write_network_json(std::ostream& out, const Graph& g, const Network& net) {
  // Walking the summary's keys keeps the DOM's (sorted) key order, so the text is the same.
  const json head = summary(g, net);
  out << '{';
  bool first = true;
  for (const auto& [key, value] : head.items()) {
    if (!first) out << ',';
    first = false;
    out << json(key).dump() << ':';
    if (key == "organisations" || key == "partnerships") {
      out << '[';
      const bool is_orgs = key == "organisations";
      const std::size_t count = is_orgs ? net.organisations.size() : net.partnerships.size();
      for (Index i = 0; i < count; ++i) {
        if (i > 0) out << ',';
        out << (is_orgs ? organisation_entry(g, i, net.organisations[i]) : partnership_entry(g, i, net.partnerships[i])).dump();
      }
      out << ']';
    } else {
      out << value.dump();
    }
  }
  out << '}';
}

}  // namespace partnermap
