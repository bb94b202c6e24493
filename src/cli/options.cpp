#include "cli/options.h"

#include "cli/terminal.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <unistd.h>

namespace partnermap::cli {

namespace {

std::string number_words(double v) {
  char buf[32];
  // A whole number in full ("9007199254740991", not "9.00719925474099e+15").
  std::snprintf(buf, sizeof buf, v == std::floor(v) && std::fabs(v) < 1e16 ? "%.0f" : "%.15g", v);
  return buf;
}

CLI::Validator number_check(double min, double max, bool whole) {
  const std::string kind = whole ? "a whole number" : "a number";
  const std::string range = std::isinf(max) ? kind + " of " + number_words(min) + " or more"
                                            : kind + " from " + number_words(min) + " to " + number_words(max);
  return CLI::Validator(
      [=](std::string& s) {
        // strtod reads "nan", "inf" and hex too: only a finite value that used every character counts.
        errno = 0;
        char* end = nullptr;
        const double v = s.empty() ? std::nan("") : std::strtod(s.c_str(), &end);
        const bool ok = std::isfinite(v) && errno != ERANGE && end && *end == '\0' && v >= min && v <= max &&
                        (!whole || v == std::floor(v)) && s.find_first_of("xXpP") == std::string::npos;
        return ok ? std::string() : "\"" + s + "\" is not " + range;
      },
      range);
}

}  // namespace

CLI::Validator number_in(double min, double max) { return number_check(min, max, false); }

CLI::Validator whole_number_in(double min, double max) { return number_check(min, max, true); }

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
                                     "about a second, else sampled")
                        ->check(whole_number_in(0, 1e9));
  cmd->add_option("--threads", o.threads, "Threads to use (default: all cores)")->check(whole_number_in(1, 1024));
}

NetworkSettings network_settings(const NetworkOptions& o, bool quiet) {
  NetworkSettings settings;
  if (o.samples_option && o.samples_option->count()) settings.samples = o.samples;
  settings.threads = o.threads;
  if (!quiet && isatty(STDERR_FILENO))
    settings.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rbetweenness: " << done << " of " << total << " sources" << std::flush;
      if (done == total) std::cerr << clear_line() << std::flush;
    };
  return settings;
}

}  // namespace partnermap::cli
