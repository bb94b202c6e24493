// The matrix as a Markdown table, for wikis and pull-request comments.
#include <ostream>

#include "escape.h"
#include "matrix_write.h"

namespace partnermap::render {

void write_matrix_markdown(const Matrix& m, std::ostream& out) {
  out << "# Partnerships matrix: " << markdown_cell(m.council) << "\n\n";
  out << "As at " << long_date(m.at) << "; " << m.rows.size() << " of " << m.total_partnerships << " partnerships";
  for (const std::string& f : m.filters) out << "; " << markdown_cell(f);
  out << ".\n\n|";
  for (const MatrixColumn& c : m.columns) out << ' ' << markdown_cell(c.title) << " |";
  out << "\n|";
  for (const MatrixColumn& c : m.columns)
    out << (c.kind == ColumnKind::number || c.kind == ColumnKind::money ? " ---: |" : c.kind == ColumnKind::tick ? " :---: |" : " --- |");
  out << '\n';
  for (const MatrixRow& row : m.rows) {
    out << '|';
    for (std::size_t c = 0; c < row.cells.size(); ++c) out << ' ' << markdown_cell(display_text(m.columns[c], row.cells[c])) << " |";
    out << '\n';
  }
}

}  // namespace partnermap::render
