// Saving loses nothing: registers from `generate` (several seeds, the council size) and the bundled
// Carlisle register survive save -> load -> save byte for byte and load to the same model.
#include <catch2/catch.hpp>

#include <sstream>

#include "partnermap/generate.h"
#include "partnermap/load.h"
#include "partnermap/save.h"
#include "support.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

std::string saved(const Register& reg) {
  std::ostringstream out;
  save_register(out, reg);
  return out.str();
}

// The model compared field by field (every field of model.h), so that a loss the writer and the
// reader happened to agree on would still show.
void check_same_model(const Register& a, const Register& b) {
  REQUIRE(a.format == b.format);
  REQUIRE(a.as_of == b.as_of);
  REQUIRE(a.council == b.council);
  REQUIRE(a.extra == b.extra);
  REQUIRE(a.themes.size() == b.themes.size());
  for (std::size_t i = 0; i < a.themes.size(); ++i)
    REQUIRE((a.themes[i].id == b.themes[i].id && a.themes[i].name == b.themes[i].name && a.themes[i].extra == b.themes[i].extra));
  REQUIRE(a.business_units.size() == b.business_units.size());
  for (std::size_t i = 0; i < a.business_units.size(); ++i) {
    const BusinessUnit &x = a.business_units[i], &y = b.business_units[i];
    REQUIRE((x.id == y.id && x.name == y.name && x.capacity_hours == y.capacity_hours && x.extra == y.extra));
  }
  REQUIRE(a.organisations.size() == b.organisations.size());
  for (std::size_t i = 0; i < a.organisations.size(); ++i) {
    const Organisation &x = a.organisations[i], &y = b.organisations[i];
    REQUIRE((x.id == y.id && x.name == y.name && x.sector == y.sector && x.extra == y.extra));
  }
  REQUIRE(a.partnerships.size() == b.partnerships.size());
  for (std::size_t i = 0; i < a.partnerships.size(); ++i) {
    const Partnership &p = a.partnerships[i], &q = b.partnerships[i];
    INFO("partnerships[" << i << "] " << p.id);
    REQUIRE((p.id == q.id && p.name == q.name && p.nature == q.nature));
    REQUIRE(p.members.size() == q.members.size());
    for (std::size_t j = 0; j < p.members.size(); ++j)
      REQUIRE((p.members[j].org == q.members[j].org && p.members[j].role == q.members[j].role &&
               p.members[j].extra == q.members[j].extra));
    REQUIRE(p.commitments.size() == q.commitments.size());
    for (std::size_t j = 0; j < p.commitments.size(); ++j)
      REQUIRE((p.commitments[j].unit == q.commitments[j].unit && p.commitments[j].hours == q.commitments[j].hours &&
               p.commitments[j].officer == q.commitments[j].officer && p.commitments[j].extra == q.commitments[j].extra));
    REQUIRE(p.themes == q.themes);
    REQUIRE((p.parent == q.parent && p.accountable_body == q.accountable_body && p.stage == q.stage));
    REQUIRE((p.start == q.start && p.end == q.end && p.last_review == q.last_review));
    REQUIRE(p.budget.has_value() == q.budget.has_value());
    if (p.budget) REQUIRE((p.budget->total == q.budget->total && p.budget->council == q.budget->council && p.budget->extra == q.budget->extra));
    REQUIRE(p.posts.has_value() == q.posts.has_value());
    if (p.posts)
      REQUIRE((p.posts->permanent == q.posts->permanent && p.posts->funded_until == q.posts->funded_until && p.posts->extra == q.posts->extra));
    REQUIRE((p.indicators == q.indicators && p.evaluation == q.evaluation && p.management == q.management));
    REQUIRE((p.exit_strategy == q.exit_strategy && p.risk == q.risk));
    REQUIRE(p.survey.has_value() == q.survey.has_value());
    if (p.survey)
      REQUIRE((p.survey->responses == q.survey->responses && p.survey->satisfied == q.survey->satisfied && p.survey->extra == q.survey->extra));
    REQUIRE(p.extra == q.extra);
  }
}

// save -> load -> save: the same bytes, the same model, no warnings.
void check_round_trip(const Register& reg) {
  const std::string once = saved(reg);
  const Loaded again = load_register_text(once, "saved.json");
  CHECK(again.warnings.empty());
  check_same_model(reg, again.reg);
  CHECK(saved(again.reg) == once);
}

}  // namespace

TEST_CASE("generated registers survive save and load exactly", "[hardening][roundtrip]") {
  for (std::uint64_t seed : {1, 2, 3, 42, 2004}) {
    INFO("seed " << seed);
    GenerateSettings settings = *generate_preset("council");
    settings.seed = seed;
    check_round_trip(generate_register(settings));
  }
}

TEST_CASE("the file partnermap generate writes is what saving it again writes", "[hardening][roundtrip]") {
  TempDir dir;
  for (const char* seed : {"1", "9"}) {
    INFO("seed " << seed);
    const std::string path = (dir / (std::string("council-") + seed + ".json")).string();
    REQUIRE(run_partnermap(std::string("generate --size council --seed ") + seed + " -o '" + path + "'").status == 0);
    const std::string file = read_text(path);
    const Loaded loaded = load_register_file(path);
    CHECK(loaded.warnings.empty());
    CHECK(saved(loaded.reg) == file);
    check_round_trip(loaded.reg);
  }
}

TEST_CASE("the Carlisle register survives save and load exactly", "[hardening][roundtrip]") {
  const Loaded first = load_register_file(carlisle());
  check_round_trip(first.reg);
  // And what was saved once is a fixed point from then on.
  const Loaded second = load_register_text(saved(first.reg), "saved.json");
  check_same_model(first.reg, second.reg);
}
