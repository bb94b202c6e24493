// What changed between two registers: the scrutiny committee's six-monthly question.
//
// Entries are matched by id; a partnership whose id changed with its name is matched by its members,
// dates and a similar name. Lists whose order carries no meaning (themes, Business Units,
// indicators) are compared as sets. A partnership's fields are compared as an officer reads them
// ("Council role: support -> lead"), its members as organisations joining and leaving, and the
// effect of the whole change is shown through the analyses themselves: each Business Unit's
// utilisation and each partnership's review findings, old register on its date against the new
// register on its date.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "partnermap/analysis/capacity.h"
#include "partnermap/analysis/review.h"
#include "partnermap/model.h"

namespace partnermap {

struct Named {
  std::string id;
  std::string name;
};

struct FieldChange {
  std::string field;   // as the matrix names it: "Council role", "Business Units", "End"...
  std::string before;  // "none" when the field was empty
  std::string after;
};

struct MemberChange {
  Named organisation;
  std::string before;  // role before, "" when it joined
  std::string after;   // role after, "" when it left
};

struct PartnershipChange {
  Named partnership;
  std::vector<FieldChange> fields;
  std::vector<MemberChange> members;  // joined, left, or changed role
};

struct UnitChange {
  Named unit;
  bool in_old = true, in_new = true;
  double hours_before = 0, hours_after = 0;
  double utilisation_before = 0, utilisation_after = 0;  // may be +inf (no capacity)
  LoadStatus status_before = LoadStatus::ok, status_after = LoadStatus::ok;
};

struct FindingChange {
  Named partnership;
  std::vector<Finding> raised;    // findings the new register has and the old did not (by code)
  std::vector<Finding> resolved;  // findings the old register had and the new does not
};

// A partnership whose id changed with its name (a register imported from a sheet without an Id
// column makes ids from names): matched by the same members, the same dates and a similar name.
struct Renamed {
  Named before, after;
};

// What a committee reads first: the Council's lead share, units crossing a threshold (in both
// registers, status changed), severe findings, and how many partnerships started and ended.
struct DiffHeadline {
  double lead_share_before = 0, lead_share_after = 0;
  std::size_t severe_before = 0, severe_after = 0;
  std::vector<UnitChange> units_crossing;
  std::size_t started = 0;  // new and started partnerships
  std::size_t ended = 0;    // ended and removed partnerships
};

struct RegisterDiff {
  Date old_as_of, new_as_of;
  std::string council_before, council_after;  // the councils' names
  PolicyWords words;                          // the new register's words for its themes and units
  std::vector<std::string> warnings;          // two councils, or the "new" register older than the "old"
  std::vector<Renamed> renamed;               // also listed, with their Name change, in `changed`
  DiffHeadline headline;
  std::vector<Named> added;     // partnerships only in the new register
  std::vector<Named> removed;   // partnerships only in the old register
  std::vector<Named> started;   // in both; active on the new date, not on the old one
  std::vector<Named> ended;     // in both; active on the old date, not on the new one
  std::vector<PartnershipChange> changed;
  std::vector<Named> organisations_added, organisations_removed;
  std::vector<UnitChange> units;  // every unit in either register; new register's order, then removed ones
  std::vector<FindingChange> findings;
  int score_before = 100, score_after = 100;
  bool empty() const;  // nothing at all changed
};

RegisterDiff diff_registers(const Register& before, const Register& after);

// The headline in plain words, one line each: lead share, units crossing thresholds, severe findings,
// partnerships started and ended. The text, the committee page and the brief all open with it.
std::vector<std::string> headline_lines(const RegisterDiff& d);

// {council, warnings: [text], headline: {lead_share_before, lead_share_after, severe_before,
//  severe_after, units_crossing: [{id, name, status_before, status_after}], started, ended},
//  renamed: [{before: {id, name}, after: {id, name}}], old_as_of, new_as_of, added, removed, started, ended: [{id, name}], changed: [{id, name,
//  fields: [{field, before, after}], members: [{id, name, before, after}]}], organisations: {added,
//  removed}, units: [{id, name, hours_before, hours_after, utilisation_before, utilisation_after,
//  status_before, status_after}], findings: [{id, name, raised, resolved: [{code, severity, reason}]}],
//  score_before, score_after}
nlohmann::json to_json(const RegisterDiff& d);

// The fields of a partnership as the diff and the matrix show them, in a fixed order.
std::vector<std::pair<std::string, std::string>> partnership_fields(const Register& reg, const Partnership& p);

}  // namespace partnermap
