// Registers of adversarial shape: one partnership with 100,000 members, one organisation in 20,000
// partnerships, a chain of sub-partnerships 10,000 deep, ids that collide once capitals are ignored.
// Each must go through the commands in about the time a realistic register of the same size takes:
// the test runs the same commands on a generated register of about as many bytes and checks the
// ratio of the times, never a time on its own, so that a slow or busy machine does not fail it.
// Written here, never committed: the files are megabytes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "support.h"

using namespace partnermap::test;

namespace {

// A blow-up that is quadratic is hundreds of times slower at these sizes; 10x leaves room for noise.
constexpr double kRatio = 10;
// Below this a command's time is mostly starting the process; compare with at least this much.
constexpr double kFloorSeconds = 0.25;
// A generated register takes about this many bytes per partnership (with two organisations each).
constexpr std::size_t kBytesPerPartnership = 1300;

// Appends `item` to a JSON list being built, after a comma unless it is the first. (Appended rather
// than written ", " + item: GCC 12 warns falsely, -Wrestrict, on a C string + std::string&&.)
void add(std::string& list, bool first, const std::string& item) {
  if (!first) list += ", ";
  list += item;
}

// "o12": an id made of a prefix and a number.
std::string id(const char* prefix, std::size_t i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

std::string parent_field(const std::string& parent) {
  std::string s = R"(, "parent": ")";
  s += parent;
  s += '"';
  return s;
}

std::string head(const std::string& council) {
  return R"({"format": "partnermap/1", "as_of": "2005-01-01", "council": ")" + council +
         R"(", "themes": [{"id": "t", "name": "Theme"}], "business_units": [{"id": "u", "name": "Unit", "capacity_hours": 100}],)";
}

std::string org(const std::string& id) { return R"({"id": ")" + id + R"(", "name": "Organisation )" + id + R"("})"; }
std::string member(const std::string& id, const char* role) {
  return R"({"org": ")" + id + R"(", "role": ")" + role + R"("})";
}

// "o0", "o1"... joined as a JSON list of organisations.
std::string organisations(std::size_t n) {
  std::string s = R"("organisations": [)";
  for (std::size_t i = 0; i < n; ++i) add(s, i == 0, org(id("o", i)));
  return s + "],";
}

std::string partnership(const std::string& id, const std::string& members, const std::string& more = "") {
  return R"({"id": ")" + id + R"(", "name": "Partnership )" + id + R"(", "nature": "strategic", "members": [)" + members +
         R"(], "commitments": [{"unit": "u", "hours": 2}], "themes": ["t"])" + more + "}";
}

double seconds(const std::string& args, int expected_status, std::string* err = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  const Run r = run_partnermap(args);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("partnermap " << args << "\n" << r.err.substr(0, 2000));
  CHECK(r.status == expected_status);
  if (err) *err = r.err;
  return took;
}

struct Command {
  std::string args;  // REGISTER, OUT and COUNCIL stand for the register, an output file and the council's id
  int adversarial_status = 0;
};

std::string expand(std::string args, const std::string& reg, const std::string& out, const std::string& council) {
  const auto put = [&](const std::string& word, const std::string& value) {
    for (auto at = args.find(word); at != std::string::npos; at = args.find(word, at + value.size()))
      args.replace(at, word.size(), value);
  };
  put("REGISTER", "'" + reg + "'");
  put("OUT", "'" + out + "'");
  put("COUNCIL", council);
  return args;
}

// Runs each command on `text` and on a generated register of about its size; each must take at
// most kRatio times as long on the adversarial one.
void compare_with_generated(const std::string& text, const std::string& council, const std::vector<Command>& commands) {
  TempDir dir;
  const std::string adversarial = (dir / "adversarial.json").string();
  write_text(adversarial, text);
  const std::size_t partnerships = std::max<std::size_t>(100, text.size() / kBytesPerPartnership);
  const std::string generated = (dir / "generated.json").string();
  REQUIRE(run_partnermap("generate --organisations " + std::to_string(2 * partnerships) + " --partnerships " +
                         std::to_string(partnerships) + " --seed 7 -o '" + generated + "'")
              .status == 0);
  for (const Command& c : commands) {
    const double ours = seconds(expand(c.args, adversarial, (dir / "a").string(), council), c.adversarial_status);
    const double theirs = seconds(expand(c.args, generated, (dir / "g").string(), "council"), 0);
    INFO(c.args << ": " << ours << " s on the adversarial register (" << text.size() << " bytes), " << theirs
                << " s on a generated one (" << partnermap::test::read_text(generated).size() << " bytes)");
    CHECK(ours <= kRatio * std::max(theirs, kFloorSeconds));
  }
}

const std::string kAnalyse = "analyse REGISTER --betweenness-samples 16 --json";

}  // namespace

TEST_CASE("one partnership with 100,000 members", "[hardening][adversarial]") {
  constexpr std::size_t n = 100000;
  std::string text = head("o0") + organisations(n) + R"("partnerships": [)";
  std::string members;
  for (std::size_t i = 0; i < n; ++i) add(members, i == 0, member(id("o", i), i == 0 ? "lead" : "support"));
  text += partnership("huge", members) + "]}";
  compare_with_generated(text, "o0", {{"validate REGISTER"}, {kAnalyse}, {"matrix REGISTER -o OUT.csv"},
                                      {"diagram REGISTER --view network -o OUT.dot"},
                                      {"diagram REGISTER --view ego:COUNCIL -o OUT.dot"}});
}

TEST_CASE("one organisation in each of 20,000 partnerships", "[hardening][adversarial]") {
  constexpr std::size_t n = 20000;
  std::string text = head("o0") + organisations(n + 1) + R"("partnerships": [)";
  for (std::size_t i = 1; i <= n; ++i)
    add(text, i == 1, partnership(id("p", i), member("o0", "lead") + ", " + member(id("o", i), "support")));
  text += "]}";
  compare_with_generated(text, "o0", {{"validate REGISTER"}, {kAnalyse}, {"matrix REGISTER -o OUT.csv"},
                                      {"diagram REGISTER --view ego:COUNCIL -o OUT.dot"}});
}

TEST_CASE("a chain of sub-partnerships 10,000 deep", "[hardening][adversarial]") {
  constexpr std::size_t n = 10000;
  std::string chain = head("o0") + organisations(n + 1) + R"("partnerships": [)";
  for (std::size_t i = 0; i < n; ++i)
    add(chain, i == 0,
        partnership(id("p", i), member("o0", "lead") + ", " + member(id("o", i + 1), "support"),
                    i ? parent_field(id("p", i - 1)) : ""));
  chain += "]}";
  compare_with_generated(chain, "o0", {{"validate REGISTER"}, {kAnalyse}, {"diagram REGISTER --view hierarchy -o OUT.dot"},
                                       {"matrix REGISTER -o OUT.html"}});

  SECTION("closed into a circle, it is reported once, briefly") {
    std::string circle = chain;
    circle.replace(circle.find(R"("members")"), 0, R"("parent": "p9999", )");  // p0's parent: the last
    TempDir dir;
    write_text(dir / "circle.json", circle);
    const Run r = run_partnermap("validate '" + (dir / "circle.json").string() + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("the parents go round in a circle (p0 -> p9999 -> p9998"));
    CHECK_THAT(r.err, Catch::Contains("more) -> p0)"));
    CHECK(r.err.size() < 2000);
  }
}

TEST_CASE("ids that differ only in capitals", "[hardening][adversarial]") {
  // Ids are case-sensitive: "CSP" and "csp" are two organisations, with a warning that they may be one.
  constexpr std::size_t n = 20000;
  std::string both = head("council") + R"("organisations": [)" + org("council");
  for (std::size_t i = 0; i < n; ++i) {
    add(both, false, org(id("org", i)));
    add(both, false, org(id("ORG", i)));
  }
  both += R"(], "partnerships": [)";
  for (std::size_t i = 0; i < n; ++i)
    add(both, i == 0, partnership(id("p", i), member("council", "lead") + ", " + member(id("org", i), "support") +
                                                                ", " + member(id("ORG", i), "support")));
  both += "]}";

  SECTION("both defined: two entries, each warned about, in linear time") {
    TempDir dir;
    write_text(dir / "r.json", both);
    const Run r = run_partnermap("validate '" + (dir / "r.json").string() + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains(R"(organisations[2] "Organisation ORG0": id: "ORG0" differs only in capitals from the id of organisations[1] "org0")"));
    CHECK_THAT(r.out, Catch::Contains("40001 organisations"));
    compare_with_generated(both, "council", {{"validate REGISTER"}, {kAnalyse}});
  }

  SECTION("only one defined: every reference to the other is an error, with a suggestion, in linear time") {
    std::string lower = both;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string defined = org(id("ORG", i));
      lower.erase(lower.find(", " + defined), defined.size() + 2);
    }
    TempDir dir;
    write_text(dir / "r.json", lower);
    const Run r = run_partnermap("validate '" + (dir / "r.json").string() + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains(R"(members[2].org: "ORG0" is not an organisation in "organisations" (did you mean "org0"?))"));
    CHECK_THAT(r.err, Catch::Contains("20000 errors found"));
    compare_with_generated(lower, "council", {{"validate REGISTER", 2}});
  }
}
