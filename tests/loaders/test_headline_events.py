"""An event page whose title is the event's name with its dates and place: "Workshop on Glacier Data
Standards, 3-5 June 2024, Nairobi". The page is that event's: its name, dates and place come from
the title, and "the workshop" of the body text is that event. All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

BODY = ("The workshop brought together 40 experts from twelve countries. It was organised by the Kenya Data Centre "
        "with support from the Nordic Ice Institute.")


def read(title: str, body: str = BODY):
    return extract(Document(Path("t.txt"), f"{title}\n\n{body}\n", issued=dt.date(2024, 6, 10)))


@pytest.mark.parametrize("title, name, start, end, place", [
    ("Workshop on Glacier Data Standards, 3-5 June 2024, Nairobi", "Workshop on Glacier Data Standards", "2024-06-03", "2024-06-05", "Nairobi"),
    ("Nordic Ice School (Tromso, 4-8 March 2024)", "Nordic Ice School", "2024-03-04", "2024-03-08", "Tromsø"),
    ("International Symposium on Polar Data | 12 May 2023 | Reykjavik", "International Symposium on Polar Data", "2023-05-12", None, "Reykjavik"),
    ("Andean Snow Data Meeting - 2 February 2024", "Andean Snow Data Meeting", "2024-02-02", None, None),
])
def test_the_title_names_the_event_its_dates_and_place(title, name, start, end, place):
    x = read(title)
    events = {k: e for k, e in x.entities.items() if e.kind == "event"}
    key = next(k for k, e in events.items() if e.label == name)
    got = {(f.predicate, str(f.obj)) for f in x.facts if f.subject == key}
    assert ("schema:startDate", start) in got
    assert (("schema:endDate", end) in got) if end else not any(p == "schema:endDate" for p, _ in got)
    places = {x.entities[o].label for p, o in got if p == "schema:location"}
    assert places == ({place} if place else set())
    # the body's "the workshop" / "It" is the title's event: its organizer and sponsor
    assert ("schema:organizer", "organization/kenya data centre") in got
    assert len(events) == 1


@pytest.mark.parametrize("title", [
    "Call for papers: Workshop on Glacier Data Standards, deadline 3 May 2024",
    "Workshop on Glacier Data Standards",  # no date: the title alone says nothing of when
    "Registration open for the Nordic Ice School, 4-8 March 2024",
])
def test_no_event_from_a_title_without_a_date_or_about_one_to_come(title):
    x = read(title, "Details follow.")
    assert not [f for f in x.facts if f.evidence.method == "rule:headline-event"]
