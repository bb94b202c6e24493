// libFuzzer target, end to end: any bytes through the loader, the checks, every analysis and every
// renderer (the matrix in each format, each diagram view, the briefing page, GraphML and GEXF, the
// diff of the register with itself, and saving). A register that loads must come through all of it
// without a crash or a sanitizer report, and three properties must hold:
//   - the register saved and loaded again saves to the same bytes;
//   - a register differs from itself in nothing;
//   - the DOT text of every diagram is DOT that Graphviz reads back.
// Layout is Graphviz's slow part, so only small diagrams are laid out (and drawn as SVG); larger
// ones are written as DOT without a layout, which still runs all of partnermap's own drawing code.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "brief.h"
#include "diagram_build.h"
#include "diff_html.h"
#include "export.h"
#include "matrix_write.h"
#include "partnermap/analysis/json.h"
#include "partnermap/analysis/links.h"
#include "partnermap/analysis/network.h"
#include "partnermap/analysis/network_json.h"
#include "partnermap/diff.h"
#include "partnermap/load.h"
#include "partnermap/save.h"

namespace {

using namespace partnermap;

// Diagrams of at most this many shapes are laid out: dot takes milliseconds on them.
constexpr std::size_t kLayoutUpTo = 40;

// The one renderer that insists on a file (XLSX) writes here, and the file is removed at once:
// libFuzzer ends without running exit handlers, so nothing may be left for later.
std::filesystem::path scratch_file() {
  return std::filesystem::temp_directory_path() / ("partnermap-render-fuzz-" + std::to_string(getpid()) + ".xlsx");
}

void check(bool holds) {
  if (!holds) __builtin_trap();  // a property failed: libFuzzer saves the input as a crash
}

std::string saved(const Register& reg) {
  std::ostringstream out;
  save_register(out, reg);
  return out.str();
}

// cgraph's own writer, into memory.
std::string dot_text(Agraph_t* g) {
  char* buffer = nullptr;
  std::size_t size = 0;
  FILE* f = open_memstream(&buffer, &size);
  if (!f) return "";
  agwrite(g, f);
  std::fclose(f);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

bool dot_reads_back(const std::string& text) {
  Agraph_t* g = agmemread(text.c_str());
  if (!g) return false;
  agclose(g);
  return true;
}

std::vector<render::DiagramView> views(const Register& reg) {
  std::vector<render::DiagramView> out;
  for (auto kind : {render::ViewKind::network, render::ViewKind::themes, render::ViewKind::capacity,
                    render::ViewKind::hierarchy})
    out.push_back({kind, "", 1});
  if (!reg.partnerships.empty()) out.push_back({render::ViewKind::ego, reg.partnerships.front().id, 2});
  if (!reg.organisations.empty()) out.push_back({render::ViewKind::ego, reg.organisations.back().id, 1});
  return out;
}

void draw_diagrams(const render::Analysed& in, std::vector<render::BriefDiagram>& for_brief) {
  render::GvContext& gvc = render::process_context();
  render::GraphvizMessages messages;  // keeps Graphviz quiet; what it says is not a finding
  for (const render::DiagramView& view : views(in.reg())) {
    render::Diagram d = [&] {
      try {
        return render::build_diagram(in, view, {});
      } catch (const std::invalid_argument&) {  // an ego id that names nothing: the CLI's usage error
        return render::Diagram{render::GvGraph("none", false), "", 0, 0, {}};
      }
    }();
    if (d.engine.empty()) continue;
    check(dot_reads_back(dot_text(d.graph.get())));
    if (d.nodes + d.edges <= kLayoutUpTo) {
      d.graph.layout(gvc, "dot");
      const std::string dot = render::gv_render_data(gvc, d.graph, "dot");
      check(dot_reads_back(dot));
      for_brief.push_back({render::view_slug(view), render::view_title(view, in.graph),
                           render::gv_render_data(gvc, d.graph, "svg"), d.notes});
    }
  }
  messages.take();
}

void render_everything(const Register& reg) {
  const Graph g(reg);
  const render::Results results = render::compute_results(g, reg.as_of, 3);
  const render::Analysed in{g, results.capacity, results.roles, results.review};
  std::ostringstream sink;

  NetworkSettings settings;
  settings.threads = 1;
  const Network network = compute_network(g, settings);
  const Links links = compute_links(g, reg.as_of);
  sink << to_json(g, results.capacity) << to_json(g, results.roles) << to_json(g, links)
       << to_json(g, results.review) << network_to_json(g, network);

  const render::Matrix m = render::build_matrix(in, {});
  render::write_matrix_csv(m, sink);
  render::write_matrix_markdown(m, sink);
  render::write_matrix_json(m, reg, sink);
  render::write_matrix_html(m, sink);
  const std::filesystem::path xlsx = scratch_file();
  render::write_matrix_xlsx(m, in, xlsx.string());
  std::filesystem::remove(xlsx);

  std::vector<render::BriefDiagram> diagrams;
  draw_diagrams(in, diagrams);
  render::write_brief_page(in, diagrams, sink);

  const render::ExportGraph exported = render::export_graph(g, results.capacity, results.roles, network);
  render::write_graphml(sink, exported);
  render::write_gexf(sink, exported);

  const RegisterDiff same = diff_registers(reg, reg);
  check(same.empty());
  sink << to_json(same);
  render::write_diff_html(sink, same);
}

}  // namespace

// Graphviz's first text layout makes fontconfig and pango find and cache the fonts: seconds, once.
// Done here so that it is not charged to the first input (and taken for a hang).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* tiny = R"({"format": "partnermap/1", "as_of": "2004-09-01", "council": "c", "themes": [],
    "business_units": [], "organisations": [{"id": "c", "name": "Council"}],
    "partnerships": [{"id": "p", "name": "P", "nature": "project", "members": [{"org": "c", "role": "lead"}]}]})";
  render_everything(load_register_text(tiny, "warm-up.json").reg);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Loaded loaded;
  try {
    loaded = load_register_text(text, "fuzz.json");
  } catch (const InputError&) {
    return 0;  // refused with a message: the loader's job done
  }
  const std::string once = saved(loaded.reg);
  try {
    const Loaded again = load_register_text(once, "saved.json");
    check(saved(again.reg) == once);
  } catch (const InputError&) {
    check(false);  // what partnermap writes, partnermap must read
  }
  render_everything(loaded.reg);
  return 0;
}
