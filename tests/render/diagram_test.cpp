// Diagrams: built through cgraph, read back by Graphviz itself, xmllint and file(1).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <memory>

#include "diagram.h"
#include "partnermap/generate.h"
#include "partnermap/save.h"
#include "render_support.h"

using namespace partnermap;
using namespace partnermap::render;
using namespace partnermap::test;

namespace {

// A generated register, saved and read back as a user's would be, with its analyses.
struct Generated {
  TempDir dir;
  Register reg;
  std::unique_ptr<RenderFixture> fixture;
  explicit Generated(const GenerateSettings& settings) : reg(generate_register(settings)) {
    {
      std::ofstream out(dir / "generated.json");
      save_register(out, reg);
    }
    fixture = std::make_unique<RenderFixture>((dir / "generated.json").string());
  }
};

void every_view_and_format(const std::string& reg, const std::string& ego) {
  TempDir dir;
  for (const std::string& view : std::vector<std::string>{"network", "themes", "capacity", "hierarchy", "ego:" + ego}) {
    for (const char* ext : {"svg", "png", "pdf", "dot"}) {
      const std::string name = (view.substr(0, 3) == "ego" ? std::string("ego") : view) + "." + ext;
      const Run r = run_partnermap("diagram " + shell_quote(reg) + " --view '" + view + "' -o " + shell_quote(dir / name));
      INFO(view << " " << ext << ": " << r.err);
      REQUIRE(r.status == 0);
      CHECK(r.err.find("Warning") == std::string::npos);  // Graphviz's own words never leak
    }
    const std::string base = (dir / (view.substr(0, 3) == "ego" ? std::string("ego") : view)).string();
    INFO(view);
    CHECK(run_command("xmllint --noout '" + base + ".svg'").status == 0);
    CHECK(run_command("dot -Tcanon '" + base + ".dot' >/dev/null").status == 0);
    CHECK(run_command("file -b '" + base + ".png'").out.rfind("PNG image data", 0) == 0);
    CHECK(run_command("file -b '" + base + ".pdf'").out.rfind("PDF document", 0) == 0);
  }
}

}  // namespace

TEST_CASE("render: Carlisle draws in every view and format, read back by real readers", "[render][diagram][readers]") {
  every_view_and_format(carlisle(), "carlisle-partnership");
}

TEST_CASE("render: nasty names draw in every view and format, visible and inert", "[render][diagram][readers][escape]") {
  every_view_and_format(nasty(), "p-script");
  TempDir dir;
  REQUIRE(run_partnermap("diagram " + shell_quote(nasty()) + " -o " + shell_quote(dir / "n.svg")).status == 0);
  REQUIRE(run_partnermap("diagram " + shell_quote(nasty()) + " -o " + shell_quote(dir / "n.dot")).status == 0);
  const std::string svg = read_text(dir / "n.svg");
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("&lt;/script&gt;&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;") != std::string::npos);
  // "&amp;" typed by an officer shows as "&amp;", not as "&"
  CHECK(svg.find("&amp;amp;") != std::string::npos);
  // backslash escapes are shown, not expanded: \N stays \N in labels and tooltips
  CHECK(svg.find("back\\slash\\N") != std::string::npos);
  CHECK(svg.find("slashpartnership:") == std::string::npos);
  // Graphviz re-reads the DOT and draws the same names
  const Run again = run_command("dot -Tsvg " + shell_quote(dir / "n.dot"));
  REQUIRE(again.status == 0);
  CHECK(again.out.find("&lt;/script&gt;&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("render: views have legends, and the engine follows the size", "[render][diagram]") {
  RenderFixture f(carlisle());
  DiagramReport r = draw_diagram(*f.in, parse_view("hierarchy"), {{DiagramFormat::svg, ""}});
  CHECK(r.engine == "dot");
  CHECK(r.svg.find("Partnerships (boxes), by nature:") != std::string::npos);
  r = draw_diagram(*f.in, parse_view("network"), {{DiagramFormat::svg, ""}});
  CHECK(r.engine == "neato");
  CHECK(r.svg.find("Organisations (ovals), by sector:") != std::string::npos);
  CHECK(r.warnings.empty());
  r = draw_diagram(*f.in, parse_view("capacity"), {{DiagramFormat::svg, ""}});
  CHECK(r.svg.find("over capacity") != std::string::npos);
  CHECK(r.svg.find("Community Services") != std::string::npos);
}

TEST_CASE("render: large views are grouped, and say so on the diagram", "[render][diagram]") {
  RenderFixture f(carlisle());
  DiagramOptions small;
  small.aggregate_above = 10;
  DiagramReport r = draw_diagram(*f.in, parse_view("network"), {{DiagramFormat::svg, ""}}, small);
  REQUIRE(r.notes.size() >= 2);
  CHECK(r.notes[0].find("grouped by sector") != std::string::npos);
  CHECK(r.notes[1].find("grouped by first theme") != std::string::npos);
  CHECK(r.svg.find("grouped by sector") != std::string::npos);
  CHECK(r.nodes < 30);
  r = draw_diagram(*f.in, parse_view("themes"), {{DiagramFormat::svg, ""}}, small);
  CHECK(r.svg.find("too many to draw one by one") != std::string::npos);
}

TEST_CASE("render: the grouped themes view draws each theme's strongest links on a ring", "[render][diagram]") {
  GenerateSettings settings = *generate_preset("council");
  settings.themes = 16;
  const Generated gen(settings);
  const Register& reg = gen.reg;
  const RenderFixture& f = *gen.fixture;
  DiagramOptions small;
  small.aggregate_above = 10;
  const DiagramReport r = draw_diagram(*f.in, parse_view("themes"), {{DiagramFormat::svg, ""}}, small);
  CHECK(r.engine == "circo");
  CHECK(r.nodes == 16);  // one hexagon a theme, no partnerships
  // Each theme keeps its three strongest links; a link can be among the strongest of both ends.
  CHECK(r.edges <= 3 * 16);
  CHECK(r.edges >= 3 * 16 / 2);
  // Most pairs of themes share some partnership in a 300-partnership register, so most are left out,
  // and the diagram says how many.
  // (of the partnerships active on the date: the only ones drawn)
  std::map<std::pair<Index, Index>, std::size_t> shared;
  for (const Partnership& p : reg.partnerships)
    for (std::size_t i = 0; p.active_on(f.results.capacity.at) && i < p.themes.size(); ++i)
      for (std::size_t j = i + 1; j < p.themes.size(); ++j)
        ++shared[{std::min(p.themes[i], p.themes[j]), std::max(p.themes[i], p.themes[j])}];
  REQUIRE(shared.size() > r.edges);
  REQUIRE(r.notes.size() == 3);  // the last: the partnerships not active on the date, not drawn
  CHECK_THAT(r.notes[2], Catch::StartsWith("Not drawn: the register's"));
  CHECK_THAT(r.notes[1], Catch::Contains("Each theme's 3 strongest links are drawn: " + std::to_string(r.edges) +
                                         " of the " + std::to_string(shared.size()) + " pairs of themes"));
  CHECK(r.svg.find("lists every pair") != std::string::npos);

  // The strongest pair of all is drawn.
  const auto top = std::max_element(shared.begin(), shared.end(), [](auto a, auto b) { return a.second < b.second; });
  CHECK(r.svg.find(reg.themes[top->first.first].name + " and " + reg.themes[top->first.second].name) != std::string::npos);
}

TEST_CASE("render: the capacity view draws the 40 most loaded units and groups the rest", "[render][diagram]") {
  GenerateSettings settings = *generate_preset("council");
  settings.business_units = 60;
  const Generated gen(settings);
  const Register& reg = gen.reg;
  const RenderFixture& f = *gen.fixture;
  const DiagramReport r = draw_diagram(*f.in, parse_view("capacity"), {{DiagramFormat::svg, ""}});
  REQUIRE(!r.notes.empty());
  CHECK(r.notes.back() == "The 40 most loaded of 60 Business Units are drawn; the rest share one box. partnermap "
                          "capacity lists every unit.");
  CHECK(r.svg.find("20 other Business Units") != std::string::npos);
  // The most loaded unit has a tab of its own; the least loaded has none.
  const auto [least, most] = std::minmax_element(f.results.capacity.units.begin(), f.results.capacity.units.end(),
                                                 [](const UnitLoad& a, const UnitLoad& b) { return a.utilisation < b.utilisation; });
  // (a unit's tooltip starts with its name)
  CHECK(r.svg.find("title=\"" + reg.business_units[most->unit].name + "&#10;") != std::string::npos);
  CHECK(r.svg.find("title=\"" + reg.business_units[least->unit].name + "&#10;") == std::string::npos);

  // The network view does the same, and its lines from the shared box carry the hours of all of them.
  const DiagramReport net = draw_diagram(*f.in, parse_view("network"), {{DiagramFormat::svg, ""}});
  CHECK(std::find(net.notes.begin(), net.notes.end(), r.notes.back()) != net.notes.end());
  CHECK(net.svg.find("20 other Business Units") != std::string::npos);
  CHECK(net.svg.find("title=\"" + reg.business_units[least->unit].name + "&#10;") == std::string::npos);
}

TEST_CASE("render: ego views find ids of any kind and refuse unknown ones", "[render][diagram]") {
  RenderFixture f(carlisle());
  DiagramReport r = draw_diagram(*f.in, parse_view("ego:cumbria-cc"), {{DiagramFormat::dot, ""}});
  CHECK(r.nodes > 3);
  const std::size_t one = draw_diagram(*f.in, parse_view("ego:lsp-health", 1), {}).nodes;
  const std::size_t two = draw_diagram(*f.in, parse_view("ego:lsp-health", 2), {}).nodes;
  CHECK(two > one);
  CHECK_THROWS_WITH(draw_diagram(*f.in, parse_view("ego:nonesuch"), {}), Catch::Contains("no partnership, organisation"));
  CHECK_THROWS_AS(parse_view("sideways"), std::invalid_argument);
  CHECK_THROWS_AS(parse_view("ego:x", 0), std::invalid_argument);
}

TEST_CASE("render: diagram refuses unknown views and formats with exit status 2 and writes nothing", "[render][diagram][cli]") {
  TempDir dir;
  Run r = run_partnermap("diagram " + shell_quote(carlisle()) + " --view sideways -o " + shell_quote(dir / "d.svg"));
  CHECK(r.status == 2);
  CHECK(r.err.find("choose network, themes, capacity, hierarchy, or ego:ID") != std::string::npos);
  r = run_partnermap("diagram " + shell_quote(carlisle()) + " -o " + shell_quote(dir / "d.jpg"));
  CHECK(r.status == 2);
  CHECK(r.err.find(".svg, .png, .pdf or .dot") != std::string::npos);
  r = run_partnermap("diagram " + shell_quote(carlisle()) + " --view ego:nonesuch -o " + shell_quote(dir / "d.svg"));
  CHECK(r.status == 2);
  CHECK(std::filesystem::is_empty(dir.path));
}

TEST_CASE("render: a large tree of sub-partnerships shows its top levels and counts the rest", "[render][diagram]") {
  // A chain 500 deep, a partnership with 300 sub-partnerships, and two pairs: 805 in trees.
  std::string parts;
  auto add = [&](const std::string& id, const std::string& parent) {
    if (!parts.empty()) parts += ", ";
    parts += R"({"id": ")" + id + R"(", "name": "Partnership )" + id + R"(", "nature": "strategic", )";
    if (!parent.empty()) parts += R"("parent": ")" + parent + R"(", )";
    parts += R"("members": [{"org": "cc", "role": "lead"}]})";
  };
  // Appended rather than "k" + ...: GCC 12 warns falsely (-Wrestrict) on a literal + std::string&&.
  auto id = [](char prefix, int i) {
    std::string s(1, prefix);
    s += std::to_string(i);
    return s;
  };
  for (int i = 0; i < 500; ++i) add(id('k', i), i ? id('k', i - 1) : "");
  add("star", "");
  for (int i = 0; i < 300; ++i) add(id('c', i), "star");
  add("s0", "");
  add("s1", "s0");
  add("t0", "");
  add("t1", "t0");
  TempDir dir;
  write_text(dir / "tree.json", R"({"format": "partnermap/1", "as_of": "2005-01-01", "council": "cc", "themes": [],
    "business_units": [], "organisations": [{"id": "cc", "name": "Council"}], "partnerships": [)" + parts + "]}");
  RenderFixture f((dir / "tree.json").string());
  const DiagramReport r = draw_diagram(*f.in, parse_view("hierarchy"), {{DiagramFormat::svg, ""}});
  REQUIRE(!r.notes.empty());
  CHECK(r.notes[0].find("too large to draw whole (805 partnerships)") != std::string::npos);
  // 40 partnerships at most, breadth first: the four roots, the star's four largest children, then
  // down the chain to k30; what is left is counted where it hangs.
  CHECK(r.nodes <= 45);
  CHECK(r.svg.find("+ 296 more") != std::string::npos);  // under the star
  CHECK(r.svg.find("+ 469 more") != std::string::npos);  // k31 to k499, under k30
  CHECK(r.svg.find("Partnership k30") != std::string::npos);
  CHECK(r.svg.find("Partnership k31<") == std::string::npos);
  CHECK(r.svg.find("Partnership s1") != std::string::npos);
  // The chain's top says how many hang below it.
  CHECK(r.svg.find("499 below") != std::string::npos);
}
