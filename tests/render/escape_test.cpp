#include <catch2/catch.hpp>

#include "escape.h"

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
