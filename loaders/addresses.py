"""Addresses: authors' affiliations and contact blocks.

Reports and journal pages say where their authors work, one affiliation a line, from the smallest
unit to the largest body, then the city (with its postcode) and the country::

    Morel I.2  Lena Holm 1*

    1. Section of Glacier Records, Institute of Mountain Geography, Carpathian Academy of Sciences, Krakow 30-059, Poland;
    2. Regional support office of the Baltic Marine Data Network (BMDN), Riga LV-1050, Latvia

and web pages end with a contact block, one name a line, then the street and the city::

    Marine Data Stewardship Unit
    Research Infrastructure Department
    Baltic Institute of Marine, Coastal and Lake Research
    7 Quay Road
    Riga, LV-1010

Each body of such a line or block is part of the next one (``org:subOrganizationOf``, through the
mention's ``parent``); the first body, the smallest unit, is in the city (``schema:location``): an
affiliation is where that unit works, and its parent body may sit in another city. A contact block's
street address is also the building of the last body, the one whose page it closes: that body is in
the city too. Authors written with the
numbers of their affiliations are members (``org:memberOf``) of the first body of each.

Only lines of that shape are read: every part before the place must look like a body's name (a
capitalised name with a head noun of ours, or a body the registry knows), and a contact block must
end in a street or postcode line. Two lists of bodies one above the other (a document's parties)
end in no address and are not read as one body inside another.

>>> _split_parts("Laboratory of X, Institute of Y (IY), Tromso 9037, Norway;")
[(0, 15, 'Laboratory of X'), (17, 36, 'Institute of Y (IY)'), (38, 49, 'Tromso 9037'), (51, 57, 'Norway')]
"""

from __future__ import annotations

import re

from collabkg.loaders.body_names import HEADS, LOWER_HEADS, _class_of as class_of
from collabkg.loaders.mention_model import Mention

__all__ = ["address_mentions", "read_addresses"]

_LEAD = re.compile(r"^\s*(?:•\s*|\d{1,2}[.)]\s+|\d{1,2}\s+(?=[A-Z])|[*†‡]\s*)?")
_POSTCODE = re.compile(r"^(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:,)?\s+(?P<code>[A-Z]{0,2}-?\d[\d -]{2,9}\d)$")
_STREET = re.compile(r"^(?:\d+[A-Za-z]?\s+[A-Z][\w.'’ -]*(?:,\s*[NSEW]{1,2}\.?)?|P\.?\s?O\.?\s+Box\s+\d+.*|[A-Z][\w.'’ -]*\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Lane|Way|Drive)\b.*)$")
_CITY_LINE = re.compile(r"^(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}),\s*(?:[A-Z]{2}|[A-Z][a-z]+\.?)?\s*[A-Z]{0,2}-?\d[\d -]{2,9}\d$")
_AUTHOR = re.compile(r"(?P<name>[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){1,3})\s*(?P<num>\d(?:\s*,\s*\d)*)\s*\*?")


def _split_parts(line: str) -> list[tuple[int, int, str]]:
    """The comma-separated parts of a line (not splitting inside parentheses), with their offsets,
    without a trailing ";" or "."."""
    out, depth, start = [], 0, 0
    body = line.rstrip().rstrip(";.")
    for i, ch in enumerate(body + ","):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            seg = body[start:i]
            lead = len(seg) - len(seg.lstrip())
            if seg.strip():
                out.append((start + lead, start + lead + len(seg.strip()), seg.strip()))
            start = i + 1
    return out


def _body_like(part: str, registry) -> bool:
    words = re.sub(r"\s*\([^()]*\)$", "", part).split()
    if not words or not words[0][:1].isupper() or len(words) > 14:
        return False
    return registry.lookup(part) is not None or any(
        HEADS.get(w) or HEADS.get(re.sub(r"ies$", "y", w)) or w.lower() in LOWER_HEADS or w.lower() in _LOWER_UNITS for w in words)


#: unit words, in any case, that make a part of an address a body ("Regional support office of X",
#: "Board on Ocean Data"), besides the head nouns of ``mentions.HEADS``
_LOWER_UNITS = {"office", "laboratory", "lab", "department", "division", "centre", "center", "institute", "school",
                "faculty", "college", "secretariat", "unit", "group", "programme", "program", "board", "team"}


def _place_part(part: str, places) -> tuple[str, str | None] | None:
    """(city or country name, country code) when the part is a place: "Norway", "Tromso 9037", "Beijing"."""
    c = places.country(part)
    if c is not None:
        return part, c.code
    pm = _POSTCODE.match(part)
    name = pm.group("city") if pm else part
    if name in places.cities:
        return name, places.cities[name][1]
    if pm:
        return name, None
    return None


def address_mentions(text: str, ms: list[Mention], registry, places) -> list[Mention]:
    """The mentions with each affiliation line's and contact block's bodies read whole (method
    ``affiliation`` / ``contact``, each the ``parent`` of the one before it), the bodies' city
    marked (``extra["city"]`` on the first body, and on a contact block's last) and numbered authors as people (method ``author``)."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    new: list[Mention] = []
    affiliations: list[Mention] = []  # the first body of each affiliation line, in order
    first_affiliation_line = None
    for n, (at, raw) in enumerate(lines):
        lead = _LEAD.match(raw).end()
        parts = [(at + lead + a, at + lead + b, t) for a, b, t in _split_parts(raw[lead:])]
        if len(parts) < 3:
            continue
        places_at_end = []
        for a, b, t in reversed(parts):
            p = _place_part(t, places)
            if p is None:
                break
            places_at_end.insert(0, (a, b, t, p))
        bodies = parts[:len(parts) - len(places_at_end)]
        dash = re.match(r"(.{3,60}?)\s+[-–—]\s+(?=[A-Z])", bodies[0][2]) if bodies else None
        if dash and any(o.label == "PERSON" and o.start == bodies[0][0] and o.end == bodies[0][0] + dash.end(1) for o in ms):
            # "LI Wenqiang - National Space Science Center, CAS, China": a list's person, then where they work
            a, b, t = bodies[0]
            bodies[0] = (a + dash.end(), b, t[dash.end():])
        if len(places_at_end) == 1 and len(bodies) >= 2 and places.country(places_at_end[0][2]) is not None \
                and re.fullmatch(r"[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+){0,2}", bodies[-1][2]) and not _body_like(bodies[-1][2], registry):
            # "Institute of Lake Data, Kisumu, Kenya": a town the gazetteer does not know, between the bodies and their country
            a, b, t = bodies.pop()
            places_at_end.insert(0, (a, b, t, (t, places_at_end[0][3][1])))
        if not places_at_end or len(bodies) < 1 or not all(_body_like(t, registry) for _, _, t in bodies):
            continue
        if len(bodies) < 2 and not re.match(r"^\s*(?:•|\d)", raw):
            continue  # "Institute X, Oslo, Norway" in running text is read by the location patterns
        chain = _bodies(bodies, registry, "affiliation")
        _attach_city(chain, places_at_end, text)
        new += chain
        affiliations.append(chain[0])
        first_affiliation_line = n if first_affiliation_line is None else first_affiliation_line
    # contact blocks: body lines, then a street or postcode line
    streets: list[tuple[int, int]] = []
    n = 0
    while n < len(lines):
        m = n
        while m < len(lines) and 2 <= len(lines[m][1].split()) <= 12 and not lines[m][1].rstrip().endswith((".", ":", "!", "?")) \
                and _body_like(re.sub(r",\s*[A-Z.]{2,5}$", "", lines[m][1].strip()), registry) and not _STREET.match(lines[m][1].strip()):
            m += 1
        if m - n >= 2 and m < len(lines) and (_STREET.match(lines[m][1].strip()) or _CITY_LINE.match(lines[m][1].strip())):
            body_parts = []
            for at, raw in lines[n:m]:
                t = re.sub(r"^(?:The|the)\s+", "", raw.strip())
                a = at + raw.index(t)
                body_parts.append((a, a + len(t), t))
            chain = _bodies(body_parts, registry, "contact")
            streets.append((lines[m][0], lines[m][0] + len(lines[m][1])))
            for at, raw in lines[m:m + 3]:
                cm = _CITY_LINE.match(raw.strip())
                if cm:
                    a = at + raw.index(cm.group("city"))
                    city = cm.group("city")
                    code = places.cities[city][1] if city in places.cities else None
                    _attach_city(chain, [(a, a + len(city), city, (city, code))], text, street=True)
                    break
            new += chain
        n = max(m, n + 1)  # past the lines just read
    # numbered authors on the line before the affiliations
    if affiliations and first_affiliation_line:
        for at, raw in reversed(lines[max(0, first_affiliation_line - 3):first_affiliation_line]):
            found = list(_AUTHOR.finditer(raw))
            if not found or not raw.strip():
                continue
            for am in found:
                for num in re.findall(r"\d", am.group("num")):
                    if 1 <= int(num) <= len(affiliations):
                        p = Mention(at + am.start("name"), at + am.end("name"), am.group("name"), "PERSON", method="author")
                        p.extra["affiliation"] = affiliations[int(num) - 1]
                        new.append(p)
            break
    if not new:
        return ms
    ms = [m for m in ms if not (m.label in ("VENUE", "CITY", "REGION") and m.method == "ner" and any(a <= m.start < b for a, b in streets))]
    taken = [(m.start, m.end) for m in new]
    kept = [m for m in ms if not any(a <= m.start and m.end <= b or (m.start < b and a < m.end) for a, b in taken)
            or (m.label in ("CITY", "GPE", "REGION") and not any(a <= m.start < b for a, b in taken))
            or any(a < m.start and m.end < b and m.text.isupper() for a, b in taken if m.label == "ORG")]
    return sorted(kept + new, key=lambda m: (m.start, -m.end))


def _bodies(parts, registry, method: str) -> list[Mention]:
    chain = []
    for a, b, t in parts:
        acr = re.search(r"\s*\(([A-Z][\w&-]{1,12})\)$", t)
        name = t[:acr.start()] if acr else t
        entry = registry.lookup(name)
        words = [w.capitalize() if w.lower() in _LOWER_UNITS and not HEADS.get(w) else w for w in name.split()]
        head = name.split(" of ")[0].split()[-1]
        unit = head in _LOWER_UNITS or head == "Board"  # "Regional support office of X": a unit, whatever X is
        cls = entry.kind if entry else ("Division" if unit else class_of(words))
        m = Mention(a, a + len(name), name, "ORG", cls, entry=entry,
                    acronym=acr.group(1) if acr else None, method=method)
        chain.append(m)
    for small, big in zip(chain, chain[1:]):
        small.parent = big
    return chain


def _attach_city(chain: list[Mention], places_at_end, text: str, street: bool = False) -> None:
    city = next(((a, b, name, code) for a, b, t, (name, code) in places_at_end if name != t or code and len(places_at_end) > 1), None)
    city = city or next(((a, b, name, code) for a, b, t, (name, code) in places_at_end), None)
    if city is None:
        return
    a, b, name, code = city
    country = next((code2 for _, _, t, (n2, code2) in places_at_end if n2 == t and code2 and t != name), None) or code
    chain[0].extra["city"] = (name, country, a)
    if street:  # a postal address on a body's page: its unit there, and the body whose building it is
        chain[-1].extra["city"] = (name, country, a)


def read_addresses(ex) -> None:
    """Facts of the address mentions of extractor ``ex``: the first body of each line or block (and
    a contact block's last body) is in its city (``schema:location``), each numbered author a member of their affiliation's first body."""
    for m in ex.mentions:
        if m.method in ("affiliation", "contact") and "city" in m.extra:
            name, code, at = m.extra["city"]
            s = next((t for t in ex.sentences if t.start <= m.start < t.end), None)
            if s is None:
                continue
            ev = ex.ev(s, f"rule:{m.method}")
            org = ex.org(m, ev)
            canonical = ex.places.cities[name][0] if name in ex.places.cities else name
            place = ex.country(code, ev) if ex.places.country(name) else ex.city(canonical, code, ev)
            if org and place:
                ex.x.add(org, "schema:location", place, ev)
        elif m.method == "author" and "affiliation" in m.extra:
            s = next((t for t in ex.sentences if t.start <= m.start < t.end), None)
            body = m.extra["affiliation"]
            sb = next((t for t in ex.sentences if t.start <= body.start < t.end), None)
            if s is None or sb is None:
                continue
            ev = ex.ev(s, "rule:author-affiliation")
            person, org = ex.person(m, ev), ex.org(body, ex.ev(sb, "rule:affiliation"))
            if person and org:
                ex.x.add(person, "org:memberOf", org, ev)
