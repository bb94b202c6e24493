#!/usr/bin/python3
"""Compares partnermap's partner-network figures with NetworkX's, to 1e-9 relative.

Usage: compare.py PARTNERMAP [REGISTER...]

Generates registers of a few hundred organisations with `partnermap generate` (one dense, one sparse
with many components and organisations in no partnership), adds any REGISTER given, runs
`partnermap network --json --betweenness-samples 0` on each, and checks every figure docs/design.md
defines against NetworkX (Debian's python3-networkx): degree, the projections' degree and weighted
degree, components, exact betweenness (normalized=False), closeness within the component
(wf_improved=False), densities and degree centralization. Exits 0 when all agree, 1 when any
differs (listing the differences), 77 (skipped) when NetworkX is not installed.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    from networkx.algorithms import bipartite
except ImportError:
    print("NetworkX is not installed (apt install python3-networkx); skipping")
    sys.exit(77)

REL = 1e-9
GENERATED = [  # (organisations, partnerships, seed)
    (300, 120, 1),
    (500, 25, 2),
    (250, 200, 3),
]


def close(a, b):
    return abs(a - b) <= REL * max(abs(a), abs(b)) or abs(a - b) <= 1e-12


def networkx_figures(register):
    """Every figure, computed by NetworkX from the register's JSON."""
    graph = nx.Graph()
    orgs = [("o", o["id"]) for o in register["organisations"]]
    parts = [("p", p["id"]) for p in register["partnerships"]]
    graph.add_nodes_from(orgs, bipartite=0)
    graph.add_nodes_from(parts, bipartite=1)
    for p in register["partnerships"]:
        for m in p["members"]:
            graph.add_edge(("p", p["id"]), ("o", m["org"]))
    org_projection = bipartite.weighted_projected_graph(graph, orgs)
    part_projection = bipartite.weighted_projected_graph(graph, parts)
    betweenness = nx.betweenness_centrality(graph, normalized=False)
    closeness = nx.closeness_centrality(graph, wf_improved=False)
    components = sorted((frozenset(c) for c in nx.connected_components(graph)), key=len, reverse=True)
    n = len(orgs)
    co = [org_projection.degree(v) for v in orgs]
    centralization = 0.0
    if n > 2:
        top = max(co)
        centralization = sum(top - d for d in co) / ((n - 1) * (n - 2))
    return {
        "graph": graph,
        "projection": {**{v: (org_projection.degree(v), org_projection.degree(v, weight="weight")) for v in orgs},
                       **{v: (part_projection.degree(v), part_projection.degree(v, weight="weight")) for v in parts}},
        "betweenness": betweenness,
        "closeness": closeness,
        "components": components,
        "density": bipartite.density(graph, orgs) if orgs and parts else 0.0,
        "organisation_density": nx.density(org_projection) if n > 1 else 0.0,
        "centralization": centralization,
    }


def compare(name, register, ours):
    """Differences between partnermap's JSON and NetworkX, as readable lines."""
    theirs = networkx_figures(register)
    graph = theirs["graph"]
    problems = []

    def check(what, a, b, exact=False):
        if (a != b) if exact else not close(a, b):
            problems.append(f"{name}: {what}: partnermap {a!r}, NetworkX {b!r}")

    component_of = {}
    for entries, kind, degree_field, distinct_field in (
            (ours["organisations"], "o", "partnerships", "co_members"),
            (ours["partnerships"], "p", "members", "linked_partnerships")):
        for e in entries:
            v = (kind, e["id"])
            label = f'{"organisation" if kind == "o" else "partnership"} {e["id"]}'
            check(f"{label} {degree_field}", e[degree_field], graph.degree(v), exact=True)
            distinct, strength = theirs["projection"][v]
            check(f"{label} {distinct_field}", e[distinct_field], distinct, exact=True)
            check(f"{label} strength", e["strength"], strength, exact=True)
            check(f"{label} betweenness", e["betweenness"], theirs["betweenness"][v])
            check(f"{label} closeness", e["closeness"], theirs["closeness"][v])
            component_of[v] = e["component"]
    # The same partition, numbered largest first.
    ours_sets = {}
    for v, c in component_of.items():
        ours_sets.setdefault(c, set()).add(v)
    check("component count", ours["components"]["count"], len(theirs["components"]), exact=True)
    for c, members in ours_sets.items():
        if frozenset(members) not in theirs["components"]:
            problems.append(f"{name}: component {c} ({len(members)} vertices) is not a NetworkX component")
        elif c < len(theirs["components"]) and len(theirs["components"][c]) != len(members):
            problems.append(f"{name}: component {c} is not numbered by size")
    sizes = [len(c) for c in theirs["components"]]
    ours_sizes = [s["size"] for s in ours["components"]["sizes"] for _ in range(s["count"])]
    check("component sizes", ours_sizes, sizes, exact=True)
    check("memberships", ours["memberships"], graph.number_of_edges(), exact=True)
    for field in ("density", "organisation_density", "centralization"):
        check(field, ours[field], theirs[field])
    if not ours["betweenness_exact"] or not ours["closeness_exact"]:
        problems.append(f"{name}: asked for exact figures, got estimates")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary, extra = sys.argv[1], sys.argv[2:]
    problems, checked = [], 0
    with tempfile.TemporaryDirectory(prefix="partnermap-networkx-") as folder:
        registers = []
        for orgs, parts, seed in GENERATED:
            path = os.path.join(folder, f"g-{orgs}-{parts}-{seed}.json")
            subprocess.run([binary, "generate", "--organisations", str(orgs), "--partnerships", str(parts),
                            "--seed", str(seed), "-o", path], check=True, stdout=subprocess.DEVNULL)
            registers.append(path)
        registers += extra
        for path in registers:
            for threads in ("1", "2"):
                out = subprocess.run([binary, "network", path, "--json", "--betweenness-samples", "0",
                                      "--threads", threads], check=True, capture_output=True, text=True).stdout
                with open(path) as f:
                    register = json.load(f)
                found = compare(f"{os.path.basename(path)} (threads {threads})", register,
                                json.loads(out)["network"])
                problems += found
                checked += len(register["organisations"]) + len(register["partnerships"])
    for p in problems[:50]:
        print(p)
    if problems:
        print(f"{len(problems)} differences from NetworkX {nx.__version__}")
        return 1
    print(f"partnermap agrees with NetworkX {nx.__version__} on {checked} vertices "
          f"({len(registers)} registers, 1 and 2 threads), to {REL:g} relative")
    return 0


if __name__ == "__main__":
    sys.exit(main())
