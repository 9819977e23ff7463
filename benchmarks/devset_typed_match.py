"""score.py's figures with its name match made type-aware, to see how much of the dev-set score the
name match costs or gives (a diagnostic beside the official figure, never instead of it).

score.py (../shared/devset/score.py) matches each gold entity to the first output node, in IRI order,
whose names reach a token-set ratio of 90 with the gold's names; a node whose name holds every word of
a shorter gold name scores 100 with it. So an event labelled "Visit of CAS to the Andean Academy"
(IRIs under event/ sort before organization/) takes the gold "Andean Academy", and that body's
relations are then scored on the event. This script runs score.py's own scoring with one change in
the match: gold events match only output events, other gold entities only output non-events, and an
equal name beats a fuzzy one. Everything else (hops, dates, unrelated pairs) is score.py's.

    PATH=.venv/bin:$PATH python benchmarks/devset_typed_match.py ../shared/devset [--per-doc] [--explain]
"""

from __future__ import annotations

import sys
from pathlib import Path

_EVENT_TYPES = {"Event", "Meeting", "Visit", "Conference", "Workshop", "Ceremony", "Assembly"}


def main(argv: list[str]) -> None:
    roots = [a for a in argv if not a.startswith("--")]
    if not roots:
        sys.exit("usage: devset_typed_match.py DEVSET_DIR [--per-doc] [--explain] (the folder holding score.py)")
    sys.path.insert(0, str(Path(roots[0]).resolve()))
    import score  # the dev set's scorer, next to its documents
    from rapidfuzz import fuzz

    state: dict = {"types": {}, "gold_types": {}}
    graph_of = score.graph_of

    def typed_graph_of(ds):
        out = graph_of(ds)
        state["types"] = out[1]
        return out

    def typed_match(gold_names, ents):
        want_event = state["gold_types"].get(tuple(gold_names)) == "Event"
        names = [score.norm(x) for x in gold_names if x]
        best, best_score = None, 0
        for node, node_names in sorted(ents.items(), key=lambda kv: str(kv[0])):
            if bool(_EVENT_TYPES & {str(t) for t in state["types"].get(node, ())}) != want_event:
                continue
            for x in sorted(node_names):
                x = score.norm(x)
                for y in names:
                    s = 101 if x == y else fuzz.token_set_ratio(x, y) if min(len(x), len(y)) >= 4 else 0
                    if s > best_score:
                        best, best_score = node, s
        return best if best_score >= 90 else None

    score_doc = score.score_doc

    def typed_score_doc(txt, gold, per_doc):
        state["gold_types"] = {tuple([e["name"], *e.get("aliases", [])]): e["type"] for e in gold["entities"]}
        return score_doc(txt, gold, per_doc)

    score.graph_of, score.match, score.score_doc = typed_graph_of, typed_match, typed_score_doc
    sys.argv = [sys.argv[0], *argv]
    score.main()


if __name__ == "__main__":
    main(sys.argv[1:])
