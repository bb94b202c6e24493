// What a file that is not JSON looks like, from its first bytes: a spreadsheet, a picture, a PDF,
// UTF-16 text. A register or a proposal given the wrong file says what the file is, and for a
// spreadsheet, how to import it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace partnermap::load {

struct Sniffed {
  std::string what;          // "a spreadsheet (an XLSX workbook)", "a PNG picture"...
  bool spreadsheet = false;  // a register's spreadsheet: `import` reads it
  std::string advice;        // what to do instead, when not a spreadsheet
};

// None when the bytes may be JSON (or are text the JSON parser explains best).
std::optional<Sniffed> sniff_not_json(std::string_view bytes);

// The message for a register (or `document`) file that is something else: "this is not a partnermap
// register but a spreadsheet (CSV); import it first: partnermap import F.csv -o F.json".
std::string not_json_message(const Sniffed& s, const std::string& path, const std::string& document);

}  // namespace partnermap::load
