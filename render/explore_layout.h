// The explorer's picture: every partnership, organisation and Business Unit as the network diagram
// draws it (same shapes, fills and borders), laid out by Graphviz through gvc, with the positions
// read back so that the page, the GEXF and the GraphML all show the same picture. Internal to render/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysed.h"

namespace partnermap::render {

enum class PlacedKind : std::uint8_t { partnership, organisation, unit, partnership_group, organisation_group };

struct PlacedNode {
  PlacedKind kind = PlacedKind::partnership;
  std::optional<Vertex> vertex;      // the register's thing; none for a group
  std::string group;                 // a group's key: a theme id ("" for no theme) or a sector group
  std::string label;                 // one line, as a person reads it
  std::size_t members = 1;           // how many things the node stands for
  double x = 0, y = 0;               // points, y growing downwards (as a page does)
  double width = 0, height = 0;      // points
  std::string shape, fill, font_colour, border_colour, border_style;
  double border_width = 1;
};

struct PlacedEdge {
  std::size_t a = 0, b = 0;  // into PlacedLayout::nodes
  std::optional<Vertex> from, to;  // the register's ends, when neither is a group
  EdgeKind kind = EdgeKind::membership;
  Role role = Role::support;       // memberships
  double hours = 0;                // commitments (summed when bundled)
  std::size_t count = 1;           // memberships a bundled line stands for
  std::string colour, style;
  double width = 1;
  bool laid_out = true;  // false for the Council's memberships, which the layout leaves out
};

struct PlacedLayout {
  std::string engine;
  bool grouped = false;                    // too many to draw one by one: groups stand for them
  std::vector<std::string> notes;          // what the picture says about itself
  std::vector<PlacedNode> nodes;
  std::vector<PlacedEdge> edges;
  std::vector<std::optional<std::size_t>> node_of;  // [vertex] -> node, when drawn on its own
  std::vector<std::string> warnings;       // Graphviz's messages
};

// Up to this many partnerships (and, separately, organisations) are drawn one by one; beyond it they
// are grouped, partnerships by first theme and organisations by sector, as the diagrams do.
inline constexpr std::size_t kExploreOneByOne = 2000;

// Lays the network out. The Council's memberships are not lines (it is in nearly every partnership,
// and its lines would knot the picture): each partnership's border says the Council's role, as in
// the diagrams. Graphviz is not thread-safe: call from one thread. Throws std::runtime_error when
// Graphviz fails.
PlacedLayout place_network(const Analysed& in, std::size_t one_by_one = kExploreOneByOne);

}  // namespace partnermap::render
