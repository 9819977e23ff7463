"""People named with their trade, as news copy writes them ("engineer Ana Soto", "NOAA oceanographer
Lena Xu", "Ana Ruiz, a geologist,", "Karl Weiss, lead scientist of the X Team,"), and teams as units of a
body ("the Ocean Mapping Team", "NASA Glacier Survey Team leader X"). The small model misses many such
names; a trade in lower case next to a name's shape says it is a person's. All sentences are our own
writing, with names chosen for the model's misses."""

from __future__ import annotations

import pytest

from collabkg.loaders.mentions import find_mentions

from .extracted import extracted, pairs

NAMES = ["Ana Ruiz", "Ana Soto", "Mira Talvik", "Ines Morel", "Eva Lind"]

#: a trade before the name, as a title is written
BEFORE = [
    "The visitors were welcomed by engineer {n} and two students.",
    "Among those who briefed the guests were hydrologist {n} and a technician.",
    "The tour of the laboratory was led by senior research scientist {n}.",
    "The data portal was presented by project coordinator {n} on Monday.",
    "The Polar Data Centre's glaciologist {n} showed the ice-core archive.",
]

#: the trade in apposition after the name, then the apposition ends or the workplace follows
AFTER = [
    "{n}, lead scientist of the Ocean Mapping Team, showed the visitors the laboratory.",
    "The visitors were shown the archive by {n}, a geologist.",
    "{n}, an oceanographer at the Baltic Marine Institute, gave the first talk.",
    "The report was written by {n}, a senior researcher with the Andean Data Council, and two colleagues.",
    "{n}, data manager for the project, answered questions.",
]


@pytest.mark.parametrize("context", BEFORE + AFTER)
def test_a_name_with_its_trade_is_a_person(context):
    found = [n for n in NAMES if any(m.label == "PERSON" and m.text == n for m in find_mentions(context.format(n=n)))]
    assert found == NAMES


@pytest.mark.parametrize("text,not_person", [
    ("The workshop trained data scientists from Kenya and Ghana.", None),  # plural trade, places after
    ("Each research team Data Services supported was listed.", "Data Services"),  # a body's name after "team"
    ("The engineer Support Office answers requests.", "Support Office"),  # a body, not a name
    ("The report thanked the geologist, Lima University and the Andean Data Council.", "Lima University"),
    ("A student Exchange Programme was launched.", "Exchange Programme"),
])
def test_a_trade_before_a_body_or_a_place_makes_no_person(text, not_person):
    people = [m.text for m in find_mentions(text) if m.label == "PERSON"]
    assert people == [], people


def test_a_team_is_a_unit_and_its_leader_holds_a_post_in_it():
    x, label = extracted("NASA Glacier Survey Team leader Ana Soto showed the visitors the new drill. "
                         "The Ocean Mapping Team of the Baltic Marine Institute is led by Ines Morel.")
    teams = {e.label: e for e in x.entities.values() if e.kind == "organization" and e.label.endswith("Team")}
    assert set(teams) == {"Glacier Survey Team", "Ocean Mapping Team"}
    assert all("org:OrganizationalUnit" in e.classes for e in teams.values())
    assert pairs(x, label, "org:subOrganizationOf") == {("Glacier Survey Team", "National Aeronautics and Space Administration"),
                                                       ("Ocean Mapping Team", "Baltic Marine Institute")}
    posts = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:holds"}
    assert ("Ana Soto", "Leader, Glacier Survey Team") in posts, posts
    assert ("Ocean Mapping Team", "Ines Morel") in pairs(x, label, "ckg:leader")


def test_a_team_named_with_two_fields_is_one_unit_and_no_place():
    x, label = extracted("Among the speakers were Northern Rivers and Lakes Survey Team leader Karl Weiss and engineer Ana Soto.")
    names = {e.label: e.kind for e in x.entities.values()}
    assert names.get("Northern Rivers and Lakes Survey Team") == "organization", names
    assert "Northern Rivers" not in names
    assert {"Karl Weiss", "Ana Soto"} <= {n for n, k in names.items() if k == "person"}


def test_a_role_word_does_not_start_a_teams_name():
    # "elected A as Coordinator and the Nordic Team as Secretary": the title is no part of the body's name
    ms = find_mentions("The Assembly elected Lena Berg as Coordinator and Nordic Team as Secretary.")
    assert "Coordinator and Nordic Team" not in {m.text for m in ms}
    assert ("Nordic Team", "ORG") in {(m.text, m.label) for m in ms}
