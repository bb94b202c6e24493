// Problems found in an input, each with a place a person can find.
//
// The readers (register, spreadsheet, proposal) never stop at the first problem: they collect all of
// them so that an officer fixes the file in one pass. `where` is what a person looks for: a
// `file:line:column` for a syntax error, the JSON path and the entry's name for a meaning error.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace partnermap {

enum class Severity { error, warning };

struct Problem {
  Severity severity = Severity::error;
  std::string where;    // "register.json:41:17" or "partnerships[12] \"Sure Start\": members[3].org"
  std::string message;  // what is wrong and, where it helps, what to do
};

// One line for a terminal or a log: "where: message", or "warning: where: message".
std::string format_problem(const Problem& p);

std::size_t count_errors(const std::vector<Problem>& problems);

// Thrown when an input cannot be used; carries every problem found, errors and warnings.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

// Where an entry of a register's list stands, for messages: `file: partnerships[12] "Sure Start"`.
// `label` is the entry's name (or id); left out when empty.
std::string entry_place(const std::string& file, const std::string& list, std::size_t index,
                        const std::string& label);

// The closest candidate to `word` by edit distance, when close enough to be a likely typo;
// empty otherwise. Used for "did you mean" in every reader.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace partnermap
