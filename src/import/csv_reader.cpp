// CSV into a Sheet. A small reader of our own rather than liborcus's csv_parser: the import must
// number rows as a spreadsheet does (a line break inside a quoted cell does not start a row), name the
// row and column where a quote is left open or a byte is not text, and take the separator and the
// encoding each spreadsheet program writes (Excel in most of Europe writes ';', its "Unicode text"
// is UTF-16 with tabs).
#include <array>

#include "import/encoding.h"
#include "import/layout.h"
#include "import/text.h"
#include "partnermap/import.h"

namespace partnermap {

namespace {

using import::trim;

// Where the reader stands: the row and column as a spreadsheet numbers them (0-based).
struct Position {
  std::uint32_t row = 0, col = 0;
  bool in_quotes = false;
  std::uint32_t quote_row = 0, quote_col = 0;  // where the open quote started
};

void put(Sheet* sheet, std::uint32_t row, std::uint32_t col, std::string& text) {
  if (sheet && !trim(text).empty()) sheet->rows[row][col].text = std::move(text);  // an empty cell is no cell
  text.clear();
}

// Reads `text` into `sheet` (none: only follows the rows) up to byte `end` or the start of row
// `row_limit`, whichever comes first; returns where it stopped.
Position scan(std::string_view text, char sep, Sheet* sheet, std::size_t end, std::uint32_t row_limit) {
  Position at;
  std::string cell;
  bool quoted_cell = false;
  std::size_t i = 0;
  end = std::min(end, text.size());
  while (i < end && at.row < row_limit) {
    const char c = text[i];
    if (at.in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          i += 2;
          continue;
        }
        at.in_quotes = false;
        ++i;
        continue;
      }
      cell += c;
      ++i;
      continue;
    }
    if (c == '"' && !quoted_cell && trim(cell).empty()) {
      cell.clear();  // spaces before an opening quote are not part of the cell
      at.in_quotes = quoted_cell = true;
      at.quote_row = at.row, at.quote_col = at.col;
      ++i;
      continue;
    }
    if (c == sep) {
      put(sheet, at.row, at.col, cell);
      quoted_cell = false;
      ++at.col;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      put(sheet, at.row, at.col, cell);
      quoted_cell = false;
      at.col = 0;
      ++at.row;
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    cell += c;
    ++i;
  }
  if (i >= text.size() && !at.in_quotes) put(sheet, at.row, at.col, cell);
  return at;
}

std::string place(const std::string& name, std::uint32_t row, std::uint32_t col) {
  return name + " row " + std::to_string(row + 1) + ", column " + column_letters(col);
}

// A first line "sep=;" (what Excel writes, and reads, to name the separator): the separator, and the
// line is not part of the sheet.
std::optional<char> sep_line(std::string_view& text) {
  const std::size_t eol = text.find_first_of("\r\n");
  std::string_view line = text.substr(0, eol);
  if (line.size() >= 2 && line.front() == '"' && line.back() == '"') line = line.substr(1, line.size() - 2);
  if (line.size() != 5 || import::lower_ascii(line.substr(0, 4)) != "sep=") return std::nullopt;
  const char sep = line[4];
  if (sep == '"' || sep == '\r' || sep == '\n') return std::nullopt;
  std::size_t skip = eol == std::string_view::npos ? text.size() : eol + 1;
  if (eol != std::string_view::npos && text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n') ++skip;
  text.remove_prefix(skip);
  return sep;
}

// The separator a header row uses. Each candidate reads the first rows; the one under which the
// import recognises the most headings wins (a title row above the headings may hold no separator at
// all), then the one that splits some row into the most cells; ',' on a tie.
char detect_separator(std::string_view text) {
  constexpr std::uint32_t kSampleRows = 40;
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  char best = ',';
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  for (const char sep : kCandidates) {
    Sheet sample;
    sample.name = "sample";
    scan(text, sep, &sample, text.size(), kSampleRows);
    std::size_t widest = 0;
    for (const auto& [row, cells] : sample.rows) widest = std::max(widest, cells.size());
    std::size_t known = 0;
    std::vector<Problem> ignored;
    if (const auto layout = import::find_layout(sample, ignored))
      for (const import::Column& c : layout->columns) known += c.field != import::Field::extra;
    const std::pair<std::size_t, std::size_t> score{known, widest};
    if (score > best_score) best = sep, best_score = score;
  }
  return best;
}

}  // namespace

Sheet read_csv(std::string_view bytes, const std::string& name) {
  Sheet sheet;
  sheet.name = name;
  const import::DecodedText decoded = import::decode_text(bytes);
  std::string_view text = decoded.utf8;
  if (decoded.bad) {
    // Located by reading the rows up to the byte: separators and quotes are ASCII in every encoding here.
    std::string_view head = text;
    const std::size_t consumed = text.size();
    const std::optional<char> given = sep_line(head);
    const std::size_t bad = *decoded.bad - std::min(*decoded.bad, consumed - head.size());
    const Position at = scan(head, given.value_or(detect_separator(head)), nullptr, bad, UINT32_MAX);
    throw InputError({{Severity::error, place(name, at.row, at.col), decoded.why}});
  }
  if (decoded.encoding == "Windows-1252")
    sheet.notes.push_back({Severity::warning, name,
                           "read as Windows-1252 (what Excel's plain \"CSV\" writes): it is not UTF-8; check that "
                           "accented letters and the £ sign read right, or save it as \"CSV UTF-8\""});
  const std::optional<char> given = sep_line(text);
  const char sep = given.value_or(detect_separator(text));
  const Position end = scan(text, sep, &sheet, text.size(), UINT32_MAX);
  if (end.in_quotes)
    throw InputError({{Severity::error, place(name, end.quote_row, end.quote_col),
                       "a quoted cell is never closed: the file ends inside it; add the closing \" (a \" inside a "
                       "cell is written twice: \"\")"}});
  return sheet;
}

}  // namespace partnermap
