"""Election results written as a list of titles before names after a colon ("... elected its new
Executive Board: President A (Chile), Vice-Presidents B (Peru) and C (Bolivia), Secretary D and
Treasurer E"), and rosters whose items put the title first ("Director Ana Soto"): each person holds
the post in the electing body, sits on the board, council or committee it elected, and is keyed by
the name alone. All documents are our own writing."""

from __future__ import annotations

import pytest

from tests.loaders.extracted import extracted, pairs

BOARD = ("The General Assembly of the Andean Data Council (ADC) elected its new Executive Board in Lima on 3 May 2021: "
         "President Ana Soto (Chile), Vice-Presidents Karl Weiss (Peru) and Ines Morel (Bolivia), Secretary Tom Berg (Ecuador) "
         "and Treasurer Eva Lind (Colombia).")


def _posts(x, label) -> set[tuple[str, str, str]]:
    return {(label(f.subject), x.entities[f.obj].extra.get("role", "") or label(f.obj).split(",")[0], label(o))
            for f in x.facts if f.predicate == "org:holds" for o in x.objects(f.obj, "org:postIn")}


def test_titles_before_names_after_a_colon_are_posts_in_the_electing_body():
    x, label = extracted(BOARD)
    holds = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:holds"}
    assert {p for p, _ in holds} == {"Ana Soto", "Karl Weiss", "Ines Morel", "Tom Berg", "Eva Lind"}
    post_in = {(label(p), label(o)) for p in {f.obj for f in x.facts if f.predicate == "org:holds"} for o in x.objects(p, "org:postIn")}
    assert {o for _, o in post_in} == {"Andean Data Council"}
    titles = {person: post.split(",")[0] for person, post in holds}
    assert titles == {"Ana Soto": "President", "Karl Weiss": "Vice-President", "Ines Morel": "Vice-President",
                      "Tom Berg": "Secretary", "Eva Lind": "Treasurer"}, titles


def test_the_officers_sit_on_the_board_the_body_elected():
    x, label = extracted(BOARD)
    board = {o for _, o in pairs(x, label, "org:memberOf")}
    assert board == {"ADC Executive Board"}
    assert {p for p, _ in pairs(x, label, "org:memberOf")} == {"Ana Soto", "Karl Weiss", "Ines Morel", "Tom Berg", "Eva Lind"}
    assert ("ADC Executive Board", "Andean Data Council") in pairs(x, label, "org:subOrganizationOf")


@pytest.mark.parametrize("text,members", [
    ("The assembly of the Polar Data Alliance (PDA) elected its new Council: Ana Soto, Karl Weiss and Tom Berg.",
     {"Ana Soto", "Karl Weiss", "Tom Berg"}),
    ("On Friday the Baltic Marine Institute elected a new Steering Committee: Ines Morel and Tom Berg.",
     {"Ines Morel", "Tom Berg"}),
])
def test_names_with_no_title_are_members_of_the_elected_unit(text, members):
    x, label = extracted(text)
    assert {p for p, _ in pairs(x, label, "org:memberOf")} == members
    assert not [f for f in x.facts if f.predicate == "org:holds"]


@pytest.mark.parametrize("text", [
    "The Andean Data Council elected a new Board: its members are listed on the council's website.",
    "The Andean Data Council elected its new Board on 3 May: Lima University, the Baltic Marine Institute and Chile.",
    "The delegates elected a new Board: President Ana Soto and Secretary Tom Berg.",  # no body named: not guessed
])
def test_no_post_or_member_without_a_body_and_a_persons_name(text):
    x, label = extracted(text)
    assert not [f for f in x.facts if f.predicate in ("org:holds", "org:memberOf")], [(label(f.subject), f.predicate, label(f.obj)) for f in x.facts]


def test_a_roster_item_with_the_title_first_is_keyed_by_the_name_and_holds_the_post():
    x, label = extracted("Members of the Nordic Data Institute elected new officers: Director Ana Soto, Deputy Director Karl Weiss.")
    people = {e.label for e in x.entities.values() if e.kind == "person"}
    assert people == {"Ana Soto", "Karl Weiss"}
    holds = {(label(f.subject), label(f.obj).split(",")[0]) for f in x.facts if f.predicate == "org:holds"}
    assert holds == {("Ana Soto", "Director"), ("Karl Weiss", "Deputy Director")}
