// Escaping for every output format. A register's names are typed by officers and copied from other
// organisations' papers: they can hold markup, quotes, backslashes and spreadsheet formulas. Each
// writer passes every piece of register text through the function for its format, so that the text
// shows as typed and never runs.
#pragma once

#include <string>
#include <string_view>

namespace partnermap::render {

// Every function for a format a person reads (HTML, XML, Markdown, Graphviz) also shows as U+FFFD
// the characters that would act rather than show: control characters (not allowed in XML, commands
// to a terminal) and the bidirectional overrides and isolates (which make "Trust" read as "tsurT").
// The formats that carry data (CSV, XLSX, JSON) keep them so that nothing is lost; the loader warns
// about them so that the officer can remove them from the register.

// For HTML and XML text and attribute values: & < > " ' become entities.
std::string html_escape(std::string_view text);

// For text inside an inline <script> JSON block: also turns "</" and "<!--" harmless.
std::string script_json_escape(std::string_view json);

// Whether a spreadsheet would run the text as a formula (starts with = + - @ tab or CR).
bool looks_like_formula(std::string_view text);
// The text with a leading apostrophe when it looks like a formula, so Excel shows it as text.
std::string neutralise_formula(std::string_view text);

// One CSV field (RFC 4180): neutralised, then quoted when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view text);

// For a Markdown table cell: | and \ and markup characters escaped, line breaks as <br>.
std::string markdown_cell(std::string_view text);

// For a plain Graphviz label or tooltip: backslashes doubled (Graphviz expands \N \G \n ...), and &
// written as &amp; (Graphviz renders entities in labels). Line breaks become Graphviz's \n.
std::string graphviz_text(std::string_view text);

// For a Graphviz tooltip: as graphviz_text, but Graphviz expands a tooltip's escapes twice (\N in
// a name became the node's id when only doubled), so every backslash is written four times.
std::string graphviz_tooltip(std::string_view text);

// For an XLSX text cell: the characters XML cannot hold (NUL and the other control characters but
// tab and line feed, a carriage return that XML readers would turn into a line feed, U+FFFE and
// U+FFFF) written as Excel itself writes them, "_x0000_"; and a "_x" that already reads like one
// written "_x005F_x", so that Excel, and partnermap's import, read every cell back as it was.
std::string xlsx_text(std::string_view text);

// Replaces invalid UTF-8 with U+FFFD so that XML readers and browsers accept the output.
std::string valid_utf8(std::string_view text);

}  // namespace partnermap::render
