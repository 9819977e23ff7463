"""Public officials as news items name them: by an office and a nationality, not by a body
("Brazilian Minister of Science and Technology Helena Duarte", "Marcos Vidal, Deputy Minister of
Education of Brazil", "The Chilean Ambassador to Norway, Ana Ruiz"). The name is found (the NER
alone reads "Science and Technology Helena Duarte" as a body), and the office is a post in the
country's government, one step from the country. An office with no country in the text gives no
post. All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def read(text: str):
    return extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2024, 3, 1)))


def offices(text: str) -> set[tuple[str, str, str, str]]:
    """(person, title, government, country of the post) of every public office read from ``text``."""
    x = read(text)
    label = lambda k: x.entities[k].label  # noqa: E731
    out = set()
    for f in x.facts:
        if f.predicate == "org:postIn" and f.evidence.method == "rule:public-office":
            held = next(g.obj for g in x.facts if g.subject == f.subject and g.predicate == "org:heldBy")
            title = next(str(g.obj) for g in x.facts if g.subject == f.subject and g.predicate == "ckg:roleTitle")
            country = next(g.obj for g in x.facts if g.subject == f.subject and g.predicate == "ckg:country")
            out.add((label(held), title, label(f.obj), label(country)))
    return out


@pytest.mark.parametrize("text, expected", [
    ("Brazilian Minister of Science and Technology Helena Duarte visited the Nordic Data Institute.",
     ("Helena Duarte", "Minister of Science and Technology", "Brazilian Government", "Brazil")),
    ("The delegation met Norwegian Research Minister Lars Holm in Oslo.",
     ("Lars Holm", "Research Minister", "Norwegian Government", "Norway")),
    ("She was accompanied by Marcos Vidal, Deputy Minister of Education of Brazil.",
     ("Marcos Vidal", "Deputy Minister of Education", "Brazilian Government", "Brazil")),
    ("The Chilean Ambassador to Norway, Ana Ruiz, welcomed the guests.",
     ("Ana Ruiz", "Ambassador to Norway", "Chilean Government", "Chile")),
    ("Kenya's Cabinet Secretary for Education, Amos Koech, sent a message to the forum.",
     ("Amos Koech", "Cabinet Secretary for Education", "Kenyan Government", "Kenya")),
    ("U.S. Interior Secretary John Park opened the exhibition.",
     ("John Park", "Interior Secretary", "American Government", "United States")),
    ("Prime Minister of Iceland Ruth Adams was invited.",
     ("Ruth Adams", "Prime Minister", "Government of Iceland", "Iceland")),
    ("Above: Rita Olsen (right), Norway's Minister of Fisheries and Oceans, greets the visitors.",
     ("Rita Olsen", "Minister of Fisheries and Oceans", "Norwegian Government", "Norway")),
    ("The session was opened by Dr. Paulo Mendes, Brazil's Minister of Science, Technology and Innovation.",
     ("Paulo Mendes", "Minister of Science, Technology and Innovation", "Brazilian Government", "Brazil")),
])
def test_a_public_office_is_a_post_in_the_countrys_government(text, expected):
    assert expected in offices(text)


@pytest.mark.parametrize("text", [
    "Minister Eva Lind and Governor Tim Walsh also spoke.",  # whose minister: not written
    "The Ambassador to Norway, Ana Ruiz, welcomed the guests.",  # where she serves, not whose she is
    "Dr. Lena Frost, Executive Secretary of the Lusophone Data Council, chaired the session.",  # a body's post
    "CODATA Executive Secretary Simon Berg opened the meeting.",  # a body's acronym, no country
])
def test_no_country_no_public_office(text):
    assert offices(text) == set()


@pytest.mark.parametrize("text, name", [
    ("Brazilian Minister of Science and Technology Helena Duarte visited the centre.", "Helena Duarte"),
    ("The Chilean Ambassador to Norway, Ana Ruiz, welcomed the delegation.", "Ana Ruiz"),
    ("Deputy Minister of Higher Education and Research Ines Morel signed for France.", "Ines Morel"),
])
def test_the_holder_of_an_office_is_a_person(text, name):
    x = read(text)
    people = {e.label for e in x.entities.values() if e.kind == "person"}
    assert name in people
    assert not any(name in e.label for e in x.entities.values() if e.kind == "organization")


def test_two_officials_of_one_country_share_its_government():
    x = read("Brazilian Minister of Science and Technology Helena Duarte and Marcos Vidal, Deputy Minister of "
             "Education of Brazil, visited the Nordic Data Institute on 4 March 2024.")
    govs = {f.obj for f in x.facts if f.predicate == "org:postIn" and f.evidence.method == "rule:public-office"}
    assert len(govs) == 1
    (gov,) = govs
    assert x.entities[gov].label == "Brazilian Government"
    assert [x.entities[f.obj].label for f in x.facts if f.subject == gov and f.predicate == "ckg:country"] == ["Brazil"]


def test_a_weekday_after_a_bodys_name_is_no_part_of_it():
    x = read("Brazilian Minister of Science and Technology Helena Duarte visited the Norwegian Polar Data Centre on Tuesday.")
    bodies = {e.label for e in x.entities.values() if e.kind == "organization"}
    assert "Norwegian Polar Data Centre" in bodies
    assert not any("Tuesday" in b for b in bodies)
