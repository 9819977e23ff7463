"""A relative pronoun as its clause's subject is the person or body the clause hangs on
(relations.mark_tokens), so that every pattern whose subject is a person or a body reads a relative
clause as it reads a main clause: "Dr. A, who serves as vice-president of X", "the Y Agency, which
operates under Z", "Prof. B, who chaired the forum", "the C Project, which is funded by D". With two
names before it, the clause is the nearest name's ("A and B, who leads X": B's). Documents of our
own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

LEAD = "Data forum closes in Nairobi\n\nNAIROBI, 12 May 2025 - The Kenya Open Data Forum 2025 ended on Friday in Nairobi.\n\n"


def extracted(sentence: str):
    return extract(Document(Path("t.txt"), LEAD + sentence + "\n", issued=dt.date(2025, 5, 12)))


def read(sentence: str):
    x = extracted(sentence)
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    triples = {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts}
    posts = {(label(next(iter(x.objects(p, "org:heldBy")))), str(next(iter(x.objects(p, "ckg:roleTitle")))).lower(),
              label(next(iter(x.objects(p, "org:postIn"))))) for p, e in x.entities.items() if e.kind == "post"}
    return triples, posts


@pytest.mark.parametrize("sentence, post", [
    ("Dr. Amina Otieno, who serves as vice-president of Strathmore University, opened the forum.",
     ("Amina Otieno", "vice-president", "Strathmore University")),
    ("The forum was opened by Dr. Amina Otieno, who is the director of the Kenya Space Agency.",
     ("Amina Otieno", "director", "Kenya Space Agency")),
    ("Prof. John Kamau and Dr. Amina Otieno, who heads the Kenya Space Agency, opened the forum.",
     ("Amina Otieno", "head", "Kenya Space Agency")),
])
def test_a_post_in_a_relative_clause(sentence, post):
    triples, posts = read(sentence)
    assert post in posts
    assert not [p for p in posts if p[0] == "John Kamau"]  # the clause is the nearest name's


def test_a_chair_in_a_relative_clause():
    x = extracted("Prof. John Kamau, who chaired the forum, thanked the sponsors.")
    chairs = {(x.entities[f.subject].kind, x.entities[f.obj].label) for f in x.facts if f.predicate == "ckg:chair"}
    assert chairs == {("event", "John Kamau")}


@pytest.mark.parametrize("sentence, fact", [
    ("The Kenya Space Agency, which operates under the Ministry of Defence, presented its satellite data.",
     ("Kenya Space Agency", "org:subOrganizationOf", "Ministry of Defence")),
    ("The delegates visited the Coastal Archive Project, which is funded by the Nordic Research Council.",
     ("Coastal Archive Project", "schema:sponsor", "Nordic Research Council")),
])
def test_a_bodys_or_projects_relation_in_a_relative_clause(sentence, fact):
    triples, _ = read(sentence)
    assert fact in triples


def test_a_clause_after_a_body_in_a_persons_phrase_is_left_alone():
    # "A of X, who ...": the clause could be A's or X's; no guess
    triples, posts = read("Dr. Amina Otieno of Strathmore University, who heads the Kenya Space Agency data unit, spoke.")
    assert not [p for p in posts if p[2] == "Kenya Space Agency"]
