// The changes between two registers as one standalone web page, for a committee paper.
#pragma once

#include <iosfwd>

#include "partnermap/diff.h"

namespace partnermap::render {

void write_diff_html(std::ostream& out, const RegisterDiff& d);

}  // namespace partnermap::render
