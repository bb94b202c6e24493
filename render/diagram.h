// Network diagrams for members, built through cgraph and drawn through gvc.
//
// Every view draws the same kinds the same way, so a member who has read one legend can read every
// diagram: shape says what a thing is, fill what kind of it (nature, sector, capacity status), the
// border and line weight the Council's role. Colours come from the Okabe–Ito palette, which stays
// distinct under the common colour-blindnesses. A view that would be unreadable node by node is
// aggregated (partners by sector, then partnerships by theme), and the diagram says so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysed.h"
#include "paper.h"

namespace partnermap::render {

enum class ViewKind : std::uint8_t { network, themes, capacity, hierarchy, ego };

struct DiagramView {
  ViewKind kind = ViewKind::network;
  std::string ego_id;  // ego only: a partnership, organisation, Business Unit or theme id
  int depth = 1;       // ego only: how many steps out from it
};

// "network", "themes", "capacity", "hierarchy", "ego:ID". Throws std::invalid_argument in plain words.
DiagramView parse_view(const std::string& text, int depth = 1);
// "network", "ego-lsp"...: for file names.
std::string view_slug(const DiagramView& v);
// What the view shows, in a few words, for titles: an ego view by the name of what it is around.
std::string view_title(const DiagramView& v, const Graph& g);

enum class DiagramFormat : std::uint8_t { svg, png, pdf, dot };
const char* to_string(DiagramFormat f);
// The format a path asks for by its extension; none when it is not .svg, .png, .pdf or .dot (.gv).
std::optional<DiagramFormat> diagram_format(const std::string& path);

struct DiagramOptions {
  // Aggregate organisations by sector when more than this many would be drawn, and partnerships by
  // theme likewise: beyond a few hundred nodes a diagram is ink, not information.
  std::size_t aggregate_above = 150;
  // Above this many nodes the layout switches from dot (layered, slow beyond ~1k edges) to a force
  // layout. Empty `engine` picks by size.
  std::size_t dot_up_to = 60;
  std::size_t neato_up_to = 250;
  std::string engine;
  // Prefix for SVG element ids, so that several diagrams can sit in one page without clashing.
  std::string id_prefix = "pm";
  // Partnerships not active on the date (ended before it, or not started by it) are drawn only when
  // asked for, in grey with dashed outlines, so that a picture "as at" a date shows what is true then.
  bool include_ended = false, include_proposed = false;
  // The page a PDF is laid on: A4 (portrait or landscape, whichever suits the drawing) or A3.
  Paper paper = Paper::a4;
  // Layouts wider or taller than this are laid out again (leaves staggered, direction turned, parts
  // packed) and the best-proportioned kept: a strip ten times wider than tall prints as a line.
  double widest_aspect = 3.0;
};

// One rendering, always to memory: Graphviz never writes a file itself (it gives up silently on a
// full disk), the caller writes the bytes through its file writer. An empty `path` also hands the
// text back in DiagramReport::svg, for inlining in a page; otherwise `path` is the file the caller
// will write it to.
struct DiagramTarget {
  DiagramFormat format = DiagramFormat::svg;
  std::string path;
};

// Which partnerships a view draws, from --include: "ended", "proposed", "ended,proposed", or "".
// Throws std::invalid_argument naming the word it does not know.
void parse_include(const std::string& text, DiagramOptions& options);

// What was drawn, for the tool to report.
struct DiagramReport {
  std::string engine;                // the layout engine chosen
  std::size_t nodes = 0, edges = 0;  // as drawn
  double width = 0, height = 0;      // the laid-out drawing, points, legend included
  std::vector<std::string> notes;    // what the diagram says about itself (grouping, omissions)
  std::vector<std::string> warnings; // Graphviz's messages, as the tool's own words
  std::string svg;                   // the SVG text, when a target with an empty path asked for it
  std::vector<std::string> rendered; // each target's bytes, in the order of the targets
};

// Builds the view through cgraph, lays it out once and renders it to memory for every target. Throws std::invalid_argument when an ego id names
// nothing, std::runtime_error when Graphviz fails. Graphviz is not thread-safe: call from one thread.
DiagramReport draw_diagram(const Analysed& in, const DiagramView& view, const std::vector<DiagramTarget>& targets,
                           const DiagramOptions& options = {});

}  // namespace partnermap::render
