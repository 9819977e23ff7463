"""The default graph is the RDF merge of the named graphs (each triple once), kept so by every
build, load, replace and delete; FROM / FROM NAMED and protocol datasets replace it as SPARQL says."""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from collabkg.errors import QueryError
from collabkg.graph import sparql as sq
from collabkg.graph.store import DEFAULT_DATA_GRAPH, MARKER, Store

from pathlib import Path

DATA = Path(__file__).parent / "data"

EX = "http://ex/"
A, B, P = URIRef(EX + "a"), URIRef(EX + "b"), URIRef(EX + "p")
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")


def _g(*triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def count(store, text="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **kw) -> int:
    return int(sq.query(store, text, **kw).rows()[0]["n"])


def union_set(store):
    return {(q.subject, q.predicate, q.object) for q in store.named_quads()}


def test_a_triple_in_two_graphs_counts_once_and_leaves_with_the_last_graph():
    st = Store()
    st.replace_graph(G1, _g((A, P, Literal(1)), (A, P, B)))
    st.replace_graph(G2, _g((A, P, Literal(1))))
    assert count(st) == 2 and len(st) == 3
    st.remove_graph(G1)
    assert count(st) == 1  # (A P 1) stays: g2 states it; (A P B) is gone
    assert sq.query(st, "ASK { <http://ex/a> <http://ex/p> 1 }").boolean
    assert not sq.query(st, "ASK { <http://ex/a> <http://ex/p> <http://ex/b> }").boolean
    st.replace_graph(G2, _g((B, P, Literal(2))))
    assert count(st) == 1 and sq.query(st, "ASK { <http://ex/b> <http://ex/p> 2 }").boolean


def test_the_sample_store_counts_match_an_rdflib_set_union(mini_store):
    ds = Dataset()
    ds.parse(DATA / "sample.trig", format="trig")
    triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert count(mini_store) == len(triples) == mini_store.default_graph_size()
    assert len(mini_store) == sum(1 for _ in ds.quads((None, None, None, None)))  # quads: one per graph
    orgs = sq.query(mini_store, "SELECT ?o WHERE { ?o a org:Organization }")
    assert len(orgs) == len({r["o"] for r in orgs.rows()})  # no row twice


def test_from_and_from_named_replace_the_merged_default_graph():
    st = Store()
    st.replace_graph(G1, _g((A, P, Literal(1))))
    st.replace_graph(G2, _g((B, P, Literal(2))))
    q = "SELECT ?s FROM <http://ex/g2> WHERE { ?s ?p ?o }"
    assert [str(r["s"]) for r in sq.query(st, q).rows()] == [EX + "b"]
    q = "SELECT ?g ?s FROM NAMED <http://ex/g1> WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert [(str(r["g"]), str(r["s"])) for r in sq.query(st, q).rows()] == [(EX + "g1", EX + "a")]
    # a FROM NAMED alone leaves an empty default graph (SPARQL 1.1 Query 13.2)
    assert count(st, "SELECT (COUNT(*) AS ?n) FROM NAMED <http://ex/g1> WHERE { ?s ?p ?o }") == 0
    # the protocol's dataset wins over the query's
    rows = sq.query(st, "SELECT ?s FROM <http://ex/g2> WHERE { ?s ?p ?o }", default_graphs=[EX + "g1"]).rows()
    assert [str(r["s"]) for r in rows] == [EX + "a"]
    rows = sq.query(st, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[EX + "g2"]).rows()
    assert [str(r["g"]) for r in rows] == [EX + "g2"]


def test_relative_iris_resolve_against_the_store(tmp_path):
    st = Store(tmp_path / "s")
    r = sq.query(st, "SELECT (<thing> AS ?x) WHERE {}").rows()[0]["x"]
    assert str(r) == (tmp_path / "s").resolve().as_uri() + "/thing"
    assert str(sq.query(st, "SELECT (<x> AS ?x) WHERE {}", base_iri="http://b/").rows()[0]["x"]) == "http://b/x"
    st.close()


def test_bulk_load_merges_and_keeps_plain_triples_in_the_default_data_graph(tmp_path):
    nt = tmp_path / "t.nt"
    nt.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n")
    nq = tmp_path / "q.nq"
    nq.write_text(f"<{EX}a> <{EX}p> <{EX}b> <{EX}g1> .\n<{EX}a> <{EX}p> \"x\" <{EX}g1> .\n")
    st = Store(tmp_path / "s")
    st.bulk_load([nt, nq])
    assert [str(g) for g in st.graph_names()] == [EX + "g1", str(DEFAULT_DATA_GRAPH)]
    assert count(st) == 2 and st.default_graph_size() == 2 and len(st) == 3
    st.remove_graph(G1)
    assert count(st) == 1  # the plain triple stays, through the default data graph
    st.close()


def test_updates_write_the_stored_default_graph_and_the_merge_follows():
    st = Store()
    st.replace_graph(G1, _g((A, P, Literal(1))))
    sq.update(st, "INSERT DATA { <http://ex/b> <http://ex/p> 2 }")
    assert count(st) == 2 and DEFAULT_DATA_GRAPH in st.graph_names()
    # the update's default graph is the stored one: g1's statement is not in it
    sq.update(st, "DELETE WHERE { ?s ?p ?o }")
    assert count(st) == 1 and sq.query(st, "ASK { <http://ex/a> <http://ex/p> 1 }").boolean
    sq.update(st, "DROP GRAPH <http://ex/g1>")
    assert count(st) == 0
    # using-graph-uri: USING is added to the update; a clash with its own USING is refused
    st.replace_graph(G1, _g((A, P, Literal(1))))
    sq.update(st, "INSERT { GRAPH <http://ex/out> { ?s a <http://ex/T> } } WHERE { ?s ?p ?o }", using=[EX + "g1"])
    assert sq.query(st, "ASK { GRAPH <http://ex/out> { <http://ex/a> a <http://ex/T> } }").boolean
    with pytest.raises(sq.Refused, match="USING or WITH"):
        sq.update(st, "INSERT { ?s a <http://ex/T> } USING <http://ex/g1> WHERE { ?s ?p ?o }", using=[EX + "g1"])
    with pytest.raises(sq.Refused, match="LOAD is refused"):
        sq.update(st, "LOAD <http://127.0.0.1:1/x.ttl>")


def test_a_failed_update_changes_nothing():
    st = Store()
    st.replace_graph(G1, _g((A, P, Literal(1))))
    with pytest.raises(QueryError, match="the update failed.*does not exist.*nothing was changed"):
        sq.update(st, "INSERT DATA { <http://ex/b> <http://ex/p> 2 } ; DROP GRAPH <http://ex/none>")
    assert count(st) == 1 and len(st) == 1


def test_federation_is_refused_unless_allowed():
    st = Store()
    for text in ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
                 "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
                 "SELECT * WHERE { service ?x { ?s ?p ?o } }",
                 r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"):
        with pytest.raises(sq.Refused, match="refused: federated queries are off"):
            sq.query(st, text)
    # a string or IRI saying SERVICE is not a call
    assert len(sq.query(st, 'SELECT ?x WHERE { BIND("SERVICE <http://a/>" AS ?x) }')) == 1
    with pytest.raises(sq.Refused, match="allow-list"):
        sq.query(st, "SELECT * WHERE { SERVICE <http://127.0.0.1:2/> {} }", services=["http://127.0.0.1:1/"])


def test_an_older_store_is_upgraded_on_a_snapshot(tmp_path):
    """A format-1 store (default graph = its own statements) gets the merge at its first open."""
    path = tmp_path / "old"
    st = Store(path)
    st.close()
    info = json.loads((path / MARKER).read_text())
    raw = ox.Store(str(path / info["data"]))
    raw.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("d")))  # a default-graph statement
    raw.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("n"), ox.NamedNode(EX + "g1")))
    raw.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("n"), ox.NamedNode(EX + "g2")))
    raw.flush()
    del raw
    (path / MARKER).write_text(json.dumps({**info, "format": 1}))
    ro = Store(path, read_only=True)
    assert count(ro) == 2 and len(ro) == 3
    assert DEFAULT_DATA_GRAPH in ro.graph_names()
    ro.close()
    assert json.loads((path / MARKER).read_text())["format"] == 2


def test_tsv_keeps_datatypes():
    st = Store()
    r = sq.query(st, 'SELECT ?a ?b ?c ?d ?e WHERE { VALUES (?a ?b ?c ?d ?e) '
                     '{ ("-0.5e3"^^xsd:double "3"^^xsd:decimal 3 "01"^^xsd:integer "1.0E0"^^xsd:double) } }')
    line = r.serialize("tsv").decode().splitlines()[1].split("\t")
    assert line[1:3] == ['"3"^^<http://www.w3.org/2001/XMLSchema#decimal>', "3"]
    # read back by rdflib's TSV parser, every value keeps its datatype
    from rdflib.plugins.sparql.results.tsvresults import TSVResultParser
    import io

    back = TSVResultParser().parse(io.StringIO(r.serialize("tsv").decode()))
    row = list(back)[0]
    assert [str(t.datatype).rsplit("#", 1)[1] for t in row] == ["double", "decimal", "integer", "integer", "double"]


def test_an_update_with_its_own_prologue_and_using():
    """The update's PREFIX lines stay first (Oxigraph reads a prologue only at the start)."""
    st = Store()
    st.replace_graph(G1, _g((A, P, Literal(1))))
    sq.update(st, "PREFIX ex: <http://ex/>\n# a comment\nBASE <http://ex/>\n"
                  "INSERT { GRAPH ex:out { ?s a <T> } } WHERE { ?s ex:p ?o }", using=[EX + "g1"])
    assert sq.query(st, "ASK { GRAPH <http://ex/out> { <http://ex/a> a <http://ex/T> } }").boolean


def test_replacing_a_graph_with_blank_nodes():
    from rdflib import BNode

    st = Store()
    b1 = BNode()
    st.replace_graph(G1, _g((A, P, b1), (b1, P, Literal("card"))))
    st.replace_graph(G2, _g((B, P, Literal(2))))
    b2 = BNode()
    st.replace_graph(G1, _g((A, P, b2), (b2, P, Literal("new card"))))
    assert len(st) == 3 and count(st) == 3
    assert sq.query(st, 'ASK { <http://ex/a> <http://ex/p> [ <http://ex/p> "new card" ] }').boolean
    assert not sq.query(st, 'ASK { ?x <http://ex/p> "card" }').boolean
    st.remove_graph(G1)
    assert count(st) == 1


def test_a_parallel_load_keeps_the_merge_of_graphs_with_blank_nodes(tmp_path):
    """The merge pass after a parallel load copies blank-node statements with their own nodes."""
    from rdflib import BNode

    st = Store(tmp_path / "s")
    b = BNode()
    st.replace_graph(G1, _g((A, P, b), (b, P, Literal("card"))))
    big = tmp_path / "big.nq"
    with open(big, "w") as f:
        for i in range(80_000):
            f.write(f"<{EX}s{i}> <{EX}p> \"statement number {i} of the big file\" <{EX}g2> .\n")
    from collabkg.graph.store import PARALLEL_MIN_BYTES

    assert big.stat().st_size >= PARALLEL_MIN_BYTES  # the byte-range loader, then the merge pass
    st.bulk_load(big, workers=2)
    assert count(st) == 80_002 == st.default_graph_size()
    assert sq.query(st, 'ASK { <http://ex/a> <http://ex/p> ?x . ?x <http://ex/p> "card" . '
                        'GRAPH <http://ex/g1> { <http://ex/a> <http://ex/p> ?x } }').boolean
    st.close()
