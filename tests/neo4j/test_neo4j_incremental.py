"""The scoped sync (``sync(store, graphs=...)``) applies the changed graphs' difference: after
random changes to documents (added, replaced, edited, removed; documents naming the same nodes),
the mirror is what a fresh full sync of the new store writes, compared as RDF (``verify``) and
property graph (``checksum``)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from collabkg.graph.neo4j import checksum, clear, sync, verify
from collabkg.graph.neo4j.mirror import export_quads
from collabkg.graph.neo4j.mirror import GRAPH_RECORD, GRAPH_RECORDS_FLAG
from neo4j_strategies import TRIPLE, datasets
from test_neo4j_mirror import DERIVED, ID, RDF_NS, _replace, _store_of, _with_statements, q

pytestmark = pytest.mark.neo4j

#: more documents than the strategies' three graphs, so documents are added too; they share
#: the strategies' seven entities and four blank nodes
DOCS = [URIRef(ID + f"document/{x}") for x in "ab"] + [URIRef(ID + "graph/registry")] + \
    [URIRef(ID + f"document/new-{i}") for i in range(3)]
DOC = st.sampled_from(DOCS)
REIFIED = st.builds(
    lambda stmt, s, p, o, ev: [(stmt, URIRef(RDF_NS + "subject"), s), (stmt, URIRef(RDF_NS + "predicate"), p),
                               (stmt, URIRef(RDF_NS + "object"), o), (stmt, DERIVED, ev)],
    st.builds(lambda n: URIRef(ID + f"statement/{n}"), st.integers(0, 2)),
    st.builds(lambda n: URIRef(ID + f"thing/{n}"), st.integers(0, 6)),
    st.sampled_from([URIRef("http://example.org/vocab#p"), URIRef("http://example.org/vocab#q")]),
    st.builds(lambda n: URIRef(ID + f"thing/{n}"), st.integers(0, 6)),
    st.builds(lambda n: URIRef(ID + f"evidence/{n}"), st.integers(0, 3)),
)


def _triples(store, g) -> list:
    return [(s, p, o) for s, p, o, _ in store.quads(g)]


@st.composite
def changes(draw, store):
    """Apply 1-3 changes to ``store`` (add or replace a document, edit part of one, remove
    one); return the changed graph names."""
    changed = set()
    for kind, g in draw(st.lists(st.tuples(st.sampled_from(["replace", "edit", "remove"]), DOC), min_size=1, max_size=3)):
        if kind == "remove":
            store.remove_graph(g)
        else:
            new = draw(st.lists(st.one_of(TRIPLE, TRIPLE, REIFIED), max_size=12))
            new = [t for x in new for t in (x if isinstance(x, list) else [x])]
            if kind == "edit":  # keep some of the document's statements
                old = _triples(store, g)
                keep = draw(st.lists(st.booleans(), min_size=len(old), max_size=len(old)))
                new = [t for t, k in zip(old, keep) if k] + new
            _replace(store, g, new)
        changed.add(g)
    return changed


def _records(driver) -> dict:
    return {r["g"]: set(r["s"]) for r in q(driver, f"MATCH (r:{GRAPH_RECORD}) RETURN r.name AS g, r.subjects AS s")}


def _store_subjects(store) -> dict:
    out: dict = {}
    for q_ in store.named_quads():
        g = q_.graph_name.value if type(q_.graph_name).__name__ == "NamedNode" else "bnode://" + q_.graph_name.value
        s = q_.subject.value if type(q_.subject).__name__ == "NamedNode" else "bnode://" + q_.subject.value
        out.setdefault(g, set()).add(s)
    return out


def _check_equals_fresh_sync(driver, store) -> None:
    """The mirror exports the store, a full comparison finds nothing to write, and a fresh full
    sync into the emptied database exports the same quads (the property graphs may differ only
    in the ``nsN`` names of namespaces: a mirror's prefix table keeps every namespace it saw)."""
    report = verify(store, driver=driver)
    assert report.ok, report.summary()
    assert sync(store, driver=driver).changes == 0
    mirror = set(export_quads(driver=driver))
    clear(driver=driver)
    sync(store, driver=driver)
    assert set(export_quads(driver=driver)) == mirror


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_scoped_syncs_after_random_changes_equal_a_fresh_full_sync(neo4j, neo4j_config, data):
    """Rounds of changes, each followed by a scoped sync told the changed documents: after each,
    the export is the store, the graphs' records are the subjects of each graph's quads, and
    at the end the mirror is the one a fresh full sync writes."""
    from neo4j_db import wipe

    store = _store_of(_with_statements(data.draw(datasets()), data.draw))
    wipe(neo4j, neo4j_config)
    sync(store, driver=neo4j)
    assert _records(neo4j) == _store_subjects(store)
    for _ in range(data.draw(st.integers(1, 3))):
        changed = data.draw(changes(store))
        empty = not checksum(driver=neo4j)[1]["nodes"]
        report = sync(store, driver=neo4j, graphs=changed)
        assert report.mode == ("bulk" if empty else "incremental (scoped)")
        result = verify(store, driver=neo4j)
        assert result.ok, result.summary()
        assert _records(neo4j) == _store_subjects(store)
        counts = checksum(driver=neo4j)[1]
        assert (report.nodes, report.relationships) == (counts["nodes"], counts["relationships"])
    _check_equals_fresh_sync(neo4j, store)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_scoped_sync_without_records_scans_and_converges(neo4j, neo4j_config, data):
    """A mirror whose records are not marked complete (an offline import, a sync cut short, an
    older collabkg): the scoped sync finds the graphs' statements by their ``graphs`` lists
    instead, with the same result; a full sync marks the records complete again."""
    from neo4j_db import wipe

    store = _store_of(_with_statements(data.draw(datasets()), data.draw))
    wipe(neo4j, neo4j_config)
    sync(store, driver=neo4j)
    neo4j.execute_query(f"MATCH (n) WHERE n:{GRAPH_RECORD} OR n:{GRAPH_RECORDS_FLAG} DELETE n")
    changed = data.draw(changes(store))
    empty = not checksum(driver=neo4j)[1]["nodes"]
    report = sync(store, driver=neo4j, graphs=changed)
    result = verify(store, driver=neo4j)
    assert result.ok, result.summary()
    # an empty mirror (the first store stated nothing) is loaded in bulk, which writes every
    # record and so marks them complete; otherwise the scoped sync must not claim they are
    flag = q(neo4j, f"MATCH (f:{GRAPH_RECORDS_FLAG}) RETURN f.complete AS c")
    assert (report.mode, flag) == (("bulk", [{"c": True}]) if empty else ("incremental (scoped)", []))
    assert sync(store, driver=neo4j).changes == 0
    assert q(neo4j, f"MATCH (f:{GRAPH_RECORDS_FLAG}) RETURN f.complete AS c") == [{"c": True}]
    assert _records(neo4j) == _store_subjects(store)


def test_scoped_sync_into_an_empty_mirror_is_a_bulk_load_with_complete_records(neo4j, neo4j_config):
    """The case hypothesis found: the first store states nothing, so the mirror is empty; with
    its records flag deleted, a scoped sync naming the document just added ignores ``graphs``
    (as documented), loads in bulk and marks the records complete, and they are."""
    from neo4j_db import wipe
    from rdflib import Dataset

    store = _store_of(Dataset())
    wipe(neo4j, neo4j_config)
    sync(store, driver=neo4j)
    neo4j.execute_query(f"MATCH (n) WHERE n:{GRAPH_RECORD} OR n:{GRAPH_RECORDS_FLAG} DELETE n")
    doc = URIRef(ID + "document/a")
    _replace(store, doc, [(URIRef(ID + "thing/1"), URIRef("http://example.org/vocab#p"), URIRef(ID + "thing/2"))])
    report = sync(store, driver=neo4j, graphs={doc})
    assert report.mode == "bulk"
    assert verify(store, driver=neo4j).ok
    assert q(neo4j, f"MATCH (f:{GRAPH_RECORDS_FLAG}) RETURN f.complete AS c") == [{"c": True}]
    assert _records(neo4j) == _store_subjects(store) == {str(doc): {ID + "thing/1"}}


def test_a_shared_node_keeps_the_other_documents_values(neo4j):
    """A node two documents describe (a country with a label in each): replacing one document
    changes that document's values and graphs on the node and keeps the other's, without the
    other document being read."""
    from rdflib import Literal

    from collabkg.graph.store import Store

    cn, label = URIRef(ID + "country/cn"), URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    org, located = URIRef(ID + "organization/cnic"), URIRef("https://w3id.org/collabkg/ontology#locatedIn")
    d1, d2 = URIRef(ID + "document/one"), URIRef(ID + "document/two")
    store = Store()
    store.replace_graph(d1, [(cn, label, Literal("China", lang="en")), (org, located, cn)])
    store.replace_graph(d2, [(cn, label, Literal("中国", lang="zh")), (org, located, cn)])
    sync(store, driver=neo4j)
    store.replace_graph(d2, [(cn, label, Literal("PRC", lang="en"))])
    report = sync(store, driver=neo4j, graphs=[d2])
    assert (report.nodes_updated, report.rels_updated, report.nodes_created, report.rels_created) == (1, 1, 0, 0)
    row = q(neo4j, "MATCH (o:Resource {uri: $o})-[r]->(c:Resource {uri: $c}) RETURN c.graphs AS g, r.graphs AS rg",
            o=str(org), c=str(cn))
    assert row == [{"g": [str(d1), str(d2)], "rg": [str(d1)]}]
    _check_equals_fresh_sync(neo4j, store)
    store.remove_graph(d1)
    report = sync(store, driver=neo4j, graphs=[d1])
    assert (report.rels_deleted, report.nodes_deleted) == (1, 1)  # the organisation: named nowhere now
    _check_equals_fresh_sync(neo4j, store)
