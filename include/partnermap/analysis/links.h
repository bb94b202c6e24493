// Links: how partnerships tie the Council together. The Best Value Review wants "a much stronger
// awareness of the cross-cutting nature of Partnerships across the Council" (key issue 9) and worries
// about over-consultation (key issue 13): the same partners meeting in several partnerships.
//
// Every figure counts the partnerships active on the date (docs/design.md's "active"), so proposed and
// ended partnerships tie nothing together.
#pragma once

#include <cstddef>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap {

// Two Business Units committed to the same partnerships (docs/design.md "unit links").
struct UnitLink {
  Index a = 0, b = 0;      // into Register::business_units, a < b
  std::size_t shared = 0;  // partnerships both give time to
};

// Two themes served by the same partnerships (docs/design.md "theme links").
struct ThemeLink {
  Index a = 0, b = 0;      // into Register::themes, a < b
  std::size_t shared = 0;  // partnerships that serve both
};

// A partnership that cuts across the Council: two or more themes, or two or more units.
struct CrossCutting {
  Index partnership = 0;
  std::size_t themes = 0;  // distinct themes it serves
  std::size_t units = 0;   // distinct Business Units that give it time
};

// Two partnerships with largely the same members: candidates for merging (docs/design.md "partnership
// overlap", Jaccard similarity of the member sets at or above the threshold).
struct Overlap {
  Index a = 0, b = 0;      // into Register::partnerships, a < b
  std::size_t shared = 0;  // organisations in both
  std::size_t either = 0;  // organisations in either (the union)
  double jaccard = 0;      // shared / either
};

struct Links {
  Date at;
  double min_jaccard = 0.5;
  std::vector<UnitLink> units;    // most shared first, then by a, b
  std::vector<ThemeLink> themes;  // most shared first, then by a, b
  std::vector<CrossCutting> cross_cutting;  // register order
  std::vector<Overlap> overlap;   // highest Jaccard first, then by a, b
  std::vector<Index> themes_unserved;  // themes no active partnership serves
  std::vector<Index> themes_not_led;   // themes served by active partnerships, none led by the Council
};

Links compute_links(const Graph& g, Date at, double min_jaccard = 0.5);

// The overlapping pairs among the partnerships `include` marks (one flag per partnership), with
// Jaccard similarity >= min_jaccard (taken as at least 0.01: a lower threshold pairs nearly everything).
// Runs in time near the number of pairs that share a rare member, not the number of all pairs: members
// are counted through an inverted index of each partnership's rarest members (prefix filtering), so a
// partner that sits on every partnership (the council itself) does not make every pair a candidate.
std::vector<Overlap> partnership_overlap(const Graph& g, const std::vector<char>& include, double min_jaccard);

}  // namespace partnermap
