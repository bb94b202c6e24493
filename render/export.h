// The network for other tools: GraphML (NetworkX, yEd, Gephi) and GEXF (Gephi), with every
// attribute partnermap knows, so that an analyst can colour and size by them there.
//
// Nodes are every vertex of the graph model, with ids that say their kind ("org:police",
// "partnership:csp", "unit:housing", "theme:safer"); edges are memberships (with the role),
// commitments (with hours), theme links and parent links, each once (not both stored directions).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/clusters.h"
#include "partnermap/analysis/network.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/graph.h"

namespace partnermap::render {

using AttributeValue = std::variant<std::string, double, long long, bool>;

struct Attribute {
  std::string name;
  AttributeValue value;
};

// Where and how a node is drawn: the explorer's Graphviz layout and the diagrams' fills.
struct Viz {
  double x = 0, y = 0;  // points, y growing upwards (as Gephi and yEd draw)
  double size = 10;     // half the drawn width, points
  int r = 255, g = 255, b = 255;
};

// When a node or edge is in the network: a partnership's start and end ("" for an open end).
struct Spell {
  std::string start, end;
};

struct ExportNode {
  std::string id;
  std::string label;
  std::vector<Attribute> attributes;
  std::optional<Viz> viz;
  std::optional<Spell> spell;
};

struct ExportEdge {
  std::string source, target;
  std::vector<Attribute> attributes;
  std::optional<Spell> spell;
};

struct ExportGraph {
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;
};

// The node and edge tables, with the figures of the analyses on the date they were computed for.
ExportGraph export_graph(const Graph& g, const Capacity& capacity, const Roles& roles, const Network& network);

struct PlacedLayout;
// Gives every node the position, colour and size of the explorer's picture (`nodes` are in vertex
// order, as export_graph makes them). A thing drawn in a group sits within its group's shape; a
// theme at the middle of its partnerships; an organisation in no partnership below the picture.
void add_layout(ExportGraph& graph, const Graph& g, const PlacedLayout& layout);
// A `cluster` attribute on organisations and partnerships: the number of its cluster, 0 for none.
void add_clusters(ExportGraph& graph, const partnermap::Clusters& clusters);

void write_graphml(std::ostream& out, const ExportGraph& graph);
void write_gexf(std::ostream& out, const ExportGraph& graph);

}  // namespace partnermap::render
