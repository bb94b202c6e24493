// Reading the register's optional `policy` object: the council's own words and thresholds.
#pragma once

#include "load/fields.h"
#include "partnermap/policy.h"

namespace partnermap::load {

// Every setting checked for its type and range, each problem at its place ("policy.stretched");
// a setting with a problem keeps its default. Unknown settings are warned about like other fields.
Policy read_policy(FieldReader& r);

}  // namespace partnermap::load
