"""An agreement's other party written with its address: "MoU with the Pacific Ocean Data Center
(PODC), USA", "MoU with the Institute of Glacier Studies, Tibet Academy of Sciences". The country,
or the academy the unit belongs to, is where the party is, not a party; a list of bodies stays a
list. And a page's list of its agreements under a heading that says it is a selection, the page's
body named on a line of its own under the site's navigation. All documents are our own writing."""

from __future__ import annotations

import pytest

from tests.loaders.extracted import extracted

PAGE = ("NDI | About NDI > International Cooperation > Partners\n"
        "International Cooperation\n"
        "Nordic Data Institute\n\n"
        "The institute works with research centres around the world.\n\n"
        "Major Agreements (selected)\n"
        "- 2024.06 MoU with the Pacific Ocean Data Center (PODC), USA, on ocean data services, signed in Honolulu\n"
        "- 2023.03 Letter of Intent with the Andean Snow Institute (ASI), Peru\n"
        "- 2022.09 MoU with the Institute of Glacier Studies, Tibet Academy of Sciences (TAS)\n")


def parties(x, label) -> set[frozenset[str]]:
    return {frozenset(label(o) for o in x.objects(k, "ckg:party")) for k, e in x.entities.items() if e.kind == "agreement"}


def test_a_pages_list_of_its_agreements_under_a_selection_heading(tmp_path):
    from collabkg.loaders.documents import read_document
    from collabkg.loaders.extract import extract

    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    x = extract(read_document(tmp_path / "page.txt"))
    label = lambda k: x.entities[k].label  # noqa: E731
    assert parties(x, label) == {
        frozenset({"Nordic Data Institute", "Pacific Ocean Data Center"}),
        frozenset({"Nordic Data Institute", "Andean Snow Institute"}),
        frozenset({"Nordic Data Institute", "Institute of Glacier Studies"}),
    }


@pytest.mark.parametrize("text, expected", [
    ("The Nordic Data Institute signed an MoU with the Pacific Ocean Data Center (PODC), USA, on 3 May 2024.",
     {"Nordic Data Institute", "Pacific Ocean Data Center"}),
    ("The Nordic Data Institute signed a memorandum of understanding with the Institute of Glacier Studies, Tibet Academy of "
     "Sciences, on 3 May 2024.", {"Nordic Data Institute", "Institute of Glacier Studies"}),
    # a list of bodies stays a list; two countries stay the parties
    ("The Nordic Data Institute signed an MoU with the Institute of Glacier Studies, the University of Tartu and the Baltic "
     "Data Centre on 3 May 2024.", {"Nordic Data Institute", "Institute of Glacier Studies", "University of Tartu", "Baltic Data Centre"}),
    ("Chile and Peru signed a bilateral agreement on glacier data in Lima on 3 May 2024.", {"Chile", "Peru"}),
])
def test_a_partys_address_is_no_party(text, expected):
    x, label = extracted(text)
    assert set().union(*parties(x, label)) == expected
