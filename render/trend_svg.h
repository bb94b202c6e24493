// The indicators over time as one small line chart per indicator, drawn by partnermap as SVG: a page
// of small multiples that prints in black and white and reads the same on screen.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "partnermap/analysis/trend.h"

namespace partnermap::render {

// A value as members read it: "42%", "3", "120", "3.25".
std::string indicator_words(const IndicatorInfo& info, double value);

// The charts for `snapshots` (oldest first); `title` heads the picture. Every string from a register
// passes through html_escape.
void write_trend_svg(const std::vector<Snapshot>& snapshots, const std::string& title, std::ostream& out);

}  // namespace partnermap::render
