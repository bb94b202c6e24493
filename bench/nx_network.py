#!/usr/bin/python3
"""What a user would otherwise do: the partner-network figures and unit loads with NetworkX.

Usage: nx_network.py REGISTER OUT.json

Per organisation: degree, degree and weighted degree in the projection onto organisations,
connected component (over the whole bipartite network), betweenness from 16 sampled sources; per
Business Unit: hours committed to partnerships active on the register's date. Writes them to OUT.json
for bench.py to compare with partnermap's. Debian's python3-networkx (2.8) is the reference.
"""
import json
import sys

import networkx as nx
from networkx.algorithms import bipartite


def main(path, out_path):
    with open(path) as f:
        register = json.load(f)
    graph = nx.Graph()
    orgs = [("o", o["id"]) for o in register["organisations"]]
    graph.add_nodes_from(orgs)
    graph.add_nodes_from(("p", p["id"]) for p in register["partnerships"])
    for p in register["partnerships"]:
        for m in p["members"]:
            graph.add_edge(("p", p["id"]), ("o", m["org"]))

    projection = bipartite.weighted_projected_graph(graph, orgs)
    component = {}
    for i, c in enumerate(sorted(nx.connected_components(graph), key=len, reverse=True)):
        for v in c:
            component[v] = i
    betweenness = nx.betweenness_centrality(graph, k=16, normalized=False, seed=1)

    as_of = register["as_of"]
    loads = {u["id"]: 0.0 for u in register["business_units"]}
    for p in register["partnerships"]:
        if p.get("start", as_of) <= as_of and p.get("end", as_of) >= as_of:
            for c in p.get("commitments", []):
                loads[c["unit"]] += c["hours"]

    organisations = [[graph.degree(v), projection.degree(v), projection.degree(v, weight="weight"), component[v],
                      betweenness[v]] for v in orgs]
    with open(out_path, "w") as f:
        json.dump({"organisations": organisations, "unit_loads": loads}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
