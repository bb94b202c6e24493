// Which diagrams the briefing carries: the four whole views, then small multiples (one diagram per
// City Vision theme and per Business Unit over capacity), each with plain words on how to read it.
// A whole council's network is too much to read at once; one theme at a time is not.
#pragma once

#include <string>
#include <vector>

#include "diagram.h"

namespace partnermap::render {

struct BriefView {
  DiagramView view;
  std::string how_to_read;
  bool multiple = false;
};

// At most this many of each kind of small multiple: the themes served most, the units most over.
inline constexpr std::size_t kThemeMultiples = 12;
inline constexpr std::size_t kUnitMultiples = 8;

std::vector<BriefView> brief_views(const Analysed& in);

}  // namespace partnermap::render
