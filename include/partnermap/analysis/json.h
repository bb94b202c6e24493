// The analyses as JSON, with docs/design.md's field names: what `--json` prints and what `analyse --json`
// puts under its top-level keys `capacity`, `roles`, `links` and `review`.
//
// Entries are named by their ids, never by positions in the register. Dates are ISO strings.
// Utilisation is a number, except that a unit with no capacity and hours committed to it has no
// finite utilisation: JSON has no infinity, so `utilisation` is null there and `status` says
// "overloaded" (the same holds in the forecast's lists).
//
// Each document exists in two forms with the same text: a JSON value (`to_json`), for tests and small
// registers, and a writer (`write_json`) that makes the long lists one entry at a time. A national
// register's review or roles list has 100,000 entries; as one nlohmann::json value that is hundreds
// of MB, written out it is a few dozen bytes at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/links.h"
#include "partnermap/analysis/review.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/graph.h"

namespace partnermap {

// A list whose entries are made when they are written: `count` of them, entry i from `entry(i)`.
struct StreamedList {
  std::size_t count = 0;
  std::function<nlohmann::json(std::size_t)> entry;
};

// A JSON document split into its short part (`head`, which holds null where each long list goes) and
// its long lists, keyed by their JSON pointer ("/partnerships", "/forecast/units"). The lists' makers
// refer to the graph and results they were made from: a document must not outlive them.
struct JsonDocument {
  nlohmann::json head;
  std::map<std::string, StreamedList> lists;

  // The whole document as one value.
  nlohmann::json value() const;
  // Exactly `value().dump(indent)` (compact for -1), written one list entry at a time.
  void write(std::ostream& out, int indent = -1) const;
};

// {at, units: [{id, name, capacity_hours, committed_hours, utilisation, status, partnerships: [{id, hours}]}],
//  officers: [{officer, unit, committed_hours, partnerships: [ids]}],
//  forecast: {months: [dates], units: [{id, utilisation: [...], committed_hours: [...]}]},
//  changes: [{unit, month, on, from, to, utilisation_before, utilisation_after, starting: [ids], ending: [ids]}]}
JsonDocument json_document(const Graph& g, const Capacity& c);

// {at, overall: {lead, support, observer, absent, total, lead_share}, by_theme / by_nature / by_unit:
//  [{id, name, lead, support, observer, absent, total, lead_share}], dominance_threshold, dominates,
//  finding, partnerships: [{id, council_role ("lead"|"support"|"observer"|null when absent), lead_partner (id|null)}]}
JsonDocument json_document(const Graph& g, const Roles& r);

// {at, min_jaccard, units: [{a, b, shared}], themes: [{a, b, shared}],
//  cross_cutting: [{partnership, themes, units}], overlap: [{a, b, shared, either, jaccard}],
//  themes_unserved: [ids], themes_not_led: [ids]}
JsonDocument json_document(const Graph& g, const Links& l);

// {at, settings: {...}, score, severe, warnings, advice,
//  partnerships: [{id, name, significant, active, score, findings: [{code, severity, reason}]}]}
JsonDocument json_document(const Graph& g, const Review& r);

// The documents above as one value each.
template <typename Results>
  requires requires(const Graph& g, const Results& r) { json_document(g, r); }
nlohmann::json to_json(const Graph& g, const Results& r) {
  return json_document(g, r).value();
}

// The documents above written out (`indent` as for nlohmann::json::dump).
template <typename Results>
  requires requires(const Graph& g, const Results& r) { json_document(g, r); }
void write_json(std::ostream& out, const Graph& g, const Results& r, int indent = -1) {
  json_document(g, r).write(out, indent);
}

// A utilisation as JSON: the number, or null when it is infinite (see above).
nlohmann::json utilisation_json(double utilisation);

}  // namespace partnermap
