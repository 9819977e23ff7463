"""The extractor's rules of posts: "X, Director of Y", "X, a senior engineer at Y", "X, Head of
Data Services at Y" (an ``org:Post`` with its role), and membership in no named role ("Dr. X of
the Y", "Prof. X (University of Y)")."""

from __future__ import annotations

import re

from rdflib import Literal

from collabkg.loaders.extract_entities import _CLASS, _Sentence, _is_generic_unit
from collabkg.loaders.facts import Evidence
from collabkg.loaders.person_names import ROLE_RE, TITLE_RE
from collabkg.loaders.registry import norm


#: a body's governing unit, named without its body's name: "Board of Trustees", "Scientific Advisory Committee"
_GOVERNING_UNIT = (r"(?:[A-Z][a-z]+\s+){0,2}(?:Board|Committee|Council|Bureau|Panel|Senate)"
                   r"(?:\s+of\s+(?:Trustees|Directors|Governors|Management|Regents))?")
#: roles on such a unit written in lower case ("chair of the Board of Trustees")
_LOWER_BOARD_ROLES = r"(?:(?:vice|deputy|co)[- ])?(?:chair(?:man|woman|person)?|president|member|secretary|treasurer)"


#: a unit's head noun and its class, in a title that names the unit before the role
_UNIT_IN_TITLE = {"Team": "Division", "Unit": "Division", "Branch": "Division", "Section": "Division", "Department": "Division",
                  "Division": "Division", "Office": "Division", "Laboratory": "ResearchCenter", "Lab": "ResearchCenter",
                  "Center": "ResearchCenter", "Centre": "ResearchCenter", "Group": "TaskGroup"}
_UNIT_TITLE_RE = re.compile(rf"(?P<unit>[A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*){{0,6}}\s+(?P<head>{'|'.join(_UNIT_IN_TITLE)}))\s+(?P<role>{ROLE_RE})")


def unit_in_title(role: str) -> tuple[str, str, str] | None:
    """(unit, its class, role) when a post's title names a unit of the body before the role
    ("Glacier and Snow Survey Team Chief Scientist": the team's chief scientist); None otherwise.

    >>> unit_in_title("Glacier and Snow Survey Team Chief Scientist")
    ('Glacier and Snow Survey Team', 'Division', 'Chief Scientist')
    >>> unit_in_title("Director"), unit_in_title("Program Director"), unit_in_title("Data Team Leader")
    (None, None, None)
    """
    m = _UNIT_TITLE_RE.fullmatch(role.strip())
    if m is None or _is_generic_unit(m.group("unit").replace(m.group("head"), "Unit")) or m.group("role").split()[0] in _UNIT_IN_TITLE:
        return None
    return m.group("unit"), _UNIT_IN_TITLE[m.group("head")], m.group("role")


class _PostRules:
    """Posts and memberships of people: mixed into the Extractor."""

    # posts -------------------------------------------------------------------------------
    _POST_RE = re.compile(rf",?\s*(?:the\s+)?({ROLE_RE})\s+(?:of|from|at|in|with)\s+(?:the\s+)?")

    def posts(self, s: _Sentence) -> None:
        for m in s.mentions:
            if m.label != "PERSON":
                continue
            after = self.text[m.end:s.end]
            # "Deputy Vice-Chancellor for Research", "Deputy Vice-Chancellor (Research)", "Pro-Rector: Research and Innovation"
            role = ROLE_RE + (r"(?:\s+for\s+[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*(?=\s+(?:of|at)\b|,)"
                              r"|\s+\([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*\)(?=,)"
                              r"|:\s+[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*(?=,))?")
            patterns = [
                # "X, Director-General of the academy's Bureau of Y": the unit of a body referred to
                r",\s*(?:the\s+)?(" + role + r")(?:\s+(?:of|from|at|in|with)\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?[a-z]+['’]s\s+)?|,\s+)",
                # "Ms. Li Na, a senior engineer at the National ... Center": a post written in lower case
                r",\s*(?:(?:a|an|the)\s+)?((?:(?:senior|chief|principal|deputy|vice|associate|assistant|lead|research|project|programme|program|visiting|postdoctoral|data|software|executive|general)[ -]){0,2}"
                r"(?:engineer|scientist|researcher|professor|director(?:[- ]general)?|officer|manager|fellow|member|advis[eo]r|lecturer|analyst|specialist|coordinator|student|librarian|curator|steward|head|president|chair(?:man|woman|person)?|secretary(?:[- ]general)?|dean|leader))"
                r"\s+(?:of|from|at|in|with)\s+(?:the\s+)?",
                # "Dr Ana Costa, Head of Data Services at the Brazilian Institute ...": a unit in the role title
                r",\s*(?:the\s+)?(" + ROLE_RE + r"\s+of\s+[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*){0,3})\s+(?:at|in|with)\s+(?:the\s+)?",
                # "Hector Ruiz, chair of the Board of Trustees of the X": a post on the body's governing board
                r",\s*(?:the\s+)?((?:" + ROLE_RE + r"|" + _LOWER_BOARD_ROLES + r")\s+of\s+the\s+" + _GOVERNING_UNIT + r")\s+of\s+(?:the\s+)?",
            ]
            pm = org_m = None
            for pat in patterns:
                pm = re.match(pat, after)
                org_m = next((o for o in s.mentions if pm and o.start == m.end + pm.end() and o.label == "ORG"), None)
                if org_m is not None:
                    break
            if org_m is None:
                continue
            ev = self.ev(s, "rule:person-post-apposition")
            self.add_post(self.person(m, ev), pm.group(1), self.org(org_m, ev), ev)
        self._received_by(s)

    #: "visited the X, where they were received by the Acting Director, Dr. A": the host's post in the body visited
    _VISITED = re.compile(r"\b(?:visited|toured|(?:paid|made)\s+an?\s+(?:[\w-]+\s+){0,2}(?:call|visit)\s+(?:on|to)|arrived\s+at|At)\s+(?:the\s+)?")
    _RECEIVED = re.compile(rf"\b(?:received|welcomed|greeted|hosted)\s+by\s+(?:the|its|their)\s+(?P<role>{ROLE_RE}),?\s+"
                           rf"(?:(?:{TITLE_RE})\s+)*")

    def _received_by(self, s: _Sentence) -> None:
        """"The delegation visited the X, where it was received by the Acting Director, Dr. A": the one
        who received the visitors holds the post the text names in the body visited (``rule:received-by``)."""
        rm = self._RECEIVED.search(s.text)
        if rm is None:
            return
        person = next((o for o in s.mentions if o.label == "PERSON" and o.start == s.start + rm.end()), None)
        visited = [o for o in s.mentions if o.label == "ORG" and o.start < s.start + rm.start()
                   and (vm := self._VISITED.search(self.text, s.start, o.start)) and vm.end() == o.start]
        if person is None or not visited:
            return
        ev = self.ev(s, "rule:received-by")
        org = self.org(visited[-1], ev)
        if org is not None:
            self.add_post(self.person(person, ev), rm.group("role"), org, ev)

    def memberships(self, s: _Sentence) -> None:
        """"Dr. Ingrid Solberg of the Norwegian Polar Institute", "Prof. Maria Rossi (University of Bologna)":
        the person belongs to the body in no role the text names (``org:memberOf``). A post in the same
        body (read by :meth:`posts`, which runs first) says more and wins."""
        for m in s.mentions:
            if m.label != "PERSON":
                continue
            after = self.text[m.end:s.end]
            pm = re.match(r"(?:\s+(?:of|from|at)\s+|\s*\(\s*)(?:the\s+)?", after)
            if not pm:
                continue
            at = m.end + pm.end()
            country = next((o for o in s.mentions if o.start == at and o.label == "GPE"), None) if "(" not in pm.group(0) else None
            if country is not None:  # "Dr Ana Lima from Brazil's Ocean Data Center", "from China Alibaba": the body
                cm = re.match(r"(?:['’]s)?\s+(?:the\s+)?", self.text[country.end:s.end])
                at = country.end + cm.end() if cm else at
            org_m = next((o for o in s.mentions if o.start == at and o.label == "ORG"), None)
            if org_m is None:
                continue
            if re.match(r"\s+(?:headquarters|HQ|offices?|premises|campus|building|secretariat\s+building)\b", self.text[org_m.end:s.end]):
                continue  # "X and Y signed it at WMO headquarters": where they were, not whom they work for
            if "(" in pm.group(0) and not re.match(r"\s*(?:\([^)]*\)\s*)?\)", self.text[org_m.end:s.end]):
                # "(Kyoto University, Japan)", "(NPI, Tromsø)": the body and its place; anything else after
                # the body, or an unclosed parenthesis, is not just the body's name
                place = re.match(r",\s*", self.text[org_m.end:s.end])
                at_place = org_m.end + place.end() if place else None
                pl = next((o for o in s.mentions if o.start == at_place and o.label in ("GPE", "CITY", "REGION")), None)
                if pl is None or not re.match(r"\s*\)", self.text[pl.end:s.end]):
                    continue
            ev = self.ev(s, "rule:person-affiliation")
            self.add_member(self.person(m, ev), self.org(org_m, ev), ev)

    def add_member(self, person: str, org: str | None, ev: Evidence) -> None:
        """``person`` is a member of ``org`` (``org:memberOf``), unless a post of theirs there was read:
        the post says more."""
        if org is not None and not any(org in self.x.objects(p, "org:postIn") for p in self.x.objects(person, "org:holds")):
            self.x.add(person, "org:memberOf", org, ev)

    def add_post(self, person: str, role: str, org: str | None, ev: Evidence) -> None:
        if org is None:
            return
        role = re.sub(r"\s+", " ", role).strip()
        if org.startswith("organization/") and (split := unit_in_title(role)) is not None:
            # "ADC Glacier and Snow Survey Team Chief Scientist X": the post is in the team, a unit of the body
            unit, cls, role = split
            kind, classes = _CLASS[cls]
            unit_key = f"{kind}/{norm(unit)}"
            if unit_key not in self.x.entities and len(unit.split()) < 3:
                unit_key += f"|{org.split('/', 1)[1]}"  # "Climate Team": known by its body, never another body's team
            if unit_key != org:
                self.x.entity(unit_key, kind, classes, unit, ev)
                if not self.x.objects(unit_key, "org:subOrganizationOf"):
                    self.x.add(unit_key, "org:subOrganizationOf", org, Evidence(ev.start, ev.end, ev.quote, ev.method))
                org = unit_key
        role_key = f"role/{norm(role)}"
        self.x.entity(role_key, "role", ["org:Role"], role, None)
        org_label = self.x.entities[org].label
        post_key = f"post/{norm(role)}|{org.split('/', 1)[1]}|{person.split('/', 1)[1]}"
        self.x.entity(post_key, "post", ["org:Post"], f"{role}, {org_label}", ev)
        self.x.add(post_key, "org:heldBy", person, ev)
        self.x.add(person, "org:holds", post_key, ev)
        self.x.add(post_key, "org:postIn", org, ev)
        self.x.add(post_key, "org:role", role_key, ev)
        self.x.add(post_key, "ckg:roleTitle", Literal(role), ev)
