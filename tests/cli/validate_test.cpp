#include <catch2/catch.hpp>

#include "support.h"

using namespace partnermap::test;

TEST_CASE("validate says ok with the counts", "[cli][validate]") {
  const Run r = run_partnermap("validate '" + data_file("good/small.json") + "'");
  CHECK(r.status == 0);
  CHECK(r.out == "ok: 3 organisations, 2 partnerships, 4 memberships, 1 Business Unit, 2 themes\n");
  CHECK(r.err.empty());
}

TEST_CASE("validate passes the Carlisle register", "[cli][validate]") {
  const Run r = run_partnermap("validate '" + carlisle() + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("ok: "));
}

TEST_CASE("validate prints warnings on stderr and still says ok", "[cli][validate]") {
  const Run r = run_partnermap("validate '" + data_file("good/unknown-fields.json") + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("(2 warnings)"));
  CHECK_THAT(r.err, Catch::Contains("warning: ") && Catch::Contains("did you mean \"indicators\"?"));
}

TEST_CASE("a broken register exits with status 2 and names each problem", "[cli][validate]") {
  for (const char* name : {"empty", "syntax", "missing-org", "parent-cycle", "invalid-utf8", "deep-nesting"}) {
    const Run r = run_partnermap("validate '" + data_file(std::string("bad/") + name + ".json") + "'");
    INFO(name);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains(std::string("bad/") + name + ".json"));
    CHECK_THAT(r.err, Catch::Contains("correct the file named above and run the command again"));
  }
}

TEST_CASE("a missing file exits with status 2", "[cli][validate]") {
  const Run r = run_partnermap("validate /no/such/register.json");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("/no/such/register.json: there is no file here"));
}

TEST_CASE("bad arguments exit with status 2, help and version with 0", "[cli]") {
  CHECK(run_partnermap("").status == 2);
  CHECK(run_partnermap("frobnicate").status == 2);
  CHECK(run_partnermap("validate").status == 2);
  const Run help = run_partnermap("--help");
  CHECK(help.status == 0);
  CHECK_THAT(help.out, Catch::Contains("validate") && Catch::Contains("Exit status"));
  const Run vhelp = run_partnermap("validate --help");
  CHECK(vhelp.status == 0);
  CHECK_THAT(vhelp.out, Catch::Contains("REGISTER"));
  const Run version = run_partnermap("--version");
  CHECK(version.status == 0);
  CHECK_THAT(version.out, Catch::StartsWith("partnermap "));
}

TEST_CASE("a register with thousands of errors lists the first ones and counts the rest", "[cli][validate]") {
  TempDir dir;
  std::string text = R"({"format": "partnermap/1", "as_of": "2004-09-01", "council": "cc", "themes": [],
    "business_units": [], "organisations": [{"id": "cc", "name": "C"}], "partnerships": [)";
  for (int i = 0; i < 3000; ++i)
    text += std::string(i ? "," : "") + R"({"id": "p)" + std::to_string(i) +
            R"(", "name": "P", "nature": "x", "members": []})";
  text += "]}";
  write_text(dir / "many.json", text);
  const Run r = run_partnermap("validate '" + (dir / "many.json").string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("more problems") && Catch::Contains("3000 errors found"));
}
