// An existing register updated from its spreadsheet (include/partnermap/merge.h).
#include "partnermap/merge.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "import/text.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

using import::fold;

// Matches the fresh entries of one list to the old ones (by name, then id) and appends the rest:
// the old entries keep their places, so the old register's indices stay valid in the merged one.
template <class T, class Update>
std::vector<Index> merge_list(std::vector<T>& merged, const std::vector<T>& fresh, Update update) {
  std::map<std::string, Index> by_name, by_id;
  std::set<std::string> ids;
  for (Index i = 0; i < merged.size(); ++i) {
    by_name.emplace(fold(merged[i].name), i);
    by_id.emplace(merged[i].id, i);
    ids.insert(merged[i].id);
  }
  std::vector<Index> to_merged;
  for (const T& f : fresh) {
    std::optional<Index> match;
    if (const auto it = by_name.find(fold(f.name)); it != by_name.end()) match = it->second;
    else if (const auto id = by_id.find(f.id); id != by_id.end()) match = id->second;
    if (match) {
      update(merged[*match], f);
      to_merged.push_back(*match);
      continue;
    }
    T added = f;
    std::string id = f.id;
    for (int n = 2; ids.count(id); ++n) id = f.id + "-" + std::to_string(n);
    added.id = id;
    ids.insert(id);
    by_name.emplace(fold(added.name), static_cast<Index>(merged.size()));
    to_merged.push_back(static_cast<Index>(merged.size()));
    merged.push_back(std::move(added));
  }
  return to_merged;
}

// The sheet's own fields (`extra`) it holds replace the old ones; others are kept.
void merge_own_fields(nlohmann::json& into, const nlohmann::json& fresh, const std::vector<std::string>* held) {
  const bool has = fresh.is_object() && fresh.contains("extra") && fresh["extra"].is_object();
  if (!held && !has) return;
  if (!into.is_object()) into = nlohmann::json::object();
  nlohmann::json& own = into["extra"];
  if (!own.is_object()) own = nlohmann::json::object();
  if (held)
    for (const std::string& h : *held)
      if (h.rfind("extra.", 0) == 0) own.erase(h.substr(6));
  if (has)
    for (const auto& [k, v] : fresh["extra"].items()) own[k] = v;
  if (own.empty()) into.erase("extra");
  if (into.empty()) into = nlohmann::json();
}

class Merger {
 public:
  Merger(const Register& old, const Imported& fresh, const std::string& name)
      : old_(old), fresh_(fresh.reg), held_(fresh.held.begin(), fresh.held.end()), held_list_(fresh.held), name_(name) {}

  Merged run() {
    Merged out;
    Register& reg = out.reg;
    reg.format = old_.format;
    reg.as_of = fresh_.as_of;
    reg.policy = old_.policy;
    reg.extra = old_.extra;
    reg.themes = old_.themes;
    reg.business_units = old_.business_units;
    reg.organisations = old_.organisations;
    themes_ = merge_list(reg.themes, fresh_.themes, [](Theme& m, const Theme& f) {
      m.name = f.name;
      merge_own_fields(m.extra, f.extra, nullptr);
    });
    units_ = merge_list(reg.business_units, fresh_.business_units, [](BusinessUnit& m, const BusinessUnit& f) {
      m.name = f.name;
      if (f.capacity_hours > 0) m.capacity_hours = f.capacity_hours;  // else the register's is kept
      merge_own_fields(m.extra, f.extra, nullptr);
    });
    orgs_ = merge_list(reg.organisations, fresh_.organisations, [](Organisation& m, const Organisation& f) {
      m.name = f.name;
      if (!f.sector.empty()) m.sector = f.sector;
      merge_own_fields(m.extra, f.extra, nullptr);
    });
    reg.council = orgs_[fresh_.council];
    match_partnerships();
    for (std::size_t i = 0; i < fresh_.partnerships.size(); ++i) reg.partnerships.push_back(partnership(i, out.warnings));
    unique_ids(reg);
    std::vector<Problem> problems = check_register(reg, name_);
    if (count_errors(problems) > 0) throw InputError(std::move(problems));
    out.warnings.insert(out.warnings.end(), problems.begin(), problems.end());
    return out;
  }

 private:
  const Register& old_;
  const Register& fresh_;
  std::set<std::string> held_;
  const std::vector<std::string>& held_list_;
  const std::string& name_;
  std::vector<Index> themes_, units_, orgs_;
  std::vector<std::optional<Index>> old_of_;  // per fresh partnership: the old one it updates
  std::map<Index, Index> merged_of_old_;      // old partnership: its place in the merged register
  std::vector<bool> added_;

  bool held(const char* field) const { return held_.count(field) > 0; }

  void match_partnerships() {
    std::map<std::string, Index> by_id, by_name;
    for (Index i = 0; i < old_.partnerships.size(); ++i) {
      by_id.emplace(old_.partnerships[i].id, i);
      by_name.emplace(fold(old_.partnerships[i].name), i);
    }
    std::set<Index> used;
    for (Index i = 0; i < fresh_.partnerships.size(); ++i) {
      const Partnership& f = fresh_.partnerships[i];
      std::optional<Index> match;
      // With an Id column the sheet's ids are the register's; without one they are made from
      // names, so the name is the surer match.
      if (const auto it = by_id.find(f.id); held("id") && it != by_id.end()) match = it->second;
      if (const auto it = by_name.find(fold(f.name)); !match && it != by_name.end()) match = it->second;
      if (const auto it = by_id.find(f.id); !match && it != by_id.end()) match = it->second;
      if (match && !used.insert(*match).second) match.reset();
      old_of_.push_back(match);
      added_.push_back(!match);
      if (match) merged_of_old_[*match] = i;
    }
  }

  Partnership partnership(std::size_t i, std::vector<Problem>& warnings) {
    const Partnership& f = fresh_.partnerships[i];
    if (!old_of_[i]) return fresh_partnership(f);
    const Partnership& o = old_.partnerships[*old_of_[i]];
    Partnership p = o;  // the old register's indices are the merged register's
    if (held("id")) p.id = f.id;
    p.name = f.name;
    if (held("nature")) p.nature = f.nature;
    if (held("members")) {
      p.members.clear();
      for (const Member& m : f.members) {
        Member n{orgs_[m.org], m.role, {}};
        for (const Member& before : o.members)
          if (before.org == n.org) n.extra = before.extra;
        p.members.push_back(std::move(n));
      }
    }
    if (held("commitments")) {
      p.commitments.clear();
      for (const Commitment& c : f.commitments) {
        Commitment n{units_[c.unit], c.hours, c.officer, {}};
        for (const Commitment& before : o.commitments)
          if (before.unit == n.unit) n.extra = before.extra;
        p.commitments.push_back(std::move(n));
      }
    }
    if (held("themes")) {
      p.themes.clear();
      for (Index t : f.themes) p.themes.push_back(themes_[t]);
    }
    if (held("parent")) {
      p.parent = f.parent;
    } else if (o.parent) {
      const auto it = merged_of_old_.find(*o.parent);
      if (it != merged_of_old_.end()) {
        p.parent = it->second;
      } else {
        p.parent.reset();
        warnings.push_back({Severity::warning, name_ + ": " + import::quote_text(p.name),
                            "its parent partnership, " + import::quote_text(old_.partnerships[*o.parent].name) +
                                ", is not in the spreadsheet, so it has no parent now; add a parent column to the "
                                "sheet to give one"});
      }
    }
    if (held("accountable_body")) p.accountable_body = f.accountable_body ? std::optional<Index>(orgs_[*f.accountable_body]) : std::nullopt;
    if (held("stage")) p.stage = f.stage;
    if (held("start")) p.start = f.start;
    if (held("end")) p.end = f.end;
    if (held("budget")) p.budget = merge_extra(f.budget, o.budget);
    if (held("posts")) p.posts = merge_extra(f.posts, o.posts);
    if (held("survey")) p.survey = merge_extra(f.survey, o.survey);
    if (held("indicators")) p.indicators = f.indicators;
    // The indicators cell's last line may give the evaluation too; only its own column clears one.
    if (held("evaluation") || f.evaluation) p.evaluation = f.evaluation;
    if (held("management")) p.management = f.management;
    if (held("exit_strategy")) p.exit_strategy = f.exit_strategy;
    if (held("risk")) p.risk = f.risk;
    if (held("last_review")) p.last_review = f.last_review;
    merge_own_fields(p.extra, f.extra, &held_list_);
    return p;
  }

  template <class T>
  static std::optional<T> merge_extra(const std::optional<T>& fresh, const std::optional<T>& old) {
    if (!fresh) return fresh;
    T out = *fresh;
    if (old) out.extra = old->extra;
    return out;
  }

  Partnership fresh_partnership(const Partnership& f) const {
    Partnership p = f;
    for (Member& m : p.members) m.org = orgs_[m.org];
    for (Commitment& c : p.commitments) c.unit = units_[c.unit];
    for (Index& t : p.themes) t = themes_[t];
    if (p.accountable_body) p.accountable_body = orgs_[*p.accountable_body];
    return p;
  }

  // An added partnership's id made from its name may be one a kept partnership already has.
  void unique_ids(Register& reg) const {
    std::set<std::string> taken;
    for (std::size_t i = 0; i < reg.partnerships.size(); ++i)
      if (!added_[i]) taken.insert(reg.partnerships[i].id);
    for (std::size_t i = 0; i < reg.partnerships.size(); ++i) {
      if (!added_[i]) continue;
      std::string& id = reg.partnerships[i].id;
      const std::string base = id;
      for (int n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
      taken.insert(id);
    }
  }
};

}  // namespace

Merged merge_into(const Register& old, const Imported& fresh, const std::string& old_name) {
  return Merger(old, fresh, old_name).run();
}

}  // namespace partnermap
