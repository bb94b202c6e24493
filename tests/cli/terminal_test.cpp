#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/terminal.h"
#include "hostile_strings.h"
#include "support.h"

using partnermap::cli::own_sequence;
using partnermap::cli::terminal_safe;

TEST_CASE("ordinary text, accents and line breaks reach the terminal unchanged", "[cli][terminal]") {
  CHECK(terminal_safe("Sure Start Carlisle South\n") == "Sure Start Carlisle South\n");
  CHECK(terminal_safe("Café £30,000\tok\r\n") == "Café £30,000\tok\r\n");
}

TEST_CASE("partnermap's own colours and line clearing pass when marked as its own", "[cli][terminal]") {
  CHECK(terminal_safe(own_sequence("\033[31m") + "overloaded" + own_sequence("\033[0m")) == "\033[31moverloaded\033[0m");
  CHECK(terminal_safe(partnermap::cli::clear_line()) == "\r\033[K");
  CHECK(terminal_safe(own_sequence("\033[1;33m") + "x") == "\033[1;33mx");
}

TEST_CASE("the same colours coming with register text are refused", "[cli][terminal]") {
  CHECK(terminal_safe("\033[32mAll clear\033[0m") == "?All clear?");
  CHECK(terminal_safe("\r\033[K") == "\r?");
  CHECK(terminal_safe("a\033[1;33mb") == "a?b");
  // Marked, a sequence partnermap never writes is still refused; the mark alone shows as "?".
  CHECK(terminal_safe(own_sequence("\033[8m") + "x") == "?x");
  CHECK(terminal_safe("a\xFF" "b") == "a?b");
  CHECK(terminal_safe("a\x80" "b") == "a?b");
}

TEST_CASE("escape sequences, controls and direction overrides from a register are shown as ?", "[cli][terminal]") {
  CHECK(terminal_safe("a\033]0;owned\007b") == "a?]0;owned?b");  // window title
  CHECK(terminal_safe("a\033[2Jb") == "a?b");                     // clear the screen
  CHECK(terminal_safe("a\033[10Ab") == "a?b");                    // cursor up
  CHECK(terminal_safe("bell\007") == "bell?");
  CHECK(terminal_safe("del\x7F") == "del?");
  CHECK(terminal_safe("c1\xC2\x9B" "31m") == "c1?31m");              // the one-byte CSI
  CHECK(terminal_safe("abc\xE2\x80\xAE" "cba") == "abc?cba");        // right-to-left override
  CHECK(terminal_safe("x\xE2\x81\xA6y\xE2\x81\xA9") == "x?y?");       // isolates
  CHECK(terminal_safe("cut\033") == "cut?");                          // unfinished at the end
  CHECK(terminal_safe("bad\xC3(") == "bad?(");                        // broken UTF-8
}

TEST_CASE("colours partnermap never writes are refused, so register text cannot hide itself", "[cli][terminal]") {
  CHECK(terminal_safe("a\033[8msecret\033[0m") == "a?secret?");  // conceal
  CHECK(terminal_safe("a\033[1;8mb") == "a?b");
  CHECK(terminal_safe("a\033[mb") == "a?b");
  CHECK(terminal_safe("a\033[2Kb") == "a?b");  // clearing the whole line, not partnermap's
}

TEST_CASE("text written in pieces is filtered the same as whole", "[cli][terminal]") {
  std::ostringstream target;
  {
    partnermap::cli::TerminalFilter filter(target.rdbuf());
    std::ostream out(&filter);
    out << "ok \xE2\x80";  // a right-to-left override split across two writes
    out << "\xAE" << "end\xFF\033[3" << "1mred\033[0m";
  }
  CHECK(target.str() == "ok ?end\033[31mred?");
}

TEST_CASE("on a terminal, partnermap's output passes through the filter; piped, it is left as it is", "[cli][terminal]") {
  using namespace partnermap::test;
  TempDir dir;
  auto doc = nlohmann::json::parse(read_text(carlisle()));
  doc["partnerships"][0]["name"] = "Evil\033]0;owned\007\xE2\x80\xAEName";
  write_text(dir / "evil.json", doc.dump());
  const std::string review = std::string("'") + PARTNERMAP_BIN + "' review '" + (dir / "evil.json").string() + "'";

  // script(1) gives the command a terminal and copies what reached it to its own output.
  const Run on_terminal = run_command("script -qec \"" + review + "\" /dev/null");
  REQUIRE(on_terminal.out.find("Evil?]0;owned??Name") != std::string::npos);
  CHECK(on_terminal.out.find('\007') == std::string::npos);
  CHECK(on_terminal.out.find("\xE2\x80\xAE") == std::string::npos);

  const Run piped = run_command(review);
  CHECK(piped.out.find("Evil\033]0;owned\007\xE2\x80\xAEName") != std::string::npos);
}

TEST_CASE("the same hostile strings as every other format reach a terminal inert", "[cli][terminal]") {
  for (const std::string& text : partnermap::test::hostile_strings()) {
    INFO("text: " << text);
    std::string shown = terminal_safe(text);
    // No escape is left at all: partnermap's own colours come only marked, and register text has no mark.
    CHECK(shown.find('\033') == std::string::npos);
    CHECK_FALSE(partnermap::test::holds_active_character(shown));
  }
}
