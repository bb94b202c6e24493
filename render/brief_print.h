// How the members' briefing prints: the page sizes, what starts a page and what must never be split,
// and the council and date at the head of every page. Members read the pack on paper or as a PDF
// attached to committee papers, so print is a first-class layout, not an afterthought.
#pragma once

#include <string>

#include "paper.h"
#include "partnermap/date.h"

namespace partnermap::render {

// The @media print style sheet for the pack. A4: text pages portrait; the matrix, and any diagram
// wider than it is tall, on landscape pages (a named page, so one PDF mixes them). A3: every page
// landscape. `council` and `at` go into every page's margin, escaped for a CSS string.
std::string brief_print_css(const std::string& council, Date at, Paper paper);

// A CSS string literal holding `text` as text: every character other than a letter, digit or space
// is written as a CSS escape, so that no register text can close the string or the <style> element.
std::string css_string(const std::string& text);

// Whether a diagram `width` by `height` (any unit) prints on a landscape page rather than a portrait one.
bool prints_landscape(double width, double height);

}  // namespace partnermap::render
