"""Public offices: ministers, secretaries, ambassadors and governors, and the country they serve.

News of the field names officials by their office and their nationality, not by a body::

    Brazilian Minister of Science and Technology Helena Duarte visited the centre.
    Norwegian Research Minister Lars Holm opened the meeting.
    Marcos Vidal, Deputy Minister of Education of Brazil, signed for his country.
    The Chilean Ambassador to Norway, Ana Ruiz, welcomed the delegation.
    Kenya's Cabinet Secretary for Education, Amos Koech, spoke.

Each is a post (``org:Post``, ``rule:public-office``) whose title is the office as written
("Minister of Science and Technology", "Research Minister", "Ambassador to Norway") in the
government of the country the text gives it: by an adjective of nationality or a possessive before
the title, or "of <country>" after it (an ambassador's "to <country>" is where the office is
held, not whose it is). The government is a body of its own ("Brazilian Government",
``ckg:GovernmentAgency``, ``ckg:country`` the country), and the post also carries ``ckg:country``,
so that "the Brazilian minister" is one step from Brazil. An office with no country in the text
("Minister Lars Holm") gives no post: whose minister is never guessed.

>>> _TITLE_RE.fullmatch("Minister of Science and Technology").group("portfolio")
'Science and Technology'
"""

from __future__ import annotations

import re

from collabkg.loaders.facts import Evidence

__all__ = ["PORTFOLIO_WORDS", "government", "read_public_offices"]

#: Words of a public office's portfolio ("Minister of Science, Technology and Innovation"), no one's name.
PORTFOLIO_WORDS = {
    "Science", "Sciences", "Technology", "Innovation", "Higher", "Education", "Research", "Environment", "Foreign",
    "Affairs", "Interior", "Home", "Land", "Lands", "Resources", "Natural", "Health", "Agriculture", "Energy", "Industry",
    "Trade", "Commerce", "Finance", "Economy", "Economic", "Culture", "Information", "Communications", "Communication",
    "Digital", "Transport", "Fisheries", "Oceans", "Ocean", "Marine", "Climate", "Change", "Development", "Planning",
    "Defence", "Defense", "Justice", "Labour", "Labor", "Water", "Mines", "Mining", "Public", "Works", "Youth", "Sports",
    "Tourism", "International", "Cooperation", "Social", "Security", "Space", "Telecommunications", "Universities",
    "Ecology", "Forestry", "Forests", "Rural", "Urban", "Housing", "Statistics", "Budget", "State", "Polar", "Arctic",
    "Food", "Employment", "Welfare", "Infrastructure", "Data", "Policy", "Relations", "Emergency", "Management",
    "Scientific", "Technological", "Technical", "Vocational", "Training", "Tertiary", "Basic", "Nature", "Protection",
    "Conservation", "Wildlife", "Meteorology", "Geology", "Heritage", "Innovations", "Survey",
}

_OFFICE = (r"(?:Prime\s+Minister|Minister|Secretary(?:\s+of\s+State)?|Ambassador|Governor|Mayor|Commissioner|"
           r"Consul(?:\s+General)?|Chief\s+Scientist|Chief\s+Science\s+Advis[eo]r)")
_MODIFIER = r"(?:(?:Prime|Deputy|Vice|Assistant|Under|Foreign|Permanent|Cabinet|State|Federal|Chief|Acting|Former)[\s-]+)"
_WORD = r"[A-Z][a-z]+"
_PF_WORD = "(?:" + "|".join(sorted(PORTFOLIO_WORDS, key=len, reverse=True)) + ")"
#: "Science and Technology", "Science, Technology and Innovation": a portfolio's words, as many as are written
_PORTFOLIO = rf"{_PF_WORD}(?:(?:,\s+|\s+(?:and|&)\s+|\s+){_PF_WORD}\b)*"
#: or a country ("Ambassador to Norway", "Prime Minister of Iceland")
_PLACE = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
#: the office's title: modifiers, portfolio words before it ("Research Minister"), the office, and
#: its portfolio or post after it ("of Education", "for Higher Education", "to Norway")
_TITLE = (rf"(?P<title>{_MODIFIER}*(?:(?P<pre>{_WORD}(?:\s+(?:and\s+)?{_WORD}){{0,2}})\s+)?{_MODIFIER}*{_OFFICE}"
          rf"(?:\s+(?P<prep>of|for|to)\s+(?:the\s+)?(?P<portfolio>{_PORTFOLIO}\b|{_PLACE}))?)")
_TITLE_RE = re.compile(_TITLE)
_TITLE_BEFORE_NAME = re.compile(rf"{_TITLE},?\s+$")
#: the words after a person's name: ", [the] [Brazilian] <title>[ of <country>]"
OFFICE_AFTER = re.compile(rf"^(?:\s*\((?:left|right|centre|center|middle|front|second\s+from\s+(?:left|right))\))?,\s+(?:the\s+|a\s+|an\s+)?(?:(?P<country>[A-Z][\w.]*(?:['’]s)?)\s+)??{_TITLE}"
                          rf"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.]*(?:\s+[A-Z][a-z]+){{0,2}}))?")
def _portfolio_ok(words: str | None) -> bool:
    return not words or all(w in PORTFOLIO_WORDS for w in re.findall(r"[A-Z][a-z]+", words))


def _country(ex, text: str | None):
    """The country a word names: an adjective ("Brazilian"), a name ("Brazil", "U.S.") or a possessive."""
    if not text:
        return None
    text = re.sub(r"['’]s$", "", text)
    for t in dict.fromkeys((text, text.rstrip("."))):  # "U.S." / "of Brazil."
        if (c := ex.places.country(t) or ex.places.country_of_adjective(t)) is not None:
            return c
    return None


def _office(ex, title: str, prep: str | None, pf: str | None, country):
    """The title kept and the office's country, from the words around and in the title."""
    if prep == "of" and (c := _country(ex, pf)) is not None:  # "Prime Minister of Iceland"
        return re.sub(rf"\s+of\s+(?:the\s+)?{re.escape(pf)}$", "", title), country or c
    if prep == "to" and _country(ex, pf) is None:
        return None  # "Ambassador to X": X must be a country
    if prep in ("of", "for") and not _portfolio_ok(pf):
        return None
    return (title, country) if country is not None else None


def _before(ex, m, s):
    """"Brazilian Minister of Science and Technology <name>", "U.S. Interior Secretary <name>"."""
    before = ex.text[max(s.start, m.start - 160):m.start]
    if not re.search(r",?\s+$", before):
        return None
    for w in re.finditer(r"(?<!\S)[A-Z]", before):  # the longest title first
        t = _TITLE_BEFORE_NAME.match(before, w.start())
        if t is None:
            continue
        if not _portfolio_ok(t.group("pre")):
            continue
        words = re.findall(r"[A-Z][\w.’']*", before[max(0, w.start() - 40):w.start()].split(",")[-1])[-3:]
        country = next((c for n in range(1, len(words) + 1) if (c := _country(ex, " ".join(words[-n:]))) is not None), None)
        return _office(ex, t.group("title"), t.group("prep"), t.group("portfolio"), country)
    return None


def _after(ex, m, s):
    """"<name>, Deputy Minister of Education of Brazil", "<name>, the Chilean Ambassador to Norway"."""
    a = OFFICE_AFTER.match(ex.text[m.end:s.end])
    if a is None or not _portfolio_ok(a.group("pre")):
        return None
    country = _country(ex, a.group("country")) or _country(ex, a.group("of"))
    return _office(ex, a.group("title"), a.group("prep"), a.group("portfolio"), country)


def _read(ex, m, s):
    """The office's title and country for a person mention, or None."""
    return _before(ex, m, s) or _after(ex, m, s)


def government(ex, code: str, ev: Evidence) -> str:
    """The entity of a country's government (ISO ``code``), in that country: named by the country's
    adjective where the gazetteer has one ("Chinese Government"), else "Government of <country>"."""
    country = ex.country(code, ev)
    adj = ex.places.adjective(code)
    name = f"{adj} Government" if adj else f"Government of {ex.x.entities[country].label}"
    key = ex.x.entity(f"organization/government|{code.lower()}", "organization",
                      ["org:Organization", "org:FormalOrganization", "ckg:GovernmentAgency"], name, ev).key
    ex.x.add(key, "ckg:country", country, Evidence(ev.start, ev.end, ev.quote, "rule:public-office"))
    return key


def read_public_offices(ex, s) -> None:
    """Read the public offices of the people a sentence names (see the module's docstring)."""
    for m in s.mentions:
        if m.label != "PERSON":
            continue
        found = _read(ex, m, s)
        if found is None:
            continue
        title, country = found
        title = re.sub(r"\s+", " ", title)
        ev = ex.ev(s, "rule:public-office")
        person = ex.person(m, ev)
        if any(t.lower() == title.lower() for p in ex.x.objects(person, "org:holds") for t in ex.x.objects(p, "ckg:roleTitle")):
            continue  # the post was read by another rule, in a body the text names
        place = ex.country(country.code, ev)
        gov = government(ex, country.code, ev)
        ex.add_post(person, title, gov, ev)
        post = next(p for p in ex.x.objects(person, "org:holds") if gov in ex.x.objects(p, "org:postIn"))
        ex.x.add(post, "ckg:country", place, ev)
