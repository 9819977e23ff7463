"""Entity resolution: one identity for the many ways a text names a thing.

Bodies resolve through the registry (names, aliases, acronyms) and through acronyms a document
defines; people through a name key that ignores titles, case and order; ordinals through their
words, numbers and common misspellings ("Forth" = fourth).

>>> person_key("Dr. BAO Yiming") == person_key("Bao Yiming") == person_key("Yiming BAO")
True
>>> ordinal_value("Forth"), ordinal_value("third"), ordinal_value("12th"), ordinal_value("Fith")
(4, 3, 12, 5)
>>> ordinal_value("Secnod"), ordinal_value("Thrid"), ordinal_value("3rd"), ordinal_value("1st")
(2, 3, 3, 1)
>>> ordinal_value("Fort") is None, ordinal_value("fifty") is None, ordinal_value("eight") is None
(True, True, True)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from collabkg.loaders.person_names import TITLE_RE

__all__ = ["ORDINALS", "ordinal_value", "person_key", "edit_distance", "damerau_distance", "series_name_key", "delegation_key"]

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth"]
_KNOWN_TYPOS = {"forth": 4, "fith": 5, "nineth": 9, "twelveth": 12, "eigth": 8, "fouth": 4, "frist": 1}
#: Real words one edit away from an ordinal: never read as a misspelt ordinal.
_NOT_ORDINALS = {"fifty", "sixty", "eight", "eighty", "ninety", "seventy", "forty", "fourty", "twenty", "nine",
                 "seven", "eleven", "thirty", "tenths", "fifths", "thirds", "seconds", "firsts", "birth",
                 "fourths", "worth", "north", "filth", "fifths", "girth", "thirst", "thirty"}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def damerau_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit ("Secnod" -> "second")."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@lru_cache(maxsize=4096)
def ordinal_value(word: str) -> int | None:
    """The number an ordinal word stands for ("Fourth", "4th", "4 th"), tolerating one misspelling.

    A word of five letters or more one edit (or one swap of neighbouring letters) from exactly one
    ordinal counts as that ordinal, unless it is a real word ("fifty", "eight").
    """
    w = word.strip().lower().rstrip(".")
    if m := re.fullmatch(r"(\d{1,3})\s?(?:st|nd|rd|th)", w):
        return int(m.group(1)) or None
    if w in ORDINALS:
        return ORDINALS.index(w) + 1
    if w in _KNOWN_TYPOS:
        return _KNOWN_TYPOS[w]
    if len(w) >= 5 and w.isalpha() and w not in _NOT_ORDINALS:
        close = [i for i, o in enumerate(ORDINALS) if damerau_distance(w, o) == 1]
        if len(close) == 1:
            return close[0] + 1
    return None


def person_key(name: str) -> str:
    """An identity key for a person's name: no titles, accents folded, case and order ignored."""
    n = re.sub(rf"^\s*{TITLE_RE}\s+", "", name.strip())
    n = unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode("ascii") or n
    toks = sorted(t for t in re.split(r"[\s.]+", n.lower()) if t)
    return "-".join(toks)


def series_name_key(name: str, places=None) -> str:
    """The identity of an event or series name across publishers: lower case, and a country's
    adjective written as the country ("Sino-German" = "China-Germany"), so two documents naming one
    workshop differently land on one node.

    >>> series_name_key("Sino-German Workshop on Earth Data") == series_name_key("China-Germany Workshop on Earth Data")
    True
    >>> series_name_key("Norway-Korea Arctic Data Roundtable")
    'norway korea arctic data roundtable'
    """
    from collabkg.loaders.registry import load_places, norm

    places = places or load_places()
    words = []
    for w in re.split(r"[\s\-–]+", name.strip()):
        c = places._adjectives.get(w) if w not in places._country_forms else None
        words.append(c.name if c is not None else w)
    return norm(" ".join(words))


def delegation_key(event: str, country_code: str | None) -> str:
    """The identity of the delegation of a country (ISO code) at an event; ``None``: of all present.

    >>> delegation_key("event/nordic forum|x", "NO")
    'delegation/nordic forum|x|no'
    """
    return f"delegation/{event.split('/', 1)[1]}|{country_code.lower() if country_code else 'all'}"
