#include "escape.h"

#include "partnermap/text.h"

#include <cstdio>

namespace partnermap::render {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Walks `text`, writing U+FFFD for each active character (partnermap/text.h) and `escape(c, out)`
// for every other byte.
template <typename Escape>
std::string escape_each(std::string_view text, std::size_t reserve, Escape escape) {
  std::string out;
  out.reserve(reserve);
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = active_character_length(text, i)) {
      out += kReplacement;
      i += n;
    } else {
      escape(text[i++], out);
    }
  }
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  return escape_each(text, text.size() + text.size() / 8, [](char c, std::string& out) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  });
}

std::string script_json_escape(std::string_view json) {
  // Inside <script>, the HTML parser ends the element at "</script" whatever the JSON says, and
  // "<!--" changes how it scans; \u003c keeps the JSON meaning and removes both.
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

bool looks_like_formula(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string neutralise_formula(std::string_view text) {
  if (!looks_like_formula(text)) return std::string(text);
  std::string out = "'";
  out += text;
  return out;
}

std::string csv_field(std::string_view text) {
  const std::string safe = neutralise_formula(text);
  if (safe.find_first_of(",\"\r\n") == std::string::npos) return safe;
  std::string out = "\"";
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string markdown_cell(std::string_view text) {
  return escape_each(text, text.size() + 8, [](char c, std::string& out) {
    switch (c) {
      case '|': case '\\': case '*': case '_': case '`': case '[': case ']': case '#': case '~':
        out += '\\';
        out += c;
        break;
      // Raw HTML in Markdown runs as HTML; entities show the characters instead.
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': out += "<br>"; break;
      case '\r': break;
      default: out += c;
    }
  });
}

namespace {

// Graphviz expands escapes in a label once and in a tooltip twice, so a backslash is written
// `backslashes` times.
std::string graphviz_escape(std::string_view text, int backslashes) {
  return escape_each(text, text.size() + 8, [backslashes](char c, std::string& out) {
    switch (c) {
      case '\\': out.append(static_cast<std::size_t>(backslashes), '\\'); break;
      case '&': out += "&amp;"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  });
}

}  // namespace

std::string graphviz_text(std::string_view text) { return graphviz_escape(text, 2); }

std::string graphviz_tooltip(std::string_view text) { return graphviz_escape(text, 4); }

namespace {

bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Whether text[i..] reads "_xHHHH_", the form an XLSX reader decodes.
bool reads_as_xlsx_escape(std::string_view text, std::size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return false;
  for (std::size_t k = i + 2; k < i + 6; ++k)
    if (!hex_digit(text[k])) return false;
  return true;
}

void append_xlsx_escape(unsigned code, std::string& out) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "_x%04X_", code);
  out += buf;
}

}  // namespace

std::string xlsx_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n') {
      append_xlsx_escape(c, out);
    } else if (c == '_' && reads_as_xlsx_escape(text, i)) {
      append_xlsx_escape('_', out);  // then "x..." follows as plain text
    } else if (c == 0xEF && text.substr(i, 3) == "\xEF\xBF\xBE") {
      append_xlsx_escape(0xFFFE, out);
      i += 2;
    } else if (c == 0xEF && text.substr(i, 3) == "\xEF\xBF\xBF") {
      append_xlsx_escape(0xFFFF, out);
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += kReplacement;
      ++i;
    }
  }
  return out;
}

}  // namespace partnermap::render
