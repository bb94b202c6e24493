// The brief's "Since last time": what a six-monthly monitoring report to scrutiny leads with. The
// indicators over every snapshot as small charts, and the diff's headline from the previous register.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "analysed.h"
#include "partnermap/analysis/trend.h"

namespace partnermap::render {

struct SinceLastTime {
  Date previous;                       // the previous register's date
  std::vector<std::string> headline;   // headline_lines of the diff
  std::vector<std::string> warnings;   // the diff's warnings
  std::vector<Snapshot> snapshots;     // oldest first, the current register last
};

// Writes the section when `in.since` is set; nothing otherwise.
void write_since_section(const Analysed& in, std::ostream& out);

}  // namespace partnermap::render
