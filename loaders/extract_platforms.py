"""The extractor's rules of what bodies set up: task groups listed under a body ("Task Groups
on A, B and C"), and platforms ("a platform for ...", one based at a body, one a body builds,
named platforms and their place)."""

from __future__ import annotations

import re

from collabkg.loaders.extract_entities import _CLASS, _Sentence
from collabkg.loaders.facts import Evidence
from collabkg.loaders.registry import norm


class _PlatformRules:
    """Task groups and platforms: mixed into the Extractor."""

    # task groups ---------------------------------------------------------------------------
    def task_groups(self, s: _Sentence) -> list[str]:
        made = []
        # a list after a colon or numbered: "Task Groups: (1) A; (2) B" (not "the Task Force Meeting was held")
        m = re.search(r"\b((?:[A-Z][\w-]*\s+)?)(Task|Working|Interest)\s+Groups?\b\s*((?::|(?=\(\d\))).*)$", s.text)
        if not m:
            return made
        kind = m.group(2)
        items_text = m.group(3).lstrip(": ")
        items = [i.strip(" ,;.") for i in re.split(r"\(\d+\)|\b[ivx]+\)|;", items_text) if i.strip(" ,;.")]
        items = [re.sub(r"^(?:and|&)\s+|,?\s+and$", "", i).strip(" ,;.") for i in items]
        items = [i for i in items if i and i[0].isupper() and len(i) < 150]
        if not items:
            return made
        parent = None
        pm = next((o for o in reversed(s.mentions) if o.label == "ORG" and o.end <= s.start + m.start(2) and s.start + m.start(2) - o.end <= 2), None)
        ev = self.ev(s, "rule:task-group-list")
        if pm is not None:
            parent = self.org(pm, ev)
        proposed = bool(re.search(r"\bpropos", s.text[:m.start(2)], re.I))
        for item in items:
            label = item
            ident = f"{(parent or 'organization/').split('/', 1)[1]}|{norm(item)}"
            key = f"organization/{ident}"
            self.x.entity(key, "organization", _CLASS["TaskGroup"][1], label, ev)
            self.x.entities[key].alt_labels.add(f"{kind} Group on {item}")
            if parent:
                self.x.add(key, "org:subOrganizationOf", parent, ev)
            self.x.add(key, "ckg:status", "ckg:Proposed" if proposed else "ckg:Established", ev)
            made.append(key)
        return made

    # platforms -----------------------------------------------------------------------------
    def platforms(self, s: _Sentence) -> list[str]:
        made = []
        for m in re.finditer(r"\b(?:an?|the)\s+((?:[a-z][\w-]*\s+|and\s+){0,5}platform\s+(?:for|of)\s+(?:[a-z][\w-]*\s*){1,6})", s.text):
            label = m.group(1).strip()
            label = re.sub(r"\s+(?:which|that|based|with)$", "", label)
            ev = self.ev(s, "rule:platform")
            key = f"platform/{norm(label)}"
            self.x.entity(key, "platform", _CLASS["Platform"][1], label, ev)
            made.append(key)
            based = re.search(r"\bbased\s+(?:on|at|in)\s+(?:the\s+)?", s.text[m.end():])
            if based:
                pos = s.start + m.end() + based.end()
                bm = next((o for o in s.mentions if o.label == "ORG" and o.start == pos), None)
                if bm:
                    self.x.add(key, "ckg:basedOn", self.org(bm, ev), Evidence(ev.start, ev.end, ev.quote, "rule:platform-based-on"))
            if re.search(r"\b(?:build|develop|establish|create|set up|launch)", s.text[:m.start()], re.I):
                subject = self._subject(s, m.start())
                if subject:
                    self.x.add(subject, "ckg:builds", key, Evidence(ev.start, ev.end, ev.quote, "rule:builds-platform"))
        for om in s.mentions:
            if om.label == "ORG" and om.cls == "Platform":
                key = self.org(om, self.ev(s, "rule:platform"))
                if key:
                    made.append(key)
                    tail = self.text[om.end:om.end + 30]
                    if cm := re.match(r"\s+in\s+", tail):
                        loc = next((g for g in s.mentions if g.label in ("GPE", "CITY") and g.start == om.end + cm.end()), None)
                        if loc:
                            place = self.country(loc.code, self.ev(s, "rule:platform")) if loc.label == "GPE" else self.city(loc.text, loc.code, self.ev(s, "rule:platform"))
                            self.rel(key, "schema:location", place, s, "rule:platform-location")
        return made
