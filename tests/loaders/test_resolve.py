"""Resolution rules: ordinals with misspellings, person-name keys (``collabkg.loaders.resolve``)."""

from __future__ import annotations

import pytest

from collabkg.loaders.resolve import damerau_distance, edit_distance, ordinal_value, person_key


@pytest.mark.parametrize("word, n", [
    ("First", 1), ("second", 2), ("THIRD", 3), ("Fourth", 4), ("twentieth", 20),
    ("1st", 1), ("2nd", 2), ("3rd", 3), ("12th", 12), ("21st", 21), ("4 th", 4),
    ("Forth", 4), ("Fith", 5), ("Secnod", 2), ("Thrid", 3), ("Fouth", 4), ("Eigth", 8), ("Nineth", 9), ("Sixht", 6),
    ("Seccond", 2), ("Fifht", 5),
])
def test_ordinals_and_their_misspellings(word, n):
    assert ordinal_value(word) == n


@pytest.mark.parametrize("word", ["Fort", "fifty", "Eight", "Worth", "North", "three", "Birth", "Annual", "Roundtable", "0th", ""])
def test_words_that_are_not_ordinals(word):
    assert ordinal_value(word) is None


def test_a_swap_of_two_letters_is_one_edit():
    assert damerau_distance("secnod", "second") == 1
    assert edit_distance("secnod", "second") == 2
    assert damerau_distance("abc", "abc") == 0


@pytest.mark.parametrize("a, b", [
    ("Dr. BAO Yiming", "BAO Yiming"), ("BAO Yiming", "Yiming BAO"), ("Prof. Maria Rossi", "Maria ROSSI"),
    ("Dr. Hiroshi Yamakawa", "YAMAKAWA Hiroshi"), ("José Núñez", "Jose Nunez"), ("Academician XU Guanhua", "Guanhua Xu"),
])
def test_one_person_written_two_ways_has_one_key(a, b):
    assert person_key(a) == person_key(b)


def test_different_people_have_different_keys():
    assert person_key("Maria Rossi") != person_key("Mario Rossi")
    assert person_key("Anna de Vries") != person_key("Anna Vries")
