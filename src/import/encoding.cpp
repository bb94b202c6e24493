// Deciding a text file's encoding from its bytes (see encoding.h for the rules and why).
#include "import/encoding.h"

#include <cstdint>
#include <cstdio>

#include "import/text.h"

namespace partnermap::import {

namespace {

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

DecodedText utf16(std::string_view body, bool little_endian) {
  DecodedText out;
  out.encoding = little_endian ? "UTF-16 LE" : "UTF-16 BE";
  out.utf8.reserve(body.size() / 2 + body.size() / 8);
  const auto unit = [&](std::size_t at) {
    const auto a = static_cast<unsigned char>(body[at]), b = static_cast<unsigned char>(body[at + 1]);
    return static_cast<std::uint32_t>(little_endian ? (b << 8 | a) : (a << 8 | b));
  };
  std::size_t i = 0;
  for (; i + 1 < body.size(); i += 2) {
    std::uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < body.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      out.bad = out.utf8.size();
      out.why = "half of a UTF-16 character pair (a surrogate) stands alone: the file is damaged; save it again from "
                "the spreadsheet program, as CSV UTF-8";
      return out;
    }
    append_utf8(static_cast<char32_t>(cp), out.utf8);
  }
  if (i < body.size()) {
    out.bad = out.utf8.size();
    out.why = "the file ends in the middle of a UTF-16 character: it is cut short; save it again from the spreadsheet "
              "program, as CSV UTF-8";
  }
  return out;
}

// Bytes Windows-1252 leaves undefined, and NUL, which no text file holds.
bool outside_windows1252(unsigned char c) { return c == 0x00 || c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D; }

}  // namespace

std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07, min = 0x10000;
  else return 0;
  if (i + n >= s.size()) return 0;
  for (std::size_t k = 1; k <= n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n + 1;
}

DecodedText decode_text(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE") return utf16(bytes.substr(2), true);
  if (bytes.substr(0, 2) == "\xFE\xFF") return utf16(bytes.substr(2), false);
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) bytes.remove_prefix(3);

  DecodedText out;
  std::optional<std::size_t> first_stray, first_undefined;
  bool multibyte = false;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = utf8_sequence(bytes, i);
    if (n > 1) multibyte = true;
    if (n == 0) {
      if (!first_stray) first_stray = i;
      if (!first_undefined && outside_windows1252(static_cast<unsigned char>(bytes[i]))) first_undefined = i;
      ++i;
      continue;
    }
    if (n == 1 && bytes[i] == '\0' && !first_undefined) first_undefined = i;
    i += n;
  }
  if (!first_stray) {
    out.utf8 = std::string(bytes);
    out.encoding = "UTF-8";
    return out;
  }
  const unsigned char stray = static_cast<unsigned char>(bytes[*first_stray]);
  if (bom || multibyte) {
    // UTF-8 text with a stray byte (a character pasted from elsewhere, a file joined from two): reading
    // it all as another encoding would garble every other accented letter, so it is refused.
    out.utf8 = std::string(bytes);
    out.encoding = "UTF-8";
    out.bad = *first_stray;
    out.why = "the byte " + hex_byte(stray) + " is not UTF-8, though the rest of the file is" +
              (bom ? " (it starts with UTF-8's byte-order mark)" : "") +
              ": retype the character there, or save the sheet again as \"CSV UTF-8\"";
    return out;
  }
  if (first_undefined) {
    out.utf8 = std::string(bytes);
    out.encoding = "Windows-1252";
    out.bad = *first_undefined;
    const auto c = static_cast<unsigned char>(bytes[*first_undefined]);
    out.why = "the byte " + hex_byte(c) +
              " is neither UTF-8 nor Windows-1252 text: this is not a CSV file partnermap can read; save the sheet "
              "from the spreadsheet program as \"CSV UTF-8\"";
    return out;
  }
  out.utf8 = windows1252_to_utf8(bytes);
  out.encoding = "Windows-1252";
  return out;
}

}  // namespace partnermap::import
