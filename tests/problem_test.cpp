#include <catch2/catch.hpp>

#include "partnermap/problem.h"

using namespace partnermap;

TEST_CASE("format_problem puts the place first and marks warnings", "[problem]") {
  CHECK(format_problem({Severity::error, "r.json:4:2", "syntax error"}) == "r.json:4:2: syntax error");
  CHECK(format_problem({Severity::warning, "r.json", "kept"}) == "warning: r.json: kept");
  CHECK(format_problem({Severity::error, "", "no place"}) == "no place");
}

TEST_CASE("count_errors ignores warnings", "[problem]") {
  std::vector<Problem> ps = {{Severity::warning, "", "a"}, {Severity::error, "", "b"}, {Severity::error, "", "c"}};
  CHECK(count_errors(ps) == 2);
}

TEST_CASE("InputError's message is its first error", "[problem]") {
  InputError e({{Severity::warning, "w", "first"}, {Severity::error, "e", "second"}});
  CHECK(std::string(e.what()) == "e: second");
  CHECK(e.problems().size() == 2);
}

TEST_CASE("nearest suggests a likely typo and nothing for a stranger", "[problem]") {
  const std::vector<std::string> ids = {"nhs-pct", "police", "carlisle-cc", "cumbria-cc"};
  CHECK(nearest("nhs-pc", ids) == "nhs-pct");
  CHECK(nearest("POLICE", ids) == "police");
  CHECK(nearest("carlisle-c", ids) == "carlisle-cc");
  CHECK(nearest("fire", ids).empty());
  CHECK(nearest("x", ids).empty());
  CHECK(nearest("anything", {}).empty());
  CHECK(nearest("cps", {"csp", "abc"}) == "csp");  // two letters swapped is one slip
}

TEST_CASE("entry_place names the list, the position and the entry", "[problem]") {
  CHECK(entry_place("r.json", "partnerships", 12, "Sure Start") == "r.json: partnerships[12] \"Sure Start\"");
  CHECK(entry_place("", "themes", 0, "") == "themes[0]");
  CHECK(entry_place("r.json", "themes", 1, "a\nb") == "r.json: themes[1] \"a?b\"");
  const std::string long_name(100, 'x');
  CHECK_THAT(entry_place("r", "themes", 0, long_name), Catch::EndsWith("...\""));
  // A long name cut at 80 bytes never splits a UTF-8 character.
  std::string accents;
  for (int i = 0; i < 60; ++i) accents += "\xC3\xA9";
  const std::string place = entry_place("r", "themes", 0, accents);
  CHECK(place.find("\xC3...") == std::string::npos);
}
