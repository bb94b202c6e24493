#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;
using partnermap::test::data_file;

namespace {

// Every problem of a register that must not load, one line each as the CLI prints them.
std::vector<std::string> problems_of(const std::string& path) {
  try {
    load_register_file(path);
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const Problem& p : e.problems()) out.push_back(format_problem(p));
    return out;
  }
  return {};
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

const char* kSmall = R"({
  "format": "partnermap/1", "as_of": "2004-09-01", "council": "cc",
  "themes": [{"id": "safer", "name": "Safer"}],
  "business_units": [{"id": "housing", "name": "Housing", "capacity_hours": 100}],
  "organisations": [{"id": "cc", "name": "Council"}, {"id": "pol", "name": "Police", "sector": "public"}],
  "partnerships": [{"id": "csp", "name": "Safety", "nature": "strategic",
    "members": [{"org": "cc", "role": "lead"}, {"org": "pol", "role": "support"}]}]
})";

}  // namespace

// The bad-input corpus: one file per kind of mistake, each with the words that must name the culprit
// and its place.
TEST_CASE("each kind of broken register is refused with its culprit and place", "[load]") {
  struct Case {
    const char* file;
    std::vector<const char*> expected;
  };
  const std::vector<Case> cases = {
      {"empty", {"bad/empty.json: the file is empty"}},
      {"not-object", {"must be one JSON object", "a list at the top"}},
      {"syntax", {"bad/syntax.json:4:11: syntax error"}},
      {"unsupported-format", {"format: \"partnermap/2\" is not a format this version reads"}},
      {"missing-field", {"partnerships[1] \"sure-start\": the field \"name\" is missing"}},
      {"missing-list", {"the field \"organisations\" is missing", "\"organisations\": []"}},
      {"wrong-type", {"business_units[0] \"Housing\": capacity_hours: should be a number, not text"}},
      {"duplicate-id", {"organisations[3] \"Police Authority\": id: \"police\" is already the id of organisations[2]"}},
      {"duplicate-key", {"business_units[0]: the field \"name\" is written twice"}},
      {"missing-org",
       {"partnerships[1] \"Sure Start Carlisle South\": members[2].org: \"nhs-pc\" is not an organisation",
        "did you mean \"nhs-pct\"?"}},
      {"missing-unit", {"commitments[1].unit: \"housng\" is not a Business Unit", "did you mean \"housing\"?"}},
      {"missing-theme", {"themes[1]: \"safety\" is not a theme", "did you mean \"safer\"?"}},
      {"missing-parent", {"partnerships[1] \"Sure Start Carlisle South\": parent: \"cps\" is not a partnership",
                          "did you mean \"csp\"?"}},
      {"missing-council", {"council: \"councll\" is not an organisation", "did you mean \"council\"?"}},
      {"parent-cycle", {"parent: the parents go round in a circle (csp -> sure-start -> csp)"}},
      {"self-parent", {"partnerships[0] \"Community Safety Partnership\": parent: the partnership is its own parent"}},
      {"negative", {"commitments[0].hours: is negative (-5)"}},
      {"non-finite", {"non-finite.json:19:", "too large to be a number"}},
      {"nan", {"nan.json:19:25: syntax error"}},
      {"too-large", {"budget.total: 1000000000000 is too large to be real"}},
      {"bad-date", {"start: \"2004-02-30\" is not a day of the calendar (2004-02 has 29 days)"}},
      {"not-iso-date", {"start: \"01/04/2003\" is not a date in the form YYYY-MM-DD"}},
      {"end-before-start", {"end: 2002-03-31 is before the start, 2003-04-01"}},
      {"unknown-enum", {"nature: \"strategc\" is not one of", "did you mean \"strategic\"?"}},
      {"unknown-role", {"members[1].role: \"partner\" is not one of: lead, support, observer"}},
      {"survey", {"survey.satisfied: 12 is more than the 10 responses"}},
      {"fractional-posts", {"posts.permanent: 2.5 should be a whole number"}},
      {"invalid-utf8", {"invalid-utf8.json:35:23:", "ill-formed UTF-8", "re-save it"}},
      {"deep-nesting", {"organisations: is nested more than 64 levels deep"}},
  };
  for (const Case& c : cases) {
    SECTION(c.file) {
      const auto problems = problems_of(data_file(std::string("bad/") + c.file + ".json"));
      REQUIRE_FALSE(problems.empty());
      for (const char* words : c.expected) CHECK_THAT(joined(problems), Catch::Contains(words));
    }
  }
}

TEST_CASE("the corpus has one test per file", "[load]") {
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(data_file("bad"))) files += e.path().extension() == ".json";
  CHECK(files == 29);  // keep in step with the table above
}

TEST_CASE("every problem is collected, not just the first", "[load]") {
  std::string text = kSmall;
  text.replace(text.find("\"strategic\""), 11, "\"strategc\"");
  text.replace(text.find("\"support\""), 9, "\"suport\"");
  text.replace(text.find("100"), 3, "-1");
  try {
    load_register_text(text, "r.json");
    FAIL("loaded");
  } catch (const InputError& e) {
    CHECK(count_errors(e.problems()) == 3);
  }
}

TEST_CASE("a register loads into the model with references resolved", "[load]") {
  const Loaded l = load_register_text(kSmall, "r.json");
  const Register& r = l.reg;
  CHECK(l.warnings.empty());
  CHECK(to_iso(r.as_of) == "2004-09-01");
  REQUIRE(r.organisations.size() == 2);
  CHECK(r.organisations[r.council].id == "cc");
  REQUIRE(r.partnerships.size() == 1);
  const Partnership& p = r.partnerships[0];
  CHECK(p.nature == Nature::strategic);
  REQUIRE(p.members.size() == 2);
  CHECK(r.organisations[p.members[1].org].id == "pol");
  CHECK(p.members[1].role == Role::support);
  CHECK(p.commitments.empty());  // optional lists may be left out
  CHECK(p.themes.empty());
  CHECK_FALSE(p.indicators);
  CHECK(r.council_role(p) == Role::lead);
  CHECK(r.membership_count() == 2);
}

TEST_CASE("lists may come in any order: references are resolved after reading", "[load]") {
  const char* text = R"({"partnerships": [{"id": "p", "name": "P", "nature": "project",
      "members": [{"org": "b", "role": "lead"}], "parent": "q", "themes": ["t"],
      "commitments": [{"unit": "u", "hours": 3.5, "officer": "Officer"}]},
    {"id": "q", "name": "Q", "nature": "funding", "members": []}],
    "organisations": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    "themes": [{"id": "t", "name": "T"}], "business_units": [{"id": "u", "name": "U", "capacity_hours": 0}],
    "council": "a", "as_of": "2004-01-01", "format": "partnermap/1"})";
  const Loaded l = load_register_text(text, "r.json");
  const Partnership& p = l.reg.partnerships[0];
  CHECK(p.members[0].org == 1);
  CHECK(p.parent == Index{1});
  CHECK(p.themes == std::vector<Index>{0});
  CHECK(p.commitments[0].hours == 3.5);
  CHECK(p.commitments[0].officer == "Officer");
  CHECK_FALSE(l.reg.council_role(p));
  // An empty partnership is allowed but pointed out.
  REQUIRE(l.warnings.size() == 1);
  CHECK_THAT(format_problem(l.warnings[0]), Catch::Contains("partnerships[1] \"Q\": members: the partnership has no members"));
}

TEST_CASE("unknown fields are kept and warned about, with a suggestion", "[load]") {
  const Loaded l = load_register_file(data_file("good/unknown-fields.json"));
  REQUIRE(l.warnings.size() == 2);
  CHECK_THAT(format_problem(l.warnings[0]), Catch::Contains("\"indicator\" is not part of partnermap/1") &&
                                                Catch::Contains("did you mean \"indicators\"?"));
  CHECK(l.reg.partnerships[0].extra["indicator"][0] == "crime down");
  CHECK(l.reg.extra["lead_officer"] == "x");
  CHECK_FALSE(l.reg.partnerships[0].indicators);
}

TEST_CASE("every optional field of a partnership is read", "[load]") {
  std::string text = kSmall;
  text.replace(text.find("\"members\""), 0, R"("accountable_body": "pol", "stage": "running",
    "start": "2003-04-01", "end": "2006-03-31", "budget": {"total": 120000, "council": 30000},
    "posts": {"permanent": 5, "funded_until": "2006-03-31"}, "indicators": ["crime down"],
    "evaluation": "annual report", "management": "board", "exit_strategy": "mainstreaming",
    "risk": "high", "last_review": "2004-03-01", "survey": {"responses": 20, "satisfied": 15},
    "commitments": [{"unit": "housing", "hours": 12}], "themes": ["safer"], )");
  const Partnership p = load_register_text(text, "r.json").reg.partnerships[0];
  CHECK(p.accountable_body == Index{1});
  CHECK(p.stage == Stage::running);
  CHECK(to_iso(*p.start) == "2003-04-01");
  CHECK(to_iso(*p.end) == "2006-03-31");
  CHECK(p.budget->total == 120000);
  CHECK(p.budget->council == 30000);
  CHECK(p.posts->permanent == 5);
  CHECK(to_iso(*p.posts->funded_until) == "2006-03-31");
  CHECK(*p.indicators == std::vector<std::string>{"crime down"});
  CHECK(*p.evaluation == "annual report");
  CHECK(*p.management == "board");
  CHECK(p.exit_strategy == ExitStrategy::mainstreaming);
  CHECK(p.risk == Risk::high);
  CHECK(to_iso(*p.last_review) == "2004-03-01");
  CHECK(p.survey->satisfied == 15);
  CHECK(p.commitments.size() == 1);
  CHECK(p.themes.size() == 1);
  CHECK(p.active_on(*parse_iso_date("2003-04-01")));
  CHECK(p.active_on(*parse_iso_date("2006-03-31")));
  CHECK_FALSE(p.active_on(*parse_iso_date("2006-04-01")));
  CHECK_FALSE(p.active_on(*parse_iso_date("2003-03-31")));
}

TEST_CASE("a top-level field written twice is an error", "[load]") {
  std::string text = kSmall;
  text.replace(text.find("\"as_of\""), 0, "\"as_of\": \"2003-01-01\", ");
  CHECK_THROWS_WITH(load_register_text(text, "r.json"), Catch::Contains("\"as_of\" is written twice"));
}

TEST_CASE("a list written as something else is named", "[load]") {
  std::string text = kSmall;
  text.replace(text.find("[{\"id\": \"safer\""), 33, "{}");
  CHECK_THROWS_WITH(load_register_text(text, "r.json"), Catch::Contains("themes: should be a list in [ ], not an object"));
}

TEST_CASE("files that cannot be read are named", "[load]") {
  CHECK_THROWS_WITH(load_register_file(data_file("no-such-file.json")), Catch::Contains("there is no file here"));
  CHECK_THROWS_WITH(load_register_file(data_file("bad")), Catch::Contains("is a folder"));
  LoadLimits small;
  small.max_bytes = 100;
  CHECK_THROWS_WITH(load_register_file(data_file("good/small.json"), small), Catch::Contains("is larger than"));
}

TEST_CASE("the bundled Carlisle register loads without errors", "[load]") {
  const Loaded l = load_register_file(partnermap::test::carlisle());
  CHECK(l.reg.partnerships.size() >= 25);
  CHECK(l.reg.organisations.size() >= 35);
  CHECK(l.reg.business_units.size() >= 8);
  CHECK(l.reg.themes.size() >= 6);
}

TEST_CASE("check_register holds registers built in code to the same rules", "[load]") {
  Register r;
  r.organisations = {{"a", "A", "", {}}};
  r.partnerships.resize(2);
  r.partnerships[0].id = "p";
  r.partnerships[0].name = "P";
  r.partnerships[1].id = "p";
  r.partnerships[1].name = "P2";
  r.partnerships[0].members = {{0, Role::lead, {}}, {5, Role::support, {}}};
  r.partnerships[1].members = {{0, Role::lead, {}}};
  std::string all;
  for (const Problem& p : check_register(r, "code")) all += format_problem(p) + "\n";
  CHECK_THAT(all, Catch::Contains("partnerships[1] \"P2\": id: \"p\" is already the id of partnerships[0]"));
  CHECK_THAT(all, Catch::Contains("members[1].org: refers to no organisation"));
}

TEST_CASE("text holding control characters or direction overrides loads, with a warning naming it", "[load]") {
  std::string text = kSmall;
  text.replace(text.find("\"Police\""), 8, R"("Pol\u202Eice")");
  text.replace(text.find("\"Safer\""), 7, R"("Safe\u001b[8mr")");
  const Loaded l = load_register_text(text, "r.json");
  CHECK(l.reg.organisations[1].name == "Pol\xE2\x80\xAEice");  // kept as typed
  REQUIRE(l.warnings.size() == 2);
  CHECK_THAT(format_problem(l.warnings[0]), Catch::Contains("themes[0] \"Safe") &&
                                                Catch::Contains("name: holds an escape character (U+001B) at character 5") &&
                                                Catch::Contains("Remove it from the register"));
  CHECK_THAT(format_problem(l.warnings[1]), Catch::Contains("organisations[1]") &&
                                                Catch::Contains("holds a direction override (U+202E) at character 4"));
}
