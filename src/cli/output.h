// What the CLI prints to the terminal, and how it writes files without ever leaving half of one.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "partnermap/load.h"
#include "partnermap/problem.h"

namespace partnermap::cli {

// Prints problems one a line to `out`, errors first; after `limit` lines, a count of the rest.
void print_problems(std::ostream& out, const std::vector<Problem>& problems, std::size_t limit = 200);

// Loads a register and prints its warnings to stderr. Throws InputError.
Loaded load_and_warn(const std::string& path);

// Writes a file through `write` into a temporary file beside it, then renames it into place: a
// reader never sees half a file, and a failure or an interruption (see interrupt.h) leaves no
// temporary file and any earlier file as it was.
void write_file_atomically(const std::string& path, const std::function<void(const std::string& temp_path)>& write);

// partnermap never writes over what it reads. Throws InputError when `output` is one of `inputs`
// (by identity, so "./a.json", a link to it or another name of the same file count too) or, for a
// folder that is to be replaced (`output_is_folder`), when an input lies inside it.
void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs,
                                bool output_is_folder = false);

}  // namespace partnermap::cli
