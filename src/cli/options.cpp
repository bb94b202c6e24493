#include "cli/options.h"

#include <iostream>
#include <unistd.h>

namespace partnermap::cli {

void add_at_option(CLI::App* cmd, std::string& at, const std::string& what) {
  cmd->add_option("--at", at, what + ", as YYYY-MM-DD (default: the register's as_of date)")
      ->type_name("DATE")
      ->check(CLI::Validator(
          [](std::string& s) {
            const std::string why = iso_date_problem(s);
            return why.empty() ? std::string() : "\"" + s + "\" " + why;
          },
          ""));
}

Date date_or_as_of(const std::string& at, const Register& reg) {
  if (at.empty()) return reg.as_of;
  return parse_iso_date(at).value_or(reg.as_of);  // already checked when the arguments were parsed
}

void add_network_options(CLI::App* cmd, NetworkOptions& o) {
  o.samples_option = cmd->add_option("--betweenness-samples", o.samples,
                                     "Estimate betweenness from K sampled sources (fixed seed, so the same "
                                     "every run); 0 for the exact figure. Default: exact when that takes "
                                     "about a second, else sampled");
  cmd->add_option("--threads", o.threads, "Threads to use (default: all cores)")->check(CLI::Range(1u, 1024u));
}

NetworkSettings network_settings(const NetworkOptions& o, bool quiet) {
  NetworkSettings settings;
  if (o.samples_option && o.samples_option->count()) settings.samples = o.samples;
  settings.threads = o.threads;
  if (!quiet && isatty(STDERR_FILENO))
    settings.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rbetweenness: " << done << " of " << total << " sources" << std::flush;
      if (done == total) std::cerr << "\r\033[K" << std::flush;
    };
  return settings;
}

}  // namespace partnermap::cli
