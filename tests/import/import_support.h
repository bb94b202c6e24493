// Helpers for the import's tests: a sheet from CSV text, and the import with a fixed date.
#pragma once

#include <string>

#include "partnermap/import.h"
#include "support.h"

namespace partnermap::test {

inline ImportOptions import_options(const std::string& council = "") {
  ImportOptions o;
  o.council = council;
  o.as_of = from_civil({2004, 9, 1});
  return o;
}

inline Imported import_csv_text(const std::string& csv, const std::string& council = "") {
  return import_sheet(read_csv(csv, "Sheet1"), import_options(council));
}

// A file under tests/data/import/, as bytes.
inline std::string import_fixture(const std::string& name) { return read_text(data_file("import/" + name)); }

// Every problem's "where: message" joined by newlines, for matching in CHECK_THROWS_WITH.
inline std::string problems_text(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) out += format_problem(p) + "\n";
  return out;
}

}  // namespace partnermap::test
