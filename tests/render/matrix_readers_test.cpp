// The matrix files read back by the programs people open them with.
#include <catch2/catch.hpp>

#include "render_support.h"

using namespace partnermap::test;

namespace {

const std::string kChecker = std::string(PARTNERMAP_TEST_DATA) + "/../render/xlsx_check.py";

void check_register(const std::string& reg) {
  TempDir dir;
  for (const char* ext : {"csv", "xlsx", "html", "md", "json"}) {
    const Run r = run_partnermap("matrix " + shell_quote(reg) + " -o " + shell_quote(dir / (std::string("m.") + ext)));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  SECTION("openpyxl reads the XLSX with the same cells as the CSV") {
    const Run r = run_command(python() + " " + shell_quote(kChecker) + " " + shell_quote(dir / "m.xlsx") + " " + shell_quote(dir / "m.csv"));
    INFO(r.err);
    CHECK(r.out == "OK\n");
  }
  SECTION("xmllint parses the HTML") {
    const Run r = run_command("xmllint --html --noout " + shell_quote(dir / "m.html"));
    CHECK(html_faults(r.err) == "");
  }
  SECTION("Python's json reads the JSON") {
    const Run r = run_command(python() + " -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d[\"rows\"]))' " +
                              shell_quote(dir / "m.json"));
    CHECK(r.status == 0);
  }
}

}  // namespace

TEST_CASE("render: Carlisle's matrix reads back in every format", "[render][matrix][readers]") { check_register(carlisle()); }

TEST_CASE("render: The nasty register's matrix reads back in every format", "[render][matrix][readers][escape]") { check_register(nasty()); }

TEST_CASE("render: matrix refuses unknown formats and filters with exit status 2", "[render][matrix][cli]") {
  TempDir dir;
  Run r = run_partnermap("matrix " + shell_quote(carlisle()) + " -o " + shell_quote(dir / "m.docx"));
  CHECK(r.status == 2);
  CHECK(r.err.find(".html, .csv, .xlsx, .md or .json") != std::string::npos);
  r = run_partnermap("matrix " + shell_quote(carlisle()) + " -o " + shell_quote(dir / "m.csv") + " --filter theme=nonesuch");
  CHECK(r.status == 2);
  CHECK(r.err.find("no theme has that id or name") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "m.csv"));
  r = run_partnermap("matrix " + shell_quote(carlisle()) + " -o " + shell_quote(dir / "m.csv") + " --sort colour");
  CHECK(r.status == 2);
  r = run_partnermap("matrix --help");
  CHECK(r.status == 0);
  CHECK(r.out.find("Council's role") != std::string::npos);
}

TEST_CASE("render: matrix --filter writes one slice", "[render][matrix][cli]") {
  TempDir dir;
  const Run r = run_partnermap("matrix " + shell_quote(carlisle()) + " -o " + shell_quote(dir / "m.csv") + " --filter nature=funding --sort budget --descending");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string csv = read_text(dir / "m.csv");
  CHECK(csv.find(",funding,") != std::string::npos);
  CHECK(csv.find(",strategic,") == std::string::npos);
}
