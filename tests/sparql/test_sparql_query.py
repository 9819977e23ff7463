"""The query library: forms, result shapes, serialisations, errors, bindings, timeouts, caps."""

from __future__ import annotations

import doctest
import io
import json

import pandas as pd
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from collabkg.errors import QueryError
from collabkg.graph import sparql as sq

ID = "https://w3id.org/collabkg/id/"
BAO = URIRef(ID + "person/bao-yiming")


@pytest.mark.parametrize("module", ["collabkg.graph.sparql", "collabkg.graph.store", "collabkg.graph.reasoning",
                                    "collabkg.graph.endpoint"])
def test_docstring_examples_run(module):
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_select_rows_dataframe(mini_store):
    res = sq.query(mini_store, "SELECT ?p ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name")
    assert res.kind == "select" and res.variables == ["p", "name"]
    names = [str(r["name"]) for r in res.rows()]
    assert names == sorted(names) and "BAO Yiming" in names and len(names) == 5
    df = res.to_dataframe()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == ["p", "name"] and len(df) == 5
    assert isinstance(df.loc[0, "p"], URIRef)
    counts = sq.query(mini_store, "roundtables").to_dataframe(python_values=True)
    assert counts["attendees"].sum() == 25 + 30 + 55 + 26 + 18 + 71 + 20 + 30 + 50


def test_unbound_values_are_left_out_of_rows(mini_store):
    res = sq.query(mini_store, "SELECT ?x ?y WHERE { VALUES ?x { 1 } OPTIONAL { ?x ?p ?y } }")
    assert res.rows() == [{"x": Literal(1)}]


def test_ask(mini_store):
    assert sq.query(mini_store, "ASK { ?a a ckg:MemorandumOfUnderstanding }").boolean is True
    assert sq.query(mini_store, "ASK { ?a a ckg:Nothing }").boolean is False


def test_construct_and_describe_give_rdflib_graphs(mini_store):
    g = sq.query(mini_store, "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }").graph()
    assert isinstance(g, Graph) and len(g) == 5 and (BAO, URIRef("http://xmlns.com/foaf/0.1/name"), Literal("BAO Yiming")) in g
    d = sq.query(mini_store, "DESCRIBE ?p WHERE { ?p foaf:name 'BAO Yiming' }")
    assert d.kind == "graph" and (BAO, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                  URIRef("http://xmlns.com/foaf/0.1/Person")) in d.graph()
    with pytest.raises(QueryError, match="not a graph"):
        sq.query(mini_store, "ASK {}").graph()


SELECT = "SELECT ?p ?name ?n WHERE { ?p foaf:name ?name BIND(STRLEN(?name) AS ?n) } ORDER BY ?name"


@pytest.mark.parametrize("fmt,pyox", [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                                      ("tsv", ox.QueryResultsFormat.TSV)])
def test_select_serialisations_parse_back(mini_store, fmt, pyox):
    res = sq.query(mini_store, SELECT)
    parsed = list(ox.parse_query_results(res.serialize(fmt), format=pyox))
    assert len(res.solutions) == 5
    assert [tuple(s) for s in parsed] == [tuple(s) for s in res.solutions]


def test_select_csv(mini_store):
    import csv

    res = sq.query(mini_store, SELECT)
    rows = list(csv.reader(io.StringIO(res.serialize("csv").decode())))
    assert rows[0] == ["p", "name", "n"] and len(rows) == 6
    assert rows[1] == [res.solutions[0][0].value, res.solutions[0][1].value, res.solutions[0][2].value]


@pytest.mark.parametrize("fmt,pyox", [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                                      ("tsv", ox.QueryResultsFormat.TSV)])
def test_ask_serialisations_parse_back(mini_store, fmt, pyox):
    assert bool(ox.parse_query_results(sq.query(mini_store, "ASK { ?s ?p ?o }").serialize(fmt), format=pyox)) is True


def test_tricky_literals_survive_every_format():
    from collabkg.graph.store import Store

    store = Store()
    sq.update(store, 'INSERT DATA { GRAPH ckgid:g { ckgid:a rdfs:label "a \\"quoted\\", <tag> & tab\\there\\nline"@en , '
                     '"é中文" , "3.5"^^xsd:decimal } }')
    res = sq.query(store, "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY STR(?l)")
    for fmt, pyox in [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                      ("tsv", ox.QueryResultsFormat.TSV)]:
        parsed = [s[0] for s in ox.parse_query_results(res.serialize(fmt), format=pyox)]
        assert parsed == [s[0] for s in res.solutions], fmt
    import csv

    rows = list(csv.reader(io.StringIO(res.serialize("csv").decode())))
    assert rows[0] == ["l"] and {r[0] for r in rows[1:]} == {s[0].value for s in res.solutions}
    table = res.serialize("table").decode()
    assert "(3 rows)" in table and "\n" not in table.split("\n")[2]


@pytest.mark.parametrize("fmt,rdf", [("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                                     ("xml", ox.RdfFormat.RDF_XML)])
def test_graph_serialisations_parse_back(mini_store, fmt, rdf):
    res = sq.query(mini_store, "CONSTRUCT WHERE { ?p a foaf:Person ; foaf:name ?n }")
    triples = set(ox.parse(res.serialize(fmt), format=rdf))
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in triples} == set(res.triples)
    assert b"@prefix foaf:" in res.serialize("ttl")


def test_graph_result_as_rows_and_select_as_ttl_refused(mini_store):
    res = sq.query(mini_store, "CONSTRUCT WHERE { ?p foaf:name ?n }")
    assert res.serialize("csv").decode().splitlines()[0] == "subject,predicate,object"
    with pytest.raises(QueryError, match="CONSTRUCT/DESCRIBE"):
        sq.query(mini_store, "SELECT * WHERE { ?s ?p ?o } LIMIT 1").serialize("ttl")
    with pytest.raises(QueryError, match="unknown result format"):
        res.serialize("yaml")


@pytest.mark.parametrize("text,line,column", [
    ("SELECT ?x WHERE {\n  ?x ?y\n}", 3, 2),
    ("SELECT ?x WHERE { ?x a nope:Thing }", 1, 33),
    ("SELEKT ?x WHERE { }", 1, 1),
])
def test_syntax_errors_have_line_and_column(mini_store, text, line, column):
    with pytest.raises(sq.QuerySyntaxError) as info:
        sq.query(mini_store, text)
    err = info.value
    assert err.line == line and abs(err.column - column) <= 1
    assert f"line {line}" in str(err) and "^" in str(err)
    assert isinstance(err, QueryError)


def test_bindings_are_parameters_not_text(mini_store):
    res = sq.query(mini_store, "posts", bindings={"person": BAO})
    assert [str(r["role"]) for r in res.rows()] == ["Director"]
    # a value that would break (or inject into) a query if formatted in is just a literal
    evil = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    assert sq.query(mini_store, "SELECT ?name ?p WHERE { ?p foaf:name ?name }", bindings={"name": evil}).rows() == []
    with pytest.raises(QueryError, match="SELECT clause"):
        sq.query(mini_store, "SELECT ?p WHERE { ?p foaf:name ?name }", bindings={"name": "BAO Yiming"})


def test_prefixes_are_predeclared(mini_store):
    for prefix in ("ckg", "ckgid", "org", "foaf", "prov", "skos", "schema", "dcterms", "rdf", "rdfs", "owl", "xsd"):
        sq.query(mini_store, f"ASK {{ ?s a {prefix}:x }}")


def test_update_is_not_a_query(mini_store):
    with pytest.raises(QueryError, match="Update"):
        sq.query(mini_store, "INSERT DATA { ckgid:a ckgid:b ckgid:c }")
    assert sq.query_kind("# c\nPREFIX a: <http://a#>\nDESCRIBE <x>") == "describe"
    assert sq.is_update("  WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")


def test_timeout_stops_a_query_that_would_run_for_ever(mini_path):
    from collabkg.graph.store import Store

    store = Store(mini_path, read_only=True)
    forever = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    import time

    t0 = time.monotonic()
    with pytest.raises(sq.QueryTimeout, match="longer than 1 s"):
        sq.query(store, forever, timeout=1)
    assert time.monotonic() - t0 < 10
    # a fast query with a timeout answers normally, through a worker process
    assert sq.query(store, "kinds", timeout=30).rows()
    store.close()


def test_timeout_on_in_memory_store(memory_store):
    with pytest.raises(sq.QueryTimeout):
        sq.query(memory_store, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timeout=0.5)
    assert sq.query(memory_store, "ASK { ?s ?p ?o }", timeout=30).boolean


def test_worker_reports_errors_with_their_type(mini_store):
    w = sq.QueryWorker(mini_store)
    try:
        with pytest.raises(sq.QuerySyntaxError) as info:
            w.run("SELECT ?x WHERE {\n ?x }", timeout=30)
        assert info.value.line == 2
        with pytest.raises(sq.ResultTooLarge, match="more than 3 rows"):
            w.run("SELECT * WHERE { ?s ?p ?o }", timeout=30, max_rows=3)
        assert w.run("ASK { ?s ?p ?o }", timeout=30).boolean  # still alive after errors
    finally:
        w.close()


def test_result_cap(mini_store):
    with pytest.raises(sq.ResultTooLarge, match="LIMIT"):
        sq.query(mini_store, "SELECT * WHERE { ?s ?p ?o }", max_rows=10)
    assert len(sq.query(mini_store, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", max_rows=10)) == 10


def test_named_queries_and_files(tmp_path):
    names = sq.named_queries()
    assert {"agreements", "posts", "roundtables", "cas-cooperation", "evidence", "entities", "kinds"} <= set(names)
    assert all(desc for desc in names.values())
    f = tmp_path / "mine.rq"
    f.write_text("ASK {}")
    assert sq.load_query(f) == "ASK {}"
    with pytest.raises(QueryError, match="named queries: agreements"):
        sq.load_query("no-such-query")


def test_timeout_works_from_a_script_without_main_guard(mini_path, tmp_path):
    """Worker processes must not re-run the caller's script (no ``if __name__ == '__main__'``)."""
    import subprocess
    import sys

    script = tmp_path / "analyst.py"
    script.write_text(
        "from collabkg.graph.store import Store\n"
        "from collabkg.graph import sparql\n"
        f"store = Store({str(mini_path)!r}, read_only=True)\n"
        "print(len(sparql.query(store, 'posts', timeout=30)))\n"
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "5"
