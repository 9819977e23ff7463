"""What the merged default graph costs: bulk load and one small update, against a pyoxigraph peer.

Each round, in fresh processes and alternating (so both meet the same machine load):

- **collabkg**: ``Store.bulk_load`` of the file (the named graphs plus the merged default graph,
  crash-safe snapshot, parallel byte ranges);
- **peer**: plain ``pyoxigraph.Store.bulk_load`` of the same file into a fresh on-disk store (the
  quads once, no merge): the floor a load with a merge is compared with;
- **update**: on the collabkg store just loaded, one ``INSERT DATA`` of one triple through
  ``Store.update`` (the merge kept incrementally) and through the whole-merge path (the update,
  then the merge re-derived from every named graph), each on its own new triple.

Reported: seconds, the collabkg / peer ratio, the whole / incremental ratio, and the load
average at each step.

Usage::

    python benchmarks/generate.py --triples 1000000 --out /tmp/g1m.nq
    python benchmarks/load_merge.py /tmp/g1m.nq --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import json, sys, time, pyoxigraph as ox
what, src, dst = sys.argv[1:4]
t0 = time.perf_counter()
if what == "peer":
    s = ox.Store(dst)
    s.bulk_load(path=src, format=ox.RdfFormat.N_QUADS)
    s.flush()
    out = {"seconds": time.perf_counter() - t0, "quads": len(s)}
elif what == "collabkg":
    from collabkg.graph.store import Store
    t0 = time.perf_counter()  # after the imports
    s = Store(dst)
    n = s.bulk_load(src)
    out = {"seconds": time.perf_counter() - t0, "quads": n, "merge": s.default_graph_size()}
    s.close()
else:
    from collabkg.graph.store import Store
    s = Store(dst)
    t0 = time.perf_counter()
    s.update("INSERT DATA { GRAPH <http://bench/g> { <http://bench/a> <http://bench/p> 1 } }")
    inc = time.perf_counter() - t0
    t0 = time.perf_counter()
    s._update_and_rebuild("INSERT DATA { GRAPH <http://bench/g> { <http://bench/a> <http://bench/p> 2 } }", s.base_iri, None)
    whole = time.perf_counter() - t0
    out = {"incremental": inc, "whole": whole}
    s.close()
print(json.dumps(out))
"""


def run(what: str, src: str, dst: str) -> dict:
    load = os.getloadavg()[0]
    out = subprocess.run([sys.executable, "-c", CHILD, what, src, dst], capture_output=True, text=True, check=True)
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["load"] = round(load, 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("nq", help="an N-Quads file (benchmarks/generate.py)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--skip-whole", action="store_true", help="skip the one-triple update (the whole-merge path takes minutes at 1M)")
    ap.add_argument("--workdir", default=tempfile.gettempdir())
    args = ap.parse_args()
    rows = []
    for r in range(args.rounds):
        order = ["collabkg", "peer"]
        for what in (order if r % 2 == 0 else order[::-1]):
            dst = tempfile.mkdtemp(prefix=f"load-{what}-", dir=args.workdir)
            shutil.rmtree(dst)
            res = run(what, args.nq, dst)
            if what == "collabkg" and not args.skip_whole:
                res.update({f"update_{k}": v for k, v in run("update", args.nq, dst).items()})
            shutil.rmtree(dst, ignore_errors=True)
            res.update(round=r, what=what)
            rows.append(res)
            print(json.dumps(res), flush=True)
    for r in range(args.rounds):
        peer = next(x for x in rows if x["round"] == r and x["what"] == "peer")
        line = f"round {r}: peer {peer['seconds']:.1f} s (load {peer['load']})"
        for x in rows:
            if x["round"] == r and x["what"].startswith("collabkg"):
                line += f"; {x['what']} {x['seconds']:.1f} s (load {x['load']}, x{x['seconds'] / peer['seconds']:.2f})"
                if "update_incremental" in x:
                    line += (f", one-triple update: incremental {x['update_incremental'] * 1000:.1f} ms, whole merge "
                             f"{x['update_whole'] * 1000:.0f} ms (load {x['update_load']})")
        print(line)

if __name__ == "__main__":
    main()
