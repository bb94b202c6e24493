#include <catch2/catch.hpp>

#include <filesystem>

#include "partnermap/load.h"
#include "support.h"

using namespace partnermap::test;

namespace {
std::string q(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += "'";
  return out;
}
}  // namespace

TEST_CASE("cli import: a spreadsheet becomes a register that validates", "[cli][import]") {
  TempDir dir;
  const Run r = run_partnermap("import " + q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.csv") + " -o " +
                               q(dir / "c.json") + " --as-of 2004-09-01");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("wrote ") && Catch::Contains("34 partnerships, 53 organisations, 9 Business Units, 6 themes"));
  CHECK_THAT(r.err, Catch::Contains("capacity_hours 0"));
  const Run v = run_partnermap("validate " + q(dir / "c.json"));
  CHECK(v.status == 0);
  CHECK_THAT(v.out, Catch::StartsWith("ok: 53 organisations, 34 partnerships, 248 memberships"));
  CHECK(partnermap::load_register_file((dir / "c.json").string()).reg.as_of ==
        partnermap::from_civil({2004, 9, 1}));
}

TEST_CASE("cli import: the matrix written by partnermap reads back", "[cli][import]") {
  TempDir dir;
  REQUIRE(run_partnermap("matrix " + q(carlisle()) + " -o " + q(dir / "m.xlsx")).status == 0);
  const Run r = run_partnermap("import " + q(dir / "m.xlsx") + " -o " + q(dir / "m.json") + " --as-of 2004-09-01");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("(sheet \"Matrix\")"));
  CHECK(run_partnermap("review " + q(dir / "m.json")).status == 0);
}

TEST_CASE("cli import: errors are all printed, exit status 2, and nothing is written", "[cli][import]") {
  TempDir dir;
  write_text(dir / "bad.csv",
             "Partnership,Nature,Business Units and hours,End\r\nA,stratgic,Housing: twenty,12/31/2005\r\n");
  write_text(dir / "out.json", "earlier");
  const Run r = run_partnermap("import " + q(dir / "bad.csv") + " -o " + q(dir / "out.json") + " --council X");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("row 2, column B \"Nature\": \"stratgic\" is not a nature (did you mean \"strategic\"?)"));
  CHECK_THAT(r.err, Catch::Contains("row 2, column C \"Business Units and hours\": \"twenty\" is not a number of hours"));
  CHECK_THAT(r.err, Catch::Contains("row 2, column D \"End\": \"12/31/2005\" is not a date: there is no month 31"));
  CHECK_THAT(r.err, Catch::Contains("3 errors found"));
  CHECK(read_text(dir / "out.json") == "earlier");
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) (void)e, ++files;
  CHECK(files == 2);  // no temporary file left behind
}

TEST_CASE("cli import: bad arguments", "[cli][import]") {
  TempDir dir;
  CHECK(run_partnermap("import " + q(dir / "none.csv") + " -o " + q(dir / "x.json")).status == 2);
  const Run r = run_partnermap("import " + q(std::string(PARTNERMAP_DATASETS) + "/register-template.csv") + " -o " +
                               q(dir / "x.json") + " --as-of 2004-02-30");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("--as-of 2004-02-30"));
  const Run s = run_partnermap("import " + q(std::string(PARTNERMAP_DATASETS) + "/register-template.xlsx") + " -o " +
                               q(dir / "x.json") + " --sheet Regster");
  CHECK(s.status == 2);
  CHECK_THAT(s.err, Catch::Contains("did you mean \"Register\"?"));
}

TEST_CASE("cli import: a UTF-8 CSV with a stray byte exits 2 naming the row and column; Windows-1252 reads", "[cli][import]") {
  TempDir dir;
  write_text(dir / "mixed.csv", "Partnership,Nature,Partners\nCaf\xC3\xA9 Forum,project,X\nTown Caf\xE9,project,Y\n");
  const Run r = run_partnermap("import " + q(dir / "mixed.csv") + " -o " + q(dir / "m.json") + " --council X");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("mixed.csv row 3, column A: the byte 0xE9 is not UTF-8, though the rest of the file is"));
  CHECK_FALSE(std::filesystem::exists(dir / "m.json"));
  write_text(dir / "cp.csv", "Partnership;Nature;Partners\nCaf\xE9 Forum;project;X\n");
  const Run w = run_partnermap("import " + q(dir / "cp.csv") + " -o " + q(dir / "c.json") + " --council X");
  CHECK(w.status == 0);
  CHECK_THAT(w.err, Catch::Contains("read as Windows-1252"));
  CHECK_THAT(read_text(dir / "c.json"), Catch::Contains("Caf\xC3\xA9 Forum"));
}

TEST_CASE("cli import: ODS, and a workbook whose error cell is used, through the binary", "[cli][import]") {
  TempDir dir;
  const Run o = run_partnermap("import " + q(data_file("import/register.ods")) + " -o " + q(dir / "o.json") +
                               " --council \"The Council\" --as-of 2004-09-01 --sheet \"Old register\"");
  CHECK(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains(": 1 partnership, ") && Catch::Contains("(sheet \"Old register\")"));
  const Run n = run_partnermap("import " + q(data_file("import/register.ods")) + " -o " + q(dir / "n.json") +
                               " --council \"The Council\" --as-of 2004-09-01");
  CHECK(n.status == 2);
  CHECK_THAT(n.err, Catch::Contains("Register 2004 row 4, column F \"Budget\": the cell shows the error #N/A, not a value"));
  CHECK_THAT(n.err, Catch::Contains("the hidden sheet \"Old register\" is not read"));
  const Run e = run_partnermap("import " + q(data_file("import/openpyxl-error.xlsx")) + " -o " + q(dir / "e.json") +
                               " --council \"The Council\" --as-of 2004-09-01");
  CHECK(e.status == 2);
  CHECK_THAT(e.err, Catch::Contains("Register row 2, column F \"Budget\": the cell shows the error #N/A, not a value"));
  const Run x = run_partnermap("import " + q(data_file("import/broken-xml.xlsx")) + " -o " + q(dir / "x.json"));
  CHECK(x.status == 2);
  CHECK_THAT(x.err, Catch::Contains("its part xl/worksheets/sheet2.xml is not well-formed XML"));
}
