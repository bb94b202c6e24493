// The survey's figures: how partners rate each other (trust and value, PARTNER's measures), how they
// see each partnership and the Council's part in it, and who is asked too often. The seeds want these
// as the baseline for performance indicators of the Council's partnership role.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "partnermap/model.h"
#include "partnermap/survey.h"

namespace partnermap {

struct OrganisationSurvey {
  Index org = 0;
  std::size_t ratings = 0;               // ratings about it
  std::optional<double> trust, value;    // 1-4: mean over the ratings of each rating's item mean
  std::size_t asked = 0;                 // partnerships it was asked about (respondent rows)
  std::size_t too_often = 0;             // of those, how many it answered "consulted too often"
  std::optional<double> too_often_share; // too_often / those answering the question
};

struct PartnershipSurvey {
  Index partnership = 0;
  std::size_t respondents = 0;
  std::size_t partners = 0;                  // member organisations other than the council
  std::optional<double> response_rate;       // respondents / partners
  std::size_t satisfied = 0;                 // respondents answering 3 or 4
  std::size_t satisfied_answers = 0;         // respondents answering the question at all
  std::optional<double> satisfied_share;     // satisfied / respondents answering the question
  std::optional<double> facilitates_share;   // the same for council_facilitates
  std::optional<double> council_trust, council_value;  // ratings of the council for this partnership
};

struct SurveyFigures {
  Date date;
  std::size_t ratings = 0;
  std::optional<double> trust, value;        // network: mean of every rating's item mean, 1-4
  std::optional<double> satisfied_share;     // every respondent row answering 3 or 4
  std::optional<double> facilitates_share;
  std::vector<OrganisationSurvey> organisations;  // rated or asked, register order
  std::vector<PartnershipSurvey> partnerships;    // with respondents or ratings, register order
  std::optional<Index> council;                   // the council's own entry in `organisations`
};

SurveyFigures compute_survey(const Register& reg, const SurveyWave& wave);

// A 1-4 score as a percentage of the scale's top (score / 4 x 100, PARTNER's convention).
double score_percent(double score);

// {"date", "network": {ratings, trust, trust_percent, value, value_percent, satisfied_share,
//  facilitates_share}, "organisations": [{id, name, ratings, trust, value, asked, too_often_share}],
//  "partnerships": [{id, name, respondents, partners, response_rate, satisfied_share,
//  facilitates_share, council_trust, council_value}]}; a figure with nothing to count is null.
nlohmann::json to_json(const SurveyFigures& s, const Register& reg);

// The register with each surveyed partnership's `survey` counts taken from the survey (respondents
// answering the satisfaction question, and those answering 3 or 4), so that the review's
// low-satisfaction check and every output read the survey; other partnerships keep their own counts.
void apply_survey(Register& reg, const SurveyFigures& s);

}  // namespace partnermap
