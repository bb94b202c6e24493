#include "cli/survey_option.h"

#include <cstdio>

#include "partnermap/analysis/words.h"

namespace partnermap::cli {

void add_survey_option(CLI::App* cmd, std::vector<std::string>& files) {
  cmd->add_option("--survey", files,
                  "A stakeholder survey (see `partnermap survey`): an XLSX workbook with sheets ratings and respondents, or "
                  "its two CSV tables; repeat for more waves (the wave nearest the figures' date is used)")
      ->type_name("FILE")
      ->take_all()
      ->check(CLI::ExistingFile);
}

std::optional<SurveyFigures> apply_survey_files(Register& reg, const std::vector<std::string>& files, Date day) {
  if (files.empty()) return std::nullopt;
  const std::vector<SurveyWave> waves = read_survey_files(reg, files);
  const SurveyWave* wave = nearest_wave(waves, day);
  if (!wave) return std::nullopt;
  SurveyFigures s = compute_survey(reg, *wave);
  apply_survey(reg, s);
  return s;
}

std::string score_words(std::optional<double> score) {
  if (!score) return "no ratings";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", *score);
  return std::string(buf) + " of 4 (" + percent(*score / 4.0) + ")";
}

}  // namespace partnermap::cli
