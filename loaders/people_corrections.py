"""Corrections of the merged mention list about people and places: places the NER made of given
names, prepositions or event nouns; a place after a title or before a known surname that is a
person's given name; a person named again by one of their names alone."""

from __future__ import annotations

import bisect
import re

from collabkg.loaders.body_names import HEADS, _CONNECT_IN_NAME, _EVENT_WORDS
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import _NOT_SURNAMES, is_title
from collabkg.loaders.registry import load_places


_NOT_PLACE_WORDS = {"across", "among", "around", "after", "before", "during", "within", "between", "through", "under", "over",
                    "about", "above", "below", "beyond", "despite", "since", "until", "while", "where", "when", "here", "there",
                    # a common noun of geography alone ("big Earth data", "the Mountains") names no place
                    "earth", "world", "globe", "mountains", "mountain", "ocean", "oceans", "sea", "seas", "region", "regions",
                    } | _EVENT_WORDS  # an event's noun alone, capitalised in a headline ("During a Visit to Tromso")


def _places_that_are_names(ms: list[Mention], places) -> list[Mention]:
    """Places the statistical NER made of what is no place: a person's given name read alone
    ("Marisol" of "Marisol Quispe" elsewhere), a capitalised preposition ("Across the region"), an
    event's noun alone ("During a Visit to Cusco"), a name cut before its end ("People's Republic of"). Places the gazetteer knows stay.

    >>> [m.text for m in _places_that_are_names([Mention(0, 7, "Marisol", "CITY", method="ner"),
    ...  Mention(20, 34, "Marisol Quispe", "PERSON"), Mention(40, 46, "Across", "CITY", method="ner"),
    ...  Mention(50, 55, "Visit", "CITY", method="ner")], load_places())]
    ['Marisol Quispe']
    """
    given = {w for m in ms if m.label == "PERSON" and len(m.text.split()) > 1 for w in m.text.split()}
    out = []
    for m in ms:
        if m.method == "ner" and m.label in ("CITY", "REGION") and m.text not in places.cities and (
                m.text in given or m.text.lower() in _NOT_PLACE_WORDS or m.text.split()[-1].lower() in _CONNECT_IN_NAME):
            continue
        out.append(m)
    return out


_TITLED_NAME = re.compile(r"[^\W\d_][\w'’-]+(?:\s+[^\W\d_][\w'’-]+)?(?=[\s,.;:)]|$)")


def _titled_people_not_places(text: str, ms: list[Mention]) -> list[Mention]:
    """"Vice-President Milan Novak", "Director Florence Abiola": a place's name right after a title and
    before a surname is a given name. The place goes; the person is the title's (method ``title-name``).

    >>> _titled_people_not_places("Vice-President Milan Novak spoke.", [Mention(15, 20, "Milan", "CITY", code="IT")])
    [<PERSON 'Milan Novak' 15-26>]
    """
    out = []
    for m in ms:
        if m.label in ("CITY", "REGION", "GPE"):
            before = re.search(r"([\w.-]+)\s+$", text[max(0, m.start - 30):m.start])
            word = before.group(1).rstrip(".") if before else ""
            titled = is_title(word)
            rest = _TITLED_NAME.match(text, m.end + 1) if titled and text[m.end:m.end + 1] == " " else None
            if rest and rest.group(0)[:1].isupper() and not rest.group(0).split()[0].isupper() and not HEADS.get(rest.group(0).split()[0]) and not any(
                    o is not m and o.start < rest.end() and o.end > rest.start() for o in ms):
                end = m.end + 1 + len(rest.group(0).split()[0])
                out.append(Mention(m.start, end, text[m.start:end], "PERSON", title=word, method="title-name"))
                continue
        out.append(m)
    return out


def _given_names_not_places(text: str, ms: list[Mention]) -> list[Mention]:
    """"signed by Lena Holm and Milan Novak (PDA)" where "Milan Novak" is a person elsewhere in the
    document: a city's name followed by the family name of a person the document names in full is
    that person's given name (method ``name-again``), not the city.

    >>> _given_names_not_places("Milan Novak spoke. Then Milan Novak signed.", [Mention(0, 11, "Milan Novak", "PERSON"),
    ...  Mention(24, 29, "Milan", "CITY", code="IT")])
    [<PERSON 'Milan Novak' 0-11>, <PERSON 'Milan Novak' 24-35>]
    """
    people = {m.text for m in ms if m.label == "PERSON" and len(m.text.split()) == 2}
    if not people:
        return ms
    out = []
    for m in ms:
        if m.label in ("CITY", "REGION", "GPE"):
            nxt = re.match(r" ([A-Z][\w'’-]+)", text[m.end:m.end + 40])
            if nxt and f"{m.text} {nxt.group(1)}" in people and not any(
                    o is not m and o.start < m.end + nxt.end() and o.end > m.end for o in ms):
                end = m.end + nxt.end()
                out.append(Mention(m.start, end, text[m.start:end], "PERSON", method="name-again"))
                continue
        out.append(m)
    return out


def _people_named_again(text: str, ms: list[Mention]) -> list[Mention]:
    """"Omar Haddad ... Haddad said", "Bai Lin ... Bai reviewed", "LIU Fang ... LIU welcomed": a person named in full and later by
    one of their names alone. That name is the person (method ``name-again``), where the model read it
    as a place or body or not at all, when exactly one person of the document before it bears it."""
    people = [m for m in ms if m.label == "PERSON" and len(m.text.split()) > 1]
    if not people:
        return ms
    first_seen: dict[str, list[Mention]] = {}
    for p in people:
        words = p.text.split()
        # "LIU Fang ... LIU said": a family name in capitals is that person's too, when the rest is not
        caps_family = [w for w in words if len(w) > 1 and w.isupper()] if not all(w.isupper() for w in words) else []
        for w in {words[0], words[-1]}:
            if len(w) > 1 and w[:1].isupper() and (not w.isupper() or caps_family == [w]) and w.lower() not in _NOT_SURNAMES:
                first_seen.setdefault(w, [])
                if all(o.text != p.text for o in first_seen[w]):
                    first_seen[w].append(p)
    out = [m for m in ms]
    taken = sorted((m.start, m.end) for m in ms)
    starts = [a for a, _ in taken]
    for w, owners in first_seen.items():
        if len(owners) != 1:
            continue  # two people of that name: which one is meant is not said
        owner = owners[0]
        for hit in re.finditer(rf"(?<![\w.-]){re.escape(w)}(?![\w-]|\s+[A-Z])", text):
            if hit.start() < owner.end:
                continue
            i = bisect.bisect_right(starts, hit.start()) - 1
            over = [m for m in out if m.start < hit.end() and hit.start() < m.end]
            if any(m.label == "PERSON" or m.method != "ner" or len(m.text.split()) > 1 for m in over):
                continue  # inside a name the rules or the registry read ("Bai Lin", "Haddad Institute")
            out = [m for m in out if m not in over]
            out.append(Mention(hit.start(), hit.end(), w, "PERSON", method="name-again"))
    out.sort(key=lambda m: m.start)
    return out
