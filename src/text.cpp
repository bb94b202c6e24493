#include "partnermap/text.h"

#include <cstdio>

namespace partnermap {

namespace {

unsigned char byte_at(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// The code point of a character that active_character_length accepted.
unsigned code_point(std::string_view text, std::size_t i, std::size_t length) {
  const unsigned b0 = byte_at(text, i), b1 = byte_at(text, i + 1), b2 = byte_at(text, i + 2);
  if (length == 1) return b0;
  if (length == 2) return ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
  return ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
}

}  // namespace

std::size_t active_character_length(std::string_view text, std::size_t i) {
  const unsigned char b0 = byte_at(text, i), b1 = byte_at(text, i + 1), b2 = byte_at(text, i + 2);
  if ((b0 < 0x20 && b0 != '\t' && b0 != '\n' && b0 != '\r' && i < text.size()) || b0 == 0x7F) return 1;
  if (b0 == 0xC2 && b1 >= 0x80 && b1 <= 0x9F) return 2;
  if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 3;
  if (b0 == 0xE2 && b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;
  if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8D) return 3;  // zero-width space, non-joiner, joiner
  if (b0 == 0xE2 && b1 == 0x81 && b2 == 0xA0) return 3;                // word joiner
  if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3;                // zero-width no-break space (BOM)
  if (b0 == 0xEF && b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)) return 3;
  return 0;
}

std::string describe_active_character(std::string_view text, std::size_t i) {
  const std::size_t length = active_character_length(text, i);
  if (length == 0) return "an ordinary character";
  const unsigned cp = code_point(text, i, length);
  char number[16];
  std::snprintf(number, sizeof number, "U+%04X", cp);
  std::string what = cp == 0x1B                      ? "an escape character"
                     : cp < 0x20 || cp == 0x7F        ? "a control character"
                     : cp < 0xA0                      ? "a C1 control character"
                     : cp == 0x202E || cp == 0x202D   ? "a direction override"
                     : cp >= 0x2066 && cp <= 0x2069   ? "a direction isolate"
                     : cp >= 0x202A && cp <= 0x202C   ? "a direction embedding"
                     : cp == 0xFEFF                   ? "a byte-order mark"
                     : cp >= 0x200B && cp <= 0x2060   ? "a zero-width character"
                                                      : "a noncharacter";
  what += " (";
  what += number;
  what += ")";
  return what;
}

}  // namespace partnermap
