// Synthetic registers for scale tests and the benchmark: deterministic, with the shape of real ones.
//
// Shape: the register of many councils' partnerships. Partnerships come in localities of about 100
// (a district and its partnerships), each drawing its members from its own organisations: a core of
// a tenth of them (the district council, police, health, the voluntary sector's umbrella body...) sits
// in most of the locality's partnerships, the rest (community groups, local firms, schools) in one to
// a few. A few national bodies (one per 2,000 organisations) sit in partnerships everywhere, the
// busiest in under 1% of them; the register's own Council in its share of all partnerships
// (`council_share`). A register of one council's partnerships (under 150 of them) is one locality.
// Every partnership has 3 to 30 members (uniform, so about 16.5 on average), and every field of
// partnermap/1 is in use: Business Units with capacities, the council's commitments of staff time to
// the partnerships it is in, themes, parents (an earlier partnership of the same locality, one of its
// first ten: its strategic and theme partnerships; so never a cycle), dates, budgets, posts,
// indicators, reviews, surveys. Every organisation is in at least one partnership when there are
// enough member places for that.
//
// Why localities: how often the same partners meet sets the partner network's size. One national
// popularity ranking put the busiest partners in thousands of partnerships each (15M pairs of
// organisations meeting on the national preset); localities give about 4.7M.
//
// Heavy-tailed popularity (`Popularity::heavy_tailed`): the same, plus a dozen county-wide bodies (the
// county council, the police, the health body...) in a share of all partnerships that falls with
// their rank: the busiest in about a third of them, the next in a sixth, a ninth, and so on. This is
// the shape of a county-wide data hub, where a few partners sit in thousands of partnerships each.
//
// Determinism: the same settings give the same register, byte for byte once saved, on every run and
// machine. The random numbers are std::mt19937_64 (its output is fixed by the standard) turned into
// integers and reals by the functions in generate.cpp, not by std::uniform_int_distribution and
// friends, whose algorithms differ between standard libraries (libstdc++ and libc++ give different
// numbers from the same engine).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "partnermap/model.h"

namespace partnermap {

// How often the busiest partners appear: see above.
enum class Popularity : std::uint8_t { localities, heavy_tailed };

struct GenerateSettings {
  std::size_t organisations = 500;  // the council included
  std::size_t partnerships = 300;
  std::uint64_t seed = 1;
  std::size_t business_units = 0;  // 0: from the register's size (10 to 400)
  std::size_t themes = 0;          // 0: from the register's size (8 to 24)
  // Share of partnerships the council is a member of (it commits staff time only to those).
  double council_share = 0.9;
  Popularity popularity = Popularity::localities;
  // Called now and then with (partnerships made, partnerships to make). The core never prints.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// The named sizes: "council" (500 organisations, 300 partnerships), "county" (20,000 and 10,000),
// "national" (200,000 and 100,000, about 1.65M memberships). None for another name.
std::optional<GenerateSettings> generate_preset(std::string_view name);

// Makes a register that passes check_register. Throws std::invalid_argument when there are no
// organisations, or too few (under 30) for a partnership of up to 30 distinct members.
Register generate_register(const GenerateSettings& settings);

}  // namespace partnermap
