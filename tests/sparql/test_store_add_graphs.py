"""Store.add_graphs: new named graphs in one bulk write, then their commit statements in one
transaction; the same store a transaction per graph (replace_graph) makes, on disk and in memory."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from collabkg.graph.store import Store, to_ntriples

EX = "http://ex.org/"
P, DONE = URIRef(EX + "p"), URIRef(EX + "contentHash")


def doc(k: int, shared: int = 3) -> tuple[list, list]:
    """Graph ``k``: statements of its own, statements every graph makes (to test the merge), awkward
    literals (line breaks, " .\\n" inside, a language tag, a typed value); and its commit."""
    me = URIRef(f"{EX}doc/{k}")
    body = [(URIRef(f"{EX}e/{k}"), P, Literal(f"fact {k} .\nsecond line .\r\n")),
            (URIRef(f"{EX}e/{k}"), P, Literal("Akademie", lang="de")),
            (URIRef(f"{EX}e/{k}"), P, Literal("2024-06-03", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))),
            (URIRef(f"{EX}e/{k}"), P, Literal("01", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))]
    body += [(URIRef(f"{EX}shared/{j}"), P, URIRef(f"{EX}e/{j}")) for j in range(shared)]
    return body, [(me, DONE, Literal(f"hash-{k}"))]


def contents(store: Store) -> set:
    return {str(q) for q in store.oxigraph}


@pytest.mark.parametrize("on_disk", [True, False])
def test_the_same_store_as_a_transaction_per_graph(tmp_path, on_disk):
    bulk = Store(tmp_path / "bulk" if on_disk else None)
    one_by_one = Store(tmp_path / "one" if on_disk else None)
    graphs = [(f"{EX}doc/{k}", *doc(k)) for k in range(5)]
    found = bulk.add_graphs([(name, to_ntriples(body), to_ntriples(commit)) for name, body, commit in graphs])
    for name, body, commit in graphs:
        one_by_one.replace_graph(URIRef(name), body + commit)
    assert found == set()
    assert contents(bulk) == contents(one_by_one)
    assert len(bulk) == 5 * (4 + 3 + 1)
    default = list(bulk.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(default) == 5 * (4 + 1) + 3, "the merge holds each statement once"
    lines = [str(o) for o in bulk.graph(URIRef(f"{EX}doc/2")).objects(URIRef(f"{EX}e/2"), P)]
    assert "fact 2 .\nsecond line .\r\n" in lines, "a literal with ' .' and line breaks inside comes back whole"


def test_a_graph_already_there_is_replaced_whole(tmp_path):
    """A build cut short inside the bulk write leaves a body without its commit; add_graphs then
    writes that graph in a transaction, and what only the stale copy said leaves the merge too."""
    store = Store(tmp_path / "s")
    body, commit = doc(1)
    stale = (URIRef(EX + "e/1"), P, Literal("said only by the half-written copy"))
    store.replace_graph(URIRef(EX + "doc/1"), body[:2] + [stale])
    found = store.add_graphs([(EX + "doc/1", to_ntriples(body), to_ntriples(commit)),
                              (EX + "doc/2", *map(to_ntriples, doc(2)))])
    assert found == {EX + "doc/1"}
    fresh = Store()
    for k in (1, 2):
        b, c = doc(k)
        fresh.replace_graph(URIRef(f"{EX}doc/{k}"), b + c)
    assert contents(store) == contents(fresh)


def test_blank_nodes_keep_one_identity_in_the_graph_and_the_merge(tmp_path):
    store = Store(tmp_path / "s")
    b = BNode()
    body = [(URIRef(EX + "a"), P, b), (b, P, Literal("x"))]
    commit = [(URIRef(EX + "doc/b"), DONE, Literal("h"))]
    assert store.add_graphs([(EX + "doc/b", to_ntriples(body), to_ntriples(commit))]) == set()
    rows = list(store.query("SELECT ?v WHERE { GRAPH ?g { <http://ex.org/a> <http://ex.org/p> ?x . ?x <http://ex.org/p> ?v } }",
                            use_default_graph_as_union=False))
    assert [r["v"].value for r in rows] == ["x"]
    merged = list(store.query("SELECT ?v WHERE { <http://ex.org/a> <http://ex.org/p> ?x . ?x <http://ex.org/p> ?v }",
                              use_default_graph_as_union=False))
    assert [r["v"].value for r in merged] == ["x"], "the merge names the same blank node"


def test_a_commit_is_written_only_after_every_body(tmp_path):
    """The bodies go in before any commit: a reader who sees a graph's commit sees its whole body."""
    store = Store(tmp_path / "s")
    order = []

    class Watch:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            attr = getattr(self.inner, name)
            if name in ("bulk_load", "extend"):
                def call(*a, **kw):
                    order.append((name, len(list(self.inner.quads_for_pattern(None, DONE_OX, None, None)))))
                    return attr(*a, **kw)
                return call
            return attr

    DONE_OX = ox.NamedNode(str(DONE))
    store._ox = Watch(store._ox)
    store.add_graphs([(f"{EX}doc/{k}", *map(to_ntriples, doc(k))) for k in range(3)])
    assert order == [("bulk_load", 0), ("extend", 0)]
    assert len(list(store.oxigraph.quads_for_pattern(None, DONE_OX, None, None))) == 6  # 3 graphs + the merge
