"""Where score.py's "unrelated pairs joined" come from: for each dev-set document, the pairs of found
gold entities that the gold does not relate but the graph joins within two hops, grouped by the node
between them (the hub), or "direct" when the graph links the two nodes themselves (a diagnostic
beside the official figure, never instead of it).

It uses score.py's own loading, graph, name match and two-hop test; a document is built with
``collabkg build`` into a scratch store, as score.py does.

    PATH=.venv/bin:$PATH python benchmarks/devset_joined_pairs.py ../shared/devset [DOC_PREFIX ...] [--pairs] [--beyond-gold] [--kinds]

Prints, per document, the joined pairs by hub (most first); with ``--pairs`` each pair with its hub;
with ``--beyond-gold`` only the pairs that the gold relations alone do not join (a shared gold
neighbour joins a pair in any correct graph: ``devset_gold_floor.py``); with ``--kinds`` a table of
all documents' pairs by the hub's kinds (its rdf:types), names left out.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def joined_pairs(score, doc: Path) -> list[tuple[str, str, str, str]]:
    """(gold name, gold name, hub, the hub's kinds) for each gold-unrelated pair of found entities the
    graph joins; hub and kinds are "direct" when the graph links the two themselves."""
    gold = json.loads(doc.with_name(doc.name[:-4] + ".gold.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["collabkg", "build", str(doc), "--store", f"{tmp}/s", "--out", f"{tmp}/o"], capture_output=True, check=False)
        ents, types, adj, _dates, prov = score.graph_of(score.load(f"{tmp}/o"))
    found = {e["id"]: score.match([e["name"], *e.get("aliases", [])], ents) for e in gold["entities"]}
    names = {e["id"]: e["name"] for e in gold["entities"]}
    related = {frozenset((r["subject"], r["object"])) for r in gold["relations"]}
    ids = sorted(k for k, v in found.items() if v)
    out = []
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            na, nb = found[a], found[b]
            if frozenset((a, b)) in related or na == nb or not score.near(na, nb, adj, prov):
                continue
            if nb in adj[na]:
                hub = kinds = "direct"
            else:
                mids = sorted((m for m in adj[na] & adj[nb] if m not in prov), key=str)
                hub = (sorted(ents[mids[0]])[0] if mids[0] in ents else score.local(mids[0])) if mids else "?"
                kinds = ",".join(sorted(types.get(mids[0], {"(untyped)"}))) if mids else "?"
            out.append((names[a], names[b], hub, kinds))
    return out


def gold_joins(doc: Path, a: str, b: str) -> bool:
    """Whether the gold relations alone join the gold entities named ``a`` and ``b`` within two hops
    (a shared gold neighbour): a pair every correct graph joins (see devset_gold_floor.py)."""
    gold = json.loads(doc.with_name(doc.name[:-4] + ".gold.json").read_text())
    ids = {e["name"]: e["id"] for e in gold["entities"]}
    adj = collections.defaultdict(set)
    for r in gold["relations"]:
        adj[r["subject"]].add(r["object"])
        adj[r["object"]].add(r["subject"])
    return bool(adj[ids[a]] & adj[ids[b]])


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        sys.exit("usage: devset_joined_pairs.py DEVSET_DIR [DOC_PREFIX ...] [--pairs] (the folder holding score.py)")
    root = Path(args[0]).resolve()
    sys.path.insert(0, str(root))
    import score  # the dev set's scorer, next to its documents

    docs = sorted(d for d in root.glob("*.txt") if not args[1:] or any(d.name.startswith(p) for p in args[1:]))
    total = 0
    by_kind: collections.Counter = collections.Counter()
    for doc in docs:
        pairs = joined_pairs(score, doc)
        if "--beyond-gold" in argv:
            pairs = [p for p in pairs if not gold_joins(doc, p[0], p[1])]
        total += len(pairs)
        by_kind.update(k for *_, k in pairs)
        hubs = collections.Counter(h for _, _, h, _ in pairs)
        print(f"{doc.stem}: {len(pairs)} joined; " + ", ".join(f"{h} {n}" for h, n in hubs.most_common()))
        if "--pairs" in argv:
            for a, b, h, _ in pairs:
                print(f"    {a} ~ {b}  (via {h})")
    print(f"total: {total} joined pairs")
    if "--kinds" in argv:
        print("\n| through (the hub's kinds) | pairs | share |\n|---|---:|---:|")
        for k, n in by_kind.most_common():
            print(f"| {k} | {n} | {n / max(total, 1):.0%} |")


if __name__ == "__main__":
    main(sys.argv[1:])
