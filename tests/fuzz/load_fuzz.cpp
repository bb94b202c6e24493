// libFuzzer target: any bytes through the register loader, the checks and the graph model.
// The loader must either return a register or throw InputError; anything else (a crash, a hang, a
// sanitizer report, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "partnermap/graph.h"
#include "partnermap/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const partnermap::Loaded loaded = partnermap::load_register_text(text, "fuzz.json");
    const partnermap::Graph graph(loaded.reg);
    std::size_t seen = 0;
    for (partnermap::Vertex v = 0; v < graph.vertex_count(); ++v) seen += graph.partner_neighbours(v).size();
    if (seen > graph.edge_count()) __builtin_trap();  // partner edges are a subset of all edges
  } catch (const partnermap::InputError&) {
  }
  return 0;
}
