// Reading the register's optional `policy` object: the council's own words and thresholds.
#pragma once

#include <string>
#include <vector>

#include "load/fields.h"
#include "partnermap/policy.h"

namespace partnermap::load {

// Every setting checked for its type and range, each problem at its place ("policy.stretched");
// a setting with a problem keeps its default. Unknown settings are warned about like other fields.
Policy read_policy(FieldReader& r);

// The checks whose findings may cite a source (keys of `policy.sources`), "roles" for the roles finding.
const std::vector<std::string>& source_checks();

}  // namespace partnermap::load
