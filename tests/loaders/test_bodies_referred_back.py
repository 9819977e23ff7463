"""A body named once in full and then by its head noun: "The Union's secretariat is located at the
Baltic Ice Institute", "The current President of the Union is Prof. X". The secretariat is the
union's unit, and "the Union" stays the union (not the unit whose name ends with it). All documents
are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from tests.loaders.post_facts import post_triples

PAGE = ("About the Polar Data Union\n\nThe Polar Data Union is an association of institutions that manage polar research "
        "data. The Union's secretariat is located at the Baltic Ice Institute in Riga. The current President of the "
        "Union is Prof. Marta Kowalczyk.\n")


def test_the_unit_after_the_heads_possessive_is_the_bodys_and_the_head_stays_the_body():
    x = extract(Document(Path("t.txt"), PAGE, issued=dt.date(2024, 5, 1)))
    label = lambda k: x.entities[k].label  # noqa: E731
    parts = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}
    assert ("Secretariat of the Polar Data Union", "Polar Data Union") in parts
    posts = {(person, body) for person, _, body in post_triples(x)}
    assert posts == {("Marta Kowalczyk", "Polar Data Union")}
    assert not any("Union's" in e.label or "Union s" in e.label for e in x.entities.values())


def test_with_no_body_named_before_the_mention_is_left_alone():
    x = extract(Document(Path("t.txt"), "News\n\nThe Union's secretariat moved to Riga in 2023.\n", issued=dt.date(2024, 5, 1)))
    assert not any(f.predicate == "org:subOrganizationOf" for f in x.facts)


def test_an_acronym_never_defined_is_the_one_body_whose_initials_it_spells():
    text = ("News\n\nA delegation visited the Baltic Ice Institute in Riga on 9 October 2024. The guests met with BII Deputy "
            "Director Dr. Liga Ozola.\n")
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 10, 10)))
    bodies = {k: e for k, e in x.entities.items() if e.kind == "organization"}
    assert list(bodies) == ["organization/baltic ice institute"] and "BII" in bodies["organization/baltic ice institute"].acronyms
    posts = {x.entities[f.obj].label for f in x.facts if f.predicate == "org:postIn"}
    assert posts == {"Baltic Ice Institute"}


def test_two_bodies_with_those_initials_leave_the_acronym_its_own():
    text = ("News\n\nThe Baltic Ice Institute and the Bergen Imaging Institute met in Riga on 9 October 2024. "
            "BII Director Dr. Liga Ozola spoke.\n")
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 10, 10)))
    for k in ("organization/baltic ice institute", "organization/bergen imaging institute"):
        assert "BII" not in x.entities[k].acronyms


def test_its_after_a_sentence_about_the_body_referred_back_is_that_body():
    text = ("News\n\nThe Baltic Ice Institute opened in Riga in 1994. The institute moved to a new building in 2020. "
            "Its director is Dr. Andris Ozols.\n\nSNOWNET is a four-year project funded by the Nordic Research Council. "
            "The project started in January 2023. Its principal investigator is Prof. Anna Virtanen.\n")
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 10, 10)))
    label = lambda k: x.entities[k].label  # noqa: E731
    posts = {(person, body) for person, _, body in post_triples(x)}
    assert ("Andris Ozols", "Baltic Ice Institute") in posts
    leaders = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "ckg:leader"}
    assert ("SNOWNET", "Anna Virtanen") in leaders



@pytest.mark.parametrize("text, expected", [
    ("The Chilean Ice Data Committee (CIDC) took part in the forum. The committee was represented by its chair, Prof. "
     "Ricardo Mena, and its secretary, Dr. Camila Rojas.",
     {("Ricardo Mena", "Chilean Ice Data Committee"), ("Camila Rojas", "Chilean Ice Data Committee")}),
    ("The Baltic Ice Institute sent two researchers; its director, Dr. Andris Ozols, led them.",
     {("Andris Ozols", "Baltic Ice Institute")}),
])
def test_its_later_in_a_sentence_is_the_clause_s_subject_body(text, expected):
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2024, 5, 1)))
    assert {(person, body) for person, _, body in post_triples(x)} == expected


def test_its_after_another_body_is_not_read_as_the_subject():
    x = extract(Document(Path("t.txt"), "News\n\nThe Baltic Ice Institute met the Nordic Snow Council and its director, Dr. "
                         "Andris Ozols.\n", issued=dt.date(2024, 5, 1)))
    assert ("Andris Ozols", "Baltic Ice Institute") not in {(p, b) for p, _, b in post_triples(x)}


@pytest.mark.parametrize("text, unit, body", [
    ("The Western Academy of Sciences hosted the talks. Sun Mei, Director-General of the academy's Bureau of International "
     "Cooperation, attended.", "Bureau of International Cooperation", "Western Academy of Sciences"),
    ("The Baltic Ice University and the Nordic Snow Institute met in Riga. The university's Centre for Ice Physics sent two "
     "experts.", "Centre for Ice Physics", "Baltic Ice University"),
    ("The Mongolian Academy of Sciences and the Chinese Academy of Forestry signed an agreement. The Mongolian academy's "
     "Institute of Steppe Ecology will host the station.", "Institute of Steppe Ecology", "Mongolian Academy of Sciences"),
])
def test_a_unit_after_the_head_noun_s_possessive_is_the_unit_of_that_body(text, unit, body):
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2024, 5, 1)))
    label = lambda k: x.entities[k].label  # noqa: E731
    parts = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}
    assert (unit, body) in parts


def test_the_registry_s_unit_of_another_academy_is_not_taken_for_the_unit_referred_to():
    x = extract(Document(Path("t.txt"), "News\n\nThe Western Academy of Sciences hosted the talks. Sun Mei, Director-General of "
                         "the academy's Bureau of International Cooperation, attended.\n", issued=dt.date(2024, 5, 1)))
    (post,) = post_triples(x)
    assert post[0] == "Sun Mei" and post[1] == "Director-General"
    bureau = next(k for k, e in x.entities.items() if e.label == post[2])
    assert [x.entities[o].label for o in x.objects(bureau, "org:subOrganizationOf")] == ["Western Academy of Sciences"]
