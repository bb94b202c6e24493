// Cleaning up after an interrupted run: Ctrl-C (SIGINT), a kill (SIGTERM), a closed terminal
// (SIGHUP), Ctrl-\ (SIGQUIT) or a reader of standard output that went away (SIGPIPE) while a file is
// being written must not leave a half-written temporary file behind. A file size limit (SIGXFSZ) is
// ignored, so that it fails the write, which the writer reports and cleans up like a full disk.
//
// Every temporary file or folder the CLI writes is registered as in flight for as long as it
// exists under its temporary name. The signal handler removes whatever is in flight, then lets the
// signal end the process as it would have, so a shell still sees "interrupted".
#pragma once

#include <string>

namespace partnermap::cli {

// Installs the handler for SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE, and ignores SIGXFSZ. Call once, early in main.
void install_interrupt_cleanup();

// Registers `path` (a file, or a folder that holds only files) as in flight while the object
// lives. Register before creating the path, so that there is no moment when it exists unregistered.
// The owner still renames or removes the path itself; this only covers an interruption. When every
// slot is taken (more than a command ever has in flight) the path is simply not covered.
class InFlight {
 public:
  enum class Kind { file, folder };
  InFlight(const std::string& path, Kind kind);
  ~InFlight();
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  int slot_;
};

}  // namespace partnermap::cli
