"""A report that says where and when its series meets next: the next edition is an event of its
own, still to come (``schema:EventScheduled``), named by the series and its number or year, with
the place, host and year its clause gives; the reported edition keeps its own place and date. All
documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def _read(text: str):
    return extract(Document(Path("report.txt"), text, issued=dt.date(2024, 5, 10)))


def _facts(x, key: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in x.facts:
        if f.subject == key:
            obj = x.entities[f.obj].label if isinstance(f.obj, str) and f.obj in x.entities else str(f.obj)
            out.setdefault(f.predicate, set()).add(obj)
    return out


def _scheduled(x) -> list[str]:
    return [k for k, e in x.entities.items() if e.kind == "event"
            and any(f.subject == k and f.predicate == "schema:eventStatus" and str(f.obj) == "schema:EventScheduled" for f in x.facts)]


ASSEMBLY = "The Global Union of Ocean Data held its 4th General Assembly in Lisbon, Portugal, on 3 May 2024. "
FORUM = "The 3rd Polar Data Forum took place in Oslo on 3 May 2024. "
CONGRESS = "The 5th Congress of the Polar Data Alliance was held in Oslo on 3 May 2024. "

CASES = [
    # (text, label of the next edition, its places, its organisers, its year)
    (ASSEMBLY + "The next General Assembly will be held in Kyoto, Japan, in 2026.",
     "5th General Assembly", {"Kyoto"}, set(), "2026"),
    (FORUM + "Tromso will host the 4th Polar Data Forum in 2026.",
     "Fourth Polar Data Forum", {"Tromsø"}, set(), "2026"),
    (FORUM + "The next forum will be hosted by the University of Tartu in Tartu in May 2026.",
     "Fourth Polar Data Forum", {"Tartu"}, {"University of Tartu"}, "2026"),
    (CONGRESS + "Nairobi was chosen to host the next Congress in 2026.",
     "6th Congress of the Polar Data Alliance", {"Nairobi"}, {"Polar Data Alliance"}, "2026"),
    (CONGRESS + "Delegates chose Nairobi as the venue of the next Congress, to be held in 2026.",
     "6th Congress of the Polar Data Alliance", {"Nairobi"}, {"Polar Data Alliance"}, "2026"),
    (CONGRESS + "The Alliance accepted the offer of the Kenya Data Institute to host the 6th Congress in Nairobi in 2026.",
     "6th Congress of the Polar Data Alliance", {"Nairobi"}, {"Polar Data Alliance", "Kenya Data Institute"}, "2026"),
    (CONGRESS + "The bid by the city of Hobart, Australia, won the vote and it will host the 6th Congress in 2028.",
     "6th Congress of the Polar Data Alliance", {"Hobart"}, {"Polar Data Alliance"}, "2028"),
]


@pytest.mark.parametrize("text,label,places,organisers,year", CASES)
def test_the_next_edition_is_an_event_still_to_come(text, label, places, organisers, year):
    x = _read(text)
    nxt = _scheduled(x)
    assert [x.entities[k].label for k in nxt] == [label]
    facts = _facts(x, nxt[0])
    assert {p.split(",")[0] for p in facts.get("schema:location", set())} == places
    assert facts.get("schema:organizer", set()) == organisers
    assert facts.get("schema:startDate") == {year}
    # the reported edition keeps its own place and date, and lends none to the next
    held = [k for k, e in x.entities.items() if e.kind == "event" and k not in nxt]
    assert len(held) == 1
    mine = _facts(x, held[0])
    assert mine["schema:startDate"] == {"2024-05-03"}
    assert {p for p in mine["schema:location"]} in ({"Lisbon"}, {"Oslo"})


def test_an_edition_of_a_series_named_by_year_is_keyed_as_the_series_keys_its_editions():
    x = _read("The Nordic Ice Workshop 2024 was held in Bergen on 3-4 June 2024. The next workshop will take place in Umea, Sweden, in 2025.")
    assert _scheduled(x) == ["event/nordic ice workshop|2025"]
    facts = _facts(x, "event/nordic ice workshop|2025")
    assert facts["schema:superEvent"] == {"Nordic Ice Workshop"} and facts["schema:startDate"] == {"2025"}
    assert {p.split(",")[0] for p in facts["schema:location"]} in ({"Umeå"}, {"Umea"})


@pytest.mark.parametrize("text", [
    # no other edition spoken of
    FORUM + "Participants will publish a joint report in 2025.",
    # an earlier edition is no next one
    FORUM + "Delegates recalled the 2nd Polar Data Forum, which will be remembered for its data challenge.",
    # a next edition told as past is a held one, not one to come
    FORUM + "The next forum was held in Bergen in 2025.",
    # a report whose event has no name of a series: no next edition to name
    "The Baltic Data Council met in Riga on 3 May 2024. The next meeting is scheduled for March 2025 in Tallinn.",
])
def test_no_next_edition_is_made_up(text):
    assert _scheduled(_read(text)) == []


def test_a_next_edition_spoken_of_in_passing_is_one_to_come_with_its_owner():
    x = _read(FORUM + "Participants voted on the venue of the next Forum of the Nordic Data Union.")
    assert _scheduled(x) == ["event/polar data forum|4"]
    assert _facts(x, "event/polar data forum|4")["schema:organizer"] == {"Nordic Data Union"}
