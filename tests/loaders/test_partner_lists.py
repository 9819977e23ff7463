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


def _project_partners(tmp_path, text: str, acronym: str) -> tuple[set[str], set[str]]:
    """(partners, leaders) of the project known by ``acronym`` in the page ``text`` read as a file."""
    p = tmp_path / "page.txt"
    p.write_text(text, encoding="utf-8")
    x = extract(read_document(p))
    project = next(k for k, e in x.entities.items() if acronym in (e.label, *e.acronyms))
    of = lambda pred: {x.entities[f.obj].label for f in x.facts if f.predicate == pred and f.subject == project}  # noqa: E731
    return of("ckg:partner"), of("ckg:leader")


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


@pytest.mark.parametrize("heading, intro", [
    ("The consortium:", "Eight partners met in Bergen for the kick-off meeting of FJORDLINK (Fjord Observation Data Linkage), a three-year project."),
    ("Consortium members", "FJORDLINK (Fjord Observation Data Linkage) is a three-year project funded by the Nordic Research Council."),
    ("Project partners", "FJORDLINK (Fjord Observation Data Linkage) is a three-year project funded by the Nordic Research Council."),
])
def test_a_projects_consortium_list_names_its_partners_and_coordinator(tmp_path, heading, intro):
    text = (f"FJORDLINK consortium kicks off in Bergen\n\n{intro}\n\n{heading}\n"
            "- University of Bergen (UiB), Norway – coordinator\n"
            "- Marine Data Institute, Iceland\n"
            "- Havforskningsinstituttet, Norway\n"
            "- Baltic Ocean Lab, Estonia\n"
            "Associated partner: NOAA National Centers for Environmental Information (NCEI), USA\n\n"
            "The next meeting will be in Reykjavik.\n")
    partners, leaders = _project_partners(tmp_path, text, "FJORDLINK")
    assert {"University of Bergen", "Marine Data Institute", "Havforskningsinstituttet", "Baltic Ocean Lab",
            "National Centers for Environmental Information"} <= partners
    assert not partners & {"Norway", "Iceland", "Estonia", "Reykjavik"}
    assert leaders == {"University of Bergen"}


def test_a_project_pages_tiers_of_partners_are_its_partners(tmp_path):
    text = ("Partners\n\nThe Baltic Ice Data Exchange (BIDEx) is a joint project for the open exchange of sea-ice data among "
            "institutes of the Baltic.\n\nCoordinating partners\n- Finnish Ice Institute (FII), Helsinki, Finland -- project coordinator\n\n"
            "Full partners\n- Estonian Data Archive\n- Latvian Climate Centre (LCC)\n\nSupporting organisations\n"
            "- Nordic Research Council -- funding advice\n")
    partners, leaders = _project_partners(tmp_path, text, "BIDEx")
    assert {"Finnish Ice Institute", "Estonian Data Archive", "Latvian Climate Centre", "Nordic Research Council"} <= partners
    assert leaders == {"Finnish Ice Institute"}


def test_tiers_of_partners_on_a_bodys_own_page_are_not_read_as_a_projects(tmp_path):
    text = ("Members\n\nThe Baltic Ice Network is a network of institutes working on sea ice.\n\nFull members\n- Estonian Data Archive\n"
            "- Latvian Climate Centre\n")
    p = tmp_path / "page.txt"
    p.write_text(text, encoding="utf-8")
    x = extract(read_document(p))
    assert not [f for f in x.facts if f.predicate == "ckg:partner"]
