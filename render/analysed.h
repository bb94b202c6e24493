// What the renderers draw from: the register's graph and the analyses' results. The renderers take
// results, never compute them, so that each output of one run agrees with the others and a test can
// hand in results built by hand.
#pragma once

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/review.h"
#include "partnermap/analysis/roles.h"
#include "partnermap/analysis/survey.h"
#include "partnermap/analysis/words.h"  // every figure and date as words
#include "partnermap/graph.h"

namespace partnermap::render {

struct SinceLastTime;  // brief_since.h

struct Analysed {
  const Graph& graph;
  const Capacity& capacity;
  const Roles& roles;
  const Review& review;
  const SurveyFigures* survey = nullptr;  // the stakeholder survey's wave, when one was given
  const SinceLastTime* since = nullptr;   // the brief's comparison with earlier registers, when asked for

  const Register& reg() const { return graph.reg(); }
};

// Words for members: the analyses' enums in the language of the briefing.
const char* status_words(LoadStatus s);  // "within capacity", "stretched", "over capacity", "capacity not recorded"
const char* severity_words(FindingSeverity s);  // "severe", "warning", "advice"
const char* role_words(std::optional<Role> r);  // "lead", "support", "observer", "not a member"

// "Sep 2004"
std::string month_label(Date d);

}  // namespace partnermap::render

namespace partnermap::render {

// The results the renderers need, worked out once for a date. The CLI's matrix, diagram and brief
// commands all start here, so that their outputs agree.
struct Results {
  Capacity capacity;
  Roles roles;
  Review review;
};
Results compute_results(const Graph& g, Date at, int months = 12);

}  // namespace partnermap::render
