#include "partnermap/import.h"

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

}  // namespace partnermap
