#include "cli/table.h"

#include "cli/terminal.h"

#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <unistd.h>

namespace partnermap::cli {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset after the first `n` characters of `text`.
std::size_t byte_offset(std::string_view text, std::size_t n) {
  std::size_t i = 0, seen = 0;
  while (i < text.size()) {
    if (!continuation(text[i])) {
      if (seen == n) return i;
      ++seen;
    }
    ++i;
  }
  return text.size();
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      lines.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  return lines;
}

std::size_t widest_line(std::string_view text) {
  std::size_t w = 0;
  for (const std::string& line : split_lines(text)) w = std::max(w, display_width(line));
  return w;
}

std::vector<std::string> cell_lines(const Cell& cell, const Column& column, std::size_t width) {
  std::vector<std::string> lines;
  for (const std::string& line : split_lines(cell.text)) {
    if (column.fit == Fit::truncate) {
      lines.push_back(truncate_text(line, width));
    } else {
      std::vector<std::string> wrapped = wrap_text(line, width);
      lines.insert(lines.end(), wrapped.begin(), wrapped.end());
    }
  }
  return lines;
}

void print_line(std::ostream& out, const std::vector<std::vector<std::string>>& cells, const std::vector<Cell>* source,
                const Table& table, const std::vector<std::size_t>& widths, const TableStyle& style, std::size_t line,
                bool header) {
  std::string text;
  std::size_t pending = 0;  // spaces owed before the next non-empty text (no trailing spaces)
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const std::string piece = line < cells[c].size() ? cells[c][line] : std::string();
    const std::size_t w = display_width(piece);
    const std::size_t pad = widths[c] > w ? widths[c] - w : 0;
    if (c > 0) pending += style.gap;
    Colour colour = header ? Colour::bold : Colour::none;
    if (source && c < source->size()) colour = (*source)[c].colour;
    if (table.columns[c].align == Align::right) pending += pad;
    if (!piece.empty()) {
      text.append(pending, ' ');
      pending = 0;
      text += paint(piece, colour, style.colour);
    }
    if (table.columns[c].align == Align::left) pending += pad;
  }
  out << text << '\n';
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if (!continuation(c)) ++n;
  return n;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (i == j) break;
    std::string_view word = text.substr(i, j - i);
    i = j;
    // A word wider than the column is cut into column-wide pieces.
    while (display_width(word) > width) {
      if (!line.empty()) {
        lines.push_back(std::move(line));
        line.clear();
      }
      const std::size_t cut = byte_offset(word, width);
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
    }
    if (word.empty()) continue;
    const std::size_t need = display_width(line) + (line.empty() ? 0 : 1) + display_width(word);
    if (!line.empty() && need > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string truncate_text(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width <= 3) return std::string(text.substr(0, byte_offset(text, width)));
  return std::string(text.substr(0, byte_offset(text, width - 3))) + "...";
}

std::vector<std::size_t> fit_widths(const Table& table, const TableStyle& style) {
  const std::size_t n = table.columns.size();
  std::vector<std::size_t> widths(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    widths[c] = widest_line(table.columns[c].title);
    for (const auto& row : table.rows)
      if (c < row.size()) widths[c] = std::max(widths[c], widest_line(row[c].text));
  }
  for (std::size_t c = 0; c < n; ++c) {
    const Column& col = table.columns[c];
    if (col.fit != Fit::keep && col.max_width > 0) widths[c] = std::min(widths[c], col.max_width);
  }
  const auto total = [&] {
    std::size_t sum = n > 0 ? style.gap * (n - 1) : 0;
    for (std::size_t w : widths) sum += w;
    return sum;
  };
  // Narrow the widest column that may give way, one character at a time, until the table fits.
  while (total() > style.width) {
    std::size_t best = n;
    for (std::size_t c = 0; c < n; ++c) {
      const Column& col = table.columns[c];
      if (col.fit == Fit::keep || widths[c] <= std::max<std::size_t>(col.min_width, 1)) continue;
      if (best == n || widths[c] > widths[best]) best = c;
    }
    if (best == n) break;  // nothing can give way: the table stays wider than asked
    --widths[best];
  }
  return widths;
}

void print_table(std::ostream& out, const Table& table, const TableStyle& style) {
  const std::vector<std::size_t> widths = fit_widths(table, style);
  const std::size_t n = widths.size();
  const auto print_row = [&](const std::vector<Cell>& row, bool header) {
    std::vector<std::vector<std::string>> cells(n);
    std::size_t lines = 1;
    for (std::size_t c = 0; c < n; ++c) {
      const Cell cell = c < row.size() ? row[c] : Cell();
      cells[c] = cell_lines(cell, table.columns[c], widths[c]);
      lines = std::max(lines, cells[c].size());
    }
    for (std::size_t line = 0; line < lines; ++line)
      print_line(out, cells, header ? nullptr : &row, table, widths, style, line, header);
  };
  std::vector<Cell> titles;
  for (const Column& col : table.columns) titles.emplace_back(col.title);
  // Header lines of a multi-line title line up at the bottom, over the values.
  std::size_t header_lines = 1;
  for (const Cell& t : titles) header_lines = std::max(header_lines, split_lines(t.text).size());
  for (Cell& t : titles) {
    const std::size_t have = split_lines(t.text).size();
    t.text = std::string(header_lines - have, '\n') + t.text;
  }
  print_row(titles, true);
  std::vector<Cell> rule;
  for (std::size_t w : widths) rule.emplace_back(std::string(w, '-'));
  {
    std::vector<std::vector<std::string>> cells(n);
    for (std::size_t c = 0; c < n; ++c) cells[c] = {rule[c].text};
    print_line(out, cells, nullptr, table, widths, TableStyle{style.width, style.gap, false}, 0, false);
  }
  for (const auto& row : table.rows) print_row(row, false);
}

bool colour_wanted(int fd) {
  if (!isatty(fd)) return false;
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") return false;
  return true;
}

std::string paint(std::string_view text, Colour colour, bool on) {
  if (!on || colour == Colour::none || text.empty()) return std::string(text);
  const char* code = colour == Colour::red      ? "\033[31m"
                     : colour == Colour::yellow ? "\033[33m"
                     : colour == Colour::green  ? "\033[32m"
                     : colour == Colour::bold   ? "\033[1m"
                                                : "\033[2m";
  // Marked as partnermap's own, so that the terminal filter passes these codes and no other.
  return own_sequence(code) + std::string(text) + own_sequence("\033[0m");
}

void print_wrapped(std::ostream& out, std::string_view text, std::size_t width, std::size_t indent) {
  const std::vector<std::string> lines = wrap_text(text, width > indent ? width - indent : 1);
  for (std::size_t i = 0; i < lines.size(); ++i) out << (i > 0 ? std::string(indent, ' ') : "") << lines[i] << '\n';
}

}  // namespace partnermap::cli
