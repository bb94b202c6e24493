#include "analysed.h"


namespace partnermap::render {

const char* status_words(LoadStatus s) {
  switch (s) {
    case LoadStatus::ok: return "within capacity";
    case LoadStatus::stretched: return "stretched";
    case LoadStatus::overloaded: return "over capacity";
    case LoadStatus::not_recorded: return kCapacityNotRecorded;
  }
  return "?";
}

const char* severity_words(FindingSeverity s) {
  switch (s) {
    case FindingSeverity::severe: return "severe";
    case FindingSeverity::warning: return "warning";
    case FindingSeverity::advice: return "advice";
  }
  return "?";
}

const char* role_words(std::optional<Role> r) {
  if (!r) return "not a member";
  return to_string(*r);
}

namespace {
const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
}

std::string month_label(Date d) {
  const YearMonthDay ymd = to_civil(d);
  return std::string(kMonths[ymd.month - 1], 3) + " " + std::to_string(ymd.year);
}

}  // namespace partnermap::render

namespace partnermap::render {

Results compute_results(const Graph& g, Date at, int months) {
  return Results{compute_capacity(g, at, months), compute_roles(g, at), compute_review(g, at)};
}

}  // namespace partnermap::render
