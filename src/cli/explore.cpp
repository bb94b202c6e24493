// partnermap explore: the network as one offline HTML page an officer can click through.
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "explore.h"

namespace partnermap::cli {

namespace {

struct ExploreArgs {
  std::string path, out, at;
  NetworkOptions network;
};

}  // namespace

void add_explore(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "explore",
      "Write the network as one HTML page to click through, offline: search by name, filters (theme, "
      "Business Unit, nature, the Council's role, sector, risk, review finding), a slider over the "
      "register's months, a partnership's matrix row or a partner's figures on a click, focus on a "
      "neighbourhood, colours by cluster; the view is kept in the address, to bookmark or send. Laid "
      "out by Graphviz, as the diagrams are. Everything is inside the file: it loads nothing.");
  auto a = std::make_shared<ExploreArgs>();
  cmd->add_option("REGISTER", a->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("-o,--output", a->out, "The page to write: FILE.html")
      ->required()
      ->type_name("FILE.html")
      ->check(CLI::Validator(
          [](std::string& s) {
            const std::string ext = std::filesystem::path(s).extension().string();
            return names_no_file(s) || ext == ".html" || ext == ".htm" ? std::string() : "\"" + s + "\" does not end in .html: the explorer is a web page";
          },
          "FILE.html"));
  add_at_option(cmd, a->at, "The date the figures and the slider's starting month are for");
  add_network_options(cmd, a->network);
  cmd->callback([a, &status] {
    refuse_to_overwrite_inputs(a->out, {a->path});
    const Loaded loaded = load_and_warn(a->path);
    const Register& reg = loaded.reg;
    const Graph g(reg);
    const render::Results results = render::compute_results(g, date_or_as_of(a->at, reg));
    const render::Analysed in{g, results.capacity, results.roles, results.review};
    const Network network = compute_network(g, network_settings(a->network, false));
    const Clusters clusters = compute_clusters(g);
    render::ExploreReport report;
    write_stream_atomically(a->out, [&](std::ostream& file) { report = render::write_explore_page({in, network, clusters}, file); });
    for (const std::string& w : report.warnings) std::cerr << "warning: " << w << '\n';
    std::cout << "wrote " << a->out << ": " << report.nodes << " shapes, " << report.edges << " lines, laid out by Graphviz's "
              << report.engine << "; " << report.months << " months on the slider; " << clusters.clusters.size() << " clusters\n";
    if (report.grouped) std::cout << "  Too many to draw one by one: partnerships are grouped by theme and partners by sector.\n";
    status = kDone;
  });
}

}  // namespace partnermap::cli
