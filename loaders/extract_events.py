"""The extractor's rules of events: meetings held on a date ("was held", "took place"; one
event per coordinated noun phrase; future ones are no events), named events of a series ("The ...
Forum was held in ... on ..."), visits to a host body, the event a sentence or the one before it
reports, and the dates and place of an event. Events with no date are dropped at the end. Also the
nouns of series, cooperations and events the other rules share."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.body_names import _HEADLINE_VERBS
from collabkg.loaders.clean import DATELINE
from collabkg.loaders.dates import find_dates, names_a_day
from collabkg.loaders.discourse_events import DURATION, EARLIER, event_key
from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.facts import Evidence, and_list
from collabkg.loaders.registry import norm


_SERIES_NOUNS = (r"Roundtable|Round Table|Forum|Dialogue|Summit|Symposium|Workshop|Conference|Seminar|Colloquium|(?:Summer|Winter|Spring|Autumn|Training|Data|Field) (?:School|Course)"
                 r"|Week(?= \(|,| \d| was| will| is| to| takes| took|$)|Days(?= \(|,| \d| was| will| is| to| takes| took|$)")  # "International Data Week (IDW)", "Open Science Days 2024"


_COOP_NOUNS = r"Partnership|Cooperation|Collaboration|Programme of Cooperation|Joint Committee"


_EVENT_NOUNS = r"roundtable|round table|meeting|workshop|symposium|conference|seminar|forum|summit|dialogue|colloquium|kick-off|kickoff|webinar|hackathon|congress|retreat|(?:summer|winter|spring|autumn|training|data|field) (?:school|course)"

#: words before an event noun that name an earlier edition than the one reported ("the first dialogue")
_PAST_EDITION = rf"(?i)\b(?:{'|'.join(sorted(EARLIER))})\s+(?:[\w-]+\s+)?$"
#: the same, and words of a first edition, for an event noun after the one a sentence reports ("recalled the first dialogue, held in 2022")
_EARLIER_EDITION = rf"(?i)\b(?:first|inaugural|{'|'.join(sorted(EARLIER))})\s+(?:[\w-]+\s+)?$"


#: a line giving when the page was published, not when its event took place ("2023-06-16 | Source: X")
_PAGE_DATE_LINE = re.compile(r"\b(?:Source|Posted|Published|Updated|Author|By|Text\s+Size|Font|Print|Share)\b", re.I)


class _EventRules:
    """Meetings, named events, visits, their dates and places: mixed into the Extractor."""

    # meetings ----------------------------------------------------------------------------
    _MEETING_RE = re.compile(rf"\b((?:[\w-]+\s+){{0,2}})({_EVENT_NOUNS})\b(?:\s+(?:of|for|on)\s+)?", re.I)

    def meetings(self, s: _Sentence) -> None:
        if self._ordinal_match(s):
            return  # ordinal events: ordinal_events()
        matches = list(self._MEETING_RE.finditer(s.text))
        if not matches:
            return
        m = matches[0]
        if self.headline_event_name and self.headline_event_name.lower() in s.text.lower():
            return  # "organised a two-day <the headline's event> on 21-22 May": the page's event, read from its title
        held = re.search(r"\b(?:was|were|has been|had been|is)\s+held\b|\bheld\s+(?:on|in|at)\b|\btook place\b|\bconvened\b"
                         r"|\b(?:brought|drew)\s+together\b|\bgathered\b"
                         r"|\b(?:held|organi[sz]ed)\s+(?:a|an|its|their|two|three|several)\b", s.text, re.I)
        if not held or re.search(r"\b(?:will|shall|to)\s+be\s+held\b|\b(?:next|upcoming|forthcoming)\s+(?:" + _EVENT_NOUNS + r")", s.text, re.I):
            return  # no event, or one still to come
        if re.match(r"(?:brought|drew)\s+together|gathered", held.group(0), re.I) and not (
                find_dates(s.text, reference=self.doc.reference_date) and any(o.label in ("CITY", "GPE", "VENUE") for o in s.mentions)):
            return  # "The workshop brought together 40 experts": the event named before, not one of its own
        nearer = [mm for mm in matches if mm.end() <= held.start()]
        if nearer and nearer[-1] is not m and re.search(_EARLIER_EDITION, nearer[-1].group(1)):
            return  # "The dialogue was opened by X, who recalled the first dialogue, held in Tromso in 2022": an earlier one's
        if re.search(_SERIES_NOUNS, m.group(0)) and m.group(2)[0].isupper() and self.named_event(s):
            return  # "The Transatlantic ... Forum was held": an event of a series read from the sentence
        # "held a workshop in Oslo in May 2024 and a seminar in Incheon in September 2024": one event
        # per coordinated noun phrase, each with the dates and place of its own stretch of the sentence
        group = [m] + [n for prev, n in zip(matches, matches[1:])
                       if re.search(r"\b(?:and|as\s+well\s+as|followed\s+by)\s+(?:a|an|another|the)\s+(?:[\w-]+\s+)?$",
                                    s.text[prev.end():n.start()] + n.group(1), re.I)]
        if len(group) > 1:
            # only a clean series "X <place, date> and a Y <place, date>" is split: each part its own date
            cuts = [0] + [g.start() for g in group[1:]] + [len(s.text)]
            if group != matches[:len(group)] or not all(
                    find_dates(s.text[a:b], reference=self.doc.reference_date) for a, b in zip(cuts, cuts[1:])):
                group = [m]
        labels_made: list[str] = []
        for i, mm in enumerate(group):
            a = 0 if i == 0 else mm.start()
            b = group[i + 1].start() if i + 1 < len(group) else len(s.text)
            self._one_meeting(s, mm, a, b, labels_made, several=len(group) > 1)

    # "Workshop on Glacier Data Standards, 3-5 June 2024, Nairobi": an event page's title
    _HEADLINE_NAME = re.compile(rf"(?:The\s+)?(?:[A-Z0-9][\w'’&.-]*\s+){{0,8}}?(?:{_SERIES_NOUNS}|Meeting|Assembly|Congress|School|Course|Hackathon|Webinar)"
                                r"(?:\s+(?:on|of|for|in)\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z0-9][\w'’&.-]*|of|on|for|and|in|the|&))*|\s+(?:19|20)\d\d)?")
    _HEADLINE_EVENT = re.compile(rf"^(?P<name>{_HEADLINE_NAME.pattern})\s*(?:,|\(|\||–|—|-|:)\s*(?P<rest>.+?)\)?\s*$")

    def headline(self) -> _Sentence:
        """The sentence of the page's headline: the line the document's title is (past a site's
        navigation, loaders/clean.py), else the first."""
        title = (self.doc.title or "").strip()
        return next((s for s in self.sentences[:8] if title and s.text.strip() == title), self.sentences[0])

    def headline_event(self, s: _Sentence) -> None:
        """A page whose title is an event's name with its dates, and perhaps its place ("Workshop on
        Glacier Data Standards, 3-5 June 2024, Nairobi"; "Nordic Ice School (Tromso, 4-8 March
        2024)"), or whose title is the name alone and the line under it the dates and place
        ("Workshop on Glacier Data Standards" over "Nairobi, 3-5 June 2024 | Ice Centre"), is that
        event's page: the event (``rule:headline-event``), its dates and place, and the event the
        rest of the page speaks of. A numbered event is the ordinal rule's; a title with no full date
        names no event here."""
        if s is not self.headline() or self._ordinal_match(s) or not re.match(r"[ \t]*(?:\n|$)", self.text[s.end:]):
            return  # the title is a line of its own
        text = s.text.strip()
        m = self._HEADLINE_EVENT.match(text)
        dateline = None
        if m is None and self._HEADLINE_NAME.fullmatch(text) and not set(text.split()) & _HEADLINE_VERBS:
            # the dates and place on the next line, a line of its own: "Riga, 9-11 April 2024 | Auditorium"
            # (not a headline that says something, "X Hosts Workshop on Y", nor the page's own date line)
            n = self.sentences.index(s) + 1
            nxt = self.sentences[n] if n < len(self.sentences) else None
            if nxt is not None and re.fullmatch(r"[ \t]*\n", self.text[s.end:nxt.start]) and re.match(r"[ \t]*(?:\n|$)", self.text[nxt.end:]) \
                    and len(nxt.text) < 160 and not _PAGE_DATE_LINE.search(nxt.text):
                dateline = nxt
                m = self._HEADLINE_EVENT.match(text + " | " + nxt.text.strip())
        if m is None or re.search(r"\b(?:will|to\s+be|call\s+for|registration|deadline)\b", text, re.I):
            return
        rest = m.group("rest")
        if re.search(r"\b[a-z]{4,}\b", rest):
            return  # "..., held in Accra on 3 May, brought together ...": a sentence, not a title's date and place
        if not [d for d in find_dates(rest, reference=self.doc.reference_date) if not d.year_only and not d.month_only]:
            return
        label = re.sub(r"^The\s+", "", m.group("name").strip())
        key = event_key(label)  # as the discourse names events: one node for the title and the text's mentions
        ev = self.ev(s, "rule:headline-event")
        cls = ["schema:Event", "ckg:Roundtable" if "Round" in label else "ckg:Meeting"]
        self.x.entity(key, "event", cls, label, ev)
        self.main_meeting = self.main_meeting or key
        self.headline_event_name = label
        if dateline is not None:
            ev = self.ev(dateline, "rule:headline-event")
            self.x.entity(key, "event", cls, label, ev)
            self._dates(key, dateline, "rule:headline-event", text=dateline.text)
            self._place(key, dateline, "rule:headline-event", dateline.start, dateline.end)
            return
        at = s.start + s.text.index(text) + m.start("rest")
        self._dates(key, s, "rule:headline-event", text=rest)
        self._place(key, s, "rule:headline-event", at, s.end)

    #: the title of a meeting's minutes: "Minutes of the 12th Ordinary Meeting of the Board", "MINUTES of the 14th meeting of X"
    _MINUTES_OF = re.compile(r"^(?:MINUTES|Minutes|Summary\s+[Rr]ecord|Record)\s+of\s+(?:the\s+)?(?P<name>(?:[\w'’.-]+\s+){0,5}?"
                             r"(?:[Mm]eeting|[Ss]ession|[Aa]ssembly|[Pp]lenary|[Ss]itting)(?:\s+of\s+(?:the\s+|its\s+)?(?P<body>[A-Z].*?))?)\s*$")
    #: a field line under the title: "Date: 5 March 2024, 14:00-16:30", "Venue: Institute of X, Prague"
    _FIELD = re.compile(r"^(?P<field>Date|Venue|Place|Location)\s*:\s*(?P<value>.+)$", re.I)

    def minutes_event(self) -> None:
        """A page of a meeting's minutes ("Minutes of the 12th Ordinary Meeting of the Executive Board",
        "MINUTES\nof the 14th meeting of the X Committee") reports that meeting (``rule:minutes``): the
        event the rest of the page speaks of, held by the body its name gives, on the date and at the
        place of the "Date:" and "Venue:" / "Place:" lines under the title."""
        mm = self._MINUTES_OF.match((self.doc.title or "").strip())
        if mm is None or self.main_meeting is not None:
            return
        label = mm.group("name")
        label = label[:1].upper() + label[1:]
        first = next((s for s in self.sentences[:8] if s.text.strip() and s.text.strip() in self.doc.title), None)
        if first is None:
            return
        key = event_key(label)
        ev = self.ev(first, "rule:minutes")
        self.x.entity(key, "event", ["schema:Event", "ckg:Meeting"], label, ev)
        self.main_meeting = key
        self.headline_event_name = label
        if mm.group("body"):
            body = next((o for s in self.sentences[:8] for o in s.mentions if o.label == "ORG" and o.text in mm.group("body")
                         and s.text.strip() in self.doc.title), None)
            if body is not None and (org := self.org(body, ev)):
                self.rel(key, "schema:organizer", org, first, "rule:minutes")
        n = self.sentences.index(first)
        for s in self.sentences[n + 1:n + 6]:
            fm = self._FIELD.match(s.text.strip())
            if fm is None:
                continue
            at = s.start + s.text.index(fm.group("value"))
            if fm.group("field").lower() == "date":
                self._dates(key, s, "rule:minutes", text=fm.group("value"))
            else:
                self._place(key, s, "rule:minutes", at, s.end)

    def _one_meeting(self, s: _Sentence, m: re.Match, a: int, b: int, labels_made: list[str], *, several: bool) -> None:
        """One held meeting of a sentence, its dates and place read from ``s.text[a:b]``."""
        qual = m.group(1).strip().lower()
        qual = re.sub(r"^(?:the|a|an|this|its|another)\s+", "", qual)
        qual = qual.split()[-1] if qual else ""
        if qual in ("the", "a", "an", "this", "its", "another", "and") or DURATION.fullmatch(qual + " "):
            qual = ""  # "a three-day workshop": how long it lasted is no part of its name
        about = None
        for pm in s.mentions:
            if pm.label == "ORG" and pm.cls == "Project":
                about = self.org(pm, self.ev(s, "rule:meeting-about"))
                break
        about = about or (self.main_project if re.search(r"\bproject\b", s.text, re.I) else None)
        about_label = self.x.entities[about].label if about else ""
        noun = m.group(2).lower()
        label = (f"{qual} {noun}".strip()).capitalize() + (f" of {about_label}" if about_label else "")
        written = re.sub(r"^(?:the|a|an|this|its|another)\s+", "", m.group(0).strip(), flags=re.I)
        if not about_label and len(written.split()) >= 2 and all(w[:1].isupper() for w in written.split()) and written.lower() == f"{qual} {noun}":
            label = written  # "The Nordic Winter School was held": the name as written
        named = re.compile(r"(?:(?:[A-Z][\w-]*)\s+){0,4}" + re.escape(m.group(2))
                           + r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|on|for|and))*")
        if m.group(2)[0].isupper() and not about and (nm := named.match(s.text, m.start(2) - len(m.group(1).lstrip()) if qual else m.start(2))):
            # "The Forum of CODATA National Committees was held ...": the meeting's own name
            label = re.sub(r"\s+(?:of|on|for|and)$", "", nm.group(0)).removeprefix("The ")
        key = f"event/{norm(label)}"
        if about is None and self.main_meeting is None or several:
            key = f"event/{norm(label)}|{norm(self.doc.title or self.doc.name)}"
        if several and label in labels_made:
            key += f"|{labels_made.count(label) + 1}"  # "a workshop in Oslo and a workshop in Bergen"
        labels_made.append(label)
        cls = ["schema:Event", "ckg:Roundtable" if "round" in noun else "ckg:Meeting"]
        ev = self.ev(s, "rule:meeting-held")
        self.x.entity(key, "event", cls, label, ev)
        if not re.search(_PAST_EDITION, m.group(1)):  # "the inaugural dialogue had been held in 2022": not the one reported
            self.main_meeting = self.main_meeting or key
        if about:
            self.x.add(key, "schema:about", about, ev)
        # "The annual meeting of the Pakistan National Committee for CODATA was held": its organizer
        if re.search(r"\sof\s+$", m.group(0)):
            at = s.start + m.end() + (4 if s.text[m.end():m.end() + 4].lower() == "the " else 0)
            body = next((o for o in s.mentions if o.start == at and o.label == "ORG"
                         and o.cls not in ("Project", "Program", "Platform", "FundingProgram")), None)
            if body is not None:
                self.rel(key, "schema:organizer", self.org(body, ev), s, "rule:meeting-organizer")
        # "The Regional Data Workshop 2023 was held on 9 October": the name's year completes the date
        year = self._name_year(written, s) if written[:1].isupper() else None
        if several:
            self._dates(key, s, "rule:meeting-held", text=s.text[a:b], year=year)
            self._place(key, s, "rule:meeting-held", s.start + a, s.start + b)
        else:
            self._dates(key, s, "rule:meeting-held", year=year)
            self._place(key, s, "rule:meeting-held")

    def named_event(self, s: _Sentence) -> bool:
        """"The Transatlantic Earth Observation Data Forum was held in Washington on ...": one event of
        the named series (the series itself is read by :meth:`cooperations`). False if the sentence
        names no series ("The Forum of CODATA National Committees was held ..." is one meeting)."""
        coop = next((k for k, e in self.x.entities.items() if e.kind == "cooperation" and "schema:EventSeries" in e.classes
                     and any(v.start == s.start for v in e.evidence) and e.label in s.text), None)
        if coop is None:
            return False
        label = self.x.entities[coop].label
        # "The Nordic Data Forum 2024 was held ...", or held on a date with its year: that year's
        # edition, its own node (two years' forums are two events, whatever documents name them)
        named_in = self._name_year(label, s)
        reference = dt.date(named_in, 12, 31) if named_in else self.doc.reference_date
        if not [d for d in find_dates(s.text, reference=reference) if not d.year_only]:
            return False
        ev = self.ev(s, "rule:named-event-held")
        noun = re.search(_SERIES_NOUNS, label).group(0)
        key = f"event/{norm(label)}|event"
        year = str(named_in) if named_in else next(
            (str(d.start.year) for d in find_dates(s.text, reference=self.doc.reference_date) if not (d.inferred or d.year_only)), None)
        if year:
            label, key = f"{label} {year}", f"event/{norm(label)}|{year}"
        self.x.entity(key, "event", ["schema:Event", "ckg:Roundtable" if "Round" in noun else "ckg:Meeting"], label, ev)
        self.x.add(key, "schema:superEvent", coop, ev)
        self.main_meeting = self.main_meeting or key
        self._dates(key, s, "rule:named-event-held", year=named_in)
        self._place(key, s, "rule:named-event-held")
        return True

    def _name_year(self, name: str, s: _Sentence) -> int | None:
        """The year an event's name carries, written after it in the sentence ("the Nordic Data Forum
        2024 was held on 3 June") or, failing that, in the document's title ("Nordic Data Forum 2024"
        as the headline, "The Nordic Data Forum took place on 3-4 June" in the text)."""
        rx = re.compile(re.escape(name) + r"\s+((?:19|20)\d\d)\b", re.I)
        m = rx.search(s.text) or rx.search(self.doc.title or "")
        return int(m.group(1)) if m else None

    # visits: "A delegation from NCAR led by Dr. X visited CNIC on 12 May 2019" ---------------------
    _VISIT_RE = re.compile(r"\b(?:visited|toured|(?:was|were)\s+invited\s+to\s+visit|came\s+to\s+visit|went\s+to\s+visit"
                           r"|paid\s+(?:a|an)\s+(?:[a-z]+\s+)?visit\s+to|made\s+(?:a|an)\s+(?:[a-z]+\s+)?visit\s+to)\s+(?:the\s+)?")

    #: between two hosts of one visit: "X of Morocco and Y", "X, Y and Z"
    _HOST_GAP = re.compile(r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w.\- ]*?)?(?:\s*\([^()]*\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")

    #: the visitors as one group: a visit, dated or not ("In November a delegation from X visited Y")
    _VISITING_GROUP = re.compile(r"\b(?:delegations?|missions?)\b", re.I)

    def visits(self, s: _Sentence) -> None:
        """A past visit to a host body: the people and bodies named before the verb are the
        visitors (schema:attendee; "a delegation from NCAR led by Dr. X", "Prof. Y, Director of
        Z,"), the body right after it the host (schema:organizer), with the sentence's date and
        city. No visitor, no host, or neither a date nor a delegation as the visitors: no visit."""
        vm = self._VISIT_RE.search(s.text)
        if vm is None:
            return
        at = s.start + vm.end()
        host = next((m for m in s.mentions if m.label == "ORG" and m.start == at), None)
        before = [m for m in s.mentions if m.end <= s.start + vm.start() and m.label in ("ORG", "PERSON")]
        if host is None or not before:
            return
        ev = self.ev(s, "rule:visit")
        host_key = self.org(host, ev)
        # further hosts of the same visit: "visited X of Chad and Mali's Y", "visited X, Y and Z"
        hosts, last, gaps = [host], host, []
        for m in s.mentions:
            if m.start < last.end or m.label not in ("ORG", "GPE"):
                continue
            gap = self.text[last.end:m.start]
            if m.label == "GPE" and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", gap) and self.text[m.end:m.end + 2] in ("'s", "’s"):
                continue  # "and Argentina's Council": the country names the next host
            if m.label == "ORG" and (self._HOST_GAP.fullmatch(gap) or re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w ]*?['’]s\s+", gap)):
                hosts.append(m)
                gaps.append(gap)
                last = m
            elif m.label == "ORG" or not re.fullmatch(r"\s+(?:of|in)\s+(?:the\s+)?", gap):
                break
        if len(gaps) == 1 and re.fullmatch(r"\s*,\s*", gaps[0]):
            hosts = [host]  # "visited the Institute of X, Chinese Academy of Sciences": a unit and its body, one host
        visitors = []
        for m in before:
            k = self.org(m, ev) if m.label == "ORG" else self.person(m, ev)
            if k and k != host_key and k not in visitors:
                visitors.append(k)
        if not host_key or not visitors:
            return
        who = next((k for k in visitors if k.startswith("organization/")), visitors[0])
        host_keys = [host_key] + [k for h in hosts[1:] if (k := self.org(h, ev)) and k not in visitors and k != host_key]
        host_labels = [self.x.entities[k].short_name for k in dict.fromkeys(host_keys)]
        label = f"Visit of {self.x.entities[who].short_name} to {and_list(host_labels)}"
        key = f"event/{norm(label)}|{norm(self.doc.title or self.doc.name)}"
        if not find_dates(s.text, reference=self.doc.reference_date):
            if names_a_day(s.text):
                self.day_without_year.add(key)  # "from October 30 to November 4": dated, though no year is given
            elif self._VISITING_GROUP.search(s.text[:vm.start()]):
                self.undated_kept.add(key)  # "In March a delegation from X visited Y": one visit, its date not given
            else:
                return  # "Researchers often visited X": no one visit, unless a delegation made it
        self.x.entity(key, "event", ["schema:Event", "ckg:Visit"], label, ev)
        for k in dict.fromkeys(host_keys):
            self.x.add(key, "schema:organizer", k, ev)
        for k in visitors:
            self.x.add(key, "schema:attendee", k, ev)
        self._dates(key, s, "rule:visit")
        self._place(key, s, "rule:visit")

    def _event_before(self, s: _Sentence) -> str | None:
        """The event of the sentence just before in the same paragraph ("... was held in X. Some 60 attended.")."""
        i = next((n for n, t in enumerate(self.sentences) if t.start == s.start), 0)
        for j in range(i - 1, max(-1, i - 4), -1):  # up to three sentences back, in the same paragraph
            if "\n" in self.text[self.sentences[j].end:self.sentences[j + 1].start]:
                return None
            if ev := self._event_in(self.sentences[j]):
                return ev
        return None

    def _drop_dateless_events(self) -> None:
        """An event a surface rule read that the text gives no date for, and that no pattern says
        anything of, is not kept: "a meeting" alone is no event worth a node (a delegation's visit
        is: ``undated_kept``)."""
        dated = {f.subject for f in self.x.facts if f.predicate == "schema:startDate"} | self.day_without_year | self.undated_kept
        dated |= {k for f in self.x.facts if f.evidence.method.startswith(("pattern:", "discourse:"))
                  for k in (f.subject, f.obj) if isinstance(k, str)}
        dated |= {k for k, e in self.x.entities.items() if any(v.method.startswith("discourse:") for v in e.evidence)}
        gone = {k for k, e in self.x.entities.items() if e.kind == "event" and k not in dated}
        gone |= {f.obj for f in self.x.facts if f.subject in gone and f.predicate == "ckg:delegation"}
        for k in gone:
            del self.x.entities[k]
        self.x.facts = [f for f in self.x.facts if f.subject not in gone and f.obj not in gone]

    def _dates(self, key: str, s: _Sentence, method: str, text: str | None = None, offset: int | None = None,
               year: int | None = None) -> bool:
        """The event's first date in the sentence (``text``: a stretch of it). ``year``, the year the
        event's own name gives ("the X Forum 2024 ... on 3-4 June"), completes a date written
        without one, instead of the document's date."""
        if self.x.objects(key, "schema:startDate"):
            return True  # one start date per event: the first the text gives
        seg = text if text is not None else s.text
        # "..., partners since the accord of 2011": the start of something that goes on, not the event's date
        found = [d for d in find_dates(seg, reference=dt.date(year, 12, 31) if year else self.doc.reference_date)
                 if not re.search(r"\b[Ss]ince\b[^,;:()]*$", seg[:d.span[0]])]
        dates = [d for d in found if not d.year_only and not d.month_only]
        if text is None and (dl := DATELINE.match(seg)) and (any(d.span[0] >= dl.end() for d in dates)
                                                           or re.search(r"\b(?:last|earlier\s+this|this)\s+(?:week|month)\b", seg[dl.end():], re.I)):
            # "OSLO, 21 May 2024 — The forum was held on 19-20 May" (or "last week"): the dateline's day is the report's
            dates = [d for d in dates if d.span[0] >= dl.end()]
        # "in October 2007", "held in Paris in 2009": only the year is sure, and said as a year
        years = [d for d in found if (d.month_only or d.year_only)
                 and (d.month_only or re.search(r"(?:\bin|\(|,|:|–|-)\s*$", seg[:d.span[0]]))]
        if not dates and not years:
            return False
        ev = self.ev(s, method)
        if not dates:
            self.x.add(key, "schema:startDate", Literal(str(years[0].start.year), datatype=XSD.gYear), ev)
            return True
        d = dates[0]
        if year is not None and d.inferred:
            try:
                d = dataclasses.replace(d, start=d.start.replace(year=year), end=d.end.replace(year=year + (d.end.year - d.start.year)) if d.end else None,
                                        inferred=False)
            except ValueError:  # 29 February of a year that has none: keep the document's reading
                pass
        self.x.add(key, "schema:startDate", Literal(d.start.isoformat(), datatype=XSD.date), ev)
        if d.end:
            self.x.add(key, "schema:endDate", Literal(d.end.isoformat(), datatype=XSD.date), ev)
        if d.inferred:
            self.x.add(key, "ckg:dateInferred", Literal(True), Evidence(ev.start, ev.end, ev.quote, "rule:date-from-document-date"))
        return True

    def _place(self, key: str, s: _Sentence, method: str, a: int | None = None, b: int | None = None) -> None:
        a = s.start if a is None else a
        b = s.end if b is None else b
        ev = self.ev(s, method)
        found = _venue_first([m for m in s.mentions if m.label == "CITY" and a <= m.start and m.end <= b], self.text)
        cities = [m for m in found if m.code]  # the gazetteer's; the NER's (no country) come last
        if cities:
            c = cities[0]
            self.x.add(key, "schema:location", self.city(self.places.cities[c.text][0] if c.text in self.places.cities else c.text, c.code, ev), ev)
            return
        # "<City>, <Country>" for a city the gazetteer does not know
        seg = self.text[a:b]
        for cm in re.finditer(r"(?:\bin\s+|\(|,\s*|:\s*|^)\s*([A-Z][^\W\d_]+(?:[\s-][A-Z][^\W\d_]+)?),\s*(?:([A-Z]{2}|[A-Z][a-z]+),\s*)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\b", seg):
            # "Halifax, Canada, October 2007": the country may be the middle part
            country = self.places.country(cm.group(3)) or (self.places.country(cm.group(2)) if cm.group(2) else None)
            if country and not self.places.country(cm.group(1)) and cm.group(1) not in ("The", "In"):
                self.x.add(key, "schema:location", self.city(cm.group(1), country.code, ev), ev)
                return
        if found:  # a city the NER knows and the gazetteer does not, with the country written after it
            c = found[0]
            after = re.match(r",\s*", self.text[c.end:c.end + 3])
            country = next((m.code for m in s.mentions if m.label == "GPE" and after and m.start == c.end + after.end()), None)
            self.x.add(key, "schema:location", self.city(c.text, country, ev), ev)
            return
        countries = [m for m in s.mentions if m.label == "GPE" and a <= m.start and m.end <= b and self.text[max(0, m.start - 4):m.start].strip() == "in"]
        if countries:
            self.x.add(key, "schema:location", self.country(countries[0].code, ev), ev)

    def _event_in(self, s: _Sentence) -> str | None:
        for k, e in self.x.entities.items():
            if e.kind == "event" and any(ev.start == s.start for ev in e.evidence):
                return k
        return None


def _venue_first(cities: list, text: str) -> list:
    """The cities of a sentence, the ones written as a venue first ("held in Bergen", "at Bergen"), the
    ones people come from last ("Researchers from Oslo met in Bergen": Bergen, then Oslo); else in
    text order."""
    def rank(m) -> int:
        before = text[max(0, m.start - 12):m.start]
        if re.search(r"\b(?:in|at)\s+(?:the\s+city\s+of\s+)?$", before, re.I):
            return 0
        return 2 if re.search(r"\bfrom\s+$", before, re.I) else 1
    return sorted(cities, key=rank)  # stable: text order within a rank
