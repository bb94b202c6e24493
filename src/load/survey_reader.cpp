// A survey's tables into waves: which table a sheet is, its columns, each row checked against the
// register (who answered, about whom, for which partnership) with its place in the spreadsheet.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "import/values.h"
#include "import/zip_check.h"
#include "partnermap/import.h"
#include "partnermap/load.h"
#include "partnermap/survey.h"

namespace partnermap {

namespace {

enum class Kind { unknown, ratings, respondents };

// Lower case, letters and digits only: "Council facilitates", "council_facilitates" and
// "COUNCIL-FACILITATES" are one heading, and "Carlisle CVS" matches "carlisle c.v.s.".
std::string fold(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

const std::vector<std::string>& known_headings() {
  static const std::vector<std::string> names = {
      "respondent", "about",     "partnership", "reliable",           "mission",             "open",
      "power",      "involvement", "resources", "satisfied",          "council_facilitates", "consulted_too_often",
      "date"};
  return names;
}

// One table as read: its sheet, header row and which column holds each known heading.
struct Table {
  const Sheet* sheet = nullptr;
  std::string file;         // the file it came from
  std::string label;        // how messages name it: the CSV file, or "book.xlsx, sheet ratings"
  Kind kind = Kind::unknown;
  std::uint32_t header = 0;
  std::map<std::string, std::uint32_t> columns;  // known heading -> column
};

Table classify(const Sheet& sheet, const std::string& file, bool workbook) {
  Table t;
  t.sheet = &sheet;
  t.file = file;
  t.label = workbook ? file + ", sheet " + sheet.name : sheet.name;
  if (sheet.rows.empty()) return t;
  t.header = sheet.rows.begin()->first;
  for (const auto& [col, cell] : sheet.rows.begin()->second)
    for (const std::string& h : known_headings())
      if (fold(cell.text) == fold(h)) t.columns.emplace(h, col);
  if (t.columns.count("about")) t.kind = Kind::ratings;
  else if (t.columns.count("satisfied") || t.columns.count("council_facilitates") || t.columns.count("consulted_too_often"))
    t.kind = Kind::respondents;
  return t;
}

struct Reader {
  const Register& reg;
  std::optional<Date> date_option;
  std::vector<Problem> problems;
  std::vector<std::string> org_names, partnership_names;

  void error(const std::string& where, const std::string& message) { problems.push_back({Severity::error, where, message}); }

  std::string place(const Table& t, std::uint32_t row, const std::string& heading) const {
    std::string out = t.label + " row " + std::to_string(row + 1);
    if (auto it = t.columns.find(heading); it != t.columns.end())
      out += ", column " + column_letters(it->second) + " \"" + heading + "\"";
    return out;
  }

  std::string text(const Table& t, std::uint32_t row, const std::string& heading) const {
    auto it = t.columns.find(heading);
    if (it == t.columns.end()) return {};
    const SheetCell* c = t.sheet->cell(row, it->second);
    return c ? trim(c->text) : std::string();
  }

  // An entry of `list` named by id, by name, or by either ignoring case, spacing and punctuation.
  template <typename Entry>
  std::optional<Index> find(const std::vector<Entry>& list, const std::string& word) const {
    for (Index i = 0; i < list.size(); ++i)
      if (list[i].id == word) return i;
    for (Index i = 0; i < list.size(); ++i)
      if (list[i].name == word) return i;
    const std::string f = fold(word);
    if (f.empty()) return std::nullopt;
    for (Index i = 0; i < list.size(); ++i)
      if (fold(list[i].name) == f || fold(list[i].id) == f) return i;
    return std::nullopt;
  }

  template <typename Entry>
  std::optional<Index> lookup(const std::vector<Entry>& list, const std::vector<std::string>& names, const Table& t,
                              std::uint32_t row, const std::string& heading, const std::string& what, bool required) {
    const std::string word = text(t, row, heading);
    if (word.empty()) {
      if (required) error(place(t, row, heading), "no " + what + " given: write the " + what + "'s id or name as the register has it");
      return std::nullopt;
    }
    if (auto i = find(list, word)) return i;
    std::string message = "\"" + word + "\" is not " + (what == "organisation" ? "an " : "a ") + what + " in the register";
    if (const std::string near = nearest(word, names); !near.empty()) message += " (did you mean \"" + near + "\"?)";
    message += "; write the " + what + "'s id or name as the register has it";
    error(place(t, row, heading), message);
    return std::nullopt;
  }

  Answer answer(const Table& t, std::uint32_t row, const std::string& heading) {
    const std::string s = text(t, row, heading);
    if (s.empty()) return std::nullopt;
    if (s.size() == 1 && s[0] >= '1' && s[0] <= '4') return s[0] - '0';
    if (auto it = t.columns.find(heading); it != t.columns.end())
      if (const SheetCell* c = t.sheet->cell(row, it->second); c && c->number && *c->number >= 1 && *c->number <= 4 &&
                                                               std::floor(*c->number) == *c->number)
        return static_cast<int>(*c->number);
    error(place(t, row, heading), "\"" + s + "\" is not an answer from 1 to 4: write 1, 2, 3 or 4 (4 the highest), or leave the cell blank when the question was not answered");
    return std::nullopt;
  }

  std::optional<bool> yes_no(const Table& t, std::uint32_t row, const std::string& heading) {
    const std::string s = fold(text(t, row, heading));
    if (s.empty()) return std::nullopt;
    if (s == "yes" || s == "y" || s == "true" || s == "1") return true;
    if (s == "no" || s == "n" || s == "false" || s == "0") return false;
    error(place(t, row, heading), "\"" + text(t, row, heading) + "\" is not yes or no: write yes or no, or leave the cell blank when the question was not answered");
    return std::nullopt;
  }

  // Read as the import reads a register's dates: date cells, serial numbers, ISO and UK orders, words.
  std::optional<Date> row_date(const Table& t, std::uint32_t row) {
    auto it = t.columns.find("date");
    if (it == t.columns.end()) return std::nullopt;
    const SheetCell* c = t.sheet->cell(row, it->second);
    if (!c || (trim(c->text).empty() && !c->number && !c->date)) return std::nullopt;
    const import::Read<Date> d = import::read_date(*c, t.sheet->date1904);
    if (d.value) return d.value;
    error(place(t, row, "date"), d.problem + "; write the day the wave was answered, such as 2005-03-01 or 01/03/2005 (day/month/year)");
    return std::nullopt;
  }

  bool member(Index org, Index partnership) const {
    const auto& ms = reg.partnerships[partnership].members;
    return std::any_of(ms.begin(), ms.end(), [&](const Member& m) { return m.org == org; });
  }

  void not_member(const Table& t, std::uint32_t row, const std::string& heading, Index org, Index p) {
    error(place(t, row, heading), "\"" + reg.organisations[org].name + "\" is not a member of \"" + reg.partnerships[p].name +
                                      "\" in the register: correct the " + heading + " or the partnership, or add the membership to the register");
  }

  void need_columns(const Table& t, const std::vector<std::string>& headings, const std::string& what) {
    for (const std::string& h : headings)
      if (!t.columns.count(h))
        error(t.label + " row " + std::to_string(t.header + 1),
              "the " + what + " table has no \"" + h + "\" column: add it to the heading row (the " + what +
                  " table's headings are " + (what == "ratings" ? "respondent, about, partnership (optional), reliable, mission, open, power, involvement, resources" : "respondent, partnership, satisfied, council_facilitates, consulted_too_often") + ", and date unless --date is given)");
  }

  // The table's date: every row's `date` agrees with the others and with --date.
  std::optional<Date> table_date(const Table& t) {
    std::optional<Date> found;
    for (const auto& [row, cells] : t.sheet->rows) {
      if (row == t.header) continue;
      const std::optional<Date> d = row_date(t, row);
      if (!d) continue;
      if (date_option && *d != *date_option) {
        error(place(t, row, "date"), to_iso(*d) + " differs from --date " + to_iso(*date_option) + ": one wave has one date; correct the cell or --date");
      } else if (found && *d != *found) {
        error(place(t, row, "date"), to_iso(*d) + " differs from the table's earlier date " + to_iso(*found) + ": one table holds one wave; put each wave's answers in files of their own");
      } else {
        found = d;
      }
    }
    if (!found) found = date_option;
    if (!found) error(t.label, "no date for this wave: add a \"date\" column or give --date (such as --date 2005-03-01)");
    return found;
  }

  void read_ratings(const Table& t, SurveyWave& wave) {
    need_columns(t, {"respondent", "about", "reliable", "mission", "open", "power", "involvement", "resources"}, "ratings");
    std::set<std::tuple<Index, Index, long>> seen;
    for (const auto& [row, cells] : t.sheet->rows) {
      if (row == t.header) continue;
      const std::size_t before = problems.size();
      Rating r;
      auto who = lookup(reg.organisations, org_names, t, row, "respondent", "organisation", true);
      auto about = lookup(reg.organisations, org_names, t, row, "about", "organisation", true);
      r.partnership = lookup(reg.partnerships, partnership_names, t, row, "partnership", "partnership", false);
      for (std::size_t k = 0; k < 3; ++k) {
        r.trust[k] = answer(t, row, kTrustItems[k]);
        r.value[k] = answer(t, row, kValueItems[k]);
      }
      if (!who || !about || problems.size() != before) continue;
      r.respondent = *who;
      r.about = *about;
      if (r.respondent == r.about) {
        error(place(t, row, "about"), "\"" + reg.organisations[r.about].name + "\" rates itself: a respondent rates the other organisations only; remove the row");
        continue;
      }
      if (r.partnership) {
        if (!member(r.respondent, *r.partnership)) { not_member(t, row, "respondent", r.respondent, *r.partnership); continue; }
        if (!member(r.about, *r.partnership)) { not_member(t, row, "about", r.about, *r.partnership); continue; }
      }
      if (!seen.emplace(r.respondent, r.about, r.partnership ? long(*r.partnership) : -1L).second) {
        error(place(t, row, "respondent"), "\"" + reg.organisations[r.respondent].name + "\" rates \"" + reg.organisations[r.about].name +
                                               "\" twice" + (r.partnership ? " for \"" + reg.partnerships[*r.partnership].name + "\"" : std::string()) +
                                               ": keep one row for each rating");
        continue;
      }
      wave.ratings.push_back(r);
    }
  }

  void read_respondents(const Table& t, SurveyWave& wave) {
    need_columns(t, {"respondent", "partnership", "satisfied", "council_facilitates", "consulted_too_often"}, "respondents");
    std::set<std::pair<Index, Index>> seen;
    for (const auto& [row, cells] : t.sheet->rows) {
      if (row == t.header) continue;
      const std::size_t before = problems.size();
      RespondentAnswers a;
      auto who = lookup(reg.organisations, org_names, t, row, "respondent", "organisation", true);
      auto p = lookup(reg.partnerships, partnership_names, t, row, "partnership", "partnership", true);
      a.satisfied = answer(t, row, "satisfied");
      a.council_facilitates = answer(t, row, "council_facilitates");
      a.consulted_too_often = yes_no(t, row, "consulted_too_often");
      if (!who || !p || problems.size() != before) continue;
      a.respondent = *who;
      a.partnership = *p;
      if (a.respondent == reg.council) {
        // Its partners judge whether it facilitates, and the response rate counts partners only.
        error(place(t, row, "respondent"), "\"" + reg.organisations[a.respondent].name +
                                               "\" is the council itself: the respondents table holds its partners' answers about each "
                                               "partnership (whether the council facilitates, too); remove the row");
        continue;
      }
      if (!member(a.respondent, a.partnership)) { not_member(t, row, "respondent", a.respondent, a.partnership); continue; }
      if (!seen.emplace(a.respondent, a.partnership).second) {
        error(place(t, row, "respondent"), "\"" + reg.organisations[a.respondent].name + "\" answers for \"" + reg.partnerships[a.partnership].name +
                                               "\" twice: keep one row for each respondent and partnership");
        continue;
      }
      wave.respondents.push_back(a);
    }
  }
};

bool is_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

// The survey tables of `inputs`, with the sheets they point into. A file holding no survey table is an
// error of `reader`.
struct Tables {
  std::vector<std::vector<Sheet>> books;  // the sheets live as long as the tables that point into them
  std::vector<Table> tables;
};

Tables read_tables(Reader& reader, const std::vector<SurveyInput>& inputs) {
  Tables out;
  out.books.reserve(inputs.size());
  for (const auto& [path, bytes] : inputs) {
    const bool workbook = is_zip(bytes);
    // The import's own readers, so that a survey workbook is read (and refused) as a register's is.
    if (!workbook) out.books.push_back({read_csv(bytes, path)});
    else if (import::is_opendocument_spreadsheet(bytes)) out.books.push_back(read_ods(bytes, path));
    else out.books.push_back(read_xlsx(bytes, path));
    std::size_t found = 0;
    for (const Sheet& s : out.books.back()) {
      Table t = classify(s, path, workbook);
      if (t.kind == Kind::unknown) continue;
      out.tables.push_back(std::move(t));
      ++found;
    }
    if (found == 0)
      reader.error(path, std::string(workbook ? "no sheet" : "the file") +
                             " is not a survey table: a ratings table has the headings respondent, about, reliable, mission, open, "
                             "power, involvement and resources; a respondents table has respondent, partnership, satisfied, "
                             "council_facilitates and consulted_too_often");
  }
  return out;
}

std::vector<SurveyInput> read_inputs(const std::vector<std::string>& paths) {
  constexpr std::size_t kMaxBytes = std::size_t{256} << 20;
  std::vector<SurveyInput> out;
  for (const std::string& path : paths) out.push_back({path, read_input_file(path, kMaxBytes)});
  return out;
}

}  // namespace

std::vector<SurveyWave> read_survey_files(const Register& reg, const std::vector<std::string>& paths, std::optional<Date> date) {
  return read_survey(reg, read_inputs(paths), date);
}

std::vector<SurveyWave> read_survey(const Register& reg, const std::vector<SurveyInput>& inputs, std::optional<Date> date) {
  Reader reader{reg, date, {}, {}, {}};
  // Did-you-mean looks among ids and names alike: a sheet may use either.
  for (const Organisation& o : reg.organisations) {
    reader.org_names.push_back(o.id);
    reader.org_names.push_back(o.name);
  }
  for (const Partnership& p : reg.partnerships) {
    reader.partnership_names.push_back(p.id);
    reader.partnership_names.push_back(p.name);
  }
  const Tables read = read_tables(reader, inputs);
  std::map<Date, SurveyWave> waves;
  for (const Table& t : read.tables) {
    const std::optional<Date> d = reader.table_date(t);
    if (!d) continue;
    SurveyWave& w = waves[*d];
    w.date = *d;
    if (std::find(w.sources.begin(), w.sources.end(), t.file) == w.sources.end()) w.sources.push_back(t.file);
    if (t.kind == Kind::ratings) reader.read_ratings(t, w);
    else reader.read_respondents(t, w);
  }
  if (count_errors(reader.problems) > 0) throw InputError(std::move(reader.problems));
  std::vector<SurveyWave> out;
  for (auto& [d, w] : waves) out.push_back(std::move(w));
  return out;
}

std::map<Date, std::vector<std::string>> survey_files_by_date(const std::vector<std::string>& paths) {
  const Register none{};
  Reader reader{none, std::nullopt, {}, {}, {}};
  const Tables read = read_tables(reader, read_inputs(paths));
  std::map<Date, std::vector<std::string>> out;
  for (const Table& t : read.tables)
    if (const std::optional<Date> d = reader.table_date(t)) {
      std::vector<std::string>& files = out[*d];
      if (std::find(files.begin(), files.end(), t.file) == files.end()) files.push_back(t.file);
    }
  if (count_errors(reader.problems) > 0) throw InputError(std::move(reader.problems));
  return out;
}

}  // namespace partnermap
