"""People at the document's events, read from the discourse rather than one pattern: posts in
a body's own units, participation with no subject, speakers from bodies ("X from Y spoke"),
"Among the speakers were A and B", "invited to" an announced event."""

from __future__ import annotations

import re

from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import _PERSON_NAME, ROLE_RE, TITLE_RE
from collabkg.loaders.registry import norm
from collabkg.loaders.relations import ROLE_NOUNS


class _PeopleAtEvents:
    """People at events, from the discourse: mixed into Discourse."""

    _OWN_UNIT = re.compile(rf"^\s*,\s*(?:the\s+)?(?P<role>{ROLE_RE})\s+of\s+(?:the\s+|its\s+)?(?P<unit>[Cc]ouncil|[Bb]oard|[Ss]ecretariat"
                           r"|[Ee]xecutive [Cc]ommittee|[Ss]teering [Cc]ommittee|[Gg]overning [Bb]oard|[Ee]xecutive [Bb]oard)\b(?!\s+(?:of|for|on)\b|\s+[A-Z])")

    def _posts_in_own_units(self) -> None:
        """"Prof. Ana Soto, Chairperson of the council, presented the budget", "the accounts presented by
        Dr. Kari Berg, Deputy Head of Secretariat": a post in a governing unit the text names only by its kind is a post in that
        unit of the body whose event the document reports (its one organiser): the unit is named
        after the body ("PDA Council") and is part of it."""
        x = self.ex.x
        if self.main is None or self.main not in x.entities:
            return
        owners = [o for o in dict.fromkeys(x.objects(self.main, "schema:organizer")) if isinstance(o, str) and o.startswith("organization/")]
        if len(owners) != 1:
            return
        owner = owners[0]
        for s in self.ex.sentences:
            for m in s.mentions:
                if m.label != "PERSON":
                    continue
                um = self._OWN_UNIT.match(self.ex.text[m.end:s.end])
                if um is None:
                    continue
                ev = self._ev(s, "discourse:post-in-own-unit")
                unit_word = " ".join(w.capitalize() for w in um.group("unit").split())
                label = f"{x.entities[owner].short_name} {unit_word}"
                unit = x.entity(f"organization/{norm(label)}", "organization", ["org:Organization", "org:OrganizationalUnit"], label, ev).key
                x.add(unit, "org:subOrganizationOf", owner, ev)
                self.ex.add_post(self.ex.person(m, ev), um.group("role"), unit, ev)

    def _subjectless_participation(self) -> None:
        """"On behalf of the academy, Vice-President A and Board Member B participated in the ceremony",
        where the parser hangs A (or both) on the fronted phrase or on a title, not on the verb: the
        people named between the clause's last comma and a verb of taking part, with no other verb
        between, are who took part."""
        for verb in self.doc:
            if verb.lemma_ not in ("participate", "attend") or verb.tag_ != "VBD":
                continue
            obj = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"), None) \
                if verb.lemma_ == "participate" else next((c for c in verb.children if c.dep_ == "dobj"), None)
            s = self._sentence(verb)
            if obj is None or s is None or obj._.ckg_kind != "EVENT":
                continue
            event = self.event_for(obj, s)
            if event is None:
                continue
            start = verb.sent.start
            commas = [t.i for t in self.doc[start:verb.i] if t.text in (",", ";", ":")]
            span = self.doc[(commas[-1] + 1) if commas else start:verb.i]
            if any(t.pos_ in ("VERB", "AUX") for t in span):
                continue  # "A, who chaired the session, attended": not a list of names before the verb
            people = list({id(t._.ckg_mention): t._.ckg_mention for t in span if t._.ckg_kind == "PERSON" and t._.ckg_mention is not None}.values())
            ev = self._ev(s, "discourse:participants-before-verb")
            for m in people:
                self._fact("attendee", event, self.ex.person(m, ev), ev)

    #: "Dr X from NDI, Norway presented ...": the parser often takes the place for the subject
    _FROM_BODY_SPOKE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?P<body>[^,()]{2,80}?)(?:\s*\([^()]{1,20}\))?(?:,\s*(?P<place>[A-Z][\w .'’-]{1,40}?))?"
                                  r",?\s+(?P<verb>presented|introduced|described|reported|shared|delivered|gave|outlined|explained|"
                                  r"demonstrated|showcased|reviewed|summari[sz]ed|spoke|talked|addressed)\b")

    def _speakers_from_bodies(self) -> None:
        """A person named with the body they come from, who then presents, reports or speaks, took part
        in the document's event (``discourse:speaker-from-body``): "Prof. X from NUST, Rwanda explained
        the survey", "Dr. Y of the Ocean Data Society presented the catalogue". Only for an event the
        document reports as held (an announcement's speakers say "will")."""
        if self.main is None or self.scheduled:
            return
        for s in self.ex.sentences:
            for m in s.mentions:
                if m.label != "PERSON":
                    continue
                fm = self._FROM_BODY_SPOKE.match(self.ex.text, m.end, s.end)
                if fm is None:
                    continue
                a = fm.start("body")
                if not any(o.label == "ORG" and o.start == a for o in s.mentions):
                    continue
                ev = self._ev(s, "discourse:speaker-from-body")
                person = self.ex.person(m, ev)
                if min((v.start for v in self.ex.x.entities[self.main].evidence), default=0) <= s.start:
                    self._fact("attendee", self.main, person, ev)

    _AMONG = re.compile(r"(?:Among|Amongst)\s+(?:the\s+|those\s+)?(?P<group>[^,;]{2,160}?)\s+(?:were|was|are)\s+(?=[A-Z]|(?:an?|the)\s)")

    _GROUP_MET = re.compile(r"\bwho\s+(?:briefed|met|welcomed|received|hosted|greeted|accompanied|attended|spoke|presented|joined)\b")

    _GROUP_NOUNS = re.compile(r"\b(?:participants|attendees|speakers|guests|delegates|panell?ists|presenters|visitors)\b")

    def _among_were(self) -> None:
        """"Among the NDI staff who met the guests were Chief Scientist A and oceanographer B",
        "Among the speakers were A and B" (``discourse:among-were``): each person named after "were" is
        one of the group. A body named in the group: they belong to it (a title before the name is
        their post in it); a group that met the visitors, or of participants or speakers: they took
        part in the document's event."""
        for s in self.ex.sentences:
            am = self._AMONG.match(s.text)
            if am is None:
                continue
            g_start, g_end = s.start + am.start("group"), s.start + am.end("group")
            group = am.group("group")
            body_m = next((o for o in s.mentions if o.label == "ORG" and g_start <= o.start and o.end <= g_end), None)
            attends = bool(self._GROUP_MET.search(group) or self._GROUP_NOUNS.search(group)) and self.main is not None
            if body_m is None and not attends:
                continue
            ev = self._ev(s, "discourse:among-were")
            body = self.ex.org(body_m, ev) if body_m is not None else None
            prev = s.start + am.end()
            for p in (p for p in s.mentions if p.label == "PERSON" and p.start >= prev):
                title = re.sub(r"^(?:,|\s|and\b|an?\b|the\b)+", "", self.ex.text[prev:p.start]).strip(" ,")
                if re.search(r"[;:()]|\.\s", title):
                    break
                person = self.ex.person(p, ev)
                if body is not None:
                    if title and re.split(r"[\s-]", title)[-1].lower() in ROLE_NOUNS:
                        self.ex.add_post(person, title[:1].upper() + title[1:], body, ev)
                    else:
                        self._fact("member", person, body, ev)
                if attends and not self.scheduled:
                    self._fact("attendee", self.main, person, ev)
                prev = p.end

    _PRESENT = re.compile(r"^(?:[Aa]lso\s+)?(?:[Pp]resent|[Ii]n\s+attendance)(?:\s+at\s+the\s+(?:meeting|talks|event|ceremony|signing(?:\s+ceremony)?|session|visit|reception))?"
                          r"\s+(?:were|was)\s+")

    def _present_were(self) -> None:
        """"Also present at the meeting were A, Director-General of X, and B, head of Y"
        (``discourse:present-were``): each person named after "were" took part in the event of the
        sentences just before (or the document's)."""
        for s in self.ex.sentences:
            pm = self._PRESENT.match(s.text)
            if pm is None or self.scheduled:
                continue
            event = self.ex._event_before(s) or self.main
            if event is None:
                continue
            ev = self._ev(s, "discourse:present-were")
            for p in (p for p in s.mentions if p.label == "PERSON" and p.start >= s.start + pm.end()):
                self._fact("attendee", event, self.ex.person(p, ev), ev)

    #: a list's heading naming who took part: "Participants", "List of participants:", "Attendees"
    #: (in an annex or appendix, and of a selection: "Annex: List of participants (selection)")
    _PARTICIPANTS_HEADING = re.compile(r"^(?:•\s*)?(?:\d{1,2}(?:\.\d{1,2})?[.)]?\s+)?(?:(?:annex|appendix)(?:\s+[\dIVX]{1,3})?\s*[:.–-]\s*)?"
                                       r"(?:(?:the\s+)?list\s+of\s+)?"
                                       r"(?:participants|attendees|delegates|(?:members\s+)?present|participating\s+experts|guests?|observers?"
                                       r"|trainers|lecturers|instructors|tutors|facilitators|resource\s+persons|speakers|panell?ists)"
                                       r"(?:\s*\((?:a\s+)?(?:selection|selected|excerpt|partial|in\s+alphabetical\s+order)\))?"
                                       r"(?:\s+(?:included|were|are))?\s*:?\s*", re.I)
    #: a line of such a list: a title or none, then the person ("Dr. A, Institute X (Chair)")
    _PARTICIPANT_LINE = re.compile(rf"^(?:•\s*|[-*]\s+|\d{{1,3}}[.)]\s+)?(?:(?:{TITLE_RE})\s+)?")
    #: a name's shape, then a dash or comma and what follows it: "Ana Ruiz - Nordic Data Institute, Norway"
    _DASHED_NAME = re.compile(rf"(?P<name>{_PERSON_NAME})(?P<note>\s+\([^()]{{1,60}}\))?(?:\s+(?:--|[-–—])|,)\s+(?:the\s+)?")

    def _participant_lists(self) -> None:
        """A meeting report's list of who took part, under a heading of its own ("Participants" and
        one person a line, "Participants: A (X), B (Y)") (``discourse:participant-list``): each person
        listed attends the document's event. The list ends at the first line that does not open with
        a person's name."""
        if self.main is None:
            return
        sentences = self.ex.sentences
        for n, head in enumerate(sentences):
            hm = self._PARTICIPANTS_HEADING.match(head.text)
            if hm is None or (hm.end() < len(head.text) and ":" not in hm.group(0)):
                continue
            if hm.end() < len(head.text):  # "Participants: A (X), B (Y)": everyone named after the colon
                ev = self._ev(head, "discourse:participant-list")
                for p in (p for p in head.mentions if p.label == "PERSON" and p.start >= head.start + hm.end()):
                    self._fact("attendee", self.main, self.ex.person(p, ev), ev)
                continue
            last = head
            for t in sentences[n + 1:]:
                lm = self._PARTICIPANT_LINE.match(t.text)
                at = t.start + lm.end()
                first = next((p for p in t.mentions if p.label == "PERSON" and p.start == at), None)
                dm = self._DASHED_NAME.match(self.ex.text, at, t.end)
                if first is None and dm is not None and not any(o.start < dm.end("name") and o.end > at and o.label != "PERSON" for o in t.mentions):
                    # "Mere Tautahi - GNS Science": a name the model does not read, by the line's shape in the list
                    first = Mention(at, dm.end("name"), dm.group("name"), "PERSON", method="participant-list")
                if first is None or len(t.text) > 200 or ("\n\n" in self.ex.text[last.end:t.start] and last is not head):
                    break  # a line that opens with no person's name, or a paragraph after the list, ends it
                ev = self._ev(t, "discourse:participant-list")
                person = self.ex.person(first, ev)
                self._fact("attendee", self.main, person, ev)  # one a line: a later name is a chair's, a host's
                if dm is not None and dm.end("name") == first.end:
                    # "... - National Space Science Center, CAS, China", "Dr. A, Nordic Data Institute": the body right
                    # after the dash or comma is theirs
                    body = next((o for o in t.mentions if o.label == "ORG" and o.start == dm.end()), None)
                    if body is not None:
                        self.ex.add_member(person, self.ex.org(body, ev), ev)
                last = t

    #: a line of an event's programme: a time opening it ("09:40", "11:00-12:30 |"), a speaker's field
    #: ("Speakers:", "Panellists:", "Welcome:", "Chair:") or a talk's title in quotes, then its speaker
    _PROGRAMME_LINE = re.compile(
        r"^(?:•\s*)?(?:\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?(?:\s*\||\s+[A-Z“\"])"
        r"|(?:Speakers?|Panell?ists?|Welcome|Opening|Keynote|Keynotes|Chairs?|Co-chairs?|Moderators?|Discussants?|Presenters?|Facilitators?)\b[^:.]{0,120}:"
        r"|[“\"][^”\"]{5,200}[”\"]\s*(?:--|[-–—|]))")
    #: what says a programme line's people are not there: "Talks to be announced", "(tbc)"
    _NOT_YET = re.compile(r"\b(?:to\s+be\s+(?:announced|confirmed)|tba|tbc)\b", re.I)

    def _programme_lines(self) -> None:
        """An event's programme, one item a line ("09:00 | Welcome | Prof. A, Rector of X",
        "Speakers: Dr. B (Y); Dr. C (Z)", "“Sea-level records in the cloud” – Dr. D, W"): each person
        named on such a line takes part in the page's event (``discourse:programme``). Only a page with
        a programme (three such lines or more) and an event; a line whose speakers are still to be
        announced names no one."""
        if self.main is None:
            return
        lines = []  # (start, end) of each programme line
        for m in re.finditer(r"[^\n]+", self.ex.text):
            line = m.group(0).strip()
            if self._PROGRAMME_LINE.match(line) and not self._NOT_YET.search(line):
                lines.append((m.start(), m.end()))
        if len(lines) < 3:
            return
        for s in self.ex.sentences:
            for a, b in lines:
                people = [p for p in s.mentions if p.label == "PERSON" and a <= p.start and p.end <= b]
                if people:
                    ev = self._ev(s, "discourse:programme")
                    for p in people:
                        self._fact("attendee", self.main, self.ex.person(p, ev), ev)

    def _invited_to_announced(self) -> None:
        """An announcement's invited speakers: "we invite / have invited experts, Dr A who
        leads X and Dr B", "Invited speakers include Prof. C and Dr D" (``discourse:invited``): the
        people named after "invite" in its sentence are the announced event's planned participants.
        Only for an event still to come: in a report, who was invited is not who came."""
        if not self.scheduled or self.main is None:
            return
        for s in self.ex.sentences:
            im = re.search(r"\b(?:invit(?:e|es|ing)|(?:have|has)\s+(?:also\s+)?invited|invited\s+(?:speakers?|experts?|guests?|panell?ists?)\s+(?:include|are|will\s+be))\b", s.text, re.I)
            if im is None:
                continue
            ev = self._ev(s, "discourse:invited")
            for p in s.mentions:
                if p.label == "PERSON" and p.start >= s.start + im.end():
                    self._fact("attendee", self.main, self.ex.person(p, ev), ev)
