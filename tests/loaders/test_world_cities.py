"""The gazetteer's world cities (loaders/world_cities.yaml): capitals and cities of a million people,
under the hand-kept list and the country names, without names that are ordinary words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from collabkg.loaders.registry import load_places


@pytest.mark.parametrize("name, country", [("Accra", "GH"), ("Kigali", "RW"), ("Bogotá", "CO"), ("Bogota", "CO"),
                                           ("Ulaanbaatar", "MN"), ("Mexico City", "MX"),
                                           # capitals named like a province of their country: the capital
                                           ("Lima", "PE"), ("Vilnius", "LT"), ("Tallinn", "EE"), ("Kyiv", "UA"), ("Dushanbe", "TJ")])
def test_capitals_and_large_cities_are_known(name, country):
    assert load_places().cities[name][1] == country


@pytest.mark.parametrize("word", ["Male", "Victoria", "Douglas", "Hamilton", "Kingston", "Pest", "Mexico", "Kuwait", "Sofia", "Salzburg"])
def test_words_names_and_countries_are_no_cities(word):
    assert word not in load_places().cities


def test_the_hand_kept_list_wins():
    # places.yaml keeps Hyderabad in India; GeoNames has a Hyderabad in Pakistan as well
    assert load_places().cities["Hyderabad"][1] == "IN"


def test_a_meeting_in_a_capital_the_model_reads_as_a_body():
    x = extract(Document(Path("t.txt"), "News\n\nThe Volta Data Committee met in Accra on 12 March 2024.\n", issued=dt.date(2024, 4, 1)))
    assert x.entities["place/accra-gh"].label == "Accra"
    assert ("place/accra-gh", "schema:containedInPlace", "place/gh") in {(f.subject, f.predicate, f.obj) for f in x.facts}
