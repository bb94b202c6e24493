// A workbook's Policy sheet: settings recognised by their words, values checked where they stand,
// and the template's sheet holding every setting with its default.
#include <catch2/catch.hpp>

#include <set>

#include "import/policy_sheet.h"
#include "import/text.h"
#include "import_support.h"
#include "load/policy_reader.h"
#include "partnermap/policy.h"
#include "support.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

std::string key_of(const std::string& words) {
  std::vector<std::string> candidates;
  return import::recognise_setting(words, candidates).value_or("?");
}

nlohmann::json read_sheet(const std::string& csv, std::vector<Problem>& problems) {
  return import::read_policy_sheet(read_csv(csv, "Policy"), problems);
}

}  // namespace

TEST_CASE("import: a policy setting is recognised by an officer's words", "[import][policy]") {
  CHECK(key_of("Stretched from (% of capacity)") == "stretched");
  CHECK(key_of("Unit stretched at") == "stretched");
  CHECK(key_of("Over capacity above") == "overloaded");
  CHECK(key_of("What do we call our priorities?") == "themes");
  CHECK(key_of("Priority (one)") == "theme");
  CHECK(key_of("Word for one theme (singular)") == "theme");
  CHECK(key_of("Our word for service areas") == "units");
  CHECK(key_of("Our word for a service area") == "unit");
  CHECK(key_of("Directorates") == "units");
  CHECK(key_of("Policy document") == "policy");
  CHECK(key_of("Review process") == "review");
  CHECK(key_of("Review interval (months)") == "review_months");
  CHECK(key_of("Council leads more than (share of partnerships)") == "lead_share");
  CHECK(key_of("lead_share") == "lead_share");
  CHECK(key_of("Low satisfaction below") == "satisfaction");
  CHECK(key_of("Posts at risk when funding ends within") == "funding_horizon_months");
  CHECK(key_of("Significant partnership: council contribution (\xC2\xA3)") == "significant_contribution");
  CHECK(key_of("Significant: total budget of at least") == "significant_budget");
  CHECK(key_of("Significant: rated high risk") == "significant_high_risk");
  CHECK(key_of("Significant when this many of those hold") == "significant_when");
  CHECK(key_of("Source for the posts at risk finding") == "sources.posts-at-risk");
  CHECK(key_of("Source cited by the no risk finding") == "sources.no-risk");
  CHECK(key_of("Colour of the logo") == "?");
  // Words that could mean either of two settings are not guessed at.
  std::vector<std::string> candidates;
  CHECK_FALSE(import::recognise_setting("Stretched or overloaded", candidates));
  CHECK(candidates == std::vector<std::string>{"stretched", "overloaded"});
}

TEST_CASE("import: a policy sheet gives the register's policy", "[import][policy]") {
  std::vector<Problem> problems;
  const nlohmann::json p = read_sheet(
      "Partnership framework settings\r\n"
      "Setting,Our choice,Notes\r\n"
      "What do we call our priorities?,Corporate priorities,\r\n"
      "Unit stretched at,75%,agreed 2024\r\n"
      "Council leads more than,60,\r\n"
      "Over capacity above,1.1,\r\n"
      "Significant partnership: council contribution,\"\xC2\xA3" "50,000\",\r\n"
      "Significant: total budget of at least,none,\r\n"
      "Posts at risk when funding ends within,6 months,\r\n"
      "Review overdue after,1 year,\r\n"
      "Significant: the council is the accountable body,no,\r\n"
      "Significant when this many of those hold,1,\r\n"
      "Source for the roles finding,\"the Framework, section 3\",\r\n"
      "Low satisfaction below,,left at its default\r\n",
      problems);
  INFO(problems_text(problems));
  CHECK(problems.empty());
  CHECK(p["themes"] == "Corporate priorities");
  CHECK(p["stretched"] == Approx(0.75));
  CHECK(p["lead_share"] == Approx(0.6));
  CHECK(p["overloaded"] == Approx(1.1));
  CHECK(p["significant_contribution"] == 50000);
  CHECK(p["significant_budget"] == 0);
  CHECK(p["funding_horizon_months"] == 6);
  CHECK(p["review_months"] == 12);
  CHECK(p["significant_accountable_body"] == false);
  CHECK(p["sources"]["roles"] == "the Framework, section 3");
  CHECK_FALSE(p.contains("satisfaction"));
}

TEST_CASE("import: every bad policy value is an error at its cell saying what to write", "[import][policy]") {
  std::vector<Problem> problems;
  read_sheet("Setting,Value\r\n"
             "Stretched from,eighty\r\n"
             "Council leads more than,150%\r\n"
             "Significant: the council is the accountable body,sometimes\r\n"
             "Review overdue after (months),twelve\r\n"
             "Colour of the logo,green\r\n"
             "Policy document,the Framework\r\n"
             "Name of our policy,the Protocol\r\n"
             "Stretched or overloaded,90%\r\n"
             "Over capacity above,80%\r\n"
             ",12\r\n",
             problems);
  const std::string all = problems_text(problems);
  INFO(all);
  CHECK(count_errors(problems) == 9);
  CHECK_THAT(all, Catch::Contains("Policy row 2, column B \"Value\": the \"Stretched from\" setting: \"eighty\" is not a "
                                  "percentage; write a percentage such as 85%, or a share such as 0.85"));
  CHECK_THAT(all, Catch::Contains("Policy row 3, column B \"Value\": the \"Council leads more than\" setting: \"150%\" is "
                                  "out of range: give a percentage from 0% up to 100%"));
  CHECK_THAT(all, Catch::Contains("Policy row 4, column B \"Value\": the \"Significant: the council is the accountable "
                                  "body\" setting: \"sometimes\" is not yes or no"));
  CHECK_THAT(all, Catch::Contains("Policy row 5, column B \"Value\": the \"Review overdue after (months)\" setting: "
                                  "\"twelve\" is not a number of months; write a whole number of months from 1 to 120"));
  CHECK_THAT(all, Catch::Contains("Policy row 6, column A \"Setting\": \"Colour of the logo\" is not a policy setting "
                                  "partnermap knows"));
  CHECK_THAT(all, Catch::Contains("Policy row 8, column A \"Setting\": the setting \"policy\" again (row 7 gives it already)"));
  CHECK_THAT(all, Catch::Contains("Policy row 9, column A \"Setting\": \"Stretched or overloaded\" could be any of "
                                  "stretched, overloaded"));
  // The loader's own rule, placed at the row that broke it: stretched (85% by default) above 80%.
  CHECK_THAT(all, Catch::Contains("Policy row 10, column B \"Value\""));
  CHECK_THAT(all, Catch::Contains("Policy row 11, column A \"Setting\": a value with no setting"));
}

TEST_CASE("import: the template's Policy sheet has every setting, its default and what it does", "[import][policy]") {
  const std::vector<Sheet> sheets =
      read_xlsx(read_text(std::string(PARTNERMAP_DATASETS) + "/register-template.xlsx"), "register-template.xlsx");
  const Sheet* found = import::find_policy_sheet(sheets);
  REQUIRE(found);
  CHECK(found->name == "Policy");
  Sheet sheet = *found;
  std::set<std::string> keys;
  for (auto& [row, cells] : sheet.rows) {
    if (row == 0) {
      CHECK(cells.at(0).text == "Setting");
      CHECK(cells.at(1).text == "Value");
      CHECK(cells.at(2).text == "Default");
      CHECK(cells.at(3).text == "What it does");
      continue;
    }
    const std::string label = cells.at(0).text;
    INFO(label);
    std::vector<std::string> candidates;
    const auto key = import::recognise_setting(label, candidates);
    REQUIRE(key);
    keys.insert(*key);
    CHECK_FALSE(cells.count(1));  // the officer's to fill
    CHECK(import::trim(cells.at(3).text).size() > 20);
    if (cells.count(2)) cells[1] = cells.at(2);  // the defaults, as if written in
  }
  std::set<std::string> wanted;
  for (const PolicySetting& s : policy_settings())
    if (std::string(s.key) != "sources") wanted.insert(s.key);
  for (const std::string& check : load::source_checks()) wanted.insert("sources." + check);
  CHECK(keys == wanted);

  // Written in, the defaults give the register's defaults.
  std::vector<Problem> problems;
  const nlohmann::json policy = import::read_policy_sheet(sheet, problems);
  INFO(problems_text(problems));
  CHECK(problems.empty());
  load::FieldReader reader(policy, "policy", problems);
  const Policy read = load::read_policy(reader);
  const Policy defaults;
  CHECK(problems.empty());
  CHECK(read.words.theme == defaults.words.theme);
  CHECK(read.words.units == defaults.words.units);
  CHECK(read.words.review == defaults.words.review);
  CHECK(read.stretched == defaults.stretched);
  CHECK(read.overloaded == defaults.overloaded);
  CHECK(read.lead_share == defaults.lead_share);
  CHECK(read.satisfaction == defaults.satisfaction);
  CHECK(read.review_months == defaults.review_months);
  CHECK(read.funding_horizon_months == defaults.funding_horizon_months);
  CHECK(read.significant.council_contribution == defaults.significant.council_contribution);
  CHECK(read.significant.budget == defaults.significant.budget);
  CHECK(read.significant.accountable_body == defaults.significant.accountable_body);
  CHECK(read.significant.high_risk == defaults.significant.high_risk);
  CHECK(read.significant.years == defaults.significant.years);
  CHECK(read.significant.when == defaults.significant.when);
  CHECK(read.sources.empty());
}

TEST_CASE("import: a workbook's policy sheet is found by its name or its headings", "[import][policy]") {
  std::vector<Sheet> sheets{read_csv("Partnership,Nature\r\nA,strategic\r\n", "Register"),
                            read_csv("Item,Answer\r\nStretched from,80%\r\n", "Council choices")};
  CHECK(import::find_policy_sheet(sheets) == &sheets[1]);
  sheets.push_back(read_csv("Stretched from,80%\r\n", "Policy settings"));
  CHECK(import::find_policy_sheet(sheets) == &sheets[2]);
  std::vector<Problem> problems;
  // With no headings, the settings are in the first column and their values in the next.
  CHECK(import::read_policy_sheet(sheets[2], problems)["stretched"] == Approx(0.8));
  CHECK(problems.empty());
  CHECK(import::find_policy_sheet({sheets[0]}) == nullptr);
  // A lookup sheet headed Name and Value is not taken for the policy.
  CHECK(import::find_policy_sheet({sheets[0], read_csv("Name,Value\r\nBand A,12\r\n", "Lookups")}) == nullptr);
}
