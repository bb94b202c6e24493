// From a sheet's rows to a Register: one partnership a row; the organisations, Business Units and
// themes the rows name become entries. Every problem is collected with the cell it is in.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "import/layout.h"
#include "import/names.h"
#include "import/text.h"
#include "import/values.h"
#include "load/fields.h"
#include "partnermap/import.h"
#include "partnermap/load.h"

namespace partnermap {

namespace {

using namespace import;

// Cells that mean "nothing here" in an optional column.
bool blank_word(const std::string& text) {
  const std::string l = lower_ascii(trim(text));
  return l.empty() || l == "-" || l == "n/a" || l == "na" || l == "\xE2\x80\x93";  // – too
}

bool is_total_word(const std::string& text) {
  const std::string l = lower_ascii(trim(text));
  return l == "total" || l == "totals" || l == "grand total" || l == "sum" || l.rfind("total:", 0) == 0 ||
         l.rfind("total ", 0) == 0;
}

std::string number_words(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// Whether an hours cell holds units with their hours ("Housing: 20; Finance 3") rather than a figure.
bool looks_like_unit_list(const std::string& text) {
  const auto items = split_list(text);
  return !items.empty() && std::all_of(items.begin(), items.end(), [](const std::string& item) {
    return read_unit_time(item).value.has_value();
  });
}

// A limit for a message, in digits: 10000000000, not 1e+10.
std::string whole_number_words(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

struct RowRef {
  std::uint32_t row;
  const std::map<std::uint32_t, SheetCell>* cells;
};

class Builder {
 public:
  Builder(const Sheet& sheet, const Layout& layout, const ImportOptions& options, std::vector<Problem>& problems)
      : sheet_(sheet), layout_(layout), options_(options), problems_(problems) {
    for (const Column& c : layout.columns)
      if (c.field != Field::theme && c.field != Field::extra && c.field != Field::ignore) by_field_[c.field] = &c;
  }

  Register build() {
    const std::vector<RowRef> rows = data_rows();
    choose_council(rows);
    Register reg;
    reg.as_of = options_.as_of;
    for (const Column& c : layout_.columns)
      if (c.field == Field::theme) themes_.add(c.theme, cell_place(sheet_, layout_.header_row, c.col, c.heading));
    for (const RowRef& r : rows) read_row(r, reg);
    if (unitless_hours_rows_ > 0) {
      const Column& h = *column(Field::hours);
      error(cell_place(sheet_, layout_.header_row, h.col, h.heading),
            "the council's hours in this column (" + std::to_string(unitless_hours_rows_) + " row" +
                (unitless_hours_rows_ == 1 ? "" : "s") + ", the first " + unitless_hours_place_ +
                ") have no Business Unit to be recorded against, so they would be lost: add a column headed "
                "\"Business Unit\" naming the unit that gives them, or write each cell as \"Housing: 30\"");
    }
    finish(reg);
    return reg;
  }

  // The partnership's row, for messages about it after the rows are read.
  std::vector<std::uint32_t> partnership_rows;

 private:
  const Sheet& sheet_;
  const Layout& layout_;
  const ImportOptions& options_;
  std::vector<Problem>& problems_;
  std::map<Field, const Column*> by_field_;
  NameTable orgs_, units_, themes_;
  std::string council_;  // the council's name
  CouncilNames council_names_;
  std::vector<std::string> explicit_ids_;  // per partnership; empty when the sheet gives none
  std::vector<std::pair<std::string, std::string>> parents_;  // per partnership: the parent as written, its place
  // Rows whose hours name no Business Unit, in a sheet with no Business Units column.
  int unitless_hours_rows_ = 0;
  std::string unitless_hours_place_;

  void error(const std::string& where, std::string message) { problems_.push_back({Severity::error, where, std::move(message)}); }
  void warning(const std::string& where, std::string message) { problems_.push_back({Severity::warning, where, std::move(message)}); }

  const Column* column(Field f) const {
    const auto it = by_field_.find(f);
    return it == by_field_.end() ? nullptr : it->second;
  }
  std::string place(const RowRef& r, const Column& c) const { return cell_place(sheet_, r.row, c.col, c.heading); }

  // A cell showing an error value (#N/A, #DIV/0!) has no value to read: an error, once per cell.
  void error_cell(const RowRef& r, const Column& c, std::uint32_t col, const std::string& shown) const {
    Problem p{Severity::error, cell_place(sheet_, r.row, col, c.heading),
              "the cell shows the error " + shown + ", not a value; correct its formula, or type the value, or clear it"};
    for (const Problem& q : problems_)
      if (q.where == p.where && q.message == p.message) return;
    problems_.push_back(std::move(p));
  }

  // The column's cell in a row; a heading merged across columns joins its cells as list items.
  std::optional<SheetCell> cell(const RowRef& r, const Column* c) const {
    if (!c) return std::nullopt;
    std::optional<SheetCell> out;
    for (std::uint32_t k = c->col; k <= c->last_col; ++k) {
      const auto it = r.cells->find(k);
      if (it != r.cells->end() && !it->second.error.empty()) {
        error_cell(r, *c, k, it->second.error);
        continue;
      }
      if (it == r.cells->end() || trim(it->second.text).empty()) continue;
      if (!out) out = it->second;
      else out->text += ";" + it->second.text, out->number.reset(), out->date.reset();
    }
    if (out) out->text = unneutralise(out->text);
    return out;
  }
  // A cell of an optional field, or none when it is empty or says n/a.
  std::optional<SheetCell> value(const RowRef& r, Field f) const {
    auto c = cell(r, column(f));
    if (c && !c->number && !c->date && blank_word(c->text)) return std::nullopt;
    return c;
  }

  std::vector<RowRef> data_rows() {
    std::vector<RowRef> out;
    const Column* name = column(Field::name);
    const Column* nature = column(Field::nature);
    for (auto it = sheet_.rows.lower_bound(layout_.first_data_row); it != sheet_.rows.end(); ++it) {
      const RowRef r{it->first, &it->second};
      if (r.cells->empty()) continue;  // an empty row
      const auto n = cell(r, name);
      const bool has_nature = cell(r, nature).has_value();
      bool total = false;
      for (const auto& [col, c] : *r.cells) total |= is_total_word(c.text);
      if (total && !has_nature && (!n || is_total_word(n->text))) {
        warning(row_place(sheet_, r.row), "a total row; skipped: partnermap works totals out from the partnerships");
        continue;
      }
      if (!n) {
        bool used = false;
        for (const auto& [col, c] : *r.cells) used |= layout_.column_at(col) != nullptr;
        if (used)
          error(place(r, *name), "no partnership name, but the row has other values; name the partnership, or delete the row");
        continue;
      }
      out.push_back(r);
    }
    // Values in columns with no heading are not read: say so once a column.
    std::map<std::uint32_t, std::uint32_t> unheaded;
    for (const RowRef& r : out)
      for (const auto& [col, c] : *r.cells)
        if (!layout_.column_at(col) && !unheaded.count(col)) unheaded[col] = r.row;
    for (const auto& [col, row] : unheaded)
      warning(cell_place(sheet_, row, col, ""), "this column has values but no heading, so they are not read; give the column a heading");
    return out;
  }

  // The council: named by the option, or the organisation most often given as lead partner where the
  // Council role is "lead" (the matrix writes the council there when it leads alone).
  void choose_council(const std::vector<RowRef>& rows) {
    council_names_ = council_names(options_);
    if (!council_names_.name.empty()) {
      council_ = council_names_.name;
      return;
    }
    std::map<std::string, std::pair<int, std::size_t>> counts;  // name: count, first seen
    for (const RowRef& r : rows) {
      const auto role = value(r, Field::role);
      if (!role) continue;
      const auto read = read_council_role(role->text);
      if (!read.value || *read.value != std::optional<Role>(Role::lead)) continue;
      const auto lead = value(r, Field::lead);
      if (!lead) continue;
      for (const std::string& item : split_list(lead->text)) {
        auto& c = counts.emplace(read_member(item).name, std::pair<int, std::size_t>{0, counts.size()}).first->second;
        ++c.first;
      }
    }
    const std::pair<int, std::size_t>* best = nullptr;
    for (const auto& [name, c] : counts)
      if (!best || c.first > best->first || (c.first == best->first && c.second < best->second)) {
        best = &c;
        council_ = name;
      }
    if (council_.empty()) {
      council_ = "the Council";
      warning(sheet_.name, "the sheet does not show the council's name (no partnership has the council as lead partner), "
                           "so it is called \"the Council\"; give its name with --council NAME");
    } else if (const std::string full = full_name_of(council_, rows); !full.empty()) {
      // Written as its initials ("CCC") where it leads: the council is the body the sheet names in
      // full whose initials those are.
      council_names_.aliases.push_back(council_);
      council_ = full;
    }
    council_names_.name = council_;
  }

  // A name in the sheet's Lead partner or Partners cells whose initials are `short_name`.
  std::string full_name_of(const std::string& short_name, const std::vector<RowRef>& rows) const {
    if (short_name.size() < 2 || short_name.size() > 6 || short_name.find(' ') != std::string::npos) return {};
    for (const RowRef& r : rows)
      for (Field f : {Field::lead, Field::partners})
        if (const auto v = value(r, f))
          for (const std::string& item : split_list(v->text)) {
            const std::string name = read_member(item).name;
            if (name.size() > short_name.size() && initials(name) == short_name) return name;
          }
    return {};
  }

  bool is_council(const std::string& name) const { return council_names_.names_council(name); }

  void read_row(const RowRef& r, Register& reg) {
    Partnership p;
    partnership_rows.push_back(r.row);
    p.name = trim(cell(r, column(Field::name))->text);
    // Id
    std::string id;
    if (const auto c = value(r, Field::id)) id = trim(c->text);
    explicit_ids_.push_back(id);
    // Nature (required)
    if (const Column* k = column(Field::nature)) {
      const auto c = cell(r, k);
      if (!c) error(place(r, *k), "no nature: write strategic, operational, funding or project");
      else if (const auto n = read_nature(c->text); n.value) p.nature = *n.value;
      else error(place(r, *k), n.problem);
    }
    read_members(r, p);
    read_themes(r, p);
    read_units(r, p);
    read_money(r, p);
    read_dates_and_words(r, p);
    read_extras(r, p);
    // Parent and accountable body refer to other entries.
    if (const auto c = value(r, Field::parent)) parents_.emplace_back(trim(c->text), place(r, *column(Field::parent)));
    else parents_.emplace_back();
    if (const auto c = value(r, Field::accountable_body))
      p.accountable_body = org(trim(c->text), place(r, *column(Field::accountable_body)));
    reg.partnerships.push_back(std::move(p));
  }

  Index org(const std::string& name, const std::string& where) {
    if (is_council(name)) return 0;
    return orgs_.add(name, where) + 1;  // the council is organisation 0
  }

  void read_members(const RowRef& r, Partnership& p) {
    const Column* role_col = column(Field::role);
    std::optional<std::optional<Role>> stated;
    if (const auto c = value(r, Field::role)) {
      const auto read = read_council_role(c->text);
      if (read.value) stated = *read.value;
      else error(place(r, *role_col), read.problem);
    } else if (role_col) {
      if (const auto raw = cell(r, role_col)) {  // "-" or "n/a": not a member
        if (const auto read = read_council_role(raw->text); read.value) stated = *read.value;
      }
    }
    struct Named {
      std::string name;
      Role role;
      std::string where;
      bool from_lead;
      bool role_given;  // the lead partner cell, or a role in brackets
    };
    std::vector<Named> named;
    if (const auto c = value(r, Field::lead))
      for (const std::string& item : split_list(c->text))
        named.push_back({read_member(item).name, Role::lead, place(r, *column(Field::lead)), true, true});
    if (const auto c = value(r, Field::partners))
      for (const std::string& item : split_list(c->text)) {
        const NamedMember m = read_member(item);
        named.push_back({m.name, m.role, place(r, *column(Field::partners)), false, m.role_given});
      }
    std::optional<Role> council_named;
    std::string council_where;
    bool named_as_lead_partner = false;
    bool role_given = false;
    for (const Named& n : named)
      if (is_council(n.name) && (!council_named || n.role == Role::lead))
        council_named = n.role, council_where = n.where, named_as_lead_partner = n.from_lead, role_given = n.role_given;
    std::optional<Role> council_role;
    if (stated) {
      council_role = *stated;
      const std::string said = *stated ? to_string(**stated) : "not a member";
      if (council_named && *stated != council_named && named_as_lead_partner) {
        error(place(r, *role_col), "the Council role is " + said + ", but " + council_where + " names the council (" +
                                       council_ + ") as lead partner; make them agree");
      } else if (council_named && *stated != council_named && (role_given || !*stated)) {
        // The role column is the officer's own statement of the council's role; a partners cell
        // only lists the council among the others.
        warning(council_where, "names the council (" + council_ + ") as a partner (" + to_string(*council_named) +
                                   "), but the Council role (" + place(r, *role_col) + ") is " + said +
                                   "; the Council role column is kept: correct one of them if it is wrong");
      }
    } else if (council_named) {
      council_role = council_named;
    } else if (role_col) {
      warning(place(r, *role_col), "no Council role, and the council is not named as a partner: it is taken not to be a "
                                   "member; write lead, support, observer or not a member");
    }
    if (council_role) p.members.push_back({0, *council_role, {}});
    for (const Named& n : named) {
      if (is_council(n.name)) continue;
      const Index o = org(n.name, n.where);
      const auto same = std::find_if(p.members.begin(), p.members.end(), [o](const Member& m) { return m.org == o; });
      if (same == p.members.end()) {
        p.members.push_back({o, n.role, {}});
      } else if (!n.from_lead && same->role == Role::lead) {
        // The lead partner listed among the partners as well: one member, the lead.
      } else {
        warning(n.where, quote_text(n.name) + " is named more than once in this partnership; it is kept once, as " +
                             to_string(same->role));
      }
    }
  }

  void read_themes(const RowRef& r, Partnership& p) {
    const auto add = [&p](Index t) {
      if (std::find(p.themes.begin(), p.themes.end(), t) == p.themes.end()) p.themes.push_back(t);
    };
    for (const Column& c : layout_.columns) {
      if (c.field != Field::theme) continue;
      const auto v = cell(r, &c);
      if (!v) continue;
      const Read<bool> tick = read_tick(*v);
      if (!tick.value) error(place(r, c), tick.problem);
      else if (*tick.value) add(*themes_.find(c.theme));
    }
    if (const auto v = value(r, Field::themes))
      for (const std::string& item : split_list(v->text)) add(themes_.add(item, place(r, *column(Field::themes))));
  }

  // The council's staff time: commitments from a Business Units column ("Housing: 20"), hours from
  // an hours column, or both: a unit named without hours takes the row's hours.
  void read_units(const RowRef& r, Partnership& p) {
    struct Unnamed {
      std::string unit, where, problem;
    };
    std::vector<Unnamed> without_hours;
    double sum = 0;
    const auto add = [&](const UnitTime& u, const std::string& where) {
      if (u.hours > load::kMaxHours) {
        error(where, number_words(u.hours) + " hours a month for " + quote_text(u.unit) + " is more than partnermap takes (" +
                         number_words(load::kMaxHours) + ", some six hundred full-time staff); write the unit's hours a month");
        return;
      }
      const Index unit = units_.add(u.unit, where);
      if (std::any_of(p.commitments.begin(), p.commitments.end(), [unit](const Commitment& c) { return c.unit == unit; }))
        warning(where, quote_text(u.unit) + " is named more than once; each is kept as its own commitment");
      p.commitments.push_back({unit, u.hours, u.officer, {}});
      sum += u.hours;
    };
    const auto read_list = [&](const SheetCell& v, const std::string& where) {
      for (const std::string& item : split_list(v.text)) {
        const Read<UnitTime> u = read_unit_time(item);
        if (u.value) add(*u.value, where);
        else if (item.find_first_of("0123456789:") == std::string::npos) without_hours.push_back({trim(item), where, u.problem});
        else error(where, u.problem);
      }
    };
    if (const auto v = value(r, Field::units)) read_list(*v, place(r, *column(Field::units)));
    std::optional<double> total;
    std::string total_where, total_text;
    if (const auto v = value(r, Field::hours)) {
      total_where = place(r, *column(Field::hours));
      total_text = trim(v->text);
      const Read<double> h = read_hours(*v);
      if (h.value) total = *h.value;
      else if (!v->number && looks_like_unit_list(v->text)) read_list(*v, total_where);  // "Housing: 20" under an hours heading
      else {
        error(total_where, h.problem);
        return;  // the units' want of hours is this error, said once
      }
    }
    if (total && *total > load::kMaxHours) {
      error(total_where, quote_text(total_text) + " is more than partnermap takes (" + number_words(load::kMaxHours) +
                             " hours a month, some six hundred full-time staff); write the council's hours a month");
      return;
    }
    if (!without_hours.empty()) {
      if (without_hours.size() == 1 && total) {
        add({without_hours[0].unit, *total, {}}, without_hours[0].where);
        return;
      }
      for (const Unnamed& u : without_hours) {
        if (total)
          error(u.where, "names " + std::to_string(without_hours.size()) + " Business Units, but the hours (" + total_where +
                             ") are one figure: give each unit its hours here, such as \"" + u.unit + ": 20\"");
        else if (const Column* h = column(Field::hours))
          error(u.where, "no hours for " + quote_text(u.unit) + ": write them in column " + column_letters(h->col) + " " +
                             quote_text(h->heading) + ", or here as \"" + u.unit + ": 20\"");
        else error(u.where, u.problem);
      }
      return;
    }
    if (!total) return;
    if (p.commitments.empty() && *total > 0) {
      if (const Column* u = column(Field::units))
        error(total_where, "these hours have no Business Unit: name the unit that gives them in column " +
                               column_letters(u->col) + " " + quote_text(u->heading) + ", or write them here as \"Housing: " +
                               total_text + "\"");
      else if (unitless_hours_rows_++ == 0)
        unitless_hours_place_ = total_where;
    } else if (!p.commitments.empty() && std::fabs(*total - sum) > 0.005) {
      warning(total_where, "the Business Units' hours add up to " + number_words(sum) + ", not " + quote_text(total_text) +
                               "; the units' hours are kept");
    }
  }

  void read_money(const RowRef& r, Partnership& p) {
    std::optional<double> total, council;
    for (auto [field, out] : {std::pair{Field::budget, &total}, std::pair{Field::council, &council}}) {
      const auto v = value(r, field);
      if (!v) continue;
      const Read<double> m = import::read_money(*v);
      if (m.value && *m.value > load::kMaxPounds)
        error(place(r, *column(field)), quote_text(trim(v->text)) + " is more than partnermap takes (\xC2\xA3" +
                                            whole_number_words(load::kMaxPounds) + " a year); write the pounds a year");
      else if (m.value) *out = *m.value;
      else error(place(r, *column(field)), m.problem);
    }
    if (total || council) p.budget = Budget{total.value_or(0), council.value_or(0), {}};
  }

  std::optional<Date> date(const RowRef& r, Field f) {
    const auto v = value(r, f);
    if (!v) return std::nullopt;
    const Read<Date> d = read_date(*v, sheet_.date1904);
    if (!d.value) error(place(r, *column(f)), d.problem);
    if (!d.note.empty()) warning(place(r, *column(f)), d.note);
    return d.value;
  }

  template <class T>
  std::optional<T> word(const RowRef& r, Field f, Read<T> (*read)(std::string_view)) {
    const auto v = value(r, f);
    if (!v) return std::nullopt;
    const Read<T> w = read(v->text);
    if (!w.value) error(place(r, *column(f)), w.problem);
    return w.value;
  }

  std::optional<int> count(const RowRef& r, Field f) {
    const auto v = value(r, f);
    if (!v) return std::nullopt;
    const Read<int> n = read_count(*v);
    if (!n.value) error(place(r, *column(f)), n.problem);
    if (n.value && *n.value > load::kMaxCount) {
      error(place(r, *column(f)), quote_text(trim(v->text)) + " is more than partnermap takes (" + whole_number_words(load::kMaxCount) +
                                      "); check the figure");
      return std::nullopt;
    }
    return n.value;
  }

  void read_dates_and_words(const RowRef& r, Partnership& p) {
    p.start = date(r, Field::start);
    p.end = date(r, Field::end);
    if (p.start && p.end && *p.end < *p.start)
      error(place(r, *column(Field::end)), "the end, " + to_iso(*p.end) + ", is before the start, " + to_iso(*p.start) + "; check both dates");
    p.last_review = date(r, Field::last_review);
    p.stage = word(r, Field::stage, &read_stage);
    p.exit_strategy = word(r, Field::exit_strategy, &read_exit);
    p.risk = word(r, Field::risk, &read_risk);
    if (const auto v = value(r, Field::indicators)) {
      std::vector<std::string> list;
      for (std::string& item : split_list(v->text)) {
        // The matrix writes the evaluation as the last line of its indicators cell.
        if (lower_ascii(item).rfind("evaluation:", 0) == 0) p.evaluation = trim(item.substr(11));
        else list.push_back(std::move(item));
      }
      if (!list.empty()) p.indicators = std::move(list);
    }
    if (const auto v = value(r, Field::evaluation)) p.evaluation = trim(v->text);
    if (const auto v = value(r, Field::management)) p.management = trim(v->text);
    const auto posts = count(r, Field::posts);
    const auto until = date(r, Field::funded_until);
    if (posts || until) p.posts = Posts{posts.value_or(0), until, {}};
    const auto responses = count(r, Field::survey_responses);
    const auto satisfied = count(r, Field::survey_satisfied);
    if (responses && satisfied) {
      if (*satisfied > *responses)
        error(place(r, *column(Field::survey_satisfied)), std::to_string(*satisfied) + " satisfied is more than the " +
                                                              std::to_string(*responses) + " survey responses");
      p.survey = Survey{*responses, *satisfied, {}};
    } else if (responses || satisfied) {
      const Field missing = responses ? Field::survey_satisfied : Field::survey_responses;
      const Field given = responses ? Field::survey_responses : Field::survey_satisfied;
      error(place(r, *column(given)), std::string("the survey needs both figures: give \"") + field_title(missing) + "\" too, or neither");
    }
  }

  void read_extras(const RowRef& r, Partnership& p) {
    for (const Column& c : layout_.columns) {
      if (c.field != Field::extra) continue;
      const auto v = cell(r, &c);
      if (!v) continue;
      if (p.extra.is_null()) p.extra = nlohmann::json::object();
      if (v->date) p.extra[c.extra_key] = to_iso(*v->date);
      else if (v->number && std::isfinite(*v->number)) p.extra[c.extra_key] = *v->number;
      else p.extra[c.extra_key] = trim(v->text);
    }
  }

  void finish(Register& reg) {
    // Partnership ids: the sheet's own, else made from the names.
    std::set<std::string> taken;
    std::map<std::string, std::size_t> first_row_of;
    for (std::size_t i = 0; i < explicit_ids_.size(); ++i) {
      const std::string& id = explicit_ids_[i];
      if (id.empty()) continue;
      const auto [it, added] = first_row_of.emplace(id, i);
      if (!added)
        error(cell_place(sheet_, partnership_rows[i], column(Field::id)->col, column(Field::id)->heading),
              quote_text(id) + " is already the id of " + quote_text(reg.partnerships[it->second].name) + " (" +
                  row_place(sheet_, partnership_rows[it->second]) + "); ids must be unique");
      taken.insert(id);
    }
    std::vector<std::string> unnamed;
    for (std::size_t i = 0; i < explicit_ids_.size(); ++i)
      if (explicit_ids_[i].empty()) unnamed.push_back(reg.partnerships[i].name);
    const std::vector<std::string> made = make_ids(unnamed, "partnership", taken);
    for (std::size_t i = 0, k = 0; i < reg.partnerships.size(); ++i)
      reg.partnerships[i].id = explicit_ids_[i].empty() ? made[k++] : explicit_ids_[i];
    // Parents, by id or by name.
    std::vector<std::string> ids, names;
    for (const Partnership& p : reg.partnerships) ids.push_back(p.id), names.push_back(p.name);
    for (std::size_t i = 0; i < reg.partnerships.size(); ++i) {
      const auto& [parent, where] = parents_[i];
      if (parent.empty()) continue;
      std::optional<Index> found;
      for (Index k = 0; k < reg.partnerships.size() && !found; ++k)
        if (ids[k] == parent) found = k;
      for (Index k = 0; k < reg.partnerships.size() && !found; ++k)
        if (names[k] == parent) found = k;
      for (Index k = 0; k < reg.partnerships.size() && !found; ++k)
        if (fold(names[k]) == fold(parent)) found = k;
      if (found) {
        reg.partnerships[i].parent = *found;
        continue;
      }
      std::string message = quote_text(parent) + " is not a partnership in this sheet (by name or id)";
      const std::string near = nearest(parent, names);
      if (!near.empty()) message += " (did you mean " + quote_text(near) + "?)";
      error(where, message + "; the parent must have its own row");
    }
    // Organisations: the council first, then as first named.
    std::vector<std::string> org_names{council_};
    // The council's entry is index 0; the table's entries follow it.
    for (const std::string& n : orgs_.names()) org_names.push_back(n);
    const std::vector<std::string> org_ids = make_ids(org_names, "organisation");
    for (std::size_t i = 0; i < org_names.size(); ++i) reg.organisations.push_back({org_ids[i], org_names[i], "", {}});
    reg.council = 0;
    const std::vector<std::string> unit_ids = make_ids(units_.names(), "unit");
    for (std::size_t i = 0; i < unit_ids.size(); ++i) reg.business_units.push_back({unit_ids[i], units_.names()[i], 0, {}});
    const std::vector<std::string> theme_ids = make_ids(themes_.names(), "theme");
    for (std::size_t i = 0; i < theme_ids.size(); ++i) reg.themes.push_back({theme_ids[i], themes_.names()[i], {}});
    if (!reg.business_units.empty())
      warning(sheet_.name, "the sheet gives no capacities, so each Business Unit is written with its capacity not "
                           "recorded; give the hours a month each unit can give to partnership work");
    for (auto* list : {&orgs_, &units_, &themes_}) {
      const char* what = list == &orgs_ ? "organisation" : list == &units_ ? "Business Unit" : "theme";
      for (Problem& w : near_duplicates(*list, what)) problems_.push_back(std::move(w));
    }
  }
};

// Where each figure came from, for the summary line.
std::vector<std::pair<std::string, std::string>> figure_columns(const Layout& layout) {
  const auto find = [&](Field f) -> const Column* {
    for (const Column& c : layout.columns)
      if (c.field == f) return &c;
    return nullptr;
  };
  const auto where = [](const Column* c) { return "column " + column_letters(c->col) + " " + quote_text(c->heading); };
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [what, field] : {std::pair{"nature", Field::nature}, std::pair{"Council role", Field::role}}) {
    const Column* c = find(field);
    out.emplace_back(what, c ? where(c) : "no column");
  }
  const Column* units = find(Field::units);
  const Column* hours = find(Field::hours);
  std::string time = units && hours ? where(units) + " and " + where(hours) : units ? where(units) : hours ? where(hours) : "no column";
  out.emplace_back("staff time", time);
  return out;
}

}  // namespace

Imported import_sheet(const Sheet& sheet, const ImportOptions& options) {
  std::vector<Problem> problems;
  const auto layout = find_layout(sheet, problems, options);
  if (!layout || count_errors(problems) > 0) throw InputError(std::move(problems));
  Builder builder(sheet, *layout, options, problems);
  Imported out;
  out.reg = builder.build();
  out.sheet = sheet.name;
  out.figure_columns = figure_columns(*layout);
  if (count_errors(problems) == 0) {
    // The register is held to the loader's rules; a problem with a partnership is placed at its row.
    for (Problem& p : check_register(out.reg, sheet.name)) {
      for (std::size_t i = 0; i < out.reg.partnerships.size(); ++i) {
        const Partnership& part = out.reg.partnerships[i];
        const std::string prefix = entry_place(sheet.name, "partnerships", i, part.name.empty() ? part.id : part.name);
        if (p.where.rfind(prefix, 0) == 0) {
          p.where = row_place(sheet, builder.partnership_rows[i]) + " (" + p.where.substr(sheet.name.size() + 2) + ")";
          break;
        }
      }
      problems.push_back(std::move(p));
    }
  }
  if (count_errors(problems) > 0) throw InputError(std::move(problems));
  out.warnings = std::move(problems);
  return out;
}

}  // namespace partnermap
