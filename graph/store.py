"""The persistent store: an Oxigraph quad store on disk, one named graph per source document.

rdflib is the API (``Store.dataset()`` gives an rdflib ``Dataset`` over the same data through
oxrdflib); Oxigraph does the storing and querying, transactionally.

>>> from rdflib import Graph, URIRef, Literal
>>> store = Store()                       # in memory; Store("path/to/dir") persists
>>> g = Graph(); _ = g.add((URIRef("http://ex/a"), URIRef("http://ex/p"), Literal("x")))
>>> store.replace_graph(URIRef("http://ex/doc1"), g)
>>> len(store)
1
>>> [str(n) for n in store.graph_names()]
['http://ex/doc1']
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from collabkg.errors import StoreError
from collabkg.ontology.prefixes import PREFIXES, bind_prefixes

__all__ = ["Store", "default_store_path", "to_ox", "from_ox"]

#: Where the store lives unless ``--store`` or ``COLLABKG_STORE`` says otherwise.
DEFAULT_STORE = Path(".collabkg") / "store"


def default_store_path() -> Path:
    """Return the store folder: ``$COLLABKG_STORE`` or ``./.collabkg/store``."""
    return Path(os.environ.get("COLLABKG_STORE", DEFAULT_STORE))


def to_ox(term: Node):
    """Convert an rdflib term to a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_ox(term) -> Node:
    """Convert a pyoxigraph term to an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"cannot convert {term!r}")


class Store:
    """An Oxigraph store, on disk at ``path`` (created if missing) or in memory when ``path`` is None.

    Raises :class:`~collabkg.errors.StoreError` when the folder cannot be opened (locked by another
    process, or not a store).
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(
                f"{self.path}: cannot open the store: {e}",
                hint="is another collabkg process using it? otherwise pass another --store folder",
            ) from e

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._ox)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store``, for bulk work and fast queries."""
        return self._ox

    def graph_names(self) -> list[URIRef]:
        """Return the named graphs' IRIs, sorted."""
        return sorted(URIRef(g.value) for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: URIRef | None = None) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """Yield ``(s, p, o, g)`` rdflib quads, of one named graph or of all."""
        g = to_ox(graph) if graph is not None else None
        for q in self._ox.quads_for_pattern(None, None, None, g):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name) if not isinstance(q.graph_name, ox.DefaultGraph) else None

    def graph(self, name: URIRef) -> Graph:
        """Return a copy of one named graph as an rdflib Graph."""
        g = bind_prefixes(Graph(identifier=name))
        for s, p, o, _ in self.quads(name):
            g.add((s, p, o))
        return g

    def dataset(self) -> Dataset:
        """Return an rdflib Dataset over this store (live, through oxrdflib)."""
        from oxrdflib import OxigraphStore

        ds = Dataset(store=OxigraphStore(store=self._ox))
        return bind_prefixes(ds)

    def to_dataset(self) -> Dataset:
        """Return an in-memory rdflib Dataset copy of every named graph."""
        ds = bind_prefixes(Dataset())
        for s, p, o, g in self.quads():
            ds.graph(g if g is not None else ds.default_context.identifier).add((s, p, o))
        return ds

    def union_graph(self) -> Graph:
        """Return every statement of every graph as one in-memory rdflib Graph."""
        g = bind_prefixes(Graph())
        for s, p, o, _ in self.quads():
            g.add((s, p, o))
        return g

    def query(self, sparql: str, **kwargs):
        """Run a SPARQL query with Oxigraph over the union of all graphs; returns pyoxigraph results."""
        kwargs.setdefault("use_default_graph_as_union", True)
        try:
            return self._ox.query(sparql, prefixes=PREFIXES, **kwargs)
        except SyntaxError as e:
            from collabkg.errors import QueryError

            raise QueryError(f"SPARQL syntax error: {e}", hint="check the query text") from e

    # -- writing -----------------------------------------------------------------------------
    def replace_graph(self, name: URIRef, triples: Graph | Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace named graph ``name`` by ``triples`` in one transaction: all or nothing.

        Only the difference is written, so re-storing an unchanged graph writes nothing.
        """
        gname = to_ox(name)
        new = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), gname) for s, p, o in triples}
        old = set(self._ox.quads_for_pattern(None, None, None, gname))
        gone, added = old - new, new - old
        if not gone and not added:
            return
        parts = []
        if gone:
            parts.append("DELETE DATA { " + " ".join(_nq(q) for q in gone) + " }")
        if added:
            parts.append("INSERT DATA { " + " ".join(_nq(q) for q in added) + " }")
        # one update request is one transaction in Oxigraph; terms are written by Oxigraph's own
        # N-Triples serialiser, so no value is ever formatted in unescaped.
        self._ox.update(" ;\n".join(parts))

    def remove_graph(self, name: URIRef) -> None:
        """Delete a named graph and its statements (no error if it does not exist)."""
        self._ox.update(f"DROP SILENT GRAPH {to_ox(name)}")

    def flush(self) -> None:
        """Flush writes to disk."""
        if self.path is not None:
            self._ox.flush()

    def close(self) -> None:
        """Release the store (the folder can then be opened by another process)."""
        self.flush()
        del self._ox

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _nq(q: ox.Quad) -> str:
    return f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"
