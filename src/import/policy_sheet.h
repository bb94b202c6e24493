// A workbook's Policy sheet: the council's own words and thresholds, one setting a row (the setting
// in the officer's words, its value), read into the register's `policy` object so that nobody has to
// edit JSON for it. Settings are recognised by their words leniently ("Stretched from (% of
// capacity)", "What we call our themes"), and every value is checked where it stands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "partnermap/import.h"
#include "partnermap/problem.h"

namespace partnermap::import {

// The `policy` key a setting's words name ("lead_share", "sources.posts-at-risk"), if exactly one;
// `candidates` receives the keys that tie when the words could mean more than one.
std::optional<std::string> recognise_setting(const std::string& words, std::vector<std::string>& candidates);

// The workbook's policy sheet: one named like "Policy" or "Policy settings", else one whose header
// row has a "Setting" and a "Value" column. Null when the workbook has none.
const Sheet* find_policy_sheet(const std::vector<Sheet>& sheets);

// The `policy` object the sheet gives. Every problem goes to `problems` at its sheet, row and column,
// with the form a value should take.
nlohmann::json read_policy_sheet(const Sheet& sheet, std::vector<Problem>& problems);

}  // namespace partnermap::import

namespace partnermap {

// Gives `imported` the policy of the workbook's policy sheet, if it has one. Throws InputError with
// every error found (and the import's warnings); adds the sheet's warnings to the import's.
void add_policy_sheet(const std::vector<Sheet>& sheets, Imported& imported);

}  // namespace partnermap
