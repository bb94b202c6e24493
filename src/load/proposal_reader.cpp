// Reads a proposed partnership against a loaded register, with the register reader's own rules:
// the same streaming parser (syntax errors with line and column), the same field reader for the
// partnership entry, the same checks of a partnership once it is placed in the register. Dates and
// names are first read as the spreadsheet import reads them (UK dates; an entry named by its name).
#include <algorithm>

#include "load/fields.h"
#include "load/sniff.h"
#include "load/id_table.h"
#include "load/partnership_reader.h"
#include "import/text.h"
#include "import/values.h"
#include "load/stream.h"
#include "partnermap/assess.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

using load::FieldReader;
using load::IdTable;
using load::json;

// A proposal nests no deeper than a register; kept fields may not nest without end either.
constexpr int kMaxDepth = 64;
// "Did you mean" searches scan every id of a list; a proposal naming thousands of missing ids
// against a large register must still finish quickly.
constexpr int kSuggestionBudget = 50;

const std::vector<std::string> kWrapperFields = {"partnership", "organisations"};

InputError whole_file_problem(const std::string& name, std::string message) {
  return InputError({{Severity::error, name, std::move(message)}});
}


template <typename Entry>
void define_all(IdTable& table, const std::vector<Entry>& entries) {
  for (std::size_t i = 0; i < entries.size(); ++i) table.define(entries[i].id, static_cast<Index>(i));
}

const char* kind_words(load::Reference kind) {
  switch (kind) {
    case load::Reference::organisation: return "organisation";
    case load::Reference::unit: return "Business Unit";
    case load::Reference::theme: return "theme";
    case load::Reference::partnership: return "partnership";
  }
  return "entry";
}

class ProposalReader {
 public:
  ProposalReader(const Register& reg, const std::string& name) : reg_(reg), name_(name), out_{reg, 0, {}, {}} {
    define_all(orgs_, reg.organisations);
    define_all(units_, reg.business_units);
    define_all(themes_, reg.themes);
    define_all(partnerships_, reg.partnerships);
  }

  // `top` is the file's top-level object. Problems found go to `problems_` with places relative to
  // the file; `finish` prefixes the file's name.
  void read(const json& top) {
    const bool wrapped = top.contains("partnership");
    path_ = wrapped ? "partnership" : "";
    const json* organisations = nullptr;
    if (auto it = top.find("organisations"); it != top.end()) organisations = &*it;
    if (wrapped) {
      for (auto it = top.begin(); it != top.end(); ++it) {
        if (std::find(kWrapperFields.begin(), kWrapperFields.end(), it.key()) != kWrapperFields.end()) continue;
        std::string message = "the field " + load::in_quotes(it.key()) +
                              " is not part of a proposal; it is left out (a proposal holds \"partnership\" and "
                              "\"organisations\")";
        const std::string near = nearest(it.key(), kWrapperFields);
        if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
        problems_.push_back({Severity::warning, "", message});
      }
    }
    if (organisations) read_organisations(*organisations);
    if (wrapped) {
      const json& entry = top["partnership"];
      if (!entry.is_object()) {
        problems_.push_back({Severity::error, "partnership",
                             std::string("should be an object in { } with the partnership's fields, not ") +
                                 load::type_name(entry)});
        return;
      }
      read_partnership(entry);
    } else {
      json entry = top;
      entry.erase("organisations");  // beside the partnership's own fields, not one of them
      read_partnership(entry);
    }
  }

  Proposal finish(std::vector<Problem> syntax) {
    for (Problem& p : problems_) {
      p.where = name_ + (p.where.empty() ? "" : ": " + p.where);
      syntax.push_back(std::move(p));
    }
    if (count_errors(syntax) > 0) throw InputError(std::move(syntax));
    out_.warnings = std::move(syntax);
    return std::move(out_);
  }

 private:
  void read_organisations(const json& list) {
    if (!list.is_array()) {
      problems_.push_back({Severity::error, "organisations",
                           std::string("should be a list in [ ] of new organisations, not ") + load::type_name(list)});
      return;
    }
    for (std::size_t k = 0; k < list.size(); ++k) {
      const json& v = list[k];
      const std::string where = entry_place("", "organisations", k, load::label_of(v));
      FieldReader r(v, where, problems_);
      if (!r.is_object()) {
        r.error(where, std::string("should be an object like {\"id\": \"...\", \"name\": \"...\"}, not ") +
                           load::type_name(v));
        continue;
      }
      Organisation o;
      auto id = r.text("id", true);
      o.name = r.text("name", true).value_or("");
      o.sector = r.text("sector", false).value_or("");
      o.extra = r.extras();
      if (!id) continue;
      if (id->empty()) {
        r.error(r.where("id"), "is empty; give every entry a short unique id");
        continue;
      }
      o.id = std::move(*id);
      if (auto known = orgs_.resolve(orgs_.use(o.id))) {
        if (*known < reg_.organisations.size()) {
          r.error(r.where("id"), load::in_quotes(o.id) + " is already an organisation in the register (" +
                                     load::in_quotes(reg_.organisations[*known].name) +
                                     "); name it in the partnership by its id and leave it out of \"organisations\"");
        } else {
          r.error(r.where("id"), load::in_quotes(o.id) + " is already the id of organisations[" +
                                     std::to_string(*known - reg_.organisations.size()) +
                                     "]; ids must be unique within a list");
        }
        continue;
      }
      const auto at = static_cast<Index>(out_.reg.organisations.size());
      orgs_.define(o.id, at);
      out_.new_organisations.push_back(at);
      out_.reg.organisations.push_back(std::move(o));
    }
  }

  std::string place(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  // A date as the import reads it (31/12/2005, 1 April 2016) in the register's own form.
  void date_as_register_writes(json& object, const std::string& key, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return;
    const std::string text = it->get<std::string>();
    // The register's own form, right or wrong, is the register reader's to judge.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') return;
    const import::Read<Date> d = import::read_date_text(text);
    if (!d.value) {
      problems_.push_back({Severity::error, where, d.problem});
      object.erase(it);  // reported here, in the import's words, not again by the register's reader
      return;
    }
    if (!d.note.empty()) problems_.push_back({Severity::warning, where, d.note});
    *it = to_iso(*d.value);
  }

  // An entry named by its name rather than its id: the id of the one entry with that name (case,
  // spacing and punctuation aside); left as it is otherwise, for the reader to report.
  template <typename Entry>
  static void id_for_name(json& value, const std::vector<Entry>& entries) {
    if (!value.is_string()) return;
    const std::string text = value.get<std::string>();
    const std::string folded = import::fold(text);
    const Entry* found = nullptr;
    for (const Entry& e : entries) {
      if (e.id == text) return;
      if (!folded.empty() && import::fold(e.name) == folded) {
        if (found) return;  // two entries of that name: the id must say which
        found = &e;
      }
    }
    if (found) value = found->id;
  }

  // A proposal is written by hand, often by the officer who keeps the spreadsheet: dates and names
  // are read the way the import reads them, then held to the register's rules.
  json as_register_writes(json entry) {
    if (!entry.is_object()) return entry;
    for (const char* key : {"start", "end", "last_review"}) date_as_register_writes(entry, key, place(key));
    if (auto posts = entry.find("posts"); posts != entry.end() && posts->is_object())
      date_as_register_writes(*posts, "funded_until", place("posts.funded_until"));
    const Register& reg = out_.reg;
    if (auto members = entry.find("members"); members != entry.end() && members->is_array())
      for (json& m : *members)
        if (m.is_object() && m.contains("org")) id_for_name(m["org"], reg.organisations);
    if (auto commitments = entry.find("commitments"); commitments != entry.end() && commitments->is_array())
      for (json& c : *commitments)
        if (c.is_object() && c.contains("unit")) id_for_name(c["unit"], reg.business_units);
    if (auto themes = entry.find("themes"); themes != entry.end() && themes->is_array())
      for (json& t : *themes) id_for_name(t, reg.themes);
    if (auto parent = entry.find("parent"); parent != entry.end()) id_for_name(*parent, reg.partnerships);
    if (auto body = entry.find("accountable_body"); body != entry.end()) id_for_name(*body, reg.organisations);
    return entry;
  }

  void read_partnership(const json& given) {
    const json entry = as_register_writes(given);
    FieldReader r(entry, path_, problems_);
    const load::PartnershipIds ids{orgs_, units_, themes_, partnerships_};
    Partnership p = load::read_partnership(r, ids);
    const auto at = static_cast<Index>(reg_.partnerships.size());
    if (!p.id.empty()) {
      if (auto known = partnerships_.resolve(partnerships_.use(p.id))) {
        r.error(r.where("id"), load::in_quotes(p.id) + " is already the id of a partnership in the register (" +
                                   load::in_quotes(reg_.partnerships[*known].name) +
                                   "); give the proposal an id of its own");
      } else {
        partnerships_.define(p.id, at);
      }
    }
    const std::string prefix = path_.empty() ? "" : path_ + ".";
    load::resolve_partnership(p, prefix, ids,
                              [this](const std::string& where, const std::string& id, const IdTable& table,
                                     load::Reference kind) { dangling(where, id, table, kind); });
    if (p.parent && *p.parent == at) {
      problems_.push_back({Severity::error, prefix + "parent",
                           "the proposal is its own parent; name the existing partnership it would sit under"});
      p.parent.reset();
    }
    out_.partnership = at;
    out_.reg.partnerships.push_back(std::move(p));
    check_in_place();
  }

  // The register's own checks of a partnership entry (end before start, survey, budget, members
  // named twice), run on the proposal in its place and reported at the proposal's own path.
  void check_in_place() {
    const Partnership& p = out_.reg.partnerships[out_.partnership];
    const std::string place = entry_place("", "partnerships", out_.partnership, p.name.empty() ? p.id : p.name);
    for (Problem& found : check_register(out_.reg, "")) {
      if (found.where.rfind(place, 0) != 0) continue;
      std::string rest = found.where.substr(place.size());
      if (!rest.empty() && rest.rfind(": ", 0) != 0) continue;  // another entry whose place begins the same
      if (rest == ": id") continue;                              // reported above, in the proposal's words
      if (!rest.empty()) rest.erase(0, 2);
      found.where = path_.empty() ? rest : rest.empty() ? path_ : path_ + "." + rest;
      problems_.push_back(std::move(found));
    }
  }

  void dangling(const std::string& where, const std::string& id, const IdTable& table, load::Reference kind) {
    std::string message = std::string("no ") + kind_words(kind) + " " + load::in_quotes(id) + " in the register";
    if (kind == load::Reference::organisation) message = "no organisation " + load::in_quotes(id) +
                                                         " in the register or the proposal's \"organisations\"";
    if (suggestions_left_ > 0) {
      --suggestions_left_;
      const std::string near = nearest(id, table.defined_ids());
      if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
    }
    if (kind == load::Reference::organisation) message += "; list a new partner under \"organisations\"";
    problems_.push_back({Severity::error, where, message});
  }

  const Register& reg_;
  const std::string& name_;
  Proposal out_;
  IdTable orgs_, units_, themes_, partnerships_;
  std::string path_;  // where the partnership stands in the file: "partnership" or "" (the whole file)
  std::vector<Problem> problems_;
  int suggestions_left_ = kSuggestionBudget;
};

}  // namespace

Proposal read_proposal_text(const Register& reg, std::string_view text, const std::string& name,
                            std::size_t max_bytes) {
  if (text.size() > max_bytes)
    throw whole_file_problem(name, "is larger than " + std::to_string(max_bytes >> 20) +
                                       " MiB, far more than one proposed partnership; check that it is the right file");
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    throw whole_file_problem(name, "the file is empty; a proposal is a JSON object that starts with { "
                                   "(see the README for an example)");
  // Checked here rather than by the streaming parser, whose words are about a register.
  if (text[first] != '{')
    if (const auto sniffed = load::sniff_not_json(text)) throw whole_file_problem(name, load::not_json_message(*sniffed, name, "proposal"));
  if (text[first] != '{')
    throw whole_file_problem(name, "a proposal must be one JSON object, starting with {, holding the partnership "
                                   "(see the README for an example)");
  std::vector<Problem> syntax;
  json top = json::object();
  load::StreamCallbacks callbacks;
  callbacks.field = [&](const std::string& key, json value) { top[key] = std::move(value); };
  if (!load::stream_register(text, name, "proposal", {}, kMaxDepth, callbacks, syntax)) throw InputError(std::move(syntax));
  ProposalReader reader(reg, name);
  reader.read(top);
  return reader.finish(std::move(syntax));
}

Proposal read_proposal_file(const Register& reg, const std::string& path) {
  const std::string text = read_input_file(path, kMaxProposalBytes);
  return read_proposal_text(reg, text, path);
}

}  // namespace partnermap
