// partnermap brief: the members' briefing pack, one folder with a page to open and the files behind it.
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

#include "brief.h"
#include "cli/commands.h"
#include "cli/pack.h"
#include "cli/options.h"
#include "cli/output.h"

namespace partnermap::cli {

namespace {

struct BriefArgs {
  std::string path, out, at;
  int months = 12;
};

}  // namespace

void add_brief(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "brief",
      "Make the members' briefing pack in a folder: index.html, one page that opens offline and prints well, "
      "with the headline figures, the key findings in plain words (units over capacity, how much the Council "
      "leads, posts at risk, partnerships failing the review, themes with no partnership), a capacity heat map "
      "for the coming months, the diagrams and the matrix. Beside it the diagrams (.svg, .png, .dot) and the "
      "matrix (.html, .csv, .xlsx). An earlier pack in the folder is replaced only once the new one is complete, and only when the folder holds nothing else: partnermap lists what it wrote in partnermap-pack.txt and never deletes a file it did not write.");
  auto a = std::make_shared<BriefArgs>();
  cmd->add_option("REGISTER", a->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("-o,--output", a->out, "The folder to make (new, empty, or an earlier pack that holds nothing else)")->required()->type_name("DIR");
  add_at_option(cmd, a->at, "The date the figures are for");
  cmd->add_option("--months", a->months, "How many months ahead the capacity heat map runs (default 12)")->check(CLI::Range(1, 60));
  cmd->callback([a, &status] {
    check_pack_folder(a->out);
    const Loaded loaded = load_and_warn(a->path);
    const Register& reg = loaded.reg;
    const Graph g(reg);
    const render::Results results = render::compute_results(g, date_or_as_of(a->at, reg), a->months);
    const render::Analysed in{g, results.capacity, results.roles, results.review};
    const render::BriefPack pack = render::make_brief(in);
    std::vector<std::string> warnings = pack.warnings;
    for (std::string& w : write_pack(a->out, pack.files)) warnings.push_back(std::move(w));
    for (const std::string& w : warnings) std::cerr << "warning: " << w << '\n';
    std::cout << "wrote the briefing pack: " << a->out << "/index.html (and " << pack.files.size() - 1 << " more files)\n";
    status = kDone;
  });
}

}  // namespace partnermap::cli
