#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "partnermap/generate.h"
#include "partnermap/load.h"
#include "partnermap/save.h"
#include "support.h"

using namespace partnermap;

namespace {

std::string saved(const Register& reg) {
  std::ostringstream out;
  save_register(out, reg);
  return out.str();
}

GenerateSettings small(std::uint64_t seed) {
  GenerateSettings s;
  s.organisations = 600;
  s.partnerships = 400;
  s.seed = seed;
  return s;
}

}  // namespace

TEST_CASE("the same settings give the same register, another seed another", "[generate]") {
  const std::string a = saved(generate_register(small(5)));
  CHECK(a == saved(generate_register(small(5))));
  CHECK(a != saved(generate_register(small(6))));
}

TEST_CASE("a generated register is valid and has the counts asked for", "[generate]") {
  const Register reg = generate_register(small(1));
  CHECK(count_errors(check_register(reg, "g")) == 0);
  CHECK(reg.organisations.size() == 600);
  CHECK(reg.partnerships.size() == 400);
  const Loaded loaded = load_register_text(saved(reg), "g.json");
  CHECK(loaded.warnings.empty());
  std::vector<std::size_t> degree(reg.organisations.size(), 0);
  for (std::size_t i = 0; i < reg.partnerships.size(); ++i) {
    const Partnership& p = reg.partnerships[i];
    CHECK(p.members.size() >= 3);
    CHECK(p.members.size() <= 30);
    CHECK(std::count_if(p.members.begin(), p.members.end(), [](const Member& m) { return m.role == Role::lead; }) == 1);
    if (p.parent) CHECK(*p.parent < i);
    for (const Member& m : p.members) ++degree[m.org];
    if (!p.commitments.empty()) CHECK(reg.council_role(p).has_value());
  }
  // Every organisation is used, and popularity is skewed: the busiest partner (not the council) is
  // in many times the average.
  CHECK(std::count(degree.begin(), degree.end(), 0u) == 0);
  const double mean = static_cast<double>(reg.membership_count()) / static_cast<double>(reg.organisations.size());
  CHECK(static_cast<double>(*std::max_element(degree.begin() + 1, degree.end())) > 5 * mean);
}

TEST_CASE("a register of many localities: the same partners meet again, no partner is everywhere", "[generate]") {
  GenerateSettings s;
  s.organisations = 4000;
  s.partnerships = 2000;  // 20 localities of 100 partnerships
  s.council_share = 0.05;
  const Register reg = generate_register(s);
  CHECK(count_errors(check_register(reg, "g")) == 0);
  std::vector<std::size_t> degree(reg.organisations.size(), 0);
  std::vector<std::vector<Index>> co(reg.organisations.size());
  std::size_t pair_places = 0;
  for (const Partnership& p : reg.partnerships) {
    pair_places += p.members.size() * (p.members.size() - 1);
    for (const Member& m : p.members) {
      ++degree[m.org];
      for (const Member& other : p.members)
        if (other.org != m.org) co[m.org].push_back(other.org);
    }
  }
  std::size_t pairs = 0;
  for (auto& list : co) {
    std::sort(list.begin(), list.end());
    pairs += static_cast<std::size_t>(std::unique(list.begin(), list.end()) - list.begin());
  }
  // Partners of one locality meet in many of its partnerships: under a third of the places where two
  // organisations meet are a first meeting (drawn from one national ranking, four in five were).
  CHECK(pairs * 3 < pair_places);
  // Skewed, but nobody besides the Council is in more than a tenth of all partnerships.
  CHECK(std::count(degree.begin(), degree.end(), 0u) == 0);
  const std::size_t busiest = *std::max_element(degree.begin() + 1, degree.end());
  const double mean = static_cast<double>(reg.membership_count()) / static_cast<double>(reg.organisations.size());
  CHECK(static_cast<double>(busiest) > 5 * mean);
  CHECK(busiest * 10 < reg.partnerships.size());
  // Most organisations are in one to three partnerships.
  CHECK(std::count_if(degree.begin(), degree.end(), [](std::size_t d) { return d >= 1 && d <= 3; }) * 2 >
        static_cast<std::ptrdiff_t>(degree.size()));
}

TEST_CASE("heavy-tailed popularity: a dozen county-wide bodies, the busiest in about a third", "[generate]") {
  GenerateSettings s;
  s.organisations = 4000;
  s.partnerships = 3000;
  s.popularity = Popularity::heavy_tailed;
  const Register reg = generate_register(s);
  CHECK(count_errors(check_register(reg, "g")) == 0);
  CHECK(reg.organisations[1].name == "County Council");
  CHECK(reg.organisations[12].name == "Youth Service");
  std::vector<std::size_t> degree(reg.organisations.size(), 0);
  for (const Partnership& p : reg.partnerships)
    for (const Member& m : p.members) ++degree[m.org];
  // Rank r is in about a third / (r + 1) of all partnerships.
  const double n = static_cast<double>(reg.partnerships.size());
  CHECK(static_cast<double>(degree[1]) == Approx(n / 3).epsilon(0.1));
  CHECK(static_cast<double>(degree[2]) == Approx(n / 6).epsilon(0.15));
  CHECK(degree[1] > degree[2]);
  CHECK(degree[2] > degree[6]);
  // The default shape is unchanged by the option's existence: no county-wide bodies.
  s.popularity = Popularity::localities;
  const Register plain = generate_register(s);
  CHECK(std::none_of(plain.organisations.begin(), plain.organisations.end(),
                     [](const Organisation& o) { return o.name == "County Council"; }));
}

TEST_CASE("every field of the format is used", "[generate]") {
  const Register reg = generate_register(small(2));
  const auto some = [&](auto has) { return std::any_of(reg.partnerships.begin(), reg.partnerships.end(), has); };
  CHECK(!reg.themes.empty());
  CHECK(!reg.business_units.empty());
  CHECK(some([](const Partnership& p) { return !p.commitments.empty(); }));
  CHECK(some([](const Partnership& p) { return !p.commitments.empty() && !p.commitments[0].officer.empty(); }));
  CHECK(some([](const Partnership& p) { return !p.themes.empty(); }));
  CHECK(some([](const Partnership& p) { return p.themes.empty(); }));
  CHECK(some([](const Partnership& p) { return p.parent.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.accountable_body.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.stage.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.start && p.end; }));
  CHECK(some([](const Partnership& p) { return p.start && !p.end; }));
  CHECK(some([](const Partnership& p) { return p.budget.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.posts && p.posts->funded_until; }));
  CHECK(some([](const Partnership& p) { return p.indicators && !p.indicators->empty(); }));
  CHECK(some([](const Partnership& p) { return p.evaluation.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.management.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.exit_strategy.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.risk.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.last_review.has_value(); }));
  CHECK(some([](const Partnership& p) { return p.survey.has_value(); }));
  CHECK(some([](const Partnership& p) {
    return std::any_of(p.members.begin(), p.members.end(), [](const Member& m) { return m.role == Role::observer; });
  }));
}

TEST_CASE("the presets have the documented sizes", "[generate]") {
  CHECK(generate_preset("council")->partnerships == 300);
  CHECK(generate_preset("county")->organisations == 20'000);
  CHECK(generate_preset("county")->partnerships == 10'000);
  CHECK(generate_preset("national")->organisations == 200'000);
  CHECK(generate_preset("national")->partnerships == 100'000);
  CHECK_FALSE(generate_preset("planet"));
  const Register council = generate_register(*generate_preset("council"));
  CHECK(council.partnerships.size() == 300);
  CHECK(count_errors(check_register(council, "council")) == 0);
}

TEST_CASE("too few organisations is refused", "[generate]") {
  GenerateSettings s;
  s.organisations = 2;
  CHECK_THROWS_AS(generate_register(s), std::invalid_argument);
}

TEST_CASE("partnermap generate writes a register that validates", "[generate][cli]") {
  test::TempDir dir;
  const std::string out = (dir / "g.json").string();
  const test::Run made = test::run_partnermap("generate --organisations 200 --partnerships 80 --seed 4 -o '" + out + "'");
  REQUIRE(made.status == 0);
  CHECK(made.err.empty());  // no progress line when stderr is not a terminal
  CHECK(made.out.find("200 organisations, 80 partnerships") != std::string::npos);
  const test::Run checked = test::run_partnermap("validate '" + out + "'");
  CHECK(checked.status == 0);
  CHECK(checked.out.rfind("ok:", 0) == 0);
  CHECK(checked.err.empty());
  // The same options, the same bytes.
  const std::string again = (dir / "h.json").string();
  REQUIRE(test::run_partnermap("generate --organisations 200 --partnerships 80 --seed 4 -o '" + again + "'").status == 0);
  CHECK(test::read_text(out) == test::read_text(again));
  // No leftover temporary file beside the output.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path)) ++files;
  CHECK(files == 2);
}

TEST_CASE("partnermap generate refuses incomplete or bad options", "[generate][cli]") {
  test::TempDir dir;
  const std::string out = (dir / "g.json").string();
  CHECK(test::run_partnermap("generate --organisations 200 -o '" + out + "'").status == 2);
  CHECK(test::run_partnermap("generate --size planet -o '" + out + "'").status == 2);
  CHECK(test::run_partnermap("generate --organisations 2 --partnerships 3 -o '" + out + "'").status == 2);
  const test::Run popularity = test::run_partnermap("generate --size council --popularity famous -o '" + out + "'");
  CHECK(popularity.status == 2);
  CHECK(popularity.err.find("--popularity") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}
