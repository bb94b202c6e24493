// `partnermap generate`: a synthetic register, for scale tests and the benchmark.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/terminal.h"
#include "partnermap/generate.h"
#include "partnermap/load.h"
#include "partnermap/save.h"

namespace partnermap::cli {

namespace {

struct GenerateOptions {
  std::size_t organisations = 0, partnerships = 0;
  std::uint64_t seed = 1;
  std::string size, output, popularity = "localities";
};

}  // namespace

void add_generate(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "generate",
      "Make a synthetic register with the shape of a real one (a few partners in very many "
      "partnerships, 3 to 30 members each, Business Units, commitments, themes, parents, dates, "
      "budgets), for trying partnermap at scale. The same options always give the same file.");
  auto o = std::make_shared<GenerateOptions>();
  auto* orgs = cmd->add_option("--organisations", o->organisations, "How many organisations, the council included")
                   ->check(whole_number_in(3, 50'000'000));
  auto* parts = cmd->add_option("--partnerships", o->partnerships, "How many partnerships")
                    ->check(whole_number_in(0, 20'000'000));
  cmd->add_option("--seed", o->seed, "Seed of the random numbers (default 1)")->check(whole_number_in(0, kLargestSeed));
  auto* size = cmd->add_option("--size", o->size,
                               "A named size: council (500 organisations, 300 partnerships), county "
                               "(20,000 and 10,000) or national (200,000 and 100,000); --organisations "
                               "and --partnerships override its counts")
                   ->check(CLI::IsMember({"council", "county", "national"}));
  cmd->add_option("--popularity", o->popularity,
                  "localities (default: each partner busy in its own area) or heavy-tailed (also a dozen "
                  "county-wide bodies, the busiest in about a third of all partnerships)")
      ->check(CLI::IsMember({"localities", "heavy-tailed"}));
  cmd->add_option("-o,--output", o->output, "The register file to write (JSON)")->required();
  cmd->callback([o, orgs, parts, size, &status] {
    if (!size->count() && !(orgs->count() && parts->count()))
      throw CLI::ValidationError("generate", "give --size, or both --organisations and --partnerships");
    GenerateSettings settings;
    if (size->count()) settings = *generate_preset(o->size);
    if (orgs->count()) settings.organisations = o->organisations;
    if (parts->count()) settings.partnerships = o->partnerships;
    settings.seed = o->seed;
    if (o->popularity == "heavy-tailed") settings.popularity = Popularity::heavy_tailed;
    // A progress line only for a person watching: never into a log or a pipe.
    const bool show = isatty(STDERR_FILENO) != 0;
    if (show)
      settings.progress = [](std::size_t done, std::size_t total) {
        std::cerr << "\rgenerating: " << done << " of " << total << " partnerships" << std::flush;
      };
    const Register reg = generate_register(settings);
    if (show) std::cerr << "\rwriting " << o->output << "...                              " << std::flush;
    // The generator promises a valid register; a broken promise must not reach a file.
    const std::vector<Problem> problems = check_register(reg, o->output);
    if (count_errors(problems) > 0) {
      print_problems(std::cerr, problems);
      status = kFailed;
      return;
    }
    write_stream_atomically(o->output, [&](std::ostream& out) { save_register(out, reg); });
    if (show) std::cerr << clear_line();
    std::cout << "wrote " << o->output << ": " << reg.organisations.size() << " organisations, "
              << reg.partnerships.size() << " partnerships, " << reg.membership_count() << " memberships\n";
    status = kDone;
  });
}

}  // namespace partnermap::cli
