"""One node per event of the document: events merged by name, by owner, without their number,
as generic or described events, and country visits; events the text never names called by what
the document says of them ("Delegation led by A"), and the short names such labels use."""

from __future__ import annotations

import re

from collabkg.loaders.discourse_events import _head, _is_generic, event_key
from collabkg.loaders.facts import and_list
from collabkg.loaders.person_names import is_title


class _EventMerges:
    """Merging and naming the document's events: mixed into Discourse."""

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
        """"Gathered for a celebratory session in X's hall on 9 March, the two networks opened their
        first General Assembly": an event the text only describes ("Celebratory session", an
        adjective and a noun) is the one named event the same sentence reports, unless the sentence
        sets one in the other ("during", "on the sidelines of") or their dates differ."""
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
            x.entities[named[0]].alt_labels.discard(description)  # "Celebratory session" says what it was, it is no name

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


#: offices before a name besides the titles of ``mentions.is_title`` ("Governor Ruiz")
_OFFICE_WORDS = {"Ambassador", "Governor", "Mayor"}
