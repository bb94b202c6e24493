// How each kind of thing looks in every diagram, and the legend that says so. Internal to render/.
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "diagram.h"
#include "graphviz.h"

namespace partnermap::render {

// Okabe–Ito palette, plus light tints of it for large areas.
namespace palette {
inline constexpr const char* black = "#000000";
inline constexpr const char* orange = "#E69F00";
inline constexpr const char* sky = "#56B4E9";
inline constexpr const char* green = "#009E73";
inline constexpr const char* yellow = "#F0E442";
inline constexpr const char* blue = "#0072B2";
inline constexpr const char* vermillion = "#D55E00";
inline constexpr const char* purple = "#CC79A7";
inline constexpr const char* grey_tint = "#DDDDDD";
inline constexpr const char* green_tint = "#A8E0CD";
inline constexpr const char* yellow_tint = "#FBF4B0";
}  // namespace palette

// The parts of a legend a diagram uses; the legend shows only those.
enum class LegendPart : std::uint8_t { natures, council_role, sectors, units, themes, membership_lines, hours_lines, parent_lines, aggregated, ended, proposed, focus };

// Where a partnership stands on the diagram's date.
enum class Standing : std::uint8_t { active, ended, proposed };

// The graph being built: the root, the id prefix and counters, the nodes made so far by key.
struct Canvas {
  Agraph_t* root = nullptr;
  const Analysed& in;
  const DiagramOptions& options;
  std::unordered_map<std::string, Agnode_t*> nodes;
  std::size_t node_count = 0, edge_count = 0;
  std::set<LegendPart> legend;
  std::set<std::string> sectors_used;
  std::set<Nature> natures_used;
  std::set<LoadStatus> statuses_used;
  std::vector<Standing> standing;               // by partnership, on the diagram's date
  std::set<Index> partnerships_drawn;           // one by one
  std::size_t partnerships_grouped = 0;         // inside group boxes
  std::vector<std::pair<Agedge_t*, double>> hour_lines;  // widths set once the widest is known
  std::string focus_name;                       // an ego view's centre, for the legend

  Canvas(Agraph_t* r, const Analysed& a, const DiagramOptions& o);
  // Whether partnership `p` is drawn: active on the date, or ended/proposed and asked for.
  bool drawn(Index p) const;
  // The node with `key`, made in `where` (root or a cluster) the first time; `made` says which.
  Agnode_t* node(const std::string& key, Agraph_t* where, bool* made = nullptr);
  Agedge_t* edge(Agnode_t* a, Agnode_t* b);
  Agraph_t* cluster(const std::string& label);
};

// Breaks a name into lines of about `width` characters at spaces, for compact nodes.
std::string wrap(const std::string& text, std::size_t width = 22);

// Graph-wide defaults: fonts, sizes, the title and legend as the graph's label.
void set_graph_defaults(Canvas& c, bool layered);
void set_title_and_legend(Canvas& c, const std::string& title, const std::vector<std::string>& notes);

// Node styles. Each sets label, shape, fill, border and a tooltip with the details a member asks for.
void style_partnership(Canvas& c, Agnode_t* n, Index p);
void style_organisation(Canvas& c, Agnode_t* n, Index o);
void style_unit(Canvas& c, Agnode_t* n, Index u, bool show_load);
void style_theme(Canvas& c, Agnode_t* n, std::optional<Index> t);
// An aggregate: `what` many things shown as one node.
void style_sector_group(Canvas& c, Agnode_t* n, const std::string& sector, std::size_t organisations);
void style_theme_group(Canvas& c, Agnode_t* n, std::optional<Index> theme, std::size_t partnerships);

// Edge styles.
void style_membership(Canvas& c, Agedge_t* e, Role role);
void style_aggregate(Canvas& c, Agedge_t* e, std::size_t memberships, std::size_t leads);
// Staff time: every such line's width is in proportion to its hours (set by finish_hour_lines).
void style_commitment(Canvas& c, Agedge_t* e, double hours);
void finish_hour_lines(Canvas& c);
// A membership line of a partnership drawn though not active: grey and dashed like its box.
void style_inactive_line(Canvas& c, Agedge_t* e, Index p);
// The centre of an ego view: its own outline, named in the legend.
void style_focus(Canvas& c, Agnode_t* n, const std::string& name);
void style_parent(Canvas& c, Agedge_t* e);
void style_theme_link(Canvas& c, Agedge_t* e, bool primary);

// The sector's legend group ("public", "voluntary and community", "private", "other").
std::string sector_group(const std::string& sector);

// Node keys, shared by the views: stable, unique, and what Graphviz shows as a node's name.
std::string org_key(const Register& r, Index o);
std::string partnership_key(const Register& r, Index p);
std::string unit_key(const Register& r, Index u);
std::string theme_key(const Register& r, std::optional<Index> t);

}  // namespace partnermap::render
