#include "import/layout.h"

#include <algorithm>
#include <map>
#include <set>

#include "import/text.h"
#include "import/values.h"

namespace partnermap::import {

namespace {

struct Known {
  Field field;
  const char* title;
  std::vector<const char*> words;  // folded headings that mean the field
};

const std::vector<Known>& known() {
  static const std::vector<Known> k = {
      {Field::id, "Id", {"id", "ref", "reference", "partnershipid", "partnershipref", "code"}},
      {Field::name, "Partnership", {"partnership", "partnershipname", "name", "nameofpartnership", "title"}},
      {Field::nature, "Nature", {"nature", "type", "natureofpartnership", "partnershiptype", "kind"}},
      {Field::role, "Council role", {"councilrole", "role", "councilsrole", "ourrole", "leadorsupport", "councilleadorsupport",
                                     "roleofcouncil", "roleofthecouncil", "councilleadorsupportrole"}},
      {Field::lead, "Lead partner", {"leadpartner", "leadorganisation", "leadorganization", "lead", "leadbody", "leadagency"}},
      {Field::partners, "Partners", {"partners", "partnerorganisations", "partnerorganizations", "members", "otherpartners",
                                     "membership", "memberorganisations", "partnersinvolved"}},
      {Field::themes, "City Vision themes", {"cityvisionthemes", "themes", "cityvision", "theme", "linktocityvision",
                                             "cityvisiontheme", "priorities", "corporatepriorities", "cityvisionlink"}},
      {Field::units, "Business Units and hours", {"businessunitsandhours", "businessunits", "businessunit", "units", "stafftime",
                                                  "hoursbyunit", "serviceareas", "businessunitshours", "councilstafftime"}},
      {Field::hours, "Council hours a month", {"councilhoursamonth", "hours", "totalhours", "hoursamonth", "councilhours"}},
      {Field::budget, "Budget", {"budget", "totalbudget", "annualbudget", "budgetayear"}},
      {Field::council, "Council contribution", {"councilcontribution", "councilfunding", "ourcontribution", "councilscontribution",
                                                "contribution"}},
      {Field::accountable_body, "Accountable body", {"accountablebody"}},
      {Field::parent, "Parent partnership", {"parent", "parentpartnership", "subpartnershipof", "partof"}},
      {Field::stage, "Stage", {"stage", "lifecyclestage", "lifecycle"}},
      {Field::start, "Start", {"start", "startdate", "began", "from", "started"}},
      {Field::end, "End", {"end", "enddate", "until", "ends", "to", "finish"}},
      {Field::indicators, "Indicators", {"indicators", "indicatorsorevaluation", "performanceindicators", "pis", "targets",
                                         "measures", "indicatorsandevaluation"}},
      {Field::evaluation, "Evaluation", {"evaluation"}},
      {Field::management, "Management", {"management", "governance", "managementarrangements", "approachtomanaging",
                                         "howmanaged", "governancearrangements"}},
      {Field::exit_strategy, "Exit strategy", {"exitstrategy", "exit", "exitorsuccession", "exitorsuccessionstrategy", "succession"}},
      {Field::risk, "Risk", {"risk", "riskrating", "risklevel", "riskassessment"}},
      {Field::last_review, "Last review", {"lastreview", "lastreviewed", "reviewdate", "dateoflastreview", "reviewed"}},
      {Field::posts, "Permanent posts", {"permanentposts", "posts", "councilposts"}},
      {Field::funded_until, "Posts funded until", {"postsfundeduntil", "fundeduntil", "fundingends"}},
      {Field::survey_responses, "Survey responses", {"surveyresponses", "responses"}},
      {Field::survey_satisfied, "Satisfied", {"satisfied", "surveysatisfied", "satisfiedresponses"}},
      {Field::findings, "Review findings", {"reviewfindings", "findings"}},
  };
  return k;
}

// The heading without a bracketed part: "Budget (£ a year)" is "Budget".
std::string without_brackets(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) out += c;
  }
  return out;
}

std::optional<Field> lookup(const std::string& folded) {
  for (const Known& k : known())
    for (const char* w : k.words)
      if (folded == w) return k.field;
  return std::nullopt;
}

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

const char* field_title(Field f) {
  for (const Known& k : known())
    if (k.field == f) return k.title;
  return f == Field::theme ? "theme" : "column";
}

std::optional<Field> recognise_heading(std::string_view heading) {
  if (const auto f = lookup(fold(without_brackets(heading)))) return f;
  return lookup(fold(heading));
}

std::string suggest_heading(std::string_view heading) {
  const std::string folded = fold(without_brackets(heading));
  std::vector<std::string> words;
  for (const Known& k : known())
    for (const char* w : k.words) words.push_back(w);
  const std::string near = nearest(folded, words);
  if (near.empty()) return {};
  return field_title(*lookup(near));
}

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

std::optional<Layout> find_layout(const Sheet& sheet, std::vector<Problem>& problems) {
  constexpr std::uint32_t kSearchRows = 50;
  Layout layout;
  bool found = false;
  for (const auto& [row, cells] : sheet.rows) {
    if (row >= kSearchRows) break;
    int known_count = 0;
    bool has_name = false;
    for (const auto& [col, cell] : cells) {
      const auto f = recognise_heading(trim(cell.text));
      if (!f) continue;
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
                        "Nature, Council role, Lead partner, Partners, ..."});
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

  // The columns, left to right.
  std::set<std::uint32_t> cols;
  for (std::uint32_t r = hr; r <= deepest; ++r)
    if (const auto it = sheet.rows.find(r); it != sheet.rows.end())
      for (const auto& [c, cell] : it->second) cols.insert(c);
  std::set<std::uint32_t> covered;
  for (std::uint32_t c : cols) {
    if (covered.count(c)) continue;
    Column column;
    column.col = column.last_col = c;
    const MergedRange* group = nullptr;
    for (const auto& [c0, m] : across)
      if (c >= c0 && c <= m.last_col) group = &m;
    if (group && has_sub_headings(sheet, hr, *group)) {
      // A heading over sub-headings.
      const std::string top = text_at(sheet, hr, group->first_col);
      const std::string sub = text_at(sheet, hr + 1, c);
      if (sub.empty()) continue;
      column.heading = sub;
      const auto top_field = recognise_heading(top);
      if (top_field == Field::themes) {
        column.field = Field::theme;
        column.theme = sub;
      } else if (const auto f = recognise_heading(sub)) {
        column.field = *f;
      } else if (const auto both = recognise_heading(top + " " + sub)) {
        column.field = *both;
        column.heading = top + " " + sub;
      } else {
        column.heading = top + " " + sub;
      }
    } else {
      column.heading = text_at(sheet, hr, c);
      if (column.heading.empty()) column.heading = text_at(sheet, hr + 1 <= deepest ? hr + 1 : hr, c);
      if (column.heading.empty()) continue;
      if (group && group->first_col == c) {
        column.last_col = group->last_col;
        for (std::uint32_t k = c; k <= group->last_col; ++k) covered.insert(k);
      }
      if (const auto t = theme_heading(column.heading)) {
        column.field = Field::theme;
        column.theme = *t;
      } else if (const auto f = recognise_heading(column.heading)) {
        column.field = *f;
      }
    }
    layout.columns.push_back(std::move(column));
  }

  // Columns with a heading partnermap does not know: a theme when every value is a tick, else kept.
  std::set<std::string> extra_keys;
  for (Column& column : layout.columns) {
    if (column.field != Field::extra || !column.extra_key.empty()) continue;
    bool any = false, all_ticks = true;
    for (auto it = sheet.rows.lower_bound(layout.first_data_row); it != sheet.rows.end(); ++it) {
      const auto c = it->second.find(column.col);
      if (c == it->second.end()) continue;
      any = true;
      all_ticks &= is_tick_mark(c->second.text);
    }
    const std::string place = cell_place(sheet, hr, column.col, column.heading);
    if (any && all_ticks) {
      column.field = Field::theme;
      column.theme = column.heading;
      continue;
    }
    column.extra_key = extra_key(column.heading);
    while (extra_keys.count(column.extra_key)) column.extra_key += "_2";
    extra_keys.insert(column.extra_key);
    std::string message = "not a column partnermap knows";
    const std::string near = suggest_heading(column.heading);
    if (!near.empty()) message += " (did you mean " + quote_text(near) + "?)";
    message += any ? "; its values are kept on each partnership as " + quote_text(column.extra_key)
                   : "; it has no values, so it is left out";
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
    if (column.field == Field::extra) continue;
    if (const auto it = seen.find(column.field); it != seen.end()) {
      problems.push_back({Severity::error, place,
                          "this is the " + quote_text(field_title(column.field)) + " column again (column " +
                              column_letters(it->second->col) + " " + quote_text(it->second->heading) +
                              " is one already); keep one, or rename the other"});
      continue;
    }
    seen[column.field] = &column;
  }
  if (!seen.count(Field::nature))
    problems.push_back({Severity::error, row_place(sheet, hr),
                        "no \"Nature\" column: every partnership needs its nature (strategic, operational, funding or "
                        "project); add a column headed \"Nature\""});
  return layout;
}

}  // namespace partnermap::import
