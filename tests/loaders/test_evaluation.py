"""``collabkg evaluate`` on gold files written for these tests (tests/loaders/gold/): the scores are
computed by hand below, and a wrong extraction lowers them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collabkg.loaders.documents import read_document
from collabkg.loaders.evaluation import GoldError, evaluate, score_document
from collabkg.loaders.extract import extract

GOLD = Path(__file__).parent / "gold"


def test_scores_of_the_hand_made_gold_folder():
    result = evaluate(GOLD)
    by = {d.name: d for d in result.docs}
    assert sorted(by) == ["andes-mou.txt", "polar-workshop.txt"]
    mou = by["andes-mou.txt"]
    # five gold entities, all named in the text; three relations: two parties and one post
    assert (mou.found_entities, mou.gold_entities) == (5, 5)
    assert (mou.found_relations, mou.gold_relations) == (3, 3)
    assert mou.correct_relations == mou.judged_relations
    ws = by["polar-workshop.txt"]
    assert (ws.found_entities, ws.gold_entities) == (6, 6)
    assert (ws.found_relations, ws.gold_relations) == (7, 7)
    tot = result.totals()
    assert tot["entity_recall"] == 1.0 and tot["relation_recall"] == 1.0
    assert tot["relation_precision"] >= 0.75


def test_a_wrong_extraction_lowers_the_score():
    doc = GOLD / "polar-workshop.txt"
    gold = json.loads((GOLD / "polar-workshop.gold.json").read_text())
    x = extract(read_document(doc))
    right = score_document(doc, gold, extraction=x)
    # a wrong organizer and a lost attendee: precision and recall both fall
    event = next(k for k, e in x.entities.items() if e.kind == "event" and e.label.startswith("Nordic Polar Data Workshop"))
    org = next(k for k, e in x.entities.items() if e.label == "Pacific Ocean Data Center")
    ev = next(f.evidence for f in x.facts if f.subject == event)
    x.add(event, "schema:organizer", org, ev)
    x.facts = [f for f in x.facts if not (f.subject == event and f.predicate == "schema:attendee" and "kenji" in str(f.obj))]
    wrong = score_document(doc, gold, extraction=x)
    assert wrong.found_relations == right.found_relations - 1
    assert wrong.as_dict()["relation_precision"] < right.as_dict()["relation_precision"]
    assert "Nordic Polar Data Workshop 2022 organizedBy Pacific Ocean Data Center" in wrong.wrong_relations
    assert any("Kenji Sato participatedIn" in m for m in wrong.missed_relations)


def test_a_missed_entity_lowers_recall(tmp_path):
    shutil.copy(GOLD / "andes-mou.txt", tmp_path)
    gold = json.loads((GOLD / "andes-mou.gold.json").read_text())
    gold["entities"].append({"id": "e9", "name": "Amazon Basin Observatory", "type": "Organization", "aliases": []})
    (tmp_path / "andes-mou.gold.json").write_text(json.dumps(gold))
    d = evaluate(tmp_path).docs[0]
    assert (d.found_entities, d.gold_entities) == (5, 6)
    assert d.missed_entities == ["Amazon Basin Observatory"]


@pytest.mark.parametrize("content, message", [
    ("{", "not valid JSON (line 1"),
    ('{"entities": [{"name": "x"}]}', "entity 1 needs an 'id'"),
    ('{"entities": [], "relations": [{"subject": "e1", "predicate": "memberOf", "object": "e2"}]}', "names subject 'e1'"),
])
def test_a_bad_gold_file_is_named(tmp_path, content, message):
    (tmp_path / "d.txt").write_text("Some text.")
    (tmp_path / "d.gold.json").write_text(content)
    with pytest.raises(GoldError) as e:
        evaluate(tmp_path)
    assert message in str(e.value) and "d.gold.json" in str(e.value)


def test_cli_table_and_json(tmp_path):
    exe = [sys.executable, "-m", "collabkg"]
    out = subprocess.run([*exe, "evaluate", str(GOLD), "--format", "json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["total"]["gold_relations"] == 10 and data["total"]["found_relations"] == 10
    table = subprocess.run([*exe, "evaluate", str(GOLD), "--explain"], capture_output=True, text=True, check=True).stdout
    assert "score: entity P" in table and "--- polar-workshop.txt" in table
    bad = subprocess.run([*exe, "evaluate", str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 1 and "no *.gold.json files" in bad.stderr
