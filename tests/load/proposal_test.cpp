// Reading a proposed partnership against a register: both forms, new partners, and every mistake
// reported at its place in the proposal, all at once.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "partnermap/assess.h"
#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;
using partnermap::test::data_file;

namespace {

const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2004-09-01", "council": "cc",
  "themes": [{"id": "safer", "name": "Safer"}, {"id": "health", "name": "Health"}],
  "business_units": [{"id": "housing", "name": "Housing", "capacity_hours": 100}],
  "organisations": [{"id": "cc", "name": "Council"}, {"id": "ccvs", "name": "Carlisle CVS"},
                    {"id": "pol", "name": "Police"}],
  "partnerships": [{"id": "csp", "name": "Safety", "nature": "strategic",
    "members": [{"org": "cc", "role": "lead"}, {"org": "pol", "role": "support"}]}]
})";

Register small() { return load_register_text(kRegister, "r.json").reg; }

std::string problems_of(const Register& reg, const std::string& text) {
  try {
    read_proposal_text(reg, text, "proposal.json");
  } catch (const InputError& e) {
    std::string out;
    for (const Problem& p : e.problems()) out += format_problem(p) + "\n";
    return out;
  }
  return "";
}

}  // namespace

TEST_CASE("a proposal with new partners is read into a copy of the register", "[assess][load]") {
  const Register reg = small();
  const Proposal p = read_proposal_text(reg, R"({
    "partnership": {"id": "forum", "name": "Forum", "nature": "operational", "parent": "csp",
      "members": [{"org": "cc", "role": "support"}, {"org": "new-org", "role": "lead"}, {"org": "ccvs", "role": "support"}],
      "commitments": [{"unit": "housing", "hours": 4}], "themes": ["health"], "accountable_body": "new-org"},
    "organisations": [{"id": "new-org", "name": "New Organisation", "sector": "voluntary"}]})",
                                        "proposal.json");
  CHECK(p.warnings.empty());
  REQUIRE(p.reg.organisations.size() == 4);
  CHECK(p.reg.organisations[3].id == "new-org");
  CHECK(p.reg.organisations[3].sector == "voluntary");
  CHECK(p.new_organisations == std::vector<Index>{3});
  REQUIRE(p.reg.partnerships.size() == 2);
  CHECK(p.partnership == 1);
  const Partnership& x = p.reg.partnerships[1];
  CHECK(x.id == "forum");
  REQUIRE(x.members.size() == 3);
  CHECK(x.members[1].org == 3);
  CHECK(x.members[2].org == 1);
  CHECK(x.commitments[0].unit == 0);
  CHECK(x.themes == std::vector<Index>{1});
  CHECK(x.parent == Index{0});
  CHECK(x.accountable_body == Index{3});
  CHECK(reg.partnerships.size() == 1);  // the register itself is left as it was
  CHECK(reg.organisations.size() == 3);
}

TEST_CASE("a bare partnership object is a proposal too, and may carry organisations", "[assess][load]") {
  const Register reg = small();
  const Proposal p = read_proposal_text(reg, R"({"id": "forum", "name": "Forum", "nature": "project",
      "members": [{"org": "cc", "role": "lead"}, {"org": "x", "role": "support"}],
      "organisations": [{"id": "x", "name": "X"}]})",
                                        "proposal.json");
  CHECK(p.reg.partnerships.back().id == "forum");
  CHECK(p.reg.partnerships.back().members.size() == 2);
  CHECK(p.reg.partnerships.back().extra.is_null());  // "organisations" is not kept as a field of the partnership
  CHECK(p.new_organisations.size() == 1);
}

TEST_CASE("a reference to nothing names its place, the id and the nearest id", "[assess][load]") {
  const Register reg = small();
  const std::string wrapped = problems_of(reg, R"({"partnership": {"id": "f", "name": "F", "nature": "project",
      "members": [{"org": "cc", "role": "lead"}, {"org": "pol", "role": "support"}, {"org": "cvs", "role": "support"}],
      "commitments": [{"unit": "housng", "hours": 2}], "themes": ["safety"], "parent": "cps",
      "accountable_body": "poll"}})");
  CHECK_THAT(wrapped, Catch::Contains("proposal.json: partnership.members[2].org: no organisation \"cvs\" in the "
                                      "register or the proposal's \"organisations\" (did you mean \"ccvs\"?); list a "
                                      "new partner under \"organisations\""));
  CHECK_THAT(wrapped, Catch::Contains("proposal.json: partnership.commitments[0].unit: no Business Unit \"housng\" in "
                                      "the register (did you mean \"housing\"?)"));
  CHECK_THAT(wrapped, Catch::Contains("proposal.json: partnership.themes[0]: no theme \"safety\" in the register "
                                      "(did you mean \"safer\"?)"));
  CHECK_THAT(wrapped, Catch::Contains("proposal.json: partnership.parent: no partnership \"cps\" in the register "
                                      "(did you mean \"csp\"?)"));
  CHECK_THAT(wrapped, Catch::Contains("proposal.json: partnership.accountable_body: no organisation \"poll\""));
  CHECK_THAT(wrapped, Catch::Contains("5 errors found") || !Catch::Contains("x"));
  // In the bare form the paths start at the partnership's own fields.
  const std::string bare = problems_of(reg, R"({"id": "f", "name": "F", "nature": "project",
      "members": [{"org": "cvs", "role": "lead"}]})");
  CHECK_THAT(bare, Catch::StartsWith("proposal.json: members[0].org: no organisation \"cvs\""));
}

TEST_CASE("every mistake in a proposal is reported at once", "[assess][load]") {
  const Register reg = small();
  try {
    read_proposal_text(reg, R"({"partnership": {"id": "f", "name": "F", "nature": "strategc",
        "members": [{"org": "cc", "role": "partner"}, {"org": "nobody", "role": "lead"}],
        "commitments": [{"unit": "housing", "hours": -3}], "start": "2005-02-30"}})",
                       "proposal.json");
    FAIL("read");
  } catch (const InputError& e) {
    CHECK(count_errors(e.problems()) == 5);
    std::string all;
    for (const Problem& p : e.problems()) all += format_problem(p) + "\n";
    CHECK_THAT(all, Catch::Contains("partnership.nature: \"strategc\" is not one of") &&
                        Catch::Contains("did you mean \"strategic\"?"));
    CHECK_THAT(all, Catch::Contains("partnership.members[0].role: \"partner\" is not one of: lead, support, observer"));
    CHECK_THAT(all, Catch::Contains("partnership.members[1].org: no organisation \"nobody\""));
    CHECK_THAT(all, Catch::Contains("partnership.commitments[0].hours: is negative (-3)"));
    CHECK_THAT(all, Catch::Contains("partnership.start: \"2005-02-30\" is not a day of the calendar"));
  }
}

TEST_CASE("broken proposal files are refused with their place", "[assess][load]") {
  const Register reg = small();
  struct Case {
    const char* text;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"", "proposal.json: the file is empty; a proposal is a JSON object"},
      {"  \n ", "proposal.json: the file is empty"},
      {"[1, 2]", "proposal.json: a proposal must be one JSON object, starting with {"},
      {"\"text\"", "proposal.json: a proposal must be one JSON object"},
      {"{\n  \"partnership\": {\n    \"id\" \"x\"}}", "proposal.json:3:12: syntax error"},
      {R"({"partnership": [1]})", "proposal.json: partnership: should be an object in { } with the partnership's "
                                  "fields, not a list"},
      {R"({"partnership": {}, "organisations": {"id": "x"}})",
       "proposal.json: organisations: should be a list in [ ] of new organisations, not an object"},
      {R"({"partnership": {"name": "F", "nature": "project", "members": []}})",
       "proposal.json: partnership: the field \"id\" is missing"},
      {R"({"id": "", "name": "F", "nature": "project", "members": []})", "proposal.json: id: is empty"},
      {R"({"id": "csp", "name": "F", "nature": "project", "members": []})",
       "proposal.json: id: \"csp\" is already the id of a partnership in the register (\"Safety\"); give the "
       "proposal an id of its own"},
      {R"({"id": "f", "name": "F", "nature": "project", "members": [], "parent": "f"})",
       "proposal.json: parent: the proposal is its own parent"},
      {R"({"id": "f", "name": "F", "nature": "project", "members": [], "organisations": [{"id": "ccvs", "name": "C"}]})",
       "proposal.json: organisations[0] \"C\": id: \"ccvs\" is already an organisation in the register (\"Carlisle "
       "CVS\"); name it in the partnership by its id and leave it out of \"organisations\""},
      {R"({"id": "f", "name": "F", "nature": "project", "members": [],
           "organisations": [{"id": "n", "name": "N"}, {"id": "n", "name": "M"}]})",
       "proposal.json: organisations[1] \"M\": id: \"n\" is already the id of organisations[0]"},
      {R"({"id": "f", "name": "F", "nature": "project", "members": [], "organisations": [{"id": "", "name": "N"}]})",
       "proposal.json: organisations[0] \"N\": id: is empty"},
      {R"({"id": "f", "name": "F", "nature": "project", "members": [], "organisations": [3]})",
       "proposal.json: organisations[0]: should be an object like {\"id\": \"...\", \"name\": \"...\"}, not a number"},
      {R"({"id": "f", "name": "F", "nature": "project", "members": [], "start": "2005-01-01", "end": "2004-01-01"})",
       "proposal.json: end: 2004-01-01 is before the start, 2005-01-01"},
      {R"({"partnership": {"id": "f", "name": "F", "nature": "project", "members": [],
           "survey": {"responses": 2, "satisfied": 3}}})",
       "proposal.json: partnership.survey.satisfied: 3 is more than the 2 responses"},
      {R"({"id": "f", "id": "g", "name": "F", "nature": "project", "members": []})",
       "proposal.json: the field \"id\" is written twice at the top; keep one"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THAT(problems_of(reg, c.text), Catch::Contains(c.expected));
  }
}

TEST_CASE("a proposal nested too deep is refused in a proposal's words", "[assess][load]") {
  const Register reg = small();
  const std::string deep = R"({"id": "f", "notes": )" + std::string(100, '[') + std::string(100, ']') + "}";
  CHECK_THAT(problems_of(reg, deep),
             Catch::Contains("proposal.json: notes: is nested more than 64 levels deep; a proposal never needs that many"));
}

TEST_CASE("a proposal larger than the limit is refused before it is parsed", "[assess][load]") {
  const Register reg = small();
  CHECK_THROWS_WITH(read_proposal_text(reg, std::string(100, ' '), "proposal.json", 10),
                    Catch::Contains("far more than one proposed partnership"));
}

TEST_CASE("unknown fields in a proposal are warnings, with a suggestion", "[assess][load]") {
  const Register reg = small();
  const Proposal p = read_proposal_text(reg, R"({"partnership": {"id": "f", "name": "F", "nature": "project",
      "members": [{"org": "cc", "role": "lead"}, {"org": "cc", "role": "lead"}], "indicator": ["x"],
      "budget": {"total": 10, "council": 20}}, "organisation": []})",
                                        "proposal.json");
  std::string all;
  for (const Problem& w : p.warnings) all += format_problem(w) + "\n";
  CHECK(count_errors(p.warnings) == 0);
  CHECK_THAT(all, Catch::Contains("warning: proposal.json: partnership: the field \"indicator\" is not part of "
                                  "partnermap/1; it is kept as it is (did you mean \"indicators\"?)"));
  CHECK_THAT(all, Catch::Contains("warning: proposal.json: the field \"organisation\" is not part of a proposal") &&
                      Catch::Contains("(did you mean \"organisations\"?)"));
  CHECK_THAT(all, Catch::Contains("warning: proposal.json: partnership.members[1].org: \"cc\" is already members[0]"));
  CHECK_THAT(all, Catch::Contains("warning: proposal.json: partnership.budget.council: the council's £20 is more than "
                                  "the total budget"));
}

TEST_CASE("the example proposals read against the Carlisle register", "[assess][load]") {
  const Register reg = load_register_file(partnermap::test::carlisle()).reg;
  for (const char* name : {"heritage-trail", "older-peoples-forum", "community-safety-group"}) {
    INFO(name);
    const Proposal p = read_proposal_file(reg, std::string(PARTNERMAP_DATASETS) + "/proposals/" + name + ".json");
    CHECK(p.warnings.empty());
    CHECK(p.reg.partnerships.back().id == name);
    CHECK(p.new_organisations.size() == 1);
  }
}

TEST_CASE("a proposal file that is not there is named", "[assess][load]") {
  const Register reg = small();
  CHECK_THROWS_WITH(read_proposal_file(reg, data_file("proposals/no-such-file.json")),
                    Catch::Contains("there is no file here"));
}

TEST_CASE("a proposal's dates and names are read the way the import reads them", "[assess][load]") {
  const Register reg = small();
  const Proposal p = read_proposal_text(reg, R"({
    "partnership": {"id": "forum", "name": "Forum", "nature": "operational", "parent": "Safety",
      "start": "1/4/2003", "end": "31 March 2008", "last_review": "April 2004", "posts": {"permanent": 1, "funded_until": "31/03/2007"},
      "members": [{"org": "Council", "role": "lead"}, {"org": "carlisle cvs", "role": "support"}, {"org": "New Organisation", "role": "support"}],
      "commitments": [{"unit": "Housing", "hours": 4}], "themes": ["Health"], "accountable_body": "Police"},
    "organisations": [{"id": "new-org", "name": "New Organisation"}]})",
                                        "proposal.json");
  const Partnership& x = p.reg.partnerships[p.partnership];
  CHECK(to_iso(*x.start) == "2003-04-01");
  CHECK(to_iso(*x.end) == "2008-03-31");
  CHECK(to_iso(*x.last_review) == "2004-04-01");
  CHECK(to_iso(*x.posts->funded_until) == "2007-03-31");
  REQUIRE(x.members.size() == 3);
  CHECK(x.members[0].org == 0);
  CHECK(x.members[1].org == 1);
  CHECK(x.members[2].org == 3);
  CHECK(x.commitments[0].unit == 0);
  CHECK(x.themes == std::vector<Index>{1});
  CHECK(x.parent == std::optional<Index>(0));
  CHECK(x.accountable_body == std::optional<Index>(2));
  std::string warnings;
  for (const Problem& w : p.warnings) warnings += format_problem(w) + "\n";
  INFO(warnings);
  REQUIRE(p.warnings.size() == 1);
  CHECK(format_problem(p.warnings[0]) ==
        "warning: proposal.json: partnership.last_review: \"April 2004\" gives no day, so it is read as 1 April 2004, the "
        "first of the month; write the day if it is another");
  CHECK(problems_of(reg, R"({"id": "x", "name": "X", "nature": "project", "start": "12/31/2005",
                             "members": [{"org": "cc", "role": "lead"}]})") ==
        "proposal.json: start: \"12/31/2005\" is not a date: there is no month 31; dates are read day/month/year (UK order), "
        "so write 31/12/2005 for 31 December 2005 (or 2005-12-31)\n");
  CHECK_THAT(problems_of(reg, R"({"id": "x", "name": "X", "nature": "project", "members": [{"org": "Nobody", "role": "lead"}]})"),
             Catch::Contains("no organisation \"Nobody\" in the register"));
}
