"""What joins the dev set's "unrelated pairs": for each pair of found gold entities that the gold does
not relate but that score.py finds within two hops of each other, the path that joins them, counted by
the kind of node in the middle and the predicates on either side (a diagnostic beside score.py's
figure, never instead of it; it prints counts only, no names).

score.py's third figure is the share of such pairs. A faithful graph joins some of them by design: two
members of one board are two hops apart through the board, two attendees through the meeting. This
script says how many of the joined pairs each kind of path accounts for, so that a change aimed at the
figure can be judged by what it would cut.

    PATH=.venv/bin:$PATH python benchmarks/devset_joins.py ../shared/devset [--top N]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path


def joins(score, txt: Path) -> list[tuple[str, str]]:
    """(middle, path) for every unrelated gold pair the graph built from ``txt`` joins: ``middle`` the
    kinds of the node between ("direct" for an edge), ``path`` the predicates on either side
    (``^`` an edge read backwards, ``[registry]`` one from the registry graph)."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["collabkg", "build", str(txt), "--store", f"{d}/s", "--out", f"{d}/o"], capture_output=True, check=False)
        ds = score.load(f"{d}/o")
    ents, types, adj, _, prov = score.graph_of(ds)
    preds: dict[tuple, set] = defaultdict(set)
    for s, p, o, g in ds.quads((None, None, None, None)):
        if isinstance(o, URIRef) and p != RDF.type:
            mark = "[registry]" if "registry" in str(g) else ""
            preds[(s, o)].add(score.local(p) + mark)
            preds[(o, s)].add("^" + score.local(p) + mark)
    gm = {e["id"]: score.match([e["name"], *e.get("aliases", [])], ents) for e in gold["entities"]}
    related = {frozenset((r["subject"], r["object"])) for r in gold["relations"] if r["object"] in gm}
    found = sorted(k for k, v in gm.items() if v)
    out = []
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            x, y = gm[a], gm[b]
            if frozenset((a, b)) in related or x == y or not score.near(x, y, adj, prov):
                continue
            if y in adj.get(x, ()):
                out.append(("direct", " ".join(sorted(preds[(x, y)]))))
                continue
            m = next(m for m in sorted(adj.get(x, ()), key=str) if y in adj.get(m, ()) and m not in prov)
            out.append((",".join(sorted(types.get(m, {"(untyped)"}))),
                        " ".join(sorted(preds[(x, m)])) + " | " + " ".join(sorted(preds[(m, y)]))))
    return out


def main(argv: list[str]) -> None:
    roots = [a for a in argv if not a.startswith("--") and not a.isdigit()]
    if not roots:
        sys.exit("usage: devset_joins.py DEVSET_DIR [--top N] (the folder holding score.py)")
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 15
    sys.path.insert(0, str(Path(roots[0]).resolve()))
    import score  # the dev set's scorer, next to its documents

    middles, paths, docs = Counter(), Counter(), Counter()
    for txt in sorted(Path(roots[0]).glob("*.txt")):
        for middle, path in joins(score, txt):
            middles[middle] += 1
            paths[(middle, path)] += 1
            docs[txt.stem[:3]] += 1
    total = sum(middles.values())
    print(f"unrelated gold pairs joined: {total}")
    print("\n| through | pairs | share |\n|---|---:|---:|")
    for m, n in middles.most_common(top):
        print(f"| {m} | {n} | {n / total:.0%} |")
    print("\n| through | path | pairs |\n|---|---|---:|")
    for (m, p), n in paths.most_common(top):
        print(f"| {m} | {p} | {n} |")
    print("\nby document:", ", ".join(f"{d} {n}" for d, n in sorted(docs.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
