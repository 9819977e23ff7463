"""Named events the text reads once: an event, not a series of events.

A name with an event noun ("the Andean Geoscience Data Roundtable", "a Summer School on Ocean Data
Rescue") is read by the cooperation rules as a series (``schema:EventSeries``), so that the editions
a text numbers or dates ("the 3rd ...", "... 2024") have a series to belong to. When the text reads
one event of that name and nothing says it recurs, the series is that event:

- "The Andean Geoscience Data Roundtable was held on 1-2 November in Lima": the event the rules read
  takes the series' place (its facts and evidence); no series is left, and the event is no edition
  of itself;
- "... a Summer School on Ocean Data Rescue to be held in Lima in 2026", "the Open Science Workshop
  for Andean Countries, which will be jointly organized by A and B in Quito in October": an event
  still to come (``schema:EventScheduled``, ``rule:announced-event``) with the place and date of the
  clause; what the series rules read as its partners ("organized by A and B") are its organizers;
- "The X Symposium was organised by A" (a reported clause, nothing saying the name recurs): the
  discourse pass makes the event (``discourse_events``), which then takes the series' place.

What says a name recurs, and keeps the series: another edition in the document ("the 3rd X"), a year
or an ordinal written with the name, "annual", "series", "edition", "every year", "previous" in a
sentence that names it, a start the series has ("begun in 2006").

>>> from collabkg.loaders.extract import extract
>>> from collabkg.loaders.documents import Document
>>> from pathlib import Path
>>> text = ("Lima news\\n\\nThe work package includes a Summer School on Ocean Data Rescue "
...         "to be held in Lima in 2026.\\n")
>>> x = extract(Document(path=Path("n.txt"), text=text))
>>> sorted((e.kind, e.label) for e in x.entities.values() if e.kind in ("event", "cooperation"))
[('event', 'Summer School on Ocean Data Rescue')]
>>> key = next(k for k, e in x.entities.items() if e.kind == "event")
>>> sorted(str(f.obj).rsplit("/", 1)[-1] for f in x.facts if f.subject == key and f.predicate in ("schema:location", "schema:eventStatus"))
['lima-pe', 'schema:EventScheduled']
"""

from __future__ import annotations

import re

from rdflib import Literal

from collabkg.loaders.discourse_events import event_key
from collabkg.loaders.extract_events import _SERIES_NOUNS
from collabkg.loaders.facts import Fact
from collabkg.loaders.resolve import ordinal_value

#: words that say a named event recurs: "the annual X", "the X series", "editions of the X"
RECURS = re.compile(r"\b(?:annual|yearly|biennial|triennial|series|editions?|every\s+(?:year|two\s+years)|once\s+a\s+year"
                    r"|previous|last\s+year'?s?)\b", re.I)

#: after an event's name: it is still to come ("to be held", ", which will be jointly organized by")
ANNOUNCED = re.compile(r"\s*,?\s*(?:which\s+|that\s+)?(?:(?:is|are)\s+)?(?:(?:to|will|shall)\s+be|(?:is\s+)?(?:scheduled|planned|expected)\s+to\s+be)"
                       r"\s+(?:jointly\s+|co-?)?(?:held|organi[sz]ed|convened|hosted|run)\b|\s*,?\s*(?:which\s+|that\s+)?will\s+take\s+place\b")

#: the verbs after which the series rules' "partners" organised the event
_ORGANISED = re.compile(r"\b(?:organi[sz]ed|convened|hosted)\s+(?:jointly\s+)?by\b", re.I)


def one_off(ex, series: str, event: str | None) -> bool:
    """Whether the series ``series`` is only the one event ``event`` (None: any event of it yet to
    be made): no other edition, no start date of its own, and no sentence naming it says it recurs."""
    x = ex.x
    if any(f.predicate in ("schema:superEvent", "ckg:realizes") and f.obj == series and f.subject != event for f in x.facts):
        return False
    if any(f.subject == series and isinstance(f.obj, Literal) for f in x.facts):
        return False  # "begun in 2006": a cooperation with a history
    label = x.entities[series].label
    for s in ex.sentences:
        for m in re.finditer(re.escape(label), s.text, re.I):
            before, after = s.text[max(0, m.start() - 30):m.start()], s.text[m.end():m.end() + 12]
            last = re.findall(r"([A-Za-z]+)\s*$", before)
            if RECURS.search(s.text) or re.search(r"\b(?:19|20)\d\d\b|\d(?:st|nd|rd|th)\b", f"{before} {after}") \
                    or (last and ordinal_value(last[0])):
                return False
    return True


def fold_series_into_event(ex, series: str, event: str) -> None:
    """Make the series ``series`` the event ``event``: its facts, names and evidence move to the
    event, which keeps its classes; partners the series rules read after "organized / convened /
    hosted by" are the event's organizers."""
    x = ex.x
    classes = list(x.entities[event].classes)
    x.merge(series, event)
    x.entities[event].classes = classes
    x.facts = [Fact(f.subject, "schema:organizer", f.obj, f.evidence)
               if f.subject == event and f.predicate == "ckg:partner" and f.evidence.method == "rule:cooperation-partners"
               and _ORGANISED.search(f.evidence.quote) else f for f in x.facts]
    if ex.main_cooperation == series:
        ex.main_cooperation = None
    ex.series = {n: k for n, k in ex.series.items() if k != series}


def read_announced_events(ex) -> None:
    """A series no event was read of and nothing says recurs, an event read as still to come, or a
    named event read without a date, named right before "to be held", "which will be organized by"
    and the like (not after "next" or inside a longer name): the one event still to come, with the
    place and date of that clause (see the module)."""
    x = ex.x
    for k, e in list(x.entities.items()):
        series = e.kind == "cooperation" and "schema:EventSeries" in e.classes and one_off(ex, k, None)
        scheduled = e.kind == "event" and "schema:EventScheduled" in x.objects(k, "schema:eventStatus")
        # a named event read without a date ("discussed the X Workshop, which will be organized by ..."): the clause says when
        undated = e.kind == "event" and len(e.label.split()) >= 2 and not x.objects(k, "schema:startDate")
        if not (series or scheduled or undated) or k not in x.entities:
            continue  # an event read as held on a day is not announced again
        for s in ex.sentences:
            m = re.search(rf"(?<![\w-]){re.escape(e.label)}(?![\w-])", s.text)
            if m and re.search(r"(?:\b(?:next|following|another)|\b(?!(?:The|A|An|This|Its|Our|Their)\s)[A-Z][\w-]*)\s+$", s.text[:m.start()]):
                continue  # "the next General Assembly will take place ...": another edition's, or a longer name's end
            am = ANNOUNCED.match(s.text, m.end()) if m else None
            if am is None:
                continue
            end = re.search(r"[;.]\s|[;.]?$", s.text[am.end():])
            a, b = s.start + m.end(), s.start + am.end() + end.start()
            ev = ex.ev(s, "rule:announced-event")
            key = k
            if series:
                key = event_key(e.label)
                if key not in x.entities:
                    noun = re.search(_SERIES_NOUNS, e.label)
                    cls = "ckg:Roundtable" if noun and noun.group(0).startswith("Round") else "ckg:Meeting"
                    x.entity(key, "event", ["schema:Event", cls], e.label, ev)
                elif x.entities[key].kind != "event":
                    break  # the name is another thing's too: left as read
                fold_series_into_event(ex, k, key)
            if "schema:EventScheduled" not in x.objects(key, "schema:eventStatus"):
                x.add(key, "schema:eventStatus", "schema:EventScheduled", ev)
            if not x.objects(key, "schema:location"):
                ex._place(key, s, "rule:announced-event", a, b)
            ex._dates(key, s, "rule:announced-event", text=ex.text[a:b])
            break
