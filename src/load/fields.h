// Typed reading of one JSON object of the register, with every problem reported at its path.
//
// A FieldReader wraps one object (a partnership, a member, a budget...) and the place it stands in
// the file ("partnerships[12] \"Sure Start\": members[3]"). Each getter checks the type and range of
// one field; whatever the reader was not asked for is kept as an extra and warned about, with the
// nearest known field name as a suggestion.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/container/small_vector.hpp>
#include <nlohmann/json.hpp>

#include "partnermap/date.h"
#include "partnermap/problem.h"

namespace partnermap::load {

using json = nlohmann::json;

// Largest magnitudes that a council could mean. Anything above is a typo (an extra zero, a pasted
// phone number) and is refused rather than carried into every total.
inline constexpr double kMaxHours = 100000;        // a month: some six hundred full-time staff
inline constexpr double kMaxPounds = 1e10;         // ten billion pounds a year
inline constexpr double kMaxCount = 10'000'000;    // posts, survey responses

// The object every entry may carry for fields of the council's own ("extra": {"Ward": "Castle"}):
// kept as read, without a warning, where any other unknown field is warned about.
inline constexpr std::string_view kOwnFields = "extra";

const char* type_name(const json& v);
// The label an entry goes by in messages: its name, else its id; empty when it has neither.
std::string label_of(const json& entry);
std::string in_quotes(std::string_view s);
std::string number_text(double d);  // 12 rather than 12.0, for messages  // "text" for messages, shortened and with controls shown

class FieldReader {
 public:
  // `where` names the object; `problems` receives everything found.
  FieldReader(const json& object, std::string where, std::vector<Problem>& problems);
  // The same, with the name made only when a problem needs it: a national register has millions of
  // objects, nearly all of them without a problem.
  FieldReader(const json& object, std::function<std::string()> where, std::vector<Problem>& problems);
  // The object at `key` of `parent`, or at `key`[index]; `parent` must outlive this reader.
  FieldReader(const json& object, const FieldReader& parent, std::string_view key,
              std::optional<std::size_t> index = std::nullopt);

  bool is_object() const { return object_.is_object(); }
  const std::string& where() const;
  std::string where(std::string_view key) const;

  // Each getter marks `key` as known. A missing required field is an error; a wrong type or value
  // is an error whether required or not, and yields nothing.
  std::optional<std::string> text(std::string_view key, bool required);
  std::optional<double> number(std::string_view key, bool required, double max, std::string_view unit);
  std::optional<int> whole_number(std::string_view key, bool required, double max);
  std::optional<Date> date(std::string_view key, bool required);
  // One of `names`; yields its position in the list.
  std::optional<std::size_t> choice(std::string_view key, bool required,
                                    const std::vector<std::string>& names);
  std::optional<bool> flag(std::string_view key, bool required);
  std::optional<std::vector<std::string>> text_list(std::string_view key, bool required);
  // The raw value of a list or object field, checked only for its kind; null when absent or wrong.
  const json* array(std::string_view key, bool required);
  const json* object(std::string_view key, bool required);

  // Fields that no getter asked for: kept, each with a warning (but for an `extra` object, kept
  // quietly). Null when there are none.
  json extras();

  void error(std::string where, std::string message);
  void warning(std::string where, std::string message);

 private:
  const json* find(std::string_view key, bool required);
  // Warns when `text`, the value at `key` (or `key`[index]), holds a character that acts rather
  // than shows (partnermap/text.h).
  void warn_active_characters(std::string_view key, std::optional<std::size_t> index, std::string_view text);

  const json& object_;
  // The place, made on first use from `make_where_` or from the parent's place.
  mutable std::optional<std::string> where_;
  std::function<std::string()> make_where_;
  const FieldReader* parent_ = nullptr;
  std::string_view key_;
  std::optional<std::size_t> index_;
  std::vector<Problem>& problems_;
  // Keys the getters asked for. They are the callers' literals (or strings that outlive the
  // reader), so views suffice, and most objects have few enough fields to need no allocation.
  boost::container::small_vector<std::string_view, 24> known_;
};

}  // namespace partnermap::load
