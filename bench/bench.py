#!/usr/bin/python3
"""`make bench`: partnermap against NetworkX and python-igraph on generated registers.

Usage: bench.py BUILD_DIR     (environment: BENCH_SIZES=council,county,county-hubs,national, the default)

county-hubs is the county size with heavy-tailed popularity (`generate --popularity heavy-tailed`: a
dozen county-wide bodies, the busiest in about a third of all partnerships), the shape of a county-wide
data hub. Each register's floor is measured too: reading its bytes, and a do-nothing SAX parse of them
(BUILD_DIR/partnermap_parse_floor), the least any reader of the file can cost; analyse is reported
as a multiple of the parse.

For each size: generates the register once into BUILD_DIR/bench-data (kept between runs, and made
again when the generator's output changes), runs PARTNERMAP_COMMAND on it and bench/nx_network.py
beside it, measuring wall time and peak memory (the child's maximum resident set, from wait4), and
checks that the deterministic figures agree: per organisation, partnerships, co-members, strength and
component; unit loads when partnermap's output has them (`analyse --json` does). On county it also
times exact betweenness (EXACT_COMMAND) against python-igraph and compares the values. Prints one
table, then each target of the benchmark with the figure measured against it. Exits 1 when any
figure disagrees (a missed target is reported, not a failure: the times depend on the machine).
"""
import hashlib
import json
import os
import subprocess
import sys
import time

# The partnermap command measured; the register's path goes after it.
PARTNERMAP_COMMAND = ["analyse", "--json", "--betweenness-samples", "16"]
EXACT_COMMAND = ["network", "--json", "--betweenness-samples", "0"]
PYTHON = "/usr/bin/python3"  # Debian's, with python3-networkx and python3-igraph
HERE = os.path.dirname(os.path.abspath(__file__))
REL = 1e-9
# How each register is generated.
GENERATE = {
    "council": ["--size", "council"],
    "county": ["--size", "county"],
    "county-hubs": ["--size", "county", "--popularity", "heavy-tailed"],
    "national": ["--size", "national"],
}
# analyse's peak memory before the reader and writer were streamed (README, 2026-11-23), the
# ceiling its memory must stay under.
PREVIOUS_PEAK_MB = {"council": 15, "county": 43, "national": 333}


def measure(argv, stdout_path):
    """Runs argv with stdout to a file; returns (wall seconds, peak resident MB)."""
    with open(stdout_path, "wb") as out:
        start = time.monotonic()
        child = subprocess.Popen(argv, stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed with status {child.returncode}")
    return wall, usage.ru_maxrss / 1024


def network_of(document):
    return document["network"] if "network" in document else document


def compare_figures(ours_doc, theirs):
    """Lines describing disagreements in the deterministic figures (empty when they agree)."""
    ours = network_of(ours_doc)["organisations"]
    problems = []
    if len(ours) != len(theirs["organisations"]):
        return [f"{len(ours)} organisations against NetworkX's {len(theirs['organisations'])}"]
    mapping = {}
    for o, (degree, co, strength, component, _) in zip(ours, theirs["organisations"]):
        for field, value in (("partnerships", degree), ("co_members", co), ("strength", strength)):
            if o[field] != value:
                problems.append(f"{o['id']} {field}: partnermap {o[field]}, NetworkX {value}")
        # The same partition: component numbers must map one to one.
        if mapping.setdefault(o["component"], component) != component:
            problems.append(f"{o['id']} component: partnermap {o['component']} is not one NetworkX component")
    if len(set(mapping.values())) != len(mapping):
        problems.append("components: two partnermap components are one NetworkX component")
    units = ours_doc.get("capacity", {}).get("units")
    if units is not None:
        for u in units:
            want = theirs["unit_loads"].get(u["id"])
            if want is None or abs(u["committed_hours"] - want) > 1e-6 * max(1.0, abs(want)):
                problems.append(f"unit {u['id']} committed_hours: partnermap {u['committed_hours']}, NetworkX {want}")
    return problems


def compare_betweenness(ours_doc, theirs):
    net = network_of(ours_doc)
    ours = [e["betweenness"] for e in net["organisations"]] + [e["betweenness"] for e in net["partnerships"]]
    if len(ours) != len(theirs):
        return [f"{len(ours)} vertices against igraph's {len(theirs)}"]
    worst = max((abs(a - b) / max(abs(a), abs(b), 1.0) for a, b in zip(ours, theirs)), default=0.0)
    return [] if worst <= REL else [f"betweenness differs from igraph by up to {worst:.3g} relative"]


def generator_fingerprint(binary, data):
    """A digest of a small generated register: it changes whenever the generator's output does."""
    probe = os.path.join(data, "fingerprint-probe.json")
    subprocess.run([binary, "generate", "--organisations", "400", "--partnerships", "300", "-o", probe], check=True,
                   stdout=subprocess.DEVNULL)
    with open(probe, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    os.remove(probe)
    return digest


def register_for(binary, data, size, fingerprint):
    """The cached register of this size, generated again when missing or made by another generator."""
    register = os.path.join(data, f"{size}.json")
    stamp = register + ".generator"
    current = os.path.exists(register) and os.path.exists(stamp) and open(stamp).read() == fingerprint
    if not current:
        print(f"bench: generating the {size} register (kept in {data})", flush=True)
        subprocess.run([binary, "generate"] + GENERATE[size] + ["-o", register], check=True, stdout=subprocess.DEVNULL)
        with open(stamp, "w") as f:
            f.write(fingerprint)
    return register


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    binary = os.path.join(build, "partnermap")
    data = os.path.join(build, "bench-data")
    os.makedirs(data, exist_ok=True)
    sizes = [s for s in os.environ.get("BENCH_SIZES", "council,county,county-hubs,national").split(",") if s]
    unknown = [s for s in sizes if s not in GENERATE]
    if unknown:
        sys.exit(f"bench: unknown size {', '.join(unknown)}; the sizes are {', '.join(GENERATE)}")
    floor_binary = os.path.join(build, "partnermap_parse_floor")
    rows, failures = [], []
    fingerprint = generator_fingerprint(binary, data)
    targets = []
    for size in sizes:
        register = register_for(binary, data, size, fingerprint)
        mb = os.path.getsize(register) / 2**20
        print(f"bench: {size} ({mb:.1f} MB): partnermap", flush=True)
        # The floor, best of three (the file is in the page cache after the first).
        read = min((measure([floor_binary, "read", register], os.devnull) for _ in range(3)), key=lambda f: f[0])
        parse = min((measure([floor_binary, "parse", register], os.devnull) for _ in range(3)), key=lambda f: f[0])
        rows.append((size, f"{mb:.1f}", "floor: read the bytes", read, None, None, ""))
        rows.append((size, f"{mb:.1f}", "floor: do-nothing parse", parse, None, None, ""))
        ours_path = os.path.join(data, f"{size}.partnermap.json")
        pm = measure([binary] + PARTNERMAP_COMMAND + [register], ours_path)
        if size != "council":
            targets.append((f"{size}: analyse within 5x the do-nothing parse", pm[0] <= 5 * parse[0],
                            f"{pm[0] / parse[0]:.1f}x ({pm[0]:.2f} s against {parse[0]:.2f} s)"))
        if size in PREVIOUS_PEAK_MB and size != "council":
            targets.append((f"{size}: analyse's peak memory no more than before ({PREVIOUS_PEAK_MB[size]} MB)",
                            pm[1] <= PREVIOUS_PEAK_MB[size] * 1.02, f"{pm[1]:.0f} MB"))
        for task, argv in (("matrix (xlsx)", ["matrix", register, "-o", os.path.join(data, f"{size}.matrix.xlsx")]),
                           ("brief", ["brief", register, "-o", os.path.join(data, f"{size}-brief")])):
            print(f"bench: {size}: {task}", flush=True)
            rows.append((size, f"{mb:.1f}", task, measure([binary] + argv, os.devnull), None, None, ""))
        print(f"bench: {size}: NetworkX", flush=True)
        nx_path = os.path.join(data, f"{size}.networkx.json")
        nx = measure([PYTHON, os.path.join(HERE, "nx_network.py"), register, nx_path], os.devnull)
        with open(ours_path) as f:
            ours = json.load(f)
        with open(nx_path) as f:
            problems = compare_figures(ours, json.load(f))
        failures += [f"{size}: {p}" for p in problems[:10]]
        rows.append((size, f"{mb:.1f}", " ".join(PARTNERMAP_COMMAND[:1]) + " (16 samples)", pm, "NetworkX", nx,
                     "yes" if not problems else "NO"))
        if size in ("county", "county-hubs"):
            targets.append((f"{size}: analyse at least 50x faster than NetworkX", nx[0] / pm[0] >= 50,
                            f"{nx[0] / pm[0]:.0f}x"))
            targets.append((f"{size}: analyse with at most 1/3 of NetworkX's memory", pm[1] <= nx[1] / 3,
                            f"{pm[1] / nx[1]:.2f}"))
        if size == "national":
            targets.append(("national: analyse at least 100x faster than NetworkX", nx[0] / pm[0] >= 100,
                            f"{nx[0] / pm[0]:.0f}x"))
            targets.append(("national: analyse's peak memory at most 5x the file", pm[1] <= 5 * mb,
                            f"{pm[1] / mb:.1f}x ({pm[1]:.0f} MB for {mb:.0f} MB)"))
        if size == "county":
            print("bench: county: exact betweenness, partnermap", flush=True)
            exact_path = os.path.join(data, f"{size}.exact.json")
            pm_exact = measure([binary] + EXACT_COMMAND + [register], exact_path)
            print("bench: county: exact betweenness, python-igraph", flush=True)
            ig_path = os.path.join(data, f"{size}.igraph.json")
            ig = measure([PYTHON, os.path.join(HERE, "igraph_betweenness.py"), register, ig_path], os.devnull)
            with open(exact_path) as f, open(ig_path) as g:
                problems = compare_betweenness(json.load(f), json.load(g))
            failures += [f"{size}: {p}" for p in problems]
            rows.append((size, f"{mb:.1f}", "exact betweenness", pm_exact, "igraph", ig,
                         "yes" if not problems else "NO"))
            targets.append(("county: exact betweenness at least 2x faster than igraph", ig[0] / pm_exact[0] >= 2,
                            f"{ig[0] / pm_exact[0]:.1f}x"))

    print()
    print(f"{'register':<11} {'MB':>6}  {'partnermap task':<24} {'time s':>8} {'peak MB':>8}   {'peer':<8} "
          f"{'time s':>8} {'peak MB':>8}   {'faster':>7} {'memory':>7}  agree")
    for size, mb, task, (t, m), peer, peer_figures, agree in rows:
        if peer is None:
            print(f"{size:<11} {mb:>6}  {task:<24} {t:>8.2f} {m:>8.0f}   {'-':<8} {'':>8} {'':>8}   {'':>7} {'':>7}  {agree}")
            continue
        pt, pm_ = peer_figures
        print(f"{size:<11} {mb:>6}  {task:<24} {t:>8.2f} {m:>8.0f}   {peer:<8} {pt:>8.2f} {pm_:>8.0f}   "
              f"{pt / t:>6.1f}x {m / pm_:>7.2f}  {agree}")
    print("faster: peer time / partnermap time; memory: partnermap peak / peer peak")
    if targets:
        print()
        for what, met, figure in targets:
            print(f"{'met   ' if met else 'MISSED'}  {what}: {figure}")
    for f in failures:
        print("disagreement:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
