"""An agreement named with its purpose before its parties: "An agreement for glacier monitoring,
staff training and joint field work between A and B", "a Memorandum of Understanding on Scientific
Cooperation between A and B". The parties are read past a purpose that lists several fields, and
the purpose, whole, names the agreement. All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def agreements(text: str) -> dict[str, set[str]]:
    x = extract(Document(Path("t.txt"), f"Agreement news\n\n{text}\n", issued=dt.date(2024, 3, 1)))
    out: dict[str, set[str]] = {}
    for f in x.facts:
        if f.predicate == "ckg:party":
            out.setdefault(x.entities[f.subject].label, set()).add(x.entities[f.obj].label)
    return out


@pytest.mark.parametrize("text, label, parties", [
    ("An agreement for glacier monitoring, staff training and joint field work between the Nordic Academy of Letters and the "
     "Pacific Academy of Sciences was signed in Suva on 9 June 2023.",
     "Agreement between Nordic Academy of Letters and Pacific Academy of Sciences on glacier monitoring, staff training and joint field work",
     {"Nordic Academy of Letters", "Pacific Academy of Sciences"}),
    ("A memorandum on training, data exchange and joint research between the Baltic Ice Institute and the Kenya "
     "Data Centre was concluded on 2 May 2022.",
     None,
     {"Baltic Ice Institute", "Kenya Data Centre"}),
    ("During the visit, a Memorandum of Understanding on Scientific Cooperation between the Andean Academy of "
     "Sciences and the University of Lisbon was signed.",
     None, {"Andean Academy of Sciences", "University of Lisbon"}),
])
def test_the_parties_after_a_purpose(text, label, parties):
    got = agreements(text)
    assert list(got.values()) == [parties]
    if label:
        assert list(got) == [label]


def test_a_comma_still_ends_the_purpose_before_another_clause():
    # "talks between" belongs to another clause: the agreement's parties are not read from it
    got = agreements("An agreement on data exchange was signed in Suva, and talks between the Nordic Academy of Letters "
                     "and the Pacific Academy of Sciences followed.")
    assert not any({"Nordic Academy of Letters", "Pacific Academy of Sciences"} <= v for v in got.values())


def test_a_country_in_parentheses_after_a_body_is_no_party():
    got = agreements("The Andean Glacier Centre works with partners abroad. It has signed cooperation agreements with the "
                     "University of Innsbruck (Austria), the Swiss Snow Institute (Switzerland) and Hokkaido University (Japan).")
    assert not any(p in parties for parties in got.values() for p in ("Austria", "Switzerland", "Japan"))
    assert {frozenset(v) for v in got.values()} == {frozenset({"Andean Glacier Centre", b}) for b in
                                                    ("University of Innsbruck", "Swiss Snow Institute", "Hokkaido University")}


@pytest.mark.parametrize("text", [
    "A memorandum of understanding was signed between the Nordic Data Institute and Tartu University for the establishment "
    "of the Nordic-Baltic Joint Data Laboratory (NBJDL).",
    "A Letter of Intent was signed between the Nordic Data Institute and Tartu University for the installation of the Baltic "
    "Sky Mirror, a node that will copy the catalogues.",
    "An agreement was concluded between the Nordic Data Institute and Tartu University to establish the Baltic Data Cube.",
])
def test_what_an_agreement_is_for_after_its_parties_is_no_party(text):
    (parties,) = agreements(text).values()
    assert parties == {"Nordic Data Institute", "Tartu University"}


def test_a_bodys_name_with_for_stays_one_party():
    (parties,) = agreements("A Letter of Intent was signed between the Nordic Data Institute and the Committee for Space Research "
                            "for the exchange of satellite data.").values()
    assert parties == {"Nordic Data Institute", "Committee for Space Research"}
