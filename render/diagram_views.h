// The five views, each filling a Canvas. Internal to render/; diagram.cpp picks one.
#pragma once

#include "diagram_style.h"

namespace partnermap::render {

// Each returns the notes the diagram must show about itself (grouping, things left out) and sets
// whether the view is layered (drawn by dot whatever its size).
struct ViewResult {
  std::vector<std::string> notes;
  bool layered = false;
  // The engine that draws this view best, when its size alone does not say (empty: by size).
  std::string engine;
};

ViewResult draw_network(Canvas& c);
ViewResult draw_ego(Canvas& c, const DiagramView& view);
ViewResult draw_themes(Canvas& c);
ViewResult draw_capacity(Canvas& c);
ViewResult draw_hierarchy(Canvas& c);

}  // namespace partnermap::render
