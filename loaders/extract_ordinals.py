"""The extractor's rules of numbered events of a series: "Third US-China Roundtable (March
23-24, 2009, Qingdao, China): ...", "3rd ...", list items and table rows; the series made from
the event's name when the page does not name it; numbered events still to come are none."""

from __future__ import annotations

import re

from rdflib import Literal

from collabkg.loaders.clean import BULLET
from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.extract_events import _COOP_NOUNS, _SERIES_NOUNS
from collabkg.loaders.facts import Evidence
from collabkg.loaders.resolve import ordinal_value, series_name_key


class _OrdinalEvents:
    """Numbered events of a series: mixed into the Extractor."""

    # ordinal events: "Third US-China Roundtable (March 23-24, 2009, Qingdao, China): 18 US members ..."
    _ORD_START = re.compile(rf"^(?:{re.escape(BULLET)})?(?:The\s+)?([A-Z][a-z]+|\d{{1,2}}\s?(?:st|nd|rd|th))\s+((?:[A-Z][\w.]*(?:[-–][A-Z][\w.]*)*\s+){{0,5}}(?:{_SERIES_NOUNS}|Meeting|Session|Assembly|Plenary)(?:\s+(?:on|of|for)\s+(?:[A-Z][\w-]*\s*(?:and\s+|&\s+)?){{1,6}})?)(?<!\s)")

    _ORD_ANY = re.compile(rf"\b(?:the\s+)?([A-Za-z]{{4,}}|\d{{1,2}}\s?(?:st|nd|rd|th))\s+((?:[\w.–-]+\s+){{0,4}}?(?:{_SERIES_NOUNS.lower()}|{_SERIES_NOUNS}|meeting|session))\b", re.I)

    _TO_COME = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:will|shall|(?:is|are)\s+(?:to|set\s+to|scheduled|planned|expected)|would)\b", re.I)

    def _ordinal_match(self, s: _Sentence):
        """The ordinal and the event name of a sentence that reports one numbered event, or None.

        A numbered event still to come ("The Second ... Workshop will be held in Cape Town in 2024")
        is not one: the model records meetings that took place."""
        m = self._ORD_START.match(s.text)
        if m and ordinal_value(m.group(1)):
            return None if self._TO_COME.match(s.text, m.end()) else m
        for m2 in self._ORD_ANY.finditer(s.text):
            if self._TO_COME.match(s.text, m2.end()):
                continue
            # "... was held / took place ...", "(dates, place)", or "At the Fifth X Roundtable in Y on Z, ..."
            at_start = re.match(r"^(?:At|During)\s+(?:the\s+)?$", s.text[:m2.start() + (4 if m2.group(0)[:4].lower() == "the " else 0)])
            if ordinal_value(m2.group(1)) and (re.search(r"\bheld\b|\btook place\b|\bconvened\b|\(", s.text) or at_start) \
                    and not re.search(r"\b(?:next|upcoming|coming)\b", m2.group(0), re.I):
                return m2
        return None

    def ordinal_events(self, s: _Sentence) -> None:
        m = self._ordinal_match(s)
        if m is None:
            return
        n = ordinal_value(m.group(1))
        name = m.group(2).strip()
        ev = self.ev(s, "rule:ordinal-event")
        series = self.series.get(self._series_key(name))
        if series is None and self.main_cooperation and re.search(_SERIES_NOUNS, name, re.I):
            coop_label = self.x.entities[self.main_cooperation].label
            noun = re.search(_SERIES_NOUNS, name, re.I).group(0).lower()
            if noun in coop_label.lower():
                series = self.main_cooperation
        if series is None and re.search(_SERIES_NOUNS, name) and (self._countries_in(name) or len(name.split()) >= 3):
            # "The Sixth India-US Data Science Roundtable": the series is named by the event without its ordinal
            sname = re.sub(r"^(?:The\s+)", "", name)
            series = self.x.entity(f"cooperation/{series_name_key(sname, self.places)}", "cooperation", ["ckg:Cooperation", "schema:EventSeries"], sname,
                                   self.ev(s, "rule:series-of-ordinal-event")).key
            self.series[self._series_key(sname)] = series
            for code in self._countries_in(sname):
                self.x.add(series, "ckg:country", self.country(code, ev), Evidence(ev.start, ev.end, ev.quote, "rule:cooperation-countries"))
            self.main_cooperation = self.main_cooperation or series
        coop = None
        if series is None and self.main_cooperation:
            # "the first partnership meeting" of the "UK-US Research Data Partnership"
            cm = re.search(rf"\b({_COOP_NOUNS})\b", name, re.I)
            if cm and cm.group(1).lower() in self.x.entities[self.main_cooperation].label.lower():
                coop = self.main_cooperation
        ident = f"{(series or coop).split('/', 1)[1]}|{n}" if (series or coop) else f"{series_name_key(name, self.places)}|{n}"
        key = f"event/{ident}"
        cls = ["schema:Event", "ckg:Roundtable" if re.search("round", name, re.I) else "ckg:Meeting"]
        label = f"{_ORDINAL_WORDS[n - 1] if n <= len(_ORDINAL_WORDS) else str(n) + 'th'} {name}"
        self.x.entity(key, "event", cls, label, ev)
        self.x.add(key, "ckg:ordinal", Literal(n), ev)
        lead_end = self.sentences[min(1, len(self.sentences) - 1)].end
        if (s.start < lead_end and not re.search(r"\b(?:will|shall|to\s+be|upcoming|forthcoming|next|planned|scheduled)\b", s.text, re.I)
                and (self.main_meeting is None or min((v.start for v in self.x.entities[self.main_meeting].evidence), default=0) >= lead_end)):
            self.main_meeting = key  # "Second X Dialogue convened in Y" in the headline or lead: the event reported
        if series:
            self.x.add(key, "schema:superEvent", series, ev)
            self.x.add(key, "ckg:realizes", series, ev) if "ckg:Cooperation" in self.x.entities[series].classes else None
        elif coop or self.main_cooperation:
            # a numbered meeting on a cooperation's page: part of that cooperation
            self.x.add(key, "ckg:realizes", coop or self.main_cooperation, ev)
        par = re.search(r"\(([^)]*)\)", s.text[m.end():])
        if par:
            pa = s.start + m.end() + par.start(1)
            pb = s.start + m.end() + par.end(1)
            self._dates(key, s, "rule:ordinal-event", text=self.text[pa:pb])
            self._place(key, s, "rule:ordinal-event", pa, pb)
            rest_from = s.start + m.end() + par.end()
        else:
            self._dates(key, s, "rule:ordinal-event")
            self._place(key, s, "rule:ordinal-event")
            rest_from = s.start + m.end()
        self._delegations(key, s, rest_from)


_ORDINAL_WORDS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                  "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
                  "Eighteenth", "Nineteenth", "Twentieth"]
