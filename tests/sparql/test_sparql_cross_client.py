"""The same queries through every client give the same answer, and the right one.

Every bundled ``.rq`` query plus counts, FROM, FROM NAMED, CONSTRUCT, DESCRIBE and ASK run
through the CLI (``collabkg sparql --format json``), the API (:func:`collabkg.graph.sparql.query`),
the endpoint via SPARQLWrapper and via rdflib's ``SPARQLStore``; each answer must equal, as a
multiset of rows (or a set of triples), the answer of rdflib's own engine on a ``Dataset`` of the
same TriG whose default graph is the set union of its graphs.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from collabkg.cli import cli
from collabkg.graph import sparql as sq
from collabkg.graph.endpoint import Endpoint
from collabkg.graph.store import Store
from collabkg.ontology.prefixes import PREFIXES

DATA = Path(__file__).parent / "data"
DOC = "https://w3id.org/collabkg/id/document/codata-china-us-roundtable"
DOC2 = "https://w3id.org/collabkg/id/document/big-omics-data-sharing-initiating-meeting"
BAO = "https://w3id.org/collabkg/id/person/bao-yiming"

EXTRA = {
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "count-distinct-subjects": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
    "organizations": "SELECT ?o WHERE { ?o a org:Organization }",
    "all-triples": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
    "from": f"SELECT ?s ?p ?o FROM <{DOC}> WHERE {{ ?s ?p ?o }}",
    "from-named": f"SELECT ?g ?s WHERE {{ GRAPH ?g {{ ?s a foaf:Person }} }}",
    "from-named-one": f"SELECT ?g ?s FROM NAMED <{DOC2}> WHERE {{ GRAPH ?g {{ ?s a foaf:Person }} }}",
    "from-named-other": f"SELECT ?g ?s FROM NAMED <{DOC}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "graph-counts": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "construct": "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }",
    "construct-from": f"CONSTRUCT {{ ?s ?p ?o }} FROM <{DOC}> WHERE {{ ?s ?p ?o }}",
    "describe": f"DESCRIBE <{BAO}>",
    "ask-true": "ASK { ?s a foaf:Person }",
    "ask-false": "ASK { ?s a <http://ex/Nothing> }",
}


def _queries() -> dict[str, str]:
    out = {name: sq.load_query(name) for name in sq.named_queries()}
    out.update(EXTRA)
    return out


QUERIES = _queries()
_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def key(term) -> tuple:
    """A comparable form of an rdflib term or a SPARQL JSON binding."""
    if term is None:
        return ("unbound",)
    if isinstance(term, dict):
        t = term["type"]
        if t == "uri":
            return ("uri", term["value"])
        if t == "bnode":
            return ("bnode",)
        dt = term.get("datatype", "http://www.w3.org/2001/XMLSchema#string" if "xml:lang" not in term else "")
        return ("literal", term["value"], dt, term.get("xml:lang", "").lower())
    if isinstance(term, URIRef):
        return ("uri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    dt = str(term.datatype) if term.datatype else ("" if term.language else "http://www.w3.org/2001/XMLSchema#string")
    return ("literal", str(term), dt, (term.language or "").lower())


def rows_from_json(doc: dict):
    if "boolean" in doc:
        return doc["boolean"]
    names = doc["head"]["vars"]
    return Counter(tuple(key(b.get(v)) for v in names) for b in doc["results"]["bindings"])


def rows_from_rdflib(res):
    if res.type == "ASK":
        return bool(res.askAnswer)
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return {(key(s), key(p), key(o)) for s, p, o in res.graph}
    names = [str(v) for v in res.vars]
    return Counter(tuple(key(row[v]) for v in names) for row in res)


def triples_of(g: Graph):
    return {(key(s), key(p), key(o)) for s, p, o in g}


def kind(text: str) -> str:
    return sq.query_kind(text)


@pytest.fixture(scope="module")
def reference():
    ds = Dataset(default_union=True)
    ds.parse(DATA / "sample.trig", format="trig")
    return ds


@pytest.fixture(scope="module")
def served(mini_path):
    ep = Endpoint(mini_path, port=0, max_rows=1_000_000, max_concurrent=2, timeout=60).start()
    yield ep
    ep.stop()


def expected(reference, text):
    return rows_from_rdflib(reference.query(text, initNs=PREFIXES))


def via_api(mini_path, text):
    store = Store(mini_path, read_only=True)
    try:
        r = sq.query(store, text)
    finally:
        store.close()
    if r.kind == "graph":
        return triples_of(r.graph())
    return rows_from_json(json.loads(r.serialize("json")))


def via_cli(mini_path, text):
    k = kind(text)
    fmt = "nt" if k in ("construct", "describe") else "json"
    res = CliRunner().invoke(cli, ["sparql", text, "--store", str(mini_path), "--format", fmt],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    if fmt == "nt":
        return triples_of(Graph().parse(data=res.stdout_bytes.decode(), format="nt"))
    return rows_from_json(json.loads(res.stdout_bytes))


def via_sparqlwrapper(ep, text):
    w = SPARQLWrapper(ep.url + "/sparql")
    w.setQuery(_PROLOGUE + text)  # SPARQLWrapper reads the query form from the text
    if kind(text) in ("construct", "describe"):
        w.setReturnFormat(TURTLE)
        return triples_of(Graph().parse(data=w.query().convert(), format="turtle"))
    w.setReturnFormat(JSON)
    return rows_from_json(w.query().convert())


def via_sparqlstore(ep, text):
    g = Graph(store=SPARQLStore(ep.url + "/sparql", returnFormat="json"))
    return rows_from_rdflib(g.query(_PROLOGUE + text))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_client_gives_the_reference_answer(name, reference, mini_path, served):
    text = QUERIES[name]
    want = expected(reference, text)
    assert want or name in ("ask-false",), f"{name}: the reference answer is empty: the test would prove nothing"
    got = {"api": via_api(mini_path, text), "cli": via_cli(mini_path, text),
           "sparqlwrapper": via_sparqlwrapper(served, text), "sparqlstore": via_sparqlstore(served, text)}
    for client, answer in got.items():
        if isinstance(want, Counter):
            assert answer == want, (f"{name} via {client}: {sum((answer - want).values())} rows too many, "
                                    f"{sum((want - answer).values())} missing; e.g. {list((answer - want) or (want - answer))[:2]}")
        else:
            assert answer == want, f"{name} via {client}"
