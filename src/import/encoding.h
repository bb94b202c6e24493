// Which encoding a text file is in, decided from what it holds, and the text as UTF-8.
//
// Spreadsheet programs write CSV in several encodings and none of them says which: Excel's "CSV UTF-8"
// (with a byte-order mark), its plain "CSV" (the Windows code page, 1252 on a UK machine), its "Unicode
// text" (UTF-16 LE with a byte-order mark). Each file is decided as a whole by what it holds, never
// guessed: a file that is UTF-8 but for a few stray bytes is an error at the first of them, because
// re-reading it all as Windows-1252 would turn every "é" into "Ã©".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace partnermap::import {

struct DecodedText {
  std::string utf8;      // the text as UTF-8; when `bad` is set, text in which `bad` can be located
  std::string encoding;  // "UTF-8", "UTF-16 LE", "UTF-16 BE" or "Windows-1252"
  std::optional<std::size_t> bad;  // the first byte that cannot be read, as an offset into `utf8`
  std::string why;                 // when `bad` is set: what is wrong there and what to do
};

// A byte-order mark decides UTF-8 or UTF-16 (LE or BE); without one, valid UTF-8 is UTF-8, and a file
// with no UTF-8 sequence at all and only bytes Windows-1252 defines is Windows-1252. Anything else
// sets `bad`.
DecodedText decode_text(std::string_view bytes);

// Length of the well-formed UTF-8 sequence starting at s[i] (1 for ASCII), 0 when none starts there.
std::size_t utf8_sequence(std::string_view s, std::size_t i);

}  // namespace partnermap::import
