"""The bodies a list of names stands for.

"Organised by the Institute of X, Academy of Y, and Z", "signed by IX, AY and Z": a body written
right after its own unit is that unit's address, not another item of the list. The rules that read
a list of bodies (organisers, partners, parties, members) take its items through :func:`no_parents`.
"""

from __future__ import annotations

import re

__all__ = ["no_parents"]


def no_parents(ms: list, ex=None, ev=None) -> list:
    """The mentions of a list without those written as another's body ("organised by the Institute of
    X, Academy of Y, and Z": the academy is the institute's, not a partner of its own; with the
    extractor ``ex``, also "by IX, AY, and Z" when the document said IX is a unit of AY). A host named
    after a body it hosts ("between CODATA-China, CAS and CODATA-US, NAS") stays: the cooperation is
    also the hosts'."""
    out = [m for m in ms if not any((o.parent is m or (o.parent is not None and (o.parent.start, o.parent.end) == (m.start, m.end)))
                                    and o.extra.get("parent_rel") != "hostedBy" for o in ms if o is not m)]
    if ex is None:
        return out
    parts = {(f.subject, f.obj) for f in ex.x.facts if f.predicate == "org:subOrganizationOf"}
    kept = []
    for m in out:
        prev = kept[-1] if kept else None
        if prev is not None and re.fullmatch(r"(?:\s*\([^()]{1,15}\))?,\s+(?:the\s+)?", ex.text[prev.end:m.start]) \
                and (ex.org(prev, ev), ex.org(m, ev)) in parts:
            continue  # "IX, AY": the unit and the body it is part of
        kept.append(m)
    return kept
