#include "brief.h"

#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <stdexcept>

#include "brief_findings.h"
#include "brief_pdf.h"
#include "brief_print.h"
#include "diagram.h"
#include "diagram_multiples.h"
#include "escape.h"
#include "matrix_write.h"

namespace partnermap::render {

namespace fs = std::filesystem;

namespace {

const char* kCss = R"CSS(
:root{--ink:#111;--muted:#555;--line:#ccc}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;color:var(--ink);margin:0;line-height:1.45}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 1.2em}
header{padding-top:1.2em}
h1{font-size:1.7em;margin:.2em 0}
h2{font-size:1.3em;border-bottom:2px solid #0072B2;padding-bottom:.15em;margin-top:1.8em}
.sub{color:var(--muted);margin:0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(11em,1fr));gap:.7em;margin:1em 0}
.figure{border:1px solid var(--line);border-left:6px solid #0072B2;padding:.5em .7em;border-radius:4px}
.figure b{display:block;font-size:1.8em;line-height:1.1}
.findings li{margin:.35em 0}
table.heat{border-collapse:collapse;font-size:.85em}
table.heat th,table.heat td{border:1px solid #fff;padding:.25em .45em;text-align:right;white-space:nowrap}
table.heat th[scope=row]{text-align:left;background:#f2f2f2}
table.heat thead th{background:#e8eef4}
table.heat thead th:first-child{text-align:left}
.ok{background:#BFE6D8}.stretched{background:#F0E442}.over{background:#D55E00;color:#fff}
.key span{display:inline-block;padding:0 .5em;margin-right:.4em;border-radius:3px}
figure.diagram{margin:1em 0;border:1px solid var(--line);border-radius:4px;padding:.5em}
figure.diagram svg{max-width:100%;height:auto;display:block;margin:0 auto}
figure.diagram g.node{cursor:pointer}
figcaption{font-weight:600}
.files{font-size:.9em;color:var(--muted)}
#details{position:fixed;right:1em;bottom:1em;max-width:26em;max-height:50vh;overflow:auto;background:#fff;border:2px solid #0072B2;border-radius:6px;padding:.6em .8em;box-shadow:0 2px 10px rgba(0,0,0,.25);white-space:pre-line;font-size:.9em}
#details[hidden]{display:none}
#details button{float:right;margin-left:.5em}
footer{color:var(--muted);font-size:.85em;padding-bottom:2em}
)CSS";

// Clicking a node shows its details (the same text as the hover tooltip) in a panel; textContent,
// never innerHTML, so register text cannot become markup.
const char* kScript = R"JS(
(function(){
var panel=document.getElementById('details'),text=document.getElementById('details-text');
document.getElementById('details-close').addEventListener('click',function(){panel.hidden=true;});
document.querySelectorAll('figure.diagram g.node').forEach(function(g){
 g.addEventListener('click',function(){
  var a=g.querySelector('a'),t=a&&(a.getAttribute('xlink:title')||a.getAttribute('title'));
  if(!t){var ti=g.querySelector('title');t=ti?ti.textContent:'';}
  text.textContent=t;panel.hidden=false;});
});
})();
)JS";

// Graphviz's SVG is a document; inside a page it must be an element only.
std::string inline_svg(const std::string& svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return {};
  std::string out = svg.substr(start);
  // Graphviz writes comments naming the graph and nodes: harmless, but they repeat register text.
  std::size_t c;
  while ((c = out.find("<!--")) != std::string::npos) {
    const std::size_t e = out.find("-->", c);
    if (e == std::string::npos) break;
    out.erase(c, e + 3 - c);
  }
  return out;
}

// The SVG's own width and height (Graphviz writes them in points), for choosing its printed page.
double svg_dimension(const std::string& svg, const std::string& name) {
  const std::size_t at = svg.find(" " + name + "=\"");
  if (at == std::string::npos) return 0;
  return std::atof(svg.c_str() + at + name.size() + 3);
}

const char* page_class(const BriefDiagram& d) {
  return prints_landscape(svg_dimension(d.svg, "width"), svg_dimension(d.svg, "height")) ? "wide" : "tall";
}

void write_figure(const BriefDiagram& d, std::ostream& out) {
  out << "<figure class=\"diagram " << page_class(d) << "\" id=\"diagram-" << html_escape(d.slug) << "\"><figcaption>"
      << html_escape(d.title) << "</figcaption>\n";
  if (!d.how_to_read.empty()) out << "<p class=\"howto\"><b>How to read this:</b> " << html_escape(d.how_to_read) << "</p>\n";
  out << inline_svg(d.svg) << "\n<p class=\"files\">Also as <a href=\"" << html_escape(d.slug) << ".svg\">SVG</a>, <a href=\""
      << html_escape(d.slug) << ".png\">PNG</a>, <a href=\"" << html_escape(d.slug) << ".pdf\">PDF</a> and <a href=\""
      << html_escape(d.slug) << ".dot\">Graphviz DOT</a>.</p></figure>\n";
}

// A section of diagrams prints on its first diagram's page, so its heading is never alone on a page.
void write_diagram_section(const std::string& id, const std::string& heading, const std::string& intro,
                           const std::vector<const BriefDiagram*>& diagrams, std::ostream& out) {
  if (diagrams.empty()) return;
  out << "<section class=\"" << page_class(*diagrams.front()) << "\" aria-labelledby=\"h-" << id << "\"><h2 id=\"h-" << id << "\">"
      << html_escape(heading) << "</h2>\n<p>" << html_escape(intro) << "</p>\n";
  for (const BriefDiagram* d : diagrams) write_figure(*d, out);
  out << "</section>\n";
}

const char* status_class(double utilisation) {
  if (!std::isfinite(utilisation) || utilisation > 1.0) return "over";
  if (utilisation >= kStretched) return "stretched";
  return "ok";
}

void heat_map(const Analysed& in, std::ostream& out) {
  const Register& reg = in.reg();
  const Capacity& cap = in.capacity;
  out << "<p class=\"key\"><span class=\"ok\">within capacity</span><span class=\"stretched\">stretched: 85% or more</span>"
         "<span class=\"over\">over capacity: above 100%</span> Each cell is the share of the unit's partnership time "
         "committed in that month.</p>\n<div class=\"pm-wrap\"><table class=\"heat\"><thead><tr><th scope=\"col\">Business Unit</th>";
  for (Date m : cap.months) out << "<th scope=\"col\">" << html_escape(month_label(m)) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (std::size_t i = 0; i < cap.units.size(); ++i) {
    const UnitLoad& u = cap.units[i];
    out << "<tr><th scope=\"row\">" << html_escape(reg.business_units.at(u.unit).name) << "</th>";
    for (std::size_t k = 0; k < cap.months.size(); ++k) {
      const double v = i < cap.forecast.size() && k < cap.forecast[i].size() ? cap.forecast[i][k] : 0;
      const double h = i < cap.forecast_hours.size() && k < cap.forecast_hours[i].size() ? cap.forecast_hours[i][k] : 0;
      out << "<td class=\"" << status_class(v) << "\" title=\"" << html_escape(thousands(h) + " of " + thousands(u.capacity_hours) + " hours a month") << "\">"
          << html_escape(percent(v)) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
}

}  // namespace

void write_brief_page(const Analysed& in, const std::vector<BriefDiagram>& diagrams, std::ostream& out, Paper paper) {
  const Register& reg = in.reg();
  const std::string council = reg.organisations.at(reg.council).name;
  const std::string title = "Partnerships briefing: " + council;
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<link rel=\"icon\" href=\"data:,\">\n"  // no favicon request: the page works offline
      << "<title>" << html_escape(title) << "</title>\n<style>" << kCss << matrix_table_css()
      << brief_print_css(council, in.capacity.at, paper) << "</style>\n</head>\n<body>\n";
  out << "<header><h1>" << html_escape(title) << "</h1><p class=\"sub\">As at " << html_escape(long_date(in.capacity.at))
      << ". Prepared from the partnership register by partnermap.</p></header>\n<main>\n";

  out << "<section aria-labelledby=\"h-figures\"><h2 id=\"h-figures\">Headline figures</h2><div class=\"figures\">\n";
  for (const Headline& h : headline_figures(in))
    out << "<div class=\"figure\"><b>" << html_escape(h.figure) << "</b>" << html_escape(h.label) << "</div>\n";
  out << "</div></section>\n";

  out << "<section aria-labelledby=\"h-findings\"><h2 id=\"h-findings\">Key findings</h2><ul class=\"findings\">\n";
  for (const std::string& f : key_findings(in)) out << "<li>" << html_escape(f) << "</li>\n";
  out << "</ul></section>\n";

  out << "<section aria-labelledby=\"h-capacity\"><h2 id=\"h-capacity\">Capacity over the coming months</h2>\n";
  heat_map(in, out);
  out << "</section>\n";

  std::vector<const BriefDiagram*> whole, multiples;
  for (const BriefDiagram& d : diagrams) (d.multiple ? multiples : whole).push_back(&d);
  write_diagram_section("diagrams", "Diagrams", "Point at a box or oval for its details; select it to keep them on screen.", whole, out);
  write_diagram_section("multiples", "One theme, one Business Unit at a time",
                        "The whole network is too much to read at once: here each City Vision theme, and each Business Unit over "
                        "capacity, has a diagram of its own, with the partnerships active on the date and who is in them.",
                        multiples, out);

  out << "<section class=\"wide\" id=\"matrix-section\" aria-labelledby=\"h-matrix\"><h2 id=\"h-matrix\">Partnerships matrix</h2>\n"
      << "<p class=\"files\">Also as <a href=\"matrix.html\">a page of its own</a>, <a href=\"matrix.xlsx\">Excel</a> "
         "(with capacity and review sheets) and <a href=\"matrix.csv\">CSV</a>.</p>\n";
  write_matrix_table_html(build_matrix(in), "matrix", out);
  out << "</section>\n</main>\n";
  out << "<aside id=\"details\" hidden aria-live=\"polite\"><button type=\"button\" id=\"details-close\">Close</button>"
         "<div id=\"details-text\"></div></aside>\n";
  out << "<footer><p>Figures for partnerships active on " << html_escape(long_date(in.capacity.at))
      << ". Stretched means 85% or more of a unit's partnership time is committed; over capacity, more than 100%.</p></footer>\n";
  out << "<script>" << matrix_table_script() << kScript << "</script>\n</body>\n</html>\n";
}

std::string brief_target_problem(const std::string& dir) {
  std::error_code ec;
  const fs::path p(dir);
  if (!fs::exists(p, ec)) return {};
  if (!fs::is_directory(p, ec)) return dir + " is a file, not a folder; give a folder for the pack";
  if (fs::is_empty(p, ec) || fs::exists(p / "index.html", ec)) return {};
  return dir + " holds other files; give a new or empty folder (or an earlier pack's) so nothing else is replaced";
}

namespace {

void write_text_file(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("could not create " + path.string());
  write(out);
  out.close();
  if (!out) throw std::runtime_error("could not finish writing " + path.string() + " (is the disk full?)");
}

}  // namespace

BriefReport write_brief(const Analysed& in, const std::string& dir,
                        const std::function<void(const std::string& temp_folder)>& in_flight, const BriefOptions& options) {
  if (const std::string why = brief_target_problem(dir); !why.empty()) throw std::invalid_argument(why);
  fs::path target = fs::absolute(fs::path(dir));
  if (target.filename().empty()) target = target.parent_path();  // "out/" → "out"
  const fs::path parent = target.parent_path();
  if (!fs::is_directory(parent)) throw std::invalid_argument(parent.string() + " does not exist; make the folder that is to hold the pack first");
  std::random_device seed;
  const std::string tag = std::to_string(seed() % 1000000);
  // Hidden names beside the target (a rename within one folder is atomic). Built by appending:
  // GCC 12 warns falsely (-Wrestrict) on "." + std::string&&.
  std::string hidden = ".";
  hidden += target.filename().string();
  const fs::path temp = parent / (hidden + ".partial-" + tag);
  BriefReport report;
  if (in_flight) in_flight(temp.string());
  try {
    fs::create_directory(temp);
    std::vector<BriefDiagram> diagrams;
    int n = 0;
    for (const BriefView& v : brief_views(in)) {
      const std::string slug = view_slug(v.view);
      DiagramOptions diagram_options;
      diagram_options.id_prefix = "d";  // unique ids across the page's SVGs (appended: see above on -Wrestrict)
      diagram_options.id_prefix += std::to_string(++n);
      diagram_options.paper = options.paper;
      diagram_options.include_ended = options.include_ended;
      diagram_options.include_proposed = options.include_proposed;
      DiagramReport r = draw_diagram(in, v.view,
                                     {{DiagramFormat::svg, ""},
                                      {DiagramFormat::svg, (temp / (slug + ".svg")).string()},
                                      {DiagramFormat::png, (temp / (slug + ".png")).string()},
                                      {DiagramFormat::pdf, (temp / (slug + ".pdf")).string()},
                                      {DiagramFormat::dot, (temp / (slug + ".dot")).string()}},
                                     diagram_options);
      for (const char* ext : {".svg", ".png", ".pdf", ".dot"}) report.files.push_back(slug + ext);
      std::string title = view_title(v.view, in.graph);
      for (std::string& w : r.warnings) report.warnings.push_back(title + ": " + w);
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
      diagrams.push_back({slug, title, std::move(r.svg), r.notes, v.how_to_read, v.multiple});
    }
    const Matrix m = build_matrix(in);
    write_text_file(temp / "matrix.html", [&](std::ostream& o) { write_matrix_html(m, o); });
    write_text_file(temp / "matrix.csv", [&](std::ostream& o) { write_matrix_csv(m, o); });
    write_matrix_xlsx(m, in, (temp / "matrix.xlsx").string());
    for (const char* f : {"matrix.html", "matrix.csv", "matrix.xlsx"}) report.files.push_back(f);
    write_text_file(temp / "index.html", [&](std::ostream& o) { write_brief_page(in, diagrams, o, options.paper); });
    report.files.insert(report.files.begin(), "index.html");
    if (options.pdf) {
      const std::string engine = find_pdf_engine();
      report.pdf_problem = engine.empty() ? "no PDF engine was found" : print_to_pdf(engine, (temp / "index.html").string(), (temp / "briefing.pdf").string());
      if (report.pdf_problem.empty()) report.files.push_back("briefing.pdf");
    }

    // Swap the new pack in; an earlier one is moved aside first and removed only once the new one is in place.
    const fs::path old = parent / (hidden + ".old-" + tag);
    const bool had = fs::exists(target);
    if (had) fs::rename(target, old);
    try {
      fs::rename(temp, target);
    } catch (...) {
      if (had) fs::rename(old, target);
      throw;
    }
    if (had) fs::remove_all(old);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    throw;
  }
  return report;
}

}  // namespace partnermap::render
