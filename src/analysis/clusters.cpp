#include "partnermap/analysis/clusters.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>

#include <igraph.h>

namespace partnermap {

namespace {

// igraph's objects, freed on every path out.
struct IgraphGraph {
  igraph_t g;
  explicit IgraphGraph(const igraph_vector_int_t& edges, igraph_integer_t n) {
    if (igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS) throw std::runtime_error("igraph could not build the partner network");
  }
  ~IgraphGraph() { igraph_destroy(&g); }
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;
};

struct IntVector {
  igraph_vector_int_t v;
  explicit IntVector(igraph_integer_t n = 0) {
    if (igraph_vector_int_init(&v, n) != IGRAPH_SUCCESS) throw std::runtime_error("igraph: out of memory");
  }
  ~IntVector() { igraph_vector_int_destroy(&v); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
};

struct RealVector {
  igraph_vector_t v;
  RealVector() {
    if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS) throw std::runtime_error("igraph: out of memory");
  }
  ~RealVector() { igraph_vector_destroy(&v); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
};

void check(igraph_error_t e, const char* what) {
  if (e != IGRAPH_SUCCESS) throw std::runtime_error(std::string("igraph could not ") + what + ": " + igraph_strerror(e));
}

// Memberships of the partner network, each once, without the council. An organisation listed twice
// in a partnership is one edge, as in every other network figure.
std::vector<igraph_integer_t> partner_edges(const Graph& g) {
  std::vector<igraph_integer_t> ends;
  const Vertex council = g.council();
  for (Index p = 0; p < g.reg().partnerships.size(); ++p) {
    const Vertex pv = g.partnership(p);
    std::vector<Vertex> members(g.partner_neighbours(pv).begin(), g.partner_neighbours(pv).end());
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    for (Vertex o : members) {
      if (o == council) continue;
      ends.push_back(static_cast<igraph_integer_t>(pv));
      ends.push_back(static_cast<igraph_integer_t>(o));
    }
  }
  return ends;
}

// The most common theme among a cluster's partnerships, and which partnerships do not serve it.
void describe(const Register& reg, Cluster& c) {
  std::vector<std::size_t> count(reg.themes.size(), 0);
  for (Index p : c.partnerships)
    for (Index t : reg.partnerships[p].themes) ++count[t];
  const auto best = std::max_element(count.begin(), count.end());
  if (best == count.end() || *best == 0) {
    c.off_theme = c.partnerships;
    return;
  }
  c.main_theme = static_cast<Index>(best - count.begin());
  c.theme_share = static_cast<double>(*best) / static_cast<double>(c.partnerships.size());
  for (Index p : c.partnerships) {
    const auto& ts = reg.partnerships[p].themes;
    if (std::find(ts.begin(), ts.end(), *c.main_theme) == ts.end()) c.off_theme.push_back(p);
  }
}

double agreement(const Register& reg, const std::vector<std::uint32_t>& cluster_of_partnership) {
  const igraph_integer_t n = static_cast<igraph_integer_t>(reg.partnerships.size());
  if (n == 0) return 0;
  // igraph takes labels numbered from 0 below the number of elements: renumber both in order of
  // first appearance.
  IntVector a(n), b(n);
  std::map<std::uint32_t, igraph_integer_t> clusters;
  std::map<std::int64_t, igraph_integer_t> themes;
  for (igraph_integer_t p = 0; p < n; ++p) {
    const std::uint32_t c = cluster_of_partnership[static_cast<std::size_t>(p)];
    VECTOR(a.v)[p] = clusters.try_emplace(c, static_cast<igraph_integer_t>(clusters.size())).first->second;
    const auto& ts = reg.partnerships[static_cast<std::size_t>(p)].themes;
    const std::int64_t t = ts.empty() ? -1 : static_cast<std::int64_t>(ts.front());
    VECTOR(b.v)[p] = themes.try_emplace(t, static_cast<igraph_integer_t>(themes.size())).first->second;
  }
  igraph_real_t nmi = 0;
  check(igraph_compare_communities(&a.v, &b.v, &nmi, IGRAPH_COMMCMP_NMI), "compare the clusters with the themes");
  return nmi;
}

}  // namespace

Clusters compute_clusters(const Graph& g, std::uint64_t seed) {
  const Register& reg = g.reg();
  const std::size_t n = g.partner_network_size();
  Clusters out;
  out.seed = seed;
  out.of_vertex.assign(n, std::nullopt);
  if (reg.partnerships.empty()) return out;

  const std::vector<igraph_integer_t> ends = partner_edges(g);
  IntVector edges(static_cast<igraph_integer_t>(ends.size()));
  std::copy(ends.begin(), ends.end(), VECTOR(edges.v));
  IgraphGraph graph(edges.v, static_cast<igraph_integer_t>(n));
  IntVector membership;
  RealVector levels;
  // igraph aborts the process on an error unless told otherwise; every call here is checked instead.
  igraph_set_error_handler(igraph_error_handler_ignore);
  check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "seed its random numbers");
  check(igraph_community_multilevel(&graph.g, nullptr, 1.0, &membership.v, nullptr, &levels.v), "find the clusters");
  const std::size_t max_level = static_cast<std::size_t>(igraph_vector_size(&levels.v));
  out.modularity = max_level ? VECTOR(levels.v)[max_level - 1] : 0;
  if (max_level) check(igraph_modularity(&graph.g, &membership.v, nullptr, 1.0, IGRAPH_UNDIRECTED, &out.modularity), "work out the modularity");

  // igraph's communities, those holding a partnership, largest first.
  std::map<igraph_integer_t, Cluster> found;
  std::map<igraph_integer_t, Vertex> first_vertex;
  for (Vertex v = 0; v < n; ++v) {
    if (v == g.council()) continue;
    const igraph_integer_t c = VECTOR(membership.v)[v];
    first_vertex.try_emplace(c, v);
    if (g.kind(v) == VertexKind::partnership) found[c].partnerships.push_back(g.index(v));
    else found[c].organisations.push_back(g.index(v));
  }
  std::vector<igraph_integer_t> order;
  for (const auto& [c, cl] : found)
    if (!cl.partnerships.empty()) order.push_back(c);
  std::sort(order.begin(), order.end(), [&](igraph_integer_t a, igraph_integer_t b) {
    const Cluster &x = found[a], &y = found[b];
    if (x.partnerships.size() != y.partnerships.size()) return x.partnerships.size() > y.partnerships.size();
    if (x.organisations.size() != y.organisations.size()) return x.organisations.size() > y.organisations.size();
    return first_vertex[a] < first_vertex[b];
  });
  std::map<igraph_integer_t, std::uint32_t> number;
  for (igraph_integer_t c : order) {
    number[c] = static_cast<std::uint32_t>(out.clusters.size());
    out.clusters.push_back(std::move(found[c]));
    describe(reg, out.clusters.back());
  }
  std::vector<std::uint32_t> of_partnership(reg.partnerships.size(), 0);
  for (Vertex v = 0; v < n; ++v) {
    if (v == g.council()) continue;
    const auto it = number.find(VECTOR(membership.v)[v]);
    if (it == number.end()) continue;
    out.of_vertex[v] = it->second;
    if (g.kind(v) == VertexKind::partnership) of_partnership[g.index(v)] = it->second;
  }
  out.nmi = agreement(reg, of_partnership);
  return out;
}

nlohmann::json clusters_to_json(const Graph& g, const Clusters& c) {
  const Register& reg = g.reg();
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < c.clusters.size(); ++i) {
    const Cluster& cl = c.clusters[i];
    nlohmann::json parts = nlohmann::json::array(), orgs = nlohmann::json::array(), off = nlohmann::json::array();
    for (Index p : cl.partnerships) parts.push_back(reg.partnerships[p].id);
    for (Index o : cl.organisations) orgs.push_back(reg.organisations[o].id);
    for (Index p : cl.off_theme) off.push_back(reg.partnerships[p].id);
    list.push_back({{"id", i + 1},
                    {"size", cl.partnerships.size() + cl.organisations.size()},
                    {"partnerships", std::move(parts)},
                    {"organisations", std::move(orgs)},
                    {"main_theme", cl.main_theme ? nlohmann::json(reg.themes[*cl.main_theme].id) : nlohmann::json()},
                    {"theme_share", cl.theme_share},
                    {"off_theme", std::move(off)}});
  }
  return {{"algorithm", "louvain"}, {"seed", c.seed}, {"excludes", reg.organisations[reg.council].id},
          {"modularity", c.modularity}, {"nmi", c.nmi}, {"clusters", std::move(list)}};
}

}  // namespace partnermap
