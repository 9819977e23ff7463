"""Reading a document as a whole: its main event, what "the meeting" refers to, and the relations the
dependency patterns (:mod:`collabkg.loaders.relations`) find in its sentences.

- **The main event** of a news item is the first event its headline or first sentences name (a
  meeting the rules already read there, or a named event noun phrase: "the 2nd Nordic Ocean Data
  Workshop"). Later sentences that name no event ("Prof. X delivered a keynote speech") attach to
  it.
- **"the meeting" / "the workshop" / "the visit"** (a definite event noun without a name) refers to
  the nearest event before it with the same noun, else the main event; no event is made up for it.
- **Named events** get one identity across documents: the key ignores case, articles and how an
  ordinal is written ("the Second ..." = "2nd ..."), see :func:`event_key`.
- **Agreements** found by patterns are made once they have two parties; a signatory who holds a
  post in the document speaks for the body.
- An event still to come ("will be held") is not an event of the graph.

>>> event_key("the Second Nordic Ocean Data Workshop") == event_key("2nd Nordic Ocean Data Workshop")
True
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.dates import find_dates
from collabkg.loaders.facts import Evidence, and_list
from collabkg.loaders.mentions import TITLE_RE, ROLE_RE, is_title
from collabkg.loaders.registry import norm
from collabkg.loaders.relations import ROLE_NOUNS, PatternSet, mark_tokens, sentence_before
from collabkg.loaders.resolve import delegation_key, ordinal_value, series_name_key

__all__ = ["Discourse", "event_key"]

_MODIFIER_DEPS = {"compound", "amod", "nummod", "nmod", "quantmod", "npadvmod"}
_EVENT_CLASS = {"visit": "ckg:Visit", "delegation": "ckg:Visit", "trip": "ckg:Visit", "tour": "ckg:Visit",
                "team": "ckg:Visit", "group": "ckg:Visit", "mission": "ckg:Visit",
                "roundtable": "ckg:Roundtable"}
_FUTURE = {"will", "shall", "would", "'ll"}
#: the role a verb of leading gives its subject ("X, who chairs the group": its Chair)
_VERB_ROLES = {"lead": "Leader", "chair": "Chair", "head": "Head", "coordinate": "Coordinator", "direct": "Director",
               "co-chair": "Co-chair", "cochair": "Co-chair", "manage": "Manager", "convene": "Convener"}
#: words that make a title another one ("Vice-President", "Deputy Director")
_ROLE_PREFIXES = {"vice", "deputy", "co", "executive", "assistant", "acting", "associate", "honorary"}
#: words before a title that say when or in what order it is held, not what it is ("the first President")
_PASSING = {"first", "second", "third", "new", "current", "incoming", "newly", "sitting"}


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


def _contrasts(tok, label: str) -> bool:
    """Whether the event noun ``tok`` names another part than the event ``label``: a modifier such
    as "closing" that the label does not have ("the closing session" / "Opening session of X")."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")} & _PART_WORDS
    return bool(mods) and not mods <= set(re.findall(r"[a-z]+", label.lower()))


def _is_future(tok) -> bool:
    """Whether the clause of ``tok`` speaks of something still to come."""
    root = tok
    while root.head.i != root.i:
        root = root.head
    sent = tok.doc[root.left_edge.i:root.right_edge.i + 1]  # the sentence: the subtree of its root
    if _TO_COME.search(sent.text) and root.tag_ != "VBD":
        return True
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in t.children):
                return True
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and t.lemma_ in ("hold", "take", "convene", "organize", "organise"):
                return True
            if t.dep_ in ("ROOT",):
                break
    return any(a.lower_ in ("next", "upcoming", "forthcoming", "future") for a in tok.lefts)


class Discourse:
    """Applies the relation patterns to one document with its discourse context. Use
    :meth:`run`; the facts go into the extractor's :class:`~collabkg.loaders.facts.Extraction`."""

    def __init__(self, ex, doc, patterns: PatternSet | None = None):
        self.ex = ex
        self.doc = doc
        self.patterns = patterns if patterns is not None else _pattern_set(doc.vocab)
        self.main: str | None = None
        self.scheduled = False  # the main event is still to come (an announcement): see _find_scheduled
        self._lead_end = 0
        self._starts = [s.start for s in ex.sentences]
        self._dates_at: dict | None = None
        self.log: list[tuple[str, str, str, object]] = []  # (pattern, subject, predicate, object) as read
        self.recent: list[tuple[int, str, str]] = []  # (char offset, noun, event key)
        self.made_events: set[str] = set()
        self.parties: dict[tuple[int, int], list] = defaultdict(list)  # agreement token -> [(party key, evidence)]

    # -- the sentence a token is in -------------------------------------------------------
    def _sentence(self, tok):
        """The extractor's sentence holding ``tok`` (bisection over the sentence starts)."""
        i = bisect.bisect_right(self._starts, tok.idx) - 1
        if i >= 0 and tok.idx < self.ex.sentences[i].end + 1:
            return self.ex.sentences[i]
        return None

    def _ev(self, s, method: str) -> Evidence:
        return Evidence(s.start, s.end, s.text, method)

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
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "on", "for") and c.i == end:
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj and (pobj[0].text[:1].isupper() or pobj[0]._.ckg_kind in ("ORG", "GPE")) and (
                        tok.text[:1].isupper() or pobj[0]._.ckg_kind in ("EVENT", "ORG")):
                    end = self._name_end(pobj[0])
            if c.dep_ == "nummod" and c.i == end:  # "Conference 2019"
                end = c.i + 1
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text)

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
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during", "from", "near") and any(
                    g._.ckg_kind in ("GPE", "CITY", "REGION", "VENUE", "DATE") or g.like_num for g in c.children):
                break
            end = c.right_edge.i + 1
        return end

    _EVENT_ACRONYM = re.compile(r"\b(Assembly|Meeting|Conference|Workshop|Forum|Symposium|Summit|Congress|Plenary)\s*\(\s*([A-Z]{2,6})\s*\)")

    def _event_acronyms(self) -> None:
        """"met for its founding General Assembly (GA) ... At the GA, the members": an event's acronym
        defined in parentheses stands for that event wherever the document uses it."""
        self.event_acronyms: dict[str, str] = {}
        for em in self._EVENT_ACRONYM.finditer(self.ex.text):
            head = next((t for t in self.doc if t.idx == em.start(1)), None)
            s = self._sentence(head) if head is not None else None
            if head is None or s is None:
                continue
            key = self.event_for(head, s)
            if key is None and self.main and _head(self.ex.x.entities[self.main].label) == head.lower_:
                key = self.main
            if key is not None:
                self.event_acronyms[em.group(2)] = key
        if self.event_acronyms:
            for t in self.doc:
                if t.text in self.event_acronyms and not t._.ckg_kind:
                    t._.ckg_kind = "EVENT"

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
        named = bool(named_words) and not (len(named_words) == 1 and first_in_sentence and words[0] in ("The", "This", "A", "An"))
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
            if any(e.kind == "cooperation" and norm(e.label) == norm(label) for e in self.ex.x.entities.values()) and not (
                    self._reported(tok) and any(not (d.year_only or d.month_only) for d in find_dates(s.text, reference=self.ex.doc.reference_date))):
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
            if not (self._reported(tok) or s is self.ex.sentences[0] or self._attached(tok)):
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
        ceremony" (see :meth:`_signing_ceremony`)."""
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

    _OWN_UNIT = re.compile(rf"^\s*,\s*(?:the\s+)?(?P<role>{ROLE_RE})\s+of\s+(?:the\s+|its\s+)?(?P<unit>[Cc]ouncil|[Bb]oard|[Ss]ecretariat"
                           r"|[Ee]xecutive [Cc]ommittee|[Ss]teering [Cc]ommittee|[Gg]overning [Bb]oard|[Ee]xecutive [Bb]oard)\b(?!\s+(?:of|for|on)\b|\s+[A-Z])")

    def _posts_in_own_units(self) -> None:
        """"Prof. Ana Soto, Chairperson of the council, presented the budget", "the report of Dr. Kari Berg,
        Executive Director of Secretariat": a post in a governing unit the text names only by its kind is a post in that
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
        if not w or not h or not find_dates(s.text, reference=self.ex.doc.reference_date):
            return None  # no visit without a visitor, a named host and a date
        visit = tok.lemma_ == "visit"
        label = f"Visit of {w} to {h}" if visit else f"Meeting of {w} with {h}"
        key = f"event/{norm(label)}|{norm(self.ex.doc.title or self.ex.doc.name)}"
        self.ex.x.entity(key, "event", ["schema:Event", "ckg:Visit" if visit else "ckg:Meeting"], label, self._ev(s, "discourse:verb-event"))
        self.made_events.add(key)
        self.ex._dates(key, s, "discourse:verb-event")
        self._remember(tok, "visit" if visit else "meeting", key)
        if self.main is None and s.start <= self._lead_end:
            self.main = key  # "A delegation of X visited Y from 3 to 9 May": the visit the item reports
        return key

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

    def _find_scheduled(self) -> None:
        """Whether the main event is one still to come: the lead speaks of it in the future ("The
        workshop will take place in Oslo on 3 May") and nowhere reports it as held. An announcement's
        speakers ("Dr X will give a keynote") are then the event's planned participants, and the
        event carries ``schema:eventStatus schema:EventScheduled``."""
        if self.main is None:
            # "The 5th Nordic Data Workshop will take place in Oslo on 3 May": the lead announces a named event
            for tok in self.doc:
                if tok.idx > self._lead_end:
                    return
                if tok._.ckg_kind == "EVENT" and tok.pos_ in ("NOUN", "PROPN") and tok.tag_ not in ("NNS", "NNPS") and _is_future(tok) and not _is_next(tok):
                    a, b = self._phrase(tok)
                    label = self._label(a, b)
                    s = self._sentence(tok)
                    if s is None or sum(w[:1].isupper() for w in label.split()) < 2:
                        continue
                    noun = tok.lemma_.lower()
                    key = event_key(label)
                    self.ex.x.entity(key, "event", ["schema:Event", _EVENT_CLASS.get(noun, "ckg:Meeting")], label, self._ev(s, "discourse:scheduled-event"))
                    self.made_events.add(key)
                    self._remember(tok, noun, key)
                    self.main = key
                    break
            if self.main is None:
                return
        head = _head(self.ex.x.entities[self.main].label)
        future = past = None
        for tok in self.doc:
            if tok._.ckg_kind != "EVENT" or tok.pos_ not in ("NOUN", "PROPN") or _is_next(tok):
                continue
            if tok.lemma_.lower() not in (head, *_ANY_EVENT):
                continue
            if _is_future(tok):
                future = future or (tok if tok.idx <= self._lead_end else None)
            elif self._reported(tok):
                past = tok
        if future is not None and past is None:
            self.scheduled = True
            s = self._sentence(future)
            if s is not None:
                self.ex.x.add(self.main, "schema:eventStatus", "schema:EventScheduled", self._ev(s, "discourse:scheduled-event"))

    def _find_main(self) -> None:
        """The main event: a meeting the rules read in the lead, else the first named event noun there."""
        # the headline and the first sentences that say something (a line like "Pass code: 1917" has no verb)
        lead = []
        for s in self.ex.sentences:
            span = self.doc.char_span(s.start, s.end, alignment_mode="expand")
            if not lead or (span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)):
                lead.append(s)
            if len(lead) == 3:
                break
        self._lead_end = lead[-1].end if lead else 0
        for s in lead:
            ks = self._events_in(s)
            if ks:
                self.main = ks[0]
                return
        if self.ex.main_meeting:
            self.main = self.ex.main_meeting
            return
        for tok in self.doc:
            if tok.idx > self._lead_end:
                break
            if tok._.ckg_kind == "EVENT" and tok.pos_ in ("NOUN", "PROPN"):
                s = self._sentence(tok)
                if s is not None and self.event_for(tok, s):
                    if self.main:
                        return
        for tok in self.doc:  # "The workshop was organized by ...": the lead's event, unnamed
            if tok.idx > self._lead_end:
                break
            if (tok._.ckg_kind == "EVENT" and tok.pos_ == "NOUN" and self._reported(tok) and tok.lemma_ not in ("visit", "delegation", "trip", "tour")
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)):
                s = self._sentence(tok)
                if s is not None:
                    self.main = self._new_event(tok, s, tok.lemma_.lower())
                    return

    # -- the entities of nodes ----------------------------------------------------------------
    def agent(self, tok, s, ev, kinds=("PERSON", "ORG", "GPE", "PROJECT")) -> str | None:
        if _in_dateline(tok):
            return None  # "KYOTO, Japan, June 2 -- A delegation ... visited": the place of the dateline, no agent
        m = tok._.ckg_mention
        if m is None and tok.lemma_.lower() in _GROUP_NOUNS:
            # "a delegation of CAS", "experts from NCAR": the body the group comes from
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    g = next((g for g in c.children if g.dep_ == "pobj" and g._.ckg_mention is not None), None)
                    if g is not None:
                        tok, m = g, g._.ckg_mention
                        break
        if m is None or tok._.ckg_kind not in kinds:
            return None
        if m.label == "PERSON":
            return self.ex.person(m, ev)
        if m.label in ("ORG", "GPE", "REGION"):
            return self.ex.org(m, ev)
        return None

    def place(self, tok, s, ev) -> str | None:
        m = tok._.ckg_mention
        if m is None:
            return None
        if m.label == "CITY":
            name = self.ex.places.cities[m.text][0] if m.text in self.ex.places.cities else m.text
            if not m.code:  # a city the NER found: the one of that name the rules placed in a country
                known = next((k for k, e in self.ex.x.entities.items() if e.kind == "place" and e.label == name
                              and "schema:City" in e.classes and self.ex.x.objects(k, "schema:containedInPlace")), None)
                if known:
                    return known
            return self.ex.city(name, m.code, ev)
        if m.label in ("GPE", "REGION", "ORG"):
            return self.ex.org(m, ev)
        if m.label == "VENUE":
            return self.ex.x.entity(f"place/{norm(m.text)}", "place", ["schema:Place"], m.text, ev).key
        return None

    def role(self, tok) -> str:
        """The title of a post around a role noun, as written: "Vice-Chancellor", "executive director";
        a verb of leading names the role it stands for ("who chairs the group": "Chair")."""
        if tok.pos_ in ("VERB", "AUX"):
            return _VERB_ROLES.get(tok.lemma_.lower(), tok.lemma_.capitalize())
        start = tok.i
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod", "punct", "nmod") and c._.ckg_kind in ("", "ROLE") and c.lower_ not in ("the", "a", "an", ","):
                start = min(start, c.left_edge.i)
        while start < tok.i and (self.doc[start]._.ckg_kind not in ("", "ROLE") or self.doc[start].dep_ == "det"
                                 or not self.doc[start].text[:1].isalpha()):
            start += 1
        while start < tok.i and self.doc[start].lower_ in _PASSING:  # "the first President", "the new Director"
            start += 1
        while start >= 1:  # "its vice-president X": the parser may hang "vice" and "-" on the name, not the title
            prev = self.doc[start - 1]
            if prev.text == "-" and not prev.whitespace_ and start >= 2 and self.doc[start - 2].lower_ in _ROLE_PREFIXES:
                start -= 2
            elif prev.lower_ in _ROLE_PREFIXES and prev.dep_ in ("compound", "amod") and prev.head.i in (tok.i, tok.head.i):
                start -= 1
            else:
                break
        end = tok.i
        while end + 2 < len(self.doc) and self.doc[end + 1].text == "-" and not self.doc[end + 1].whitespace_ \
                and self.doc[end + 2].lower_ in ("general", "elect", "designate"):
            end += 2  # "Secretary-General", "President-elect": the role goes on past its noun
        title = self.ex.text[self.doc[start].idx:self.doc[end].idx + len(self.doc[end].text)]
        return title[:1].upper() + title[1:]

    def things(self, tok, s, ev, role: str) -> list[str]:
        """The entities a node stands for: its own, and those coordinated with it."""
        group = next((g for g in _KIND_GROUPS if tok._.ckg_kind in g), {tok._.ckg_kind})
        toks = _listed(tok, group)
        out = []
        for t in toks:
            if t._.ckg_group and role in ("agent", "thing"):
                # "the two academies": the first two different bodies named before
                group = []
                for m in t._.ckg_group:
                    k = self.ex.org(m, ev)
                    if k and k not in (g for _, g in group):
                        group.append((m.start, k))
                    if len(group) == 2:
                        break
                out += [k for _, k in sorted(group) if k not in out]  # in the order they were named
                continue
            if role in ("event",) or (role == "thing" and t.pos_ == "VERB"):
                k = self.event_for(t, s)
            elif role == "place":
                k = self.place(t, s, ev)
            elif role == "thing":
                k = self.event_for(t, s) if t._.ckg_kind == "EVENT" else self.agent(t, s, ev, ("ORG", "PROJECT", "PERSON", "VENUE"))
                if k is None and t._.ckg_kind in ("VENUE", "CITY", "REGION", "GPE"):
                    k = self.place(t, s, ev)
            else:
                k = self.agent(t, s, ev)
            if k and out and role in ("agent", "thing") and self._address_of_previous(t, k):
                continue
            if k and k not in out:
                out.append(k)
        return out

    def _unit_addressed(self, tok):
        """The smallest unit of the address ``tok``'s body closes ("Laboratory of X, Institute of Y,
        Academy of Z, Tromso": the laboratory), when ``tok``'s body is written as the parent of a unit
        right before it; None otherwise."""
        m = tok._.ckg_mention
        if m is None or tok._.ckg_kind != "ORG":
            return None
        unit = None
        while True:
            child = next((c for c in self.ex.mentions if c.label == "ORG" and c.parent is not None and c.end <= m.start
                          and (c.parent is m or (c.parent.start, c.parent.end) == (m.start, m.end))), None)
            if child is None:
                return unit
            unit = m = child

    def _address_of_previous(self, t, k: str) -> bool:
        """Whether the body ``k`` (at ``t``) is written right after a unit of its own, as that unit's
        address ("organized by IX, AY, and co-organized by ..." where IX is a unit of AY; "Prof. X of
        the School of Y, University of Z, spoke"): the unit's body, not another item of the list."""
        if not k.startswith("organization/") or t._.ckg_mention is None:
            return False
        text, start = self.ex.text, t._.ckg_mention.start
        gap = re.search(r"(?:\s*\([^()]{1,15}\))?,\s+(?:the\s+)?$", text[max(0, start - 24):start])
        if gap is None:
            return False
        end = start - len(gap.group(0))
        unit = next((m for m in self.ex.mentions if m.label == "ORG" and m.end == end), None)
        if unit is None:
            return False
        if unit.parent is not None and (unit.parent is t._.ckg_mention or (unit.parent.start, unit.parent.end) == (start, t._.ckg_mention.end)):
            return unit.extra.get("parent_rel") != "hostedBy"  # "CODATA-China, CAS": a host is a party too
        names = {unit.text, unit.extra.get("name"), self.ex.acronyms.get(unit.text)} - {None}
        ents = self.ex.x.entities
        return any(f.predicate == "org:subOrganizationOf" and f.obj == k and f.subject in ents
                   and names & ({ents[f.subject].label} | ents[f.subject].alt_labels | ents[f.subject].acronyms) for f in self.ex.x.facts)

    # -- applying a pattern ---------------------------------------------------------------
    def apply(self, p, nodes) -> None:
        first = min(nodes.values(), key=lambda t: t.i)
        s = self._sentence(first)
        if s is None:
            return
        ev = self._ev(s, p.method)
        to_come = any(t.pos_ in ("VERB", "AUX") and _is_future(t) for t in nodes.values())
        for e in p.emit:
            fact = e["fact"]
            if to_come and "MAIN" in e.values() and not self.scheduled:
                continue  # "X will speak at the next forum": not at the one the document reports
            if fact == "post":  # one person, one role, one body: no spreading over coordinated names
                ptok, rtok = nodes[e["person"]], nodes[e["role"]]
                if rtok.tag_ in ("NNS", "NNPS"):
                    continue  # "Members of the Board: A, B": a roster (loaders/rosters.py), not one post
                if ptok.i < rtok.i:
                    nxt = ptok.doc[rtok.i + 1] if rtok.i + 1 < len(ptok.doc) else None
                    if nxt is not None and nxt._.ckg_kind == "PERSON" and nxt._.ckg_mention is not ptok._.ckg_mention:
                        ptok = nxt  # "..., greets NOAA oceanographer Lena Xu": a title right before a name is that name's
                    else:
                        # "A and B, head of X": the title after a name belongs to the nearest name before it
                        nearer = [t for t in ptok.doc[ptok.i + 1:rtok.i] if t._.ckg_kind == "PERSON" and t._.ckg_mention is not ptok._.ckg_mention]
                        ptok = nearer[-1] if nearer else ptok
                otok = nodes[e["org"]]
                own = [g for c in rtok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                       for g in c.children if g.dep_ == "pobj"]
                own = [g for g in own if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in g.children)]
                if own and not any(g.i <= otok.i <= max(d.i for d in g.subtree) for g in own):
                    continue  # "the Minister of Fisheries and Oceans, ... NOAA": the role names its own body
                    # (but "chair of its board": the board of the body the sentence names)
                person, org = self.agent(ptok, s, ev), self.agent(otok, s, ev)
                if rtok.pos_ in ("VERB", "AUX"):
                    # "headed by its vice-president X": the title written before the name, not the verb's
                    written = [c for c in ptok.children if c.dep_ == "compound" and c._.ckg_kind == "ROLE"
                               and not re.fullmatch(TITLE_RE, c.text)]  # "Academician X, who leads": an honorific, no post
                    if not written and ptok.dep_ == "appos" and ptok.head._.ckg_kind == "ROLE":
                        written = [ptok.head]
                    rtok = written[-1] if written else rtok
                role = self.role(rtok)
                if not (person and org and person.startswith("person/") and org.split("/", 1)[0] in ("organization", "platform", "infrastructure")):
                    continue  # a platform or archive with a director acts as a body (extract._infrastructures_acting_as_bodies)
                self.log.append((ev.method, person, "org:Post", org))
                if any(v.start == s.start for p_ in self.ex.x.objects(person, "org:holds") for v in self.ex.x.entities[p_].evidence):
                    continue  # the rules read this person's post in this sentence: theirs stands
                self.ex.add_post(person, role, org, ev)
                continue
            if fact == "party":
                tok = nodes[e["agreement"]]
                for k in self.things(nodes[e["party"]], s, ev, "agent"):
                    self.parties[(tok.i, s.start)].append((k, ev, tok))
                continue
            if fact == "date":
                ev_key = self._event_node(e["event"], nodes, s)
                if ev_key:
                    span = self._date_span(nodes[e["date"]])
                    if span is not None:
                        self.log.append((ev.method, ev_key, "schema:startDate", span.text))
                        self.ex._dates(ev_key, s, p.method, text=span.text)
                continue
            a_role, b_role = _ROLES[fact]
            subj_name, obj_name = e[_SLOTS[fact][0]], e[_SLOTS[fact][1]]
            if fact in ("member", "part"):  # "A of X and B of Y": each its own, never crossed
                a, b = self.agent(nodes[subj_name], s, ev), self.agent(nodes[obj_name], s, ev)
                if a and b:
                    self._fact(fact, a, b, ev)
                continue
            subj = ([self.main] if subj_name == "MAIN" and self.main else [] if subj_name == "MAIN"
                    else self.things(nodes[subj_name], s, ev, a_role))
            if not subj and e.get("or_main") and self.main and a_role == "event":
                subj = [self.main]  # "X met with Y" (no date): at the visit or meeting the document reports
            moved = []
            if a_role == "thing" and b_role == "agent" and len(subj) > 1:
                # "the Archive developed by A (X), B, C and D": the parser may hang B, C and D on the
                # Archive; of another kind than it and after the agent, they are agents too
                kind = subj[0].split("/", 1)[0]
                moved = [k for k in subj if k.split("/", 1)[0] != kind]
                subj = [k for k in subj if k.split("/", 1)[0] == kind]
                agent_tok = nodes.get(obj_name) if obj_name != "MAIN" else None
                if agent_tok is None or agent_tok.i < nodes[subj_name].i:
                    moved = []
                else:
                    after = {self.agent(t, s, ev, ("ORG", "PERSON", "GPE")) for t in _listed(nodes[subj_name], {"ORG", "PERSON", "GPE", "PROJECT"})
                             if t.i > agent_tok.i}
                    moved = [k for k in moved if k in after]
            if fact == "location" and nodes[subj_name]._.ckg_kind == "ORG" and _in_agent_of_event(nodes[subj_name]):
                continue  # "the forum was organized by A and B in Oslo": the place is the forum's, not B's
            if fact == "location" and nodes[subj_name]._.ckg_kind in ("ORG", "PROJECT", "VENUE", "CITY", "REGION", "GPE"):
                # "A (Beijing), B (Beijing) and C (Lanzhou)": a body's own place, never spread over the list
                subj = [k for k in [self.agent(nodes[subj_name], s, ev, ("ORG", "PROJECT")) or self.place(nodes[subj_name], s, ev)] if k]
                unit = self._unit_addressed(nodes[subj_name])
                if unit is not None:  # "the Institute of X, Academy of Y, Tromso": the institute's address
                    subj = [k for k in [self.ex.org(unit, ev)] if k]
            obj = ([self.main] if obj_name == "MAIN" and self.main else [] if obj_name == "MAIN"
                   else self.things(nodes[obj_name], s, ev, b_role))
            if fact == "location" and nodes[subj_name]._.ckg_kind in ("ORG", "PROJECT", "VENUE", "CITY", "REGION", "GPE"):
                # "X, Bergen, Norway and Y": the body's (or city's) own place, not the list it stands in;
                # but "Located in A, B and C, the centres ..." (``listed: true``): each place of the list
                places = [nodes[obj_name], *nodes[obj_name].conjuncts] if e.get("listed") else [nodes[obj_name]]
                obj = [k for k in (self.place(t, s, ev) for t in places if t._.ckg_kind in ("CITY", "GPE", "REGION", "VENUE")) if k]
            obj += [k for k in moved if k not in obj]
            if moved:  # "by A (X), B, CAS": A's parents named after it as its address are no agents of their own
                parents = {f.obj for f in self.ex.x.facts if f.predicate == "org:subOrganizationOf" and f.subject in obj}
                obj = [k for k in obj if k not in parents]
            bound = {frozenset((f.subject, f.obj)) for f in self.ex.x.facts
                     if f.predicate in ("org:subOrganizationOf", "ckg:hostedBy")} if fact == "cooperates" else set()
            for i, a in enumerate(subj):
                for b in obj[i + 1:] if subj_name == obj_name else obj:  # "the two academies": each pair once
                    if frozenset((a, b)) in bound:
                        continue  # "between CODATA-China, CAS and ...": a body and its own host are no two sides
                    self._fact(fact, a, b, ev)

    def _date_span(self, tok):
        """The NER's date span holding ``tok`` (an index of the spans, made once)."""
        if self._dates_at is None:
            self._dates_at = {t.i: e for e in self.doc.ents for t in e}
        return self._dates_at.get(tok.i)

    def _event_node(self, name, nodes, s):
        if name == "MAIN":
            return self.main
        return self.event_for(nodes[name], s)

    def _fact(self, fact: str, a: str, b: str, ev: Evidence) -> None:
        x = self.ex.x
        if a == b or a is None or b is None:
            return
        if fact == "organizer" and b.startswith("person/"):
            fact = "chair"
        pred = _PREDICATES[fact]
        if fact in ("member",) and b.split("/", 1)[0] not in ("organization", "infrastructure", "platform"):
            return  # a body, or a network with members (which then is a body as well: extract._infrastructures_acting_as_bodies)
        if fact == "member" and a.startswith("person/") and any(b in x.objects(p, "org:postIn") or any(v.start == ev.start for v in x.entities[p].evidence)
                                                                for p in x.objects(a, "org:holds")):
            return  # a post in the same body, or one read in this sentence, says more
        if fact == "member" and a.startswith("person/") and any(
                f.subject == a and f.predicate == "org:memberOf" and f.evidence.start == ev.start and f.obj != b
                and f.evidence.method == "rule:person-affiliation" for f in x.facts):
            return  # "Prof. A from X and Dr. B from Y": A's body was read from the words; the parse may cross them
        if fact == "part" and not (a.startswith("organization/") and b.startswith("organization/")):
            return
        if fact == "hosted" and not (a.split("/", 1)[0] in ("organization", "infrastructure", "platform", "program")
                                     and b.startswith("organization/")):
            return  # a body hosts a body, or a network's or programme's secretariat
        if fact in ("attendee", "chair", "organizer", "subevent") and not a.startswith("event/"):
            return
        if fact == "chair" and not b.startswith("person/"):
            return
        self.log.append((ev.method, a, pred, b))
        if fact == "attendee" and b.startswith("place/") and "schema:Country" in x.entities[b].classes:
            self._country_delegation(a, b, ev)
            return
        x.add(a, pred, b, ev)

    def _country_delegation(self, event: str, country: str, ev: Evidence) -> None:
        """"attended by representatives from China, Kenya and Peru": the country's representatives
        attended, not the country: a delegation of the country (at least one person, ``ckg:AtLeast``)
        unless the text gave one with its count."""
        x = self.ex.x
        key = delegation_key(event, country.split("/", 1)[1])
        if key in x.entities:
            x.add(event, "ckg:delegation", key, ev)
            return
        self.ex.add_delegation(event, country, 1, "ckg:AtLeast", f"Representatives of {x.entities[country].label}", ev)

    def run(self) -> None:
        mark_tokens(self.doc, self.ex.mentions)
        self._find_main()
        self._find_scheduled()
        self._event_acronyms()
        for p, nodes in self.patterns.matches(self.doc):
            self.apply(p, nodes)
        self._events_patterns_miss()
        self._subjectless_participation()
        self._posts_in_own_units()
        self._speakers_from_bodies()
        self._among_were()
        self._invited_to_announced()
        self._agreements()
        self._merge_events()
        self._name_unnamed_events()

    def _name_unnamed_events(self) -> None:
        """An event the text never names ("a meeting", "a delegation") is called by what the document
        says of it: "Delegation led by A", "Meeting with A and B", rather than by the document's title.
        One attendee, or more than three, and no leader: the title stays (``Meeting (<title>)``)."""
        x = self.ex.x
        suffix = f" ({self.ex.doc.title or self.ex.doc.name})"
        for k in self.made_events:
            e = x.entities.get(k)
            if e is None or not e.label.endswith(suffix):
                continue
            noun = e.label[:-len(suffix)]
            leaders = [o for o in x.objects(k, "ckg:leader") if isinstance(o, str) and o in x.entities]
            who = [o for o in dict.fromkeys(x.objects(k, "schema:attendee")) if isinstance(o, str) and o in x.entities]
            if leaders:
                e.label = f"{noun} led by {self._short(leaders[0])}"
            elif 2 <= len(who) <= 3:
                names = [self._short(o) for o in who]
                e.label = f"{noun} with {and_list(names)}"

    def _short(self, key: str) -> str:
        """How a label made of names calls an agent: a body by its acronym where it has one, a person by
        the one name the document calls them by alone ("Holm reviewed", "Minister Reed"), else by their
        family name (the last, or the first of a name written family name first), as news copy does."""
        e = self.ex.x.entities[key]
        if e.kind != "person":
            return e.short_name
        words = e.label.split()
        if len(words) < 2:
            return e.label
        text = self.ex.text

        def alone_at(m) -> bool:  # "Holm reviewed", "Minister Reed signed": the word with no other name beside it
            before = re.search(r"([\w.'’-]+)\s+$", text[max(0, m.start() - 40):m.start()])
            after = re.match(r"\s+([\w'’-]+)", text[m.end():m.end() + 40])
            prev_ok = before is None or not before.group(1)[:1].isupper() or is_title(before.group(1)) or before.group(1) in _OFFICE_WORDS
            return prev_ok and (after is None or not after.group(1)[:1].isupper())

        alone = [w for w in dict.fromkeys(words) if len(w) > 1 and w[:1].isupper() and not w.endswith(".") and any(
            alone_at(m) for m in re.finditer(rf"(?<![\w.-]){re.escape(w)}(?![\w-])", text))]
        if len(alone) == 1:
            return alone[0]
        return words[0] if words[0].isupper() and len(words[0]) > 1 else words[-1]  # "WANG Lina": the capitals are the family name

    def _merge_events(self) -> None:
        """One node per event of the document: "the 3rd X Conference" in the headline and "the Third
        X Conference" in the text are one (same name once case, articles and ordinals are set aside)."""
        x = self.ex.x
        first: dict[str, str] = {}
        for k, e in list(x.entities.items()):
            if e.kind != "event" or k not in x.entities:
                continue
            ident = event_key(e.label)
            if ident in first and first[ident] in x.entities:
                keep = first[ident]
                if len(x.objects(keep, "schema:startDate")) + len(x.objects(k, "schema:startDate")) > 1:
                    continue  # two dates: two events of one name, not one
                x.merge(k, keep)
                if self.main == k:
                    self.main = keep
            else:
                first[ident] = k
        self._merge_owned_events()
        self._merge_unnumbered_events()
        self._merge_generic_events()
        self._merge_described_events()
        self._merge_country_visits()

    def _merge_described_events(self) -> None:
        """"The two unions, at a festive meeting on 4 June hosted by X, held their inaugural General
        Assembly": an event the text only describes ("Festive meeting", an adjective and a noun) is
        the one named event the same sentence reports, unless the sentence sets one in the other
        ("during", "on the sidelines of") or their dates differ."""
        x = self.ex.x
        events = [k for k, e in x.entities.items() if e.kind == "event"]
        for g in events:
            e = x.entities.get(g)
            words = re.sub(r"\s*\(.*\)$", "", e.label).split() if e else []
            if len(words) != 2 or not words[1].islower() or words[0].lower() in ("the", "a", "an"):
                continue
            starts = {v.start for v in e.evidence}
            named = [k for k in events if k != g and k in x.entities and starts & {v.start for v in x.entities[k].evidence}
                     and sum(w[:1].isupper() for w in x.entities[k].label.split()) >= 2 and not self._still_to_come(k)]
            if len(named) != 1 or self._still_to_come(g):
                continue
            quote = next(v.quote for v in e.evidence if v.start in {u.start for u in x.entities[named[0]].evidence})
            if re.search(r"\b(?:during|sidelines|ahead of|prior to|on the eve of|following|after|before|within)\b", quote, re.I):
                continue
            dates = {str(d) for k in (g, named[0]) for d in x.objects(k, "schema:startDate")}
            if len(dates) > 1:
                continue
            description = e.label
            self._merge_into(g, named[0])
            x.entities[named[0]].alt_labels.discard(description)  # "Festive meeting" says what it was, it is no name

    _COUNTRY_VISIT = re.compile(r"^(?:The\s+)?(.+?)\s+(?:Delegation|Delegates|Visitors|Mission|Visit)$", re.I)

    def _merge_country_visits(self) -> None:
        """"Kenyan Delegation Tours Observatory" over "a delegation from Kenya led by X visited ...": a
        visit named only by a country ("Kenyan Delegation", "The Peru Mission") is the document's one
        visit of a delegation from that country, when there is exactly one and the dates agree."""
        x = self.ex.x
        visits = [k for k, e in x.entities.items() if e.kind == "event" and "ckg:Visit" in e.classes]
        for k in visits:
            m = self._COUNTRY_VISIT.match(x.entities[k].label) if k in x.entities else None
            country = self.ex.places.country_of_adjective(m.group(1)) or self.ex.places.country_name(m.group(1)) if m else None
            if country is None:
                continue
            place = f"place/{country.code.lower()}"
            of_country = [v for v in visits if v != k and v in x.entities and any(
                place in x.objects(d, "ckg:country") for d in x.objects(v, "ckg:delegation") if isinstance(d, str))]
            if len(of_country) != 1:
                continue
            dates = {str(d) for v in (k, of_country[0]) for d in x.objects(v, "schema:startDate")}
            if len(dates) > 1:
                continue  # two dates: two visits
            self._merge_into(k, of_country[0])

    def _merge_unnumbered_events(self) -> None:
        """A headline's "PDA Task Force Meeting" over "the 2nd PDA Task Force Meeting opened on ...":
        an event named without its number is the document's one numbered event of that name."""
        x = self.ex.x
        for k in [k for k, e in x.entities.items() if e.kind == "event" and "|" not in k]:
            numbered = [n for n, e in x.entities.items() if e.kind == "event" and n.startswith(k + "|")]
            if len(numbered) != 1 or k not in x.entities:
                continue
            dates = {str(d) for d in x.objects(k, "schema:startDate")} | {str(d) for d in x.objects(numbered[0], "schema:startDate")}
            if len(dates) > 1 or self._still_to_come(k) != self._still_to_come(numbered[0]):
                continue  # two dates, or one held and one to come: two events
            self._merge_into(k, numbered[0])

    def _still_to_come(self, k: str) -> bool:
        return "schema:EventScheduled" in self.ex.x.objects(k, "schema:eventStatus")

    def _merge_into(self, k: str, target: str) -> None:
        """Merge event ``k`` into ``target``, which takes its place as the document's main event."""
        self.ex.x.merge(k, target)
        if self.main == k:
            self.main = target
        if self.ex.main_meeting == k:
            self.ex.main_meeting = target

    def _merge_owned_events(self) -> None:
        """"PDA Holds 2021 Annual Meeting" over "the 2021 Annual Meeting of the Polar Data Alliance was
        held ...": an event's name and the same name followed by whose it is ("of the X", "for X") are
        one event, named in full, when the document has one such longer name and the dates agree."""
        x = self.ex.x
        events = {k: event_key(e.label).split() for k, e in x.entities.items() if e.kind == "event"}
        for short, words in sorted(events.items()):
            longer = [k for k, w in events.items() if k != short and len(w) > len(words) + 1
                      and w[:len(words)] == words and w[len(words)] in ("of", "for")]
            if len(longer) != 1 or short not in x.entities or longer[0] not in x.entities or len(words) < 3:
                continue
            target = longer[0]
            dates = {str(d) for d in x.objects(short, "schema:startDate")} | {str(d) for d in x.objects(target, "schema:startDate")}
            if len(dates) > 1 or self._still_to_come(short) != self._still_to_come(target):
                continue  # two dates, or one held and one to come: two events
            self._merge_into(short, target)

    def _merge_generic_events(self) -> None:
        """"The 4th X Workshop was held in Nairobi": the rules' unnamed "Workshop" read from the same
        sentence, or the document's only "workshop" otherwise, is the named one (when their dates agree)."""
        x = self.ex.x
        events = [k for k, e in x.entities.items() if e.kind == "event"]
        generic = [k for k in events if _is_generic(x.entities[k].label)]
        for g in generic:
            if g not in x.entities:
                continue
            head = _head(re.sub(r"\s*\(.*\)$", "", x.entities[g].label))
            named = [k for k in events if k in x.entities and k != g and not _is_generic(x.entities[k].label)
                     and _head(x.entities[k].label) == head]
            starts = {v.start for v in x.entities[g].evidence}
            same = [k for k in named if starts & {v.start for v in x.entities[k].evidence}]
            target = same[0] if len(same) == 1 else named[0] if len(named) == 1 else None
            if target is None:
                continue
            dates = {str(d) for d in x.objects(g, "schema:startDate")}
            if dates and dates != {str(d) for d in x.objects(target, "schema:startDate")} and x.objects(target, "schema:startDate"):
                continue  # two dates: two events
            x.merge(g, target)
            if self.main == g:
                self.main = target
            if self.ex.main_meeting == g:
                self.ex.main_meeting = target

    def _signatories(self, agreement: str, signers, tok) -> None:
        """The people who signed ``agreement`` (``ckg:signatory``), when the sentence says they signed
        it ("signed by X and Y", "X and Y signed the MoU"), not when it is still to be signed."""
        if _is_future(tok) or not any(t.lemma_ == "sign" for t in (tok, tok.head, *tok.head.children)):
            return
        for k, pev in signers:
            self.ex.x.add(agreement, "ckg:signatory", k, pev)

    def _agreements(self) -> None:
        x = self.ex.x
        for (_, sent_start), found in self.parties.items():
            tok = found[0][2]
            ev = found[0][1]
            s = next(s for s in self.ex.sentences if s.start == sent_start)
            parties = []
            signers = [(k, pev) for k, pev, _ in found if k.startswith("person/")]
            for k, _, _ in found:
                if k.startswith("person/"):  # a signatory speaks for the body of their post
                    orgs = [o for p in x.objects(k, "org:holds") for o in x.objects(p, "org:postIn")]
                    k = orgs[0] if len(orgs) == 1 else None
                if k and k.split("/", 1)[0] in ("organization", "place", "infrastructure", "platform") and k not in parties:
                    parties.append(k)  # an archive or platform that signs acts as a body (see extract)
            # an agreement the rules read in this sentence gets the parties; else one is made with two
            existing = [k for k, e in x.entities.items() if e.kind == "agreement" and any(v.start == s.start for v in e.evidence)]
            for p in parties:
                for _, pev, _ in found:
                    self.log.append((pev.method, existing[0] if existing else "agreement", "ckg:party", p))
            groups = self._bilateral(tok, s, ev, parties) if not _is_future(tok) else [parties]
            if len(groups) > 1:  # "A signed agreements with B, C and D": one with each, the rules' among them
                for group in groups:
                    if not any(set(x.objects(k, "ckg:party")) == set(group) for k in existing):
                        self._make_agreement(group, tok, s, ev, signers)
                continue
            if existing:
                for p in parties:
                    x.add(existing[0], "ckg:party", p, ev)
                self._signatories(existing[0], signers, tok)
                continue
            if not parties or _is_future(tok) or (len(parties) < 2 and not signers):
                continue
            same = [k for k, e in x.entities.items() if e.kind == "agreement" and set(x.objects(k, "ckg:party")) == set(parties)] \
                if len(parties) > 1 else []
            if not same and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
                # "The agreement was signed by A's director and B's": the one agreement read before,
                # when it has these parties among its own (it may name a parent body as well)
                before = [k for k, e in x.entities.items() if e.kind == "agreement" and set(parties) <= set(x.objects(k, "ckg:party"))
                          and any(v.start < s.start for v in e.evidence)]
                same = before if len(before) == 1 else []
            if same:  # the agreement the rules read elsewhere in the document, between the same parties
                x.entity(same[0], "agreement", [], "", ev)
                self._signatories(same[0], signers, tok)
                continue
            if len(parties) < 2:
                continue  # one side named: no agreement is made up from it
            self._make_agreement(parties, tok, s, ev, signers)  # one agreement: "with each" was read above

    def _bilateral(self, tok, s, ev, parties: list[str]) -> list[list[str]]:
        """"A signed agreements with B, C and D": one agreement of A with each (a plural noun and a
        "with" list); otherwise the one agreement of all the parties."""
        if tok.tag_ not in ("NNS", "NNPS") or len(parties) < 3 or tok.dep_ != "dobj" or \
                not any(c.dep_ == "prep" and c.lower_ == "with" for c in (*tok.children, *tok.head.children)):
            return [parties]
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        own = {k for t in subjects for u in (t, *t.conjuncts) if (k := self.agent(u, s, ev, ("ORG", "GPE")))} & set(parties)
        if len(own) != 1:
            return [parties]  # "A and B signed agreements with C and D": who with whom is not said
        (a,) = own
        return [[a, w] for w in parties if w != a]

    def _make_agreement(self, parties: list[str], tok, s, ev, signers) -> None:
        x = self.ex.x
        mou = tok.lower_ in ("mou", "mous", "memorandum", "memoranda", "memorandums")
        names = [x.entities[p].short_name for p in parties]
        label = f"{'Memorandum of Understanding' if mou else 'Agreement'} between {' and '.join(names)}"
        key = "agreement/" + ("mou" if mou else "agreement") + "|" + "|".join(sorted(p.split("/", 1)[1] for p in parties))
        cls = ["ckg:Agreement"] + (["ckg:MemorandumOfUnderstanding"] if mou else [])
        x.entity(key, "agreement", cls, label, ev)
        for p in parties:
            x.add(key, "ckg:party", p, ev)
        self._signatories(key, signers, tok)
        x.add(key, "ckg:status", "ckg:Established", ev)
        if re.search(r"\b(?:signed|renewed|concluded|inked)\b", s.text):
            ds = find_dates(s.text, reference=self.ex.doc.reference_date)
            if ds:
                d = ds[0]
                x.add(key, "dcterms:date", Literal(d.start.year if d.year_only else d.start.isoformat(),
                                                   datatype=XSD.gYear if d.year_only else XSD.date), ev)


_SLOTS = {"member": ("person", "org"), "part": ("unit", "parent"), "attendee": ("event", "agent"),
          "organizer": ("event", "agent"), "chair": ("event", "person"), "sponsor": ("thing", "sponsor"),
          "location": ("thing", "place"), "leader": ("thing", "leader"), "cooperates": ("a", "b"),
          "partner": ("thing", "partner"), "subevent": ("event", "parent"), "hosted": ("unit", "host")}
_ROLES = {"member": ("agent", "agent"), "part": ("agent", "agent"), "attendee": ("event", "agent"),
          "organizer": ("event", "agent"), "chair": ("event", "agent"), "sponsor": ("thing", "agent"),
          "location": ("thing", "place"), "leader": ("thing", "agent"), "cooperates": ("agent", "agent"),
          "partner": ("thing", "agent"), "subevent": ("event", "event"), "hosted": ("agent", "agent")}
_PREDICATES = {"member": "org:memberOf", "part": "org:subOrganizationOf", "attendee": "schema:attendee",
               "organizer": "schema:organizer", "chair": "ckg:chair", "sponsor": "schema:sponsor",
               "location": "schema:location", "leader": "ckg:leader", "cooperates": "ckg:cooperatesWith",
               "partner": "ckg:partner", "subevent": "schema:superEvent", "party": "ckg:party", "hosted": "ckg:hostedBy"}

_SETS: dict = {}
_KIND_GROUPS = ({"PERSON", "ORG", "GPE", "PROJECT"}, {"CITY", "GPE", "REGION", "VENUE"})
_GROUP_NOUNS = {"delegation", "team", "group", "expert", "scientist", "researcher", "representative", "delegate",
                "official", "member", "scholar", "staff", "leader", "participant"}


_DATELINE = re.compile(r"^[^\n]{0,80}?\s(?:--|—|–)\s")


#: event nouns that may stand for any event the document is about ("the meeting", "the event")
_ANY_EVENT = ("event", "meeting")


#: offices before a name besides the titles of ``mentions.is_title`` ("Governor Ruiz")
_OFFICE_WORDS = {"Ambassador", "Governor", "Mayor"}


def _is_next(tok) -> bool:
    """Whether an event noun is "the next / following / upcoming" one: another than the document's."""
    return any(c.lower_ in ("next", "following", "upcoming", "forthcoming", "future", "subsequent") for c in tok.lefts)


def _in_agent_of_event(tok) -> bool:
    """Whether ``tok`` stands in the "by ..." phrase of a passive verb whose subject is an event."""
    for a in tok.ancestors:
        if a.dep_ == "agent":
            verb = a.head
            return any(c.dep_ == "nsubjpass" and c._.ckg_kind == "EVENT" for c in verb.children)
    return False


def _in_dateline(tok) -> bool:
    """Whether ``tok`` is in the dateline that opens a sentence: "LIMA, Peru, 3 May (Agency) -- ..."."""
    sent = tok.sent
    m = _DATELINE.match(sent.text)
    return bool(m) and tok.idx - sent.start_char < m.end() and not any(
        w.islower() and w not in ("of", "and") for w in m.group(0).split()[:-1])


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


def _listed(tok, group) -> list:
    """``tok`` and the names listed with it: its conjuncts, and names set beside it by commas, which
    the parser often reads as appositions ("by A, B and C": B an apposition of A, C a conjunct of B).
    A name in parentheses after another ("A (Lima)") is that one's place or acronym, not a list item."""
    out, todo = [tok], [tok]
    if "CITY" in group:  # "Salzburg, Austria": a place and the country it is in, not a list
        return [tok] + [c for c in tok.conjuncts if c._.ckg_kind in group]
    while todo:
        t = todo.pop()
        # "A, Director of X, and B": the parser hangs B on A's post (an apposition), not on A
        posts_of = [c for c in t.children if c.dep_ == "appos" and c._.ckg_kind not in group] if "PERSON" in group else []
        for c in list(t.conjuncts) + [c for c in t.children if c.dep_ == "appos"] + [cc for p in posts_of for cc in p.conjuncts]:
            if c in out or c._.ckg_kind not in group or _parent_of(t, c):
                continue
            if c.dep_ == "appos" and (c.i == 0 or c.doc[c.left_edge.i - 1].text in ("(", "[")):
                continue
            if c.i + 1 < len(c.doc) and c.doc[c.i + 1].dep_ == "case" and c._.ckg_kind in ("GPE", "CITY", "REGION"):
                continue  # "and Peru's Science Council": the country owns the next item, it is none itself
            out.append(c)
            todo.append(c)
    for t in _surface_list(tok, group) + _surface_list_before(tok, group):
        if all(t._.ckg_mention is not o._.ckg_mention for o in out):
            out.append(t)
    out = sorted(out, key=lambda t: t.i)
    if len(out) == 2 and out[1].dep_ == "appos" and out[1].head.i == out[0].i and "ORG" in group and out[0]._.ckg_kind == "ORG" and \
            out[1].doc[out[1].left_edge.i - 1].text == "," and out[1].left_edge.i - 1 == _mention_end(out[0]):
        out = out[:1]  # "the Institute of Polar Research, Nordic Academy of Sciences": a unit and its body, no list
    return out


def _surface_list_before(tok, group) -> list:
    """Names written before ``tok`` as the first items of its list, when the parser hung them on it
    ("by the Tengri Government and CAS Program": "Government" a modifier of "Program"): each item a
    name of the group whose head depends on ``tok`` (or on the word ``tok`` depends on), then a comma
    or "and"; the reading stops at anything else."""
    doc, out = tok.doc, []
    m = tok._.ckg_mention
    if m is None:
        return out
    i = tok.i
    while i > 0 and doc[i - 1]._.ckg_mention is m:
        i -= 1
    while i > 0:
        j, sep = i - 1, False
        while j >= 0 and (doc[j].text == "," or doc[j].lower_ in ("and", "&", "the")):
            sep = sep or doc[j].text == "," or doc[j].lower_ in ("and", "&")
            j -= 1
        if not sep or j < 0 or doc[j]._.ckg_mention is None or doc[j]._.ckg_kind not in group:
            return out
        pm = doc[j]._.ckg_mention
        start = j
        while start > 0 and doc[start - 1]._.ckg_mention is pm:
            start -= 1
        span = doc[start:j + 1]
        head = next((x for x in span if not (start <= x.head.i <= j) or x.head is x), doc[j])
        if head.head not in (tok, tok.head) and head not in tok.children:
            return out
        out.append(head)
        i = start
    return out


def _parent_of(a, b) -> bool:
    """Whether ``b``'s mention is the body ``a``'s mention was read as part of ("Institute X, CAS")."""
    ma, mb = a._.ckg_mention, b._.ckg_mention
    return ma is not None and mb is not None and getattr(ma, "parent", None) is not None and (
        ma.parent is mb or (ma.parent.start, ma.parent.end) == (mb.start, mb.end))


def _mention_end(tok) -> int:
    """The index of the first token after the mention ``tok`` is in."""
    m, i = tok._.ckg_mention, tok.i
    while i < len(tok.doc) and tok.doc[i]._.ckg_mention is m:
        i += 1
    return i


def _surface_list(tok, group) -> list:
    """The names written after ``tok`` as a list, read in token order: "A (Beijing), B (Beijing), C at
    Lanzhou, and D". Long lists defeat the parser; their commas do not. Each item is a name of the
    same group, after a comma or "and", with a place or acronym in parentheses (or "at <city>")
    allowed after it; the list stops at anything else, and before a name that is the subject of a
    clause of its own ("..., and B attended")."""
    doc, out = tok.doc, []
    if tok._.ckg_mention is None:
        return out
    i = _mention_end(tok)
    while i < len(doc):
        sep = False
        while i < len(doc):
            t = doc[i]
            if t.text == "(":
                close = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].text == ")"), None)
                inside = doc[i + 1:close] if close else None
                if not inside or not all(x._.ckg_kind in ("CITY", "GPE", "REGION") or x.is_punct or x.text.isupper()
                                         or (x.pos_ == "PROPN" and not x._.ckg_kind) for x in inside):
                    return out
                i = close + 1
            elif t.text == "," or t.lower_ in ("and", "&"):
                sep, i = True, i + 1
            elif t.lower_ == "the" or (t.lower_ == "at" and i + 1 < len(doc) and doc[i + 1]._.ckg_kind == "CITY"):
                i += 1 if t.lower_ == "the" else 2
            else:
                break
        if not sep or i >= len(doc):
            return out
        t = doc[i]
        if t._.ckg_mention is not None and t._.ckg_kind in ("GPE", "CITY") and _mention_end(t) + 1 < len(doc) \
                and doc[_mention_end(t)].text in ("'s", "’s"):
            i = _mention_end(t) + 1  # "and Peru's Science Council": the item is the council, Peru its owner
            t = doc[i]
        if t._.ckg_mention is None or t._.ckg_kind not in group or t._.ckg_mention is tok._.ckg_mention:
            return out
        if _parent_of(out[-1] if out else tok, t):
            return out  # "CODATA-China, CAS": the body that holds it, not a list
        end = _mention_end(t)
        if t._.ckg_kind == "GPE" and end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end \
                and doc[end].text[:1].isupper():
            return out  # "and the Thailand Science Research Council": a country's name begins a body's name
        head = next((x for x in doc[i:end] if not (i <= x.head.i < end) or x.head is x), doc[end - 1])
        if head.dep_ in ("nsubj", "nsubjpass"):
            return out
        out.append(head)
        i = end
    return out


def _pattern_set(vocab) -> PatternSet:
    ps = _SETS.get(id(vocab))
    if ps is None:
        ps = _SETS[id(vocab)] = PatternSet(vocab)
    return ps
