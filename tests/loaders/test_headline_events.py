"""An event page whose title is the event's name with its dates and place: "Workshop on Glacier Data
Standards, 3-5 June 2024, Nairobi". The page is that event's: its name, dates and place come from
the title, and "the workshop" of the body text is that event. All documents are our own writing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

BODY = ("The workshop brought together 40 experts from twelve countries. It was organised by the Kenya Data Centre "
        "with support from the Nordic Ice Institute.")


def read(title: str, body: str = BODY):
    return extract(Document(Path("t.txt"), f"{title}\n\n{body}\n", issued=dt.date(2024, 6, 10)))


@pytest.mark.parametrize("title, name, start, end, place", [
    ("Workshop on Glacier Data Standards, 3-5 June 2024, Nairobi", "Workshop on Glacier Data Standards", "2024-06-03", "2024-06-05", "Nairobi"),
    ("Nordic Ice School (Tromso, 4-8 March 2024)", "Nordic Ice School", "2024-03-04", "2024-03-08", "Tromsø"),
    ("International Symposium on Polar Data | 12 May 2023 | Reykjavik", "International Symposium on Polar Data", "2023-05-12", None, "Reykjavik"),
    ("Andean Snow Data Meeting - 2 February 2024", "Andean Snow Data Meeting", "2024-02-02", None, None),
])
def test_the_title_names_the_event_its_dates_and_place(title, name, start, end, place):
    x = read(title)
    events = {k: e for k, e in x.entities.items() if e.kind == "event"}
    key = next(k for k, e in events.items() if e.label == name)
    got = {(f.predicate, str(f.obj)) for f in x.facts if f.subject == key}
    assert ("schema:startDate", start) in got
    assert (("schema:endDate", end) in got) if end else not any(p == "schema:endDate" for p, _ in got)
    places = {x.entities[o].label for p, o in got if p == "schema:location"}
    assert places == ({place} if place else set())
    # the body's "the workshop" / "It" is the title's event: its organizer and sponsor
    assert ("schema:organizer", "organization/kenya data centre") in got
    assert len(events) == 1


@pytest.mark.parametrize("title", [
    "Call for papers: Workshop on Glacier Data Standards, deadline 3 May 2024",
    "Workshop on Glacier Data Standards",  # no date: the title alone says nothing of when
    "Registration open for the Nordic Ice School, 4-8 March 2024",
])
def test_no_event_from_a_title_without_a_date_or_about_one_to_come(title):
    x = read(title, "Details follow.")
    assert not [f for f in x.facts if f.evidence.method == "rule:headline-event"]


# -- the title alone, its dates and place on the line under it -------------------------------------

def read_file(tmp_path, text: str):
    from collabkg.loaders.documents import read_document

    p = tmp_path / "page.txt"
    p.write_text(text + "\n\n" + BODY + "\n", encoding="utf-8")
    return extract(read_document(p))


@pytest.mark.parametrize("page, name, start, end, place", [
    ("Regional Workshop on Coastal Data in the Baltic\nRiga, 9-11 April 2024 | Institute Auditorium",
     "Regional Workshop on Coastal Data in the Baltic", "2024-04-09", "2024-04-11", "Riga"),
    ("National Workshop on Open Data Practices\nDate of Event: 21-22 February 2024 | Venue: Academy Auditorium, Nairobi",
     "National Workshop on Open Data Practices", "2024-02-21", "2024-02-22", "Nairobi"),
    ("Nordic Ice School\nTromso, Norway, 4-8 March 2024", "Nordic Ice School", "2024-03-04", "2024-03-08", "Tromsø"),
    # under a site's navigation, or its name and a breadcrumb the cleaning drops
    ("NDI | Activities | Events 2024 | Past Events\nNational Workshop on Open Data Practices\n"
     "Date of Event: 21-22 February 2024 | Venue: Academy Auditorium, Nairobi",
     "National Workshop on Open Data Practices", "2024-02-21", "2024-02-22", "Nairobi"),
    ("Polar Data Centre\nHome / Meetings / Reports\nWorkshop on Arctic Data Centres\nTromso, Norway, 16-17 May 2024",
     "Workshop on Arctic Data Centres", "2024-05-16", "2024-05-17", "Tromsø"),
])
def test_the_title_names_the_event_and_the_line_under_it_its_dates_and_place(tmp_path, page, name, start, end, place):
    x = read_file(tmp_path, page)
    events = {k: e for k, e in x.entities.items() if e.kind == "event"}
    key = next(k for k, e in events.items() if e.label == name)
    got = {(f.predicate, str(f.obj)) for f in x.facts if f.subject == key}
    assert ("schema:startDate", start) in got and ("schema:endDate", end) in got
    assert {x.entities[o].label for p, o in got if p == "schema:location"} == {place}
    assert ("schema:organizer", "organization/kenya data centre") in got
    assert len(events) == 1
    # one event, not also a series of the same name
    assert not [e for e in x.entities.values() if e.kind == "cooperation"]


@pytest.mark.parametrize("page", [
    "Regional Workshop on Coastal Data\nRiga | Institute Auditorium",             # no date under the title
    "Regional Workshop on Coastal Data\nThe workshop opened in Riga on 9 April 2024 with a keynote.",  # a sentence, no dateline
    # the page's own date line, not the event's: when it was published
    "Regional Workshop on Coastal Data\n2024-06-16 | Source: Nordic Data Institute | Text Size: A A A",
    # a headline that says something ("X Hosts ..."), over the page's date
    "Institute Hosts Training Workshop on Coastal Data\nRiga, 16 June 2024",
])
def test_no_event_from_the_title_when_the_line_under_it_is_no_dateline(tmp_path, page):
    x = read_file(tmp_path, page)
    assert not [f for f in x.facts if f.evidence.method == "rule:headline-event"]


@pytest.mark.parametrize("sentence", [
    "The Kenya Data Centre organised a two-day National Workshop on Open Data Practices on 21-22 February 2024 in Nairobi.",
    "The National Workshop on Open Data Practices was held in Nairobi on 21-22 February 2024 by the Kenya Data Centre.",
    "The Kenya Data Centre hosted the 2-day National Workshop on Open Data Practices in Nairobi.",
])
def test_the_body_naming_the_titles_event_speaks_of_that_one_event(tmp_path, sentence):
    """The headline's event named again in the text (with how long it lasted, or as held): one event."""
    p = tmp_path / "page.txt"
    p.write_text("National Workshop on Open Data Practices\nDate of Event: 21-22 February 2024 | Venue: Academy Auditorium, Nairobi\n\n"
                 + sentence + "\n", encoding="utf-8")
    from collabkg.loaders.documents import read_document

    x = extract(read_document(p))
    events = {k: e for k, e in x.entities.items() if e.kind == "event"}
    assert [e.label for e in events.values()] == ["National Workshop on Open Data Practices"]
    (key,) = events
    assert "organization/kenya data centre" in x.objects(key, "schema:organizer")


@pytest.mark.parametrize("text, label", [
    ("The Nordic Ice Institute organised a three-day workshop on polar data in Oslo on 4-6 May 2024.", "Workshop"),
    ("The Nordic Ice Institute held a two-day seminar in Oslo on 4-5 May 2024.", "Seminar"),
    # a named one, held in a city: the city is where it was, not part of its name (nor of its series')
    ("The Nordic Ice Institute organised a three-day Polar Data Workshop in Oslo on 4-6 May 2024.", "Polar Data Workshop 2024"),
])
def test_how_long_an_event_lasted_is_no_part_of_its_name(text, label):
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 6, 10)))
    assert [e.label for e in x.entities.values() if e.kind == "event"] == [label]
    assert not [e.label for e in x.entities.values() if e.kind == "cooperation" and "Oslo" in e.label]


@pytest.mark.parametrize("text, label", [
    # two names joined by a dash are one name
    ("From November 5 to 6, the Second Nordic–Baltic Research Data Dialogue was successfully held at the Nordic Data Institute "
     "in Riga. The dialogue was organised by the Nordic Data Institute.", "Second Nordic–Baltic Research Data Dialogue"),
    ("The Third Andes–Amazon Data Workshop took place in Quito on 4 May 2024.", "Third Andes–Amazon Data Workshop"),
])
def test_a_numbered_event_named_with_a_dash_keeps_its_whole_name(text, label):
    x = read(f"Joint Statement Issued at the {label}", text)
    assert label in {e.label for e in x.entities.values() if e.kind == "event"}


@pytest.mark.parametrize("title", [
    "BDW 2025 | Baltic–Nordic Research Data Symposium",
    "Baltic–Nordic Research Data Symposium 2025",
])
def test_an_event_page_titled_by_its_series_name_and_year_is_that_years_event(title, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(f"{title}\nHome | Programme | Speakers | Register\n\nProgramme > Day 1\n\n"
                    "The Baltic–Nordic Research Data Symposium is organised by the Nordic Data Institute every two years. "
                    "This year it brings together 200 data stewards.\n", encoding="utf-8")
    from collabkg.loaders.documents import read_document  # noqa: PLC0415
    x = extract(read_document(page))
    events = {e.label for e in x.entities.values() if e.kind == "event"}
    assert any(label.startswith("Baltic–Nordic Research Data Symposium") for label in events), events
