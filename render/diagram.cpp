#include "diagram.h"

#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "diagram_build.h"
#include "diagram_views.h"

namespace partnermap::render {

namespace {

std::string view_words(const DiagramView& v, const PolicyWords& w) {
  switch (v.kind) {
    case ViewKind::network: return "partnership network";
    case ViewKind::themes: return "partnerships by " + w.theme;
    case ViewKind::capacity: return w.units + "' partnership time";
    case ViewKind::hierarchy: return "partnerships and their sub-partnerships";
    case ViewKind::ego: return "around " + v.ego_id + (v.depth > 1 ? " (" + std::to_string(v.depth) + " steps)" : "");
  }
  return "";
}

// dot draws layers and clusters well but grows fast with edges; neato spreads a mid-sized network
// evenly; sfdp is the one that scales.
std::string choose_engine(const Diagram& d, const ViewResult& view, const DiagramOptions& o) {
  if (!o.engine.empty()) return o.engine;
  if (!view.engine.empty()) return view.engine;
  const bool layered = view.layered;
  if (layered || d.nodes <= o.dot_up_to) return "dot";
  if (d.nodes <= o.neato_up_to) return "neato";
  return "sfdp";
}

void set_engine_attributes(Agraph_t* g, const std::string& engine) {
  gv_set(g, "layout", engine);  // so the .dot file re-renders with the same engine
  if (engine == "neato" || engine == "sfdp" || engine == "fdp") {
    gv_set(g, "overlap", engine == "sfdp" ? "prism" : "false");
    gv_set(g, "sep", "+8");
    // Routed splines cost neato five seconds on Carlisle's 300 lines; curves cost under one.
    gv_set(g, "splines", engine == "sfdp" ? "false" : "curved");
    if (engine == "neato") gv_set(g, "mode", "major");
  }
}

void collect(GraphvizMessages& m, std::vector<std::string>& warnings) {
  for (std::string& line : m.take()) warnings.push_back("the diagram's layout: " + line);
}

}  // namespace

DiagramView parse_view(const std::string& text, int depth) {
  DiagramView v;
  v.depth = depth;
  if (depth < 1 || depth > 10) throw std::invalid_argument("--depth " + std::to_string(depth) + ": give a number of steps from 1 to 10");
  if (text == "network") v.kind = ViewKind::network;
  else if (text == "themes") v.kind = ViewKind::themes;
  else if (text == "capacity") v.kind = ViewKind::capacity;
  else if (text == "hierarchy") v.kind = ViewKind::hierarchy;
  else if (text.rfind("ego:", 0) == 0 && text.size() > 4) {
    v.kind = ViewKind::ego;
    v.ego_id = text.substr(4);
  } else {
    throw std::invalid_argument("--view " + text +
                                ": choose network, themes, capacity, hierarchy, or ego:ID (the neighbourhood of one "
                                "partnership, organisation or Business Unit, for example ego:lsp)");
  }
  return v;
}

std::string view_slug(const DiagramView& v) {
  switch (v.kind) {
    case ViewKind::network: return "network";
    case ViewKind::themes: return "themes";
    case ViewKind::capacity: return "capacity";
    case ViewKind::hierarchy: return "hierarchy";
    case ViewKind::ego: {
      std::string s = "ego-";
      for (char ch : v.ego_id) s += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_') ? ch : '_';
      return s;
    }
  }
  return "diagram";
}

std::string view_title(const DiagramView& v, const PolicyWords& words) { return view_words(v, words); }

const char* to_string(DiagramFormat f) {
  switch (f) {
    case DiagramFormat::svg: return "svg";
    case DiagramFormat::png: return "png";
    case DiagramFormat::pdf: return "pdf";
    case DiagramFormat::dot: return "dot";
  }
  return "svg";
}

std::optional<DiagramFormat> diagram_format(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".svg") return DiagramFormat::svg;
  if (ext == ".png") return DiagramFormat::png;
  if (ext == ".pdf") return DiagramFormat::pdf;
  if (ext == ".dot" || ext == ".gv") return DiagramFormat::dot;
  return std::nullopt;
}

Diagram build_diagram(const Analysed& in, const DiagramView& view, const DiagramOptions& options) {
  Diagram d{GvGraph(view_slug(view), view.kind == ViewKind::hierarchy), "", 0, 0, {}};
  Canvas c(d.graph.get(), in, options);
  ViewResult r;
  switch (view.kind) {
    case ViewKind::network: r = draw_network(c); break;
    case ViewKind::ego: r = draw_ego(c, view); break;
    case ViewKind::themes: r = draw_themes(c); break;
    case ViewKind::capacity: r = draw_capacity(c); break;
    case ViewKind::hierarchy: r = draw_hierarchy(c); break;
  }
  d.nodes = static_cast<std::size_t>(agnnodes(c.root));
  d.edges = static_cast<std::size_t>(agnedges(c.root));
  d.notes = r.notes;
  d.engine = choose_engine(d, r, options);
  set_graph_defaults(c, d.engine == "dot");
  set_engine_attributes(c.root, d.engine);
  const Register& reg = in.reg();
  const std::string title = reg.organisations.at(reg.council).name + ": " + view_words(view, reg.policy.words) + ", as at " + long_date(in.capacity.at);
  set_title_and_legend(c, title, r.notes);
  return d;
}

DiagramReport draw_diagram(const Analysed& in, const DiagramView& view, const std::vector<DiagramTarget>& targets,
                           const DiagramOptions& options) {
  // Free order: the graph (and its layout) before the context, which lives to the end of the run.
  GvContext& gvc = process_context();
  GraphvizMessages messages;
  Diagram d = build_diagram(in, view, options);
  DiagramReport report{d.engine, d.nodes, d.edges, d.notes, {}, {}, {}};
  try {
    d.graph.layout(gvc, d.engine);
    for (const DiagramTarget& t : targets) {
      report.rendered.push_back(gv_render_data(gvc, d.graph, to_string(t.format)));
      if (t.path.empty()) report.svg = report.rendered.back();
    }
  } catch (const std::runtime_error& e) {
    // What Graphviz said is the useful part of the message.
    std::string what = e.what();
    for (const std::string& line : messages.take()) what += "\n  Graphviz: " + line;
    throw std::runtime_error(what);
  }
  collect(messages, report.warnings);
  return report;
}

}  // namespace partnermap::render
