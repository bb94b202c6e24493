#include "load/stream.h"

#include <algorithm>

namespace partnermap::load {

using json = nlohmann::json;

std::string text_position(std::string_view text, std::size_t offset, const std::string& name) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count characters, not the continuation bytes of UTF-8
      ++column;
    }
  }
  return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

namespace {

// Builds one JSON value from SAX events. Pointers on the stack stay valid because a container only
// grows while it is the innermost one, and then nothing points into it.
class ValueBuilder {
 public:
  void reset() {
    root_ = json();
    stack_.clear();
    duplicates_.clear();
  }
  bool empty_stack() const { return stack_.empty(); }
  json take() { return std::move(root_); }
  const std::vector<std::string>& duplicates() const { return duplicates_; }

  void key(std::string& k) { key_ = std::move(k); }
  void value(json v) { put(std::move(v)); }
  void open(json container) { stack_.push_back(put(std::move(container))); }
  void close() { stack_.pop_back(); }

 private:
  json* put(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    auto [it, inserted] = top.emplace(key_, json());
    if (!inserted) duplicates_.push_back(key_);
    *it = std::move(v);
    return &*it;
  }

  json root_;
  std::vector<json*> stack_;
  std::string key_;
  std::vector<std::string> duplicates_;
};

class RegisterSax {
 public:
  RegisterSax(std::string_view text, const std::string& name, const std::string& document,
              const std::vector<std::string>& streamed, int max_depth, const StreamCallbacks& callbacks,
              std::vector<Problem>& problems)
      : text_(text), name_(name), document_(document), streamed_(streamed), max_depth_(max_depth), callbacks_(callbacks),
        problems_(problems) {}

  bool null() { return scalar(json(nullptr)); }
  bool boolean(bool v) { return scalar(json(v)); }
  bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return scalar(json(v)); }
  bool string(std::string& v) { return scalar(json(std::move(v))); }
  bool binary(json::binary_t&) { return scalar(json()); }

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    if (depth_ == 1) {
      if (std::find(seen_.begin(), seen_.end(), k) != seen_.end())
        problems_.push_back({Severity::error, name_,
                             "the field \"" + k + "\" is written twice at the top; keep one"});
      seen_.push_back(k);
      top_key_ = std::move(k);
      return true;
    }
    builder_.key(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 5:
    // syntax error while parsing value - invalid literal; last read: 'tru'". Keep the reason; the
    // place is computed from the byte offset so that columns count characters, and the "last read"
    // part is dropped because it can hold the very bytes that are not valid UTF-8.
    std::string what = ex.what();
    std::string reason;
    if (auto from = what.find("syntax error"); from != std::string::npos) {
      reason = what.substr(from);
    } else if (what.find("number overflow") != std::string::npos) {
      reason = "a number here is too large to be a number; check for a typing slip";
    } else {
      reason = what.substr(what.find(']') == std::string::npos ? 0 : what.find(']') + 2);
    }
    if (auto cut = reason.find("; last read"); cut != std::string::npos) reason.erase(cut);
    if (reason.find("ill-formed UTF-8") != std::string::npos)
      reason += " (the file must be saved as UTF-8 text; re-save it with that encoding)";
    const std::size_t at = position > 0 ? position - 1 : 0;
    problems_.push_back({Severity::error, text_position(text_, at, name_), reason});
    return false;
  }

  bool stopped_early() const { return stopped_; }

 private:
  bool too_deep() {
    problems_.push_back({Severity::error, name_ + ": " + top_key_,
                         "is nested more than " + std::to_string(max_depth_) +
                             " levels deep; a " + document_ + " never needs that many"});
    stopped_ = true;
    return false;
  }

  bool open(json container) {
    ++depth_;
    if (depth_ > max_depth_) return too_deep();
    if (depth_ == 1) {
      if (!container.is_object()) return not_object(container);
      return true;
    }
    if (depth_ == 2 && container.is_array() && is_streamed(top_key_)) {
      streaming_ = true;
      index_ = 0;
      return true;
    }
    builder_.open(std::move(container));
    return true;
  }

  bool close() {
    --depth_;
    if (depth_ == 0) return true;
    if (depth_ == 1 && streaming_) {
      streaming_ = false;
      if (callbacks_.list_end) callbacks_.list_end(top_key_, index_);
      return true;
    }
    builder_.close();
    if (builder_.empty_stack()) finish();
    return true;
  }

  bool scalar(json v) {
    if (depth_ == 0) return not_object(v);
    builder_.value(std::move(v));
    if (builder_.empty_stack()) finish();
    return true;
  }

  // A value directly under the top object, or directly in a streamed list, is complete.
  void finish() {
    for (const std::string& k : builder_.duplicates()) {
      const std::string where =
          streaming_ ? top_key_ + "[" + std::to_string(index_) + "]" : top_key_;
      problems_.push_back({Severity::error, name_ + ": " + where,
                           "the field \"" + k + "\" is written twice in one entry; keep one"});
    }
    json value = builder_.take();
    builder_.reset();
    if (streaming_) {
      if (callbacks_.entry) callbacks_.entry(top_key_, index_, std::move(value));
      ++index_;
    } else if (callbacks_.field) {
      callbacks_.field(top_key_, std::move(value));
    }
  }

  bool not_object(const json& v) {
    problems_.push_back({Severity::error, name_,
                         "the " + document_ + " must be one JSON object, starting with {, but this file holds " +
                             (v.is_array() ? "a list" : v.is_string() ? "text" : "a single value") +
                             " at the top"});
    stopped_ = true;
    return false;
  }

  bool is_streamed(const std::string& key) const {
    return std::find(streamed_.begin(), streamed_.end(), key) != streamed_.end();
  }

  std::string_view text_;
  const std::string& name_;
  const std::string& document_;
  const std::vector<std::string>& streamed_;
  int max_depth_;
  const StreamCallbacks& callbacks_;
  std::vector<Problem>& problems_;

  int depth_ = 0;
  bool streaming_ = false;
  bool stopped_ = false;
  std::size_t index_ = 0;
  std::string top_key_;
  std::vector<std::string> seen_;
  ValueBuilder builder_;
};

}  // namespace

bool stream_register(std::string_view text, const std::string& name, const std::string& document,
                     const std::vector<std::string>& streamed, int max_depth,
                     const StreamCallbacks& callbacks, std::vector<Problem>& problems) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    problems.push_back({Severity::error, name,
                        "the file is empty; a " + document + " is a JSON object that starts with { "
                        "(see the README for an example)"});
    return false;
  }
  RegisterSax sax(text, name, document, streamed, max_depth, callbacks, problems);
  return json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
}

}  // namespace partnermap::load
