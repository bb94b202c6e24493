#include "explore.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "escape.h"
#include "diagram_style.h"
#include "matrix.h"
#include "partnermap/analysis/review.h"

// The explorer's script and styles, in pieces ending with a null pointer (cmake/embed.cmake).
extern const char* const kExploreScript[];
extern const char* const kExploreStyle[];

namespace {
struct Pieces {
  const char* const* first;
};
std::ostream& operator<<(std::ostream& out, Pieces text) {
  for (const char* const* piece = text.first; *piece != nullptr; ++piece) out << *piece;
  return out;
}
}  // namespace

namespace partnermap::render {

namespace {

using nlohmann::json;

// Okabe–Ito first (as the diagrams), then Paul Tol's muted scheme: twelve clusters told apart; the
// rest share grey, and the page says so.
const char* const kClusterColours[] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
                                       "#CC79A7", "#882255", "#44AA99", "#999933", "#AA4499", "#332288"};
constexpr std::size_t kClusterColourCount = sizeof kClusterColours / sizeof kClusterColours[0];

int month_number(Date d) {
  const YearMonthDay ymd = to_civil(d);
  return ymd.year * 12 + static_cast<int>(ymd.month) - 1;
}

std::string one_decimal(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string text(const std::string& s) { return valid_utf8(s); }

json row_of(const Matrix& m, const MatrixRow& row) {
  json cells = json::array();
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    const std::string shown = display_text(m.columns[c], row.cells[c]);
    if (shown.empty()) continue;
    cells.push_back({text(m.columns[c].title), text(shown)});
  }
  return cells;
}

struct Vocab {
  std::vector<std::string> sectors;
  std::map<std::string, std::size_t> sector_index;
  std::vector<std::string> finding_codes;
  std::map<std::string, std::size_t> finding_index;
};

Vocab vocabulary(const Register& reg, const Review& review) {
  Vocab v;
  for (const Organisation& o : reg.organisations) {
    const std::string s = o.sector.empty() ? std::string("not given") : o.sector;
    if (v.sector_index.try_emplace(s, v.sectors.size()).second) v.sectors.push_back(s);
  }
  for (const PartnershipReview& r : review.partnerships)
    for (const Finding& f : r.findings)
      if (v.finding_index.try_emplace(f.code, v.finding_codes.size()).second) v.finding_codes.push_back(f.code);
  return v;
}

int role_index(std::optional<Role> r) { return r ? static_cast<int>(*r) : 3; }

json partnership_fields(const ExploreInputs& x, Index p, const Vocab& vocab, const std::map<Index, const MatrixRow*>& rows,
                        const Matrix& matrix) {
  const Register& reg = x.in.reg();
  const Partnership& part = reg.partnerships[p];
  json th = json::array(), un = json::array(), fi = json::array();
  for (Index t : part.themes) th.push_back(t);
  for (const Commitment& c : part.commitments) un.push_back(c.unit);
  for (const PartnershipReview& r : x.in.review.partnerships)
    if (r.partnership == p)
      for (const Finding& f : r.findings) fi.push_back(vocab.finding_index.at(f.code));
  json out = {{"na", static_cast<int>(part.nature)},
              {"ro", role_index(x.in.roles.council_role.at(p))},
              {"th", th},
              {"un", un},
              {"ri", part.risk ? static_cast<int>(*part.risk) : 3},
              {"fi", fi},
              {"st", part.start ? to_iso(*part.start) : ""},
              {"en", part.end ? to_iso(*part.end) : ""}};
  const auto it = rows.find(p);
  if (it != rows.end()) out["row"] = row_of(matrix, *it->second);
  return out;
}

json organisation_fields(const ExploreInputs& x, Index o, const Vocab& vocab) {
  const Register& reg = x.in.reg();
  const OrganisationFigures& f = x.network.organisations.at(o);
  const std::string sector = reg.organisations[o].sector.empty() ? std::string("not given") : reg.organisations[o].sector;
  return {{"se", vocab.sector_index.at(sector)},
          {"fig", json::array({json::array({"Sector", text(sector)}),
                               json::array({"Partnerships", thousands(static_cast<double>(f.partnerships))}),
                               json::array({"Organisations it shares a partnership with", thousands(static_cast<double>(f.co_members))}),
                               json::array({"Ties through shared partnerships (strength)", thousands(static_cast<double>(f.strength))}),
                               json::array({"Betweenness", one_decimal(f.betweenness)}),
                               json::array({"Closeness", one_decimal(f.closeness * 100) + "%"}),
                               json::array({capitalised(reg.policy.words.units) + " working with its partnerships", thousands(static_cast<double>(f.units))})})}};
}

json unit_fields(const ExploreInputs& x, Index u, const Capacity& forecast, const PlacedLayout& layout) {
  const Register& reg = x.in.reg();
  const Graph& g = x.in.graph;
  const double capacity = reg.business_units[u].capacity_hours;
  json status = json::array(), used = json::array(), commitments = json::array();
  for (std::size_t m = 0; m < forecast.months.size(); ++m) {
    const double hours = forecast.forecast_hours.at(u).at(m);
    status.push_back(static_cast<int>(load_status(hours, capacity, forecast.thresholds)));
    used.push_back(capacity > 0 ? thousands(hours) + " of " + thousands(capacity) + " hours a month (" +
                                      utilisation_text(utilisation(hours, capacity)) + ")"
                                : thousands(hours) + " hours a month; " + kCapacityNotRecorded);
  }
  for (Index p = 0; p < reg.partnerships.size(); ++p)
    for (const Commitment& c : reg.partnerships[p].commitments)
      if (c.unit == u) {
        const auto node = layout.node_of.at(g.partnership(p));
        commitments.push_back({node ? static_cast<long long>(*node) : -1LL, text(reg.partnerships[p].name), c.hours, text(c.officer)});
      }
  return {{"ld", status}, {"ut", used}, {"cm", commitments}};
}

json group_fields(const ExploreInputs& x, const PlacedNode& n, const Capacity& forecast) {
  const Register& reg = x.in.reg();
  if (n.kind != PlacedKind::partnership_group) return {{"m", n.members}};
  json active = json::array();
  for (Date d : forecast.months) {
    std::size_t count = 0;
    for (const Partnership& p : reg.partnerships) {
      const std::string key = p.themes.empty() ? std::string() : reg.themes[p.themes.front()].id;
      if (key == n.group && p.active_on(d)) ++count;
    }
    active.push_back(count);
  }
  return {{"m", n.members}, {"act", active}};
}

char kind_code(PlacedKind k) {
  switch (k) {
    case PlacedKind::partnership: return 'p';
    case PlacedKind::organisation: return 'o';
    case PlacedKind::unit: return 'u';
    case PlacedKind::partnership_group: return 'P';
    case PlacedKind::organisation_group: return 'O';
  }
  return 'o';
}

json node_json(const ExploreInputs& x, const PlacedNode& n, const Vocab& vocab, const Capacity& forecast, const PlacedLayout& layout,
               const std::map<Index, const MatrixRow*>& rows, const Matrix& matrix) {
  const Graph& g = x.in.graph;
  json j = {{"k", std::string(1, kind_code(n.kind))},
            {"id", text(n.vertex ? g.id(*n.vertex) : n.group)},
            {"n", text(n.label)},
            {"x", std::round(n.x * 10) / 10},
            {"y", std::round(n.y * 10) / 10},
            {"w", std::round(n.width)},
            {"h", std::round(n.height)},
            {"s", n.shape},
            {"f", n.fill},
            {"fc", n.font_colour},
            {"bc", n.border_colour},
            {"bs", n.border_style},
            {"bw", n.border_width}};
  int cluster = -1;
  if (n.vertex && *n.vertex < x.clusters.of_vertex.size() && x.clusters.of_vertex[*n.vertex])
    cluster = static_cast<int>(*x.clusters.of_vertex[*n.vertex]);
  j["c"] = cluster;
  if (n.vertex && *n.vertex == g.council()) j["co"] = true;
  if (!n.vertex) {
    j.update(group_fields(x, n, forecast));
    return j;
  }
  const Index i = g.index(*n.vertex);
  switch (n.kind) {
    case PlacedKind::partnership: j.update(partnership_fields(x, i, vocab, rows, matrix)); break;
    case PlacedKind::organisation: j.update(organisation_fields(x, i, vocab)); break;
    case PlacedKind::unit: j.update(unit_fields(x, i, forecast, layout)); break;
    default: break;
  }
  return j;
}

char edge_code(const PlacedEdge& e) {
  if (!e.laid_out) return 'x';
  switch (e.kind) {
    case EdgeKind::membership: return 'm';
    case EdgeKind::commitment: return 'c';
    case EdgeKind::parent: return 'p';
    case EdgeKind::theme: return 't';
  }
  return 'm';
}

json clusters_json(const ExploreInputs& x) {
  const Register& reg = x.in.reg();
  json list = json::array();
  for (std::size_t i = 0; i < x.clusters.clusters.size(); ++i) {
    const Cluster& c = x.clusters.clusters[i];
    list.push_back({{"colour", i < kClusterColourCount ? kClusterColours[i] : "#BBBBBB"},
                    {"theme", c.main_theme ? text(reg.themes[*c.main_theme].name) : std::string("no theme")},
                    {"share", percent(c.theme_share)},
                    {"p", c.partnerships.size()},
                    {"o", c.organisations.size()}});
  }
  return {{"nmi", std::round(x.clusters.nmi * 1000) / 1000}, {"list", list}};
}

json vocab_json(const Register& reg, const Vocab& vocab) {
  json themes = json::array(), units = json::array(), sectors = json::array(), findings = json::array();
  json theme_ids = json::array(), unit_ids = json::array();
  for (const Theme& t : reg.themes) themes.push_back(text(t.name)), theme_ids.push_back(text(t.id));
  for (const BusinessUnit& u : reg.business_units) units.push_back(text(u.name)), unit_ids.push_back(text(u.id));
  for (const std::string& s : vocab.sectors) sectors.push_back(text(s));
  for (const std::string& c : vocab.finding_codes) findings.push_back(finding_title(c));
  return {{"themes", themes},
          {"theme_ids", theme_ids},
          {"units", units},
          {"unit_ids", unit_ids},
          {"finding_codes", vocab.finding_codes},
          {"status_colours", json::array({palette::green, palette::yellow, palette::vermillion, palette::grey_tint})},
          {"status_fonts", json::array({"#FFFFFF", "#000000", "#FFFFFF", "#000000"})},
          {"unit_word", text(capitalised(reg.policy.words.unit))},
          {"units_word", text(capitalised(reg.policy.words.units))},
          {"natures", json::array({"strategic", "operational", "funding", "project"})},
          {"roles", json::array({role_words(Role::lead), role_words(Role::support), role_words(Role::observer), role_words(std::nullopt)})},
          {"risks", json::array({"high", "medium", "low", "not rated"})},
          {"sectors", sectors},
          {"findings", findings},
          {"status", json::array({status_words(LoadStatus::ok), status_words(LoadStatus::stretched), status_words(LoadStatus::overloaded),
                                  kCapacityNotRecorded})}};
}

}  // namespace

ExploreMonths explore_months(const Register& reg, Date at) {
  int earliest = month_number(at), latest = month_number(at) + 12;
  for (const Partnership& p : reg.partnerships) {
    if (p.start) earliest = std::min(earliest, month_number(*p.start));
    if (p.end) latest = std::max(latest, month_number(*p.end));
  }
  const int back = std::min(month_number(at) - earliest, 240);
  const int ahead = std::min(latest - month_number(at), 120);
  return {add_months(at, -back), back + ahead, back};
}

ExploreReport write_explore_page_for(const Analysed& in, std::ostream& out) {
  const Network network = compute_network(in.graph, NetworkSettings{});
  const Clusters clusters = compute_clusters(in.graph);
  return write_explore_page({in, network, clusters}, out);
}

ExploreReport write_explore_page(const ExploreInputs& x, std::ostream& out) {
  return write_explore_page(x, place_network(x.in), out);
}

ExploreReport write_explore_page(const ExploreInputs& x, const PlacedLayout& layout, std::ostream& out) {
  const Register& reg = x.in.reg();
  const Date at = x.in.capacity.at;
  const ExploreMonths months = explore_months(reg, at);
  const Capacity forecast = compute_capacity(x.in.graph, months.first, months.count);
  const Vocab vocab = vocabulary(reg, x.in.review);
  Matrix matrix;
  std::map<Index, const MatrixRow*> rows;
  if (!layout.grouped) {
    matrix = build_matrix(x.in);
    for (const MatrixRow& r : matrix.rows) rows.emplace(r.partnership, &r);
  }

  json nodes = json::array(), edges = json::array(), stops = json::array();
  for (const PlacedNode& n : layout.nodes) nodes.push_back(node_json(x, n, vocab, forecast, layout, rows, matrix));
  for (const PlacedEdge& e : layout.edges)
    edges.push_back({e.a, e.b, std::string(1, edge_code(e)), e.colour, e.style, e.width, e.count});
  for (Date d : forecast.months) stops.push_back({to_iso(d), month_label(d)});
  const std::string council = text(reg.organisations.at(reg.council).name);
  json data = {{"title", council + ": partnership explorer"},
               {"council", council},
               {"at", long_date(at)},
               {"engine", layout.engine},
               {"grouped", layout.grouped},
               {"notes", layout.notes},
               {"months", stops},
               {"at_stop", months.at_stop},
               {"vocab", vocab_json(reg, vocab)},
               {"clusters", clusters_json(x)},
               {"nodes", std::move(nodes)},
               {"edges", std::move(edges)}};

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may be fetched: the page works the same in a building with no network, and register
      // text that slipped past every escape still could not load or send anything.
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
         "style-src 'unsafe-inline'; img-src data: blob:\">\n"
      << "<title>" << html_escape(council + ": partnership explorer") << "</title>\n<style>\n"
      << Pieces{kExploreStyle} << "</style>\n</head>\n<body>\n"
      << "<noscript><p>The explorer needs JavaScript. The briefing's diagrams and matrix show the same register without it.</p></noscript>\n"
      << "<script type=\"application/json\" id=\"pm-data\">" << script_json_escape(data.dump(-1, ' ', false, json::error_handler_t::replace))
      << "</script>\n<script>\n" << Pieces{kExploreScript} << "</script>\n</body>\n</html>\n";
  return {layout.engine, layout.nodes.size(), layout.edges.size(), forecast.months.size(), layout.grouped, layout.warnings};
}

}  // namespace partnermap::render
