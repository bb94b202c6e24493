// A pre-partnership assessment as one standalone web page for a committee paper: the recommendation
// with its reasons, each question of the decision tree with its answer and facts, the effect on each
// Business Unit month by month, and the partnerships it overlaps. No scripts and nothing fetched:
// the page works offline and prints as it shows.
#pragma once

#include <iosfwd>

#include "partnermap/assess.h"

namespace partnermap::render {

void write_assess_html(std::ostream& out, const Proposal& proposal, const Assessment& a);

}  // namespace partnermap::render
