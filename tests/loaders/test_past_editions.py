"""A report of one edition of a series that recalls an earlier one: "The dialogue was opened by X,
who recalled the first dialogue, held in Tromso in 2022". The earlier edition's place and year are
not the reported event's (the earlier one is at most a node of its own), and the numbered event of the headline is the event the rest of the
report speaks of (counts, bodies that presented, sponsors). All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

REPORT = """Second Andes-Arctic Data Dialogue convened in Valparaiso

VALPARAISO, Chile, 21 November 2024 — The second Andes-Arctic Data Dialogue was convened in Valparaiso on 19-20 November by the Chilean Ocean Data Agency together with the Nordic Snow Institute.

Some 45 participants from eight countries attended. The dialogue was {opening}

Representatives of the University of Atacama and the Chilean Glacier Institute presented their observation networks. The meeting was sponsored by the Nordic Fund for Polar Research.
"""

OPENINGS = [
    "opened by Dr. Camila Rojas, who welcomed the participants and recalled the first dialogue, held in Tromso in 2022.",
    "opened by Dr. Camila Rojas, who recalled the previous meeting, which took place in Tromso in 2022.",
    "opened by Dr. Camila Rojas. She recalled that the inaugural dialogue had been held in Tromso in 2022.",
]


@pytest.mark.parametrize("opening", OPENINGS)
def test_the_earlier_edition_lends_the_reported_one_neither_place_nor_year(opening):
    x = extract(Document(Path("t.txt"), REPORT.format(opening=opening), issued=dt.date(2024, 11, 21)))
    events = [k for k, e in x.entities.items() if e.kind == "event"]
    second = [k for k in events if x.entities[k].label.startswith("Second")]
    assert len(second) == 1, [x.entities[k].label for k in events]
    ev = second[0]
    for other in set(events) - {ev}:  # the earlier edition may be a node of its own ("Inaugural dialogue"), not this one
        assert not any(f.subject == other and f.predicate == "schema:location" and "Valpara" in x.entities[f.obj].label for f in x.facts)
    facts = {(f.predicate, str(f.obj)) for f in x.facts if f.subject == ev}
    places = {x.entities[o].label for p, o in facts if p == "schema:location"}
    assert places == {"Valparaíso"} or places == {"Valparaiso"}
    assert {o for p, o in facts if p == "schema:startDate"} == {"2024-11-19"}
    label = lambda k: x.entities[k].label  # noqa: E731
    assert {label(o) for p, o in facts if p == "schema:organizer"} == {"Chilean Ocean Data Agency", "Nordic Snow Institute"}
    assert {label(o) for p, o in facts if p == "schema:attendee" and o.startswith("organization/")} >= {
        "University of Atacama", "Chilean Glacier Institute"}
    assert {label(o) for p, o in facts if p == "schema:sponsor"} == {"Nordic Fund for Polar Research"}
    assert any(p == "ckg:delegation" for p, _ in facts)  # the 45 participants
