// Importing a council's spreadsheet register (CSV or XLSX) into a partnermap/1 register.
//
// Councils keep their partnership register as a spreadsheet: one row per partnership, columns named
// the way officers name them. The import reads the sheet into a grid of cells (Sheet), finds the
// header row and recognises its columns leniently, then builds a Register: organisations, Business
// Units and themes named in the sheet become entries with ids made from their names. Every problem is
// collected with the sheet, row and column as the spreadsheet shows them, and all of them are thrown
// at once as InputError; nothing is half-imported.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "partnermap/date.h"
#include "partnermap/model.h"
#include "partnermap/problem.h"

namespace partnermap {

// One cell as the spreadsheet holds it. A CSV cell is text only; an XLSX cell may be a number (a date
// is a number too: a serial day count) or text.
struct SheetCell {
  std::string text;              // what the cell shows; for a number, the number written plainly
  std::optional<double> number;  // a numeric cell's value (XLSX), or a formula's cached number
  std::optional<Date> date;      // a cell the workbook itself typed as a date
};

// A block of merged cells, 0-based and inclusive: the value sits in the top-left cell.
struct MergedRange {
  std::uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

// One sheet: cells by 0-based row, then 0-based column. Sparse, so a stray cell far down a sheet
// costs one entry, not a grid.
struct Sheet {
  std::string name;   // how messages name it: the sheet's own name, or a CSV file's name
  std::map<std::uint32_t, std::map<std::uint32_t, SheetCell>> rows;
  std::vector<MergedRange> merged;
  // Excel's 1904 date system (old Mac workbooks): serials count from 1904-01-01.
  bool date1904 = false;

  const SheetCell* cell(std::uint32_t row, std::uint32_t col) const;
};

// "A", "Z", "AA"...: a 0-based column as the spreadsheet labels it.
std::string column_letters(std::uint32_t col);

// Reads CSV text (RFC 4180: quoted cells may hold commas, ';', quotes doubled and line breaks; a
// UTF-8 byte-order mark and CRLF or LF line ends are accepted). `name` names the sheet in messages.
// Throws InputError for an unclosed quote or text that is not UTF-8.
Sheet read_csv(std::string_view text, const std::string& name);

// Reads every sheet of an XLSX workbook (bytes of the .xlsx file) with liborcus. `file` names the
// file in messages. Throws InputError when the bytes are not a workbook liborcus can read.
std::vector<Sheet> read_xlsx(std::string_view bytes, const std::string& file);

struct ImportOptions {
  // The council's name as the sheet writes it. Empty: the organisation the sheet most often names as
  // lead partner where the Council role is "lead".
  std::string council;
  Date as_of;         // the register's date
  std::string sheet;  // XLSX: the sheet to read; empty: the first with a header row

  // Headings and cells in the officers' own words.
  // Headings mapped by hand (--column "HEADING=field"): the heading and the field as given.
  std::vector<std::pair<std::string, std::string>> columns;
  // Other names the sheet gives the council (--council-alias), besides its name and initials.
  std::vector<std::string> council_aliases;
};

struct Imported {
  Register reg;
  std::vector<Problem> warnings;  // near-duplicate names, unknown columns kept, rows skipped...
  std::string sheet;              // the sheet that was read
  // Where each figure came from, for the summary: {"nature", "column B \"Kind of partnership\""}, or
  // {"staff time", "no column"}.
  std::vector<std::pair<std::string, std::string>> figure_columns;
};

// Builds a register from one sheet. Throws InputError with every error (and the warnings) found.
Imported import_sheet(const Sheet& sheet, const ImportOptions& options);

// Reads a spreadsheet's bytes: XLSX when they are a zip archive, else CSV. `name` is the file's name
// for messages. Throws InputError.
Imported import_spreadsheet(std::string_view bytes, const std::string& name, const ImportOptions& options);

// Same, from a file. Throws InputError when it cannot be read.
Imported import_spreadsheet_file(const std::string& path, const ImportOptions& options);

}  // namespace partnermap
