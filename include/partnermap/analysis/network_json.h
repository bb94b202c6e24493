// The partner network as JSON: the `network` member of `analyse --json` (docs/design.md).
//
//   {"organisations": [{"id", "name", "partnerships", "co_members", "strength", "betweenness",
//                       "component", "closeness"}],
//    "partnerships":  [{"id", "name", "members", "linked_partnerships", "strength", "betweenness",
//                       "component", "closeness"}],
//    "memberships", "density", "organisation_density", "centralization",
//    "components": {"count", "sizes": [{"size", "count"}]},     (largest first)
//    "betweenness_exact", "betweenness_samples", "closeness_exact",
//    "demand": [{"id", "name", "partnerships", "units"}]}
//
// Lists are in register order. The definitions are in analysis/network.h.
#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "partnermap/analysis/json.h"
#include "partnermap/analysis/network.h"

namespace partnermap {

// The document with its two long lists made entry by entry (see JsonDocument in analysis/json.h).
JsonDocument network_document(const Graph& g, const Network& net);

nlohmann::json network_to_json(const Graph& g, const Network& net);

// The same document, written as compact JSON (exactly `network_to_json(g, net).dump()`) one entry at a
// time: a national register's 300,000 entries never exist as one JSON value, which as a DOM would
// take several hundred MB.
void write_network_json(std::ostream& out, const Graph& g, const Network& net);

}  // namespace partnermap
