"""An event's place is where it was held, not where its people came from: "Delegates from Nairobi
attended the forum, held in Mombasa" puts the forum in Mombasa only. A city after "in" or "at"
is taken before the others, and one after "from" last. All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def places_of_events(text: str) -> set[str]:
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 6, 10)))
    return {x.entities[f.obj].label for f in x.facts
            if f.predicate == "schema:location" and x.entities[f.subject].kind == "event"}


@pytest.mark.parametrize("text,place", [
    ("Delegates from Nairobi attended the 3rd Ocean Data Forum, held in Mombasa on 4-5 June 2024.", "Mombasa"),
    ("Researchers from Oslo and the University of Tartu presented their results at the workshop, held in Bergen "
     "on 2 May 2024.", "Bergen"),
    # a city inside a body's name the small model does not know as one
    ("Researchers from ETH Zurich and the University of Oslo presented their results at the workshop, held in "
     "Bergen on 2 May 2024.", "Bergen"),
    ("Experts from Porto and Braga joined the seminar, which was held at Lisbon on 3 May 2024.", "Lisbon"),
    ("The Arctic Data Meeting was held in Tromso on 3 May 2024; participants came from Oslo and Bergen.", "Tromsø"),
])
def test_the_event_is_where_it_was_held(text, place):
    assert places_of_events(text) == {place}


def test_with_no_venue_word_the_first_city_is_the_place_as_before():
    # no "in" or "at" before either city: text order decides, as it did
    assert places_of_events("The seminar was held on 3 May 2024, Lisbon and Porto hosting a session each.") == {"Lisbon"}


# -- where and when, as a clause around the event says it ------------------------------------------

@pytest.mark.parametrize("text,event,place,date", [
    # a participle after a comma, which the parser reads as an apposition of the event
    ("The General Assembly of the Andean Data Council, meeting in Lima on 3 May 2021, elected Ana Soto as President.",
     "General Assembly of the Andean Data Council", "Lima", "2021-05-03"),
    ("The Polar Data Forum, gathering in Tromsø on 14 March 2023, adopted a statement on open data.",
     "Polar Data Forum", "Tromsø", "2023-03-14"),
    # "At <event> in <place> on <date>, X did ...": the date hangs on "At", or on the clause's verb
    ("At its General Assembly in Quito on 3 May 2021, the Andean Data Council elected Ana Soto as President.",
     "General Assembly", "Quito", "2021-05-03"),
    ("At the Andean Data Forum in Quito on 3 May 2021, the council chose a new chair.", "Andean Data Forum", "Quito", "2021-05-03"),
])
def test_the_place_and_date_of_an_event_from_the_clause_around_it(text, event, place, date):
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 6, 10)))
    (key,) = [k for k, e in x.entities.items() if e.kind == "event" and e.label.startswith(event)]
    assert {x.entities[o].label for o in x.objects(key, "schema:location")} == {place}
    assert {str(o) for o in x.objects(key, "schema:startDate")} == {date}


def test_people_meeting_somewhere_make_no_event():
    x = extract(Document(Path("t.txt"), "The delegates, meeting in Lima on 3 May 2021, approved the plan.", issued=dt.date(2024, 6, 10)))
    assert not [e for e in x.entities.values() if e.kind == "event"]


@pytest.mark.parametrize("text, places", [
    # a hall, a dome, a campus: a venue named by its head noun, "of" its owner named with it
    ("From November 5 to 6, the Second Nordic-Baltic Data Dialogue was held at the Shine Dome of the Estonian Academy of Sciences "
     "in Tallinn.", {"Shine Dome of the Estonian Academy of Sciences", "Tallinn"}),
    ("The two-day Joint Estonia-Latvia Workshop on Ice Data was held on 23 and 24 October in the Conference Hall of the Nordic "
     "Data Institute in Riga.", {"Conference Hall of the Nordic Data Institute", "Riga"}),
    ("The Baltic Data Forum 2024 took place on 4 May 2024 at the Pirita Campus in Tallinn.", {"Pirita Campus", "Tallinn"}),
    # a body as the venue, with its city written after it
    ("The Regional Course on Data Curation took place at the Faculty of Science, Chulalongkorn University, Bangkok, from 15 to "
     "19 July 2024.", {"Faculty of Science", "Bangkok"}),
])
def test_a_venue_and_the_city_written_with_it_are_where_the_event_was_held(text, places):
    assert places <= places_of_events(text)


def test_a_hall_is_no_persons_name():
    x = extract(Document(Path("t.txt"), "The forum was held at the Shine Dome in Tallinn on 4 May 2024.", issued=dt.date(2024, 6, 10)))
    assert not [e for e in x.entities.values() if e.kind == "person"]
