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
  std::string path, out, at, view = "network", include, paper = "a4";
  int depth = 1;
};

}  // namespace

void add_diagram(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "diagram",
      "Draw the partnerships as a diagram for members. Views: network (partnerships, their member "
      "organisations and the Business Units giving staff time), themes (partnerships grouped by City Vision "
      "theme), capacity (Business Units coloured by how much of their time is committed, lines as wide as "
      "the hours), hierarchy (partnerships and their sub-partnerships) and ego:ID (everything around one "
      "partnership, organisation, Business Unit or theme; --depth for more steps; when one id names several "
      "things, say which with ego:partnership:ID, ego:org:ID, ego:unit:ID or ego:theme:ID). Every view draws the "
      "partnerships active on the date; --include ended,proposed adds the others in grey. The file's ending "
      "picks the format: .svg (for the web: point at anything for its details), .png, .pdf (one A4 page, or A3 "
      "with --paper a3) or .dot. Large registers are grouped (partners by sector, partnerships by theme) and the "
      "diagram says so.\n\nExamples:\n"
      "  partnermap diagram datasets/carlisle-2004.json -o network.svg\n"
      "  partnermap diagram datasets/carlisle-2004.json --view capacity -o capacity.pdf\n"
      "  partnermap diagram datasets/carlisle-2004.json --view ego:cdrp -o cdrp.svg\n"
      "  partnermap diagram datasets/carlisle-2004.json --view ego:unit:environment --depth 2 -o environment.png\n"
      "  partnermap diagram datasets/carlisle-2004.json --view themes --include ended,proposed -o themes.svg");
  auto a = std::make_shared<DiagramArgs>();
  cmd->add_option("REGISTER", a->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("-o,--output", a->out, "The file to write: FILE.svg, .png, .pdf or .dot")
      ->required()
      ->type_name("FILE")
      ->check(CLI::Validator(
          [](std::string& s) {
            return names_no_file(s) || render::diagram_format(s) ? std::string()
                                             : "\"" + s + "\" does not end in .svg, .png, .pdf or .dot, so the format is not known";
          },
          "FILE"));
  cmd->add_option("--view", a->view, "What to draw: network (default), themes, capacity, hierarchy or ego:ID")->type_name("VIEW");
  cmd->add_option("--depth", a->depth, "For ego:ID, how many steps out to go (default 1)")->check(whole_number_in(1, 10));
  cmd->add_option("--include", a->include,
                  "Also draw partnerships not active on the date, in grey with dashed outlines: ended, proposed (not yet "
                  "started) or ended,proposed")
      ->type_name("KINDS");
  cmd->add_option("--paper", a->paper, "For .pdf, the page: a4 (default) or a3, portrait or landscape to suit the drawing")
      ->check(CLI::IsMember({"a4", "a3"}))
      ->type_name("a4|a3");
  add_at_option(cmd, a->at, "The date capacity and roles are worked out for");
  cmd->callback([a, &status] {
    render::DiagramView view;
    render::DiagramOptions options;
    options.paper = a->paper == "a3" ? render::Paper::a3 : render::Paper::a4;
    try {
      view = render::parse_view(a->view, a->depth);
      render::parse_include(a->include, options);
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
      report = render::draw_diagram(in, view, {{*render::diagram_format(a->out), a->out}}, options);
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
