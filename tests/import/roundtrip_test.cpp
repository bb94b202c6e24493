// The round trip: the Carlisle register → the matrix (CSV and XLSX) → import gives back every field the
// matrix holds; and the Carlisle register kept as a spreadsheet (datasets/carlisle-2004.csv, .xlsx)
// imports to the register in every field the sheet holds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <tuple>

#include "import_support.h"
#include "matrix_write.h"
#include "render/render_support.h"

using namespace partnermap;

namespace {

using Members = std::set<std::pair<std::string, Role>>;
using Units = std::multiset<std::tuple<std::string, double, std::string>>;

Members members(const Register& reg, const Partnership& p) {
  Members out;
  for (const Member& m : p.members) out.insert({reg.organisations[m.org].name, m.role});
  return out;
}

Units units(const Register& reg, const Partnership& p, bool with_officer) {
  Units out;
  for (const Commitment& c : p.commitments) out.insert({reg.business_units[c.unit].name, c.hours, with_officer ? c.officer : ""});
  return out;
}

std::set<std::string> themes(const Register& reg, const Partnership& p) {
  std::set<std::string> out;
  for (Index t : p.themes) out.insert(reg.themes[t].name);
  return out;
}

std::string budget(const Partnership& p) {
  return p.budget ? std::to_string(p.budget->total) + "/" + std::to_string(p.budget->council) : "none";
}

const Partnership& by_id(const Register& reg, const std::string& id) {
  for (const Partnership& p : reg.partnerships)
    if (p.id == id) return p;
  FAIL("no partnership " << id);
  return reg.partnerships.front();
}

// The fields the matrix holds (and, with `whole_sheet`, the rest the register template holds).
void compare(const Register& want, const Register& got, bool whole_sheet) {
  REQUIRE(got.partnerships.size() == want.partnerships.size());
  CHECK(got.organisations[got.council].name == want.organisations[want.council].name);
  for (const Partnership& w : want.partnerships) {
    INFO("partnership " << w.id);
    const Partnership& g = by_id(got, w.id);
    CHECK(g.name == w.name);
    CHECK(g.nature == w.nature);
    CHECK(got.council_role(g) == want.council_role(w));
    CHECK(members(got, g) == members(want, w));
    CHECK(themes(got, g) == themes(want, w));
    CHECK(units(got, g, whole_sheet) == units(want, w, whole_sheet));
    CHECK(budget(g) == budget(w));
    CHECK(g.stage == w.stage);
    CHECK(g.start == w.start);
    CHECK(g.end == w.end);
    CHECK(g.risk == w.risk);
    CHECK(g.exit_strategy == w.exit_strategy);
    CHECK(g.last_review == w.last_review);
    CHECK(g.indicators == w.indicators);
    CHECK(g.evaluation == w.evaluation);
    CHECK(g.management == w.management);
    if (!whole_sheet) continue;
    CHECK((g.parent ? got.partnerships[*g.parent].id : "") == (w.parent ? want.partnerships[*w.parent].id : ""));
    CHECK((g.accountable_body ? got.organisations[*g.accountable_body].name : "") ==
          (w.accountable_body ? want.organisations[*w.accountable_body].name : ""));
    CHECK(g.posts.has_value() == w.posts.has_value());
    if (g.posts && w.posts) {
      CHECK(g.posts->permanent == w.posts->permanent);
      CHECK(g.posts->funded_until == w.posts->funded_until);
    }
    CHECK(g.survey.has_value() == w.survey.has_value());
    if (g.survey && w.survey) CHECK(std::tie(g.survey->responses, g.survey->satisfied) == std::tie(w.survey->responses, w.survey->satisfied));
  }
  // Every organisation, unit and theme named in the register is named in the import, and no more.
  std::set<std::string> want_orgs, got_orgs;
  for (const Partnership& p : want.partnerships)
    for (const Member& m : p.members) want_orgs.insert(want.organisations[m.org].name);
  for (const Organisation& o : got.organisations) got_orgs.insert(o.name);
  if (!whole_sheet) CHECK(got_orgs == want_orgs);
}

}  // namespace

TEST_CASE("import round trip: the Carlisle matrix as CSV and XLSX reads back as the register", "[import][roundtrip]") {
  test::RenderFixture f(test::carlisle());
  const render::Matrix m = render::build_matrix(*f.in);
  test::TempDir dir;
  {
    std::ofstream out(dir / "m.csv", std::ios::binary);
    render::write_matrix_csv(m, out);
  }
  render::write_matrix_xlsx(m, *f.in, (dir / "m.xlsx").string());
  for (const char* file : {"m.csv", "m.xlsx"}) {
    INFO(file);
    // The council from the sheet itself: the lead partner where the Council role is lead.
    const Imported im = import_spreadsheet_file((dir / file).string(), test::import_options());
    CHECK(count_errors(check_register(im.reg, file)) == 0);
    compare(f.loaded.reg, im.reg, false);
  }
}

TEST_CASE("import round trip: datasets/carlisle-2004.csv and .xlsx are the Carlisle register", "[import][roundtrip]") {
  const Loaded want = load_register_file(test::carlisle());
  for (const char* file : {"carlisle-2004.csv", "carlisle-2004.xlsx"}) {
    INFO(file);
    const Imported im = import_spreadsheet_file(std::string(PARTNERMAP_DATASETS) + "/" + file, test::import_options());
    compare(want.reg, im.reg, true);
    // Entries the sheet names, in the register's numbers.
    CHECK(im.reg.organisations.size() == want.reg.organisations.size());
    CHECK(im.reg.business_units.size() == want.reg.business_units.size());
    CHECK(im.reg.themes.size() == want.reg.themes.size());
    CHECK(im.reg.membership_count() == want.reg.membership_count());
  }
}

TEST_CASE("import round trip: the register template imports", "[import][roundtrip]") {
  for (const char* file : {"register-template.csv", "register-template.xlsx"}) {
    INFO(file);
    const Imported im = import_spreadsheet_file(std::string(PARTNERMAP_DATASETS) + "/" + file, test::import_options());
    REQUIRE(im.reg.partnerships.size() == 1);
    const Partnership& p = im.reg.partnerships[0];
    CHECK(p.id == "cdrp");
    CHECK(im.reg.organisations[im.reg.council].name == "Carlisle City Council");
    CHECK(p.members.size() == 4);
    CHECK(p.commitments.size() == 2);
    CHECK(to_iso(*p.posts->funded_until) == "2005-03-31");
    CHECK(p.survey->satisfied == 12);
  }
}
