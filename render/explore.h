// The explorer: one HTML file an officer can open offline and click through — search, filters, a
// date slider, focus on a neighbourhood, colours by cluster, the view kept in the URL's fragment.
// Everything is inside the file (data, Cytoscape.js, the page's own script and styles): browsers
// will not load a separate data file over file://, and a register may not leave the building.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "analysed.h"
#include "explore_layout.h"
#include "partnermap/analysis/clusters.h"
#include "partnermap/analysis/network.h"

namespace partnermap::render {

struct ExploreInputs {
  const Analysed& in;
  const Network& network;
  const Clusters& clusters;
};

// What was drawn, for the tool to report.
struct ExploreReport {
  std::string engine;
  std::size_t nodes = 0, edges = 0, months = 0;
  bool grouped = false;
  std::vector<std::string> warnings;
};

// The slider's months: from the month of the earliest start (at most 20 years back) to the latest
// end (at most 10 years ahead), and at least a year past the date; each on `at`'s day of the month.
struct ExploreMonths {
  Date first;
  int count = 0;    // months after `first`: the slider has count + 1 stops
  int at_stop = 0;  // the stop for the date the figures are worked out for
};
ExploreMonths explore_months(const Register& reg, Date at);

// Lays the network out and writes the page.
ExploreReport write_explore_page(const ExploreInputs& inputs, std::ostream& out);

// The same, working out the network figures and the clusters itself (for the briefing pack).
ExploreReport write_explore_page_for(const Analysed& in, std::ostream& out);

// The page from a layout already made (for tests, and for write_explore_page).
ExploreReport write_explore_page(const ExploreInputs& inputs, const PlacedLayout& layout, std::ostream& out);

}  // namespace partnermap::render
