#include <catch2/catch.hpp>

#include <optional>
#include <utility>

#include "escape.h"
#include "hostile_strings.h"

using namespace partnermap::render;

TEST_CASE("render: html_escape makes markup and quotes text", "[render][escape]") {
  CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(html_escape("plain £ ✓") == "plain £ ✓");
}

TEST_CASE("render: script_json_escape keeps a script element closed only by the page", "[render][escape]") {
  CHECK(script_json_escape(R"({"a":"</script><!--"})") == R"({"a":"\u003c/script>\u003c!--"})");
}

TEST_CASE("render: CSV fields neutralise formulas and quote per RFC 4180", "[render][escape]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("+44") == "'+44");
  CHECK(csv_field("-2") == "'-2");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("\rx") == "\"'\rx\"");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("render: Markdown cells escape pipes, markup and emphasis", "[render][escape]") {
  CHECK(markdown_cell("a | b") == "a \\| b");
  CHECK(markdown_cell("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;");
  CHECK(markdown_cell("*x* _y_ [l](u) back\\slash") == "\\*x\\* \\_y\\_ \\[l\\](u) back\\\\slash");
  CHECK(markdown_cell("one\ntwo") == "one<br>two");
}

TEST_CASE("render: Graphviz text doubles backslashes, escapes & and turns line breaks into \\n", "[render][escape]") {
  CHECK(graphviz_text("a\\N b") == "a\\\\N b");
  CHECK(graphviz_text("A & B") == "A &amp; B");
  CHECK(graphviz_text("one\ntwo") == "one\\ntwo");
  CHECK(graphviz_tooltip("a\\N") == "a\\\\\\\\N");
}

namespace {

// Graphviz's reading of an escaped label: "\\" is a backslash and "\n" a line break; any other
// escape would be expanded by Graphviz (\N is the node's name), so it means the text was not escaped.
std::optional<std::string> graphviz_reading(const std::string& label, int backslashes) {
  std::string out;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] == '&') {
      if (label.compare(i, 5, "&amp;") != 0) return std::nullopt;
      out += '&';
      i += 4;
    } else if (label[i] != '\\') {
      out += label[i];
    } else if (label.compare(i, static_cast<std::size_t>(backslashes), std::string(static_cast<std::size_t>(backslashes), '\\')) == 0) {
      out += '\\';
      i += static_cast<std::size_t>(backslashes) - 1;
    } else if (i + 1 < label.size() && label[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// A spreadsheet's reading of one RFC 4180 field.
std::string csv_reading(const std::string& field) {
  if (field.empty() || field.front() != '"') return field;
  std::string out;
  for (std::size_t i = 1; i + 1 < field.size(); ++i) {
    out += field[i];
    if (field[i] == '"') ++i;  // "" is one quote
  }
  return out;
}

}  // namespace

TEST_CASE("render: every format's escaping keeps the same hostile strings inert", "[render][escape]") {
  for (const std::string& text : partnermap::test::hostile_strings()) {
    INFO("text: " << text);

    const std::string html = html_escape(text);
    CHECK(html.find_first_of("<>\"'") == std::string::npos);
    for (std::size_t at = html.find('&'); at != std::string::npos; at = html.find('&', at + 1)) {
      const bool entity = html.compare(at, 5, "&amp;") == 0 || html.compare(at, 4, "&lt;") == 0 ||
                          html.compare(at, 4, "&gt;") == 0 || html.compare(at, 6, "&quot;") == 0 ||
                          html.compare(at, 5, "&#39;") == 0;
      CHECK(entity);
    }
    CHECK_FALSE(partnermap::test::holds_active_character(html));

    std::string md = markdown_cell(text);
    for (std::size_t at; (at = md.find("<br>")) != std::string::npos;) md.erase(at, 4);  // its line breaks
    CHECK(md.find_first_of("<>\n") == std::string::npos);
    for (std::size_t at = md.find('|'); at != std::string::npos; at = md.find('|', at + 1)) {
      std::size_t slashes = 0;
      while (slashes < at && md[at - 1 - slashes] == '\\') ++slashes;
      CHECK(slashes % 2 == 1);  // the pipe itself is escaped, not a backslash before it
    }
    CHECK_FALSE(partnermap::test::holds_active_character(md));

    for (const auto& [label, backslashes] : {std::pair{graphviz_text(text), 2}, std::pair{graphviz_tooltip(text), 4}}) {
      INFO("label: " << label);
      const auto reading = graphviz_reading(label, backslashes);
      REQUIRE(reading);
      CHECK_FALSE(partnermap::test::holds_active_character(*reading));
    }

    // CSV is data: the text comes back exactly, behind an apostrophe when a spreadsheet would run it.
    const std::string csv = csv_field(text);
    std::string expected = looks_like_formula(text) ? "'" : "";
    expected += text;
    CHECK(csv_reading(csv) == expected);
    CHECK_FALSE(looks_like_formula(csv_reading(csv)));
  }
}

TEST_CASE("render: escaping shows active characters as U+FFFD and keeps the rest", "[render][escape]") {
  CHECK(html_escape("abc\xE2\x80\xAE" "Trust") == "abc\xEF\xBF\xBDTrust");
  CHECK(html_escape("t\033]0;x\007") == "t\xEF\xBF\xBD]0;x\xEF\xBF\xBD");
  CHECK(markdown_cell("C1 \xC2\x9B" "31m") == "C1 \xEF\xBF\xBD" "31m");
  CHECK(graphviz_text("iso\xE2\x81\xA6x") == "iso\xEF\xBF\xBDx");
  CHECK(html_escape("Café £ ✓ \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A") == "Café £ ✓ \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A");  // Arabic stays
}

TEST_CASE("render: XLSX text writes what XML cannot hold as Excel does, and nothing else changes", "[render][escape]") {
  CHECK(xlsx_text(std::string("nul") + '\0' + "byte") == "nul_x0000_byte");
  CHECK(xlsx_text("bell\a cr\r") == "bell_x0007_ cr_x000D_");
  CHECK(xlsx_text("tab\tline\n") == "tab\tline\n");
  CHECK(xlsx_text("not \xEF\xBF\xBE \xEF\xBF\xBF") == "not _xFFFE_ _xFFFF_");
  // Text that already reads as an escape keeps its underscore: Excel would otherwise decode it.
  CHECK(xlsx_text("_x0041_") == "_x005F_x0041_");
  CHECK(xlsx_text("_x00_ and _xZZZZ_ and snake_x_case") == "_x00_ and _xZZZZ_ and snake_x_case");
  CHECK(xlsx_text("Café £30") == "Café £30");
}
