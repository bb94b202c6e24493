// The briefing pack's folder: partnermap owns only what it wrote there.
//
// A pack is written into a new hidden folder beside its target and renamed into place when
// complete, with a manifest (partnermap-pack.txt) naming every file in it. An earlier pack is
// replaced only when its folder holds that manifest and nothing but the files it lists; any other
// folder that is not empty is refused, so an officer's own files are never deleted.
#pragma once

#include <string>
#include <vector>

#include "brief.h"

namespace partnermap::cli {

inline constexpr const char* kPackManifest = "partnermap-pack.txt";

// Throws InputError (exit status 2), saying why, when `dir` may not become a pack: it is a file,
// its parent folder is missing or cannot be written, or it holds anything but an earlier pack.
void check_pack_folder(const std::string& dir);

// Writes `files` (and the manifest) as the folder `dir`, replacing an earlier pack only as
// check_pack_folder allows; a failure or an interruption leaves no temporary folder and the earlier
// pack as it was. Returns warnings for the user (an earlier folder that could not be removed whole).
std::vector<std::string> write_pack(const std::string& dir, const std::vector<render::PackFile>& files);

}  // namespace partnermap::cli
