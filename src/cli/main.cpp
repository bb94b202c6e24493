// partnermap: maps a council's partnerships as a network. See README.md.
#include <algorithm>
#include <cerrno>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/commands.h"
#include "cli/file_writer.h"
#include "cli/interrupt.h"
#include "cli/output.h"
#include "cli/table.h"
#include "cli/terminal.h"

namespace {

// Standard output into a file or a pipe goes through a buffer that keeps the first write error, so
// that a failure can be said in plain words ("the disk is full"); a terminal keeps the usual one.
// Restored before the buffer goes, since std::cout is flushed once more after main returns.
class StandardOutputBuffer {
 public:
  StandardOutputBuffer() : buffer_(STDOUT_FILENO) {
    if (!isatty(STDOUT_FILENO)) original_ = std::cout.rdbuf(&buffer_);
  }
  ~StandardOutputBuffer() {
    if (!original_) return;
    std::cout.flush();  // what an early return left (--help, a usage message)
    std::cout.rdbuf(original_);
  }
  StandardOutputBuffer(const StandardOutputBuffer&) = delete;
  StandardOutputBuffer& operator=(const StandardOutputBuffer&) = delete;
  int error() const { return buffer_.error(); }

 private:
  partnermap::cli::FdStreamBuffer buffer_;
  std::streambuf* original_ = nullptr;
};

// Standard output is an output: when it could not be written (a full disk, `> /dev/full`), the
// caller must not be told the command worked.
int standard_output_checked(int status, const StandardOutputBuffer& buffer) {
  errno = 0;
  std::cout.flush();
  if (std::cout) return status;
  const int error = buffer.error() != 0 ? buffer.error() : errno;
  std::cerr << "partnermap: could not write to standard output: "
            << (error != 0 ? partnermap::cli::write_error_words(error, "of standard output") : std::string("it was closed"))
            << "; what the command printed is lost\n";
  return status == partnermap::cli::kDone ? partnermap::cli::kFailed : status;
}

// A command's line in the list of commands: the first sentence of its description, made to fit
// one line by leaving out what is in brackets, then what follows its first clause.
std::string one_line(const std::string& description, std::size_t room) {
  std::string s = description.substr(0, description.find(". "));
  if (!s.empty() && s.back() == '.') s.pop_back();
  for (std::size_t open; s.size() > room && (open = s.find(" (")) != std::string::npos;) {
    const std::size_t close = s.find(')', open);
    if (close == std::string::npos) break;
    s.erase(open, close + 1 - open);
  }
  if (s.size() > room) {
    std::size_t cut = std::string::npos;
    for (const char* mark : {": ", "; ", ", "}) cut = std::min(cut, s.find(mark));
    if (cut != std::string::npos) s.erase(cut);
  }
  return s;
}

// What a bare `partnermap` or `partnermap help` prints: every command with a line each.
void print_commands(std::ostream& out, CLI::App& app) {
  out << "partnermap maps a council's partnerships as a network.\n\n"
         "Usage: partnermap COMMAND [ARGUMENTS]   (partnermap COMMAND --help explains one)\n\nCommands:\n";
  std::size_t width = 0;
  for (const CLI::App* c : app.get_subcommands([](CLI::App*) { return true; })) width = std::max(width, c->get_name().size());
  for (const CLI::App* c : app.get_subcommands([](CLI::App*) { return true; })) {
    out << "  " << c->get_name() << std::string(width + 2 - c->get_name().size(), ' ');
    partnermap::cli::print_wrapped(out, one_line(c->get_description(), 100 - width - 4), 100, width + 4);
  }
  out << "\nStart from a spreadsheet: partnermap import register.xlsx -o register.json, then partnermap brief "
         "register.json -o out\n";
}

// A first word that names no command: the nearest command, when one is close.
std::optional<int> unknown_command(CLI::App& app, const std::string& word) {
  if (word.empty() || word[0] == '-') return std::nullopt;
  std::vector<std::string> names = {"help"};
  for (const CLI::App* c : app.get_subcommands([](CLI::App*) { return true; })) {
    if (c->get_name() == word) return std::nullopt;
    names.push_back(c->get_name());
  }
  std::cerr << "partnermap: \"" << word << "\" is not a command";
  const std::string near = partnermap::nearest(word, names);
  if (!near.empty()) std::cerr << " (did you mean \"" << near << "\"?)";
  std::cerr << "; partnermap help lists the commands\n";
  return partnermap::cli::kBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace partnermap::cli;
  install_interrupt_cleanup();  // an interrupted run leaves no temporary file (see cli/interrupt.h)
  const StandardOutputBuffer standard_output;
  // Register text reaches a terminal only through the filter (see cli/terminal.h).
  std::optional<TerminalGuard> out_guard, err_guard;
  if (isatty(STDOUT_FILENO)) out_guard.emplace(std::cout);
  if (isatty(STDERR_FILENO)) err_guard.emplace(std::cerr);
  CLI::App app{
      "partnermap maps a council's partnerships as a network. From one register file (partnermap/1 "
      "JSON) it checks the register, works out which Business Units are overloaded by partnership work, "
      "the Council's lead and support roles, cross-cutting links and review findings, and draws the "
      "network for members.\n\nExit status: 0 done, 1 the tool failed, 2 bad input or bad arguments.",
      "partnermap"};
  app.set_version_flag("--version", std::string("partnermap ") + PARTNERMAP_VERSION);
  app.require_subcommand(1);
  int status = kDone;
  add_validate(app, status);
  add_analyse(app, status);
  add_diff(app, status);
  add_export(app, status);
  add_generate(app, status);
  add_network(app, status);
  add_capacity(app, status);
  add_review(app, status);
  add_matrix(app, status);
  add_diagram(app, status);
  add_brief(app, status);
  add_assess(app, status);
  add_import(app, status);
  add_explore(app, status);
  add_survey(app, status);
  add_trend(app, status);
  // Outputs against inputs, for every command in one place, before the command does any work.
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
    command->parse_complete_callback([command] { check_outputs_against_inputs(*command); });
  // The first minute: a bare `partnermap`, `help`, and a mistyped command.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || (args.size() == 1 && args[0] == "help")) {
    print_commands(std::cout, app);
    return standard_output_checked(args.empty() ? kBadInput : kDone, standard_output);
  }
  if (args[0] == "help") args = {args[1], "--help"};
  if (const auto status_of_unknown = unknown_command(app, args[0])) return *status_of_unknown;
  std::reverse(args.begin(), args.end());  // CLI11 takes its arguments last first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kDone : kBadInput;
  } catch (const partnermap::InputError& e) {
    print_problems(std::cerr, e.problems());
    return kBadInput;
  } catch (const WriteError& e) {
    std::cerr << "partnermap: " << e.what() << '\n';
    return kFailed;
  } catch (const std::bad_alloc&) {
    std::cerr << "partnermap: ran out of memory; try a smaller register or close other programs\n";
    return kFailed;
  } catch (const std::exception& e) {
    std::cerr << "partnermap: failed: " << e.what() << '\n';
    return kFailed;
  }
  return standard_output_checked(status, standard_output);
}
