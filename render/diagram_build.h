// A diagram under construction: the cgraph graph and what the view decided. Internal to render/.
#pragma once

#include "diagram.h"
#include "graphviz.h"

namespace partnermap::render {

struct Diagram {
  GvGraph graph;
  std::string engine;
  std::size_t nodes = 0, edges = 0;
  std::vector<std::string> notes;
  // Drawn in layers whose order means something (units on the left, parents above): re-laid only
  // within the layered engine.
  bool layered = false;
};

// Builds a view. Throws std::invalid_argument when an ego id names nothing in the register.
Diagram build_diagram(const Analysed& in, const DiagramView& view, const DiagramOptions& options);

}  // namespace partnermap::render
