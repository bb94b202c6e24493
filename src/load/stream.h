// Streaming a register's JSON one piece at a time.
//
// The top level must be an object. Each of its fields is handed over whole as a small JSON value,
// except the lists named in `streamed`, whose entries are handed over one by one: a list of a
// hundred thousand partnerships never exists as one JSON value.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "partnermap/problem.h"

namespace partnermap::load {

struct StreamCallbacks {
  // A top-level field that is not a streamed list (or is one but not written as a list).
  std::function<void(const std::string& key, nlohmann::json value)> field;
  // One entry of a streamed list, with its position in the list.
  std::function<void(const std::string& list, std::size_t index, nlohmann::json value)> entry;
  // A streamed list was present (called at its end with its length).
  std::function<void(const std::string& list, std::size_t count)> list_end;
};

// Parses `text`, calling back as pieces complete. Syntax errors, a top level that is not an object
// and nesting beyond `max_depth` are appended to `problems` (with `name:line:column` where the
// parser knows it); returns false when parsing stopped early. `document` names what the file holds
// in those messages ("register", "proposal").
bool stream_register(std::string_view text, const std::string& name, const std::string& document,
                     const std::vector<std::string>& streamed, int max_depth,
                     const StreamCallbacks& callbacks, std::vector<Problem>& problems);

// "name:line:column" for a byte offset into `text`; columns count characters, not bytes.
std::string text_position(std::string_view text, std::size_t offset, const std::string& name);

}  // namespace partnermap::load
