#include "load/fields.h"

#include "partnermap/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace partnermap::load {

std::string label_of(const json& entry) {
  if (!entry.is_object()) return "";
  for (const char* key : {"name", "id"}) {
    auto it = entry.find(key);
    if (it != entry.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
      return it->get<std::string>();
  }
  return "";
}

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "true/false";
    case json::value_t::string: return "text";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "an object";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

std::string number_text(double d) {
  if (std::isfinite(d) && std::fabs(d) < 1e15 && std::floor(d) == d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  return json(d).dump();
}

std::string in_quotes(std::string_view s) {
  constexpr std::size_t kLimit = 60;
  std::string out = "\"";
  std::size_t shown = 0;
  for (unsigned char c : s) {
    if (shown >= kLimit && (c & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    if ((c & 0xC0) != 0x80) ++shown;
  }
  return out + "\"";
}

FieldReader::FieldReader(const json& object, std::string where, std::vector<Problem>& problems)
    : object_(object), where_(std::move(where)), problems_(problems) {}

FieldReader::FieldReader(const json& object, std::function<std::string()> where, std::vector<Problem>& problems)
    : object_(object), make_where_(std::move(where)), problems_(problems) {}

FieldReader::FieldReader(const json& object, const FieldReader& parent, std::string_view key,
                         std::optional<std::size_t> index)
    : object_(object), parent_(&parent), key_(key), index_(index), problems_(parent.problems_) {}

const std::string& FieldReader::where() const {
  if (!where_) {
    if (make_where_) {
      where_ = make_where_();
    } else if (parent_) {
      std::string w = parent_->where(key_);
      if (index_) {
        w += '[';
        w += std::to_string(*index_);
        w += ']';
      }
      where_ = std::move(w);
    } else {
      where_.emplace();
    }
  }
  return *where_;
}

std::string FieldReader::where(std::string_view key) const {
  const std::string& base = where();
  if (base.empty()) return std::string(key);  // the register's top level
  // Paths inside an entry read "members[3].org"; after the entry's name they read ": org".
  std::string out = base;
  out += base.back() == '"' ? ": " : ".";
  out += key;
  return out;
}

void FieldReader::error(std::string where, std::string message) {
  problems_.push_back({Severity::error, std::move(where), std::move(message)});
}

void FieldReader::warning(std::string where, std::string message) {
  problems_.push_back({Severity::warning, std::move(where), std::move(message)});
}

const json* FieldReader::find(std::string_view key, bool required) {
  known_.emplace_back(key);
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) error(where(), "the field \"" + std::string(key) + "\" is missing");
    return nullptr;
  }
  if (it->is_null()) {
    if (required) error(where(key), "is null; it is required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> FieldReader::text(std::string_view key, bool required) {
  const json* v = find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(where(key), std::string("should be text in quotes, not ") + type_name(*v));
    return std::nullopt;
  }
  std::string text = v->get<std::string>();
  warn_active_characters(key, std::nullopt, text);
  return text;
}

std::optional<double> FieldReader::number(std::string_view key, bool required, double max,
                                          std::string_view unit) {
  const json* v = find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    error(where(key), std::string("should be a number, not ") + type_name(*v) +
                          (v->is_string() ? " (remove the quotes)" : ""));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d)) {
    error(where(key), "is too large to be a number");
    return std::nullopt;
  }
  if (d < 0) {
    error(where(key), "is negative (" + number_text(d) + "); it must be zero or more");
    return std::nullopt;
  }
  if (d > max) {
    error(where(key), number_text(d) + " is too large to be real (at most " + number_text(max) +
                          " " + std::string(unit) + "); check for an extra digit");
    return std::nullopt;
  }
  return d;
}

std::optional<int> FieldReader::whole_number(std::string_view key, bool required, double max) {
  auto d = number(key, required, max, "");
  if (!d) return std::nullopt;
  if (std::floor(*d) != *d) {
    error(where(key), number_text(*d) + " should be a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*d);
}

std::optional<Date> FieldReader::date(std::string_view key, bool required) {
  auto s = text(key, required);
  if (!s) return std::nullopt;
  const std::string problem = iso_date_problem(*s);
  if (!problem.empty()) {
    error(where(key), in_quotes(*s) + " " + problem);
    return std::nullopt;
  }
  return parse_iso_date(*s);
}

std::optional<std::size_t> FieldReader::choice(std::string_view key, bool required,
                                               const std::vector<std::string>& names) {
  auto s = text(key, required);
  if (!s) return std::nullopt;
  auto it = std::find(names.begin(), names.end(), *s);
  if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
  std::string allowed;
  for (const std::string& n : names) allowed += (allowed.empty() ? "" : ", ") + n;
  std::string message = in_quotes(*s) + " is not one of: " + allowed;
  const std::string near = nearest(*s, names);
  if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
  error(where(key), message);
  return std::nullopt;
}

std::optional<bool> FieldReader::flag(std::string_view key, bool required) {
  const json* v = find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    error(where(key), std::string("should be true or false, not ") + type_name(*v) +
                          (v->is_string() ? " (remove the quotes)" : ""));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> FieldReader::text_list(std::string_view key, bool required) {
  const json* v = array(key, required);
  if (!v) return std::nullopt;
  std::vector<std::string> out;
  out.reserve(v->size());
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    if (!item.is_string()) {
      error(where(key) + "[" + std::to_string(i) + "]",
            std::string("should be text in quotes, not ") + type_name(item));
      continue;
    }
    out.push_back(item.get<std::string>());
    warn_active_characters(key, i, out.back());
  }
  return out;
}

void FieldReader::warn_active_characters(std::string_view key, std::optional<std::size_t> index,
                                         std::string_view text) {
  // Nearly every text is plain printable ASCII, which holds no such character.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) return;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++characters;
    if (active_character_length(text, i) == 0) continue;
    std::string place = where(key);
    if (index) {
      place += '[';
      place += std::to_string(*index);
      place += ']';
    }
    warning(std::move(place), "holds " + describe_active_character(text, i) + " at character " +
                                  std::to_string(characters) +
                                  ", which would change how the text reads or acts; outputs for people "
                                  "show it as \"\xEF\xBF\xBD\". Remove it from the register");
    return;
  }
}

const json* FieldReader::array(std::string_view key, bool required) {
  const json* v = find(key, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    error(where(key), std::string("should be a list in [ ], not ") + type_name(*v));
    return nullptr;
  }
  return v;
}

const json* FieldReader::object(std::string_view key, bool required) {
  const json* v = find(key, required);
  if (!v) return nullptr;
  if (!v->is_object()) {
    error(where(key), std::string("should be an object in { }, not ") + type_name(*v));
    return nullptr;
  }
  return v;
}

json FieldReader::extras() {
  json out;
  if (!object_.is_object()) return out;
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (std::find(known_.begin(), known_.end(), it.key()) != known_.end()) continue;
    // The place for fields of the council's own (what the import keeps from headings it does not
    // know): kept as read, and quiet, so that every later command does not repeat the import's words.
    if (it.key() == kOwnFields && it->is_object()) {
      out[it.key()] = it.value();
      continue;
    }
    std::string message = "the field " + in_quotes(it.key()) +
                          " is not part of partnermap/1; it is kept as it is";
    const std::string near = nearest(it.key(), std::vector<std::string>(known_.begin(), known_.end()));
    if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
    warning(where(), message);
    out[it.key()] = it.value();
  }
  return out;
}

}  // namespace partnermap::load
