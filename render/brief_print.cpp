#include "brief_print.h"

#include <cstdio>

#include "analysed.h"
#include "escape.h"

namespace partnermap::render {

namespace {

// Decodes one UTF-8 code point at s[i] (already valid UTF-8), advancing i.
char32_t next_code_point(const std::string& s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  i += len;
  return cp;
}

// The characters that act rather than show, as everywhere else in the outputs for people.
bool acts(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

}  // namespace

std::string css_string(const std::string& text) {
  const std::string s = valid_utf8(text);
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(s, i);
    const bool plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ' ';
    if (plain || (cp >= 0xA0 && !acts(cp))) {
      out.append(s, start, i - start);
      continue;
    }
    char buf[16];
    // The trailing space ends the escape, so that a following hex digit is not read into it.
    std::snprintf(buf, sizeof buf, "\\%X ", static_cast<unsigned>(acts(cp) ? 0xFFFD : cp));
    out += buf;
  }
  return out + "\"";
}

bool prints_landscape(double width, double height) { return height <= 0 || width > height * 1.15; }

std::string brief_print_css(const std::string& council, Date at, Paper paper) {
  const std::string head = css_string(council + ": partnerships briefing");
  const std::string date = css_string("As at " + long_date(at));
  const bool a3 = paper == Paper::a3;
  // Content heights, less the figure's caption and its "how to read" lines: a diagram scaled to
  // this fits its page whole.
  const char* portrait_svg = a3 ? "215mm" : "205mm";
  const char* landscape_svg = a3 ? "215mm" : "125mm";
  std::string css = "\n@media print{\n";
  css += std::string(" @page{size:") + (a3 ? "A3 landscape" : "A4 portrait") + ";margin:15mm 12mm 14mm 12mm;";
  css += "@top-left{content:" + head + ";font:8pt Arial,sans-serif;color:#555}";
  css += "@top-right{content:" + date + ";font:8pt Arial,sans-serif;color:#555}";
  css += "@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);font:8pt Arial,sans-serif;color:#555}}\n";
  // Named pages: a section or figure marked .wide prints landscape, .tall portrait. A section takes its
  // first figure's page, so that its heading never sits alone on a page of the other orientation.
  css += std::string(" @page wide{size:") + (a3 ? "A3 landscape" : "A4 landscape") + "}\n";
  css += std::string(" @page tall{size:") + (a3 ? "A3 landscape" : "A4 portrait") + "}\n";
  css += R"CSS( body{font-size:10pt}
 header,main,footer{max-width:none;padding:0}
 #details,.pm-controls,.files,.screen-only{display:none}
 main>section{break-before:page}
 main>section:first-child{break-before:auto}
 h2,h3,figcaption{break-after:avoid}
 .figure,.findings li,.howto,tr,figure.diagram{break-inside:avoid}
 figure.diagram{break-before:page;border:0;padding:0;margin:0}
 section>figure.diagram:first-of-type{break-before:auto}
 .wide{page:wide}
 .tall{page:tall}
 figure.diagram svg{width:100%;height:auto;max-height:)CSS";
  css += portrait_svg;
  css += "}\n figure.diagram.wide svg{max-height:";
  css += landscape_svg;
  css += R"CSS(}
 thead{display:table-header-group}
 table.pm-matrix{font-size:6.5pt}
 table.pm-matrix thead th{position:static;background:#e8eef4}
 /* Chromium paints a header row repeated on a later page without the buttons' text and without
    rotated text: the headings print as plain text, the theme names sideways without a transform. */
 table.pm-matrix th button{display:contents}
 table.pm-matrix th.tick{writing-mode:sideways-lr;transform:none;min-width:0}
 table.pm-matrix td.findings{min-width:26em}
 footer{page:wide}
 table.heat{font-size:6.5pt}
 table.heat th,table.heat td{padding:.2em .3em}
 .over,.stretched,.ok,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";
  return css;
}

}  // namespace partnermap::render
