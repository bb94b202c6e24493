// The updated partnerships matrix (the consultant's brief, seeds/001): one row per partnership with
// the Council's role, its nature, its link to the City Vision themes, its indicators and management,
// the staff time and money it takes, and what the review found.
//
// The matrix is built once as a table of cells; every writer (CSV, Markdown, JSON, HTML, XLSX) walks
// the same table, so the formats cannot disagree about what a row says.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysed.h"

namespace partnermap::render {

enum class ColumnKind : std::uint8_t {
  text,    // free text; may hold several lines
  number,  // hours
  money,   // pounds a year
  tick,    // a theme the partnership serves: "✓" or empty
  date,    // ISO date or empty
};

struct MatrixColumn {
  std::string key;    // for --sort and scripts: "name", "hours", "theme:economy"...
  std::string title;  // the heading a member reads
  ColumnKind kind = ColumnKind::text;
};

struct MatrixCell {
  std::string text;              // what every format shows; numbers plain ("85000"), ticks "✓"
  std::optional<double> number;  // number and money columns, when there is a value; ticks 1 or 0
};

struct MatrixRow {
  Index partnership = 0;  // into Register::partnerships
  std::vector<MatrixCell> cells;  // parallel to Matrix::columns
};

struct Matrix {
  std::string council;  // the council's name, for titles
  Date at;              // the date the review and roles were worked out for
  std::vector<MatrixColumn> columns;
  std::vector<MatrixRow> rows;
  std::vector<std::string> filters;  // in words, for the title: "theme is Economic prosperity"
  std::size_t total_partnerships = 0;  // before filtering
  std::string theme_word = "theme";   // the register's policy word, for the page's theme filter
};

// One slice an officer asks for: key is theme, unit, nature or role; value an id, a name or a word.
struct MatrixFilter {
  std::string key;
  std::string value;
};

struct MatrixOptions {
  std::string sort = "name";  // a column key; see matrix_sort_keys()
  bool descending = false;
  std::vector<MatrixFilter> filters;  // all must hold
};

// "theme=economy" → {theme, economy}. Throws std::invalid_argument with a message in plain words.
MatrixFilter parse_matrix_filter(const std::string& text);
// The keys --sort accepts, for help and messages.
std::vector<std::string> matrix_sort_keys();

// Builds the matrix. Throws std::invalid_argument when a sort key or filter names nothing in the
// register (the message lists what would have been accepted).
Matrix build_matrix(const Analysed& in, const MatrixOptions& options = {});

// Index of a column by key; none when absent.
std::optional<std::size_t> column_index(const Matrix& m, const std::string& key);

// How a cell reads to a person: money as "£85,000", hours with separators; text as it is.
std::string display_text(const MatrixColumn& column, const MatrixCell& cell);

}  // namespace partnermap::render
