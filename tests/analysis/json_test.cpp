#include "partnermap/analysis/json.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include "analysis/fixture.h"
#include "partnermap/analysis/network_json.h"
#include "support.h"

using namespace partnermap;
using nlohmann::json;
using partnermap::test::Fixture;

namespace {

// u0 has no capacity but 4 hours committed: utilisation infinite. The Council is absent from "other".
const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2024-06-01", "council": "cc",
  "themes": [{"id": "t1", "name": "T1"}, {"id": "t2", "name": "T2"}],
  "business_units": [{"id": "u0", "name": "No capacity", "capacity_hours": 0},
                     {"id": "u1", "name": "Some capacity", "capacity_hours": 8}],
  "organisations": [{"id": "cc", "name": "C"}, {"id": "a", "name": "A"}],
  "partnerships": [
    {"id": "main", "name": "Main", "nature": "strategic",
     "members": [{"org": "cc", "role": "lead"}, {"org": "a", "role": "support"}],
     "commitments": [{"unit": "u0", "hours": 4, "officer": "Ann"}, {"unit": "u1", "hours": 2}], "themes": ["t1", "t2"]},
    {"id": "other", "name": "Other", "nature": "funding", "members": [{"org": "a", "role": "lead"}],
     "commitments": [{"unit": "u1", "hours": 4}], "themes": ["t1"], "end": "2024-07-15"}
  ]
})";

}  // namespace

TEST_CASE("capacity JSON uses docs/design.md's names and ids", "[json]") {
  Fixture f(kRegister);
  const json j = to_json(f.g(), compute_capacity(f.g(), f.reg().as_of, 2));
  CHECK(j["at"] == "2024-06-01");
  REQUIRE(j["units"].size() == 2);
  const json& u0 = j["units"][0];
  CHECK(u0["id"] == "u0");
  CHECK(u0["capacity_hours"].is_null());  // not recorded, never 0
  CHECK(u0["committed_hours"] == 4);
  CHECK(u0["utilisation"].is_null());  // infinite: null, and the status says not recorded
  CHECK(u0["status"] == "not_recorded");
  const json& u1 = j["units"][1];
  CHECK(u1["utilisation"] == Approx(0.75));
  CHECK(u1["status"] == "ok");
  CHECK(u1["partnerships"][0]["id"] == "other");  // most hours first
  CHECK(u1["partnerships"][0]["hours"] == 4);
  CHECK(j["officers"][0]["officer"] == "Ann");
  CHECK(j["officers"][0]["unit"] == "u0");
  CHECK(j["forecast"]["months"] == json({"2024-06-01", "2024-07-01", "2024-08-01"}));
  CHECK(j["forecast"]["units"][0]["utilisation"][0].is_null());
  CHECK(j["forecast"]["units"][1]["committed_hours"] == json({6.0, 6.0, 2.0}));
  // The whole document is valid JSON: it parses back.
  CHECK(json::parse(j.dump()) == j);
  CHECK(utilisation_json(std::numeric_limits<double>::infinity()).is_null());
  CHECK(utilisation_json(0.5) == 0.5);
}

TEST_CASE("a forecast change is named by ids and dates", "[json]") {
  Fixture f(R"({"format": "partnermap/1", "as_of": "2024-06-01", "council": "cc", "themes": [],
    "business_units": [{"id": "u", "name": "U", "capacity_hours": 10}],
    "organisations": [{"id": "cc", "name": "C"}],
    "partnerships": [{"id": "new", "name": "New", "nature": "project", "members": [{"org": "cc", "role": "lead"}],
                      "commitments": [{"unit": "u", "hours": 11}], "start": "2024-06-20"}]})");
  const json j = to_json(f.g(), compute_capacity(f.g(), f.reg().as_of, 1));
  REQUIRE(j["changes"].size() == 1);
  const json& ch = j["changes"][0];
  CHECK(ch["unit"] == "u");
  CHECK(ch["month"] == "2024-07-01");
  CHECK(ch["on"] == "2024-07-01");
  CHECK(ch["from"] == "ok");
  CHECK(ch["to"] == "overloaded");
  CHECK(ch["starting"] == json({"new"}));
  CHECK(ch["ending"] == json::array());
}

TEST_CASE("roles JSON: null role when the Council is absent", "[json]") {
  Fixture f(kRegister);
  const json j = to_json(f.g(), compute_roles(f.g(), f.reg().as_of));
  CHECK(j["overall"]["lead"] == 1);
  CHECK(j["overall"]["absent"] == 1);
  CHECK(j["overall"]["lead_share"] == Approx(0.5));
  CHECK(j["dominates"] == false);
  CHECK(j["by_theme"][0]["id"] == "t1");
  CHECK(j["by_theme"][0]["total"] == 2);
  CHECK(j["by_nature"][2]["id"] == "funding");
  CHECK(j["partnerships"][0]["council_role"] == "lead");
  CHECK(j["partnerships"][0]["lead_partner"] == "cc");
  CHECK(j["partnerships"][1]["council_role"].is_null());
  CHECK(j["partnerships"][1]["lead_partner"] == "a");
  CHECK(j["finding"].get<std::string>().find("leads 1 of the 2") != std::string::npos);
}

TEST_CASE("links JSON: {a, b, shared} with ids", "[json]") {
  Fixture f(kRegister);
  const json j = to_json(f.g(), compute_links(f.g(), f.reg().as_of));
  CHECK(j["units"] == json::parse(R"([{"a": "u0", "b": "u1", "shared": 1}])"));
  CHECK(j["themes"] == json::parse(R"([{"a": "t1", "b": "t2", "shared": 1}])"));
  CHECK(j["cross_cutting"] == json::parse(R"([{"partnership": "main", "themes": 2, "units": 2}])"));
  // {cc, a} and {a}: Jaccard 1/2.
  REQUIRE(j["overlap"].size() == 1);
  CHECK(j["overlap"][0]["a"] == "main");
  CHECK(j["overlap"][0]["b"] == "other");
  CHECK(j["overlap"][0]["jaccard"] == Approx(0.5));
  CHECK(j["themes_unserved"] == json::array());
  CHECK(j["themes_not_led"] == json::array());
}

TEST_CASE("review JSON: findings with code, severity and reason", "[json]") {
  Fixture f(kRegister);
  const json j = to_json(f.g(), compute_review(f.g(), f.reg().as_of));
  CHECK(j["at"] == "2024-06-01");
  CHECK(j["settings"]["significant_pounds"] == 30000);
  REQUIRE(j["partnerships"].size() == 2);
  CHECK(j["partnerships"][1]["id"] == "other");
  bool no_role = false;
  for (const json& finding : j["partnerships"][1]["findings"]) {
    CHECK(finding["reason"].get<std::string>().size() > 20);
    if (finding["code"] == "no-role") {
      no_role = true;
      CHECK(finding["severity"] == "severe");
    }
  }
  CHECK(no_role);
  CHECK(j["severe"].get<int>() >= 1);
  CHECK(j["score"].is_number_integer());
}

namespace {

// What write_json prints, compact or indented.
template <typename Results>
std::string written(const Graph& g, const Results& r, int indent) {
  std::ostringstream out;
  write_json(out, g, r, indent);
  return out.str();
}

template <typename Results>
void check_streamed(const Graph& g, const Results& r) {
  const json doc = to_json(g, r);
  CHECK(written(g, r, -1) == doc.dump());
  CHECK(written(g, r, 2) == doc.dump(2));
  CHECK(written(g, r, 4) == doc.dump(4));
}

}  // namespace

TEST_CASE("each document written entry by entry is the text of its JSON value", "[json]") {
  // Carlisle has every list filled; the two small registers have empty ones (no officers, no
  // changes, no overlap), which must print as [] in both forms.
  const std::string carlisle = test::read_text(test::carlisle());
  for (const std::string& text : {carlisle, std::string(kRegister)}) {
    Fixture f(text);
    const Date at = f.reg().as_of;
    check_streamed(f.g(), compute_capacity(f.g(), at, 12));
    check_streamed(f.g(), compute_capacity(f.g(), at, 0));
    check_streamed(f.g(), compute_roles(f.g(), at));
    check_streamed(f.g(), compute_links(f.g(), at));
    check_streamed(f.g(), compute_review(f.g(), at));
  }
  Fixture f(carlisle);
  const Capacity capacity = compute_capacity(f.g(), f.reg().as_of, 12);  // the document refers to it
  const JsonDocument doc = json_document(f.g(), capacity);
  // The lists are not in the head, so writing really goes entry by entry.
  CHECK(doc.head["units"].is_null());
  CHECK(doc.head["forecast"]["units"].is_null());
  CHECK(doc.value()["forecast"]["units"].size() == f.reg().business_units.size());
}

TEST_CASE("a name with quotes, newlines and non-ASCII letters streams as the value dumps it", "[json]") {
  Fixture f(R"({"format": "partnermap/1", "as_of": "2024-06-01", "council": "cc", "themes": [],
    "business_units": [{"id": "u\"1", "name": "Unit \"one\"\nsecond line", "capacity_hours": 10}],
    "organisations": [{"id": "cc", "name": "Caf\u00e9 \u2014 Ysgol"}],
    "partnerships": [{"id": "p\\1", "name": "Line one\nline two \u00e9", "nature": "project",
                      "members": [{"org": "cc", "role": "lead"}], "commitments": [{"unit": "u\"1", "hours": 11}]}]})");
  const Date at = f.reg().as_of;
  check_streamed(f.g(), compute_capacity(f.g(), at, 2));
  check_streamed(f.g(), compute_review(f.g(), at));
  check_streamed(f.g(), compute_roles(f.g(), at));
  CHECK(written(f.g(), compute_review(f.g(), at), 2).find("Line one\\nline two") != std::string::npos);
}
