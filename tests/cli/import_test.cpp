#include <catch2/catch.hpp>

#include <filesystem>

#include "partnermap/load.h"
#include "support.h"

using namespace partnermap::test;

namespace {
std::string q(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += "'";
  return out;
}
}  // namespace

TEST_CASE("cli import: a spreadsheet becomes a register that validates", "[cli][import]") {
  TempDir dir;
  const Run r = run_partnermap("import " + q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.csv") + " -o " +
                               q(dir / "c.json") + " --as-of 2004-09-01");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("wrote ") && Catch::Contains("34 partnerships, 53 organisations, 9 Business Units, 6 themes"));
  CHECK_THAT(r.err, Catch::Contains("capacity not recorded"));
  const Run v = run_partnermap("validate " + q(dir / "c.json"));
  CHECK(v.status == 0);
  CHECK_THAT(v.out, Catch::StartsWith("ok: 53 organisations, 34 partnerships, 248 memberships"));
  CHECK(partnermap::load_register_file((dir / "c.json").string()).reg.as_of ==
        partnermap::from_civil({2004, 9, 1}));
}

TEST_CASE("cli import: the matrix written by partnermap reads back", "[cli][import]") {
  TempDir dir;
  REQUIRE(run_partnermap("matrix " + q(carlisle()) + " -o " + q(dir / "m.xlsx")).status == 0);
  const Run r = run_partnermap("import " + q(dir / "m.xlsx") + " -o " + q(dir / "m.json") + " --as-of 2004-09-01");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("(sheet \"Matrix\")"));
  CHECK(run_partnermap("review " + q(dir / "m.json")).status == 0);
}

TEST_CASE("cli import: errors are all printed, exit status 2, and nothing is written", "[cli][import]") {
  TempDir dir;
  write_text(dir / "bad.csv",
             "Partnership,Nature,Business Units and hours,End\r\nA,stratgic,Housing: twenty,12/31/2005\r\n");
  write_text(dir / "out.json", "earlier");
  const Run r = run_partnermap("import " + q(dir / "bad.csv") + " -o " + q(dir / "out.json") + " --council X");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("row 2, column B \"Nature\": \"stratgic\" is not a nature (did you mean \"strategic\"?)"));
  CHECK_THAT(r.err, Catch::Contains("row 2, column C \"Business Units and hours\": \"twenty\" is not a number of hours"));
  CHECK_THAT(r.err, Catch::Contains("row 2, column D \"End\": \"12/31/2005\" is not a date: there is no month 31"));
  CHECK_THAT(r.err, Catch::Contains("3 errors found"));
  CHECK(read_text(dir / "out.json") == "earlier");
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) (void)e, ++files;
  CHECK(files == 2);  // no temporary file left behind
}

TEST_CASE("cli import: bad arguments", "[cli][import]") {
  TempDir dir;
  CHECK(run_partnermap("import " + q(dir / "none.csv") + " -o " + q(dir / "x.json")).status == 2);
  const Run r = run_partnermap("import " + q(std::string(PARTNERMAP_DATASETS) + "/register-template.csv") + " -o " +
                               q(dir / "x.json") + " --as-of 2004-02-30");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("--as-of 2004-02-30"));
  const Run s = run_partnermap("import " + q(std::string(PARTNERMAP_DATASETS) + "/register-template.xlsx") + " -o " +
                               q(dir / "x.json") + " --sheet Regster");
  CHECK(s.status == 2);
  CHECK_THAT(s.err, Catch::Contains("did you mean \"Register\"?"));
}

TEST_CASE("cli import: a sheet without capacities is never shown as over capacity, and says how to give them", "[cli][import]") {
  TempDir dir;
  // Heavy hours: had capacities been written as 0, every unit would be "over capacity".
  write_text(dir / "sheet.csv",
             "Partnership,Nature,Council role,Lead partner,Partners,Business Units and hours,Start\n"
             "Northfield Community Safety Partnership,strategic,lead,Northfield Borough Council,Northfield Police,"
             "Community Safety: 330; Housing: 40,01/04/2020\n"
             "Northfield Youth Forum,operational,support,Northfield CVS,,Youth Services: 160,01/04/2021\n");
  const Run r = run_partnermap("import " + q(dir / "sheet.csv") + " -o " + q(dir / "r.json") + " --as-of 2025-04-01");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: " + (dir / "sheet.csv").string() +
                                    ": the spreadsheet gives no capacities, so each Business Unit is written with its "
                                    "capacity not recorded; a unit without one is never counted as stretched or over "
                                    "capacity. Give the hours a month each unit can give to partnerships in a sheet of "
                                    "Business Units"));
  CHECK_THAT(read_text(dir / "r.json"), !Catch::Contains("capacity_hours"));
  const std::vector<std::string> units = {"Community Safety", "Housing", "Youth Services"};
  // Any line naming a unit must not call it over capacity, overloaded or stretched.
  const auto no_claims = [&](const std::string& what, const std::string& text) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      for (const std::string& u : units)
        if (line.find(u) != std::string::npos) {
          INFO(what << ": " << line);
          CHECK_THAT(line, !Catch::Contains("overloaded") && !Catch::Contains("stretched  ") &&
                               !Catch::Contains("over capacity:") && !Catch::Contains("of 0 available"));
        }
  };
  const Run capacity = run_partnermap("capacity " + q(dir / "r.json"));
  CHECK(capacity.status == 0);
  CHECK_THAT(capacity.out, Catch::Contains("No Business Unit is stretched or over capacity."));
  CHECK_THAT(capacity.out, Catch::Contains("Capacity not recorded for Community Safety, Housing and Youth Services"));
  no_claims("capacity", capacity.out);
  const Run analyse = run_partnermap("analyse " + q(dir / "r.json"));
  CHECK_THAT(analyse.out, Catch::Contains("Capacity: no Business Unit is stretched or over capacity. Capacity not recorded for"));
  no_claims("analyse", analyse.out);
  const Run json = run_partnermap("capacity --json " + q(dir / "r.json"));
  CHECK_THAT(json.out, !Catch::Contains("\"status\": \"overloaded\"") && !Catch::Contains("\"status\": \"stretched\"") &&
                          Catch::Contains("\"status\": \"not_recorded\""));
  const Run review = run_partnermap("review " + q(dir / "r.json"));
  no_claims("review", review.out);
  REQUIRE(run_partnermap("matrix " + q(dir / "r.json") + " -o " + q(dir / "m.csv")).status == 0);
  no_claims("matrix", read_text(dir / "m.csv"));
  const Run brief = run_partnermap("brief " + q(dir / "r.json") + " -o " + q(dir / "out"));
  REQUIRE(brief.status == 0);
  const std::string page = read_text(dir / "out" / "index.html");
  CHECK_THAT(page, Catch::Contains("<b>0</b>Business Units over capacity"));
  CHECK_THAT(page, Catch::Contains("Capacity not recorded for Community Safety, Housing and Youth Services"));
  no_claims("brief", page);
  no_claims("brief text", read_text(dir / "out" / "partnermap-pack.txt"));
}

TEST_CASE("cli import: the README's walk from an officer's own sheet", "[cli][import]") {
  TempDir dir;
  const std::string d = PARTNERMAP_DATASETS;
  const Run r = run_partnermap("import " + q(d + "/northfield-partnerships.csv") + " -o " + q(dir / "register.json") +
                               " --with " + q(d + "/northfield-staff-time.csv") + " --as-of 2025-04-01");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains(": 4 partnerships, 8 organisations, 5 Business Units, 4 themes from ") &&
                        Catch::Contains("; capacities of 4 Business Units from "));
  CHECK_THAT(r.err, Catch::Contains("capacity not recorded for \"Environmental Health\""));
  const Run a = run_partnermap("analyse " + q(dir / "register.json"));
  CHECK_THAT(a.out, Catch::Contains("Capacity: over capacity: Community Safety (107%) and Youth Services (125%). Capacity "
                                    "not recorded\n  for Environmental Health"));
}

TEST_CASE("cli import: a UTF-8 CSV with a stray byte exits 2 naming the row and column; Windows-1252 reads", "[cli][import]") {
  TempDir dir;
  write_text(dir / "mixed.csv", "Partnership,Nature,Partners\nCaf\xC3\xA9 Forum,project,X\nTown Caf\xE9,project,Y\n");
  const Run r = run_partnermap("import " + q(dir / "mixed.csv") + " -o " + q(dir / "m.json") + " --council X");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("mixed.csv row 3, column A: the byte 0xE9 is not UTF-8, though the rest of the file is"));
  CHECK_FALSE(std::filesystem::exists(dir / "m.json"));
  write_text(dir / "cp.csv", "Partnership;Nature;Partners\nCaf\xE9 Forum;project;X\n");
  const Run w = run_partnermap("import " + q(dir / "cp.csv") + " -o " + q(dir / "c.json") + " --council X");
  CHECK(w.status == 0);
  CHECK_THAT(w.err, Catch::Contains("read as Windows-1252"));
  CHECK_THAT(read_text(dir / "c.json"), Catch::Contains("Caf\xC3\xA9 Forum"));
}

TEST_CASE("cli import: ODS, and a workbook whose error cell is used, through the binary", "[cli][import]") {
  TempDir dir;
  const Run o = run_partnermap("import " + q(data_file("import/register.ods")) + " -o " + q(dir / "o.json") +
                               " --council \"The Council\" --as-of 2004-09-01 --sheet \"Old register\"");
  CHECK(o.status == 0);
  CHECK_THAT(o.out, Catch::Contains(": 1 partnership, ") && Catch::Contains("(sheet \"Old register\")"));
  const Run n = run_partnermap("import " + q(data_file("import/register.ods")) + " -o " + q(dir / "n.json") +
                               " --council \"The Council\" --as-of 2004-09-01");
  CHECK(n.status == 2);
  CHECK_THAT(n.err, Catch::Contains("Register 2004 row 4, column F \"Budget\": the cell shows the error #N/A, not a value"));
  CHECK_THAT(n.err, Catch::Contains("the hidden sheet \"Old register\" is not read"));
  const Run e = run_partnermap("import " + q(data_file("import/openpyxl-error.xlsx")) + " -o " + q(dir / "e.json") +
                               " --council \"The Council\" --as-of 2004-09-01");
  CHECK(e.status == 2);
  CHECK_THAT(e.err, Catch::Contains("Register row 2, column F \"Budget\": the cell shows the error #N/A, not a value"));
  const Run x = run_partnermap("import " + q(data_file("import/broken-xml.xlsx")) + " -o " + q(dir / "x.json"));
  CHECK(x.status == 2);
  CHECK_THAT(x.err, Catch::Contains("its part xl/worksheets/sheet2.xml is not well-formed XML"));
}

namespace {

const char* role_word(partnermap::Role r) { return partnermap::to_string(r); }

// The register as a person would write it down from the sheet: each partnership with its nature,
// every member and role, every unit's hours, its dates, stage and indicators.
std::string by_hand(const partnermap::Register& reg) {
  std::string out;
  for (const partnermap::Partnership& p : reg.partnerships) {
    out += p.id + " | " + p.name + " | " + partnermap::to_string(p.nature) + "\n  members:";
    for (const partnermap::Member& m : p.members) out += " " + reg.organisations[m.org].name + " (" + role_word(m.role) + ");";
    out += "\n  hours:";
    for (const partnermap::Commitment& c : p.commitments) {
      char h[32];
      std::snprintf(h, sizeof h, "%g", c.hours);
      out += " " + reg.business_units[c.unit].name + " " + h + ";";
    }
    out += "\n  dates:";
    if (p.start) out += " start " + partnermap::to_iso(*p.start);
    if (p.end) out += " end " + partnermap::to_iso(*p.end);
    if (p.last_review) out += " reviewed " + partnermap::to_iso(*p.last_review);
    if (p.stage) out += std::string(" | stage ") + partnermap::to_string(*p.stage);
    if (p.indicators) {
      out += " | indicators:";
      for (const std::string& i : *p.indicators) out += " " + i + ";";
    }
    out += "\n";
  }
  return out;
}

struct CouncilSheet {
  std::string file, options, summary, register_by_hand;
};

}  // namespace

TEST_CASE("cli import: three councils' own sheets give the register a person would write by hand", "[cli][import]") {
  const std::vector<CouncilSheet> sheets = {
      {"northfield-borough.csv", "",
       "3 partnerships, 6 organisations, 3 Business Units, 0 themes from NAME; nature from column C \"Kind of "
       "partnership\", Council role from column D \"NBC role\", staff time from column G \"Service\" and column H \"Staff "
       "hours a month\"",
       "NB01 | Northfield Community Safety Partnership | strategic\n"
       "  members: Northfield Borough Council (lead); Northfield Police (lead); Northfield CVS (support); Northfield PCT (support);\n"
       "  hours: Community Safety 30;\n"
       "  dates: start 2009-04-01 reviewed 2016-04-01 | stage running | indicators: Crime down 5% a year;\n"
       "NB02 | Healthy Northfield | operational\n"
       "  members: Northfield Borough Council (support); Northfield PCT (lead); Northfield CVS (observer); Sport Northfield (support);\n"
       "  hours: Leisure 12;\n"
       "  dates: start 2012-06-01 reviewed 2016-03-14 | stage running | indicators: Adults active;\n"
       "NB03 | Northfield Town Centre Board | funding\n"
       "  members: Northfield Borough Council (observer); Northfield Chamber of Trade (lead); Northfield Police (support);\n"
       "  hours: Planning 2;\n"
       "  dates: start 2014-09-01 | stage evaluating\n"},
      {"kestrel-district.csv", "--council \"Kestrel District Council\" --council-alias \"Kestrel DC\"",
       "3 partnerships, 8 organisations, 2 Business Units, 0 themes from NAME; nature from column B \"Type\", Council role "
       "from column C \"Council involvement\", staff time from column F \"Business unit\" and column G \"Officer input "
       "(hours)\"",
       "kestrel-housing-forum | Kestrel Housing Forum | operational\n"
       "  members: Kestrel District Council (lead); Kestrel Homes (lead); Shelter Kestrel (support);\n"
       "  hours: Housing Services 40;\n"
       "  dates: start 2011-05-01 reviewed 2015-09-30 | indicators: Homes let;\n"
       "kestrel-youth-network | Kestrel Youth Network | project\n"
       "  members: Kestrel District Council (support); Kestrel YMCA (lead); Kestrel College (lead); Kestrel Youth Trust (observer);\n"
       "  hours: Culture (Leisure) 8;\n"
       "  dates: start 2013-03-01 | indicators: Young people reached;\n"
       "kestrel-economic-group | Kestrel Economic Group | strategic\n"
       "  members: Kestrel Chamber (lead); Kestrel College (support); Kestrel Enterprise Agency (support);\n"
       "  hours:\n"
       "  dates: start 2010-01-01 reviewed 2016-01-31 | indicators: Jobs created;\n"},
      {"harbour-city.csv", "",
       "3 partnerships, 7 organisations, 4 Business Units, 0 themes from NAME; nature from column B \"Nature\", Council "
       "role from column C \"Our role\", staff time from column F \"Officer time (hrs/month)\"",
       "harbour-regeneration-company | Harbour Regeneration Company | strategic\n"
       "  members: Harbour City Council (lead); Harbour Port Authority (lead); Harbour Business Club (support);\n"
       "  hours: Regeneration 20; Planning 6;\n"
       "  dates: start 2008-04-01 end 2018-03-31 reviewed 2015-10-01 | stage running | indicators: Jobs; Floor space;\n"
       "harbour-carers-network | Harbour Carers Network | operational\n"
       "  members: Harbour City Council (observer); Harbour Carers Trust (lead); Harbour CCG (support);\n"
       "  hours: Adult Care 3;\n"
       "  dates: start 2012-07-01 | stage establishing\n"
       "harbour-arts-fund | Harbour Arts Fund | funding\n"
       "  members: Harbour City Council (support); Harbour Arts Trust (lead); Harbour Arts Council (support);\n"
       "  hours: Culture 10;\n"
       "  dates: start 2014-01-01 end 2017-03-31 reviewed 2016-01-01 | stage evaluating | indicators: Visitors;\n"},
  };
  for (const CouncilSheet& s : sheets) {
    INFO(s.file);
    TempDir dir;
    const std::string sheet = data_file("import/" + s.file);
    const Run r = run_partnermap("import " + q(sheet) + " -o " + q(dir / "r.json") + " --as-of 2016-06-01 " + s.options);
    REQUIRE(r.status == 0);
    std::string summary = s.summary;
    summary.replace(summary.find("NAME"), 4, sheet);
    CHECK_THAT(r.out, Catch::Contains(summary));
    CHECK(by_hand(partnermap::load_register_file((dir / "r.json").string()).reg) == s.register_by_hand);
    CHECK(run_partnermap("validate " + q(dir / "r.json")).status == 0);
    // Initialisms are two bodies, never "a few letters apart".
    CHECK_THAT(r.err, !Catch::Contains("a few letters apart"));
  }
}

TEST_CASE("cli import: notes and warnings name the cell and what to write", "[cli][import]") {
  TempDir dir;
  const std::string sheet = data_file("import/northfield-borough.csv");
  const Run r = run_partnermap("import " + q(sheet) + " -o " + q(dir / "r.json") + " --as-of 2016-06-01");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains(sheet + " row 5, column J \"When last reviewed\": \"April 2016\" gives no day, so it is "
                                            "read as 1 April 2016, the first of the month; write the day if it is another"));
  CHECK_THAT(r.err, Catch::Contains(sheet + " row 6, column F \"Partner organisations\": names the council (Northfield Borough "
                                            "Council) as a partner (lead), but the Council role"));
  CHECK_THAT(r.err, Catch::Contains(sheet + " row 4, column M \"Notes\": not a column partnermap knows; its values are kept on "
                                            "each partnership as \"notes\""));
}

TEST_CASE("cli import: a heading that looks like a figure's column is exit 2 until mapped with --column", "[cli][import]") {
  TempDir dir;
  write_text(dir / "s.csv", "Partnership,Nature,Involvement of the authority,Lead partner,Partners\r\n"
                            "A,strategic,lead,Eden Council,Police\r\n");
  const Run r = run_partnermap("import " + q(dir / "s.csv") + " -o " + q(dir / "r.json"));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("s.csv row 1, column C \"Involvement of the authority\": this looks like the \"Council "
                                    "role\" column, and no other column gives it, so the figures that depend on it would be "
                                    "wrong; if it is that column, map it with --column \"Involvement of the authority=Council "
                                    "role\""));
  CHECK_FALSE(std::filesystem::exists(dir / "r.json"));
  const Run m = run_partnermap("import " + q(dir / "s.csv") + " -o " + q(dir / "r.json") +
                               " --column \"Involvement of the authority=Council role\"");
  REQUIRE(m.status == 0);
  CHECK_THAT(m.out, Catch::Contains("Council role from column C \"Involvement of the authority\""));
  const auto reg = partnermap::load_register_file((dir / "r.json").string()).reg;
  CHECK(reg.organisations[reg.council].name == "Eden Council");
  CHECK(reg.partnerships[0].members[0].role == partnermap::Role::lead);
  const Run bad = run_partnermap("import " + q(dir / "s.csv") + " -o " + q(dir / "r2.json") + " --column \"Involvement\"");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("--column Involvement: write it as \"HEADING=FIELD\""));
}
