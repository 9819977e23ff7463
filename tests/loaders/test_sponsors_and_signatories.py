"""Sponsors and signatories as news copy writes them: a sponsor named in an aside ("X, sponsored by
the Y Fund, took place in Riga on 3-4 June 2024") is the only sponsor (the date after the aside is
no body); "The Z project is funded by W" funds that project, not the document's event; an MoU
"signed in Riga" has no venue called "MoU"; "signed by A on behalf of X and by B on behalf of Y"
gives both signatories, each a member of the body they signed for. All documents are our own
writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def _x(text: str):
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2024, 6, 10)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return x, label


def _triples(x, label, predicate: str) -> set[tuple[str, str]]:
    return {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == predicate}


@pytest.mark.parametrize("text", [
    "The Nordic Ocean Data Workshop, organized by the Nordic Data Institute and sponsored by the Baltic Science Fund, took place in Riga on 3-4 June 2024.",
    "The Nordic Ocean Data Workshop, funded by the Baltic Science Fund, was held in Riga in June 2024.",
    "The Nordic Ocean Data Workshop, supported by the Baltic Science Fund and held in Riga on 3 June 2024, drew 40 participants from June Data Labs.",
])
def test_a_sponsor_in_an_aside_is_the_only_sponsor(text):
    x, label = _x(text)
    assert {o for _, o in _triples(x, label, "schema:sponsor")} == {"Baltic Science Fund"}
    assert not [e for e in x.entities.values() if e.kind == "organization" and e.label.startswith(("June", "3 June"))]


@pytest.mark.parametrize("sentence,project,kind", [
    ("The Polar Data Commons project is funded by the European Commission.", "Polar Data Commons", "project"),
    # the acronym's definition names the body first, as a body: its kind stays the mention finder's
    ("The Ice Core Exchange (ICE) initiative is supported by the European Commission.", "Ice Core Exchange", "organization"),
    ("The Arctic Snow Records programme was funded by the European Commission.", "Arctic Snow Records", "program"),
])
def test_a_named_project_funded_is_the_one_funded_not_the_reported_event(sentence, project, kind):
    x, label = _x("The Nordic Ocean Data Workshop was held in Riga on 3-4 June 2024. " + sentence)
    ((funded, sponsor),) = _triples(x, label, "schema:sponsor")
    assert funded.startswith(project) and sponsor == "European Commission"
    assert x.entities[next(k for k, e in x.entities.items() if e.label == funded)].kind == kind


def test_signatories_on_behalf_of_their_bodies():
    x, label = _x("The Nordic Academy of Sciences and the Baltic Academy of Sciences signed an MoU in Riga on 3 May 2024. "
                  "The MoU was signed by Ana Ruiz on behalf of the Nordic Academy of Sciences and by Tom Berg on behalf of "
                  "the Baltic Academy of Sciences.")
    assert {o for _, o in _triples(x, label, "ckg:signatory")} == {"Ana Ruiz", "Tom Berg"}
    assert _triples(x, label, "org:memberOf") == {("Ana Ruiz", "Nordic Academy of Sciences"), ("Tom Berg", "Baltic Academy of Sciences")}
    assert not [e for e in x.entities.values() if e.kind == "place" and e.label in ("MoU", "MOU")]
    assert {o for _, o in _triples(x, label, "ckg:party")} == {"Nordic Academy of Sciences", "Baltic Academy of Sciences"}
