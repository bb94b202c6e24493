// A council's own words and thresholds (the register's `policy`), and every figure told the same
// way in every command and format: run as an officer runs them, the real binary on files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "support.h"

using namespace partnermap::test;
using nlohmann::json;

namespace {

std::string shell_path(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += "'";
  return out;
}

// Every file under `dir`, read as text.
std::string all_files(const std::filesystem::path& dir) {
  std::string out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() != ".png" && e.path().extension() != ".xlsx" &&
        e.path().extension() != ".pdf")
      out += read_text(e.path()) + "\n";
  return out;
}

// The Carlisle register as another council's: its names changed and its policy replaced.
json other_council() {
  std::string text = read_text(carlisle());
  for (std::size_t at; (at = text.find("Carlisle")) != std::string::npos;) text.replace(at, 8, "Eden");
  // An organisation of the register is called this; the test is of partnermap's own words.
  for (std::size_t at; (at = text.find("Best Value Review")) != std::string::npos;) text.replace(at, 17, "Scrutiny review");
  json reg = json::parse(text);
  reg["policy"] = {{"theme", "Corporate priority"}, {"themes", "Corporate priorities"},
                   {"unit", "Service area"},        {"units", "Service areas"},
                   {"policy", "the Partnership Framework"}, {"review", "the annual partnership health check"},
                   {"stretched", 0.75},             {"lead_share", 0.6},
                   {"significant_contribution", 50000}, {"funding_horizon_months", 6}};
  return reg;
}

// The commands and formats beyond the everyday ones: the network, the diagram's DOT and PDF, the
// matrix as a workbook, the explorer, the exports, diff and trend against the register with one
// partnership fewer, validate, and an assessment of a new partnership. Their text, and what they
// write into `dir`.
std::string more_outputs(const std::filesystem::path& reg, const TempDir& dir) {
  std::string out;
  auto run = [&](const std::string& args) {
    const Run r = run_partnermap(args);
    INFO(args << "\n" << r.err);
    REQUIRE(r.status == 0);
    out += r.out + r.err;
  };
  run("network " + shell_path(reg));
  run("network --json " + shell_path(reg));
  run("validate " + shell_path(reg));
  run("matrix " + shell_path(reg) + " -o " + shell_path(dir / "matrix.xlsx"));
  out += run_command("unzip -p " + shell_path(dir / "matrix.xlsx")).out;  // every part of the workbook, as text
  for (const char* ext : {".dot", ".pdf"})
    run("diagram " + shell_path(reg) + " --view capacity -o " + shell_path(dir / (std::string("capacity") + ext)));
  run("explore " + shell_path(reg) + " -o " + shell_path(dir / "explore.html"));
  for (const char* ext : {".graphml", ".gexf"})
    run("export " + shell_path(reg) + " -o " + shell_path(dir / (std::string("network") + ext)));
  json fewer = json::parse(read_text(reg));
  fewer["partnerships"].erase(fewer["partnerships"].size() - 1);
  const auto earlier = dir / "earlier.json";
  write_text(earlier, fewer.dump());
  run("diff " + shell_path(earlier) + " " + shell_path(reg) + " --html " + shell_path(dir / "diff.html"));
  run("diff --json " + shell_path(earlier) + " " + shell_path(reg));
  run("trend " + shell_path(earlier) + " " + shell_path(reg) + " --csv " + shell_path(dir / "trend.csv"));
  run("trend --json " + shell_path(earlier) + " " + shell_path(reg));
  const json r = json::parse(read_text(reg));
  const json proposal = {{"partnership",
                          {{"id", "proposed-new"}, {"name", "A proposed partnership"}, {"nature", "project"},
                           {"members", {{{"org", r["council"]}, {"role", "lead"}}}},
                           {"themes", {r["themes"][0]["id"]}},
                           {"commitments", {{{"unit", r["business_units"][0]["id"]}, {"hours", 6}}}}}}};
  write_text(dir / "proposal.json", proposal.dump());
  run("assess " + shell_path(reg) + " " + shell_path(dir / "proposal.json") + " --html " + shell_path(dir / "assess.html"));
  run("assess --json " + shell_path(reg) + " " + shell_path(dir / "proposal.json"));
  // PDFs as the text a reader sees in them.
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path))
    if (e.path().extension() == ".pdf") out += run_command("pdftotext " + shell_path(e.path()) + " -").out;
  return out;
}

// Each output an officer makes from `reg`, written into `dir`; all of their text.
std::string every_output(const std::filesystem::path& reg, const TempDir& dir) {
  std::string out;
  for (const char* cmd : {"analyse", "review", "capacity", "roles-never"}) {
    if (std::string(cmd) == "roles-never") break;
    const Run r = run_partnermap(std::string(cmd) + " " + shell_path(reg));
    REQUIRE(r.status == 0);
    out += r.out + r.err;
  }
  for (const char* cmd : {"analyse --json", "review --json", "capacity --json"}) {
    const Run r = run_partnermap(std::string(cmd) + " " + shell_path(reg));
    REQUIRE(r.status == 0);
    out += r.out;
  }
  for (const char* ext : {".md", ".csv", ".html", ".json"}) {
    const Run r = run_partnermap("matrix " + shell_path(reg) + " -o " + shell_path(dir / (std::string("matrix") + ext)));
    REQUIRE(r.status == 0);
  }
  for (const char* view : {"network", "themes", "capacity"}) {
    const Run r = run_partnermap("diagram " + shell_path(reg) + " --view " + view + " -o " +
                                 shell_path(dir / (std::string(view) + ".svg")));
    REQUIRE(r.status == 0);
  }
  const Run b = run_partnermap("brief " + shell_path(reg) + " -o " + shell_path(dir / "pack"));
  REQUIRE(b.status == 0);
  out += more_outputs(reg, dir);
  return out + all_files(dir.path);
}

}  // namespace

TEST_CASE("another council's policy gives its words and thresholds in every output", "[policy][cli]") {
  TempDir dir;
  const auto reg = dir / "eden.json";
  write_text(reg, other_council().dump(1));
  TempDir outputs;
  const std::string all = every_output(reg, outputs);
  for (const char* theirs : {"City Vision", "Best Value Review", "Carlisle", "Business Unit", "five-minute"}) {
    INFO(theirs);
    CHECK(all.find(theirs) == std::string::npos);
  }
  CHECK(all.find("Corporate priorit") != std::string::npos);
  CHECK(all.find("Service area") != std::string::npos);
  CHECK(all.find("the annual partnership health check") != std::string::npos);
  CHECK(read_text(outputs / "pack/index.html").find("stretched: 75% or more") != std::string::npos);

  // The verdicts follow the thresholds: 16 of 30 led (53%) is within a 60% limit.
  const json roles = json::parse(run_partnermap("analyse --json " + shell_path(reg)).out)["roles"];
  CHECK(roles["dominance_threshold"] == Approx(0.6));
  CHECK(roles["dominates"] == false);
  CHECK(json::parse(run_partnermap("analyse --json " + shell_path(carlisle())).out)["roles"]["dominates"] == true);
  const Run analyse = run_partnermap("analyse " + shell_path(reg));
  CHECK(analyse.out.find("within the 60%") != std::string::npos);
  CHECK(analyse.out.find("the Partnership Framework asks") != std::string::npos);

  const json mine = json::parse(run_partnermap("review --json " + shell_path(reg)).out);
  const json theirs = json::parse(run_partnermap("review --json " + shell_path(carlisle())).out);
  CHECK(mine["settings"]["posts_months"] == 6);
  CHECK(mine["settings"]["significant_pounds"] == 50000);
  CHECK(mine["severe"] != theirs["severe"]);  // posts funded 7 to 12 months ahead are no longer severe

  const json cap = json::parse(run_partnermap("capacity --json " + shell_path(reg)).out);
  const json carlisle_cap = json::parse(run_partnermap("capacity --json " + shell_path(carlisle())).out);
  CHECK(cap["thresholds"]["stretched"] == Approx(0.75));
  CHECK(carlisle_cap["thresholds"]["stretched"] == Approx(0.85));
  for (const json& u : cap["units"]) {
    const double used = u["utilisation"];
    CHECK((u["status"] == "stretched") == (used >= 0.75 && used <= 1.0));
  }
}

TEST_CASE("a register with no policy speaks in neutral words", "[policy][cli]") {
  TempDir dir;
  const auto reg = dir / "generated.json";
  REQUIRE(run_partnermap("generate --organisations 60 --partnerships 30 -o " + shell_path(reg)).status == 0);
  TempDir outputs;
  const std::string all = every_output(reg, outputs);
  for (const char* theirs : {"City Vision", "Best Value Review", "Carlisle", "Partnership Policy", "five-minute"}) {
    INFO(theirs);
    CHECK(all.find(theirs) == std::string::npos);
  }
  CHECK(all.find("the partnership review") != std::string::npos);
}

TEST_CASE("the Carlisle register states its own policy and keeps its words", "[policy][cli]") {
  const Run r = run_partnermap("review " + shell_path(carlisle()));
  REQUIRE(r.status == 0);
  CHECK(r.out.find("No City Vision theme") != std::string::npos);
  CHECK(r.out.find("Best Value Review, key issue 5") != std::string::npos);
  const Run a = run_partnermap("analyse " + shell_path(carlisle()));
  CHECK(a.out.find("the Best Value Review asks") != std::string::npos);
}

TEST_CASE("review's by-check rows add up to its headline", "[policy][cli]") {
  TempDir dir;
  const auto generated = dir / "generated.json";
  REQUIRE(run_partnermap("generate --organisations 120 --partnerships 80 --seed 7 -o " + shell_path(generated)).status == 0);
  for (const std::string& reg : {carlisle(), generated.string()}) {
    INFO(reg);
    const Run r = run_partnermap("review '" + reg + "'");
    REQUIRE(r.status == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex(R"((\d+) severe findings?, (\d+) warnings? and (\d+) pieces? of advice)")));
    const long severe = std::stol(m[1]), warnings = std::stol(m[2]), advice = std::stol(m[3]);
    const std::size_t from = r.out.find("Findings by check"), to = r.out.find("Findings by partnership");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    const std::string table = r.out.substr(from, to - from);
    // A row: the check's title, then three counts ("-" for none), then names.
    const std::regex row(R"(\n(\S[^\n]*?)  +(\d+|-)  +(\d+|-)  +(\d+|-)(  |\n))");
    long sums[3] = {0, 0, 0}, totals[3] = {-1, -1, -1};
    for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it) {
      const bool total = (*it)[1].str().rfind("Total", 0) == 0;
      for (int k = 0; k < 3; ++k) {
        const long n = (*it)[k + 2] == "-" ? 0 : std::stol((*it)[k + 2]);
        if (total) totals[k] = n;
        else sums[k] += n;
      }
    }
    CHECK(sums[0] == severe);
    CHECK(sums[1] == warnings);
    CHECK(sums[2] == advice);
    CHECK(totals[0] == severe);
    // Tables for people name partnerships by name, not by id.
    if (reg == carlisle()) {
      CHECK(table.find("cdrp,") == std::string::npos);
    }
  }
}

TEST_CASE("the brief counts only the review's own questions as failing it", "[policy][cli]") {
  TempDir dir;
  REQUIRE(run_partnermap("brief " + shell_path(carlisle()) + " -o " + shell_path(dir / "pack")).status == 0);
  const std::string page = read_text(dir / "pack/index.html");
  const json review = json::parse(run_partnermap("review --json " + shell_path(carlisle())).out);
  std::size_t failing = 0, posts_soon = 0;
  for (const json& p : review["partnerships"]) {
    bool fails = false;
    for (const json& f : p["findings"]) {
      const std::string code = f["code"];
      if (f["severity"] == "severe" && (code == "no-theme" || code == "no-role" || code == "no-benefit")) fails = true;
      if (code == "posts-at-risk" && f["severity"] == "severe") ++posts_soon;
    }
    failing += fails;
  }
  CHECK(page.find(std::to_string(failing) + " partnerships fail the five-minute review") != std::string::npos);
  CHECK(page.find("lose their funding within 12 months (or have lost it) in " + std::to_string(posts_soon) + " partnership") !=
        std::string::npos);
}

TEST_CASE("every percentage of a figure reads the same in every command and format", "[policy][cli]") {
  // 135 of 120 is 112.5%, 34 of 80 is 42.5%, 5 of 8 is 62.5%: halves go away from zero everywhere.
  const std::string text = R"({"format": "partnermap/1", "as_of": "2024-06-01", "council": "cc",
    "themes": [{"id": "t1", "name": "Priority one"}],
    "business_units": [{"id": "over", "name": "Unit Over", "capacity_hours": 120},
                       {"id": "mid", "name": "Unit Middle", "capacity_hours": 80},
                       {"id": "five", "name": "Unit Five", "capacity_hours": 8},
                       {"id": "idle", "name": "Unit Idle", "capacity_hours": 50},
                       {"id": "none", "name": "Unit Unknown"},
                       {"id": "tiny", "name": "Unit Tiny", "capacity_hours": 1e-30}],
    "organisations": [{"id": "cc", "name": "The Council"}, {"id": "a", "name": "Partner A"}],
    "partnerships": [{"id": "p1", "name": "First partnership", "nature": "strategic",
       "members": [{"org": "cc", "role": "support"}, {"org": "a", "role": "lead"}], "themes": ["t1"],
       "commitments": [{"unit": "over", "hours": 135}, {"unit": "mid", "hours": 34}, {"unit": "five", "hours": 5},
                       {"unit": "none", "hours": 7}, {"unit": "tiny", "hours": 10}]}]})";
  TempDir dir;
  const auto reg = dir / "edges.json";
  write_text(reg, text);
  TempDir outputs;
  const std::string all = every_output(reg, outputs);
  for (const char* right : {"113%", "43%", "63%", "0%", "not recorded", "over 1,000,000%"}) {
    INFO(right);
    CHECK(all.find(right) != std::string::npos);
  }
  for (const char* wrong : {"112%", "42%", "62%", "inf%", "n/a", "no capacity", "1000000000000000"}) {
    INFO(wrong);
    CHECK(all.find(wrong) == std::string::npos);
  }
  // Each command and format on its own, so that none can hide behind another.
  const Run capacity = run_partnermap("capacity " + shell_path(reg));
  const Run analyse = run_partnermap("analyse " + shell_path(reg));
  const std::string brief = read_text(outputs / "pack/index.html");
  const std::string svg = read_text(outputs / "capacity.svg");
  for (const std::string* out : {&capacity.out, &analyse.out, &brief, &svg}) {
    CHECK(out->find("113%") != std::string::npos);
    CHECK(out->find("112%") == std::string::npos);
  }
  // A unit whose capacity is not recorded is never over capacity or stretched.
  const json cap = json::parse(run_partnermap("capacity --json " + shell_path(reg)).out);
  std::map<std::string, std::string> status;
  for (const json& u : cap["units"]) status[u["id"]] = u["status"];
  CHECK(status["none"] == "not_recorded");
  CHECK(status["over"] == "overloaded");
  CHECK(status["mid"] == "ok");
  CHECK(capacity.out.find("Capacity not recorded for Unit Unknown") != std::string::npos);
  CHECK(capacity.out.find("capacity_hours") != std::string::npos);
  CHECK(brief.find("Capacity not recorded for Unit Unknown") != std::string::npos);
  CHECK(json::parse(run_partnermap("analyse --json " + shell_path(reg)).out)["summary"]["units_overloaded"] == 2);
}

TEST_CASE("validate checks the policy with located messages", "[policy][cli]") {
  json reg = json::parse(read_text(carlisle()));
  reg["policy"] = {{"stretched", 1.5}, {"lead_share", 2}, {"units", ""}, {"stretchd", 0.8},
                   {"review_months", 0}, {"significant_accountable_body", "yes"}, {"sources", {{"roless", "x"}}}};
  TempDir dir;
  write_text(dir / "bad.json", reg.dump(1));
  const Run r = run_partnermap("validate " + shell_path(dir / "bad.json"));
  CHECK(r.status == 2);
  const std::string all = r.out + r.err;
  CHECK(all.find("policy.stretched: 1.5 is above \"overloaded\"") != std::string::npos);
  CHECK(all.find("policy.lead_share: 2 is not a share") != std::string::npos);
  CHECK(all.find("policy.units: is empty") != std::string::npos);
  CHECK(all.find("policy.review_months: 0 months is out of range") != std::string::npos);
  CHECK(all.find("policy.significant_accountable_body: should be true or false") != std::string::npos);
  CHECK(all.find("did you mean \"stretched\"") != std::string::npos);
  CHECK(all.find("did you mean \"roles\"") != std::string::npos);
}

TEST_CASE("a register dated at the calendar's end forecasts no month past it", "[policy][cli]") {
  TempDir dir;
  write_text(dir / "far.json", R"({"format": "partnermap/1", "as_of": "9999-12-31", "council": "cc", "themes": [],
    "business_units": [{"id": "u", "name": "Unit", "capacity_hours": 10}],
    "organisations": [{"id": "cc", "name": "The Council"}],
    "partnerships": [{"id": "p", "name": "P", "nature": "project", "members": [{"org": "cc", "role": "lead"}],
                      "commitments": [{"unit": "u", "hours": 5}]}]})");
  const Run r = run_partnermap("capacity --json --months 6 " + shell_path(dir / "far.json"));
  REQUIRE(r.status == 0);
  const json months = json::parse(r.out)["forecast"]["months"];
  REQUIRE(months.size() == 1);
  CHECK(months[0] == "9999-12-31");
  const Run text = run_partnermap("capacity --months 6 " + shell_path(dir / "far.json"));
  CHECK(text.out.find("10000") == std::string::npos);
}

TEST_CASE("a workbook's Policy sheet in another council's words gives its words and thresholds", "[policy][cli][import]") {
  TempDir dir;
  const std::string script = std::string(PARTNERMAP_TEST_DATA) + "/../cli/policy_workbook.py";
  const std::string python = "/usr/bin/python3 " + shell_path(script) + " " + shell_path(PARTNERMAP_DATASETS) + " ";
  REQUIRE(run_command(python + shell_path(dir / "eden.xlsx") + " good").status == 0);
  const Run imported = run_partnermap("import " + shell_path(dir / "eden.xlsx") + " -o " + shell_path(dir / "eden.json") +
                                      " --as-of 2004-09-01");
  INFO(imported.err);
  REQUIRE(imported.status == 0);
  const json policy = json::parse(read_text(dir / "eden.json"))["policy"];
  CHECK(policy["themes"] == "Corporate priorities");
  CHECK(policy["stretched"] == Approx(0.75));
  CHECK(policy["significant_contribution"] == 50000);
  CHECK(policy["funding_horizon_months"] == 6);
  CHECK(policy["sources"]["roles"] == "the Partnership Framework, section 3");

  // The sheet gives no capacities; give each unit 40 hours so that the thresholds have work to do.
  json reg = json::parse(read_text(dir / "eden.json"));
  for (json& u : reg["business_units"]) u["capacity_hours"] = 40;
  write_text(dir / "eden.json", reg.dump(1));
  const Run review = run_partnermap("review " + shell_path(dir / "eden.json"));
  REQUIRE(review.status == 0);
  CHECK(review.out.find("No Corporate priority") != std::string::npos);
  CHECK(review.out.find("City Vision") == std::string::npos);
  const json settings = json::parse(run_partnermap("review --json " + shell_path(dir / "eden.json")).out)["settings"];
  CHECK(settings["posts_months"] == 6);
  CHECK(settings["significant_pounds"] == 50000);
  const Run analyse = run_partnermap("analyse " + shell_path(dir / "eden.json"));
  CHECK(analyse.out.find("within the 60%") != std::string::npos);
  CHECK(analyse.out.find("the Partnership Framework, section 3") != std::string::npos);
  REQUIRE(run_partnermap("brief " + shell_path(dir / "eden.json") + " --no-pdf -o " + shell_path(dir / "pack")).status == 0);
  const std::string page = read_text(dir / "pack/index.html");
  CHECK(page.find("stretched: 75% or more") != std::string::npos);
  CHECK(page.find("Service areas over capacity") != std::string::npos);
  CHECK(page.find("the annual partnership health check") != std::string::npos);
  for (const char* theirs : {"City Vision", "Best Value Review", "Carlisle", "Business Unit"}) {
    INFO(theirs);
    CHECK(page.find(theirs) == std::string::npos);
  }
}

TEST_CASE("a bad value in a workbook's Policy sheet is an error at its cell, and nothing is written", "[policy][cli][import]") {
  TempDir dir;
  const std::string script = std::string(PARTNERMAP_TEST_DATA) + "/../cli/policy_workbook.py";
  REQUIRE(run_command("/usr/bin/python3 " + shell_path(script) + " " + shell_path(PARTNERMAP_DATASETS) + " " +
                      shell_path(dir / "bad.xlsx") + " bad").status == 0);
  const Run r = run_partnermap("import " + shell_path(dir / "bad.xlsx") + " -o " + shell_path(dir / "bad.json") +
                               " --as-of 2004-09-01");
  CHECK(r.status == 2);
  CHECK(r.err.find("Our policy row 4, column B \"Our choice\": the \"Unit stretched at\" setting: \"eighty\" is not a "
                   "percentage; write a percentage such as 85%, or a share such as 0.85") != std::string::npos);
  CHECK(r.err.find("Our policy row 5, column B \"Our choice\": the \"Council leads more than (share of partnerships)\" "
                   "setting: \"150%\" is out of range") != std::string::npos);
  CHECK(r.err.find("Our policy row 6, column B \"Our choice\": the \"Significant: the council is the accountable body\" "
                   "setting: \"sometimes\" is not yes or no") != std::string::npos);
  CHECK(r.err.find("Our policy row 7, column B \"Our choice\": the \"Review overdue after (months)\" setting: \"twelve\" "
                   "is not a number of months") != std::string::npos);
  CHECK(r.err.find("Our policy row 8, column A \"Setting\": \"Colour of the logo\" is not a policy setting") != std::string::npos);
  CHECK(r.err.find("Our policy row 10, column A \"Setting\": the setting \"policy\" again (row 9 gives it already)") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "bad.json"));
}

TEST_CASE("a Policy sheet headed Setting and Value is read as the policy only, and its words name the other sheets",
          "[policy][cli][import]") {
  // As an officer fills the template's settings in: the first setting names the theme word, which a
  // themes sheet's heading would also say.
  TempDir dir;
  write_text(dir / "make.py",
             "import openpyxl\n"
             "wb = openpyxl.Workbook()\n"
             "ws = wb.active\n"
             "ws.title = 'Register'\n"
             "ws.append(['Partnership', 'Nature', 'Council role', 'Lead partner', 'Partners', 'Corporate priority',"
             " 'Business Units and hours'])\n"
             "ws.append(['Safer Riverside', 'strategic', 'lead', 'Riverside District Council', 'Police',"
             " 'Safer neighbourhoods', 'Communities: 40'])\n"
             "u = wb.create_sheet('Service areas')\n"
             "u.append(['Service area', 'Hours available each month'])\n"
             "u.append(['Communities', 45])\n"
             "p = wb.create_sheet('Policy')\n"
             "p.append(['Setting', 'Value'])\n"
             "p.append(['Word for one theme (singular)', 'Corporate priority'])\n"
             "p.append(['Word for themes (plural)', 'Corporate priorities'])\n"
             "p.append(['Word for one Business Unit (singular)', 'Service area'])\n"
             "p.append(['Word for Business Units (plural)', 'Service areas'])\n"
             "wb.save('" + (dir / "riverside.xlsx").string() + "')\n");
  REQUIRE(run_command("/usr/bin/python3 " + shell_path(dir / "make.py")).status == 0);
  const Run r = run_partnermap("import " + shell_path(dir / "riverside.xlsx") + " -o " + shell_path(dir / "riverside.json") +
                               " --council 'Riverside District Council'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("1 Service area, 1 Corporate priority from ") != std::string::npos);
  CHECK(r.out.find("4 policy settings from \"Policy\"; capacities of 1 Service area from \"Service areas\"") != std::string::npos);
  const json reg = json::parse(read_text(dir / "riverside.json"));
  REQUIRE(reg["themes"].size() == 1);
  CHECK(reg["themes"][0]["name"] == "Safer neighbourhoods");
  CHECK(reg["policy"]["units"] == "Service areas");
  CHECK(reg["business_units"][0]["capacity_hours"] == 40 + 5);
}
