"""The next edition of the reported event: "The next General Assembly will be held in Kyoto in
2026", "Tromso will host the 4th Polar Data Forum in 2026", "the next forum will be hosted by the
University of Tartu". A meeting report often ends by saying where and when the series meets
again; that edition is an event of its own (``schema:EventScheduled``), never the reported one,
named from the reported event's series and number ("4th General Assembly" -> "5th General
Assembly"), with the place, host and date its clause gives."""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.dates import find_dates
from collabkg.loaders.discourse_events import _EVENT_CLASS, _head, _is_future, _is_generic, _is_next, event_key
from collabkg.loaders.extract_ordinals import _ORDINAL_WORDS
from collabkg.loaders.registry import norm
from collabkg.loaders.resolve import ordinal_value


#: nouns that stand for another edition of the reported event, whatever its own noun
_EDITION_NOUNS = {"edition", "session"}

#: verbs whose subject is the host of an event ("Tromso will host ...", "the University of X will organize ...")
_HOST_VERBS = {"host", "organize", "organise", "welcome", "convene"}


def _ordinal(n: int, *, in_words: bool) -> str:
    """An edition's number as a label writes it: in words as the ordinal rule names editions
    ("Fourth"), else, or past the twentieth, in figures ("4th").

    >>> [_ordinal(n, in_words=False) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']
    >>> _ordinal(4, in_words=True), _ordinal(21, in_words=True)
    ('Fourth', '21st')
    """
    if in_words and n <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def series_and_number(label: str) -> tuple[str, int | None]:
    """The series name of an edition's label and its number: the ordinal word before the name
    ("inaugural" and "first" count as 1), and a year at the end, dropped.

    >>> series_and_number("4th General Assembly"), series_and_number("Inaugural General Assembly")
    (('General Assembly', 4), ('General Assembly', 1))
    >>> series_and_number("Polar Data Forum 2024")
    ('Polar Data Forum', None)
    """
    words = label.split()
    number = None
    if words and (words[0].lower() in ("inaugural", "first") or ordinal_value(words[0])):
        number = 1 if words[0].lower() == "inaugural" else ordinal_value(words[0])
        words = words[1:]
    while len(words) > 1 and re.fullmatch(r"(?:19|20)\d\d", words[-1]):
        words.pop()
    return " ".join(words), number


def _told_as_past(tok) -> bool:
    """Whether the event noun is the subject or object of a verb in the past: "The next meeting
    was held in Tokyo" narrates an edition that took place."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "to", "would", "'ll", "is", "are"}:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & {"was", "were", "had", "has", "have"}))


#: nouns that stand for the one who hosts: "the bid by X", "the city of X"
_HOST_NOUNS = {"bid", "offer", "invitation", "proposal", "city", "town", "capital"}


class _NextEditions:
    """The next edition of the document's main event: mixed into Discourse."""

    def _next_editions(self) -> None:
        if self.scheduled:
            return  # an announcement: its event is the one to come
        for tok in self.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS") or tok.dep_ in ("compound", "amod"):
                continue
            if _told_as_past(tok) or not (_is_future(tok) or _is_next(tok)):
                continue  # "voted for the venue of the next Assembly" speaks of one to come; "the next meeting was held" does not
            own = self._edition_number(tok)
            if not _is_next(tok) and own is None:
                continue  # "the assembly will elect ...": the reported one, or none of its own
            ref = self._edition_before(tok)
            if ref is None:
                continue
            series, number = series_and_number(self.ex.x.entities[ref].label)
            if _is_next(tok) and own is None and number is not None:
                own = number + 1
            if own is not None and number is not None and own <= number:
                continue  # an earlier edition than the reported one
            s = self._sentence(tok)
            if s is not None:
                self._next_edition(tok, s, ref, series, own)

    def _edition_before(self, tok) -> str | None:
        """The held edition an event noun still to come is the next one of: the document's main event
        when its name has that noun (or the noun is "edition"), else the last held event named before
        with that noun. None for an event without a series' name ("Meeting (<title>)")."""
        noun = tok.lemma_.lower()
        x = self.ex.x
        found = []
        for k, e in x.entities.items():
            if e.kind != "event" or self._still_to_come(k) or _is_generic(e.label):
                continue
            first = min((v.start for v in e.evidence), default=None)
            if first is None or first > tok.idx:
                continue
            head = _head(series_and_number(e.label)[0])
            if head == noun or (noun in _EDITION_NOUNS and k == self.main):
                found.append((k != self.main, -first, k))
        return min(found)[2] if found else None

    def _edition_number(self, tok) -> int | None:
        """The ordinal written before the event noun ("the 4th Polar Data Forum")."""
        for c in tok.lefts:
            if c.dep_ in ("amod", "nummod", "compound") and (v := ordinal_value(c.text)):
                return v
        return None

    def _next_edition(self, tok, s, ref: str, series: str, number: int | None) -> None:
        x = self.ex.x
        verb = tok.head
        while verb.dep_ in ("pobj", "prep") and verb.head.i != verb.i:
            verb = verb.head  # "chose Nairobi as the venue of the next Assembly": the verb of the clause
        # what the clause says from the event's name on: "..., chose Nairobi as the venue of the next
        # Congress, to be held in 2026" (a date before it is the reported event's)
        clause = self.doc[tok.left_edge.i:max(verb.right_edge.i, tok.right_edge.i) + 1]
        years = re.findall(r"\b(?:19|20)\d\d\b", clause.text)
        hosts = self._hosts(tok, verb)
        places = [g for head in (tok, verb) for c in head.rights if c.dep_ == "prep" and c.lower_ in ("in", "at")
                  for g in c.children if g.dep_ == "pobj" and g._.ckg_kind in ("CITY", "GPE", "VENUE")]
        if number is None and not years and not hosts and not places and not find_dates(clause.text, reference=self.ex.doc.reference_date):
            return  # "X will speak at the next forum": nothing said of that edition, no node for it
        in_series = [k for k in x.objects(ref, "schema:superEvent") if isinstance(k, str)]
        # the reported edition keyed by its series and its number or year (extract_ordinals, named
        # events of a series): so is this one, and its number is written in words as that rule's are
        series_keyed = bool(in_series) and ref.startswith(f"event/{in_series[0].split('/', 1)[1]}|") and (number is not None or bool(years))
        words = x.entities[ref].label.split()
        if number is not None:
            in_words = series_keyed or (bool(words) and words[0].isalpha() and ordinal_value(words[0]) is not None)
            label = f"{_ordinal(number, in_words=in_words)} {series}"  # "Third Steering Committee Meeting" -> "Fourth ..."
        elif years:
            label = f"{series} {years[0]}"
        else:
            label = f"{series} (next edition)"
        key = event_key(label)
        if series_keyed:
            key = f"event/{in_series[0].split('/', 1)[1]}|{number if number is not None else years[0]}"
        if key == ref or key in x.entities and not self._still_to_come(key):
            return  # a held edition of that name: not the one to come
        ev = self._ev(s, "discourse:next-edition")
        kinds = [c for c in x.entities[ref].classes if c != "schema:Event"] or [_EVENT_CLASS.get(tok.lemma_.lower(), "ckg:Meeting")]
        x.entity(key, "event", ["schema:Event", *kinds], label, ev)
        self.made_events.add(key)
        x.add(key, "schema:eventStatus", "schema:EventScheduled", ev)
        if number is not None:
            x.add(key, "ckg:ordinal", Literal(number), ev)
        for series_key in in_series:
            x.add(key, "schema:superEvent", series_key, ev)
        for org in x.objects(ref, "schema:organizer"):
            if isinstance(org, str) and org in x.entities and f" {norm(x.entities[org].label)} " in f" {norm(series)} ":
                x.add(key, "schema:organizer", org, ev)  # "Congress of the Polar Data Alliance": the series' owner
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        for g in (of.children if of is not None else ()):
            if g.dep_ == "pobj" and g._.ckg_kind == "ORG" and (org := self.agent(g, s, ev, kinds=("ORG",))):
                x.add(key, "schema:organizer", org, ev)  # "the next General Assembly of the Union"
        for host in hosts:
            self._host(key, host, s, ev)
        for g in places:
            if place := self.place(g, s, ev):
                x.add(key, "schema:location", place, ev)
        if not self.ex._dates(key, s, "discourse:next-edition", text=clause.text) and years:
            x.add(key, "schema:startDate", Literal(years[0], datatype=XSD.gYear), ev)  # "in spring 2021": the year is sure

    def _hosts(self, tok, verb) -> list:
        """The tokens naming who or where hosts the edition ``tok``: "Tromso will host the 4th Forum",
        "will be hosted by the University of Tartu", "Nairobi was chosen to host the next Congress",
        "chose Nairobi as the venue of the next Congress"."""
        out = []
        if verb.pos_ not in ("VERB", "AUX"):
            return out
        out += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if tok.dep_ == "dobj" and verb.lemma_.lower() in _HOST_VERBS:
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subj and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB":
                # "Nairobi was chosen to host", "the assembly chose Nairobi to host"
                subj = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj")]
            if not subj and verb.dep_ == "acl" and verb.head.lemma_.lower() in _HOST_NOUNS:
                subj = [verb.head]  # "accepted the offer of the Kenya Data Institute to host ...": see _host
            if any(t.lower_ == "it" for t in subj) and verb.dep_ == "conj":
                # "The bid by the city of Hobart won the vote and it will host ...": the first clause's subject
                subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] or subj
            out += subj
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("venue", "host", "site", "location"):
            role = tok.head.head  # "as the venue of the next Congress": the verb's object is the place
            if role.dep_ == "pobj" and role.head.lower_ == "as" and role.head.head.pos_ == "VERB":
                out += [c for c in role.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
        return out

    def _host(self, key: str, tok, s, ev) -> None:
        """The host of an edition: a place is where it meets, a body organises it. "The bid by the
        city of Hobart", "the invitation of the Kenya Data Institute": the one who bid or invited."""
        for _ in range(3):
            if tok._.ckg_kind or tok.lemma_.lower() not in _HOST_NOUNS:
                break
            tok = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
                        for g in c.children if g.dep_ == "pobj"), tok)
        for t in (tok, *(c for c in tok.conjuncts)):
            if t._.ckg_kind in ("CITY", "GPE", "VENUE"):
                if place := self.place(t, s, ev):
                    self.ex.x.add(key, "schema:location", place, ev)
            elif t._.ckg_kind == "ORG" and (org := self.agent(t, s, ev, kinds=("ORG",))):
                self.ex.x.add(key, "schema:organizer", org, ev)
