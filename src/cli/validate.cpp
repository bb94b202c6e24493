#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "partnermap/analysis/words.h"

namespace partnermap::cli {

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
    std::cout << "ok: " << count_of(r.organisations.size(), "organisation", "organisations") << ", "
              << count_of(r.partnerships.size(), "partnership", "partnerships") << ", "
              << count_of(r.membership_count(), "membership", "memberships") << ", "
              << count_of(r.business_units.size(), r.policy.words.unit, r.policy.words.units) << ", "
              << count_of(r.themes.size(), r.policy.words.theme, r.policy.words.themes);
    if (!loaded.warnings.empty()) std::cout << " (" << count_of(loaded.warnings.size(), "warning", "warnings") << ")";
    std::cout << '\n';
    status = kDone;
  });
}

}  // namespace partnermap::cli
