#include "matrix.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace partnermap::render {

namespace {

const char* const kTick = "\xE2\x9C\x93";  // ✓

std::string plain_number(double v) {
  // Hours and pounds are usually whole; keep two decimals at most, without trailing zeros.
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  std::string s = std::to_string(std::round(v * 100) / 100);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Line ends as "\n" only: a bare carriage return shows as a stray "_x000D_" in some spreadsheet
// readers and as nothing in a browser.
MatrixCell text_cell(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') out += s[i];
    else if (i + 1 >= s.size() || s[i + 1] != '\n') out += '\n';
  }
  return MatrixCell{std::move(out), std::nullopt};
}
MatrixCell number_cell(std::optional<double> v) {
  if (!v) return MatrixCell{};
  return MatrixCell{plain_number(*v), v};
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Finds an entry of a list by id, or by name ignoring case: officers type either.
template <class List>
std::optional<Index> find_entry(const List& list, const std::string& value) {
  for (Index i = 0; i < list.size(); ++i)
    if (list[i].id == value) return i;
  for (Index i = 0; i < list.size(); ++i)
    if (lower(list[i].name) == lower(value)) return i;
  return std::nullopt;
}

template <class List>
std::string ids_of(const List& list) {
  std::vector<std::string> ids;
  for (const auto& e : list) ids.push_back(e.id);
  return join(ids, ", ");
}

// A filter as a predicate on partnerships, with its description for the title.
struct Predicate {
  std::string words;
  std::function<bool(Index)> holds;
};

Predicate make_predicate(const Analysed& in, const MatrixFilter& f) {
  const Register& reg = in.reg();
  if (f.key == "theme") {
    const auto t = find_entry(reg.themes, f.value);
    if (!t) throw std::invalid_argument("--filter theme=" + f.value + ": no theme has that id or name; the themes are " + ids_of(reg.themes));
    return {"theme is " + reg.themes[*t].name, [&reg, t](Index p) {
              const auto& ts = reg.partnerships[p].themes;
              return std::find(ts.begin(), ts.end(), *t) != ts.end();
            }};
  }
  if (f.key == "unit") {
    const auto u = find_entry(reg.business_units, f.value);
    if (!u) throw std::invalid_argument("--filter unit=" + f.value + ": no Business Unit has that id or name; the units are " + ids_of(reg.business_units));
    return {"Business Unit is " + reg.business_units[*u].name, [&reg, u](Index p) {
              for (const Commitment& c : reg.partnerships[p].commitments)
                if (c.unit == *u) return true;
              return false;
            }};
  }
  if (f.key == "nature") {
    for (Nature n : {Nature::strategic, Nature::operational, Nature::funding, Nature::project})
      if (lower(f.value) == to_string(n))
        return {std::string("nature is ") + to_string(n), [&reg, n](Index p) { return reg.partnerships[p].nature == n; }};
    throw std::invalid_argument("--filter nature=" + f.value + ": the natures are strategic, operational, funding, project");
  }
  if (f.key == "role") {
    const std::string v = lower(f.value);
    std::optional<std::optional<Role>> want;
    for (Role r : {Role::lead, Role::support, Role::observer})
      if (v == to_string(r)) want = std::optional<Role>(r);
    if (v == "none" || v == "not a member") want = std::optional<Role>();
    if (!want) throw std::invalid_argument("--filter role=" + f.value + ": the roles are lead, support, observer, none");
    return {std::string("Council role is ") + role_words(*want), [&in, want](Index p) {
              const auto& roles = in.roles.council_role;
              const std::optional<Role> r = p < roles.size() ? roles[p] : in.reg().council_role(in.reg().partnerships[p]);
              return r == *want;
            }};
  }
  throw std::invalid_argument("--filter " + f.key + "=...: filter by theme, unit, nature or role (for example --filter theme=economy)");
}

// The members besides the council and the lead partner, a role other than support in brackets:
// with the Council role and the lead partner, the whole membership, so `import` can read it back.
std::string other_partners(const Register& reg, const Partnership& part, std::optional<Index> lead) {
  std::vector<std::string> names;
  for (const Member& m : part.members) {
    if (m.org == reg.council || (lead && m.org == *lead) || m.org >= reg.organisations.size()) continue;
    std::string name = reg.organisations[m.org].name;
    if (m.role != Role::support) {
      name += " (";
      name += to_string(m.role);
      name += ')';
    }
    names.push_back(std::move(name));
  }
  return join(names, "; ");
}

std::string findings_text(const PartnershipReview* review) {
  if (!review) return {};
  std::vector<std::string> lines;
  for (const Finding& f : review->findings) lines.push_back(std::string(severity_words(f.severity)) + ": " + f.reason);
  return join(lines, "\n");
}

// Orders rows by a column: numbers numerically, text ignoring case; empty cells last either way.
void sort_rows(Matrix& m, std::size_t col, bool descending) {
  // Text columns can carry a number to sort by (risk by severity, findings by count).
  const bool numeric = m.columns[col].kind != ColumnKind::date &&
                       std::any_of(m.rows.begin(), m.rows.end(), [col](const MatrixRow& r) { return r.cells[col].number.has_value(); });
  const std::size_t name_col = 0;
  std::stable_sort(m.rows.begin(), m.rows.end(), [&](const MatrixRow& a, const MatrixRow& b) {
    const MatrixCell& x = a.cells[col];
    const MatrixCell& y = b.cells[col];
    const bool xe = numeric ? !x.number : x.text.empty();
    const bool ye = numeric ? !y.number : y.text.empty();
    if (xe != ye) return ye;  // empty last
    if (!xe) {
      if (numeric && *x.number != *y.number) return descending ? *x.number > *y.number : *x.number < *y.number;
      if (!numeric) {
        const std::string lx = lower(x.text), ly = lower(y.text);
        if (lx != ly) return descending ? lx > ly : lx < ly;
      }
    }
    return lower(a.cells[name_col].text) < lower(b.cells[name_col].text);
  });
}

}  // namespace

MatrixFilter parse_matrix_filter(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw std::invalid_argument("--filter " + text + ": write it as KEY=VALUE, where KEY is theme, unit, nature or role (for example --filter role=lead)");
  MatrixFilter f{lower(text.substr(0, eq)), text.substr(eq + 1)};
  if (f.key != "theme" && f.key != "unit" && f.key != "nature" && f.key != "role")
    throw std::invalid_argument("--filter " + text + ": filter by theme, unit, nature or role");
  return f;
}

std::vector<std::string> matrix_sort_keys() {
  return {"name", "nature", "role", "lead", "hours", "budget", "council", "stage", "start", "end", "risk", "findings"};
}

std::optional<std::size_t> column_index(const Matrix& m, const std::string& key) {
  for (std::size_t i = 0; i < m.columns.size(); ++i)
    if (m.columns[i].key == key) return i;
  return std::nullopt;
}

std::string display_text(const MatrixColumn& column, const MatrixCell& cell) {
  if (!cell.number) return cell.text;
  if (column.kind == ColumnKind::money) return pounds(*cell.number);
  if (column.kind == ColumnKind::number && std::fabs(*cell.number) >= 1000) return thousands(*cell.number);
  return cell.text;
}

namespace {

void add_survey_cells(const Analysed& in, Index p, MatrixRow& row) {
  const Partnership& part = in.reg().partnerships[p];
  row.cells.push_back(number_cell(part.survey ? std::optional<double>(part.survey->responses) : std::nullopt));
  row.cells.push_back(number_cell(part.survey ? std::optional<double>(part.survey->satisfied) : std::nullopt));
  if (!in.survey) return;
  MatrixCell rate;
  for (const PartnershipSurvey& s : in.survey->partnerships)
    if (s.partnership == p && s.response_rate) {
      rate = text_cell(std::to_string(s.respondents) + " of " + std::to_string(s.partners) + " (" + percent(*s.response_rate) + ")");
      rate.number = *s.response_rate;
    }
  row.cells.push_back(rate);
}

}  // namespace

Matrix build_matrix(const Analysed& in, const MatrixOptions& options) {
  const Register& reg = in.reg();
  Matrix m;
  m.theme_word = reg.policy.words.theme;
  m.council = reg.organisations.at(reg.council).name;
  m.at = in.review.at;
  m.total_partnerships = reg.partnerships.size();

  m.columns = {{"name", "Partnership", ColumnKind::text},
               {"nature", "Nature", ColumnKind::text},
               {"role", "Council role", ColumnKind::text},
               {"lead", "Lead partner", ColumnKind::text},
               {"partners", "Partners", ColumnKind::text}};
  for (const Theme& t : reg.themes) m.columns.push_back({"theme:" + t.id, t.name, ColumnKind::tick});
  const std::vector<MatrixColumn> rest = {
      {"indicators", "Indicators or evaluation", ColumnKind::text},
      {"management", "Management", ColumnKind::text},
      {"units", capitalised(reg.policy.words.units) + " (hours a month)", ColumnKind::text},
      {"hours", "Council hours a month", ColumnKind::number},
      {"budget", "Budget (£ a year)", ColumnKind::money},
      {"council", "Council contribution (£ a year)", ColumnKind::money},
      {"stage", "Stage", ColumnKind::text},
      {"start", "Start", ColumnKind::date},
      {"end", "End", ColumnKind::date},
      {"risk", "Risk", ColumnKind::text},
      {"exit", "Exit strategy", ColumnKind::text},
      {"last_review", "Last review", ColumnKind::date},
      {"findings", "Review findings", ColumnKind::text},
      // Headed as import reads them back; the survey's response rate only when a survey was read.
      {"survey_responses", "Survey responses", ColumnKind::number},
      {"satisfied", "Satisfied", ColumnKind::number},
      {"id", "Id", ColumnKind::text},  // last: for scripts and for reading the matrix back
  };
  m.columns.insert(m.columns.end(), rest.begin(), rest.end());
  if (in.survey) m.columns.insert(m.columns.end() - 1, {"response_rate", "Survey response rate", ColumnKind::text});

  std::vector<Predicate> predicates;
  for (const MatrixFilter& f : options.filters) {
    predicates.push_back(make_predicate(in, f));
    m.filters.push_back(predicates.back().words);
  }
  const auto sort_col = column_index(m, options.sort);
  if (!sort_col) {
    std::string keys = join(matrix_sort_keys(), ", ");
    throw std::invalid_argument("--sort " + options.sort + ": sort by one of " + keys);
  }

  std::vector<const PartnershipReview*> reviews(reg.partnerships.size(), nullptr);
  for (const PartnershipReview& r : in.review.partnerships)
    if (r.partnership < reviews.size()) reviews[r.partnership] = &r;

  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    if (!std::all_of(predicates.begin(), predicates.end(), [p](const Predicate& pr) { return pr.holds(p); })) continue;
    const Partnership& part = reg.partnerships[p];
    MatrixRow row;
    row.partnership = p;
    row.cells.push_back(text_cell(part.name));
    row.cells.push_back(text_cell(to_string(part.nature)));
    const std::optional<Role> role =
        p < in.roles.council_role.size() ? in.roles.council_role[p] : reg.council_role(part);
    row.cells.push_back(text_cell(role_words(role)));
    std::optional<Index> lead = p < in.roles.lead_partner.size() ? in.roles.lead_partner[p] : std::nullopt;
    row.cells.push_back(text_cell(lead && *lead < reg.organisations.size() ? reg.organisations[*lead].name : ""));
    row.cells.push_back(text_cell(other_partners(reg, part, lead)));
    for (Index t = 0; t < reg.themes.size(); ++t) {
      const bool serves = std::find(part.themes.begin(), part.themes.end(), t) != part.themes.end();
      row.cells.push_back(MatrixCell{serves ? kTick : "", serves ? 1.0 : 0.0});
    }
    std::vector<std::string> indicators = part.indicators.value_or(std::vector<std::string>{});
    if (part.evaluation) indicators.push_back("Evaluation: " + *part.evaluation);
    row.cells.push_back(text_cell(join(indicators, "\n")));
    row.cells.push_back(text_cell(part.management.value_or("")));
    std::vector<std::string> units;
    double hours = 0;
    for (const Commitment& c : part.commitments) {
      hours += c.hours;
      units.push_back(reg.business_units.at(c.unit).name + " " + plain_number(c.hours));
    }
    row.cells.push_back(text_cell(join(units, "; ")));
    row.cells.push_back(number_cell(part.commitments.empty() ? std::nullopt : std::optional<double>(hours)));
    row.cells.push_back(number_cell(part.budget ? std::optional<double>(part.budget->total) : std::nullopt));
    row.cells.push_back(number_cell(part.budget ? std::optional<double>(part.budget->council) : std::nullopt));
    row.cells.push_back(text_cell(part.stage ? to_string(*part.stage) : ""));
    row.cells.push_back(text_cell(part.start ? to_iso(*part.start) : ""));
    row.cells.push_back(text_cell(part.end ? to_iso(*part.end) : ""));
    row.cells.push_back(text_cell(part.risk ? to_string(*part.risk) : ""));
    if (part.risk) row.cells.back().number = static_cast<double>(*part.risk);  // high first
    row.cells.push_back(text_cell(part.exit_strategy ? to_string(*part.exit_strategy) : ""));
    row.cells.push_back(text_cell(part.last_review ? to_iso(*part.last_review) : ""));
    const PartnershipReview* review = reviews[p];
    row.cells.push_back(text_cell(findings_text(review)));
    if (review) row.cells.back().number = static_cast<double>(review->findings.size());
    add_survey_cells(in, p, row);
    row.cells.push_back(text_cell(part.id));
    m.rows.push_back(std::move(row));
  }
  sort_rows(m, *sort_col, options.descending);
  return m;
}

}  // namespace partnermap::render
