"""Comparison helpers: datasets isomorphic including named graphs and blank nodes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from rdflib import BNode, Dataset, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

DATA = Path(__file__).parent / "data"
Q = Namespace("urn:x-quad:")
DEFAULT = URIRef("urn:x-rdflib:default")


def _safe(t):
    # rdflib.compare hashes terms by their N3 form, which refuses IRIs with spaces or backticks
    return URIRef("urn:x-iri:" + quote(str(t), safe="")) if isinstance(t, URIRef) else t


def quads_of(ds: Dataset) -> set[tuple]:
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        gid = getattr(g, "identifier", g)
        gid = None if gid is None or str(gid) == str(DEFAULT) else URIRef(str(gid))
        out.add((_safe(s), _safe(p), _safe(o), gid))
    return out


def datasets_isomorphic(a: Dataset, b: Dataset) -> bool:
    """True when ``a`` and ``b`` hold the same quads up to a renaming of blank nodes.

    Ground quads must be equal; quads with blank nodes are compared with
    ``rdflib.compare.isomorphic`` on a graph that encodes each quad as a node (so one blank node
    shared by two named graphs stays one node). Each named graph is also compared on its own.
    """
    qa, qb = quads_of(a), quads_of(b)
    ground_a = {q for q in qa if not any(isinstance(t, BNode) for t in q[:3])}
    ground_b = {q for q in qb if not any(isinstance(t, BNode) for t in q[:3])}
    if ground_a != ground_b:
        return False
    if not isomorphic(_encode(qa - ground_a), _encode(qb - ground_b)):
        return False
    graphs = {q[3] for q in qa} | {q[3] for q in qb}
    for g in graphs:
        ga, gb = Graph(), Graph()
        for s, p, o, gg in qa:
            if gg == g:
                ga.add((s, p, o))
        for s, p, o, gg in qb:
            if gg == g:
                gb.add((s, p, o))
        if not isomorphic(ga, gb):
            return False
    return True


def _encode(quads: set[tuple]) -> Graph:
    g = Graph()
    for s, p, o, gid in quads:
        q = BNode()
        g.add((q, Q.s, s))
        g.add((q, Q.p, p))
        g.add((q, Q.o, o))
        g.add((q, Q.g, gid if gid is not None else DEFAULT))
    return g


def load_trig(*names: str) -> Dataset:
    ds = Dataset()
    for n in names:
        ds.parse(DATA / n, format="trig")
    return ds


def store_from(*names: str):
    """An in-memory Store holding the given TriG fixtures (graph by graph, as `build` does)."""
    from collabkg.graph.store import Store

    store = Store()
    ds = load_trig(*names)
    for g in ds.graphs():
        if len(g):
            store.replace_graph(g.identifier, g)
    return store
