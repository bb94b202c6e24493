// What a heading names. Officers head their columns in their own words ("Staff hours a month",
// "CCC role", "Kind of partnership"), so a heading is matched first against the words councils
// commonly use, then by its key words: a heading holding a field's key word, and otherwise only a
// word that narrows it ("staff", "council") or words that say nothing ("a", "month", "current"),
// names that field. A bracketed part ("(hours)", "(£ a year)") is a unit and does not count.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/names.h"

namespace partnermap::import {

enum class Field {
  id, name, nature, role, lead, partners, themes, units, hours, budget, council, accountable_body, parent,
  stage, start, end, indicators, evaluation, management, exit_strategy, risk, last_review, posts,
  funded_until, survey_responses, survey_satisfied, findings,
  theme,   // a tick column for one theme, named by its heading
  extra,   // a heading partnermap does not know: kept on each partnership
  ignore,  // a column the officer asked to be left out
};

// The heading partnermap writes for a field, for messages: "Lead partner".
const char* field_title(Field f);

struct HeadingMatch {
  std::optional<Field> field;    // the one field the heading names
  std::vector<Field> candidates;  // two or more: the heading could name any of them
};
HeadingMatch match_heading(std::string_view heading, const CouncilNames& council);
// The field a heading names, if exactly one.
std::optional<Field> recognise_heading(std::string_view heading, const CouncilNames& council = {});

// For a heading that names no field: the field it looks closest to (it holds one of the field's key
// words, else it is a few letters from a heading councils use), if any.
std::optional<Field> closest_field(std::string_view heading);
// Kept for "did you mean": the closest field's title, or empty.
std::string suggest_heading(std::string_view heading);

// The field a --column option names: a heading partnermap writes ("Council role"), a register field
// ("last_review"), any heading it recognises ("Hours"), or theme, extra, ignore.
std::optional<Field> field_named(std::string_view name);
// The fields a --column option may name, for its error message.
std::string field_names_list();

}  // namespace partnermap::import
