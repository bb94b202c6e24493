#include <catch2/catch.hpp>

#include "partnermap/text.h"

using namespace partnermap;

TEST_CASE("text: control characters, C1 controls, direction controls and noncharacters act", "[text]") {
  CHECK(active_character_length("\x1B[2J", 0) == 1);
  CHECK(active_character_length("\a", 0) == 1);
  CHECK(active_character_length(std::string_view("\0", 1), 0) == 1);
  CHECK(active_character_length("\x7F", 0) == 1);
  CHECK(active_character_length("\xC2\x9B", 0) == 2);
  CHECK(active_character_length("\xE2\x80\xAE", 0) == 3);  // right-to-left override
  CHECK(active_character_length("\xE2\x80\xAA", 0) == 3);  // left-to-right embedding
  CHECK(active_character_length("\xE2\x81\xA9", 0) == 3);  // pop directional isolate
  CHECK(active_character_length("\xEF\xBF\xBF", 0) == 3);
  CHECK(active_character_length("\xE2\x80\x8B", 0) == 3);  // zero-width space
  CHECK(active_character_length("\xE2\x80\x8C", 0) == 3);  // zero-width non-joiner
  CHECK(active_character_length("\xE2\x80\x8D", 0) == 3);  // zero-width joiner
  CHECK(active_character_length("\xE2\x81\xA0", 0) == 3);  // word joiner
  CHECK(active_character_length("\xEF\xBB\xBF", 0) == 3);  // zero-width no-break space
}

TEST_CASE("text: ordinary characters, tabs and line breaks do not act", "[text]") {
  for (std::string_view s : {"a", "\t", "\n", "\r", "\xC2\xA3", "\xE2\x9C\x93", "\xE2\x80\x8F", "\xD8\xB9", "\xEF\xBF\xBD"})
    CHECK(active_character_length(s, 0) == 0);
  CHECK(active_character_length("", 0) == 0);
  CHECK(active_character_length("\xE2\x80", 0) == 0);  // cut short: not one of them
}

TEST_CASE("text: active characters are described with their code point", "[text]") {
  CHECK(describe_active_character("\x1B", 0) == "an escape character (U+001B)");
  CHECK(describe_active_character("\a", 0) == "a control character (U+0007)");
  CHECK(describe_active_character("\xC2\x9B", 0) == "a C1 control character (U+009B)");
  CHECK(describe_active_character("\xE2\x80\xAE", 0) == "a direction override (U+202E)");
  CHECK(describe_active_character("\xE2\x81\xA6", 0) == "a direction isolate (U+2066)");
  CHECK(describe_active_character("\xE2\x80\xAB", 0) == "a direction embedding (U+202B)");
  CHECK(describe_active_character("\xEF\xBF\xBE", 0) == "a noncharacter (U+FFFE)");
  CHECK(describe_active_character("\xE2\x80\x8B", 0) == "a zero-width character (U+200B)");
  CHECK(describe_active_character("\xE2\x81\xA0", 0) == "a zero-width character (U+2060)");
  CHECK(describe_active_character("\xEF\xBB\xBF", 0) == "a byte-order mark (U+FEFF)");
}
