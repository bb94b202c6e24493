// Turns the streamed pieces of a partnermap/1 file into a Register.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "load/fields.h"
#include "load/id_table.h"
#include "load/partnership_reader.h"
#include "load/policy_reader.h"
#include "load/sniff.h"
#include "load/stream.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

using load::FieldReader;
using load::IdTable;
using load::json;

const std::vector<std::string> kTopFields = {"format", "as_of", "council", "themes",
                                             "business_units", "organisations", "partnerships"};
const std::vector<std::string> kLists = {"themes", "business_units", "organisations", "partnerships"};

// How many "did you mean" searches a load may make: each scans every id, and a broken file with a
// million dangling references must still finish quickly.
constexpr int kSuggestionBudget = 200;

InputError too_large(const std::string& where, std::size_t max_bytes) {
  return InputError({{Severity::error, where,
                      "is larger than " + std::to_string(max_bytes >> 20) +
                          " MiB, more than any council's register; check that it is the right file"}});
}


// What a dangling reference should have named, as the register's messages say it.
const char* list_words(load::Reference kind) {
  switch (kind) {
    case load::Reference::organisation: return "an organisation in \"organisations\"";
    case load::Reference::unit: return "a Business Unit in \"business_units\"";
    case load::Reference::theme: return "a theme in \"themes\"";
    case load::Reference::partnership: return "a partnership in \"partnerships\"";
  }
  return "an entry of the register";
}

class RegisterReader {
 public:
  RegisterReader(const std::string& name, std::vector<Problem>& problems)
      : name_(name), problems_(problems) {}

  void field(const std::string& key, json value) {
    seen_.push_back(key);
    // The top level is read like any other object, through a one-field object of its own.
    json one = json::object();
    one[key] = std::move(value);
    std::vector<Problem> found;
    FieldReader r(one, "", found);
    if (key == "format") {
      if (auto f = r.text("format", true)) {
        if (*f != "partnermap/1")
          r.error("format", load::in_quotes(*f) +
                                " is not a format this version reads; it reads \"partnermap/1\"");
        reg_.format = *f;
      }
    } else if (key == "as_of") {
      if (auto d = r.date("as_of", true)) reg_.as_of = *d;
    } else if (key == "council") {
      if (auto c = r.text("council", true)) {
        council_ = orgs_.use(*c);
        council_id_ = *c;
      }
    } else if (key == "policy") {
      if (const json* object = r.object("policy", false)) {
        FieldReader settings(*object, r, "policy");
        reg_.policy = load::read_policy(settings);
        settings.extras();  // warns of settings this version does not know
        // Kept as read, so that a register the tool rewrites keeps the council's policy.
        reg_.extra["policy"] = std::move(one["policy"]);
      }
    } else if (std::find(kLists.begin(), kLists.end(), key) != kLists.end()) {
      r.array(key, true);  // reports the wrong kind: a list written as a list is streamed
    } else if (key == load::kOwnFields && one[key].is_object()) {
      reg_.extra[key] = std::move(one[key]);  // the council's own fields: kept quietly
    } else {
      std::string message = "the field " + load::in_quotes(key) +
                            " is not part of partnermap/1; it is kept as it is";
      std::vector<std::string> known = kTopFields;
      known.push_back("policy");
      const std::string near = nearest(key, known);
      if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
      found.push_back({Severity::warning, "", message});
      reg_.extra[key] = std::move(one[key]);
    }
    for (Problem& p : found) {
      p.where = name_ + (p.where.empty() ? "" : ": " + p.where);
      problems_.push_back(std::move(p));
    }
  }

  void list_end(const std::string& list, std::size_t) { seen_.push_back(list); }

  void entry(const std::string& list, std::size_t i, const json& v) {
    FieldReader r(v, [this, &list, i, &v] { return entry_place(name_, list, i, load::label_of(v)); }, problems_);
    if (!r.is_object()) {
      r.error(r.where(), std::string("should be an object in { }, not ") + load::type_name(v));
      return;
    }
    const auto at = [](std::size_t n) { return static_cast<Index>(n); };
    if (list == "themes") {
      Theme t;
      t.id = define(r, themes_, at(reg_.themes.size()));
      t.name = r.text("name", true).value_or("");
      t.extra = r.extras();
      reg_.themes.push_back(std::move(t));
    } else if (list == "business_units") {
      BusinessUnit u;
      u.id = define(r, units_, at(reg_.business_units.size()));
      u.name = r.text("name", true).value_or("");
      // Absent (or 0): the unit's capacity is not recorded, which every output says.
      u.capacity_hours = r.number("capacity_hours", false, load::kMaxHours, "hours a month").value_or(0);
      u.extra = r.extras();
      reg_.business_units.push_back(std::move(u));
    } else if (list == "organisations") {
      Organisation o;
      o.id = define(r, orgs_, at(reg_.organisations.size()));
      o.name = r.text("name", true).value_or("");
      o.sector = r.text("sector", false).value_or("");
      o.extra = r.extras();
      reg_.organisations.push_back(std::move(o));
    } else {
      reg_.partnerships.push_back(read_partnership(r));
    }
  }

  // Turns provisional ids into indices, reporting and dropping every reference to a missing id.
  Register finish() {
    for (const std::string& key : kTopFields)
      if (std::find(seen_.begin(), seen_.end(), key) == seen_.end())
        problems_.push_back({Severity::error, name_, "the field \"" + key + "\" is missing" +
                                                        (key == "format" ? " (it should read \"partnermap/1\")"
                                                         : std::find(kLists.begin(), kLists.end(), key) != kLists.end()
                                                             ? " (write \"" + key + "\": [] if there are none)"
                                                             : "")});
    if (council_) {
      if (auto c = orgs_.resolve(*council_)) reg_.council = *c;
      else dangling(name_ + ": council", council_id_, orgs_, "an organisation in \"organisations\"");
    }
    for (std::size_t i = 0; i < reg_.partnerships.size(); ++i) resolve(i);
    return std::move(reg_);
  }

 private:
  std::string define(FieldReader& r, IdTable& table, Index at) {
    auto id = r.text("id", true);
    if (!id) return "";
    if (id->empty()) r.error(r.where("id"), "is empty; give every entry a short unique id");
    else table.define(*id, at);
    return *id;
  }

  Partnership read_partnership(FieldReader& r) {
    Partnership p = load::read_partnership(r, ids());
    if (!p.id.empty()) partnerships_.define(p.id, static_cast<Index>(reg_.partnerships.size()));
    return p;
  }

  load::PartnershipIds ids() { return {orgs_, units_, themes_, partnerships_}; }

  void dangling(const std::string& where, const std::string& id, const IdTable& table,
                const std::string& what) {
    std::string message = load::in_quotes(id) + " is not " + what;
    if (suggestions_left_ > 0) {
      --suggestions_left_;
      const std::string near = nearest(id, table.defined_ids());
      if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
    }
    problems_.push_back({Severity::error, where, message});
  }

  void resolve(std::size_t i) {
    Partnership& p = reg_.partnerships[i];
    const std::string where = entry_place(name_, "partnerships", i, p.name.empty() ? p.id : p.name);
    load::resolve_partnership(p, where + ": ", ids(),
                              [this](const std::string& field, const std::string& id, const IdTable& table,
                                     load::Reference kind) { dangling(field, id, table, list_words(kind)); });
  }

  const std::string& name_;
  std::vector<Problem>& problems_;
  Register reg_;
  IdTable themes_, units_, orgs_, partnerships_;
  std::optional<Index> council_;
  std::string council_id_;
  std::vector<std::string> seen_;
  int suggestions_left_ = kSuggestionBudget;
};

}  // namespace

Loaded load_register_text(std::string_view text, const std::string& name, const LoadLimits& limits) {
  std::vector<Problem> problems;
  if (text.size() > limits.max_bytes)
    throw too_large(name, limits.max_bytes);
  // A file that is not JSON at all (a spreadsheet, a picture) is named for what it is.
  if (const std::size_t first = text.find_first_not_of(" \t\r\n"); first != std::string_view::npos && text[first] != '{')
    if (const auto sniffed = load::sniff_not_json(text))
      throw InputError({{Severity::error, name, load::not_json_message(*sniffed, name, "partnermap register")}});
  RegisterReader reader(name, problems);
  load::StreamCallbacks callbacks;
  callbacks.field = [&](const std::string& key, json value) { reader.field(key, std::move(value)); };
  callbacks.entry = [&](const std::string& list, std::size_t i, json value) { reader.entry(list, i, value); };
  callbacks.list_end = [&](const std::string& list, std::size_t n) { reader.list_end(list, n); };
  if (!load::stream_register(text, name, "register", kLists, limits.max_depth, callbacks, problems))
    throw InputError(std::move(problems));  // a file that does not parse says nothing more useful
  Loaded out;
  out.reg = reader.finish();
  std::vector<Problem> checks = check_register(out.reg, name);
  problems.insert(problems.end(), std::make_move_iterator(checks.begin()),
                  std::make_move_iterator(checks.end()));
  if (count_errors(problems) > 0) throw InputError(std::move(problems));
  out.warnings = std::move(problems);
  return out;
}

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    throw InputError({{Severity::error, path, "there is no file here; check the name and the folder"}});
  if (fs::is_directory(status))
    throw InputError({{Severity::error, path, "is a folder; give the path of a file in it"}});
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError({{Severity::error, path, "cannot be opened for reading; check its permissions"}});
  std::string text;
  if (fs::is_regular_file(status)) {
    const auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes)
      throw too_large(path, max_bytes);
    if (!ec) text.reserve(size);
  }
  // Read in blocks so that a pipe or a file that grows is still bounded by max_bytes.
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    text.append(block, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes)
      throw too_large(path, max_bytes);
  }
  if (in.bad()) throw InputError({{Severity::error, path, "could not be read to the end"}});
  return text;
}

Loaded load_register_file(const std::string& path, const LoadLimits& limits) {
  const std::string text = read_input_file(path, limits.max_bytes);
  return load_register_text(text, path, limits);
}

}  // namespace partnermap
