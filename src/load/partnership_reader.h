// Reading one partnership entry, shared by the register reader and the proposal reader, so that a
// proposed partnership is read by exactly the rules of a register's entry.
//
// Reading happens in two steps. `read_partnership` checks every field of the entry and turns each
// reference (a member's organisation, a commitment's unit, a theme, the parent, the accountable body)
// into a provisional number in an IdTable, because the entry that defines the id may come later in
// the file. Once every defining entry is known, `resolve_partnership` turns the provisional numbers
// into indices, reporting each reference that names nothing.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "load/fields.h"
#include "load/id_table.h"
#include "partnermap/model.h"

namespace partnermap::load {

// The tables a partnership's references go into.
struct PartnershipIds {
  IdTable& organisations;
  IdTable& units;
  IdTable& themes;
  IdTable& partnerships;
};

// Names of the enumerations' values in the order of their declarations, for `FieldReader::choice`.
const std::vector<std::string>& nature_names();
const std::vector<std::string>& role_names();

// Reads every field of the partnership that `r` wraps. The id is read (and an empty one reported)
// but not defined in `ids.partnerships`: the caller knows where the entry goes. Nested objects
// (members, budget...) report to `problems`, which should be the vector `r` reports to.
Partnership read_partnership(FieldReader& r, const PartnershipIds& ids);

enum class Reference { organisation, unit, theme, partnership };

// Told about a reference to an id that no entry defines: the field's place, the id, the table of
// defined ids (for a "did you mean") and what kind of entry the id should name.
using DanglingReport =
    std::function<void(const std::string& where, const std::string& id, const IdTable& table, Reference kind)>;

// Turns the provisional numbers of `p` into indices. Members and commitments whose own fields were
// wrong are dropped quietly (already reported); references to ids nobody defines are dropped and
// reported. `prefix` is written before each field's path ("file: partnerships[3] \"Name\": " or
// "proposal.json: partnership.").
void resolve_partnership(Partnership& p, const std::string& prefix, const PartnershipIds& ids,
                         const DanglingReport& dangling);

}  // namespace partnermap::load
