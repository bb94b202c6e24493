#include "export.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <tuple>
#include <ostream>

#include "escape.h"
#include "diagram_style.h"
#include "explore_layout.h"

namespace partnermap::render {

namespace {

std::string xml(const std::string& s) { return html_escape(valid_utf8(s)); }

std::string vertex_id(const Graph& g, Vertex v) {
  static constexpr const char* kPrefix[] = {"org:", "partnership:", "unit:", "theme:"};
  return kPrefix[static_cast<int>(g.kind(v))] + g.id(v);
}

// A number that every reader parses: finite, and no "inf" or "nan" (GraphML's double is xsd:double,
// which spells infinity "INF"; NetworkX does not read it back). An infinite utilisation (a unit with
// no capacity and hours committed) is written as -1, documented in the README.
double finite(double d) { return std::isfinite(d) ? d : -1.0; }

}  // namespace

ExportGraph export_graph(const Graph& g, const Capacity& capacity, const Roles& roles, const Network& network) {
  const Register& reg = g.reg();
  ExportGraph out;
  out.nodes.reserve(g.vertex_count());
  for (Vertex v = 0; v < g.vertex_count(); ++v) {
    ExportNode n{vertex_id(g, v), g.name(v), {}, std::nullopt, std::nullopt};
    const Index i = g.index(v);
    auto& a = n.attributes;
    a.push_back({"kind", std::string(to_string(g.kind(v)))});
    switch (g.kind(v)) {
      case VertexKind::organisation: {
        const OrganisationFigures& f = network.organisations[i];
        a.push_back({"sector", reg.organisations[i].sector});
        a.push_back({"council", v == g.council()});
        a.push_back({"partnerships", static_cast<long long>(f.partnerships)});
        a.push_back({"co_members", static_cast<long long>(f.co_members)});
        a.push_back({"strength", static_cast<long long>(f.strength)});
        a.push_back({"betweenness", f.betweenness});
        a.push_back({"closeness", f.closeness});
        a.push_back({"component", static_cast<long long>(f.component)});
        break;
      }
      case VertexKind::partnership: {
        const Partnership& p = reg.partnerships[i];
        const PartnershipFigures& f = network.partnerships[i];
        a.push_back({"nature", std::string(to_string(p.nature))});
        a.push_back({"council_role", std::string(roles.council_role[i] ? to_string(*roles.council_role[i]) : "absent")});
        a.push_back({"lead_partner", roles.lead_partner[i] ? reg.organisations[*roles.lead_partner[i]].id : ""});
        a.push_back({"stage", std::string(p.stage ? to_string(*p.stage) : "")});
        a.push_back({"risk", std::string(p.risk ? to_string(*p.risk) : "")});
        a.push_back({"active", p.active_on(capacity.at)});
        a.push_back({"start", p.start ? to_iso(*p.start) : ""});
        a.push_back({"end", p.end ? to_iso(*p.end) : ""});
        a.push_back({"budget", p.budget ? p.budget->total : 0.0});
        a.push_back({"council_contribution", p.budget ? p.budget->council : 0.0});
        a.push_back({"members", static_cast<long long>(f.members)});
        a.push_back({"betweenness", f.betweenness});
        a.push_back({"closeness", f.closeness});
        a.push_back({"component", static_cast<long long>(f.component)});
        if (p.start || p.end) n.spell = Spell{p.start ? to_iso(*p.start) : "", p.end ? to_iso(*p.end) : ""};
        break;
      }
      case VertexKind::unit: {
        const UnitLoad& u = capacity.units[i];
        a.push_back({"capacity_hours", u.capacity_hours});
        a.push_back({"committed_hours", u.committed_hours});
        a.push_back({"utilisation", finite(u.utilisation)});
        a.push_back({"status", std::string(to_string(u.status))});
        break;
      }
      case VertexKind::theme:
        break;
    }
    out.nodes.push_back(std::move(n));
  }
  for (Vertex v = 0; v < g.vertex_count(); ++v) {
    const auto ns = g.neighbours(v);
    const auto info = g.edge_info(v);
    for (std::size_t k = 0; k < ns.size(); ++k) {
      const EdgeInfo& e = info[k];
      if (e.reverse) continue;  // each edge once, from the partnership (or the sub-partnership)
      ExportEdge edge{vertex_id(g, v), vertex_id(g, ns[k]), {{"kind", std::string(to_string(e.kind))}}, std::nullopt};
      const Partnership& p = reg.partnerships[g.index(v)];
      edge.spell = out.nodes[v].spell;  // a membership or commitment lasts as long as its partnership
      if (e.kind == EdgeKind::membership) edge.attributes.push_back({"role", std::string(to_string(e.role))});
      if (e.kind == EdgeKind::commitment) {
        edge.attributes.push_back({"hours", p.commitments[e.slot].hours});
        edge.attributes.push_back({"officer", p.commitments[e.slot].officer});
      }
      out.edges.push_back(std::move(edge));
    }
  }
  return out;
}

namespace {

Viz viz_of(const PlacedNode& n, double top) {
  Viz z;
  z.x = n.x;
  z.y = top - n.y;
  z.size = std::max(n.width, n.height) / 2;
  unsigned rgb = 0xFFFFFF;
  if (n.fill.size() == 7 && n.fill[0] == '#') rgb = static_cast<unsigned>(std::strtoul(n.fill.c_str() + 1, nullptr, 16));
  z.r = static_cast<int>((rgb >> 16) & 0xFF);
  z.g = static_cast<int>((rgb >> 8) & 0xFF);
  z.b = static_cast<int>(rgb & 0xFF);
  return z;
}

// The k-th of `count` places within a circle of `radius` around (x, y): a sunflower spiral, so that
// a group's thousands of members fill its shape evenly and the same register gives the same places.
std::pair<double, double> spiral(double x, double y, double radius, std::size_t k, std::size_t count) {
  const double golden = 2.399963229728653;
  const double r = radius * std::sqrt((static_cast<double>(k) + 0.5) / static_cast<double>(std::max<std::size_t>(count, 1)));
  const double a = golden * static_cast<double>(k);
  return {x + r * std::cos(a), y + r * std::sin(a)};
}

}  // namespace

void add_layout(ExportGraph& graph, const Graph& g, const PlacedLayout& layout) {
  double top = 0, left = 0, bottom = 0;
  for (const PlacedNode& n : layout.nodes) {
    top = std::max(top, n.y + n.height);
    bottom = std::min(bottom, n.y);
    left = std::min(left, n.x);
  }
  std::vector<std::size_t> seen(layout.nodes.size(), 0);
  std::vector<std::size_t> members(layout.nodes.size(), 0);
  // Which group a vertex drawn in a group belongs to: partnerships by first theme, partners by sector.
  std::map<std::pair<PlacedKind, std::string>, std::size_t> groups;
  for (std::size_t i = 0; i < layout.nodes.size(); ++i)
    if (!layout.nodes[i].vertex) groups.emplace(std::make_pair(layout.nodes[i].kind, layout.nodes[i].group), i);
  std::vector<std::optional<std::size_t>> group_of(g.vertex_count());
  const Register& reg = g.reg();
  for (Vertex v = 0; v < g.vertex_count() && !groups.empty(); ++v) {
    if (layout.node_of[v]) continue;
    std::map<std::pair<PlacedKind, std::string>, std::size_t>::const_iterator it = groups.end();
    if (g.kind(v) == VertexKind::partnership) {
      const Partnership& p = reg.partnerships[g.index(v)];
      it = groups.find({PlacedKind::partnership_group, p.themes.empty() ? std::string() : reg.themes[p.themes.front()].id});
    } else if (g.kind(v) == VertexKind::organisation && !g.neighbours(v).empty()) {
      it = groups.find({PlacedKind::organisation_group, sector_group(reg.organisations[g.index(v)].sector)});
    }
    if (it == groups.end()) continue;
    group_of[v] = it->second;
    ++members[it->second];
  }
  std::size_t unplaced = 0;
  for (Vertex v = 0; v < g.vertex_count() && v < graph.nodes.size(); ++v) {
    if (layout.node_of[v]) {
      graph.nodes[v].viz = viz_of(layout.nodes[*layout.node_of[v]], top);
    } else if (group_of[v]) {
      const PlacedNode& n = layout.nodes[*group_of[v]];
      Viz z = viz_of(n, top);
      std::tie(z.x, z.y) = spiral(z.x, z.y, z.size, seen[*group_of[v]]++, members[*group_of[v]]);
      z.size = 2;
      graph.nodes[v].viz = z;
    } else if (g.kind(v) == VertexKind::theme) {
      double x = 0, y = 0;
      std::size_t count = 0;
      for (Vertex w : g.neighbours(v))
        if (w < graph.nodes.size() && graph.nodes[w].viz) {
          x += graph.nodes[w].viz->x;
          y += graph.nodes[w].viz->y;
          ++count;
        }
      Viz z;
      z.x = count ? x / static_cast<double>(count) : left;
      z.y = count ? y / static_cast<double>(count) : top + 40;
      z.r = 0xF0, z.g = 0xE4, z.b = 0x42;  // the diagrams' theme hexagons
      graph.nodes[v].viz = z;
    } else {  // in no partnership, or a unit with no commitment: a row below the picture
      Viz z;
      z.x = left + 30.0 * static_cast<double>(unplaced++);
      z.y = -(top - bottom) * 0.05 - 40;
      graph.nodes[v].viz = z;
    }
  }
}

void add_clusters(ExportGraph& graph, const Clusters& clusters) {
  for (std::size_t v = 0; v < graph.nodes.size() && v < clusters.of_vertex.size(); ++v)
    graph.nodes[v].attributes.push_back({"cluster", static_cast<long long>(clusters.of_vertex[v] ? *clusters.of_vertex[v] + 1 : 0)});
}

namespace {

struct Key {
  std::string name;
  const char* type;
  int index;
};

const char* type_of(const AttributeValue& v) {
  switch (v.index()) {
    case 0: return "string";
    case 1: return "double";
    case 2: return "long";
    default: return "boolean";
  }
}

std::string number(double d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.2f", std::isfinite(d) ? d : 0.0);
  return buf;
}

// A spell: when the node or edge is in the network. An open end is left out, as GEXF allows.
std::string spells(const std::optional<Spell>& s, const char* indent) {
  if (!s) return "";
  std::string out = std::string(indent) + "<spells><spell";
  if (!s->start.empty()) out += " start=\"" + s->start + "\"";
  if (!s->end.empty()) out += " end=\"" + s->end + "\"";
  return out + "/></spells>\n";
}

std::string value_text(const AttributeValue& v) {
  switch (v.index()) {
    case 0: return xml(std::get<std::string>(v));
    case 1: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
      return buf;
    }
    case 2: return std::to_string(std::get<long long>(v));
    default: return std::get<bool>(v) ? "true" : "false";
  }
}

// Every attribute name used, with its type, in order of first use.
template <typename Items>
std::vector<Key> keys_of(const Items& items) {
  std::vector<Key> keys;
  std::map<std::string, int> seen;
  for (const auto& item : items)
    for (const Attribute& a : item.attributes)
      if (seen.try_emplace(a.name, static_cast<int>(keys.size())).second)
        keys.push_back({a.name, type_of(a.value), static_cast<int>(keys.size())});
  return keys;
}

int key_index(const std::vector<Key>& keys, const std::string& name) {
  for (const Key& k : keys)
    if (k.name == name) return k.index;
  return -1;
}

}  // namespace

void write_graphml(std::ostream& out, const ExportGraph& graph) {
  const auto node_keys = keys_of(graph.nodes), edge_keys = keys_of(graph.edges);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  out << "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
  const bool placed = !graph.nodes.empty() && graph.nodes.front().viz;
  // Position, size and colour as yEd's and Gephi's GraphML readers take them.
  if (placed)
    for (const char* k : {"x", "y", "size"}) out << "  <key id=\"" << k << "\" for=\"node\" attr.name=\"" << k << "\" attr.type=\"double\"/>\n";
  if (placed)
    for (const char* k : {"r", "g", "b"}) out << "  <key id=\"" << k << "\" for=\"node\" attr.name=\"" << k << "\" attr.type=\"int\"/>\n";
  for (const Key& k : node_keys)
    out << "  <key id=\"n" << k.index << "\" for=\"node\" attr.name=\"" << xml(k.name) << "\" attr.type=\"" << k.type << "\"/>\n";
  for (const Key& k : edge_keys)
    out << "  <key id=\"e" << k.index << "\" for=\"edge\" attr.name=\"" << xml(k.name) << "\" attr.type=\"" << k.type << "\"/>\n";
  out << "  <graph id=\"partnerships\" edgedefault=\"undirected\">\n";
  for (const ExportNode& n : graph.nodes) {
    out << "    <node id=\"" << xml(n.id) << "\">\n      <data key=\"label\">" << xml(n.label) << "</data>\n";
    if (placed && n.viz)
      out << "      <data key=\"x\">" << number(n.viz->x) << "</data>\n      <data key=\"y\">" << number(n.viz->y)
          << "</data>\n      <data key=\"size\">" << number(n.viz->size) << "</data>\n      <data key=\"r\">" << n.viz->r
          << "</data>\n      <data key=\"g\">" << n.viz->g << "</data>\n      <data key=\"b\">" << n.viz->b << "</data>\n";
    for (const Attribute& a : n.attributes)
      out << "      <data key=\"n" << key_index(node_keys, a.name) << "\">" << value_text(a.value) << "</data>\n";
    out << "    </node>\n";
  }
  for (const ExportEdge& e : graph.edges) {
    out << "    <edge source=\"" << xml(e.source) << "\" target=\"" << xml(e.target) << "\">\n";
    for (const Attribute& a : e.attributes)
      out << "      <data key=\"e" << key_index(edge_keys, a.name) << "\">" << value_text(a.value) << "</data>\n";
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void write_gexf(std::ostream& out, const ExportGraph& graph) {
  const auto node_keys = keys_of(graph.nodes), edge_keys = keys_of(graph.edges);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
      << "  <meta><creator>partnermap</creator><description>Partnerships network</description></meta>\n";
  bool dynamic = false;
  for (const ExportNode& n : graph.nodes) dynamic = dynamic || n.spell.has_value();
  // Dynamic when any partnership has dates: Gephi's timeline then shows partnerships (and their
  // lines) appearing and ending with their start and end.
  if (dynamic)
    out << "  <graph mode=\"dynamic\" timeformat=\"date\" defaultedgetype=\"undirected\">\n";
  else
    out << "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";
  out << "    <attributes class=\"node\">\n";
  for (const Key& k : node_keys)
    out << "      <attribute id=\"" << k.index << "\" title=\"" << xml(k.name) << "\" type=\"" << k.type << "\"/>\n";
  out << "    </attributes>\n    <attributes class=\"edge\">\n";
  for (const Key& k : edge_keys)
    out << "      <attribute id=\"" << k.index << "\" title=\"" << xml(k.name) << "\" type=\"" << k.type << "\"/>\n";
  out << "    </attributes>\n    <nodes>\n";
  for (const ExportNode& n : graph.nodes) {
    out << "      <node id=\"" << xml(n.id) << "\" label=\"" << xml(n.label) << "\">\n        <attvalues>\n";
    for (const Attribute& a : n.attributes)
      out << "          <attvalue for=\"" << key_index(node_keys, a.name) << "\" value=\"" << value_text(a.value) << "\"/>\n";
    out << "        </attvalues>\n" << spells(n.spell, "        ");
    if (n.viz)
      out << "        <viz:color r=\"" << n.viz->r << "\" g=\"" << n.viz->g << "\" b=\"" << n.viz->b << "\"/>\n"
          << "        <viz:position x=\"" << number(n.viz->x) << "\" y=\"" << number(n.viz->y) << "\" z=\"0.0\"/>\n"
          << "        <viz:size value=\"" << number(n.viz->size) << "\"/>\n";
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t id = 0;
  for (const ExportEdge& e : graph.edges) {
    out << "      <edge id=\"" << id++ << "\" source=\"" << xml(e.source) << "\" target=\"" << xml(e.target) << "\">\n"
        << "        <attvalues>\n";
    for (const Attribute& a : e.attributes)
      out << "          <attvalue for=\"" << key_index(edge_keys, a.name) << "\" value=\"" << value_text(a.value) << "\"/>\n";
    out << "        </attvalues>\n" << spells(e.spell, "        ") << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace partnermap::render
