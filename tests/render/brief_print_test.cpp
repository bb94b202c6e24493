// The briefing on paper: Chromium's print of the Carlisle pack read back page by page, briefing.pdf
// read by pdfinfo, and the pack made whole when there is no PDF engine.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "brief.h"
#include "brief_print.h"
#include "../hostile_strings.h"
#include "render_support.h"

using namespace partnermap;
using namespace partnermap::render;
using namespace partnermap::test;

namespace {

bool have(const char* program) { return run_command(std::string("command -v ") + program).status == 0; }

std::string page_text(const std::filesystem::path& pdf, int page) {
  const std::string n = std::to_string(page);
  return run_command(std::string("pdftotext -f ") + n + " -l " + n + " -layout " + shell_quote(pdf) + " -").out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \f\t") != std::string::npos) out.push_back(line);
  return out;
}

int page_count(const std::filesystem::path& pdf) {
  const std::string info = run_command("pdfinfo " + shell_quote(pdf)).out;
  const std::size_t at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

}  // namespace

TEST_CASE("render: css_string keeps register text inert in a style sheet", "[render][brief][escape]") {
  CHECK(css_string("Carlisle City Council") == "\"Carlisle City Council\"");
  for (const std::string& s : hostile_strings()) {
    const std::string css = css_string(s);
    INFO(s);
    CHECK(css.front() == '"');
    CHECK(css.back() == '"');
    const std::string inside = css.substr(1, css.size() - 2);
    for (char ch : std::string("\"'<>;{}\n\r"))
      CHECK(inside.find(ch) == std::string::npos);
  }
  CHECK(css_string("a\"b").find("\\22 ") != std::string::npos);
  CHECK(css_string("x\xE2\x80\xAEy").find("\\FFFD ") != std::string::npos);  // a right-to-left override shows as U+FFFD
}

TEST_CASE("render: the Carlisle brief prints on A4 with no lone heading, no split diagram and a heading row on every matrix page",
          "[render][brief][print][readers]") {
  if (!have("chromium") || !have("pdftotext")) {
    WARN("chromium or pdftotext is not installed: the printed brief is not checked");
    return;
  }
  TempDir dir;
  const Run r = run_partnermap("brief " + shell_quote(carlisle()) + " -o " + shell_quote(dir / "pack") + " --pdf");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("briefing.pdf") != std::string::npos);
  const auto pdf = dir / "pack" / "briefing.pdf";
  REQUIRE(std::filesystem::exists(pdf));
  const std::string info = run_command("pdfinfo " + shell_quote(pdf)).out;
  CHECK(info.find("(A4)") != std::string::npos);
  const int pages = page_count(pdf);
  CHECK(pages >= 20);
  CHECK(pages <= 30);

  const std::string html = read_text(dir / "pack" / "index.html");
  std::size_t figures = 0;
  for (std::size_t p = html.find("<figure class=\"diagram"); p != std::string::npos; p = html.find("<figure class=\"diagram", p + 1)) ++figures;
  CHECK(figures >= 10);  // four whole views, six themes, three units over capacity

  std::size_t diagram_pages = 0, matrix_pages = 0;
  bool in_matrix = false;
  for (int p = 1; p <= pages; ++p) {
    const std::string text = page_text(pdf, p);
    const std::vector<std::string> lines = lines_of(text);
    INFO("page " << p << ":\n" << text);
    // The council and date head every page, the page number foots it.
    REQUIRE(!lines.empty());
    CHECK(lines.front().find("Carlisle City Council: partnerships briefing") != std::string::npos);
    CHECK(lines.front().find("As at 1 September 2004") != std::string::npos);
    CHECK(text.find(std::string("Page ") + std::to_string(p) + " of " + std::to_string(pages)) != std::string::npos);
    // No page holds only a heading: beyond the head and foot there is more than a line or two.
    CHECK(lines.size() > 4);
    // A diagram is whole on its page: its drawn title (the page's head says "As at") shares the
    // page with its "how to read".
    if (text.find("as at 1 September 2004") != std::string::npos) {
      ++diagram_pages;
      CHECK(text.find("How to read this:") != std::string::npos);
    }
    if (text.find("Partnerships matrix") != std::string::npos) in_matrix = true;
    if (in_matrix && text.find("Figures for partnerships active") == std::string::npos) {
      ++matrix_pages;
      // The heading row repeats, in text a reader can find, on every page of the matrix.
      CHECK(text.find("Partnership") != std::string::npos);
      CHECK(text.find("Nature") != std::string::npos);
      CHECK(text.find("Review findings") != std::string::npos);
      CHECK(text.find("Economic prosperity") != std::string::npos);
    }
  }
  CHECK(diagram_pages == figures);
  CHECK(matrix_pages >= 5);

  // A rendered matrix page is a picture of a page, not a blank.
  const Run png = run_command(std::string("pdftoppm -r 40 -png -f ") + std::to_string(pages - 1) + " -l " + std::to_string(pages - 1) + " " +
                              shell_quote(pdf) + " " + shell_quote(dir / "page"));
  REQUIRE(png.status == 0);
  std::size_t pictures = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path))
    if (e.path().extension() == ".png") {
      ++pictures;
      CHECK(run_command("file -b " + shell_quote(e.path())).out.rfind("PNG image data", 0) == 0);
      CHECK(std::filesystem::file_size(e.path()) > 5000);
    }
  CHECK(pictures == 1);
}

TEST_CASE("render: without a PDF engine the pack is still made, and the officer is told how to get the PDF", "[render][brief][print][cli]") {
  TempDir dir;
  const std::string bin = std::string("PARTNERMAP_CHROMIUM= '") + PARTNERMAP_BIN + "' brief " + shell_quote(carlisle());
  const Run r = run_command(bin + " -o " + shell_quote(dir / "pack"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(std::filesystem::exists(dir / "pack" / "index.html"));
  CHECK(std::filesystem::exists(dir / "pack" / "matrix.xlsx"));
  CHECK_FALSE(std::filesystem::exists(dir / "pack" / "briefing.pdf"));
  CHECK(r.err.find("note: no briefing.pdf: no PDF engine was found") != std::string::npos);
  CHECK(r.err.find("apt-get install chromium") != std::string::npos);

  const Run insisted = run_command(bin + " --pdf -o " + shell_quote(dir / "pack2"));
  CHECK(insisted.status == 1);
  CHECK(insisted.err.find("error: no briefing.pdf") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "pack2" / "index.html"));  // the rest of the pack is there

  const Run none = run_command(std::string("'") + PARTNERMAP_BIN + "' brief " + shell_quote(carlisle()) + " --no-pdf -o " + shell_quote(dir / "pack3"));
  CHECK(none.status == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "pack3" / "briefing.pdf"));
  CHECK(none.err.find("briefing.pdf") == std::string::npos);

  const Run both = run_partnermap("brief " + shell_quote(carlisle()) + " --pdf --no-pdf -o " + shell_quote(dir / "pack4"));
  CHECK(both.status == 2);
  CHECK(both.err.find("opposite") != std::string::npos);
}

TEST_CASE("render: the print styles choose the page for each paper", "[render][brief][print]") {
  RenderFixture f(carlisle());
  std::ostringstream a4, a3;
  write_brief_page(*f.in, {}, a4, Paper::a4);
  write_brief_page(*f.in, {}, a3, Paper::a3);
  CHECK(a4.str().find("@page{size:A4 portrait") != std::string::npos);
  CHECK(a4.str().find("@page wide{size:A4 landscape}") != std::string::npos);
  CHECK(a3.str().find("@page{size:A3 landscape") != std::string::npos);
  CHECK(a3.str().find("A4") == std::string::npos);
  CHECK(prints_landscape(300, 100));
  CHECK_FALSE(prints_landscape(100, 300));
}
