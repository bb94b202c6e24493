// The zip checks run on every XLSX file; here through read_xlsx, which reports what they find.
#include <catch2/catch.hpp>

#include "import/zip_check.h"
#include "partnermap/import.h"
#include "support.h"

using namespace partnermap;

namespace {
std::string fixture(const std::string& name) { return test::read_text(test::data_file("import/" + name)); }
}  // namespace

TEST_CASE("import zip: a sound workbook passes the check, and ODS is told from XLSX", "[import]") {
  const std::string carlisle = test::read_text(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.xlsx");
  CHECK(import::damaged_zip(carlisle).empty());
  CHECK_FALSE(import::is_opendocument_spreadsheet(carlisle));
  const std::string ods = fixture("register.ods");
  CHECK(import::damaged_zip(ods).empty());
  CHECK(import::is_opendocument_spreadsheet(ods));
  CHECK_FALSE(import::is_opendocument_spreadsheet("PK\x03\x04"));
}

TEST_CASE("import zip: a zip part claiming gigabytes is refused before it is read", "[import]") {
  // Found by fuzzing: a directory entry whose packed size is 2.9 GB made liborcus ask for that much.
  const std::string bytes = fixture("oversized-part.xlsx");
  CHECK_THROWS_WITH(read_xlsx(bytes, "big.xlsx"), Catch::Contains("big.xlsx") && Catch::Contains("larger than the whole file"));
}

TEST_CASE("import zip: a part declaring more than its packed bytes can hold is refused before it is unpacked", "[import]") {
  // Found by fuzzing: 858 deflated bytes declaring 256 MB (within the part limit) took seconds and
  // 270 MB to unpack before its checksum failed.
  const std::string bytes = fixture("impossible-ratio.xlsx");
  CHECK(import::damaged_zip(bytes) == "its part xl/worksheets/sheet3.xml declares 268435456 bytes unpacked from 858, more "
                                      "than zip compression can hold; it is damaged");
  CHECK_THROWS_WITH(read_xlsx(bytes, "r.xlsx"), Catch::Contains("r.xlsx") && Catch::Contains("more than zip compression can hold"));
}

TEST_CASE("import zip: damaged and cut-short parts are refused before liborcus reads them", "[import]") {
  // Found by fuzzing: liborcus 0.17 stops the program (a failed assertion) on a part whose packed data
  // is damaged; the checksums catch it first.
  const std::string damaged = fixture("damaged-part.xlsx");
  CHECK_THROWS_WITH(read_xlsx(damaged, "d.xlsx"), Catch::Contains("is damaged (it does not unpack to what the file records)"));
  // A part cut short with checksums that match: refused rather than read as far as it goes.
  const std::string cut = fixture("cut-short.xlsx");
  CHECK_THROWS_WITH(read_xlsx(cut, "c.xlsx"), Catch::Contains("its part xl/worksheets/sheet2.xml is cut short"));
}

TEST_CASE("import zip: a damaged table of contents is refused before liborcus reads the file", "[import]") {
  // Found by fuzzing: a central directory with a broken entry, which liborcus 0.17 read on to a failed
  // assertion.
  const std::string bytes = fixture("damaged-directory.xlsx");
  CHECK_THROWS_WITH(read_xlsx(bytes, "d.xlsx"), Catch::Contains("central directory) is missing or damaged"));
  // Also found by fuzzing: directory records beyond the count, one declaring 3.7 GB, which liborcus
  // read on into and tried to allocate.
  const std::string extra = fixture("extra-directory-entries.xlsx");
  CHECK_THROWS_WITH(read_xlsx(extra, "e.xlsx"), Catch::Contains("central directory) is missing or damaged"));
  CHECK_THROWS_WITH(read_xlsx(std::string("PK\x03\x04", 4), "tiny.xlsx"), Catch::Contains("tiny.xlsx"));
}

TEST_CASE("import zip: the checks name what is wrong", "[import]") {
  CHECK(import::damaged_zip("not a zip at all") == "its table of contents (the zip's central directory) is missing or damaged");
  CHECK_THAT(import::damaged_zip(fixture("damaged-part.xlsx")), Catch::Contains("is damaged"));
  CHECK(import::damaged_zip(fixture("cut-short.xlsx")) == "its part xl/worksheets/sheet2.xml is cut short");
}
