// Terminal tables: columns that line up, a whole table within a width (100 columns by default) by
// wrapping or shortening long text, and colour only when the output is a terminal.
//
// Widths are counted in characters (UTF-8 code points), not bytes, so that names with "£" or "é"
// line up. A title may hold '\n' to take two header lines (the capacity forecast's "Sep\n2004").
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace partnermap::cli {

enum class Align { left, right };
// What a column does when the table is too wide: keep its width, wrap its text onto more lines,
// or cut its text short with "...".
enum class Fit { keep, wrap, truncate };
enum class Colour { none, red, yellow, green, bold, dim };

struct Column {
  std::string title;
  Align align = Align::left;
  Fit fit = Fit::keep;
  std::size_t min_width = 8;  // a wrapping or truncating column is never narrowed below this
  std::size_t max_width = 0;  // when not 0, a wrapping or truncating column is never wider than this
};

struct Cell {
  std::string text;
  Colour colour = Colour::none;
  Cell() = default;
  Cell(std::string t, Colour c = Colour::none) : text(std::move(t)), colour(c) {}  // NOLINT: implicit
  Cell(const char* t, Colour c = Colour::none) : text(t), colour(c) {}            // NOLINT: implicit
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // a row shorter than the columns is padded with empty cells
};

struct TableStyle {
  std::size_t width = 100;
  std::size_t gap = 2;  // spaces between columns
  bool colour = false;
};

// Prints the header, a rule, then the rows.
void print_table(std::ostream& out, const Table& table, const TableStyle& style = {});

// The columns' widths after fitting `style.width` (exposed for tests).
std::vector<std::size_t> fit_widths(const Table& table, const TableStyle& style);

// Whether to colour what goes to file descriptor `fd`: only a terminal, and not when NO_COLOR is set
// or TERM is "dumb" (the conventions other tools follow).
bool colour_wanted(int fd);

// `text` wrapped in the colour's escape codes when `on`, else unchanged. The codes come marked as
// partnermap's own (cli/terminal.h): `on` only for a stream the terminal filter guards.
std::string paint(std::string_view text, Colour colour, bool on);

// Characters (code points) in UTF-8 text.
std::size_t display_width(std::string_view text);
// Text broken at spaces into lines of at most `width` characters; a longer word is cut.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);
// Text cut to `width` characters, ending "..." when it was cut.
std::string truncate_text(std::string_view text, std::size_t width);

// Prints a paragraph wrapped to `width`, each line after the first indented by `indent` spaces.
void print_wrapped(std::ostream& out, std::string_view text, std::size_t width = 100, std::size_t indent = 0);

}  // namespace partnermap::cli
