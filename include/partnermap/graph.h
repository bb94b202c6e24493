// The graph model: one Boost.Graph over the whole register, built once and read by every analysis.
//
// Vertices are typed by where they stand: organisations first (the council is one of them), then
// partnerships, Business Units and themes, each block in register order. So a vertex's kind and
// its index in the register are arithmetic, and the partner network (organisations and
// partnerships joined by memberships) is the prefix [0, organisations + partnerships).
//
// Representation: a compressed_sparse_row_graph with 32-bit indices. The register is read-only once
// loaded, so the graph never changes after it is built; CSR stores a national register's 3M directed
// edges in a few tens of MiB, is built in one pass, and hands an analysis each vertex's neighbours
// as a contiguous array, which is what Brandes and the projections spend their time on. CSR is
// directed only, so every edge is stored in both directions; `EdgeInfo::reverse` tells which copy
// points from the partnership outwards.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "partnermap/model.h"

namespace partnermap {

enum class VertexKind : std::uint8_t { organisation, partnership, unit, theme };
enum class EdgeKind : std::uint8_t {
  membership,  // partnership — organisation, with the organisation's role
  commitment,  // partnership — Business Unit, with hours (see `slot`)
  theme,       // partnership — theme it serves
  parent,      // sub-partnership — its parent
};

const char* to_string(VertexKind k);
const char* to_string(EdgeKind k);

struct EdgeInfo {
  EdgeKind kind = EdgeKind::membership;
  Role role = Role::support;  // membership edges only
  // false on the copy that leaves the partnership (for parent edges: leaves the sub-partnership)
  bool reverse = false;
  // The position of the edge's entry in its partnership: members[slot], commitments[slot] or themes[slot].
  Index slot = 0;
};

using Vertex = std::uint32_t;
using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeInfo,
                                                    boost::no_property, Vertex, Vertex>;

class Graph {
 public:
  // `reg` must outlive the graph and stay unchanged: the graph points into its lists.
  explicit Graph(const Register& reg);

  const Register& reg() const { return reg_; }
  const CsrGraph& csr() const { return csr_; }

  std::size_t vertex_count() const { return themes_end_; }
  std::size_t edge_count() const { return boost::num_edges(csr_); }  // both directions counted

  Vertex organisation(Index i) const { return i; }
  Vertex partnership(Index i) const { return orgs_end_ + i; }
  Vertex unit(Index i) const { return partnerships_end_ + i; }
  Vertex theme(Index i) const { return units_end_ + i; }
  Vertex council() const { return organisation(reg_.council); }

  VertexKind kind(Vertex v) const {
    return v < orgs_end_ ? VertexKind::organisation
           : v < partnerships_end_ ? VertexKind::partnership
           : v < units_end_ ? VertexKind::unit
                            : VertexKind::theme;
  }
  // The vertex's position in its own list of the register.
  Index index(Vertex v) const {
    return v < orgs_end_ ? v : v < partnerships_end_ ? v - orgs_end_ : v < units_end_ ? v - partnerships_end_ : v - units_end_;
  }
  const std::string& id(Vertex v) const;
  const std::string& name(Vertex v) const;

  // O(1) lookup of an id in the list of one kind.
  std::optional<Vertex> find(VertexKind kind, std::string_view id) const;

  // Every neighbour of `v`, in storage order; `edge_info(v)` is the parallel array of edge data.
  std::span<const Vertex> neighbours(Vertex v) const;
  std::span<const EdgeInfo> edge_info(Vertex v) const;
  // The partner network: for an organisation, its partnerships; for a partnership, its members.
  // A partnership's membership edges are stored first, so this is a prefix of `neighbours`.
  std::span<const Vertex> partner_neighbours(Vertex v) const;
  // Vertices of the partner network: [0, partner_network_size()).
  std::size_t partner_network_size() const { return partnerships_end_; }

 private:
  const Register& reg_;
  Vertex orgs_end_, partnerships_end_, units_end_, themes_end_;
  CsrGraph csr_;
  std::vector<Index> member_count_;  // membership edges at the front of each partnership's row
  std::unordered_map<std::string_view, Index> ids_[4];
};

}  // namespace partnermap
