#include <catch2/catch.hpp>

#include "import/text.h"

using namespace partnermap::import;

TEST_CASE("import text: slugs are lower-case words joined by hyphens", "[import]") {
  CHECK(slug("Carlisle City Council", "x") == "carlisle-city-council");
  CHECK(slug("Strategic & Performance Services", "x") == "strategic-and-performance-services");
  CHECK(slug("St Martin's College (Carlisle campus)", "x") == "st-martins-college-carlisle-campus");
  CHECK(slug("St Martin\xE2\x80\x99s", "x") == "st-martins");
  CHECK(slug("  --  ", "organisation") == "organisation");
  CHECK(slug("\xE2\x9C\x93", "theme") == "theme");
  CHECK(slug(std::string(100, 'a'), "x").size() == 48);
}

TEST_CASE("import text: fold ignores case, spacing and punctuation", "[import]") {
  CHECK(fold("Council role") == fold("COUNCIL-ROLE"));
  CHECK(fold("Culture & Leisure") == "cultureandleisure");
}

TEST_CASE("import text: trimming takes spaces and non-breaking spaces off the edges only", "[import]") {
  CHECK(trim("  a  b \t\r\n") == "a  b");
  CHECK(trim("\xC2\xA0Housing\xC2\xA0") == "Housing");
  CHECK(trim("") == "");
}

TEST_CASE("import text: lists split on ';' and line breaks", "[import]") {
  CHECK(split_list("a; b;;c\nd\r\n e ") == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(split_list(" ; ").empty());
}

TEST_CASE("import text: UTF-8 is checked and Windows-1252 converted", "[import]") {
  CHECK(valid_utf8("\xC2\xA3" "85"));
  CHECK_FALSE(valid_utf8("\xA3" "85"));
  CHECK_FALSE(valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(valid_utf8("\xE2\x9C"));          // cut short
  CHECK(windows1252_to_utf8("\xA3" "85 \x93q\x94") == "\xC2\xA3" "85 \xE2\x80\x9Cq\xE2\x80\x9D");
}

TEST_CASE("import text: a formula neutralised by the matrix is read back as written", "[import]") {
  CHECK(unneutralise("'=SUM(A1:A9)") == "=SUM(A1:A9)");
  CHECK(unneutralise("'quoted'") == "'quoted'");
}
