#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "explore.h"
#include "render_support.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

// The page's data, read back as the page's script reads it.
nlohmann::json page_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"pm-data\">";
  const auto from = html.find(open);
  REQUIRE(from != std::string::npos);
  const auto to = html.find("</script>", from);
  return nlohmann::json::parse(html.substr(from + open.size(), to - from - open.size()));
}

std::string page_for(const std::string& path, render::ExploreReport* report = nullptr) {
  RenderFixture f(path);
  std::ostringstream out;
  const render::ExploreReport r = render::write_explore_page_for(*f.in, out);
  if (report) *report = r;
  return out.str();
}

}  // namespace

TEST_CASE("the explorer page holds everything and asks for nothing", "[render][explore]") {
  render::ExploreReport report;
  const std::string html = page_for(carlisle(), &report);
  CHECK(report.engine == "neato");
  CHECK_FALSE(report.grouped);
  // Nothing to fetch: no external script, style, image or link, and a policy refusing any.
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("cytoscape") != std::string::npos);
  const nlohmann::json d = page_data(html);
  CHECK(d["nodes"].size() == report.nodes);
  CHECK(d["edges"].size() == report.edges);
  // Positions from Graphviz, not all in one place; the Council drawn, with its lines kept for focus.
  std::set<std::pair<double, double>> points;
  bool council = false;
  for (const auto& n : d["nodes"]) {
    points.insert({n["x"].get<double>(), n["y"].get<double>()});
    if (n.contains("co")) council = n["id"] == "carlisle-cc";
  }
  CHECK(points.size() == d["nodes"].size());
  CHECK(council);
  std::size_t council_lines = 0;
  for (const auto& e : d["edges"]) council_lines += e[2] == "x";
  CHECK(council_lines > 20);
  // The slider runs over the register's months and starts at its date.
  CHECK(d["months"][d["at_stop"].get<std::size_t>()][0] == "2004-09-01");
  CHECK(d["months"].size() == report.months);
  // A partnership carries its matrix row; a unit one status a month.
  bool row = false, unit = false;
  for (const auto& n : d["nodes"]) {
    if (n["k"] == "p" && n["id"] == "cdrp") row = n["row"].dump().find("Council role") != std::string::npos;
    if (n["k"] == "u") unit = n["ld"].size() == d["months"].size();
  }
  CHECK(row);
  CHECK(unit);
  CHECK(d["clusters"]["list"].size() > 1);
}

TEST_CASE("register text in the explorer is data, never markup", "[render][explore]") {
  const std::string html = page_for(nasty());
  // The only script elements are the page's own: its data and its program.
  std::size_t scripts = 0;
  for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) ++scripts;
  CHECK(scripts == 2);
  CHECK(html.find("<b>communities</b>") == std::string::npos);
  const nlohmann::json d = page_data(html);
  CHECK(d["vocab"]["themes"][0] == "Safer <b>communities</b> & \"streets\"");
}

TEST_CASE("a register too large to draw one by one is grouped, as the diagrams are", "[render][explore]") {
  RenderFixture f(carlisle());
  const render::PlacedLayout layout = render::place_network(*f.in, 10);
  CHECK(layout.grouped);
  REQUIRE_FALSE(layout.notes.empty());
  CHECK_THAT(layout.notes[0], Catch::Contains("grouped by first theme"));
}
