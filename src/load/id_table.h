// Ids met while a register streams past, before the entries that define them have been read.
//
// A partnership may name an organisation that the file lists further down, so every reference is
// first given a provisional number; once the whole file is read, `resolve` turns it into the index
// of the entry that defines the id (the first one, when an id is defined twice).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "partnermap/model.h"

namespace partnermap::load {

class IdTable {
 public:
  // The provisional number of `id`, whether or not it is defined yet.
  Index use(const std::string& id) {
    auto [it, added] = numbers_.try_emplace(id, static_cast<Index>(names_.size()));
    if (added) {
      names_.push_back(id);
      defined_.push_back(kNone);
    }
    return it->second;
  }
  // Records that entry `at` of the list defines `id`; the first definition wins.
  void define(const std::string& id, Index at) {
    const Index n = use(id);
    if (defined_[n] == kNone) {
      defined_[n] = at;
      defined_ids_.push_back(id);
    }
  }
  std::optional<Index> resolve(Index provisional) const {
    const Index at = defined_[provisional];
    return at == kNone ? std::nullopt : std::optional<Index>(at);
  }
  const std::string& name(Index provisional) const { return names_[provisional]; }
  const std::vector<std::string>& defined_ids() const { return defined_ids_; }

 private:
  static constexpr Index kNone = static_cast<Index>(-1);
  std::unordered_map<std::string, Index> numbers_;
  std::vector<std::string> names_;
  std::vector<Index> defined_;
  std::vector<std::string> defined_ids_;
};

}  // namespace partnermap::load
