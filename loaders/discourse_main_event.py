"""The main event of a news item: the first event its headline or first sentences name (or one
still to come, in an announcement), and events named by an acronym ("the General Assembly (GA)")."""

from __future__ import annotations

import re

from collabkg.loaders.discourse_events import _ANY_EVENT, _EVENT_CLASS, _head, _is_future, _is_next, event_key


class _MainEvent:
    """The document's main event and event acronyms: mixed into Discourse."""

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
                if tok._.ckg_kind == "EVENT" and tok.pos_ in ("NOUN", "PROPN") and (tok.tag_ not in ("NNS", "NNPS") or tok.text == "Days") \
                        and _is_future(tok) and not _is_next(tok):  # "Open Science Days": one event, named in the plural
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
