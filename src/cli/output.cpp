#include "cli/output.h"

#include "cli/file_writer.h"
#include "cli/interrupt.h"
#include "cli/terminal.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <unistd.h>

namespace partnermap::cli {

void print_problems(std::ostream& out, const std::vector<Problem>& problems, std::size_t limit) {
  std::vector<const Problem*> order;
  order.reserve(problems.size());
  for (const Problem& p : problems) order.push_back(&p);
  std::stable_partition(order.begin(), order.end(),
                        [](const Problem* p) { return p->severity == Severity::error; });
  std::size_t shown = 0;
  for (const Problem* p : order) {
    if (shown == limit) break;
    out << format_problem(*p) << '\n';
    ++shown;
  }
  if (order.size() > shown) out << "... and " << order.size() - shown << " more problems\n";
  const std::size_t errors = count_errors(problems);
  if (errors > 0)
    out << errors << (errors == 1 ? " error" : " errors")
        << " found; correct the file named above and run the command again.\n";
}

Loaded load_and_warn(const std::string& path) {
  // A national register takes seconds to read: say what is happening, to a person at a terminal only.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const bool tell = !ec && size > (std::uintmax_t{20} << 20) && isatty(STDERR_FILENO);
  if (tell) std::cerr << "reading " << path << " (" << (size >> 20) << " MB)..." << std::flush;
  Loaded loaded = [&] {
    try {
      return load_register_file(path);
    } catch (...) {
      if (tell) std::cerr << clear_line() << std::flush;
      throw;
    }
  }();
  if (tell) std::cerr << clear_line() << std::flush;
  print_problems(std::cerr, loaded.warnings, 50);
  return loaded;
}

namespace {

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  const bool same = std::filesystem::equivalent(a, b, ec);
  return !ec && same;
}

}  // namespace

bool names_no_file(const std::string& path) {
  std::error_code ec;
  return path.empty() || path.back() == '/' || std::filesystem::is_directory(path, ec);
}

void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs,
                                bool output_is_folder) {
  namespace fs = std::filesystem;
  for (const std::string& input : inputs) {
    if (same_file(output, input)) {
      // Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
      std::string why = "is ";
      if (input != output) why += input + ", ";
      why += "a file this command reads; partnermap never writes over its input, so give another name for the output";
      throw InputError({{Severity::error, output, why}});
    }
    // Only a file that is there can be held by the folder (a value such as "12" names none).
    std::error_code ec;
    if (!output_is_folder || !fs::is_regular_file(input, ec)) continue;
    // Walk up from the input: is any folder above it the one that would be replaced? From its real
    // place, ".." and links resolved: "../other/r.json" climbs out of "." only to go elsewhere.
    fs::path at = fs::canonical(input, ec).parent_path();
    for (; !ec && !at.empty(); at = at.parent_path()) {
      if (same_file(output, at))
        throw InputError({{Severity::error, output,
                           "holds the register this command reads (" + input +
                               "); a pack is made only in a new or empty folder, or in place of an earlier pack, so "
                               "give another folder after -o"}});
      if (at == at.root_path()) break;
    }
  }
}

void check_outputs_against_inputs(const CLI::App& command) {
  std::vector<const CLI::Option*> outputs;
  std::vector<std::string> inputs;
  for (const CLI::Option* option : command.get_options()) {
    // Options that name a file to write: -o, and the extra pages and charts some commands add.
    const bool is_output = option->check_lname("output") || option->check_lname("html") ||
                           option->check_lname("csv") || option->check_lname("svg");
    if (is_output && option->count() > 0) outputs.push_back(option);
    else if (!is_output)
      for (const std::string& value : option->results()) inputs.push_back(value);
  }
  const bool folder = command.get_name() == "brief";
  for (const CLI::Option* option : outputs)
    for (const std::string& output : option->results()) {
      if (output.empty()) {  // named by the option it was given to: -o, --html, --svg
        const std::string name = option->get_snames().empty() ? "--" + option->get_lnames().front() : "-" + option->get_snames().front();
        throw InputError({{Severity::error, name, folder ? "the folder's name is empty; give the folder to make the pack in"
                                                         : "the output's name is empty; give the name of the file to write"}});
      }
      refuse_to_overwrite_inputs(output, inputs, folder);
      if (!folder) check_output_file_location(output);  // before any work, not after it
    }
}

}  // namespace partnermap::cli
