"""Where a body is based, written before its name: "the Mombasa-based Coastal Data Centre", "the
Kenya-based Lake Data Institute" (body_corrections._based_in_prefix, pattern
locations/place-based-org): the place is no part of the body's name, the body is located there, and
the place is no party, attendee or body of its own. Documents of our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def read(text: str):
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2025, 5, 12)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    bodies = sorted(e.label for e in x.entities.values() if e.kind == "organization")
    return bodies, {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts}


@pytest.mark.parametrize("text, body, place", [
    ("The Mombasa-based Coastal Data Centre presented its archive.", "Coastal Data Centre", "Mombasa"),
    ("Researchers of the Kenya-based Lake Data Institute attended the meeting.", "Lake Data Institute", "Kenya"),
    ("The award went to the Geneva-based Alpine Snow Data Service.", "Alpine Snow Data Service", "Geneva"),
])
def test_where_a_body_is_based_is_no_part_of_its_name(text, body, place):
    bodies, facts = read(text)
    assert body in bodies and not [b for b in bodies if "based" in b]
    assert (body, "schema:location", place) in facts


def test_a_based_in_country_is_no_party():
    _, facts = read("The Kenya-based Lake Data Institute and the Nairobi-based Strathmore University signed an agreement.")
    parties = {o for s, p, o in facts if p == "ckg:party"}
    assert parties == {"Lake Data Institute", "Strathmore University"}
    assert ("Strathmore University", "schema:location", "Nairobi") in facts


def test_an_unknown_place_before_based_is_left_in_the_name():
    # no city or country the gazetteer knows: the words stay as read, nothing is guessed
    bodies, facts = read("The Xq-based Ocean Data Service presented its archive.")
    assert not [f for f in facts if f[1] == "schema:location"]
