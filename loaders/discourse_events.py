"""Events in the discourse: which event a noun, a verb or a sentence refers to. "the meeting" /
"the workshop" (a definite event noun without a name) is the nearest event before it with the
same noun, else the main event; a named event noun phrase gets one identity across documents
(:func:`event_key`); a signing ceremony, an event of a body, an event reported by a verb ("X
visited Y"); events the patterns miss. Also the words and tests of event nouns the other parts
of the discourse share (still to come, "the next", a generic event's name)."""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.dates import find_dates
from collabkg.loaders.facts import Evidence
from collabkg.loaders.registry import norm
from collabkg.loaders.relations import sentence_before
from collabkg.loaders.resolve import ordinal_value, series_name_key


_MODIFIER_DEPS = {"compound", "amod", "nummod", "nmod", "quantmod", "npadvmod"}


_EVENT_CLASS = {"visit": "ckg:Visit", "delegation": "ckg:Visit", "trip": "ckg:Visit", "tour": "ckg:Visit",
                "team": "ckg:Visit", "group": "ckg:Visit", "mission": "ckg:Visit",
                "roundtable": "ckg:Roundtable"}


_FUTURE = {"will", "shall", "would", "'ll"}


def _names_an_edition(label: str) -> bool:
    """Whether an event's name says which edition it is, by a year or an ordinal ("ARDS 2025", "the
    3rd Polar Data Forum"): one event, whatever the tense a page says who organises it in ("ARDS 2025
    is organised by X", :func:`_organised_subject`).

    >>> _names_an_edition("Andean Data Symposium 2025"), _names_an_edition("Third Polar Data Forum"), _names_an_edition("Polar Data Forum")
    (True, True, False)
    """
    return bool(re.search(r"\b(?:19|20)\d\d\b|\b\d{1,3}(?:st|nd|rd|th)\b", label)) or any(ordinal_value(w.lower()) for w in label.split()[:1])


#: verbs of those who organise or fund an event, whose passive subject is the event
_ORGANISING = {"organize", "organise", "co-organize", "co-organise", "host", "co-host", "convene", "sponsor", "fund", "support", "finance"}


def _organised_subject(tok) -> bool:
    """Whether ``tok`` is what an organising verb's clause is about ("ARDS 2025 is organised by X")."""
    return tok.dep_ in ("nsubjpass", "nsubj") and tok.head.lemma_.lower() in _ORGANISING


def event_key(label: str) -> str:
    """The identity of a named event: lower case, no articles, ordinals as numbers.

    >>> event_key("The 3rd Digital Data Conference"), event_key("third digital data conference")
    ('event/3 digital data conference', 'event/3 digital data conference')
    """
    words = series_name_key(label).split()
    words = [w for w in words if w not in ("the", "a", "an")]
    out = []
    for w in words:
        v = ordinal_value(w)
        out.append(str(v) if v else w)
    return "event/" + " ".join(out)


_TO_COME = re.compile(r"\b(?:will|shall|(?:is|are|was|were)\s+(?:to\s+be|scheduled|planned|expected|set|due|going)|upcoming|forthcoming|next)\b", re.I)


def _head(label: str) -> str:
    """The head noun of an event's name, lower case: "Opening session of the X Forum" -> "session"."""
    words = re.split(r"\s+(?:of|on|for|in|at)\s+", label.lower(), maxsplit=1)[0].split()
    while len(words) > 1 and re.fullmatch(r"[\d\W]+", words[-1]):
        words.pop()  # "Ocean Data Workshop 2024": the workshop
    return words[-1] if words else ""


#: words that tell one part of an event from another ("the closing session" is not the opening one)
_PART_WORDS = {"opening", "closing", "concluding", "final", "parallel", "side", "breakout", "plenary", "morning", "afternoon"}


#: words that make an event noun an earlier event than the one a report is about ("the previous meeting")
EARLIER = {"previous", "last", "earlier", "past", "former", "preceding", "prior"}


def _contrasts(tok, label: str) -> bool:
    """Whether the event noun ``tok`` names another part than the event ``label``: a modifier such
    as "closing" that the label does not have ("the closing session" / "Opening session of X")."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")} & _PART_WORDS
    return bool(mods) and not mods <= set(re.findall(r"[a-z]+", label.lower()))


def _speaks_of_to_come(root) -> bool:
    """Whether the sentence of ``root`` (the subtree of its root) says "to be held", "will take place"
    and the like; worked out once per sentence of a document (kept in its ``user_data``)."""
    key = ("ckg_to_come", root.i)
    seen = root.doc.user_data.get(key)
    if seen is None:
        sent = root.doc[root.left_edge.i:root.right_edge.i + 1]
        seen = root.doc.user_data[key] = bool(_TO_COME.search(sent.text))
    return seen


def _is_future(tok) -> bool:
    """Whether the clause of ``tok`` speaks of something still to come."""
    root = tok
    while root.head.i != root.i:
        root = root.head
    if root.tag_ != "VBD" and _speaks_of_to_come(root):
        return True
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in t.children):
                return True
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and t.lemma_ in ("hold", "take", "convene", "organize", "organise", "host"):
                return True
            if t.dep_ in ("ROOT",):
                break
    return any(a.lower_ in ("next", "upcoming", "forthcoming", "future") for a in tok.lefts)


#: how long an event lasted, written before its name: "two-day", "3-day", "week-long", "half-day"
DURATION = re.compile(r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|half|full|multi|\d{1,2})\s?[-–]?\s?(?:day|week|month)s?(?:\s?-\s?long)?"
                       r"|(?:day|week|month)\s?-\s?long)\s+", re.I)


class _EventReferences:
    """The event each event noun or verb refers to: mixed into Discourse."""

    # -- events -------------------------------------------------------------------------
    def _events_in(self, s) -> list[str]:
        return [k for k, e in self.ex.x.entities.items() if e.kind == "event" and any(v.start == s.start for v in e.evidence)]

    def _phrase(self, tok) -> tuple[int, int]:
        """Character span of the event noun phrase around ``tok``: its modifiers and an "of / on /
        for <Name>" after it."""
        start = tok.i
        for c in tok.lefts:
            if c.dep_ in _MODIFIER_DEPS or (c.dep_ == "poss" and c._.ckg_kind == "ORG"):
                start = min(start, c.left_edge.i)
        if tok.i >= 2 and self.doc[tok.i - 1].text in ("”", '"', "’"):
            # 'the "Data for Science – 20 years on" meeting': the quoted title names the event, however parsed
            sent_start = tok.sent.start
            opening = next((j for j in range(tok.i - 2, max(sent_start, tok.i - 30) - 1, -1) if self.doc[j].text in ("“", '"', "‘")), None)
            if opening is not None and self.doc[opening + 1].text[:1].isupper():
                start = min(start, opening)
        while start >= 2 and self.doc[start - 1].text in ("–", "—", "-") and not self.doc[start - 1].whitespace_ \
                and not self.doc[start - 2].whitespace_ and self.doc[start - 2].text[:1].isupper():
            start -= 2  # "the Aotearoa–Pacific Symposium", "China–Oceania Dialogue": both names joined by a dash
        bar = max((j for j in range(start, tok.i) if self.doc[j].text in ("|", "•", "·")), default=None)
        if bar is not None:
            start = bar + 1  # "ARDS 2025 | Aotearoa–Pacific ... Symposium": a title's parts, not one name
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "on", "for") and c.i == end:
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj and (pobj[0].text[:1].isupper() or pobj[0]._.ckg_kind in ("ORG", "GPE")) and (
                        tok.text[:1].isupper() or pobj[0]._.ckg_kind in ("EVENT", "ORG")):
                    end = self._name_end(pobj[0])
            if (c.dep_ == "nummod" or (c.dep_ == "appos" and re.fullmatch(r"(?:19|20)\d\d", c.text))) and c.i == end:
                end = c.i + 1  # "Conference 2019" (the parser may call the year an apposition)
        a, b = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text)
        if (d := DURATION.match(self.ex.text, a, b)) and d.end() < tok.idx + 1:
            a = d.end()  # "a two-day National Workshop on X": how long it lasted is no part of its name
        return a, b

    def _name_end(self, head) -> int:
        """The token index after the name headed by ``head`` ("the Polar Data Alliance", "the Committee
        for Space Research"), without a place or a date hung on it ("... Alliance in Norway in May")."""
        m = head._.ckg_mention
        if m is not None and m.label == "ORG" and m.end >= head.idx + len(head.text):  # the body's name as the mention finder read it
            end = head.i + 1
            while end < len(self.doc) and self.doc[end].idx < m.end:
                end += 1
            return end
        end = head.i + 1
        for c in head.rights:
            if c.dep_ in ("relcl", "acl", "appos", "advcl", "parataxis") or (c.dep_ == "punct" and c.text in (",", ";", ":", "(")):
                break  # "... for Andean Countries, which will be organized by X": a clause about the name, no part of it
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during", "from", "near") and any(
                    g._.ckg_kind in ("GPE", "CITY", "REGION", "VENUE", "DATE") or g.like_num for g in c.children):
                break
            end = c.right_edge.i + 1
        return end

    def event_for(self, tok, s, *, create: bool = True) -> str | None:
        """The event a token stands for (an event noun, or a "visit" / "meet" verb)."""
        if tok.text in getattr(self, "event_acronyms", {}):
            return self.event_acronyms[tok.text]
        if _is_future(tok):
            if self.scheduled and tok.pos_ in ("NOUN", "PROPN") and not _is_next(tok) and (
                    tok.lemma_.lower() in (_head(self.ex.x.entities[self.main].label), *_ANY_EVENT)):
                return self.main  # an announcement: "the workshop will take place in ..." is the one announced
            if create and tok.pos_ in ("NOUN", "PROPN") and tok.tag_ not in ("NNS", "NNPS") and not _is_next(tok):
                return self._owned_scheduled_event(tok, s)  # "will attend the 2nd Assembly of the X in Oslo": still to come
            return None  # "the next roundtable will be held in ...": not the one that took place
        if tok.pos_ == "VERB":
            return self._verb_event(tok, s)
        if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in EARLIER for c in tok.children):
            return None  # "recalled the previous meeting, which took place in Tromso": not the one reported
        if tok.lower_ == "it":  # marked by relations.mark_tokens: the event the sentence before was about
            prev = sentence_before(tok)
            subj = next((p for p in prev or () if p._.ckg_kind == "EVENT" and p.dep_ in ("nsubj", "nsubjpass") and p.head == prev.root), None)
            ps = self._sentence(subj) if subj is not None else None
            return self.event_for(subj, ps, create=False) if ps is not None else None
        noun = tok.lemma_.lower()
        if noun in ("delegation", "visit") and tok.head.lemma_ == "visit" and tok.head.pos_ == "VERB" and tok.dep_ == "nsubj":
            return self._verb_event(tok.head, s)  # "a delegation led by X visited Y": the visit
        a, b = self._phrase(tok)
        words = [w.strip("“”\"‘’") or w for w in self.ex.text[a:b].split()]
        named_words = [w for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit()]
        first_in_sentence = a == s.start
        named = bool(named_words) and not (len(named_words) == 1 and first_in_sentence and (words[0] in ("The", "This", "A", "An")
                                                                                           or (words[0] == tok.text and tok.tag_ in ("NN", "NNS"))))
        # ("Sessions were chaired by ...": a common noun capitalised as the sentence's first word, no name)
        named = named and (tok.text[:1].isupper() or any(ordinal_value(w.lower()) for w in words) or len(named_words) >= 2)
        # a meeting the rules read in this sentence, whose label has this noun
        here = [k for k in self._events_in(s) if not _contrasts(tok, self.ex.x.entities[k].label)]
        same = [k for k in here if _head(self.ex.x.entities[k].label).startswith(noun)] or (here if not named and len(here) == 1 else [])
        if len(same) == 1:
            k = same[0]
            generic = sum(w[:1].isupper() for w in self.ex.x.entities[k].label.split()) < 2
            if named and generic:  # "The Nordic Polar Data Workshop was held": the rules' "Data workshop" is this named event
                label = self._label(a, b)
                words = set(norm(re.sub(r"\s*\(.*\)$", "", self.ex.x.entities[k].label)).split())  # "Symposium (<title>)"
                mine = set(norm(label).split()) | {noun}
                named_key = event_key(label)
                target = next((k2 for k2, e in self.ex.x.entities.items() if e.kind == "event" and k2 != k
                               and event_key(e.label) == named_key), None)
                if target is None and words < mine:
                    e0 = self.ex.x.entities[k]
                    target = self.ex.x.entity(named_key, "event", list(e0.classes), label, None).key
                if words < mine and target is not None:
                    named_key = target
                    self.ex.x.merge(k, named_key)
                    self.main = named_key if self.main == k else self.main
                    if self.ex.main_meeting == k:
                        self.ex.main_meeting = named_key
                    k = named_key
            self._remember(tok, noun, k)
            return k
        if len(same) > 1:
            return None  # "a workshop in Bergen and a workshop in Daejeon": the rules read each; no guess which
        if named:
            label = self._label(a, b)
            from collabkg.loaders.one_off_events import one_off  # (that module builds on this one)
            coops = [k for k, e in self.ex.x.entities.items() if e.kind == "cooperation" and norm(e.label) == norm(label)]
            if coops and not (
                    self._reported(tok) and any(not (d.year_only or d.month_only) for d in find_dates(s.text, reference=self.ex.doc.reference_date))) \
                    and not (s is self.ex.sentences[0] and re.search(r"\b(?:19|20)\d\d\b", s.text)) \
                    and not (self._reported(tok) and "schema:EventSeries" in self.ex.x.entities[coops[0]].classes and one_off(self.ex, coops[0], None)):
                # (but "The X Symposium was organised by Y", nothing saying it recurs: the one event, see one_off_events)
                # (but a page titled "X 2025 | <the series' name>" is the page of that year's event)
                return None  # "the France-Canada Ocean Data Dialogue" (begun in 2015): the series the rules read, not one event
            key = event_key(label)
            existing = next((k for k, e in self.ex.x.entities.items() if e.kind == "event"
                             and (event_key(e.label) == key or k == key)), None)
            if existing:
                self.ex.x.entity(existing, "event", [], label, None)
                self._remember(tok, noun, existing)
                return existing
            if not create or _is_future(tok) or tok.tag_ in ("NNS", "NNPS"):
                return None  # still to come, or a plural ("Meetings"): no one event
            if not (self._reported(tok) or s is self.ex.sentences[0] or self._attached(tok) or (_names_an_edition(label) and _organised_subject(tok))):
                if self.main and tok.dep_ == "attr" and tok.head.lemma_ == "be" and noun == _head(self.ex.x.entities[self.main].label) and any(
                        c.dep_ == "nsubj" and c.lower_ in ("this", "it") for c in tok.head.children):
                    return self.main  # "This is the 4th annual X workshop": the document's own event
                return None  # "The agenda of the Sixth ... is open": named, but not reported as held
            cls = ["schema:Event", _EVENT_CLASS.get(noun, "ckg:Meeting")]
            self.ex.x.entity(key, "event", cls, label, self._ev(s, "discourse:named-event"))
            self.made_events.add(key)
            self._remember(tok, noun, key)
            if self.main is None and s.start <= self._lead_end:
                self.main = key
            return key
        if _is_signing_ceremony(tok) and not any(n == "ceremony" for _, n, _ in self.recent):
            k = self._signing_ceremony(tok, s) if create else None
            if k:
                return k  # "X took part in the signing ceremony": the signing of the agreement the text reported
        # "the meeting", "the visit": the nearest event before it with that noun, else the main event
        det = [c.lower_ for c in tok.lefts if c.dep_ in ("det", "poss")]
        if det and det[0] in ("a", "an", "another"):
            # "paid a visit to", "led a delegation to", "held a workshop": an event the sentence reports
            return self._new_event(tok, s, noun) if create and self._reported(tok) else None
        for off, n, k in reversed(self.recent):
            if off <= tok.idx and (n == noun or noun in ("event", "meeting") or (noun in ("delegation", "team", "mission") and n == "visit")) \
                    and k in self.ex.x.entities \
                    and not _contrasts(tok, self.ex.x.entities[k].label):
                return k
        if self.main and min((v.start for v in self.ex.x.entities[self.main].evidence), default=0) <= tok.idx:
            return self.main  # the document's event, named before
        return None

    def _events_patterns_miss(self) -> None:
        """Every named event still to come whose name says whose it is, whether or not a pattern read
        something of it ("He said he will attend the 2nd Assembly of the X in Oslo"), and every "signing
        ceremony" (see :meth:`_signing_ceremony`), and the meeting of people who "met" somewhere on a
        day, with no one they met with (:meth:`_group_meeting`)."""
        for tok in self.doc:
            if tok._.ckg_kind == "EVENT" and tok.pos_ == "PROPN" and _is_future(tok) and any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
                s = self._sentence(tok)
                if s is not None:
                    self.event_for(tok, s)
            elif _is_signing_ceremony(tok):
                s = self._sentence(tok)  # "the signing ceremony", whoever the patterns found there
                if s is not None:
                    self.event_for(tok, s)
            elif tok.lemma_ == "meet" and tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN") and not _is_future(tok) \
                    and any(c.dep_ == "nsubj" for c in tok.children) \
                    and not any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in tok.children):
                s = self._sentence(tok)  # "Directors of eight centres met in Riga on 28 April": their meeting
                if s is not None and not self._events_in(s) and self._met_somewhere(tok, s):
                    self._group_meeting(tok, s)

    def _owned_scheduled_event(self, tok, s) -> str | None:
        """"The institute is to be represented at the 4th Congress of the Polar Data Alliance in Oslo in 2025": a
        named event still to come, whose name says whose it is, is an event (``schema:EventScheduled``)
        organised by that body, in the place and year said with it. Without an owner in its name
        ("the 2nd Assembly", "the next meeting") it is no event of its own."""
        a, b = self._phrase(tok)
        label = self._label(a, b)
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((g for g in of.children if g.dep_ == "pobj" and g._.ckg_kind == "ORG"), None) if of is not None else None
        if owner is None or owner.idx >= b or sum(w[:1].isupper() for w in label.split()) < 2:
            return None
        x = self.ex.x
        key = event_key(label)
        ev = self._ev(s, "discourse:scheduled-event")
        if key not in x.entities:
            x.entity(key, "event", ["schema:Event", _EVENT_CLASS.get(tok.lemma_.lower(), "ckg:Meeting")], label, ev)
            self.made_events.add(key)
        x.add(key, "schema:eventStatus", "schema:EventScheduled", ev)
        org = self.agent(owner, s, ev, kinds=("ORG",))
        if org:
            x.add(key, "schema:organizer", org, ev)
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" else None  # "attend ... in Oslo"
        for head in (tok, owner, *([verb] if verb is not None else [])):  # "in Oslo" hung on the event's noun, its owner's name or the verb
            for c in head.rights:
                if c.dep_ == "prep" and c.lower_ in ("in", "at") and c.idx >= b:
                    for g in c.children:
                        if g._.ckg_kind in ("CITY", "GPE", "VENUE") and (place := self.place(g, s, ev)):
                            x.add(key, "schema:location", place, ev)
        tail = self.ex.text[b:s.end]
        tail = tail[:re.search(r"[,;.]|\band\b|$", tail).start()]
        self.ex._dates(key, s, "discourse:scheduled-event", text=tail)
        self._remember(tok, tok.lemma_.lower(), key)
        return key

    def _signing_ceremony(self, tok, s) -> str | None:
        """"The academy signed an MoU with the alliance during the Nordic Data Forum in Oslo on 3 May.
        ... took part in the signing ceremony": the ceremony is the signing of the one agreement the
        text reports signed before it, an event of its own (``schema:about`` the agreement) within the
        event it was signed at (``schema:superEvent``), where and when that was."""
        x = self.ex.x
        signed = [(k, v) for k, e in x.entities.items() if e.kind == "agreement"
                  for v in e.evidence[:1] if v.start < tok.idx and re.search(r"\bsign(?:ed|s|ing)?\b", v.quote, re.I)]
        if len(signed) != 1:
            return None  # no agreement, or several: no guess which one
        agreement, where = signed[0]
        mou = "ckg:MemorandumOfUnderstanding" in x.entities[agreement].classes
        word = ("MoU" if re.search(r"\bMoU\b", self.ex.text) else "Memorandum of Understanding") if mou else "Agreement"
        key = f"event/signing ceremony|{agreement.split('/', 1)[1]}"
        x.entity(key, "event", ["schema:Event", "ckg:Meeting"], f"{word} signing ceremony", self._ev(s, "discourse:signing-ceremony"))
        self.made_events.add(key)
        ev = Evidence(where.start, where.end, where.quote, "discourse:signing-ceremony")
        x.add(key, "schema:about", agreement, ev)
        for d in x.objects(agreement, "dcterms:date"):
            if isinstance(d, Literal) and d.datatype == XSD.date:
                x.add(key, "schema:startDate", d, ev)
        signed_in = next((t for t in self.ex.sentences if t.start == where.start), None)
        parent = next((k for k in self._events_in(signed_in) if k != key), None) if signed_in is not None else None
        if parent is not None:
            x.add(key, "schema:superEvent", parent, ev)
            for place in x.objects(parent, "schema:location"):
                x.add(key, "schema:location", place, ev)
        elif signed_in is not None:  # "signed an MoU in Beijing": where it was signed
            self.ex._place(key, signed_in, "discourse:signing-ceremony")
        self._remember(tok, "ceremony", key)
        return key

    def _attached(self, tok) -> bool:
        """Whether a dated or placed phrase hangs on the event noun ("the Nordic Forum in Oslo on 3 May 2021")."""
        return any(c.dep_ == "prep" and any(g._.ckg_kind in ("DATE", "CITY", "GPE", "VENUE") for g in c.children) for c in tok.children)

    def _reported(self, tok) -> bool:
        """Whether the clause of ``tok`` reports something done (a past verb, nothing to come)."""
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
            head = head.head
        if head.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "am", "'s") for c in head.children) \
                and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
            return False  # "the forum is funded by X": said of it now, not reported as done
        return head.tag_ in ("VBD", "VBN") and not _is_future(tok)

    def _new_event(self, tok, s, noun: str) -> str:
        """An event without a name, one per sentence and noun: "a visit", "the workshop" in the lead."""
        label = f"{noun.capitalize()} ({self.ex.doc.title or self.ex.doc.name})"
        key = f"event/{norm(noun)}|{norm(self.ex.doc.title or self.ex.doc.name)}|{s.start}"
        self.ex.x.entity(key, "event", ["schema:Event", _EVENT_CLASS.get(noun, "ckg:Meeting")], label, self._ev(s, "discourse:reported-event"))
        self.made_events.add(key)
        self.ex._dates(key, s, "discourse:reported-event")
        self._remember(tok, noun, key)
        return key

    def _label(self, a: int, b: int) -> str:
        """An event's name as written, without a leading article or bullet and a trailing "(ACRONYM)"."""
        label = self.ex.text[a:b].strip()
        quoted = re.match(r"^(?:the\s+|The\s+)?[“\"‘](.+?)[”\"’]\s+[a-z]+$", label)
        if quoted:
            return quoted.group(1).strip()  # 'the "Data for Science – 20 years on" meeting': the title is its name
        label = re.sub(r"^[^\w]+", "", label)
        label = re.sub(r"^(?:the|The|this|This|its|Its|their|Their)\s+", "", label)
        label = re.sub(r"\s*\([^()]*\)$", "", label).strip()
        return label[:1].upper() + label[1:]

    def _remember(self, tok, noun: str, key: str) -> None:
        self.recent.append((tok.idx, noun, key))

    def _verb_event(self, tok, s) -> str | None:
        """"X visited Y" / "X met with Y": one visit or meeting of the sentence."""
        if _is_future(tok) or tok.tag_ not in ("VBD", "VBN", "VBZ"):
            return None
        for k in self._events_in(s):
            e = self.ex.x.entities[k]
            if "ckg:Visit" in e.classes or tok.lemma_ == "meet":
                return k
        who = [c for c in tok.children if c.dep_ == "nsubj"]
        host = [c for c in tok.children if c.dep_ == "dobj"] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        ev = self._ev(s, "discourse:verb-event")

        def name(t):
            # the agent's short name ("CAS", "Bai"); "a delegation of CAS": the body in its phrase, before
            # the country it is of ("a delegation from South Africa's NRF": the NRF)
            found = [d for d in [t, *t.subtree] if d._.ckg_mention is not None and (d is t or d._.ckg_kind in ("ORG", "GPE", "PERSON"))]
            found.sort(key=lambda d: (d is not t, d._.ckg_kind == "GPE"))
            for d in found[:1]:
                k = self.agent(d, s, ev) if d._.ckg_kind in ("ORG", "GPE", "PERSON") else None
                return self._short(k) if k else d._.ckg_mention.text
            return None
        w = next((n for n in map(name, who) if n), None)
        h = next((n for n in map(name, host) if n), None)
        if tok.lemma_ == "meet" and not host and who and self._met_somewhere(tok, s):
            return self._group_meeting(tok, s)  # "Directors of eight centres met in Riga on 28 April"
        if not w or not h or not find_dates(s.text, reference=self.ex.doc.reference_date):
            return None  # no visit without a visitor, a named host and a date
        visit = tok.lemma_ == "visit"
        label = f"Visit of {w} to {h}" if visit else f"Meeting of {w} with {h}"
        key = f"event/{norm(label)}|{norm(self.ex.doc.title or self.ex.doc.name)}"
        self.ex.x.entity(key, "event", ["schema:Event", "ckg:Visit" if visit else "ckg:Meeting"], label, self._ev(s, "discourse:verb-event"))
        self.made_events.add(key)
        self.ex._dates(key, s, "discourse:verb-event")
        self.ex._place(key, s, "discourse:verb-event")
        self._remember(tok, "visit" if visit else "meeting", key)
        if self.main is None and s.start <= self._lead_end:
            self.main = key  # "A delegation of X visited Y from 3 to 9 May": the visit the item reports
        return key


    def _met_somewhere(self, tok, s) -> bool:
        """Whether "met" (no one met with) is said with a place ("in Riga", "at the X") and a day (or
        "last week"): a meeting of its subject, not a requirement met or people who met years ago."""
        place = any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(g._.ckg_kind in ("CITY", "GPE", "ORG", "VENUE") for g in c.children)
                    for c in tok.children)
        dated = [d for d in find_dates(s.text, reference=self.ex.doc.reference_date) if not d.year_only] or \
            re.search(r"\b(?:last|earlier\s+this|this)\s+(?:week|month)\b", s.text, re.I)  # one past meeting, its day not said
        return place and bool(dated)

    def _group_meeting(self, tok, s) -> str:
        """The meeting a group "met" at (its subject named no one body to call it after): "Meeting
        (<the document's title>)", dated and placed from the sentence."""
        title = self.ex.doc.title or self.ex.doc.name
        key = f"event/meeting|{norm(title)}"
        ev = self._ev(s, "discourse:verb-event")
        self.ex.x.entity(key, "event", ["schema:Event", "ckg:Meeting"], f"Meeting ({title})", ev)
        self.made_events.add(key)
        self.ex._dates(key, s, "discourse:verb-event")
        self.ex._place(key, s, "discourse:verb-event")
        self._remember(tok, "meeting", key)
        if self.main is None and s.start <= self._lead_end:
            self.main = key
        return key


#: event nouns that may stand for any event the document is about ("the meeting", "the event")
_ANY_EVENT = ("event", "meeting")


def _is_next(tok) -> bool:
    """Whether an event noun is "the next / following / upcoming" one: another than the document's."""
    return any(c.lower_ in ("next", "following", "upcoming", "forthcoming", "future", "subsequent") for c in tok.lefts)


def _is_signing_ceremony(tok) -> bool:
    """Whether ``tok`` is the noun of "the signing ceremony"."""
    return tok.lower_ == "ceremony" and any(c.lemma_.lower() in ("sign", "signing") for c in tok.lefts)


def _is_generic(label: str) -> bool:
    """An event known only by its kind: "Workshop", "Visit (Delegation visits Kyoto)", or by a
    description in lower case ("Stewardship workshop" from a headline's "Data stewardship workshop
    held in Hanoi"), not by a name ("Nordic Data Workshop").

    >>> _is_generic("Workshop"), _is_generic("Stewardship workshop"), _is_generic("Nordic Data Workshop")
    (True, True, False)
    """
    words = re.sub(r"\s*\(.*\)$", "", label).split()
    return len(words) == 1 or (len(words) <= 3 and not words[0].isupper() and all(w.islower() for w in words[1:]))
