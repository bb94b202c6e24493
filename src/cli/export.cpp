// partnermap export: the network with every attribute, for Gephi, Kumu, yEd or NetworkX.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "explore_layout.h"
#include "export.h"
#include "partnermap/analysis/clusters.h"
#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/roles.h"

namespace partnermap::cli {

namespace {

struct ExportOptions {
  std::string path, output, at;
  NetworkOptions network;
};

}  // namespace

void add_export(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "export",
      "Write the whole network, with every attribute (kinds, roles, hours, statuses, network figures), "
      "for other tools: .graphml for NetworkX, yEd or Gephi; .gexf for Gephi.");
  auto o = std::make_shared<ExportOptions>();
  cmd->add_option("REGISTER", o->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("-o,--output", o->output, "The file to write: its extension, .graphml or .gexf, sets the format")
      ->required()
      ->type_name("FILE");
  add_at_option(cmd, o->at, "The date capacity and activity are worked out for");
  add_network_options(cmd, o->network);
  cmd->callback([o, &status] {
    const std::string ext = std::filesystem::path(o->output).extension().string();
    if (ext != ".graphml" && ext != ".gexf")
      throw InputError({{Severity::error, o->output,
                         "ends in \"" + ext + "\"; write to a file ending .graphml or .gexf"}});
    refuse_to_overwrite_inputs(o->output, {o->path});
    const Loaded loaded = load_and_warn(o->path);
    const Graph g(loaded.reg);
    const Date at = date_or_as_of(o->at, loaded.reg);
    const render::Results results = render::compute_results(g, at, 0);
    const Network network = compute_network(g, network_settings(o->network, false));
    render::ExportGraph graph = render::export_graph(g, results.capacity, results.roles, network);
    // The explorer's picture (Graphviz's layout, the diagrams' fills), so that Gephi or yEd opens the
    // file looking as the briefing does rather than as a scatter of black dots.
    const render::PlacedLayout layout = render::place_network({g, results.capacity, results.roles, results.review});
    for (const std::string& w : layout.warnings) std::cerr << "warning: " << w << '\n';
    render::add_layout(graph, g, layout);
    render::add_clusters(graph, compute_clusters(g));
    write_stream_atomically(o->output, [&](std::ostream& file) {
      if (ext == ".graphml") render::write_graphml(file, graph);
      else render::write_gexf(file, graph);
    });
    status = kDone;
  });
}

}  // namespace partnermap::cli
