"""What a user gets from ``neo4j export`` and what ``neo4j verify`` checks: the RDF itself.

The defects these tests pin down were found by running the W3C RDF test suites through
load -> sync -> export: xsd:double lexical forms rewritten by the serialiser, blank-node graph
names written as relative IRIs, and graphs n10s made exported without their labels and
properties while the command exited 0.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from collabkg.cli import cli
from collabkg.errors import Neo4jError
from collabkg.graph.neo4j import export_rdf, sync, verify
from collabkg.graph.store import Store

pytestmark = pytest.mark.neo4j

XSD = "http://www.w3.org/2001/XMLSchema#"
TRIG = f"""
<http://ex.org/a> <http://ex.org/p> "1"^^<{XSD}double>, "1.5E3"^^<{XSD}double>, "INF"^^<{XSD}double> .
_:g1 {{ <http://ex.org/a> <http://ex.org/q> <http://ex.org/b> . _:x <http://ex.org/q> "in a blank graph" }}
<http://ex.org/doc> {{ <http://ex.org/b> <http://ex.org/r> "1.5"^^<{XSD}decimal> }}
"""


def _store(text: str = TRIG) -> Store:
    """A store loaded through its own loader: default-graph statements go to its stored default graph
    (the merged default graph is derived, never synced)."""
    import io

    st = Store()
    st.bulk_load(io.BytesIO(text.encode()), format="trig")
    return st


def _parse(data: bytes, fmt=ox.RdfFormat.N_QUADS) -> set:
    return set(ox.parse(data, format=fmt))


def test_export_keeps_double_lexical_forms_and_blank_graph_names(neo4j):
    st = _store()
    sync(st, driver=neo4j)
    for fmt, oxfmt in (("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
        got = _parse(export_rdf(None, fmt, driver=neo4j), oxfmt)
        lits = {str(q.object) for q in got if q.predicate.value == "http://ex.org/p"}
        # as the store holds them (Oxigraph wrote "1.5E3" as "1500" on load), not as Python floats
        assert lits == {f'"1"^^<{XSD}double>', f'"1500"^^<{XSD}double>', f'"INF"^^<{XSD}double>'}
        blank_graphs = {q.graph_name for q in got if isinstance(q.graph_name, ox.BlankNode)}
        assert len(blank_graphs) == 1  # one blank-node graph, read back as such
        assert sum(isinstance(q.graph_name, ox.BlankNode) for q in got) == 2
    # the store's blank graph name is a blank node in Neo4j's `graphs` too, not a bare id
    graphs = neo4j.execute_query("MATCH ()-[r]->() RETURN r.graphs AS g").records
    assert all(g.startswith("bnode://") for rec in graphs for g in rec["g"] if "ex.org" not in g)
    report = verify(st, driver=neo4j)
    assert report.ok and report.summary().startswith("Neo4j matches the store: 6 quads")


def test_verify_reports_lexical_and_real_differences_apart(neo4j):
    st = _store()
    sync(st, driver=neo4j)
    # drop the exact-literal record of the node: its doubles come back in the native form ("1.0")
    neo4j.execute_query("MATCH (n:Resource {uri: 'http://ex.org/a'}) REMOVE n._rdf")
    report = verify(st, driver=neo4j)
    assert report.value_equal and not report.ok
    assert sorted((str(a.object), str(b.object)) for a, b in report.lexical) == [
        (f'"1"^^<{XSD}double>', f'"1.0"^^<{XSD}double>'),
        (f'"1500"^^<{XSD}double>', f'"1500.0"^^<{XSD}double>'),
    ]
    assert "value for value, but 2 literals are written differently" in report.summary()
    # a real difference besides
    neo4j.execute_query("MATCH (n:Resource {uri: 'http://ex.org/b'}) SET n.ns0__r = 2.5 REMOVE n._rdf")
    report = verify(st, driver=neo4j)
    assert not report.value_equal and len(report.lexical) == 2
    assert [str(q.object) for q in report.missing] == [f'"1.5"^^<{XSD}decimal>']
    assert [str(q.object) for q in report.extra] == [f'"2.5"^^<{XSD}double>']
    assert "1 missing, 1 extra, and 2 lexical-only differences" in report.summary()


def _n10s_shaped(neo4j):
    """What n10s.rdf.import makes: no `graphs` on nodes or relationships, its own prefix table."""
    neo4j.execute_query("CREATE (:_NsPrefDef {ns0: 'http://ex.org/v#', rdfs: 'http://www.w3.org/2000/01/rdf-schema#'})")
    neo4j.execute_query(
        "CREATE (a:Resource:ns0__Org {uri: 'http://ex.org/a', rdfs__label: 'CAS', ns0__founded: 1949, "
        "ns0__alias: ['A', 'B']})-[:ns0__partner]->(:Resource {uri: 'http://ex.org/b'})"
    )


def test_export_reads_a_graph_n10s_made(neo4j):
    _n10s_shaped(neo4j)
    got = _parse(export_rdf(None, "nquads", driver=neo4j))
    assert sorted(str(q) for q in got) == [
        '<http://ex.org/a> <http://ex.org/v#alias> "A"',
        '<http://ex.org/a> <http://ex.org/v#alias> "B"',
        f'<http://ex.org/a> <http://ex.org/v#founded> "1949"^^<{XSD}integer>',
        "<http://ex.org/a> <http://ex.org/v#partner> <http://ex.org/b>",
        "<http://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/v#Org>",
        '<http://ex.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "CAS"',
    ]


def test_export_refuses_names_it_cannot_read_unless_told(neo4j, neo4j_config, tmp_path):
    _n10s_shaped(neo4j)
    neo4j.execute_query("MATCH (a:Resource {uri: 'http://ex.org/a'}) SET a:Reviewed, a.note = 'by hand'")
    with pytest.raises(Neo4jError) as err:
        export_rdf(None, "nquads", driver=neo4j)
    assert "label 'Reviewed'" in str(err.value) and "property 'note'" in str(err.value)
    assert "<http://ex.org/a>" in str(err.value) and "--skip-unknown" in str(err.value)
    env = {"NEO4J_URI": neo4j_config.uri, "NEO4J_USERNAME": neo4j_config.username,
           "NEO4J_PASSWORD": neo4j_config.password, "NEO4J_DATABASE": neo4j_config.database or ""}
    out = tmp_path / "x.nq"
    r = CliRunner().invoke(cli, ["neo4j", "export", "-o", str(out)], env=env)
    assert r.exit_code == 1 and "label 'Reviewed'" in r.output and not out.exists()
    r = CliRunner().invoke(cli, ["neo4j", "export", "--skip-unknown", "-o", str(out)], env=env)
    assert r.exit_code == 0 and len(_parse(out.read_bytes())) == 6


def test_export_refuses_an_n10s_config_it_cannot_read(neo4j):
    _n10s_shaped(neo4j)
    neo4j.execute_query("CREATE (:_GraphConfig {_handleVocabUris: 2, _handleRDFTypes: 0, _handleMultival: 0, "
                        "_keepLangTag: false, _keepCustomDataTypes: false, _applyNeo4jNaming: false})")
    with pytest.raises(Neo4jError, match="handleVocabUris = 2: names must be shortened"):
        export_rdf(None, "nquads", driver=neo4j)
    neo4j.execute_query("MATCH (gc:_GraphConfig) SET gc._handleVocabUris = 0, gc._keepLangTag = true")
    with pytest.raises(Neo4jError, match="keepLangTag = True"):
        export_rdf(None, "nquads", driver=neo4j)


def test_graph_config_names_the_mapping_and_guards_it(neo4j, mini_store):
    from collabkg.graph.neo4j.mirror import GRAPH_CONFIG

    # a config n10s.graphconfig.init left in the empty database with other settings is replaced
    neo4j.execute_query("CREATE (:_GraphConfig {_handleVocabUris: 0, _handleMultival: 0, _handleRDFTypes: 0, "
                        "_keepLangTag: false, _keepCustomDataTypes: false, _applyNeo4jNaming: false})")
    sync(mini_store, driver=neo4j)
    rows = neo4j.execute_query("MATCH (gc:_GraphConfig) RETURN properties(gc) AS p").records
    assert len(rows) == 1 and rows[0]["p"] == GRAPH_CONFIG
    assert rows[0]["p"]["_classNamePropName"] == rows[0]["p"]["_relNamePropName"] == "name"
    # an older collabkg's config (no _classNamePropName) is completed, not rewritten
    neo4j.execute_query("MATCH (gc:_GraphConfig) REMOVE gc._classNamePropName, gc._relNamePropName")
    assert sync(mini_store, driver=neo4j).changes == 0
    assert neo4j.execute_query("MATCH (gc:_GraphConfig) RETURN properties(gc) AS p").records[0]["p"] == GRAPH_CONFIG
    # a graph mapped with other settings: the sync refuses, naming the setting
    neo4j.execute_query("MATCH (gc:_GraphConfig) SET gc._handleMultival = 0")
    with pytest.raises(Neo4jError, match="handleMultival = 0, but the mirror maps RDF with handleVocabUris = 'SHORTEN', handleMultival = 'ARRAY'"):
        sync(mini_store, driver=neo4j)
