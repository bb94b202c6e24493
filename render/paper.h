// The paper a briefing and its diagrams are printed on.
#pragma once

#include <cstdint>

namespace partnermap::render {

enum class Paper : std::uint8_t { a4, a3 };

// "a4" or "a3".
inline const char* to_string(Paper p) { return p == Paper::a3 ? "a3" : "a4"; }

}  // namespace partnermap::render
