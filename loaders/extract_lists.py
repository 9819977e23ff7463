"""The extractor's rules of list sections: a short heading and the bullets under it, read as
participants (of the document's meeting), outcomes or focus areas (of the page's cooperation,
project or body)."""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.clean import BULLET, is_navigation
from collabkg.loaders.dates import find_dates
from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.facts import Evidence
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.registry import norm


_FOCUS_HEAD = re.compile(r"\b(focus|areas?|topics?|themes?|priorit(?:y|ies)|objectives|goals|scope)\b", re.I)


_PARTICIPANTS_HEAD = re.compile(r"^(?:list\s+of\s+)?(?:participants|attendees|attendance|present|members\s+present|delegates|participating\s+(?:institutions|organi[sz]ations))\b", re.I)


#: a heading or line that introduces a body's agreements: "The X has signed the following agreements:"
_AGREEMENTS_HEAD = re.compile(r"\b(?:agreements|memoranda|MoUs|MOUs|letters\s+of\s+intent)\b(?:\s+(?:signed|concluded))?(?:\s*\([^()]{1,30}\))?\s*:?\s*$"
                             r"|^(?:(?:international|bilateral|cooperation|our)\s+)?(?:agreements|memoranda|MoUs)\s+(?:of|by)\s+.+:\s*$", re.I)


#: a heading over a body's partners ("Partners", "Our international partners", "Partner institutions")
_PARTNERS_HEAD = re.compile(r"^(?:our\s+)?(?:(?:main|key|international|research|cooperation|strategic|current)\s+)?(?:partners|partner\s+(?:institutions|organi[sz]ations|bodies)"
                            r"|collaborators|collaborating\s+(?:institutions|organi[sz]ations)|cooperation\s+partners)\s*:?\s*$", re.I)
#: a heading over those who fund it ("Funders", "Sponsors", "Supported by", "With the support of")
_FUNDERS_HEAD = re.compile(r"^(?:our\s+)?(?:funders|funding\s+(?:bodies|agencies|partners)|sponsors|supported\s+by|funded\s+by|with\s+(?:the\s+)?support\s+(?:of|from))\s*:?\s*$", re.I)


#: a heading over a project's partners: "The consortium:", "Consortium members", "Project partners"
_TIERS = r"(?:coordinating|full|associate|associated|core|founding|lead|principal|affiliate|technical|supporting)"
_CONSORTIUM_HEAD = re.compile(r"^(?:the\s+)?(?:(?:[A-Z][\w-]*\s+)?consortium(?:\s+(?:members|partners))?|project\s+partners|partners\s+(?:in|of)\s+the\s+project"
                              rf"|{_TIERS}\s+(?:partners|members|organi[sz]ations|institutions))\s*:?\s*$", re.I)
#: a heading of a tier of partners, read only on a project's page ("Full partners", "Supporting organisations")
_TIER_HEAD = re.compile(rf"^{_TIERS}\s", re.I)


_OUTCOME_HEAD = re.compile(r"\b(success(?:es)?|achievements?|outcomes?|results?|accomplishments?|highlights?|impacts?|deliverables)\b", re.I)


class _ListSections:
    """Focus areas, outcomes and participant lists: mixed into the Extractor."""

    # list sections: focus areas and outcomes ------------------------------------------------
    def list_sections(self) -> None:
        i = 0
        ss = self.sentences
        while i < len(ss):
            s = ss[i]
            if s.is_bullet or s.text.endswith((".", "!", "?")) or len(s.text) > 80:
                i += 1
                continue
            j = i + 1
            items = []
            while j < len(ss) and ss[j].is_bullet:
                items.append(ss[j])
                j += 1
            if not items:
                i += 1
                continue
            if _PARTICIPANTS_HEAD.search(s.text):
                self.participants(items)
                i = j
                continue
            if _AGREEMENTS_HEAD.search(s.text):
                owner = self._list_owner(s)
                if owner is not None:
                    for it in items:
                        self.listed_agreement(owner, it)
                i = j
                continue
            if _CONSORTIUM_HEAD.search(s.text) and (project := self._consortium_of(s, tier=bool(_TIER_HEAD.match(s.text)))) is not None:
                for it in items:
                    self.listed_consortium_partner(project, it)
                for t in ss[j:j + 2]:  # "Associated partner: X" under the list
                    if am := re.match(r"(?:Associated|Associate|Third)\s+partners?\s*:\s*", t.text):
                        self.listed_consortium_partner(project, t, at=t.start + am.end())
                i = j
                continue
            if _PARTNERS_HEAD.search(s.text) or _FUNDERS_HEAD.search(s.text):
                owner = self._list_owner(s) or self._page_body()
                if owner is not None:
                    funders = bool(_FUNDERS_HEAD.search(s.text))
                    for it in items:
                        self.listed_partner(owner, it, funders)
                i = j
                continue
            subject = self.main_cooperation or self.main_project or self._title_body()
            if subject is None:
                i = j
                continue
            if _OUTCOME_HEAD.search(s.text):
                for it in items:
                    self.outcome(subject, it)
            elif _FOCUS_HEAD.search(s.text):
                scheme_label = f"{self.x.entities[subject].label}: {s.text}"
                scheme = self.x.entity(f"scheme/{norm(scheme_label)}", "scheme", ["skos:ConceptScheme"], scheme_label, self.ev(s, "rule:list-heading")).key
                for it in items:
                    label = it.text[len(BULLET):].strip()
                    ev = self.ev(it, "rule:focus-area-list")
                    c = self.x.entity(f"concept/{norm(label)}", "concept", ["skos:Concept"], label, ev).key
                    self.x.add(c, "skos:inScheme", scheme, ev)
                    self.x.add(subject, "ckg:focusArea", c, ev)
            i = j

    def _list_owner(self, s: _Sentence) -> str | None:
        """The body whose list a heading introduces: the one body it names ("The X has signed the
        following agreements:"), else the body the page's title names."""
        named = [o for o in s.mentions if o.label == "ORG" and o.cls not in ("Project", "Program", "Platform")]
        if len(named) == 1:
            return self.org(named[0], self.ev(s, "rule:agreement-list"))
        return self._title_body() if not named else None

    def listed_agreement(self, owner: str, it: _Sentence) -> None:
        """"- 2020: Letter of Intent with the University of Gdansk (Poland)" under a list of the
        owner's agreements: an agreement of the owner and the body after "with", dated by the year
        the item gives (``rule:agreement-list``)."""
        m = self._AGREE_RE.search(it.text)
        if m is None:
            return
        wm = re.match(r"\s*(?:\([^)]*\)\s*)?\s+with\s+(?:the\s+)?", it.text[m.end():])
        if wm is None:
            return
        at = it.start + m.end() + wm.end()
        other = next((o for o in it.mentions if o.start == at and o.label in ("ORG", "GPE")), None)
        if other is None:
            return
        ev = self.ev(it, "rule:agreement-list")
        party = self.org(other, ev)
        if party is None or party == owner:
            return
        key = self._agreement(it, m, ev, [owner, party], m.group(1), it.text[max(0, m.start() - 80):m.start()],
                              it.text[m.end():], None)
        years = [d for d in find_dates(it.text, reference=self.doc.reference_date) if not d.inferred]
        if years and not self.x.objects(key, "dcterms:date"):
            d = years[0]
            self.x.add(key, "dcterms:date", Literal(str(d.start.year), datatype=XSD.gYear) if d.year_only or d.month_only
                       else Literal(d.start.isoformat(), datatype=XSD.date), ev)

    def listed_partner(self, owner: str, it: _Sentence, funders: bool) -> None:
        """"- University of Cape Town, South Africa" under the owner's "Partners" (``ckg:cooperatesWith``)
        or "Funders" (``schema:sponsor`` of the owner): the item's first body, not its address."""
        body = next((o for o in it.mentions if o.label == "ORG"), None)
        if body is None or not re.match(rf"{re.escape(BULLET)}\s*(?:the\s+)?$", self.text[it.start:body.start]):
            return  # an item that opens with no body's name ("- training courses") names no partner
        method = "rule:funder-list" if funders else "rule:partner-list"
        other = self.org(body, self.ev(it, method))
        if other is None or other == owner:
            return
        self.rel(owner, "schema:sponsor" if funders else "ckg:cooperatesWith", other, it, method)

    def _consortium_of(self, s: _Sentence, tier: bool = False) -> str | None:
        """The project whose consortium a heading introduces: the one the heading names ("The X
        consortium:"), else the page's project, else the one named right before "consortium" in the
        title or the first sentences ("X consortium kicks off"). A tier's heading ("Full partners")
        is read only on a page whose first paragraph says it is a project's ("The X (Y) is a joint project")."""
        named = [o for o in s.mentions if o.label == "ORG"]
        if len(named) == 1 and not tier:
            return self.org(named[0], self.ev(s, "rule:consortium-list"))
        if self.main_project is not None:
            return self.main_project
        if tier:
            return self._project_page()
        for t in self.sentences[:4]:
            for o in t.mentions:
                if o.label == "ORG" and re.match(r"\s+consortium\b", self.text[o.end:t.end], re.I):
                    return self.org(o, self.ev(t, "rule:consortium-list"))
            # "FJORDLINK consortium kicks off": a project's name in capitals, which the model may not read
            cm = re.search(r"\b(?P<name>[A-Z][A-Z0-9-]{2,15})\s+(?:project\s+)?consortium\b", t.text)
            if cm and self.registry.lookup(cm.group("name")) is None:
                at = t.start + cm.start("name")
                m = Mention(at, at + len(cm.group("name")), cm.group("name"), "ORG", "Project", method="consortium-list")
                return self.org(m, self.ev(t, "rule:consortium-list"))
        return None

    def _project_page(self) -> str | None:
        """The project a page presents: its first paragraph opens with a body's name and says it is a
        project ("The X (X2) is a joint project for ...")."""
        for t in self.sentences[:6]:
            m = next((o for o in t.mentions if o.label == "ORG" and re.fullmatch(r"\s*(?:The\s+)?", self.text[t.start:o.start])), None)
            if m is not None and re.match(r"\s*(?:\([^()]{1,20}\)\s*)?(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:project|programme|program|initiative)\b",
                                          self.text[m.end:t.end]):
                return self.org(m, self.ev(t, "rule:consortium-list"))
        return None

    def listed_consortium_partner(self, project: str, it: _Sentence, at: int | None = None) -> None:
        """"- Ghent University (UGent), Belgium – coordinator" under a project's consortium: a partner in
        the project (``ckg:partner``), and its leader when the item says it coordinates it."""
        at = it.start + len(BULLET) if at is None else at
        body = next((o for o in it.mentions if o.label == "ORG" and o.start >= at), None)
        if body is not None and re.fullmatch(r"\s*(?:the\s+)?", self.text[at:body.start]):
            while nxt := next((o for o in it.mentions if o.label == "ORG" and 0 < o.start - body.end <= 1), None):
                body = nxt  # "NOAA National Centers for ... (NCEI)": the unit the item names, after its body's acronym
        else:
            # every item of a consortium names a body: "Helmholtz-Zentrum Hereon, Germany", "Ifremer, France"
            nm = re.match(r"\s*(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|for|and|de|the|&))*)\s*(?:\(|,|[–—-]\s|$)",
                          self.text[at:it.end])
            if nm is None or self.places.country(nm.group("name")) is not None or nm.group("name") in self.places.cities \
                    or any(o.label == "PERSON" and o.start < at + nm.end("name") for o in it.mentions):
                return
            acr = re.match(r"\s*\((?P<acr>[A-Z][A-Za-z]{1,10})\)", self.text[at + nm.end("name"):it.end])
            body = Mention(at + nm.start("name"), at + nm.end("name"), nm.group("name"), "ORG", "Organization",
                           acronym=acr.group("acr") if acr else None, method="consortium-list")
        other = self.org(body, self.ev(it, "rule:consortium-list"))
        if other is None or other == project:
            return
        self.rel(project, "ckg:partner", other, it, "rule:consortium-list")
        if re.search(r"[-–—,(]\s*(?:project\s+)?(?:coordinator|coordinating\s+(?:partner|institution)|lead\s+partner)\b", self.text[body.end:it.end], re.I):
            self.rel(project, "ckg:leader", other, it, "rule:consortium-list")

    def _page_body(self) -> str | None:
        """The body a page speaks for when its title names none: the subject its first paragraph opens
        with ("The Sahel Climate Data Centre works with ...")."""
        for s in self.sentences[:4]:
            if s.is_bullet:
                return None
            m = next((o for o in s.mentions if o.label == "ORG" and re.fullmatch(r"(?:The\s+)?", self.text[s.start:o.start])), None)
            if m is not None and m.cls not in ("Project", "Program", "Platform") and re.match(r"\s*(?:\([^)]*\)\s*)?(?:,|[a-z])", self.text[m.end:s.end]):
                return self.org(m, self.ev(s, "rule:page-body"))
        return None

    def _title_body(self) -> str | None:
        """The body a page is about, named by its first line ("Alliance of ... Organizations"), or by a
        line of its own among the first lines under the site's navigation and a section's name
        ("KISTI | About > Partners", "International Cooperation", "Korea Institute of ..."), if any."""
        for n, line in enumerate(self.sentences[:4]):
            m = next((o for o in line.mentions if o.label == "ORG" and o.start == line.start and o.end == line.end), None)
            if m is not None:
                return self.org(m, self.ev(line, "rule:page-title-body")) if m.cls not in ("Project", "Program", "Platform") else None
            if (n == 0 and not is_navigation(line.text)) or line.text.endswith((".", "!", "?")):
                return None  # a headline or a sentence first: the page names no body of its own above its text
        return None

    def participants(self, items: list[_Sentence]) -> None:
        """A list under "Participants": each person and body is an attendee of the document's meeting."""
        events = [k for k, e in self.x.entities.items() if e.kind == "event"]
        event = self.main_meeting or (events[0] if len(events) == 1 else None)
        if event is None:
            return
        for it in items:
            ev = self.ev(it, "rule:participant-list")
            for m in it.mentions:
                if m.label == "PERSON":
                    person = self.person(m, ev)
                    self.x.add(event, "schema:attendee", person, ev)
                    if re.search(r"(?:,\s*|\(\s*)(?:Co-?[Cc]hair|Chair(?:man|woman|person)?)\b", it.text):
                        self.x.add(event, "ckg:chair", person, Evidence(ev.start, ev.end, ev.quote, "rule:participant-list-chair"))
                elif m.label == "ORG":
                    self.rel(event, "schema:attendee", self.org(m, ev), it, "rule:participant-list")

    def outcome(self, subject: str, it: _Sentence) -> None:
        label = it.text[len(BULLET):].strip()
        ev = self.ev(it, "rule:outcome-list")
        key = f"outcome/{subject.split('/', 1)[1]}|{norm(label)[:80]}"
        self.x.entity(key, "outcome", ["ckg:Outcome"], label, ev)
        self.x.add(key, "ckg:outcomeOf", subject, ev)
        involved = []
        # what the item's sentence made: agreements, task groups, platforms, programs, bodies
        for k, e in self.x.entities.items():
            if e.kind in ("agreement", "platform", "program", "infrastructure", "project", "organization") and any(v.start == it.start for v in e.evidence):
                involved.append(k)
        for m in it.mentions:
            if m.label == "ORG":
                k = self.org(m, ev)
                if k and k not in involved:
                    involved.append(k)
        for k in involved:
            if k != subject:
                self.x.add(key, "ckg:involves", k, Evidence(ev.start, ev.end, ev.quote, "rule:outcome-involves"))
