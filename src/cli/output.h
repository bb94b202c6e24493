// What the CLI prints to the terminal, and how it writes files without ever leaving half of one.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "partnermap/load.h"
#include "partnermap/problem.h"

namespace partnermap::cli {

// Prints problems one a line to `out`, errors first; after `limit` lines, a count of the rest.
void print_problems(std::ostream& out, const std::vector<Problem>& problems, std::size_t limit = 200);

// Loads a register and prints its warnings to stderr. Throws InputError.
Loaded load_and_warn(const std::string& path);

// Every file partnermap writes goes through one of these three. The output's location is checked
// first (a missing or read-only folder, a folder, an empty or too long name: InputError, exit 2);
// the file is written to a temporary file beside it, created with O_EXCL|O_NOFOLLOW under a name
// nobody can predict (mode from the umask), flushed to the disk and closed with every error
// checked, then renamed into place. Any failure or interruption (see interrupt.h) removes the
// temporary file and leaves an earlier file as it was; a failure of the system (the disk is full)
// throws WriteError (exit 1) in plain words naming `path`.
//
// The stream form, for text: `write` writes to the file itself.
void write_stream_atomically(const std::string& path, const std::function<void(std::ostream& out)>& write);
// The bytes form, for what a library rendered into memory (Graphviz).
void write_bytes_atomically(const std::string& path, std::string_view bytes);
// The path form, for a library that must open the file by name (libxlsxwriter): `write` is given
// the temporary file's path, already created by the writer, and writes it by name. The writer
// checks afterwards that the name still leads to the file it created before renaming it.
void write_file_atomically(const std::string& path, const std::function<void(const std::string& temp_path)>& write);

// Whether `path` names no file at all (empty, ending in '/', an existing folder). An output option's
// check of the file's ending lets such a name through, so that check_outputs_against_inputs says
// what is wrong in the same words for every command.
bool names_no_file(const std::string& path);

// partnermap never writes over what it reads. Throws InputError when `output` is one of `inputs`
// (by identity, so "./a.json", a link to it or another name of the same file count too) or, for a
// folder that is to be replaced (`output_is_folder`), when an input lies inside it.
void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs,
                                bool output_is_folder = false);

// The one place every command's outputs are checked, once its arguments are parsed and before it
// does any work: each output option (-o/--output, --html) against every other argument it was given
// (refuse_to_overwrite_inputs: a value that names no file matches nothing), and each output file's
// location (a missing or read-only folder...). Throws InputError. `brief`'s output is a folder.
void check_outputs_against_inputs(const CLI::App& command);

}  // namespace partnermap::cli
