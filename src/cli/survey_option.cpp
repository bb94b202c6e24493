#include "cli/survey_option.h"

#include <cstdio>
#include <cstdlib>

#include "partnermap/analysis/words.h"

namespace partnermap::cli {

void add_survey_option(CLI::App* cmd, std::vector<std::string>& files) {
  cmd->add_option("--survey", files,
                  "A stakeholder survey (see `partnermap survey`): an XLSX or ODS workbook with sheets ratings and respondents, or "
                  "its two CSV tables; repeat for more waves (the wave nearest the figures' date is used)")
      ->type_name("FILE")
      ->take_all()
      ->check(CLI::ExistingFile);
}

std::optional<SurveyFigures> apply_survey_files(Register& reg, const std::vector<std::string>& files, Date day) {
  if (files.empty()) return std::nullopt;
  // Only the nearest wave's files are read against the register: an older wave may name a
  // partnership this register no longer holds, a later one a partnership it does not hold yet.
  const auto by_date = survey_files_by_date(files);
  const std::vector<std::string>* nearest = nullptr;
  Date nearest_date;
  for (const auto& [date, wave_files] : by_date)
    if (!nearest || std::abs(date.days - day.days) < std::abs(nearest_date.days - day.days)) {
      nearest = &wave_files;
      nearest_date = date;
    }
  if (!nearest) return std::nullopt;
  for (const SurveyWave& wave : read_survey_files(reg, *nearest))
    if (wave.date == nearest_date) {
      SurveyFigures s = compute_survey(reg, wave);
      apply_survey(reg, s);
      return s;
    }
  return std::nullopt;
}

std::string score_words(std::optional<double> score) {
  if (!score) return "no ratings";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", *score);
  return std::string(buf) + " of 4 (" + percent(*score / 4.0) + ")";
}

}  // namespace partnermap::cli
