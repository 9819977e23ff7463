"""Who signed an agreement (``ckg:signatory``): the people a sentence says signed it, each for the
body of their post, on the agreement the document reads (the one named before when the sentence
says "the agreement"). An agreement still to be signed has no signatories. All documents are our
own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from tests.loaders.extracted import extracted


def read(text: str):
    return extract(Document(Path("t.txt"), f"Agreement news\n\n{text}\n", issued=dt.date(2024, 3, 1)))


def signatories(x) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in x.facts:
        if f.predicate == "ckg:signatory":
            out.setdefault(x.entities[f.subject].label, set()).add(x.entities[f.obj].label)
    return out


def test_signed_by_two_people_of_the_parties():
    x = read("The Icelandic Met Data Centre and the Svalbard Research Archive signed a cooperation agreement on "
             "11 September 2023. The agreement was signed by Gudrun Olafsdottir, director of the Icelandic Met "
             "Data Centre, and Jan-Erik Solheim, head of the Svalbard Research Archive.")
    agreements = [e for e in x.entities.values() if e.kind == "agreement"]
    assert len(agreements) == 1  # the second sentence's "the agreement" is the first's
    assert signatories(x) == {agreements[0].label: {"Gudrun Olafsdottir", "Jan-Erik Solheim"}}


def test_people_who_signed_an_mou():
    x = read("On 3 May 2022 Dr. Lars Berg, Director of the Nordic Data Institute, and Prof. Rosa Quispe, "
             "President of the Andean Science Academy, signed a memorandum of understanding in Oslo.")
    (label, people), = signatories(x).items()
    assert people == {"Lars Berg", "Rosa Quispe"}
    parties = {x.entities[f.obj].label for f in x.facts if f.predicate == "ckg:party"}
    assert parties == {"Nordic Data Institute", "Andean Science Academy"}


def test_an_agreement_still_to_be_signed_has_no_signatories():
    x = read("Dr. Lars Berg, Director of the Nordic Data Institute, and Prof. Rosa Quispe, President of the "
             "Andean Science Academy, will sign a memorandum of understanding next year.")
    assert signatories(x) == {}


def test_a_renewal_signed_by_the_heads_of_the_two_academies():
    """"The renewal was signed by ...": the agreement renewed; "the Kazakh academy" is the Kazakh one
    named before; "renewed ... on Tuesday" dates the agreement by the document's date; "Academician"
    is an honorific, the post is the verb's ("who leads")."""
    x = extract(Document(Path("t.txt"), "Academies renew cooperation\n\nThe Lusophone Science Academy (LSA) and the "
                         "National Academy of Sciences of the Republic of Kazakhstan renewed their memorandum of understanding "
                         "on Tuesday. The renewal was signed by LSA President Khalid Mahmood and Academician Aigerim Seitkali, "
                         "who leads the Kazakh academy.\n", issued=dt.date(2024, 4, 3)))
    (label, people), = signatories(x).items()
    assert people == {"Khalid Mahmood", "Aigerim Seitkali"}
    (key,) = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert [str(d) for d in x.objects(key, "dcterms:date")] == ["2024-04-02"]
    posts = {(x.entities[next(iter(x.objects(p, "org:heldBy")))].label, str(next(iter(x.objects(p, "ckg:roleTitle")))),
              x.entities[next(iter(x.objects(p, "org:postIn")))].label) for p, e in x.entities.items() if e.kind == "post"}
    assert ("Aigerim Seitkali", "Leader", "National Academy of Sciences of the Republic of Kazakhstan") in posts


def test_the_day_of_signing_said_after_the_agreement_dates_it():
    x = read("The Kenya Marine Data Centre (KMDC) and the Portuguese Sea Observatory (PSO) have signed a memorandum of "
             "understanding to share coastal observations. The memorandum was signed on 14 March 2024 in Mombasa by "
             "Dr. Halima Yusuf, Director of KMDC, and Prof. Rui Costa, President of PSO.")
    agreements = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert len(agreements) == 1
    assert {str(f.obj) for f in x.facts if f.subject == agreements[0] and f.predicate == "dcterms:date"} == {"2024-03-14"}


def test_a_signing_still_to_come_gives_no_date():
    x = read("The Kenya Marine Data Centre and the Portuguese Sea Observatory have agreed on a memorandum of "
             "understanding. The memorandum will be signed on 14 March 2025 in Mombasa by Dr. Halima Yusuf and Prof. Rui Costa.")
    assert not [f for f in x.facts if f.predicate == "dcterms:date"]


def _agreements_of(text: str):
    x, label = extracted(text)
    parties = {label(f.obj) for f in x.facts if f.predicate == "ckg:party"}
    signatories = {label(f.obj) for f in x.facts if f.predicate == "ckg:signatory"}
    return x, label, parties, signatories


@pytest.mark.parametrize("first", [
    "Four institutes signed a Letter of Intent on the Baltic Data Commons on Tuesday.",
    "Four research bodies from Estonia, Latvia and Finland on Tuesday signed a Letter of Intent on the Baltic Data Commons.",
])
def test_signatories_listed_one_a_clause_with_the_body_each_signed_for(first):
    x, label, parties, signatories = _agreements_of(
        first + " The letter was signed by Prof. Ana Ruiz on behalf of the Nordic Data Institute; Dr Karl Berg for the Baltic Data "
        "Centre (BDC); Prof. Lena Holm, Vice-President of the University of Tartu; and Mr Jaan Tamm, Executive Director of the "
        "Estonian Data Archive.")
    assert parties == {"Nordic Data Institute", "Baltic Data Centre", "University of Tartu", "Estonian Data Archive"}
    assert signatories == {"Ana Ruiz", "Karl Berg", "Lena Holm", "Jaan Tamm"}
    assert len([e for e in x.entities.values() if e.kind == "agreement"]) == 1


def test_the_countries_the_signing_bodies_come_from_are_no_parties():
    _, _, parties, _ = _agreements_of("Five research bodies from Estonia, Latvia and Finland on Tuesday signed a Letter of Intent on the "
                                      "Baltic Data Commons.")
    assert not parties & {"Estonia", "Latvia", "Finland"}
