"""The extractor's rules of counts: how many attended an event and from where ("More than 100
participants", "40 German and about 35 Chinese scientists", "25 from China"), as delegations with
an attendee count and its precision (``ckg:MoreThan``, ``ckg:Approximate`` ...)."""

from __future__ import annotations

import re

from rdflib import Literal

from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.facts import Evidence
from collabkg.loaders.resolve import delegation_key


_PEOPLE_NOUNS = r"attendees|participants|members|delegates|experts|scientists|representatives|researchers|officials|people|persons|guests|specialists|delegations?"


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                      "a hundred": 100, "one hundred": 100, "two hundred": 200, "a dozen": 12})
# "twenty-five", "thirty one": the tens and a unit
_NUMBER_WORDS.update({f"{t}{sep}{u}": _NUMBER_WORDS[t] + _NUMBER_WORDS[u] for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
                      for u in "one two three four five six seven eight nine".split() for sep in ("-", " ")})


_NUMBER_WORDS_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in _NUMBER_WORDS if w != "zero"), key=len, reverse=True))


def _count(text: str) -> int:
    """A count written in digits or words ("25", "Fourteen", "a hundred", "Twenty-five").

    >>> _count("Twenty-five"), _count("a dozen"), _count("40")
    (25, 12, 40)
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    return int(t) if t.isdigit() else _NUMBER_WORDS[t]


_QUALIFIERS = {
    "more than": "ckg:MoreThan", "over": "ckg:MoreThan", "upwards of": "ckg:MoreThan",
    "at least": "ckg:AtLeast", "no fewer than": "ckg:AtLeast", "no less than": "ckg:AtLeast",
    "about": "ckg:Approximate", "around": "ckg:Approximate", "approximately": "ckg:Approximate",
    "nearly": "ckg:Approximate", "almost": "ckg:Approximate", "some": "ckg:Approximate", "roughly": "ckg:Approximate",
    "up to": "ckg:Approximate", "close to": "ckg:Approximate",
}


#: words between a count and its people ("25 early-career scientists", "40 young researchers")
_KINDS_OF_PEOPLE = (r"(?:early[- ]career|young|senior|junior|leading|female|women|visiting|postdoctoral|doctoral|graduate|"
                    r"PhD|international|foreign|local|invited)")


class _CountRules:
    """Attendance counts and delegations: mixed into the Extractor."""

    # attendance counts: "More than 100 participants attended the meeting" ----------------------
    def attendance(self, s: _Sentence) -> None:
        if self._ordinal_match(s) or not re.search(r"\b(?:attend(?:ed|s)?|participants?|participated|brought\s+together|gathered|took\s+part|joined|attendees|delegates)\b", s.text, re.I):
            return
        event = self._event_in(s) or self._event_before(s) or self.main_meeting
        if event is not None:
            self._delegations(event, s, s.start)

    _DELEG_RE = re.compile(
        r"(?:\b(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?(?<![\w-])(\d{1,5}|" + _NUMBER_WORDS_RE + r")\s+(?:(U\.S\.|[A-Z][A-Za-z]+)\s+)?(?:" + _KINDS_OF_PEOPLE + r"\s+)?(" + _PEOPLE_NOUNS + r")\b",
        re.I,
    )

    # "40 German and about 35 Chinese scientists": the first count shares the second's noun
    _DELEG_COORD = re.compile(
        r"(?:\b(?i:(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r"))\s+)?\b(\d{1,5})\s+(U\.S\.|[A-Z][A-Za-z]+)\s+"
        r"(?=(?:and|,|as\s+well\s+as)\s+(?:(?i:" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?\d{1,5}\s+(?:U\.S\.|[A-Z][A-Za-z]+)\s+(?i:(" + _PEOPLE_NOUNS + r"))\b)"
    )

    def _delegations(self, event: str, s: _Sentence, a: int) -> None:
        ev = self.ev(s, "rule:delegation-count")
        found = [(dm.start(), dm.group(1), int(dm.group(2)), dm.group(3), dm.group(4), f"{dm.group(0).strip()} {dm.group(4)}")
                 for dm in self._DELEG_COORD.finditer(self.text, a, s.end)]
        for dm in self._DELEG_RE.finditer(self.text, a, s.end):
            if not any(f[0] == dm.start() for f in found):
                found.append((dm.start(), dm.group(1), _count(dm.group(2)), dm.group(3), dm.group(4), dm.group(0)))
        # "including 25 from China", "30 of them from Kenya"
        for dm in re.finditer(r"(?:\b(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?\b(\d{1,5})\s+(?:of\s+them\s+|participants\s+|experts\s+|delegates\s+)?from\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", self.text[a:s.end]):
            who = dm.group(3).rstrip(".")
            if self.places.country(who) and not any(f[0] == a + dm.start() for f in found):
                found.append((a + dm.start(), dm.group(1), int(dm.group(2)), who, "participants", dm.group(0).rstrip(".")))
        for _, qual, count, who, noun, label in sorted(found):
            country = self.places.country(who) if who else None
            if who and country is None and who.lower() not in ("new", "key", "senior", "young", "international", "foreign", "local"):
                continue
            if count == 0:
                continue
            key = delegation_key(event, country.code if country else None)
            if key in self.x.entities and self.x.objects(key, "ckg:attendeeCount"):
                continue  # one count per delegation: the first the text gives
            self.add_delegation(event, self.country(country.code, ev) if country else None, count,
                                _QUALIFIERS[qual.lower()] if qual else "ckg:ExactCount", label, ev)

    def add_delegation(self, event: str, country: str | None, count: int, precision: str, label: str, ev: Evidence) -> str:
        """A delegation at ``event`` (of the country entity ``country``, or of all present) with its
        attendee count and the count's precision (``ckg:ExactCount``, ``ckg:MoreThan`` ...)."""
        key = delegation_key(event, country.split("/", 1)[1] if country else None)
        self.x.entity(key, "delegation", ["ckg:Delegation"], label, ev)
        self.x.add(event, "ckg:delegation", key, ev)
        self.x.add(key, "ckg:attendeeCount", Literal(count), ev)
        self.x.add(key, "ckg:countPrecision", precision, ev)
        if country:
            self.x.add(key, "ckg:country", country, ev)
        return key
