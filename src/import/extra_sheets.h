// The rest of the register a workbook may hold beside its partnerships: a sheet of Business Units
// with the hours each can give a month, a sheet of organisations with their sectors, a sheet of
// themes. Each is found by its headings, in the officer's own words ("Service area", "Hours
// available for partnerships"), whatever the sheet is called.
#pragma once

#include <string>
#include <vector>

#include "partnermap/import.h"
#include "partnermap/model.h"
#include "partnermap/problem.h"

namespace partnermap::import {

enum class ExtraKind { units, organisations, themes };

// What one sheet is, and where its columns are (0-based).
struct ExtraSheet {
  ExtraKind kind = ExtraKind::units;
  std::uint32_t header_row = 0;
  std::uint32_t name_col = 0;
  std::optional<std::uint32_t> value_col;  // hours available (units), sector (organisations)
};

// The kind of sheet `sheet` is by its headings (in its first rows, below any title), or none.
std::optional<ExtraSheet> classify_extra_sheet(const Sheet& sheet);

// Reads every sheet of `sheets` that classify_extra_sheet recognises into `reg`: a unit's capacity,
// an organisation's sector, a theme, matched to the entries the partnerships named by name (case,
// spacing and punctuation aside); one named nowhere else is added. Columns of other headings are
// kept under the entry's `extra`. Problems (with sheet, row and column) go to `problems`; each
// sheet read adds a line to `read`, such as "capacities of 4 Business Units from sheet \"Units\"".
void read_extra_sheets(const std::vector<const Sheet*>& sheets, Register& reg, std::vector<Problem>& problems,
                       std::vector<std::string>& read);

}  // namespace partnermap::import
