#include "partnermap/graph.h"

#include <utility>
#include <vector>

namespace partnermap {

const char* to_string(VertexKind k) {
  switch (k) {
    case VertexKind::organisation: return "organisation";
    case VertexKind::partnership: return "partnership";
    case VertexKind::unit: return "unit";
    case VertexKind::theme: return "theme";
  }
  return "?";
}

const char* to_string(EdgeKind k) {
  switch (k) {
    case EdgeKind::membership: return "membership";
    case EdgeKind::commitment: return "commitment";
    case EdgeKind::theme: return "theme";
    case EdgeKind::parent: return "parent";
  }
  return "?";
}

namespace {

template <typename Entry>
void index_ids(const std::vector<Entry>& entries, std::unordered_map<std::string_view, Index>& out) {
  out.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) out.try_emplace(entries[i].id, static_cast<Index>(i));
}

}  // namespace

Graph::Graph(const Register& reg)
    : reg_(reg),
      orgs_end_(static_cast<Vertex>(reg.organisations.size())),
      partnerships_end_(orgs_end_ + static_cast<Vertex>(reg.partnerships.size())),
      units_end_(partnerships_end_ + static_cast<Vertex>(reg.business_units.size())),
      themes_end_(units_end_ + static_cast<Vertex>(reg.themes.size())) {
  std::size_t edges = 0;
  for (const Partnership& p : reg.partnerships)
    edges += 2 * (p.members.size() + p.commitments.size() + p.themes.size() + (p.parent ? 1 : 0));
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<EdgeInfo> info;
  ends.reserve(edges);
  info.reserve(edges);
  const auto both_ways = [&](Vertex from, Vertex to, EdgeInfo e) {
    ends.emplace_back(from, to);
    info.push_back(e);
    e.reverse = true;
    ends.emplace_back(to, from);
    info.push_back(e);
  };
  // The CSR constructor keeps the input order within each vertex's row, so emitting every
  // membership first puts each partnership's members at the front of its row.
  member_count_.resize(reg.partnerships.size());
  for (Index i = 0; i < reg.partnerships.size(); ++i) {
    const Partnership& p = reg.partnerships[i];
    member_count_[i] = static_cast<Index>(p.members.size());
    for (Index j = 0; j < p.members.size(); ++j)
      both_ways(partnership(i), organisation(p.members[j].org), {EdgeKind::membership, p.members[j].role, false, j});
  }
  for (Index i = 0; i < reg.partnerships.size(); ++i) {
    const Partnership& p = reg.partnerships[i];
    for (Index j = 0; j < p.commitments.size(); ++j)
      both_ways(partnership(i), unit(p.commitments[j].unit), {EdgeKind::commitment, Role::support, false, j});
    for (Index j = 0; j < p.themes.size(); ++j)
      both_ways(partnership(i), theme(p.themes[j]), {EdgeKind::theme, Role::support, false, j});
    if (p.parent) both_ways(partnership(i), partnership(*p.parent), {EdgeKind::parent, Role::support, false, 0});
  }
  csr_ = CsrGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), info.begin(), themes_end_);
  index_ids(reg.organisations, ids_[0]);
  index_ids(reg.partnerships, ids_[1]);
  index_ids(reg.business_units, ids_[2]);
  index_ids(reg.themes, ids_[3]);
}

const std::string& Graph::id(Vertex v) const {
  switch (kind(v)) {
    case VertexKind::organisation: return reg_.organisations[index(v)].id;
    case VertexKind::partnership: return reg_.partnerships[index(v)].id;
    case VertexKind::unit: return reg_.business_units[index(v)].id;
    case VertexKind::theme: return reg_.themes[index(v)].id;
  }
  return reg_.themes[index(v)].id;
}

const std::string& Graph::name(Vertex v) const {
  switch (kind(v)) {
    case VertexKind::organisation: return reg_.organisations[index(v)].name;
    case VertexKind::partnership: return reg_.partnerships[index(v)].name;
    case VertexKind::unit: return reg_.business_units[index(v)].name;
    case VertexKind::theme: return reg_.themes[index(v)].name;
  }
  return reg_.themes[index(v)].name;
}

std::optional<Vertex> Graph::find(VertexKind k, std::string_view id) const {
  const auto& ids = ids_[static_cast<int>(k)];
  auto it = ids.find(id);
  if (it == ids.end()) return std::nullopt;
  switch (k) {
    case VertexKind::organisation: return organisation(it->second);
    case VertexKind::partnership: return partnership(it->second);
    case VertexKind::unit: return unit(it->second);
    case VertexKind::theme: return theme(it->second);
  }
  return std::nullopt;
}

// The CSR's arrays are public members in Boost (its headers say why); reading them directly gives
// an analysis contiguous rows without an iterator per edge.
std::span<const Vertex> Graph::neighbours(Vertex v) const {
  const auto& f = csr_.m_forward;
  return {f.m_column.data() + f.m_rowstart[v], f.m_rowstart[v + 1] - f.m_rowstart[v]};
}

std::span<const EdgeInfo> Graph::edge_info(Vertex v) const {
  const auto& f = csr_.m_forward;
  return {f.m_edge_properties.data() + f.m_rowstart[v], f.m_rowstart[v + 1] - f.m_rowstart[v]};
}

std::span<const Vertex> Graph::partner_neighbours(Vertex v) const {
  std::span<const Vertex> all = neighbours(v);
  if (kind(v) == VertexKind::organisation) return all;  // an organisation has only memberships
  if (kind(v) == VertexKind::partnership) return all.first(member_count_[index(v)]);
  return {};
}

}  // namespace partnermap
