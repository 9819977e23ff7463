"""A named event the text reads once is an event, not a series of it (loaders/one_off_events.py), in
several forms of our own writing: reported ("was held", "opened"), in an apposition ("a technical
meeting, the X Roundtable, held ... and co-organized by A and B") and still to come ("to be held in
Lima in 2026", ", which will be jointly organized by A and B in Quito"). A name the text says recurs
("annual", "series", a year or an ordinal with it, another edition) keeps its series. An event's
name ends before a clause about it (", which will be ...")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

LEAD = "Andean bodies meet\n\nLIMA, 5 November 2025 - The Peruvian Geological Survey and the Bolivian Academy of Sciences met in Lima.\n\n"


def run(text: str):
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2025, 11, 5)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return x, label


def named(x, kind: str) -> list[str]:
    return sorted(e.label for e in x.entities.values() if e.kind == kind)


def facts_of(x, label, name: str, *predicates) -> set:
    return {(f.predicate, label(f.obj)) for f in x.facts if label(f.subject) == name and f.predicate in predicates}


@pytest.mark.parametrize("sentence, name", [
    ("The Andean Geoscience Data Roundtable was held on 1-2 November in Guayaquil.", "Andean Geoscience Data Roundtable"),
    ("The Baltic Sea Data Recovery Workshop opened on Monday in Guayaquil with 60 participants.", "Baltic Sea Data Recovery Workshop"),
    ("On 3 November the Joint Peru-Bolivia Workshop on Seismic Data was held in Guayaquil.", "Joint Peru-Bolivia Workshop on Seismic Data"),
])
def test_a_named_event_reported_once_is_one_event_and_no_series(sentence, name):
    x, label = run(LEAD + sentence + "\n")
    assert name in named(x, "event")
    assert name not in named(x, "cooperation")  # was a series of the same name too
    key = next(k for k, e in x.entities.items() if e.kind == "event" and e.label == name)
    assert not x.objects(key, "schema:superEvent")  # no edition of itself
    assert ("schema:location", "Guayaquil") in facts_of(x, label, name, "schema:location")


def test_a_named_countries_event_keeps_the_countries_of_its_name():
    x, label = run(LEAD + "The Joint Peru-Bolivia Workshop on Seismic Data was held on 3 November in Guayaquil.\n")
    countries = {(x.entities[f.subject].kind, label(f.obj)) for f in x.facts if f.predicate == "ckg:country"}
    assert countries == {("event", "Peru"), ("event", "Bolivia")}  # were the series'


def test_co_organisers_of_a_named_event_in_an_apposition_organise_it():
    x, label = run(LEAD + "The talks followed a two-day technical meeting, the Andean Geoscience Data Roundtable, held "
                   "November 1-2 and co-organized by the Chilean Hydrographic Service and the Ecuadorian Space Institute.\n")
    assert "Andean Geoscience Data Roundtable" not in named(x, "cooperation")
    assert facts_of(x, label, "Andean Geoscience Data Roundtable", "schema:organizer", "ckg:partner") == {
        ("schema:organizer", "Chilean Hydrographic Service"), ("schema:organizer", "Ecuadorian Space Institute")}


@pytest.mark.parametrize("sentence, name, place, date, organizers", [
    ("The work package includes a Summer School on Ocean Data Rescue to be held in Medellín in 2026.",
     "Summer School on Ocean Data Rescue", "Medellín", "2026", set()),
    ("The two sides also discussed the Open Science Training Workshop for Andean Countries, which will be jointly organized "
     "by the Chilean Hydrographic Service and the Ecuadorian Space Institute in Quito in 2026.",
     "Open Science Training Workshop for Andean Countries", "Quito", "2026",
     {"Chilean Hydrographic Service", "Ecuadorian Space Institute"}),
    ("Both agencies will contribute to the Pacific Tsunami Data Forum, which is scheduled to be held in Santiago on 4 March 2026.",
     "Pacific Tsunami Data Forum", "Santiago", "2026-03-04", set()),
])
def test_a_named_event_announced_once_is_one_event_still_to_come(sentence, name, place, date, organizers):
    x, label = run(LEAD + sentence + "\n")
    assert named(x, "cooperation") == []
    assert name in named(x, "event")  # the name, without the clause after it
    got = facts_of(x, label, name, "schema:eventStatus", "schema:location", "schema:startDate", "schema:organizer")
    assert ("schema:eventStatus", "schema:EventScheduled") in got
    assert ("schema:location", place) in got
    assert ("schema:startDate", date) in got
    assert {o for p, o in got if p == "schema:organizer"} == organizers


@pytest.mark.parametrize("sentence, series", [
    ("The annual Andean Geoscience Data Roundtable was held on 1-2 November in Guayaquil.", "Andean Geoscience Data Roundtable"),
    ("The Baltic Sea Data Recovery Workshop, a series begun by the two bodies, met on Monday in Guayaquil.", "Baltic Sea Data Recovery Workshop"),
    ("The Andean Geoscience Data Roundtable was held on 1-2 November in Guayaquil. The 2nd Andean Geoscience Data Roundtable "
     "will take place in La Paz in 2026.", "Andean Geoscience Data Roundtable"),
    ("The Pacific Tsunami Data Forum, which will be held every year in Santiago, was launched by both agencies.",
     "Pacific Tsunami Data Forum"),
])
def test_a_name_the_text_says_recurs_keeps_its_series(sentence, series):
    x, _ = run(LEAD + sentence + "\n")
    assert series in named(x, "cooperation")


def test_an_events_name_ends_before_a_clause_about_it():
    x, _ = run(LEAD + "The delegates also reviewed the Coastal Data Workshop for Andean Countries, which was organized by "
               "the Chilean Hydrographic Service in Arica in 2024, and agreed to meet again.\n")
    assert not [n for n in named(x, "event") if "which" in n or "organized" in n]
