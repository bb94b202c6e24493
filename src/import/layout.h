// Where the register sits in a sheet: the header row (below any title rows), what each column is,
// and the first row of partnerships. Headings are matched by their words (headings.h), or mapped by
// hand with --column; a heading partnermap cannot place is kept, with a warning saying the field it
// looks closest to and the --column that would map it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "import/headings.h"
#include "partnermap/import.h"
#include "partnermap/problem.h"

namespace partnermap::import {

// The council's names from the options, for headings such as "CCC role".
CouncilNames council_names(const ImportOptions& options);

struct Column {
  std::uint32_t col = 0;
  std::uint32_t last_col = 0;  // a heading merged across columns covers col..last_col
  std::string heading;         // as the sheet writes it
  Field field = Field::extra;
  std::string theme;           // Field::theme: the theme's name
  std::string extra_key;       // Field::extra: the key it is kept under
};

struct Layout {
  std::uint32_t header_row = 0;
  std::uint32_t first_data_row = 0;
  std::vector<Column> columns;  // left to right, not overlapping

  // The column covering a 0-based sheet column, if any.
  const Column* column_at(std::uint32_t col) const;
};

// The most columns a sheet may have: Excel's own limit (A to XFD).
inline constexpr std::uint32_t kMaxColumns = 16384;

// "Sheet1 row 14, column F \"Partners\"" (0-based row and column in, as the spreadsheet shows out).
std::string cell_place(const Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& heading);
std::string row_place(const Sheet& sheet, std::uint32_t row);

// Finds the header row and the columns. Errors (no header row, a required column missing, a column
// given twice, a heading that could be two fields, a figure's column not placed) and warnings
// (columns kept as extras, columns not read) go to `problems`.
std::optional<Layout> find_layout(const Sheet& sheet, std::vector<Problem>& problems, const ImportOptions& options);
std::optional<Layout> find_layout(const Sheet& sheet, std::vector<Problem>& problems);

}  // namespace partnermap::import
