"""The floor of score.py's "unrelated pairs joined": the figure a graph holding exactly the gold
relations (every gold entity found, every gold relation an edge, nothing else) would score.

score.py counts, of the pairs of found gold entities that the gold does not relate, the share the
graph joins within two hops. A graph with every gold relation and no other already joins every
pair of entities that share a gold neighbour: the members of one board, the organisers of one
event, two bodies in one city. That share is what perfect extraction scores; an extractor can only
add to it (facts the gold does not annotate, hubs of its own). One caveat, which makes this an
approximate floor: each gold relation is one edge here, while a graph that puts a post node between
a person and a body (as collabkg's does, and score.py walks through it) joins a little less through
posts.

    python benchmarks/devset_gold_floor.py ../shared/devset

Prints per document the gold-joined pairs, the unrelated pairs and the share, then the total.
Reads only the gold files (no build); a diagnostic beside the official figure, never instead of it.
"""

from __future__ import annotations

import collections
import itertools
import json
import sys
from pathlib import Path


def floor(gold: dict) -> tuple[int, int]:
    """(unrelated pairs joined by the gold relations alone, unrelated pairs) of one gold file."""
    ids = [e["id"] for e in gold["entities"]]
    adj: dict[str, set[str]] = collections.defaultdict(set)
    related = set()
    for r in gold["relations"]:
        a, b = r["subject"], r["object"]
        if b not in ids:  # heldOn: a date, not an entity
            continue
        adj[a].add(b)
        adj[b].add(a)
        related.add(frozenset((a, b)))
    joined = pairs = 0
    for a, b in itertools.combinations(ids, 2):
        if frozenset((a, b)) in related:
            continue
        pairs += 1
        joined += bool(adj[a] & adj[b])  # two hops: a shared neighbour
    return joined, pairs


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit("usage: devset_gold_floor.py DEVSET_DIR (the folder holding the *.gold.json files)")
    total_j = total_p = 0
    for f in sorted(Path(argv[0]).glob("*.gold.json")):
        j, p = floor(json.loads(f.read_text()))
        total_j, total_p = total_j + j, total_p + p
        print(f"{f.name.removesuffix('.gold.json')}: {j}/{p} = {j / p:.2f}")
    print(f"gold graph alone: unrelated pairs joined {total_j}/{total_p} = {total_j / total_p:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
