// The workbook's sheets of Business Units, organisations and themes, found by their headings.
#include <catch2/catch.hpp>

#include "import/extra_sheets.h"
#include "import/import_support.h"
#include "import/workbook_writer.h"
#include "partnermap/load.h"

using namespace partnermap;
using namespace partnermap::test;
using nlohmann::json;

namespace {

const Rows kPartnerships = {
    {"Northfield partnerships, April 2025"},
    {"Partnership", "Nature", "Council role", "Lead partner", "Partners", "Business Units and hours"},
    {"Northfield Community Safety Partnership", "strategic", "lead", "Northfield Borough Council",
     "Northfield Police; Northfield CVS", "Community Safety: 40; Housing: 30"},
    {"Northfield Youth Forum", "operational", "support", "Northfield CVS", "Northfield Police", "Youth Services: 60"},
};

const BusinessUnit& unit(const Register& reg, const std::string& name) {
  for (const BusinessUnit& u : reg.business_units)
    if (u.name == name) return u;
  FAIL("no unit " << name);
  return reg.business_units.front();
}

const Organisation& organisation(const Register& reg, const std::string& name) {
  for (const Organisation& o : reg.organisations)
    if (o.name == name) return o;
  FAIL("no organisation " << name);
  return reg.organisations.front();
}

}  // namespace

TEST_CASE("extra sheets: found by their headings in the officer's words, not by the sheet's name", "[import][extra_sheets]") {
  using import::ExtraKind;
  const auto kind = [](const std::string& csv) {
    const auto found = import::classify_extra_sheet(read_csv(csv, "Sheet"));
    return found ? std::optional<ExtraKind>(found->kind) : std::nullopt;
  };
  CHECK(kind("Service area,Hours available for partnerships\nHousing,20\n") == ExtraKind::units);
  CHECK(kind("Staff time 2025\n\nBusiness Unit,Capacity (hours a month)\nHousing,20\n") == ExtraKind::units);
  CHECK(kind("Directorate,Hours committed,Hours available\nHousing,10,20\n") == ExtraKind::units);
  CHECK(kind("Organisation,Sector\nNorthfield CVS,voluntary\n") == ExtraKind::organisations);
  CHECK(kind("Partner body,Type of organisation\nNorthfield CVS,voluntary\n") == ExtraKind::organisations);
  CHECK(kind("Corporate priority,Lead member\nSafer streets,Cllr Brown\n") == ExtraKind::themes);
  // The partnerships sheet, a sheet of notes on the columns, and a sheet of other things are none.
  CHECK_FALSE(kind("Partnership,Nature,Business Units and hours\nA,strategic,Housing: 2\n"));
  CHECK_FALSE(kind("Column,What to write\nCity Vision themes,\"The themes it serves, separated by ';'\"\n"));
  CHECK_FALSE(kind("Meeting,Date\nBoard,1/4/2025\n"));
  // Hours already committed are a load, never a capacity.
  CHECK_FALSE(kind("Business Unit,Hours committed\nHousing,20\n"));
}

TEST_CASE("extra sheets: an openpyxl workbook's units, organisations and themes reach the register", "[import][extra_sheets]") {
  TempDir dir;
  const json sheets = json::array({
      sheet("Partnerships", kPartnerships),
      sheet("Staffing", {{"Service area", "Hours available for partnerships", "Head of service"},
                         {"Community Safety", 30, "J. Smith"},
                         {"housing", "50 hours", nullptr},
                         {"Youth Services", nullptr, nullptr},
                         {"Planning", 15, nullptr}}),
      sheet("Who's who", {{"Organisation", "Sector"}, {"Northfield Police", "public"}, {"Northfield CVS", "voluntary"}}),
      sheet("Priorities", {{"Corporate priority"}, {"Safer streets"}, {"Thriving young people"}}),
  });
  const Run made = write_workbook(dir, "register.xlsx", sheets);
  INFO(made.err);
  REQUIRE(made.status == 0);
  const Run r = run_partnermap("import " + shell_quoted(dir / "register.xlsx") + " -o " + shell_quoted(dir / "register.json") +
                               " --as-of 2025-04-01");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("capacities of 3 Business Units from \"Staffing\"; sectors of 2 organisations from "
                                    "\"Who's who\"; 2 themes from \"Priorities\""));
  CHECK_THAT(r.err, Catch::Contains("register.xlsx: capacity not recorded for \"Youth Services\"; a unit "
                                    "without one is never counted as stretched or over capacity"));
  const Register reg = load_register_file((dir / "register.json").string()).reg;
  CHECK(unit(reg, "Community Safety").capacity_hours == 30);
  CHECK(unit(reg, "Community Safety").extra == json{{"extra", {{"head_of_service", "J. Smith"}}}});
  CHECK(unit(reg, "Housing").capacity_hours == 50);  // matched whatever its case
  CHECK(unit(reg, "Youth Services").capacity_hours == 0);
  CHECK(unit(reg, "Planning").capacity_hours == 15);  // named by no partnership yet: added
  CHECK(organisation(reg, "Northfield CVS").sector == "voluntary");
  CHECK(organisation(reg, "Northfield Borough Council").sector.empty());
  REQUIRE(reg.themes.size() == 2);
  CHECK(reg.themes[1].name == "Thriving young people");
  // Written without a capacity for the unit that has none, never 0.
  const std::string text = read_text(dir / "register.json");
  CHECK_THAT(text, Catch::Contains(R"({"id": "youth-services", "name": "Youth Services"})"));
  CHECK_THAT(text, !Catch::Contains("\"capacity_hours\": 0"));
}

TEST_CASE("extra sheets: a bad cell is an error with its sheet, row and column; nothing is written", "[import][extra_sheets]") {
  TempDir dir;
  const json sheets = json::array({
      sheet("Partnerships", kPartnerships),
      sheet("Units", {{"Business Unit", "Hours available"},
                      {"Community Safety", "lots"},
                      {"Community safety", 20},
                      {nullptr, 12},
                      {"Housing", 2000000}}),
  });
  REQUIRE(write_workbook(dir, "register.xlsx", sheets).status == 0);
  const Run r = run_partnermap("import " + shell_quoted(dir / "register.xlsx") + " -o " + shell_quoted(dir / "register.json"));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("Units row 2, column B \"Hours available\": \"lots\""));
  CHECK_THAT(r.err, Catch::Contains("Units row 3, column A \"Business Unit\": \"Community safety\" is already on row 2; give each once"));
  CHECK_THAT(r.err, Catch::Contains("Units row 4, column A \"Business Unit\": no name, but the row has other values"));
  CHECK_THAT(r.err, Catch::Contains("Units row 5, column B \"Hours available\": \"2000000\" is too large to be real "
                                    "(at most 100000 hours a month); check for an extra digit"));
  CHECK_FALSE(std::filesystem::exists(dir / "register.json"));
}

TEST_CASE("extra sheets: a near name and a capacity of 0 are warned about", "[import][extra_sheets]") {
  const Sheet partnerships = read_csv("Partnership,Nature,Business Units and hours\nA,strategic,Youth Services: 5; Legal: 2\n", "P");
  const Sheet units = read_csv("Business Unit,Hours available\nYouth Service,80\nLegal,0\n", "U");
  Imported im = import_sheet(partnerships, import_options("Northfield Borough Council"));
  std::vector<Problem> problems;
  std::vector<std::string> read;
  import::read_extra_sheets({&units}, im.reg, problems, read);
  const std::string all = problems_text(problems);
  CHECK_THAT(all, Catch::Contains("warning: U row 2, column A \"Business Unit\": \"Youth Service\" is named by no "
                                  "partnership (did you mean \"Youth Services\"?); it is added as a Business Unit of its own"));
  CHECK_THAT(all, Catch::Contains("warning: U row 3, column B \"Hours available\": 0 hours: the capacity is taken as not recorded"));
  CHECK(read == std::vector<std::string>{"capacities of 1 Business Unit from \"U\""});
  CHECK(im.reg.business_units.size() == 3);
}

TEST_CASE("extra sheets: a CSV register takes its units from --with", "[import][extra_sheets]") {
  TempDir dir;
  write_text(dir / "register.csv", "Partnership,Nature,Council role,Business Units and hours\nA,strategic,lead,Housing: 20\n");
  write_text(dir / "units.csv", "\xEF\xBB\xBFService area,Hours available for partnerships\r\nHousing,25\r\n");
  write_text(dir / "minutes.csv", "Meeting,Date\nBoard,1/4/2025\n");
  const std::string base = "import " + shell_quoted(dir / "register.csv") + " -o " + shell_quoted(dir / "r.json") + " --council Northfield";
  const Run r = run_partnermap(base + " --with " + shell_quoted(dir / "units.csv"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("capacities of 1 Business Unit from"));
  CHECK(load_register_file((dir / "r.json").string()).reg.business_units.at(0).capacity_hours == 25);
  const Run bad = run_partnermap(base + " --with " + shell_quoted(dir / "minutes.csv"));
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("minutes.csv: is not a sheet of Business Units (a name and the hours available a month)"));
}

TEST_CASE("extra sheets: the template's workbook and CSVs carry them", "[import][extra_sheets]") {
  TempDir dir;
  const std::string d = PARTNERMAP_DATASETS;
  const Run x = run_partnermap("import " + shell_quoted(d + "/register-template.xlsx") + " -o " + shell_quoted(dir / "x.json"));
  INFO(x.err);
  REQUIRE(x.status == 0);
  CHECK_THAT(x.out, Catch::Contains("capacities of 2 Business Units from \"Business Units\"; sectors of 4 organisations "
                                    "from \"Organisations\"; 3 themes from \"Themes\""));
  CHECK_THAT(x.err, !Catch::Contains("capacity not recorded"));
  const Run c = run_partnermap("import " + shell_quoted(d + "/register-template.csv") + " -o " + shell_quoted(dir / "c.json") + " --with " +
                               shell_quoted(d + "/register-template-units.csv") + " --with " +
                               shell_quoted(d + "/register-template-organisations.csv") + " --with " +
                               shell_quoted(d + "/register-template-themes.csv"));
  INFO(c.err);
  REQUIRE(c.status == 0);
  const Register a = load_register_file((dir / "x.json").string()).reg, b = load_register_file((dir / "c.json").string()).reg;
  REQUIRE(a.business_units.size() == b.business_units.size());
  for (std::size_t i = 0; i < a.business_units.size(); ++i) CHECK(a.business_units[i].capacity_hours == b.business_units[i].capacity_hours);
  // The Carlisle workbook gives back the register's capacities and sectors.
  const Register want = load_register_file(carlisle()).reg;
  const Imported im = import_spreadsheet_file(d + "/carlisle-2004.xlsx", import_options());
  for (const BusinessUnit& u : want.business_units) CHECK(unit(im.reg, u.name).capacity_hours == u.capacity_hours);
  for (const Organisation& o : want.organisations) CHECK(organisation(im.reg, o.name).sector == o.sector);
}

TEST_CASE("extra sheets: the matrix's Capacity sheet gives capacities, not the figures worked out from them", "[import][extra_sheets]") {
  TempDir dir;
  REQUIRE(run_partnermap("matrix " + shell_quoted(carlisle()) + " -o " + shell_quoted(dir / "m.xlsx")).status == 0);
  const Run r = run_partnermap("import " + shell_quoted(dir / "m.xlsx") + " -o " + shell_quoted(dir / "m.json") +
                               " --as-of 2004-09-01");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("capacities of 9 Business Units from \"Capacity\""));
  CHECK_THAT(r.err, Catch::Contains("warning: Capacity row 3: columns C \"Committed (hours a month)\", D \"Utilisation\", "
                                    "E \"Status\", F \"Sep 2004\""));
  CHECK_THAT(r.err, Catch::Contains("are figures partnermap works out from the partnerships, so they are not read"));
  const Register want = load_register_file(carlisle()).reg;
  const Register got = load_register_file((dir / "m.json").string()).reg;
  for (const BusinessUnit& u : want.business_units) {
    CHECK(unit(got, u.name).capacity_hours == u.capacity_hours);
    CHECK(unit(got, u.name).extra.is_null());
  }
}
