// The organisations, Business Units and themes a sheet names, each once, in the order first named,
// with ids made from their names. Names are matched exactly (after trimming the cell's edges): two
// spellings of one body stay two entries, and near_duplicates says which look alike so that an officer
// decides, rather than the import merging them silently.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "partnermap/model.h"
#include "partnermap/problem.h"

namespace partnermap::import {

class NameTable {
 public:
  // The entry named exactly `name`, added (remembering `place`, where it was first named) if new.
  Index add(const std::string& name, const std::string& place);
  std::optional<Index> find(const std::string& name) const;
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<std::string>& places() const { return places_; }

 private:
  std::vector<std::string> names_, places_;
  std::unordered_map<std::string, Index> index_;
};

// The council as a sheet names it: its name, its initials made from the name ("Carlisle City
// Council" is CCC), any other names the officer gives, and "the Council" itself. Used for partners
// cells (so the council is never a second organisation) and for headings ("CCC role").
struct CouncilNames {
  std::string name;                  // empty while the sheet's council is not yet known
  std::vector<std::string> aliases;  // as given with --council-alias

  // Whether a partners cell's item names the council (case, spacing and punctuation aside).
  bool names_council(std::string_view item) const;
  // Whether one word of a heading (as the sheet writes it) stands for the council: council, our,
  // the council's initials or a distinctive word of its name; with no name known, any initials
  // ending in C, as councils' initials do ("NCC role").
  bool heading_word(std::string_view word) const;
};

// The capitals of a name's words, small words left out: "London Borough of Hackney" is "LBH".
std::string initials(std::string_view name);

// One id per name: the name's slug, with -2, -3... for a slug already taken (by an earlier name or
// by `taken`), so the same sheet always gives the same ids.
std::vector<std::string> make_ids(const std::vector<std::string>& names, const std::string& fallback,
                                  std::set<std::string> taken = {});

// Warnings for names that look like one thing written two ways: the same but for case, spacing or
// punctuation ("Carlisle CVS" / "carlisle c.v.s."), an abbreviation of the other ("Carlisle CVS" /
// "Carlisle Council for Voluntary Service"), or a likely typing slip. `what` is "organisation",
// "Business Unit" or "theme".
std::vector<Problem> near_duplicates(const NameTable& table, const std::string& what);

}  // namespace partnermap::import
