// Pictures that read: every diagram in the brief, measured as laid out, is within about 3:1, for
// Carlisle, a generated council register and a small register of one partnership per unit (which
// dot once laid out as a strip nine times wider than tall).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "render_support.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

double svg_number(const std::string& svg, const std::string& name) {
  const std::size_t at = svg.find(" " + name + "=\"");
  return at == std::string::npos ? 0 : std::atof(svg.c_str() + at + name.size() + 3);
}

// A register as small councils keep one: each Business Unit in one partnership of its own.
std::string small_register() {
  std::string units, orgs = R"({"id": "council", "name": "Smalltown Council", "sector": "public"})", parts;
  for (int i = 1; i <= 8; ++i) {
    const std::string n = std::to_string(i);
    units += std::string(i > 1 ? "," : "") + R"({"id": "u)" + n + R"(", "name": "Unit )" + n + R"(", "capacity_hours": 40})";
    orgs += R"(,{"id": "o)" + n + R"(", "name": "Partner organisation )" + n + R"(", "sector": "voluntary"})";
    parts += std::string(i > 1 ? "," : "") + R"({"id": "p)" + n + R"(", "name": "Partnership )" + n +
             R"(", "nature": "operational", "members": [{"org": "council", "role": "lead"}, {"org": "o)" + n +
             R"(", "role": "support"}], "commitments": [{"unit": "u)" + n + R"(", "hours": )" + std::to_string(5 * i) +
             R"(}], "themes": ["t"]})";
  }
  return R"({"format": "partnermap/1", "as_of": "2024-04-01", "council": "council", "themes": [{"id": "t", "name": "A theme"}], )"
         R"("business_units": [)" + units + R"(], "organisations": [)" + orgs + R"(], "partnerships": [)" + parts + "]}";
}

// The smallest type in an SVG (Graphviz writes font-size="9.00" on each text).
double smallest_font(const std::string& svg) {
  double smallest = 1e9;
  for (std::size_t at = svg.find("font-size=\""); at != std::string::npos; at = svg.find("font-size=\"", at + 1))
    smallest = std::min(smallest, std::atof(svg.c_str() + at + 11));
  return smallest;
}

// The size its smallest label prints at when the drawing is fitted to an A4 page within 10 mm
// margins, turned to suit it (what the diagram's PDF does).
double printed_points(double w, double h, double font) {
  const double long_side = 842 - 2 * 28.35, short_side = 595 - 2 * 28.35;
  const double page_w = w > h ? long_side : short_side, page_h = w > h ? short_side : long_side;
  return font * std::min(page_w / w, page_h / h);
}

// Every diagram of the pack within 3:1, one A4 page as PDF, and its labels printing at least
// `smallest_label` points (measured: what the re-layout reaches for the register's size).
void check_pack(const std::string& reg, double smallest_label) {
  TempDir dir;
  const Run r = run_command(std::string("PARTNERMAP_CHROMIUM= '") + PARTNERMAP_BIN + "' brief " + shell_quote(reg) + " -o " + shell_quote(dir / "pack"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::size_t svgs = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "pack")) {
    if (e.path().extension() != ".svg") continue;
    ++svgs;
    const std::string svg = read_text(e.path());
    const double w = svg_number(svg, "width"), h = svg_number(svg, "height");
    INFO(e.path().filename().string() << ": " << w << " x " << h << " pt");
    REQUIRE(w > 0);
    REQUIRE(h > 0);
    CHECK(std::max(w / h, h / w) <= 3.05);
    const double printed = printed_points(w, h, smallest_font(svg));
    INFO("smallest label prints at " << printed << " pt");
    CHECK(printed >= smallest_label);
    // A diagram's PDF is one A4 page.
    auto pdf = e.path();
    pdf.replace_extension(".pdf");
    const std::string info = run_command("pdfinfo " + shell_quote(pdf)).out;
    CHECK(info.find("Pages:           1") != std::string::npos);
    const std::size_t at = info.find("Page size:");
    REQUIRE(at != std::string::npos);
    double pw = 0, ph = 0;
    REQUIRE(std::sscanf(info.c_str() + at, "Page size: %lf x %lf", &pw, &ph) == 2);
    CHECK(std::min(pw, ph) == Approx(595).margin(2));
    CHECK(std::max(pw, ph) == Approx(842).margin(2));
  }
  CHECK(svgs >= 3);
}

}  // namespace

TEST_CASE("diagram: every briefing diagram of Carlisle is within 3:1 and its PDF one A4 page", "[render][diagram][shape][readers]") {
  // Laid out in one long rank, Carlisle's theme diagrams printed their labels at 2.2 pt; re-laid
  // around their theme, at 2.6 pt or more.
  check_pack(carlisle(), 2.5);
}

TEST_CASE("diagram: a small register of one partnership per unit is re-laid within 3:1", "[render][diagram][shape][readers]") {
  TempDir dir;
  write_text(dir / "small.json", small_register());
  check_pack((dir / "small.json").string(), 4.5);
}

TEST_CASE("diagram: a generated council register's briefing diagrams are within 3:1", "[render][diagram][shape][readers][slow]") {
  TempDir dir;
  REQUIRE(run_partnermap("generate --size council -o " + shell_quote(dir / "council.json")).status == 0);
  check_pack((dir / "council.json").string(), 1.8);
}
