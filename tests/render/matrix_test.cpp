#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "escape.h"
#include "matrix_write.h"
#include "render_support.h"

using namespace partnermap;
using namespace partnermap::render;
using partnermap::test::RenderFixture;

namespace {

// A small RFC 4180 reader, enough to read back what the writer wrote.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { cell += '"'; ++i; }
      else if (c == '"') in_quotes = false;
      else cell += c;
    } else if (c == '"' && cell.empty() && !quoted) { quoted = in_quotes = true; }
    else if (c == ',') { rows.back().push_back(cell); cell.clear(); quoted = false; }
    else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(cell); cell.clear(); quoted = false; rows.emplace_back(); ++i;
    } else cell += c;
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

const MatrixRow& row_named(const Matrix& m, const std::string& name) {
  for (const MatrixRow& r : m.rows)
    if (r.cells[0].text == name) return r;
  FAIL("no row " << name);
  return m.rows.front();
}

}  // namespace

TEST_CASE("render: The matrix has a row per partnership and the brief's columns", "[render][matrix]") {
  RenderFixture f(partnermap::test::carlisle());
  const Matrix m = build_matrix(*f.in);
  CHECK(m.rows.size() == f.loaded.reg.partnerships.size());
  for (const char* key : {"name", "nature", "role", "lead", "indicators", "management", "units", "hours", "budget", "council",
                          "stage", "start", "end", "risk", "findings"})
    CHECK(column_index(m, key));
  for (const Theme& t : f.loaded.reg.themes) CHECK(column_index(m, "theme:" + t.id));
  const MatrixRow& lsp = row_named(m, "Carlisle Partnership (Local Strategic Partnership)");
  CHECK(lsp.cells[*column_index(m, "role")].text == "lead");
  CHECK(lsp.cells[*column_index(m, "theme:economy")].text == "\xE2\x9C\x93");
  CHECK(lsp.cells[*column_index(m, "budget")].number == Approx(85000));
  CHECK(lsp.cells[*column_index(m, "hours")].number == Approx(86));
  CHECK(lsp.cells[*column_index(m, "units")].text.find("Strategic & Performance Services 70") != std::string::npos);
}

TEST_CASE("render: The matrix sorts and filters", "[render][matrix]") {
  RenderFixture f(partnermap::test::carlisle());
  MatrixOptions o;
  o.sort = "hours";
  o.descending = true;
  Matrix m = build_matrix(*f.in, o);
  const std::size_t hours = *column_index(m, "hours");
  for (std::size_t i = 1; i < m.rows.size(); ++i)
    if (m.rows[i].cells[hours].number) CHECK(*m.rows[i - 1].cells[hours].number >= *m.rows[i].cells[hours].number);

  o = {};
  o.filters = {parse_matrix_filter("theme=safer"), parse_matrix_filter("role=lead")};
  m = build_matrix(*f.in, o);
  REQUIRE(!m.rows.empty());
  CHECK(m.rows.size() < f.loaded.reg.partnerships.size());
  for (const MatrixRow& r : m.rows) {
    CHECK(r.cells[*column_index(m, "theme:safer")].number == 1.0);
    CHECK(r.cells[*column_index(m, "role")].text == "lead");
  }
  CHECK(m.filters.size() == 2);

  o.filters = {parse_matrix_filter("unit=Housing Services")};  // a name works as well as an id
  CHECK(!build_matrix(*f.in, o).rows.empty());
}

TEST_CASE("render: Bad sorts and filters are refused in plain words", "[render][matrix]") {
  RenderFixture f(partnermap::test::carlisle());
  CHECK_THROWS_WITH(parse_matrix_filter("colour=red"), Catch::Contains("theme, unit, nature or role"));
  CHECK_THROWS_WITH(parse_matrix_filter("theme"), Catch::Contains("KEY=VALUE"));
  MatrixOptions o;
  o.filters = {parse_matrix_filter("theme=nonesuch")};
  CHECK_THROWS_WITH(build_matrix(*f.in, o), Catch::Contains("the themes are economy"));
  o = {};
  o.sort = "colour";
  CHECK_THROWS_WITH(build_matrix(*f.in, o), Catch::Contains("sort by one of name"));
}

TEST_CASE("render: CSV: byte-order mark, CRLF, quoting, and formulas neutralised", "[render][matrix][escape]") {
  RenderFixture f(partnermap::test::nasty());
  const Matrix m = build_matrix(*f.in);
  std::ostringstream out;
  write_matrix_csv(m, out);
  const std::string csv = out.str();
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  const auto rows = parse_csv(csv.substr(3));
  REQUIRE(rows.size() == m.rows.size() + 1);
  for (const auto& r : rows) CHECK(r.size() == m.columns.size());
  for (const auto& r : rows)
    for (const std::string& cell : r) CHECK_FALSE(looks_like_formula(cell));
  CHECK(rows[0][*column_index(m, "theme:money")] == "'=SUM(A1:A9)");
  bool seen_formula_name = false;
  for (const auto& r : rows) seen_formula_name |= r[0] == "'=1+1";
  CHECK(seen_formula_name);
}

TEST_CASE("render: JSON and Markdown carry the same rows, escaped for their readers", "[render][matrix][escape]") {
  RenderFixture f(partnermap::test::nasty());
  const Matrix m = build_matrix(*f.in);
  std::ostringstream js;
  write_matrix_json(m, f.loaded.reg, js);
  const auto doc = nlohmann::json::parse(js.str());
  REQUIRE(doc["rows"].size() == m.rows.size());
  bool found = false;
  for (const auto& r : doc["rows"]) {
    if (r["id"] == "p-script") {
      found = true;
      CHECK(r["name"] == "</script><script>alert('xss')</script> Partnership");
      CHECK(r["theme:safer"] == true);
      CHECK(r["budget"] == 45000);
      CHECK(r["end"].is_null());
    }
  }
  CHECK(found);

  std::ostringstream md;
  write_matrix_markdown(m, md);
  CHECK(md.str().find("<script>") == std::string::npos);
  CHECK(md.str().find("&lt;/script&gt;&lt;script&gt;alert('xss')") != std::string::npos);
  CHECK(md.str().find("{x\\|y}") != std::string::npos);
}

TEST_CASE("render: HTML matrix: standalone, escaped, sortable, prints on A3 landscape", "[render][matrix][escape]") {
  RenderFixture f(partnermap::test::nasty());
  std::ostringstream out;
  write_matrix_html(build_matrix(*f.in), out);
  const std::string html = out.str();
  CHECK(html.find("size:A3 landscape") != std::string::npos);
  CHECK(html.find("src=\"http") == std::string::npos);  // nothing fetched
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;/script&gt;&lt;script&gt;alert(&#39;xss&#39;)") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  // exactly one script element: ours
  std::size_t scripts = 0;
  for (std::size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  CHECK(scripts == 1);
}
