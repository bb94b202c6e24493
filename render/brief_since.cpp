#include "brief_since.h"

#include <ostream>
#include <sstream>

#include "escape.h"
#include "trend_svg.h"

namespace partnermap::render {

void write_since_section(const Analysed& in, std::ostream& out) {
  if (!in.since) return;
  const SinceLastTime& s = *in.since;
  out << "<section aria-labelledby=\"h-since\"><h2 id=\"h-since\">Since last time</h2>\n<p>Changes since the register of "
      << html_escape(long_date(s.previous)) << ".</p>\n";
  for (const std::string& w : s.warnings) out << "<p class=\"warning\"><strong>Warning:</strong> " << html_escape(w) << "</p>\n";
  out << "<ul class=\"findings\">\n";
  for (const std::string& line : s.headline) out << "<li>" << html_escape(line) << "</li>\n";
  out << "</ul>\n";
  if (s.snapshots.size() >= 2) {
    std::ostringstream svg;
    write_trend_svg(s.snapshots, "Key indicators over time", svg);
    out << "<figure class=\"diagram trend\"><figcaption>Key indicators at each register</figcaption>\n" << svg.str() << "</figure>\n";
  }
  out << "</section>\n";
}

}  // namespace partnermap::render
