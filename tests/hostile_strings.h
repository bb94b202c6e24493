// The same hostile register text for every output's escaping test: markup, quotes, backslashes,
// spreadsheet formulas, control characters, terminal escape sequences and right-to-left overrides.
#pragma once

#include <string>
#include <vector>

namespace partnermap::test {

inline std::vector<std::string> hostile_strings() {
  return {
      "<script>alert('x')</script>",
      "\" onmouseover=\"alert(1)",
      "<img src=x onerror=alert(1)> ]]> <!-- -->",
      "Police & Crime &amp; &#65;",
      "back\\slash \\N \\G \\n \\L",
      "=HYPERLINK(\"http://x\",\"click\")",
      "+44 1228 817000",
      "-1 Ltd",
      "@SUM(A1:A9)",
      "\tTabbed",
      "\rReturn",
      "one\ntwo\r\nthree",
      "| pipe | *star* _under_ [link](u) `code` # ~x~",
      "</script><!--",
      std::string("nul") + '\0' + "byte",
      "bell\a backspace\b",
      "clear\033[2J home\033[H",
      "title\033]0;owned\007",
      "conceal\033[8mhidden\033[0m",
      "one-byte CSI \xC2\x9B" "31m",
      "abc\xE2\x80\xAE" "Trust",
      "isolate\xE2\x81\xA6x\xE2\x81\xA9 embed\xE2\x80\xAAy\xE2\x80\xAC",
      "not a character \xEF\xBF\xBE",
      "colour \033[32mAll clear\033[0m",
      "zero\xE2\x80\x8Bwidth join\xE2\x80\x8Dx word\xE2\x81\xA0joiner bom\xEF\xBB\xBF",
      "quote\" ] [URL=\"javascript:alert(1)\"",
      "ends in a backslash\\",
      "Excel's escape _x0000_ and _x005F_",
  };
}

// Whether `text` holds a character that acts rather than shows: a control character other than
// tab and line breaks, DEL, a C1 control, a bidirectional embedding, override or isolate, a
// zero-width character (U+200B..U+200D, U+2060, U+FEFF), U+FFFE/F.
inline bool holds_active_character(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
    if ((b(0) < 0x20 && b(0) != '\t' && b(0) != '\n' && b(0) != '\r') || b(0) == 0x7F) return true;
    if (b(0) == 0xC2 && b(1) >= 0x80 && b(1) <= 0x9F) return true;
    if (b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0xAA && b(2) <= 0xAE) return true;
    if (b(0) == 0xE2 && b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9) return true;
    if (b(0) == 0xEF && b(1) == 0xBF && (b(2) == 0xBE || b(2) == 0xBF)) return true;
    if (b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0x8B && b(2) <= 0x8D) return true;
    if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0xA0) return true;
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return true;
  }
  return false;
}

}  // namespace partnermap::test
