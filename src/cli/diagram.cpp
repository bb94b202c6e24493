// partnermap diagram: one view of the partnership network, drawn by Graphviz, as SVG, PNG, PDF or DOT.
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "diagram.h"

namespace partnermap::cli {

namespace {

struct DiagramArgs {
  std::string path, out, at, view = "network";
  int depth = 1;
};

}  // namespace

void add_diagram(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "diagram",
      "Draw the partnerships as a diagram for members. Views: network (partnerships, their member "
      "organisations and the Business Units giving staff time), themes (partnerships grouped by City Vision "
      "theme), capacity (Business Units coloured by how much of their time is committed, lines as wide as "
      "the hours), hierarchy (the Local Strategic Partnership and its sub-partnerships) and ego:ID (everything "
      "around one partnership, organisation or Business Unit; --depth for more steps). The file's ending "
      "picks the format: .svg (for the web: point at anything for its details), .png, .pdf or .dot. Large "
      "registers are grouped (partners by sector, partnerships by theme) and the diagram says so.");
  auto a = std::make_shared<DiagramArgs>();
  cmd->add_option("REGISTER", a->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("-o,--output", a->out, "The file to write: FILE.svg, .png, .pdf or .dot")
      ->required()
      ->type_name("FILE")
      ->check(CLI::Validator(
          [](std::string& s) {
            return render::diagram_format(s) ? std::string()
                                             : "\"" + s + "\" does not end in .svg, .png, .pdf or .dot, so the format is not known";
          },
          "FILE"));
  cmd->add_option("--view", a->view, "What to draw: network (default), themes, capacity, hierarchy or ego:ID")->type_name("VIEW");
  cmd->add_option("--depth", a->depth, "For ego:ID, how many steps out to go (default 1)")->check(CLI::Range(1, 10));
  add_at_option(cmd, a->at, "The date capacity and roles are worked out for");
  cmd->callback([a, &status] {
    render::DiagramView view;
    try {
      view = render::parse_view(a->view, a->depth);
    } catch (const std::invalid_argument& e) {
      throw CLI::ValidationError(e.what());
    }
    refuse_to_overwrite_inputs(a->out, {a->path});
    const Loaded loaded = load_and_warn(a->path);
    const Register& reg = loaded.reg;
    const Graph g(reg);
    const render::Results results = render::compute_results(g, date_or_as_of(a->at, reg));
    const render::Analysed in{g, results.capacity, results.roles, results.review};
    render::DiagramReport report;
    try {
      report = render::draw_diagram(in, view, {{*render::diagram_format(a->out), a->out}});
    } catch (const std::invalid_argument& e) {
      throw CLI::ValidationError(e.what());
    }
    write_bytes_atomically(a->out, report.rendered.at(0));
    for (const std::string& w : report.warnings) std::cerr << "warning: " << w << '\n';
    std::cout << "wrote " << a->out << ": " << report.nodes << " shapes, " << report.edges << " lines, laid out by Graphviz's " << report.engine
              << '\n';
    for (const std::string& note : report.notes) std::cout << "  " << note << '\n';
    status = kDone;
  });
}

}  // namespace partnermap::cli
