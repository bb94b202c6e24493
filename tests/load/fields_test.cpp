// The council's own fields under `extra`: kept as read, never warned about; other unknown fields
// still are, and a wrong `extra` is still checked.
#include <catch2/catch.hpp>

#include <sstream>

#include "partnermap/load.h"
#include "partnermap/save.h"

using namespace partnermap;

namespace {

const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2025-04-01", "council": "nbc",
  "extra": {"return": "six-monthly"},
  "themes": [{"id": "safe", "name": "Safer streets", "extra": {"lead_member": "Cllr Brown"}}],
  "business_units": [{"id": "cs", "name": "Community Safety", "extra": {"head": "J. Smith"}}],
  "organisations": [{"id": "nbc", "name": "Northfield Borough Council", "extra": {"code": 17}}],
  "partnerships": [{"id": "csp", "name": "Community Safety Partnership", "nature": "strategic",
    "members": [{"org": "nbc", "role": "lead", "extra": {"rep": "Chief Executive"}}],
    "commitments": [{"unit": "cs", "hours": 12, "extra": {"cost_code": "CS1"}}], "themes": ["safe"],
    "budget": {"total": 10, "council": 5, "extra": {"fund": "base"}},
    "extra": {"ward": "Castle", "minutes": ["2024-11", "2025-02"]}}]
})";

}  // namespace

TEST_CASE("fields: an extra object on any entry is kept as read, with no warning", "[load][fields]") {
  const Loaded l = load_register_text(kRegister, "r.json");
  CHECK(l.warnings.empty());
  const Partnership& p = l.reg.partnerships[0];
  CHECK(p.extra == nlohmann::json{{"extra", {{"ward", "Castle"}, {"minutes", {"2024-11", "2025-02"}}}}});
  CHECK(p.members[0].extra["extra"]["rep"] == "Chief Executive");
  CHECK(p.commitments[0].extra["extra"]["cost_code"] == "CS1");
  CHECK(p.budget->extra["extra"]["fund"] == "base");
  CHECK(l.reg.themes[0].extra["extra"]["lead_member"] == "Cllr Brown");
  CHECK(l.reg.business_units[0].extra["extra"]["head"] == "J. Smith");
  CHECK(l.reg.organisations[0].extra["extra"]["code"] == 17);
  CHECK(l.reg.extra["extra"]["return"] == "six-monthly");
  // And written back as it was read.
  std::ostringstream out;
  save_register(out, l.reg);
  const Loaded again = load_register_text(out.str(), "again.json");
  CHECK(again.warnings.empty());
  CHECK(again.reg.partnerships[0].extra == p.extra);
  CHECK(again.reg.extra == l.reg.extra);
}

TEST_CASE("fields: beside extra, an unknown field is still warned about; an extra that is not an object too", "[load][fields]") {
  std::string text = kRegister;
  text.replace(text.find("\"extra\": {\"ward\""), 0, R"("indicator": ["crime down"], )");
  text.replace(text.find("\"extra\": {\"head\": \"J. Smith\"}"), std::string("\"extra\": {\"head\": \"J. Smith\"}").size(),
               "\"extra\": \"J. Smith\"");
  const Loaded l = load_register_text(text, "r.json");
  REQUIRE(l.warnings.size() == 2);
  CHECK(format_problem(l.warnings[0]) ==
        "warning: r.json: business_units[0] \"Community Safety\": the field \"extra\" is not part of partnermap/1; it is "
        "kept as it is");
  CHECK(format_problem(l.warnings[1]) ==
        "warning: r.json: partnerships[0] \"Community Safety Partnership\": the field \"indicator\" is not part of "
        "partnermap/1; it is kept as it is (did you mean \"indicators\"?)");
}
