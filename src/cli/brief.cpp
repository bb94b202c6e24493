// partnermap brief: the members' briefing pack, one folder with a page to open and the files behind it.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

#include "brief.h"
#include "brief_since.h"
#include "cli/snapshots.h"
#include "cli/survey_option.h"
#include "partnermap/diff.h"
#include "brief_pdf.h"
#include "diagram.h"
#include "cli/commands.h"
#include "cli/pack.h"
#include "cli/options.h"
#include "cli/output.h"

namespace partnermap::cli {

namespace {

struct BriefArgs {
  std::string path, out, at, include, paper = "a4";
  int months = 12;
  std::vector<std::string> surveys;
  std::string previous, git;
  bool pdf = false, no_pdf = false;
};

// The earlier registers (--previous, --git) and the current one as snapshots, and the diff's headline
// from the latest earlier register to the current one. The headline compares the two registers each
// with its nearest survey wave, as `diff --survey` does (`current` has its wave); the charts give
// each wave to the snapshot nearest its date, as `trend --survey` does, hence the register as read
// (`as_registered`) for them.
std::optional<render::SinceLastTime> since_last_time(const BriefArgs& a, const Register& as_registered, const Register& current) {
  if (a.previous.empty() && a.git.empty()) return std::nullopt;
  std::vector<LoadedSnapshot> earlier = load_snapshots(a.previous.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.previous}, a.git);
  // A committed version with the current register's date is the current register itself.
  earlier.erase(std::remove_if(earlier.begin(), earlier.end(), [&](const LoadedSnapshot& s) { return s.reg.as_of >= current.as_of; }),
                earlier.end());
  if (earlier.empty())
    throw InputError({{Severity::error, a.previous.empty() ? a.git : a.previous,
                       "holds no register earlier than " + to_iso(current.as_of) + " (the register's date): give an earlier register"}});
  Register previous = earlier.back().reg;
  apply_survey_files(previous, a.surveys, previous.as_of);
  const RegisterDiff d = diff_registers(previous, current);
  render::SinceLastTime s;
  s.previous = earlier.back().reg.as_of;
  s.headline = headline_lines(d);
  s.warnings = d.warnings;
  earlier.push_back({as_registered, a.path});
  s.snapshots = compute_trend(earlier, a.surveys);
  return s;
}

void add_print_options(CLI::App* cmd, BriefArgs& a) {
  cmd->add_flag("--pdf", a.pdf,
                "Insist on briefing.pdf, the pack as one PDF printed by headless Chromium: without Chromium the pack is "
                "still made, and the command says how to get one and exits with status 1. Without --pdf the PDF is made "
                "whenever Chromium is installed");
  cmd->add_flag("--no-pdf", a.no_pdf, "Make no briefing.pdf");
  cmd->add_option("--paper", a.paper, "The paper the pack prints on: a4 (default; text portrait, the matrix and wide diagrams "
                                      "landscape) or a3 (landscape throughout)")
      ->check(CLI::IsMember({"a4", "a3"}))
      ->type_name("a4|a3");
  cmd->add_option("--include", a.include,
                  "Also draw partnerships not active on the date, in grey with dashed outlines: ended, proposed (not yet "
                  "started) or ended,proposed")
      ->type_name("KINDS");
}

render::BriefOptions brief_options(const BriefArgs& a) {
  if (a.pdf && a.no_pdf) throw CLI::ValidationError("--pdf", "--pdf and --no-pdf ask for opposite things; give one of them");
  render::BriefOptions o;
  o.paper = a.paper == "a3" ? render::Paper::a3 : render::Paper::a4;
  o.pdf = !a.no_pdf;
  render::DiagramOptions d;
  try {
    render::parse_include(a.include, d);
  } catch (const std::invalid_argument& e) {
    throw CLI::ValidationError("--include", e.what());
  }
  o.include_ended = d.include_ended;
  o.include_proposed = d.include_proposed;
  return o;
}

}  // namespace

void add_brief(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "brief",
      "Make the members' briefing pack in a folder: index.html, one page that opens offline and prints well, "
      "with the headline figures, the key findings in plain words (units over capacity, how much the Council "
      "leads, posts at risk, partnerships failing the review, themes with no partnership), a capacity heat map "
      "for the coming months, the diagrams (the whole network, then one per theme and per Business Unit over "
      "capacity) and the matrix. Beside it the diagrams (.svg, .png, .pdf on an A4 or A3 page, .dot), the matrix "
      "(.html, .csv, .xlsx), explore.html (the network to click through) and briefing.pdf, the whole pack as one PDF "
      "(printed by headless Chromium when it is installed). An earlier pack in the folder is replaced only once the "
      "new one is complete, and only when the folder holds nothing else: partnermap lists what it wrote in "
      "partnermap-pack.txt and never deletes a file it did not write. "
      "Example: partnermap brief datasets/carlisle-2004.json -o out");
  auto a = std::make_shared<BriefArgs>();
  cmd->add_option("REGISTER", a->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("-o,--output", a->out, "The folder to make (new, empty, or an earlier pack that holds nothing else)")->required()->type_name("DIR");
  add_at_option(cmd, a->at, "The date the figures are for");
  cmd->add_option("--months", a->months, "How many months ahead the capacity heat map runs (default 12)")->check(whole_number_in(1, 60));
  add_survey_option(cmd, a->surveys);
  cmd->add_option("--previous", a->previous, "An earlier register: the pack opens with \"Since last time\", its changes and the indicators' charts")
      ->type_name("OLD.json")
      ->check(CLI::ExistingFile);
  cmd->add_option("--git", a->git, "Like --previous, from every earlier version of the register committed to git")->type_name("REGISTER");
  add_print_options(cmd, *a);
  cmd->callback([a, &status] {
    const render::BriefOptions options = brief_options(*a);
    check_pack_folder(a->out);
    Loaded loaded = load_and_warn(a->path);
    const Register as_registered = a->previous.empty() && a->git.empty() ? Register{} : loaded.reg;
    const auto survey = apply_survey_files(loaded.reg, a->surveys, date_or_as_of(a->at, loaded.reg));
    const Register& reg = loaded.reg;
    const Graph g(reg);
    const render::Results results = render::compute_results(g, date_or_as_of(a->at, reg), a->months);
    const std::optional<render::SinceLastTime> since = since_last_time(*a, as_registered, reg);
    const render::Analysed in{g, results.capacity, results.roles, results.review, survey ? &*survey : nullptr,
                              since ? &*since : nullptr};
    const render::BriefPack report = render::make_brief(in, options);
    std::vector<std::string> warnings = report.warnings;
    for (std::string& w : write_pack(a->out, report.files)) warnings.push_back(std::move(w));
    for (const std::string& w : warnings) std::cerr << "warning: " << w << '\n';
    std::cout << "wrote the briefing pack: " << a->out << "/index.html (and " << report.files.size() - 1 << " more files)\n";
    status = kDone;
    if (!report.pdf_problem.empty()) {
      // The pack is complete either way; only an explicit --pdf makes a missing PDF a failure.
      std::cerr << (a->pdf ? "error: " : "note: ") << "no briefing.pdf: " << report.pdf_problem << ". "
                << render::pdf_engine_advice() << ".\n";
      if (a->pdf) status = kFailed;
    } else if (options.pdf) {
      std::cout << "  " << a->out << "/briefing.pdf: the pack as one PDF, " << render::to_string(options.paper) << " pages\n";
    }
  });
}

}  // namespace partnermap::cli
