// The network for other tools: GraphML (NetworkX, yEd, Gephi) and GEXF (Gephi), with every
// attribute partnermap knows, so that an analyst can colour and size by them there.
//
// Nodes are every vertex of the graph model, with ids that say their kind ("org:police",
// "partnership:csp", "unit:housing", "theme:safer"); edges are memberships (with the role),
// commitments (with hours), theme links and parent links, each once (not both stored directions).
#pragma once

#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/network.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/graph.h"

namespace partnermap::render {

using AttributeValue = std::variant<std::string, double, long long, bool>;

struct Attribute {
  std::string name;
  AttributeValue value;
};

struct ExportNode {
  std::string id;
  std::string label;
  std::vector<Attribute> attributes;
};

struct ExportEdge {
  std::string source, target;
  std::vector<Attribute> attributes;
};

struct ExportGraph {
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;
};

// The node and edge tables, with the figures of the analyses on the date they were computed for.
ExportGraph export_graph(const Graph& g, const Capacity& capacity, const Roles& roles, const Network& network);

void write_graphml(std::ostream& out, const ExportGraph& graph);
void write_gexf(std::ostream& out, const ExportGraph& graph);

}  // namespace partnermap::render
