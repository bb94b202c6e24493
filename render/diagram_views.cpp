#include "diagram_views.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

#include "diagram_ego.h"
#include "escape.h"

namespace partnermap::render {

namespace {

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return count_of(n, one, many);
}

std::optional<Index> first_theme(const Partnership& p) {
  if (p.themes.empty()) return std::nullopt;
  return p.themes.front();
}

// Business Units drawn one by one; a council has a few dozen at most. Beyond this many, the most
// loaded are drawn and the rest share one box, so that hundreds of units still make a page rather
// than a strip metres long.
constexpr std::size_t kUnitsDrawn = 40;
const std::string kOtherUnits = "other-units";

// Which of the units to be shown get a node of their own: all of them, or the kUnitsDrawn most loaded.
struct UnitChoice {
  std::vector<bool> own;        // by unit
  std::size_t shown = 0, rest = 0;
  double highest_rest = 0;      // the utilisation of the most loaded unit in the shared box
};

UnitChoice choose_units(const Register& reg, const Capacity& cap, const std::vector<bool>& shown) {
  std::vector<double> use(reg.business_units.size(), 0);
  for (const UnitLoad& l : cap.units)
    if (l.unit < use.size()) use[l.unit] = l.utilisation;
  std::vector<Index> by_load;
  for (Index u = 0; u < reg.business_units.size(); ++u)
    if (shown[u]) by_load.push_back(u);
  std::stable_sort(by_load.begin(), by_load.end(), [&](Index a, Index b) { return use[a] > use[b]; });
  UnitChoice out;
  out.own.assign(reg.business_units.size(), false);
  out.shown = by_load.size();
  for (std::size_t i = 0; i < by_load.size() && i < kUnitsDrawn; ++i) out.own[by_load[i]] = true;
  if (by_load.size() > kUnitsDrawn) {
    out.rest = by_load.size() - kUnitsDrawn;
    out.highest_rest = use[by_load[kUnitsDrawn]];
  }
  return out;
}

// The box the less loaded units share.
Agnode_t* other_units_node(Canvas& c, Agraph_t* where, const UnitChoice& units) {
  bool made = false;
  Agnode_t* n = c.node(kOtherUnits, where, &made);
  if (!made) return n;
  const PolicyWords& w = c.in.reg().policy.words;
  std::string label = plural(units.rest, "other " + w.unit, "other " + w.units);
  if (std::isfinite(units.highest_rest)) label += "\neach at " + percent(units.highest_rest) + " of capacity or less";
  gv_set(n, "label", graphviz_text(label));
  gv_set(n, "shape", "tab");
  gv_set(n, "peripheries", "2");
  gv_set(n, "style", "filled");
  gv_set(n, "fillcolor", "#FFFFFF");
  gv_set(n, "tooltip", graphviz_tooltip(plural(units.rest, w.unit, w.units) +
                                        " less loaded than those drawn; partnermap capacity lists each one"));
  return n;
}

std::string other_units_note(const UnitChoice& units) {
  return "The " + std::to_string(kUnitsDrawn) + " most loaded of " +
         plural(units.shown, "Business Unit", "Business Units") +
         " are drawn; the rest share one box. partnermap capacity lists every unit.";
}

// Draws the part of the register's graph whose vertices are kept: partnerships with their members,
// Business Units, themes and parents. Organisations are grouped by sector, and partnerships by their
// first theme, when there are too many to draw one by one.
ViewResult draw_subset(Canvas& c, const std::vector<bool>& keep, bool council_lines) {
  const Graph& g = c.in.graph;
  const Register& reg = c.in.reg();
  ViewResult result;

  std::size_t orgs = 0, parts = 0;
  for (Index o = 0; o < reg.organisations.size(); ++o)
    if (keep[g.organisation(o)] && o != reg.council) ++orgs;
  for (Index p = 0; p < reg.partnerships.size(); ++p)
    if (keep[g.partnership(p)]) ++parts;
  const bool group_orgs = orgs > c.options.aggregate_above;
  const bool group_parts = parts > c.options.aggregate_above;

  // Sizes of the groups, for their labels.
  std::map<std::string, std::size_t> sector_sizes;
  std::map<std::optional<Index>, std::size_t> theme_sizes;
  if (group_orgs)
    for (Index o = 0; o < reg.organisations.size(); ++o)
      if (keep[g.organisation(o)] && o != reg.council) ++sector_sizes[sector_group(reg.organisations[o].sector)];
  if (group_parts)
    for (Index p = 0; p < reg.partnerships.size(); ++p)
      if (keep[g.partnership(p)]) ++theme_sizes[first_theme(reg.partnerships[p])];

  auto org_node = [&](Index o) {
    bool made = false;
    if (group_orgs && o != reg.council) {
      const std::string s = sector_group(reg.organisations[o].sector);
      Agnode_t* n = c.node("sector:" + s, nullptr, &made);
      if (made) style_sector_group(c, n, s, sector_sizes[s]);
      return n;
    }
    Agnode_t* n = c.node(org_key(reg, o), nullptr, &made);
    if (made) style_organisation(c, n, o);
    return n;
  };
  auto partnership_node = [&](Index p) {
    bool made = false;
    if (group_parts) {
      const auto t = first_theme(reg.partnerships[p]);
      Agnode_t* n = c.node("partnerships-of-" + theme_key(reg, t), nullptr, &made);
      if (made) style_theme_group(c, n, t, theme_sizes[t]);
      return n;
    }
    Agnode_t* n = c.node(partnership_key(reg, p), nullptr, &made);
    if (made) style_partnership(c, n, p);
    return n;
  };
  std::vector<bool> units_kept(reg.business_units.size(), false);
  for (Index u = 0; u < reg.business_units.size(); ++u) units_kept[u] = keep[g.unit(u)];
  const UnitChoice units = choose_units(reg, c.in.capacity, units_kept);
  auto unit_node = [&](Index u) {
    if (!units.own[u]) return other_units_node(c, nullptr, units);
    bool made = false;
    Agnode_t* n = c.node(unit_key(reg, u), nullptr, &made);
    if (made) style_unit(c, n, u, false);
    return n;
  };
  auto theme_node = [&](Index t) {
    bool made = false;
    Agnode_t* n = c.node(theme_key(reg, t), nullptr, &made);
    if (made) style_theme(c, n, t);
    return n;
  };

  // Grouped ends share one line per pair, weighted by how many memberships (or hours) it stands for.
  struct Bundle {
    std::size_t count = 0, leads = 0;
    double hours = 0;
    bool commitment = false;
  };
  std::map<std::pair<Agnode_t*, Agnode_t*>, Bundle> bundles;

  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    const Vertex pv = g.partnership(p);
    if (!keep[pv]) continue;
    Agnode_t* pn = partnership_node(p);
    const auto ns = g.neighbours(pv);
    const auto es = g.edge_info(pv);
    for (std::size_t i = 0; i < ns.size(); ++i) {
      const Vertex v = ns[i];
      if (!keep[v]) continue;
      const EdgeInfo& e = es[i];
      switch (e.kind) {
        case EdgeKind::membership: {
          const Index o = g.index(v);
          if (!council_lines && o == reg.council) break;
          Agnode_t* on = org_node(o);
          if (group_orgs || group_parts) {
            Bundle& b = bundles[{pn, on}];
            ++b.count;
            if (e.role == Role::lead) ++b.leads;
          } else {
            Agedge_t* line = c.edge(pn, on);
            style_membership(c, line, e.role);
            style_inactive_line(c, line, p);
          }
          break;
        }
        case EdgeKind::commitment: {
          const Commitment& cm = reg.partnerships[p].commitments.at(e.slot);
          Agnode_t* un = unit_node(g.index(v));
          if (group_parts || !units.own[g.index(v)]) {
            Bundle& b = bundles[{un, pn}];
            b.hours += cm.hours;
            b.commitment = true;
          } else {
            style_commitment(c, c.edge(un, pn), cm.hours);
          }
          break;
        }
        case EdgeKind::theme:
          if (!group_parts) style_theme_link(c, c.edge(pn, theme_node(g.index(v))), true);
          break;
        case EdgeKind::parent:
          if (!group_parts && !e.reverse) style_parent(c, c.edge(pn, partnership_node(g.index(v))));
          break;
      }
    }
  }
  for (const auto& [ends, b] : bundles) {
    Agedge_t* e = c.edge(ends.first, ends.second);
    if (b.commitment)
      style_commitment(c, e, b.hours);
    else
      style_aggregate(c, e, b.count, b.leads);
  }
  // Kept vertices with no line drawn (an ego with nothing around it) still appear.
  for (Vertex v = 0; v < keep.size(); ++v) {
    if (!keep[v] || (!council_lines && v == g.council())) continue;
    switch (g.kind(v)) {
      case VertexKind::organisation: org_node(g.index(v)); break;
      case VertexKind::partnership: break;
      case VertexKind::unit: unit_node(g.index(v)); break;
      case VertexKind::theme: theme_node(g.index(v)); break;
    }
  }

  if (group_orgs)
    result.notes.push_back(plural(orgs, "organisation is", "organisations are") +
                           " grouped by sector: too many to draw one by one. The Council is shown on its own.");
  if (group_parts)
    result.notes.push_back(plural(parts, "partnership is", "partnerships are") +
                           " grouped by first theme: too many to draw one by one. See the matrix for each.");
  if (units.rest > 0) result.notes.push_back(other_units_note(units));
  return result;
}

// Every vertex within `depth` steps of `start`. The Council is in nearly every partnership, so
// stepping through it would reach everything: it is shown but not passed through, unless it is `start`.
std::vector<bool> neighbourhood(const Canvas& c, Vertex start, int depth, bool& stopped_at_council) {
  const Graph& g = c.in.graph;
  std::vector<bool> keep(g.vertex_count(), false);
  std::vector<int> dist(g.vertex_count(), -1);
  std::deque<Vertex> queue{start};
  dist[start] = 0;
  keep[start] = true;
  stopped_at_council = false;
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    if (dist[v] >= depth) continue;
    if (v == g.council() && v != start) {
      stopped_at_council = true;
      continue;
    }
    for (Vertex w : g.neighbours(v)) {
      if (dist[w] >= 0) continue;
      if (g.kind(w) == VertexKind::partnership && !c.drawn(g.index(w))) continue;  // not true on the date
      dist[w] = dist[v] + 1;
      keep[w] = true;
      queue.push_back(w);
    }
  }
  return keep;
}

}  // namespace

ViewResult draw_network(Canvas& c) {
  const Graph& g = c.in.graph;
  const Register& reg = c.in.reg();
  std::vector<bool> keep(g.vertex_count(), false);
  std::size_t unattached = 0;
  for (Vertex v = 0; v < g.vertex_count(); ++v) {
    const VertexKind k = g.kind(v);
    if (k == VertexKind::theme) continue;  // themes have their own view; here they would tie everything together
    if (k == VertexKind::partnership) {
      keep[v] = c.drawn(g.index(v));
      continue;
    }
    // An organisation or unit is drawn when it is in (or gives time to) a partnership drawn.
    const auto ns = g.neighbours(v);
    const bool attached = std::any_of(ns.begin(), ns.end(), [&](Vertex w) {
      return g.kind(w) == VertexKind::partnership && c.drawn(g.index(w));
    });
    if (!attached && k == VertexKind::organisation && v != g.council()) ++unattached;
    keep[v] = attached || (k == VertexKind::organisation && v == g.council());
  }
  // The Council is in nearly every partnership: its lines would all meet in one knot. Each box's border
  // says its role instead.
  ViewResult r = draw_subset(c, keep, false);
  if (c.legend.count(LegendPart::council_role))
    r.notes.push_back("The Council's own part in each partnership is shown by the box's border, not by lines.");
  if (unattached > 0)
    r.notes.push_back(plural(unattached, "organisation in no partnership drawn is", "organisations in no partnership drawn are") + " not shown.");
  (void)reg;
  return r;
}

ViewResult draw_ego(Canvas& c, const DiagramView& view) {
  const Graph& g = c.in.graph;
  const Vertex start = find_ego(g, view.ego_id);
  bool stopped = false;
  std::vector<bool> keep = neighbourhood(c, start, std::max(view.depth, 1), stopped);
  ViewResult r = draw_subset(c, keep, true);
  const std::string key = std::string(to_string(g.kind(start))) + ":" + g.id(start);
  if (const auto it = c.nodes.find(key); it != c.nodes.end()) style_focus(c, it->second, g.name(start));
  if (stopped) r.notes.push_back("Partnerships reached only through the Council are left out: the Council is in nearly all of them.");
  return r;
}

// How many links each theme keeps in the grouped view: with every pair drawn, twenty themes that
// all share partnerships make nearly two hundred lines of about the same weight, which reads as
// nothing. A theme's strongest few say where its partnerships reach.
constexpr std::size_t kLinksPerTheme = 3;

// The grouped themes view: one hexagon per theme on a ring, joined by each theme's strongest links.
ViewResult draw_theme_links(Canvas& c) {
  const Register& reg = c.in.reg();
  ViewResult r;
  r.engine = "circo";
  std::vector<std::size_t> serving(reg.themes.size(), 0);
  std::map<std::pair<Index, Index>, std::size_t> shared;
  for (Index i = 0; i < reg.partnerships.size(); ++i) {
    if (!c.drawn(i)) continue;
    const Partnership& p = reg.partnerships[i];
    for (Index t : p.themes) ++serving[t];
    for (std::size_t i = 0; i < p.themes.size(); ++i)
      for (std::size_t j = i + 1; j < p.themes.size(); ++j)
        if (p.themes[i] != p.themes[j])
          ++shared[{std::min(p.themes[i], p.themes[j]), std::max(p.themes[i], p.themes[j])}];
  }
  for (Index t = 0; t < reg.themes.size(); ++t) {
    bool made = false;
    Agnode_t* n = c.node(theme_key(reg, t), nullptr, &made);
    style_theme(c, n, t);
    gv_set(n, "label", graphviz_text(wrap(reg.themes[t].name, 18) + "\n" +
                                     plural(serving[t], "partnership", "partnerships")));
  }
  // Each theme's links, strongest first (ties: the other theme in register order).
  std::vector<std::vector<std::pair<std::size_t, Index>>> links(reg.themes.size());
  for (const auto& [pair, n] : shared) {
    links[pair.first].emplace_back(n, pair.second);
    links[pair.second].emplace_back(n, pair.first);
  }
  std::set<std::pair<Index, Index>> drawn;
  for (Index t = 0; t < reg.themes.size(); ++t) {
    auto& mine = links[t];
    std::sort(mine.begin(), mine.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (std::size_t k = 0; k < mine.size() && k < kLinksPerTheme; ++k)
      drawn.insert({std::min(t, mine[k].second), std::max(t, mine[k].second)});
  }
  std::size_t strongest = 1;
  for (const auto& pair : drawn) strongest = std::max(strongest, shared.at(pair));
  for (const auto& pair : drawn) {
    const std::size_t n = shared.at(pair);
    Agedge_t* e = c.edge(c.nodes.at(theme_key(reg, pair.first)), c.nodes.at(theme_key(reg, pair.second)));
    gv_set(e, "label", thousands(static_cast<double>(n)));
    // Widths relative to the strongest line drawn, so that differences show at any scale.
    gv_set(e, "penwidth", std::to_string(1.0 + 7.0 * static_cast<double>(n) / static_cast<double>(strongest)));
    gv_set(e, "tooltip", graphviz_tooltip(plural(n, "partnership serves", "partnerships serve") + " both " +
                                          reg.themes[pair.first].name + " and " + reg.themes[pair.second].name));
  }
  std::size_t drawn_count = 0;
  for (Index i = 0; i < reg.partnerships.size(); ++i) drawn_count += c.drawn(i) ? 1 : 0;
  c.partnerships_grouped = drawn_count;
  r.notes.push_back(plural(drawn_count, "partnership", "partnerships") +
                    ": too many to draw one by one. Each line counts the partnerships that serve both themes.");
  if (drawn.size() < shared.size())
    r.notes.push_back("Each theme's " + std::to_string(kLinksPerTheme) + " strongest links are drawn: " +
                      std::to_string(drawn.size()) + " of the " + std::to_string(shared.size()) +
                      " pairs of themes that share partnerships; partnermap analyse --json lists every pair (links.themes).");
  return r;
}

ViewResult draw_themes(Canvas& c) {
  const Register& reg = c.in.reg();
  if (reg.partnerships.size() > c.options.aggregate_above) return draw_theme_links(c);
  ViewResult r;
  r.layered = true;
  gv_set(c.root, "rankdir", "LR");
  gv_set(c.root, "newrank", "true");
  gv_set(c.root, "compound", "true");

  std::map<std::optional<Index>, Agraph_t*> clusters;
  auto cluster_of = [&](std::optional<Index> t) {
    auto it = clusters.find(t);
    if (it != clusters.end()) return it->second;
    const std::string name = t ? reg.themes[*t].name : "No theme given";
    Agraph_t* sg = c.cluster(name);
    gv_set(sg, "style", "rounded,filled");
    gv_set(sg, "fillcolor", "#F4F4F4");
    gv_set(sg, "color", "#888888");
    gv_set(sg, "fontsize", "14");
    bool made = false;
    Agnode_t* tn = c.node(theme_key(reg, t), sg, &made);
    style_theme(c, tn, t);
    clusters.emplace(t, sg);
    return sg;
  };
  for (Index t = 0; t < reg.themes.size(); ++t) cluster_of(t);

  // Each theme's box holds the partnerships whose first theme it is, in columns of kRows so that
  // a long theme grows sideways rather than down the page. Invisible lines only place the boxes:
  // being inside the theme's box already says which theme it is.
  constexpr std::size_t kRows = 4;
  std::map<std::optional<Index>, std::vector<Agnode_t*>> placed;
  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    if (!c.drawn(p)) continue;
    const Partnership& part = reg.partnerships[p];
    Agraph_t* home = cluster_of(first_theme(part));
    bool made = false;
    Agnode_t* pn = c.node(partnership_key(reg, p), home, &made);
    style_partnership(c, pn, p);
    auto& column = placed[first_theme(part)];
    Agnode_t* before = column.size() < kRows ? c.nodes.at(theme_key(reg, first_theme(part))) : column[column.size() - kRows];
    gv_set(c.edge(before, pn), "style", "invis");
    column.push_back(pn);
    for (std::size_t i = 1; i < part.themes.size(); ++i) {
      Agedge_t* other = c.edge(pn, c.nodes.at(theme_key(reg, part.themes[i])));
      style_theme_link(c, other, false);
      gv_set(other, "constraint", "false");  // keep each partnership beside its first theme
    }
  }
  std::size_t empty = 0;
  for (Index t = 0; t < reg.themes.size(); ++t)
    if (std::none_of(c.partnerships_drawn.begin(), c.partnerships_drawn.end(), [&](Index p) {
          const auto& themes = reg.partnerships[p].themes;
          return std::find(themes.begin(), themes.end(), t) != themes.end();
        }))
      ++empty;
  r.notes.push_back("Each partnership sits in the box of its first theme; dashed lines go to the other themes it serves.");
  if (empty > 0) r.notes.push_back(plural(empty, "theme has", "themes have") + " no partnership drawn (dashed hexagon).");
  return r;
}

ViewResult draw_capacity(Canvas& c) {
  const Register& reg = c.in.reg();
  const Capacity& cap = c.in.capacity;
  ViewResult r;
  r.layered = true;
  gv_set(c.root, "rankdir", "LR");
  gv_set(c.root, "ranksep", "1.2");

  std::vector<bool> active(reg.partnerships.size(), false);
  for (const UnitLoad& l : cap.units)
    for (Index p : l.partnerships)
      if (p < active.size()) active[p] = true;
  const std::size_t count = static_cast<std::size_t>(std::count(active.begin(), active.end(), true));
  const bool group = count > c.options.aggregate_above;

  const UnitChoice units = choose_units(reg, cap, std::vector<bool>(reg.business_units.size(), true));
  std::vector<std::string> unit_node(reg.business_units.size(), kOtherUnits);
  Agraph_t* unit_rank = agsubg(c.root, gv_str("units"), 1);
  gv_set(unit_rank, "rank", "source");
  for (Index u = 0; u < reg.business_units.size(); ++u) {
    if (!units.own[u]) continue;
    unit_node[u] = unit_key(reg, u);
    bool made = false;
    style_unit(c, c.node(unit_node[u], unit_rank, &made), u, true);
  }
  if (units.rest > 0) other_units_node(c, unit_rank, units);
  std::map<std::pair<std::string, std::string>, double> hours;  // (unit node, partnership node key) → hours
  std::map<std::string, std::pair<std::optional<Index>, std::size_t>> groups;
  for (Index p = 0; p < reg.partnerships.size(); ++p) {
    if (!active[p]) continue;
    const Partnership& part = reg.partnerships[p];
    std::string key;
    if (group) {
      key = "partnerships-of-" + theme_key(reg, first_theme(part));
      auto& gr = groups[key];
      gr.first = first_theme(part);
      ++gr.second;
    } else {
      key = partnership_key(reg, p);
      bool made = false;
      Agnode_t* n = c.node(key, nullptr, &made);
      if (made) {
        style_partnership(c, n, p);
        double total = 0;
        for (const Commitment& cm : part.commitments) total += cm.hours;
        gv_set(n, "label", graphviz_text(wrap(part.name) + "\n" + thousands(total) + " h a month"));
      }
    }
    for (const Commitment& cm : part.commitments) hours[{unit_node[cm.unit], key}] += cm.hours;
  }
  for (const auto& [key, gr] : groups) style_theme_group(c, c.node(key, nullptr), gr.first, gr.second);
  for (const auto& [ends, h] : hours) style_commitment(c, c.edge(c.nodes.at(ends.first), c.nodes.at(ends.second)), h);

  r.notes.push_back("Staff time committed to partnerships active on " + long_date(cap.at) + ", hours a month.");
  if (group) r.notes.push_back(plural(count, "partnership is", "partnerships are") + " grouped by first theme: too many to draw one by one.");
  if (units.rest > 0) r.notes.push_back(other_units_note(units));
  return r;
}

namespace {

// Each partnership's distance from the top of its tree (0 for one with no parent). Iterative, and
// each chain is walked once: a chain of sub-partnerships ten thousand deep must not cost its square
// or the stack. A register that has passed its checks has no circles; the walk stops at one anyway.
std::vector<std::size_t> tree_depths(const Register& reg) {
  constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
  const std::size_t n = reg.partnerships.size();
  std::vector<std::size_t> depth(n, kUnknown);
  std::vector<Index> path;
  for (Index start = 0; start < n; ++start) {
    path.clear();
    Index at = start;
    std::size_t base = 0;  // the depth of the top of `path`
    for (;;) {
      if (depth[at] != kUnknown) {
        base = depth[at] + 1;
        break;
      }
      path.push_back(at);
      const auto parent = reg.partnerships[at].parent;
      if (!parent || *parent >= n || path.size() > n) break;
      at = *parent;
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) depth[*it] = base++;
  }
  return depth;
}

// A tree too large to draw whole: its top levels, as many as kMostDrawn boxes allow, widest trees
// first. Each drawn partnership shows its kChildrenDrawn largest sub-partnerships (by how many
// partnerships hang below them); the others, with everything below them, are one "+ 312 more" box.
// The trees left out are one box too. The picture stays a few dozen boxes wide however large the
// register: a whole national register's tree was thousands of boxes, which no page can show.
constexpr std::size_t kMostDrawn = 40;
constexpr std::size_t kTreesDrawn = 6;
constexpr std::size_t kChildrenDrawn = 4;

void style_more(Canvas& c, Agnode_t* node, std::size_t partnerships, const std::string& tooltip) {
  std::string label = "+ ";
  label += thousands(static_cast<double>(partnerships));
  label += " more";
  gv_set(node, "label", label);
  gv_set(node, "shape", "box");
  gv_set(node, "style", "filled,rounded,dashed");
  gv_set(node, "peripheries", "2");
  gv_set(node, "fillcolor", palette::grey_tint);
  gv_set(node, "tooltip", graphviz_tooltip(tooltip));
  c.legend.insert(LegendPart::aggregated);
}

std::vector<std::string> draw_hierarchy_top(Canvas& c, const std::vector<bool>& in_tree) {
  const Register& reg = c.in.reg();
  const std::size_t n = reg.partnerships.size();
  auto parent_of = [&](Index p) -> std::optional<Index> {
    const auto parent = reg.partnerships[p].parent;
    if (parent && *parent < n && c.drawn(*parent) && c.drawn(p)) return parent;
    return std::nullopt;
  };
  // Partnerships in each tree below each one (itself included), summed from the deepest up: no
  // recursion, so a chain thousands deep is as quick as a flat list.
  const std::vector<std::size_t> depth = tree_depths(reg);
  std::vector<Index> deepest_first;
  for (Index p = 0; p < n; ++p)
    if (in_tree[p]) deepest_first.push_back(p);
  std::stable_sort(deepest_first.begin(), deepest_first.end(), [&](Index a, Index b) { return depth[a] > depth[b]; });
  std::vector<std::size_t> below(n, 1);
  std::vector<std::vector<Index>> children(n);
  for (Index p : deepest_first)
    if (const auto parent = parent_of(p)) {
      below[*parent] += below[p];
      children[*parent].push_back(p);
    }
  const auto larger = [&](Index a, Index b) { return below[a] != below[b] ? below[a] > below[b] : a < b; };
  std::vector<Index> roots;
  for (Index p = 0; p < n; ++p)
    if (in_tree[p] && !parent_of(p)) roots.push_back(p);
  std::sort(roots.begin(), roots.end(), larger);

  const std::size_t budget = std::max<std::size_t>(1, std::min(kMostDrawn, c.options.aggregate_above));
  std::size_t drawn = 0;
  auto draw = [&](Index p) {
    bool made = false;
    Agnode_t* node = c.node(partnership_key(reg, p), nullptr, &made);
    style_partnership(c, node, p);
    std::string label = wrap(reg.partnerships[p].name);
    if (!children[p].empty()) {
      label += '\n';
      label += plural(children[p].size(), "sub-partnership", "sub-partnerships");
      if (below[p] - 1 > children[p].size()) {
        label += ", ";
        label += thousands(static_cast<double>(below[p] - 1));
        label += " below";
      }
    }
    gv_set(node, "label", graphviz_text(label));
    ++drawn;
    return node;
  };
  // Level by level, so that the top levels fill first.
  std::deque<Index> queue;
  std::size_t trees = 0;
  for (Index root : roots) {
    if (trees == kTreesDrawn || drawn == budget) break;
    draw(root);
    queue.push_back(root);
    ++trees;
  }
  while (!queue.empty()) {
    const Index p = queue.front();
    queue.pop_front();
    std::vector<Index>& kids = children[p];
    std::sort(kids.begin(), kids.end(), larger);
    std::size_t shown = 0, rest = 0, rest_kids = 0;
    for (Index kid : kids) {
      if (shown < kChildrenDrawn && drawn < budget) {
        style_parent(c, c.edge(c.nodes.at(partnership_key(reg, p)), draw(kid)));
        queue.push_back(kid);
        ++shown;
      } else {
        rest += below[kid];
        ++rest_kids;
      }
    }
    if (rest == 0) continue;
    Agnode_t* more = c.node("more-below-" + partnership_key(reg, p), nullptr);
    style_more(c, more, rest,
               plural(rest_kids, "more sub-partnership", "more sub-partnerships") + " of " + reg.partnerships[p].name + ": " +
                   plural(rest, "partnership", "partnerships") + " with those below them");
    style_parent(c, c.edge(c.nodes.at(partnership_key(reg, p)), more));
  }
  std::size_t rest = 0;
  for (std::size_t i = trees; i < roots.size(); ++i) rest += below[roots[i]];
  if (rest > 0) {
    style_more(c, c.node("more-trees", nullptr), rest,
               plural(roots.size() - trees, "more partnership", "more partnerships") + " at the top of a tree, " +
                   plural(rest, "partnership", "partnerships") + " with those below them");
  }
  std::vector<std::string> notes;
  notes.push_back("The tree is too large to draw whole (" + plural(deepest_first.size(), "partnership", "partnerships") +
                  "): drawn are the top levels of the " + plural(trees, "largest tree", "largest trees") + ", each with its " +
                  std::to_string(kChildrenDrawn) + " largest sub-partnerships; a \"+ more\" box stands for the partnerships left out there.");
  return notes;
}

}  // namespace

ViewResult draw_hierarchy(Canvas& c) {
  const Register& reg = c.in.reg();
  const std::size_t n = reg.partnerships.size();
  ViewResult r;
  r.layered = true;
  gv_set(c.root, "rankdir", "TB");
  // A tree of the partnerships drawn: a sub-partnership whose parent is not drawn heads its own.
  auto parent_of = [&](Index p) -> std::optional<Index> {
    const auto parent = reg.partnerships[p].parent;
    if (parent && *parent < n && c.drawn(*parent) && c.drawn(p)) return parent;
    return std::nullopt;
  };
  std::vector<bool> in_tree(n, false);
  for (Index p = 0; p < n; ++p)
    if (const auto parent = parent_of(p)) in_tree[p] = in_tree[*parent] = true;
  const std::size_t in_trees = static_cast<std::size_t>(std::count(in_tree.begin(), in_tree.end(), true));

  if (in_trees <= c.options.aggregate_above) {
    for (Index p = 0; p < n; ++p)
      if (in_tree[p]) {
        bool made = false;
        Agnode_t* node = c.node(partnership_key(reg, p), nullptr, &made);
        if (made) style_partnership(c, node, p);
      }
    for (Index p = 0; p < n; ++p)
      if (const auto parent = parent_of(p))
        style_parent(c, c.edge(c.nodes.at(partnership_key(reg, *parent)), c.nodes.at(partnership_key(reg, p))));
  } else {
    r.notes = draw_hierarchy_top(c, in_tree);
  }
  if (in_trees == 0)
    r.notes.push_back("No partnership in this register is a sub-partnership of another.");
  else if (in_trees < n)
    r.notes.push_back("Not shown: " + plural(n - in_trees, "partnership", "partnerships") + " with no parent and no sub-partnership.");
  return r;
}

}  // namespace partnermap::render
