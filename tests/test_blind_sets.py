"""The blind sets' gold files (benchmarks/blind/README.md) keep the dev set's format: every alias and
evidence a substring of the document, every relation between entities of the file (a date's object
the date as written), each document with its gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parent.parent / "benchmarks" / "blind"
GOLD = sorted(BLIND.glob("*/*.gold.json"))
TYPES = {"Organization", "Person", "Event", "Place", "Program", "Project", "Agreement"}


def test_all_five_sets_are_there():
    assert sorted(p.name for p in BLIND.iterdir() if p.is_dir()) == ["a", "b", "c", "d", "e"]
    for d in ("a", "b", "c", "d", "e"):
        texts = sorted(p.name[:-4] for p in (BLIND / d).glob("*.txt"))
        assert len(texts) == 10 and texts == sorted(p.name[:-10] for p in (BLIND / d).glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name)
def test_a_gold_file_is_consistent_with_its_text(gold_path):
    text = gold_path.with_name(gold_path.name[:-10] + ".txt").read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ids = {e["id"] for e in gold["entities"]}
    assert len(ids) == len(gold["entities"])
    for e in gold["entities"]:
        assert e["type"] in TYPES and e["name"] in e["aliases"]
        assert all(a in text for a in e["aliases"]), e
    for r in gold["relations"]:
        assert r["subject"] in ids and r["evidence"] in text, r
        assert r["object"] in ids or r["predicate"].startswith("heldOn"), r
