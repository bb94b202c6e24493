// A part's XML read element by element through liborcus's SAX parser, for the workbook readers.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <orcus/sax_parser.hpp>

#include "import/xml_check.h"
#include "import/text.h"
#include "partnermap/import.h"

namespace partnermap::import {

// A part's XML, element by element: local names (a prefix such as "x:" does not matter) with their
// attributes, and the text inside. Elements must close in order.
class XmlReader {
 public:
  virtual ~XmlReader() = default;
  virtual void open(std::string_view name, const std::map<std::string, std::string>& attrs) = 0;
  virtual void close(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  // orcus::sax_parser's handler interface.
  void doctype(const orcus::sax::doctype_declaration&) {}
  void start_declaration(std::string_view) {}
  void end_declaration(std::string_view) {}
  void attribute(const orcus::sax::parser_attribute& a) { attrs_[std::string(a.name)] = std::string(a.value); }
  void start_element(const orcus::sax::parser_element& e) {
    if (stack_.size() > 256) throw std::runtime_error("elements are nested too deeply");
    stack_.emplace_back(e.name);
    open(e.name, attrs_);
    attrs_.clear();
  }
  void end_element(const orcus::sax::parser_element& e) {
    if (stack_.empty() || stack_.back() != e.name)
      throw std::runtime_error("the closing tag </" + std::string(e.name.substr(0, 40)) + "> does not match the open element");
    stack_.pop_back();
    close(e.name);
  }
  void characters(std::string_view s, bool) { text(s); }
  bool finished() const { return stack_.empty(); }

 protected:
  // The local name of the element around the one being opened; empty at the root.
  std::string_view parent() const { return stack_.size() < 2 ? std::string_view() : stack_[stack_.size() - 2]; }

 private:
  std::map<std::string, std::string> attrs_;
  std::vector<std::string> stack_;
};

inline std::string attr(const std::map<std::string, std::string>& attrs, const std::string& name) {
  const auto it = attrs.find(name);
  return it == attrs.end() ? std::string() : it->second;
}

// Reads `xml` into `reader`. Throws orcus::parse_error or std::runtime_error saying what is wrong.
inline void read_xml(const std::string& xml, XmlReader& reader) {
  if (const std::string why = unsafe_xml(xml); !why.empty()) throw std::runtime_error(why);
  orcus::sax_parser<XmlReader> parser(xml.data(), xml.size(), reader);
  parser.parse();
  if (!reader.finished()) throw std::runtime_error("the part ends before its elements are closed");
}

// A workbook's sheet names and cells as read must be UTF-8 (a character reference in the XML can
// still name one that is not, such as half of a UTF-16 pair); throws InputError naming each that is not.
inline void check_utf8(const std::vector<Sheet>& sheets, const std::string& file) {
  std::vector<Problem> errors;
  const std::string advice = ": the file is damaged; open it in the spreadsheet program and save it again";
  for (const Sheet& s : sheets) {
    if (!valid_utf8(s.name)) {
      errors.push_back({Severity::error, file, "a sheet's name is not UTF-8 text" + advice});
      continue;
    }
    for (const auto& [row, cells] : s.rows)
      for (const auto& [col, cell] : cells)
        if (!valid_utf8(cell.text))
          errors.push_back({Severity::error, s.name + " row " + std::to_string(row + 1) + ", column " + column_letters(col),
                            "the cell's text is not UTF-8" + advice});
  }
  if (!errors.empty()) throw InputError(std::move(errors));
}

}  // namespace partnermap::import
