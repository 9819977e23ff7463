"""A body's agreements as "about" pages list them: a line naming the body and "the following
agreements:", then one bullet per agreement with its year and the other party after "with". All
documents are our own writing."""

from __future__ import annotations

import pytest

from collabkg.loaders.documents import read_document
from collabkg.loaders.extract import extract


@pytest.fixture
def agreements(tmp_path):
    def read(text: str, name: str = "t.md") -> set[tuple[frozenset, str, str]]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return _agreements(extract(read_document(path)))
    return read


def _agreements(x) -> set[tuple[frozenset, str, str]]:
    label = lambda k: x.entities[k].label  # noqa: E731
    return {(frozenset(label(p) for p in x.objects(k, "ckg:party")), x.entities[k].label.split(" between ")[0],
             next((str(d) for d in x.objects(k, "dcterms:date")), "")) for k, e in x.entities.items() if e.kind == "agreement"}


def test_each_listed_agreement_is_the_body_s_with_the_party_after_with_dated_by_its_year(agreements):
    got = agreements("# Partnerships\n\nThe Adriatic Sea Data Centre has signed the following agreements:\n\n"
                     "- 2017: Memorandum of Understanding with the Slovenian Marine Biology Institute\n"
                     "- 2021: Letter of Intent with the University of Split (Croatia)\n"
                     "- Cooperation agreement with the Albanian Hydrographic Service on tide gauges (2023)\n")
    body = "Adriatic Sea Data Centre"
    assert got == {(frozenset({body, "Slovenian Marine Biology Institute"}), "Memorandum of Understanding", "2017"),
                   (frozenset({body, "University of Split"}), "Letter of Intent", "2021"),
                   (frozenset({body, "Albanian Hydrographic Service"}), "Agreement", "2023")}


def test_a_heading_naming_the_body_before_its_list(agreements):
    got = agreements("Partners\n\nAgreements of the Adriatic Sea Data Centre:\n\n- 2019: MoU with the Montenegro Institute of Marine Biology\n", "t.txt")
    assert got == {(frozenset({"Adriatic Sea Data Centre", "Montenegro Institute of Marine Biology"}), "Memorandum of Understanding", "2019")}


@pytest.mark.parametrize("text", [
    "# News\n\nRecent news:\n\n- 2019: MoU with the Montenegro Institute of Marine Biology\n",  # no agreements heading
    "# Partners\n\nThe Adriatic Sea Data Centre and the Ionian Data Office list these agreements:\n\n- 2019: MoU with the Montenegro Institute of Marine Biology\n",
])
def test_no_owner_or_no_agreements_heading_no_agreement(agreements, text):
    assert agreements(text) == set()
