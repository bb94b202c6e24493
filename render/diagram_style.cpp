#include "diagram_style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "escape.h"

namespace partnermap::render {

namespace {

std::string lower(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// The tooltip a browser shows on hover: a few lines, Graphviz-escaped.
void set_tooltip(void* obj, const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) {
    if (!text.empty()) text += '\n';
    text += l;
  }
  gv_set(obj, "tooltip", graphviz_tooltip(text));
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return count_of(n, one, many);
}

const char* nature_fill(Nature n) {
  switch (n) {
    case Nature::strategic: return palette::blue;
    case Nature::operational: return palette::sky;
    case Nature::funding: return palette::orange;
    case Nature::project: return palette::purple;
  }
  return palette::grey_tint;
}

const char* sector_fill(const std::string& group) {
  if (group == "public") return palette::grey_tint;
  if (group == "voluntary and community") return palette::green_tint;
  if (group == "private") return palette::yellow_tint;
  return "#FFFFFF";
}

const char* status_fill(LoadStatus s) {
  switch (s) {
    case LoadStatus::ok: return palette::green;
    case LoadStatus::stretched: return palette::yellow;
    case LoadStatus::overloaded: return palette::vermillion;
    case LoadStatus::not_recorded: return palette::grey_tint;
  }
  return palette::grey_tint;
}

const char* nature_font(Nature n) { return n == Nature::strategic ? "#FFFFFF" : "#000000"; }
const char* status_font(LoadStatus s) {
  return s == LoadStatus::stretched || s == LoadStatus::not_recorded ? "#000000" : "#FFFFFF";
}

// The words of each status as the capacity figures use them, with the thresholds they stand for.
std::string status_legend(LoadStatus s, const LoadThresholds& t) {
  switch (s) {
    case LoadStatus::ok: return "within capacity";
    case LoadStatus::stretched: return "stretched (" + percent(t.stretched) + " or more)";
    case LoadStatus::overloaded: return "over capacity (above " + percent(t.overloaded) + ")";
    case LoadStatus::not_recorded: return kCapacityNotRecorded;
  }
  return status_words(s);
}

// The widest line is kWidest points; every other is as wide in proportion to its hours, but never
// thinner than kThinnest, so that a line of one hour still shows.
constexpr double kWidest = 8.0;
constexpr double kThinnest = 0.6;

double most_hours(const Canvas& c) {
  double most = 0;
  for (const auto& [e, h] : c.hour_lines) most = std::max(most, h);
  return most;
}

std::string hour_lines_legend(const Canvas& c) {
  double least = most_hours(c);
  for (const auto& [e, h] : c.hour_lines) least = std::min(least, h);
  const double most = most_hours(c);
  if (c.hour_lines.size() < 2 || least == most)
    return "staff hours a month given to the partnership: " + thousands(most) + " on every line drawn";
  return "width in proportion to the staff hours a month given to the partnership: the widest line " + thousands(most) +
         " hours, the thinnest " + thousands(least);
}

const UnitLoad* find_load(const Capacity& cap, Index u) {
  for (const UnitLoad& l : cap.units)
    if (l.unit == u) return &l;
  return nullptr;
}

// One legend row: a swatch per value, each drawn as the diagram draws it.
struct Swatch {
  std::string fill, font = "#000000", text, border_style;
};

std::string legend_row(const std::string& heading, const std::vector<Swatch>& swatches) {
  std::string row = "<TR><TD ALIGN=\"LEFT\" BORDER=\"0\">" + html_escape(heading) + "</TD>";
  for (const Swatch& s : swatches) {
    row += "<TD BGCOLOR=\"" + s.fill + "\"";
    if (!s.border_style.empty()) row += " STYLE=\"" + s.border_style + "\"";
    row += "><FONT COLOR=\"" + s.font + "\">" + html_escape(s.text) + "</FONT></TD>";
  }
  return row + "</TR>";
}

std::string legend_text_row(const std::string& heading, const std::string& text) {
  return "<TR><TD ALIGN=\"LEFT\" BORDER=\"0\">" + html_escape(heading) + "</TD><TD ALIGN=\"LEFT\" BORDER=\"0\" COLSPAN=\"6\">" +
         html_escape(text) + "</TD></TR>";
}

}  // namespace

std::string org_key(const Register& r, Index o) { return "organisation:" + r.organisations.at(o).id; }
std::string partnership_key(const Register& r, Index p) { return "partnership:" + r.partnerships.at(p).id; }
std::string unit_key(const Register& r, Index u) { return "unit:" + r.business_units.at(u).id; }
std::string theme_key(const Register& r, std::optional<Index> t) { return t ? "theme:" + r.themes.at(*t).id : "theme:(none)"; }

std::string sector_group(const std::string& sector) {
  const std::string s = lower(sector);
  if (s.find("public") != std::string::npos || s == "statutory") return "public";
  if (s.find("voluntary") != std::string::npos || s.find("community") != std::string::npos || s.find("third") != std::string::npos ||
      s.find("charit") != std::string::npos || s.find("faith") != std::string::npos)
    return "voluntary and community";
  if (s.find("private") != std::string::npos || s.find("business") != std::string::npos) return "private";
  return "other";
}

Canvas::Canvas(Agraph_t* r, const Analysed& a, const DiagramOptions& o) : root(r), in(a), options(o) {
  const Date at = a.capacity.at;
  for (const Partnership& p : a.reg().partnerships)
    standing.push_back(p.active_on(at) ? Standing::active : (p.start && *p.start > at) ? Standing::proposed : Standing::ended);
}

bool Canvas::drawn(Index p) const {
  if (p >= standing.size()) return false;
  switch (standing[p]) {
    case Standing::active: return true;
    case Standing::ended: return options.include_ended;
    case Standing::proposed: return options.include_proposed;
  }
  return false;
}

Agnode_t* Canvas::node(const std::string& key, Agraph_t* where, bool* made) {
  auto it = nodes.find(key);
  if (it != nodes.end()) {
    if (made) *made = false;
    return it->second;
  }
  // The node's DOT name is partnermap's own, never register text: an id holding a quote or ending
  // in a backslash would otherwise end the quoted name and write DOT syntax.
  const std::string number = std::to_string(++node_count);
  Agnode_t* n = agnode(where ? where : root, gv_str("n" + number), 1);
  gv_set(n, "id", options.id_prefix + "-n" + number);
  // What the node is, for readers of the .dot file (gvpr): the key's kind, one of partnermap's words.
  const std::string kind = key.substr(0, key.find(':'));
  if (kind == "organisation" || kind == "partnership" || kind == "unit" || kind == "theme" || kind == "sector")
    gv_set(n, "partnermap_kind", kind);
  nodes.emplace(key, n);
  if (made) *made = true;
  return n;
}

Agedge_t* Canvas::edge(Agnode_t* a, Agnode_t* b) {
  Agedge_t* e = agedge(root, a, b, nullptr, 1);
  gv_set(e, "id", options.id_prefix + "-e" + std::to_string(++edge_count));
  return e;
}

Agraph_t* Canvas::cluster(const std::string& label) {
  // dot draws a subgraph as a box only when its name starts with "cluster"; numbered, as nodes are.
  const std::string number = std::to_string(++node_count);
  Agraph_t* sg = agsubg(root, gv_str("cluster" + number), 1);
  gv_set(sg, "id", options.id_prefix + "-c-" + number);
  gv_set(sg, "label", graphviz_text(label));
  gv_set(sg, "fontname", "Helvetica");
  return sg;
}

std::string wrap(const std::string& text, std::size_t width) {
  std::string out, line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t sp = text.find(' ', start);
    const std::string word = text.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  return out + line;
}

void set_graph_defaults(Canvas& c, bool layered) {
  Agraph_t* g = c.root;
  gv_set(g, "id", c.options.id_prefix);
  gv_set(g, "fontname", "Helvetica");
  gv_set(g, "fontsize", "12");
  gv_set(g, "bgcolor", "white");
  gv_set(g, "pad", "0.3");
  gv_set(g, "outputorder", "edgesfirst");  // lines under the boxes, not across the names
  if (layered) {
    gv_set(g, "nodesep", "0.25");
    gv_set(g, "ranksep", "0.6");
  }
  agattr(g, AGNODE, gv_str("fontname"), gv_str("Helvetica"));
  agattr(g, AGNODE, gv_str("fontsize"), gv_str("10"));
  agattr(g, AGNODE, gv_str("margin"), gv_str("0.08,0.04"));
  agattr(g, AGEDGE, gv_str("fontname"), gv_str("Helvetica"));
  agattr(g, AGEDGE, gv_str("fontsize"), gv_str("9"));
  agattr(g, AGEDGE, gv_str("color"), gv_str("#777777"));
}

void set_title_and_legend(Canvas& c, const std::string& title, const std::vector<std::string>& notes) {
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"3\">";
  html += "<TR><TD ALIGN=\"LEFT\" BORDER=\"0\" COLSPAN=\"7\"><FONT POINT-SIZE=\"18\"><B>" + html_escape(title) + "</B></FONT></TD></TR>";
  for (const std::string& note : notes)
    html += "<TR><TD ALIGN=\"LEFT\" BORDER=\"0\" COLSPAN=\"7\"><FONT POINT-SIZE=\"12\" COLOR=\"#D55E00\"><B>" + html_escape(note) +
            "</B></FONT></TD></TR>";
  const auto& L = c.legend;
  if (L.count(LegendPart::natures)) {
    std::vector<Swatch> s;
    for (Nature n : {Nature::strategic, Nature::operational, Nature::funding, Nature::project})
      if (c.natures_used.count(n)) s.push_back({nature_fill(n), nature_font(n), to_string(n), ""});
    html += legend_row("Partnerships (boxes), by nature:", s);
  }
  if (L.count(LegendPart::ended) || L.count(LegendPart::proposed)) {
    std::vector<Swatch> s;
    if (L.count(LegendPart::ended)) s.push_back({palette::grey_tint, "#555555", "ended before " + long_date(c.in.capacity.at), "dashed"});
    if (L.count(LegendPart::proposed)) s.push_back({palette::grey_tint, "#555555", "not started by " + long_date(c.in.capacity.at), "dashed"});
    html += legend_row("Grey dashed boxes, not active:", s);
  }
  if (L.count(LegendPart::focus))
    html += legend_row("Thick blue outline:", {{"#FFFFFF", "#000000", "the centre of this view, " + c.focus_name, ""}});
  if (L.count(LegendPart::council_role))
    html += legend_text_row("Box border, Council's role:", "thick = leads; thin = supports; dashed = observes; dotted = not a member");
  if (L.count(LegendPart::sectors)) {
    std::vector<Swatch> s;
    if (c.sectors_used.count("council")) s.push_back({palette::black, "#FFFFFF", "the Council", ""});
    for (const char* g : {"public", "voluntary and community", "private", "other"})
      if (c.sectors_used.count(g)) s.push_back({sector_fill(g), "#000000", g, ""});
    html += legend_row("Organisations (ovals), by sector:", s);
  }
  if (L.count(LegendPart::units)) {
    std::vector<Swatch> s;
    for (LoadStatus st : {LoadStatus::ok, LoadStatus::stretched, LoadStatus::overloaded, LoadStatus::not_recorded})
      if (c.statuses_used.count(st))
        s.push_back({status_fill(st), status_font(st), status_legend(st, c.in.capacity.thresholds), ""});
    html += legend_row(capitalised(c.in.reg().policy.words.units) + " (tabs), partnership time:", s);
  }
  if (L.count(LegendPart::themes)) html += legend_text_row("Hexagons:", capitalised(c.in.reg().policy.words.themes));
  if (L.count(LegendPart::membership_lines))
    html += legend_text_row("Lines to members:", "thick = lead partner; thin = supporting partner; dashed = observer");
  if (L.count(LegendPart::hours_lines))
    html += legend_text_row("Green lines to " + c.in.reg().policy.words.units + ":", hour_lines_legend(c));
  if (L.count(LegendPart::parent_lines)) html += legend_text_row("Blue lines:", "a sub-partnership and its parent partnership");
  if (L.count(LegendPart::aggregated))
    html += legend_text_row("Double outlines:", "a group standing for many; the line's number counts memberships");
  html += "<TR><TD ALIGN=\"LEFT\" BORDER=\"0\" COLSPAN=\"7\"><FONT POINT-SIZE=\"9\">Point at anything in the web version for its details.</FONT></TD></TR>";
  html += "</TABLE>";
  gv_set_html(c.root, c.root, "label", html);
  gv_set(c.root, "labelloc", "t");
  gv_set(c.root, "labeljust", "l");
}

void style_partnership(Canvas& c, Agnode_t* n, Index p) {
  const Register& reg = c.in.reg();
  const Partnership& part = reg.partnerships.at(p);
  const std::optional<Role> role = p < c.in.roles.council_role.size() ? c.in.roles.council_role[p] : reg.council_role(part);
  gv_set(n, "label", graphviz_text(wrap(part.name)));
  gv_set(n, "shape", "box");
  std::string style = "filled,rounded";
  if (role == Role::observer) style += ",dashed";
  if (!role) style += ",dotted";
  gv_set(n, "style", style);
  gv_set(n, "penwidth", role == Role::lead ? "3.5" : "1.2");
  c.partnerships_drawn.insert(p);
  const Standing standing = p < c.standing.size() ? c.standing[p] : Standing::active;
  if (standing != Standing::active) {
    // Not active on the date: grey with a dashed outline whatever its nature, so that it never reads as live.
    if (style.find("dashed") == std::string::npos) style += ",dashed";
    gv_set(n, "style", style);
    gv_set(n, "color", "#777777");
    gv_set(n, "fillcolor", palette::grey_tint);
    gv_set(n, "fontcolor", "#555555");
    c.legend.insert(standing == Standing::ended ? LegendPart::ended : LegendPart::proposed);
  } else {
    gv_set(n, "color", "#000000");
    gv_set(n, "fillcolor", nature_fill(part.nature));
    gv_set(n, "fontcolor", nature_font(part.nature));
    c.natures_used.insert(part.nature);
    c.legend.insert(LegendPart::natures);
  }
  c.legend.insert(LegendPart::council_role);

  std::vector<std::string> t{part.name};
  if (standing == Standing::ended) t.push_back("Ended before " + long_date(c.in.capacity.at));
  if (standing == Standing::proposed) t.push_back("Not started by " + long_date(c.in.capacity.at));
  std::string line = std::string("Nature: ") + to_string(part.nature) + "; Council role: " + role_words(role);
  if (part.stage) line += std::string("; stage: ") + to_string(*part.stage);
  t.push_back(line);
  const auto lead = p < c.in.roles.lead_partner.size() ? c.in.roles.lead_partner[p] : std::nullopt;
  if (lead && *lead < reg.organisations.size()) t.push_back("Lead partner: " + reg.organisations[*lead].name);
  double hours = 0;
  for (const Commitment& cm : part.commitments) hours += cm.hours;
  t.push_back(plural(part.members.size(), "member", "members") + "; Council staff time " + thousands(hours) + " hours a month");
  if (part.budget) t.push_back("Budget " + pounds(part.budget->total) + " a year, Council " + pounds(part.budget->council));
  if (!part.themes.empty()) {
    std::string th = "Themes: ";
    for (std::size_t i = 0; i < part.themes.size(); ++i) th += (i ? ", " : "") + reg.themes.at(part.themes[i]).name;
    t.push_back(th);
  }
  for (const PartnershipReview& r : c.in.review.partnerships)
    if (r.partnership == p) {
      if (r.findings.empty()) t.push_back("Review: no findings");
      for (std::size_t i = 0; i < r.findings.size() && i < 4; ++i)
        t.push_back(std::string("Review, ") + severity_words(r.findings[i].severity) + ": " + r.findings[i].reason);
      if (r.findings.size() > 4) t.push_back("... and " + std::to_string(r.findings.size() - 4) + " more findings");
    }
  set_tooltip(n, t);
}

void style_organisation(Canvas& c, Agnode_t* n, Index o) {
  const Register& reg = c.in.reg();
  const Organisation& org = reg.organisations.at(o);
  const bool council = o == reg.council;
  const std::string group = sector_group(org.sector);
  gv_set(n, "label", graphviz_text(wrap(org.name, 18)));
  gv_set(n, "shape", council ? "doubleoctagon" : "ellipse");
  gv_set(n, "style", "filled");
  gv_set(n, "fillcolor", council ? palette::black : sector_fill(group));
  gv_set(n, "fontcolor", council ? "#FFFFFF" : "#000000");
  if (council) gv_set(n, "fontsize", "13");
  c.sectors_used.insert(council ? std::string("council") : group);
  c.legend.insert(LegendPart::sectors);

  std::size_t count = 0, leads = 0;
  std::vector<std::string> names;
  const Graph& g = c.in.graph;
  const Vertex v = g.organisation(o);
  const auto ns = g.neighbours(v);
  const auto es = g.edge_info(v);
  for (std::size_t i = 0; i < ns.size(); ++i) {
    if (es[i].kind != EdgeKind::membership) continue;
    ++count;
    if (es[i].role == Role::lead) ++leads;
    if (names.size() < 8) names.push_back(g.name(ns[i]));
  }
  std::vector<std::string> t{org.name, "Sector: " + (org.sector.empty() ? std::string("not given") : org.sector),
                             "In " + plural(count, "partnership", "partnerships") + ", leading " + std::to_string(leads)};
  for (const std::string& nm : names) t.push_back("- " + nm);
  if (count > names.size()) t.push_back("... and " + std::to_string(count - names.size()) + " more");
  set_tooltip(n, t);
}

void style_unit(Canvas& c, Agnode_t* n, Index u, bool show_load) {
  const Register& reg = c.in.reg();
  const BusinessUnit& unit = reg.business_units.at(u);
  const UnitLoad* load = find_load(c.in.capacity, u);
  std::string label = graphviz_text(wrap(unit.name, 20));
  std::vector<std::string> t{unit.name};
  if (load && load->status == LoadStatus::not_recorded) {
    if (show_load) label += "\\n" + graphviz_text(thousands(load->committed_hours) + " h; capacity not recorded");
    t.push_back("Capacity not recorded: " + thousands(load->committed_hours) +
                " hours a month committed. Add capacity_hours to this unit in the register to see its load.");
    for (std::size_t i = 0; i < load->partnerships.size() && i < 8; ++i)
      t.push_back("- " + reg.partnerships.at(load->partnerships[i]).name);
  } else if (load) {
    if (show_load)
      label += "\\n" + graphviz_text(thousands(load->committed_hours) + " of " + thousands(load->capacity_hours) + " h (" +
                                     percent(load->utilisation) + ")");
    t.push_back(std::string(status_words(load->status)) + ": " + thousands(load->committed_hours) + " of " +
                thousands(load->capacity_hours) + " hours a month committed (" + percent(load->utilisation) + ")");
    for (std::size_t i = 0; i < load->partnerships.size() && i < 8; ++i)
      t.push_back("- " + reg.partnerships.at(load->partnerships[i]).name);
    if (load->partnerships.size() > 8) t.push_back("... and " + std::to_string(load->partnerships.size() - 8) + " more");
  }
  gv_set(n, "label", label);
  gv_set(n, "shape", "tab");
  gv_set(n, "style", "filled");
  const LoadStatus status = load ? load->status : LoadStatus::ok;
  gv_set(n, "fillcolor", status_fill(status));
  gv_set(n, "fontcolor", status_font(status));
  c.statuses_used.insert(status);
  c.legend.insert(LegendPart::units);
  set_tooltip(n, t);
}

void style_theme(Canvas& c, Agnode_t* n, std::optional<Index> t) {
  const Register& reg = c.in.reg();
  const std::string name = t ? reg.themes.at(*t).name : "No theme given";
  std::size_t count = 0;
  for (Index i = 0; i < reg.partnerships.size(); ++i) {
    const Partnership& p = reg.partnerships[i];
    if (c.drawn(i) && (t ? std::find(p.themes.begin(), p.themes.end(), *t) != p.themes.end() : p.themes.empty())) ++count;
  }
  gv_set(n, "label", graphviz_text(wrap(name, 18)));
  gv_set(n, "shape", "hexagon");
  gv_set(n, "style", count == 0 ? "filled,dashed" : "filled");
  gv_set(n, "fillcolor", "#FFFFFF");
  gv_set(n, "penwidth", "2");
  gv_set(n, "fontsize", "12");
  c.legend.insert(LegendPart::themes);
  set_tooltip(n, {name, count == 0 ? std::string("No partnership drawn serves this theme") : "Served by " + plural(count, "partnership", "partnerships")});
}

void style_sector_group(Canvas& c, Agnode_t* n, const std::string& sector, std::size_t organisations) {
  const std::string text = plural(organisations, "organisation", "organisations") + "\n" + sector + " sector";
  gv_set(n, "label", graphviz_text(text));
  gv_set(n, "shape", "ellipse");
  gv_set(n, "peripheries", "2");
  gv_set(n, "style", "filled");
  gv_set(n, "fillcolor", sector_fill(sector));
  c.sectors_used.insert(sector);
  c.legend.insert(LegendPart::sectors);
  c.legend.insert(LegendPart::aggregated);
  set_tooltip(n, {text});
}

void style_theme_group(Canvas& c, Agnode_t* n, std::optional<Index> theme, std::size_t partnerships) {
  const std::string name = theme ? c.in.reg().themes.at(*theme).name : "no theme given";
  const std::string text = plural(partnerships, "partnership", "partnerships") + "\n" + name;
  gv_set(n, "label", graphviz_text(wrap(text, 22)));
  gv_set(n, "shape", "box");
  gv_set(n, "style", "filled,rounded");
  gv_set(n, "peripheries", "2");
  gv_set(n, "fillcolor", palette::grey_tint);
  c.partnerships_grouped += partnerships;
  c.legend.insert(LegendPart::aggregated);
  set_tooltip(n, {text});
}

void style_membership(Canvas& c, Agedge_t* e, Role role) {
  switch (role) {
    case Role::lead:
      gv_set(e, "penwidth", "3");
      gv_set(e, "color", "#333333");
      break;
    case Role::support:
      gv_set(e, "penwidth", "1");
      break;
    case Role::observer:
      gv_set(e, "style", "dashed");
      gv_set(e, "color", "#999999");
      break;
  }
  c.legend.insert(LegendPart::membership_lines);
}

void style_aggregate(Canvas& c, Agedge_t* e, std::size_t memberships, std::size_t leads) {
  const double w = 1 + std::log2(static_cast<double>(std::max<std::size_t>(memberships, 1)));
  gv_set(e, "penwidth", std::to_string(std::min(w, 10.0)));
  gv_set(e, "label", thousands(static_cast<double>(memberships)));
  gv_set(e, "tooltip", graphviz_tooltip(plural(memberships, "membership", "memberships") + ", " + std::to_string(leads) + " as lead"));
  c.legend.insert(LegendPart::aggregated);
}

void style_commitment(Canvas& c, Agedge_t* e, double hours) {
  gv_set(e, "color", palette::green);
  // No number on the line: with dozens of lines a label floats where no reader can tell which it
  // belongs to. The width shows the weight, the boxes carry the totals, the tooltip the hours.
  gv_set(e, "tooltip", graphviz_tooltip(thousands(hours) + " hours a month"));
  c.hour_lines.emplace_back(e, hours);
  c.legend.insert(LegendPart::hours_lines);
}

void finish_hour_lines(Canvas& c) {
  const double most = most_hours(c);
  for (const auto& [e, h] : c.hour_lines) {
    const double w = most > 0 ? std::max(kThinnest, kWidest * h / most) : kThinnest;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", w);
    gv_set(e, "penwidth", buf);
  }
}

void style_inactive_line(Canvas& c, Agedge_t* e, Index p) {
  if (p >= c.standing.size() || c.standing[p] == Standing::active) return;
  gv_set(e, "style", "dashed");
  gv_set(e, "color", "#AAAAAA");
}

void style_focus(Canvas& c, Agnode_t* n, const std::string& name) {
  // Blue, the colour of no status: the centre is marked as the centre, not as a warning.
  gv_set(n, "penwidth", "6");
  gv_set(n, "color", palette::blue);
  c.focus_name = name;
  c.legend.insert(LegendPart::focus);
  // The centre of a radial layout, should the drawing be re-laid as one (diagram_shape.cpp).
  gv_set(c.root, "root", agnameof(n));
}

void style_parent(Canvas& c, Agedge_t* e) {
  gv_set(e, "color", palette::blue);
  gv_set(e, "penwidth", "2");
  c.legend.insert(LegendPart::parent_lines);
}

void style_theme_link(Canvas&, Agedge_t* e, bool primary) {
  gv_set(e, "color", primary ? "#AAAAAA" : "#BBBBBB");
  if (!primary) gv_set(e, "style", "dashed");
}

}  // namespace partnermap::render
