// Writing a Register back as a partnermap/1 document.
//
// The writer streams: it walks the Register and writes each entry as it goes, holding only a small
// buffer, never a JSON value of the whole register (a national register would take over a GB as a
// DOM). Every field of the model is written, and every `extra` (fields the format does not know) is
// written back beside its entry's known fields, so a register read and saved loses nothing.
//
// Layout: one top-level field a line, one list entry a line, known fields in docs/design.md order, extras
// after them; optional fields only when present. Numbers are written in the shortest form that reads
// back to the same double.
#pragma once

#include <iosfwd>

#include "partnermap/model.h"

namespace partnermap {

// Writes `reg` to `out`. Does not throw for stream errors: check `out` afterwards.
void save_register(std::ostream& out, const Register& reg);

}  // namespace partnermap
