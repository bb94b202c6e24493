// Checks on a workbook part's XML before liborcus's parser reads it (see xml_check.h).
#include "import/xml_check.h"

#include <cstdint>
#include <utility>

#include "import/encoding.h"

namespace partnermap::import {

std::size_t reference_length(std::string_view xml, std::size_t i) {
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto hex = [&](char c) { return digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); };
  std::size_t k = i + 1;
  if (k < xml.size() && xml[k] == '#') {
    const bool is_hex = ++k < xml.size() && xml[k] == 'x';
    if (is_hex) ++k;
    const std::size_t start = k;
    while (k < xml.size() && (is_hex ? hex(xml[k]) : digit(xml[k]))) ++k;
    if (k == start) return 0;
  } else {
    if (k >= xml.size() || !letter(xml[k])) return 0;
    while (k < xml.size() && (letter(xml[k]) || digit(xml[k]) || xml[k] == '-' || xml[k] == '.')) ++k;
  }
  return k < xml.size() && xml[k] == ';' ? k + 1 - i : 0;
}

// Whether a reference names a code point Unicode has ("&#1114111;" at most); an entity name is left
// to the parser. liborcus 0.17 fails an assertion on one beyond (found by fuzzing).
bool names_a_character(std::string_view ref) {
  if (ref.size() < 3 || ref[1] != '#') return true;
  const bool hex = ref[2] == 'x';
  std::uint64_t cp = 0;
  for (std::size_t k = hex ? 3 : 2; k + 1 < ref.size(); ++k) {
    const char d = ref[k];
    const unsigned v = d <= '9' ? static_cast<unsigned>(d - '0') : static_cast<unsigned>((d | 0x20) - 'a' + 10);
    cp = cp * (hex ? 16 : 10) + v;
    if (cp > 0x10FFFF) return false;
  }
  return true;
}

// Why liborcus's parser must not be given `xml`; empty when it may. The parser passes bytes on as
// they are, and a register's text must be UTF-8 (as Excel and LibreOffice write every part); and
// liborcus 0.17 reads past the end of its buffer (all found by fuzzing) after an "&" in an attribute
// that starts no reference when a ";" follows later, or in the XML declaration, and in a quoted
// attribute value that holds a reference and never ends; and its parser stops the program (a failed
// assertion) on a comment whose close overlaps its open ("<!--->"). So every "&" outside comments and CDATA
// must start one, as XML requires (a processing instruction may hold a bare "&", but no spreadsheet
// writes one), and every quote that opens a value inside a tag must close before the part ends.
std::string unsafe_xml(std::string_view xml) {
  bool in_tag = false;
  char quote = 0;             // the quote of the attribute value being read, 0 outside one
  std::size_t quote_at = 0;
  for (std::size_t i = 0; i < xml.size();) {
    const std::size_t n = utf8_sequence(xml, i);
    if (n == 0) return "byte " + std::to_string(i) + " is not UTF-8 text";
    const char c = xml[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '<') {
      in_tag = true;
      for (const auto& [open, close] : {std::pair{"<!--", "-->"}, {"<![CDATA[", "]]>"}}) {
        if (xml.substr(i, std::string_view(open).size()) != open) continue;
        // The close comes after the open: "<!--->" is a comment that never ends.
        const std::size_t end = xml.find(close, i + std::string_view(open).size());
        if (end == std::string_view::npos) return "byte " + std::to_string(i) + " starts a " + open + " that never ends";
        // liborcus also fails an assertion on an empty comment that ends the part ("<!---->"); a
        // part ends with its root element's closing tag.
        if (end + std::string_view(close).size() == xml.size())
          return "byte " + std::to_string(i) + " starts a " + open + " that ends the part, after its root element";
        i = end;  // the closing characters are plain ASCII, read on from them
        in_tag = false;
        break;
      }
    } else if (c == '>') {
      in_tag = false;
    } else if (in_tag && (c == '"' || c == '\'')) {
      quote = c;
      quote_at = i;
    }
    if (c == '&') {
      const std::size_t length = reference_length(xml, i);
      if (length == 0) return "byte " + std::to_string(i) + " is an & that starts no reference (an & in text is written &amp;)";
      if (!names_a_character(xml.substr(i, length)))
        return "byte " + std::to_string(i) + " is a character reference beyond Unicode's last character, U+10FFFF";
    }
    i += n;
  }
  if (quote != 0) return "byte " + std::to_string(quote_at) + " starts an attribute value that never ends";
  return {};
}

}  // namespace partnermap::import
