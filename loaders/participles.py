"""Organisers and sponsors named in a participle phrase that opens the sentence.

News items often put who organised or paid for an event before the event itself::

    Jointly organised by the Volta Basin Data Centre, the Lusophone Data Council and the Andean
    Glacier Institute, the symposium brought together 90 researchers.
    Funded by the Nordic Research Council, the school trained 40 data stewards.

The parser reads such a sentence poorly (the event becomes an apposition of the last body), so this
is read from the words: the bodies listed between "by" and the comma before "the <event noun>" are
the organisers (``schema:organizer``; organised, hosted, convened) or the sponsors
(``schema:sponsor``; funded, sponsored, supported) of the event the noun refers to: the document's
event whose name has that noun, named before this sentence (the last one, if several). A body
written after its own unit ("the Institute of X, Academy of Y") is not listed separately. No such
event, nothing is read: an event is never made up from the noun alone.

>>> bool(FRONTED_RE.match("Co-organised by A and B, the workshop opened on Monday."))
True
"""

from __future__ import annotations

import re

from collabkg.loaders.body_names import EVENT_NOUNS
from collabkg.loaders.lists import no_parents

__all__ = ["FRONTED_RE", "read_fronted_participles"]

_ORGANISE = r"(?:co-?)?(?:organi[sz]ed|hosted|convened)"
_SPONSOR = r"(?:co-?)?(?:funded|sponsored|supported|financed)"
FRONTED_RE = re.compile(
    rf"^(?:(?:Jointly|Generously|Kindly)\s+)?(?P<verb>{_ORGANISE}|{_SPONSOR})\s+(?:jointly\s+)?by\s+(?P<who>.+?),\s+"
    r"(?:the|this|our)\s+(?P<noun>(?-i:[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}))\b", re.I)


def _event_for(ex, noun: str, s) -> str | None:
    """The event "the <noun>" refers to: the last one before ``s`` whose name has the noun ("the
    training course brought": "course"); "the event", "the meeting" without one so named: the
    document's main meeting."""
    head = next((w for w in noun.lower().split() if w in EVENT_NOUNS), None)
    if head is None:
        return None
    found = [(max(v.start for v in e.evidence), k) for k, e in ex.x.entities.items()
             if e.kind == "event" and re.search(rf"\b{re.escape(head)}\b", e.label, re.I)
             and any(v.start < s.start for v in e.evidence)]
    if found:
        return max(found)[1]
    return ex.main_meeting if head in ("event", "meeting", "gathering") else None


def read_fronted_participles(ex, s) -> None:
    """Read "Organised by A and B, the workshop ..." (``rule:fronted-organised-by``) and "Funded by A,
    the school ..." (``rule:fronted-funded-by``) into the event's organisers or sponsors."""
    m = FRONTED_RE.match(s.text)
    if m is None:
        return
    event = _event_for(ex, m.group("noun"), s)
    if event is None:
        return
    sponsor = re.fullmatch(_SPONSOR, m.group("verb"), re.I) is not None
    method = "rule:fronted-funded-by" if sponsor else "rule:fronted-organised-by"
    ev = ex.ev(s, method)
    for pm in no_parents(ex.mentions_in(s, s.start + m.start("who"), s.start + m.end("who"), labels=("ORG",)), ex, ev):
        key = ex.org(pm, ev)
        if key:
            ex.x.add(event, "schema:sponsor" if sponsor else "schema:organizer", key, ev)
