// Register snapshots for `trend` and the brief's "Since last time": files given one by one, or every
// committed version of a register in git, with the survey wave that belongs to each.
#pragma once

#include <string>
#include <vector>

#include "partnermap/analysis/trend.h"

namespace partnermap::cli {

struct LoadedSnapshot {
  Register reg;
  std::string source;  // the file, or "file@commit"
};

// The snapshots in `files`, then every committed version of `git_register` (when not empty), sorted
// oldest first by their as_of date. Each register's warnings go to stderr. Throws InputError.
std::vector<LoadedSnapshot> load_snapshots(const std::vector<std::string>& files, const std::string& git_register);

// The indicators of each snapshot. Each survey wave is read with the snapshot nearest its date (and
// applied to it, so its review reads the survey too); a snapshot no wave is nearest to has none.
std::vector<Snapshot> compute_trend(std::vector<LoadedSnapshot>& snapshots, const std::vector<std::string>& survey_files);

}  // namespace partnermap::cli
