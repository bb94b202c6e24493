// The projection figures (co-members, linked partnerships, strength) count a huge partnership or a
// hub organisation without walking it once per member; they must still agree with counting every
// neighbour's neighbours one by one.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "partnermap/analysis/network.h"
#include "partnermap/generate.h"
#include "partnermap/graph.h"

using namespace partnermap;

namespace {

// Counts every neighbour's neighbours one by one and compares with the network's figures.
void check_against_counting(const Register& reg, unsigned threads) {
  const std::size_t orgs = reg.organisations.size(), partnerships = reg.partnerships.size();
  const Graph g(reg);
  NetworkSettings settings;
  settings.threads = threads;
  const Network net = compute_network(g, settings);

  std::vector<std::set<Index>> members(partnerships), memberships(orgs);
  for (Index p = 0; p < partnerships; ++p)
    for (const Member& m : reg.partnerships[p].members) {
      members[p].insert(m.org);
      memberships[m.org].insert(p);
    }
  for (Index o = 0; o < orgs; ++o) {
    std::set<Index> co;
    std::size_t strength = 0;
    for (Index p : memberships[o]) {
      co.insert(members[p].begin(), members[p].end());
      strength += members[p].size() - 1;
    }
    co.erase(o);
    INFO("organisation " << o);
    CHECK(net.organisations[o].co_members == co.size());
    CHECK(net.organisations[o].strength == strength);
  }
  for (Index p = 0; p < partnerships; ++p) {
    std::set<Index> linked;
    std::size_t strength = 0;
    for (Index o : members[p]) {
      linked.insert(memberships[o].begin(), memberships[o].end());
      strength += memberships[o].size() - 1;
    }
    linked.erase(p);
    INFO("partnership " << p);
    CHECK(net.partnerships[p].linked_partnerships == linked.size());
    CHECK(net.partnerships[p].strength == strength);
  }
}

}  // namespace

TEST_CASE("projection figures agree with counting every neighbour's neighbours", "[hardening][network]") {
  std::mt19937 rng(7);
  Register reg;
  const std::size_t orgs = 60, partnerships = 90;
  for (std::size_t o = 0; o < orgs; ++o) reg.organisations.push_back({std::string("o").append(std::to_string(o)), "O", "", {}});
  for (std::size_t p = 0; p < partnerships; ++p) {
    Partnership part;
    part.id = std::string("p").append(std::to_string(p));
    std::set<Index> members{0};  // one organisation in every partnership
    // A few very large partnerships among many small ones, overlapping.
    const std::size_t size = p % 15 == 0 ? orgs / 2 + rng() % (orgs / 2) : 1 + rng() % 5;
    while (members.size() < size) members.insert(static_cast<Index>(rng() % orgs));
    for (Index m : members) part.members.push_back({m, Role::support, {}});
    if (p % 7 == 0) part.members.push_back({part.members.back().org, Role::lead, {}});  // listed twice
    reg.partnerships.push_back(std::move(part));
  }
  check_against_counting(reg, 2);
}

TEST_CASE("projection figures agree with counting on a register of hub partners", "[hardening][network]") {
  // A dozen county-wide bodies, the busiest in a third of the partnerships: their rows are counted
  // as bitsets, alone and in unions of several, beside the walked rows of everyone else.
  GenerateSettings settings;
  settings.organisations = 400;
  settings.partnerships = 1200;
  settings.popularity = Popularity::heavy_tailed;
  const Register reg = generate_register(settings);
  std::size_t busiest = 0;
  for (const Partnership& p : reg.partnerships)
    for (const Member& m : p.members) busiest += m.org == 1;
  CHECK(busiest > 300);  // about a third of 1,200
  check_against_counting(reg, 1);
  check_against_counting(reg, 2);
}
