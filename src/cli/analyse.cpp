// partnermap analyse: every figure at once. On a terminal, the headline of each part in plain words
// (the detail is in `capacity`, `review` and `network`); with --json, one document holding all of it
// under the keys docs/design.md names: summary, capacity, roles, links, network, review.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/survey_option.h"
#include "cli/table.h"
#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/clusters.h"
#include "partnermap/analysis/json.h"
#include "partnermap/analysis/links.h"
#include "partnermap/analysis/network_json.h"
#include "partnermap/analysis/review.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/analysis/words.h"

namespace partnermap::cli {

namespace {

struct AnalyseOptions {
  std::string path, at;
  int months = 12;
  double lead_share = 0.5;
  CLI::Option* lead_share_given = nullptr;  // without it, the register's policy sets the share
  bool json = false;
  NetworkOptions network;
  std::vector<std::string> surveys;
  std::uint64_t cluster_seed = kClusterSeed;
};

struct Results {
  Capacity capacity;
  Roles roles;
  Links links;
  Network network;
  Review review;
  Clusters clusters;
};

// The clusters' headline: how many, how well they match the themes, and how many partnerships sit
// in a cluster that is mostly another theme's (the cross-cutting work key issue 9 asks about).
std::string clusters_line(const Graph& g, const Clusters& c) {
  std::size_t off = 0;
  for (const Cluster& cl : c.clusters) off += cl.off_theme.size();
  char nmi[16];
  std::snprintf(nmi, sizeof nmi, "%.2f", c.nmi);
  std::string line = "Clusters: the partners form " + count_of(c.clusters.size(), "cluster", "clusters") + " (without " +
                     g.reg().organisations[g.reg().council].name + ", who is in nearly all); they match the themes with a " +
                     "normalised mutual information of " + nmi + " (1 would be exactly the themes, 0 no relation)";
  if (off > 0) line += "; " + count_of(off, "partnership sits", "partnerships sit") + " in a cluster mostly of another theme";
  return line + ".";
}

nlohmann::json summary_json(const Graph& g, const Results& r) {
  const Register& reg = g.reg();
  std::size_t active = 0;
  for (const Partnership& p : reg.partnerships) active += p.active_on(r.capacity.at);
  std::size_t over = 0, stretched = 0, not_recorded = 0;
  for (const UnitLoad& u : r.capacity.units) {
    over += u.status == LoadStatus::overloaded;
    stretched += u.status == LoadStatus::stretched;
    not_recorded += u.status == LoadStatus::not_recorded;
  }
  return {{"as_of", to_iso(reg.as_of)},
          {"at", to_iso(r.capacity.at)},
          {"organisations", reg.organisations.size()},
          {"partnerships", reg.partnerships.size()},
          {"active_partnerships", active},
          {"memberships", reg.membership_count()},
          {"business_units", reg.business_units.size()},
          {"themes", reg.themes.size()},
          {"units_overloaded", over},
          {"units_stretched", stretched},
          {"units_capacity_not_recorded", not_recorded},
          {"council_lead_share", r.roles.overall.lead_share()},
          {"review_score", r.review.score},
          {"severe_findings", r.review.severe},
          {"components", r.network.component_count}};
}

void print_overview(std::ostream& out, const Graph& g, const Results& r) {
  const Register& reg = g.reg();
  std::size_t active = 0;
  for (const Partnership& p : reg.partnerships) active += p.active_on(r.capacity.at);
  out << "Partnerships on " << long_date(r.capacity.at) << ": " << count_of(active, "active partnership", "active partnerships")
      << " of " << reg.partnerships.size() << " in the register, " << count_of(reg.organisations.size(), "organisation", "organisations")
      << ", " << count_of(reg.membership_count(), "membership", "memberships") << ".\n\n";

  std::vector<std::string> over, stretched, unknown;
  for (const UnitLoad& u : r.capacity.units) {
    const std::string words = reg.business_units[u.unit].name + " (" + utilisation_text(u.utilisation) + ")";
    if (u.status == LoadStatus::overloaded) over.push_back(words);
    if (u.status == LoadStatus::stretched) stretched.push_back(words);
    if (u.status == LoadStatus::not_recorded) unknown.push_back(reg.business_units[u.unit].name);
  }
  std::string capacity = "Capacity: ";
  if (over.empty() && stretched.empty()) capacity += "no " + reg.policy.words.unit + " is stretched or over capacity. ";
  if (!over.empty()) capacity += "over capacity: " + join_words(over) + ". ";
  if (!stretched.empty()) capacity += "Stretched: " + join_words(stretched) + ". ";
  if (!unknown.empty())
    capacity += "Capacity not recorded for " + join_words(unknown) + ": record their capacity_hours in the register.";
  while (!capacity.empty() && capacity.back() == ' ') capacity.pop_back();
  print_wrapped(out, capacity, 100, 2);
  print_wrapped(out, "Roles: " + r.roles.finding, 100, 2);

  std::string links = "Links: " + count_of(r.links.cross_cutting.size(), "partnership cuts", "partnerships cut") +
                      " across two or more " + reg.policy.words.themes + " or " + reg.policy.words.units;
  if (!r.links.units.empty()) {
    const UnitLink& top = r.links.units.front();
    links += "; the " + reg.policy.words.units + " most tied together are " + reg.business_units[top.a].name + " and " +
             reg.business_units[top.b].name + " (" + count_of(top.shared, "partnership", "partnerships") + ")";
  }
  links += ". " + count_of(r.links.overlap.size(), "pair of partnerships has", "pairs of partnerships have") +
           " largely the same members (candidates for merging)";
  if (!r.links.themes_unserved.empty()) {
    std::vector<std::string> names;
    for (Index t : r.links.themes_unserved) names.push_back(reg.themes[t].name);
    links += "; no partnership serves " + join_words(names);
  }
  print_wrapped(out, links + ".", 100, 2);

  std::vector<std::pair<double, Index>> bridges;
  for (Index o = 0; o < r.network.organisations.size(); ++o)
    if (o != reg.council) bridges.emplace_back(r.network.organisations[o].betweenness, o);
  std::sort(bridges.begin(), bridges.end(), [](auto a, auto b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::string> top;
  for (std::size_t i = 0; i < bridges.size() && i < 3; ++i) top.push_back(reg.organisations[bridges[i].second].name);
  std::string network = "Network: " + count_of(r.network.component_count, "component", "components");
  if (!top.empty()) network += "; the partners that bridge most (betweenness" +
                               std::string(r.network.betweenness_exact ? "" : ", estimated") + ") are " + join_words(top);
  if (!r.network.demand.empty())
    network += "; the partner drawn on most is " + reg.organisations[r.network.demand.front().organisation].name + " (" +
               count_of(r.network.demand.front().partnerships, "partnership", "partnerships") + ")";
  print_wrapped(out, network + ".", 100, 2);

  print_wrapped(out, "Review: score " + std::to_string(r.review.score) + " out of 100; " +
                         count_of(r.review.severe, "severe finding", "severe findings") + ", " +
                         count_of(r.review.warnings, "warning", "warnings") + ".",
                100, 2);
  print_wrapped(out, clusters_line(g, r.clusters), 100, 2);
  out << "\nFor the detail: partnermap capacity, partnermap review, partnermap network; --json for every figure.\n";
}

}  // namespace

void add_analyse(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "analyse",
      "Every figure at once: capacity, the Council's lead and support roles, cross-cutting "
      "links, the partner network and the review. On a terminal, the headline of each; with --json, one "
      "document with the keys summary, capacity, roles, links, network and review.");
  auto o = std::make_shared<AnalyseOptions>();
  cmd->add_option("REGISTER", o->path, "The register file (partnermap/1 JSON)")->required();
  add_at_option(cmd, o->at, "The date the figures are for");
  cmd->add_option("--months", o->months, "How many months ahead the capacity forecast runs (default 12)")
      ->check(whole_number_in(0, 240));
  o->lead_share_given = cmd->add_option("--lead-share", o->lead_share,
                  "The share of partnerships the Council may lead before the roles finding says it dominates "
                  "(default: the register's policy, else 0.5)")
      ->check(number_in(0, 1));
  cmd->add_flag("--json", o->json, "Print every figure as one JSON document");
  add_network_options(cmd, o->network);
  add_survey_option(cmd, o->surveys);
  cmd->add_option("--cluster-seed", o->cluster_seed, "The seed of the cluster search (Louvain): the same seed gives the same clusters")
      ->type_name("N")
      ->check(whole_number_in(0, kLargestSeed));
  cmd->callback([o, &status] {
    Loaded loaded = load_and_warn(o->path);
    const auto survey = apply_survey_files(loaded.reg, o->surveys, date_or_as_of(o->at, loaded.reg));
    const Graph g(loaded.reg);
    const Date at = date_or_as_of(o->at, loaded.reg);
    Results r{compute_capacity(g, at, o->months), compute_roles(g, at, o->lead_share_given->count() > 0 ? std::optional<double>(o->lead_share) : std::nullopt), compute_links(g, at),
              compute_network(g, network_settings(o->network, o->json)), compute_review(g, at), compute_clusters(g, o->cluster_seed)};
    if (o->json) {
      // Written entry by entry: a national register's roles, review and network lists would take
      // hundreds of MB as JSON values (see JsonDocument). The parts keep docs/design.md's order.
      std::cout << "{\"summary\":" << summary_json(g, r).dump() << ",\"capacity\":";
      write_json(std::cout, g, r.capacity);
      std::cout << ",\"roles\":";
      write_json(std::cout, g, r.roles);
      std::cout << ",\"links\":";
      write_json(std::cout, g, r.links);
      std::cout << ",\"network\":";
      write_network_json(std::cout, g, r.network);
      std::cout << ",\"review\":";
      write_json(std::cout, g, r.review);
      if (survey) std::cout << ",\"survey\":" << to_json(*survey, loaded.reg).dump();
      std::cout << ",\"clusters\":" << clusters_to_json(g, r.clusters).dump() << "}\n";
    } else {
      print_overview(std::cout, g, r);
      if (survey)
        std::cout << "\nStakeholder survey of " << long_date(survey->date) << ": network trust " << score_words(survey->trust)
                  << ", value " << score_words(survey->value) << "\n";
    }
    status = kDone;  // standard output is checked, and a failure said, once for every command (main.cpp)
  });
}

}  // namespace partnermap::cli
