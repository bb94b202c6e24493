// A register's history in git: every committed version of the file, read with libgit2 (a register
// kept in git is the natural record of six-monthly returns).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace partnermap {

struct RegisterVersion {
  std::string commit;   // the commit's short id (7 hex digits)
  std::int64_t time = 0;  // the commit's time, seconds since 1970
  std::string text;     // the file as committed
};

// The versions of the file at `path` committed on the current branch, oldest first; a commit that
// leaves the file as it was is skipped. Throws InputError when the file is not in a git repository
// or was never committed.
std::vector<RegisterVersion> register_history(const std::string& path);

}  // namespace partnermap
