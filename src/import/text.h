// Small text helpers the import shares: UTF-8 checks, trimming, case folding, slugs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace partnermap::import {

// Whether `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);
// Windows-1252 (what Excel's plain "CSV" writes on a UK machine) to UTF-8.
std::string windows1252_to_utf8(std::string_view s);
// Appends code point `cp` to `out` as UTF-8.
void append_utf8(char32_t cp, std::string& out);

// Without spaces, tabs and line breaks (including non-breaking spaces) at either end.
std::string trim(std::string_view s);
std::string lower_ascii(std::string_view s);
// Lower case, letters and digits only, "&" read as "and": how names and headings are compared
// when case, spacing and punctuation should not matter.
std::string fold(std::string_view s);
// An id from a name: lower-case ASCII letters and digits joined by single hyphens, at most 48
// characters; `fallback` when nothing is left.
std::string slug(std::string_view name, const std::string& fallback);

// Splits a cell's list on ';' and line breaks, trimming each item and dropping empty ones.
std::vector<std::string> split_list(std::string_view cell);

// In quotes, for messages: "Housing".
std::string quote_text(std::string_view s);

// Text a spreadsheet would run as a formula, made safe by a leading apostrophe, back as it was.
std::string unneutralise(std::string s);

// An XLSX cell's text with Excel's escapes decoded: "_x0000_" (four hex digits) is that character,
// "_x005F_" an underscore; how Excel, and partnermap's matrix, write what XML cannot hold.
std::string xlsx_unescape(std::string s);

}  // namespace partnermap::import
