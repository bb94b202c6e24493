#include "brief.h"

#include <cctype>
#include <cmath>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "brief_findings.h"
#include "brief_network.h"
#include "brief_since.h"
#include "brief_survey.h"
#include "explore.h"
#include "brief_pdf.h"
#include "brief_print.h"
#include "diagram.h"
#include "diagram_multiples.h"
#include "escape.h"
#include "matrix_write.h"

namespace partnermap::render {

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
.figure.names{grid-column:span 2}
.figure.names b{font-size:1.05em;line-height:1.3;margin-bottom:.15em}
.figure .howto{display:block;font-size:.82em;color:var(--muted);margin-top:.35em;line-height:1.35}
p.howto{font-size:.92em;color:var(--muted);margin:.3em 0 .6em}
.findings li{margin:.35em 0}
table.heat{border-collapse:collapse;font-size:.85em}
table.heat th,table.heat td{border:1px solid #fff;padding:.25em .45em;text-align:right;white-space:nowrap}
table.heat th[scope=row]{text-align:left;background:#f2f2f2}
table.heat thead th{background:#e8eef4}
table.heat thead th:first-child{text-align:left}
.ok{background:#BFE6D8}.stretched{background:#F0E442}.over{background:#D55E00;color:#fff}.unknown{background:#fff;color:#555;font-style:italic}
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

// The cell's class from the same status the capacity figures give, so the colour and the words agree.
const char* status_class(LoadStatus s) {
  switch (s) {
    case LoadStatus::overloaded: return "over";
    case LoadStatus::stretched: return "stretched";
    case LoadStatus::not_recorded: return "unknown";
    case LoadStatus::ok: break;
  }
  return "ok";
}

// Units whose capacity is not recorded, and how to give it.
void capacity_missing_note(const Analysed& in, std::ostream& out) {
  std::vector<std::string> missing;
  for (const UnitLoad& u : in.capacity.units)
    if (u.status == LoadStatus::not_recorded) missing.push_back(in.reg().business_units.at(u.unit).name);
  if (missing.empty()) return;
  const PolicyWords& w = in.reg().policy.words;
  out << "<p class=\"note\">" << html_escape("Capacity not recorded for " + join_words(missing) +
                                                ": their load cannot be judged, so they are not counted as stretched or over "
                                                "capacity. Give each " + w.unit + " its capacity_hours (the hours a month it can "
                                                "give to partnerships) in the register.") << "</p>\n";
}

void heat_map(const Analysed& in, std::ostream& out) {
  const Register& reg = in.reg();
  const Capacity& cap = in.capacity;
  const PolicyWords& w = reg.policy.words;
  out << "<p class=\"key\"><span class=\"ok\">within capacity</span><span class=\"stretched\">stretched: "
      << html_escape(percent(cap.thresholds.stretched)) << " or more</span><span class=\"over\">over capacity: above "
      << html_escape(percent(cap.thresholds.overloaded)) << "</span><span class=\"unknown\">" << kCapacityNotRecorded
      << "</span></p>\n<p class=\"howto\"><b>How to read this:</b> "
      << html_escape("each row is a " + w.unit + " and each column a month ahead; a cell is the share of the time the " + w.unit +
                     " can give to partnerships that is already committed in that month, coloured by the thresholds in the key. "
                     "A row that stays orange needs hours found or partnerships given up; one that turns green is work ending.")
      << "</p>\n";
  capacity_missing_note(in, out);
  out << "<div class=\"pm-wrap\"><table class=\"heat\"><thead><tr><th scope=\"col\">" << html_escape(capitalised(w.unit)) << "</th>";
  for (Date m : cap.months) out << "<th scope=\"col\">" << html_escape(month_label(m)) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (std::size_t i = 0; i < cap.units.size(); ++i) {
    const UnitLoad& u = cap.units[i];
    out << "<tr><th scope=\"row\">" << html_escape(reg.business_units.at(u.unit).name) << "</th>";
    for (std::size_t k = 0; k < cap.months.size(); ++k) {
      const double v = i < cap.forecast.size() && k < cap.forecast[i].size() ? cap.forecast[i][k] : 0;
      const double h = i < cap.forecast_hours.size() && k < cap.forecast_hours[i].size() ? cap.forecast_hours[i][k] : 0;
      const LoadStatus s = load_status(h, u.capacity_hours, cap.thresholds);
      const std::string title = s == LoadStatus::not_recorded ? thousands(h) + " hours a month; capacity not recorded"
                                                              : thousands(h) + " of " + thousands(u.capacity_hours) + " hours a month";
      out << "<td class=\"" << status_class(s) << "\" title=\"" << html_escape(title) << "\">"
          << html_escape(s == LoadStatus::not_recorded ? std::string("not recorded") : utilisation_text(v)) << "</td>";
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
  write_since_section(in, out);  // a monitoring report leads with what changed

  const PolicyWords& w = reg.policy.words;
  out << "<section aria-labelledby=\"h-figures\"><h2 id=\"h-figures\">Headline figures</h2><div class=\"figures\">\n";
  for (const Headline& h : headline_figures(in))
    out << "<div class=\"figure\"><b>" << html_escape(h.figure) << "</b>" << html_escape(h.label) << "<span class=\"howto\">"
        << html_escape(h.how_to_read) << "</span></div>\n";
  out << "</div>\n";
  write_network_figures(in, out);
  out << "</section>\n";

  out << "<section aria-labelledby=\"h-findings\"><h2 id=\"h-findings\">Key findings</h2><ul class=\"findings\">\n";
  for (const std::string& f : key_findings(in)) out << "<li>" << html_escape(f) << "</li>\n";
  out << "</ul></section>\n";
  write_survey_section(in, out);

  out << "<section aria-labelledby=\"h-capacity\"><h2 id=\"h-capacity\">Capacity over the coming months</h2>\n";
  heat_map(in, out);
  out << "</section>\n";

  std::vector<const BriefDiagram*> whole, multiples;
  for (const BriefDiagram& d : diagrams) (d.multiple ? multiples : whole).push_back(&d);
  // The explorer's link ends the section before the diagrams: on its own after them it would print
  // as a page that holds one line.
  out << "<p class=\"explore\">To search, filter, focus on one partner and step through the months: "
         "<a href=\"explore.html\">the partnership explorer</a> (opens offline in a browser).</p>\n";
  write_diagram_section("diagrams", "Diagrams", "Point at a box or oval for its details; select it to keep them on screen.", whole, out);
  write_diagram_section("multiples", "One theme, one " + w.unit + " at a time",
                        "The whole network is too much to read at once: here each of the " + w.themes + ", and each " + w.unit +
                            " over capacity, has a diagram of its own, with the partnerships active on the date and who is in them.",
                        multiples, out);

  out << "<section class=\"wide\" id=\"matrix-section\" aria-labelledby=\"h-matrix\"><h2 id=\"h-matrix\">Partnerships matrix</h2>\n"
      << "<p class=\"files\">Also as <a href=\"matrix.html\">a page of its own</a>, <a href=\"matrix.xlsx\">Excel</a> "
         "(with capacity and review sheets) and <a href=\"matrix.csv\">CSV</a>.</p>\n";
  out << "<p class=\"howto\"><b>How to read this:</b> "
      << html_escape("one row for each partnership in the register: who is in it and the Council's role, a tick under each of "
                     "the " + w.themes + " it serves, then the staff hours each " + w.unit + " gives, the money, its dates and "
                     "what " + w.review + " found (Review findings). On screen, a heading sorts the table.")
      << "</p>\n";
  write_matrix_table_html(build_matrix(in), "matrix", out);
  out << "</section>\n</main>\n";
  out << "<aside id=\"details\" hidden aria-live=\"polite\"><button type=\"button\" id=\"details-close\">Close</button>"
         "<div id=\"details-text\"></div></aside>\n";
  out << "<footer><p>Figures for partnerships active on " << html_escape(long_date(in.capacity.at))
      << ". Stretched means " << html_escape(percent(in.capacity.thresholds.stretched))
      << " or more of a unit's partnership time is committed; over capacity, more than "
      << html_escape(percent(in.capacity.thresholds.overloaded)) << ".</p></footer>\n";
  out << "<script>" << matrix_table_script() << kScript << "</script>\n</body>\n</html>\n";
}

BriefPack make_brief(const Analysed& in, const BriefOptions& options) {
  BriefPack pack;
  pack.files.push_back({"index.html", {}, {}});  // filled last, from the diagrams
  std::vector<BriefDiagram> diagrams;
  int n = 0;
  for (const BriefView& v : brief_views(in)) {
    const std::string slug = view_slug(v.view);
    DiagramOptions diagram_options;
    diagram_options.id_prefix = "d";  // unique ids across the page's SVGs (appended: GCC 12 warns falsely on "d" + std::string&&)
    diagram_options.id_prefix += std::to_string(++n);
    diagram_options.paper = options.paper;
    diagram_options.include_ended = options.include_ended;
    diagram_options.include_proposed = options.include_proposed;
    DiagramReport r = draw_diagram(in, v.view,
                                   {{DiagramFormat::svg, ""}, {DiagramFormat::svg, slug + ".svg"}, {DiagramFormat::png, slug + ".png"},
                                    {DiagramFormat::pdf, slug + ".pdf"}, {DiagramFormat::dot, slug + ".dot"}},
                                   diagram_options);
    pack.files.push_back({slug + ".svg", std::move(r.rendered.at(1)), {}});
    pack.files.push_back({slug + ".png", std::move(r.rendered.at(2)), {}});
    pack.files.push_back({slug + ".pdf", std::move(r.rendered.at(3)), {}});
    pack.files.push_back({slug + ".dot", std::move(r.rendered.at(4)), {}});
    std::string title = view_title(v.view, in.graph);
    for (std::string& w : r.warnings) pack.warnings.push_back(title + ": " + w);
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    diagrams.push_back({slug, title, std::move(r.svg), r.notes, v.how_to_read, v.multiple});
  }
  const Matrix m = build_matrix(in);
  std::ostringstream html, csv, page;
  write_matrix_html(m, html);
  write_matrix_csv(m, csv);
  pack.files.push_back({"matrix.html", html.str(), {}});
  pack.files.push_back({"matrix.csv", csv.str(), {}});
  pack.files.push_back({"matrix.xlsx", {}, [m, &in](const std::string& path) { write_matrix_xlsx(m, in, path); }});
  std::ostringstream explore;
  for (std::string& w : write_explore_page_for(in, explore).warnings) pack.warnings.push_back(std::move(w));
  pack.files.push_back({"explore.html", explore.str(), {}});
  write_brief_page(in, diagrams, page, options.paper);
  pack.files.front().bytes = page.str();
  if (options.pdf) {
    const std::string engine = find_pdf_engine();
    std::string pdf;
    pack.pdf_problem = engine.empty() ? "no PDF engine was found" : print_page_to_pdf(engine, pack.files.front().bytes, pdf);
    if (pack.pdf_problem.empty()) pack.files.push_back({"briefing.pdf", std::move(pdf), {}});
  }
  return pack;
}

}  // namespace partnermap::render
