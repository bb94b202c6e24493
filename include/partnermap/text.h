// Characters in register text that act rather than show.
//
// Register text is typed by many hands and pasted from other organisations' papers. A few characters
// in it would do something rather than show: control characters (not allowed in XML; commands to a
// terminal), the bidirectional embeddings, overrides and isolates (which make "Trust" read as
// "tsurT") and the zero-width characters (which make two names that look the same differ). The loader warns about them; every output meant for a person shows them as U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace partnermap {

// The length in bytes of the character starting at text[i] when it acts rather than shows, else 0.
// Active: C0 controls other than tab, line feed and carriage return; DEL; the C1 controls
// U+0080..U+009F; U+202A..U+202E and U+2066..U+2069; the zero-width U+200B..U+200D, U+2060 and
// U+FEFF; U+FFFE and U+FFFF (not characters at all).
std::size_t active_character_length(std::string_view text, std::size_t i);

// What the active character at text[i] is, for messages: "a right-to-left override (U+202E)".
std::string describe_active_character(std::string_view text, std::size_t i);

}  // namespace partnermap
