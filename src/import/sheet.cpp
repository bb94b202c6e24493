#include "partnermap/import.h"

#include <cstdio>

namespace partnermap {

const SheetCell* Sheet::cell(std::uint32_t row, std::uint32_t col) const {
  const auto r = rows.find(row);
  if (r == rows.end()) return nullptr;
  const auto c = r->second.find(col);
  return c == r->second.end() ? nullptr : &c->second;
}

std::string column_letters(std::uint32_t col) {
  std::string out;
  std::uint64_t n = std::uint64_t{col} + 1;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

// Whole numbers without a decimal point or exponent, others to 15 significant digits: what a
// spreadsheet shows for the value in a General cell.
std::string cell_number_text(double v) {
  if (v > -1e15 && v < 1e15 && v == static_cast<double>(static_cast<long long>(v)))
    return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace partnermap
