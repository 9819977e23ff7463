"""Organisers and sponsors as news items write them besides "The X was organised by Y": a participle
phrase before the event ("Jointly organised by A and B, the symposium ..."), and a second verb
with its own agent ("organised by A and funded by B"). All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

HELD = "The Volta Basin Data Symposium 2023 was held in Accra, Ghana on 5 June 2023."


def read(text: str) -> set[tuple[str, str, str]]:
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2023, 9, 1)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in ("schema:organizer", "schema:sponsor")}


EVENT = "Volta Basin Data Symposium 2023"


@pytest.mark.parametrize("opening, predicate, bodies", [
    ("Jointly organised by the University of Ghana, the Lusophone Data Council and the Andean Glacier Institute, the symposium brought together 90 researchers.",
     "schema:organizer", {"University of Ghana", "Lusophone Data Council", "Andean Glacier Institute"}),
    ("Co-hosted by the Volta Basin Data Centre and the University of Ghana, the event drew 90 researchers.",
     "schema:organizer", {"Volta Basin Data Centre", "University of Ghana"}),
    ("Organized by the Lusophone Data Council, this symposium was the first of its kind in the region.",
     "schema:organizer", {"Lusophone Data Council"}),
    ("Funded by the Nordic Research Council and the Ocean Data Trust, the symposium offered 20 travel grants.",
     "schema:sponsor", {"Nordic Research Council", "Ocean Data Trust"}),
    ("Generously supported by the Ocean Data Trust, the symposium was free to attend.",
     "schema:sponsor", {"Ocean Data Trust"}),
])
def test_a_participle_before_the_event_names_its_organisers_or_sponsors(opening, predicate, bodies):
    found = read(f"{HELD} {opening}")
    assert {o for s, p, o in found if s == EVENT and p == predicate} >= bodies


def test_a_unit_and_its_body_in_the_participle_are_one_organiser():
    found = read(f"{HELD} Organised by the Department of Hydrology, University of Ghana, and the Lusophone Data Council, the symposium drew 90 people.")
    organisers = {o for s, p, o in found if s == EVENT and p == "schema:organizer"}
    assert organisers == {"Department of Hydrology", "Lusophone Data Council"}


def test_no_event_of_that_kind_no_organiser():
    # the document's event is a symposium; "the survey" is no event of it
    found = read(f"{HELD} Funded by the Nordic Research Council, the survey reached 400 households.")
    assert not any(o == "Nordic Research Council" for _, _, o in found)


@pytest.mark.parametrize("sentence, predicate, body", [
    ("The symposium was organised by the Lusophone Data Council and funded by the Nordic Research Council.",
     "schema:sponsor", "Nordic Research Council"),
    ("The symposium was sponsored by the Ocean Data Trust and supported by the Andean Glacier Institute.",
     "schema:sponsor", "Andean Glacier Institute"),
    ("The symposium was held at the University of Ghana and hosted by the Volta Basin Data Centre.",
     "schema:organizer", "Volta Basin Data Centre"),
])
def test_a_second_verb_with_its_own_agent(sentence, predicate, body):
    found = read(f"{HELD} {sentence}")
    assert (EVENT, predicate, body) in found
