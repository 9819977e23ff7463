"""A body named once in full and then by its head noun: "The Union's secretariat is located at the
Baltic Ice Institute", "The current President of the Union is Prof. X". The secretariat is the
union's unit, and "the Union" stays the union (not the unit whose name ends with it). All documents
are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

PAGE = ("About the Polar Data Union\n\nThe Polar Data Union is an association of institutions that manage polar research "
        "data. The Union's secretariat is located at the Baltic Ice Institute in Riga. The current President of the "
        "Union is Prof. Marta Kowalczyk.\n")


def test_the_unit_after_the_heads_possessive_is_the_bodys_and_the_head_stays_the_body():
    x = extract(Document(Path("t.txt"), PAGE, issued=dt.date(2024, 5, 1)))
    label = lambda k: x.entities[k].label  # noqa: E731
    parts = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}
    assert ("Secretariat of the Polar Data Union", "Polar Data Union") in parts
    posts = {(label(next(g.obj for g in x.facts if g.subject == f.subject and g.predicate == "org:heldBy")), label(f.obj))
             for f in x.facts if f.predicate == "org:postIn"}
    assert posts == {("Marta Kowalczyk", "Polar Data Union")}
    assert not any("Union's" in e.label or "Union s" in e.label for e in x.entities.values())


def test_with_no_body_named_before_the_mention_is_left_alone():
    x = extract(Document(Path("t.txt"), "News\n\nThe Union's secretariat moved to Riga in 2023.\n", issued=dt.date(2024, 5, 1)))
    assert not any(f.predicate == "org:subOrganizationOf" for f in x.facts)
