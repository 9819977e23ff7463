"""Entity resolution: one identity for the many ways a text names a thing.

Bodies resolve through the registry (names, aliases, acronyms) and through acronyms a document
defines; people through a name key that ignores titles, case and order; ordinals through their
words, numbers and common misspellings ("Forth" = fourth).

>>> person_key("Dr. BAO Yiming") == person_key("Bao Yiming") == person_key("Yiming BAO")
True
>>> ordinal_value("Forth"), ordinal_value("third"), ordinal_value("12th"), ordinal_value("Fith")
(4, 3, 12, 5)
>>> ordinal_value("Fort") is None
True
"""

from __future__ import annotations

import re
import unicodedata

from collabkg.loaders.mentions import TITLE_RE

__all__ = ["ORDINALS", "ordinal_value", "person_key", "edit_distance"]

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth"]
_KNOWN_TYPOS = {"forth": 4, "fith": 5, "nineth": 9, "twelveth": 12, "eigth": 8}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def ordinal_value(word: str) -> int | None:
    """The number an ordinal word stands for, tolerating one-letter misspellings of long words."""
    w = word.strip().lower().rstrip(".")
    if m := re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w):
        return int(m.group(1))
    if w in ORDINALS:
        return ORDINALS.index(w) + 1
    if w in _KNOWN_TYPOS:
        return _KNOWN_TYPOS[w]
    if len(w) >= 6:
        close = [i for i, o in enumerate(ORDINALS) if edit_distance(w, o) == 1]
        if len(close) == 1:
            return close[0] + 1
    return None


def person_key(name: str) -> str:
    """An identity key for a person's name: no titles, accents folded, case and order ignored."""
    n = re.sub(rf"^\s*{TITLE_RE}\s+", "", name.strip())
    n = unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode("ascii") or n
    toks = sorted(t for t in re.split(r"[\s.]+", n.lower()) if t)
    return "-".join(toks)
