"""SPARQL Update keeps the merged default graph incrementally (collabkg.graph.incremental_update).

Every update below runs twice: on a store through ``Store.update`` (rewritten, incremental) and
on a twin store through the whole-merge path (the update, then the merge re-derived from
scratch). Both must hold the same named graphs (except after a ``GRAPH ?g`` pattern: the
whole-merge path does not show the stored default graph as a named graph too, the twin is then
synchronised), and each store's default graph must equal the set union of its named graphs
recomputed here in Python.
"""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from collabkg.graph import sparql as sq
from collabkg.graph.incremental_update import rewrite
from collabkg.graph.store import DEFAULT_DATA_GRAPH, Store

EX = "http://ex/"
DDG = f"<{DEFAULT_DATA_GRAPH}>"
GRAPHS = [f"<{EX}g{i}>" for i in range(4)]


def named(store: Store) -> set:
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store.named_quads()}


def merge(store: Store) -> set:
    return {(q.subject, q.predicate, q.object) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def union(store: Store) -> set:
    return {(s, p, o) for s, p, o, _ in named(store)}


OBJECTS = ["1", "2", "<http://ex/o>", '"x"']


def triple(rng: random.Random) -> str:
    # few subjects, predicates and objects: the same triple lands in several graphs often
    return f"<{EX}s{rng.randrange(4)}> <{EX}p{rng.randrange(2)}> {rng.choice(OBJECTS)}"


def data_block(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 4)):
        ts = " . ".join(triple(rng) for _ in range(rng.randrange(1, 4)))
        parts.append(ts if rng.random() < 0.3 else f"GRAPH {rng.choice(GRAPHS)} {{ {ts} }}")
    return " ".join(parts)


def random_update(rng: random.Random) -> str:
    g, h = rng.sample(GRAPHS + ["DEFAULT"], 2)
    gg = lambda x: x if x == "DEFAULT" else f"GRAPH {x}"  # noqa: E731
    forms = [
        lambda: f"INSERT DATA {{ {data_block(rng)} }}",
        lambda: f"DELETE DATA {{ {data_block(rng)} }}",
        lambda: f"DELETE WHERE {{ GRAPH {rng.choice(GRAPHS)} {{ <{EX}s{rng.randrange(4)}> ?p ?o }} }}",
        lambda: f"DELETE WHERE {{ <{EX}s{rng.randrange(4)}> <{EX}p0> ?o }}",
        lambda: (f"DELETE {{ GRAPH ?g {{ ?s <{EX}p1> ?o }} }} INSERT {{ GRAPH {rng.choice(GRAPHS)} {{ ?s <{EX}p0> ?o }} }} "
                 f"WHERE {{ GRAPH ?g {{ ?s <{EX}p1> ?o }} }}"),
        lambda: f"INSERT {{ ?s <{EX}p1> ?o }} WHERE {{ GRAPH {rng.choice(GRAPHS)} {{ ?s <{EX}p0> ?o }} }}",
        lambda: f"WITH {rng.choice(GRAPHS)} DELETE {{ ?s ?p 1 }} INSERT {{ ?s ?p 2 }} WHERE {{ ?s ?p 1 }}",
        lambda: f"DELETE {{ ?s ?p ?o }} USING {rng.choice(GRAPHS)} WHERE {{ ?s ?p ?o FILTER (?o = 2) }}",
        lambda: f"PREFIX ex: <{EX}>\nINSERT {{ GRAPH ex:g1 {{ ?s ex:p0 \"x\" }} }} WHERE {{ ?s ex:p1 ?o }}",
        lambda: f"CLEAR {'SILENT ' if rng.random() < 0.5 else ''}{gg(g)}",
        lambda: f"DROP SILENT {gg(g)}",
        lambda: f"ADD SILENT {gg(g)} TO {h}",
        lambda: f"COPY SILENT {g} TO {h}",
        lambda: f"MOVE SILENT {g} TO {h}",
        lambda: f"CREATE SILENT GRAPH <{EX}new>",
    ]
    ops = [rng.choice(forms)() for _ in range(1 if rng.random() < 0.7 else rng.randrange(2, 4))]
    return " ;\n".join(ops)


def twin_run(a: Store, b: Store, update: str) -> None:
    errors = []
    for store, run in ((a, lambda s: s.update(update, prefixes=None)),
                       (b, lambda s: s._update_and_rebuild(update, s.base_iri, None))):
        try:
            run(store)
            errors.append(None)
        except (RuntimeError, SyntaxError) as e:
            errors.append(type(e).__name__)
    assert errors[0] == errors[1], update


@pytest.mark.parametrize("seed", range(6))
def test_random_updates_keep_the_merge_equal_to_the_union(seed):
    rng = random.Random(seed)
    a, b = Store(), Store()
    incremental = 0
    for _ in range(60):
        update = random_update(rng)
        incremental += rewrite(update, DDG, "<urn:x:t>") is not None
        twin_run(a, b, update)
        if "GRAPH ?" in update:
            b = Store()
            b.oxigraph.extend(a.oxigraph)
            for g in a.oxigraph.named_graphs():
                b.oxigraph.add_graph(g)  # empty graphs too
        assert named(a) == named(b), update
        assert set(a.oxigraph.named_graphs()) == set(b.oxigraph.named_graphs()), update
        assert merge(a) == union(a), update
        assert merge(b) == union(b), update
    assert incremental == 60  # every one took the incremental path
    assert [str(g) for g in a.graph_names()] == [str(g) for g in b.graph_names()]


def test_on_disk_mixed_inserts_and_deletes_across_graphs(tmp_path):
    store = Store(tmp_path / "store")
    store.update(f"INSERT DATA {{ GRAPH <{EX}g0> {{ <{EX}a> <{EX}p> 1 . <{EX}b> <{EX}p> 2 }} "
                 f"GRAPH <{EX}g1> {{ <{EX}a> <{EX}p> 1 }} <{EX}c> <{EX}p> 3 }}")
    assert merge(store) == union(store) and len(merge(store)) == 3
    store.update(f"DELETE DATA {{ GRAPH <{EX}g0> {{ <{EX}a> <{EX}p> 1 }} }}")  # g1 still states it
    assert (ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("1", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))) in merge(store)
    store.update(f"DROP GRAPH <{EX}g1> ; CLEAR DEFAULT")
    assert merge(store) == union(store) and len(merge(store)) == 1
    assert [str(g) for g in store.graph_names()] == [EX + "g0"]  # no empty stored default graph left
    store.close()
    store = Store(tmp_path / "store", read_only=True)
    assert merge(store) == union(store)
    store.close()


def test_blank_nodes_keep_their_identity_in_the_merge():
    store = Store()
    store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ _:b <{EX}p> 1 . _:b <{EX}q> _:c }} _:d <{EX}p> 2 }}")
    store.update(f"INSERT {{ GRAPH <{EX}h> {{ _:n <{EX}of> ?s }} }} WHERE {{ GRAPH <{EX}g> {{ ?s <{EX}p> 1 }} }}")
    assert merge(store) == union(store) and len(merge(store)) == 4
    # anonymous nodes cannot be copied by text: such an update re-derives the whole merge, still right
    update = f"INSERT DATA {{ GRAPH <{EX}g> {{ [] <{EX}p> ( 1 2 ) }} }}"
    assert rewrite(update, DDG, "<urn:x:t>") is None
    store.update(update)
    assert merge(store) == union(store) and len(merge(store)) == 9


def test_a_failing_request_writes_nothing_and_leaves_no_scratch_graph():
    store = Store()
    store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 1 }} }}")
    before = (named(store), merge(store))
    with pytest.raises(RuntimeError):
        store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 2 }} }} ; DROP GRAPH <{EX}missing>")
    assert (named(store), merge(store)) == before
    with pytest.raises(SyntaxError):
        store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> }} }}")
    assert (named(store), merge(store)) == before
    assert [str(g) for g in store.graph_names()] == [EX + "g"]


def test_the_library_update_reports_syntax_errors_where_the_user_wrote_them():
    with pytest.raises(sq.QuerySyntaxError) as info:
        sq.update(Store(), "INSERT DATA {\n  GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> }\n}")
    assert "line" in str(info.value)


def test_clear_all_and_drop_named():
    store = Store()
    store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 1 }} <{EX}b> <{EX}p> 2 }}")
    store.update("DROP NAMED")  # whole-merge path: the stored default graph is the default graph, not a named one
    assert [str(g) for g in store.graph_names()] == [str(DEFAULT_DATA_GRAPH)]
    assert merge(store) == union(store) and len(merge(store)) == 1
    store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 1 }} }} ; CLEAR ALL")
    assert merge(store) == union(store) == set()


@pytest.mark.parametrize("seed", range(3))
def test_graph_writes_replace_and_remove_keep_the_merge(seed):
    """What the Graph Store Protocol's PUT / POST / DELETE and the build use: replace_graph, remove_graph."""
    from rdflib import BNode, Literal, URIRef

    rng = random.Random(seed)
    store = Store()
    for _ in range(80):
        g = URIRef(f"{EX}g{rng.randrange(4)}")
        if rng.random() < 0.2:
            store.remove_graph(g)
        else:
            b = BNode()
            triples = {(URIRef(f"{EX}s{rng.randrange(4)}"), URIRef(f"{EX}p{rng.randrange(2)}"), Literal(rng.randrange(3)))
                       for _ in range(rng.randrange(0, 5))}
            if rng.random() < 0.2:
                triples.add((b, URIRef(f"{EX}p0"), Literal(1)))
            store.replace_graph(g, triples)
        assert merge(store) == union(store)
        assert not [n for n in store.graph_names() if str(n).startswith("urn:uuid:")]  # no scratch graph left
