"""Who opened an event and who was its guest, a committee referred back to on its own page, titles in
lower case with a hyphen, and a joint report: "The workshop was inaugurated by KDU Vice-Chancellor
Prof. Dr. A, while the chief guest was Dr. B", "The committee is chaired by C" on a national
committee's page that also names the international committee it belongs to, "Its vice-chair is D",
"A and B today released a joint report". All documents are our own writing."""

from __future__ import annotations

import datetime as dt

from tests.loaders.extracted import extracted
from tests.loaders.post_facts import post_triples


def _x(text: str, issued: dt.date | None = dt.date(2023, 3, 8)):
    return extracted(text, issued)


OPENING = ("KDU hosts regional workshop on soil data\n\n"
           "KANO: A three-day regional workshop on soil data sharing began at Kano Data University (KDU) on Monday, 6 March 2023.\n\n"
           "The workshop was inaugurated by KDU Vice-Chancellor Prof. Dr. Amina Yusuf, while the chief guest was Dr. Musa Bello, "
           "Chairperson of the Nigerian Soil Science Foundation. Resource persons from Kenya, including Dr. Achieng Owino, will train "
           "40 young researchers.\n")


def test_who_opened_the_event_and_its_chief_guest_attend_it():
    x, label = _x(OPENING)
    (ev,) = [k for k, e in x.entities.items() if e.kind == "event"]
    attendees = {label(o) for o in x.objects(ev, "schema:attendee")}
    assert {"Amina Yusuf", "Musa Bello"} <= attendees
    assert "Achieng Owino" not in attendees  # "will train": still to come
    assert ("Amina Yusuf", "Vice-Chancellor", "Kano Data University") in post_triples(x)  # two titles after the office
    assert ("Musa Bello", "Chairperson", "Nigerian Soil Science Foundation") in post_triples(x)


def test_an_opening_of_something_else_is_no_attendance():
    x, _ = _x("The Polar Data Workshop was held in Oslo on 3 May 2022. The new archive building was opened by Dr. Ana Lima in 2019.\n")
    (ev,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert not [f for f in x.facts if f.evidence.method == "pattern:participation/event-inaugurated-by-person"]
    assert "person/ana-lima" not in x.objects(ev, "schema:attendee")


NATIONAL = ("Kenyan National Committee for CODATA\n\n"
            "The Kenyan National Committee for CODATA is hosted by the Kenya National Academy of Sciences (KNAS). It represents "
            "Kenya in CODATA, the Committee on Data of the International Science Council.\n\n"
            "The committee is chaired by Prof. Achieng Owino of the University of Nairobi. Its vice-chair is Dr. Musa Kariuki, "
            "Kenya Data Institute.\n")


def test_the_committee_on_its_own_page_is_the_national_committee_not_the_one_it_belongs_to():
    x, _ = _x(NATIONAL)
    posts = post_triples(x)
    assert ("Achieng Owino", "Chair", "Kenyan National Committee for CODATA") in posts
    assert ("Musa Kariuki", "Vice-chair", "Kenyan National Committee for CODATA") in posts  # "vice-chair": one title
    assert not [p for p in posts if p[2] == "Committee on Data of the International Science Council"]


def test_the_committee_named_last_as_a_subject_is_the_one_meant():
    x, _ = _x("The Arctic Data Committee met in Tromso. The Ocean Data Committee, its sister body, sent greetings. "
              "The committee is chaired by Dr. Lena Holm.\n")
    assert ("Lena Holm", "Chair", "Ocean Data Committee") in post_triples(x)


def test_two_bodies_releasing_a_joint_report_cooperate():
    x, label = _x("WASHINGTON -- The Nordic Academy of Sciences and the Andean Science Academy today released a joint report on "
                  "sharing research data. The Kenya Data Institute published its own report.\n")
    pairs = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "ckg:cooperatesWith"}
    assert pairs == {("Nordic Academy of Sciences", "Andean Science Academy"), ("Andean Science Academy", "Nordic Academy of Sciences")}


TRIP = ("Academy delegation visits Peru and Colombia\n\n"
        "From 10 to 18 June 2019, a delegation of the Nordic Academy of Sciences (NAS-N) headed by its President, Prof. Erik Lund, "
        "visited Peru and Colombia.\n\n"
        "In Bogota, the delegation visited the Colombian Institute of Hydrology (IDEAM), where Director Carlos Mejia briefed the "
        "visitors on the country's climate data network. On 17 June, Lund and Mejia signed a memorandum of understanding on data exchange.\n")


def test_a_trip_where_the_host_body_s_director_signs_with_the_delegation_s_head():
    x, label = _x(TRIP, issued=dt.date(2019, 6, 20))
    # "(NAS-N)": the Nordic academy's own acronym, not the registry's US academy called NAS
    assert "organization/nas" not in x.entities
    assert ("Carlos Mejia", "Director", "Colombian Institute of Hydrology") in post_triples(x)  # "..., where Director X"
    (ag,) = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert {label(p) for p in x.objects(ag, "ckg:party")} == {"Nordic Academy of Sciences", "Colombian Institute of Hydrology"}
    assert {label(p) for p in x.objects(ag, "ckg:signatory")} == {"Erik Lund", "Carlos Mejia"}
    assert [str(d) for d in x.objects(ag, "dcterms:date")] == ["2019-06-17"]
