"""Posts as news items write them besides "X, Director of Y": appointed or named to a title, elected
as "its" president, a body "directed by" someone, a title and an honorific between a body's acronym
and the name, and a delegation "headed by its vice-president"; the title is kept whole
("Vice-president", "Deputy Director"). All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from tests.loaders.post_facts import post_triples


def posts(text: str) -> set[tuple[str, str, str]]:
    """(person, title, body) of every post read from ``text``."""
    return post_triples(extract(Document(Path("t.txt"), f"News\n\n{text}\n", issued=dt.date(2024, 3, 1))))


@pytest.mark.parametrize("text, expected", [
    ("Dr. Kwame Boateng was appointed Director of the Volta Basin Data Centre in 2022.",
     ("Kwame Boateng", "Director", "Volta Basin Data Centre")),
    ("Prof. Ines Carvalho has been named Chair of the Lusophone Data Council.",
     ("Ines Carvalho", "Chair", "Lusophone Data Council")),
    ("Last month Dr. Tomas Ruiz was elected Deputy Director of the Andean Glacier Institute.",
     ("Tomas Ruiz", "Deputy Director", "Andean Glacier Institute")),
    ("The Lusophone Data Council elected Prof. Ines Carvalho as its president.",
     ("Ines Carvalho", "President", "Lusophone Data Council")),
    ("The General Assembly of the Lusophone Data Council elected Prof. Ines Carvalho of the University of Porto as President for 2024-2027.",
     ("Ines Carvalho", "President", "Lusophone Data Council")),
    ("Dr. Kwame Boateng joined the Volta Basin Data Centre as its new Director in January.",
     ("Kwame Boateng", "Director", "Volta Basin Data Centre")),
    ("Prof. Ines Carvalho will serve as Secretary General of the Lusophone Data Council.",
     ("Ines Carvalho", "Secretary General", "Lusophone Data Council")),
    ("Dr. Tomas Ruiz took over as Director of the Andean Glacier Institute on 1 March 2024.",
     ("Tomas Ruiz", "Director", "Andean Glacier Institute")),
    ("The Volta Basin Data Centre, directed by Dr. Kwame Boateng, hosted the course.",
     ("Kwame Boateng", "Director", "Volta Basin Data Centre")),
    ("The visitors were received by VBDC Director Dr. Kwame Boateng.",
     ("Kwame Boateng", "Director", "Volta Basin Data Centre")),
    ("A delegation of the Andean Glacier Institute, headed by its vice-president Dr. Tomas Ruiz, visited Accra.",
     ("Tomas Ruiz", "Vice-president", "Andean Glacier Institute")),
    ("A team from the Andean Glacier Institute led by its Deputy Director, Dr. Tomas Ruiz, toured the centre.",
     ("Tomas Ruiz", "Deputy Director", "Andean Glacier Institute")),
])
def test_a_post_written_otherwise(text, expected):
    if "VBDC" in text:
        text = "The Volta Basin Data Centre (VBDC) opened a new archive. " + text
    assert expected in posts(text)


def test_a_named_role_without_a_body_is_no_post():
    # "named Best Young Scientist": an award, not a post; nothing to be a post in
    assert posts("Dr. Kwame Boateng was named Young Scientist of the Year.") == set()
