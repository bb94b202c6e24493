// The members' briefing pack: complete, self-contained, escaped, atomic, and loaded by Chromium.
#include <catch2/catch.hpp>

#include <sstream>

#include "brief.h"
#include "render_support.h"

using namespace partnermap;
using namespace partnermap::render;
using namespace partnermap::test;

namespace {

const char* kFiles[] = {"index.html", "network.svg", "network.png", "network.dot", "themes.svg", "themes.png", "themes.dot",
                        "capacity.svg", "capacity.png", "capacity.dot", "hierarchy.svg", "hierarchy.png", "hierarchy.dot",
                        "matrix.html", "matrix.csv", "matrix.xlsx"};

std::string chromium(const TempDir& profile, const std::string& args) {
  return "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync --user-data-dir=" +
         shell_quote(profile.path) + " " + args;
}

}  // namespace

TEST_CASE("render: the Carlisle brief is complete, offline, and loads in Chromium without console errors", "[render][brief][readers]") {
  TempDir dir;
  const Run r = run_partnermap("brief " + shell_quote(carlisle()) + " -o " + shell_quote(dir / "pack"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  for (const char* f : kFiles) CHECK(std::filesystem::exists(dir / "pack" / f));
  const std::string html = read_text(dir / "pack" / "index.html");
  // --memory: libxml2 2.9 reading a file in chunks misreads a character reference that straddles two
  // chunks (a 660 kB page failed at "&#" + "10;"); parsed whole, the same page has no fault.
  CHECK(html_faults(run_command("xmllint --html --memory --noout " + shell_quote(dir / "pack" / "index.html")).err) == "");
  // Self-contained: no external script, style sheet, image or font.
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("<link rel=\"stylesheet\"") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  // The key findings in plain words, and the heat map.
  CHECK(html.find("over capacity because of partnership work") != std::string::npos);
  CHECK(html.find("Capacity over the coming months") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("xlink:title=") != std::string::npos);  // hover details
  // Several SVGs in one page: their ids must not clash.
  CHECK(html.find("id=\"d1\"") != std::string::npos);
  CHECK(html.find("id=\"d2\"") != std::string::npos);
  CHECK(html.find("id=\"node1\"") == std::string::npos);

  SECTION("Chromium runs the page's scripts without a console error and takes a screenshot") {
    TempDir profile;
    const std::string url = "file://" + (dir / "pack" / "index.html").string();
    const Run dom = run_command(chromium(profile, "--enable-logging=stderr --v=0 --dump-dom " + shell_quote(url)));
    REQUIRE(dom.status == 0);
    CHECK(dom.err.find("CONSOLE") == std::string::npos);
    CHECK(dom.err.find("Uncaught") == std::string::npos);
    CHECK(dom.out.find("34 of 34 shown") != std::string::npos);  // the matrix script ran
    TempDir profile2;
    const auto shot = dir / "brief.png";
    const Run s = run_command(chromium(profile2, "--screenshot=" + shell_quote(shot) + " --window-size=1280,2000 " + shell_quote(url)));
    REQUIRE(s.status == 0);
    CHECK(run_command("file -b " + shell_quote(shot)).out.rfind("PNG image data, 1280 x 2000", 0) == 0);
  }
}

TEST_CASE("render: the nasty brief shows every name as text", "[render][brief][escape]") {
  RenderFixture f(nasty());
  std::ostringstream out;
  write_brief_page(*f.in, {}, out);
  const std::string html = out.str();
  std::size_t scripts = 0;
  for (std::size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  CHECK(scripts == 1);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("City Council &lt;script&gt;alert(&#39;council&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Theme with no partnership {|}") != std::string::npos);  // the theme no partnership serves

  TempDir dir;
  const Run r = run_partnermap("brief " + shell_quote(nasty()) + " -o " + shell_quote(dir / "pack"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(html_faults(run_command("xmllint --html --memory --noout " + shell_quote(dir / "pack" / "index.html")).err) == "");
  for (const char* svg : {"network.svg", "themes.svg", "capacity.svg", "hierarchy.svg"})
    CHECK(run_command("xmllint --noout " + shell_quote(dir / "pack" / svg)).status == 0);
}

TEST_CASE("render: brief replaces an earlier pack whole, and refuses a folder of other files", "[render][brief][cli]") {
  TempDir dir;
  const auto pack = dir / "pack";
  REQUIRE(run_partnermap("brief " + shell_quote(carlisle()) + " -o " + shell_quote(pack)).status == 0);
  write_text(pack / "index.html", "an earlier page");
  REQUIRE(run_partnermap("brief " + shell_quote(carlisle()) + " -o " + shell_quote(pack)).status == 0);
  CHECK(read_text(pack / "index.html") != "an earlier page");
  CHECK(std::filesystem::exists(pack / "partnermap-pack.txt"));

  // An officer's own file beside the pack: refused, and kept.
  write_text(pack / "notes.docx", "mine");
  const Run beside = run_partnermap("brief " + shell_quote(carlisle()) + " -o " + shell_quote(pack));
  CHECK(beside.status == 2);
  CHECK_THAT(beside.err, Catch::Contains("also holds files partnermap did not write (notes.docx)"));
  CHECK(read_text(pack / "notes.docx") == "mine");
  std::filesystem::remove(pack / "notes.docx");

  const auto other = dir / "documents";
  std::filesystem::create_directories(other);
  write_text(other / "letter.txt", "keep me");
  const Run r = run_partnermap("brief " + shell_quote(carlisle()) + " -o " + shell_quote(other));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("holds files partnermap did not write (letter.txt)"));
  CHECK(read_text(other / "letter.txt") == "keep me");

  // Nothing half-made is left beside the packs.
  std::size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) {
    CHECK(e.path().filename().string().rfind(".partnermap-", 0) == std::string::npos);
    ++entries;
  }
  CHECK(entries == 2);
}
