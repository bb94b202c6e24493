// What reaches a person's terminal. Register text is typed by many hands and may hold control
// characters, terminal escape sequences (colours, or sequences that retitle the window, move the
// cursor or hide text) or right-to-left overrides (which make text read differently from what it
// is). When standard output or error is a terminal, everything written there passes through a filter
// that shows every such character as "?" and lets through line breaks, tabs and carriage returns,
// and partnermap's own colour and clear-line sequences (ESC [ ... m, ESC [ K) only when they come
// marked as its own (own_sequence below).
//
// The mark is the byte 0xFF, which UTF-8 text never holds: register text is UTF-8 (the loader
// refuses anything else, the import converts to it), so no name or note can bring a sequence that
// passes, not even one of partnermap's own colours.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

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

// `sequence` (one of partnermap's colour or clear-line sequences) marked as partnermap's own, to be
// written to a stream the filter guards; the filter passes it without the mark.
std::string own_sequence(std::string_view sequence);

// Clears the current line of a progress message on a terminal ("\r" then ESC [ K, marked as own).
std::string clear_line();

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
