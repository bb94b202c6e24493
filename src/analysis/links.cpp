#include "partnermap/analysis/links.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>

namespace partnermap {

namespace {

// The distinct far ends of `v`'s edges of one kind, as indices in their list.
std::vector<Index> distinct_ends(const Graph& g, Vertex v, EdgeKind kind) {
  std::vector<Index> out;
  const auto nbrs = g.neighbours(v);
  const auto info = g.edge_info(v);
  for (std::size_t k = 0; k < nbrs.size(); ++k)
    if (info[k].kind == kind) out.push_back(g.index(nbrs[k]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Pair counts over sets (each set sorted, distinct), sorted most shared first.
template <typename Link>
std::vector<Link> pair_counts(const std::vector<std::vector<Index>>& sets, std::size_t universe) {
  std::unordered_map<std::uint64_t, std::size_t> counts;
  for (const auto& s : sets)
    for (std::size_t i = 0; i < s.size(); ++i)
      for (std::size_t j = i + 1; j < s.size(); ++j) ++counts[std::uint64_t{s[i]} * universe + s[j]];
  std::vector<Link> out;
  out.reserve(counts.size());
  for (const auto& [key, n] : counts)
    out.push_back({static_cast<Index>(key / universe), static_cast<Index>(key % universe), n});
  std::sort(out.begin(), out.end(), [](const Link& x, const Link& y) {
    if (x.shared != y.shared) return x.shared > y.shared;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return out;
}

std::size_t intersection(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] < y[j]) ++i;
    else if (y[j] < x[i]) ++j;
    else ++n, ++i, ++j;
  }
  return n;
}

}  // namespace

// AllPairs-style prefix filtering. Each member set is written in one global order, rarest
// organisation first. If two sets have Jaccard >= t they share at least ceil(t * |x|) members, so the
// first |x| - ceil(t * |x|) + 1 members of x (its prefix) and the prefix of y share one: indexing
// prefixes only finds every qualifying pair, and the common members (the council, the county) sit at
// the end of every set, outside most prefixes. Candidates are then checked exactly.
std::vector<Overlap> partnership_overlap(const Graph& g, const std::vector<char>& include, double min_jaccard) {
  const Register& reg = g.reg();
  const double t = std::clamp(min_jaccard, 0.01, 1.0);
  constexpr double kSlack = 1e-9;  // so that 0.5 * 4 is 2, not 2.0000000001, after rounding
  const std::size_t n_orgs = reg.organisations.size();

  std::vector<std::vector<std::uint32_t>> sets(reg.partnerships.size());
  std::vector<std::uint32_t> frequency(n_orgs, 0);
  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    if (!include[p]) continue;
    for (Vertex v : g.partner_neighbours(g.partnership(p))) sets[p].push_back(g.index(v));
    std::sort(sets[p].begin(), sets[p].end());
    sets[p].erase(std::unique(sets[p].begin(), sets[p].end()), sets[p].end());
    for (std::uint32_t o : sets[p]) ++frequency[o];
  }
  // rank[o]: the organisation's place in the global order (rarest first).
  std::vector<std::uint32_t> by_rarity(n_orgs), rank(n_orgs);
  std::iota(by_rarity.begin(), by_rarity.end(), 0u);
  std::stable_sort(by_rarity.begin(), by_rarity.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return frequency[a] < frequency[b]; });
  for (std::uint32_t r = 0; r < n_orgs; ++r) rank[by_rarity[r]] = r;
  for (auto& s : sets) {
    for (auto& o : s) o = rank[o];
    std::sort(s.begin(), s.end());
  }

  std::vector<Index> order;
  for (Index p = 0; p < reg.partnerships.size(); ++p)
    if (include[p] && !sets[p].empty()) order.push_back(p);
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return sets[a].size() < sets[b].size(); });

  std::vector<std::vector<Index>> postings(n_orgs);  // by rank: partnerships with it in their prefix
  std::vector<std::size_t> first_live(n_orgs, 0);    // postings before this are too small ever again
  std::vector<Index> seen_by(reg.partnerships.size(), static_cast<Index>(-1));
  std::vector<Index> candidates;
  std::vector<Overlap> out;
  for (Index p : order) {
    const std::vector<std::uint32_t>& x = sets[p];
    const double n = static_cast<double>(x.size());
    const std::size_t prefix = x.size() - static_cast<std::size_t>(std::ceil(t * n - kSlack)) + 1;
    const double min_size = t * n - kSlack;  // |y| >= t|x| when |y| <= |x|
    // Only a shorter prefix need be indexed (PPJoin): a later, larger set x can reach J >= t with
    // this one only by sharing 2t/(1+t) of it. This keeps an organisation that is in every two-member
    // partnership (the council) out of the index, where it would make every pair a candidate.
    const std::size_t index_prefix = x.size() - static_cast<std::size_t>(std::ceil(2 * t / (1 + t) * n - kSlack)) + 1;
    candidates.clear();
    for (std::size_t i = 0; i < prefix && i < x.size(); ++i) {
      std::vector<Index>& list = postings[x[i]];
      // Sets arrive smallest first, so a set too small for this one is too small for every later one.
      std::size_t& live = first_live[x[i]];
      while (live < list.size() && static_cast<double>(sets[list[live]].size()) < min_size) ++live;
      for (std::size_t k = live; k < list.size(); ++k) {
        const Index q = list[k];
        if (seen_by[q] == p) continue;
        seen_by[q] = p;
        candidates.push_back(q);
      }
    }
    for (Index q : candidates) {
      const std::size_t shared = intersection(x, sets[q]);
      const std::size_t either = x.size() + sets[q].size() - shared;
      const double j = static_cast<double>(shared) / static_cast<double>(either);
      if (j + kSlack < t) continue;
      out.push_back({std::min(p, q), std::max(p, q), shared, either, j});
    }
    for (std::size_t i = 0; i < index_prefix && i < x.size(); ++i) postings[x[i]].push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const Overlap& x, const Overlap& y) {
    if (x.jaccard != y.jaccard) return x.jaccard > y.jaccard;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return out;
}

Links compute_links(const Graph& g, Date at, double min_jaccard) {
  const Register& reg = g.reg();
  Links links;
  links.at = at;
  links.min_jaccard = min_jaccard;
  std::vector<char> active(reg.partnerships.size());
  std::vector<std::vector<Index>> unit_sets, theme_sets;
  std::vector<std::size_t> served(reg.themes.size(), 0), led(reg.themes.size(), 0);
  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    active[p] = reg.partnerships[p].active_on(at);
    if (!active[p]) continue;
    std::vector<Index> units = distinct_ends(g, g.partnership(p), EdgeKind::commitment);
    std::vector<Index> themes = distinct_ends(g, g.partnership(p), EdgeKind::theme);
    if (units.size() >= 2 || themes.size() >= 2) links.cross_cutting.push_back({p, themes.size(), units.size()});
    const bool council_leads = reg.council_role(reg.partnerships[p]) == Role::lead;
    for (Index t : themes) {
      ++served[t];
      if (council_leads) ++led[t];
    }
    unit_sets.push_back(std::move(units));
    theme_sets.push_back(std::move(themes));
  }
  links.units = pair_counts<UnitLink>(unit_sets, std::max<std::size_t>(reg.business_units.size(), 1));
  links.themes = pair_counts<ThemeLink>(theme_sets, std::max<std::size_t>(reg.themes.size(), 1));
  links.overlap = partnership_overlap(g, active, min_jaccard);
  for (Index t = 0; t < reg.themes.size(); ++t) {
    if (served[t] == 0) links.themes_unserved.push_back(t);
    else if (led[t] == 0) links.themes_not_led.push_back(t);
  }
  return links;
}

}  // namespace partnermap
