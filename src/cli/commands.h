// The CLI's commands. Each adds its subcommand to the app; its callback runs the command and
// stores the exit status. Bad input travels as InputError and is printed by main.
#pragma once

#include <CLI/CLI.hpp>

namespace partnermap::cli {

// Exit statuses, as the README documents them.
inline constexpr int kDone = 0;
inline constexpr int kFailed = 1;
inline constexpr int kBadInput = 2;

void add_validate(CLI::App& app, int& status);
void add_analyse(CLI::App& app, int& status);
void add_diff(CLI::App& app, int& status);
void add_export(CLI::App& app, int& status);
void add_generate(CLI::App& app, int& status);
void add_network(CLI::App& app, int& status);
void add_capacity(CLI::App& app, int& status);
void add_review(CLI::App& app, int& status);
void add_matrix(CLI::App& app, int& status);
void add_diagram(CLI::App& app, int& status);
void add_brief(CLI::App& app, int& status);
void add_assess(CLI::App& app, int& status);
void add_import(CLI::App& app, int& status);
void add_survey(CLI::App& app, int& status);
void add_trend(CLI::App& app, int& status);
void add_explore(CLI::App& app, int& status);

}  // namespace partnermap::cli
