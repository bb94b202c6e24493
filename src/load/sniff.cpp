#include "load/sniff.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace partnermap::load {

namespace {

bool starts(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }
bool holds(std::string_view bytes, std::string_view part) { return bytes.find(part) != std::string_view::npos; }

// The first line of text, without a UTF-8 byte-order mark.
std::string_view first_line(std::string_view text) {
  if (starts(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  return text.substr(0, text.find('\n'));
}

// Text whose first line is cells: a separator, and no JSON opening.
bool looks_like_csv(std::string_view text) {
  if (starts(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] == '{' || text[first] == '[') return false;
  const std::string_view line = first_line(text.substr(first));
  if (starts(line, "sep=")) return true;
  // JSON that lost its opening brace ("format": ...) is the parser's to explain, not a sheet.
  if (line.find("\":") != std::string_view::npos) return false;
  return line.find_first_of(",;\t") != std::string_view::npos;
}

// UTF-16 by its byte-order mark, or by the zero bytes of ASCII text in it.
std::optional<std::string> utf16_text(std::string_view bytes) {
  bool little = starts(bytes, "\xFF\xFE"), big = starts(bytes, "\xFE\xFF");
  std::size_t from = little || big ? 2 : 0;
  if (!little && !big) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 64) & ~std::size_t{1};
    if (n < 4) return std::nullopt;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; i += 2) even += bytes[i] == '\0', odd += bytes[i + 1] == '\0';
    if (odd == n / 2 && even == 0) little = true;
    else if (even == n / 2 && odd == 0) big = true;
    else return std::nullopt;
  }
  std::string ascii;  // enough of it to see what it holds
  for (std::size_t i = from; i + 1 < bytes.size() && ascii.size() < 4096; i += 2) {
    const char c = little ? bytes[i] : bytes[i + 1];
    const char other = little ? bytes[i + 1] : bytes[i];
    ascii += other == '\0' ? c : '?';
  }
  return ascii;
}

std::string shell_word(const std::string& s) {
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '/' || c == '+';
  });
  if (plain) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::optional<Sniffed> sniff_not_json(std::string_view bytes) {
  if (starts(bytes, "PK\x03\x04")) {
    if (holds(bytes, "xl/workbook.xml")) return Sniffed{"a spreadsheet (an XLSX workbook)", true, ""};
    if (holds(bytes, "application/vnd.oasis.opendocument.spreadsheet"))
      return Sniffed{"a spreadsheet (an ODS workbook)", true, ""};
    if (holds(bytes, "word/document.xml") || holds(bytes, "application/vnd.oasis.opendocument.text"))
      return Sniffed{"a word-processor document in a zip archive, not a workbook", false,
                     "put the register in a spreadsheet and import it, or give the register's .json file"};
    return Sniffed{"a zip archive that is not a workbook", false,
                   "unpack it and give the register's .json file, or the spreadsheet inside it to import"};
  }
  if (starts(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return Sniffed{"an old-style Office file (an .xls workbook or a .doc)", false,
                   "open it in your spreadsheet program, save it as .xlsx, and import that"};
  if (starts(bytes, "\x89PNG")) return Sniffed{"a PNG picture", false, "give the register's .json file"};
  if (starts(bytes, "\xFF\xD8\xFF")) return Sniffed{"a JPEG picture", false, "give the register's .json file"};
  if (starts(bytes, "GIF87a") || starts(bytes, "GIF89a")) return Sniffed{"a GIF picture", false, "give the register's .json file"};
  if (starts(bytes, "%PDF")) return Sniffed{"a PDF document", false, "give the register's .json file"};
  if (starts(bytes, "\x1F\x8B"))
    return Sniffed{"a gzip-compressed file", false, "uncompress it (gunzip) and give the file inside"};
  if (const auto text = utf16_text(bytes)) {
    if (looks_like_csv(*text))
      return Sniffed{"a spreadsheet saved as UTF-16 text (what Excel's \"Unicode text\" writes)", true, ""};
    return Sniffed{"UTF-16 text", false, "partnermap reads UTF-8: save the file again as UTF-8"};
  }
  if (looks_like_csv(bytes)) return Sniffed{"a spreadsheet (CSV)", true, ""};
  if (bytes.substr(0, 512).find('\0') != std::string_view::npos)
    return Sniffed{"binary data, not text", false, "give the register's .json file"};
  return std::nullopt;
}

std::string not_json_message(const Sniffed& s, const std::string& path, const std::string& document) {
  std::string message = "this is not a " + document + " but " + s.what;
  if (!s.spreadsheet) return message + "; " + s.advice;
  if (document != "partnermap register")
    return message + " (a " + document + " is a JSON file; see the README)";
  std::filesystem::path out(path);
  out.replace_extension(".json");
  if (out == std::filesystem::path(path)) out = out.parent_path() / (out.stem().string() + "-register.json");
  return message + "; import it first: partnermap import " + shell_word(path) + " -o " + shell_word(out.string());
}

}  // namespace partnermap::load
