// The briefing as one PDF, printed by headless Chromium from the pack's own page, so that the PDF is
// exactly what a member gets by printing index.html. Chromium is optional: without it the pack is
// still made, and the tool says how to get the PDF.
#pragma once

#include <string>

namespace partnermap::render {

// The Chromium (or Chrome) program to print with: $PARTNERMAP_CHROMIUM when set (empty: none), else
// the first of chromium, chromium-browser, google-chrome-stable and google-chrome on $PATH. Empty when
// there is none.
std::string find_pdf_engine();

// What to tell an officer who has no PDF engine.
std::string pdf_engine_advice();

// Prints the page at `html_path` to `pdf_path` with `engine`, waiting at most `timeout_seconds`.
// Returns empty when the PDF was written, else what went wrong in plain words (nothing is thrown:
// a missing PDF must never cost the officer the rest of the pack).
std::string print_to_pdf(const std::string& engine, const std::string& html_path, const std::string& pdf_path,
                         int timeout_seconds = 180);

// Prints a page given as `html` (a self-contained page: the briefing inlines its diagrams) into
// `pdf`, through a private folder of its own (mkdtemp) that is removed afterwards. Returns empty
// when `pdf` holds the PDF, else what went wrong, as print_to_pdf does.
std::string print_page_to_pdf(const std::string& engine, const std::string& html, std::string& pdf,
                              int timeout_seconds = 180);

}  // namespace partnermap::render
