"""Bodies a document names only by an acronym it never spells out: "PDA member organizations", "the
PDA Secretariat", "Vice-President of PDA", "partners (such as UNEP, WMO, PDA and OCEX)".

The statistical NER reads some such acronyms as bodies and misses others; the registry knows only
some. An unknown acronym is a body here when the text uses it as one at least once:

- as the owner of members, a post or a unit: "PDA member organizations", "PDA Vice-President",
  "the PDA Secretariat", "the PDA working group";
- after a post or membership and "of": "President of PDA", "members of PDA", "on behalf of PDA";
- in a list of bodies' acronyms: "UNEP, WMO, PDA and OCEX" where two or more others are bodies.

Then every use of that acronym in the document is the body (method ``acronym-body``). Words in
capitals that are no bodies' names (COVID, DNA, FAIR, roman numerals) never are.

>>> from collabkg.loaders.registry import load_places, load_registry
>>> text = "PDA member organizations met in Oslo. PDA will grow."
>>> [(m.text, m.start) for m in acronym_bodies(text, [], load_registry(), load_places())]
[('PDA', 0), ('PDA', 38)]
"""

from __future__ import annotations

import re

from collabkg.loaders.body_names import NOT_BODIES
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import _ROLE_HEADS

__all__ = ["acronym_bodies"]

_ACRONYM = re.compile(r"(?<![\w&.-])[A-Z][A-Z0-9]{2,9}(?![\w&-]|\.\w)")

#: what follows an acronym that owns members, a post or a unit: "PDA member organizations", "PDA Secretariat"
_OWNED = re.compile(
    r"\s+(?:member\s+(?:organi[sz]ations?|institutions?|countries|states|bodies|unions|academies)|members?\b"
    r"|(?:Vice[- ])?(?:" + _ROLE_HEADS + r")\b"
    r"|Secretariat|Council|(?:Governing|Executive|Advisory)\s+(?:Board|Committee|Council)|Board|Steering\s+Committee"
    r"|[Ww]orking\s+[Gg]roups?|[Tt]ask\s+[Ff]orces?|[Tt]ask\s+[Gg]roups?|General\s+Assembly|headquarters)")
#: what comes before an acronym that names a body: "President of PDA", "on behalf of PDA", "joined PDA"
_OWNER_BEFORE = re.compile(
    r"(?:(?:Vice[- ])?(?:" + _ROLE_HEADS + r")s?|members?|member\s+(?:organi[sz]ations?|institutions?|countries)|behalf"
    r"|Secretariat|Council|Board|[Ww]orking\s+[Gg]roup|General\s+Assembly)\s+of\s+(?:the\s+)?$|\bjoined\s+(?:the\s+)?$")


def acronym_bodies(text: str, mentions: list[Mention], registry, places, defined: dict[str, str] | None = None) -> list[Mention]:
    """The mentions of bodies named only by an acronym (see the module's doc), not overlapping ``mentions``;
    the acronyms the document spells out (``defined``, acronym -> name) are read where they are defined."""
    taken = sorted((m.start, m.end) for m in mentions)
    bodies_acronyms = [m for m in mentions if m.label == "ORG" and _ACRONYM.fullmatch(m.text)]
    hits = [h for h in _ACRONYM.finditer(text) if _candidate(h.group(0), registry, places) and h.group(0) not in (defined or {})]
    # an acronym read as a body once (by the model) is that body wherever the text uses it alone
    found: set[str] = {m.text for m in bodies_acronyms if m.method == "ner"}
    for h in hits:
        acr = h.group(0)
        if acr in found:
            continue
        if _OWNED.match(text, h.end()) or _OWNER_BEFORE.search(text[max(0, h.start() - 40):h.start()]):
            found.add(acr)
        elif _listed_with_bodies(text, h, bodies_acronyms):
            found.add(acr)
    out = []
    for h in hits:
        if h.group(0) in found and not any(a < h.end() and h.start() < b for a, b in taken):
            out.append(Mention(h.start(), h.end(), h.group(0), "ORG", "Organization", acronym=h.group(0), method="acronym-body"))
    return out


def _candidate(acr: str, registry, places) -> bool:
    return (acr not in NOT_BODIES and sum(ch.isupper() for ch in acr) >= 3 and registry.lookup(acr) is None
            and places.country(acr) is None and acr not in places.cities)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)")


def _listed_with_bodies(text: str, hit: re.Match, bodies: list[Mention]) -> bool:
    """Whether the acronym stands in a list ("A, B, C and D") with two or more bodies' acronyms."""
    members = 0
    by_start = {m.start: m for m in bodies}
    by_end = {m.end: m for m in bodies}
    # walk left and right over the list's separators
    pos = hit.start()
    while (g := re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$", text[max(0, pos - 8):pos])) is not None:
        end = max(0, pos - 8) + g.start()
        m = by_end.get(end)
        prev = _ACRONYM.search(text, max(0, end - 11), end) if m is None else None
        if m is None and (prev is None or prev.end() != end):
            break
        members += m is not None
        pos = m.start if m is not None else prev.start()
    pos = hit.end()
    while (g := _LIST_GAP.match(text, pos)) is not None and g.end() > pos:
        m = by_start.get(g.end())
        nxt = _ACRONYM.match(text, g.end()) if m is None else None
        if m is None and nxt is None:
            break
        members += m is not None
        pos = m.end if m is not None else nxt.end()
    return members >= 2
