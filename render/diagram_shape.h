// The shape of a laid-out diagram: measured, kept within a readable aspect ratio, and fitted to a
// printed page. Internal to render/.
#pragma once

#include "diagram_build.h"

namespace partnermap::render {

// A laid-out drawing's size in points (Graphviz's bounding box, the legend included).
struct Extent {
  double width = 0, height = 0;
  // How far from square: 1 for a square, 4 for a strip four times longer than it is wide.
  double aspect() const;
};
Extent laid_out_extent(Agraph_t* g);

// How much a drawing of `drawing` is scaled to fit one page of `paper` (PageFit's page, before its
// cap on enlarging): a label of N points prints at N times this.
double page_scale(Extent drawing, Paper paper);

// The smallest type the drawing uses, in points (Graphviz's default 14 when none is set).
double smallest_type(Agraph_t* g);

// Labels printed smaller than this are hard to read on paper, so a layout that prints them smaller
// is re-laid if another one prints them larger.
inline constexpr double kLegiblePoints = 5.0;

// Lays `d` out with its engine. When the drawing is further from square than options.widest_aspect,
// or so big that its labels print smaller than kLegiblePoints on its page, tries again with the long
// fans of leaves staggered (what Graphviz's unflatten does), the direction turned, separate parts
// packed, and (for a graph neither layered nor with clusters, whose layers and areas a force layout
// would not draw) force and radial layouts around the view's centre; keeps whichever layout is within the aspect limit and
// prints its labels largest. Each attempt is a full layout: the choice is made from what Graphviz
// drew, not from guesses.
Extent lay_out_in_proportion(GvContext& gvc, Diagram& d, const DiagramOptions& options);

// While alive, renders of `g` come out on one page of `paper` (A4 or A3, portrait or landscape to
// suit the drawing), the drawing scaled to fit within 10 mm margins and centred; restores the graph's
// own size and margin afterwards, so other formats are drawn at their natural size.
class PageFit {
 public:
  PageFit(Agraph_t* g, Extent drawing, Paper paper);
  ~PageFit();
  PageFit(const PageFit&) = delete;
  PageFit& operator=(const PageFit&) = delete;

 private:
  Agraph_t* g_;
  pointf size_;
  bool filled_;
  std::string margin_;
};

}  // namespace partnermap::render
