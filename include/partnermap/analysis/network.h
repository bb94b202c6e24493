// The partner network: organisations and partnerships joined by memberships (docs/design.md, "partner
// network"), and the figures people ask of it — who is central, who bridges, who is drawn on most.
//
// The network is the bipartite prefix of the graph model, [0, partner_network_size()): organisations
// (the council included, as one vertex) and partnerships, one edge per membership. An organisation
// listed twice in one partnership (the loader warns) is one edge: every figure is over the simple graph.
//
// Definitions (the NetworkX comparison test holds them to NetworkX 2.8's):
// - organisation `partnerships`: its degree. `co_members`: distinct other organisations sharing at
//   least one partnership with it (degree in the one-mode projection onto organisations).
//   `strength`: sum over its partnerships of the other members in each (weighted degree of that
//   projection, weight = partnerships shared).
// - partnership `members`: its degree. `linked_partnerships`: distinct other partnerships sharing at
//   least one member (degree in the projection onto partnerships). `strength`: sum over its members of
//   the other partnerships each is in (weighted degree of that projection).
// - `betweenness`: Brandes, undirected, unnormalised, over the whole bipartite network, each unordered
//   pair counted once (NetworkX `betweenness_centrality(normalized=False)`). Exact: from every vertex.
//   Sampled: from K distinct sources drawn with a fixed seed, the sum scaled by V/K (NetworkX's
//   estimator with `k=K`): an estimate, flagged so.
// - `component`: connected component, numbered by size, largest first (ties: the one holding the
//   lower vertex first); an organisation in no partnership is a component of its own.
// - `closeness`: within the vertex's component, (n_c - 1) / (sum of distances to the other n_c - 1
//   vertices), where n_c is the component's size; 0 for a vertex alone. This is NetworkX's
//   `closeness_centrality(wf_improved=False)`, which only ever sees the reachable vertices. When
//   betweenness is sampled, closeness is exact for every BFS source and estimated for the others
//   from their distances to the sources in their component (distances are symmetric): count of those
//   sources / sum of distances to them. A component holding no sampled source gets sources of its own
//   (all its vertices when it has at most K), so every vertex gets a figure.
// - `density`: memberships / (organisations x partnerships), the bipartite density (NetworkX
//   `bipartite.density`). `organisation_density`: density of the projection onto organisations,
//   2L / (n(n-1)) with L its edges.
// - `centralization`: Freeman's degree centralization of the projection onto organisations,
//   sum over organisations of (max co_members - co_members) / ((n-1)(n-2)); 1 for a star, 0 for a
//   regular network; 0 when n < 3.
// - demand on partners (the seeds' over-consultation worry): organisations other than the council,
//   by partnerships they are in, then `units`: distinct Business Units committing staff time to those
//   partnerships.
//
// Cost: projections O(sum of squared partnership sizes + sum of squared organisation degrees);
// betweenness O(sources x memberships), on a thread pool, identical whatever the thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap {

// The automatic choice: exact betweenness while vertices x directed edges stays under this bound;
// above it, as many sampled sources as fit under the same bound, at least kMinSamples. Measured on
// the county register (2.5 ms a source for 331k directed edges, one core of an AMD EPYC): about
// 2 ns a unit, so the bound is about a second on one core, half that on two.
inline constexpr double kExactBetweennessWork = 5.0e8;
inline constexpr std::size_t kMinSamples = 16;
// The fixed seed of sampled betweenness: the same register gives the same estimate on every run.
inline constexpr std::uint64_t kBetweennessSeed = 0x7061'7274'6e65'7273;  // "partners"

struct NetworkSettings {
  // none: automatic (see kExactBetweennessWork); 0: exact; K: K sampled sources. K at least the
  // number of vertices means every vertex is a source, which is the exact figure, reported as exact.
  std::optional<std::size_t> samples;
  unsigned threads = 0;        // 0: std::thread::hardware_concurrency()
  std::size_t demand_limit = 10;  // how many organisations the demand list keeps
  // Called as BFS sources complete (done, total), from one thread at a time though not always the
  // same one. Empty: no reports. The core never prints; the CLI hooks a progress line here.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct OrganisationFigures {
  std::size_t partnerships = 0;  // degree
  std::size_t co_members = 0;
  std::size_t strength = 0;
  double betweenness = 0;
  std::size_t component = 0;
  double closeness = 0;
  std::size_t units = 0;  // distinct Business Units committed to its partnerships
};

struct PartnershipFigures {
  std::size_t members = 0;  // degree
  std::size_t linked_partnerships = 0;
  std::size_t strength = 0;
  double betweenness = 0;
  std::size_t component = 0;
  double closeness = 0;
};

struct ComponentSize {
  std::size_t size = 0;   // vertices (organisations and partnerships)
  std::size_t count = 0;  // components of that size
};

struct Demand {
  Index organisation = 0;
  std::size_t partnerships = 0;
  std::size_t units = 0;
};

struct Network {
  std::vector<OrganisationFigures> organisations;  // register order
  std::vector<PartnershipFigures> partnerships;    // register order
  std::size_t memberships = 0;                     // edges of the simple bipartite graph
  double density = 0;
  double organisation_density = 0;
  double centralization = 0;
  std::size_t component_count = 0;
  std::vector<ComponentSize> component_sizes;  // largest first
  bool betweenness_exact = true;
  std::size_t betweenness_samples = 0;  // sources used when sampled; 0 when exact
  bool closeness_exact = true;
  std::vector<Demand> demand;  // most partnerships first, then most units, then register order
};

Network compute_network(const Graph& g, const NetworkSettings& settings = {});

}  // namespace partnermap
