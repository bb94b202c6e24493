#include "cli/snapshots.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/output.h"
#include "partnermap/history.h"
#include "partnermap/load.h"

namespace partnermap::cli {

std::vector<LoadedSnapshot> load_snapshots(const std::vector<std::string>& files, const std::string& git_register) {
  std::vector<LoadedSnapshot> out;
  for (const std::string& f : files) out.push_back({load_and_warn(f).reg, f});
  if (!git_register.empty()) {
    std::vector<Problem> problems;
    for (const RegisterVersion& v : register_history(git_register)) {
      const std::string source = git_register + "@" + v.commit;
      try {
        Loaded loaded = load_register_text(v.text, source);
        print_problems(std::cerr, loaded.warnings, 20);
        out.push_back({std::move(loaded.reg), source});
      } catch (const InputError& e) {
        // An old version that no longer reads is named with its commit, so the officer can find it.
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
      }
    }
    if (count_errors(problems) > 0) throw InputError(std::move(problems));
  }
  std::stable_sort(out.begin(), out.end(), [](const LoadedSnapshot& a, const LoadedSnapshot& b) { return a.reg.as_of < b.reg.as_of; });
  return out;
}

std::vector<Snapshot> compute_trend(std::vector<LoadedSnapshot>& snapshots, const std::vector<std::string>& survey_files) {
  std::map<std::size_t, SurveyFigures> surveys;  // snapshot -> the wave read with it
  if (!survey_files.empty() && !snapshots.empty()) {
    // Each wave is read against the snapshot nearest its date only: a wave names the partnerships of
    // its time, which an older or newer register may not hold.
    for (const auto& [date, files] : survey_files_by_date(survey_files)) {
      std::size_t best = 0;
      for (std::size_t k = 1; k < snapshots.size(); ++k)
        if (std::abs(snapshots[k].reg.as_of.days - date.days) <= std::abs(snapshots[best].reg.as_of.days - date.days)) best = k;
      const auto it = surveys.find(best);
      if (it != surveys.end() && std::abs(it->second.date.days - snapshots[best].reg.as_of.days) <= std::abs(date.days - snapshots[best].reg.as_of.days))
        continue;  // the snapshot already has a wave as near
      for (const SurveyWave& wave : read_survey_files(snapshots[best].reg, files))
        if (wave.date == date) surveys[best] = compute_survey(snapshots[best].reg, wave);
    }
  }
  std::vector<Snapshot> out;
  for (std::size_t k = 0; k < snapshots.size(); ++k) {
    Register& reg = snapshots[k].reg;
    const auto it = surveys.find(k);
    if (it != surveys.end()) apply_survey(reg, it->second);
    Snapshot s;
    s.as_of = reg.as_of;
    s.source = snapshots[k].source;
    s.council = reg.organisations.at(reg.council).name;
    s.units_word = reg.policy.words.units;
    if (it != surveys.end()) s.survey_date = it->second.date;
    s.indicators = compute_indicators(reg, it != surveys.end() ? &it->second : nullptr);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace partnermap::cli
