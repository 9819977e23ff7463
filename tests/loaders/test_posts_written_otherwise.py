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


@pytest.mark.parametrize("text, expected", [
    ("\"The archive stays open,\" said Rafael Montoya, chair of the Board of Trustees of the Altiplano Climate Institute.",
     ("Rafael Montoya", "chair of the Board of Trustees", "Altiplano Climate Institute")),
    ("Dr. Wanjiru Kamau, Vice-Chair of the Governing Board of the Rift Valley Data Alliance, opened the session.",
     ("Wanjiru Kamau", "Vice-Chair of the Governing Board", "Rift Valley Data Alliance")),
    ("Ola Berge, member of the Board of Directors of the Fjord Data Foundation, signed for the foundation.",
     ("Ola Berge", "member of the Board of Directors", "Fjord Data Foundation")),
])
def test_a_post_on_a_body_s_governing_board_is_a_post_in_that_body_with_the_board_in_its_title(text, expected):
    assert expected in posts(text)


@pytest.mark.parametrize("text, expected", [
    ("Dr. Tove Lindqvist is a professor of glacial geology at the University of Umea.",
     ("Tove Lindqvist", "Professor", "University of Umea")),
    ("Kaito Mori is Professor of Ocean Physics at the Hokkaido Institute of Marine Science.",
     ("Kaito Mori", "Professor", "Hokkaido Institute of Marine Science")),
    ("Since 2020 Dr. Nadia Haddad has chaired the Levant Water Data Committee.",
     ("Nadia Haddad", "Chair", "Levant Water Data Committee")),
    ("Dr. Pedro Alves directs the Madeira Ocean Observatory and teaches at the University of Funchal.",
     ("Pedro Alves", "Director", "Madeira Ocean Observatory")),
])
def test_a_professor_of_a_field_and_a_verb_of_leading_name_posts(text, expected):
    """"professor of glacial geology at X": the field after "of" is no body, the post is X's;
    "has chaired X", "directs X": the verb names the post."""
    assert expected in posts(text)


def test_a_second_verb_of_the_same_subject_gives_a_second_post():
    got = posts("Marta Kowalczyk served as president of the Baltic Ice Society from 2012 to 2016 and is a fellow of "
                "the European Snow Science Union.")
    assert {("Marta Kowalczyk", "President", "Baltic Ice Society"), ("Marta Kowalczyk", "Fellow", "European Snow Science Union")} <= got


@pytest.mark.parametrize("text, expected", [
    ("On 4 May 2024 the delegation visited the Baltic Data Centre in Riga, where it was received by the Acting Director, Dr. Tom Lind.",
     {("Tom Lind", "Acting Director", "Baltic Data Centre")}),
    ("The visitors also paid a courtesy call on the Andean Snow Institute, where they were welcomed by its Deputy Director, Ines Morel.",
     {("Ines Morel", "Deputy Director", "Andean Snow Institute")}),
    ("At the Nordic Ice Institute, the guests were greeted by the President, Prof. Lena Holm, and toured the archive.",
     {("Lena Holm", "President", "Nordic Ice Institute")}),
    # no body visited in the sentence: no post is guessed
    ("The delegation was received by the Acting Director, Dr. Tom Lind.", set()),
])
def test_who_received_the_visitors_holds_that_post_in_the_body_visited(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two "title of body, name" in a list, the parser reading the first name as a second body
    ("The letter was signed by the director of the Nordic Data Institute, Dr. Ana Ruiz, and the rector of the University of "
     "Chile, Prof. Li Wei.", ("Ana Ruiz", "Director", "Nordic Data Institute")),
    # a title of another language before the name: no sentence ends at its full stop
    ("They were received by the Director of the Andean Glacier Institute, Dra. Rosa Quispe, in Lima.",
     ("Rosa Quispe", "Director", "Andean Glacier Institute")),
])
def test_a_title_of_a_body_then_the_name_after_a_comma(text, expected):
    assert expected in posts(text)


def test_a_body_and_a_name_coordinated_are_no_post():
    assert not {p for p in posts("The director of the Volta Basin Data Centre and Dr. Kwame Boateng met in Accra.") if p[0] == "Kwame Boateng"}
