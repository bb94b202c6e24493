// Updating an existing register from its spreadsheet: `import --into REGISTER.json`.
//
// The sheet is the record of what it holds; the register holds more (capacities, sectors, fields
// added by hand, the policy). The update replaces what the sheet holds and keeps everything else:
// a partnership in both keeps its id and every field the sheet has no column for; a partnership
// only in the sheet is added, one only in the register is removed (the sheet lists the council's
// partnerships); organisations, Business Units and themes are matched by name and keep their ids,
// capacities and sectors unless the sheet gives new ones.
#pragma once

#include <string>
#include <vector>

#include "partnermap/import.h"
#include "partnermap/model.h"
#include "partnermap/problem.h"

namespace partnermap {

struct Merged {
  Register reg;
  std::vector<Problem> warnings;  // references the update could not keep
};

// `old_name` names the register in messages. Throws InputError when the result breaks the
// register's rules (check_register).
Merged merge_into(const Register& old, const Imported& fresh, const std::string& old_name);

}  // namespace partnermap
