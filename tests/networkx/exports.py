"""The exports carry the picture and time: NetworkX 2.8 reads partnermap's GEXF 1.2 and GraphML and
finds the explorer's positions, the diagrams' colours and sizes, and each partnership's start and end
as a GEXF spell (on the partnership and on its lines).

Usage: exports.py PARTNERMAP REGISTER.json WORKDIR. Exit 77 (skipped) without NetworkX."""
import json
import os
import subprocess
import sys

try:
    import networkx as nx
except ImportError:
    print("skipped: NetworkX is not installed")
    sys.exit(77)

binary, register, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
reg = json.load(open(register, encoding="utf-8"))
failed = passed = 0


def check(what, ok, detail=""):
    global failed, passed
    if ok:
        passed += 1
        print("ok  ", what)
    else:
        failed += 1
        print("FAIL", what, detail)


paths = {}
for fmt in ("gexf", "graphml"):
    paths[fmt] = os.path.join(work, "network." + fmt)
    subprocess.run([binary, "export", register, "-o", paths[fmt]], check=True, capture_output=True)

gexf = nx.read_gexf(paths["gexf"])
graphml = nx.read_graphml(paths["graphml"])
check("GEXF is dynamic", gexf.graph.get("mode") == "dynamic", gexf.graph)

council = "org:" + reg["council"]
for name, g, pos in (("GEXF", gexf, lambda d: (d["viz"]["position"]["x"], d["viz"]["position"]["y"])),
                     ("GraphML", graphml, lambda d: (d["x"], d["y"]))):
    missing = [n for n, d in g.nodes(data=True) if ("viz" not in d if name == "GEXF" else "x" not in d)]
    check(name + ": every node has a position", not missing, missing[:5])
    points = {pos(d) for _, d in g.nodes(data=True)}
    check(name + ": positions are a layout, not one point", len(points) > g.number_of_nodes() * 0.9, len(points))

# The same picture in both files: positions and colours agree node by node.
for n, d in gexf.nodes(data=True):
    m = graphml.nodes[n]
    p = d["viz"]["position"]
    c = d["viz"]["color"]
    if abs(p["x"] - m["x"]) > 0.01 or abs(p["y"] - m["y"]) > 0.01 or (c["r"], c["g"], c["b"]) != (m["r"], m["g"], m["b"]):
        check("GEXF and GraphML agree on " + n, False, (p, c, m))
        break
else:
    check("GEXF and GraphML agree on every position and colour", True)

# Colours from the diagrams' styles: the council black, a strategic partnership the palette's blue,
# a unit its capacity status's colour.
c = gexf.nodes[council]["viz"]["color"]
check("the council is black, as in the diagrams", (c["r"], c["g"], c["b"]) == (0, 0, 0), c)
strategic = next(p for p in reg["partnerships"] if p["nature"] == "strategic")
c = gexf.nodes["partnership:" + strategic["id"]]["viz"]["color"]
check("a strategic partnership is the diagrams' blue #0072B2", (c["r"], c["g"], c["b"]) == (0, 0x72, 0xB2), c)
statuses = {(0, 0x9E, 0x73): "ok", (0xF0, 0xE4, 0x42): "stretched", (0xD5, 0x5E, 0x00): "overloaded"}
for n, d in gexf.nodes(data=True):
    if d.get("kind") == "unit" and d.get("committed_hours", 0) > 0:
        col = d["viz"]["color"]
        seen = statuses.get((col["r"], col["g"], col["b"]))
        check("unit " + n + " is coloured by its status", seen == d["status"], (col, d["status"]))
sizes = [d["viz"]["size"] for _, d in gexf.nodes(data=True)]
check("sizes are the drawn shapes' sizes", min(sizes) > 0 and max(sizes) > min(sizes), (min(sizes), max(sizes)))

# Spells from start and end, on the partnership and on its lines.
for p in reg["partnerships"]:
    d = gexf.nodes["partnership:" + p["id"]]
    if "start" not in p and "end" not in p:
        check(p["id"] + " has no spell (no dates)", "spells" not in d, d.get("spells"))
        continue
    want = (p.get("start", "None"), p.get("end", "None"))
    check(p["id"] + " is in the network from its start to its end", d.get("spells") == [want], (d.get("spells"), want))
    lines = [e for e in gexf.edges("partnership:" + p["id"], data=True) if e[2].get("kind") != "parent"]
    check(p["id"] + "'s lines share its spell", lines and all(e[2].get("spells") == [want] for e in lines), lines[:1])
    break_after = p
ended = [p for p in reg["partnerships"] if "end" in p]
if ended:
    d = gexf.nodes["partnership:" + ended[0]["id"]]
    check("an ended partnership's spell ends on its end date", d["spells"][0][1] == ended[0]["end"], d["spells"])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
