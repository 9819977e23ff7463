"""The RDF <-> property-graph mapping and the generated Cypher, without a server."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from neo4j.time import Date, DateTime

from collabkg.graph.neo4j import mirror
from collabkg.graph.neo4j.mapping import (
    PrefixTable,
    build_model,
    decode_model,
    quad_from_rdflib,
    quote_identifier,
    to_native,
)

from neo4j_helpers import load_trig
from neo4j_strategies import datasets

XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
S = "https://w3id.org/collabkg/id/organization/x"
G1, G2 = "https://w3id.org/collabkg/id/document/a", "https://w3id.org/collabkg/id/document/b"


def model_of(quads):
    return build_model(quads, PrefixTable())


def roundtrip(quads):
    m = model_of(quads)
    return set(decode_model(m.nodes, m.rels, m.prefixes))


# -- identifiers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, quoted",
    [
        ("ckg__Agreement", "`ckg__Agreement`"),
        ("x`}) DETACH DELETE n //", "`x``}) DETACH DELETE n //`"),
        ("a\\u0060b", "`a\\u005cu0060b`"),
        ("`", "````"),
        ("中文 name", "`中文 name`"),
    ],
)
def test_quote_identifier(name, quoted):
    assert quote_identifier(name) == quoted


@pytest.mark.parametrize("bad", ["", "a\x00b", None])
def test_quote_identifier_refuses(bad):
    with pytest.raises(ValueError):
        quote_identifier(bad)


def test_prefix_table_is_n10s_compatible():
    t = PrefixTable()
    assert t.shorten("http://purl.org/dc/terms/title") == "dct__title"  # n10s reserves dct
    assert t.shorten("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == "rdf__type"
    assert t.shorten("https://w3id.org/collabkg/ontology#party") == "ckg__party"
    assert t.shorten("http://example.org/a#x") == "ns0__x"
    assert t.shorten("http://example.org/b/y") == "ns1__y"
    assert t.shorten("http://example.org/a#z") == "ns0__z"
    assert t.expand("ns1__y") == "http://example.org/b/y"
    with pytest.raises(ValueError):
        t.add("ckg", "http://elsewhere/")
    with pytest.raises(KeyError):
        t.expand("nope__x")


# -- literals ---------------------------------------------------------------------------------
def test_natives():
    assert to_native(("18", XSD + "integer", "")) == 18
    assert to_native(("0.5", XSD + "double", "")) == 0.5
    assert to_native(("true", XSD + "boolean", "")) is True
    assert to_native(("2009-03-23", XSD + "date", "")) == Date(2009, 3, 23)
    dt = to_native(("2019-10-21T10:00:00.5+08:00", XSD + "dateTime", ""))
    assert isinstance(dt, DateTime) and dt.utcoffset().total_seconds() == 8 * 3600
    assert to_native(("2006", XSD + "gYear", "")) == "2006"
    assert to_native(("99999999999999999999", XSD + "integer", "")) == "99999999999999999999"


def test_plain_values_need_no_sidecar():
    m = model_of([
        (S, RDFS_LABEL, ("CNIC", "", ""), G1),
        (S, "https://w3id.org/collabkg/ontology#ordinal", ("3", XSD + "integer", ""), G1),
        (S, "https://schema.org/startDate", ("2009-03-23", XSD + "date", ""), G1),
    ])
    props = m.nodes[S].props
    assert props["rdfs__label"] == "CNIC" and props["ckg__ordinal"] == 3
    assert props["schema__startDate"] == Date(2009, 3, 23)
    assert props["graphs"] == [G1]
    assert "_rdf" not in props


@pytest.mark.parametrize(
    "lit",
    [
        ("中国科学院", "", "zh-Hans"),
        ("1250000.50", XSD + "decimal", ""),
        ("56", XSD + "long", ""),
        ("2006", XSD + "gYear", ""),
        ("01", XSD + "integer", ""),
        ("1.0E0", XSD + "double", ""),
        ("2019-10-21T10:00:00+00:00", XSD + "dateTime", ""),
    ],
)
def test_lossy_values_keep_exact_form(lit):
    quads = {(S, RDFS_LABEL, lit, G1)}
    m = model_of(quads)
    exact = json.loads(m.nodes[S].props["_rdf"])
    assert exact["rdfs__label"][0][0] == lit[0]
    assert roundtrip(quads) == quads


def test_repeated_values_and_graphs():
    quads = {
        (S, RDFS_LABEL, ("CAS", "", ""), G1),
        (S, RDFS_LABEL, ("CAS", "", ""), G2),
        (S, RDFS_LABEL, ("Chinese Academy of Sciences", "", ""), G1),
        (S, "https://w3id.org/collabkg/ontology#n", ("1", XSD + "integer", ""), G1),
        (S, "https://w3id.org/collabkg/ontology#n", ("x", "", ""), G1),
    }
    m = model_of(quads)
    p = m.nodes[S].props
    assert sorted(p["rdfs__label"]) == ["CAS", "Chinese Academy of Sciences"]
    assert p["graphs"] == [G1, G2]
    assert roundtrip(quads) == quads


def test_a_plain_string_stated_in_fewer_graphs_than_its_node_keeps_them():
    """The one-plain-string shortcut of ``iter_nodes``: native value the string; an ``_rdf``
    entry only when its graphs differ from the node's."""
    types = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    org = "http://www.w3.org/ns/org#Organization"
    quads = {
        (S, types, org, G1),
        (S, types, org, G2),
        (S, RDFS_LABEL, ("CNIC", "", ""), G2),
        (S, "http://xmlns.com/foaf/0.1/name", ("Computer Network Information Center", "", ""), G1),
        (S, "http://xmlns.com/foaf/0.1/name", ("Computer Network Information Center", "", ""), G2),
    }
    p = model_of(quads).nodes[S].props
    assert p["rdfs__label"] == "CNIC" and p["foaf__name"] == "Computer Network Information Center"
    assert json.loads(p["_rdf"]) == {"rdfs__label": [["CNIC", "", [G2]]]}
    assert roundtrip(quads) == quads


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_first_pass_reads_oxigraph_quads_as_their_internal_form(ds):
    """The bulk sync's first pass over a Store (its quads streamed from Oxigraph) collects exactly
    what the internal form of the same store's quads gives."""
    import pyoxigraph as ox

    from collabkg.graph.neo4j.mapping import collect_quads, quad_from_ox
    from collabkg.graph.store import Store, to_ox

    store = Store()
    for s, p, o, g in ds.quads((None, None, None, None)):
        gid = getattr(g, "identifier", g)
        try:
            graph = ox.DefaultGraph() if gid is None or str(gid) == "urn:x-rdflib:default" else to_ox(gid)
            store.oxigraph.add(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph))
        except ValueError:  # an IRI Oxigraph refuses (a backtick) cannot be in a store
            continue
    internal = [quad_from_ox(q) for q in store.oxigraph.quads_for_pattern(None, None, None, None)]
    fused, n = mirror._first_pass(store)
    assert fused == collect_quads(internal) and n == len(internal)
    assert len(fused.node_uris) >= len({q[0] for q in internal})


def test_one_relationship_per_statement_with_graphs_and_evidence():
    R = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    A, B = S + "/a", S + "/b"
    party = "https://w3id.org/collabkg/ontology#party"
    quads = {
        (A, party, B, G1),
        (A, party, B, G2),
        (S + "/st", R + "subject", A, G1),
        (S + "/st", R + "predicate", party, G1),
        (S + "/st", R + "object", B, G1),
        (S + "/st", "http://www.w3.org/ns/prov#wasDerivedFrom", S + "/ev", G1),
    }
    m = model_of(quads)
    assert m.rels[(A, "ckg__party", B)] == {"graphs": [G1, G2], "evidence": [S + "/ev"]}
    assert roundtrip(quads) == quads  # evidence is derived: not exported


def test_mini_fixture_roundtrip_offline():
    ds = load_trig("mini.trig")
    quads = {quad_from_rdflib(*q) for q in ds.quads((None, None, None, None))}
    assert roundtrip(quads) == quads


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_generated_roundtrip_offline(ds):
    quads = {quad_from_rdflib(*q) for q in ds.quads((None, None, None, None))}
    assert roundtrip(quads) == quads


# -- generated Cypher -------------------------------------------------------------------------
class RecordingSession:
    """Stands in for a neo4j session: records query texts and parameters (copies of the row
    lists as sent: the mirror empties its lists once a transaction has committed)."""

    def __init__(self):
        self.calls = []

    def begin_transaction(self):
        session = self

        class Tx:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def run(self, query, params):
                session.calls.append((query, {k: list(v) if isinstance(v, list) else v for k, v in params.items()}))
                return []

            def commit(self):
                pass

        return Tx()


def test_generated_cypher_quotes_names_and_passes_values_as_parameters():
    evil = "x`}) DETACH DELETE n //"
    quads = [
        (S, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://example.org/v#" + evil, G1),
        (S, "http://example.org/v#" + evil, S + "/o", G1),
        (S, RDFS_LABEL, (evil, "", ""), G1),
    ]
    m = model_of(quads)
    sess = RecordingSession()
    mirror._create_nodes(sess, list(m.nodes.items()), 1000, lambda n: None)
    mirror._create_rels(sess, list(m.rels.items()), 1000, lambda n: None)
    texts = [q for q, _ in sess.calls]
    assert any("CREATE (n:`Resource`:`ns0__x``}) DETACH DELETE n //`) SET n = row" in t for t in texts)
    assert any("CREATE (a)-[:`ns0__x``}) DETACH DELETE n //` {graphs: row[2], evidence: row[3]}]->(b)" in t for t in texts)
    for text, params in sess.calls:
        assert text.startswith("UNWIND $rows AS row")
        assert evil not in text  # only its quoted form (backtick doubled) appears
    # the literal value travels only as a parameter
    assert any(evil == row.get("rdfs__label") for _, p in sess.calls for row in p["rows"] if isinstance(row, dict))


def test_batches_split_rows():
    m = model_of([(S + f"/{i}", RDFS_LABEL, (str(i), "", ""), G1) for i in range(25)])
    sess = RecordingSession()
    mirror._create_nodes(sess, list(m.nodes.items()), 10, lambda n: None)
    assert [len(p["rows"]) for _, p in sess.calls] == [10, 10, 5]


def test_property_comparison_is_exact():
    from datetime import date

    from collabkg.graph.neo4j.mirror import _same_props

    assert _same_props({"a": [1, "x"], "d": date(2020, 1, 2)}, {"a": [1, "x"], "d": Date(2020, 1, 2)})
    assert not _same_props({"a": 1}, {"a": 1.0})
    assert not _same_props({"a": 1}, {"a": True})
    assert not _same_props({"a": 0.0}, {"a": -0.0})
    assert _same_props({"a": float("nan")}, {"a": float("nan")})
    assert not _same_props({"a": [1]}, {"a": 1})
    assert not _same_props({"a": 1}, {"a": 1, "b": 2})
