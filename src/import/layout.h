// Where the register sits in a sheet: the header row (below any title rows), what each column is,
// and the first row of partnerships. Headings are matched leniently: case, spacing, punctuation and
// a bracketed unit ("Budget (£ a year)") do not matter, and the words councils commonly use for a
// column are known ("Lead organisation" for "Lead partner").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "partnermap/import.h"
#include "partnermap/problem.h"

namespace partnermap::import {

enum class Field {
  id, name, nature, role, lead, partners, themes, units, hours, budget, council, accountable_body, parent,
  stage, start, end, indicators, evaluation, management, exit_strategy, risk, last_review, posts,
  funded_until, survey_responses, survey_satisfied, findings,
  theme,  // a tick column for one theme, named by its heading
  extra,  // a heading partnermap does not know: kept on each partnership
};

// The heading partnermap writes for a field, for messages: "Lead partner".
const char* field_title(Field f);
// The field a heading names, if any.
std::optional<Field> recognise_heading(std::string_view heading);
// The closest known heading to an unknown one, for "did you mean"; empty when none is close.
std::string suggest_heading(std::string_view heading);

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
  std::vector<Column> columns;
};

// "Sheet1 row 14, column F \"Partners\"" (0-based row and column in, as the spreadsheet shows out).
std::string cell_place(const Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& heading);
std::string row_place(const Sheet& sheet, std::uint32_t row);

// Finds the header row and the columns. Errors (no header row, a required column missing, a column
// given twice) and warnings (columns kept as extras, columns not read) go to `problems`; none when
// there is no header row at all.
std::optional<Layout> find_layout(const Sheet& sheet, std::vector<Problem>& problems);

}  // namespace partnermap::import
