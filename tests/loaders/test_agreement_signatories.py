"""Who signed an agreement (``ckg:signatory``): the people a sentence says signed it, each for the
body of their post, on the agreement the document reads (the one named before when the sentence
says "the agreement"). An agreement still to be signed has no signatories. All documents are our
own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


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
