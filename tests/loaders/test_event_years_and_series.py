"""Extractor 12's phenomena, each in several forms of our own writing: the year an event's name
carries (in the sentence or in the headline) completes a date written without one, also when the
document has no date of its own; "The workshop was organised by X" credits X to the series that is a
workshop, not to whichever series the document named first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def run(text: str, title: str | None = None, issued: dt.date | None = None):
    x = extract(Document(Path("t.txt"), text, issued=issued, title=title))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return x, label


def facts(x, label, *predicates):
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in predicates}


# -- the year of the name completes a year-less date ----------------------------------------------

@pytest.mark.parametrize("text, title, event, start, end", [
    # the year after the name, in the sentence; no document date
    ("The Coastal Data Workshop 2022 was held on 14 November in Mombasa, Kenya.", None,
     "Coastal Data Workshop 2022", "2022-11-14", None),
    ("The Andean Open Data Symposium 2019 took place from 2 to 4 October in Lima, Peru.", None,
     "Andean Open Data Symposium 2019", "2019-10-02", "2019-10-04"),
    ("The Sahel Climate Data Forum 2021 was held between 8 and 9 September in Niamey.", None,
     "Sahel Climate Data Forum 2021", "2021-09-08", "2021-09-09"),
    # the year only in the headline: the text says "The X took place on ..."
    ("The Arctic Ocean Data Conference took place on May 20-22 in Tromsø, Norway.", "Arctic Ocean Data Conference 2018",
     "Arctic Ocean Data Conference 2018", "2018-05-20", "2018-05-22"),
    ("The Caribbean Data Training Course took place from June 30 to July 4 at the University of the West Indies.",
     "Caribbean Data Training Course 2025 opens", "Caribbean Data Training Course 2025", "2025-06-30", "2025-07-04"),
])
def test_the_year_of_an_events_name_completes_its_date(text, title, event, start, end):
    x, label = run(f"{title or 'News'}\n\n{text}\n", title=title)
    dates = facts(x, label, "schema:startDate", "schema:endDate")
    assert (event, "schema:startDate", start) in dates
    assert ((event, "schema:endDate", end) in dates) if end else not any(p == "schema:endDate" for _, p, _ in dates)
    assert not facts(x, label, "ckg:dateInferred")  # the year is written, not guessed


def test_the_names_year_wins_over_the_documents_date():
    # published in January 2024 about a workshop of 2023: "9 October" is 2023's, not 2024's (the year before the document's date)
    x, label = run("Data news\n\nThe Regional Data Workshop 2023 was held on 9 October in Dhaka, Bangladesh.\n",
                   issued=dt.date(2025, 1, 20))
    assert ("Regional Data Workshop 2023", "schema:startDate", "2023-10-09") in facts(x, label, "schema:startDate")


def test_without_a_year_anywhere_a_yearless_date_is_not_guessed():
    x, label = run("Data news\n\nThe Coastal Data Workshop was held on 14 November in Mombasa, Kenya.\n")
    assert not facts(x, label, "schema:startDate")


def test_a_year_in_the_headline_for_another_event_is_not_borrowed():
    x, label = run("Ocean Data Forum 2020 announced\n\nThe Coastal Data Workshop was held on 14 November in Mombasa, Kenya.\n",
                   title="Ocean Data Forum 2020 announced")
    assert not facts(x, label, "schema:startDate")


# -- "The workshop was organised by": the series that is a workshop --------------------------------

TWO_SERIES = """{title}

The Open Data Training Course 2024 took place at the University of Nairobi from 3 to 7 June, organized by the African Open Science Platform.

The Regional Data Workshop 2023 was held on 9 October in Dhaka. The workshop was {verb} by the Asian Research Data Alliance and the Bangladesh Council of Scientific and Industrial Research.
"""


@pytest.mark.parametrize("verb", ["co-organized", "jointly organised", "hosted"])
def test_the_organisers_of_the_workshop_are_partners_of_the_workshop_series(verb):
    x, label = run(TWO_SERIES.format(title="Training news", verb=verb))
    partners = facts(x, label, "ckg:partner")
    workshop = {o for s, _, o in partners if s == "Regional Data Workshop"}
    course = {o for s, _, o in partners if s == "Open Data Training Course"}
    assert workshop == {"Asian Research Data Alliance", "Bangladesh Council of Scientific and Industrial Research"}
    assert course == {"African Open Science Platform"}


def test_a_series_noun_no_series_has_credits_nobody():
    # the document's series is a course; "the symposium" is another event, not that series
    text = ("Course news\n\nThe Open Data Training Course 2024 took place at the University of Nairobi from 3 to 7 June.\n\n"
            "The symposium was organised by the Kenya Data Society.\n")
    x, label = run(text)
    assert not {o for s, _, o in facts(x, label, "ckg:partner") if s == "Open Data Training Course"} & {"Kenya Data Society"}


# -- an agreement named again, its signatories, and an archive that is also a body ----------------

@pytest.mark.parametrize("again", ["The memorandum was signed by", "The agreement was signed by", "This MoU was signed by"])
def test_the_agreement_named_again_is_the_same_agreement(again):
    text = ("Baltic data news\n\n"
            "The Baltic Ocean Data Archive (BODA) and the Institute of Marine Physics of the Polish Academy of Sciences "
            "signed a memorandum of understanding on data exchange in Gdansk.\n\n"
            f"{again} Dr. Anna Lis, Director of BODA, and Prof. Jan Nowak, Director of the Institute of Marine Physics.\n")
    x, label = run(text)
    agreements = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert len(agreements) == 1, agreements
    # the institute signed, not the academy it belongs to; the archive signed as a body
    assert {o for _, _, o in facts(x, label, "ckg:party")} == {"Baltic Ocean Data Archive", "Institute of Marine Physics"}
    assert ("Institute of Marine Physics", "org:subOrganizationOf", "Polish Academy of Sciences") in facts(x, label, "org:subOrganizationOf")
    archive = [e for e in x.entities.values() if e.label == "Baltic Ocean Data Archive"]
    assert len(archive) == 1  # "BODA" is the archive the text defined, one node
    assert {"ckg:DataInfrastructure", "org:Organization"} <= set(archive[0].classes)
    posts = {(label(p), label(o)) for p, _, o in {(f.subject, f.predicate, f.obj) for f in x.facts if f.predicate == "org:postIn"}}
    assert {o for _, o in posts} == {"Baltic Ocean Data Archive", "Institute of Marine Physics"}


def test_a_reference_after_two_agreements_of_the_same_parties_makes_no_third():
    text = ("Data news\n\n"
            "The Nordic Data Archive and the Ocean Data Institute signed a memorandum of understanding on training.\n\n"
            "The Nordic Data Archive and the Ocean Data Institute also signed an agreement on data exchange.\n\n"
            "The agreement was signed by Dr. Eva Berg, Director of the Nordic Data Archive, and Dr. Ola Dahl, Director of the Ocean Data Institute.\n")
    x, label = run(text)
    agreements = {e.label for e in x.entities.values() if e.kind == "agreement"}
    assert len(agreements) == 2
    assert {"Memorandum of Understanding between Nordic Data Archive and Ocean Data Institute on training",
            "Agreement between Nordic Data Archive and Ocean Data Institute on data exchange"} <= agreements


def test_an_archive_with_no_body_role_stays_an_infrastructure_only():
    x, label = run("Data news\n\nResearchers deposited 40 datasets in the Baltic Ocean Data Archive in 2023.\n")
    (archive,) = [e for e in x.entities.values() if e.label == "Baltic Ocean Data Archive"]
    assert "org:Organization" not in archive.classes


@pytest.mark.parametrize("sentence, status", [
    ("Mensah expressed the hope that the Baltic Ocean Data Archive and the Ghana Data Institute would sign a cooperation agreement next year.", "ckg:Proposed"),
    ("The Baltic Ocean Data Archive and the Ghana Data Institute expect to sign a memorandum of understanding in June.", "ckg:Proposed"),
    ("The Baltic Ocean Data Archive and the Ghana Data Institute signed a memorandum of understanding in June.", "ckg:Established"),
])
def test_an_agreement_hoped_for_is_proposed_not_signed(sentence, status):
    x, label = run(f"Data news\n\n{sentence}\n")
    assert {o for _, _, o in facts(x, label, "ckg:status")} == {status}


@pytest.mark.parametrize("sentence", [
    "On 3 May 2021, Dr. Lars Berg, Director of the Nordic Data Institute, met with a delegation led by Kofi Mensah in Oslo.",
    "Dr. Lars Berg received a delegation from the Ghana Data Institute led by Kofi Mensah in Oslo on 3 May 2021.",
])
def test_the_host_who_met_a_delegation_took_part_in_the_visit(sentence):
    x, label = run(f"Visit news\n\n{sentence}\n")
    (visit,) = [k for k, e in x.entities.items() if e.kind == "event"]
    attendees = {label(f.obj) for f in x.facts if f.subject == visit and f.predicate == "schema:attendee"}
    assert "Lars Berg" in attendees


def test_the_delegation_received_by_a_host_who_took_part():
    text = ("Visit news\n\nA delegation of the Ghana Data Institute visited the Nordic Data Institute in Oslo on 3 May 2021. "
            "The delegation was welcomed by Dr. Lars Berg, Director of the Nordic Data Institute.\n")
    x, label = run(text)
    (visit,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert "Lars Berg" in {label(f.obj) for f in x.facts if f.subject == visit and f.predicate == "schema:attendee"}


@pytest.mark.parametrize("sentence, label", [
    ("The Baltic Ocean Data Archive and the Ghana Data Institute renewed their memorandum of understanding for another five years.",
     "Memorandum of Understanding between Baltic Ocean Data Archive and Ghana Data Institute"),
    ("An agreement on data exchange was concluded between the Baltic Ocean Data Archive and the Ghana Data Institute in May 2022.",
     "Agreement between Baltic Ocean Data Archive and Ghana Data Institute on data exchange"),
])
def test_an_agreements_topic_is_what_it_is_about_not_how_long_or_the_verb(sentence, label):
    x, _ = run(f"Data news\n\n{sentence}\n")
    assert [e.label for e in x.entities.values() if e.kind == "agreement"] == [label]


def test_an_event_named_after_a_series_the_text_reads_is_an_edition_of_it():
    from tests.loaders.extracted import extracted  # noqa: PLC0415
    x, label = extracted("Report: Regional Training Course on Data Curation for the Andes, Lima, 15-19 July 2024\n\n"
                         "The Regional Training Course on Data Curation for the Andes was hosted by the Andean Data Network and jointly "
                         "organised with the Nordic Data Institute and the University of Chile. It took place in Lima from 15 to "
                         "19 July 2024.")
    editions = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "schema:superEvent"}
    assert any(e.startswith("Regional Training Course on Data Curation for the Andes") and s == "Regional Training Course on Data Curation"
               for e, s in editions), editions
