// Sheets of Business Units, organisations and themes beside the partnerships sheet.
#include "import/extra_sheets.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "import/layout.h"
#include "import/names.h"
#include "import/text.h"
#include "import/values.h"
#include "load/fields.h"

namespace partnermap::import {

namespace {

// Headings sit in the first rows, below a title or two; further down is data.
constexpr std::uint32_t kHeaderRowsSearched = 12;
// "Hours available a month for partnership work" is as long as a heading gets.
constexpr std::size_t kHeadingWords = 8;

// The lower-case words of a heading, split at anything that is not a letter or a digit.
std::vector<std::string> words_of(const std::string& heading) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : lower_ascii(heading)) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool has_word(const std::vector<std::string>& words, std::initializer_list<const char*> wanted) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::any_of(wanted.begin(), wanted.end(), [&](const char* x) { return w == x; });
  });
}

// What a heading can say, for the three kinds of sheet.
bool says_hours(const std::vector<std::string>& w) { return has_word(w, {"hours", "hrs", "capacity", "time"}); }
// Hours already given, not hours available: a unit's load, never its capacity.
bool says_used(const std::vector<std::string>& w) {
  return has_word(w, {"committed", "used", "spent", "allocated", "utilisation", "utilization", "load", "share",
                      "percent", "percentage"});
}
// A figure partnermap works out from the partnerships (hours committed, utilisation, a status, a
// month's share: what the matrix's Capacity sheet shows), never kept from a sheet as the unit's own.
bool worked_out(const std::vector<std::string>& w) {
  static const std::vector<std::string> months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                                  "oct", "nov", "dec"};
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool month = w.size() == 2 && w[1].size() == 4 && std::all_of(w[1].begin(), w[1].end(), digit) &&
                     std::any_of(months.begin(), months.end(), [&](const std::string& m) { return w[0].rfind(m, 0) == 0; });
  return month || says_used(w) || has_word(w, {"status", "forecast"});
}
bool says_available(const std::vector<std::string>& w) { return has_word(w, {"available", "capacity", "can", "free"}); }
bool says_unit(const std::vector<std::string>& w) {
  return has_word(w, {"unit", "units", "service", "services", "department", "directorate", "team", "section", "division",
                      "area"});
}
bool says_sector(const std::vector<std::string>& w) { return has_word(w, {"sector", "type", "kind", "category"}); }
bool says_organisation(const std::vector<std::string>& w) {
  return has_word(w, {"organisation", "organisations", "organization", "organizations", "partner", "partners", "body",
                      "bodies", "agency", "name"});
}
bool says_theme(const std::vector<std::string>& w) {
  return has_word(w, {"theme", "themes", "priority", "priorities", "objective", "objectives", "outcome", "outcomes"});
}
// A heading of a partnerships sheet: such a sheet is never one of these, whatever else it holds.
bool says_partnership(const std::vector<std::string>& w) {
  return has_word(w, {"partnership", "partnerships", "nature"}) && !says_hours(w);
}

std::string text_at(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
  const SheetCell* c = sheet.cell(row, col);
  return c ? trim(unneutralise(c->text)) : std::string();
}

// The kind a header row makes a sheet, if any.
std::optional<ExtraSheet> classify_row(const std::map<std::uint32_t, SheetCell>& cells, std::uint32_t row) {
  std::optional<std::uint32_t> unit, hours, sector, organisation, theme;
  bool hours_available = false;
  for (const auto& [col, cell] : cells) {
    const std::vector<std::string> w = words_of(trim(cell.text));
    if (w.empty()) continue;
    // Every cell of a header row is a heading: short, no list, no number (a row of notes or of
    // data that happens to hold a heading's word is not one).
    if (cell.number || w.size() > kHeadingWords || cell.text.find(';') != std::string::npos) return std::nullopt;
    if (says_partnership(w)) return std::nullopt;
    if (says_hours(w)) {
      // The first column of hours available; failing that, of hours not said to be used.
      const bool available = says_available(w);
      if (!says_used(w) && (!hours || (available && !hours_available))) hours = col, hours_available = available;
    } else if (says_unit(w)) {
      if (!unit) unit = col;
    } else if (says_sector(w)) {
      if (!sector) sector = col;
    } else if (says_theme(w)) {
      if (!theme) theme = col;
    } else if (says_organisation(w)) {
      if (!organisation) organisation = col;
    }
  }
  if (hours && (unit || organisation)) return ExtraSheet{ExtraKind::units, row, unit ? *unit : *organisation, hours};
  if (sector && (organisation || unit)) return ExtraSheet{ExtraKind::organisations, row, organisation ? *organisation : *unit, sector};
  if (theme && !unit && !organisation) return ExtraSheet{ExtraKind::themes, row, *theme, std::nullopt};
  return std::nullopt;
}

bool is_total(const std::string& name) {
  const std::string l = lower_ascii(name);
  return l == "total" || l == "totals" || l.rfind("total ", 0) == 0 || l.rfind("total:", 0) == 0;
}

// The entries of one list as the sheets see them: a name, an id, and a place for kept fields.
struct Entry {
  std::string* name;
  std::string* id;
  nlohmann::json* extra;
};

template <class T>
std::vector<Entry> entries_of(std::vector<T>& list) {
  std::vector<Entry> out;
  for (T& e : list) out.push_back({&e.name, &e.id, &e.extra});
  return out;
}

class SheetReader {
 public:
  SheetReader(const Sheet& sheet, const ExtraSheet& layout, Register& reg, std::vector<Problem>& problems)
      : sheet_(sheet), layout_(layout), reg_(reg), problems_(problems) {
    for (const auto& [col, cell] : sheet.rows.at(layout.header_row)) {
      const std::string heading = trim(cell.text);
      if (heading.empty()) continue;
      headings_[col] = heading;
      if (col == layout.name_col || (layout.value_col && col == *layout.value_col)) continue;
      if (worked_out(words_of(heading))) {
        not_read_ += (not_read_.empty() ? "" : ", ") + column_letters(col) + " " + quote_text(heading);
        continue;
      }
      std::string key = slug(heading, "column");
      std::replace(key.begin(), key.end(), '-', '_');
      while (std::any_of(kept_.begin(), kept_.end(), [&](const auto& k) { return k.second == key; })) key += "_2";
      kept_[col] = key;
    }
  }

  // Reads the rows; returns how many entries the sheet gave a value to.
  std::size_t read() {
    std::size_t given = 0;
    if (!not_read_.empty())
      problems_.push_back({Severity::warning, row_place(sheet_, layout_.header_row),
                           "columns " + not_read_ + " are figures partnermap works out from the partnerships, so they "
                           "are not read"});
    std::map<std::string, std::uint32_t> row_of;  // folded name: the row that gave it
    for (auto it = sheet_.rows.upper_bound(layout_.header_row); it != sheet_.rows.end(); ++it) {
      const std::uint32_t row = it->first;
      const std::string name = text_at(sheet_, row, layout_.name_col);
      if (name.empty()) {
        const bool other = std::any_of(it->second.begin(), it->second.end(),
                                       [](const auto& c) { return !trim(c.second.text).empty(); });
        if (other)
          error(place(row, layout_.name_col), "no name, but the row has other values; write the name, or delete the row");
        continue;
      }
      if (is_total(name)) {
        problems_.push_back({Severity::warning, row_place(sheet_, row),
                             "a total row; skipped: partnermap works totals out from the entries"});
        continue;
      }
      const auto [seen, fresh] = row_of.emplace(fold(name), row);
      if (!fresh) {
        error(place(row, layout_.name_col), quote_text(name) + " is already on row " + std::to_string(seen->second + 1) +
                                                "; give each once");
        continue;
      }
      const std::size_t index = find_or_add(name, row);
      if (read_value(row, index)) ++given;
      keep_other_columns(row, index);
    }
    return given;
  }

 private:
  const Sheet& sheet_;
  const ExtraSheet& layout_;
  Register& reg_;
  std::vector<Problem>& problems_;
  std::map<std::uint32_t, std::string> headings_;
  std::map<std::uint32_t, std::string> kept_;  // column: the key its values are kept under
  std::string not_read_;                        // the columns of worked-out figures, for the note

  void error(const std::string& where, std::string message) { problems_.push_back({Severity::error, where, std::move(message)}); }
  std::string place(std::uint32_t row, std::uint32_t col) const {
    const auto h = headings_.find(col);
    return cell_place(sheet_, row, col, h == headings_.end() ? std::string() : h->second);
  }

  std::vector<Entry> entries() {
    switch (layout_.kind) {
      case ExtraKind::units: return entries_of(reg_.business_units);
      case ExtraKind::organisations: return entries_of(reg_.organisations);
      case ExtraKind::themes: return entries_of(reg_.themes);
    }
    return {};
  }

  // The entry the partnerships named so, else a new one (with a "did you mean" when a name is close:
  // a slip in either sheet would otherwise leave the real entry without its value).
  std::size_t find_or_add(const std::string& name, std::uint32_t row) {
    const std::vector<Entry> list = entries();
    std::vector<std::string> names, ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (fold(*list[i].name) == fold(name)) return i;
      names.push_back(*list[i].name);
      ids.push_back(*list[i].id);
    }
    const std::string what = layout_.kind == ExtraKind::units           ? reg_.policy.words.unit
                             : layout_.kind == ExtraKind::organisations ? "organisation"
                                                                        : "theme";
    const std::string near = nearest(name, names);
    if (!near.empty())
      problems_.push_back({Severity::warning, place(row, layout_.name_col),
                           quote_text(name) + " is named by no partnership (did you mean " + quote_text(near) +
                               "?); it is added as a " + what + " of its own: correct the name if it is the same one"});
    const char* kind = layout_.kind == ExtraKind::units ? "unit" : layout_.kind == ExtraKind::organisations ? "organisation" : "theme";
    const std::string id = make_ids({name}, kind,
                                    std::set<std::string>(ids.begin(), ids.end()))
                               .front();
    switch (layout_.kind) {
      case ExtraKind::units: reg_.business_units.push_back({id, name, 0, {}}); break;
      case ExtraKind::organisations: reg_.organisations.push_back({id, name, "", {}}); break;
      case ExtraKind::themes: reg_.themes.push_back({id, name, {}}); break;
    }
    return list.size();
  }

  // The unit's hours or the organisation's sector; whether the row gave one.
  bool read_value(std::uint32_t row, std::size_t index) {
    if (!layout_.value_col) return true;  // a theme's row gives the theme itself
    const std::uint32_t col = *layout_.value_col;
    const SheetCell* cell = sheet_.cell(row, col);
    if (!cell || trim(cell->text).empty()) return false;
    if (layout_.kind == ExtraKind::organisations) {
      reg_.organisations[index].sector = trim(unneutralise(cell->text));
      return true;
    }
    const Read<double> hours = read_hours(*cell);
    if (!hours.value) {
      error(place(row, col), hours.problem);
      return false;
    }
    if (*hours.value > load::kMaxHours) {
      error(place(row, col), quote_text(trim(cell->text)) + " is too large to be real (at most " +
                                 load::number_text(load::kMaxHours) + " hours a month); check for an extra digit");
      return false;
    }
    if (!(*hours.value > 0)) {
      problems_.push_back({Severity::warning, place(row, col),
                           "0 hours: the capacity is taken as not recorded (partnermap never calls a unit with no "
                           "recorded capacity over capacity); write the hours a month it can give to partnerships"});
      return false;
    }
    reg_.business_units[index].capacity_hours = *hours.value;
    return true;
  }

  void keep_other_columns(std::uint32_t row, std::size_t index) {
    nlohmann::json* extra = entries()[index].extra;
    for (const auto& [col, key] : kept_) {
      const SheetCell* cell = sheet_.cell(row, col);
      if (!cell || trim(cell->text).empty()) continue;
      if (!extra->is_object()) *extra = nlohmann::json::object();
      nlohmann::json& own = (*extra)["extra"];
      if (!own.is_object()) own = nlohmann::json::object();
      if (cell->date) own[key] = to_iso(*cell->date);
      else if (cell->number && std::isfinite(*cell->number)) own[key] = *cell->number;
      else own[key] = trim(unneutralise(cell->text));
    }
  }
};

}  // namespace

std::optional<ExtraSheet> classify_extra_sheet(const Sheet& sheet) {
  std::uint32_t searched = 0;
  for (const auto& [row, cells] : sheet.rows) {
    if (++searched > kHeaderRowsSearched) break;
    if (auto found = classify_row(cells, row)) return found;
  }
  return std::nullopt;
}

void read_extra_sheets(const std::vector<const Sheet*>& sheets, Register& reg, std::vector<Problem>& problems,
                       std::vector<std::string>& read) {
  for (const Sheet* sheet : sheets) {
    const auto layout = classify_extra_sheet(*sheet);
    if (!layout) continue;
    const std::size_t given = SheetReader(*sheet, *layout, reg, problems).read();
    const std::string n = std::to_string(given);
    const std::string from = " from " + quote_text(sheet->name);
    switch (layout->kind) {
      case ExtraKind::units:
        read.push_back("capacities of " + n + " " + (given == 1 ? reg.policy.words.unit : reg.policy.words.units) + from);
        break;
      case ExtraKind::organisations: read.push_back("sectors of " + n + (given == 1 ? " organisation" : " organisations") + from); break;
      case ExtraKind::themes: read.push_back(n + " " + (given == 1 ? reg.policy.words.theme : reg.policy.words.themes) + from); break;
    }
  }
}

}  // namespace partnermap::import
