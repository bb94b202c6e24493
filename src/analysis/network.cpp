// The partner network's figures: projections, components, density and centralization, demand,
// and the choice of betweenness sources. Brandes itself is in network_brandes.cpp.
#include "partnermap/analysis/network.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <random>

#include "analysis/network_internal.h"

namespace partnermap {

namespace network {

Rows simple_rows(const Graph& g) {
  const std::size_t n = g.partner_network_size();
  Rows out;
  out.offsets.reserve(n + 1);
  out.offsets.push_back(0);
  std::size_t edges = 0;
  for (Vertex v = 0; v < n; ++v) edges += g.partner_neighbours(v).size();
  out.targets.reserve(edges);
  std::vector<std::uint32_t> seen(n, 0);
  for (Vertex v = 0; v < n; ++v) {
    for (Vertex u : g.partner_neighbours(v))
      if (seen[u] != v + 1) {
        seen[u] = v + 1;
        out.targets.push_back(u);
      }
    out.offsets.push_back(static_cast<std::uint32_t>(out.targets.size()));
  }
  return out;
}

}  // namespace network

namespace {

using network::Rows;

unsigned thread_count(unsigned asked) {
  if (asked > 0) return asked;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Labels components by BFS, then renumbers them by size, largest first (ties: lowest vertex first).
std::vector<std::size_t> components(const Rows& g, std::vector<std::size_t>& sizes) {
  const std::size_t n = g.size();
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> label(n, kNone);
  std::vector<Vertex> queue;
  std::vector<std::size_t> raw_sizes;
  for (Vertex start = 0; start < n; ++start) {
    if (label[start] != kNone) continue;
    const std::size_t c = raw_sizes.size();
    queue.assign(1, start);
    label[start] = c;
    for (std::size_t head = 0; head < queue.size(); ++head)
      for (Vertex u : g.row(queue[head]))
        if (label[u] == kNone) {
          label[u] = c;
          queue.push_back(u);
        }
    raw_sizes.push_back(queue.size());
  }
  std::vector<std::size_t> by_size(raw_sizes.size());
  std::iota(by_size.begin(), by_size.end(), 0);
  // Raw labels follow the lowest vertex, so a stable sort keeps that order among equal sizes.
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](std::size_t a, std::size_t b) { return raw_sizes[a] > raw_sizes[b]; });
  std::vector<std::size_t> rank(raw_sizes.size());
  sizes.resize(raw_sizes.size());
  for (std::size_t r = 0; r < by_size.size(); ++r) {
    rank[by_size[r]] = r;
    sizes[r] = raw_sizes[by_size[r]];
  }
  for (std::size_t& l : label) l = rank[l];
  return label;
}

// A uniform integer in [0, bound), portable: std::uniform_int_distribution's algorithm differs
// between standard libraries, and a fixed seed must pick the same sources everywhere. Raw values
// below `threshold` would make the low residues more likely, so they are drawn again.
std::uint64_t below(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t x = rng();
    if (x >= threshold) return x % bound;
  }
}

// `k` distinct items of `pool`, drawn by a partial Fisher–Yates shuffle.
std::vector<Vertex> draw(std::vector<Vertex> pool, std::size_t k, std::mt19937_64& rng) {
  k = std::min(k, pool.size());
  for (std::size_t i = 0; i < k; ++i) std::swap(pool[i], pool[i + below(rng, pool.size() - i)]);
  pool.resize(k);
  return pool;
}

// Degree, distinct neighbours at distance two, and the weighted count of paths of length two: the
// projection figures of each vertex in [begin, end).
struct Projection {
  std::size_t distinct = 0, strength = 0;
};

// The rows of the busiest vertices as bitsets, for counting a union without walking it.
//
// A vertex's distinct neighbours at distance two are the union of its neighbours' rows. Walking
// those rows costs the sum of their sizes, which is quadratic in a hub: with the county council,
// the police and the health body each in thousands of partnerships, every partnership that has two
// of them walks thousands of entries. A heavy row is kept as a bitset over the span its (sorted)
// entries cover; a union of heavy rows is a word-wise OR and a popcount, so a heavy neighbour costs
// its span in words instead of its size in entries. A row is heavy when its size is at least
// kHeavyDensity times its span in words, so the bitsets together take at most 8 / kHeavyDensity bytes
// per entry of the rows they stand for.
constexpr std::size_t kHeavyDensity = 4;
constexpr std::size_t kMinHeavy = 32;

struct HeavyRows {
  std::vector<std::int32_t> slot;        // per vertex: its heavy row's slot, or -1
  std::vector<std::size_t> first;        // per slot: where its words start in `words`
  std::vector<std::uint32_t> word_from;  // per slot: the global word index of its first word
  std::vector<std::uint32_t> word_count;
  std::vector<std::uint64_t> words;

  bool contains(std::int32_t s, Vertex u) const {
    const std::size_t w = u >> 6;
    if (w < word_from[s] || w - word_from[s] >= word_count[s]) return false;
    return (words[first[s] + (w - word_from[s])] >> (u & 63)) & 1u;
  }
};

HeavyRows heavy_rows(const Rows& sorted) {
  HeavyRows h;
  h.slot.assign(sorted.size(), -1);
  for (Vertex v = 0; v < sorted.size(); ++v) {
    const auto row = sorted.row(v);
    if (row.size() < kMinHeavy) continue;
    const std::uint32_t from = row.front() >> 6, to = row.back() >> 6;
    if (row.size() < kHeavyDensity * (to - from + 1)) continue;
    h.slot[v] = static_cast<std::int32_t>(h.first.size());
    h.first.push_back(h.words.size());
    h.word_from.push_back(from);
    h.word_count.push_back(to - from + 1);
    h.words.resize(h.words.size() + (to - from + 1), 0);
    std::uint64_t* bits = h.words.data() + h.first.back();
    for (Vertex u : row) bits[(u >> 6) - from] |= std::uint64_t{1} << (u & 63);
  }
  return h;
}

// A worker's scratch: stamps for walked entries, a bitset for unions of heavy rows (all zero
// between calls) and the list of a vertex's heavy neighbours.
struct ProjectionScratch {
  std::vector<std::uint32_t> seen;
  std::vector<std::uint64_t> union_bits;
  std::vector<std::int32_t> heavy;
};

// No heavy neighbour: the largest neighbouring row is counted whole, unwalked, and the other rows
// only add what is not in it (a binary search in `sorted`, the same rows in ascending order), so
// one huge partnership is not walked once per member.
std::size_t distinct_light(const Rows& g, const Rows& sorted, Vertex v, std::vector<std::uint32_t>& seen) {
  const auto mids = g.row(v);
  Vertex largest = mids.front();
  for (Vertex mid : mids)
    if (g.row(mid).size() > g.row(largest).size()) largest = mid;
  const auto big = sorted.row(largest);
  std::size_t distinct = big.size() - 1;  // all of it but v itself: the rows are symmetric, so v is in it
  const std::uint32_t stamp = v + 1;
  seen[v] = stamp;  // not its own co-member
  for (Vertex mid : mids) {
    if (mid == largest) continue;
    for (Vertex u : g.row(mid))
      if (seen[u] != stamp) {
        seen[u] = stamp;
        if (!std::binary_search(big.begin(), big.end(), u)) ++distinct;
      }
  }
  return distinct;
}

// With heavy neighbours: their union by bitset (one of them is used as it is), then the light
// rows add what is in neither the union nor what they added already.
std::size_t distinct_heavy(const Rows& g, const HeavyRows& h, Vertex v, ProjectionScratch& s) {
  const std::int32_t only = s.heavy.size() == 1 ? s.heavy.front() : -1;
  std::size_t count = 0;
  std::uint32_t lo = std::numeric_limits<std::uint32_t>::max(), hi = 0;
  if (only >= 0) {
    for (std::uint32_t w = 0; w < h.word_count[only]; ++w) count += std::popcount(h.words[h.first[only] + w]);
  } else {
    for (std::int32_t slot : s.heavy) {
      const std::uint64_t* bits = h.words.data() + h.first[slot];
      const std::uint32_t from = h.word_from[slot];
      for (std::uint32_t w = 0; w < h.word_count[slot]; ++w) s.union_bits[from + w] |= bits[w];
      lo = std::min(lo, from);
      hi = std::max(hi, from + h.word_count[slot]);
    }
    for (std::uint32_t w = lo; w < hi; ++w) count += std::popcount(s.union_bits[w]);
  }
  const auto in_union = [&](Vertex u) {
    return only >= 0 ? h.contains(only, u) : ((s.union_bits[u >> 6] >> (u & 63)) & 1u) != 0;
  };
  const std::uint32_t stamp = v + 1;
  for (Vertex mid : g.row(v)) {
    if (h.slot[mid] >= 0) continue;
    for (Vertex u : g.row(mid))
      if (s.seen[u] != stamp && !in_union(u)) {
        s.seen[u] = stamp;
        ++count;
      }
  }
  if (only < 0) std::fill(s.union_bits.begin() + lo, s.union_bits.begin() + hi, 0);
  return count - 1;  // v itself is in every neighbour's row, so in the union
}

Projection project(const Rows& g, const Rows& sorted, const HeavyRows& h, Vertex v, ProjectionScratch& s) {
  Projection p;
  const auto mids = g.row(v);
  if (mids.empty()) return p;
  s.heavy.clear();
  for (Vertex mid : mids) {
    p.strength += g.row(mid).size() - 1;
    if (h.slot[mid] >= 0) s.heavy.push_back(h.slot[mid]);
  }
  p.distinct = s.heavy.empty() ? distinct_light(g, sorted, v, s.seen) : distinct_heavy(g, h, v, s);
  return p;
}

}  // namespace

Network compute_network(const Graph& g, const NetworkSettings& settings) {
  const Register& reg = g.reg();
  const std::size_t orgs = reg.organisations.size(), parts = reg.partnerships.size();
  const std::size_t n = g.partner_network_size();
  const unsigned threads = thread_count(settings.threads);
  const Rows rows = network::simple_rows(g);

  Network out;
  out.organisations.resize(orgs);
  out.partnerships.resize(parts);
  out.memberships = rows.directed_edges() / 2;

  // Projections and units, per vertex: integer results, so any schedule gives the same answer.
  {
    Rows sorted = rows;
    for (Vertex v = 0; v < sorted.size(); ++v)
      std::sort(sorted.targets.begin() + sorted.offsets[v], sorted.targets.begin() + sorted.offsets[v + 1]);
    const HeavyRows heavy = heavy_rows(sorted);
    std::vector<ProjectionScratch> scratch(threads);
    for (ProjectionScratch& s : scratch) {
      s.seen.assign(n, 0);
      s.union_bits.assign(n / 64 + 1, 0);
    }
    std::vector<std::vector<std::uint32_t>> unit_seen(threads,
                                                      std::vector<std::uint32_t>(reg.business_units.size(), 0));
    network::parallel_for(n, threads, 256, [&](unsigned t, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        const auto v = static_cast<Vertex>(i);
        const Projection p = project(rows, sorted, heavy, v, scratch[t]);
        if (g.kind(v) == VertexKind::organisation) {
          OrganisationFigures& o = out.organisations[g.index(v)];
          o.partnerships = rows.row(v).size();
          o.co_members = p.distinct;
          o.strength = p.strength;
          for (Vertex pv : rows.row(v))
            for (const Commitment& c : reg.partnerships[g.index(pv)].commitments)
              if (unit_seen[t][c.unit] != v + 1) {
                unit_seen[t][c.unit] = v + 1;
                ++o.units;
              }
        } else {
          PartnershipFigures& q = out.partnerships[g.index(v)];
          q.members = rows.row(v).size();
          q.linked_partnerships = p.distinct;
          q.strength = p.strength;
        }
      }
    });
  }

  // Components.
  std::vector<std::size_t> sizes;
  const std::vector<std::size_t> component = components(rows, sizes);
  out.component_count = sizes.size();
  for (std::size_t s : sizes) {
    if (out.component_sizes.empty() || out.component_sizes.back().size != s) out.component_sizes.push_back({s, 0});
    ++out.component_sizes.back().count;
  }

  // Density and centralization.
  if (orgs > 0 && parts > 0)
    out.density = static_cast<double>(out.memberships) / (static_cast<double>(orgs) * static_cast<double>(parts));
  if (orgs > 1) {
    double sum = 0, max = 0;
    for (const OrganisationFigures& o : out.organisations) {
      sum += static_cast<double>(o.co_members);
      max = std::max(max, static_cast<double>(o.co_members));
    }
    const double nn = static_cast<double>(orgs);
    out.organisation_density = sum / (nn * (nn - 1));
    if (orgs > 2) out.centralization = (nn * max - sum) / ((nn - 1) * (nn - 2));
  }

  // Betweenness and closeness: choose the sources.
  const double work = static_cast<double>(n) * static_cast<double>(rows.directed_edges());
  std::size_t samples = 0;  // 0: exact
  if (settings.samples) samples = *settings.samples;
  else if (work > kExactBetweennessWork)
    samples = std::max(kMinSamples, static_cast<std::size_t>(kExactBetweennessWork / static_cast<double>(rows.directed_edges())));
  if (samples >= n) samples = 0;  // every vertex a source: that is the exact figure

  network::SourcePlan plan;
  if (samples == 0) {
    plan.sources.resize(n);
    std::iota(plan.sources.begin(), plan.sources.end(), Vertex{0});
    plan.betweenness_sources = n;
  } else {
    std::mt19937_64 rng(kBetweennessSeed);
    std::vector<Vertex> all(n);
    std::iota(all.begin(), all.end(), Vertex{0});
    plan.sources = draw(std::move(all), samples, rng);
    std::sort(plan.sources.begin(), plan.sources.end());
    plan.betweenness_sources = samples;
    plan.distance_sums = true;
    // A component no source landed in gets closeness-only sources of its own.
    std::vector<std::size_t> sampled(sizes.size(), 0);
    for (Vertex s : plan.sources) ++sampled[component[s]];
    std::vector<std::vector<Vertex>> members(sizes.size());
    for (Vertex v = 0; v < n; ++v)
      if (sampled[component[v]] == 0) members[component[v]].push_back(v);
    for (std::size_t c = 0; c < sizes.size(); ++c) {
      if (members[c].empty()) continue;
      std::vector<Vertex> extra = draw(std::move(members[c]), samples, rng);
      std::sort(extra.begin(), extra.end());
      plan.sources.insert(plan.sources.end(), extra.begin(), extra.end());
    }
  }
  const network::SourceRun run = network::run_sources(rows, plan, threads, settings.progress);

  out.betweenness_exact = samples == 0;
  out.betweenness_samples = samples;
  out.closeness_exact = plan.sources.size() == n;
  // Each unordered pair was counted from both its ends (exact), or V/K times that in expectation.
  const double scale = samples == 0 ? 0.5 : 0.5 * static_cast<double>(n) / static_cast<double>(samples);
  std::vector<std::size_t> sources_in(sizes.size(), 0);
  for (Vertex s : plan.sources) ++sources_in[component[s]];
  for (Vertex v = 0; v < n; ++v) {
    double closeness = run.closeness[v];
    if (!run.is_source[v] && run.distance_sum[v] > 0)
      closeness = static_cast<double>(sources_in[component[v]]) / static_cast<double>(run.distance_sum[v]);
    const double betweenness = run.dependency[v] * scale;
    if (g.kind(v) == VertexKind::organisation) {
      OrganisationFigures& o = out.organisations[g.index(v)];
      o.betweenness = betweenness;
      o.closeness = closeness;
      o.component = component[v];
    } else {
      PartnershipFigures& q = out.partnerships[g.index(v)];
      q.betweenness = betweenness;
      q.closeness = closeness;
      q.component = component[v];
    }
  }

  // Demand on partners.
  std::vector<Index> order;
  for (Index i = 0; i < orgs; ++i)
    if (i != reg.council && out.organisations[i].partnerships > 0) order.push_back(i);
  const auto more = [&](Index a, Index b) {
    const OrganisationFigures &x = out.organisations[a], &y = out.organisations[b];
    if (x.partnerships != y.partnerships) return x.partnerships > y.partnerships;
    if (x.units != y.units) return x.units > y.units;
    return a < b;
  };
  const std::size_t keep = std::min(settings.demand_limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(), more);
  for (std::size_t i = 0; i < keep; ++i)
    out.demand.push_back({order[i], out.organisations[order[i]].partnerships, out.organisations[order[i]].units});
  return out;
}

}  // namespace partnermap
