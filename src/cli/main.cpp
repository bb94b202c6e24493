// partnermap: maps a council's partnerships as a network. See README.md.
#include <cerrno>
#include <iostream>
#include <optional>

#include <unistd.h>

#include "cli/commands.h"
#include "cli/file_writer.h"
#include "cli/interrupt.h"
#include "cli/output.h"
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
  try {
    app.parse(argc, argv);
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
