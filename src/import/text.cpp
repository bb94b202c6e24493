#include "import/text.h"

#include <cstdint>

namespace partnermap::import {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    std::uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07, min = 0x10000;
    else return false;
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

std::string windows1252_to_utf8(std::string_view s) {
  // 0x80..0x9F differ from Latin-1; the five holes become U+FFFD.
  static const char16_t k80[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                   0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const std::uint32_t cp = c < 0x80 ? c : c < 0xA0 ? k80[c - 0x80] : c;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

namespace {

// Length of a space-like character at s[i], 0 when there is none: ASCII white space and the
// non-breaking space (U+00A0) that spreadsheets paste in.
std::size_t space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  return 0;
}

bool ends_with_space(std::string_view s, std::size_t end, std::size_t& len) {
  if (end == 0) return false;
  const char c = s[end - 1];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return len = 1, true;
  if (end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC2 && static_cast<unsigned char>(c) == 0xA0) return len = 2, true;
  return false;
}

}  // namespace

std::string trim(std::string_view s) {
  std::size_t b = 0, n = 0;
  while (b < s.size() && (n = space_at(s, b)) > 0) b += n;
  std::size_t e = s.size(), len = 0;
  while (e > b && ends_with_space(s, e, len)) e -= len;
  return std::string(s.substr(b, e - b));
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c == '&') out += "and";
    else if (static_cast<unsigned char>(c) >= 0x80) out += c;  // letters beyond ASCII count as they are
  }
  return out;
}

std::string slug(std::string_view name, const std::string& fallback) {
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (gap && !out.empty()) out += '-';
      gap = false;
      out += c;
    } else if (c == '&') {
      if (!out.empty()) out += "-and";
      gap = true;
    } else if (c == '\'') {
      // An apostrophe joins: "St Martin's" is st-martins.
    } else if (name.substr(i, 3) == "\xE2\x80\x99") {
      i += 2;  // the typographic apostrophe, likewise
    } else {
      gap = true;
    }
  }
  constexpr std::size_t kMax = 48;
  if (out.size() > kMax) {
    out.resize(kMax);
    const auto cut = out.rfind('-');
    if (cut != std::string::npos && cut > kMax / 2) out.resize(cut);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? fallback : out;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';' || cell[i] == '\n' || cell[i] == '\r') {
      std::string item = trim(cell.substr(start, i - start));
      if (!item.empty()) out.push_back(std::move(item));
      start = i + 1;
    }
  }
  return out;
}

std::string quote_text(std::string_view s) {
  std::string out = "\"";
  out += s;
  out += '"';
  return out;
}

std::string unneutralise(std::string s) {
  if (s.size() > 1 && s[0] == '\'' &&
      (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' || s[1] == '\t' || s[1] == '\r'))
    s.erase(0, 1);
  return s;
}

namespace {

// The UTF-16 unit of "_xHHHH_" at s[i], or -1.
long xlsx_escape_at(const std::string& s, std::size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  long unit = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const char c = s[k];
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    unit = unit * 16 + d;
  }
  return unit;
}

}  // namespace

std::string xlsx_unescape(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    long unit = xlsx_escape_at(s, i);
    if (unit < 0) {
      out += s[i++];
      continue;
    }
    i += 7;
    char32_t cp = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {  // a character beyond U+FFFF comes as two escapes
      const long low = xlsx_escape_at(s, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(cp, out);
  }
  return out;
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace partnermap::import
