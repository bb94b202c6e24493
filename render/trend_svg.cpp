#include "trend_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "analysed.h"
#include "escape.h"

namespace partnermap::render {

namespace {

constexpr int kColumns = 3;
constexpr double kPanelWidth = 300, kPanelHeight = 170, kTop = 56;
// The plot inside a panel: left margin for the axis labels, room above for the title.
constexpr double kPlotLeft = 46, kPlotRight = 24, kPlotTop = 48, kPlotBottom = 34;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The axis a chart's values sit on: shares from 0 to 100%, trust on its 1-4 scale, scores 0-100,
// counts and hours from 0, so that a small change does not look like a large one.
std::pair<double, double> axis(const IndicatorInfo& info, const std::vector<std::optional<double>>& values) {
  const std::string kind = info.kind;
  if (kind == "share") return {0, 1};
  if (kind == "trust") return {1, 4};
  if (kind == "score") return {0, 100};
  double top = 0;
  for (const auto& v : values)
    if (v) top = std::max(top, *v);
  return {0, top > 0 ? std::ceil(top * 1.15) : 1};
}

void panel(std::ostream& out, const IndicatorInfo& info, const std::vector<Snapshot>& snaps, double x0, double y0) {
  std::vector<std::optional<double>> values;
  for (const Snapshot& s : snaps) values.push_back(indicator_value(s.indicators, info.name));
  // Named values, not a structured binding: clang 14 (the sanitized build) cannot capture bindings.
  const auto range = axis(info, values);
  const double lo = range.first, hi = range.second;
  const double left = x0 + kPlotLeft, right = x0 + kPanelWidth - kPlotRight;
  const double top = y0 + kPlotTop, bottom = y0 + kPanelHeight - kPlotBottom;
  const auto x_at = [&](std::size_t k) { return snaps.size() < 2 ? (left + right) / 2 : left + (right - left) * double(k) / double(snaps.size() - 1); };
  const auto y_at = [&](double v) { return bottom - (bottom - top) * (std::clamp(v, lo, hi) - lo) / (hi - lo); };
  out << "<g class=\"indicator\" id=\"" << html_escape(info.name) << "\">\n";
  out << "<rect x=\"" << num(x0 + 4) << "\" y=\"" << num(y0 + 4) << "\" width=\"" << num(kPanelWidth - 8) << "\" height=\""
      << num(kPanelHeight - 8) << "\" fill=\"#fff\" stroke=\"#bbb\"/>\n";
  out << "<text x=\"" << num(x0 + 12) << "\" y=\"" << num(y0 + 22) << "\" class=\"title\">" << html_escape(info.title) << "</text>\n";
  out << "<line x1=\"" << num(left) << "\" y1=\"" << num(bottom) << "\" x2=\"" << num(right) << "\" y2=\"" << num(bottom) << "\" stroke=\"#888\"/>\n";
  out << "<line x1=\"" << num(left) << "\" y1=\"" << num(top) << "\" x2=\"" << num(left) << "\" y2=\"" << num(bottom) << "\" stroke=\"#888\"/>\n";
  out << "<text x=\"" << num(left - 4) << "\" y=\"" << num(bottom + 4) << "\" class=\"axis\" text-anchor=\"end\">"
      << html_escape(indicator_words(info, lo)) << "</text>\n";
  out << "<text x=\"" << num(left - 4) << "\" y=\"" << num(top + 4) << "\" class=\"axis\" text-anchor=\"end\">"
      << html_escape(indicator_words(info, hi)) << "</text>\n";
  if (!snaps.empty()) {
    out << "<text x=\"" << num(x_at(0)) << "\" y=\"" << num(bottom + 16) << "\" class=\"axis\" text-anchor=\""
        << (snaps.size() < 2 ? "middle" : "start") << "\">" << html_escape(month_label(snaps.front().as_of)) << "</text>\n";
    if (snaps.size() > 1)
      out << "<text x=\"" << num(x_at(snaps.size() - 1)) << "\" y=\"" << num(bottom + 16) << "\" class=\"axis\" text-anchor=\"end\">"
          << html_escape(month_label(snaps.back().as_of)) << "</text>\n";
  }
  // The line, broken where a snapshot has no value (no survey wave, say).
  std::string path;
  bool pen = false;
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!values[k]) {
      pen = false;
      continue;
    }
    path += (pen ? " L" : " M") + num(x_at(k)) + " " + num(y_at(*values[k]));
    pen = true;
  }
  if (!path.empty()) out << "<path d=\"" << path.substr(1) << "\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2.5\"/>\n";
  bool any = false;
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!values[k]) continue;
    any = true;
    const std::string words = indicator_words(info, *values[k]);
    out << "<circle cx=\"" << num(x_at(k)) << "\" cy=\"" << num(y_at(*values[k])) << "\" r=\"4\" fill=\"#0072B2\"><title>"
        << html_escape(long_date(snaps[k].as_of) + ": " + words + " (" + snaps[k].source + ")") << "</title></circle>\n";
    // The first and last values are written out, so the chart reads without a scale.
    if (k == 0 || k + 1 == values.size())
      out << "<text x=\"" << num(x_at(k)) << "\" y=\"" << num(y_at(*values[k]) < top + 12 ? y_at(*values[k]) + 20 : y_at(*values[k]) - 9)
          << "\" class=\"value\" text-anchor=\""
          << (values.size() < 2 ? "middle" : k == 0 ? "start" : "end") << "\">" << html_escape(words) << "</text>\n";
  }
  if (!any)
    out << "<text x=\"" << num((left + right) / 2) << "\" y=\"" << num((top + bottom) / 2) << "\" class=\"axis\" text-anchor=\"middle\">"
        << "not recorded</text>\n";
  out << "</g>\n";
}

}  // namespace

std::string indicator_words(const IndicatorInfo& info, double value) {
  const std::string kind = info.kind;
  if (kind == "share") return percent(value);
  if (kind == "hours") return thousands(value);
  if (kind == "trust") {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    return buf;
  }
  return thousands(std::round(value));
}

void write_trend_svg(const std::vector<Snapshot>& snapshots, const std::string& title, std::ostream& out) {
  const auto& list = indicator_list();
  const int rows = static_cast<int>((list.size() + kColumns - 1) / kColumns);
  const double width = kPanelWidth * kColumns, height = kTop + kPanelHeight * rows + 10;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\" width=\""
      << num(width) << "\" height=\"" << num(height) << "\" role=\"img\" aria-labelledby=\"trend-title\">\n";
  out << "<style>text{font-family:system-ui,Arial,sans-serif;fill:#111}.title{font-size:14px;font-weight:600}"
         ".axis{font-size:11px;fill:#555}.value{font-size:12px;font-weight:600}.heading{font-size:18px;font-weight:600}</style>\n";
  out << "<title id=\"trend-title\">" << html_escape(title) << "</title>\n";
  out << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  out << "<text x=\"8\" y=\"24\" class=\"heading\">" << html_escape(title) << "</text>\n";
  std::string span;
  if (!snapshots.empty())
    span = count_of(snapshots.size(), "register", "registers") + ", " + long_date(snapshots.front().as_of) + " to " +
           long_date(snapshots.back().as_of);
  out << "<text x=\"8\" y=\"44\" class=\"axis\">" << html_escape(span) << "</text>\n";
  for (std::size_t i = 0; i < list.size(); ++i)
    panel(out, list[i], snapshots, kPanelWidth * double(i % kColumns), kTop + kPanelHeight * double(i / kColumns));
  out << "</svg>\n";
}

}  // namespace partnermap::render
