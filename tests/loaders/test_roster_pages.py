"""A page's lists of who sits on its body or on a unit of it, one person a line under a heading
("EXECUTIVE" / "Chair: Dr. A, X", "Steering Committee (2024-2026)" / "Members: B (Y); C (Z)",
"Advisory Board" / "- Prof. D, W (Chair)", "- Dr. E | V"): posts and memberships in the page's body
or in the unit the heading names, and each person's own body. All documents are our own writing."""

from __future__ import annotations

import pytest

from collabkg.loaders.documents import read_document
from collabkg.loaders.extract import extract
from tests.loaders.post_facts import post_triples


def read_page(text: str, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    x = extract(read_document(path))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    members = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:memberOf"}
    return x, post_triples(x), members


COMMITTEE = ("Andean Committee for Data (ACD)\nHome | About | Members | Contact\n\nAbout > Committee Membership\n\n"
             "The Andean Committee for Data represents the Andean countries in international data bodies and meets twice a year.\n\n")


def test_the_pages_own_executive_and_members(tmp_path):
    _, posts, members = read_page(COMMITTEE + "EXECUTIVE\nChair: Dr. Ana Ruiz, Andean Data Institute\n"
                                  "Vice-Chair: Prof. Karl Berg (Baltic Data Centre)\nSecretary: Ms Lena Holm, Nordic Data Institute\n\n"
                                  "MEMBERS\n- Dr. Jaan Tamm | Estonian Data Archive\n- Prof. Liis Kask | Tallinn University\n", tmp_path)
    assert {("Ana Ruiz", "Chair", "Andean Committee for Data"), ("Karl Berg", "Vice-Chair", "Andean Committee for Data"),
            ("Lena Holm", "Secretary", "Andean Committee for Data")} <= posts
    assert {("Jaan Tamm", "Andean Committee for Data"), ("Liis Kask", "Andean Committee for Data"),
            ("Ana Ruiz", "Andean Data Institute"), ("Karl Berg", "Baltic Data Centre"), ("Jaan Tamm", "Estonian Data Archive"),
            ("Liis Kask", "Tallinn University")} <= members


@pytest.mark.parametrize("heading, lines", [
    ("Steering Committee (2024-2026)", "Chair: Prof. Ines Morel, Polar Data Union\n"
     "Members: Dr. Jaan Tamm (Estonian Data Archive); Prof. Liis Kask (Tallinn University)\n"),
    ("Advisory Board", "- Prof. Ines Morel, Polar Data Union (Chair)\n- Dr. Jaan Tamm, Estonian Data Archive\n"
     "- Prof. Liis Kask, Tallinn University, Estonia\n"),
])
def test_a_unit_named_by_the_heading_is_the_page_bodys_and_its_people_sit_on_it(heading, lines, tmp_path):
    x, posts, members = read_page(COMMITTEE + heading + "\n" + lines, tmp_path)
    unit_name = heading.split(" (")[0]
    (unit_label,) = {b for p, t, b in posts if p == "Ines Morel" and t == "Chair"}
    assert unit_label in (f"ACD {unit_name}", f"{unit_name} of the Andean Committee for Data")
    unit = next(k for k, e in x.entities.items() if e.label == unit_label)
    assert {("Jaan Tamm", unit_label), ("Liis Kask", unit_label), ("Ines Morel", "Polar Data Union"),
            ("Jaan Tamm", "Estonian Data Archive"), ("Liis Kask", "Tallinn University")} <= members
    parents = {x.entities[f.obj].label for f in x.facts if f.subject == unit and f.predicate == "org:subOrganizationOf"}
    assert parents == {"Andean Committee for Data"}


@pytest.mark.parametrize("text", [
    # a heading naming another body's board: not this page's
    COMMITTEE + "Board of the Polar Data Union\nChair: Prof. Ines Morel, Tallinn University\n",
    # sentences under a heading are no roster
    COMMITTEE + "Members\nDr. Ines Morel spoke about the committee's history at the Tallinn University meeting in May last year.\n",
    # no body the page is about
    "News\n\nSteering Committee\nChair: Prof. Ines Morel, Tallinn University\n",
])
def test_no_roster_read_without_the_pages_body_or_a_list(text, tmp_path):
    _, posts, members = read_page(text, tmp_path)
    assert not {p for p in posts if p[0] == "Ines Morel"}
    assert not {m for m in members if m[0] == "Ines Morel" and m[1] != "Tallinn University"}
