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

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.clean import BULLET
from collabkg.loaders.dates import find_dates, names_a_day
from collabkg.loaders.discourse import Discourse
from collabkg.loaders.documents import Document
from collabkg.loaders.facts import Evidence, Extraction, and_list
from collabkg.loaders.lists import no_parents
from collabkg.loaders.mentions import HEADS, ROLE_RE, TITLE_RE, Mention, find_mentions, sentence_spans
from collabkg.loaders.offices import read_public_offices
from collabkg.loaders.participles import read_fronted_participles
from collabkg.loaders import nlp as nlp_module
from collabkg.loaders.nlp import get_pipeline, parse
from collabkg.loaders.registry import Places, Registry, load_places, load_registry, norm
from collabkg.loaders.resolve import ORDINALS, delegation_key, ordinal_value, person_key, series_name_key
from collabkg.loaders.acronym_bodies import acronym_bodies
from collabkg.loaders.addresses import address_mentions, read_addresses
from collabkg.loaders.rosters import (read_joined_bodies, read_on_behalf, read_people_of_a_body, read_rosters, read_speaker_lists,
                                      read_titled_people)
from collabkg.loaders.units import link_prefixed_units

__all__ = ["extract", "Extractor"]

# ontology class (local name) -> (IRI kind, CURIEs to assert)
_CLASS = {
    "Academy": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:Academy"]),
    "NationalCommittee": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:NationalCommittee"]),
    "ResearchInstitute": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:ResearchInstitute"]),
    "ResearchCenter": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:ResearchCenter"]),
    "University": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:University"]),
    "GovernmentAgency": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:GovernmentAgency"]),
    "Bureau": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:Bureau"]),
    "Division": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:Division"]),
    "InternationalBody": ("organization", ["org:Organization", "org:FormalOrganization", "ckg:InternationalBody"]),
    "TaskGroup": ("organization", ["org:Organization", "org:OrganizationalUnit", "ckg:TaskGroup"]),
    "Organization": ("organization", ["org:Organization"]),
    "FundingProgram": ("program", ["ckg:FundingProgram"]),
    "Program": ("program", ["ckg:Program"]),
    "Project": ("project", ["ckg:Project"]),
    "DataInfrastructure": ("infrastructure", ["ckg:DataInfrastructure"]),
    "Platform": ("platform", ["ckg:DataInfrastructure", "ckg:Platform"]),
}


_SERIES_NOUNS = r"Roundtable|Round Table|Forum|Dialogue|Summit|Symposium|Workshop|Conference|Seminar|Colloquium|(?:Summer|Winter|Spring|Autumn|Training|Data|Field) (?:School|Course)"
_COOP_NOUNS = r"Partnership|Cooperation|Collaboration|Programme of Cooperation|Joint Committee"
_EVENT_NOUNS = r"roundtable|round table|meeting|workshop|symposium|conference|seminar|forum|summit|dialogue|colloquium|kick-off|kickoff|(?:summer|winter|spring|autumn|training|data|field) (?:school|course)"
_PEOPLE_NOUNS = r"attendees|participants|members|delegates|experts|scientists|representatives|researchers|officials|people|persons|guests|specialists|delegations?"
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                      "a hundred": 100, "one hundred": 100, "two hundred": 200, "a dozen": 12})
_NUMBER_WORDS_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in _NUMBER_WORDS if w != "zero"), key=len, reverse=True))


def _count(text: str) -> int:
    """A count written in digits or words ("25", "Fourteen", "a hundred")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    return int(t) if t.isdigit() else _NUMBER_WORDS[t]


_QUALIFIERS = {
    "more than": "ckg:MoreThan", "over": "ckg:MoreThan", "upwards of": "ckg:MoreThan",
    "at least": "ckg:AtLeast", "no fewer than": "ckg:AtLeast", "no less than": "ckg:AtLeast",
    "about": "ckg:Approximate", "around": "ckg:Approximate", "approximately": "ckg:Approximate",
    "nearly": "ckg:Approximate", "almost": "ckg:Approximate", "some": "ckg:Approximate", "roughly": "ckg:Approximate",
    "up to": "ckg:Approximate", "close to": "ckg:Approximate",
}
_FOCUS_HEAD = re.compile(r"\b(focus|areas?|topics?|themes?|priorit(?:y|ies)|objectives|goals|scope)\b", re.I)
_PARTICIPANTS_HEAD = re.compile(r"^(?:list\s+of\s+)?(?:participants|attendees|attendance|present|members\s+present|delegates|participating\s+(?:institutions|organi[sz]ations))\b", re.I)
_OUTCOME_HEAD = re.compile(r"\b(success(?:es)?|achievements?|outcomes?|results?|accomplishments?|highlights?|impacts?|deliverables)\b", re.I)


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]

    @property
    def is_bullet(self) -> bool:
        return self.text.startswith(BULLET)


class Extractor:
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
        self.main_cooperation: str | None = None
        self.series: dict[str, str] = {}  # series key -> entity key
        self.day_without_year: set[str] = set()  # events on a day the text names without its year
        self._city_country: dict[str, str] | None = None  # see _city_countries

    # -- helpers --------------------------------------------------------------------------
    def ev(self, s: _Sentence, method: str) -> Evidence:
        return Evidence(s.start, s.end, s.text, method)

    def org(self, m: Mention, ev: Evidence, *, as_cls: str | None = None) -> str | None:
        """The entity of a body mention (registry-resolved), with parent and country facts."""
        if m.label == "GPE":
            key = self.country(m.code, ev)
            if (c := self.places.country_name(m.text)) is not None and c.code == m.code and m.text != c.name:
                self.x.entities[key].alt_labels.add(m.text)  # "the UK", "the U.S.": the names the text uses
            return key
        if m.label == "REGION":
            return self.region(m.code, ev, m.extra.get("country"))
        if m.label != "ORG":
            return None
        entry = m.entry
        name = m.extra.get("name") or m.text
        if entry is None and (m.method == "acronym-use" or (m.text in self.acronyms and m.text.isupper() and m.method != "acronym-definition")):
            # "NDI Polar Laboratory" after "the Nordic Data Institute (NDI)": the body the document named so
            long = self.acronyms.get(m.text) or m.extra.get("long")
            entry = self.registry.lookup(long) if long else None
            name = long or name
        if entry is None and (am := re.fullmatch(r"([A-Z][A-Za-z&-]{1,11})\s+([A-Z][a-z]+)", name)) and am.group(1) in self.acronyms \
                and self.acronyms[am.group(1)].lower().endswith(" " + am.group(2).lower()):
            name = self.acronyms[am.group(1)]  # "PDC Program" after "the Polar Data Commons Program (PDC)": that programme
        if entry is None:
            entry = self.registry.lookup(name)
        if name.endswith(("Groups", "Universities", "Centers", "Centres", "Institutes")) and entry is None:
            return None  # a plural: a kind of body, not one body
        cls = as_cls or (entry.kind if entry else m.cls) or "Organization"
        kind, classes = _CLASS.get(cls, _CLASS["Organization"])
        committee_of, country = (self._national_committee(m, name, ev) if cls == "NationalCommittee" and entry is None
                                 else (None, m.country))
        name_key = name
        if not country and entry is None and (om := re.search(r"\bof\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of))*)$", name)):
            # "the Royal Academy of Letters of Chad", "the Academy of Sciences of the Republic of X": in that country
            c = self.places.country(om.group(1))
            country = c.code if c is not None else None
            short = name[:om.start()].strip()
            if country and _distinctive(short):
                # "the Polar Records Institute of Norway", later "the Polar Records Institute": one body
                name_key = short
        if entry is not None:
            key = f"{kind}/{entry.id}"
            label = entry.name
        else:
            key = f"{kind}/{norm(name_key)}"
            label = re.sub(r"^[“\"]|[”\"]$", "", name)
            if committee_of and country:
                # "CODATA-Japan" = "the Japanese National Committee for CODATA": one body per body and country
                key = f"{kind}/{committee_of.split('/', 1)[1]}-{norm(self.places.countries[country].name).replace(' ', '-')}"
            if m.parent is not None and _is_generic_unit(name):
                # "the Data Center of IGSNRR": one of many data centres; known by its parent too, so it
                # never merges with another body's "Data Center"
                pkey = self.org(m.parent, ev)
                if pkey:
                    key = f"{kind}/{norm(name)}|{pkey.split('/', 1)[1]}"
            if kind in ("program", "project", "platform", "infrastructure") and key not in self.x.entities and len(name.split()) >= 2:
                # "the Data Stewardship Programme" after "CODATA Brazil Data Stewardship Programme": one programme
                longer = [k for k, e in self.x.entities.items() if e.kind == kind and e.entry is None and norm(e.label).endswith(" " + norm(name))]
                if len(longer) == 1:
                    key, label = longer[0], self.x.entities[longer[0]].label
        ent = self.x.entity(key, kind, classes, label, ev, entry=entry)
        if name != label:
            ent.alt_labels.add(name)
        if m.extra.get("alias"):
            ent.alt_labels.add(m.extra["alias"])  # its name in another language
        if m.acronym:
            ent.acronyms.add(m.acronym)
        if m.parent is not None:
            pkey = self.org(m.parent, ev)
            if pkey and pkey.startswith("program/"):
                # "regional centres of excellence (RCoE) of the Polar Data Programme": partners of the programme
                self.x.add(pkey, "ckg:partner", key, Evidence(ev.start, ev.end, ev.quote, "rule:programme-unit"))
            elif pkey:
                rel = "ckg:hostedBy" if m.extra.get("parent_rel") == "hostedBy" else "org:subOrganizationOf"
                self.x.add(key, rel, pkey, Evidence(ev.start, ev.end, ev.quote, "rule:sub-organization" if rel.startswith("org") else "rule:hosted-by"))
        if committee_of:
            self.x.add(key, "ckg:nationalCommitteeOf", committee_of, Evidence(ev.start, ev.end, ev.quote, "rule:national-committee"))
        if country:
            ckey = self.country(country, ev)
            self.x.add(key, "ckg:country", ckey, Evidence(ev.start, ev.end, ev.quote, "rule:org-country"))
        return key

    _COMMITTEE_OF = re.compile(r"\b(?:for|of|to)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|on|for|and))*)")

    def _national_committee(self, m: Mention, name: str, ev: Evidence) -> tuple[str | None, str | None]:
        """A national committee the registry does not know: the key of the international body it
        is the committee of ("... National Committee for CODATA", "CODATA-Japan") and its country
        code ("Kenyan ...", "... of Brazil", "CODATA-Japan"), each None if the name does not say."""
        body = m.extra.get("committee_of")
        if body is None and not re.search(r"\bNational\s+Committee\b", name):
            return None, m.country  # "the Executive Committee of CODATA": a committee of the body, not a national one
        if body is None:
            for bm in self._COMMITTEE_OF.finditer(name):
                words = bm.group(1).split()
                while words and words[-1] in ("of", "on", "for", "and"):
                    words.pop()
                for n in range(len(words), 0, -1):  # "CODATA of Brazil": the longest known name first
                    entry = self.registry.lookup(" ".join(words[:n]))
                    if entry is not None and entry.kind == "InternationalBody":
                        body = Mention(m.start, m.end, " ".join(words[:n]), "ORG", entry.kind, entry=entry)
                        break
                if body is not None:
                    break
        country = m.country
        if not country:
            words = name.split()
            # "South African National Committee ...", "Kenyan National Committee ...", "... of Brazil"
            cands = [" ".join(words[:n]) for n in (2, 1) if len(words) > n]
            if om := re.search(r"\bof\s+(?:the\s+)?([A-Z][\w .'-]+)$", name):
                cands.append(om.group(1))
            c = next((c for c in map(self.places.country, cands) if c is not None), None)
            country = c.code if c else None
        return (self.org(body, ev) if body is not None else None), country

    def country(self, code: str, ev: Evidence | None) -> str:
        c = self.places.countries.get(code)
        name = c.name if c else code
        return self.x.entity(f"place/{code.lower()}", "place", ["schema:Place", "schema:Country"], name, ev).key

    def region(self, name: str, ev: Evidence | None, country: str | None = None) -> str:
        """A region's entity; a state or province of one country (``country``, its ISO code) is in it."""
        key = self.x.entity(f"place/{norm(name)}", "place", ["schema:Place", "ckg:Region"], name, ev).key
        if country and ev is not None:
            self.x.add(key, "schema:containedInPlace", self.country(country, ev), Evidence(ev.start, ev.end, ev.quote, "rule:region-country"))
        return key

    def city(self, name: str, code: str | None, ev: Evidence) -> str:
        """A city's entity, in its country when ``code`` (ISO) is given, or when the document names
        the city with one country elsewhere ("held in Kunming, China ... in Kunming")."""
        code = code or self._city_countries().get(name)
        key = f"place/{norm(name)}-{code.lower()}" if code else f"place/{norm(name)}"
        ent = self.x.entity(key, "place", ["schema:Place", "schema:City"], name, ev)
        if code:
            self.x.add(ent.key, "schema:containedInPlace", self.country(code, ev), Evidence(ev.start, ev.end, ev.quote, "rule:city-country"))
        return ent.key

    def _city_countries(self) -> dict[str, str]:
        """The country of each city this document names with exactly one country ("Kunming, China")."""
        if self._city_country is None:
            seen: dict[str, set[str]] = {}
            for m in self.mentions:
                if m.label == "CITY":
                    code = m.code or ((c := self.places.country_after(self.text, m.end)) and c.code)
                    name = self.places.cities[m.text][0] if m.text in self.places.cities else m.text
                    if code:
                        seen.setdefault(name, set()).add(code)
            self._city_country = {n: next(iter(cs)) for n, cs in seen.items() if len(cs) == 1}
        return self._city_country

    def person(self, m: Mention, ev: Evidence) -> str:
        key = "person/" + person_key(m.text)
        if len(m.text.split()) == 1:
            # "Dr. Klein" after "Dr. Robert Klein": the one person of the document with that name
            same = {person_key(o.text) for o in self.mentions if o.label == "PERSON" and len(o.text.split()) > 1
                    and person_key(m.text) in person_key(o.text).split("-")}
            if len(same) == 1:
                key = "person/" + same.pop()
                ent = self.x.entity(key, "person", ["foaf:Person"], next(o.text for o in self.mentions if o.label == "PERSON" and person_key(o.text) == key[7:]), ev)
                ent.alt_labels.add(f"{m.title} {m.text}" if m.title else m.text)
                return key
        ent = self.x.entity(key, "person", ["foaf:Person"], m.text, ev)
        if m.title:
            ent.alt_labels.add(f"{m.title}{'' if m.title.endswith('.') else '.'} {m.text}" if m.title in ("Dr", "Prof", "Mr", "Ms", "Mrs") else f"{m.title} {m.text}")
            self.x.add(key, "foaf:title", Literal(m.title if m.title.endswith(".") or len(m.title) > 4 else m.title + "."), Evidence(ev.start, ev.end, ev.quote, "rule:person-title"))
        return key

    def lit(self, key: str, pred: str, value: Literal, s: _Sentence, method: str) -> None:
        self.x.add(key, pred, value, self.ev(s, method))

    def rel(self, a: str | None, pred: str, b: str | None, s: _Sentence, method: str) -> None:
        if a and b:
            self.x.add(a, pred, b, self.ev(s, method))

    def mentions_in(self, s: _Sentence, a: int, b: int, labels=("ORG", "GPE", "REGION")) -> list[Mention]:
        return [m for m in s.mentions if a <= m.start and m.end <= b and m.label in labels]

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
            read_titled_people(self, s)
            read_fronted_participles(self, s)
            read_joined_bodies(self, s)
            read_speaker_lists(self, s)
            read_people_of_a_body(self, s)
        read_addresses(self)
        self.list_sections()
        self.discourse = Discourse(self, self.spacy_doc)
        self.discourse.run()  # relations from the parse (loaders/patterns/*.yaml)
        link_prefixed_units(self)
        self._drop_dateless_events()
        self._infrastructures_acting_as_bodies()
        return self.x

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

    # cooperations and event series ------------------------------------------------------
    _COOP_RE = re.compile(
        rf"(?<![\w-])((?:(?:[A-Z][\w.]*(?:[-–][A-Z][\w.]*)*|and)\s+){{0,6}}(?:{_SERIES_NOUNS}|{_COOP_NOUNS})(?:\s+(?:on|for|of|in)\s+(?:[A-Z][\w-]*\s*(?:and\s+|&\s+)?){{1,7}})?)"
    )

    def cooperations(self, s: _Sentence) -> None:
        for m in self._COOP_RE.finditer(s.text):
            name = m.group(1).strip()
            a, b = s.start + m.start(1), s.start + m.end(1)
            if any(o.label == "ORG" and o.start < b and a < o.end for o in s.mentions):
                continue  # "Bureau of International Cooperation": part of a body's name
            words = name.split()
            before = s.text[max(0, m.start() - 25):m.start()]
            while words and words[0] in ("The", "A", "An", "This", "Our", "Its", "and"):
                words = words[1:]
            name = " ".join(words)
            if len(words) < 2 or words[0] in ("Successes", "Of"):
                continue
            last_word = re.search(r"([A-Za-z]+)\s*$", before)
            if (last_word and ordinal_value(last_word.group(1))) or re.search(r"\b\d{1,3}\s?(?:st|nd|rd|th)\s*$", before) \
                    or ordinal_value(words[0]) or re.match(r"\d{1,3}\s?(?:st|nd|rd|th)\b", words[0]):
                continue  # "First US-China Roundtable": one event of a series, read by ordinal_events
            if words[-1] in ("on", "for", "of", "and"):
                continue
            if re.match(rf"\s+(?:{_EVENT_NOUNS}|session|assembly)\b", s.text[m.end(1):], re.I):
                continue  # "Partnership Meeting": an event's name, not a cooperation's
            noun_at = re.search(rf"\b(?:{_SERIES_NOUNS}|{_COOP_NOUNS})\b", name)
            head_words = name[:noun_at.start()].split() if noun_at else words
            complement = bool(re.search(r"\s(?:on|for|of|in)\s+[A-Z]", name[noun_at.end():] if noun_at else ""))
            if not (self._countries_in(name) or complement or len(head_words) >= 2):
                continue  # "Belmont Forum", "Past Roundtables": a body or a heading, not a named cooperation
            series = bool(re.search(_SERIES_NOUNS, name))
            classes = ["ckg:Cooperation"] + (["schema:EventSeries"] if series else [])
            key = f"cooperation/{series_name_key(name, self.places)}"
            ev = self.ev(s, "rule:cooperation-name")
            self.x.entity(key, "cooperation", classes, name, ev)
            if self.main_cooperation is None:
                self.main_cooperation = key
            countries = self._countries_in(name)
            if series:
                self.series[self._series_key(name)] = key
            for code in countries:
                self.x.add(key, "ckg:country", self.country(code, ev), Evidence(ev.start, ev.end, ev.quote, "rule:cooperation-countries"))
            # "..., begun in 2006 ..."
            tail = s.text[m.end():m.end() + 60]
            if y := re.match(r"\s*,?\s*(?:which\s+)?(?:(?:was|is|has\s+been|were)\s+)?(?:first\s+)?(?:begun|began|started|launched|initiated|established|founded|inaugurated|created|set up)\s+in\s+((?:19|20)\d\d)", tail):
                self.lit(key, "schema:startDate", Literal(y.group(1), datatype=XSD.gYear), s, "rule:cooperation-start")
            # "... to enhance the cooperation between A, B and C, D"; "a joint activity of A and B";
            # "organised by A and B"; "connects A at X with B at Y"
            for bm in re.finditer(r"\b(?:(?:cooperation|collaboration|partnership|exchanges?)\s+between|joint\s+(?:activity|initiative|undertaking|programme|program|effort)\s+of|(?:jointly\s+|co-)?(?:organi[sz]ed|convened|run|led|hosted|established|founded|launched|initiated|set\s+up|created|started)(?:\s+in\s+(?:19|20)\d\d)?\s+(?:jointly\s+)?by|connects|links|brings\s+together|unites)\s+(.+?)(?:[.;]|,\s+(?:to|so|which|in order)\b|\s+(?:to|in order to)\s+[a-z]+\b|$)", s.text):
                a = s.start + bm.start(1)
                for pm in no_parents(self.mentions_in(s, a, s.start + bm.end(1), labels=("ORG",)), self, ev):
                    if re.search(r"\b(?:at|within)\s+(?:the\s+)?$", self.text[max(a, pm.start - 12):pm.start]):
                        continue  # "DCC at the University of Edinburgh": the host, not a partner
                    self.rel(key, "ckg:partner", self.org(pm, self.ev(s, "rule:cooperation-partners")), s, "rule:cooperation-partners")

    def _countries_in(self, name: str) -> list[str]:
        codes = []
        for part in re.split(r"[-–\s]+", name):
            c = self.places.country(part.strip("."))
            c = c or self.places.country(part)
            if c and c.code not in codes:
                codes.append(c.code)
        return codes

    def _series_key(self, name: str) -> str:
        noun = re.search(_SERIES_NOUNS, name, re.I)
        return ",".join(sorted(self._countries_in(name))) + "|" + (noun.group(0).lower().replace(" ", "") if noun else "")

    # projects ----------------------------------------------------------------------------
    def projects(self, s: _Sentence) -> None:
        for i, m in enumerate(s.mentions):
            if m.label == "ORG" and m.cls == "Project" and m.method == "quoted-name":
                key = self.org(m, self.ev(s, "rule:quoted-name"))
                self.main_project = self.main_project or key
                # 'National Key R&D Project "International Project on ..."': the program sponsors it
                if i > 0:
                    prev = s.mentions[i - 1]
                    gap = self.text[prev.end:m.start]
                    if prev.label == "ORG" and gap.strip(" \"“”") in ("", "-", ":") and prev.cls in ("FundingProgram", "Program", "Project"):
                        sponsor = self.org(prev, self.ev(s, "rule:program-project"), as_cls="FundingProgram")
                        self.rel(key, "schema:sponsor", sponsor, s, "rule:program-project")

    # posts -------------------------------------------------------------------------------
    _POST_RE = re.compile(rf",?\s*(?:the\s+)?({ROLE_RE})\s+(?:of|from|at|in|with)\s+(?:the\s+)?")

    def posts(self, s: _Sentence) -> None:
        for m in s.mentions:
            if m.label != "PERSON":
                continue
            after = self.text[m.end:s.end]
            role = ROLE_RE + r"(?:\s+for\s+[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*(?=\s+(?:of|at|,)))?"  # "Deputy Vice-Chancellor for Research"
            patterns = [
                r",\s*(?:the\s+)?(" + role + r")(?:\s+(?:of|from|at|in|with)\s+(?:the\s+)?|,\s+)",
                # "Ms. Li Na, a senior engineer at the National ... Center": a post written in lower case
                r",\s*(?:(?:a|an|the)\s+)?((?:(?:senior|chief|principal|deputy|vice|associate|assistant|lead|research|project|programme|program|visiting|postdoctoral|data|software|executive|general)[ -]){0,2}"
                r"(?:engineer|scientist|researcher|professor|director(?:[- ]general)?|officer|manager|fellow|member|advis[eo]r|lecturer|analyst|specialist|coordinator|student|librarian|curator|steward|head|president|chair(?:man|woman|person)?|secretary(?:[- ]general)?|dean|leader))"
                r"\s+(?:of|from|at|in|with)\s+(?:the\s+)?",
                # "Dr Ana Costa, Head of Data Services at the Brazilian Institute ...": a unit in the role title
                r",\s*(?:the\s+)?(" + ROLE_RE + r"\s+of\s+[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*){0,3})\s+(?:at|in|with)\s+(?:the\s+)?",
            ]
            pm = org_m = None
            for pat in patterns:
                pm = re.match(pat, after)
                org_m = next((o for o in s.mentions if pm and o.start == m.end + pm.end() and o.label == "ORG"), None)
                if org_m is not None:
                    break
            if org_m is None:
                continue
            ev = self.ev(s, "rule:person-post-apposition")
            self.add_post(self.person(m, ev), pm.group(1), self.org(org_m, ev), ev)

    def memberships(self, s: _Sentence) -> None:
        """"Dr. Ingrid Solberg of the Norwegian Polar Institute", "Prof. Maria Rossi (University of Bologna)":
        the person belongs to the body in no role the text names (``org:memberOf``). A post in the same
        body (read by :meth:`posts`, which runs first) says more and wins."""
        for m in s.mentions:
            if m.label != "PERSON":
                continue
            after = self.text[m.end:s.end]
            pm = re.match(r"(?:\s+(?:of|from|at)\s+|\s*\(\s*)(?:the\s+)?", after)
            if not pm:
                continue
            at = m.end + pm.end()
            country = next((o for o in s.mentions if o.start == at and o.label == "GPE"), None) if "(" not in pm.group(0) else None
            if country is not None:  # "Dr Ana Lima from Brazil's Ocean Data Center", "from China Alibaba": the body
                cm = re.match(r"(?:['’]s)?\s+(?:the\s+)?", self.text[country.end:s.end])
                at = country.end + cm.end() if cm else at
            org_m = next((o for o in s.mentions if o.start == at and o.label == "ORG"), None)
            if org_m is None:
                continue
            if "(" in pm.group(0) and not re.match(r"\s*(?:\([^)]*\)\s*)?\)", self.text[org_m.end:s.end]):
                # "(Kyoto University, Japan)", "(NPI, Tromsø)": the body and its place; anything else after
                # the body, or an unclosed parenthesis, is not just the body's name
                place = re.match(r",\s*", self.text[org_m.end:s.end])
                at_place = org_m.end + place.end() if place else None
                pl = next((o for o in s.mentions if o.start == at_place and o.label in ("GPE", "CITY", "REGION")), None)
                if pl is None or not re.match(r"\s*\)", self.text[pl.end:s.end]):
                    continue
            ev = self.ev(s, "rule:person-affiliation")
            person, org = self.person(m, ev), self.org(org_m, ev)
            if org is None or any(org in self.x.objects(p, "org:postIn") for p in self.x.objects(person, "org:holds")):
                continue
            self.x.add(person, "org:memberOf", org, ev)

    def add_post(self, person: str, role: str, org: str | None, ev: Evidence) -> None:
        if org is None:
            return
        role = re.sub(r"\s+", " ", role).strip()
        role_key = f"role/{norm(role)}"
        self.x.entity(role_key, "role", ["org:Role"], role, None)
        org_label = self.x.entities[org].label
        post_key = f"post/{norm(role)}|{org.split('/', 1)[1]}|{person.split('/', 1)[1]}"
        self.x.entity(post_key, "post", ["org:Post"], f"{role}, {org_label}", ev)
        self.x.add(post_key, "org:heldBy", person, ev)
        self.x.add(person, "org:holds", post_key, ev)
        self.x.add(post_key, "org:postIn", org, ev)
        self.x.add(post_key, "org:role", role_key, ev)
        self.x.add(post_key, "ckg:roleTitle", Literal(role), ev)

    # meetings ----------------------------------------------------------------------------
    _MEETING_RE = re.compile(rf"\b((?:[\w-]+\s+){{0,2}})({_EVENT_NOUNS})\b(?:\s+(?:of|for|on)\s+)?", re.I)

    def meetings(self, s: _Sentence) -> None:
        if self._ordinal_match(s):
            return  # ordinal events: ordinal_events()
        matches = list(self._MEETING_RE.finditer(s.text))
        if not matches:
            return
        m = matches[0]
        held = re.search(r"\b(?:was|were|has been|had been|is)\s+held\b|\bheld\s+(?:on|in|at)\b|\btook place\b|\bconvened\b"
                         r"|\b(?:held|organi[sz]ed)\s+(?:a|an|its|their|two|three|several)\b", s.text, re.I)
        if not held or re.search(r"\b(?:will|shall|to)\s+be\s+held\b|\b(?:next|upcoming|forthcoming)\s+(?:" + _EVENT_NOUNS + r")", s.text, re.I):
            return  # no event, or one still to come
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

    def _one_meeting(self, s: _Sentence, m: re.Match, a: int, b: int, labels_made: list[str], *, several: bool) -> None:
        """One held meeting of a sentence, its dates and place read from ``s.text[a:b]``."""
        qual = m.group(1).strip().lower()
        qual = re.sub(r"^(?:the|a|an|this|its|another)\s+", "", qual)
        qual = qual.split()[-1] if qual else ""
        if qual in ("the", "a", "an", "this", "its", "another", "and"):
            qual = ""
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

    def _series_named_by(self, noun: str, s: _Sentence) -> str | None:
        """The series "The workshop" means: the last series before ``s`` whose name ends in that noun
        ("the Regional Data Workshop ... The workshop was co-organized by"), else the document's main
        series when its name has the noun or the noun says only "series" / "programme"; None when
        the noun names another kind of event than any series of the document."""
        noun = noun.lower()
        named = [(max((v.start for v in e.evidence if v.start < s.start), default=-1), k) for k, e in self.x.entities.items()
                 if e.kind == "cooperation" and "schema:EventSeries" in e.classes and re.search(rf"\b{re.escape(noun)}\b", e.label, re.I)]
        named = [(at, k) for at, k in named if at >= 0]
        if named:
            return max(named)[1]
        main = self.main_cooperation
        if main is None:
            return None
        if noun in ("series", "partnership", "programme", "program") or re.search(rf"\b{re.escape(noun)}\b", self.x.entities[main].label, re.I):
            return main
        return None if any(e.kind == "cooperation" and "schema:EventSeries" in e.classes for e in self.x.entities.values()) else main

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

    def visits(self, s: _Sentence) -> None:
        """A past visit to a host body: the people and bodies named before the verb are the
        visitors (schema:attendee; "a delegation from NCAR led by Dr. X", "Prof. Y, Director of
        Z,"), the body right after it the host (schema:organizer), with the sentence's date and
        city. No visitor, no host or no date: no visit."""
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
            if not names_a_day(s.text):
                return
            self.day_without_year.add(key)  # "from October 30 to November 4": dated, though no year is given
        self.x.entity(key, "event", ["schema:Event", "ckg:Visit"], label, ev)
        for k in dict.fromkeys(host_keys):
            self.x.add(key, "schema:organizer", k, ev)
        for k in visitors:
            self.x.add(key, "schema:attendee", k, ev)
        self._dates(key, s, "rule:visit")
        self._place(key, s, "rule:visit")

    # attendance counts: "More than 100 participants attended the meeting" ----------------------
    def attendance(self, s: _Sentence) -> None:
        if self._ordinal_match(s) or not re.search(r"\b(?:attend(?:ed|s)?|participants?|participated|brought\s+together|gathered|took\s+part|joined|attendees|delegates)\b", s.text, re.I):
            return
        event = self._event_in(s) or self._event_before(s) or self.main_meeting
        if event is not None:
            self._delegations(event, s, s.start)

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
        anything of, is not kept: "a meeting" alone is no event worth a node."""
        dated = {f.subject for f in self.x.facts if f.predicate == "schema:startDate"} | self.day_without_year
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
        found = [m for m in s.mentions if m.label == "CITY" and a <= m.start and m.end <= b]
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

    # ordinal events: "Third US-China Roundtable (March 23-24, 2009, Qingdao, China): 18 US members ..."
    _ORD_START = re.compile(rf"^(?:{re.escape(BULLET)})?(?:The\s+)?([A-Z][a-z]+|\d{{1,2}}\s?(?:st|nd|rd|th))\s+((?:[A-Z][\w.]*(?:[-–][A-Z][\w.]*)*\s+){{0,5}}(?:{_SERIES_NOUNS}|Meeting|Session|Assembly|Plenary)(?:\s+(?:on|of|for)\s+(?:[A-Z][\w-]*\s*(?:and\s+|&\s+)?){{1,6}})?)(?<!\s)")
    _ORD_ANY = re.compile(rf"\b(?:the\s+)?([A-Za-z]{{4,}}|\d{{1,2}}\s?(?:st|nd|rd|th))\s+((?:[\w.-]+\s+){{0,4}}?(?:{_SERIES_NOUNS.lower()}|{_SERIES_NOUNS}|meeting|session))\b", re.I)

    _TO_COME = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:will|shall|(?:is|are)\s+(?:to|set\s+to|scheduled|planned|expected)|would)\b", re.I)

    def _ordinal_match(self, s: _Sentence):
        """The ordinal and the event name of a sentence that reports one numbered event, or None.

        A numbered event still to come ("The Second ... Workshop will be held in Cape Town in 2024")
        is not one: the model records meetings that took place."""
        m = self._ORD_START.match(s.text)
        if m and ordinal_value(m.group(1)):
            return None if self._TO_COME.match(s.text, m.end()) else m
        for m2 in self._ORD_ANY.finditer(s.text):
            if self._TO_COME.match(s.text, m2.end()):
                continue
            # "... was held / took place ...", "(dates, place)", or "At the Fifth X Roundtable in Y on Z, ..."
            at_start = re.match(r"^(?:At|During)\s+(?:the\s+)?$", s.text[:m2.start() + (4 if m2.group(0)[:4].lower() == "the " else 0)])
            if ordinal_value(m2.group(1)) and (re.search(r"\bheld\b|\btook place\b|\bconvened\b|\(", s.text) or at_start) \
                    and not re.search(r"\b(?:next|upcoming|coming)\b", m2.group(0), re.I):
                return m2
        return None

    def ordinal_events(self, s: _Sentence) -> None:
        m = self._ordinal_match(s)
        if m is None:
            return
        n = ordinal_value(m.group(1))
        name = m.group(2).strip()
        ev = self.ev(s, "rule:ordinal-event")
        series = self.series.get(self._series_key(name))
        if series is None and self.main_cooperation and re.search(_SERIES_NOUNS, name, re.I):
            coop_label = self.x.entities[self.main_cooperation].label
            noun = re.search(_SERIES_NOUNS, name, re.I).group(0).lower()
            if noun in coop_label.lower():
                series = self.main_cooperation
        if series is None and re.search(_SERIES_NOUNS, name) and (self._countries_in(name) or len(name.split()) >= 3):
            # "The Sixth India-US Data Science Roundtable": the series is named by the event without its ordinal
            sname = re.sub(r"^(?:The\s+)", "", name)
            series = self.x.entity(f"cooperation/{series_name_key(sname, self.places)}", "cooperation", ["ckg:Cooperation", "schema:EventSeries"], sname,
                                   self.ev(s, "rule:series-of-ordinal-event")).key
            self.series[self._series_key(sname)] = series
            for code in self._countries_in(sname):
                self.x.add(series, "ckg:country", self.country(code, ev), Evidence(ev.start, ev.end, ev.quote, "rule:cooperation-countries"))
            self.main_cooperation = self.main_cooperation or series
        coop = None
        if series is None and self.main_cooperation:
            # "the first partnership meeting" of the "UK-US Research Data Partnership"
            cm = re.search(rf"\b({_COOP_NOUNS})\b", name, re.I)
            if cm and cm.group(1).lower() in self.x.entities[self.main_cooperation].label.lower():
                coop = self.main_cooperation
        ident = f"{(series or coop).split('/', 1)[1]}|{n}" if (series or coop) else f"{series_name_key(name, self.places)}|{n}"
        key = f"event/{ident}"
        cls = ["schema:Event", "ckg:Roundtable" if re.search("round", name, re.I) else "ckg:Meeting"]
        label = f"{_ORDINAL_WORDS[n - 1] if n <= len(_ORDINAL_WORDS) else str(n) + 'th'} {name}"
        self.x.entity(key, "event", cls, label, ev)
        self.x.add(key, "ckg:ordinal", Literal(n), ev)
        if series:
            self.x.add(key, "schema:superEvent", series, ev)
            self.x.add(key, "ckg:realizes", series, ev) if "ckg:Cooperation" in self.x.entities[series].classes else None
        elif coop or self.main_cooperation:
            # a numbered meeting on a cooperation's page: part of that cooperation
            self.x.add(key, "ckg:realizes", coop or self.main_cooperation, ev)
        par = re.search(r"\(([^)]*)\)", s.text[m.end():])
        if par:
            pa = s.start + m.end() + par.start(1)
            pb = s.start + m.end() + par.end(1)
            self._dates(key, s, "rule:ordinal-event", text=self.text[pa:pb])
            self._place(key, s, "rule:ordinal-event", pa, pb)
            rest_from = s.start + m.end() + par.end()
        else:
            self._dates(key, s, "rule:ordinal-event")
            self._place(key, s, "rule:ordinal-event")
            rest_from = s.start + m.end()
        self._delegations(key, s, rest_from)

    _DELEG_RE = re.compile(
        r"(?:\b(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?\b(\d{1,5}|" + _NUMBER_WORDS_RE + r")\s+(?:(U\.S\.|[A-Z][A-Za-z]+)\s+)?(" + _PEOPLE_NOUNS + r")\b",
        re.I,
    )

    # "40 German and about 35 Chinese scientists": the first count shares the second's noun
    _DELEG_COORD = re.compile(
        r"(?:\b(?i:(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r"))\s+)?\b(\d{1,5})\s+(U\.S\.|[A-Z][A-Za-z]+)\s+"
        r"(?=(?:and|,|as\s+well\s+as)\s+(?:(?i:" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?\d{1,5}\s+(?:U\.S\.|[A-Z][A-Za-z]+)\s+(?i:(" + _PEOPLE_NOUNS + r"))\b)"
    )

    def _delegations(self, event: str, s: _Sentence, a: int) -> None:
        ev = self.ev(s, "rule:delegation-count")
        found = [(dm.start(), dm.group(1), int(dm.group(2)), dm.group(3), dm.group(4), f"{dm.group(0).strip()} {dm.group(4)}")
                 for dm in self._DELEG_COORD.finditer(self.text, a, s.end)]
        for dm in self._DELEG_RE.finditer(self.text, a, s.end):
            if not any(f[0] == dm.start() for f in found):
                found.append((dm.start(), dm.group(1), _count(dm.group(2)), dm.group(3), dm.group(4), dm.group(0)))
        # "including 25 from China", "30 of them from Kenya"
        for dm in re.finditer(r"(?:\b(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?\b(\d{1,5})\s+(?:of\s+them\s+|participants\s+|experts\s+|delegates\s+)?from\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", self.text[a:s.end]):
            who = dm.group(3).rstrip(".")
            if self.places.country(who) and not any(f[0] == a + dm.start() for f in found):
                found.append((a + dm.start(), dm.group(1), int(dm.group(2)), who, "participants", dm.group(0).rstrip(".")))
        for _, qual, count, who, noun, label in sorted(found):
            country = self.places.country(who) if who else None
            if who and country is None and who.lower() not in ("new", "key", "senior", "young", "international", "foreign", "local"):
                continue
            if count == 0:
                continue
            key = delegation_key(event, country.code if country else None)
            if key in self.x.entities and self.x.objects(key, "ckg:attendeeCount"):
                continue  # one count per delegation: the first the text gives
            self.add_delegation(event, self.country(country.code, ev) if country else None, count,
                                _QUALIFIERS[qual.lower()] if qual else "ckg:ExactCount", label, ev)

    def add_delegation(self, event: str, country: str | None, count: int, precision: str, label: str, ev: Evidence) -> str:
        """A delegation at ``event`` (of the country entity ``country``, or of all present) with its
        attendee count and the count's precision (``ckg:ExactCount``, ``ckg:MoreThan`` ...)."""
        key = delegation_key(event, country.split("/", 1)[1] if country else None)
        self.x.entity(key, "delegation", ["ckg:Delegation"], label, ev)
        self.x.add(event, "ckg:delegation", key, ev)
        self.x.add(key, "ckg:attendeeCount", Literal(count), ev)
        self.x.add(key, "ckg:countPrecision", precision, ev)
        if country:
            self.x.add(key, "ckg:country", country, ev)
        return key

    # sponsors ------------------------------------------------------------------------------
    def sponsors(self, s: _Sentence) -> None:
        for m in re.finditer(r"\b(?:(?:sponsored|funded|co-funded|supported|financed|backed)\s+by|(?:support|funding|sponsorship|grants?)\s+(?:was|were|is|are|has\s+been)\s+(?:provided|given|granted)\s+by|(?:funding|financial\s+support|support|grants?)\s+from)\s+(.+?)(?:;|$)", s.text):
            self._sponsor_clause(s, m)

    def _sponsor_clause(self, s: _Sentence, m: re.Match) -> None:
        subject = self._subject(s, m.start()) or self.main_project or self.main_meeting
        if subject is None:
            return
        a, b = s.start + m.start(1), s.start + m.end(1)
        found = self.mentions_in(s, a, b, labels=("ORG",)) + self._unknown_bodies(s, a, b)
        for om in sorted(found, key=lambda o: o.start):
            cls = "FundingProgram" if (om.cls in ("Project", "Program", None) and not om.entry) else None
            sp = self.org(om, self.ev(s, "rule:sponsored-by"), as_cls=cls)
            self.rel(subject, "schema:sponsor", sp, s, "rule:sponsored-by")

    _NAME_RUN = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]*|\d{4})(?:\s+(?:(?:and|&|of|for)\s+)?(?:[A-Z][\w'’-]*|\d{4}))*")

    def _unknown_bodies(self, s: _Sentence, a: int, b: int) -> list[Mention]:
        """Bodies in a list of sponsors or parties that no other rule named: a run of capitalised
        words ("the Belmont Forum", "the Thailand Science Research and Innovation") or an acronym."""
        out = []
        taken = [o for o in s.mentions if o.label in ("ORG", "PERSON", "CITY")]
        runs = []
        for rm in self._NAME_RUN.finditer(self.text, a, b):
            # "CNES and ISRO": two acronyms joined by "and" are two bodies
            parts = re.split(r"(\s+(?:and|&)\s+)", rm.group(0))
            if len(parts) == 3 and (re.fullmatch(r"[A-Z][A-Z&]{1,7}s?", parts[0]) or re.fullmatch(r"[A-Z][A-Z&]{1,7}s?", parts[2])):
                runs.append((rm.start(), rm.start() + len(parts[0]), parts[0]))
                runs.append((rm.end() - len(parts[2]), rm.end(), parts[2]))
            else:
                runs.append((rm.start(), rm.end(), rm.group(0)))
        for rs, re_, name in runs:
            if re.search(r"\b(?:under|through|via|as\s+part\s+of|within|for|to|with|in)\s+(?:the\s+|a\s+|its\s+)?$", self.text[max(a, rs - 16):rs]):
                continue  # "funded by X under Grant Agreement No. 123": not a body of the list
            if re.search(r"\b(?:Agreement|Grant|Award|Contract|No|Number|Call|Project|Programme|Program)\b", name) and len(name.split()) > 1 and not re.search(r"(?:Program|Programme)$", name):
                continue
            if any(o.start < re_ and rs < o.end for o in taken) or self.text[max(0, rs - 1):rs] == "(":
                continue  # named already, or "(NRF)": the acronym of the body before
            if self.places.country(name) or name in self.places.regions or name in self.places.cities:
                continue
            words = name.split()
            before = self.text[max(a, rs - 6):rs]
            if re.search(r"\bof\s+$", before):
                continue  # "... of South Africa": a qualifier of the body before
            if words[0] in ("The", "A", "An", "This", "Its", "Their", "Both", "Dr", "Prof", "Mr", "Ms", "Mrs"):
                continue
            if len(words) >= 2 or re.fullmatch(r"[A-Z][A-Z&]{1,7}s?", name):
                cls = "FundingProgram" if re.search(r"(?:Program|Programme|Fund|Grant|Scheme)$", name) else "Organization"
                out.append(Mention(rs, re_, name, "ORG", cls, method="name-in-list"))
        return out

    def _subject(self, s: _Sentence, before: int) -> str | None:
        head = s.text[:before]
        if re.search(r"\b(?:this|the|our)\s+project\b", head, re.I) and self.main_project:
            return self.main_project
        if re.search(rf"\b(?:this|the)\s+(?:{_EVENT_NOUNS}|event)\b", head, re.I) and self.main_meeting:
            return self.main_meeting
        # "It was organized by A, with support from B": the bodies after "by" are agents, not the subject
        by = re.search(r"\bby\b", head)
        cands = [m for m in s.mentions if m.label == "ORG" and m.end <= s.start + (by.start() if by else before)]
        if cands:
            return self.org(cands[0], self.ev(s, "rule:sentence-subject"))
        if re.match(r"\s*It\s", head) and self.main_meeting and any(
                v.start < s.start for v in self.x.entities[self.main_meeting].evidence):
            return self.main_meeting  # "The workshop took place in Oslo. It was funded by ...": that event
        return None

    # attendees -----------------------------------------------------------------------------
    def attendees(self, s: _Sentence) -> None:
        m = re.search(r"\b(?:(?:attendees|participants|delegates|representatives)\s+(?:include[sd]?|were|came\s+from|are)|attended\s+by|(?:leaders|members|experts|representatives|delegates|delegations|participants|officials|scientists)\s+(?:from|of))\b", s.text, re.I)
        if not m:
            return
        target = None
        if re.search(rf"\b({_EVENT_NOUNS})\b", s.text, re.I) or self.main_meeting:
            target = self._event_in(s) or self._event_before(s) or self.main_meeting
        if target is None:
            return
        for om in self.mentions_in(s, s.start + m.start(), s.end, labels=("ORG",)):
            self.rel(target, "schema:attendee", self.org(om, self.ev(s, "rule:attendees")), s, "rule:attendees")

    # chairs --------------------------------------------------------------------------------
    def chairs(self, s: _Sentence) -> None:
        m = re.search(r"\b(?:chaired|co-chaired|presided\s+over|moderated|hosted)\s+by\s+(?:" + TITLE_RE + r"\s+)?", s.text, re.I)
        person = None
        persons = []
        if m:
            after = [p for p in s.mentions if p.label == "PERSON" and p.start >= s.start + m.start()]
            if after and after[0].start <= s.start + m.end() + 2:
                persons = [after[0]]
                # "co-chaired by A, Director of X, and B": every person named in the by-phrase
                persons += [p for p in after[1:] if re.search(r"\band\s+(?:" + TITLE_RE + r"\s+)?$", self.text[max(s.start, p.start - 20):p.start])]
        else:
            m = re.search(r"\b(chaired|co-chaired|presided over|moderated)\s+(?:the\s+)?", s.text)
            if m:
                before = [p for p in s.mentions if p.label == "PERSON" and p.end <= s.start + m.start()]
                if before:
                    persons = [before[0]] + [p for p in before[1:] if re.search(r"\band\s+(?:" + TITLE_RE + r"\s+)?$", self.text[max(s.start, p.start - 20):p.start])]
        if not m or not persons:
            return
        ev = self.ev(s, "rule:chaired-by")
        if re.search(rf"\b(?:both|all|the\s+two|these)\s+(?:{_EVENT_NOUNS}|session)s?\b", s.text[m.start():], re.I):
            events = [k for k, e in self.x.entities.items() if e.kind == "event"]  # "co-chaired both meetings"
        else:
            events = [self._event_in(s) or self._event_before(s) or self.main_meeting]
        for event in events:
            if event:
                for person in persons:
                    self.x.add(event, "ckg:chair", self.person(person, ev), ev)

    def _event_in(self, s: _Sentence) -> str | None:
        for k, e in self.x.entities.items():
            if e.kind == "event" and any(ev.start == s.start for ev in e.evidence):
                return k
        return None

    # agreements ----------------------------------------------------------------------------
    _AGREE_RE = re.compile(r"\b([Mm]emorand(?:um|a)\s+of\s+[Uu]nderstanding|MoUs?|MOUs?|[Aa]greements?|[Aa]ccords?|[Ll]etters?\s+of\s+[Ii]ntent|LoI)\b")

    def agreements(self, s: _Sentence) -> list[str]:
        made = []
        for m in self._AGREE_RE.finditer(s.text):
            kind_word = m.group(1)
            if re.search(r"\(\s*$", s.text[:m.start()]):
                continue  # "Memorandum of Understanding (MoU)": the acronym of the one just read
            mou = bool(re.match(r"[Mm]emorand|MoU|MOU", kind_word))
            loi = bool(re.match(r"[Ll]etter|LoI", kind_word))
            before = s.text[max(0, m.start() - 80):m.start()]
            after = s.text[m.end():]
            parties: list[str] = []
            one_side: str | None = None  # "A signed agreements with B, C and D": A's, one with each
            signer_span: tuple[int, int] | None = None  # "A of X and B of Y signed ...": who signed
            ev = self.ev(s, "rule:agreement")
            bm = re.match(r"\s*(?:\([^)]*\)\s*)?(?:\s+on\s+[^,;]+?)?\s*(?:(?:was|were|has\s+been|have\s+been|is|are)\s+(?:signed|concluded|renewed|agreed|reached)\s+)?between\s+(.+?)(?:;|,\s*which|,\s*signed|\s+(?:was|were|is|has|had|in|on)\s|\.?$)", after)
            if bm:
                a = s.start + m.end() + bm.start(1)
                b = s.start + m.end() + bm.end(1)
                for pm in no_parents(sorted(self.mentions_in(s, a, b) + [u for u in self._unknown_bodies(s, a, b) if u.text.isupper()],
                                             key=lambda o: o.start)):
                    k = self.org(pm, ev)
                    if k and k not in parties:
                        parties.append(k)
            pair = re.search(r"([A-Z][\w.]*)\s*[-–—]\s*([A-Z][\w.]*)\s+(?:[a-z]+\s+){0,3}$", before)
            if not parties and pair:
                for w in pair.groups():
                    c = self.places.country(w)
                    if c:
                        parties.append(self.country(c.code, ev))
            if not parties:
                # "A signed / has renewed / agreed to sign / will sign / plans to conclude an MoU with B"
                sm = re.search(r"(.+?)\s+(?:have\s+|has\s+)?(?:(?:agreed|agrees|agree|plans?|planned|intends?|intended|decided|will|would|is\s+set|are\s+set|is\s+to|are\s+to|to)\s+(?:to\s+)?)*"
                               r"(?:signed|sign|concluded|conclude|renewed|renew|entered\s+into|enter\s+into|finali[sz]ed|finali[sz]e|draft|prepare|negotiate)\b", s.text[:m.start()])
                wm = re.match(r"\s*(?:\([^)]*\)\s*)?\s+with\s+(?:the\s+)?(.+?)(?=[;.]|,|\s+(?:on|in|at|to|for)\s|$)", after)
                if sm and wm:
                    # "A signed a MoU with B": the parties are the subject's bodies and B
                    wa, wb = s.start + m.end() + wm.start(1), s.start + m.end() + wm.end(1)
                    subject = self.mentions_in(s, s.start, s.start + sm.end(1))
                    if not subject and (ante := self._antecedent(sm.group(1), s)) is not None:
                        subject = [ante]  # "The committee agreed to renew its MoU with B": the committee named before
                    cands = subject + [o for o in s.mentions if wa <= o.start < wb and o.label in ("ORG", "GPE")]
                    own = no_parents(subject)
                    if kind_word.endswith("s") and len(own) == 1:  # "A signed agreements with B, C and D"
                        one_side = self.org(own[0], ev)
                elif sm and re.search(r"\s(?:and|&)\s", sm.group(1)):
                    cands = self.mentions_in(s, s.start, s.start + sm.end(1))  # "A and B signed a MoU"
                    signer_span = (s.start, s.start + sm.end(1))
                else:
                    cands = []
                for pm in no_parents(cands):  # "X of the Academy of Y and Z signed": X and Z, not X's body
                    if re.search(r"\bof\s+(?:the\s+)?$", self.text[max(s.start, pm.start - 8):pm.start]) and pm.label == "GPE":
                        continue  # "INPE of Brazil": the body's country, not a party
                    k = self.org(pm, ev)
                    if k and k not in parties:
                        parties.append(k)
            if len(parties) < 2:
                continue
            groups = [[one_side, p] for p in parties if p != one_side] if one_side in parties and len(parties) > 2 else [parties]
            for parties in groups:
                key = self._agreement(s, m, ev, parties, kind_word, before, after, signer_span)
                made.append(key)
        return made

    def _agreement(self, s: _Sentence, m, ev: Evidence, parties: list[str], kind_word: str, before: str, after: str,
                   signer_span: tuple[int, int] | None) -> str:
        """The agreement of ``parties`` the sentence reports (its kind, topic, status, date, signatories)."""
        mou = bool(re.match(r"[Mm]emorand|MoU|MOU", kind_word))
        loi = bool(re.match(r"[Ll]etter|LoI", kind_word))
        # "proposed", "will sign", "hoped that A and B would sign an agreement next year": not (yet) signed
        proposed = bool(re.search(r"\b(?:proposals?|proposed|draft|planned|to sign|will sign|would sign|could sign|under negotiation"
                                  r"|hope[sd]?\s+(?:that|to)|expect(?:s|ed)?\s+to\s+sign|intends?\s+to\s+sign)\b", s.text[:m.start() + 1], re.I))
        bilateral = bool(re.search(r"\bbilateral\b", before, re.I)) or (len(parties) == 2 and all(p.startswith("place/") for p in parties))
        # "on research data infrastructure in Beijing": the topic ends before a place, date or clause
        topic = re.match(r"\s+(?:on|for|about)\s+([a-z][\w\s-]{2,60}?)(?=$|[,;.]|\s+(?:between|in|at|during|with|by|before|after|until|within|signed|which|that"
                         r"|was|were|is|are|has|have|had|will|would)\b|\s+on\s+(?:\d|[A-Z]))", after)
        if topic and re.match(r"(?:another|a\s+further|a\s+period|the\s+next|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:more\s+)?years?)\b",
                              topic.group(1)):
            topic = None  # "renewed for another five years": how long, not what about
        cls = ["ckg:Agreement"] + (["ckg:MemorandumOfUnderstanding"] if mou else []) + (["ckg:BilateralAgreement"] if bilateral else [])
        names = [self.x.entities[p].short_name for p in parties]
        type_label = "Memorandum of Understanding" if mou else "Letter of Intent" if loi else ("Bilateral agreement" if bilateral else "Agreement")
        label = f"{type_label} between {' and '.join(names)}" + (f" on {topic.group(1).strip()}" if topic else "")
        base = ("mou" if mou else "loi" if loi else "agreement") + "|" + "|".join(sorted(p.split("/", 1)[1] for p in parties))
        ident = base + (f"|{norm(topic.group(1))}" if topic else "")
        key = f"agreement/{ident}"
        # one document naming the same agreement twice, once with its topic: one agreement
        same = [k for k in self.x.entities if k == f"agreement/{base}" or k.startswith(f"agreement/{base}|")]
        if same and key not in self.x.entities:
            key = same[0]
        self.x.entity(key, "agreement", cls, label, ev)
        for p in parties:
            self.x.add(key, "ckg:party", p, ev)
        self.x.add(key, "ckg:status", "ckg:Proposed" if proposed else "ckg:Established", ev)
        dates = [d for d in find_dates(s.text, reference=self.doc.reference_date)]
        signed = re.search(r"\b(?:signed|renewed|concluded|inked)\b", s.text)  # the day it was signed (or renewed)
        if dates and signed:
            d = dates[0]
            self.x.add(key, "dcterms:date", Literal(d.start.year if d.year_only else d.start.isoformat(), datatype=XSD.gYear if d.year_only else XSD.date), ev)
        if signed and not proposed and signer_span is not None:
            # the people who signed, each holding a post in one of the parties
            for pm in self.mentions_in(s, *signer_span, labels=("PERSON",)):
                person = self.person(pm, ev)
                if any(o in parties for p_ in self.x.objects(person, "org:holds") for o in self.x.objects(p_, "org:postIn")):
                    self.x.add(key, "ckg:signatory", person, ev)
        return key

    def _antecedent(self, subject: str, s: _Sentence) -> Mention | None:
        """The body "the committee" / "the institute" refers to: the last one named before ``s`` whose name
        has that head noun ("Pakistan National Committee for CODATA"), or None."""
        m = re.fullmatch(r"\s*(?:The|the|Its|its|Our|our)\s+([a-z]+)\s*", subject)
        noun = m.group(1).capitalize() if m else None
        if noun is None or noun not in HEADS:
            return None
        before = [o for o in self.mentions if o.label == "ORG" and o.end <= s.start and re.search(rf"\b{noun}\b", o.text)]
        return before[-1] if before else None

    # task groups ---------------------------------------------------------------------------
    def task_groups(self, s: _Sentence) -> list[str]:
        made = []
        # a list after a colon or numbered: "Task Groups: (1) A; (2) B" (not "the Task Force Meeting was held")
        m = re.search(r"\b((?:[A-Z][\w-]*\s+)?)(Task|Working|Interest)\s+Groups?\b\s*((?::|(?=\(\d\))).*)$", s.text)
        if not m:
            return made
        kind = m.group(2)
        items_text = m.group(3).lstrip(": ")
        items = [i.strip(" ,;.") for i in re.split(r"\(\d+\)|\b[ivx]+\)|;", items_text) if i.strip(" ,;.")]
        items = [re.sub(r"^(?:and|&)\s+|,?\s+and$", "", i).strip(" ,;.") for i in items]
        items = [i for i in items if i and i[0].isupper() and len(i) < 150]
        if not items:
            return made
        parent = None
        pm = next((o for o in reversed(s.mentions) if o.label == "ORG" and o.end <= s.start + m.start(2) and s.start + m.start(2) - o.end <= 2), None)
        ev = self.ev(s, "rule:task-group-list")
        if pm is not None:
            parent = self.org(pm, ev)
        proposed = bool(re.search(r"\bpropos", s.text[:m.start(2)], re.I))
        for item in items:
            label = item
            ident = f"{(parent or 'organization/').split('/', 1)[1]}|{norm(item)}"
            key = f"organization/{ident}"
            self.x.entity(key, "organization", _CLASS["TaskGroup"][1], label, ev)
            self.x.entities[key].alt_labels.add(f"{kind} Group on {item}")
            if parent:
                self.x.add(key, "org:subOrganizationOf", parent, ev)
            self.x.add(key, "ckg:status", "ckg:Proposed" if proposed else "ckg:Established", ev)
            made.append(key)
        return made

    # platforms -----------------------------------------------------------------------------
    def platforms(self, s: _Sentence) -> list[str]:
        made = []
        for m in re.finditer(r"\b(?:an?|the)\s+((?:[a-z][\w-]*\s+|and\s+){0,5}platform\s+(?:for|of)\s+(?:[a-z][\w-]*\s*){1,6})", s.text):
            label = m.group(1).strip()
            label = re.sub(r"\s+(?:which|that|based|with)$", "", label)
            ev = self.ev(s, "rule:platform")
            key = f"platform/{norm(label)}"
            self.x.entity(key, "platform", _CLASS["Platform"][1], label, ev)
            made.append(key)
            based = re.search(r"\bbased\s+(?:on|at|in)\s+(?:the\s+)?", s.text[m.end():])
            if based:
                pos = s.start + m.end() + based.end()
                bm = next((o for o in s.mentions if o.label == "ORG" and o.start == pos), None)
                if bm:
                    self.x.add(key, "ckg:basedOn", self.org(bm, ev), Evidence(ev.start, ev.end, ev.quote, "rule:platform-based-on"))
            if re.search(r"\b(?:build|develop|establish|create|set up|launch)", s.text[:m.start()], re.I):
                subject = self._subject(s, m.start())
                if subject:
                    self.x.add(subject, "ckg:builds", key, Evidence(ev.start, ev.end, ev.quote, "rule:builds-platform"))
        for om in s.mentions:
            if om.label == "ORG" and om.cls == "Platform":
                key = self.org(om, self.ev(s, "rule:platform"))
                if key:
                    made.append(key)
                    tail = self.text[om.end:om.end + 30]
                    if cm := re.match(r"\s+in\s+", tail):
                        loc = next((g for g in s.mentions if g.label in ("GPE", "CITY") and g.start == om.end + cm.end()), None)
                        if loc:
                            place = self.country(loc.code, self.ev(s, "rule:platform")) if loc.label == "GPE" else self.city(loc.text, loc.code, self.ev(s, "rule:platform"))
                            self.rel(key, "schema:location", place, s, "rule:platform-location")
        return made

    # collaborations with countries and regions --------------------------------------------
    def collaborations(self, s: _Sentence) -> None:
        for m in re.finditer(r"\b(?:collaborations?|cooperation|partnerships?)\s+with\s+(.+?)(?=,\s+(?!and\b)[a-z]|;|\.\s|\.$|$)", s.text):
            subject = self.main_project if re.search(r"\bproject\b", s.text, re.I) and self.main_project else self.main_cooperation
            if subject is None:
                continue
            for pm in self.mentions_in(s, s.start + m.start(1), s.start + m.end(1)):
                self.rel(subject, "ckg:cooperatesWith", self.org(pm, self.ev(s, "rule:collaboration-with")), s, "rule:collaboration-with")
        # "The project, led by the IITM, ...": the leader of the project
        for lm in re.finditer(r"\b(?:led|coordinated|headed)\s+by\s+(?:the\s+)?", s.text):
            if not (self.main_project and re.search(r"\bproject\b", s.text[:lm.start()], re.I)):
                continue
            who = next((o for o in s.mentions if o.start == s.start + lm.end() and o.label in ("ORG", "PERSON")), None)
            if who is not None:
                ev = self.ev(s, "rule:led-by")
                self.x.add(self.main_project, "ckg:leader", self.person(who, ev) if who.label == "PERSON" else self.org(who, ev), ev)
        # "The project partners are A, B and C", "in partnership with A"
        pp = re.search(r"\b(?:project|programme|program)(?:'s)?\s+partners\s+(?:are|were|include|included)\s+(.+)$|\bin\s+partnership\s+with\s+(.+?)(?:[;.]\s|[;.]?$)", s.text)
        target = self.main_project or self.main_cooperation
        if pp and target:
            g = 1 if pp.group(1) else 2
            for pm in self.mentions_in(s, s.start + pp.start(g), s.start + pp.end(g), labels=("ORG",)):
                self.rel(target, "ckg:partner", self.org(pm, self.ev(s, "rule:project-partners")), s, "rule:project-partners")
        # "The roundtable was organised by A and B": the organisers are partners of the series
        om = re.match(rf"(?:The|This|Each)\s+(?:{_SERIES_NOUNS.lower()}|{_SERIES_NOUNS}|series|partnership|programme|program)\s+(?:was|is|were|are|has\s+been)\s+(?:jointly\s+|co-)?(?:organi[sz]ed|convened|run|hosted)\s+(?:jointly\s+)?by\s+(.+)$", s.text)
        series = self._series_named_by(s.text.split()[1], s) if om else None
        if om and series and not self._ordinal_match(s):
            for pm in no_parents(self.mentions_in(s, s.start + om.start(1), s.start + om.end(1), labels=("ORG",)), self, self.ev(s, "rule:organised-by")):
                self.rel(series, "ckg:partner", self.org(pm, self.ev(s, "rule:organised-by")), s, "rule:organised-by")
        # country pairs: "cooperation between China and Pakistan", "Sino-Pakistan partnership"
        pairs = []
        for m in re.finditer(r"\b(?:cooperation|collaboration|partnership|relations)\s+between\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+and\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", s.text):
            pairs.append((m.group(1), m.group(2)))
        for m in re.finditer(r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\s+(?:partnership|cooperation|collaboration|relations)\b", s.text):
            pairs.append((m.group(1), m.group(2)))
        for a, b in pairs:
            ca, cb = self.places.country(a), self.places.country(b)
            if not ca or not cb or ca == cb:
                continue
            codes = sorted([ca.code, cb.code])
            names = [self.places.countries[c].name for c in codes]
            key = f"cooperation/{'-'.join(c.lower() for c in codes)}"
            ev = self.ev(s, "rule:country-cooperation")
            self.x.entity(key, "cooperation", ["ckg:Cooperation"], f"{names[0]}–{names[1]} cooperation", ev)
            for c in codes:
                self.x.add(key, "ckg:partner", self.country(c, ev), ev)

    # bodies located in a country: "Quaid-i-Azam University, Pakistan" (handled on mentions) --
    def located(self, s: _Sentence) -> None:
        for m in s.mentions:
            if m.label == "ORG" and m.country is None and m.entry is None:
                tail = self.text[m.end:m.end + 40]
                if cm := re.match(r"\s+in\s+", tail):
                    loc = next((g for g in s.mentions if g.label == "GPE" and g.start == m.end + cm.end()), None)
                    if loc and m.cls not in ("Platform", "Project", "Program"):
                        key = self.org(m, self.ev(s, "rule:org-country"))
                        if key:
                            self.rel(key, "ckg:country", self.country(loc.code, self.ev(s, "rule:org-country")), s, "rule:org-country")

    # list sections: focus areas and outcomes ------------------------------------------------
    def list_sections(self) -> None:
        i = 0
        ss = self.sentences
        while i < len(ss):
            s = ss[i]
            if s.is_bullet or s.text.endswith((".", "!", "?")) or len(s.text) > 80:
                i += 1
                continue
            j = i + 1
            items = []
            while j < len(ss) and ss[j].is_bullet:
                items.append(ss[j])
                j += 1
            if not items:
                i += 1
                continue
            if _PARTICIPANTS_HEAD.search(s.text):
                self.participants(items)
                i = j
                continue
            subject = self.main_cooperation or self.main_project or self._title_body()
            if subject is None:
                i = j
                continue
            if _OUTCOME_HEAD.search(s.text):
                for it in items:
                    self.outcome(subject, it)
            elif _FOCUS_HEAD.search(s.text):
                scheme_label = f"{self.x.entities[subject].label}: {s.text}"
                scheme = self.x.entity(f"scheme/{norm(scheme_label)}", "scheme", ["skos:ConceptScheme"], scheme_label, self.ev(s, "rule:list-heading")).key
                for it in items:
                    label = it.text[len(BULLET):].strip()
                    ev = self.ev(it, "rule:focus-area-list")
                    c = self.x.entity(f"concept/{norm(label)}", "concept", ["skos:Concept"], label, ev).key
                    self.x.add(c, "skos:inScheme", scheme, ev)
                    self.x.add(subject, "ckg:focusArea", c, ev)
            i = j

    def _title_body(self) -> str | None:
        """The body a page is about, named by its title ("Alliance of ... Organizations"), if any."""
        if not self.sentences:
            return None
        first = self.sentences[0]
        m = next((o for o in first.mentions if o.label == "ORG" and o.start == first.start and o.end == first.end), None)
        return self.org(m, self.ev(first, "rule:page-title-body")) if m is not None and m.cls not in ("Project", "Program", "Platform") else None

    def participants(self, items: list[_Sentence]) -> None:
        """A list under "Participants": each person and body is an attendee of the document's meeting."""
        events = [k for k, e in self.x.entities.items() if e.kind == "event"]
        event = self.main_meeting or (events[0] if len(events) == 1 else None)
        if event is None:
            return
        for it in items:
            ev = self.ev(it, "rule:participant-list")
            for m in it.mentions:
                if m.label == "PERSON":
                    person = self.person(m, ev)
                    self.x.add(event, "schema:attendee", person, ev)
                    if re.search(r"(?:,\s*|\(\s*)(?:Co-?[Cc]hair|Chair(?:man|woman|person)?)\b", it.text):
                        self.x.add(event, "ckg:chair", person, Evidence(ev.start, ev.end, ev.quote, "rule:participant-list-chair"))
                elif m.label == "ORG":
                    self.rel(event, "schema:attendee", self.org(m, ev), it, "rule:participant-list")

    def outcome(self, subject: str, it: _Sentence) -> None:
        label = it.text[len(BULLET):].strip()
        ev = self.ev(it, "rule:outcome-list")
        key = f"outcome/{subject.split('/', 1)[1]}|{norm(label)[:80]}"
        self.x.entity(key, "outcome", ["ckg:Outcome"], label, ev)
        self.x.add(key, "ckg:outcomeOf", subject, ev)
        involved = []
        # what the item's sentence made: agreements, task groups, platforms, programs, bodies
        for k, e in self.x.entities.items():
            if e.kind in ("agreement", "platform", "program", "infrastructure", "project", "organization") and any(v.start == it.start for v in e.evidence):
                involved.append(k)
        for m in it.mentions:
            if m.label == "ORG":
                k = self.org(m, ev)
                if k and k not in involved:
                    involved.append(k)
        for k in involved:
            if k != subject:
                self.x.add(key, "ckg:involves", k, Evidence(ev.start, ev.end, ev.quote, "rule:outcome-involves"))


#: Words a unit's name can be made of without naming any one body ("Data Center", "International Office").
_GENERIC_UNIT_WORDS = {
    "data", "center", "centre", "office", "division", "department", "bureau", "secretariat", "library", "unit",
    "laboratory", "lab", "information", "science", "sciences", "scientific", "research", "international",
    "cooperation", "affairs", "services", "service", "management", "technology", "network", "computing",
    "digital", "resources", "general", "executive", "national", "key", "and", "of", "for", "the", "&",
}


def _distinctive(name: str) -> bool:
    """Whether a body's name says which body it is by itself: a word in it is neither a head noun
    ("Institute"), a generic word ("National", "Science") nor a connector. "Polar Records Institute"
    is; "National Academy of Sciences" is not (one of many, told apart by their countries)."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() not in ("of", "for", "and", "the", "on", "in", "&")]
    return len(words) >= 2 and any(not HEADS.get(w) and w not in _PLAIN_NAME_WORDS and not w.isdigit() for w in words)


_PLAIN_NAME_WORDS = {"National", "International", "Science", "Sciences", "Scientific", "Technology", "Technical", "Research",
                     "Data", "Information", "Academy", "Royal", "State", "Federal", "Central", "General", "Studies", "Arts",
                     "Letters", "Humanities", "Engineering", "Medicine", "Medical", "Natural", "Social", "Higher", "Education",
                     "Republic", "People's", "Islamic", "Democratic", "United", "Council", "Foundation", "Institute"}


def _is_generic_unit(name: str) -> bool:
    """Whether a unit's name is a description any body could use ("Data Center", "Office of International Cooperation").

    >>> _is_generic_unit("Data Center"), _is_generic_unit("BIG Data Center"), _is_generic_unit("Polar Data Centre")
    (True, False, False)
    """
    words = re.findall(r"[\w&]+", name.lower())
    return bool(words) and all(w in _GENERIC_UNIT_WORDS for w in words)


_ORDINAL_WORDS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                  "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
                  "Eighteenth", "Nineteenth", "Twentieth"]


def extract(doc: Document, *, registry: Registry | None = None, places: Places | None = None, nlp=None, known_acronyms: dict[str, str] | None = None,
            spacy_doc=None) -> Extraction:
    """Extract entities and facts from one document.

    ``spacy_doc``: the document's text already parsed by ``nlp`` (e.g. a batch of them with
    ``nlp.pipe``); parsed here when not given. It must be the parse of ``doc.text``.

    ``known_acronyms`` (acronym -> long name, e.g. learned from other documents of the corpus) lets
    a document that only writes "NCX" reach the body another document defined as
    "National Center for X (NCX)".
    """
    registry = registry or load_registry()
    return Extractor(doc, registry, places or load_places(), nlp or get_pipeline(None if registry is None else registry), known_acronyms,
                     spacy_doc).run()
