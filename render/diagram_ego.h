// Which thing an ego view is around. One id may name a partnership, an organisation, a Business Unit
// and a theme at once (Carlisle has a theme and a unit both called "environment"), so a prefix says
// which: partnership:ID, org:ID (or organisation:ID), unit:ID, theme:ID. Internal to render/.
#pragma once

#include <string>

#include "partnermap/graph.h"

namespace partnermap::render {

// The vertex `text` (the part after "ego:") names. Throws std::invalid_argument, in plain words, when
// it names nothing (with an example id from the register) or, without a prefix, several things
// (listing each with its name and the prefixed id that picks it).
Vertex find_ego(const Graph& g, const std::string& text);

}  // namespace partnermap::render
