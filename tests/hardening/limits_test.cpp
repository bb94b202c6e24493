// The documented limits of a register (README, "Limits"): at most 2 GiB, nested at most 64 levels.
// Each is refused with a message that says what is wrong, before any time is spent on the file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

// The small good register with a kept extra field nested `depth` levels deep from the top.
std::string nested(int depth) {
  std::string text = read_text(data_file("good/small.json"));
  // The top object is level 1, the field's value level 2, and so on.
  std::string value;
  for (int i = 2; i <= depth; ++i) value += "[";
  value += "1";
  for (int i = 2; i <= depth; ++i) value += "]";
  text.insert(text.find('{') + 1, "\"notes\": " + value + ", ");
  return text;
}

}  // namespace

TEST_CASE("a register over 2 GiB is refused before it is read", "[hardening][limits]") {
  TempDir dir;
  const auto path = dir / "huge.json";
  write_text(path, "{");
  // Sparse: the file says it is 2 GiB and one byte long without taking the disk space.
  std::filesystem::resize_file(path, (std::uintmax_t{2} << 30) + 1);
  const Run r = run_partnermap("validate '" + path.string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("huge.json: is larger than 2048 MiB, more than any council's register; check that it is the right file"));
  CHECK(LoadLimits{}.max_bytes == std::size_t{2} << 30);
}

TEST_CASE("a register nested more than 64 levels deep is refused", "[hardening][limits]") {
  CHECK(LoadLimits{}.max_depth == 64);
  SECTION("64 levels load, the extra field kept with a warning") {
    const Loaded l = load_register_text(nested(64), "r.json");
    CHECK(l.reg.extra.contains("notes"));
  }
  SECTION("65 do not") {
    TempDir dir;
    write_text(dir / "deep.json", nested(65));
    const Run r = run_partnermap("validate '" + (dir / "deep.json").string() + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("deep.json: notes: is nested more than 64 levels deep; a register never needs that many"));
  }
  SECTION("nesting far beyond the limit costs no stack") {
    const std::string deep = "{\"format\": " + std::string(1000000, '[');
    CHECK_THROWS_WITH(load_register_text(deep, "r.json"), Catch::Contains("nested more than 64 levels deep"));
  }
}
