// The brief's "What partners say": the stakeholder survey in the words of a members' briefing.
#pragma once

#include <iosfwd>

#include "analysed.h"

namespace partnermap::render {

// Writes the section when `in.survey` holds a wave; nothing otherwise.
void write_survey_section(const Analysed& in, std::ostream& out);

}  // namespace partnermap::render
