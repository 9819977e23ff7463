"""Extraction: from a cleaned document to entities and facts, each with the sentence that supports it.

The rules read the genre: pages and news items about scientific-data cooperation. Each rule has a
name (``rule:...``) that the evidence records, so "why do we believe this?" also says how.

The families, in the order they run:

- cooperations and series named in the text ("the UK-US Research Data Partnership, established in
  2016 by A and B"), with countries, start year and partners ("between", "joint activity of",
  "organised by", "connects A with B");
- projects, posts ("X, Director of Y", "X, a senior engineer at Y", "X, Head of
  Data Services at Y"), meetings held on a date ("was held", "took place"; future ones are not events)
  and named events ("The ... Forum was held in ... on ...");
- numbered events of a series ("Third ...", "3rd ...", misspelt "Secnod ...", list items, table rows),
  whose series is made from the event's name when the page does not name it; their dates, places
  and delegations ("40 German and about 35 Chinese scientists", "Fourteen members", "25 from China",
  also in the sentences after the event);
- sponsors ("funded by", "support was provided by"; bodies no other rule named are read from the
  list's capitalised runs), attendees and participant lists, chairs (several, "both meetings"),
  agreements ("MoU between A and B", "A signed a MoU (MoU) with B", "A and B signed", letters of
  intent, proposed bilateral agreements between countries), task groups, platforms, leaders,
  collaborations with countries and regions, project partners;
- list sections: focus areas and outcomes of the page's cooperation, project or body.
- elections read after the patterns ("The Assembly elected A as President, B and C as
  Vice-Presidents"; loaders/elections.py).

Events the text gives no date for are dropped at the end (the model needs a start date).

>>> from collabkg.loaders.documents import Document
>>> from pathlib import Path
>>> import datetime as dt
>>> text = ("Ocean Data Partnership\\n\\n"
...         "Dr. Maria SILVA, Director of the Marine Data Center of the University of Lisbon, "
...         "chaired the kick-off meeting of the partnership, held on May 5.")
>>> x = extract(Document(Path("n.txt"), text, issued=dt.date(2021, 6, 1)))
>>> sorted(e.label for e in x.of_kind("person"))
['Maria SILVA']
>>> [p.label for p in x.of_kind("post")]
['Director, Marine Data Center']
>>> [(f.obj, f.evidence.method) for f in x.facts if f.predicate == "schema:startDate"]
[(rdflib.term.Literal('2021-05-05', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date')), 'rule:meeting-held')]
"""

from __future__ import annotations

from collabkg.loaders import nlp as nlp_module
from collabkg.loaders.acronym_bodies import acronym_bodies
from collabkg.loaders.addresses import address_mentions, read_addresses
from collabkg.loaders.discourse import Discourse
from collabkg.loaders.documents import Document
from collabkg.loaders.elections import read_elections
from collabkg.loaders.extract_agreements import _AgreementRules
from collabkg.loaders.extract_cooperations import _CooperationRules
from collabkg.loaders.extract_counts import _CountRules
from collabkg.loaders.extract_entities import _Entities, _Sentence
from collabkg.loaders.extract_events import _EventRules
from collabkg.loaders.extract_lists import _ListSections
from collabkg.loaders.extract_ordinals import _OrdinalEvents
from collabkg.loaders.extract_participants import _ParticipantRules
from collabkg.loaders.extract_platforms import _PlatformRules
from collabkg.loaders.extract_posts import _PostRules
from collabkg.loaders.facts import Evidence, Extraction
from collabkg.loaders.mentions import find_mentions, sentence_spans
from collabkg.loaders.nlp import get_pipeline, parse
from collabkg.loaders.offices import read_public_offices
from collabkg.loaders.one_off_events import fold_series_into_event, one_off, read_announced_events
from collabkg.loaders.participles import read_fronted_participles
from collabkg.loaders.registry import Places, Registry, load_places, load_registry, norm
from collabkg.loaders.roster_pages import read_roster_pages
from collabkg.loaders.signatory_lists import read_signatory_list
from collabkg.loaders.rosters import (read_joined_bodies, read_on_behalf, read_people_of_a_body, read_rosters, read_speaker_lists,
                                      read_titled_people)
from collabkg.loaders.units import link_prefixed_units

# moved to the modules above; imported here so that the old import paths keep working
from collabkg.loaders.extract_entities import _CLASS


__all__ = ["extract", "Extractor"]


class Extractor(_Entities, _CooperationRules, _PostRules, _EventRules, _OrdinalEvents, _CountRules, _ParticipantRules,
                _AgreementRules, _PlatformRules, _ListSections):
    """Runs the rules over one document. Use :func:`extract`."""

    def __init__(self, doc: Document, registry: Registry, places: Places, nlp, known_acronyms: dict[str, str] | None = None,
                 spacy_doc=None):
        self.doc = doc
        self.text = doc.text
        self.registry = registry
        self.places = places
        self.x = Extraction()
        self.acronyms: dict[str, str] = dict(known_acronyms or {})
        if spacy_doc is not None and spacy_doc.text != self.text:
            raise ValueError(f"{doc.path}: the parse given (spacy_doc) is of another text than the document's; "
                             "parse doc.text, or give no spacy_doc")
        if spacy_doc is None:
            spacy_doc = parse(nlp, self.text, section_chars=min(nlp_module.SECTION_CHARS, nlp.max_length))
        self.spacy_doc = spacy_doc
        self.mentions = address_mentions(self.text, find_mentions(self.text, registry=registry, nlp=nlp, known_acronyms=self.acronyms,
                                                                  doc=spacy_doc, title=doc.title), registry, places)
        self.mentions = sorted(self.mentions + acronym_bodies(self.text, self.mentions, registry, places, self.acronyms), key=lambda m: m.start)
        self.sentences = [
            _Sentence(a, b, self.text[a:b], [m for m in self.mentions if a <= m.start and m.end <= b])
            for a, b in sentence_spans(spacy_doc)
        ]
        self.main_project: str | None = None
        self.main_meeting: str | None = None
        self.headline_event_name: str | None = None  # the name of the event the page's headline is (extract_events.py)
        self.election_body: str | None = None  # the body of the last election read (loaders/elections.py)
        self.election_at: int | None = None    # the start of its sentence
        self.main_cooperation: str | None = None
        self.series: dict[str, str] = {}  # series key -> entity key
        self.day_without_year: set[str] = set()  # events on a day the text names without its year
        self.undated_kept: set[str] = set()  # events the text gives no date for that are kept (a delegation's visit)
        self._city_country: dict[str, str] | None = None  # see _city_countries

    # -- the rules ------------------------------------------------------------------------
    def run(self) -> Extraction:
        self.document_entities()
        for s in self.sentences:
            for m in s.mentions:
                if m.label == "ORG":
                    self.org(m, self.ev(s, f"rule:{m.method}"))
                elif m.label == "PERSON":
                    self.person(m, self.ev(s, f"rule:{m.method}"))
                elif m.label in ("GPE", "REGION"):  # every place the text names is an entity of the graph
                    self.org(m, self.ev(s, f"rule:{m.method}"))
                elif m.label == "CITY":
                    if not m.code and (country := self.places.country_after(self.text, m.end)):
                        m.code = country.code  # "Salzburg, Austria": a city of that country
                    self.city(self.places.cities[m.text][0] if m.text in self.places.cities else m.text, m.code, self.ev(s, f"rule:{m.method}"))
        if self.sentences:
            self.headline_event(self.headline())  # "Workshop on X, 3-5 June 2024, Nairobi": the page's event
            self.minutes_event()  # "Minutes of the 12th Meeting of the Board": the meeting the page records
        for s in self.sentences:
            self.cooperations(s)
        for s in self.sentences:
            self.projects(s)
            self.posts(s)
            read_public_offices(self, s)
            self.meetings(s)
        for s in self.sentences:
            self.memberships(s)  # after every post: a post in the same body says more
        for s in self.sentences:
            self.ordinal_events(s)
            self.attendance(s)
            self.sponsors(s)
            self.attendees(s)
            self.chairs(s)
            self.agreements(s)
            self.task_groups(s)
            self.platforms(s)
            self.collaborations(s)
            self.located(s)
            self.visits(s)
            read_rosters(self, s)
            read_on_behalf(self, s)
            read_signatory_list(self, s)
            read_titled_people(self, s)
            read_fronted_participles(self, s)
            read_joined_bodies(self, s)
            read_speaker_lists(self, s)
            read_people_of_a_body(self, s)
        read_addresses(self)
        self.list_sections()
        read_roster_pages(self)  # "Steering Committee" over "Chair: Dr. A, X" lines: who sits on the page's body
        self.discourse = Discourse(self, self.spacy_doc)
        self.discourse.run()  # relations from the parse (loaders/patterns/*.yaml)
        for s in self.sentences:
            read_elections(self, s)  # after the patterns: the organizer of the assembly, posts read there
        link_prefixed_units(self)
        self._drop_dateless_events()
        self._editions_of_named_series()  # after: a series is no event's of those dropped
        read_announced_events(self)
        self._infrastructures_acting_as_bodies()
        return self.x

    def _editions_of_named_series(self) -> None:
        """An event whose name begins with the name of a series the document reads ("Regional Training
        Course on X for Y", "... 2025" of the series "Regional Training Course on X") is an edition of it
        (``schema:superEvent``, ``rule:series-edition``), unless it is an edition of another already.
        A series named exactly as the one event the text reads of it is that event
        (:mod:`collabkg.loaders.one_off_events`)."""
        series = [(norm(e.label), k) for k, e in self.x.entities.items() if e.kind == "cooperation" and "schema:EventSeries" in e.classes]
        if not series:
            return
        for k, e in list(self.x.entities.items()):
            if e.kind != "event" or not e.evidence:
                continue
            name = norm(e.label)
            same = [sk for sl, sk in series if name == sl and sk in self.x.entities]
            if len(same) == 1 and one_off(self, same[0], k):
                fold_series_into_event(self, same[0], k)
                continue
            if self.x.objects(k, "schema:superEvent"):
                continue
            found = [sk for sl, sk in series if (name.startswith(sl + " ") or name == sl) and sk in self.x.entities]
            if len(found) == 1:
                v = e.evidence[0]
                self.x.add(k, "schema:superEvent", found[0], Evidence(v.start, v.end, v.quote, "rule:series-edition"))

    #: what only a body does: have posts, be party to an agreement, be part of a body
    _BODY_ROLES = {"org:postIn": "obj", "ckg:party": "obj", "org:subOrganizationOf": "both", "org:memberOf": "obj"}

    def _infrastructures_acting_as_bodies(self) -> None:
        """A named archive, network or repository that has a director, signs an agreement or has
        units is a body as well as an infrastructure ("Dr. X, Director-General of the Kenya Data
        Archive"; "the Ocean Data Network and the University of Y signed an MoU"): it keeps its
        node and gains org:Organization, so what it does is kept, not dropped by the shapes."""
        acting = set()
        for f in self.x.facts:
            side = self._BODY_ROLES.get(f.predicate)
            if side is None or not isinstance(f.obj, str):
                continue
            acting.add(f.obj)
            if side == "both":
                acting.add(f.subject)
        for k in acting:
            e = self.x.entities.get(k)
            if e is not None and e.kind in ("infrastructure", "platform") and "org:Organization" not in e.classes:
                e.classes.append("org:Organization")

    def document_entities(self) -> None:
        for s in self.sentences[:3]:
            for m in s.mentions:
                if m.label == "ORG" and m.cls == "Project" and self.main_project is None:
                    self.main_project = self.org(m, self.ev(s, "rule:quoted-name"))


def extract(doc: Document, *, registry: Registry | None = None, places: Places | None = None, nlp=None, known_acronyms: dict[str, str] | None = None,
            spacy_doc=None) -> Extraction:
    """Extract entities and facts from one document.

    ``spacy_doc``: the document's text already parsed by ``nlp`` (e.g. a batch of them with
    ``nlp.pipe``); parsed here when not given. It must be the parse of ``doc.text``.

    ``known_acronyms`` (acronym -> long name, e.g. learned from other documents of the corpus) lets
    a document that only writes "NCX" reach the body another document defined as
    "National Center for X (NCX)".
    """
    nlp = nlp or get_pipeline(registry)
    return Extractor(doc, registry or load_registry(), places or load_places(), nlp, known_acronyms, spacy_doc).run()
