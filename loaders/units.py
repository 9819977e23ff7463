"""Units named after their body: "the CODATA Secretariat", "the Polar Data Alliance Council",
"PDC Governing Board", "NDI International Programme Office"; and units that name their body after
"of" ("the Secretariat of the Polar Data Alliance").

A body's name (or acronym) followed by the name of a governing or working unit names a unit of
that body (``org:subOrganizationOf``), when the document names the body itself too, or the
registry knows it (then the body is added to the document's entities with the unit's evidence).

>>> unit_prefix("Polar Data Alliance Secretariat", {"Polar Data Alliance": "o/pda"})
'o/pda'
>>> unit_prefix("Polar Data Alliance", {"Polar Data Alliance": "o/pda"}) is None
True
"""

from __future__ import annotations

import re

from collabkg.loaders.body_names import HEADS
from collabkg.loaders.facts import Evidence
from collabkg.loaders.mention_model import Mention

__all__ = ["UNIT_WORDS", "unit_prefix", "unit_of_body", "link_prefixed_units"]

#: the words a unit's name may be made of after its body's name (at least one head among the last)
UNIT_WORDS = {"Secretariat", "Council", "Board", "Committee", "Bureau", "Office", "Assembly", "Executive", "Governing",
              "Steering", "Scientific", "Advisory", "International", "Programme", "Program", "Project", "Working", "Group",
              "Task", "Force", "Team", "Panel", "Commission", "Division", "Department", "Unit"}
_HEADS = {"Secretariat", "Council", "Board", "Committee", "Bureau", "Office", "Group", "Team", "Panel", "Commission",
          "Division", "Department", "Unit", "Force"}


#: heads of a unit named after its body's acronym: "NOAA Pacific Ice and Snow Mapping Team"
_ACRONYM_HEADS = _HEADS | {"Center", "Centre", "Laboratory", "Lab", "Institute", "Programme", "Program", "Network", "Node"}


def unit_prefix(label: str, bodies: dict[str, str]) -> str | None:
    """The key of the body whose name (a key of ``bodies``) starts ``label`` and is followed only by
    unit words ending in a unit head, else None. After a body's acronym ("USGS", "OCEX") any name
    ending in a unit's head noun is a unit of it.

    >>> unit_prefix("NOAA Pacific Ice and Snow Mapping Team", {"NOAA": "o/noaa"})
    'o/noaa'
    >>> unit_prefix("OCEX QA group", {"OCEX": "o/ocex"}), unit_prefix("OCEX working group", {"OCEX": "o/ocex"})
    ('o/ocex', 'o/ocex')
    """
    for name, key in sorted(bodies.items(), key=lambda kv: -len(kv[0])):
        if not label.startswith(name + " "):
            continue
        # lower-case unit words count as theirs capitalised: "OCEX QA group", "PDA working group"
        rest = [w.capitalize() if w.islower() else w for w in label[len(name) + 1:].split()]
        if rest and rest[-1] in _HEADS and all(w in UNIT_WORDS for w in rest):
            return key
        if rest and name.isupper() and len(name) >= 2 and rest[-1] in _ACRONYM_HEADS and all(
                w[:1].isupper() or w in ("and", "of", "for", "&") for w in rest):
            return key
    return None


def link_prefixed_units(ex) -> None:
    """Add ``unit org:subOrganizationOf body`` for every body of extractor ``ex`` named after another."""
    x = ex.x
    bodies: dict[str, str] = {}
    for k, e in x.entities.items():
        if e.kind in ("person", "place", "event", "post", "role", "agreement", "concept"):
            continue
        for name in (e.label, *e.acronyms, *(a for a in e.alt_labels if re.fullmatch(r"[A-Z][A-Za-z-]{1,11}", a))):
            bodies.setdefault(name, k)
    for k, e in list(x.entities.items()):
        if e.kind != "organization" or not e.evidence:
            continue
        body = unit_of_body(e.label, set(bodies))  # "the Secretariat of the X Committee": in its body whatever else it is in
        if body is not None:
            ev = e.evidence[0]
            parent = bodies.get(body) or ex.org(Mention(ev.start, ev.start + len(body), body, "ORG", _body_class(body), method="unit-of-body"),
                                                Evidence(ev.start, ev.end, ev.quote, "rule:unit-of-body"))
            if parent and parent != k:
                x.add(k, "org:subOrganizationOf", parent, Evidence(ev.start, ev.end, ev.quote, "rule:unit-of-body"))
            continue
        if x.objects(k, "org:subOrganizationOf") or x.objects(k, "ckg:nationalCommitteeOf"):
            continue  # (a national committee named after its body, "CODATA Kenya National Committee", is no unit of it)
        parent = unit_prefix(e.label, bodies)
        ev = e.evidence[0]
        if parent is None:  # "the CODATA Secretariat" where only the unit is named: a body the registry knows
            words = e.label.split()
            for n in range(len(words) - 1, 0, -1):
                name = " ".join(words[:n])
                entry = ex.registry.lookup(name)
                if entry is not None and unit_prefix(e.label, {name: "?"}):
                    parent = ex.org(Mention(ev.start, ev.start + len(name), name, "ORG", entry.kind, entry=entry, method="registry"),
                                    Evidence(ev.start, ev.end, ev.quote, "rule:unit-named-after-body"))
                    break
        if parent is None or parent == k:
            continue
        x.add(k, "org:subOrganizationOf", parent, Evidence(ev.start, ev.end, ev.quote, "rule:unit-named-after-body"))


_UNIT_OF = re.compile(r"(?:Secretariat|(?:Executive |Programme |Program |Project |Liaison )?Office"
                      r"|(?:Executive|Steering|Scientific|Science|Advisory|Governing|Management|Technical|Organizing|Organising)"
                      r"(?: Advisory| Steering| Executive)? (?:Committee|Board|Council|Panel)"
                      r"|Board of (?:Trustees|Directors|Governors)"
                      r"|(?:[A-Z][\w-]*\s+(?:and\s+)?){1,4}(?:Department|Division|Section|Unit|Service|Services))\s+of\s+(?:the\s+)?(?P<body>[A-Z].+)$")


def unit_of_body(label: str, known: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The body a unit's name says it belongs to ("Secretariat of the Polar Data Alliance"), when what
    follows "of" is a body's name (capitalised words with a body's head noun: Alliance, Committee,
    Institute ...) or one of ``known`` (the document's bodies' names and acronyms), else None ("Office
    of Science" names no body).

    >>> unit_of_body("Secretariat of Nordic National Committee for SCAR"), unit_of_body("Office of Polar Programs")
    ('Nordic National Committee for SCAR', None)
    >>> unit_of_body("Executive Office of the Andean Water Council")
    'Andean Water Council'
    >>> unit_of_body("Scientific Advisory Committee of the Polar Data Union"), unit_of_body("Board of Trustees of the Ice Institute")
    ('Polar Data Union', 'Ice Institute')
    >>> unit_of_body("International Affairs Department of NDI", {"NDI"}), unit_of_body("International Affairs Department of NDI")
    ('NDI', None)
    """
    m = _UNIT_OF.fullmatch(label)
    if not m:
        return None
    body = m.group("body")
    if body in known:
        return body  # a body of the document by its name or acronym: "... Department of BRGM"
    words = body.split()
    if not all(w[:1].isupper() or w in ("of", "for", "and", "on", "the", "&") for w in words) or _body_class(body) is None:
        return None
    return body


def _body_class(name: str) -> str | None:
    return next((HEADS[w] for w in reversed(name.split()) if w in HEADS), None)
