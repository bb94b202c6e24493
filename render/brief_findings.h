// The briefing's key findings: each a sentence a member can repeat in committee. Internal to render/.
#pragma once

#include <string>
#include <vector>

#include "analysed.h"

namespace partnermap::render {

struct Headline {
  std::string figure;  // "34"
  std::string label;   // "partnerships active"
  std::string how_to_read;  // what the figure tells a member, in plain words
};

std::vector<Headline> headline_figures(const Analysed& in);
// Most pressing first: capacity, posts at risk, failing the review, lead share, empty themes.
std::vector<std::string> key_findings(const Analysed& in);

}  // namespace partnermap::render
