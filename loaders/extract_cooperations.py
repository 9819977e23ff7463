"""The extractor's rules of cooperations: cooperations and event series named in the text ("the
UK-US Research Data Partnership, established in 2016 by A and B") with their countries, start year
and partners; the series "the workshop" means; quoted projects and the programme that funds them;
collaborations with countries and regions, project leaders and partners, a series' organisers,
country pairs ("Sino-Pakistan partnership"); and bodies "in" a country."""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.extract_events import _COOP_NOUNS, _EVENT_NOUNS, _SERIES_NOUNS
from collabkg.loaders.facts import Evidence
from collabkg.loaders.lists import no_parents
from collabkg.loaders.registry import norm
from collabkg.loaders.resolve import ordinal_value, series_name_key


class _CooperationRules:
    """Cooperations, series, projects and their partners: mixed into the Extractor."""

    # cooperations and event series ------------------------------------------------------
    _COOP_RE = re.compile(
        rf"(?<![\w-])((?:(?:[A-Z][\w.]*(?:[-–][A-Z][\w.]*)*|and)\s+){{0,6}}(?:{_SERIES_NOUNS}|{_COOP_NOUNS})(?:\s+(?:on|for|of|in)\s+(?:[A-Z][\w-]*\s*(?:and\s+|&\s+)?){{1,7}})?)"
    )

    def cooperations(self, s: _Sentence) -> None:
        for m in self._COOP_RE.finditer(s.text):
            name = m.group(1).strip()
            a, b = s.start + m.start(1), s.start + m.end(1)
            if any(o.label == "ORG" and o.start < b and a < o.end for o in s.mentions):
                continue  # "Bureau of International Cooperation": part of a body's name
            words = name.split()
            before = s.text[max(0, m.start() - 25):m.start()]
            while words and words[0] in ("The", "A", "An", "This", "Our", "Its", "and"):
                words = words[1:]
            name = " ".join(words)
            if (tail := re.search(r"\s+in\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)$", name)) and (
                    self.places.is_place_name(tail.group(1)) or self.places.country(tail.group(1))):
                name, words = name[:tail.start()], name[:tail.start()].split()  # "Polar Data Workshop in Oslo": where, not its name
            if len(words) < 2 or words[0] in ("Successes", "Of"):
                continue
            last_word = re.search(r"([A-Za-z]+)\s*$", before)
            if (last_word and ordinal_value(last_word.group(1))) or re.search(r"\b\d{1,3}\s?(?:st|nd|rd|th)\s*$", before) \
                    or ordinal_value(words[0]) or re.match(r"\d{1,3}\s?(?:st|nd|rd|th)\b", words[0]):
                continue  # "First US-China Roundtable": one event of a series, read by ordinal_events
            if words[-1] in ("on", "for", "of", "and"):
                continue
            if self.headline_event_name and norm(self.headline_event_name).startswith(norm(name)):
                continue  # the page's headline is this event, its dates under it: one event, no series
            if re.match(rf"\s+(?:{_EVENT_NOUNS}|session|assembly)\b", s.text[m.end(1):], re.I):
                continue  # "Partnership Meeting": an event's name, not a cooperation's
            noun_at = re.search(rf"\b(?:{_SERIES_NOUNS}|{_COOP_NOUNS})\b", name)
            head_words = name[:noun_at.start()].split() if noun_at else words
            complement = bool(re.search(r"\s(?:on|for|of|in)\s+[A-Z]", name[noun_at.end():] if noun_at else ""))
            if not (self._countries_in(name) or complement or len(head_words) >= 2):
                continue  # "Belmont Forum", "Past Roundtables": a body or a heading, not a named cooperation
            series = bool(re.search(_SERIES_NOUNS, name))
            classes = ["ckg:Cooperation"] + (["schema:EventSeries"] if series else [])
            key = f"cooperation/{series_name_key(name, self.places)}"
            ev = self.ev(s, "rule:cooperation-name")
            self.x.entity(key, "cooperation", classes, name, ev)
            if self.main_cooperation is None:
                self.main_cooperation = key
            countries = self._countries_in(name)
            if series:
                self.series[self._series_key(name)] = key
            for code in countries:
                self.x.add(key, "ckg:country", self.country(code, ev), Evidence(ev.start, ev.end, ev.quote, "rule:cooperation-countries"))
            # "..., begun in 2006 ..."
            tail = s.text[m.end():m.end() + 60]
            if y := re.match(r"\s*,?\s*(?:which\s+)?(?:(?:was|is|has\s+been|were)\s+)?(?:first\s+)?(?:begun|began|started|launched|initiated|established|founded|inaugurated|created|set up)\s+in\s+((?:19|20)\d\d)", tail):
                self.lit(key, "schema:startDate", Literal(y.group(1), datatype=XSD.gYear), s, "rule:cooperation-start")
            # "... to enhance the cooperation between A, B and C, D"; "a joint activity of A and B";
            # "organised by A and B"; "connects A at X with B at Y"
            for bm in re.finditer(r"\b(?:(?:cooperation|collaboration|partnership|exchanges?)\s+between|joint\s+(?:activity|initiative|undertaking|programme|program|effort)\s+of|(?:jointly\s+|co-)?(?:organi[sz]ed|convened|run|led|hosted|established|founded|launched|initiated|set\s+up|created|started)(?:\s+in\s+(?:19|20)\d\d)?\s+(?:jointly\s+)?by|connects|links|brings\s+together|unites)\s+(.+?)(?:[.;]|,\s+(?:to|so|which|in order|with|thanks|supported|funded|sponsored|financed|under)\b|\s+(?:to|in order to)\s+[a-z]+\b|$)", s.text):
                a = s.start + bm.start(1)
                for pm in no_parents(self.mentions_in(s, a, s.start + bm.end(1), labels=("ORG",)), self, ev):
                    if re.search(r"\b(?:at|within)\s+(?:the\s+)?$", self.text[max(a, pm.start - 12):pm.start]):
                        continue  # "DCC at the University of Edinburgh": the host, not a partner
                    self.rel(key, "ckg:partner", self.org(pm, self.ev(s, "rule:cooperation-partners")), s, "rule:cooperation-partners")

    def _countries_in(self, name: str) -> list[str]:
        codes = []
        for part in re.split(r"[-–\s]+", name):
            c = self.places.country(part.strip("."))
            c = c or self.places.country(part)
            if c and c.code not in codes:
                codes.append(c.code)
        return codes

    def _series_key(self, name: str) -> str:
        noun = re.search(_SERIES_NOUNS, name, re.I)
        return ",".join(sorted(self._countries_in(name))) + "|" + (noun.group(0).lower().replace(" ", "") if noun else "")

    # projects ----------------------------------------------------------------------------
    def projects(self, s: _Sentence) -> None:
        for i, m in enumerate(s.mentions):
            if m.label == "ORG" and m.cls == "Project" and m.method == "quoted-name":
                key = self.org(m, self.ev(s, "rule:quoted-name"))
                self.main_project = self.main_project or key
                # 'National Key R&D Project "International Project on ..."': the program sponsors it
                if i > 0:
                    prev = s.mentions[i - 1]
                    gap = self.text[prev.end:m.start]
                    if prev.label == "ORG" and gap.strip(" \"“”") in ("", "-", ":") and prev.cls in ("FundingProgram", "Program", "Project"):
                        sponsor = self.org(prev, self.ev(s, "rule:program-project"), as_cls="FundingProgram")
                        self.rel(key, "schema:sponsor", sponsor, s, "rule:program-project")

    def _series_named_by(self, noun: str, s: _Sentence) -> str | None:
        """The series "The workshop" means: the last series before ``s`` whose name ends in that noun
        ("the Regional Data Workshop ... The workshop was co-organized by"), else the document's main
        series when its name has the noun or the noun says only "series" / "programme"; None when
        the noun names another kind of event than any series of the document."""
        noun = noun.lower()
        named = [(max((v.start for v in e.evidence if v.start < s.start), default=-1), k) for k, e in self.x.entities.items()
                 if e.kind == "cooperation" and "schema:EventSeries" in e.classes and re.search(rf"\b{re.escape(noun)}\b", e.label, re.I)]
        named = [(at, k) for at, k in named if at >= 0]
        if named:
            return max(named)[1]
        main = self.main_cooperation
        if main is None:
            return None
        if noun in ("series", "partnership", "programme", "program") or re.search(rf"\b{re.escape(noun)}\b", self.x.entities[main].label, re.I):
            return main
        return None if any(e.kind == "cooperation" and "schema:EventSeries" in e.classes for e in self.x.entities.values()) else main

    # collaborations with countries and regions --------------------------------------------
    def collaborations(self, s: _Sentence) -> None:
        for m in re.finditer(r"\b(?:collaborations?|cooperation|partnerships?)\s+with\s+(.+?)(?=,\s+(?!and\b)[a-z]|;|\.\s|\.$|$)", s.text):
            subject = self.main_project if re.search(r"\bproject\b", s.text, re.I) and self.main_project else self.main_cooperation
            if subject is None:
                continue
            for pm in self.mentions_in(s, s.start + m.start(1), s.start + m.end(1)):
                self.rel(subject, "ckg:cooperatesWith", self.org(pm, self.ev(s, "rule:collaboration-with")), s, "rule:collaboration-with")
        # "The project, led by the IITM, ...": the leader of the project
        for lm in re.finditer(r"\b(?:led|coordinated|headed)\s+by\s+(?:the\s+)?", s.text):
            if not (self.main_project and re.search(r"\bproject\b", s.text[:lm.start()], re.I)):
                continue
            who = next((o for o in s.mentions if o.start == s.start + lm.end() and o.label in ("ORG", "PERSON")), None)
            if who is not None:
                ev = self.ev(s, "rule:led-by")
                self.x.add(self.main_project, "ckg:leader", self.person(who, ev) if who.label == "PERSON" else self.org(who, ev), ev)
        # "The project partners are A, B and C", "in partnership with A"
        pp = re.search(r"\b(?:project|programme|program)(?:'s)?\s+partners\s+(?:are|were|include|included)\s+(.+)$|\bin\s+partnership\s+with\s+(.+?)(?:[;.]\s|[;.]?$)", s.text)
        target = self.main_project or self.main_cooperation
        if pp and target:
            g = 1 if pp.group(1) else 2
            for pm in self.mentions_in(s, s.start + pp.start(g), s.start + pp.end(g), labels=("ORG",)):
                self.rel(target, "ckg:partner", self.org(pm, self.ev(s, "rule:project-partners")), s, "rule:project-partners")
        # "The roundtable was organised by A and B": the organisers are partners of the series
        om = re.match(rf"(?:The|This|Each)\s+(?:{_SERIES_NOUNS.lower()}|{_SERIES_NOUNS}|series|partnership|programme|program)\s+(?:was|is|were|are|has\s+been)\s+(?:jointly\s+|co-)?(?:organi[sz]ed|convened|run|hosted)\s+(?:jointly\s+)?by\s+(.+)$", s.text)
        series = self._series_named_by(s.text.split()[1], s) if om else None
        if om and series and not self._ordinal_match(s):
            for pm in no_parents(self.mentions_in(s, s.start + om.start(1), s.start + om.end(1), labels=("ORG",)), self, self.ev(s, "rule:organised-by")):
                self.rel(series, "ckg:partner", self.org(pm, self.ev(s, "rule:organised-by")), s, "rule:organised-by")
        # country pairs: "cooperation between China and Pakistan", "Sino-Pakistan partnership"
        pairs = []
        for m in re.finditer(r"\b(?:cooperation|collaboration|partnership|relations)\s+between\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+and\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", s.text):
            pairs.append((m.group(1), m.group(2)))
        for m in re.finditer(r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\s+(?:partnership|cooperation|collaboration|relations)\b", s.text):
            pairs.append((m.group(1), m.group(2)))
        for a, b in pairs:
            ca, cb = self.places.country(a), self.places.country(b)
            if not ca or not cb or ca == cb:
                continue
            codes = sorted([ca.code, cb.code])
            names = [self.places.countries[c].name for c in codes]
            key = f"cooperation/{'-'.join(c.lower() for c in codes)}"
            ev = self.ev(s, "rule:country-cooperation")
            self.x.entity(key, "cooperation", ["ckg:Cooperation"], f"{names[0]}–{names[1]} cooperation", ev)
            for c in codes:
                self.x.add(key, "ckg:partner", self.country(c, ev), ev)

    # bodies located in a country: "Quaid-i-Azam University, Pakistan" (handled on mentions) --
    def located(self, s: _Sentence) -> None:
        for m in s.mentions:
            if m.label == "ORG" and m.country is None and m.entry is None:
                tail = self.text[m.end:m.end + 40]
                if cm := re.match(r"\s+in\s+", tail):
                    loc = next((g for g in s.mentions if g.label == "GPE" and g.start == m.end + cm.end()), None)
                    if loc and m.cls not in ("Platform", "Project", "Program"):
                        key = self.org(m, self.ev(s, "rule:org-country"))
                        if key:
                            self.rel(key, "ckg:country", self.country(loc.code, self.ev(s, "rule:org-country")), s, "rule:org-country")
