"""Meetings and courses as news items write them without naming the event: people who "met" in a
city on a day (or "last week"), a meeting "chaired by its director general, X", a course "held at"
a university that is its venue, not an attendee, counts written in words ("Twenty-five early-career
scientists"), and a body whose name has a word like "eScience". All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from tests.loaders.post_facts import post_triples


def run(text: str, issued: dt.date | None = dt.date(2025, 6, 10), title: str = "News"):
    x = extract(Document(Path("t.txt"), f"{title}\n\n{text}\n", issued=issued))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return x, label


def events(x) -> list[str]:
    return [k for k, e in x.entities.items() if e.kind == "event"]


@pytest.mark.parametrize("text, day", [
    ("Heads of six hydrological services met in Vilnius on 2 June 2025 to compare flood archives.", "2025-06-02"),
    ("Curators of the region's seed banks met at the Tartu Observatory on 4 June 2025.", "2025-06-04"),
    ("VILNIUS, 10 June 2025 - Heads of six hydrological services met in Vilnius last week to compare flood archives.", None),
])
def test_people_who_met_somewhere_on_a_day_held_a_meeting(text, day):
    x, label = run(text)
    (ev,) = events(x)
    assert "ckg:Meeting" in x.entities[ev].classes
    assert [str(d) for d in x.objects(ev, "schema:startDate")] == ([day] if day else [])


@pytest.mark.parametrize("text", [
    "The two teams met often in the past.",
    "Heads of six hydrological services met the new requirements in 2025.",
    "Heads of six hydrological services will meet in Vilnius on 2 July 2025.",
])
def test_met_without_a_place_and_a_day_or_still_to_come_is_no_meeting(text):
    x, _ = run(text)
    assert not events(x)


def test_chaired_by_its_director_general_is_the_chair_and_a_post_in_the_body_named_before():
    x, label = run("The meeting, convened by the Lithuanian Hydrometeorological Service, was chaired by its director "
                   "general, Rasa Petrauskiene.")
    (ev,) = events(x)
    assert {label(o) for o in x.objects(ev, "ckg:chair")} == {"Rasa Petrauskiene"}
    assert post_triples(x) == {("Rasa Petrauskiene", "director general", "Lithuanian Hydrometeorological Service")}


def test_a_course_held_at_a_university_has_it_as_venue_not_attendee_and_its_count_in_words():
    x, label = run("Twenty-five early-career scientists from 11 countries attended a training course on flood data, held at the "
                   "University of Kaunas from 2 to 6 June 2025. The course was organised by the Baltic Flood Data Centre in "
                   "partnership with the Nordic eScience Center.")
    (ev,) = events(x)
    assert not {label(o) for o in x.objects(ev, "schema:attendee")}
    assert {label(o) for o in x.objects(ev, "schema:organizer")} == {"Baltic Flood Data Centre", "Nordic eScience Center"}
    counts = {int(c) for d in x.objects(ev, "ckg:delegation") for c in x.objects(d, "ckg:attendeeCount")}
    assert counts == {25}
