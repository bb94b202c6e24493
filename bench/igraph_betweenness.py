#!/usr/bin/python3
"""Exact betweenness over the partner network with python-igraph's C core (Debian's python3-igraph).

Usage: igraph_betweenness.py REGISTER OUT.json

Vertices are the organisations then the partnerships, in register order (partnermap's order), one
edge per membership; OUT.json is the list of betweenness values, unnormalised, each pair counted once.
"""
import json
import sys

import igraph


def main(path, out_path):
    with open(path) as f:
        register = json.load(f)
    index = {o["id"]: i for i, o in enumerate(register["organisations"])}
    base = len(index)
    edges = [(base + j, index[m["org"]]) for j, p in enumerate(register["partnerships"]) for m in p["members"]]
    graph = igraph.Graph(n=base + len(register["partnerships"]), edges=edges)
    graph.simplify()  # an organisation listed twice in a partnership is one edge, as in partnermap
    with open(out_path, "w") as f:
        json.dump(graph.betweenness(directed=False), f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
