#include "export.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

#include "escape.h"

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
    ExportNode n{vertex_id(g, v), g.name(v), {}};
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
      ExportEdge edge{vertex_id(g, v), vertex_id(g, ns[k]), {{"kind", std::string(to_string(e.kind))}}};
      const Partnership& p = reg.partnerships[g.index(v)];
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
  for (const Key& k : node_keys)
    out << "  <key id=\"n" << k.index << "\" for=\"node\" attr.name=\"" << xml(k.name) << "\" attr.type=\"" << k.type << "\"/>\n";
  for (const Key& k : edge_keys)
    out << "  <key id=\"e" << k.index << "\" for=\"edge\" attr.name=\"" << xml(k.name) << "\" attr.type=\"" << k.type << "\"/>\n";
  out << "  <graph id=\"partnerships\" edgedefault=\"undirected\">\n";
  for (const ExportNode& n : graph.nodes) {
    out << "    <node id=\"" << xml(n.id) << "\">\n      <data key=\"label\">" << xml(n.label) << "</data>\n";
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
      << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
      << "  <meta><creator>partnermap</creator><description>Partnerships network</description></meta>\n"
      << "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";
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
    out << "        </attvalues>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t id = 0;
  for (const ExportEdge& e : graph.edges) {
    out << "      <edge id=\"" << id++ << "\" source=\"" << xml(e.source) << "\" target=\"" << xml(e.target) << "\">\n"
        << "        <attvalues>\n";
    for (const Attribute& a : e.attributes)
      out << "          <attvalue for=\"" << key_index(edge_keys, a.name) << "\" value=\"" << value_text(a.value) << "\"/>\n";
    out << "        </attvalues>\n      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace partnermap::render
