// The first minute: a bare partnermap, help, and a mistyped command.
#include <catch2/catch.hpp>

#include "support.h"

using namespace partnermap::test;

TEST_CASE("main: a bare partnermap and partnermap help list every command with a line each", "[cli][main]") {
  const Run bare = run_partnermap("");
  CHECK(bare.status == 2);
  const Run help = run_partnermap("help");
  CHECK(help.status == 0);
  CHECK(help.out == bare.out);
  CHECK_THAT(help.out, Catch::StartsWith("partnermap maps a council's partnerships as a network.\n\nUsage: partnermap COMMAND"));
  CHECK_THAT(help.out, Catch::Contains("\n  import    Turn a spreadsheet register into a partnermap/1 register\n"));
  CHECK_THAT(help.out, Catch::Contains("\n  capacity  Which Business Units are over capacity because of partnership work\n"));
  for (const char* command : {"validate", "analyse", "diff", "export", "generate", "network", "capacity", "review", "matrix",
                              "diagram", "brief", "assess", "import", "explore", "survey", "trend"}) {
    INFO(command);
    CHECK_THAT(help.out, Catch::Contains(std::string("\n  ") + command + " "));
  }
  // One line each: every command line is followed by the next command or the end of the list.
  std::istringstream lines(help.out);
  std::size_t listed = 0;
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("  ", 0) == 0) {
      CHECK(line.size() <= 100);
      CHECK(line[2] != ' ');
      ++listed;
    }
  CHECK(listed == 16);
}

TEST_CASE("main: help COMMAND is the command's --help", "[cli][main]") {
  const Run r = run_partnermap("help import");
  CHECK(r.status == 0);
  CHECK(r.out == run_partnermap("import --help").out);
  CHECK_THAT(r.out, Catch::Contains("--into"));
}

TEST_CASE("main: a misspelled command gets did you mean, exit 2", "[cli][main]") {
  const Run r = run_partnermap("analyze register.json");
  CHECK(r.status == 2);
  CHECK(r.err == "partnermap: \"analyze\" is not a command (did you mean \"analyse\"?); partnermap help lists the commands\n");
  const Run far = run_partnermap("frobnicate");
  CHECK(far.status == 2);
  CHECK(far.err == "partnermap: \"frobnicate\" is not a command; partnermap help lists the commands\n");
  CHECK(run_partnermap("help analyze").status == 2);
  CHECK_THAT(run_partnermap("hepl").err, Catch::Contains("(did you mean \"help\"?)"));
  CHECK(run_partnermap("--version").status == 0);
}
