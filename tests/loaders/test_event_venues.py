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
