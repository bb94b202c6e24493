#include "explore_layout.h"

#include <functional>
#include <map>
#include <stdexcept>

#include "diagram_style.h"

namespace partnermap::render {

namespace {

std::string attr(void* obj, const char* name) {
  const char* v = agget(obj, gv_str(name));
  return v ? std::string(v) : std::string();
}

double number_attr(void* obj, const char* name, double otherwise) {
  const std::string s = attr(obj, name);
  if (s.empty()) return otherwise;
  try {
    return std::stod(s);
  } catch (const std::exception&) {
    return otherwise;
  }
}

// The same engine and settings the diagrams choose for a picture of this size, so that the explorer
// and the static network diagram look alike.
std::string engine_for(std::size_t nodes, const DiagramOptions& o) {
  if (nodes <= o.dot_up_to) return "dot";
  if (nodes <= o.neato_up_to) return "neato";
  return "sfdp";
}

void set_engine(Agraph_t* g, const std::string& engine) {
  gv_set(g, "layout", engine);
  if (engine == "dot") return;
  gv_set(g, "overlap", engine == "sfdp" ? "prism" : "false");
  gv_set(g, "sep", "+8");
  gv_set(g, "splines", "false");  // the page draws its own straight lines; routing would be wasted
  if (engine == "neato") gv_set(g, "mode", "major");
}

std::optional<Index> first_theme(const Partnership& p) {
  if (p.themes.empty()) return std::nullopt;
  return p.themes.front();
}

struct Builder {
  const Analysed& in;
  DiagramOptions options;
  Canvas canvas;
  PlacedLayout out;
  std::vector<Agnode_t*> gv_nodes;  // parallel to out.nodes
  std::vector<Agedge_t*> gv_edges;  // parallel to out.edges; null for lines left out of the layout
  bool group_orgs = false, group_parts = false;
  std::map<std::string, std::size_t> groups;  // group key -> node

  Builder(const Analysed& a, Agraph_t* root) : in(a), canvas(root, a, options) {}

  std::size_t add(PlacedNode n, const std::string& key) {
    Agnode_t* gv = canvas.node(key, nullptr);
    gv_nodes.push_back(gv);
    out.nodes.push_back(std::move(n));
    return out.nodes.size() - 1;
  }

  std::size_t vertex_node(Vertex v) {
    if (out.node_of[v]) return *out.node_of[v];
    const Graph& g = in.graph;
    PlacedNode n;
    n.vertex = v;
    n.label = g.name(v);
    std::string name = "v";  // appended: GCC 12 warns falsely (-Wrestrict) on "v" + std::string&&
    name += std::to_string(v);
    const std::size_t i = add(n, name);
    switch (g.kind(v)) {
      case VertexKind::organisation: out.nodes[i].kind = PlacedKind::organisation; style_organisation(canvas, gv_nodes[i], g.index(v)); break;
      case VertexKind::partnership: out.nodes[i].kind = PlacedKind::partnership; style_partnership(canvas, gv_nodes[i], g.index(v)); break;
      case VertexKind::unit: out.nodes[i].kind = PlacedKind::unit; style_unit(canvas, gv_nodes[i], g.index(v), false); break;
      case VertexKind::theme: break;
    }
    out.node_of[v] = i;
    return i;
  }

  std::size_t group_node(PlacedKind kind, const std::string& key, const std::string& label, std::size_t count,
                         const std::function<void(Agnode_t*)>& style) {
    const std::string full = (kind == PlacedKind::partnership_group ? "gp:" : "go:") + key;
    auto it = groups.find(full);
    if (it != groups.end()) return it->second;
    PlacedNode n;
    n.kind = kind;
    n.group = key;
    n.label = label;
    n.members = count;
    const std::size_t i = add(n, full);
    style(gv_nodes[i]);
    groups.emplace(full, i);
    return i;
  }

  std::size_t edge(std::size_t a, std::size_t b, EdgeKind kind, bool laid_out) {
    PlacedEdge e;
    e.a = a;
    e.b = b;
    e.kind = kind;
    e.laid_out = laid_out;
    out.edges.push_back(e);
    gv_edges.push_back(laid_out ? canvas.edge(gv_nodes[a], gv_nodes[b]) : nullptr);
    return out.edges.size() - 1;
  }
};

// Sizes of the groups, for their labels.
struct GroupSizes {
  std::map<std::string, std::size_t> sectors;
  std::map<std::optional<Index>, std::size_t> themes;
};

std::string theme_group_key(const Register& reg, std::optional<Index> t) { return t ? reg.themes[*t].id : ""; }

void add_nodes(Builder& b, const GroupSizes& sizes) {
  const Graph& g = b.in.graph;
  const Register& reg = b.in.reg();
  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    if (!b.group_parts) {
      b.vertex_node(g.partnership(p));
      continue;
    }
    const auto t = first_theme(reg.partnerships[p]);
    const std::string label = "Partnerships: " + (t ? reg.themes[*t].name : std::string("no theme given"));
    b.group_node(PlacedKind::partnership_group, theme_group_key(reg, t), label, sizes.themes.at(t),
                 [&](Agnode_t* n) { style_theme_group(b.canvas, n, t, sizes.themes.at(t)); });
  }
  for (Index o = 0; o < reg.organisations.size(); ++o) {
    const Vertex v = g.organisation(o);
    if (g.neighbours(v).empty()) continue;  // in no partnership
    if (!b.group_orgs || o == reg.council) {
      b.vertex_node(v);
      continue;
    }
    const std::string s = sector_group(reg.organisations[o].sector);
    b.group_node(PlacedKind::organisation_group, s, "Organisations: " + s, sizes.sectors.at(s),
                 [&](Agnode_t* n) { style_sector_group(b.canvas, n, s, sizes.sectors.at(s)); });
  }
  for (Index u = 0; u < reg.business_units.size(); ++u)
    if (!g.neighbours(g.unit(u)).empty()) b.vertex_node(g.unit(u));
}

std::size_t node_for(Builder& b, Vertex v) {
  const Graph& g = b.in.graph;
  const Register& reg = b.in.reg();
  if (b.out.node_of[v]) return *b.out.node_of[v];
  if (g.kind(v) == VertexKind::partnership)
    return b.groups.at("gp:" + theme_group_key(reg, first_theme(reg.partnerships[g.index(v)])));
  return b.groups.at("go:" + sector_group(reg.organisations[g.index(v)].sector));
}

void add_edges(Builder& b) {
  const Graph& g = b.in.graph;
  const Register& reg = b.in.reg();
  const bool grouped = b.group_orgs || b.group_parts;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> bundles;  // ends -> edge
  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    const Vertex pv = g.partnership(p);
    const auto ns = g.neighbours(pv);
    const auto es = g.edge_info(pv);
    for (std::size_t i = 0; i < ns.size(); ++i) {
      const EdgeInfo& info = es[i];
      if (info.kind == EdgeKind::theme || info.reverse) continue;
      if (info.kind == EdgeKind::parent && grouped) continue;
      const bool council = info.kind == EdgeKind::membership && ns[i] == g.council();
      if (council && grouped) continue;
      const std::size_t a = node_for(b, pv), z = node_for(b, ns[i]);
      const double hours = info.kind == EdgeKind::commitment ? reg.partnerships[p].commitments.at(info.slot).hours : 0;
      if (grouped) {
        auto [it, made] = bundles.try_emplace({a, z}, b.out.edges.size());
        if (made) b.out.edges[b.edge(a, z, info.kind, true)].count = 0;
        PlacedEdge& e = b.out.edges[it->second];
        ++e.count;
        e.hours += hours;
        continue;
      }
      const std::size_t k = b.edge(a, z, info.kind, !council);
      PlacedEdge& e = b.out.edges[k];
      e.from = pv;
      e.to = ns[i];
      e.role = info.role;
      e.hours = hours;
      if (Agedge_t* gv = b.gv_edges[k]) {
        if (info.kind == EdgeKind::membership) style_membership(b.canvas, gv, info.role);
        else if (info.kind == EdgeKind::commitment) style_commitment(b.canvas, gv, hours);
        else style_parent(b.canvas, gv);
      }
    }
  }
  for (std::size_t k = 0; k < b.out.edges.size() && grouped; ++k) {
    PlacedEdge& e = b.out.edges[k];
    if (e.kind == EdgeKind::commitment) style_commitment(b.canvas, b.gv_edges[k], e.hours);
    else style_aggregate(b.canvas, b.gv_edges[k], e.count, 0);
  }
  finish_hour_lines(b.canvas);  // widths in proportion to hours, as in the diagrams
}

void read_back(Builder& b) {
  const double top = GD_bb(b.canvas.root).UR.y;  // Graphviz's y grows upwards; a page's downwards
  for (std::size_t i = 0; i < b.out.nodes.size(); ++i) {
    Agnode_t* n = b.gv_nodes[i];
    PlacedNode& p = b.out.nodes[i];
    p.x = ND_coord(n).x;
    p.y = top - ND_coord(n).y;
    p.width = ND_width(n) * 72;
    p.height = ND_height(n) * 72;
    p.shape = attr(n, "shape");
    p.fill = attr(n, "fillcolor");
    p.font_colour = attr(n, "fontcolor");
    p.border_colour = attr(n, "color");
    p.border_style = attr(n, "style");
    p.border_width = number_attr(n, "penwidth", 1);
  }
  for (std::size_t k = 0; k < b.out.edges.size(); ++k) {
    PlacedEdge& e = b.out.edges[k];
    Agedge_t* gv = b.gv_edges[k];
    if (!gv) {  // the Council's memberships: drawn by the page only around a focused node
      e.colour = "#000000";
      e.style = "dotted";
      continue;
    }
    e.colour = attr(gv, "color");
    e.style = attr(gv, "style");
    e.width = number_attr(gv, "penwidth", 1);
  }
}

}  // namespace

PlacedLayout place_network(const Analysed& in, std::size_t one_by_one) {
  const Graph& g = in.graph;
  const Register& reg = in.reg();
  GvContext& gvc = process_context();
  GraphvizMessages messages;
  GvGraph graph("explore", false);
  Builder b(in, graph.get());
  b.out.node_of.assign(g.vertex_count(), std::nullopt);

  GroupSizes sizes;
  std::size_t orgs = 0;
  for (Index o = 0; o < reg.organisations.size(); ++o)
    if (o != reg.council && !g.neighbours(g.organisation(o)).empty()) {
      ++orgs;
      ++sizes.sectors[sector_group(reg.organisations[o].sector)];
    }
  for (const Partnership& p : reg.partnerships) ++sizes.themes[first_theme(p)];
  b.group_orgs = orgs > one_by_one;
  b.group_parts = reg.partnerships.size() > one_by_one;
  b.out.grouped = b.group_orgs || b.group_parts;
  if (b.group_parts)
    b.out.notes.push_back(thousands(static_cast<double>(reg.partnerships.size())) + " partnerships are grouped by first theme: too many to draw one by one.");
  if (b.group_orgs)
    b.out.notes.push_back(thousands(static_cast<double>(orgs)) + " organisations are grouped by sector: too many to draw one by one. The Council is shown on its own.");

  add_nodes(b, sizes);
  add_edges(b);
  b.out.engine = engine_for(b.out.nodes.size(), b.options);
  set_graph_defaults(b.canvas, b.out.engine == "dot");
  set_engine(graph.get(), b.out.engine);
  try {
    graph.layout(gvc, b.out.engine);
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    for (const std::string& line : messages.take()) what += "\n  Graphviz: " + line;
    throw std::runtime_error(what);
  }
  read_back(b);
  for (std::string& line : messages.take()) b.out.warnings.push_back("the explorer's layout: " + line);
  return std::move(b.out);
}

}  // namespace partnermap::render
