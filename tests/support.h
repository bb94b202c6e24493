// Helpers shared by the tests: running the real partnermap binary, reading files, temporary folders.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace partnermap::test {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A fresh empty folder under the system's temporary folder, removed when the object goes.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device seed;
    path = std::filesystem::temp_directory_path() / ("partnermap-test-" + std::to_string(seed()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

// `text` as one shell word: single-quoted, with each ' written as '\''.
inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command line, returning its exit status and what it printed.
struct Run {
  int status = -1;
  std::string out, err;
};

inline Run run_command(const std::string& command_line) {
  TempDir dir;
  const std::string cmd = command_line + " >" + (dir / "out").string() + " 2>" + (dir / "err").string();
  const int raw = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_text(dir / "out");
  r.err = read_text(dir / "err");
  return r;
}

// Runs the partnermap binary with `args` (already quoted for the shell).
inline Run run_partnermap(const std::string& args) {
  return run_command(std::string("'") + PARTNERMAP_BIN + "' " + args);
}

inline std::string data_file(const std::string& name) { return std::string(PARTNERMAP_TEST_DATA) + "/" + name; }
inline std::string carlisle() { return std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.json"; }

}  // namespace partnermap::test
