#include "import/policy_sheet.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "import/layout.h"
#include "import/text.h"
#include "import/values.h"
#include "load/policy_reader.h"
#include "partnermap/policy.h"

namespace partnermap::import {

namespace {

using nlohmann::json;

// Words that carry no meaning of their own in a setting's label: "What do we call our themes?"
// is "themes".
const std::set<std::string> kFiller = {"a",    "an",   "the",  "of",   "for",  "our",  "we",    "us",   "what",
                                       "how",  "is",   "are",  "be",   "to",   "in",   "on",    "do",   "does",
                                       "you",  "your", "its",  "it",   "this", "that", "which", "call", "called",
                                       "calls", "word", "words", "term", "terms", "name", "names", "at", "by",
                                       "as",   "and",  "or",   "s",    "setting", "value", "use", "uses", "used",
                                       "per",  "cent", "percent", "pct", "share", "threshold", "level", "limit",
                                       "from", "e", "g", "eg", "ie", "i"};

// Words that mean the same here.
const std::map<std::string, std::string> kSame = {{"cites", "source"},      {"cite", "source"},   {"cited", "source"},
                                                  {"citation", "source"},  {"sources", "source"}, {"month", "months"},
                                                  {"year", "years"},        {"overload", "overloaded"},
                                                  {"dominate", "dominates"}, {"dominance", "dominates"},
                                                  {"satisfied", "satisfaction"}};

std::vector<std::string> label_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (const auto same = kSame.find(word); same != kSame.end()) word = same->second;
    if (!kFiller.count(word)) out.push_back(word);
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) word += static_cast<char>(std::tolower(u));
    else flush();
  }
  flush();
  return out;
}

struct Setting {
  std::string key;
  std::vector<std::string> phrases;  // what councils write for it, besides the key itself
};

// Each phrase is matched by its words (after label_words): a label names the setting whose phrase
// has the most words all found in it; a tie between two settings is refused as unclear.
const std::vector<Setting>& settings() {
  static const std::vector<Setting> k = [] {
    std::vector<Setting> s = {
        {"theme", {"theme", "one theme", "theme singular", "themes singular", "priority", "priorities singular",
                   "corporate priority", "objective", "outcome", "ambition", "aim"}},
        {"themes", {"themes", "themes plural", "theme plural", "priorities", "priority plural", "corporate priorities",
                    "objectives", "outcomes", "ambitions", "aims"}},
        {"unit", {"unit", "one unit", "units singular", "business unit", "service area", "service", "directorate",
                  "department", "division", "team", "area", "part council"}},
        {"units", {"units", "unit plural", "business units", "service areas", "services", "directorates",
                   "departments", "divisions", "teams", "areas", "parts council"}},
        {"policy", {"policy", "policy document", "partnership policy", "framework", "partnership framework",
                    "strategy", "document", "protocol", "partnership protocol"}},
        {"review", {"review", "partnership review", "health check", "review process", "review called", "assessment"}},
        {"stretched", {"stretched", "stretched capacity", "unit stretched"}},
        {"overloaded", {"overloaded", "over capacity", "above capacity", "capacity exceeded", "unit overloaded", "overstretched"}},
        {"lead_share", {"lead", "leads", "council leads", "led", "dominates", "lead partnerships", "leads most"}},
        {"satisfaction", {"satisfaction", "low satisfaction", "stakeholder satisfaction"}},
        {"review_months", {"review months", "review interval", "review every", "review overdue", "review due",
                           "reviews months", "between reviews", "months between reviews", "overdue", "review frequency"}},
        {"funding_horizon_months", {"funding horizon", "horizon", "posts risk", "funding ends", "funding ends within",
                                    "post funding", "posts funding", "funding end", "posts funded"}},
        {"significant_contribution", {"significant contribution", "council contribution", "contribution",
                                      "council resource", "significant resource", "significant council contribution",
                                      "significant council resource"}},
        {"significant_budget", {"significant budget", "budget", "total budget", "significant total budget"}},
        {"significant_accountable_body", {"accountable body", "significant accountable body", "council accountable body"}},
        {"significant_high_risk", {"high risk", "significant high risk", "significant risk"}},
        {"significant_years", {"years", "significant years", "years longer", "significant years longer", "duration",
                               "long running", "runs years"}},
        {"significant_when", {"significant when", "criteria", "criteria hold", "how many criteria", "significant criteria",
                              "number criteria", "criteria needed", "criteria must hold"}},
    };
    for (const std::string& check : load::source_checks()) {
      std::string words = check;
      std::replace(words.begin(), words.end(), '-', ' ');
      s.push_back({"sources." + check, {"source " + words, words + " source", "source " + words + " finding",
                                        "sources " + check}});
    }
    for (Setting& setting : s) {
      std::string key = setting.key;
      std::replace(key.begin(), key.end(), '_', ' ');
      setting.phrases.push_back(key);
    }
    return s;
  }();
  return k;
}

// Whether every word of `phrase` is among `words`.
bool holds(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty()) return false;
  for (const std::string& w : phrase)
    if (std::find(words.begin(), words.end(), w) == words.end()) return false;
  return true;
}

std::string text_of(const SheetCell* c) { return c ? trim(c->text) : std::string(); }

bool is_empty_word(const std::string& text) {
  const std::string l = lower_ascii(trim(text));
  return l.empty() || l == "-" || l == "n/a" || l == "\xE2\x80\x93";
}

std::optional<double> number_in(std::string text) {
  text = trim(text);
  std::string plain;
  for (char c : text)
    if (c != ',' && c != ' ') plain += c;
  if (plain.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(plain.c_str(), &end);
  if (end != plain.c_str() + plain.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A value read, or why not.
struct Value {
  json value;
  std::string problem;
};
Value bad(std::string why) { return {json(), std::move(why)}; }

// What each kind of setting accepts, as messages say it.
constexpr const char* kShareForm = "write a percentage such as 85%, or a share such as 0.85";

// 85%, 85 %, 0.85; a plain number above 2 is read as a percentage (85 is 85%), for nobody means
// a unit over capacity at 8,500%.
Value read_share(const SheetCell& cell, double max, bool positive) {
  const std::string text = trim(cell.text);
  std::optional<double> share;
  if (cell.number && text.find('%') == std::string::npos) share = *cell.number;
  else if (!text.empty() && text.back() == '%') {
    if (const auto n = number_in(text.substr(0, text.size() - 1))) share = *n / 100;
  } else share = number_in(text);
  if (!share) return bad(quote_text(text) + " is not a percentage; " + kShareForm);
  if (!text.empty() && text.back() != '%' && *share > 2) *share /= 100;
  if (*share < 0 || *share > max || (positive && *share == 0))
    return bad(quote_text(text) + " is out of range: give a percentage " + (positive ? "above 0%" : "from 0%") +
               " up to " + std::to_string(static_cast<int>(max * 100)) + "%; " + kShareForm);
  return {*share, {}};
}

// 6, "6 months", "1 year".
Value read_months(const SheetCell& cell, int lowest, int highest) {
  const std::string text = trim(cell.text);
  const std::string form = "write a whole number of months from " + std::to_string(lowest) + " to " +
                           std::to_string(highest) + ", such as 6 or \"6 months\"";
  std::optional<double> months;
  if (cell.number) months = *cell.number;
  else {
    const std::vector<std::string> w = label_words(text);
    std::string digits = lower_ascii(text);
    for (const char* unit : {"months", "month", "years", "year"}) {
      const auto at = digits.find(unit);
      if (at != std::string::npos) digits = digits.substr(0, at);
    }
    if (const auto n = number_in(digits)) {
      const bool years = std::find(w.begin(), w.end(), "years") != w.end();
      months = years ? *n * 12 : *n;
    }
  }
  if (!months || *months != std::floor(*months)) return bad(quote_text(text) + " is not a number of months; " + form);
  if (*months < lowest || *months > highest) return bad(quote_text(text) + " is out of range; " + form);
  return {static_cast<int>(*months), {}};
}

// Words that switch a criterion off.
bool is_off(const std::string& text) {
  const std::string l = lower_ascii(trim(text));
  return l == "none" || l == "off" || l == "no" || l == "not used" || l == "not a criterion" || l == "n/a";
}

Value read_pounds(const SheetCell& cell) {
  if (is_off(cell.text)) return {0, {}};
  const Read<double> money = read_money(cell);
  if (!money.value) return bad(money.problem + " (or \"none\" when it is not a criterion)");
  if (*money.value > 1e10) return bad(quote_text(trim(cell.text)) + " is more than ten billion pounds a year; write pounds a year, such as 50000 or \xC2\xA3" "50,000");
  // Whole pounds are written as a whole number, as a register writes them.
  if (*money.value == std::floor(*money.value)) return {static_cast<long long>(*money.value), {}};
  return {*money.value, {}};
}

Value read_years(const SheetCell& cell) {
  if (is_off(cell.text)) return {0, {}};
  const std::string text = trim(cell.text);
  std::string digits = lower_ascii(text);
  for (const char* unit : {"years", "year"})
    if (const auto at = digits.find(unit); at != std::string::npos) digits = digits.substr(0, at);
  const auto n = cell.number ? cell.number : number_in(digits);
  if (!n || *n < 0 || *n > 100 || *n != std::floor(*n))
    return bad(quote_text(text) + " is not a number of years; write a whole number from 0 to 100, such as 5 (0 or \"none\" when it is not a criterion)");
  return {static_cast<int>(*n), {}};
}

Value read_whole(const SheetCell& cell, int lowest, int highest) {
  const std::string text = trim(cell.text);
  const auto n = cell.number ? cell.number : number_in(text);
  if (!n || *n < lowest || *n > highest || *n != std::floor(*n))
    return bad(quote_text(text) + " is not a whole number from " + std::to_string(lowest) + " to " + std::to_string(highest) +
               "; write one, such as " + std::to_string(lowest));
  return {static_cast<int>(*n), {}};
}

Value read_yes_no(const SheetCell& cell) {
  const std::string t = lower_ascii(trim(cell.text));
  if (t == "yes" || t == "y" || t == "true" || t == "1" || t == "x" || is_tick_mark(t)) return {true, {}};
  if (t == "no" || t == "n" || t == "false" || t == "0") return {false, {}};
  return bad(quote_text(trim(cell.text)) + " is not yes or no; write yes when it makes a partnership significant, else no");
}

Value read_words(const SheetCell& cell) {
  const std::string text = trim(cell.text);
  if (text.empty()) return bad("is empty; write the words the council uses");
  return {text, {}};
}

Value read_value(const std::string& key, const SheetCell& cell) {
  if (key == "stretched" || key == "overloaded") return read_share(cell, 10, true);
  if (key == "lead_share" || key == "satisfaction") return read_share(cell, 1, false);
  if (key == "review_months") return read_months(cell, 1, 120);
  if (key == "funding_horizon_months") return read_months(cell, 0, 240);
  if (key == "significant_contribution" || key == "significant_budget") return read_pounds(cell);
  if (key == "significant_accountable_body" || key == "significant_high_risk") return read_yes_no(cell);
  if (key == "significant_years") return read_years(cell);
  if (key == "significant_when") return read_whole(cell, 1, 5);
  return read_words(cell);
}

bool is_setting_heading(const std::string& folded) {
  return folded == "setting" || folded == "settings" || folded == "policysetting" || folded == "item" ||
         folded == "parameter" || folded == "question" || folded == "policy" || folded == "what" || folded == "name";
}
bool is_value_heading(const std::string& folded) {
  return folded == "value" || folded == "ourvalue" || folded == "yourvalue" || folded == "councilvalue" ||
         folded == "answer" || folded == "choice" || folded == "ourchoice" || folded == "setto" || folded == "values" ||
         folded == "ourpolicy" || folded == "thecouncilspolicy" || folded == "ourwords";
}

struct Columns {
  std::optional<std::uint32_t> header_row;
  std::uint32_t setting = 0, value = 1;
  std::string setting_heading, value_heading;
};

// The header row among the first rows: a setting and a value heading.
Columns find_columns(const Sheet& sheet) {
  Columns out;
  int looked = 0;
  for (const auto& [row, cells] : sheet.rows) {
    if (++looked > 20) break;
    std::optional<std::uint32_t> setting, value;
    for (const auto& [col, cell] : cells) {
      const std::string f = fold(cell.text);
      if (!setting && is_setting_heading(f)) setting = col;
      else if (!value && is_value_heading(f)) value = col;
    }
    if (setting && value) {
      out.header_row = row;
      out.setting = *setting;
      out.value = *value;
      out.setting_heading = trim(sheet.cell(row, *setting)->text);
      out.value_heading = trim(sheet.cell(row, *value)->text);
      return out;
    }
  }
  return out;
}

bool is_policy_name(const std::string& sheet_name) {
  const std::string f = fold(sheet_name);
  return f == "policy" || f == "policysettings" || f == "settings" || f == "partnershippolicy" ||
         f == "policythresholds" || f == "thresholds" || f == "policyandwords" || f == "ourpolicy" ||
         f == "councilpolicy" || f == "termsandthresholds";
}

// A Policy sheet with no headings: settings in its first column, values in the next.
Columns first_two_columns(const Sheet& sheet) {
  Columns out;
  std::optional<std::uint32_t> first;
  for (const auto& [row, cells] : sheet.rows)
    for (const auto& [col, cell] : cells)
      if (!trim(cell.text).empty() && (!first || col < *first)) first = col;
  out.setting = first.value_or(0);
  out.value = out.setting + 1;
  return out;
}

}  // namespace

std::optional<std::string> recognise_setting(const std::string& words, std::vector<std::string>& candidates) {
  candidates.clear();
  const std::vector<std::string> label = label_words(words);
  std::size_t best = 0;
  for (const Setting& s : settings())
    for (const std::string& phrase : s.phrases) {
      const std::vector<std::string> p = label_words(phrase);
      if (!holds(label, p) || p.size() < best) continue;
      if (p.size() > best) {
        best = p.size();
        candidates.clear();
      }
      if (std::find(candidates.begin(), candidates.end(), s.key) == candidates.end()) candidates.push_back(s.key);
    }
  if (candidates.size() == 1) return candidates.front();
  return std::nullopt;
}

const Sheet* find_policy_sheet(const std::vector<Sheet>& sheets) {
  for (const Sheet& s : sheets)
    if (is_policy_name(s.name)) return &s;
  // By headings alone only with a heading that says "setting": a workbook's other sheets may well
  // have a Name and a Value column.
  for (const Sheet& s : sheets) {
    const Columns c = find_columns(s);
    if (!c.header_row) continue;
    const std::string f = fold(c.setting_heading);
    if (f == "setting" || f == "settings" || f == "policysetting" || f == "item" || f == "parameter") return &s;
  }
  return nullptr;
}

json read_policy_sheet(const Sheet& sheet, std::vector<Problem>& problems) {
  Columns columns = find_columns(sheet);
  if (!columns.header_row) columns = first_two_columns(sheet);
  json policy = json::object();
  std::map<std::string, std::uint32_t> rows_of;  // key -> the row that gives it
  std::map<std::string, std::uint32_t> given;    // the same, for the values read
  std::vector<std::string> labels;
  for (const PolicySetting& s : policy_settings()) labels.push_back(s.key);
  for (const auto& [row, cells] : sheet.rows) {
    if (columns.header_row && row <= *columns.header_row) continue;
    const SheetCell* label_cell = sheet.cell(row, columns.setting);
    const SheetCell* value_cell = sheet.cell(row, columns.value);
    const std::string label = text_of(label_cell), value_text = text_of(value_cell);
    if (label.empty() && value_text.empty()) continue;
    const std::string label_place = cell_place(sheet, row, columns.setting, columns.setting_heading);
    const std::string value_place = cell_place(sheet, row, columns.value, columns.value_heading);
    if (label.empty()) {
      problems.push_back({Severity::error, label_place,
                          "a value with no setting: write in column " + column_letters(columns.setting) +
                              " the setting it is for (such as \"Stretched from\")"});
      continue;
    }
    std::vector<std::string> candidates;
    const auto key = recognise_setting(label, candidates);
    if (!key) {
      // A title or note row: words with no value beside them.
      if (value_text.empty() && candidates.empty()) continue;
      std::string message = quote_text(label);
      if (!candidates.empty()) {
        message += " could be any of";
        for (std::size_t i = 0; i < candidates.size(); ++i) message += (i ? ", " : " ") + candidates[i];
        message += "; say which in more words (the template's Policy sheet has each setting's words)";
      } else {
        message += " is not a policy setting partnermap knows";
        const std::string near = nearest(lower_ascii(label), labels);
        if (!near.empty()) message += " (did you mean " + quote_text(near) + "?)";
        message += "; the settings are the rows of the template's Policy sheet (datasets/register-template.xlsx)";
      }
      problems.push_back({Severity::error, label_place, message});
      continue;
    }
    // An empty value keeps the default; a source left empty cites nothing.
    if (is_empty_word(value_text) && !(value_cell && value_cell->number)) continue;
    if (const auto it = rows_of.find(*key); it != rows_of.end()) {
      problems.push_back({Severity::error, label_place,
                          "the setting " + quote_text(*key) + " again (row " + std::to_string(it->second + 1) +
                              " gives it already); keep one row for it"});
      continue;
    }
    rows_of[*key] = row;
    const Value v = read_value(key->rfind("sources.", 0) == 0 ? "source" : *key, *value_cell);
    if (!v.problem.empty()) {
      problems.push_back({Severity::error, value_place, "the " + quote_text(label) + " setting: " + v.problem});
      continue;
    }
    given[*key] = row;
    if (key->rfind("sources.", 0) == 0) policy["sources"][key->substr(8)] = v.value;
    else policy[*key] = v.value;
  }

  // The loader's own checks (stretched above overloaded, more criteria than are switched on), each
  // placed at the row that gave the setting.
  std::vector<Problem> checked;
  load::FieldReader reader(policy, "policy", checked);
  load::read_policy(reader);
  for (Problem& p : checked) {
    const std::string prefix = "policy.";
    std::string key = p.where.rfind(prefix, 0) == 0 ? p.where.substr(prefix.size()) : std::string();
    if (key.rfind("sources.", 0) != 0) key = key.substr(0, key.find('.'));
    auto it = given.find(key);
    // A rule between two settings ("stretched" above "overloaded") is placed at the one given.
    for (auto other = given.begin(); it == given.end() && other != given.end(); ++other)
      if (p.message.find("\"" + other->first + "\"") != std::string::npos) it = other;
    p.where = it != given.end() ? cell_place(sheet, it->second, columns.value, columns.value_heading) : sheet.name;
    problems.push_back(std::move(p));
  }
  return policy;
}

}  // namespace partnermap::import

namespace partnermap {

void add_policy_sheet(const std::vector<Sheet>& sheets, Imported& imported) {
  const Sheet* sheet = import::find_policy_sheet(sheets);
  if (!sheet || sheet->name == imported.sheet) return;
  std::vector<Problem> problems;
  const nlohmann::json policy = import::read_policy_sheet(*sheet, problems);
  if (count_errors(problems) > 0) {
    for (Problem& w : imported.warnings) problems.push_back(std::move(w));
    throw InputError(std::move(problems));
  }
  for (Problem& w : problems) imported.warnings.push_back(std::move(w));
  if (policy.empty()) return;  // the template as it comes: every setting left at its default
  std::vector<Problem> ignored;  // the sheet's problems are in `problems`, at their rows
  load::FieldReader reader(policy, "policy", ignored);
  imported.reg.policy = load::read_policy(reader);
  if (!imported.reg.extra.is_object()) imported.reg.extra = nlohmann::json::object();
  imported.reg.extra["policy"] = policy;
  std::size_t settings = 0;
  for (const auto& [key, value] : policy.items()) settings += value.is_object() ? value.size() : 1;
  imported.also_read.push_back(std::to_string(settings) + (settings == 1 ? " policy setting" : " policy settings") +
                               " from \"" + sheet->name + "\"");
}

}  // namespace partnermap
