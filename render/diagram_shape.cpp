#include "diagram_shape.h"

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <functional>
#include <vector>

namespace partnermap::render {

double Extent::aspect() const {
  if (width <= 0 || height <= 0) return 1;
  return std::max(width / height, height / width);
}

Extent laid_out_extent(Agraph_t* g) {
  // The layout's own box (gvLayout does not always write the "bb" attribute in Graphviz 2.42).
  if (!AGDATA(g)) return {};  // called only after a layout, which binds the record
  const boxf bb = GD_bb(g);
  return {bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y};
}

namespace {

// An attribute change that can be undone: what a re-layout tries.
struct Change {
  void* obj;
  std::string name, value, before;
};

std::string get(void* obj, const std::string& name) {
  const char* v = agget(obj, gv_str(name));
  return v ? v : "";
}

// Staggers each node's fan of leaves over `levels` ranks, as `unflatten -l levels` does: a node with
// forty one-line neighbours otherwise puts all forty side by side in one very long rank.
std::vector<Change> stagger_leaves(Agraph_t* g, int levels) {
  std::vector<Change> out;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    int i = 0;
    for (Agedge_t* e = agfstedge(g, n); e; e = agnxtedge(g, e, n)) {
      Agnode_t* other = aghead(e) == n ? agtail(e) : aghead(e);
      if (other == n || agdegree(g, other, 1, 1) != 1 || agdegree(g, n, 1, 1) < 4) continue;
      out.push_back({e, "minlen", std::to_string(1 + (i++ % levels)), get(e, "minlen")});
    }
  }
  return out;
}

std::vector<Change> turn(Agraph_t* g) {
  const std::string dir = get(g, "rankdir");
  const bool across = dir == "LR" || dir == "RL";
  return {{g, "rankdir", across ? "TB" : "LR", dir}};
}

std::vector<Change> pack(Agraph_t* g) {
  return {{g, "pack", "true", get(g, "pack")}, {g, "packmode", "graph", get(g, "packmode")}};
}

// What a force layout needs to read well (as diagram.cpp sets for neato by size).
std::vector<Change> spread(Agraph_t* g) {
  return {{g, "overlap", "false", get(g, "overlap")}, {g, "sep", "+8", get(g, "sep")},
          {g, "splines", "curved", get(g, "splines")}, {g, "mode", "major", get(g, "mode")},
          {g, "layout", "neato", get(g, "layout")}};
}

void apply(const std::vector<Change>& changes) {
  for (const Change& c : changes) gv_set(c.obj, c.name.c_str(), c.value);
}
void undo(const std::vector<Change>& changes) {
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) gv_set(it->obj, it->name.c_str(), it->before);
}

// Rings around the view's centre (an ego view's focus): the first step on the inner ring, the
// second on the outer, which spreads a neighbourhood that a layered layout stacks in one long rank.
std::vector<Change> radial(Agraph_t* g) {
  if (get(g, "root").empty()) return {};
  return {{g, "overlap", "false", get(g, "overlap")}, {g, "splines", "false", get(g, "splines")},
          {g, "ranksep", "1.2", get(g, "ranksep")}, {g, "layout", "twopi", get(g, "layout")}};
}

std::vector<Change> prism(Agraph_t* g) {
  return {{g, "overlap", "prism", get(g, "overlap")}, {g, "sep", "+4", get(g, "sep")},
          {g, "splines", "false", get(g, "splines")}, {g, "layout", "sfdp", get(g, "layout")}};
}

// Better: within the aspect limit; then the one whose labels print larger on its page.
bool better(const Extent& a, const Extent& b, double limit, Paper paper) {
  const bool a_ok = a.aspect() <= limit, b_ok = b.aspect() <= limit;
  if (a_ok != b_ok) return a_ok;
  if (a_ok) return page_scale(a, paper) > page_scale(b, paper) * 1.02;  // a clear gain, not noise
  return a.aspect() < b.aspect();
}

constexpr double kPointsPerMm = 72.0 / 25.4;

struct Page {
  double width, height;
};

// The page a drawing prints on: A4 or A3, turned to suit it.
Page page_for(Extent drawing, Paper paper) {
  const double long_side = (paper == Paper::a3 ? 420.0 : 297.0) * kPointsPerMm;
  const double short_side = (paper == Paper::a3 ? 297.0 : 210.0) * kPointsPerMm;
  return drawing.width > drawing.height ? Page{long_side, short_side} : Page{short_side, long_side};
}

constexpr double kPageEdge = 10.0 * kPointsPerMm;
// Graphviz adds its pad (0.3 in a side here) and a point to the box when it scales.
constexpr double kPad = 2 * 72.0 * 0.3 + 2;

}  // namespace

double page_scale(Extent drawing, Paper paper) {
  const Page page = page_for(drawing, paper);
  return std::min((page.width - 2 * kPageEdge) / (drawing.width + kPad), (page.height - 2 * kPageEdge) / (drawing.height + kPad));
}

double smallest_type(Agraph_t* g) {
  auto size_of = [](void* obj) {
    const char* v = agget(obj, gv_str("fontsize"));
    const double s = v && *v ? std::atof(v) : 14.0;
    return s > 0 ? s : 14.0;
  };
  double smallest = size_of(g);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    smallest = std::min(smallest, size_of(n));
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      if (const char* label = agget(e, gv_str("label")); label && *label) smallest = std::min(smallest, size_of(e));
  }
  return smallest;
}

Extent lay_out_in_proportion(GvContext& gvc, Diagram& d, const DiagramOptions& options) {
  Agraph_t* g = d.graph.get();
  d.graph.layout(gvc, d.engine);
  Extent best = laid_out_extent(g);
  const double type = smallest_type(g);
  const bool legible = type * page_scale(best, options.paper) >= kLegiblePoints;
  if (best.aspect() <= options.widest_aspect && legible) return best;

  // Each attempt: the attribute changes, and the engine to lay out with.
  struct Attempt {
    std::function<std::vector<Change>()> changes;
    std::string engine;
  };
  std::vector<Attempt> attempts;
  if (d.engine == "dot") {
    attempts.push_back({[&] { return stagger_leaves(g, 3); }, "dot"});
    attempts.push_back({[&] { return turn(g); }, "dot"});
    attempts.push_back({[&] {
                          auto c = stagger_leaves(g, 3);
                          auto t = turn(g);
                          c.insert(c.end(), t.begin(), t.end());
                          return c;
                        },
                        "dot"});
  }
  // Not for a graph with clusters: Graphviz 2.42's dot crashes (in expand_cluster) packing one, and
  // the force and radial layouts would not draw its areas; nor for a layered view, whose layers a
  // force layout would lose.
  if (agfstsubg(g) == nullptr) attempts.push_back({[&] { return pack(g); }, d.engine});
  if (agfstsubg(g) == nullptr && !d.layered) {
    // A layered picture of a tightly knit neighbourhood is one long rank whatever is done to it; a
    // force or radial layout spreads the same graph over a page.
    if (d.engine == "dot") attempts.push_back({[&] { return spread(g); }, "neato"});
    // A view drawn as a ring (circo) is kept a ring: its shape is what it says.
    if (d.engine == "dot" || d.engine == "neato") {
      attempts.push_back({[&] { return radial(g); }, "twopi"});
      attempts.push_back({[&] { return prism(g); }, "sfdp"});
    }
  }
  int chosen = -1;
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    const std::vector<Change> changes = attempts[i].changes();
    if (changes.empty()) continue;
    apply(changes);
    d.graph.layout(gvc, attempts[i].engine);
    const Extent e = laid_out_extent(g);
    undo(changes);
    if (better(e, best, options.widest_aspect, options.paper)) {
      best = e;
      chosen = static_cast<int>(i);
    }
  }
  // Lay out once more with the winner (or the original) so that what is rendered is what was measured.
  if (chosen >= 0) {
    apply(attempts[static_cast<std::size_t>(chosen)].changes());
    d.engine = attempts[static_cast<std::size_t>(chosen)].engine;
  }
  gv_set(g, "layout", d.engine);
  d.graph.layout(gvc, d.engine);
  return laid_out_extent(g);
}

PageFit::PageFit(Agraph_t* g, Extent drawing, Paper paper)
    : g_(g), size_(GD_drawing(g)->size), filled_(GD_drawing(g)->filled != 0), margin_(get(g, "margin")) {
  const Page page = page_for(drawing, paper);
  const double page_w = page.width, page_h = page.height;
  const double w = drawing.width + kPad, h = drawing.height + kPad;
  // Scaled down to fit, or up to at most one and a half times: a small drawing blown up to a whole
  // page has letters too big to take seriously.
  const double scale = std::min(page_scale(drawing, paper), 1.5);
  GD_drawing(g)->size.x = w * scale;
  GD_drawing(g)->size.y = h * scale;
  GD_drawing(g)->filled = 1;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f,%.4f", (page_w - w * scale) / 2 / 72.0, (page_h - h * scale) / 2 / 72.0);
  gv_set(g, "margin", buf);
}

PageFit::~PageFit() {
  GD_drawing(g_)->size = size_;
  GD_drawing(g_)->filled = filled_;
  gv_set(g_, "margin", margin_);
}

}  // namespace partnermap::render
