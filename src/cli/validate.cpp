#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "partnermap/analysis/words.h"

namespace partnermap::cli {

namespace {

std::string count(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

void add_validate(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "validate",
      "Check a register and say either \"ok\" with its counts or every problem found, each with where "
      "it is (file:line:column, or the partnership's name and the field) and what to do.");
  auto path = std::make_shared<std::string>();
  cmd->add_option("REGISTER", *path, "The register file (partnermap/1 JSON)")->required();
  cmd->callback([path, &status] {
    const Loaded loaded = load_and_warn(*path);
    const Register& r = loaded.reg;
    std::cout << "ok: " << count(r.organisations.size(), "organisation") << ", "
              << count(r.partnerships.size(), "partnership") << ", "
              << count(r.membership_count(), "membership") << ", "
              << count_of(r.business_units.size(), r.policy.words.unit, r.policy.words.units) << ", "
              << count_of(r.themes.size(), r.policy.words.theme, r.policy.words.themes);
    if (!loaded.warnings.empty()) std::cout << " (" << count(loaded.warnings.size(), "warning") << ")";
    std::cout << '\n';
    status = kDone;
  });
}

}  // namespace partnermap::cli
