#include "partnermap/problem.h"

#include <algorithm>
#include <cctype>

namespace partnermap {

std::string format_problem(const Problem& p) {
  std::string out = p.severity == Severity::warning ? "warning: " : "";
  if (!p.where.empty()) out += p.where + ": ";
  return out + p.message;
}

std::size_t count_errors(const std::vector<Problem>& problems) {
  return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(), [](const Problem& p) {
    return p.severity == Severity::error;
  }));
}

namespace {

std::string summary(const std::vector<Problem>& problems) {
  for (const Problem& p : problems)
    if (p.severity == Severity::error) return format_problem(p);
  return problems.empty() ? "invalid input" : format_problem(problems.front());
}

// Case-insensitive edit distance where swapping two neighbouring letters counts as one edit (the
// commonest typing slip: "cps" for "csp"). Bounded: returns limit + 1 once it is exceeded, so that
// a long list of candidates costs little.
std::size_t distance(const std::string& a, const std::string& b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  const auto same = [&](std::size_t i, std::size_t j) {
    return std::tolower(static_cast<unsigned char>(a[i])) == std::tolower(static_cast<unsigned char>(b[j]));
  };
  std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same(i - 1, j - 1) ? 0 : 1)});
      if (i > 1 && j > 1 && same(i - 1, j - 2) && same(i - 2, j - 1)) cur[j] = std::min(cur[j], before[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace

InputError::InputError(std::vector<Problem> problems)
    : std::runtime_error(summary(problems)), problems_(std::move(problems)) {}

std::string entry_place(const std::string& file, const std::string& list, std::size_t index,
                        const std::string& label) {
  std::string out = file.empty() ? "" : file + ": ";
  out += list + "[" + std::to_string(index) + "]";
  if (!label.empty()) {
    // Names come from the register: show control characters rather than print them.
    out += " \"";
    std::size_t cut = std::min<std::size_t>(label.size(), 80);
    while (cut < label.size() && cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80)
      --cut;  // never split a UTF-8 character
    for (unsigned char c : label.substr(0, cut)) {
      if (c < 0x20 || c == 0x7F) out += '?';
      else out += static_cast<char>(c);
    }
    out += cut < label.size() ? "...\"" : "\"";
  }
  return out;
}

std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
  // The same word in other capitals ("CSP" for "csp") is the commonest slip, and no candidate can be
  // nearer: found first by a plain comparison, it spares every candidate the edit distance (a
  // register with thousands of such references and thousands of ids would otherwise take seconds).
  const auto same_letters = [&](const std::string& c) {
    return c.size() == word.size() && std::equal(c.begin(), c.end(), word.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  for (const std::string& c : candidates)
    if (same_letters(c)) return c;
  // A third of the word's length, at least 1 and at most 3 edits: "nhs-pc" finds "nhs-pct",
  // "x" finds nothing in a list of long ids.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = distance(word, c, limit);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace partnermap
