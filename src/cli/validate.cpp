#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"

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
    std::cout << "ok: " << r.organisations.size() << " organisations, " << r.partnerships.size()
              << " partnerships, " << r.membership_count() << " memberships, " << r.business_units.size()
              << " Business Units, " << r.themes.size() << " themes";
    if (!loaded.warnings.empty()) std::cout << " (" << loaded.warnings.size() << " warnings)";
    std::cout << '\n';
    status = kDone;
  });
}

}  // namespace partnermap::cli
