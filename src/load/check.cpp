// The checks that need the whole register at once.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "load/fields.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

std::string folded(std::string_view id) {
  std::string out(id);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Ids are case-sensitive, as JSON is: "CSP" and "csp" are two entries, and a reference must match
// an id exactly. Two ids that differ only in case are allowed but warned about, since they are
// more often one entry typed twice than two entries. One hash lookup per entry: linear.
template <typename Entry>
void check_ids(const std::vector<Entry>& entries, const std::string& list, const std::string& name,
               std::vector<Problem>& out) {
  std::unordered_map<std::string_view, std::size_t> first;
  std::unordered_map<std::string, std::size_t> first_folded;
  first.reserve(entries.size());
  first_folded.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (e.id.empty()) continue;  // reported where it was read
    auto [it, added] = first.try_emplace(e.id, i);
    if (!added) {
      out.push_back({Severity::error, entry_place(name, list, i, e.name) + ": id",
                     load::in_quotes(e.id) + " is already the id of " + list + "[" +
                         std::to_string(it->second) + "] " + load::in_quotes(entries[it->second].name) +
                         "; ids must be unique within a list"});
      continue;
    }
    auto [same, new_fold] = first_folded.try_emplace(folded(e.id), i);
    if (!new_fold)
      out.push_back({Severity::warning, entry_place(name, list, i, e.name) + ": id",
                     load::in_quotes(e.id) + " differs only in capitals from the id of " + list + "[" +
                         std::to_string(same->second) + "] " + load::in_quotes(entries[same->second].id) +
                         "; ids are case-sensitive, so these are two entries (if they are one, keep one id)"});
  }
}

std::string place(const Register& reg, const std::string& name, std::size_t i) {
  const Partnership& p = reg.partnerships[i];
  return entry_place(name, "partnerships", i, p.name.empty() ? p.id : p.name);
}

// Every partnership's chain of parents must end. Each chain is walked once: colours mark the
// partnerships already known to be safe, so the whole check is linear.
void check_parents(const Register& reg, const std::string& name, std::vector<Problem>& out) {
  const std::size_t n = reg.partnerships.size();
  enum : std::uint8_t { unseen, on_path, done };
  std::vector<std::uint8_t> colour(n, unseen);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < n; ++start) {
    path.clear();
    std::size_t at = start;
    bool cycle = false;
    for (;;) {
      if (colour[at] != unseen) {
        cycle = colour[at] == on_path;
        break;
      }
      colour[at] = on_path;
      path.push_back(at);
      const auto& parent = reg.partnerships[at].parent;
      if (!parent || *parent >= n) break;
      at = *parent;
    }
    if (cycle) {
      // The walk came back to `at`: the circle is the path from there on. Reported once, at `at`.
      auto from = std::find(path.begin(), path.end(), at);
      if (path.end() - from == 1) {
        out.push_back({Severity::error, place(reg, name, at) + ": parent",
                       "the partnership is its own parent; remove \"parent\" or name another partnership"});
      } else {
        // A circle of thousands is named by its first few: the message must stay readable.
        constexpr std::ptrdiff_t kShown = 8;
        std::string chain;
        for (auto it = from; it != path.end() && it - from < kShown; ++it) chain += reg.partnerships[*it].id + " -> ";
        if (path.end() - from > kShown) chain += "... (" + std::to_string(path.end() - from - kShown) + " more) -> ";
        chain += reg.partnerships[at].id;
        out.push_back({Severity::error, place(reg, name, at) + ": parent",
                       "the parents go round in a circle (" + chain +
                           "); remove the parent from one of them"});
      }
    }
    for (std::size_t p : path) colour[p] = done;
  }
}

void check_partnership(const Register& reg, const std::string& name, std::size_t i,
                       std::vector<Problem>& out) {
  const Partnership& p = reg.partnerships[i];
  const auto error = [&](const std::string& field, std::string message) {
    out.push_back({Severity::error, place(reg, name, i) + (field.empty() ? "" : ": " + field), std::move(message)});
  };
  const auto warning = [&](const std::string& field, std::string message) {
    out.push_back({Severity::warning, place(reg, name, i) + (field.empty() ? "" : ": " + field), std::move(message)});
  };
  const std::size_t orgs = reg.organisations.size();
  for (std::size_t j = 0; j < p.members.size(); ++j)
    if (p.members[j].org >= orgs)
      error("members[" + std::to_string(j) + "].org", "refers to no organisation");
  for (std::size_t j = 0; j < p.commitments.size(); ++j)
    if (p.commitments[j].unit >= reg.business_units.size())
      error("commitments[" + std::to_string(j) + "].unit", "refers to no Business Unit");
  for (std::size_t j = 0; j < p.themes.size(); ++j)
    if (p.themes[j] >= reg.themes.size()) error("themes[" + std::to_string(j) + "]", "refers to no theme");
  if (p.accountable_body && *p.accountable_body >= orgs) error("accountable_body", "refers to no organisation");
  if (p.parent && *p.parent >= reg.partnerships.size()) error("parent", "refers to no partnership");

  if (p.members.empty()) warning("members", "the partnership has no members");
  std::unordered_map<Index, std::size_t> seen;
  for (std::size_t j = 0; j < p.members.size(); ++j) {
    auto [it, added] = seen.try_emplace(p.members[j].org, j);
    if (!added && p.members[j].org < orgs)
      warning("members[" + std::to_string(j) + "].org",
              load::in_quotes(reg.organisations[p.members[j].org].id) + " is already members[" +
                  std::to_string(it->second) + "]; list each organisation once");
  }
  if (p.start && p.end && *p.end < *p.start)
    error("end", to_iso(*p.end) + " is before the start, " + to_iso(*p.start) +
                     "; check both dates");
  if (p.survey && p.survey->satisfied > p.survey->responses)
    error("survey.satisfied", std::to_string(p.survey->satisfied) + " is more than the " +
                                  std::to_string(p.survey->responses) + " responses");
  if (p.budget && p.budget->council > p.budget->total)
    warning("budget.council", "the council's £" + load::number_text(p.budget->council) +
                                  " is more than the total budget, £" + load::number_text(p.budget->total));
  if (p.last_review && *p.last_review > reg.as_of)
    warning("last_review", to_iso(*p.last_review) + " is after the register's date (as_of " +
                               to_iso(reg.as_of) + ")");
}

}  // namespace

std::vector<Problem> check_register(const Register& reg, const std::string& name) {
  std::vector<Problem> out;
  check_ids(reg.themes, "themes", name, out);
  check_ids(reg.business_units, "business_units", name, out);
  check_ids(reg.organisations, "organisations", name, out);
  check_ids(reg.partnerships, "partnerships", name, out);
  if (reg.council >= reg.organisations.size() && !reg.organisations.empty())
    out.push_back({Severity::error, name + ": council", "refers to no organisation"});
  for (std::size_t i = 0; i < reg.partnerships.size(); ++i) check_partnership(reg, name, i, out);
  check_parents(reg, name, out);
  return out;
}

}  // namespace partnermap
