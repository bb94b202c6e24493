// A register loaded from inline JSON text with its graph, for the analysis tests. The graph points
// into the register, so the pair lives together and never moves.
#pragma once

#include <memory>
#include <string>

#include "partnermap/graph.h"
#include "partnermap/load.h"

namespace partnermap::test {

struct Fixture {
  Loaded loaded;
  std::unique_ptr<Graph> graph;

  explicit Fixture(const std::string& text)
      : loaded(load_register_text(text, "test.json")), graph(std::make_unique<Graph>(loaded.reg)) {}
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  const Graph& g() const { return *graph; }
  const Register& reg() const { return loaded.reg; }
  Date day(const char* iso) const { return *parse_iso_date(iso); }
  Index partnership(const std::string& id) const { return graph->index(*graph->find(VertexKind::partnership, id)); }
  Index unit(const std::string& id) const { return graph->index(*graph->find(VertexKind::unit, id)); }
  Index theme(const std::string& id) const { return graph->index(*graph->find(VertexKind::theme, id)); }
  Index organisation(const std::string& id) const {
    return graph->index(*graph->find(VertexKind::organisation, id));
  }
};

}  // namespace partnermap::test
