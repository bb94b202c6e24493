// CSV into a Sheet. A small reader of our own rather than liborcus's csv_parser: the import must
// number rows as a spreadsheet does (a line break inside a quoted cell does not start a row), name the
// row where a quote is left open, and read a UTF-8 byte-order mark and Excel's Windows-1252 "CSV".
#include "import/text.h"
#include "partnermap/import.h"

namespace partnermap {

namespace {

using import::trim;

void put(Sheet& sheet, std::uint32_t row, std::uint32_t col, std::string text) {
  if (trim(text).empty()) return;  // an empty cell is no cell: empty rows vanish
  sheet.rows[row][col].text = std::move(text);
}

}  // namespace

Sheet read_csv(std::string_view text, const std::string& name) {
  Sheet sheet;
  sheet.name = name;
  std::string converted;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!import::valid_utf8(text)) {
    // Excel's plain "CSV" format writes the Windows code page: £ is one byte, 0xA3.
    converted = import::windows1252_to_utf8(text);
    text = converted;
  }
  std::uint32_t row = 0, col = 0;
  std::string cell;
  std::size_t i = 0;
  std::uint32_t quote_row = 0;
  bool in_quotes = false, quoted_cell = false;
  while (i < text.size()) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          i += 2;
          continue;
        }
        in_quotes = false;
        ++i;
        continue;
      }
      cell += c;
      ++i;
      continue;
    }
    if (c == '"' && !quoted_cell && trim(cell).empty()) {
      cell.clear();  // spaces before an opening quote are not part of the cell
      in_quotes = quoted_cell = true;
      quote_row = row;
      ++i;
      continue;
    }
    if (c == ',') {
      put(sheet, row, col, std::move(cell));
      cell.clear();
      quoted_cell = false;
      ++col;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      put(sheet, row, col, std::move(cell));
      cell.clear();
      quoted_cell = false;
      col = 0;
      ++row;
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    cell += c;
    ++i;
  }
  if (in_quotes) {
    std::string where = name;
    where += " row ";
    where += std::to_string(quote_row + 1);
    where += ", column ";
    where += column_letters(col);
    throw InputError({{Severity::error, where,
                       "a quoted cell is never closed: the file ends inside it; add the closing \" (a \" inside a "
                       "cell is written twice: \"\")"}});
  }
  put(sheet, row, col, std::move(cell));
  return sheet;
}

}  // namespace partnermap
