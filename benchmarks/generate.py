"""Synthetic collabkg graphs of any size, shared by every benchmark.

The generator follows the data contract (docs/CONTRACT-draft.md): organizations with kinds,
countries and sub-organization links (a "Chinese Academy of Sciences" with many CAS bodies among
them); people holding posts (org:Post nodes); agreements between bodies; roundtables and meetings
with delegations of N attendees from a country; projects with sponsors, leaders and partners;
cooperations with focus areas. Every fact lives in the named graph of the (synthetic) source
document that states it, is derived from an evidence node quoting a sentence, and every
entity-to-entity statement is also reified as an ``rdf:Statement`` pointing at its evidence.

Output is deterministic for a given ``(n_triples, seed)`` and has exactly ``n_triples`` quads.
Sizes from 10k to 10M are intended; memory stays bounded (entity IRIs are derived from counters,
never collected).

Examples
--------
>>> quads = list(generate(1000, seed=1))
>>> len(quads)
1000
>>> quads == list(generate(1000, seed=1))
True
>>> from rdflib import URIRef
>>> all(isinstance(q[3], URIRef) for q in quads)
True

From the shell::

    python benchmarks/generate.py --triples 1000000 --out /tmp/bench-1m.nq
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import sys
import time
from pathlib import Path
from typing import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

from collabkg.ontology.namespace import CKG
from collabkg.ontology.prefixes import ID_NS, PREFIXES

__all__ = ["generate", "write", "Quad"]

Quad = tuple  # (subject, predicate, object, graph) of rdflib terms

ORG = "http://www.w3.org/ns/org#"
SCHEMA = PREFIXES["schema"]
O = lambda local: URIRef(ORG + local)  # noqa: E731
S = lambda local: URIRef(SCHEMA + local)  # noqa: E731

# -- vocabulary, resolved once (the closed CKG namespace catches misspellings here) -----------
A = RDF.type
LABEL, ALT = RDFS.label, SKOS.altLabel
KIND, ACRONYM, COUNTRY = CKG.kind, CKG.acronym, CKG.country
DERIVED, VALUE, QUOTED = PROV.wasDerivedFrom, PROV.value, PROV.wasQuotedFrom
ORGANIZATION, SUBORG = O("Organization"), O("subOrganizationOf")
POST, HELDBY, POSTIN, ROLE, ROLECLS = O("Post"), O("heldBy"), O("postIn"), O("role"), O("Role")
ORG_CLASSES = [
    CKG.ResearchInstitute, CKG.ResearchCenter, CKG.University, CKG.GovernmentAgency, CKG.Bureau,
    CKG.Division, CKG.InternationalBody, CKG.TaskGroup, CKG.NationalCommittee, CKG.Academy,
]
ORG_WORDS = {
    CKG.ResearchInstitute: "Institute of",
    CKG.ResearchCenter: "Center for",
    CKG.University: "University of",
    CKG.GovernmentAgency: "Agency for",
    CKG.Bureau: "Bureau of",
    CKG.Division: "Division of",
    CKG.InternationalBody: "International Council for",
    CKG.TaskGroup: "Task Group on",
    CKG.NationalCommittee: "National Committee on",
    CKG.Academy: "Academy of",
}
TOPICS = [
    "Remote Sensing", "Genomics", "Earth Observation", "Atmospheric Research", "Geology",
    "Data Science", "Biodiversity", "Oceanography", "Computer Network Information", "Big Data",
    "Climate", "Hydrology", "Seismology", "Public Health", "Agriculture", "Materials Science",
    "Astronomy", "Polar Research", "Energy", "Water Resources", "Ecology", "Informatics",
]
COUNTRIES = [
    "China", "United States", "Pakistan", "Germany", "France", "Brazil", "India", "Kenya",
    "South Africa", "Japan", "Russia", "United Kingdom", "Mexico", "Egypt", "Australia", "Canada",
    "Nigeria", "Indonesia", "Argentina", "Italy", "Thailand", "Chile", "Ethiopia", "Vietnam",
]
CITIES = [
    ("Beijing", 0), ("Washington", 1), ("Islamabad", 2), ("Berlin", 3), ("Paris", 4),
    ("Brasilia", 5), ("New Delhi", 6), ("Nairobi", 7), ("Pretoria", 8), ("Tokyo", 9),
    ("Boulder", 1), ("Shanghai", 0), ("Wuhan", 0), ("Reston", 1), ("Lahore", 2), ("Cape Town", 8),
]
ROLES = ["Director", "Deputy Director", "President", "Vice President", "Project Officer",
         "Chair", "Secretary General", "Professor", "Head"]
GIVEN = ["Wei", "Ming", "Li", "Yun", "Tao", "Javed", "Sarah", "John", "Anna", "Ravi", "Amara",
         "Carlos", "Yuki", "Olga", "Ahmed", "Grace", "Pierre", "Hans", "Lina", "Kofi"]
FAMILY = ["ZHANG", "WANG", "LI", "BAO", "XUE", "YUN", "Ashraf", "Smith", "Garcia", "Kumar",
          "Okafor", "Tanaka", "Ivanova", "Hassan", "Mensah", "Dubois", "Muller", "Rossi", "Silva"]
METHODS = ["rule:person-title-apposition", "rule:agreement-between", "rule:delegation-count",
           "rule:org-acronym", "rule:suborganization-of", "rule:project-sponsor", "registry"]
DOC_KINDS = ["report", "news", "meeting-notes", "annual-report", "web-page"]
PRECISIONS = [CKG.ExactCount, CKG.ExactCount, CKG.ExactCount, CKG.MoreThan, CKG.AtLeast,
              CKG.Approximate]

XINT, XDATE, XGYEAR, XBOOL = XSD.integer, XSD.date, XSD.gYear, XSD.boolean


def _iri(kind: str, key: str) -> URIRef:
    return URIRef(f"{ID_NS}{kind}/{key}")


class _World:
    """The entity pools, sized from the target triple count; every name derives from an index."""

    def __init__(self, n_triples: int, rng: random.Random):
        self.rng = rng
        scale = max(1, n_triples)
        self.n_orgs = max(30, scale // 90)
        self.n_people = max(20, scale // 120)
        self.n_programs = max(3, scale // 5000)
        self.n_concepts = max(5, min(500, scale // 2000))
        self.n_series = max(2, scale // 20000)
        self.cas = _iri("organization", "chinese-academy-of-sciences")
        # organization i: class, topic, country, parent (parents have lower indices: a forest)
        self._org_cache: dict[int, tuple] = {}

    # organizations ---------------------------------------------------------------------------
    def org(self, i: int) -> tuple:
        """Return (iri, label, acronym, class, country index, parent index or None)."""
        got = self._org_cache.get(i)
        if got is not None:
            return got
        if i == 0:
            got = (self.cas, "Chinese Academy of Sciences", "CAS", CKG.Academy, 0, None)
        else:
            h = int.from_bytes(hashlib.blake2b(b"org%d" % i, digest_size=8).digest(), "big")
            cls = ORG_CLASSES[h % len(ORG_CLASSES)]
            topic = TOPICS[(h >> 8) % len(TOPICS)]
            # about a fifth of all bodies sit under CAS (directly or below a CAS body)
            if (h >> 16) % 5 == 0:
                parent, country = ((h >> 24) % i if i > 1 else 0), 0
                if parent and self.org(parent)[4] != 0:
                    parent = 0
            elif (h >> 16) % 5 == 1 and i > 1:
                parent = (h >> 24) % i
                country = self.org(parent)[4] if parent else (h >> 32) % len(COUNTRIES)
                if parent == 0:
                    country = 0
            else:
                parent, country = None, (h >> 32) % len(COUNTRIES)
            label = f"{ORG_WORDS[cls]} {topic} {i}"
            acronym = "".join(w[0] for w in label.split() if w[0].isupper()) + str(i)
            got = (_iri("organization", f"org-{i}"), label, acronym, cls, country, parent)
        if len(self._org_cache) < 200_000:
            self._org_cache[i] = got
        return got

    def country(self, c: int) -> URIRef:
        return _iri("place", COUNTRIES[c].lower().replace(" ", "-"))

    def person(self, i: int) -> tuple[URIRef, str]:
        name = f"{FAMILY[i % len(FAMILY)]} {GIVEN[(i // len(FAMILY)) % len(GIVEN)]} {i}"
        return _iri("person", f"person-{i}"), name


class _Emitter:
    """Writes one document's quads; reifies entity-to-entity statements with their evidence."""

    def __init__(self, world: _World, doc_no: int):
        self.w = world
        self.rng = world.rng
        self.doc_no = doc_no
        self.g = _iri("document", f"doc-{doc_no}")
        self.out: list[tuple] = []
        self.n_ev = 0
        self.pos = 0
        self.declared: set = set()
        self.seen: set = set()

    def t(self, s, p, o) -> None:
        if (s, p, o) not in self.seen:  # a document graph is a set: no duplicate quads
            self.seen.add((s, p, o))
            self.out.append((s, p, o, self.g))

    def evidence(self, sentence: str, method: str) -> URIRef:
        self.n_ev += 1
        ev = _iri("evidence", f"{self.doc_no:x}-{self.n_ev}")
        start, self.pos = self.pos, self.pos + len(sentence) + 1
        self.t(ev, A, CKG.Evidence)
        self.t(ev, KIND, Literal("evidence"))
        self.t(ev, VALUE, Literal(sentence))
        self.t(ev, QUOTED, self.g)
        self.t(ev, CKG.charStart, Literal(start, datatype=XINT))
        self.t(ev, CKG.charEnd, Literal(start + len(sentence), datatype=XINT))
        self.t(ev, CKG.method, Literal(method))
        return ev

    def rel(self, s, p, o, ev) -> None:
        """An entity-to-entity statement, asserted and reified."""
        self.t(s, p, o)
        self.n_ev += 1
        st = _iri("statement", f"{self.doc_no:x}-{self.n_ev}")
        self.t(st, A, RDF.Statement)
        self.t(st, RDF.subject, s)
        self.t(st, RDF.predicate, p)
        self.t(st, RDF.object, o)
        self.t(st, DERIVED, ev)

    def entity(self, iri, classes, label, kind, ev, extra=()) -> None:
        if iri in self.declared:
            self.t(iri, DERIVED, ev)
            return
        self.declared.add(iri)
        for c in classes:
            self.t(iri, A, c)
        self.t(iri, LABEL, Literal(label))
        self.t(iri, KIND, Literal(kind))
        for p, o in extra:
            self.t(iri, p, o)
        self.t(iri, DERIVED, ev)

    def country(self, c: int, ev) -> URIRef:
        iri = self.w.country(c)
        self.entity(iri, (S("Country"), S("Place")), COUNTRIES[c], "place", ev)
        return iri

    def org(self, i: int, ev, *, with_parent: bool = True) -> URIRef:
        iri, label, acro, cls, country, parent = self.w.org(i)
        if iri in self.declared:
            self.t(iri, DERIVED, ev)
            return iri
        self.entity(iri, (ORGANIZATION, cls), label, "organization", ev,
                    ((ACRONYM, Literal(acro)), (ALT, Literal(acro))))
        c = self.country(country, ev)
        self.rel(iri, COUNTRY, c, ev)
        if with_parent and parent is not None:
            p_iri = self.org(parent, ev, with_parent=False)
            self.rel(iri, SUBORG, p_iri, ev)
        return iri

    def date(self, year: int) -> Literal:
        return Literal(f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}",
                       datatype=XDATE)

    # -- document kinds --------------------------------------------------------------------------
    def header(self, year: int) -> None:
        g, rng = self.g, self.rng
        self.t(g, A, CKG.SourceDocument)
        self.t(g, KIND, Literal("document"))
        self.t(g, DCTERMS.title, Literal(f"Cooperation report {self.doc_no}"))
        self.t(g, LABEL, Literal(f"Cooperation report {self.doc_no}"))
        self.t(g, DCTERMS.publisher, Literal(rng.choice(["CODATA", "CAS", "NSFC", "USGS", "CNIC"])))
        self.t(g, DCTERMS.issued, self.date(year))
        self.t(g, DCTERMS.source, Literal(f"doc-{self.doc_no}.txt"))
        self.t(g, CKG.documentKind, Literal(rng.choice(DOC_KINDS)))
        self.t(g, CKG.contentHash, Literal(hashlib.sha1(b"%d" % self.doc_no).hexdigest()))

    def pick_org(self) -> int:
        rng = self.rng
        # skewed: a few bodies appear in many documents (CAS most of all)
        if rng.random() < 0.08:
            return 0
        n = self.w.n_orgs
        return min(n - 1, int(n * rng.random() ** 2.2))

    def posts(self) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            pi = min(self.w.n_people - 1, int(self.w.n_people * rng.random() ** 1.5))
            person, name = self.w.person(pi)
            oi = self.pick_org()
            role = rng.choice(ROLES)
            olabel = self.w.org(oi)[1]
            ev = self.evidence(f"Dr. {name}, {role} of the {olabel}, attended.",
                               "rule:person-title-apposition")
            o = self.org(oi, ev)
            self.entity(person, (FOAF.Person,), name, "person", ev,
                        ((FOAF.name, Literal(name)), (FOAF.title, Literal("Dr."))))
            post = _iri("post", f"person-{pi}-{role.lower().replace(' ', '-')}-org-{oi}")
            role_iri = _iri("role", role.lower().replace(" ", "-"))
            self.entity(post, (POST,), f"{role}, {olabel}", "post", ev,
                        ((CKG.roleTitle, Literal(role)),))
            self.rel(post, HELDBY, person, ev)
            self.rel(post, POSTIN, o, ev)
            if role_iri not in self.declared:
                self.declared.add(role_iri)
                self.t(role_iri, A, ROLECLS)
                self.t(role_iri, LABEL, Literal(role))
            self.rel(post, ROLE, role_iri, ev)

    def agreement(self, year: int) -> None:
        rng = self.rng
        a, b = self.pick_org(), self.pick_org()
        if a == b:
            b = (a + 1) % self.w.n_orgs
        la, lb = self.w.org(a)[1], self.w.org(b)[1]
        mou = rng.random() < 0.6
        kind = "Memorandum of Understanding" if mou else "Agreement"
        ev = self.evidence(f"The {la} and the {lb} signed a {kind} in {year}.", "rule:agreement-between")
        oa, ob = self.org(a, ev), self.org(b, ev)
        ag = _iri("agreement", f"doc-{self.doc_no}-{a}-{b}")
        classes = (CKG.Agreement, CKG.MemorandumOfUnderstanding) if mou else (CKG.Agreement,)
        status = CKG.Established if rng.random() < 0.8 else CKG.Proposed
        self.entity(ag, classes, f"{kind} between {la} and {lb}", "agreement", ev,
                    ((S("startDate"), self.date(year)), (CKG.status, status)))
        self.rel(ag, CKG.party, oa, ev)
        self.rel(ag, CKG.party, ob, ev)

    def meeting(self, year: int) -> None:
        rng = self.rng
        series_i = rng.randrange(self.w.n_series)
        series = _iri("cooperation", f"series-{series_i}")
        roundtable = rng.random() < 0.5
        city, ci = CITIES[rng.randrange(len(CITIES))]
        ordinal = rng.randint(1, 30)
        ev = self.evidence(f"The {ordinal}th meeting of series {series_i} was held in {city} in {year}.",
                           "rule:meeting")
        ev_iri = _iri("event", f"series-{series_i}-{ordinal}-{year}")
        self.entity(series, (S("EventSeries"), CKG.Cooperation), f"Cooperation series {series_i}",
                    "cooperation", ev, ((S("startDate"), Literal(str(year - 3), datatype=XGYEAR)),))
        city_iri = _iri("place", city.lower().replace(" ", "-"))
        self.entity(city_iri, (S("City"), S("Place")), city, "place", ev)
        self.rel(city_iri, S("containedInPlace"), self.country(ci, ev), ev)
        self.entity(ev_iri, (S("Event"), CKG.Roundtable if roundtable else CKG.Meeting),
                    f"Meeting {ordinal} of series {series_i}", "event", ev,
                    ((S("startDate"), self.date(year)), (CKG.ordinal, Literal(ordinal, datatype=XINT))))
        self.rel(ev_iri, S("location"), city_iri, ev)
        self.rel(ev_iri, S("superEvent"), series, ev)
        for _ in range(rng.randint(2, 3)):
            c = rng.randrange(len(COUNTRIES)) if rng.random() < 0.5 else rng.randrange(2)
            n = rng.randint(5, 80)
            ev_d = self.evidence(f"The delegation of {COUNTRIES[c]} numbered {n}.", "rule:delegation-count")
            d = _iri("delegation", f"series-{series_i}-{ordinal}-{year}-{c}")
            self.entity(d, (CKG.Delegation,), f"{COUNTRIES[c]} delegation", "delegation", ev_d,
                        ((CKG.attendeeCount, Literal(n, datatype=XINT)),
                         (CKG.countPrecision, rng.choice(PRECISIONS))))
            self.rel(d, COUNTRY, self.country(c, ev_d), ev_d)
            self.rel(ev_iri, CKG.delegation, d, ev_d)
        for _ in range(rng.randint(1, 4)):
            self.rel(ev_iri, S("attendee"), self.org(self.pick_org(), ev), ev)
        self.rel(series, CKG.partner, self.org(self.pick_org(), ev), ev)

    def project(self, year: int) -> None:
        rng = self.rng
        pj = rng.randrange(max(10, self.w.n_orgs // 3))
        lead = self.pick_org()
        prog = rng.randrange(self.w.n_programs)
        ev = self.evidence(f"Project {pj} is sponsored by program {prog}, led by {self.w.org(lead)[1]}.",
                           "rule:project-sponsor")
        p_iri = _iri("project", f"project-{pj}")
        prog_iri = _iri("program", f"program-{prog}")
        self.entity(p_iri, (CKG.Project,), f"Project {pj}", "project", ev,
                    ((S("startDate"), Literal(str(year), datatype=XGYEAR)),))
        self.entity(prog_iri, (CKG.FundingProgram, CKG.Program), f"Funding program {prog}", "program", ev)
        self.rel(p_iri, S("sponsor"), prog_iri, ev)
        self.rel(p_iri, CKG.leader, self.org(lead, ev), ev)
        for _ in range(rng.randint(1, 3)):
            self.rel(p_iri, CKG.partner, self.org(self.pick_org(), ev), ev)
        plat = _iri("platform", f"platform-{pj}")
        self.entity(plat, (CKG.Platform,), f"Data platform {pj}", "platform", ev)
        self.rel(p_iri, CKG.builds, plat, ev)
        self.rel(plat, CKG.basedOn, self.org(lead, ev), ev)
        self.rel(p_iri, CKG.cooperatesWith, self.country(rng.randrange(len(COUNTRIES)), ev), ev)
        concept = _iri("concept", f"topic-{rng.randrange(self.w.n_concepts)}")
        cname = TOPICS[int(str(concept).rsplit("-", 1)[1]) % len(TOPICS)]
        self.entity(concept, (SKOS.Concept,), cname, "concept", ev,
                    ((SKOS.inScheme, _iri("scheme", "focus-areas")),))
        self.rel(p_iri, CKG.focusArea, concept, ev)

    def body(self) -> list[tuple]:
        rng = self.rng
        year = rng.randint(2000, 2024)
        self.header(year)
        for _ in range(rng.randint(2, 4)):
            r = rng.random()
            if r < 0.35:
                self.posts()
            elif r < 0.6:
                self.agreement(year)
            elif r < 0.8:
                self.meeting(year)
            else:
                self.project(year)
        return self.out


def generate(n_triples: int, seed: int = 0) -> Iterator[tuple]:
    """Yield exactly ``n_triples`` quads ``(s, p, o, g)`` of rdflib terms, deterministically.

    Parameters
    ----------
    n_triples : int
        How many quads to produce (10k to 10M are the intended sizes; any n >= 0 works).
    seed : int, optional
        Random seed; the same ``(n_triples, seed)`` always gives the same quads in the same order.

    Returns
    -------
    Iterator of tuple
        ``(subject, predicate, object, graph)``; ``graph`` is the IRI of a synthetic source
        document (named graph), which is also described in its own graph.

    Examples
    --------
    >>> from collections import Counter
    >>> kinds = Counter(str(o) for s, p, o, g in generate(5000) if str(p).endswith("#kind"))
    >>> sorted(kinds)
    ['agreement', 'concept', 'cooperation', 'delegation', 'document', 'event', 'evidence', 'organization', 'person', 'place', 'platform', 'post', 'program', 'project']
    """
    if n_triples < 0:
        raise ValueError(f"n_triples must be >= 0, got {n_triples}")
    rng = random.Random(seed)
    world = _World(n_triples, rng)
    emitted, doc = 0, 0
    while emitted < n_triples:
        quads = _Emitter(world, doc).body()
        doc += 1
        for q in quads:
            if emitted >= n_triples:
                return
            yield q
            emitted += 1


# -- N-Quads output --------------------------------------------------------------------------
_ESC = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = str(XSD.string)


def _term(t) -> str:
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        v = '"' + str(t).translate(_ESC) + '"'
        if t.language:
            return f"{v}@{t.language}"
        if t.datatype is not None and str(t.datatype) != _XSD_STRING:
            return f"{v}^^<{t.datatype}>"
        return v
    raise TypeError(f"unsupported term {t!r}")


def write(path: str | Path, n_triples: int, format: str = "nq", seed: int = 0, *,
          progress: bool = False) -> int:
    """Stream ``generate(n_triples, seed)`` to ``path`` as N-Quads (``nq``) or N-Triples (``nt``).

    A ``.gz`` suffix compresses. Returns the number of lines written.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "g.nq")
    >>> write(p, 100)
    100
    >>> import pyoxigraph as ox
    >>> len(list(ox.parse(path=p, format=ox.RdfFormat.N_QUADS)))
    100
    """
    if format not in ("nq", "nt"):
        raise ValueError(f"format must be 'nq' or 'nt', got {format!r}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if path.suffix == ".gz" else open
    n = 0
    t0 = time.perf_counter()
    with opener(path, "wt", encoding="utf-8", newline="\n") as f:
        buf = []
        for s, p, o, g in generate(n_triples, seed):
            if format == "nq":
                buf.append(f"{_term(s)} {_term(p)} {_term(o)} <{g}> .\n")
            else:
                buf.append(f"{_term(s)} {_term(p)} {_term(o)} .\n")
            n += 1
            if len(buf) >= 50_000:
                f.writelines(buf)
                buf.clear()
                if progress:
                    rate = n / (time.perf_counter() - t0)
                    print(f"\r{n:,}/{n_triples:,} quads ({rate:,.0f}/s)", end="", file=sys.stderr)
        f.writelines(buf)
    if progress:
        print(f"\r{n:,}/{n_triples:,} quads in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a synthetic collabkg graph as N-Quads.")
    ap.add_argument("--triples", type=int, required=True, help="number of quads, e.g. 1000000")
    ap.add_argument("--out", required=True, help="output file (.nq, .nt; .gz to compress)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=["nq", "nt"], default=None,
                    help="default: from the suffix (nt for .nt/.nt.gz, otherwise nq)")
    a = ap.parse_args(argv)
    fmt = a.format or ("nt" if a.out.endswith((".nt", ".nt.gz")) else "nq")
    write(a.out, a.triples, fmt, a.seed, progress=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
