// Options that several commands share, declared once so that they read and check the same way.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "partnermap/analysis/network.h"
#include "partnermap/model.h"

namespace partnermap::cli {

// The checks of every numeric option, so that each refuses the same way, with exit status 2, naming
// the option and its range: anything but a plain finite number ("nan", "inf", "1e999", "12abc") and
// anything outside [min, max]. `max` may be infinity ("0 or more").
CLI::Validator number_in(double min, double max);
// The same for a whole number: also refuses "2.5".
CLI::Validator whole_number_in(double min, double max);

// The largest seed a number option takes: every whole number to it is exact in a double.
inline constexpr double kLargestSeed = 9007199254740991.0;

// `--at DATE`, checked as an ISO date when parsed (a bad date is a usage error: exit status 2).
void add_at_option(CLI::App* cmd, std::string& at, const std::string& what);
// The date `--at` names, or the register's own date when it was not given.
Date date_or_as_of(const std::string& at, const Register& reg);

// `--betweenness-samples K` and `--threads N`, read into NetworkSettings.
struct NetworkOptions {
  std::size_t samples = 0;
  unsigned threads = 0;
  CLI::Option* samples_option = nullptr;
};
void add_network_options(CLI::App* cmd, NetworkOptions& o);
// The settings the options ask for; a progress line on stderr only when a person is watching.
NetworkSettings network_settings(const NetworkOptions& o, bool quiet);

}  // namespace partnermap::cli
