"""People who took part for a body: "A attended / spoke / took part on behalf of X" and "A and B
represented X at the forum" (loaders/patterns/participation.yaml): the people and the body attend
the event, and the people are the body's (org:memberOf). Documents of our own writing; guards: a
future "will attend on behalf of" is no attendance of the reported event, and a body represented
at another event than the reported one attends that one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

LEAD = "Data forum closes in Nairobi\n\nNAIROBI, 12 May 2025 - The Kenya Open Data Forum was held in Nairobi on 10-12 May 2025.\n\n"
FORUM = "Kenya Open Data Forum 2025"


def read(sentence: str) -> set[tuple[str, str, str]]:
    x = extract(Document(Path("t.txt"), LEAD + sentence + "\n", issued=dt.date(2025, 5, 12)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in ("schema:attendee", "org:memberOf")}


@pytest.mark.parametrize("verb", ["attended", "spoke", "took part"])
def test_a_person_who_took_part_on_behalf_of_a_body(verb):
    found = read(f"Dr. Amina Otieno {verb} on behalf of the Kenya Space Agency.")
    assert {(FORUM, "schema:attendee", "Amina Otieno"), (FORUM, "schema:attendee", "Kenya Space Agency"),
            ("Amina Otieno", "org:memberOf", "Kenya Space Agency")} <= found


def test_people_who_represented_a_body_at_the_event():
    found = read("Dr. Amina Otieno and Prof. John Kamau represented Strathmore University at the forum.")
    assert {(FORUM, "schema:attendee", "Strathmore University"), ("Amina Otieno", "org:memberOf", "Strathmore University"),
            ("John Kamau", "org:memberOf", "Strathmore University")} <= found


def test_a_future_representation_is_no_attendance_of_the_reported_event():
    found = read("Dr. Amina Otieno will attend the next forum on behalf of the Kenya Space Agency.")
    assert not {f for f in found if f[0] == FORUM and f[2] in ("Amina Otieno", "Kenya Space Agency")}


def test_a_body_represented_at_another_named_event_attends_that_one():
    found = read("Dr. Amina Otieno represented Strathmore University at the Lagos Data Summit 2024 last year.")
    assert (FORUM, "schema:attendee", "Strathmore University") not in found
