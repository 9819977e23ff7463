"""Documents the extractor was not written for: the facts each must yield, and nothing spurious.

Every document in ``docs/`` is read twice: through the extraction API (``extract(read_document(f))``)
and through SPARQL on a store built from all of them (``collabkg.api.build``). Both are turned into
the same plain view (labels, dates, counts), which is compared with ``expected_unseen.EXPECTED``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from collabkg import api
from collabkg.graph.store import Store
from collabkg.loaders.documents import read_document
from collabkg.loaders.emit import document_iri
from collabkg.loaders.extract import extract
from collabkg.loaders.registry import norm
from collabkg.loaders.resolve import person_key
from tests.conftest import rows
from tests.loaders.expected_unseen import EXPECTED

DOCS = Path(__file__).parent / "docs"
NAMES = sorted(EXPECTED)
_SPECIFIC = ("MemorandumOfUnderstanding", "BilateralAgreement", "Agreement")
_RELATION_PREDICATES = ("schema:sponsor", "schema:attendee", "ckg:chair", "schema:about", "ckg:builds", "ckg:basedOn",
                        "org:subOrganizationOf", "ckg:hostedBy", "ckg:country", "ckg:cooperatesWith", "ckg:involves",
                        "ckg:realizes", "ckg:partner", "ckg:leader", "ckg:outcomeOf", "org:memberOf", "schema:organizer",
                        "ckg:nationalCommitteeOf")


def test_every_document_has_expectations():
    assert sorted(p.name for p in DOCS.iterdir() if p.is_file()) == NAMES
    assert {p.suffix for p in DOCS.iterdir()} == {".txt", ".md", ".html"}
    assert len(NAMES) >= 8


# -- the view through the extraction API ---------------------------------------------------------

def _extraction_view(name: str) -> dict:
    doc = read_document(DOCS / name)
    x = extract(doc)
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else k  # noqa: E731
    local = lambda c: c.split(":", 1)[1]  # noqa: E731
    v: dict = dict(
        title=doc.title, issued=doc.issued.isoformat() if doc.issued else None,
        modified=doc.modified.isoformat() if doc.modified else None,
        organizations={e.label for e in x.of_kind("organization")},
        persons={e.label for e in x.of_kind("person")},
        posts=set(), events={}, delegations=set(), agreements=set(), cooperations={}, relations=set(), agreement_dates=set(),
        entities=list(x.entities.values()),
    )
    for p in x.of_kind("post"):
        (person,), (role,), (org,) = x.objects(p.key, "org:heldBy"), x.objects(p.key, "ckg:roleTitle"), x.objects(p.key, "org:postIn")
        v["posts"].add((label(person), str(role), label(org)))
    for e in x.of_kind("event"):
        one = lambda pred: (x.objects(e.key, pred) or [None])[0]  # noqa: E731
        # an event placed at a venue and in a city: the city (a venue alone: the venue)
        locs = x.objects(e.key, "schema:location")
        loc = next((k for k in locs if "schema:City" in x.entities[k].classes), locs[0] if locs else None)
        country = (x.objects(loc, "schema:containedInPlace") or [None])[0] if loc else None
        v["events"][e.label] = dict(
            start=str(one("schema:startDate")) if one("schema:startDate") is not None else None,
            end=str(one("schema:endDate")) if one("schema:endDate") is not None else None,
            ordinal=int(one("ckg:ordinal")) if one("ckg:ordinal") is not None else None,
            city=label(loc) if loc else None, country=label(country) if country else None,
            series=label(one("schema:superEvent")) if one("schema:superEvent") else None,
            inferred=bool(one("ckg:dateInferred")),
        )
        for d in x.objects(e.key, "ckg:delegation"):
            c = x.objects(d, "ckg:country")
            v["delegations"].add((e.label, label(c[0]) if c else None, int(x.objects(d, "ckg:attendeeCount")[0]),
                                  local(x.objects(d, "ckg:countPrecision")[0])))
    for a in x.of_kind("agreement"):
        kind = next(k for k in _SPECIFIC if f"ckg:{k}" in a.classes)
        v["agreements"].add((kind, frozenset(label(p) for p in x.objects(a.key, "ckg:party")), local(x.objects(a.key, "ckg:status")[0])))
        v["agreement_dates"] |= {str(d) for d in x.objects(a.key, "dcterms:date")}
    for c in x.of_kind("cooperation"):
        start = x.objects(c.key, "schema:startDate")
        v["cooperations"][c.label] = dict(
            start=str(start[0]) if start else None,
            countries={label(k) for k in x.objects(c.key, "ckg:country")},
            partners={label(k) for k in x.objects(c.key, "ckg:partner")},
            focus={label(k) for k in x.objects(c.key, "ckg:focusArea")},
            outcomes=sum(1 for f in x.facts if f.predicate == "ckg:outcomeOf" and f.obj == c.key),
        )
    for f in x.facts:
        if f.predicate in _RELATION_PREDICATES and isinstance(f.obj, str) and f.obj in x.entities:
            v["relations"].add((label(f.subject), f.predicate, label(f.obj)))
    return v


# -- the same view through SPARQL on the built store ---------------------------------------------

@pytest.fixture(scope="module")
def unseen_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("unseen")
    report = api.build([DOCS], store=d / "store", out=d / "out")
    assert report.exit_code == 0, report.problems
    assert all(r.status == "added" for r in report.documents), [(r.path, r.status) for r in report.documents]
    st = Store(d / "store")
    yield st
    st.close()


def _sparql_view(st: Store, name: str) -> dict:
    g = f"<{document_iri(read_document(DOCS / name))}>"

    def q(body: str) -> list[dict]:
        return rows(st, f"SELECT * WHERE {{ GRAPH {g} {{ {body} }} }}")

    meta = q(f"{g} a ckg:SourceDocument . OPTIONAL {{ {g} dcterms:title ?t }} OPTIONAL {{ {g} dcterms:issued ?i }} OPTIONAL {{ {g} dcterms:modified ?m }}")[0]
    v: dict = dict(title=meta["t"], issued=meta["i"], modified=meta["m"],
                   organizations={r["l"] for r in q("?o a org:Organization ; rdfs:label ?l .")},
                   persons={r["l"] for r in q("?p a foaf:Person ; foaf:name ?l .")},
                   posts={(r["n"], r["r"], r["o"]) for r in q("?post a org:Post ; org:heldBy/foaf:name ?n ; ckg:roleTitle ?r ; org:postIn/rdfs:label ?o .")},
                   events={}, delegations=set(), agreements=set(), cooperations={}, relations=set(), agreement_dates=set())
    for r in q("""?e a schema:Event ; rdfs:label ?l ; schema:startDate ?s .
                  OPTIONAL { ?e schema:endDate ?end } OPTIONAL { ?e ckg:ordinal ?n } OPTIONAL { ?e ckg:dateInferred ?inf }
                  OPTIONAL { ?e schema:location ?loc . ?loc rdfs:label ?city . OPTIONAL { ?loc schema:containedInPlace/rdfs:label ?country }
                             OPTIONAL { ?loc a schema:City BIND(true AS ?isCity) } }
                  OPTIONAL { ?e schema:superEvent/rdfs:label ?series }"""):
        if r["l"] in v["events"] and not r.get("isCity"):
            continue  # an event at a venue in a city: the city, as in the extraction view
        v["events"][r["l"]] = dict(start=r["s"], end=r["end"], ordinal=int(r["n"]) if r["n"] else None, city=r["city"],
                                   country=r["country"], series=r["series"], inferred=r["inf"] == "true")
    for r in q("""?e a schema:Event ; rdfs:label ?l ; ckg:delegation ?d . ?d a ckg:Delegation ; ckg:attendeeCount ?c ; ckg:countPrecision ?p .
                  OPTIONAL { ?d ckg:country/rdfs:label ?k }"""):
        v["delegations"].add((r["l"], r["k"], int(r["c"]), r["p"].rsplit("#", 1)[1]))
    agreements: dict[str, dict] = {}
    for r in q("?a a ckg:Agreement ; a ?cls ; ckg:party/rdfs:label ?p ; ckg:status ?s . OPTIONAL { ?a dcterms:date ?d }"):
        a = agreements.setdefault(r["a"], dict(classes=set(), parties=set(), status=r["s"].rsplit("#", 1)[1]))
        a["classes"].add(r["cls"].rsplit("#", 1)[-1])
        a["parties"].add(r["p"])
        if r["d"]:
            v["agreement_dates"].add(r["d"])
    for a in agreements.values():
        v["agreements"].add((next(k for k in _SPECIFIC if k in a["classes"]), frozenset(a["parties"]), a["status"]))
    for r in q("?c a ckg:Cooperation ; rdfs:label ?l . OPTIONAL { ?c schema:startDate ?s }"):
        c = r["c"]
        objs = lambda p, lp="rdfs:label": {x["l"] for x in q(f"<{c}> {p}/{lp} ?l .")}  # noqa: E731
        v["cooperations"][r["l"]] = dict(
            start=r["s"], countries=objs("ckg:country"), partners=objs("ckg:partner"), focus=objs("ckg:focusArea", "skos:prefLabel"),
            outcomes=len(q(f"?o a ckg:Outcome ; ckg:outcomeOf <{c}> .")))
    for pred in _RELATION_PREDICATES:
        for r in q(f"?s {pred} ?o . ?s rdfs:label ?sl . ?o rdfs:label ?ol . FILTER(isIRI(?o))"):
            v["relations"].add((r["sl"], pred, r["ol"]))
    # every relation is reified with evidence quoted from this document
    missing = q("""?s ?p ?o . ?s ckg:kind ?k . ?o ckg:kind ?k2 . FILTER(?p != rdf:type)
                   FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev .
                                       ?ev prov:value ?quote ; prov:wasQuotedFrom ?doc }""")
    assert missing == [], f"{name}: relations without evidence: {missing[:3]}"
    return v


# -- comparing a view with the expectations -------------------------------------------------------

def _check(view: dict, exp: dict, name: str) -> None:
    for key in ("title", "issued", "modified"):
        assert view[key] == exp[key], f"{name}: {key}"
    assert view["organizations"] == exp["organizations"], f"{name}: organizations"
    assert view["persons"] == exp["persons"], f"{name}: persons"
    assert view["posts"] == exp["posts"], f"{name}: posts"
    assert set(view["events"]) == set(exp["events"]), f"{name}: events"
    for label, want in exp["events"].items():
        got = view["events"][label]
        for k, val in want.items():
            assert got[k] == val, f"{name}: event {label!r} {k}"
        if "inferred" not in want:
            assert got["inferred"] is False, f"{name}: event {label!r} date is written in full"
    assert view["delegations"] == exp["delegations"], f"{name}: delegations"
    assert view["agreements"] == exp["agreements"], f"{name}: agreements"
    if "agreement_dates" in exp:
        assert view["agreement_dates"] == exp["agreement_dates"], f"{name}: agreement dates"
    assert set(view["cooperations"]) == set(exp["cooperations"]), f"{name}: cooperations"
    for label, want in exp["cooperations"].items():
        got = view["cooperations"][label]
        assert got["start"] == want["start"], f"{name}: {label} start"
        assert got["countries"] == want["countries"], f"{name}: {label} countries"
        assert want["partners"] <= got["partners"], f"{name}: {label} partners"
        assert got["focus"] == want["focus"], f"{name}: {label} focus areas"
        assert got["outcomes"] == want["outcomes"], f"{name}: {label} outcomes"
    for body, n in exp.get("outcomes_of", {}).items():
        assert sum(1 for r in view["relations"] if r[1:] == ("ckg:outcomeOf", body)) == n, f"{name}: outcomes of {body}"
    missing = exp["relations"] - view["relations"]
    assert not missing, f"{name}: missing relations {sorted(missing)}"


@pytest.mark.parametrize("name", NAMES)
def test_extraction_yields_the_expected_facts(name):
    _check(_extraction_view(name), EXPECTED[name], name)


@pytest.mark.parametrize("name", NAMES)
def test_built_store_answers_the_expected_facts(unseen_store, name):
    _check(_sparql_view(unseen_store, name), EXPECTED[name], name)


def test_built_store_conforms_to_the_shapes(unseen_store):
    result = api.validate(unseen_store)
    assert result.conforms, str(result)[:2000]


# -- nothing spurious -----------------------------------------------------------------------------

#: Capitalised words of pages that are not parts of a person's name.
_NOT_NAME_WORDS = {
    "Select", "Page", "Home", "News", "Menu", "Search", "Skip", "Content", "Share", "Print", "Find", "More", "Read",
    "Cookie", "Cookies", "Accept", "All", "Privacy", "Policy", "Terms", "Use", "Contact", "About", "Us", "Related",
    "Links", "Meeting", "Report", "Project", "The", "Kick", "Off", "Key", "Achievements", "Priority", "Themes", "Focus",
    "Areas", "Outcomes", "Past", "Roundtables", "Roundtable", "Work", "Packages", "Data", "Science", "Space", "Earth",
    "Director", "President", "Dean", "Head", "Professor", "University", "Institute", "Center", "Centre", "Agency",
    "Memorandum", "Understanding", "Letter", "Intent", "Workshop", "Forum", "Partnership", "Sino", "German", "Chinese",
    "Participants", "Representatives", "During", "Under", "Posted", "Published", "Sitemap", "Accessibility", "Copyright",
}
_NAV_WORDS = {"home", "menu", "cookie", "cookies", "privacy", "share", "page", "news", "contact", "skip", "search",
              "sitemap", "accessibility", "copyright", "subscribe", "login", "terms", "posted", "related", "links"}
_SENTENCE_STARTS = {"The", "A", "An", "And", "This", "These", "During", "Under", "In", "On", "At", "By", "For", "From",
                    "With", "Participants", "Representatives", "Memorandum", "Letter", "Establishment", "Support",
                    "Launch", "Publication", "All", "Both", "Its", "Their", "It", "Dr", "Prof", "Mr", "Ms"}


@pytest.mark.parametrize("name", NAMES)
def test_nothing_spurious(name):
    v = _extraction_view(name)
    for person in v["persons"]:
        words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", person)  # "Min-jun": one word
        assert not set(words) & _NOT_NAME_WORDS, f"{name}: person made of ordinary words: {person!r}"
        assert all(w[0].isupper() or w in ("de", "van", "von", "da", "der", "del", "di", "du", "la", "le") for w in words), person
    bodies = [e for e in v["entities"] if e.kind in ("organization", "program", "project", "infrastructure")]
    for e in bodies:
        words = e.label.split()
        assert not {w.lower().strip(".,") for w in words} & _NAV_WORDS, f"{name}: body made of navigation text: {e.label!r}"
        assert words[0] not in _SENTENCE_STARTS, f"{name}: body named from a sentence's first word: {e.label!r}"
        assert e.label[0].isupper() or e.label[0].isdigit(), f"{name}: body not a name: {e.label!r}"
    # one body named two ways (full name and acronym, with or without "the", a country prefix) is one entity
    seen: dict[str, str] = {}
    for e in bodies:
        for form in {e.label, *e.alt_labels, *e.acronyms}:
            k = norm(re.sub(r"^(?:U\.S\.|US|UK)\s+", "", form))
            assert seen.setdefault(k, e.key) == e.key, f"{name}: {form!r} names two entities: {seen[k]} and {e.key}"
    for e in bodies:
        assert not (e.label.isupper() and any(e.label in o.acronyms for o in bodies if o is not e)), f"{name}: acronym {e.label} apart from its body"
    # one person named two ways ("Dr. Hiroshi Yamakawa", "YAMAKAWA Hiroshi", "Dr. Klein") is one entity
    keys = [person_key(p) for p in v["persons"]]
    assert len(keys) == len(set(keys))
    for p in v["persons"]:
        if len(p.split()) == 1:
            assert not any(p.lower() in q.lower().split() for q in v["persons"] if q != p), f"{name}: {p!r} is also a full name"
    # no entity of any kind is labelled with navigation or cookie text
    for e in v["entities"]:
        assert not re.search(r"(?i)\b(?:cookies?|privacy policy|all rights reserved|select page|skip to)\b", e.label), e.label


def test_one_person_in_two_name_orders_is_one_entity():
    v = _extraction_view("brazil-japan-mou-news.html")
    person = next(e for e in v["entities"] if e.kind == "person" and e.label == "YAMAKAWA Hiroshi")
    assert {"Dr. Hiroshi Yamakawa", "Dr. YAMAKAWA Hiroshi"} <= person.alt_labels


def test_a_surname_alone_is_the_full_name_met_before():
    v = _extraction_view("nasa-esa-letter-of-intent.md")
    klein = next(e for e in v["entities"] if e.kind == "person" and e.label == "Robert Klein")
    assert "Dr. Klein" in klein.alt_labels
    assert any(ev.quote.startswith("Dr. Klein stressed") or "Dr. Klein stressed" in ev.quote for ev in klein.evidence)
