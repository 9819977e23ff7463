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
from collections import OrderedDict, defaultdict

from collabkg.loaders.discourse_agreements import _Agreements
from collabkg.loaders.discourse_events import _EventReferences
from collabkg.loaders.discourse_facts import _PatternFacts
from collabkg.loaders.discourse_fragments import _PageLines
from collabkg.loaders.discourse_main_event import _MainEvent
from collabkg.loaders.discourse_merges import _EventMerges
from collabkg.loaders.discourse_next_editions import _NextEditions
from collabkg.loaders.discourse_people import _PeopleAtEvents
from collabkg.loaders.facts import Evidence
from collabkg.loaders.relations import PatternSet, mark_tokens

# moved to the modules above; imported here so that the old import paths keep working
from collabkg.loaders.discourse_events import event_key
from collabkg.loaders.discourse_facts import _PREDICATES
from collabkg.loaders.parse_lists import _listed


__all__ = ["Discourse", "event_key"]


class Discourse(_EventReferences, _MainEvent, _PatternFacts, _PeopleAtEvents, _Agreements, _EventMerges, _NextEditions, _PageLines):
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

    def run(self) -> None:
        mark_tokens(self.doc, self.ex.mentions)
        self._find_main()
        self._find_scheduled()
        self._event_acronyms()
        for p, nodes in self.patterns.matches(self.doc):
            self.apply(p, nodes)
        self._events_patterns_miss()
        self._next_editions()
        self._subjectless_participation()
        self._posts_in_own_units()
        self._speakers_from_bodies()
        self._among_were()
        self._present_were()
        self._participant_lists()
        self._programme_lines()
        self._page_lines()
        self._invited_to_announced()
        self._agreements()
        self._dates_of_the_agreement()
        self._merge_events()
        self._name_unnamed_events()


#: compiled pattern sets per vocabulary (one per pipeline), most recently used last; bounded so
#: that a pipeline let go is not kept alive here.
_SETS: OrderedDict[int, tuple[object, PatternSet]] = OrderedDict()
_SETS_SIZE = 4


def _pattern_set(vocab) -> PatternSet:
    hit = _SETS.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        _SETS.move_to_end(id(vocab))
        return hit[1]
    ps = PatternSet(vocab)
    _SETS[id(vocab)] = (vocab, ps)
    while len(_SETS) > _SETS_SIZE:
        _SETS.popitem(last=False)
    return ps
