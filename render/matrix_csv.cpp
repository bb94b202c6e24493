// The matrix as CSV for spreadsheets: RFC 4180, CRLF, UTF-8 with a byte-order mark.
#include <ostream>

#include "escape.h"
#include "matrix_write.h"

namespace partnermap::render {

void write_matrix_csv(const Matrix& m, std::ostream& out) {
  // Excel takes a CSV without a byte-order mark for the local code page and garbles "£" and "✓".
  out << "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < m.columns.size(); ++c) out << (c ? "," : "") << csv_field(m.columns[c].title);
  out << "\r\n";
  for (const MatrixRow& row : m.rows) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (c) out << ',';
      // Numbers go out plain ("85000") so that a spreadsheet reads them as numbers.
      out << csv_field(row.cells[c].text);
    }
    out << "\r\n";
  }
}

}  // namespace partnermap::render
