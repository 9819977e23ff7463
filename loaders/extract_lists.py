"""The extractor's rules of list sections: a short heading and the bullets under it, read as
participants (of the document's meeting), outcomes or focus areas (of the page's cooperation,
project or body)."""

from __future__ import annotations

import re

from collabkg.loaders.clean import BULLET
from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.facts import Evidence
from collabkg.loaders.registry import norm


_FOCUS_HEAD = re.compile(r"\b(focus|areas?|topics?|themes?|priorit(?:y|ies)|objectives|goals|scope)\b", re.I)


_PARTICIPANTS_HEAD = re.compile(r"^(?:list\s+of\s+)?(?:participants|attendees|attendance|present|members\s+present|delegates|participating\s+(?:institutions|organi[sz]ations))\b", re.I)


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

    def _title_body(self) -> str | None:
        """The body a page is about, named by its title ("Alliance of ... Organizations"), if any."""
        if not self.sentences:
            return None
        first = self.sentences[0]
        m = next((o for o in first.mentions if o.label == "ORG" and o.start == first.start and o.end == first.end), None)
        return self.org(m, self.ev(first, "rule:page-title-body")) if m is not None and m.cls not in ("Project", "Program", "Platform") else None

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
