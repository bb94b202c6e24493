#include "diagram.h"

#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "diagram_build.h"
#include "diagram_ego.h"
#include "diagram_shape.h"
#include "diagram_views.h"

namespace partnermap::render {

namespace {

std::string view_words(const DiagramView& v, const Graph& g) {
  const PolicyWords& w = g.reg().policy.words;
  switch (v.kind) {
    case ViewKind::network: return "partnership network";
    case ViewKind::themes: return "partnerships by " + w.theme;
    case ViewKind::capacity: return w.units + "' partnership time";
    case ViewKind::hierarchy: return "partnerships and their sub-partnerships";
    case ViewKind::ego: {
      // Named, not by id: a member reads "around Carlisle Crime and Disorder Reduction Partnership".
      std::string name = v.ego_id;
      try {
        name = g.name(find_ego(g, v.ego_id));
      } catch (const std::invalid_argument&) {
      }
      return "around " + name + (v.depth > 1 ? " (" + std::to_string(v.depth) + " steps)" : "");
    }
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

// What the view leaves out because it is not true on the date, and how to draw it anyway.
std::string left_out_note(const Canvas& c) {
  std::size_t ended = 0, proposed = 0;
  for (Index p = 0; p < c.standing.size(); ++p) {
    if (c.drawn(p)) continue;
    if (c.standing[p] == Standing::ended) ++ended;
    if (c.standing[p] == Standing::proposed) ++proposed;
  }
  if (ended + proposed == 0) return {};
  std::string what;
  if (ended > 0) what += std::to_string(ended) + " ended";
  if (ended > 0 && proposed > 0) what += ", ";
  if (proposed > 0) what += std::to_string(proposed) + " not yet started";
  std::string words = ended > 0 && proposed > 0 ? "ended,proposed" : ended > 0 ? "ended" : "proposed";
  return "Not drawn: the register's " + std::to_string(ended + proposed) + (ended + proposed == 1 ? " partnership" : " partnerships") +
         " not active on " + long_date(c.in.capacity.at) + " (" + what + "); --include " + words + " draws them in grey.";
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
                                "partnership, organisation, Business Unit or theme, for example ego:cdrp; ego:unit:housing "
                                "or ego:theme:safer when an id names several things)");
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

std::string view_title(const DiagramView& v, const Graph& g) { return view_words(v, g); }

void parse_include(const std::string& text, DiagramOptions& options) {
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t comma = text.find(',', start);
    const std::string word = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (word == "ended") options.include_ended = true;
    else if (word == "proposed") options.include_proposed = true;
    else if (!word.empty())
      throw std::invalid_argument("--include " + text + ": \"" + word +
                                  "\" is not a kind of partnership to add; give ended, proposed or ended,proposed");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

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
  Diagram d{GvGraph(view_slug(view), view.kind == ViewKind::hierarchy), "", 0, 0, {}, false};
  Canvas c(d.graph.get(), in, options);
  ViewResult r;
  switch (view.kind) {
    case ViewKind::network: r = draw_network(c); break;
    case ViewKind::ego: r = draw_ego(c, view); break;
    case ViewKind::themes: r = draw_themes(c); break;
    case ViewKind::capacity: r = draw_capacity(c); break;
    case ViewKind::hierarchy: r = draw_hierarchy(c); break;
  }
  finish_hour_lines(c);
  if (view.kind != ViewKind::capacity)
    if (std::string note = left_out_note(c); !note.empty()) r.notes.push_back(std::move(note));
  d.nodes = static_cast<std::size_t>(agnnodes(c.root));
  d.edges = static_cast<std::size_t>(agnedges(c.root));
  d.notes = r.notes;
  d.layered = r.layered;
  d.engine = choose_engine(d, r, options);
  set_graph_defaults(c, d.engine == "dot");
  set_engine_attributes(c.root, d.engine);
  const Register& reg = in.reg();
  std::string title = reg.organisations.at(reg.council).name + ": " + view_words(view, in.graph) + ", as at " + long_date(in.capacity.at);
  // Counts of what is drawn, not of the register.
  const std::size_t drawn = c.partnerships_drawn.size() + c.partnerships_grouped;
  if (drawn > 0) title += " (" + std::to_string(drawn) + (drawn == 1 ? " partnership)" : " partnerships)");
  set_title_and_legend(c, title, r.notes);
  return d;
}

DiagramReport draw_diagram(const Analysed& in, const DiagramView& view, const std::vector<DiagramTarget>& targets,
                           const DiagramOptions& options) {
  // Free order: the graph (and its layout) before the context, which lives to the end of the run.
  GvContext& gvc = process_context();
  GraphvizMessages messages;
  Diagram d = build_diagram(in, view, options);
  DiagramReport report{d.engine, d.nodes, d.edges, 0, 0, d.notes, {}, {}, {}};
  try {
    const Extent e = lay_out_in_proportion(gvc, d, options);
    report.width = e.width;
    report.height = e.height;
    report.engine = d.engine;
    for (const DiagramTarget& t : targets) {
      if (t.format == DiagramFormat::pdf) {
        // A page a printer takes: the drawing scaled to fit A4 or A3, whichever way round suits it.
        const PageFit fit(d.graph.get(), e, options.paper);
        report.rendered.push_back(gv_render_data(gvc, d.graph, to_string(t.format)));
      } else {
        report.rendered.push_back(gv_render_data(gvc, d.graph, to_string(t.format)));
      }
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
