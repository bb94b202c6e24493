// The decision tree on the Carlisle register: each question's answer from the analyses, and the rule
// from answers to a recommendation.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "partnermap/assess.h"
#include "partnermap/load.h"
#include "support.h"

using namespace partnermap;
using nlohmann::json;

namespace {

std::string proposal_path(const std::string& name) {
  return std::string(PARTNERMAP_DATASETS) + "/proposals/" + name + ".json";
}

// A register, a proposal read against it and the assessment, kept together (the assessment's indices
// point into the proposal's register).
struct Assessed {
  Register reg;
  Proposal proposal;
  Assessment a;

  Assessed(const json& doc, const std::string& at = "", AssessSettings settings = {})
      : reg(load_register_file(partnermap::test::carlisle()).reg),
        proposal(read_proposal_text(reg, doc.dump(), "proposal.json")),
        a(assess(reg, proposal, at.empty() ? reg.as_of : *parse_iso_date(at), settings)) {}

  const Question& q(const std::string& id) const {
    for (const Question& x : a.questions)
      if (x.id == id) return x;
    throw std::runtime_error("no question " + id);
  }
  const UnitEffect& unit(const std::string& id) const {
    for (const UnitEffect& e : a.units)
      if (proposal.reg.business_units[e.unit].id == id) return e;
    throw std::runtime_error("no unit " + id);
  }
};

json example(const std::string& name) { return json::parse(partnermap::test::read_text(proposal_path(name))); }

std::string all_text(const Question& q) {
  std::string out = q.answer + "\n";
  for (const std::string& f : q.facts) out += f + "\n";
  return out;
}

}  // namespace

TEST_CASE("the heritage trail proceeds: every question passes", "[assess]") {
  const Assessed x(example("heritage-trail"));
  CHECK(x.a.recommendation == Recommendation::proceed);
  REQUIRE(x.a.questions.size() == 8);
  const char* ids[] = {"aims", "role", "capacity", "overlap", "funding", "exit", "benefit", "governance"};
  for (std::size_t i = 0; i < 8; ++i) {
    INFO(x.a.questions[i].id << ": " << x.a.questions[i].answer);
    CHECK(x.a.questions[i].id == ids[i]);
    CHECK(x.a.questions[i].status == AnswerStatus::pass);
  }
  // For `proceed` the reasons are every answer.
  REQUIRE(x.a.reasons.size() == 8);
  CHECK_THAT(x.a.reasons[0],
             Catch::StartsWith("Aims: Yes: it would serve Culture, leisure and tourism and Environment and infrastructure."));
  CHECK(x.a.overlaps.empty());
  REQUIRE(x.a.units.size() == 2);
  CHECK(x.unit("culture").hours == 6);
  CHECK(to_iso(*x.unit("culture").on) == "2005-04-01");  // the first forecast date on which it runs
}

TEST_CASE("the older people's forum proceeds with conditions: a stretched unit and no exit strategy", "[assess]") {
  const Assessed x(example("older-peoples-forum"));
  CHECK(x.a.recommendation == Recommendation::proceed_with_conditions);
  CHECK(x.q("capacity").status == AnswerStatus::condition);
  CHECK(x.q("exit").status == AnswerStatus::condition);
  CHECK(x.q("aims").status == AnswerStatus::pass);
  CHECK(x.q("overlap").status == AnswerStatus::pass);
  const UnitEffect& housing = x.unit("housing");
  CHECK(housing.worst == LoadStatus::stretched);
  CHECK(housing.already);  // Housing is stretched (88%) without it
  CHECK(housing.worst_before == Approx(0.88));
  CHECK(housing.worst_after == Approx(0.92));
  CHECK_THAT(x.q("capacity").answer, Catch::Contains("Housing Services is already stretched (88% on 1 January 2005), "
                                                     "and this would add 4 hours a month (92%)."));
  // The reasons are the conditions' answers, in the tree's order.
  REQUIRE(x.a.reasons.size() == 2);
  CHECK_THAT(x.a.reasons[0], Catch::StartsWith("Capacity: "));
  CHECK_THAT(x.a.reasons[1], Catch::StartsWith("Exit: No exit or succession strategy is recorded"));
}

TEST_CASE("the community safety group is to be reconsidered", "[assess]") {
  const Assessed x(example("community-safety-group"));
  CHECK(x.a.recommendation == Recommendation::reconsider);
  // It adds lead hours to units that are already over capacity...
  CHECK(x.q("capacity").status == AnswerStatus::fail);
  CHECK(x.unit("community").worst == LoadStatus::overloaded);
  CHECK(x.unit("community").already);
  CHECK_THAT(x.q("capacity").answer, Catch::Contains("Community Services is already over capacity (115% on "
                                                     "1 October 2004), and this would add 20 hours a month (126%)."));
  // ...duplicates the CDRP and the Anti-Social Behaviour Group...
  CHECK(x.q("overlap").status == AnswerStatus::fail);
  REQUIRE(x.a.overlaps.size() == 2);
  CHECK(x.proposal.reg.partnerships[x.a.overlaps[0].partnership].id == "asb-group");
  CHECK(x.a.overlaps[0].jaccard == Approx(7.0 / 9));
  CHECK(x.proposal.reg.partnerships[x.a.overlaps[1].partnership].id == "cdrp");
  CHECK(x.a.overlaps[1].shared == 8);
  CHECK(x.a.overlaps[1].either == 11);
  // ...funds a permanent post for nine months only...
  CHECK(x.q("funding").status == AnswerStatus::fail);
  CHECK_THAT(x.q("funding").answer, Catch::Contains("ends on 30 June 2005, within 12 months"));
  // ...and would add to the Council's lead share, already above the limit.
  CHECK(x.q("role").status == AnswerStatus::condition);
  CHECK(x.a.roles.dominates_before);
  CHECK(x.a.roles.dominates_after);
  CHECK(x.a.roles.after.lead == x.a.roles.before.lead + 1);
  CHECK(x.q("benefit").status == AnswerStatus::condition);
  CHECK(x.q("exit").status == AnswerStatus::condition);
  // Fails come first in the reasons, then the conditions.
  REQUIRE(x.a.reasons.size() == 6);
  CHECK_THAT(x.a.reasons[0], Catch::StartsWith("Capacity: "));
  CHECK_THAT(x.a.reasons[1], Catch::StartsWith("Overlap: Yes: it has largely the same members as"));
  CHECK_THAT(x.a.reasons[2], Catch::StartsWith("Funding and posts: "));
  CHECK_THAT(x.a.reasons[3], Catch::StartsWith("Council role: The Council would lead."));
}

TEST_CASE("a unit the proposal takes over capacity says from when", "[assess]") {
  json doc = example("heritage-trail");
  doc["partnership"]["commitments"] = json::array({{{"unit", "legal"}, {"hours", 40}}});
  const Assessed x(doc);
  const UnitEffect& legal = x.unit("legal");  // 26 of 60 before; 66 with the proposal
  CHECK(legal.worst == LoadStatus::overloaded);
  CHECK_FALSE(legal.already);
  CHECK(to_iso(*legal.worst_from) == "2005-04-01");
  CHECK(x.q("capacity").status == AnswerStatus::fail);
  CHECK_THAT(x.q("capacity").answer,
             Catch::Contains("Legal & Democratic Services would go over capacity from 1 April 2005 (43% to 110%)."));
  CHECK(x.a.recommendation == Recommendation::reconsider);
  // The forecast reaches twelve months beyond the start, and --months moves that.
  CHECK(to_iso(x.a.with.months.back()) == "2006-04-01");
  AssessSettings three;
  three.months = 3;
  const Assessed y(doc, "", three);
  CHECK(to_iso(y.a.with.months.back()) == "2005-07-01");
}

TEST_CASE("a stretch that comes only later in the forecast is found, with its date", "[assess]") {
  json doc = example("heritage-trail");
  doc["partnership"]["start"] = "2004-09-01";
  doc["partnership"]["commitments"] = json::array({{{"unit", "sps"}, {"hours", 0}}});
  // Strategic & Performance Services is over capacity on 1 September 2004 already.
  const Assessed x(doc);
  CHECK(x.unit("sps").worst == LoadStatus::overloaded);
  CHECK(x.unit("sps").already);
  CHECK(to_iso(*x.unit("sps").worst_from) == "2004-09-01");
}

TEST_CASE("no staff time estimated for a lead or support role is a condition", "[assess]") {
  json doc = example("heritage-trail");
  doc["partnership"].erase("commitments");
  const Assessed x(doc);
  CHECK(x.q("capacity").status == AnswerStatus::condition);
  CHECK_THAT(x.q("capacity").answer, Catch::Contains("No staff time is estimated"));
  // An observer needs no hours.
  doc["partnership"]["members"][1]["role"] = "observer";
  const Assessed y(doc);
  CHECK(y.q("capacity").status == AnswerStatus::pass);
  CHECK(y.q("capacity").answer == "None: it asks no staff time of the Council.");
  CHECK(y.q("role").answer == "The Council would only observe. Confirm that attending is worth the time.");
}

TEST_CASE("no theme fails the aims question", "[assess]") {
  json doc = example("heritage-trail");
  doc["partnership"]["themes"] = json::array();
  const Assessed x(doc);
  CHECK(x.q("aims").status == AnswerStatus::fail);
  REQUIRE(x.q("aims").findings.size() == 1);
  CHECK(x.q("aims").findings[0].code == "no-theme");
  CHECK(x.a.recommendation == Recommendation::reconsider);
}

TEST_CASE("the Council's role: absent fails, a lead within the limit passes, above it is a condition", "[assess]") {
  json doc = example("heritage-trail");
  SECTION("not a member") {
    doc["partnership"]["members"].erase(1);
    const Assessed x(doc);
    CHECK(x.q("role").status == AnswerStatus::fail);
    CHECK_THAT(x.q("role").answer, Catch::StartsWith("Not agreed: the Council is not listed as a member"));
    CHECK(x.q("role").findings[0].code == "no-role");
  }
  SECTION("a lead when the Council already leads more than half") {
    doc["partnership"]["members"][1]["role"] = "lead";
    const Assessed x(doc);
    CHECK(x.q("role").status == AnswerStatus::condition);
    CHECK_THAT(x.q("role").answer, Catch::Contains("The Council would lead with English Heritage.") &&
                                       Catch::Contains("above the 50% limit"));
    // With a higher limit the same lead passes.
    AssessSettings generous;
    generous.lead_share = 0.8;
    const Assessed y(doc, "", generous);
    CHECK(y.q("role").status == AnswerStatus::pass);
    CHECK_THAT(y.q("role").answer, Catch::Contains("within the 80% limit"));
  }
  SECTION("support") {
    const Assessed x(doc);
    CHECK(x.q("role").answer == "The Council would support with English Heritage leading: the facilitating role the "
                                "Best Value Review prefers.");
    CHECK_THAT(all_text(x.q("role")), Catch::Contains("Staff time asked of the Council: 8 hours a month."));
  }
}

TEST_CASE("the same members for other themes is a condition, not a duplicate", "[assess]") {
  json doc = example("community-safety-group");
  doc["partnership"]["themes"] = json::array({"economy"});
  const Assessed x(doc);
  CHECK(x.q("overlap").status == AnswerStatus::condition);
  CHECK_THAT(x.q("overlap").answer, Catch::Contains("for other themes") && Catch::Contains("over-consultation"));
  // A partnership that has ended is no longer one to join.
  json solo = example("heritage-trail");
  solo["partnership"]["members"] = json::array({{{"org", "carlisle-cc"}, {"role", "lead"}},
                                                {{"org", "northumbria-uni"}, {"role", "support"}}});
  const Assessed y(solo);
  CHECK(y.a.overlaps.empty());  // partnerships-mapping has the same two members but ended in March 2004
}

TEST_CASE("funding: posts funded for less long than the partnership, and no budget, are conditions", "[assess]") {
  json doc = example("heritage-trail");
  doc["partnership"]["posts"] = {{"permanent", 2}, {"funded_until", "2007-03-31"}};
  doc["partnership"].erase("budget");
  const Assessed x(doc);
  CHECK(x.q("funding").status == AnswerStatus::condition);
  CHECK_THAT(x.q("funding").answer, Catch::Contains("The 2 permanent Council posts are funded only until 31 March 2007") &&
                                        Catch::Contains("No budget is recorded"));
  CHECK_THAT(all_text(x.q("funding")), Catch::Contains("2 permanent Council posts depend on its funding, funded until "
                                                       "31 March 2007."));
}

TEST_CASE("benefit, exit and governance gaps are conditions, each with its reason", "[assess]") {
  json doc = example("heritage-trail");
  for (const char* f : {"indicators", "evaluation", "exit_strategy", "risk", "management", "accountable_body"})
    doc["partnership"].erase(f);
  const Assessed x(doc);
  CHECK(x.a.recommendation == Recommendation::proceed_with_conditions);
  CHECK(x.q("benefit").status == AnswerStatus::condition);
  CHECK(x.q("exit").status == AnswerStatus::condition);
  const Question& g = x.q("governance");
  CHECK(g.status == AnswerStatus::condition);
  CHECK_THAT(g.answer, Catch::Contains("No risk rating is recorded") &&
                           Catch::Contains("No management arrangements are recorded") &&
                           Catch::Contains("no accountable body is named"));
  doc["partnership"]["risk"] = "high";
  CHECK_THAT(Assessed(doc).q("governance").answer, Catch::Contains("It is rated high risk"));
}

TEST_CASE("a significant partnership without its governance is a condition", "[assess]") {
  json doc = example("heritage-trail");
  doc["partnership"]["accountable_body"] = "carlisle-cc";
  doc["partnership"].erase("management");
  const Assessed x(doc);
  CHECK(x.a.review.significant);
  CHECK(x.q("governance").findings.size() == 1);
  CHECK(x.q("governance").findings[0].code == "significant-governance");
  CHECK_THAT(x.q("governance").answer, Catch::Contains("A significant partnership (the Council is the accountable body)"));
}

TEST_CASE("an assessment on another date moves the forecast and the role count", "[assess]") {
  const Assessed x(example("heritage-trail"), "2005-06-01");
  CHECK(to_iso(x.a.at) == "2005-06-01");
  CHECK(to_iso(x.a.roles.on) == "2005-06-01");  // already started by then
  CHECK(to_iso(*x.unit("culture").on) == "2005-06-01");
}

TEST_CASE("the JSON has the documented fields", "[assess]") {
  const Assessed x(example("community-safety-group"));
  const json j = to_json(x.proposal, x.a);
  CHECK(j["recommendation"] == "reconsider");
  CHECK(j["proposal"]["id"] == "community-safety-group");
  CHECK(j["proposal"]["council_role"] == "lead");
  CHECK(j["at"] == "2004-09-01");
  CHECK(j["reasons"].size() == 6);
  REQUIRE(j["questions"].size() == 8);
  for (const char* key : {"id", "title", "question", "status", "answer", "facts", "findings"})
    CHECK(j["questions"][0].contains(key));
  CHECK(j["questions"][2]["id"] == "capacity");
  CHECK(j["questions"][2]["status"] == "fail");
  const json& unit = j["capacity"]["units"][1];  // register order: sps, then community
  CHECK(j["capacity"]["units"][0]["id"] == "sps");
  CHECK(unit["id"] == "community");
  CHECK(unit["status_after"] == "overloaded");
  CHECK(unit["worst_from"] == "2004-10-01");
  CHECK(unit["forecast_after"].size() == j["capacity"]["months"].size());
  CHECK(j["overlaps"][0]["id"] == "asb-group");
  CHECK(j["overlaps"][0]["shared_themes"] == json::array({"safer"}));
  CHECK(j["roles"]["dominates_after"] == true);
  CHECK(j["review"]["findings"].size() > 0);
  CHECK(j["new_organisations"] == json::array({"neighbourhood-watch"}));
}

TEST_CASE("a unit with no capacity has no share to show", "[assess]") {
  std::string text = partnermap::test::read_text(partnermap::test::carlisle());
  const std::string from = R"("capacity_hours": 60)";
  text.replace(text.find(from), from.size(), R"("capacity_hours": 0)");
  const Register reg = load_register_text(text, "r.json").reg;
  json doc = example("heritage-trail");
  doc["partnership"]["commitments"] = json::array({{{"unit", "legal"}, {"hours", 1}}});
  const Proposal p = read_proposal_text(reg, doc.dump(), "proposal.json");
  const Assessment a = assess(reg, p, reg.as_of);
  CHECK(a.units[0].worst == LoadStatus::not_recorded);  // never over capacity: its capacity is unknown
  CHECK(a.questions[2].status == AnswerStatus::condition);
  CHECK_THAT(a.questions[2].answer, Catch::Contains("is not recorded") && Catch::Contains("capacity_hours"));
  CHECK(to_json(p, a)["capacity"]["units"][0]["utilisation_after"].is_null());
}
