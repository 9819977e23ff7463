"""Corrections of the merged mention list about bodies: two bodies joined by "and" read as one,
a place's government, possessive owners ("Peru's National Council", "the Academy of Sciences'
Institute of X", "the Alliance's Board"), national committees ("CODATA-Japan"), a body named
after a person's "from <country>", a known body "of" another known body, and shapes read only in a
title-case headline."""

from __future__ import annotations

import re

from collabkg.loaders.body_names import HEADS, UNIT_CLASSES, _ORG_WORDS, _acronym_like, _class_of
from collabkg.loaders.clean import DATELINE
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import is_title
from collabkg.loaders.registry import load_places


def _split_joined_bodies(ms: list[Mention]) -> list[Mention]:
    """"the Tromso Municipality and NDI Programme of Polar Data": two bodies joined by "and", read as
    one name. Split where the words before "and" end in a body's head noun ("Government", "Institute")
    and the words after it name a body of their own; "Ministry of Science and Technology" stays one.

    >>> _split_joined_bodies([Mention(0, 49, "Tromso Municipality and NDI Programme on Ice Data", "ORG", "Program")])
    [<ORG 'Tromso Municipality' 0-19>, <ORG 'NDI Programme on Ice Data' 24-49>]
    >>> _split_joined_bodies([Mention(0, 54, "Academy of Arts and Letters of Chad and Mali's Council", "ORG", "Academy")])
    [<ORG 'Academy of Arts and Letters of Chad' 0-35>, <ORG "Mali's Council" 40-54>]
    """
    out = []
    for i, m in enumerate(ms):
        tail = re.search(r"\s+and\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s$", m.text) if m.label == "ORG" and m.entry is None else None
        if tail and len(m.text[:tail.start()].split()) >= 2:
            # "the Academy of Chad and Mali's | National Council": the owner belongs to the next body
            out.append(Mention(m.start, m.start + tail.start(), m.text[:tail.start()], "ORG", _class_of(m.text[:tail.start()].split()), method=m.method))
            c = load_places().country(tail.group(1))
            if c is not None:
                out.append(Mention(m.start + tail.start(1), m.start + tail.end(1), tail.group(1), "GPE", code=c.code, method=m.method))
                nxt = next((o for o in ms[i + 1:i + 2] if o.label == "ORG" and o.start - m.end <= 2), None)
                if nxt is not None and not nxt.country:
                    nxt.country = c.code
            continue
        cut = re.search(r"\s+and\s+(?:the\s+)?", m.text) if m.label == "ORG" and m.entry is None else None
        owned = re.search(r"\s+and\s+(?:the\s+)?(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+[A-Z])", m.text) if cut else None
        if owned and len(m.text[:owned.start()].split()) >= 2 and any(
                HEADS.get(w) or w in _ORG_WORDS for w in m.text[owned.end():].split()):
            cut = owned  # "the Academy of Chad and Mali's Research Council": the second body has its owner
        elif cut is None:
            out.append(m)
            continue
        left, right = m.text[:cut.start()], m.text[cut.end():]
        lw, rw = left.split(), right.split()
        if cut is owned or (len(lw) >= 2 and (HEADS.get(lw[-1]) or lw[-1] in _ORG_WORDS) and rw and rw[0][:1].isupper()
                and any(HEADS.get(w) or w in _ORG_WORDS for w in rw) and " and " not in right):
            out.append(Mention(m.start, m.start + len(left), left, "ORG", _class_of(lw), method=m.method))
            out.append(Mention(m.start + cut.end(), m.end, right, "ORG", _class_of(rw), method=m.method))
        else:
            out.append(m)
    return out


_GOVERNMENT = re.compile(r"\s+(?:(?:Municipal|Provincial|County|City|Regional|State|Federal|National|Local|People['’]s)\s+)*Government\b")


def _governments(text: str, ms: list[Mention]) -> list[Mention]:
    """"the Tengri Government", "the Nordland Provincial Government": a place's government is a body
    (one mention over both words, a GovernmentAgency), not the place.

    >>> _governments("the Kunming Municipal Government", [Mention(4, 11, "Kunming", "CITY")])
    [<ORG 'Kunming Municipal Government' 4-32>]
    """
    out = []
    for m in ms:
        g = _GOVERNMENT.match(text, m.end) if m.label in ("CITY", "REGION", "GPE") else None
        if g is None or any(o is not m and o.start < g.end() and o.end > m.end for o in ms):
            out.append(m)
            continue
        out.append(Mention(m.start, g.end(), text[m.start:g.end()], "ORG", "GovernmentAgency", method="place-government",
                           country=m.code if m.label == "GPE" else None))
    return out


#: an acronym written right before a city ("ETH Zurich"); "AM" / "PM" are times ("10 AM Lisbon time")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.&-])([A-Z]{2,4})\s$")
_NO_INSTITUTION = {"AM", "PM", "EU", "UN", "AU", "GMT", "UTC", "CET", "EST"}


def _institutions_named_with_a_city(text: str, ms: list[Mention], registry, places) -> list[Mention]:
    """"ETH Zurich", "TU Delft", "KU Leuven": an acronym nobody defines, right before a city, is one
    institution's name, not the city (one ORG mention over both). A known body's acronym ("CAS
    Beijing": the academy, then the city), a country's code and a time zone are left as they are.

    >>> from collabkg.loaders.registry import load_registry
    >>> _institutions_named_with_a_city("from ETH Zurich.", [Mention(9, 15, "Zurich", "CITY", code="CH")], load_registry(), load_places())
    [<ORG 'ETH Zurich' 5-15>]
    """
    out = []
    gone: set[int] = set()
    for m in ms:
        a = _ACRONYM_BEFORE.search(text, max(0, m.start - 6), m.start) if m.label == "CITY" else None
        if a is None or a.group(1) in _NO_INSTITUTION or registry.lookup(a.group(1)) is not None \
                or places.country(a.group(1)) is not None or re.match(r"[\w-]", text[m.end:m.end + 1]):
            out.append(m)
            continue
        over = [o for o in ms if o is not m and o.start < m.start and o.end > a.start()]
        if any(o.label != "ORG" or o.entry is not None or o.start < a.start() for o in over):
            out.append(m)  # the acronym is part of another name read there
            continue
        gone.update(id(o) for o in over)
        out.append(Mention(a.start(), m.end, text[a.start():m.end], "ORG", None, method="acronym-city"))
    return [m for m in out if id(m) not in gone]


_UNIT_WORDS = {"Committee", "Board", "Secretariat", "Bureau", "Office", "Department", "Division", "Institute", "Center",
               "Centre", "Laboratory", "Lab", "School", "Faculty", "Group", "Team", "Unit", "Commission", "Panel"}


_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>[A-Z].*)$")


def _possessive_owners(ms: list[Mention], places) -> list[Mention]:
    """"Argentina's National Research Council", "the Institute's Data Committee": the owner before
    "'s" is not part of the body's name. A country or city owner is the body's country or place
    (two mentions: the place, and the body with its country); a body owner with a unit after it is
    the unit's parent (two bodies, the unit ``parent`` of the owner).

    >>> from collabkg.loaders.registry import load_places
    >>> _possessive_owners([Mention(0, 31, "Peru's National Science Council", "ORG", "ResearchCenter")], load_places())
    [<GPE 'Peru' 0-4>, <ORG 'National Science Council' 7-31>]
    """
    out: list[Mention] = []
    for m in ms:
        pm = _POSSESSIVE.match(m.text) if m.label == "ORG" and m.entry is None else None
        if pm is None:
            out.append(m)
            continue
        owner, rest = pm.group("owner"), pm.group("rest")
        o_end, r_start = m.start + pm.end("owner"), m.start + pm.start("rest")
        rest_m = Mention(r_start, m.end, rest, "ORG", _class_of(rest.split()), acronym=m.acronym, method=m.method, extra=dict(m.extra))
        rest_m.extra.pop("name", None)
        country = places.country(owner)
        if country is not None and not owner.endswith(("an", "ese", "ish")) or owner in places.cities:
            if country is not None:
                out.append(Mention(m.start, o_end, owner, "GPE", code=country.code, method=m.method))
                rest_m.country = country.code
            else:
                name, code = places.cities[owner]
                out.append(Mention(m.start, o_end, owner, "CITY", code=code, method=m.method))
            out.append(rest_m)
        elif (rest_m.cls in UNIT_CLASSES or set(rest.split()) & _UNIT_WORDS) and owner[:1].isupper() and (
                _acronym_like(owner) or any(HEADS.get(w) or w in _ORG_WORDS for w in owner.split())):
            owner_m = Mention(m.start, o_end, owner, "ORG", _class_of(owner.split()), method=m.method)
            rest_m.parent = owner_m
            out += [owner_m, rest_m]
        else:
            out.append(m)
    return out


_PLURAL_OWNER = re.compile(r"^(?P<last>[A-Z][\w-]*s)['’]\s+(?P<rest>[A-Z].*)$")


def _plural_possessive_owners(text: str, ms: list[Mention]) -> list[Mention]:
    """"the Mongolian Academy of Sciences' Institute of Geography": a body whose name ends in a plural,
    with its possessive, and a unit after it, read as two names cut at "of" ("Mongolian Academy",
    "Sciences' Institute of Geography"). One owner ("Mongolian Academy of Sciences") and its unit
    ("Institute of Geography", ``parent`` the owner).

    >>> t = "the Nordic Academy of Sciences' Institute of Ice"
    >>> ms = [Mention(4, 18, "Nordic Academy", "ORG", "Academy"), Mention(22, 48, "Sciences' Institute of Ice", "ORG", "ResearchInstitute")]
    >>> [(m.text, m.parent.text if m.parent else None) for m in _plural_possessive_owners(t, ms)]
    [('Nordic Academy of Sciences', None), ('Institute of Ice', 'Nordic Academy of Sciences')]
    """
    out: list[Mention] = []
    for m in ms:
        pm = _PLURAL_OWNER.match(m.text) if m.label == "ORG" and m.entry is None else None
        prev = out[-1] if out else None
        if pm is None or prev is None or prev.label != "ORG" or text[prev.end:m.start] != " of ":
            out.append(m)
            continue
        o_end = m.start + pm.end("last")
        owner_text = text[prev.start:o_end]
        owner = Mention(prev.start, o_end, owner_text, "ORG", prev.cls or _class_of(owner_text.split()), method=prev.method,
                        country=prev.country)
        r_start = m.start + pm.start("rest")
        rest = Mention(r_start, m.end, pm.group("rest"), "ORG", _class_of(pm.group("rest").split()), method=m.method)
        rest.parent = owner
        out[-1] = owner
        out.append(rest)
    return out


_MONTHS_AND_DAYS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _bodies_after_country(text: str, ms: list[Mention], places) -> list[Mention]:
    """"Dr Wei Zhou from China Tencent gave ...": a capitalised name after a person's "from <country>"
    is the body the person comes from (a company the mention finder has no head noun for), in that
    country. Not a place, a month, a title or a name already read.

    >>> t = "Dr Wei Zhou from China Tencent spoke."
    >>> ms = [Mention(3, 11, "Wei Zhou", "PERSON"), Mention(17, 22, "China", "GPE", code="CN")]
    >>> [(m.text, m.label, m.country) for m in _bodies_after_country(t, ms, load_places()) if m.label == "ORG"]
    [('Tencent', 'ORG', 'CN')]
    """
    by_start = {m.start: m for m in ms}
    taken = [(m.start, m.end) for m in ms]
    new = []
    for m in ms:
        if m.label != "PERSON":
            continue
        fm = re.match(r"(?:\s*\([^()]{1,40}\))?,?\s+from\s+(?:the\s+)?", text[m.end:m.end + 60])
        country = by_start.get(m.end + fm.end()) if fm else None
        if country is None or country.label != "GPE":
            continue
        nm = re.match(r" ([A-Z][\w&-]+(?:[ -][A-Z][\w&-]+){0,2})(?=[\s,.;:)]|$)", text[country.end:country.end + 60])
        if nm is None:
            continue
        a, b = country.end + 1, country.end + nm.end()
        words = nm.group(1).split()
        if any(x < b and a < y for x, y in taken) or words[0] in _MONTHS_AND_DAYS or is_title(words[0]) \
                or places.country(nm.group(1)) or nm.group(1) in places.cities or words[0] in ("And", "The", "In", "On", "At"):
            continue
        new.append(Mention(a, b, nm.group(1), "ORG", _class_of(words), country=country.code, method="after-country"))
    return sorted(ms + new, key=lambda m: (m.start, -m.end)) if new else ms


def _based_in_prefix(ms: list[Mention], places) -> list[Mention]:
    """"the Mombasa-based Coastal Data Centre", "a Kenya-based institute": where a body is based is
    no part of its name. The place becomes a mention of its own (a city the gazetteer knows, or a
    country), the body's name starts after "-based" (pattern locations/place-based-org).

    >>> ms = [Mention(4, 37, "Mombasa-based Coastal Data Centre", "ORG", "ResearchCenter")]
    >>> _based_in_prefix(ms, load_places())
    [<CITY 'Mombasa' 4-11>, <ORG 'Coastal Data Centre' 18-37>]
    """
    out = []
    for m in ms:
        bm = re.match(r"([A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)?)-based\s+(?=[A-Z])", m.text) if m.label == "ORG" and m.entry is None else None
        place = bm.group(1) if bm else None
        country = places.country(place) if place else None
        cities = places.cities.get(place) if place else None
        if not (country or cities):
            out.append(m)
            continue
        a = m.start + bm.end()
        rest = m.text[bm.end():]
        if country is not None:
            out.append(Mention(m.start, m.start + len(place), place, "GPE", code=country.code, method="based-in"))
        else:
            out.append(Mention(m.start, m.start + len(place), place, "CITY", code=cities[1], method="based-in"))
        out.append(Mention(a, m.end, rest, "ORG", _class_of(rest.split()), acronym=m.acronym, country=m.country, method=m.method))
    return out


def _titled_person_and_body(text: str, ms: list[Mention]) -> list[Mention]:
    """"Director Dr. Ana Ruiz and Peruvian Geological Survey chief Dr. B signed": a title's name and
    the next signer's body, joined by "and", read as one body's name. A body's name never starts
    right after a person's title: the words before "and" are the person, the rest the body.

    >>> t = "by Dr. Ana Ruiz and Peruvian Geological Survey chief Dr. Tomas Reyes."
    >>> _titled_person_and_body(t, [Mention(7, 46, "Ana Ruiz and Peruvian Geological Survey", "ORG", "GovernmentAgency")])
    [<PERSON 'Ana Ruiz' 7-15>, <ORG 'Peruvian Geological Survey' 20-46>]
    """
    out = []
    for m in ms:
        cut = re.search(r"\s+and\s+(?:the\s+)?", m.text) if m.label == "ORG" and m.entry is None else None
        person = m.text[:cut.start()] if cut else ""
        tm = re.search(r"\b(Dr|Prof|Professor|Mr|Mrs|Ms|Dra|Academician)(\.?)\s+$", text[max(0, m.start - 14):m.start]) if cut else None
        if not (cut and tm
                and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}", person)
                and not any(HEADS.get(w) or w in _ORG_WORDS for w in person.split())):
            out.append(m)
            continue
        rest = m.text[cut.end():]
        out.append(Mention(m.start, m.start + len(person), person, "PERSON", title=tm.group(1) + tm.group(2), method="titled-person"))
        out.append(Mention(m.start + cut.end(), m.end, rest, "ORG", _class_of(rest.split()), method=m.method))
    return out


def _known_body_of_known_body(text: str, ms: list[Mention], registry) -> list[Mention]:
    """"The National Center for Atmospheric Research of the National Science Foundation": a body the
    registry knows, named with "of" and another body it knows, is the first body (the second its
    ``parent``), not a third body. A name the registry knows whole stays whole ("Committee on Data
    of the International Science Council"). The bodies the registry finds in its acronym
    ("(NSF-NCAR)") are that acronym, no bodies of their own.

    >>> from collabkg.loaders.registry import load_registry
    >>> t = "the National Center for Atmospheric Research of the National Science Foundation"
    >>> ms = _known_body_of_known_body(t, [Mention(4, len(t), t[4:], "ORG")], load_registry())
    >>> [(m.text, m.entry.id, m.parent.text if m.parent else None) for m in ms]
    [('National Center for Atmospheric Research', 'ncar', 'National Science Foundation'), ('National Science Foundation', 'nsf', None)]
    """
    if registry is None:
        return ms
    out: list[Mention] = []
    inside: list[tuple[int, int]] = []
    for m in ms:
        a = b = km = None
        for of in re.finditer(r"\s+of\s+(?:the\s+)?", m.text) if m.label == "ORG" and m.entry is None else ():
            km = re.fullmatch(rf"(?P<a>.{{{of.start()}}}){re.escape(of.group(0))}(?P<b>.+)", m.text)  # each "of" in turn
            a, b = registry.lookup(km.group("a")), registry.lookup(km.group("b"))
            if a is not None and b is not None:
                break
        if a is None or b is None or a is b:
            out.append(m)
            continue
        first = Mention(m.start, m.start + km.end("a"), km.group("a"), "ORG", a.kind, entry=a, acronym=m.acronym, method=m.method)
        second = Mention(m.start + km.start("b"), m.end, km.group("b"), "ORG", b.kind, entry=b, method=m.method)
        first.parent = second
        out += [first, second]
        acr = re.match(r"\s*\(\s*[^()\s]{2,20}\s*\)", text[m.end:m.end + 24]) if m.acronym else None
        if acr:
            inside.append((m.end, m.end + acr.end()))
    return [m for m in out if not any(a <= m.start and m.end <= b for a, b in inside)]


_OWNER_BEFORE = re.compile(r"(?:^|(?<=\s))(?:[Tt]he[ \t]+)?(?P<owner>[A-Z][\w&-]*(?:[ \t]+(?:of|for|and|on|&|[A-Z][\w&-]*)){0,7})['’]s[ \t]+$")


def _possessive_units(text: str, ms: list[Mention]) -> list[Mention]:
    """"The Polar Data Alliance’s Board on Ice Data (BID)": a unit named right after a body's name and
    "'s", where the mention finder read the unit alone, is a unit of that body (its ``parent``,
    added as a mention when the finder had none there).

    >>> t = "The Polar Data Alliance's Board on Ice Data met."
    >>> [(m.text, m.parent and m.parent.text) for m in _possessive_units(t, [Mention(26, 44, "Board on Ice Data", "ORG", "Organization")])]
    [('Polar Data Alliance', None), ('Board on Ice Data', 'Polar Data Alliance')]
    """
    out = list(ms)
    for m in ms:
        if m.label != "ORG" or m.parent is not None or not (set(m.text.split()) & _UNIT_WORDS):
            continue
        w0 = max(0, m.start - 100)
        om = _OWNER_BEFORE.search(text[w0:m.start])
        if om is None:
            continue
        owner = om.group("owner")
        words = owner.split()
        if not (_acronym_like(owner) or any(HEADS.get(w) or w in _ORG_WORDS for w in words)) or words[-1] in ("of", "for", "and", "on", "&"):
            continue
        o_start = w0 + om.start("owner")
        o_end = o_start + len(owner)
        existing = next((o for o in ms if o.label == "ORG" and o.start == o_start and o.end == o_end), None)
        if existing is None and any(o.start < o_end and o.end > o_start for o in ms):
            continue  # something else is read there
        parent = existing or Mention(o_start, o_end, owner, "ORG", _class_of(words), method="possessive-owner")
        if existing is None:
            out.append(parent)
        m.parent = parent
    return sorted(out, key=lambda x: x.start)


def _national_committees(text: str, ms: list[Mention]) -> list[Mention]:
    """``CODATA-Japan``, ``CODATA Kenya``, ``CODATA Kenya National Committee``: an international body's
    name joined to a country's is that country's national committee of the body (one mention, not
    the body and the country)."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        body = m.entry.kind if m.entry else m.cls
        if (nxt is not None and m.label == "ORG" and body == "InternationalBody" and nxt.label == "GPE"
                and re.fullmatch(r"[-–]| ", text[m.end:nxt.start]) and not text[nxt.end:nxt.end + 1].isalnum()
                and not re.match(r"\s*[-–]\s*[A-Z]", text[nxt.end:nxt.end + 3])):  # "CODATA China-US ...": a pair
            out.append(Mention(m.start, nxt.end, text[m.start:nxt.end], "ORG", "NationalCommittee", country=nxt.code,
                               method="national-committee", extra={"committee_of": m}))
            i += 2
            continue
        nc = re.fullmatch(r"(?P<country>[A-Z][\w'’ -]*?)\s+National\s+Committee", nxt.text) if (
            nxt is not None and m.label == "ORG" and body == "InternationalBody" and nxt.label == "ORG" and text[m.end:nxt.start] == " ") else None
        country = load_places().country(nc.group("country")) if nc else None
        if country is not None:  # "the CODATA Kenya National Committee": the body's name, the country's, "National Committee"
            out.append(Mention(m.start, nxt.end, text[m.start:nxt.end], "ORG", "NationalCommittee", country=country.code,
                               method="national-committee", extra={"committee_of": m}))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _confirm_headline_shapes(text: str, title: str | None, mentions: list[Mention]) -> list[Mention]:
    """Drop a body read only by its shape from a title-case headline unless the text names it again.

    A headline in title case capitalises every word ("... Sign Agreement on Research Data
    Infrastructure"), so a capitalised run ending in "Infrastructure" or "Platform" there may be a
    topic, not a name; a real name is repeated, in the same capitals, in the text below it.

    >>> t = "CNIC Signs Agreement on Research Data Infrastructure\\n\\nCNIC will build research data infrastructure."
    >>> ms = [Mention(27, 52, "Research Data Infrastructure", "ORG", "DataInfrastructure", method="shape")]
    >>> _confirm_headline_shapes(t, "CNIC Signs Agreement on Research Data Infrastructure", ms)
    []
    """
    if not title:
        return mentions
    start = text.find(title)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", title) if len(w) > 3]
    if start < 0 or not words or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return mentions  # no headline in the text, or a headline in sentence case
    end = start + len(title)
    rest = text[:start] + "\n" + text[end:]
    return [m for m in mentions
            if not (m.method in ("shape", "ner") and start <= m.start and m.end <= end and m.text not in rest)]


#: a news item's dateline: "VALPARAISO, Chile, 21 November 2024 —", "OSLO, 3 May 2024 --"
_DATELINE_CITY = re.compile(r"(?m)^(?P<city>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3}),[ \t]+(?:(?P<country>[A-Z][A-Za-z .'’-]{1,40}?),[ \t]+)?"
                            r"\(?(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?,?[ \t]+\d{4}|[A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4})\)?[ \t]*(?:--|—|–)")


#: a dateline without a date: "CAIRO - The academy ...", "LIMA, Peru — ...", "NAIROBI (Agency) -- ..."
_DATELINE_CITY_BARE = re.compile(r"(?m)^(?P<city>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})(?:,[ \t]+(?P<country>[A-Z][A-Za-z .'’-]{1,40}?))?"
                                 r"(?:[ \t]+\([A-Z][\w .'’-]{0,40}\))?[ \t]+(?:--|—|–|-)[ \t]+(?=[A-Z])")


#: a dateline with the city in title case and its state or country: "Reston, Va. – ...", "Boulder, Colorado — ..."
#: (read only when the second name is a known state, province or country)
_DATELINE_CITY_STATE = re.compile(r"(?m)^(?P<city>[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,2}),[ \t]+"
                                  r"(?P<country>[A-Z][A-Za-z.]{1,20}(?:[ \t]+[A-Z][a-z]+)?)[ \t]+(?:--|—|–|-)[ \t]+(?=[A-Z])")


def _is_state_dateline(dm, places) -> bool:
    """Whether a match of :data:`_DATELINE_CITY_STATE` names a state, province or country the gazetteer
    knows after the city ("Golden, Colo. –"; not "Smith, Jr. –")."""
    return bool(places.country(dm.group("country")) or places.subdivision(dm.group("country")))


def dateline_end(sentence: str, places) -> int:
    """Where the dateline opening ``sentence`` ends (0 without one): "LIMA, Peru — ", "RESTON, Va. – ",
    "OSLO, 3 May 2024 -- ", "Golden, Colo. – ".

    >>> dateline_end("Golden, Colo. – A and B signed.", load_places()), dateline_end("Smith, Jr. – A spoke.", load_places())
    (16, 0)
    """
    dm = _DATELINE_CITY.match(sentence) or _DATELINE_CITY_BARE.match(sentence) or DATELINE.match(sentence)
    if dm is None and (sm := _DATELINE_CITY_STATE.match(sentence)) is not None and _is_state_dateline(sm, places):
        dm = sm
    return dm.end() if dm else 0


def _dateline_cities(text: str, ms: list[Mention], places) -> list[Mention]:
    """The city a news item's dateline names in capitals is a city, not a body the model reads in
    an unknown capitalised word ("VALPARAISO, Chile, 21 November 2024 — ..."): a CITY mention (its
    text title-cased, same length), in the country the dateline names, else the gazetteer's.

    >>> from collabkg.loaders.registry import load_places
    >>> t = "VALPARAISO, Chile, 21 November 2024 — The forum opened."
    >>> [(m.text, m.label, m.code) for m in _dateline_cities(t, [Mention(0, 10, "VALPARAISO", "ORG")], load_places())]
    [('Valparaiso', 'CITY', 'CL')]
    >>> [(m.text, m.label) for m in _dateline_cities("NDI, 3 May 2024 — The institute opened.", [Mention(0, 3, "NDI", "ORG")], load_places())]
    [('NDI', 'ORG')]
    >>> [(m.text, m.label, m.code) for m in _dateline_cities("CAIRO - The minister met X.", [Mention(0, 5, "CAIRO", "ORG")], load_places())]
    [('Cairo', 'CITY', 'EG')]
    >>> [(m.text, m.label) for m in _dateline_cities("NASA - The agency said.", [Mention(0, 4, "NASA", "ORG")], load_places())]
    [('NASA', 'ORG')]
    >>> [(m.text, m.label, m.code) for m in _dateline_cities("RESTON, Va. – The survey signed it.", [Mention(0, 6, "RESTON", "ORG")], load_places())]
    [('Reston', 'CITY', 'US'), ('Va.', 'REGION', 'Virginia')]
    >>> [(m.text, m.label, m.code) for m in _dateline_cities("Golden, Colo. – The survey signed it.", [Mention(0, 6, "Golden", "ORG")], load_places())]
    [('Golden', 'CITY', 'US'), ('Colo.', 'REGION', 'Colorado')]
    """
    out = list(ms)
    for dm in [*_DATELINE_CITY.finditer(text), *_DATELINE_CITY_BARE.finditer(text), *_DATELINE_CITY_STATE.finditer(text)]:
        a, b = dm.span("city")
        if dm.re is _DATELINE_CITY_STATE and not _is_state_dateline(dm, places):
            continue  # "Smith, Jr. – ...": a city in title case only with a state or country the gazetteer knows
        name = re.sub(r"[\w'’]+", lambda w: w.group(0)[:1] + w.group(0)[1:].lower(), dm.group("city"))
        country = places.country(dm.group("country").strip()) if dm.group("country") else None
        state = places.subdivision(dm.group("country")) if dm.group("country") and country is None else None
        if state is not None and state[1] is not None:
            country = places.countries.get(state[1])  # "RESTON, Va. –", "BOULDER, Colo. —": a city and its state
            sa, sb = dm.span("country")
            out = [m for m in out if not (sa <= m.start and m.end <= sb)]
            out.append(Mention(sa, sb, dm.group("country").strip(), "REGION", code=state[0], method="dateline"))
        if dm.group("country") and country is None:
            continue  # "NDI, Oslo, 3 May 2024 —": not a city and a country
        if places.country(name) is not None:
            continue  # "CHILE, 3 May 2024 —": the country, read as such
        if country is None and name not in places.cities:
            continue  # "NDI, 3 May 2024 —": a body's acronym may open a line too; only a known city or one with its country
        code = country.code if country else (places.cities[name][1] if name in places.cities else None)
        out = [m for m in out if not (a <= m.start and m.end <= b)]
        out.append(Mention(a, b, name, "CITY", code=code, method="dateline"))
    return sorted(out, key=lambda m: (m.start, m.end))


#: "the academy's", "the Mongolian academy's" right before a unit's name: a body named before, by its head noun
_REFERRED_OWNER = re.compile(r"\b[Tt]he\s+(?P<adj>[A-Z][a-z]+\s+)?(?P<head>[a-z]+)['’]s\s+$")


def _units_of_a_body_referred_to(text: str, ms: list[Mention]) -> list[Mention]:
    """"Li Na, Director-General of the academy's Bureau of International Cooperation": a body's name
    after "the <head noun>'s" is a unit of the body named before with that head noun (and that
    adjective, "the Mongolian academy's"): its ``parent``. With no such body, or two, nothing changes.

    >>> t = "The Eastern Academy of Sciences met. The academy's Institute of Soil Science spoke."
    >>> ms = [Mention(4, 31, "Eastern Academy of Sciences", "ORG", "Academy"), Mention(51, 76, "Institute of Soil Science", "ORG", "ResearchInstitute")]
    >>> [(m.text, m.parent and m.parent.text) for m in _units_of_a_body_referred_to(t, ms)]
    [('Eastern Academy of Sciences', None), ('Institute of Soil Science', 'Eastern Academy of Sciences')]
    """
    for m in ms:
        if m.label != "ORG" or m.parent is not None:
            continue
        rm = _REFERRED_OWNER.search(text[max(0, m.start - 40):m.start])
        if rm is None or not HEADS.get(rm.group("head").capitalize()):
            continue
        head, adj = rm.group("head").capitalize(), (rm.group("adj") or "").strip()
        named = {(o.extra.get("name") or o.text): o for o in ms if o.label == "ORG" and o.end <= m.start - len(rm.group(0))
                 and re.search(rf"\b{head}\b", o.extra.get("name") or o.text) and (not adj or adj in (o.extra.get("name") or o.text))}
        if len(named) == 1:
            m.parent = next(iter(named.values()))
    return ms


_BACK_OWNER = re.compile(r"^(?P<owner>[A-Z][a-z]+)['’]s\s+(?P<rest>[a-z]+(?:\s+[a-z]+)?)$")


def _units_of_a_body_named_before(text: str, ms: list[Mention]) -> list[Mention]:
    """"The Polar Data Union ... The Union's secretariat": a unit written after "the <Head>'s", the
    head of a body's name named before, is that body's unit ("Secretariat of the Polar Data Union",
    ``parent`` the body). With no such body before, the mention is left as it was.

    >>> t = "The Polar Data Union met. The Union's secretariat is in Riga."
    >>> ms = [Mention(4, 20, "Polar Data Union", "ORG", "InternationalBody"), Mention(30, 49, "Union's secretariat", "ORG", "InternationalBody")]
    >>> [(m.text, m.extra.get("name"), m.parent and m.parent.text) for m in _units_of_a_body_named_before(t, ms)]
    [('Polar Data Union', None, None), ('secretariat', 'Secretariat of the Polar Data Union', 'Polar Data Union')]
    """
    out: list[Mention] = []
    for m in ms:
        bm = _BACK_OWNER.match(m.text) if m.label == "ORG" and m.entry is None else None
        if bm is None or not HEADS.get(bm.group("owner")) or not re.search(r"\bthe\s+$", text[max(0, m.start - 4):m.start], re.I):
            out.append(m)
            continue
        before = [o for o in ms if o.label == "ORG" and o.end <= m.start and o is not m
                  and re.search(rf"\b{bm.group('owner')}\b", o.extra.get("name") or o.text)]
        if not before:
            out.append(m)
            continue
        owner = before[-1]
        rest = bm.group("rest")
        start = m.start + bm.start("rest")
        name = f"{rest[:1].upper()}{rest[1:]} of the {owner.extra.get('name') or owner.text}"
        out.append(Mention(start, m.end, rest, "ORG", _class_of([w.capitalize() for w in rest.split()]) or m.cls,
                           method=m.method, parent=owner, extra={"name": name}))
    return out
