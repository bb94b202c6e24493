// The register: plain data for one partnermap/1 document.
//
// Every cross-reference (a member's organisation, a commitment's unit, a theme, a parent) is held as
// an index into the register's own lists, resolved once by the loader, so that nothing downstream
// looks an id up by string. Fields the format does not know are kept in `extra` so that a register
// the tool rewrites loses nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "partnermap/date.h"
#include "partnermap/policy.h"

namespace partnermap {

// Index of an entry in one of the register's lists.
using Index = std::uint32_t;

enum class Nature : std::uint8_t { strategic, operational, funding, project };
enum class Role : std::uint8_t { lead, support, observer };
enum class Stage : std::uint8_t { deciding, establishing, running, evaluating, exiting };
enum class ExitStrategy : std::uint8_t { mainstreaming, succession, exit, none };
enum class Risk : std::uint8_t { high, medium, low };

// A City Vision theme or corporate priority that partnerships serve.
struct Theme {
  std::string id;
  std::string name;
  nlohmann::json extra;  // unknown fields, kept as read (null when there are none)
};

// A part of the council whose staff give time to partnerships.
struct BusinessUnit {
  std::string id;
  std::string name;
  double capacity_hours = 0;  // hours a month the unit can give to partnership work; 0: not recorded
  nlohmann::json extra;
};

// Any body that can be a member of a partnership; the council is one of them.
struct Organisation {
  std::string id;
  std::string name;
  std::string sector;  // free text: "public", "voluntary", "private"...
  nlohmann::json extra;
};

// One organisation's place in a partnership.
struct Member {
  Index org = 0;  // into Register::organisations
  Role role = Role::support;
  nlohmann::json extra;
};

// Council staff time given to a partnership by one Business Unit.
struct Commitment {
  Index unit = 0;       // into Register::business_units
  double hours = 0;     // hours a month
  std::string officer;  // the officer who gives the time; empty when not named
  nlohmann::json extra;
};

struct Budget {
  double total = 0;    // pounds a year, all partners together
  double council = 0;  // pounds a year from the council
  nlohmann::json extra;
};

// Council posts that depend on the partnership's funding (the seeds' "posts funded short-term").
struct Posts {
  int permanent = 0;
  std::optional<Date> funded_until;
  nlohmann::json extra;
};

// Stakeholder satisfaction, the seeds' proposed indicator of how partners see the council.
struct Survey {
  int responses = 0;
  int satisfied = 0;
  nlohmann::json extra;
};

struct Partnership {
  std::string id;
  std::string name;
  Nature nature = Nature::strategic;
  std::vector<Member> members;
  std::vector<Commitment> commitments;
  std::vector<Index> themes;  // into Register::themes
  std::optional<Index> parent;            // into Register::partnerships
  std::optional<Index> accountable_body;  // into Register::organisations
  std::optional<Stage> stage;
  std::optional<Date> start;
  std::optional<Date> end;  // none: ongoing
  std::optional<Budget> budget;
  std::optional<Posts> posts;
  std::optional<std::vector<std::string>> indicators;
  std::optional<std::string> evaluation;
  std::optional<std::string> management;
  std::optional<ExitStrategy> exit_strategy;
  std::optional<Risk> risk;
  std::optional<Date> last_review;
  std::optional<Survey> survey;
  nlohmann::json extra;

  // Whether the partnership runs on `day`: started on or before it, not ended before it.
  bool active_on(Date day) const {
    return (!start || *start <= day) && (!end || *end >= day);
  }
};

struct Register {
  std::string format = "partnermap/1";
  Date as_of;
  Index council = 0;  // into organisations
  std::vector<Theme> themes;
  std::vector<BusinessUnit> business_units;
  std::vector<Organisation> organisations;
  std::vector<Partnership> partnerships;
  Policy policy;  // the register's `policy` object, or the neutral defaults
  nlohmann::json extra;  // unknown top-level fields, and `policy` as read so that a rewrite keeps it

  std::size_t membership_count() const;
  // The council's role in a partnership, or none when the council is not a member.
  std::optional<Role> council_role(const Partnership& p) const;
};

// Names of enumeration values as the register spells them.
const char* to_string(Nature v);
const char* to_string(Role v);
const char* to_string(Stage v);
const char* to_string(ExitStrategy v);
const char* to_string(Risk v);

}  // namespace partnermap
