"""A news agency's dateline before a signing sentence (documents of our own): "RESTON, Va. – A and B
signed ...", "BOULDER, Colo. — ...", "LIMA, Peru — ...". The city in capitals is a city (not a body
named "RESTON"), an abbreviated US state is its state (body_corrections._dateline_cities), and
neither the dateline's city, state nor country is a party of the agreement signed in the sentence
(extract_agreements); so is a city in title case with a known state or country ("Golden, Colo. –"), but not
a name and its suffix ("Smith, Jr. –"). Two countries that sign are still the parties. "Director Dr. A and
B chief Dr. C signed": the titled name before "and" is a person, not the start of B's name
(body_corrections._titled_person_and_body)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def read(text: str):
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 5, 3)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    kinds = {(e.kind, e.label) for e in x.entities.values()}
    return kinds, {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts}


@pytest.mark.parametrize("dateline, city, state", [
    ("RESTON, Va. –", "Reston", "Virginia"),
    ("BOULDER, Colo. —", "Boulder", "Colorado"),
    ("MENLO PARK, Calif. --", "Menlo Park", "California"),
    ("Golden, Colo. –", "Golden", "Colorado"),  # the city in title case
    ("Boulder, Colorado —", "Boulder", "Colorado"),
])
def test_a_city_and_its_state_in_a_dateline(dateline, city, state):
    kinds, facts = read(f"Agencies sign data letter\n\n{dateline} The National Center for Atmospheric Research and the "
                        "University of Lima signed a memorandum of understanding on Tuesday.\n")
    assert ("place", city) in kinds and ("place", state) in kinds
    assert not [k for k in kinds if k[0] == "organization" and k[1].upper() == k[1]]  # no body "RESTON"
    parties = {o for s, p, o in facts if p == "ckg:party"}
    assert parties == {"National Center for Atmospheric Research", "University of Lima"}


def test_a_datelines_country_is_no_party():
    _, facts = read("Agencies sign data letter\n\nLIMA, Peru — The Peruvian Geological Survey and the University of Lima "
                    "signed a memorandum of understanding.\n")
    assert {o for s, p, o in facts if p == "ckg:party"} == {"Peruvian Geological Survey", "University of Lima"}


def test_countries_that_sign_are_parties():
    _, facts = read("News\n\nLIMA, Peru — Peru and Chile signed an agreement on ocean data.\n")
    assert {o for s, p, o in facts if p == "ckg:party"} == {"Peru", "Chile"}


def test_a_name_and_a_suffix_before_a_dash_is_no_dateline():
    kinds, _ = read("News\n\nSmith, Jr. – The National Center for Atmospheric Research and the University of Lima signed a "
                    "memorandum of understanding.\n")
    assert not [k for k in kinds if k[0] == "place"]


@pytest.mark.parametrize("signers", [
    "NREL Director Dr. Ana Ruiz and Peruvian Geological Survey chief Dr. Tomas Reyes",
    "Dr. Ana Ruiz and Peruvian Geological Survey chief Dr. Tomas Reyes",
])
def test_signers_each_with_a_body_and_a_title(signers):
    # "Dr. A and B chief Dr. C": a titled person's name is never the start of a body's name
    kinds, facts = read(f"Agencies sign data letter\n\nGolden, Colo. – {signers} signed a memorandum of understanding on Monday.\n")
    assert ("person", "Ana Ruiz") in kinds and ("person", "Tomas Reyes") in kinds
    assert ("organization", "Peruvian Geological Survey") in kinds
    assert not [k for k in kinds if k[0] == "organization" and " and " in k[1]]
