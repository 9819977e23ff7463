"""The extractor's rules of who funds, attends and chairs: sponsors ("funded by", "support was
provided by"; bodies no other rule named read from the list's capitalised runs), the subject a
sentence speaks of, attendees, and chairs (several; "both meetings")."""

from __future__ import annotations

import re

from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.extract_events import _EVENT_NOUNS
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import TITLE_RE


#: titles a by-phrase may give before the name, in lower case or capitalised ("its director general, X")
_LOWER_ROLE = (r"(?:(?:deputy|vice|acting|executive|senior)[ -])?(?:director[- ]general|director|president|chair(?:man|woman|person)?"
               r"|secretary[- ]general|secretary|head|dean|rector|chief\s+executive|chief\s+scientist|coordinator)")


_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
           "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}


class _ParticipantRules:
    """Sponsors, attendees and chairs: mixed into the Extractor."""

    # sponsors ------------------------------------------------------------------------------
    def sponsors(self, s: _Sentence) -> None:
        for m in re.finditer(r"\b(?:(?:sponsored|funded|co-funded|supported|financed|backed)\s+by|(?:support|funding|sponsorship|grants?)\s+(?:was|were|is|are|has\s+been)\s+(?:provided|given|granted)\s+by|(?:funding|financial\s+support|support|grants?)\s+from)\s+(.+?)(?:;|$)", s.text):
            self._sponsor_clause(s, m)

    def _sponsor_clause(self, s: _Sentence, m: re.Match) -> None:
        subject = self._funded_thing(s, m.start()) or self._subject(s, m.start()) or self.main_project or self.main_meeting
        if subject is None:
            return
        a, b = s.start + m.start(1), s.start + m.end(1)
        # "X, sponsored by the Y Fund, took place in Riga on 3-4 June 2024": the list ends where the
        # sentence's own verb comes back after a comma
        if verb := re.search(r",\s+(?:and\s+)?(?:took|was|were|is|are|will|has|have|had|held|opened|began|brought|gathered|drew|attracted|focused|included)\b",
                             self.text[a:b]):
            b = a + verb.start()
        # "funded by A and B and led by C", "supported by A, and hosted by C": another participle's agents
        # are no sponsors
        if other := re.search(r",?\s+and\s+(?:was\s+|were\s+)?(?:led|coordinated|hosted|organi[sz]ed|run|chaired|managed|implemented|headed)\s+by\b",
                              self.text[a:b]):
            b = a + other.start()
        found = self.mentions_in(s, a, b, labels=("ORG",)) + self._unknown_bodies(s, a, b)
        for om in sorted(found, key=lambda o: o.start):
            cls = "FundingProgram" if (om.cls in ("Project", "Program", None) and not om.entry) else None
            sp = self.org(om, self.ev(s, "rule:sponsored-by"), as_cls=cls)
            self.rel(subject, "schema:sponsor", sp, s, "rule:sponsored-by")

    _NAME_RUN = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]*|\d{4})(?:\s+(?:(?:and|&|of|for)\s+)?(?:[A-Z][\w'’-]*|\d{4}))*")

    def _unknown_bodies(self, s: _Sentence, a: int, b: int) -> list[Mention]:
        """Bodies in a list of sponsors or parties that no other rule named: a run of capitalised
        words ("the Belmont Forum", "the Thailand Science Research and Innovation") or an acronym."""
        out = []
        taken = [o for o in s.mentions if o.label in ("ORG", "PERSON", "CITY")]
        runs = []
        for rm in self._NAME_RUN.finditer(self.text, a, b):
            # "CNES and ISRO": two acronyms joined by "and" are two bodies
            parts = re.split(r"(\s+(?:and|&)\s+)", rm.group(0))
            if len(parts) == 3 and (re.fullmatch(r"[A-Z][A-Z&]{1,7}s?", parts[0]) or re.fullmatch(r"[A-Z][A-Z&]{1,7}s?", parts[2])):
                runs.append((rm.start(), rm.start() + len(parts[0]), parts[0]))
                runs.append((rm.end() - len(parts[2]), rm.end(), parts[2]))
            else:
                runs.append((rm.start(), rm.end(), rm.group(0)))
        for rs, re_, name in runs:
            if re.search(r"\b(?:under|through|via|as\s+part\s+of|within|for|to|with|in)\s+(?:the\s+|a\s+|its\s+)?$", self.text[max(a, rs - 16):rs]):
                continue  # "funded by X under Grant Agreement No. 123": not a body of the list
            if re.search(r"\b(?:Agreement|Grant|Award|Contract|No|Number|Call|Project|Programme|Program)\b", name) and len(name.split()) > 1 and not re.search(r"(?:Program|Programme)$", name):
                continue
            if any(o.start < re_ and rs < o.end for o in taken) or self.text[max(0, rs - 1):rs] == "(":
                continue  # named already, or "(NRF)": the acronym of the body before
            if self.places.country(name) or name in self.places.regions or name in self.places.cities:
                continue
            words = name.split()
            before = self.text[max(a, rs - 6):rs]
            if re.search(r"\bof\s+$", before):
                continue  # "... of South Africa": a qualifier of the body before
            if words[0] in ("The", "A", "An", "This", "Its", "Their", "Both", "Dr", "Prof", "Mr", "Ms", "Mrs") or words[0] in _MONTHS:
                continue  # "... June 2024": a date, no body
            if len(words) >= 2 or re.fullmatch(r"[A-Z][A-Z&]{1,7}s?", name):
                cls = "FundingProgram" if re.search(r"(?:Program|Programme|Fund|Grant|Scheme)$", name) else "Organization"
                out.append(Mention(rs, re_, name, "ORG", cls, method="name-in-list"))
        return out

    def _funded_thing(self, s: _Sentence, before: int) -> str | None:
        """"Together with X, the centre runs the Y project, funded by Z": a project, programme or
        platform named right before the participle is what is funded, not the sentence's subject."""
        at = s.start + before
        thing = next((o for o in sorted(s.mentions, key=lambda o: -o.end) if o.end <= at and o.label == "ORG"), None)
        if thing is None or thing.cls not in ("Project", "Program", "Platform", "DataInfrastructure"):
            return None
        if not re.fullmatch(r"(?:\s+(?:project|programme|program|platform|initiative))?\s*,?\s*(?:(?:which|that)\s+(?:is|was|has\s+been|are|were)\s+)?", self.text[thing.end:at], re.I):
            return None
        return self.org(thing, self.ev(s, "rule:sponsored-by"))

    def _subject(self, s: _Sentence, before: int) -> str | None:
        head = s.text[:before]
        named = re.match(r"\s*(?:The\s+)?((?!(?:The|This|That|Its|Our|Their|A|An|Each|Every|Both|Such)\s)(?:[A-Z][\w'’-]*\s+){1,6})(?:\(([A-Z][\w&-]{1,12})\)\s+)?(project|programme|program|initiative)\s+"
                         r"(?:is|was|has\s+been|will\s+be|are|were)\s+$", head)
        if named:
            # "The Polar Data Commons project is funded by ...": that project, not the document's event
            name = named.group(1).strip()
            om = next((o for o in s.mentions if o.label == "ORG" and o.start == s.start + named.start(1)), None)
            om = om or Mention(s.start + named.start(1), s.start + named.start(1) + len(name), name, "ORG", None,
                               acronym=named.group(2), method="named-project")
            kind = "Program" if named.group(3).startswith("program") else "Project"
            return self.org(om, self.ev(s, "rule:sentence-subject"), as_cls=kind if om.entry is None else None)
        if re.search(r"\b(?:this|the|our)\s+project\b", head, re.I) and self.main_project:
            return self.main_project
        if re.search(rf"\b(?:this|the)\s+(?:{_EVENT_NOUNS}|event)\b", head, re.I) and self.main_meeting:
            return self.main_meeting
        # "It was organized by A, with support from B": the bodies after "by" are agents, not the subject
        by = re.search(r"\bby\b", head)
        cands = [m for m in s.mentions if m.label == "ORG" and m.end <= s.start + (by.start() if by else before)]
        if cands:
            return self.org(cands[0], self.ev(s, "rule:sentence-subject"))
        if re.match(r"\s*It\s", head) and self.main_meeting and any(
                v.start < s.start for v in self.x.entities[self.main_meeting].evidence):
            return self.main_meeting  # "The workshop took place in Oslo. It was funded by ...": that event
        return None

    # attendees -----------------------------------------------------------------------------
    def attendees(self, s: _Sentence) -> None:
        m = re.search(r"\b(?:(?:attendees|participants|delegates|representatives)\s+(?:include[sd]?|were|came\s+from|are)|attended\s+by|(?:leaders|members|experts|representatives|delegates|delegations|participants|officials|scientists)\s+(?:from|of))\b", s.text, re.I)
        if not m:
            return
        target = None
        if re.search(rf"\b({_EVENT_NOUNS})\b", s.text, re.I) or self.main_meeting:
            target = self._event_in(s) or self._event_before(s) or self.main_meeting
        if target is None:
            return
        for om in self.mentions_in(s, s.start + m.start(), s.end, labels=("ORG",)):
            if re.search(r"\b(?:held|hosted|organi[sz]ed|convened|located|based)\s+(?:at|in|by)\s+(?:the\s+)?$|\bat\s+(?:the\s+)?$",
                         self.text[max(s.start, om.start - 30):om.start]):
                continue  # "scientists from 12 countries attended a course held at the University of X": the venue, no attendee
            self.rel(target, "schema:attendee", self.org(om, self.ev(s, "rule:attendees")), s, "rule:attendees")

    # chairs --------------------------------------------------------------------------------
    def _verb_between(self, a: int, b: int) -> bool:
        """Whether the parse has a verb between offsets ``a`` and ``b`` (a new clause)."""
        span = self.spacy_doc.char_span(a, b, alignment_mode="contract")
        return span is not None and any(t.pos_ == "VERB" for t in span)

    def chairs(self, s: _Sentence) -> None:
        m = re.search(r"\b(?:chaired|co-chaired|presided\s+over|moderated|hosted)\s+by\s+(?:" + TITLE_RE + r"\s+)?", s.text, re.I)
        person = None
        persons = []
        its = re.match(r"(?:its|their)\s+(?P<role>" + _LOWER_ROLE + r"),?\s+(?:" + TITLE_RE + r"\s+)?", s.text[m.end():], re.I) if m else None
        # "chaired by its director general, Ilze Kalnina": the name after the title; the post is in the body named before
        name_at = m.end() + its.end() if its else m.end() if m else 0
        if m:
            after = [p for p in s.mentions if p.label == "PERSON" and p.start >= s.start + m.start()]
            if after and after[0].start <= s.start + name_at + 2:
                persons = [after[0]]
                # "co-chaired by A, Director of X, and B", "chaired by A ... and by B": every person named in the by-phrase
                persons += [p for p in after[1:] if re.search(r"\band\s+(?:by\s+)?(?:" + TITLE_RE + r"\s+)?$", self.text[max(s.start, p.start - 24):p.start])
                            and not self._verb_between(after[0].end, p.start)]  # "moderated by A featured B, C and D": B, C, D no chairs
        else:
            m = re.search(r"\b(chaired|co-chaired|presided over|moderated)\s+(?:the\s+)?", s.text)
            if m:
                before = [p for p in s.mentions if p.label == "PERSON" and p.end <= s.start + m.start()]
                if before:
                    persons = [before[0]] + [p for p in before[1:] if re.search(r"\band\s+(?:" + TITLE_RE + r"\s+)?$", self.text[max(s.start, p.start - 20):p.start])]
        if not m or not persons:
            return
        ev = self.ev(s, "rule:chaired-by")
        if re.search(rf"\b(?:both|all|the\s+two|these)\s+(?:{_EVENT_NOUNS}|session)s?\b", s.text[m.start():], re.I):
            events = [k for k, e in self.x.entities.items() if e.kind == "event"]  # "co-chaired both meetings"
        else:
            events = [self._event_in(s) or self._event_before(s) or self.main_meeting]
        for event in events:
            if event:
                for person in persons:
                    self.x.add(event, "ckg:chair", self.person(person, ev), ev)
        if its and len(persons) == 1:
            # whose: the one body named in the sentence before the by-phrase, else the event's one organiser
            bodies = {k for o in s.mentions if o.label == "ORG" and o.end <= s.start + m.start() and (k := self.org(o, ev))}
            if not bodies and events[0]:
                bodies = {o for o in self.x.objects(events[0], "schema:organizer") if o.startswith("organization/")}
            if len(bodies) == 1:
                self.add_post(self.person(persons[0], ev), its.group("role"), next(iter(bodies)), ev)
