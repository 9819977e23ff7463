"""Taking part in the meeting a news item reports, as reports write it besides "A attended the X":
addressing its participants, joining it online, a body presenting its work there, and a second
"by" of the same verb ("given by A and by B", "funded by A and by B"). All documents are our own
writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract

HELD = "The Volta Basin Data Symposium 2023 was held in Accra, Ghana on 5 June 2023."
EVENT = "Volta Basin Data Symposium 2023"


def facts(text: str, predicates=("schema:attendee",)) -> set[tuple[str, str, str]]:
    x = extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2023, 9, 1)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in predicates}


@pytest.mark.parametrize("sentence, who", [
    ("Dr. Kwame Owusu, Chair of the Ghana Data Council, addressed the participants by video.", "Kwame Owusu"),
    ("Prof. Ines Duarte welcomed the delegates on behalf of the host institution.", "Ines Duarte"),
    ("In the afternoon, Ms. Hana Novak greeted the audience and thanked the sponsors.", "Hana Novak"),
    ("Dr. Malik Haddad joined online from Amman.", "Malik Haddad"),
    ("The keynote came from Dr. Rosa Quispe, who participated remotely from Lima.", "Rosa Quispe"),
    ("Opening remarks were given by Prof. Ama Mensah, Rector of the University of Ghana, and by Dr. Tomas Berg of the Nordic Data Institute.", "Tomas Berg"),
])
def test_a_person_who_addressed_or_joined_the_reported_meeting_took_part_in_it(sentence, who):
    assert (EVENT, "schema:attendee", who) in facts(f"{HELD} {sentence}")


@pytest.mark.parametrize("sentence, body", [
    ("The Volta Basin Data Centre presented its new flood archive.", "Volta Basin Data Centre"),
    ("Dr. Ama Mensah introduced the programme, and the Andean Glacier Institute described its ice-core catalogue.",
     "Andean Glacier Institute"),
    ("The Lusophone Data Council showcased a portal for hydrological records.", "Lusophone Data Council"),
])
def test_a_body_presenting_its_work_at_the_reported_meeting_took_part_in_it(sentence, body):
    assert (EVENT, "schema:attendee", body) in facts(f"{HELD} {sentence}")


@pytest.mark.parametrize("text", [
    # no meeting reported: a body describing something is news, not participation
    "The Volta Basin Data Centre described its new flood archive in a report published on Monday.",
    # addressing an issue is not addressing a meeting
    f"{HELD} Dr. Kwame Owusu addressed the issue of data loss in a later interview.",
])
def test_no_participation_without_a_meeting_or_its_participants(text):
    assert not {f for f in facts(text) if f[2] in ("Kwame Owusu", "Volta Basin Data Centre")}


@pytest.mark.parametrize("sentence, predicate, bodies", [
    ("The symposium was funded by the Ocean Data Trust and by the Nordic Research Council.", "schema:sponsor",
     {"Ocean Data Trust", "Nordic Research Council"}),
    ("It was organised by the University of Ghana, and by the Lusophone Data Council.", "schema:organizer",
     {"University of Ghana", "Lusophone Data Council"}),
])
def test_a_second_by_of_the_same_verb_names_one_more_agent(sentence, predicate, bodies):
    got = facts(f"{HELD} {sentence}", (predicate,))
    assert {(EVENT, predicate, b) for b in bodies} <= got
