#include "import/names.h"

#include <map>

#include "import/text.h"

namespace partnermap::import {

Index NameTable::add(const std::string& name, const std::string& place) {
  const auto [it, added] = index_.emplace(name, static_cast<Index>(names_.size()));
  if (added) {
    names_.push_back(name);
    places_.push_back(place);
  }
  return it->second;
}

std::optional<Index> NameTable::find(const std::string& name) const {
  const auto it = index_.find(name);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> make_ids(const std::vector<std::string>& names, const std::string& fallback,
                                  std::set<std::string> taken) {
  std::vector<std::string> ids;
  ids.reserve(names.size());
  for (const std::string& name : names) {
    const std::string base = slug(name, fallback);
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
    taken.insert(id);
    ids.push_back(id);
  }
  return ids;
}

namespace {

std::vector<std::string> words(const std::string& name) {
  std::vector<std::string> out;
  std::string w;
  for (char c : name) {
    const bool part = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      static_cast<unsigned char>(c) >= 0x80;
    if (part) w += c;
    else if (!w.empty()) out.push_back(std::move(w)), w.clear();
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

bool is_abbreviation(const std::string& w) {
  if (w.size() < 2 || w.size() > 8) return false;
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

std::string joined(const std::vector<std::string>& ws, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += fold(ws[i]);
  return out;
}

bool small_word(const std::string& w) {
  const std::string l = lower_ascii(w);
  return l == "and" || l == "for" || l == "of" || l == "the" || l == "in" || l == "on";
}

}  // namespace

std::vector<Problem> near_duplicates(const NameTable& table, const std::string& what) {
  const auto& names = table.names();
  std::vector<Problem> out;
  std::set<std::pair<Index, Index>> reported;
  const auto report = [&](Index a, Index b, const std::string& how) {
    if (a == b) return;
    if (a > b) std::swap(a, b);  // b is the one named later
    if (!reported.insert({a, b}).second) return;
    out.push_back({Severity::warning, table.places()[b],
                   quote_text(names[b]) + " and " + quote_text(names[a]) + " (" + table.places()[a] + ") " + how +
                       "; they are kept as two " + what + "s: if they are one, write the name the same way everywhere"});
  };
  // The same but for case, spacing and punctuation.
  std::map<std::string, Index> by_fold;
  std::vector<std::string> folded;
  for (Index i = 0; i < names.size(); ++i) {
    folded.push_back(fold(names[i]));
    const auto [it, added] = by_fold.emplace(folded.back(), i);
    if (!added) report(it->second, i, "differ only in case, spacing or punctuation");
  }
  // An abbreviation: "Carlisle CVS" for "Carlisle Council for Voluntary Service". Each name offers
  // keys "words before|initials|words after" for every run of its words; an abbreviating name looks its
  // own key up.
  std::map<std::string, Index> expansions;
  constexpr std::size_t kMaxWords = 16, kMaxRun = 8;
  for (Index i = 0; i < names.size(); ++i) {
    const auto ws = words(names[i]);
    if (ws.size() > kMaxWords) continue;
    for (std::size_t a = 0; a < ws.size(); ++a)
      for (std::size_t b = a + 2; b <= ws.size() && b - a <= kMaxRun; ++b) {
        std::string all, content;
        for (std::size_t k = a; k < b; ++k) {
          const char c = lower_ascii(ws[k].substr(0, 1))[0];
          all += c;
          if (!small_word(ws[k])) content += c;
        }
        const std::string before = joined(ws, 0, a), after = joined(ws, b, ws.size());
        expansions.emplace(before + "|" + all + "|" + after, i);
        expansions.emplace(before + "|" + content + "|" + after, i);
      }
  }
  for (Index i = 0; i < names.size(); ++i) {
    const auto ws = words(names[i]);
    if (ws.size() > kMaxWords) continue;
    for (std::size_t k = 0; k < ws.size(); ++k) {
      if (!is_abbreviation(ws[k])) continue;
      const auto it = expansions.find(joined(ws, 0, k) + "|" + lower_ascii(ws[k]) + "|" + joined(ws, k + 1, ws.size()));
      if (it != expansions.end()) report(it->second, i, "look like a name and its abbreviation");
    }
  }
  // A typing slip: a few letters apart. Pairwise, so only for registers of a council's size.
  if (names.size() <= 3000) {
    std::vector<std::string> earlier;
    std::vector<Index> earlier_index;
    for (Index i = 0; i < names.size(); ++i) {
      if (folded[i].size() >= 6) {
        const std::string near = nearest(folded[i], earlier);
        if (!near.empty() && near != folded[i])
          report(by_fold.at(near), i, "are a few letters apart");
      }
      earlier.push_back(folded[i]);
      earlier_index.push_back(i);
    }
  }
  return out;
}

}  // namespace partnermap::import
