#include "cli/output.h"

#include "cli/interrupt.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <random>
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
      if (tell) std::cerr << "\r\033[K" << std::flush;
      throw;
    }
  }();
  if (tell) std::cerr << "\r\033[K" << std::flush;
  print_problems(std::cerr, loaded.warnings, 50);
  return loaded;
}

void write_file_atomically(const std::string& path,
                           const std::function<void(const std::string& temp_path)>& write) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::random_device seed;
  // Hidden, beside the target (a rename within one folder is atomic), unique per run.
  std::string temp_name = ".";
  temp_name += target.filename().string();
  temp_name += ".partial-";
  temp_name += std::to_string(seed() % 1000000);
  const fs::path temp = target.parent_path() / temp_name;
  const InFlight in_flight(temp.string(), InFlight::Kind::file);
  try {
    write(temp.string());
    fs::rename(temp, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw;
  }
}

namespace {

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  const bool same = std::filesystem::equivalent(a, b, ec);
  return !ec && same;
}

}  // namespace

void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs,
                                bool output_is_folder) {
  namespace fs = std::filesystem;
  for (const std::string& input : inputs) {
    if (same_file(output, input))
      throw InputError({{Severity::error, output,
                         "is the register this command reads; partnermap never writes over its input, "
                         "so give another name after -o"}});
    if (!output_is_folder) continue;
    // Walk up from the input: is any folder above it the one that would be replaced?
    std::error_code ec;
    fs::path at = fs::absolute(input, ec).parent_path();
    for (; !ec && !at.empty(); at = at.parent_path()) {
      if (same_file(output, at))
        throw InputError({{Severity::error, output,
                           "holds the register this command reads (" + input +
                               "), and the folder is replaced as a whole; give another folder after -o "
                               "or move the register out of it"}});
      if (at == at.root_path()) break;
    }
  }
}

}  // namespace partnermap::cli
