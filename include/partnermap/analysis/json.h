// The analyses as JSON, with DESIGN.md's field names: what `--json` prints and what `analyse --json`
// puts under its top-level keys `capacity`, `roles`, `links` and `review`.
//
// Entries are named by their ids, never by positions in the register. Dates are ISO strings.
// Utilisation is a number, except that a unit with no capacity and hours committed to it has no
// finite utilisation: JSON has no infinity, so `utilisation` is null there and `status` says
// "overloaded" (the same holds in the forecast's lists).
#pragma once

#include <nlohmann/json.hpp>

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/links.h"
#include "partnermap/analysis/review.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/graph.h"

namespace partnermap {

// {at, units: [{id, name, capacity_hours, committed_hours, utilisation, status, partnerships: [{id, hours}]}],
//  officers: [{officer, unit, committed_hours, partnerships: [ids]}],
//  forecast: {months: [dates], units: [{id, utilisation: [...], committed_hours: [...]}]},
//  changes: [{unit, month, on, from, to, utilisation_before, utilisation_after, starting: [ids], ending: [ids]}]}
nlohmann::json to_json(const Graph& g, const Capacity& c);

// {at, overall: {lead, support, observer, absent, total, lead_share}, by_theme / by_nature / by_unit:
//  [{id, name, lead, support, observer, absent, total, lead_share}], dominance_threshold, dominates,
//  finding, partnerships: [{id, council_role ("lead"|"support"|"observer"|null when absent), lead_partner (id|null)}]}
nlohmann::json to_json(const Graph& g, const Roles& r);

// {at, min_jaccard, units: [{a, b, shared}], themes: [{a, b, shared}],
//  cross_cutting: [{partnership, themes, units}], overlap: [{a, b, shared, either, jaccard}],
//  themes_unserved: [ids], themes_not_led: [ids]}
nlohmann::json to_json(const Graph& g, const Links& l);

// {at, settings: {...}, score, severe, warnings, advice,
//  partnerships: [{id, name, significant, active, score, findings: [{code, severity, reason}]}]}
nlohmann::json to_json(const Graph& g, const Review& r);

// A utilisation as JSON: the number, or null when it is infinite (see above).
nlohmann::json utilisation_json(double utilisation);

}  // namespace partnermap
