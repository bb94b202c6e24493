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

// Zipf-like popularity over the organisations other than the council: the organisation of rank r is
// drawn with weight 1/(r + kZipfOffset). The offset keeps the top few from being in nearly every
// partnership: at national size the most popular sits in about 8% of them.
constexpr double kZipfOffset = 10;
// Share of member places filled by popularity; the rest first cover every organisation once (in a
// shuffled order), then are uniform.
constexpr double kPopularShare = 0.5;

struct Popularity {
  std::vector<double> cumulative;  // over ranks
  std::vector<Index> org_of_rank;

  Index draw(Random& rng) const {
    const double x = rng.real() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return org_of_rank[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), org_of_rank.size() - 1)];
  }
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
  reg.organisations.push_back({"council", "The Council", "public", {}});
  for (std::size_t i = 1; i < n_orgs; ++i)
    reg.organisations.push_back({numbered("org-", i, 6), rng.pick(kPlaces) + " " + rng.pick(kBodies) + " " + std::to_string(i),
                                 rng.pick(kSectors), {}});

  Popularity popularity;
  popularity.org_of_rank.resize(n_orgs - 1);
  std::iota(popularity.org_of_rank.begin(), popularity.org_of_rank.end(), Index{1});
  shuffle(popularity.org_of_rank, rng);
  double total = 0;
  for (std::size_t r = 0; r + 1 < n_orgs; ++r) {
    total += 1.0 / (static_cast<double>(r) + kZipfOffset);
    popularity.cumulative.push_back(total);
  }
  std::vector<Index> cover(n_orgs - 1);
  std::iota(cover.begin(), cover.end(), Index{1});
  shuffle(cover, rng);
  std::size_t covered = 0;

  const int max_members = static_cast<int>(std::min<std::size_t>(30, n_orgs - 1));
  const Date as_of = reg.as_of;
  std::vector<Index> members;
  reg.partnerships.reserve(n_parts);
  for (std::size_t i = 0; i < n_parts; ++i) {
    Partnership p;
    p.id = numbered("p-", i, 6);
    p.nature = static_cast<Nature>(rng.below(4));
    p.name = rng.pick(kPlaces) + " " + kThemeNames[rng.below(kThemeNames.size())] + " " + rng.pick(kKinds) +
             " " + std::to_string(i + 1);

    // Members: the council (sometimes), then popular, covering or uniform picks, all distinct.
    const int size = rng.between(std::min(3, max_members), max_members);
    const bool council_in = rng.chance(settings.council_share);
    members.clear();
    if (council_in) members.push_back(0);
    while (static_cast<int>(members.size()) < size) {
      Index org;
      if (rng.chance(kPopularShare)) org = popularity.draw(rng);
      else if (covered < cover.size()) org = cover[covered++];
      else org = static_cast<Index>(1 + rng.below(n_orgs - 1));
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
    if (i > 0 && rng.chance(0.2)) p.parent = static_cast<Index>(rng.below(i));  // earlier: never a cycle
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
