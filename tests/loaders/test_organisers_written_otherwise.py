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


@pytest.mark.parametrize("headline", ["Data stewardship workshop held in Hanoi", "Regional data workshop concludes"])
def test_a_headlines_described_event_is_the_texts_named_one(headline):
    text = (f"{headline}\n\nThe Mekong Data Stewardship Workshop was held in Hanoi, Vietnam, from 6 to 8 September 2023. "
            "The workshop was sponsored by the Asian Development Bank.\n")
    x = extract(Document(Path("t.txt"), text, title=headline, issued=dt.date(2023, 9, 20)))
    events = {e.label for e in x.entities.values() if e.kind == "event"}
    assert events == {"Mekong Data Stewardship Workshop 2023"}



@pytest.mark.parametrize("listing", [
    "Speakers included Dr. Linh Pham from the Hanoi Data Centre, Prof. Ana Ruiz from the University of Malaga and Dr. Tom Berg from Lund University.",
    "The keynote speakers were Dr. Linh Pham from the Hanoi Data Centre, Prof. Ana Ruiz from the University of Malaga and Dr. Tom Berg from Lund University.",
])
def test_listed_speakers_took_part_and_each_keeps_their_own_body(listing):
    text = f"News\n\nThe Mekong Data Workshop was held in Hanoi on 6 May 2023. {listing}\n"
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2023, 9, 20)))
    label = lambda k: x.entities[k].label  # noqa: E731
    (event,) = [k for k, e in x.entities.items() if e.kind == "event"]
    attendees = {label(f.obj) for f in x.facts if f.subject == event and f.predicate == "schema:attendee"}
    assert {"Linh Pham", "Ana Ruiz", "Tom Berg"} <= attendees
    members = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:memberOf"}
    assert members == {("Linh Pham", "Hanoi Data Centre"), ("Ana Ruiz", "University of Malaga"), ("Tom Berg", "Lund University")}


def test_a_speaker_list_without_an_event_reads_no_attendance():
    text = "News\n\nSpeakers included Dr. Linh Pham from the Hanoi Data Centre and Prof. Ana Ruiz from the University of Malaga.\n"
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2023, 9, 20)))
    assert not any(f.predicate == "schema:attendee" for f in x.facts)


def test_the_visitors_who_held_talks_with_the_host_organised_nothing():
    got = read("On 4 May 2023, a delegation from the Lusophone Data Council visited the Volta Basin Data Centre. The two sides "
               "held talks on shared river gauges.")
    assert {(p, b) for _, p, b in got} == {("schema:organizer", "Volta Basin Data Centre")}


@pytest.mark.parametrize("line, predicate, bodies", [
    ("Organised by the Lusophone Data Council in partnership with the University of Ghana.", "schema:organizer",
     {"Lusophone Data Council", "University of Ghana"}),
    ("Funded by the Nordic Research Council (NRC).", "schema:sponsor", {"Nordic Research Council"}),
    ("Jointly hosted by the Volta Basin Data Centre and the Andean Glacier Institute.", "schema:organizer",
     {"Volta Basin Data Centre", "Andean Glacier Institute"}),
])
def test_a_line_of_only_a_participle_and_its_agents_names_the_pages_events_organisers_or_sponsors(line, predicate, bodies):
    found = read(f"{HELD}\n\n{line}")
    assert {(EVENT, predicate, b) for b in bodies} <= found


@pytest.mark.parametrize("sentence, bodies", [
    ("The workshop counted with the financing of the Ocean Data Trust and of the Nordic Research Council.",
     {"Ocean Data Trust", "Nordic Research Council"}),
    ("The symposium counts with resources of the Ocean Data Trust.", {"Ocean Data Trust"}),
])
def test_counting_with_someones_financing_is_being_funded_by_them(sentence, bodies):
    found = read(f"{HELD} {sentence}")
    assert {(EVENT, "schema:sponsor", b) for b in bodies} <= found
