#include "cli/pack.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <set>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

#include "cli/file_writer.h"
#include "cli/interrupt.h"
#include "escape.h"
#include "partnermap/problem.h"

namespace partnermap::cli {

namespace fs = std::filesystem;

namespace {

const char* const kManifestHeading =
    "A members' briefing pack written by partnermap. partnermap replaces this folder only while it holds "
    "this file and the files below, and nothing else:";

[[noreturn]] void refuse(const std::string& dir, const std::string& why) {
  throw InputError({{Severity::error, dir.empty() ? std::string("-o") : dir, why}});
}

// A name the pack could have written: one file, directly in its folder.
bool plain_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos && name.find('\0') == std::string::npos;
}

// The names a manifest lists, or none when the folder has no manifest partnermap wrote.
std::optional<std::set<std::string>> read_manifest(const fs::path& folder) {
  std::ifstream in(folder / kPackManifest, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != kManifestHeading) return std::nullopt;
  std::set<std::string> names;
  while (std::getline(in, line))
    if (plain_name(line)) names.insert(line);
  return names;
}

std::string listing(const std::vector<std::string>& names) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(names.size(), 5);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i) out += ", ";
    // A file name is bytes anyone with the folder could choose: as UTF-8 only, so that it can bring
    // no byte the terminal filter reads as partnermap's own (cli/terminal.h).
    out += render::valid_utf8(names[i]);
  }
  if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

// The folder itself, whatever the spelling: "out/" and "." name a folder by its own name.
fs::path pack_path(const std::string& dir) {
  fs::path t = fs::absolute(fs::path(dir)).lexically_normal();
  if (t.filename().empty()) t = t.parent_path();
  return t;
}

}  // namespace

void check_pack_folder(const std::string& dir) {
  if (dir.empty()) refuse(dir, "the folder's name is empty; give the folder to make the pack in");
  const fs::path target = pack_path(dir);
  if (target == target.root_path()) refuse(dir, "is the top of the disk; give a folder of its own for the pack");
  struct stat st {};
  if (lstat(target.c_str(), &st) != 0) {
    if (errno != ENOENT) throw_write_error(errno, dir, target.parent_path().string());
    check_output_file_location(target.string());  // a new folder: its parent must be there and writable
    return;
  }
  if (S_ISLNK(st.st_mode)) refuse(dir, "is a link; give the folder itself (or a new one) so that the pack replaces nothing else");
  if (!S_ISDIR(st.st_mode)) refuse(dir, "is a file, not a folder; give a folder for the pack (a new one, or an earlier pack's)");
  const std::string parent = target.parent_path().string();
  if (access(parent.c_str(), W_OK | X_OK) != 0) throw_write_error(errno, dir, parent);
  std::vector<std::string> names, unexpected;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(target, ec)) names.push_back(e.path().filename().string());
  if (ec) throw_write_error(ec.value(), dir, dir);
  if (names.empty()) return;
  const std::optional<std::set<std::string>> listed = read_manifest(target);
  for (const std::string& n : names) {
    const bool is_file = fs::is_regular_file(fs::symlink_status(target / n, ec));
    if (!listed || !is_file || (n != kPackManifest && !listed->count(n))) unexpected.push_back(n);
  }
  std::sort(unexpected.begin(), unexpected.end());
  if (!listed)
    refuse(dir, "holds files partnermap did not write (" + listing(unexpected) +
                    "); a pack is made only in a new or empty folder, or in place of an earlier pack that holds nothing "
                    "else, so that none of your files is deleted. Give a new folder after -o, or move those files elsewhere");
  if (!unexpected.empty())
    refuse(dir, "is an earlier briefing pack, but also holds files partnermap did not write (" + listing(unexpected) +
                    "); move them out of the folder, or give a new folder after -o, so that none of them is deleted");
}

namespace {

// Writes every file and the manifest into `temp`, messages naming them inside `dir`.
void fill(const std::string& temp, const std::string& dir, const std::vector<render::PackFile>& files) {
  std::string manifest = std::string(kManifestHeading) + "\n";
  for (const render::PackFile& f : files) {
    const std::string path = (fs::path(temp) / f.name).string(), shown = (fs::path(dir) / f.name).string();
    if (f.write_to) write_by_name_as(path, shown, f.write_to);
    else write_stream_as(path, shown, [&](std::ostream& o) { o.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size())); });
    manifest += f.name + "\n";
  }
  write_stream_as((fs::path(temp) / kPackManifest).string(), (fs::path(dir) / kPackManifest).string(),
                  [&](std::ostream& o) { o << manifest; });
}

// Removes what an earlier pack's manifest lists, then its folder; says so when something else is left.
void remove_earlier(const fs::path& old, std::vector<std::string>& warnings) {
  const std::optional<std::set<std::string>> listed = read_manifest(old);
  if (listed)
    for (const std::string& n : *listed) unlink((old / n).c_str());
  unlink((old / kPackManifest).c_str());
  if (rmdir(old.c_str()) != 0)
    warnings.push_back("the earlier pack's folder was kept as " + old.string() +
                       " because it held files partnermap did not write (they appeared while the new pack was made); look "
                       "through it, then delete it");
}

}  // namespace

std::vector<std::string> write_pack(const std::string& dir, const std::vector<render::PackFile>& files) {
  check_pack_folder(dir);
  const fs::path target = pack_path(dir);
  const std::string parent = target.parent_path().string();
  std::string temp;
  std::optional<InFlight> in_flight;
  for (int attempt = 0;; ++attempt) {
    temp = (fs::path(parent) / unpredictable_temp_name()).string();
    in_flight.emplace(temp, InFlight::Kind::folder);
    if (mkdir(temp.c_str(), 0777) == 0) break;  // the umask decides, as for the pack's own folder
    const int error = errno;
    in_flight.reset();
    if (error != EEXIST || attempt == 31) throw_write_error(error, dir, parent);
  }
  struct stat st {};
  bool had = false;
  fs::path old;
  try {
    fill(temp, dir, files);
    had = lstat(target.c_str(), &st) == 0;
    if (had) {
      check_pack_folder(dir);  // again, just before: nothing may have been added meanwhile
      old = fs::path(parent) / unpredictable_temp_name();
      if (rename(target.c_str(), old.c_str()) != 0) throw_write_error(errno, dir, parent);
    }
    if (rename(temp.c_str(), target.c_str()) != 0) {
      const int error = errno;
      if (had) rename(old.c_str(), target.c_str());
      throw_write_error(error, dir, parent);
    }
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);  // partnermap's own folder: everything in it is partnermap's
    throw;
  }
  std::vector<std::string> warnings;
  if (had) remove_earlier(old, warnings);
  return warnings;
}

}  // namespace partnermap::cli
