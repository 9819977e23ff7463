"""Sponsors as reports write them besides "The X was funded by Y": the event or project "received
funding / financial support / a grant from Y", "was held with funding from Y", "Y provided funding
for the X", "Support for the X came from Y", "supported by a grant from Y"
(loaders/patterns/sponsorship.yaml). All documents are our own writing; guards: money a body
received for itself is not sponsorship of the event, and "from" a country in a person's phrase is no
sponsor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

HELD = "The Volta Basin Data Symposium 2023 was held in Accra, Ghana on 5 June 2023."
EVENT = "Volta Basin Data Symposium 2023"


def sponsors(text: str) -> set[tuple[str, str]]:
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2023, 9, 1)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "schema:sponsor"}


@pytest.mark.parametrize("sentence, bodies", [
    ("The symposium received funding from the Nordic Research Council.", {"Nordic Research Council"}),
    ("The symposium received financial support from the Ocean Data Trust and the Andean Development Bank.",
     {"Ocean Data Trust", "Andean Development Bank"}),
    ("The symposium also obtained a grant from the Ocean Data Trust.", {"Ocean Data Trust"}),
    ("The symposium was organised with funding from the Nordic Research Council.", {"Nordic Research Council"}),
    ("The Nordic Research Council provided funding for the symposium.", {"Nordic Research Council"}),
    ("The Ocean Data Trust and the Andean Development Bank provided financial support to the symposium.",
     {"Ocean Data Trust", "Andean Development Bank"}),
    ("Support for the symposium came from the Ocean Data Trust.", {"Ocean Data Trust"}),
    ("Funding for the symposium was provided by the Nordic Research Council and the Ocean Data Trust.",
     {"Nordic Research Council", "Ocean Data Trust"}),
    ("The symposium was supported by a grant from the Nordic Research Council.", {"Nordic Research Council"}),
])
def test_a_sponsor_written_as_money_received_or_given(sentence, bodies):
    assert {(EVENT, b) for b in bodies} <= sponsors(f"{HELD} {sentence}")


@pytest.mark.parametrize("sentence, thing, body", [
    ("The Coastal Archive Project received funding from the Nordic Research Council in 2022.", "Coastal Archive Project", "Nordic Research Council"),
    ("The Ocean Data Trust provided funding for the Coastal Archive Project.", "Coastal Archive Project", "Ocean Data Trust"),
])
def test_a_projects_sponsor_written_so(sentence, thing, body):
    assert (thing, body) in sponsors(sentence)


@pytest.mark.parametrize("sentence", [
    "Dr. Ama Owusu received an award from the Nordic Research Council.",  # a person's award: no sponsorship
    "The symposium heard reports from the Ocean Data Trust and the Andean Development Bank.",  # heard from: no money
    "The symposium received 90 participants from Ghana and Togo.",  # people received, not funds
    "The Ocean Data Trust provided technical support to the symposium.",  # help, not money
    "The Ocean Data Trust provided data for the symposium.",
])
def test_what_is_received_or_heard_is_no_sponsorship(sentence):
    assert sponsors(f"{HELD} {sentence}") == set()


@pytest.mark.parametrize("sentence", [
    "The Nordic Research Council funds the Coastal Data Facility.",
    "The Nordic Research Council, which funds the Coastal Data Facility, sent two observers.",
])
def test_a_body_funding_another(sentence):
    assert ("Coastal Data Facility", "Nordic Research Council") in sponsors(sentence)


def test_funding_research_at_a_body_is_no_sponsorship_of_it():
    assert sponsors("The Nordic Research Council funds research at the University of Bergen.") == set()
