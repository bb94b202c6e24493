// What changed between two registers: the scrutiny committee's six-monthly question.
//
// Entries are matched by id. A partnership's fields are compared as an officer reads them
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

struct RegisterDiff {
  Date old_as_of, new_as_of;
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

// {old_as_of, new_as_of, added, removed, started, ended: [{id, name}], changed: [{id, name,
//  fields: [{field, before, after}], members: [{id, name, before, after}]}], organisations: {added,
//  removed}, units: [{id, name, hours_before, hours_after, utilisation_before, utilisation_after,
//  status_before, status_after}], findings: [{id, name, raised, resolved: [{code, severity, reason}]}],
//  score_before, score_after}
nlohmann::json to_json(const RegisterDiff& d);

// The fields of a partnership as the diff and the matrix show them, in a fixed order.
std::vector<std::pair<std::string, std::string>> partnership_fields(const Register& reg, const Partnership& p);

}  // namespace partnermap
