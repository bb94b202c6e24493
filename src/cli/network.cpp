// `partnermap network`: the partner-network figures alone (the `network` part of `analyse`), for
// scripts and the NetworkX comparison. `--json` prints {"network": ...} as `analyse --json` will.
#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "partnermap/analysis/network.h"
#include "partnermap/analysis/network_json.h"

namespace partnermap::cli {

namespace {

struct NetworkCommandOptions {
  std::string path;
  bool json = false;
  NetworkOptions network;
};

void print_table(const Graph& g, const Network& net) {
  const Register& reg = g.reg();
  std::cout << "Partner network: " << reg.organisations.size() << " organisations, " << reg.partnerships.size()
            << " partnerships, " << net.memberships << " memberships, " << net.component_count
            << (net.component_count == 1 ? " component\n" : " components\n");
  std::cout << std::fixed << std::setprecision(3) << "density " << net.density << ", between organisations "
            << net.organisation_density << ", degree centralization " << net.centralization << '\n';
  std::cout << "betweenness: "
            << (net.betweenness_exact ? std::string("exact")
                                      : "estimate from " + std::to_string(net.betweenness_samples) + " sampled sources")
            << "\n\nMost between (brokers):\n";
  std::vector<Index> order(reg.organisations.size());
  for (Index i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t keep = std::min<std::size_t>(10, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(), [&](Index a, Index b) {
    return net.organisations[a].betweenness > net.organisations[b].betweenness ||
           (net.organisations[a].betweenness == net.organisations[b].betweenness && a < b);
  });
  std::cout << std::left << std::setw(40) << "  organisation" << std::right << std::setw(13) << "partnerships"
            << std::setw(12) << "co-members" << std::setw(14) << "betweenness" << '\n';
  for (std::size_t k = 0; k < keep; ++k) {
    const OrganisationFigures& o = net.organisations[order[k]];
    std::string name = reg.organisations[order[k]].name;
    if (name.size() > 36) {
      std::size_t cut = 35;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 letter
      name = name.substr(0, cut) + "~";
    }
    std::cout << "  " << std::left << std::setw(38) << name << std::right << std::setw(13) << o.partnerships
              << std::setw(12) << o.co_members << std::setw(14) << std::setprecision(1) << o.betweenness << '\n';
  }
  std::cout << "\nMost drawn on (partnerships, " << reg.policy.words.units << " committed):\n";
  for (const Demand& d : net.demand)
    std::cout << "  " << reg.organisations[d.organisation].name << ": " << d.partnerships << ", " << d.units << '\n';
}

}  // namespace

void add_network(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "network",
      "The partner network: per organisation and partnership its partnerships, co-members, strength, "
      "betweenness, component and closeness; density, centralization, components, and the partners "
      "drawn on most.");
  auto o = std::make_shared<NetworkCommandOptions>();
  cmd->add_option("REGISTER", o->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_flag("--json", o->json, "Print one JSON document, {\"network\": ...}, as analyse --json does");
  add_network_options(cmd, o->network);
  cmd->callback([o, &status] {
    const Loaded loaded = load_and_warn(o->path);
    const Graph g(loaded.reg);
    const NetworkSettings settings = network_settings(o->network, o->json);
    const Network net = compute_network(g, settings);
    if (o->json) {
      std::cout << "{\"network\":";
      write_network_json(std::cout, g, net);
      std::cout << "}\n";
    } else {
      print_table(g, net);
    }
    status = kDone;  // standard output is checked, and a failure said, once for every command (main.cpp)
  });
}

}  // namespace partnermap::cli
