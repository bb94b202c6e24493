#include "import/layout.h"

#include <algorithm>
#include <map>
#include <set>

#include "import/text.h"
#include "import/values.h"

namespace partnermap::import {

namespace {

// "Theme: Economic prosperity" names a theme column.
std::optional<std::string> theme_heading(const std::string& heading) {
  const auto colon = heading.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string before = fold(heading.substr(0, colon));
  const std::string after = trim(heading.substr(colon + 1));
  if (after.empty()) return std::nullopt;
  if (before == "theme" || before == "cityvision" || before == "cityvisiontheme" || before == "priority") return after;
  return std::nullopt;
}

std::string extra_key(const std::string& heading) {
  std::string key = slug(heading, "column");
  std::replace(key.begin(), key.end(), '-', '_');
  // Never a field the format knows: the kept value must not be read back as something else.
  static const std::set<std::string> reserved = {"id", "name", "nature", "members", "commitments", "themes", "parent",
                                                 "accountable_body", "stage", "start", "end", "budget", "posts",
                                                 "indicators", "evaluation", "management", "exit_strategy", "risk",
                                                 "last_review", "survey"};
  if (reserved.count(key)) key.insert(0, "sheet_");
  return key;
}

std::string text_at(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
  const SheetCell* c = sheet.cell(row, col);
  return c ? trim(c->text) : std::string();
}

// Whether a heading merged across columns has sub-headings in the row below it.
bool has_sub_headings(const Sheet& sheet, std::uint32_t header_row, const MergedRange& m) {
  if (m.last_row != header_row) return false;
  for (std::uint32_t c = m.first_col; c <= m.last_col; ++c)
    if (!text_at(sheet, header_row + 1, c).empty()) return true;
  return false;
}

}  // namespace

std::string row_place(const Sheet& sheet, std::uint32_t row) {
  std::string out = sheet.name;
  out += " row ";
  out += std::to_string(std::uint64_t{row} + 1);
  return out;
}

std::string cell_place(const Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& heading) {
  std::string out = row_place(sheet, row);
  out += ", column ";
  out += column_letters(col);
  if (!heading.empty()) {
    out += ' ';
    out += quote_text(heading);
  }
  return out;
}

CouncilNames council_names(const ImportOptions& options) { return {trim(options.council), options.council_aliases}; }

const Column* Layout::column_at(std::uint32_t col) const {
  const auto it = std::upper_bound(columns.begin(), columns.end(), col, [](std::uint32_t c, const Column& k) { return c < k.col; });
  if (it == columns.begin()) return nullptr;
  const Column& k = *std::prev(it);
  return col <= k.last_col ? &k : nullptr;
}

namespace {

// The headings mapped by hand, by their folded text; each remembers whether the sheet has it.
struct Mapping {
  std::string heading, field_text;
  Field field = Field::extra;
  bool used = false;
};

std::vector<Mapping> read_mappings(const ImportOptions& options, std::vector<Problem>& problems) {
  std::vector<Mapping> out;
  for (const auto& [heading, field] : options.columns) {
    const std::string option = "--column " + quote_text(heading + "=" + field);
    const auto f = field_named(field);
    if (trim(heading).empty()) {
      problems.push_back({Severity::error, option, "names no heading: write --column \"HEADING=FIELD\", the heading as the sheet writes it"});
      continue;
    }
    if (!f) {
      problems.push_back({Severity::error, option, quote_text(field) + " is not a field partnermap knows; the fields are " +
                                                       field_names_list()});
      continue;
    }
    out.push_back({trim(heading), field, *f, false});
  }
  return out;
}

Mapping* mapping_for(std::vector<Mapping>& mappings, const std::string& heading) {
  const std::string f = fold(heading);
  for (Mapping& m : mappings)
    if (!f.empty() && fold(m.heading) == f) return &m;
  return nullptr;
}

// A figure depends on these: a sheet without them, but with a heading that looks like one, has
// lost the figure unless the officer says which column it is.
bool figure_field(Field f) { return f == Field::hours || f == Field::units || f == Field::role || f == Field::nature; }

std::string map_advice(const std::string& heading, Field f) {
  return "--column " + quote_text(heading + "=" + field_title(f));
}

// The heading's field: mapped by hand, else by its words. Two candidates: an error saying both.
void place_column(Column& column, const std::string& place, std::vector<Mapping>& mappings, const CouncilNames& council,
                  std::vector<Problem>& problems) {
  if (Mapping* m = mapping_for(mappings, column.heading)) {
    m->used = true;
    column.field = m->field;
    if (m->field == Field::theme) column.theme = column.heading;
    return;
  }
  if (const auto t = theme_heading(column.heading)) {
    column.field = Field::theme;
    column.theme = *t;
    return;
  }
  const HeadingMatch match = match_heading(column.heading, council);
  if (match.field) {
    column.field = *match.field;
    return;
  }
  if (match.candidates.empty()) return;
  std::string message = "this heading could name";
  for (std::size_t i = 0; i < match.candidates.size(); ++i)
    message += std::string(i == 0 ? " " : i + 1 == match.candidates.size() ? " or " : ", ") + quote_text(field_title(match.candidates[i]));
  message += "; say which with " + map_advice(column.heading, match.candidates[0]);
  for (std::size_t i = 1; i < match.candidates.size(); ++i) message += " or " + map_advice(column.heading, match.candidates[i]);
  message += " (or --column \"" + column.heading + "=extra\" to keep it as it is)";
  problems.push_back({Severity::error, place, message});
  column.field = Field::ignore;
}

}  // namespace

std::optional<Layout> find_layout(const Sheet& sheet, std::vector<Problem>& problems) {
  return find_layout(sheet, problems, ImportOptions{});
}

std::optional<Layout> find_layout(const Sheet& sheet, std::vector<Problem>& problems, const ImportOptions& options) {
  // Beyond Excel's last column nothing is a register: refused before any work that grows with it.
  for (const auto& [row, cells] : sheet.rows) {
    if (!cells.empty() && cells.rbegin()->first >= kMaxColumns) {
      problems.push_back({Severity::error, cell_place(sheet, row, cells.lower_bound(kMaxColumns)->first, ""),
                          "the sheet goes beyond column " + column_letters(kMaxColumns - 1) + ", the last of the " +
                              std::to_string(kMaxColumns) + " columns a spreadsheet has; partnermap reads no sheet wider "
                              "than that: delete the columns past " + column_letters(kMaxColumns - 1) +
                              ", or check that this is the register"});
      return std::nullopt;
    }
  }
  const CouncilNames council = council_names(options);
  std::vector<Mapping> mappings = read_mappings(options, problems);
  const auto field_of = [&](const std::string& heading) -> std::optional<Field> {
    if (Mapping* m = mapping_for(mappings, heading)) return m->field;
    return recognise_heading(heading, council);
  };
  constexpr std::uint32_t kSearchRows = 50;
  Layout layout;
  bool found = false;
  for (const auto& [row, cells] : sheet.rows) {
    if (row >= kSearchRows) break;
    int known_count = 0;
    bool has_name = false;
    for (const auto& [col, cell] : cells) {
      const auto f = field_of(trim(cell.text));
      if (!f || *f == Field::extra || *f == Field::ignore || *f == Field::theme) continue;
      ++known_count;
      has_name |= *f == Field::name;
    }
    if (has_name && known_count >= 2) {
      layout.header_row = row;
      found = true;
      break;
    }
  }
  if (!found) {
    problems.push_back({Severity::error, sheet.name,
                        "no header row: none of the first 50 rows names the columns with a \"Partnership\" column and "
                        "at least one other (such as \"Nature\"); put one heading above each column: Partnership, "
                        "Nature, Council role, Lead partner, Partners, ... (or map a heading of your own with "
                        "--column \"HEADING=Partnership\")"});
    return std::nullopt;
  }
  const std::uint32_t hr = layout.header_row;

  // Merged headings: a heading merged across columns with headings under it is a group ("City Vision
  // themes" over one column per theme); merged across columns with nothing under it, it covers them all;
  // merged down, the header is that deep.
  std::map<std::uint32_t, MergedRange> across;  // by first column, merges that start in the header row
  std::uint32_t deepest = hr;
  for (const MergedRange& m : sheet.merged) {
    if (m.first_row > hr || m.last_row < hr) continue;
    if (m.first_row == hr && m.last_col > m.first_col) across[m.first_col] = m;
    deepest = std::max(deepest, m.last_row);
  }
  bool sub_row = false;
  for (const auto& [c0, m] : across) sub_row |= has_sub_headings(sheet, hr, m);
  if (sub_row) deepest = std::max(deepest, hr + 1);
  layout.first_data_row = deepest + 1;
  const auto group_of = [&](std::uint32_t c) -> const MergedRange* {
    auto it = across.upper_bound(c);
    if (it == across.begin()) return nullptr;
    --it;
    return c <= it->second.last_col ? &it->second : nullptr;
  };

  // The columns, left to right.
  std::set<std::uint32_t> cols;
  for (std::uint32_t r = hr; r <= deepest; ++r)
    if (const auto it = sheet.rows.find(r); it != sheet.rows.end())
      for (const auto& [c, cell] : it->second) cols.insert(c);
  std::uint32_t covered_to = 0;  // columns below this are inside an earlier merged heading
  bool any_covered = false;
  for (std::uint32_t c : cols) {
    if (any_covered && c < covered_to) continue;
    Column column;
    column.col = column.last_col = c;
    const MergedRange* group = group_of(c);
    const std::string place = cell_place(sheet, hr, c, "");
    if (group && has_sub_headings(sheet, hr, *group)) {
      // A heading over sub-headings.
      const std::string top = text_at(sheet, hr, group->first_col);
      const std::string sub = text_at(sheet, hr + 1, c);
      if (sub.empty()) continue;
      column.heading = sub;
      if (recognise_heading(top, council) == Field::themes && !mapping_for(mappings, sub)) {
        column.field = Field::theme;
        column.theme = sub;
      } else if (mapping_for(mappings, sub) || recognise_heading(sub, council)) {
        place_column(column, place + " " + quote_text(sub), mappings, council, problems);
      } else {
        column.heading = top + " " + sub;
        place_column(column, place + " " + quote_text(column.heading), mappings, council, problems);
      }
    } else {
      column.heading = text_at(sheet, hr, c);
      if (column.heading.empty()) column.heading = text_at(sheet, hr + 1 <= deepest ? hr + 1 : hr, c);
      if (column.heading.empty()) continue;
      if (group && group->first_col == c) {
        column.last_col = group->last_col;
        covered_to = group->last_col + 1;
        any_covered = true;
      }
      place_column(column, place + " " + quote_text(column.heading), mappings, council, problems);
    }
    layout.columns.push_back(std::move(column));
  }
  for (const Mapping& m : mappings) {
    if (m.used) continue;
    std::vector<std::string> headings;
    for (const Column& k : layout.columns) headings.push_back(k.heading);
    std::string message = "the header row (" + row_place(sheet, hr) + ") has no heading " + quote_text(m.heading);
    const std::string near = nearest(m.heading, headings);
    if (!near.empty()) message += " (did you mean " + quote_text(near) + "?)";
    problems.push_back({Severity::error, "--column " + quote_text(m.heading + "=" + m.field_text),
                        message + "; write the heading as the sheet does"});
  }

  // The fields the sheet's headings give, before the unknown ones are looked at.
  std::set<Field> given;
  for (const Column& column : layout.columns) given.insert(column.field);
  const auto staff_time = [&] { return given.count(Field::hours) || given.count(Field::units); };
  std::set<Field> figure_reported;

  // Columns with a heading partnermap does not know: a theme when every value is a tick, else kept.
  std::set<std::string> extra_keys;
  std::map<std::string, int> next_suffix;
  std::vector<bool> has_values(layout.columns.size(), false), all_ticks(layout.columns.size(), true);
  for (auto it = sheet.rows.lower_bound(layout.first_data_row); it != sheet.rows.end(); ++it)
    for (const auto& [c, cell] : it->second)
      if (const Column* k = layout.column_at(c); k && k->col == c) {
        const auto i = static_cast<std::size_t>(k - layout.columns.data());
        has_values[i] = true;
        all_ticks[i] = all_ticks[i] && is_tick_mark(cell.text);
      }
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    Column& column = layout.columns[i];
    if (column.field != Field::extra) continue;
    const bool any = has_values[i];
    const std::string place = cell_place(sheet, hr, column.col, column.heading);
    if (any && all_ticks[i] && !mapping_for(mappings, column.heading)) {
      column.field = Field::theme;
      column.theme = column.heading;
      continue;
    }
    const std::string base = extra_key(column.heading);
    column.extra_key = base;
    int& suffix = next_suffix[base];  // counted per key, so a thousand equal headings stay cheap
    while (extra_keys.count(column.extra_key)) column.extra_key = base + "_" + std::to_string(++suffix + 1);
    extra_keys.insert(column.extra_key);
    if (mapping_for(mappings, column.heading)) continue;  // kept as asked
    const auto near = closest_field(column.heading);
    // A heading that looks like the column a figure depends on, with no column giving that figure:
    // the figure would be lost without a word.
    const bool missing = near && figure_field(*near) &&
                         ((*near == Field::hours || *near == Field::units) ? !staff_time() : !given.count(*near));
    if (missing && any) {
      figure_reported.insert(*near);
      problems.push_back({Severity::error, place,
                          std::string("this looks like the ") + quote_text(field_title(*near)) +
                              " column, and no other column gives it, so the figures that depend on it would be "
                              "wrong; if it is that column, map it with " + map_advice(column.heading, *near) +
                              ", or keep it as it is with --column " + quote_text(column.heading + "=extra")});
      continue;
    }
    std::string message = "not a column partnermap knows";
    message += any ? "; its values are kept on each partnership as " + quote_text(column.extra_key)
                   : "; it has no values, so it is left out";
    if (near)
      message += " (it looks closest to " + quote_text(field_title(*near)) + ": if it is that, map it with " +
                 map_advice(column.heading, *near) + ")";
    else
      message += " (it looks like none of partnermap's columns; to map it to one, use --column " +
                 quote_text(column.heading + "=FIELD") + " with FIELD a heading from the README's import section)";
    problems.push_back({Severity::warning, place, message});
  }

  // Each known column once; the required ones there.
  std::map<Field, const Column*> seen;
  std::map<std::string, const Column*> themes_seen;
  for (const Column& column : layout.columns) {
    const std::string place = cell_place(sheet, hr, column.col, column.heading);
    if (column.field == Field::theme) {
      const std::string key = fold(column.theme);
      if (const auto it = themes_seen.find(key); it != themes_seen.end())
        problems.push_back({Severity::error, place, "the theme " + quote_text(column.theme) + " already has column " +
                                                        column_letters(it->second->col) + "; keep one column per theme"});
      else themes_seen[key] = &column;
      continue;
    }
    if (column.field == Field::extra || column.field == Field::ignore) continue;
    if (const auto it = seen.find(column.field); it != seen.end()) {
      problems.push_back({Severity::error, place,
                          "this is the " + quote_text(field_title(column.field)) + " column again (column " +
                              column_letters(it->second->col) + " " + quote_text(it->second->heading) +
                              " is one already); keep one, rename the other, or map it with --column " +
                              quote_text(column.heading + "=extra")});
      continue;
    }
    seen[column.field] = &column;
  }
  if (!seen.count(Field::nature) && !figure_reported.count(Field::nature))
    problems.push_back({Severity::error, row_place(sheet, hr),
                          "no \"Nature\" column: every partnership needs its nature (strategic, operational, funding or "
                          "project); add a column headed \"Nature\", or map yours with --column \"HEADING=Nature\""});
  return layout;
}

}  // namespace partnermap::import
