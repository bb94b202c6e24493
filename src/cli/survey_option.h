// `--survey FILE`, shared by the commands that take a stakeholder survey alongside the register.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "partnermap/analysis/survey.h"

namespace partnermap::cli {

// Repeatable: one XLSX workbook per wave, or a wave's two CSV tables.
void add_survey_option(CLI::App* cmd, std::vector<std::string>& files);

// Reads the survey files against `reg` and applies the wave nearest `day` to it (see apply_survey):
// the figures of that wave, or none when no file was given. Throws InputError.
std::optional<SurveyFigures> apply_survey_files(Register& reg, const std::vector<std::string>& files, Date day);

// "3.25 (81%)": a 1-4 score and its share of the scale's top; "no ratings" when there is none.
std::string score_words(std::optional<double> score);

}  // namespace partnermap::cli
