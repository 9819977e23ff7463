"""A page's lists of partners and funders under headings of their own ("Partners", "Our funders",
"Supported by"), the page's body named by its title or by the subject its first paragraph opens
with; and a network that acts as a body ("a delegation from the X Network led by its CEO"). All
documents are our own writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabkg.loaders.documents import read_document
from collabkg.loaders.extract import extract

PAGE = ("Our partners\n\n"
        "The Sahel Climate Data Centre works with institutions across Africa and beyond.\n\n"
        "{partners}\n"
        "- African Centre of Meteorological Applications for Development (ACMAD), Niamey, Niger\n"
        "- University of Cape Town, South Africa\n"
        "- Norwegian Meteorological Institute (MET Norway), Oslo\n"
        "- training courses for young scientists\n\n"
        "{funders}\n"
        "- European Commission\n"
        "- African Development Bank\n")


def _read(tmp_path, text: str):
    p = tmp_path / "page.md"
    p.write_text(text)
    x = extract(read_document(p))
    return x, (lambda k: x.entities[k].label if k in x.entities else str(k))


@pytest.mark.parametrize("partners,funders", [("Partners", "Funders"), ("Our international partners:", "Supported by:"),
                                              ("Partner institutions", "Sponsors")])
def test_a_pages_partners_and_funders_under_their_headings(tmp_path, partners, funders):
    x, label = _read(tmp_path, PAGE.format(partners=partners, funders=funders))
    body = "Sahel Climate Data Centre"
    got = {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.evidence.method in ("rule:partner-list", "rule:funder-list")}
    assert got == {(body, "ckg:cooperatesWith", "African Centre of Meteorological Applications for Development"),
                   (body, "ckg:cooperatesWith", "University of Cape Town"),
                   (body, "ckg:cooperatesWith", "Norwegian Meteorological Institute"),
                   (body, "schema:sponsor", "European Commission"),
                   (body, "schema:sponsor", "African Development Bank")}


def test_a_list_under_another_heading_or_without_a_body_is_no_partners(tmp_path):
    x, _ = _read(tmp_path, PAGE.format(partners="Past events", funders="Links"))
    assert not [f for f in x.facts if f.evidence.method in ("rule:partner-list", "rule:funder-list")]
    x, _ = _read(tmp_path, "Our partners\n\nWe work with many institutions.\n\nPartners\n- University of Cape Town\n- European Commission\n")
    assert not [f for f in x.facts if f.evidence.method == "rule:partner-list"]  # whose partners: the page never says


def test_a_network_acting_as_a_body_has_a_chief_executive(tmp_path):
    x, label = _read(tmp_path, "On 19 November 2021, a delegation from the Kenya Research Network (KRN) led by its CEO, "
                               "Prof. Meoli Kashorda, visited the Computer Network Information Center (CNIC).\n")
    posts = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:postIn"}
    assert posts == {("CEO, Kenya Research Network", "Kenya Research Network")}


@pytest.mark.parametrize("text,pairs", [
    ("The Nordic Academy of Sciences and the Baltic Data Institute agreed to establish a joint laboratory for glacier data.",
     {("Nordic Academy of Sciences", "Baltic Data Institute")}),
    ("The Ocean Data Trust agreed with the Lusophone Data Council to exchange researchers.", {("Ocean Data Trust", "Lusophone Data Council")}),
    # agreeing on a finding is no cooperation
    ("The Ocean Data Trust and the Lusophone Data Council agreed that the records were incomplete.", set()),
])
def test_bodies_that_agree_to_work_together_cooperate(text, pairs):
    from collabkg.loaders.documents import Document

    x = extract(Document(Path("t.txt"), text))
    got = {tuple(sorted((x.entities[f.subject].label, x.entities[f.obj].label))) for f in x.facts if f.predicate == "ckg:cooperatesWith"}
    assert got == {tuple(sorted(p)) for p in pairs}
