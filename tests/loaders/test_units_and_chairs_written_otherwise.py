"""Two relations as reports write them besides the forms read before, in documents of our own:

- a body part of another: "X is an agency under Y", "X operates / sits / falls under Y",
  "X, attached to Y, ...", "X, integrated since 2021 in Y, ...", "X, which is attached to Y"
  (loaders/patterns/parts-and-memberships.yaml);
- the people who chaired the reported event's parts: "The panels were moderated by A and B",
  "Sessions were chaired by A and by B", "The week was chaired by A" (a session named by its common
  noun, also when capitalised as a sentence's first word; loaders/patterns/organisation.yaml).

Guards: "works under the guidance of Y" is no part; "the largest centre of its kind in Norway" no
unit; "Session 2", a session of its own, is not the whole event's chair.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

LEAD = "Polar Data Week closes in Tromso\n\nTROMSO, 12 May 2025 - The Polar Data Week ended on Friday in Tromso.\n\n"


def read(text: str, *predicates: str) -> set[tuple[str, str, str]]:
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2025, 5, 12)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in predicates}


@pytest.mark.parametrize("sentence, unit, parent", [
    ("The Norwegian Polar Institute is an agency under the Ministry of Climate and Environment.",
     "Norwegian Polar Institute", "Ministry of Climate and Environment"),
    ("The Arctic Data Centre is a laboratory of the Norwegian Polar Institute.", "Arctic Data Centre", "Norwegian Polar Institute"),
    ("The Arctic Data Centre operates under the Norwegian Polar Institute.", "Arctic Data Centre", "Norwegian Polar Institute"),
    ("The Arctic Data Centre sits within the Norwegian Polar Institute.", "Arctic Data Centre", "Norwegian Polar Institute"),
    ("The Arctic Data Centre, attached to the Norwegian Polar Institute, hosted the meeting.", "Arctic Data Centre", "Norwegian Polar Institute"),
    ("The Arctic Data Centre, integrated since 2021 in the Norwegian Polar Institute, hosted the meeting.",
     "Arctic Data Centre", "Norwegian Polar Institute"),
    ("The Arctic Data Centre, which is affiliated to the University of Bergen, hosted the meeting.", "Arctic Data Centre", "University of Bergen"),
])
def test_a_body_under_another_written_otherwise(sentence, unit, parent):
    assert (unit, "org:subOrganizationOf", parent) in read(f"Ocean news\n\n{sentence}\n", "org:subOrganizationOf")


@pytest.mark.parametrize("sentence", [
    "The Arctic Data Centre works under the guidance of the Norwegian Polar Institute.",
    "The Arctic Data Centre is the largest centre of its kind in Norway, said the Norwegian Polar Institute.",
])
def test_what_is_no_part_of_a_body(sentence):
    assert read(f"Ocean news\n\n{sentence}\n", "org:subOrganizationOf") == set()


@pytest.mark.parametrize("sentence, people", [
    ("The panels were moderated by Dr. Eva Lund and Prof. Karl Berg.", {"Eva Lund", "Karl Berg"}),
    ("The opening panel was moderated by Dr. Eva Lund of the Norwegian Polar Institute.", {"Eva Lund"}),
    ("Sessions were chaired by Dr. Eva Lund and by Prof. Karl Berg.", {"Eva Lund", "Karl Berg"}),
    ("The week was chaired by Dr. Eva Lund.", {"Eva Lund"}),
])
def test_the_chairs_of_the_reported_events_parts(sentence, people):
    assert read(LEAD + sentence + "\n", "ckg:chair") == {("Polar Data Week", "ckg:chair", p) for p in people}


def test_a_named_session_is_not_the_whole_events_chair():
    assert read(LEAD + "Session 2 was chaired by Dr. Eva Lund.\n", "ckg:chair") == set()
