// partnermap never loses an officer's data: it refuses to write over the register it reads, a failed
// write leaves no temporary file and any earlier file as it was, and so does an interrupted one.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <thread>
#include <vector>
#include <sys/resource.h>
#include <sys/wait.h>

#include "support.h"

using namespace partnermap::test;
namespace fs = std::filesystem;

extern char** environ;

namespace {

// Every name in `dir` (not recursive), sorted.
std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool has_temporary(const fs::path& dir) {
  for (const std::string& name : names_in(dir))
    if (name.rfind(".partnermap-", 0) == 0) return true;
  return false;
}

std::string shell_quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("no command writes over the register it reads", "[hardening][no-data-loss]") {
  TempDir dir;
  const std::string original = read_text(carlisle());
  // Each command's output is named to pass its own checks of the file ending, and is the input.
  struct Case {
    std::string file, args;
  };
  const std::vector<Case> cases = {
      {"register.json", "matrix FILE -o FILE"},
      {"register.csv", "matrix FILE -o ./FILE"},
      {"register.dot", "diagram FILE -o FILE"},
      {"register.svg", "diagram FILE --view themes -o FILE"},
      {"register.graphml", "export FILE -o FILE"},
      {"register.html", "diff OTHER FILE --html FILE"},
      {"register.htm", "diff FILE OTHER --html FILE"},
      {"register.json", "brief FILE -o FILE"},
  };
  write_text(dir / "other.json", original);
  for (const Case& c : cases) {
    INFO(c.args << " with FILE = " << c.file);
    write_text(dir / c.file, original);
    std::string args = c.args;
    for (auto at = args.find("OTHER"); at != std::string::npos; at = args.find("OTHER")) args.replace(at, 5, shell_quoted(dir / "other.json"));
    // "./FILE" and "FILE" are the same file under two spellings.
    for (auto at = args.find("./FILE"); at != std::string::npos; at = args.find("./FILE"))
      args.replace(at, 6, shell_quoted(dir.path / "." / c.file));
    for (auto at = args.find("FILE"); at != std::string::npos; at = args.find("FILE")) args.replace(at, 4, shell_quoted(dir / c.file));
    const Run r = run_partnermap(args);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("partnermap never writes over its input"));
    CHECK(read_text(dir / c.file) == original);
    CHECK_FALSE(has_temporary(dir.path));
  }

  SECTION("nor through a link to it") {
    fs::create_symlink(dir / "register.json", dir / "link.csv");
    write_text(dir / "register.json", original);
    const Run r = run_partnermap("matrix " + shell_quoted(dir / "register.json") + " -o " + shell_quoted(dir / "link.csv"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("partnermap never writes over its input"));
    CHECK(read_text(dir / "register.json") == original);
  }

  SECTION("nor replaces a briefing folder that holds it") {
    fs::create_directory(dir / "pack");
    write_text(dir / "pack" / "index.html", "an earlier pack");
    write_text(dir / "pack" / "register.json", original);
    const Run r = run_partnermap("brief " + shell_quoted(dir / "pack" / "register.json") + " -o " + shell_quoted(dir / "pack"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("holds the register this command reads"));
    CHECK(read_text(dir / "pack" / "register.json") == original);
    CHECK(read_text(dir / "pack" / "index.html") == "an earlier pack");
  }
}

TEST_CASE("a write that fails leaves no temporary file and the earlier file as it was", "[hardening][no-data-loss]") {
  TempDir dir;
  SECTION("the file cannot be put in place") {
    // A folder where the file should go: bad input, found before any work is done.
    fs::create_directory(dir / "matrix.csv");
    write_text(dir / "matrix.csv" / "keep.txt", "kept");
    const Run r = run_partnermap("matrix " + shell_quoted(carlisle()) + " -o " + shell_quoted(dir / "matrix.csv"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("matrix.csv: is a folder, not a file"));
    CHECK(read_text(dir / "matrix.csv" / "keep.txt") == "kept");
    CHECK(names_in(dir.path) == std::vector<std::string>{"matrix.csv"});
  }
  SECTION("the command fails before it writes") {
    write_text(dir / "matrix.csv", "an earlier matrix");
    const Run r = run_partnermap("matrix " + shell_quoted(carlisle()) + " --filter theme=no-such-theme -o " + shell_quoted(dir / "matrix.csv"));
    CHECK(r.status == 2);
    CHECK(read_text(dir / "matrix.csv") == "an earlier matrix");
    CHECK(names_in(dir.path) == std::vector<std::string>{"matrix.csv"});
  }
  SECTION("the folder is not there") {
    const Run r = run_partnermap("export " + shell_quoted(carlisle()) + " -o " + shell_quoted(dir / "missing" / "network.graphml"));
    CHECK(r.status != 0);
    CHECK(names_in(dir.path).empty());
  }
}

namespace {

// Starts partnermap with `args` (no shell), its output thrown away; returns its process id.
pid_t start_partnermap(const std::vector<std::string>& args) {
  std::vector<std::string> all = {PARTNERMAP_BIN};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(failed == 0);
  return pid;
}

// Waits until a temporary file or folder appears in `dir`, then sends `signal_number`; returns the
// raw wait status. Fails the test if the run ends before it was caught writing.
int interrupt_while_writing(pid_t pid, const fs::path& dir, int signal_number) {
  int status = 0;
  for (;;) {
    if (has_temporary(dir)) {
      kill(pid, signal_number);
      REQUIRE(waitpid(pid, &status, 0) == pid);
      return status;
    }
    if (waitpid(pid, &status, WNOHANG) == pid) FAIL("the run ended before it could be interrupted while writing");
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

}  // namespace

TEST_CASE("an interrupted run leaves no temporary file", "[hardening][no-data-loss]") {
  TempDir dir;
  SECTION("brief, interrupted with Ctrl-C, keeps the earlier pack") {
    REQUIRE(run_partnermap("generate --size council -o " + shell_quoted(dir / "register.json")).status == 0);
    REQUIRE(run_partnermap("brief " + shell_quoted(carlisle()) + " -o " + shell_quoted(dir / "pack")).status == 0);
    const std::string earlier = read_text(dir / "pack" / "index.html");
    const auto before = names_in(dir / "pack");
    const pid_t pid = start_partnermap({"brief", (dir / "register.json").string(), "-o", (dir / "pack").string()});
    const int status = interrupt_while_writing(pid, dir.path, SIGINT);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGINT);
    CHECK(names_in(dir.path) == std::vector<std::string>{"pack", "register.json"});
    CHECK(names_in(dir / "pack") == before);
    CHECK(read_text(dir / "pack" / "index.html") == earlier);
  }
  SECTION("generate, stopped with SIGTERM, leaves nothing") {
    const pid_t pid = start_partnermap({"generate", "--size", "county", "-o", (dir / "county.json").string()});
    const int status = interrupt_while_writing(pid, dir.path, SIGTERM);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    CHECK(names_in(dir.path).empty());
  }
  SECTION("every signal that ends a run, while the XLSX matrix or a diagram is written, leaves no temporary file") {
    // SIGQUIT's default also dumps core: not into the test's folder.
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    REQUIRE(run_partnermap("generate --size county -o " + shell_quoted(dir / "county.json")).status == 0);
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) {
      for (const std::string name : {"matrix.xlsx", "matrix.json"}) {
        INFO("signal " << signal_number << " writing " << name);
        write_text(dir / name, "an earlier file");
        const pid_t pid = start_partnermap({"matrix", (dir / "county.json").string(), "-o", (dir / name).string()});
        const int status = interrupt_while_writing(pid, dir.path, signal_number);
        CHECK(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == signal_number);
        CHECK(names_in(dir.path) == std::vector<std::string>{"county.json", name});
        CHECK(read_text(dir / name) == "an earlier file");
        fs::remove(dir / name);
      }
    }
  }
  SECTION("matrix, interrupted with Ctrl-C, keeps the earlier matrix") {
    REQUIRE(run_partnermap("generate --size county -o " + shell_quoted(dir / "county.json")).status == 0);
    write_text(dir / "matrix.html", "an earlier matrix");
    const pid_t pid = start_partnermap({"matrix", (dir / "county.json").string(), "-o", (dir / "matrix.html").string()});
    const int status = interrupt_while_writing(pid, dir.path, SIGINT);
    CHECK(WIFSIGNALED(status));
    CHECK(names_in(dir.path) == std::vector<std::string>{"county.json", "matrix.html"});
    CHECK(read_text(dir / "matrix.html") == "an earlier matrix");
  }
}
