#include "brief_network.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "escape.h"
#include "partnermap/analysis/network.h"

namespace partnermap::render {

namespace {

// As `network` prints it: 0.138.
std::string three_places(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// The partners (the council aside: it is in nearly everything) highest on a figure, at most three.
template <class Figure>
std::vector<std::string> top_partners(const Analysed& in, const Network& net, Figure figure) {
  const Register& reg = in.reg();
  std::vector<Index> order;
  for (Index o = 0; o < net.organisations.size() && o < reg.organisations.size(); ++o)
    if (o != reg.council && figure(net.organisations[o]) > 0) order.push_back(o);
  std::stable_sort(order.begin(), order.end(),
                   [&](Index a, Index b) { return figure(net.organisations[a]) > figure(net.organisations[b]); });
  std::vector<std::string> names;
  for (std::size_t i = 0; i < order.size() && i < 3; ++i) names.push_back(reg.organisations[order[i]].name);
  return names;
}

void card(const std::string& figure, const std::string& label, const std::string& how, std::ostream& out,
          bool names = false) {
  out << "<div class=\"figure" << (names ? " names" : "") << "\"><b>" << html_escape(figure) << "</b>" << html_escape(label)
      << "<span class=\"howto\">" << html_escape(how) << "</span></div>\n";
}

}  // namespace

void write_network_figures(const Analysed& in, std::ostream& out) {
  const Network net = compute_network(in.graph, NetworkSettings{});
  out << "<h3>How the partners are connected</h3>\n<div class=\"figures network\">\n";
  card(three_places(net.density), "density",
       "The share of all possible memberships that exist (1 would be every partner in every partnership). A dense "
       "network is well connected, but the same people are asked to every table.",
       out);
  card(three_places(net.centralization), "degree centralization",
       "How far one organisation is the hub of the connections: 1 is a star with everything running through one "
       "partner, 0 is everyone equally connected. High usually means the Council itself is the hub.",
       out);
  card(thousands(static_cast<double>(net.component_count)), net.component_count == 1 ? "connected part" : "separate parts",
       "Groups of partnerships that share no member with one another. 1 means every partner can reach every other "
       "through someone; more means work that never meets.",
       out);
  const std::vector<std::string> bridges = top_partners(in, net, [](const OrganisationFigures& o) { return o.betweenness; });
  if (!bridges.empty())
    card(join_words(bridges), std::string("bridge most (betweenness") + (net.betweenness_exact ? "" : ", estimated") + ")",
         "They lie on the shortest paths between other partners: they link groups that would otherwise not meet, so "
         "losing them, or overloading them, cuts the network apart.",
         out, true);
  const std::vector<std::string> close = top_partners(in, net, [](const OrganisationFigures& o) { return o.closeness; });
  if (!close.empty())
    card(join_words(close), "closest to everyone (closeness)",
         "They need the fewest steps to reach every other partner: they hear news early and can pass it on quickly. "
         "A partner with low closeness is on the edge of the network.",
         out, true);
  out << "</div>\n";
}

}  // namespace partnermap::render
