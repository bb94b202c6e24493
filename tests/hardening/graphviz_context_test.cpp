// Graphviz 2.42's pango plugin keeps a pointer to the last font it measured, inside the context's
// font table: a second diagram drawn after the first one's context was freed read freed memory (the
// sanitized build reported heap-use-after-free in textspan_size). Every diagram now shares one
// context for the life of the process. Found by render_fuzz; the sanitized build is what fails here.
#include <catch2/catch.hpp>

#include "diagram.h"
#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;

TEST_CASE("diagrams drawn one after another in one run measure their text safely", "[hardening][graphviz]") {
  const Loaded loaded = load_register_file(test::carlisle());
  const Graph g(loaded.reg);
  const render::Results results = render::compute_results(g, loaded.reg.as_of);
  const render::Analysed in{g, results.capacity, results.roles, results.review};
  std::string first;
  for (const char* view : {"capacity", "hierarchy", "capacity"}) {
    INFO(view);
    const render::DiagramReport r = render::draw_diagram(in, render::parse_view(view), {{render::DiagramFormat::svg, ""}});
    CHECK(r.svg.find("</svg>") != std::string::npos);
    if (first.empty()) first = r.svg;
    else if (std::string(view) == "capacity") CHECK(r.svg == first);  // the same text measures the same
  }
}
