#include "import/names.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

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

// Words of a council's name that say what kind of body it is rather than which one.
bool generic_council_word(const std::string& w) {
  static const std::set<std::string> kinds = {"city", "council", "borough", "district", "county", "metropolitan",
                                              "london", "royal", "unitary", "town", "parish", "cc", "bc", "dc"};
  return small_word(w) || kinds.count(lower_ascii(w)) > 0;
}

// Edit distance of two words (short ones: names' words, not whole names).
std::size_t word_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// "Northfield CVS" and "Northfield PCT", "Harbour Arts Trust" and "Harbour Carers Trust": the same
// words but one, and that one short (an initialism or a number) or another word altogether, not
// the same word mistyped: the names are of two bodies.
bool differ_in_a_short_word(const std::string& a, const std::string& b) {
  const auto wa = words(a), wb = words(b);
  if (wa.size() != wb.size()) return false;
  int differ = 0;
  bool short_word = false;
  for (std::size_t k = 0; k < wa.size(); ++k) {
    if (fold(wa[k]) == fold(wb[k])) continue;
    ++differ;
    const auto number = [](const std::string& w) { return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    const std::string x = lower_ascii(wa[k]), y = lower_ascii(wb[k]);
    short_word = (x.size() <= 4 && y.size() <= 4) || (is_abbreviation(wa[k]) && is_abbreviation(wb[k])) ||
                 (number(x) && number(y)) ||
                 (x.size() <= 40 && y.size() <= 40 && 2 * word_distance(x, y) >= std::max(x.size(), y.size()));
  }
  return differ == 1 && short_word;
}

}  // namespace

std::string initials(std::string_view name) {
  std::string out;
  for (const std::string& w : words(std::string(name)))
    if (!small_word(w)) out += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return out;
}

namespace {

// The short forms officers write for a council's name: "Kestrel DC" and "Kestrel Council" for
// "Kestrel District Council" (its own words in full, the kind of council as initials or "Council").
std::vector<std::string> short_forms(const std::string& name) {
  std::string own, kind;
  for (const std::string& w : words(name)) {
    if (!generic_council_word(w)) own += fold(w);
    else if (!small_word(w)) kind += static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
  }
  if (own.empty() || kind.empty()) return {};
  return {own + kind, own + "council"};
}

}  // namespace

// Initials of two letters ("EC" for Eden Council) are too often another body's to be the council's.
bool CouncilNames::names_council(std::string_view item) const {
  const std::string f = fold(item);
  if (f.empty()) return false;
  if (f == "council" || f == "thecouncil") return true;
  if (!name.empty() && (f == fold(name) || (initials(name).size() >= 3 && f == fold(initials(name))))) return true;
  for (const std::string& s : short_forms(name))
    if (f == s) return true;
  for (const std::string& a : aliases)
    if (f == fold(a)) return true;
  return false;
}

bool CouncilNames::heading_word(std::string_view word) const {
  const std::string w(word);
  const std::string l = lower_ascii(w);
  if (l == "council" || l == "councils" || l == "our" || l == "we" || l == "us") return true;
  const bool capitals = w.size() >= 2 && w.size() <= 5 &&
                        std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  std::vector<std::string> all = aliases;
  if (!name.empty()) all.push_back(name);
  if (all.empty()) return capitals && w.back() == 'C';
  for (const std::string& n : all) {
    if (capitals && w == initials(n)) return true;
    if (fold(n) == l) return true;
    for (const std::string& nw : words(n))
      if (!generic_council_word(nw) && lower_ascii(nw) == l) return true;
  }
  return false;
}

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
  // A typing slip: one or two letters apart. Two names that close share one of the three pieces a
  // name is cut into, at about the same place, so each name is compared only with the earlier names
  // sharing a piece (and with the latest few of those), and the work grows with the number of names,
  // not its square. Two names that differ in one whole short word are two bodies ("Northfield CVS"
  // and "Northfield PCT"), not a slip.
  constexpr std::size_t kEdits = 2, kPieces = kEdits + 1, kBucketReach = 32;
  std::unordered_map<std::string, std::vector<Index>> pieces;
  const auto key = [](std::size_t length, std::size_t piece, std::string_view text) {
    return std::to_string(length) + '/' + std::to_string(piece) + '/' + std::string(text);
  };
  const auto bounds = [](std::size_t length, std::size_t piece) {
    return std::pair<std::size_t, std::size_t>{length * piece / kPieces, length * (piece + 1) / kPieces};
  };
  for (Index i = 0; i < names.size(); ++i) {
    const std::string& f = folded[i];
    if (f.size() < 6 || f.size() > 200) continue;
    std::set<Index> candidates;
    for (std::size_t length = f.size() - kEdits; length <= f.size() + kEdits; ++length)
      for (std::size_t piece = 0; piece < kPieces; ++piece) {
        const auto [from, to] = bounds(length, piece);
        for (std::size_t shift = 0; shift <= 2 * kEdits; ++shift) {
          if (from + shift < kEdits) continue;
          const std::size_t at = from + shift - kEdits;
          if (at + (to - from) > f.size()) continue;
          const auto it = pieces.find(key(length, piece, std::string_view(f).substr(at, to - from)));
          if (it == pieces.end()) continue;
          const std::vector<Index>& bucket = it->second;
          for (std::size_t k = bucket.size() > kBucketReach ? bucket.size() - kBucketReach : 0; k < bucket.size(); ++k)
            candidates.insert(bucket[k]);
        }
      }
    for (std::size_t piece = 0; piece < kPieces; ++piece) {
      const auto [from, to] = bounds(f.size(), piece);
      pieces[key(f.size(), piece, std::string_view(f).substr(from, to - from))].push_back(i);
    }
    std::vector<std::string> close;
    for (Index c : candidates)
      if (folded[c] != f && !differ_in_a_short_word(names[c], names[i])) close.push_back(folded[c]);
    if (const std::string near = nearest(f, close); !near.empty()) report(by_fold.at(near), i, "are a few letters apart");
  }
  return out;
}

}  // namespace partnermap::import
