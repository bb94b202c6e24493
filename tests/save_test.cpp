#include <catch2/catch.hpp>

#include <sstream>

#include "partnermap/generate.h"
#include "partnermap/load.h"
#include "partnermap/save.h"
#include "support.h"

using namespace partnermap;

namespace {

std::string saved(const Register& reg) {
  std::ostringstream out;
  save_register(out, reg);
  return out.str();
}

// Field-by-field equality of two registers, reported per field so that a failure says which.
void check_same(const Register& a, const Register& b) {
  CHECK(a.format == b.format);
  CHECK(a.as_of == b.as_of);
  CHECK(a.council == b.council);
  CHECK(a.extra == b.extra);
  REQUIRE(a.themes.size() == b.themes.size());
  for (std::size_t i = 0; i < a.themes.size(); ++i) {
    CHECK(a.themes[i].id == b.themes[i].id);
    CHECK(a.themes[i].name == b.themes[i].name);
    CHECK(a.themes[i].extra == b.themes[i].extra);
  }
  REQUIRE(a.business_units.size() == b.business_units.size());
  for (std::size_t i = 0; i < a.business_units.size(); ++i) {
    CHECK(a.business_units[i].id == b.business_units[i].id);
    CHECK(a.business_units[i].name == b.business_units[i].name);
    CHECK(a.business_units[i].capacity_hours == b.business_units[i].capacity_hours);
    CHECK(a.business_units[i].extra == b.business_units[i].extra);
  }
  REQUIRE(a.organisations.size() == b.organisations.size());
  for (std::size_t i = 0; i < a.organisations.size(); ++i) {
    CHECK(a.organisations[i].id == b.organisations[i].id);
    CHECK(a.organisations[i].name == b.organisations[i].name);
    CHECK(a.organisations[i].sector == b.organisations[i].sector);
    CHECK(a.organisations[i].extra == b.organisations[i].extra);
  }
  REQUIRE(a.partnerships.size() == b.partnerships.size());
  for (std::size_t i = 0; i < a.partnerships.size(); ++i) {
    const Partnership &p = a.partnerships[i], &q = b.partnerships[i];
    INFO("partnership " << p.id);
    CHECK(p.id == q.id);
    CHECK(p.name == q.name);
    CHECK(p.nature == q.nature);
    REQUIRE(p.members.size() == q.members.size());
    for (std::size_t j = 0; j < p.members.size(); ++j) {
      CHECK(p.members[j].org == q.members[j].org);
      CHECK(p.members[j].role == q.members[j].role);
      CHECK(p.members[j].extra == q.members[j].extra);
    }
    REQUIRE(p.commitments.size() == q.commitments.size());
    for (std::size_t j = 0; j < p.commitments.size(); ++j) {
      CHECK(p.commitments[j].unit == q.commitments[j].unit);
      CHECK(p.commitments[j].hours == q.commitments[j].hours);
      CHECK(p.commitments[j].officer == q.commitments[j].officer);
      CHECK(p.commitments[j].extra == q.commitments[j].extra);
    }
    CHECK(p.themes == q.themes);
    CHECK(p.parent == q.parent);
    CHECK(p.accountable_body == q.accountable_body);
    CHECK(p.stage == q.stage);
    CHECK(p.start == q.start);
    CHECK(p.end == q.end);
    REQUIRE(p.budget.has_value() == q.budget.has_value());
    if (p.budget) {
      CHECK(p.budget->total == q.budget->total);
      CHECK(p.budget->council == q.budget->council);
      CHECK(p.budget->extra == q.budget->extra);
    }
    REQUIRE(p.posts.has_value() == q.posts.has_value());
    if (p.posts) {
      CHECK(p.posts->permanent == q.posts->permanent);
      CHECK(p.posts->funded_until == q.posts->funded_until);
      CHECK(p.posts->extra == q.posts->extra);
    }
    CHECK(p.indicators == q.indicators);
    CHECK(p.evaluation == q.evaluation);
    CHECK(p.management == q.management);
    CHECK(p.exit_strategy == q.exit_strategy);
    CHECK(p.risk == q.risk);
    CHECK(p.last_review == q.last_review);
    REQUIRE(p.survey.has_value() == q.survey.has_value());
    if (p.survey) {
      CHECK(p.survey->responses == q.survey->responses);
      CHECK(p.survey->satisfied == q.survey->satisfied);
      CHECK(p.survey->extra == q.survey->extra);
    }
    CHECK(p.extra == q.extra);
  }
}

}  // namespace

TEST_CASE("the Carlisle register survives load, save, load", "[save]") {
  const Register first = load_register_file(test::carlisle()).reg;
  const std::string text = saved(first);
  const Loaded again = load_register_text(text, "saved.json");
  CHECK(again.warnings.empty());
  check_same(first, again.reg);
  // The saved document says what the original says, field for field.
  CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(test::read_text(test::carlisle())));
  CHECK(saved(again.reg) == text);
}

TEST_CASE("fields the format does not know are written back", "[save]") {
  const std::string path = test::data_file("good/unknown-fields.json");
  const Loaded first = load_register_file(path);
  REQUIRE(!first.warnings.empty());
  const std::string text = saved(first.reg);
  CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(test::read_text(path)));
  check_same(first.reg, load_register_text(text, "saved.json").reg);
}

TEST_CASE("text and numbers come back exactly", "[save]") {
  const char* original = R"({"format": "partnermap/1", "as_of": "2004-02-29", "council": "c",
    "themes": [{"id": "t", "name": "Quotes \" and \\ backslashes, tab\t, bell\u0007, pound \u00a3, \ud83d\ude00"}],
    "business_units": [{"id": "u", "name": "U", "capacity_hours": 0.1}],
    "organisations": [{"id": "c", "name": "C"}, {"id": "o", "name": "O", "sector": "voluntary"}],
    "partnerships": [{"id": "p", "name": "P", "nature": "funding", "members": [{"org": "c", "role": "lead"}, {"org": "o", "role": "observer", "note": [1, {"x": null}]}],
      "commitments": [{"unit": "u", "hours": 12.5, "officer": "A. Smith"}, {"unit": "u", "hours": 1e-7}],
      "budget": {"total": 123456789.75, "council": 0}, "posts": {"permanent": 2}, "indicators": [],
      "survey": {"responses": 10, "satisfied": 3, "method": "online"}, "end": "2010-12-31", "themes": []}],
    "future_field": {"kept": true}})";
  const Loaded first = load_register_text(original, "o.json");
  const std::string text = saved(first.reg);
  CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(original));
  const Register again = load_register_text(text, "saved.json").reg;
  check_same(first.reg, again);
  CHECK(again.business_units[0].capacity_hours == 0.1);
  CHECK(again.partnerships[0].commitments[1].hours == 1e-7);
}

TEST_CASE("a generated register survives save and load", "[save]") {
  GenerateSettings settings;
  settings.organisations = 400;
  settings.partnerships = 250;
  settings.seed = 3;
  const Register reg = generate_register(settings);
  const Loaded again = load_register_text(saved(reg), "generated.json");
  CHECK(again.warnings.empty());
  check_same(reg, again.reg);
}

namespace {
const char* kOwnFields = R"({
  "format": "partnermap/1", "as_of": "2025-04-01", "council": "nbc", "themes": [],
  "business_units": [{"id": "cs", "name": "Community Safety", "extra": {"head": "J. Smith"}}],
  "organisations": [{"id": "nbc", "name": "Northfield Borough Council"}],
  "partnerships": [{"id": "csp", "name": "Community Safety Partnership", "nature": "strategic",
    "members": [{"org": "nbc", "role": "lead"}], "commitments": [{"unit": "cs", "hours": 12}], "themes": []}]
})";
}  // namespace

TEST_CASE("save: a unit with no capacity is written with no capacity_hours, never 0", "[save]") {
  std::string text = kOwnFields;
  const Loaded l = load_register_text(text, "r.json");
  CHECK(l.reg.business_units[0].capacity_hours == 0);  // the model's "not recorded"
  std::ostringstream out;
  save_register(out, l.reg);
  CHECK_THAT(out.str(), Catch::Contains(R"({"id": "cs", "name": "Community Safety", "extra": {"head":"J. Smith"}})"));
  text.replace(text.find("\"name\": \"Community Safety\""), 0, "\"capacity_hours\": 0, ");
  std::ostringstream zero;
  save_register(zero, load_register_text(text, "r.json").reg);
  CHECK_THAT(zero.str(), !Catch::Contains("capacity_hours"));
}
