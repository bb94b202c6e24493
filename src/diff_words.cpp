// The diff's headline in the words a committee reads.
#include "partnermap/analysis/words.h"
#include "partnermap/diff.h"

namespace partnermap {

namespace {

const char* status_text(LoadStatus s) {
  return s == LoadStatus::overloaded ? "over capacity" : s == LoadStatus::stretched ? "stretched" : "within capacity";
}

std::string change(const std::string& before, const std::string& after) {
  return before == after ? "unchanged at " + after : before + " -> " + after;
}

}  // namespace

std::vector<std::string> headline_lines(const RegisterDiff& d) {
  const DiffHeadline& h = d.headline;
  std::vector<std::string> out;
  out.push_back("Share of active partnerships the Council leads: " + change(percent(h.lead_share_before), percent(h.lead_share_after)));
  if (h.units_crossing.empty()) {
    out.push_back("No " + d.words.unit + " crossed a capacity threshold");
  } else {
    std::vector<std::string> units;
    for (const UnitChange& u : h.units_crossing)
      units.push_back(u.unit.name + " (" + status_text(u.status_before) + " -> " + status_text(u.status_after) + ")");
    out.push_back(capitalised(d.words.units) + " crossing a capacity threshold: " + join_words(units));
  }
  out.push_back("Severe review findings: " + change(std::to_string(h.severe_before), std::to_string(h.severe_after)));
  out.push_back(count_of(h.started, "partnership", "partnerships") + " started or new, " +
                count_of(h.ended, "partnership", "partnerships") + " ended or removed" +
                (d.renamed.empty() ? "" : ", " + count_of(d.renamed.size(), "partnership", "partnerships") + " renamed"));
  return out;
}

}  // namespace partnermap
