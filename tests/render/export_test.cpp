#include <catch2/catch.hpp>

#include "support.h"

using namespace partnermap::test;

namespace {

// NetworkX reads the file back and prints what a test can compare.
const char* kReader = R"PY(
import sys, networkx as nx
path, fmt = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
print(g.number_of_nodes(), g.number_of_edges())
for n in sorted(g.nodes):
    d = g.nodes[n]
    print(n, "|", d.get("label"), "|", d.get("kind"), "|", d.get("status", ""), "|", d.get("council_role", ""))
)PY";

Run read_back(const TempDir& dir, const std::string& file, const std::string& fmt) {
  write_text(dir / "read.py", kReader);
  return run_command("python3 '" + (dir / "read.py").string() + "' '" + (dir / file).string() + "' " + fmt);
}

}  // namespace

TEST_CASE("export writes GraphML and GEXF that NetworkX reads with every vertex and edge", "[render][export]") {
  TempDir dir;
  for (const std::string fmt : {"graphml", "gexf"}) {
    const std::string file = "carlisle." + fmt;
    const Run r = run_partnermap("export '" + carlisle() + "' -o '" + (dir / file).string() + "'");
    REQUIRE(r.status == 0);
    CHECK(run_command("xmllint --noout '" + (dir / file).string() + "'").status == 0);
    const Run back = read_back(dir, file, fmt);
    INFO(back.err);
    REQUIRE(back.status == 0);
    // 53 organisations + 34 partnerships + 9 units + 6 themes; 248 memberships + commitments, theme
    // links and parents, each once.
    CHECK_THAT(back.out, Catch::StartsWith("102 "));
    CHECK_THAT(back.out, Catch::Contains("unit:sps | Strategic & Performance Services | unit | overloaded"));
    CHECK_THAT(back.out, Catch::Contains("partnership:sure-start-south | Sure Start Carlisle South | partnership |  | lead"));
  }
}

TEST_CASE("export keeps hostile names as text", "[render][export]") {
  TempDir dir;
  for (const std::string fmt : {"graphml", "gexf"}) {
    const std::string file = "nasty." + fmt;
    REQUIRE(run_partnermap("export '" + data_file("nasty.json") + "' -o '" + (dir / file).string() + "'").status == 0);
    CHECK(run_command("xmllint --noout '" + (dir / file).string() + "'").status == 0);
    const Run back = read_back(dir, file, fmt);
    REQUIRE(back.status == 0);
    CHECK_THAT(back.out, Catch::Contains("City Council <script>alert('council')</script>"));
    CHECK_THAT(back.out, Catch::Contains("Police & Crime \"Commission\" &amp; &#65;"));
  }
}

TEST_CASE("export refuses an unknown format and writes nothing", "[render][export]") {
  TempDir dir;
  const Run r = run_partnermap("export '" + carlisle() + "' -o '" + (dir / "net.xml").string() + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("write to a file ending .graphml or .gexf"));
  CHECK_FALSE(std::filesystem::exists(dir / "net.xml"));
}
