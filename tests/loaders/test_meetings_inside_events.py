"""Meetings inside a reported visit or forum, as news items write them: "X met with Y" with no date
of its own, "a meeting between X and Y", "held bilateral talks with Y", "accompanied by Y", and an
event that "brought together" people of some bodies. Each person or body took part in the event the
document reports. All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

FORUM = "Lagos Data Forum held\n\nThe Niger Delta Data Centre hosted the Lagos Data Forum on 2 June 2023 in Lagos. "
VISIT = ("Nordic institute hosts Andean delegation\n\nA delegation of the Andean Science Academy visited the "
         "Nordic Data Institute in Oslo on 4 May 2022. ")


def attendees(text: str) -> dict[str, set[str]]:
    x = extract(Document(Path("t.txt"), text + "\n", issued=dt.date(2024, 3, 1)))
    out: dict[str, set[str]] = {}
    for f in x.facts:
        if f.predicate == "schema:attendee":
            out.setdefault(x.entities[f.subject].label, set()).add(x.entities[f.obj].label)
    return out


def took_part(text: str) -> set[str]:
    return set().union(*attendees(text).values())


@pytest.mark.parametrize("text, people", [
    (FORUM + "Dr. Tomas Reyes met with Dr. Adaeze Okafor to discuss a joint survey.", {"Tomas Reyes", "Adaeze Okafor"}),
    (FORUM + "On the sidelines, the directors held bilateral talks with Dr. Mei Tanaka of the Japan Ocean Data Office.",
     {"Mei Tanaka"}),
    (FORUM + "Dr. Tomas Reyes held talks with Dr. Mei Tanaka on the next cruise.", {"Tomas Reyes", "Mei Tanaka"}),
    (VISIT + "The delegation was led by Rosa Quispe and accompanied by Hugo Salas of the Peruvian Space Agency.",
     {"Hugo Salas"}),
    (VISIT + "Rosa Quispe, accompanied by Hugo Salas, also toured the archive.", {"Hugo Salas"}),
    (VISIT + "During the visit, a meeting between Dr. Rosa Quispe and Dr. Ingrid Berg focused on data exchange.",
     {"Rosa Quispe", "Ingrid Berg"}),
])
def test_people_meeting_inside_the_reported_event_took_part(text, people):
    assert people <= took_part(text)


@pytest.mark.parametrize("text, bodies", [
    (FORUM + "The forum brought together researchers from the University of Lagos and the Korea Polar Research Institute.",
     {"University of Lagos", "Korea Polar Research Institute"}),
    (FORUM + "The forum gathered the University of Lagos, the Niger Delta Data Centre and the Andean Science Academy.",
     {"University of Lagos", "Andean Science Academy"}),
])
def test_bodies_an_event_brought_together_took_part(text, bodies):
    assert bodies <= attendees(text).get("Lagos Data Forum", set())


def test_without_a_reported_event_a_meeting_makes_no_attendance():
    """No visit or meeting is reported: "X met with Y" alone (no date) attaches to nothing."""
    text = "Data news\n\nDr. Tomas Reyes met with Dr. Mei Tanaka to discuss a joint survey."
    assert took_part(text) == set()


def test_the_closing_session_is_not_the_opening_session():
    text = ("Baltic data plenary\n\nThe opening session of the 4th Baltic Data Plenary was chaired by Dr. Ingrid Sorensen. "
            "The closing session of the plenary was addressed by Dr. Kofi Mensah of the University of Ghana.")
    seen = attendees(text)
    assert not any("Kofi Mensah" in people for event, people in seen.items() if event.lower().startswith("opening"))


TOUR = ("Research council delegation tours Nordic centres\n\nA delegation from Ghana's National Research Council (NRC), "
        "led by its chief executive Dr. Ama Owusu, visited Finland and Sweden from 10 to 15 September 2023. In Helsinki, "
        "the delegation met with the Finnish Data Academy. In Stockholm, Dr. Owusu held talks with Prof. Erik Lindqvist, "
        "secretary general of the Swedish Polar Council.")


def test_a_delegation_from_a_body_of_a_country_is_that_bodys_visit():
    x = extract(Document(Path("t.txt"), TOUR + "\n", issued=dt.date(2023, 9, 20)))
    visits = [e for e in x.entities.values() if "ckg:Visit" in e.classes]
    assert [e.label for e in visits] == ["Visit of NRC to Finland"]
    seen = attendees(TOUR)
    assert {"National Research Council", "Finnish Data Academy", "Ama Owusu", "Erik Lindqvist"} <= seen["Visit of NRC to Finland"]


def test_an_adjective_of_a_region_in_a_headline_is_no_city():
    x = extract(Document(Path("t.txt"), TOUR + "\n", issued=dt.date(2023, 9, 20)))
    assert "Nordic" not in {e.label for e in x.entities.values() if e.kind == "place"}


ROUNDTABLE = "Arctic data roundtable held\n\nThe Second Arctic Data Roundtable was held in Tromso on 5 June 2023. "


def members(text: str) -> set[tuple[str, str]]:
    x = extract(Document(Path("t.txt"), text + "\n", issued=dt.date(2024, 6, 9)))
    return {(x.entities[f.subject].label, x.entities[f.obj].label) for f in x.facts if f.predicate == "org:memberOf"}


def test_people_listed_after_the_body_they_come_from():
    text = ROUNDTABLE + "From the Norwegian Polar Data Centre, Dr. Ingrid Dahl, Dr. Ola Berg and Ms. Kari Lunde took part."
    assert {(p, "Norwegian Polar Data Centre") for p in ("Ingrid Dahl", "Ola Berg", "Kari Lunde")} <= members(text)
    assert {"Ingrid Dahl", "Ola Berg", "Kari Lunde", "Norwegian Polar Data Centre"} <= attendees(text)["Second Arctic Data Roundtable"]


def test_participants_from_a_body_included_people():
    text = ROUNDTABLE + "Participants from the Finnish Ice Institute included Dr. Mikko Laine and Dr. Anna Virtanen."
    assert {("Mikko Laine", "Finnish Ice Institute"), ("Anna Virtanen", "Finnish Ice Institute")} <= members(text)


def test_a_person_listed_with_a_body_of_their_own_keeps_it():
    text = ROUNDTABLE + "Participants from the Finnish Ice Institute included Dr. Mikko Laine and Dr. Anna Virtanen of the University of Oulu."
    found = members(text)
    assert ("Anna Virtanen", "University of Oulu") in found
    assert ("Anna Virtanen", "Finnish Ice Institute") not in found
