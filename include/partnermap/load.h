// Reading a partnermap/1 register.
//
// The file is streamed through nlohmann/json's SAX interface: only one list entry at a time exists
// as a JSON value, so a register of a million memberships never sits in memory twice. Every problem
// is collected; when any is an error the loader throws InputError with all of them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "partnermap/model.h"
#include "partnermap/problem.h"

namespace partnermap {

struct LoadLimits {
  std::size_t max_bytes = std::size_t{2} << 30;  // 2 GiB: twenty times a national register
  int max_depth = 64;  // no field of the format nests beyond 4; 64 leaves room for kept extras
};

struct Loaded {
  Register reg;
  std::vector<Problem> warnings;  // things kept or assumed that the officer may want to fix
};

// Reads and checks a register. `name` is how problems name the file (usually its path).
// Throws InputError listing every problem when the register cannot be used.
Loaded load_register_text(std::string_view text, const std::string& name, const LoadLimits& limits = {});
// Same, from a file; a file that cannot be read is an InputError too.
Loaded load_register_file(const std::string& path, const LoadLimits& limits = {});

// Reads a whole file, refusing one larger than `max_bytes`. Throws InputError.
std::string read_input_file(const std::string& path, std::size_t max_bytes);

// Every check that needs the whole register (ids, references, parent cycles, dates in order).
// The loader runs it; it is public so that a register built in code (import, generate) is held
// to the same rules. `name` prefixes each problem's place.
std::vector<Problem> check_register(const Register& reg, const std::string& name);

}  // namespace partnermap
