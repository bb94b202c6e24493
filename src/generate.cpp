#include "partnermap/generate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace partnermap {

namespace {

// Portable draws from the engine (see generate.h for why not <random>'s distributions).
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, bound), unbiased: raw values below `threshold` would make the low residues more
  // likely, so they are drawn again.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const std::uint64_t x = engine_();
      if (x >= threshold) return x % bound;
    }
  }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  // Uniform in [0, 1), from the top 53 bits.
  double real() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return real() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::mt19937_64 engine_;
};

std::string numbered(const char* prefix, std::size_t i, int width) {
  char text[64];
  std::snprintf(text, sizeof text, "%s%0*zu", prefix, width, i);
  return text;
}

const std::vector<std::string> kPlaces = {"Northfield", "Riverside", "Eastgate", "Westmoor", "Southbank",
                                          "Highcross", "Millbrook", "Oakley", "Ashton", "Kingsway"};
const std::vector<std::string> kBodies = {
    "Primary Care Trust", "Housing Association", "Chamber of Commerce", "Youth Forum", "Police Division",
    "Fire and Rescue", "Community Trust", "College", "Tenants' Association", "Arts Centre",
    "Credit Union", "Volunteer Centre", "Sports Club", "Business Forum", "Parish Council"};
const std::vector<std::string> kSectors = {"public", "voluntary", "private", "community"};
const std::vector<std::string> kThemeNames = {
    "Economic prosperity", "Learning and skills", "Health and wellbeing", "Safer communities",
    "Environment", "Culture and leisure", "Housing", "Transport", "Children and young people",
    "Older people", "Community cohesion", "Rural affairs"};
const std::vector<std::string> kUnitNames = {
    "Strategic Services", "Community Services", "Economic Development", "Environmental Services",
    "Housing Services", "Legal Services", "Financial Services", "Planning Services", "Culture and Sport",
    "Customer Services"};
const std::vector<std::string> kKinds = {"Partnership", "Forum", "Board", "Network", "Steering Group", "Project"};
const std::vector<std::string> kEvaluations = {"Annual report to the Overview and Scrutiny Committee",
                                               "Independent evaluation at the end of each funding round",
                                               "Quarterly performance report to the board"};
const std::vector<std::string> kManagement = {"Board of partners meeting quarterly",
                                              "Executive group with a council officer as secretary",
                                              "Steering group chaired by the lead partner"};

const std::vector<std::string> kNationalBodies = {
    "Environment Agency", "Arts Council", "Sport England", "Learning and Skills Council", "Housing Corporation",
    "Jobcentre Plus", "Natural England", "English Heritage", "Big Lottery Fund", "Highways Agency",
    "Regional Development Agency", "Government Office"};

// The shape of a register of many councils' partnerships (generate.h says why). Each locality
// ("area") has about kAreaPartnerships partnerships drawn from its own organisations: a core of
// kCoreShare of them fills kCoreSlots of the local member places, the rest are covered once each
// before any is drawn twice. National bodies fill kNationalSlots of all member places.
constexpr std::size_t kAreaPartnerships = 100;
constexpr std::size_t kMinAreaOrganisations = 60;  // room for a partnership of 30 distinct local members
constexpr double kCoreShare = 0.1;                 // of an area's organisations
constexpr double kCoreSlots = 0.85;                // of the member places filled locally
constexpr double kNationalSlots = 0.01;            // of all member places, when there are national bodies
// Popularity inside the core and among national bodies: rank r drawn with weight 1/(r + offset), so
// that the busiest are in about three times as many partnerships as the least busy, not in all.
constexpr double kCoreOffset = 10;
constexpr double kNationalOffset = 10;
// Heavy-tailed popularity: the county-wide bodies, and the share of partnerships the busiest is in
// (the one of rank r is in kHubShare / (r + 1) of them).
const std::vector<std::string> kHubBodies = {
    "County Council", "Constabulary", "Health Board", "Fire and Rescue Service", "Probation Service",
    "Council for Voluntary Service", "Chamber of Commerce", "Housing Partnership", "Further Education College",
    "Wildlife Trust", "Citizens Advice", "Youth Service"};
constexpr double kHubShare = 1.0 / 3.0;

// Sub-partnerships hang under one of an area's first few partnerships (its strategic partnership
// and theme partnerships), as in a council's own register.
constexpr std::size_t kUmbrellas = 10;

// Draws a rank in [0, count) with weight 1/(rank + offset); count may be below the table's size.
struct Zipf {
  std::vector<double> cumulative;

  Zipf(std::size_t size, double offset) {
    double total = 0;
    for (std::size_t r = 0; r < size; ++r) {
      total += 1.0 / (static_cast<double>(r) + offset);
      cumulative.push_back(total);
    }
  }
  std::size_t draw(Random& rng, std::size_t count) const {
    const auto end = cumulative.begin() + static_cast<std::ptrdiff_t>(count);
    const double x = rng.real() * cumulative[count - 1];
    return std::min<std::size_t>(static_cast<std::size_t>(std::upper_bound(cumulative.begin(), end, x) - cumulative.begin()),
                                 count - 1);
  }
};

// One council's area: its organisations are [first, first + size), the core first.
struct Area {
  Index first = 0;
  std::size_t size = 0, core = 0;
  std::vector<Index> cover;  // the non-core organisations in a shuffled order
  std::size_t covered = 0;
};

void shuffle(std::vector<Index>& v, Random& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

}  // namespace

std::optional<GenerateSettings> generate_preset(std::string_view name) {
  GenerateSettings s;
  if (name == "council") {
    s.organisations = 500;
    s.partnerships = 300;
    s.council_share = 0.9;
  } else if (name == "county") {
    s.organisations = 20'000;
    s.partnerships = 10'000;
    s.council_share = 0.3;
  } else if (name == "national") {
    s.organisations = 200'000;
    s.partnerships = 100'000;
    s.council_share = 0.05;
  } else {
    return std::nullopt;
  }
  return s;
}

Register generate_register(const GenerateSettings& settings) {
  const std::size_t n_orgs = settings.organisations, n_parts = settings.partnerships;
  if (n_orgs < 3) throw std::invalid_argument("a generated register needs at least 3 organisations");
  const std::size_t n_units = settings.business_units ? settings.business_units
                                                      : std::clamp<std::size_t>(n_parts / 30, 10, 400);
  const std::size_t n_themes = settings.themes ? settings.themes
                                               : std::clamp<std::size_t>(8 + n_parts / 10000, 8, 24);
  Random rng(settings.seed);
  Register reg;
  reg.as_of = from_civil({2005, 4, 1});
  reg.council = 0;

  for (std::size_t i = 0; i < n_themes; ++i)
    reg.themes.push_back({numbered("theme-", i, 2),
                          kThemeNames[i % kThemeNames.size()] +
                              (i < kThemeNames.size() ? "" : " " + std::to_string(i / kThemeNames.size() + 1)),
                          {}});
  for (std::size_t i = 0; i < n_units; ++i)
    reg.business_units.push_back({numbered("unit-", i, 3),
                                  kUnitNames[i % kUnitNames.size()] + " " + std::to_string(i / kUnitNames.size() + 1),
                                  static_cast<double>(5 * rng.between(8, 60)), {}});
  // The areas and national bodies (see kAreaPartnerships). A register of one council's partnerships
  // is one area with no national bodies.
  const std::size_t wanted_areas = std::max<std::size_t>(1, (n_parts + kAreaPartnerships / 2) / kAreaPartnerships);
  const bool heavy = settings.popularity == Popularity::heavy_tailed;
  // Heavy-tailed: the county-wide bodies come first among the national ones (room permitting).
  const std::size_t n_hubs = heavy ? std::min(kHubBodies.size(), (n_orgs - 1) / 4) : 0;
  const std::size_t n_national =
      std::max(n_hubs, wanted_areas > 1 ? std::clamp<std::size_t>(n_orgs / 2000, 1, 200) : std::size_t{0});
  const std::size_t local_orgs = n_orgs - 1 - n_national;
  const std::size_t n_areas = std::clamp<std::size_t>(wanted_areas, 1, std::max<std::size_t>(1, local_orgs / kMinAreaOrganisations));

  reg.organisations.push_back({"council", "The Council", "public", {}});
  for (std::size_t i = 1; i <= n_hubs; ++i)
    reg.organisations.push_back({numbered("org-", i, 6), kHubBodies[i - 1], "public", {}});
  for (std::size_t i = n_hubs + 1; i <= n_national; ++i) {
    const std::size_t k = i - 1 - n_hubs;  // rank among the national bodies proper
    reg.organisations.push_back({numbered("org-", i, 6),
                                 kNationalBodies[k % kNationalBodies.size()] +
                                     (k < kNationalBodies.size() ? "" : " " + std::to_string(k / kNationalBodies.size() + 1)),
                                 "public", {}});
  }
  std::vector<Area> areas(n_areas);
  std::size_t largest_core = 1;
  for (std::size_t a = 0; a < n_areas; ++a) {
    Area& area = areas[a];
    area.first = static_cast<Index>(1 + n_national + a * local_orgs / n_areas);
    area.size = 1 + n_national + (a + 1) * local_orgs / n_areas - area.first;
    area.core = std::clamp<std::size_t>(static_cast<std::size_t>(kCoreShare * static_cast<double>(area.size)),
                                        std::min<std::size_t>(3, area.size), area.size);
    largest_core = std::max(largest_core, area.core);
    for (std::size_t r = 0; r < area.size; ++r) {
      const std::size_t i = area.first + r;
      // The busiest local organisation of another council's area is that council.
      if (n_areas > 1 && r == 0)
        reg.organisations.push_back({numbered("org-", i, 6), rng.pick(kPlaces) + " District Council " + std::to_string(a + 1),
                                     "public", {}});
      else
        reg.organisations.push_back({numbered("org-", i, 6), rng.pick(kPlaces) + " " + rng.pick(kBodies) + " " + std::to_string(i),
                                     rng.pick(kSectors), {}});
      if (r >= area.core) area.cover.push_back(static_cast<Index>(i));
    }
    shuffle(area.cover, rng);
  }
  const Zipf core_popularity(largest_core, kCoreOffset);
  const Zipf national_popularity(std::max<std::size_t>(n_national, 1), kNationalOffset);

  // A local organisation of `area` not yet in `members`, or one that is (for the caller to skip): from
  // the core by popularity, else the next one in no partnership yet, else any non-core one. A core
  // draw that is already a member is drawn again a few times, so that the core keeps its share of
  // the places however full the partnership is of it.
  auto local = [&](Area& area, const std::vector<Index>& members) -> Index {
    if (area.cover.empty() || rng.chance(kCoreSlots))
      for (int attempt = 0; attempt < 8; ++attempt) {
        const auto org = static_cast<Index>(area.first + core_popularity.draw(rng, area.core));
        if (area.cover.empty() || std::find(members.begin(), members.end(), org) == members.end()) return org;
      }
    if (area.covered < area.cover.size()) return area.cover[area.covered++];
    return area.cover[rng.below(area.cover.size())];
  };

  const int max_members = static_cast<int>(std::min<std::size_t>(30, n_orgs - 1));
  const Date as_of = reg.as_of;
  std::vector<Index> members;
  reg.partnerships.reserve(n_parts);
  for (std::size_t i = 0; i < n_parts; ++i) {
    const std::size_t a = i * n_areas / n_parts;
    const std::size_t area_start = (a * n_parts + n_areas - 1) / n_areas;  // the area's first partnership
    Partnership p;
    p.id = numbered("p-", i, 6);
    p.nature = static_cast<Nature>(rng.below(4));
    p.name = rng.pick(kPlaces) + " " + kThemeNames[rng.below(kThemeNames.size())] + " " + rng.pick(kKinds) +
             " " + std::to_string(i + 1);

    // Members: the council (sometimes), then national bodies and local organisations, all distinct.
    // An area has at least kMinAreaOrganisations, so there are always enough to choose from.
    const int size = rng.between(std::min(3, max_members), max_members);
    const bool council_in = rng.chance(settings.council_share);
    members.clear();
    if (council_in) members.push_back(0);
    for (std::size_t r = 0; r < n_hubs && static_cast<int>(members.size()) < size; ++r)
      if (rng.chance(kHubShare / static_cast<double>(r + 1))) members.push_back(static_cast<Index>(1 + r));
    while (static_cast<int>(members.size()) < size) {
      const Index org = n_national > 0 && rng.chance(kNationalSlots)
                            ? static_cast<Index>(1 + national_popularity.draw(rng, n_national))
                            : local(areas[a], members);
      if (std::find(members.begin(), members.end(), org) == members.end()) members.push_back(org);
    }
    const std::size_t lead = council_in && rng.chance(0.4) ? 0 : rng.below(members.size());
    for (std::size_t j = 0; j < members.size(); ++j)
      p.members.push_back({members[j], j == lead ? Role::lead : rng.chance(0.1) ? Role::observer : Role::support, {}});

    if (council_in) {
      const int count = rng.between(1, 3);
      for (int c = 0; c < count; ++c) {
        const auto unit = static_cast<Index>(rng.below(n_units));
        if (std::any_of(p.commitments.begin(), p.commitments.end(), [&](const Commitment& x) { return x.unit == unit; }))
          continue;
        p.commitments.push_back({unit, 0.5 * rng.between(4, 80),
                                 rng.chance(0.5) ? numbered("Officer ", rng.below(n_units * 5), 1) : "", {}});
      }
    }
    if (!rng.chance(0.03)) {
      const int count = rng.between(1, 3);
      for (int t = 0; t < count; ++t) {
        const auto theme = static_cast<Index>(rng.below(n_themes));
        if (std::find(p.themes.begin(), p.themes.end(), theme) == p.themes.end()) p.themes.push_back(theme);
      }
    }
    // Always an earlier partnership of the same area: never a cycle.
    if (i > area_start && rng.chance(0.2))
      p.parent = static_cast<Index>(area_start + rng.below(std::min(i - area_start, kUmbrellas)));
    if (rng.chance(0.6)) p.accountable_body = p.members[lead].org;
    if (rng.chance(0.8)) p.stage = static_cast<Stage>(rng.below(5));
    if (rng.chance(0.85)) {
      p.start = Date{as_of.days - 8 * 365 + static_cast<int>(rng.below(9 * 365))};
      if (rng.chance(0.5)) p.end = Date{p.start->days + 180 + static_cast<int>(rng.below(6 * 365))};
    }
    if (rng.chance(0.7)) {
      const double budget_total = 5000.0 * static_cast<double>(rng.between(1, 1000));
      const double council = council_in ? std::round(budget_total * static_cast<double>(rng.below(51)) / 100) : 0;
      p.budget = Budget{budget_total, council, {}};
    }
    if (council_in && rng.chance(0.2)) {
      Posts posts{rng.between(1, 5), std::nullopt, {}};
      if (rng.chance(0.8)) posts.funded_until = Date{as_of.days - 365 + static_cast<int>(rng.below(4 * 365))};
      p.posts = posts;
    }
    if (rng.chance(0.7)) {
      std::vector<std::string> indicators;
      const int count = rng.between(1, 3);
      for (int k = 0; k < count; ++k) indicators.push_back("Indicator " + std::to_string(rng.between(1, 200)));
      p.indicators = std::move(indicators);
    } else if (rng.chance(0.1)) {
      p.indicators = std::vector<std::string>{};
    }
    if (rng.chance(0.5)) p.evaluation = rng.pick(kEvaluations);
    if (rng.chance(0.6)) p.management = rng.pick(kManagement);
    if (rng.chance(0.6)) p.exit_strategy = static_cast<ExitStrategy>(rng.below(4));
    if (rng.chance(0.7)) p.risk = static_cast<Risk>(rng.below(3));
    if (rng.chance(0.7)) p.last_review = Date{as_of.days - static_cast<int>(rng.below(730))};
    if (rng.chance(0.3)) {
      const int responses = rng.between(5, 60);
      p.survey = Survey{responses, rng.between(0, responses), {}};
    }
    reg.partnerships.push_back(std::move(p));
    if (settings.progress && (i + 1) % 4096 == 0) settings.progress(i + 1, n_parts);
  }
  if (settings.progress) settings.progress(n_parts, n_parts);
  return reg;
}

}  // namespace partnermap
