// The briefing's network figures (density, centralization, the parts of the network, the bridges
// and the best connected), each with what it tells a member. Internal to render/.
#pragma once

#include <ostream>

#include "analysed.h"

namespace partnermap::render {

void write_network_figures(const Analysed& in, std::ostream& out);

}  // namespace partnermap::render
