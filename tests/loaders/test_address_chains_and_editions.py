"""Extractor 11's phenomena, each in several forms of our own writing: a unit written with its body
and city ("the Institute of X (IX), Academy of Y (AY), Tromso") is one venue or one host, not a list
of bodies; a department of a university is its unit; "It" opening a sentence goes on about the event
the sentence before was about; each year of a named series is an event of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def run(text: str, issued: dt.date | None = dt.date(2024, 9, 1)):
    x = extract(Document(Path("t.txt"), text, issued=issued, title=None))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return x, label


def facts(x, label, *predicates):
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in predicates}


def objects(x, label, predicate):
    return {o for _, _, o in facts(x, label, predicate)}


# -- a unit, its body and their city --------------------------------------------------------------

VENUE_WITH_ACRONYMS = """Polar data news

Some 80 researchers took part in the Nordic Data Conference 2024, which took place on 3–4 June at the Institute of Polar Research (IPR), Norwegian Academy of Polar Sciences (NAPS), Tromsø. The conference was co-hosted by IPR, NAPS, and the Bergen Ocean Data Centre.
"""

VENUE_WITHOUT_ACRONYMS = """Sea ice news

The Sea Ice Data Workshop took place at the Department of Glaciology, University of Uppsala, Uppsala, on 12 March 2023. It was organized by the Department of Glaciology, University of Uppsala, with support from the Baltic Research Council.
"""

HOST_BEFORE_A_VERB = """Forum news

The Marine Institute (MI), Finnish Academy of Marine Sciences (FAMS), hosted the Baltic Ocean Data Forum 2022 in Helsinki on 9–10 May.
"""


def test_a_unit_its_body_and_a_city_are_one_venue_and_one_host():
    x, label = run(VENUE_WITH_ACRONYMS, issued=dt.date(2023, 1, 15))
    assert ("Institute of Polar Research", "org:subOrganizationOf", "Norwegian Academy of Polar Sciences") in facts(x, label, "org:subOrganizationOf")
    where = objects(x, label, "schema:location")
    assert "Institute of Polar Research" in where
    assert "Norwegian Academy of Polar Sciences" not in where  # the institute's body, not a second venue
    assert objects(x, label, "schema:organizer") == {"Institute of Polar Research", "Bergen Ocean Data Centre"}  # "IPR, NAPS": one host
    assert objects(x, label, "ckg:partner") == {"Institute of Polar Research", "Bergen Ocean Data Centre"}
    # the year of the conference's name completes "3–4 June", not the year of the document
    assert facts(x, label, "schema:startDate", "schema:endDate") == {("Nordic Data Conference 2024", "schema:startDate", "2024-06-03"),
                                                                    ("Nordic Data Conference 2024", "schema:endDate", "2024-06-04")}
    assert not facts(x, label, "ckg:dateInferred")


def test_a_department_of_a_university_is_its_unit_and_the_venue():
    x, label = run(VENUE_WITHOUT_ACRONYMS)
    assert ("Department of Glaciology", "org:subOrganizationOf", "University of Uppsala") in facts(x, label, "org:subOrganizationOf")
    event = {label(f.subject) for f in x.facts if f.predicate == "schema:startDate"}
    assert event == {"Sea Ice Data Workshop 2023"}
    assert {(e, p, o) for e, p, o in facts(x, label, "schema:location") if e in event} == {
        ("Sea Ice Data Workshop 2023", "schema:location", "Department of Glaciology"),
        ("Sea Ice Data Workshop 2023", "schema:location", "Uppsala")}
    assert ("Department of Glaciology", "schema:location", "Uppsala") in facts(x, label, "schema:location")
    assert ("University of Uppsala", "schema:location", "Uppsala") not in facts(x, label, "schema:location")


def test_a_body_after_its_unit_before_a_verb_is_no_second_host():
    x, label = run(HOST_BEFORE_A_VERB)
    assert ("Marine Institute", "org:subOrganizationOf", "Finnish Academy of Marine Sciences") in facts(x, label, "org:subOrganizationOf")
    assert objects(x, label, "schema:organizer") == {"Marine Institute"}


def test_a_real_list_of_hosts_stays_a_list():
    # no unit among them, and an "and" before a name: three hosts, none the other's address
    x, label = run("""Forum news

The Baltic Ocean Data Forum 2022 was held in Helsinki on 9–10 May. The forum was hosted by the Marine Institute (MI), the Finnish Academy of Marine Sciences (FAMS) and the Tallinn Sea Archive.
""")
    assert objects(x, label, "schema:organizer") == {"Marine Institute", "Finnish Academy of Marine Sciences", "Tallinn Sea Archive"}
    assert not facts(x, label, "org:subOrganizationOf")


# -- "It" after a sentence about an event ---------------------------------------------------------

@pytest.mark.parametrize("between, second", [
    (" ", "It was organized by the Lapland Snow Institute, with support from the Baltic Research Council."),
    (" ", "It was hosted by the Lapland Snow Institute and funded by the Baltic Research Council."),
    ("\n\n", "It was hosted by the Lapland Snow Institute and funded by the Baltic Research Council."),
])
def test_it_opening_a_sentence_is_the_event_the_sentence_before_was_about(between, second):
    x, label = run(f"""Snow news

The Arctic Snow Data Workshop was held in Helsinki on 5 May 2023.{between}{second}
""")
    assert facts(x, label, "schema:organizer") == {("Arctic Snow Data Workshop 2023", "schema:organizer", "Lapland Snow Institute")}
    assert facts(x, label, "schema:sponsor") == {("Arctic Snow Data Workshop 2023", "schema:sponsor", "Baltic Research Council")}


def test_it_after_a_sentence_about_a_body_is_no_event():
    x, label = run("""Snow news

The Lapland Snow Institute moved to Helsinki in 2023. It was organized by three universities and funded by the Baltic Research Council.
""")
    assert not [e for e in x.entities.values() if e.kind == "event"]
    assert not facts(x, label, "schema:organizer")
    assert not [f for f in x.facts if f.predicate == "schema:sponsor" and f.subject.startswith("event/")]


# -- a named series, one event a year -------------------------------------------------------------

def _editions(text):
    x, label = run(text)
    return {(k, e.label) for k, e in x.entities.items() if e.kind == "event"}, facts(x, label, "schema:superEvent")


def test_each_year_of_a_named_series_is_an_event_of_its_own_and_one_year_is_one_event_in_any_wording():
    y2021, sup = _editions("Forum news\n\nThe Arctic Science Data Forum was held in Oslo on 4 May 2021. Experts met there.\n")
    assert {label for _, label in y2021} == {"Arctic Science Data Forum 2021"}
    assert sup == {("Arctic Science Data Forum 2021", "schema:superEvent", "Arctic Science Data Forum")}
    y2022, _ = _editions("Forum news\n\nThe Arctic Science Data Forum was held in Bergen on 9 May 2022. Experts met there.\n")
    named, _ = _editions("Forum news\n\nThe Arctic Science Data Forum 2021 was held in Oslo on 4–5 May. Experts met there.\n")
    assert {k for k, _ in y2021} == {k for k, _ in named}  # the same edition, named by its year or dated
    assert not {k for k, _ in y2021} & {k for k, _ in y2022}  # two years, two events


# -- a known body "of" another known body ---------------------------------------------------------

@pytest.mark.parametrize("host, unit, body", [
    ("the Computer Network Information Center of the Chinese Academy of Sciences", "Computer Network Information Center", "Chinese Academy of Sciences"),
    ("the National Center for Atmospheric Research of the National Science Foundation (NSF-NCAR)", "National Center for Atmospheric Research",
     "National Science Foundation"),
    ("the Global Earth Observation System of Systems of the Group on Earth Observations (GEO-GEOSS)", "Global Earth Observation System of Systems",
     "Group on Earth Observations"),
])
def test_a_known_body_named_with_of_and_its_parent_is_that_body_and_no_third(host, unit, body):
    x, label = run(f"""Workshop news

The Data Stewardship Workshop was held in Bergen on 4 July 2022. The workshop was organized by {host} and the Polar Data Institute.
""")
    assert objects(x, label, "schema:organizer") == {unit, "Polar Data Institute"}
    assert (unit, "org:subOrganizationOf", body) in facts(x, label, "org:subOrganizationOf")
    assert not [e for e in x.entities.values() if " of the " in e.label and unit in e.label]  # no "X of the Y" node
    # the series' partners are the organisers, not the body one of them belongs to
    assert objects(x, label, "ckg:partner") == {unit, "Polar Data Institute"}


# -- talks listed with their speakers ---------------------------------------------------------------

def test_speakers_of_listed_talks_attend_the_event_and_authors_cited_do_not():
    x, label = run("""Conference Programme

The Glacier Data Symposium was held in Bergen on 14 May 2024. The afternoon brought three case studies -- firn cores by Dr. Ida Sund from the Polar Data Institute, melt ponds by Prof. Ravi Menon, and calving fronts by Dr. Noor Aziz. In the closing presentation, Dr. Tove Lie discussed a dataset by Prof. Emil Rask.
""")
    attendees = objects(x, label, "schema:attendee")
    assert {"Ida Sund", "Ravi Menon", "Noor Aziz"} <= attendees
    assert "Emil Rask" not in attendees  # the author of a dataset someone discussed
    assert ("Ida Sund", "org:memberOf", "Polar Data Institute") in facts(x, label, "org:memberOf")
    # the heading "Conference Programme" is the event's plan, not a programme of its own
    assert not [e for e in x.entities.values() if "Programme" in e.label]


def test_a_speakers_affiliation_and_its_university_are_no_attendees_of_their_own():
    x, label = run("""Ice news

Prof. Ana Lima of the School of Earth Sciences, University of Oslo, spoke at the Ice Data Workshop in Oslo on 3 May 2023.
""")
    assert objects(x, label, "schema:attendee") == {"Ana Lima"}
    assert ("School of Earth Sciences", "org:subOrganizationOf", "University of Oslo") in facts(x, label, "org:subOrganizationOf")


# -- schools and courses are events ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, event", [
    ("The Polar Data Summer School on Sea Ice Records was held in Tromsø on 4-15 July 2022. It was organized by the Arctic Data Alliance.",
     "Polar Data Summer School on Sea Ice Records"),
    ("The Nordic Winter School was held in Bergen on 6-10 February 2023, and was organized by the Arctic Data Alliance.",
     "Nordic Winter School"),
    ("The Sea Ice Training Course took place in Tromsø on 3 May 2023. The course was hosted by the Arctic Data Alliance.",
     "Sea Ice Training Course"),
    # a school with its year is an event whatever its words ("Coastal Mapping School 2024"): a body has no year
    ("The Coastal Mapping School 2024 was held in Lima from 3 to 7 June 2024 and organised by the Arctic Data Alliance.",
     "Coastal Mapping School"),
    ("The Ice Data Summer School 2023 took place in Tromsø on 3 July 2023. It was hosted by the Arctic Data Alliance.",
     "Ice Data Summer School"),
])
def test_a_summer_school_or_a_training_course_is_an_event_not_a_school(sentence, event):
    x, label = run(f"School news\n\n{sentence}\n")
    events = {e.label for e in x.entities.values() if e.kind == "event"}
    assert len(events) == 1 and next(iter(events)).startswith(event)
    assert not [e for e in x.entities.values() if e.kind == "organization" and event in e.label]
    assert objects(x, label, "schema:organizer") == {"Arctic Data Alliance"}
    assert len(objects(x, label, "schema:startDate")) == 1


@pytest.mark.parametrize("sentence, school", [
    ("Ana Soto teaches at the Coastal Mapping School in Lima.", "Coastal Mapping School"),
    ("The Lima Business School signed an agreement with the Arctic Data Alliance in 2020.", "Lima Business School"),
])
def test_a_school_without_a_year_of_its_own_stays_a_body(sentence, school):
    x, label = run(f"School news\n\n{sentence}\n")
    assert school in {e.label for e in x.entities.values() if e.kind == "organization"}
    assert not [e for e in x.entities.values() if e.kind == "event" and school in e.label]


def test_a_school_of_a_university_stays_a_body():
    x, label = run("School news\n\nThe School of Ocean Sciences of the University of Bergen hosted the Ice Data Workshop in Bergen on 3 May 2023.\n")
    assert ("Ice Data Workshop", "schema:organizer", "School of Ocean Sciences") in {
        (e.split(" 20")[0], p, o) for e, p, o in facts(x, label, "schema:organizer")}


# -- a body after a person's "from <country>" -----------------------------------------------------

def test_a_name_after_a_persons_country_is_the_body_they_come_from():
    x, label = run("""Workshop news

The Cloud Data Workshop was held in Oslo on 4 May 2022. Dr Wei Zhou from China Tencent gave a keynote on cloud services, Dr Ola Berg from Norway Telenor presented a case study, and Prof Ana Reis from Brazil spoke on 5 May.
""")
    assert facts(x, label, "org:memberOf") == {("Wei Zhou", "org:memberOf", "Tencent"), ("Ola Berg", "org:memberOf", "Telenor")}
    assert ("Tencent", "ckg:country", "China") in facts(x, label, "ckg:country")
    # a country alone, or one followed by a verb, a month or a place, brings no body
    assert {e.label for e in x.entities.values() if e.kind == "organization"} == {"Tencent", "Telenor"}


# -- "he" / "she" after a sentence about one person -----------------------------------------------

@pytest.mark.parametrize("between, second", [
    (" ", "Later she gave a keynote on sea ice records."),
    ("\n\n", "She also presented the archive's new catalogue."),
])
def test_he_or_she_is_the_person_the_sentence_before_was_about(between, second):
    x, label = run(f"""Forum news

The Baltic Data Forum was held in Riga on 4 May 2021. Dr. Lena Holm arrived from Bergen.{between}{second}
""")
    assert facts(x, label, "schema:attendee") == {("Baltic Data Forum 2021", "schema:attendee", "Lena Holm")}


def test_he_after_two_people_is_nobody():
    x, label = run("""Forum news

The Baltic Data Forum was held in Riga on 4 May 2021. Dr. Janis Ozols and Dr. Ilze Kalnina arrived from Bergen. Later he gave a keynote on sea ice records.
""")
    assert not facts(x, label, "schema:attendee")
