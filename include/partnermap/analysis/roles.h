// Roles: does the Council lead (dominate) or support (facilitate)? The seeds want a facilitator.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap {

struct RoleCounts {
  std::size_t lead = 0, support = 0, observer = 0, absent = 0;
  std::size_t total() const { return lead + support + observer + absent; }
  double lead_share() const;  // lead / total, 0 when total is 0
};

struct RoleGroup {
  std::string key;   // theme id, nature name or unit id
  std::string name;  // the theme's or unit's name, or the nature
  RoleCounts counts;
};

struct Roles {
  Date at;
  RoleCounts overall;  // partnerships active on `at`
  std::vector<RoleGroup> by_theme, by_nature, by_unit;
  std::vector<std::optional<Role>> council_role;  // per partnership (all, register order)
  std::vector<std::optional<Index>> lead_partner;  // per partnership: the first lead member other
                                                   // than the council, else the council if it leads
  double dominance_threshold = 0.5;
  bool dominates = false;  // overall lead share above the threshold
  std::string finding;     // plain words about the lead share
};

// `threshold`: the lead share above which the Council dominates; none takes the register's policy.
Roles compute_roles(const Graph& g, Date at, std::optional<double> threshold = std::nullopt);

}  // namespace partnermap
