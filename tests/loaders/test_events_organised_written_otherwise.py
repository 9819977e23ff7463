"""Who organised and funded a named event, as pages and reports write it (documents of our own):

- "The X Symposium was organised by A": one event organised by A, not a series of that name with
  A as its partner, when nothing says the name recurs (loaders/one_off_events.py);
- "X Symposium 2025 is organised by A and B": an edition named with its year is an event, also in
  the present tense of an event's own page (the year the parser hangs on the name as an apposition
  is part of the name);
- ", with (financial) support from C" after the organisers: C sponsors the event and is no
  organiser or partner.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def read(text: str):
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2025, 3, 1)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    kinds = {e.label: e.kind for e in x.entities.values()}
    return kinds, {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts}


@pytest.mark.parametrize("sentence, event", [
    ("The Andean Data Symposium was organised by the Peruvian Geological Survey.", "Andean Data Symposium"),
    ("The Coastal Ocean Data Workshop was hosted by the Peruvian Geological Survey.", "Coastal Ocean Data Workshop"),
])
def test_a_named_event_organised_once_is_an_event(sentence, event):
    kinds, facts = read(sentence)
    assert kinds[event] == "event"
    assert (event, "schema:organizer", "Peruvian Geological Survey") in facts
    assert not [f for f in facts if f[1] == "ckg:partner"]


@pytest.mark.parametrize("sentence, organisers, sponsor", [
    ("The Andean Data Symposium 2025 is organised by the Peruvian Geological Survey and the University of Lima, "
     "with support from the Andean Development Bank.", {"Peruvian Geological Survey", "University of Lima"}, "Andean Development Bank"),
    ("The Andean Data Symposium 2025 was organised by the Peruvian Geological Survey, with financial support from "
     "the Andean Development Bank.", {"Peruvian Geological Survey"}, "Andean Development Bank"),
])
def test_an_edition_named_with_its_year_and_its_organisers_and_sponsor(sentence, organisers, sponsor):
    kinds, facts = read(sentence)
    assert kinds["Andean Data Symposium 2025"] == "event"
    assert {o for s, p, o in facts if s == "Andean Data Symposium 2025" and p == "schema:organizer"} == organisers
    assert ("Andean Data Symposium 2025", "schema:sponsor", sponsor) in facts
    assert not [f for f in facts if f[2] == sponsor and f[1] in ("ckg:partner", "schema:organizer")]


def test_an_edition_only_named_is_no_event():
    kinds, _ = read("The agenda of the Andean Data Symposium 2026 is open for comments.")
    assert "Andean Data Symposium 2026" not in kinds
