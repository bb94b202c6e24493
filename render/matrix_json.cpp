// The matrix as JSON, for scripts: typed values, keys as --sort names them.
#include <ostream>

#include <nlohmann/json.hpp>

#include "matrix_write.h"

namespace partnermap::render {

void write_matrix_json(const Matrix& m, const Register& reg, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["council"] = m.council;
  doc["at"] = to_iso(m.at);
  doc["filters"] = m.filters;
  doc["total_partnerships"] = m.total_partnerships;
  auto& columns = doc["columns"] = nlohmann::ordered_json::array();
  for (const MatrixColumn& c : m.columns) {
    const char* kind = c.kind == ColumnKind::number ? "number" : c.kind == ColumnKind::money ? "money"
                     : c.kind == ColumnKind::tick   ? "tick"   : c.kind == ColumnKind::date  ? "date" : "text";
    columns.push_back({{"key", c.key}, {"title", c.title}, {"kind", kind}});
  }
  auto& rows = doc["rows"] = nlohmann::ordered_json::array();
  for (const MatrixRow& row : m.rows) {
    nlohmann::ordered_json r;
    r["id"] = reg.partnerships.at(row.partnership).id;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const MatrixColumn& col = m.columns[c];
      const MatrixCell& cell = row.cells[c];
      if (col.kind == ColumnKind::tick)
        r[col.key] = cell.number.value_or(0) > 0;
      else if (col.kind == ColumnKind::number || col.kind == ColumnKind::money)
        r[col.key] = cell.number ? nlohmann::ordered_json(*cell.number) : nlohmann::ordered_json();
      else if (cell.text.empty())
        r[col.key] = nullptr;
      else
        r[col.key] = cell.text;
    }
    rows.push_back(std::move(r));
  }
  out << doc.dump(2) << '\n';
}

}  // namespace partnermap::render
