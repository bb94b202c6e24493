// import --into: an existing register updated from its spreadsheet.
#include <catch2/catch.hpp>

#include "import/import_support.h"
#include "import/workbook_writer.h"
#include "partnermap/load.h"
#include "partnermap/merge.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

const char* kSheet =
    "Partnership,Nature,Council role,Lead partner,Partners,Business Units and hours,Ward\n"
    "Northfield Community Safety Partnership,strategic,lead,Northfield Borough Council,Northfield Police; Northfield CVS,"
    "Community Safety: 40; Housing: 30,Castle\n"
    "Northfield Youth Forum,operational,support,Northfield CVS,Northfield Police,Youth Services: 60,Denton\n";

// The register as the officer keeps it after the first import: capacities, a sector, a field of
// their own, a review date the sheet has no column for, and a policy.
std::string kept_by_hand(const std::string& imported) {
  nlohmann::json r = nlohmann::json::parse(imported);
  r["business_units"][0]["capacity_hours"] = 35;
  r["organisations"][1]["sector"] = "public";
  r["partnerships"][0]["last_review"] = "2024-11-01";
  r["partnerships"][0]["extra"]["minute_ref"] = "CAB/24/17";
  r["policy"] = {{"lead_share", 0.6}};
  return r.dump(1);
}

}  // namespace

TEST_CASE("import --into: keeps what the sheet does not hold, replaces what it does, prints what changed", "[import][merge]") {
  TempDir dir;
  write_text(dir / "register.csv", kSheet);
  REQUIRE(run_partnermap("import " + shell_quoted(dir / "register.csv") + " -o " + shell_quoted(dir / "register.json") +
                         " --as-of 2025-04-01")
              .status == 0);
  write_text(dir / "register.json", kept_by_hand(read_text(dir / "register.json")));
  write_text(dir / "register.csv",
             "Partnership,Nature,Council role,Lead partner,Partners,Business Units and hours,Ward\n"
             "Northfield Community Safety Partnership,strategic,lead,Northfield Borough Council,Northfield Police; "
             "Northfield CVS; Northfield Fire,Community Safety: 45; Housing: 30,Castle\n"
             "Northfield Older People's Forum,operational,support,Northfield CVS,,Adult Care: 10,\n");
  const Run r = run_partnermap("import " + shell_quoted(dir / "register.csv") + " --into " + shell_quoted(dir / "register.json") +
                               " --as-of 2025-04-01");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("changes to " + (dir / "register.json").string() + ":\n"
                                    "  added: \"Northfield Older People's Forum\"\n"
                                    "  removed (not in the spreadsheet): \"Northfield Youth Forum\"\n"
                                    "  changed: \"Northfield Community Safety Partnership\": Business Units: Community "
                                    "Safety: 40 h; Housing: 30 h -> Community Safety: 45 h; Housing: 30 h; Northfield "
                                    "Fire joined as support\n"));
  const Loaded l = load_register_file((dir / "register.json").string());
  CHECK(l.warnings.empty());  // the fields the import and the officer keep under extra are quiet
  const Run v = run_partnermap("validate " + shell_quoted(dir / "register.json"));
  CHECK(v.status == 0);
  CHECK(v.err.empty());
  CHECK_THAT(v.out, Catch::StartsWith("ok: ") && !Catch::Contains("warning"));
  const Register& reg = l.reg;
  CHECK(reg.business_units[0].name == "Community Safety");
  CHECK(reg.business_units[0].capacity_hours == 35);
  CHECK(reg.organisations[1].sector == "public");
  CHECK(reg.policy.lead_share == Approx(0.6));
  REQUIRE(reg.partnerships.size() == 2);
  const Partnership& p = reg.partnerships[0];
  CHECK(to_iso(*p.last_review) == "2024-11-01");
  CHECK(p.extra == nlohmann::json{{"extra", {{"minute_ref", "CAB/24/17"}, {"ward", "Castle"}}}});
  CHECK(p.members.size() == 4);
  CHECK(p.commitments[0].hours == 45);
  CHECK(reg.partnerships[1].extra.is_null());  // its Ward cell is empty
  CHECK_THAT(r.err, Catch::Contains("capacity not recorded for \"Housing\", \"Youth Services\" and \"Adult Care\""));
}

TEST_CASE("import --into: an emptied cell clears the field; a column the sheet lacks keeps it", "[import][merge]") {
  const Imported first = import_csv_text("Partnership,Nature,Start,Ward\nA,strategic,1/4/2020,Castle\n", "C");
  Register old = first.reg;
  old.partnerships[0].risk = Risk::high;  // no Risk column
  old.partnerships[0].extra = nlohmann::json{{"extra", {{"ward", "Castle"}}}};  // as import_spreadsheet writes it
  const Imported again = import_csv_text("Partnership,Nature,Start,Ward\nA,strategic,,\n", "C");
  Imported fresh = again;
  fresh.held = {"extra.ward", "name", "nature", "start"};
  const Merged m = merge_into(old, fresh, "register.json");
  CHECK_FALSE(m.reg.partnerships[0].start);
  CHECK(m.reg.partnerships[0].risk == Risk::high);
  CHECK(m.reg.partnerships[0].extra.is_null());
}

TEST_CASE("import --into: -o writes elsewhere; a bad sheet or register leaves the register as it was", "[import][merge]") {
  TempDir dir;
  write_text(dir / "register.csv", kSheet);
  REQUIRE(run_partnermap("import " + shell_quoted(dir / "register.csv") + " -o " + shell_quoted(dir / "register.json")).status == 0);
  const std::string before = read_text(dir / "register.json");
  const Run to = run_partnermap("import " + shell_quoted(dir / "register.csv") + " --into " + shell_quoted(dir / "register.json") +
                                " -o " + shell_quoted(dir / "new.json"));
  CHECK(to.status == 0);
  CHECK_THAT(to.out, Catch::Contains("no partnership in " + (dir / "register.json").string() + " changed"));
  CHECK(read_text(dir / "register.json") == before);
  CHECK(std::filesystem::exists(dir / "new.json"));

  write_text(dir / "bad.csv", "Partnership,Nature\nA,stratgic\n");
  const Run bad = run_partnermap("import " + shell_quoted(dir / "bad.csv") + " --into " + shell_quoted(dir / "register.json"));
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("\"stratgic\" is not a nature"));
  CHECK(read_text(dir / "register.json") == before);

  const Run missing = run_partnermap("import " + shell_quoted(dir / "register.csv") + " --into " + shell_quoted(dir / "none.json"));
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Contains("none.json: there is no file here"));

  const Run nowhere = run_partnermap("import " + shell_quoted(dir / "register.csv"));
  CHECK(nowhere.status == 2);
  CHECK_THAT(nowhere.err, Catch::Contains("-o REGISTER.json for a new one, or --into REGISTER.json to update one"));

  // The spreadsheet itself is never the register written over.
  const Run over = run_partnermap("import " + shell_quoted(dir / "register.csv") + " --into " + shell_quoted(dir / "register.json") +
                                  " -o " + shell_quoted(dir / "register.csv"));
  CHECK(over.status == 2);
  CHECK(read_text(dir / "register.csv") == kSheet);
}

TEST_CASE("import --into: the register's council is the sheet's council when --council is not given", "[import][merge]") {
  TempDir dir;
  write_text(dir / "register.csv", kSheet);
  REQUIRE(run_partnermap("import " + shell_quoted(dir / "register.csv") + " -o " + shell_quoted(dir / "register.json")).status == 0);
  // Now the council leads nothing, so the sheet alone would not show which organisation it is.
  write_text(dir / "register.csv",
             "Partnership,Nature,Council role,Lead partner,Partners\n"
             "Northfield Youth Forum,operational,support,Northfield CVS,Northfield Borough Council; Northfield Police\n");
  const Run r = run_partnermap("import " + shell_quoted(dir / "register.csv") + " --into " + shell_quoted(dir / "register.json"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.err, !Catch::Contains("called \"the Council\""));
  const Register reg = load_register_file((dir / "register.json").string()).reg;
  CHECK(reg.organisations[reg.council].name == "Northfield Borough Council");
  CHECK(reg.partnerships.at(0).members.size() == 3);
}
