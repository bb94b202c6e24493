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

// One file of the pack: its content in memory, or (for a library that writes by name, the XLSX
// matrix) a function that writes it to the path it is given.
struct PackFile {
  std::string name;  // inside the pack's folder
  std::string bytes;
  std::function<void(const std::string& path)> write_to;
};

struct BriefPack {
  std::vector<PackFile> files;        // index.html first
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

// Everything the pack holds, made in memory: the CLI writes it into its folder through its file
// writer (and a manifest of these names, so that it replaces only what it wrote). With
// `options.pdf`, briefing.pdf is printed by headless Chromium when there is one; otherwise (or when
// printing fails) `pdf_problem` says why there is none. Throws std::runtime_error when Graphviz fails.
BriefPack make_brief(const Analysed& in, const BriefOptions& options = {});

// The page alone, given the diagrams' SVG text by slug (for tests and for write_brief).
struct BriefDiagram {
  std::string slug, title, svg;
  std::vector<std::string> notes;
  std::string how_to_read;  // plain words beside the picture
  bool multiple = false;    // one of the small multiples (a theme's or a unit's own diagram)
};
void write_brief_page(const Analysed& in, const std::vector<BriefDiagram>& diagrams, std::ostream& out, Paper paper = Paper::a4);

}  // namespace partnermap::render
