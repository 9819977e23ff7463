"""Lines of an event's or a project's page that are no sentences, only a participle and its agents:

    Organised by the Academy of X in partnership with the Y Library.
    Funded by the National Research Foundation (NRF).
    Hosted by the University of Z.

Each names who organised (``schema:organizer``; "in partnership with" adds an organiser) or who
funded (``schema:sponsor``) what the page is about: its main event, else its project
(``discourse:page-line``). A line with a subject of its own ("Organised by X, the forum ...") is
the patterns' (loaders/patterns/organisation.yaml), not read here.
"""

from __future__ import annotations

import re

__all__ = ["FRAGMENT", "_PageLines"]

#: a line that is only a participle and its agents: "Jointly organised by A and B.", "Funded by C."
FRAGMENT = re.compile(r"^(?:(?:Jointly|Co-?)\s*)?(?P<verb>[Oo]rgani[sz]ed|[Cc]o-organi[sz]ed|[Hh]osted|[Cc]onvened|[Ff]unded|[Ss]ponsored|[Ss]upported"
                      r"|[Cc]o-funded|[Ff]inanced)\s+by\s+(?P<agents>[^,;:]+?)\.?\s*$")

_SPONSORING = ("funded", "sponsored", "supported", "co-funded", "financed")


class _PageLines:
    """Participle lines of a page: mixed into the Discourse."""

    def _page_lines(self) -> None:
        subject = self.main or self.ex.main_project
        if subject is None:
            return
        for s in self.ex.sentences:
            fm = FRAGMENT.match(s.text.strip())
            if fm is None:
                continue
            sponsor = fm.group("verb").lower() in _SPONSORING
            at = s.start + s.text.index(fm.group("agents"))
            ev = self._ev(s, "discourse:page-line")
            for o in s.mentions:
                if o.label != "ORG" or not at <= o.start < at + len(fm.group("agents")) or o.parent is not None and any(
                        p is o.parent for p in s.mentions):
                    continue  # "the Library of the University": the unit, not also its parent
                k = self.ex.org(o, ev)
                if k and k != subject:
                    self._fact("sponsor" if sponsor else "organizer", subject, k, ev)
