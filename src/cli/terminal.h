// What reaches a person's terminal. Register text is typed by many hands and may hold control
// characters, terminal escape sequences (which can retitle the window, move the cursor or hide
// text) or right-to-left overrides (which make text read differently from what it is). When standard
// output or error is a terminal, everything written there passes through a filter that shows such
// characters as "?" and lets through only what partnermap itself writes: line breaks, tabs, carriage
// returns, and the colour and clear-line sequences (ESC [ ... m, ESC [ K).
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace partnermap::cli {

class TerminalFilter : public std::streambuf {
 public:
  explicit TerminalFilter(std::streambuf* target) : target_(target) {}
  ~TerminalFilter() override;
  TerminalFilter(const TerminalFilter&) = delete;
  TerminalFilter& operator=(const TerminalFilter&) = delete;

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  void put(unsigned char c);
  void emit(const std::string& s);
  void flush_pending();

  std::streambuf* target_;
  std::string pending_;  // an escape sequence or UTF-8 character not yet complete
};

// The bytes `text` becomes on a terminal (for tests).
std::string terminal_safe(const std::string& text);

// Puts the filter between `stream` and its buffer for the filter's lifetime.
class TerminalGuard {
 public:
  explicit TerminalGuard(std::ostream& stream);
  ~TerminalGuard();
  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* original_;
  std::unique_ptr<TerminalFilter> filter_;
};

}  // namespace partnermap::cli
