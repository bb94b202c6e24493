// The members' briefing pack: one page a councillor can open from an email, read on a phone or
// print, with the headline figures, the key findings in plain words, a capacity heat map, the
// diagrams and the matrix; beside it the same diagrams and the matrix as separate files.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysed.h"
#include "brief_print.h"

namespace partnermap::render {

struct BriefReport {
  std::vector<std::string> files;     // written, relative to the pack's folder
  std::vector<std::string> warnings;  // Graphviz's messages, in the tool's words
  std::string pdf_problem;            // why there is no briefing.pdf, when one was wanted and is missing
};

// How the pack prints, and whether it carries briefing.pdf (printed by headless Chromium when there
// is one; find_pdf_engine says).
struct BriefOptions {
  Paper paper = Paper::a4;
  bool pdf = true;
  bool include_ended = false, include_proposed = false;  // drawn in grey, as `diagram --include` does
};

// Whether `dir` may be replaced by a pack: it does not exist, is empty, or holds an earlier pack
// (an index.html). Returns why not, in plain words, or empty.
std::string brief_target_problem(const std::string& dir);

// Writes the pack into a new folder beside `dir` and renames it into place, replacing an earlier
// pack: a failure leaves no half-written pack and the earlier one as it was. Throws
// std::runtime_error (std::invalid_argument when brief_target_problem says no). `in_flight`, when
// given, is told the temporary folder's path before the folder is made, so that a caller can remove
// it should the process be interrupted.
BriefReport write_brief(const Analysed& in, const std::string& dir,
                        const std::function<void(const std::string& temp_folder)>& in_flight = {},
                        const BriefOptions& options = {});

// The page alone, given the diagrams' SVG text by slug (for tests and for write_brief).
struct BriefDiagram {
  std::string slug, title, svg;
  std::vector<std::string> notes;
  std::string how_to_read;  // plain words beside the picture
  bool multiple = false;    // one of the small multiples (a theme's or a unit's own diagram)
};
void write_brief_page(const Analysed& in, const std::vector<BriefDiagram>& diagrams, std::ostream& out, Paper paper = Paper::a4);

}  // namespace partnermap::render
