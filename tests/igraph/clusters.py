"""analyse's clusters against python-igraph on the same graph (the partner network without the
council): python-igraph's Louvain, drawing its random numbers as igraph's C core does for the same
seed, finds the same partition with the same modularity (within 1e-6); the modularity partnermap
reports is python-igraph's modularity of partnermap's partition (within 1e-6); another random order
finds no partition better by more than 0.05; the agreement figure is python-igraph's NMI between clusters and first themes (within 1e-6), and each
cluster's theme share and off-theme partnerships follow from its members.

Usage: clusters.py PARTNERMAP REGISTER.json [REGISTER.json ...]; a council register that partnermap
generates is tried too. Exit 77 (skipped) without igraph."""
import json
import os
import subprocess
import sys
import tempfile

try:
    import igraph
except ImportError:
    print("skipped: python-igraph is not installed")
    sys.exit(77)

binary = sys.argv[1]
failed = passed = 0

MASK64 = (1 << 64) - 1


class IgraphDefaultRng:
    """igraph's default generator (PCG32) seeded as igraph_rng_seed seeds it, so that python-igraph,
    which draws through a Python object, makes the same draws as igraph's C core: 32 random bits at a
    time, and integers in a range by Lemire's debiased multiplication, as igraph_rng_get_integer does."""

    def __init__(self, seed):
        self.state = 0
        self.inc = ((seed << 1) | 1) & MASK64
        self._step()
        self.state = (self.state + 0x853C49E6748FEA9B) & MASK64  # PCG32_INITIALIZER's state
        self._step()

    def _step(self):
        old = self.state
        self.state = (old * 6364136223846793005 + self.inc) & MASK64
        return old

    def _next(self):
        old = self._step()
        x = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rot = old >> 59
        return ((x >> rot) | (x << ((-rot) & 31))) & 0xFFFFFFFF

    def getrandbits(self, bits):
        if bits != 32:
            raise ValueError("igraph asks for 32 bits at a time")
        return self._next()

    def randint(self, low, high):
        r = high - low + 1
        if r == 1:
            return low
        t = ((1 << 32) - r) % r
        while True:
            m = self._next() * r
            if (m & 0xFFFFFFFF) >= t:
                return low + (m >> 32)

    def random(self):  # Louvain draws only integers; a real number would mean the draws differ
        raise RuntimeError("igraph asked for a real number")

    def gauss(self, mu, sigma):
        raise RuntimeError("igraph asked for a normal number")


work = tempfile.mkdtemp(prefix="clusters-")
generated = os.path.join(work, "generated.json")
subprocess.run([binary, "generate", "--organisations", "300", "--partnerships", "150", "--seed", "4", "-o", generated],
               check=True, capture_output=True)


def check(what, ok, detail=""):
    global failed, passed
    if ok:
        passed += 1
        print("ok  ", what)
    else:
        failed += 1
        print("FAIL", what, detail)


for register in sys.argv[2:] + [generated]:
    reg = json.load(open(register, encoding="utf-8"))
    out = subprocess.run([binary, "analyse", "--json", register], check=True, capture_output=True).stdout
    doc = json.loads(out)["clusters"]
    again = json.loads(subprocess.run([binary, "analyse", "--json", register], check=True, capture_output=True).stdout)["clusters"]
    check(register + ": the same seed gives the same clusters", doc == again)
    other = json.loads(subprocess.run([binary, "analyse", "--json", "--cluster-seed", "7", register], check=True,
                                      capture_output=True).stdout)["clusters"]
    check(register + ": the seed is reported", other["seed"] == 7 and doc["seed"] == 2004, (other["seed"], doc["seed"]))

    orgs = [o["id"] for o in reg["organisations"]]
    parts = [p["id"] for p in reg["partnerships"]]
    index = {("o", o): i for i, o in enumerate(orgs)}
    index.update({("p", p): len(orgs) + i for i, p in enumerate(parts)})
    edges = set()
    for p in reg["partnerships"]:
        for m in p["members"]:
            if m["org"] != reg["council"]:
                edges.add((index[("p", p["id"])], index[("o", m["org"])]))
    g = igraph.Graph(n=len(orgs) + len(parts), edges=sorted(edges))
    membership = [-1] * g.vcount()
    for k, c in enumerate(doc["clusters"]):
        for p in c["partnerships"]:
            membership[index[("p", p)]] = k
        for o in c["organisations"]:
            membership[index[("o", o)]] = k
    # The council and organisations in no partnership are in no reported cluster: each its own.
    nxt = len(doc["clusters"])
    for v in range(g.vcount()):
        if membership[v] < 0:
            membership[v] = nxt
            nxt += 1
    # The same algorithm and seed in python-igraph: the same partition, the same modularity.
    igraph.set_random_number_generator(IgraphDefaultRng(doc["seed"]))
    theirs_same_seed = g.community_multilevel()
    igraph.set_random_number_generator(None)
    council = index[("o", reg["council"])]

    def groups(of):
        found = {}
        for v, c in enumerate(of):
            if v != council and g.degree(v) > 0:
                found.setdefault(c, set()).add(v)
        return sorted(sorted(s) for s in found.values())
    check(register + ": python-igraph's Louvain with the same seed finds the same partition",
          groups(theirs_same_seed.membership) == groups(membership))
    check(register + ": python-igraph's Louvain with the same seed has the same modularity (within 1e-6)",
          abs(theirs_same_seed.modularity - doc["modularity"]) < 1e-6, (theirs_same_seed.modularity, doc["modularity"]))
    q = g.modularity(membership)
    check(register + ": modularity is python-igraph's of the same partition", abs(q - doc["modularity"]) < 1e-6, (q, doc["modularity"]))
    theirs = g.community_multilevel().modularity
    check(register + ": python-igraph's Louvain does no better by more than 0.05 (Louvain is a heuristic; its random order differs)", theirs - doc["modularity"] < 0.05, (theirs, doc["modularity"]))

    by_id = {p["id"]: p for p in reg["partnerships"]}
    theme_of = [by_id[p].get("themes", [None])[0] if by_id[p].get("themes") else None for p in parts]
    cluster_of = [membership[index[("p", p)]] for p in parts]
    labels = {t: i for i, t in enumerate(dict.fromkeys(theme_of))}
    nmi = igraph.compare_communities(cluster_of, [labels[t] for t in theme_of], method="nmi")
    check(register + ": the agreement figure is python-igraph's NMI", abs(nmi - doc["nmi"]) < 1e-6, (nmi, doc["nmi"]))

    ok = True
    for c in doc["clusters"]:
        themes = [t for p in c["partnerships"] for t in by_id[p].get("themes", [])]
        if not themes:
            continue
        best = max(themes.count(t) for t in set(themes))
        share = best / len(c["partnerships"])
        off = [p for p in c["partnerships"] if c["main_theme"] not in by_id[p].get("themes", [])]
        if abs(share - c["theme_share"]) > 1e-9 or off != c["off_theme"] or themes.count(c["main_theme"]) != best:
            ok = False
            print("   cluster", c["id"], share, c["theme_share"], off, c["off_theme"])
    check(register + ": theme shares and off-theme partnerships follow from the members", ok)
    members = sorted(p for c in doc["clusters"] for p in c["partnerships"])
    check(register + ": every partnership is in one cluster", members == sorted(parts), len(members))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
