// Clusters: the groups the partner network actually forms, found by community detection, set beside
// the City Vision themes the council files its partnerships under (key issue 9, cross-cutting work).
//
// The graph is the partner network (organisations and partnerships joined by memberships) without
// the council: the council is in nearly every partnership, so with it every partnership is one step
// from every other and the clusters say only that. Louvain (igraph's multilevel modularity
// optimisation, igraph_community_multilevel) on the unweighted simple graph; igraph's random number
// generator is seeded with `seed`, so the same register and seed give the same clusters.
//
// Each cluster with at least one partnership is reported, largest first (partnerships, then
// organisations, then the lowest vertex): its members, its most common theme (counting every theme
// a partnership serves; ties to the theme listed first in the register), the share of its
// partnerships that serve that theme, and the partnerships that do not ("off-theme"). The agreement
// figure is the normalised mutual information (igraph_compare_communities, IGRAPH_COMMCMP_NMI)
// between each partnership's cluster and its first theme (partnerships with no theme are one label
// of their own): 1 when the clusters are the themes, 0 when they say nothing about them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap {

inline constexpr std::uint64_t kClusterSeed = 2004;

struct Cluster {
  std::vector<Index> partnerships;   // register order
  std::vector<Index> organisations;  // register order
  std::optional<Index> main_theme;   // none when no partnership in it serves a theme
  double theme_share = 0;            // partnerships serving main_theme / partnerships
  std::vector<Index> off_theme;      // partnerships not serving main_theme
};

struct Clusters {
  std::uint64_t seed = kClusterSeed;
  double modularity = 0;  // of the whole partition (igraph's, resolution 1)
  double nmi = 0;         // clusters against first themes, over the partnerships
  std::vector<Cluster> clusters;
  // [vertex of the partner network] -> index into `clusters`; none for the council and for
  // organisations in no partnership.
  std::vector<std::optional<std::uint32_t>> of_vertex;
};

// Throws std::runtime_error when igraph fails (it reports only out-of-memory here).
Clusters compute_clusters(const Graph& g, std::uint64_t seed = kClusterSeed);

// {"algorithm", "seed", "modularity", "nmi", "clusters": [{"id", "size", "partnerships": [ids],
// "organisations": [ids], "main_theme", "theme_share", "off_theme": [ids]}]}
nlohmann::json clusters_to_json(const Graph& g, const Clusters& c);

}  // namespace partnermap
