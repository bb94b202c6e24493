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
  // An error value the workbook shows in the cell ("#N/A", "#DIV/0!"), also in `text`; empty when none.
  // The import reports it where the cell is used, never reading it as empty.
  std::string error = {};
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
  // A sheet the workbook hides ("hidden" or "very hidden", "" when shown): never chosen unless named.
  std::string hidden;
  // What reading the file noticed for the officer (its encoding, formulas saved without results).
  std::vector<Problem> notes;

  const SheetCell* cell(std::uint32_t row, std::uint32_t col) const;
};

// "A", "Z", "AA"...: a 0-based column as the spreadsheet labels it.
std::string column_letters(std::uint32_t col);
// A number as a spreadsheet shows it written plainly: "150000", "0.5".
std::string cell_number_text(double v);

// Reads a CSV file's bytes (RFC 4180: quoted cells may hold the separator, quotes doubled and line
// breaks; CRLF or LF line ends). The encoding is decided from the bytes (UTF-8, UTF-16 with a
// byte-order mark, or Windows-1252 with a note); the separator (',' ';' or tab) from the header row,
// or from a first line "sep=;". `name` names the sheet in messages. Throws InputError for an unclosed
// quote or bytes that are not text in one encoding, naming the row and column.
Sheet read_csv(std::string_view bytes, const std::string& name);

// Reads every sheet of an XLSX workbook (bytes of the .xlsx file), through liborcus's zip and XML
// readers. `file` names the file in messages. Throws InputError when the bytes are not a workbook it
// can read, naming the part at fault, or when a cell names a shared string that is not there.
std::vector<Sheet> read_xlsx(std::string_view bytes, const std::string& file);

// Reads every sheet of an OpenDocument spreadsheet (.ods) with liborcus. Throws InputError as read_xlsx.
std::vector<Sheet> read_ods(std::string_view bytes, const std::string& file);

struct ImportOptions {
  // The council's name as the sheet writes it. Empty: the organisation the sheet most often names as
  // lead partner where the Council role is "lead".
  std::string council;
  Date as_of;         // the register's date
  std::string sheet;  // XLSX: the sheet to read; empty: the first with a header row
  // More spreadsheets (a CSV holds one sheet) whose sheets of Business Units, organisations or
  // themes are read as a workbook's own are.
  std::vector<std::string> with;

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
  // The partnership fields the sheet has a column for ("members", "commitments", "start"...): what
  // an update of an existing register replaces; it keeps the others. A column kept under `extra`
  // is "extra.KEY".
  std::vector<std::string> held;
  // What the other sheets gave: capacities of 4 Business Units from "Units".
  std::vector<std::string> also_read;
  // Where each figure came from, for the summary: {"nature", "column B \"Kind of partnership\""}, or
  // {"staff time", "no column"}.
  std::vector<std::pair<std::string, std::string>> figure_columns;
};

// Builds a register from one sheet. Throws InputError with every error (and the warnings) found.
Imported import_sheet(const Sheet& sheet, const ImportOptions& options);

// Reads a spreadsheet's bytes: ODS or XLSX when they are a zip archive, else CSV. `name` is the file's
// name for messages. Besides the partnerships, reads the workbook's (and `options.with`'s) sheets of
// Business Units, organisations and themes; what the import keeps from headings it does not know
// goes under each partnership's `extra`. Throws InputError.
Imported import_spreadsheet(std::string_view bytes, const std::string& name, const ImportOptions& options);

// Same, from a file. Throws InputError when it cannot be read.
Imported import_spreadsheet_file(const std::string& path, const ImportOptions& options);

// The warning for Business Units whose capacity is not recorded, or none when every unit has one.
// `where` names the spreadsheet.
std::optional<Problem> capacity_not_recorded(const Register& reg, const std::string& where);

}  // namespace partnermap
