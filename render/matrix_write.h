// The matrix's writers, one per format. Each writes the whole file; the CLI and the briefing pack
// write them through a temporary file, so a failure never leaves half a matrix.
#pragma once

#include <iosfwd>
#include <string>

#include "matrix.h"

namespace partnermap::render {

// RFC 4180 with CRLF line ends and a UTF-8 byte-order mark (so Excel reads the encoding), every
// text cell that a spreadsheet would run as a formula prefixed with an apostrophe.
void write_matrix_csv(const Matrix& m, std::ostream& out);
// A GitHub-flavoured Markdown table, with a title and the date.
void write_matrix_markdown(const Matrix& m, std::ostream& out);
// {"council", "at", "columns": [{key, title, kind}], "rows": [{"id", cells by key}]}; ticks are
// booleans, numbers numbers, missing values null.
void write_matrix_json(const Matrix& m, const Register& reg, std::ostream& out);
// One standalone page: styles and a small script inline, no network; sortable and filterable on
// screen, A3 landscape in print.
void write_matrix_html(const Matrix& m, std::ostream& out);
// The matrix's <table> alone (plus its filter box), for embedding in the briefing pack. `id` must
// be unique in the page.
void write_matrix_table_html(const Matrix& m, const std::string& id, std::ostream& out);
// The CSS and script that write_matrix_table_html's tables need, once per page.
const char* matrix_table_css();
const char* matrix_table_script();

// The workbook: the matrix (frozen header, autofilter, widths, ticks), capacity by unit with
// conditional colour and the months ahead, and the review's findings. Throws std::runtime_error
// naming libxlsxwriter's complaint when the file cannot be written.
void write_matrix_xlsx(const Matrix& m, const Analysed& in, const std::string& path);

}  // namespace partnermap::render
