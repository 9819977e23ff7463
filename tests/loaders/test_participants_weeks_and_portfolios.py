"""Announcements and reports as real sites write them: a named "Week" or "Days" announced with its
dates, place and organisers (the city named bare in the headline and with its country below), a
meeting report's list of participants under a heading of its own, an office named before the name
with a hyphen ("WMO Secretary-General A"), "at X headquarters" as a place and not an employer, a
director "of International Affairs of" a body whose acronym follows, and a body named in the plural
("the National Astronomical Observatories of X"). All documents are our own writing."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.loaders.extracted import extracted
from tests.loaders.post_facts import post_triples


def _x(text: str, issued: dt.date | None = dt.date(2024, 3, 1)):
    return extracted(text, issued)


@pytest.mark.parametrize("name", ["Ocean Data Week", "Open Science Days"])
def test_a_named_week_announced_with_its_dates_place_and_organisers(name):
    text = (f"{name} 2024 to be held in Graz\n\n"
            f"The 2024 {name} will take place in Graz, Austria, from 22 to 25 October 2024. The event is co-organised by "
            "CODATA and the Research Data Alliance (RDA), and hosted by the University of Graz.\n\nRegistration opens on 1 May 2024.\n")
    x, label = _x(text)
    (ev,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert label(ev) in (f"{name} 2024", f"2024 {name}")  # the year as the headline or the lead writes it
    assert x.objects(ev, "schema:eventStatus") == ["schema:EventScheduled"]
    assert [str(d) for d in x.objects(ev, "schema:startDate")] == ["2024-10-22"]
    assert [str(d) for d in x.objects(ev, "schema:endDate")] == ["2024-10-25"]
    assert set(x.objects(ev, "schema:location")) == {"place/graz-at"}
    assert {label(o) for o in x.objects(ev, "schema:organizer")} == {
        "Committee on Data of the International Science Council", "Research Data Alliance", "University of Graz"}
    # the headline's bare "Graz" is the city the text names with its country, not a province of that name
    assert [k for k, e in x.entities.items() if e.label == "Graz"] == ["place/graz-at"]


def test_weeks_and_days_of_ordinary_text_are_no_events():
    x, _ = _x("The Polar Data Workshop was held in Oslo on 3 May 2022. Two days later, the working group met again for a week.\n")
    assert [e.label for e in x.entities.values() if e.kind == "event"] == ["Polar Data Workshop 2022"]


REPORT = ("Report of the Second Meeting of the Lake Data Network\n\n"
          "The second meeting of the Lake Data Network was held at the Institute of Lake Data in Kisumu on 14-15 March 2019.\n\n"
          "Participants\n"
          "Dr. Achieng Owino, Institute of Lake Data (Chair)\n"
          "Prof. Kenji Mori, University of Tokyo, Japan\n"
          "Ms. Ines Morel, Nordic Lake Data Centre\n\n"
          "The meeting elected Prof. Kenji Mori as the new Chair of the network. Dr. Paul Berg sent apologies.\n")


def test_a_reports_list_of_participants_under_its_heading():
    x, label = _x(REPORT, issued=dt.date(2019, 3, 20))
    (ev,) = [k for k, e in x.entities.items() if e.kind == "event"]
    listed = {label(f.obj) for f in x.facts if f.subject == ev and f.predicate == "schema:attendee"
              and f.evidence.method == "discourse:participant-list"}
    assert listed == {"Achieng Owino", "Kenji Mori", "Ines Morel"}  # not "Paul Berg", in the paragraph after the list
    assert "Paul Berg" not in {label(o) for o in x.objects(ev, "schema:attendee")}


def test_participants_named_after_a_colon_on_the_headings_line():
    x, label = _x("The Polar Data Workshop was held in Oslo on 3 May 2022.\n\n"
                  "Participants: Dr. Ana Lima (Brazil), Prof. Ola Nilsen (Norway) and Ms. Mei Tanaka.\n\n"
                  "Outcomes\n\nProf. Ola Nilsen will chair the next workshop.\n")
    (ev,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert {label(o) for o in x.objects(ev, "schema:attendee")} == {"Ana Lima", "Ola Nilsen", "Mei Tanaka"}


def test_no_list_without_its_heading():
    x, _ = _x("The Polar Data Workshop was held in Oslo on 3 May 2022.\n\nOrganizers\nDr. Ana Lima, Polar Data Institute\n")
    assert not [f for f in x.facts if f.evidence.method == "discourse:participant-list"]


def test_an_office_written_before_the_name_and_signing_at_headquarters():
    x, label = _x("Geneva, 3 April 2022 - The WMO and the ISC today signed a Memorandum of Understanding on open data.\n\n"
                  "The MoU was signed by WMO Secretary-General Ola Nilsen and ISC Chief Executive Officer Lena Holm at WMO headquarters.\n")
    assert post_triples(x) == {("Ola Nilsen", "Secretary-General", "WMO"),
                               ("Lena Holm", "Chief Executive Officer", "International Science Council")}
    assert not [f for f in x.facts if f.predicate == "org:memberOf"]  # "at WMO headquarters": where, not whose
    (ag,) = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert {label(o) for o in x.objects(ag, "ckg:signatory")} == {"Ola Nilsen", "Lena Holm"}


def test_a_director_of_a_portfolio_of_a_body_whose_acronym_follows():
    x, label = _x("Dr. Maria Gonzalez, Director of International Affairs of the National Agency for Polar Research (NAPR) "
                  "of Chile, met the delegation.\n")
    assert post_triples(x) == {("Maria Gonzalez", "Director", "National Agency for Polar Research")}
    (body,) = [e for e in x.entities.values() if e.kind == "organization"]
    assert body.acronyms == {"NAPR"}
    assert [label(o) for o in x.objects(body.key, "ckg:country")] == ["Chile"]


def test_a_body_named_in_the_plural_is_one_body_and_a_unit_of_its_parent():
    x, label = _x("Officials from the Bureau of International Cooperation of CAS and the Andean Astronomical Observatories "
                  "of CAS attended the meeting.\n")
    subs = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}
    assert ("Andean Astronomical Observatories", "Chinese Academy of Sciences") in subs
