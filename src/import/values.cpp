#include "import/values.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "import/text.h"

namespace partnermap::import {

namespace {

const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                               "july",    "august",   "september", "october", "november", "december"};

std::string month_name(int m) {
  std::string s = kMonths[m - 1];
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A plain decimal number: digits, at most one point, nothing else. Refuses "1e5", "0x10", "inf".
std::optional<double> plain_number(std::string_view s) {
  std::size_t digits = 0, points = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c == '.') ++points;
    else return std::nullopt;
  }
  if (digits == 0 || points > 1 || digits > 15) return std::nullopt;
  return std::strtod(std::string(s).c_str(), nullptr);
}

// A figure for a message: at most two decimals, none when whole.
std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string out = buf;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::string strip_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

std::string sample_date_advice() {
  return "write it as day/month/year (31/12/2005), as 2005-12-31 or as 31 December 2005";
}

Read<Date> day_month_year(int d, int m, int y, const std::string& text) {
  if (y < 1000 || y > 9999) return Read<Date>::bad(quote_text(text) + " is not a date partnermap can use: the year must be between 1000 and 9999");
  if (m < 1 || m > 12) {
    std::string why = quote_text(text) + " is not a date: there is no month " + std::to_string(m) +
                      "; dates are read day/month/year (UK order)";
    if (d >= 1 && d <= 12 && m <= days_in_month(y, d)) {
      why += ", so write " + std::to_string(m) + "/" + std::to_string(d) + "/" + std::to_string(y) + " for " +
             std::to_string(m) + " " + month_name(d) + " " + std::to_string(y);
      why += " (or " + to_iso(from_civil({y, d, m})) + ")";
    } else {
      why += "; " + sample_date_advice();
    }
    return Read<Date>::bad(why);
  }
  if (d < 1 || d > days_in_month(y, m))
    return Read<Date>::bad(quote_text(text) + " is not a date: " + month_name(m) + " " + std::to_string(y) + " has no day " + std::to_string(d));
  return Read<Date>::ok(from_civil({y, m, d}));
}

std::optional<int> small_int(std::string_view s) {
  if (!all_digits(s) || s.size() > 4) return std::nullopt;
  return std::atoi(std::string(s).c_str());
}

}  // namespace

std::optional<Date> from_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return std::nullopt;  // 9999-12-31
  const int whole = static_cast<int>(std::floor(serial));
  if (date1904) return Date{from_civil({1904, 1, 1}).days + whole};
  if (whole < 1) return std::nullopt;
  // Serial 60 is 29 February 1900, which Excel counts though it never was; after it, one day less.
  if (whole == 60) return std::nullopt;
  const int base = from_civil({1899, 12, 31}).days;
  return Date{base + whole - (whole > 60 ? 1 : 0)};
}

namespace {

// A spreadsheet number read as a date must fall in these years: a partnership dated 1905 is a year
// (2016) or a count read as a serial, not a date anyone meant.
constexpr int kFirstSerialYear = 1950, kLastSerialYear = 2099;

std::string accepted_forms() { return sample_date_advice(); }

std::string long_date(Date d) {
  const YearMonthDay c = to_civil(d);
  return std::to_string(c.day) + " " + month_name(c.month) + " " + std::to_string(c.year);
}

Read<Date> from_number(double v, bool date1904, const std::string& text) {
  if (v == std::floor(v) && v >= 1000 && v <= 2200) {
    const std::string year = std::to_string(static_cast<int>(v));
    return Read<Date>::bad(quote_text(text) + " is a year, not a date: write the day it stands for as day/month/year (1/4/" +
                           year + "), as " + year + "-04-01 or as 1 April " + year + " (or April " + year +
                           " for a month)");
  }
  const auto d = from_serial(v, date1904);
  if (!d) return Read<Date>::bad(quote_text(text) + " is not a date: as a spreadsheet date number it is out of range; " + accepted_forms());
  const int year = to_civil(*d).year;
  if (year < kFirstSerialYear || year > kLastSerialYear)
    return Read<Date>::bad(quote_text(text) + " is not a date partnermap can be sure of: as a spreadsheet date number it is " +
                           long_date(*d) + ", outside " + std::to_string(kFirstSerialYear) + " to " +
                           std::to_string(kLastSerialYear) + "; " + accepted_forms());
  return Read<Date>::ok(*d);
}

std::optional<int> month_word(const std::string& word) {
  const std::string w = lower_ascii(word);
  if (w.size() < 3) return std::nullopt;
  for (int m = 1; m <= 12; ++m)
    if (std::string(kMonths[m - 1]).rfind(w, 0) == 0 || (w == "sept" && m == 9)) return m;
  return std::nullopt;
}

Read<Date> first_of_month(int m, int y, const std::string& text) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12) return Read<Date>::bad(quote_text(text) + " is not a date; " + accepted_forms());
  const Date d = from_civil({y, m, 1});
  return Read<Date>::ok(d, quote_text(text) + " gives no day, so it is read as " + long_date(d) +
                               ", the first of the month; write the day if it is another");
}

// The words of a date, commas and ordinal endings aside: "1st April, 2016" is 1 April 2016.
std::vector<std::string> date_words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text + " ") {
    if (c == ' ' || c == ',') {
      if (w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0]))) {
        const std::string end = lower_ascii(w.substr(w.size() - 2));
        if (end == "st" || end == "nd" || end == "rd" || end == "th") w.resize(w.size() - 2);
      }
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

}  // namespace

Read<Date> read_date(const SheetCell& cell, bool date1904) {
  if (cell.date) return Read<Date>::ok(*cell.date);
  const std::string text = trim(cell.text);
  if (cell.number) return from_number(*cell.number, date1904, text);
  // ISO, with a time after it as some programs write: 2005-12-31T00:00:00.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4))) {
    const std::string day = text.substr(0, 10);
    if (text.size() == 10 || text[10] == 'T' || text[10] == ' ') {
      if (const auto d = parse_iso_date(day)) return Read<Date>::ok(*d);
      return Read<Date>::bad(quote_text(text) + ": " + iso_date_problem(day));
    }
  }
  if (const auto v = plain_number(text); v && all_digits(text.substr(0, text.find('.')))) return from_number(*v, date1904, text);
  // A month and year: 04/2016, 4-2016, 2016-04.
  for (char sep : {'/', '-', '.'}) {
    const auto a = text.find(sep);
    if (a == std::string::npos || text.find(sep, a + 1) != std::string::npos) continue;
    const std::string x = text.substr(0, a), y = text.substr(a + 1);
    if (!all_digits(x) || !all_digits(y)) continue;
    if (x.size() <= 2 && y.size() == 4) return first_of_month(std::atoi(x.c_str()), std::atoi(y.c_str()), text);
    if (x.size() == 4 && y.size() <= 2) return first_of_month(std::atoi(y.c_str()), std::atoi(x.c_str()), text);
  }
  // Day, month and year separated by / - or .
  for (char sep : {'/', '-', '.'}) {
    const auto a = text.find(sep);
    if (a == std::string::npos) continue;
    const auto b = text.find(sep, a + 1);
    if (b == std::string::npos || text.find(sep, b + 1) != std::string::npos) continue;
    const auto p1 = small_int(text.substr(0, a)), p2 = small_int(text.substr(a + 1, b - a - 1)),
               p3 = small_int(text.substr(b + 1));
    if (!p1 || !p2 || !p3) continue;
    if (text.substr(0, a).size() == 4) return day_month_year(*p3, *p2, *p1, text);  // 2005/12/31
    if (text.substr(b + 1).size() != 4)
      return Read<Date>::bad(quote_text(text) + " is not a date partnermap can be sure of: write the year in full (31/12/2005, not 31/12/05)");
    return day_month_year(*p1, *p2, *p3, text);
  }
  // Words: 31 December 2005, 31 Dec 2005, 1st April, 2016; a month and year: April 2016.
  const std::vector<std::string> words = date_words(text);
  if (words.size() == 3) {
    const auto d = small_int(words[0]), y = small_int(words[2]);
    const auto m = month_word(words[1]);
    if (d && y && m) return day_month_year(*d, *m, *y, text);
  }
  if (words.size() == 2) {
    const auto m = month_word(words[0]);
    const auto y = small_int(words[1]);
    if (m && y && words[1].size() == 4) return first_of_month(*m, *y, text);
  }
  return Read<Date>::bad(quote_text(text) + " is not a date; " + accepted_forms());
}

Read<Date> read_date_text(std::string_view text) {
  SheetCell cell;
  cell.text = std::string(text);
  return read_date(cell, false);
}

Read<double> read_money(const SheetCell& cell) {
  const std::string text = trim(cell.text);
  if (cell.number) {
    if (!std::isfinite(*cell.number) || *cell.number < 0)
      return Read<double>::bad(quote_text(text) + " is not an amount partnermap can use: write pounds a year, 0 or more");
    return Read<double>::ok(*cell.number);
  }
  std::string s = strip_spaces(text);
  if (s.rfind("\xC2\xA3", 0) == 0) s.erase(0, 2);  // £
  if (lower_ascii(s).rfind("gbp", 0) == 0) s.erase(0, 3);
  std::string digits;
  for (char c : s)
    if (c != ',') digits += c;
  if (!digits.empty() && digits[0] == '-')
    return Read<double>::bad(quote_text(text) + " is negative: write the pounds a year, 0 or more");
  if (const auto v = plain_number(digits)) return Read<double>::ok(*v);
  return Read<double>::bad(quote_text(text) + " is not an amount of money: write pounds a year as a number, such as 85000 or \xC2\xA3" "85,000");
}

namespace {

// What follows the number of hours, letters only: "hrs/month" is "hrsmonth". Empty, a unit of hours,
// a month, or both are hours a month; a week or a year are other figures.
enum class Per { month, week, year, unknown };
Per hours_unit(const std::string& rest) {
  std::string w;
  for (char c : lower_ascii(rest))
    if (c >= 'a' && c <= 'z') w += c;
  for (const char* h : {"hours", "hour", "hrs", "hr", "h"})
    if (w.rfind(h, 0) == 0) {
      w.erase(0, std::string(h).size());
      break;
    }
  for (const char* p : {"per", "a", "each", "every", "p"})
    if (w.rfind(p, 0) == 0 && w.size() > std::string(p).size()) {
      w.erase(0, std::string(p).size());
      break;
    }
  static const std::set<std::string> month = {"", "month", "months", "monthly", "mth", "mnth", "m", "pm", "pcm", "cm"};
  if (month.count(w)) return Per::month;
  if (w == "week" || w == "wk" || w == "w" || w == "weekly" || w == "pw") return Per::week;
  if (w == "year" || w == "yr" || w == "annum" || w == "annually" || w == "pa" || w == "y") return Per::year;
  return Per::unknown;
}

// An officer's estimate is the figure: "c. 30", "~30", "about 30", "30 (approx)" are 30.
std::string without_estimate_words(std::string text) {
  const std::string l = lower_ascii(text);
  for (const char* w : {"approximately", "approx.", "approx", "about", "around", "roughly", "circa", "est.", "c.", "c ", "~"})
    if (l.rfind(w, 0) == 0) return trim(text.substr(std::string(w).size()));
  for (const char* w : {"(approx)", "(approx.)", "(approximately)", "(estimate)", "(estimated)", "(est)", "(est.)", "approx", "approx."}) {
    const std::string s = w;
    if (l.size() > s.size() && l.compare(l.size() - s.size(), s.size(), s) == 0) return trim(text.substr(0, text.size() - s.size()));
  }
  return text;
}

}  // namespace

Read<double> read_hours(std::string_view raw) {
  const std::string given = trim(raw);
  const std::string text = without_estimate_words(given);
  const std::string advice = "write the hours a month as a number, such as 20";
  if (!text.empty() && text[0] == '-') return Read<double>::bad(quote_text(given) + " is negative: write the hours a month, 0 or more");
  std::size_t n = 0;
  while (n < text.size() && ((text[n] >= '0' && text[n] <= '9') || text[n] == '.')) ++n;
  const auto v = plain_number(text.substr(0, n));
  if (v && n < text.size() && (text[n] == '-' || text.compare(n, 4, " to ") == 0 || text.compare(n, 3, " - ") == 0))
    return Read<double>::bad(quote_text(given) + " is a range: write one figure for the hours a month, such as the middle of it");
  if (!v || text.find_first_of("0123456789", n) != std::string::npos)
    return Read<double>::bad(quote_text(given) + " is not a number of hours: " + advice);
  switch (hours_unit(text.substr(n))) {
    case Per::month: return Read<double>::ok(*v);
    case Per::week:
      return Read<double>::bad(quote_text(text) + " is hours a week: the register holds hours a month; write " +
                               number_text(*v * 52 / 12) + " (" + number_text(*v) + " a week for 52 weeks, over 12 months)");
    case Per::year:
      return Read<double>::bad(quote_text(text) + " is hours a year: the register holds hours a month; write " +
                               number_text(*v / 12));
    case Per::unknown: break;
  }
  return Read<double>::bad(quote_text(text) + " is not a number of hours: " + advice);
}

Read<double> read_hours(const SheetCell& cell) {
  if (cell.number) {
    if (!std::isfinite(*cell.number) || *cell.number < 0)
      return Read<double>::bad(quote_text(cell.text) + " is not a number of hours partnermap can use: write the hours a month, 0 or more");
    return Read<double>::ok(*cell.number);
  }
  return read_hours(cell.text);
}

Read<int> read_count(const SheetCell& cell) {
  const std::string text = trim(cell.text);
  double v = -1;
  if (cell.number) v = *cell.number;
  else if (const auto p = plain_number(text)) v = *p;
  else return Read<int>::bad(quote_text(text) + " is not a number: write a whole number, such as 3");
  if (!std::isfinite(v) || v < 0 || v != std::floor(v) || v > 1e9)
    return Read<int>::bad(quote_text(text) + " is not a whole number of 0 or more");
  return Read<int>::ok(static_cast<int>(v));
}

bool is_tick_mark(std::string_view raw) {
  const std::string t = trim(raw);
  return t == "\xE2\x9C\x93" || t == "\xE2\x9C\x94" || t == "\xE2\x98\x91";  // ✓ ✔ ☑
}

Read<bool> read_tick(const SheetCell& cell) {
  const std::string t = lower_ascii(trim(cell.text));
  if (t.empty()) return Read<bool>::ok(false);
  if (is_tick_mark(t) || t == "x" || t == "yes" || t == "y" || t == "true" || t == "1") return Read<bool>::ok(true);
  if (t == "no" || t == "n" || t == "false" || t == "0" || t == "-") return Read<bool>::ok(false);
  return Read<bool>::bad(quote_text(trim(cell.text)) + " is not a tick: mark a theme the partnership serves with \xE2\x9C\x93 (or x, yes) and leave the others empty");
}

namespace {

template <class T>
Read<T> pick(std::string_view raw, const std::vector<std::pair<const char*, T>>& words, const std::vector<std::string>& names,
             const char* what, const char* list) {
  const std::string text = trim(raw);
  const std::string key = lower_ascii(text);
  for (const auto& [w, v] : words)
    if (key == w) return Read<T>::ok(v);
  std::string why = quote_text(text) + " is not " + what;
  const std::string near = nearest(key, names);
  if (!near.empty()) why += " (did you mean " + quote_text(near) + "?)";
  why += "; ";
  why += list;
  return Read<T>::bad(why);
}

}  // namespace

Read<Nature> read_nature(std::string_view text) {
  std::string t = trim(text);
  const std::string suffix = " partnership";
  if (lower_ascii(t).size() > suffix.size() && lower_ascii(t).compare(t.size() - suffix.size(), suffix.size(), suffix) == 0)
    t.resize(t.size() - suffix.size());
  return pick<Nature>(t,
                      {{"strategic", Nature::strategic}, {"operational", Nature::operational},
                       {"funding", Nature::funding}, {"project", Nature::project}},
                      {"strategic", "operational", "funding", "project"}, "a nature",
                      "the natures are strategic, operational, funding and project");
}

Read<std::optional<Role>> read_council_role(std::string_view text) {
  using R = std::optional<Role>;
  return pick<R>(text,
                 {{"lead", Role::lead}, {"leads", Role::lead}, {"leading", Role::lead}, {"lead partner", Role::lead},
                  {"joint lead", Role::lead}, {"co-lead", Role::lead}, {"co lead", Role::lead}, {"colead", Role::lead},
                  {"lead (joint)", Role::lead}, {"shared lead", Role::lead}, {"joint lead partner", Role::lead},
                  {"support", Role::support}, {"supports", Role::support}, {"supporting", Role::support},
                  {"member", Role::support}, {"partner", Role::support},
                  {"observer", Role::observer}, {"observes", Role::observer}, {"observing", Role::observer},
                  {"not a member", R()}, {"not member", R()}, {"none", R()}, {"no", R()}, {"n/a", R()}, {"-", R()}},
                 {"lead", "support", "observer", "not a member"}, "a Council role",
                 "write lead, support, observer or not a member");
}

Read<Stage> read_stage(std::string_view text) {
  return pick<Stage>(text,
                     {{"deciding", Stage::deciding}, {"establishing", Stage::establishing}, {"running", Stage::running},
                      {"evaluating", Stage::evaluating}, {"exiting", Stage::exiting}, {"exit", Stage::exiting},
                      {"exit or succession", Stage::exiting},
                      // the words officers use for a stage in a status column
                      {"proposed", Stage::deciding}, {"planned", Stage::deciding}, {"in development", Stage::establishing},
                      {"being set up", Stage::establishing}, {"new", Stage::establishing}, {"active", Stage::running},
                      {"live", Stage::running}, {"ongoing", Stage::running}, {"operational", Stage::running},
                      {"under review", Stage::evaluating}, {"being reviewed", Stage::evaluating},
                      {"closing", Stage::exiting}, {"ending", Stage::exiting}, {"winding down", Stage::exiting}},
                     {"deciding", "establishing", "running", "evaluating", "exiting"}, "a stage",
                     "the stages are deciding, establishing, running, evaluating and exiting");
}

Read<ExitStrategy> read_exit(std::string_view text) {
  return pick<ExitStrategy>(text,
                            {{"mainstreaming", ExitStrategy::mainstreaming}, {"mainstream", ExitStrategy::mainstreaming},
                             {"succession", ExitStrategy::succession}, {"exit", ExitStrategy::exit},
                             {"none", ExitStrategy::none}},
                            {"mainstreaming", "succession", "exit", "none"}, "an exit strategy",
                            "write mainstreaming, succession, exit or none");
}

Read<Risk> read_risk(std::string_view text) {
  return pick<Risk>(text,
                    {{"high", Risk::high}, {"h", Risk::high}, {"red", Risk::high}, {"medium", Risk::medium},
                     {"med", Risk::medium}, {"m", Risk::medium}, {"amber", Risk::medium}, {"low", Risk::low},
                     {"l", Risk::low}, {"green", Risk::low}},
                    {"high", "medium", "low"}, "a risk rating", "write high, medium or low");
}

NamedMember read_member(const std::string& item) {
  NamedMember m{trim(item), Role::support, false};
  if (m.name.empty() || m.name.back() != ')') return m;
  const auto open = m.name.rfind('(');
  if (open == std::string::npos || open == 0) return m;
  const std::string inside = fold(m.name.substr(open + 1, m.name.size() - open - 2));
  static const std::set<std::string> leads = {"lead", "leads", "leadpartner", "jointlead", "jointleadpartner", "colead",
                                              "coleadpartner", "leadbody", "leadorganisation", "jointleads", "sharedlead"};
  static const std::set<std::string> observers = {"observer", "observers", "observing", "observes", "observerstatus"};
  static const std::set<std::string> supports = {"support", "supporting", "supports", "member", "partner", "supportpartner"};
  std::optional<Role> role;
  if (leads.count(inside)) role = Role::lead;
  else if (observers.count(inside)) role = Role::observer;
  else if (supports.count(inside)) role = Role::support;
  if (!role) return m;
  m.name = trim(m.name.substr(0, open));
  m.role = *role;
  m.role_given = true;
  return m;
}

Read<UnitTime> read_unit_time(const std::string& item) {
  UnitTime u;
  std::string rest = trim(item);
  // The officer in brackets at the end: "Housing: 20 (Community Safety Officer)".
  if (!rest.empty() && rest.back() == ')') {
    int depth = 0;
    for (std::size_t i = rest.size(); i-- > 0;) {
      if (rest[i] == ')') ++depth;
      else if (rest[i] == '(' && --depth == 0) {
        const std::string before = trim(rest.substr(0, i));
        // Only when hours come before it; "Culture (Leisure)" alone is a unit's name.
        if (before.find_first_of("0123456789") != std::string::npos) {
          u.officer = trim(rest.substr(i + 1, rest.size() - i - 2));
          rest = before;
        }
        break;
      }
    }
  }
  const std::string advice = "write the unit's hours a month after a colon, such as \"Housing: 20\"";
  const auto colon = rest.rfind(':');
  if (colon != std::string::npos) {
    u.unit = trim(rest.substr(0, colon));
    const std::string hours = trim(rest.substr(colon + 1));
    if (u.unit.empty()) return Read<UnitTime>::bad(quote_text(item) + " names no Business Unit before the colon");
    if (hours.empty()) return Read<UnitTime>::bad("no hours for " + quote_text(u.unit) + ": " + advice);
    const Read<double> h = read_hours(hours);
    if (!h.value) return Read<UnitTime>::bad(h.problem + " (for " + quote_text(u.unit) + ")");
    u.hours = *h.value;
    return Read<UnitTime>::ok(u);
  }
  // The matrix's own form: "Housing Services 12", "Housing Services 12 hours", "Housing 12hrs/month".
  // Only the last few characters can be the hours, so a long cell is not tried at every space.
  constexpr std::size_t kHoursText = 40;
  const std::size_t from = rest.size() > kHoursText ? rest.size() - kHoursText : 0;
  for (std::size_t space = rest.find(' ', from); space != std::string::npos; space = rest.find(' ', space + 1)) {
    if (space + 1 >= rest.size() || rest[space + 1] < '0' || rest[space + 1] > '9') continue;
    const std::string name = trim(rest.substr(0, space)), hours = trim(rest.substr(space + 1));
    if (name.empty()) continue;
    if (const Read<double> h = read_hours(hours); h.value) {
      u.unit = name;
      u.hours = *h.value;
      return Read<UnitTime>::ok(u);
    }
  }
  return Read<UnitTime>::bad("no hours for " + quote_text(rest) + ": " + advice);
}

}  // namespace partnermap::import
