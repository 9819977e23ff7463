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

The default graph is the RDF merge of the named graphs: every build, load and delete keeps a
de-duplicated copy of all their statements in the store's default graph, in the same transaction
as the change (or the same snapshot, for bulk loads), so a query's default graph holds each
triple once however many documents state it. Statements written to the default graph itself (a
file of triples loaded without a graph, a Graph Store ``?default`` write) are kept in the named
graph :data:`DEFAULT_DATA_GRAPH` and are part of the merge.

>>> store.replace_graph(URIRef("http://ex/doc2"), g)     # the same triple stated twice
>>> len(store), len(list(store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())))
(2, 1)

On disk a store is a folder holding a format marker (``collabkg-store.json``) and the Oxigraph
database it points to (``data-<id>/``). Bulk loads write a new database next to the current one
(a cheap hard-link snapshot plus the new data) and switch the marker atomically, so a crash
(even ``kill -9``) mid-load leaves the store as it was before the load, never half-loaded. Large
N-Quads / N-Triples files are loaded by several threads at once, each taking byte ranges of lines.
"""

from __future__ import annotations

import gc
import io
import itertools
import json
import os
import re
import shutil
import threading
import time
import traceback
import uuid
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Union

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from collabkg.errors import StoreError
from collabkg.graph.incremental_update import record, rewrite, settle
from collabkg.ontology.prefixes import PREFIXES, bind_prefixes

__all__ = ["Store", "default_store_path", "to_ox", "memo_to_ox", "from_ox", "to_ntriples", "from_ntriples", "STORE_FORMAT", "MARKER", "DEFAULT_DATA_GRAPH"]

#: Version of the on-disk layout this code writes. 0 = a bare Oxigraph folder (collabkg <= the
#: first release of the store, still opened and upgraded in place); 1 = marker + ``data-<id>/``;
#: 2 = as 1, with the default graph holding the merge of the named graphs (format 0 and 1 stores
#: are upgraded, on a snapshot, the first time they are opened for writing or reading).
STORE_FORMAT = 2
#: Named graph of statements written to the default graph (part of the merged default graph).
DEFAULT_DATA_GRAPH = URIRef("https://w3id.org/collabkg/id/graph/default")
_DDG = ox.NamedNode(str(DEFAULT_DATA_GRAPH))
#: One SPARQL Update (one transaction) re-deriving the default graph from all named graphs.
REBUILD_UNION = "CLEAR DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
#: The marker file naming the layout version and the live database folder.
MARKER = "collabkg-store.json"
#: Quads per bulk-load chunk: bounds memory (about 0.4 GB at 250k) whatever the input size.
CHUNK_QUADS = 250_000
#: N-Quads / N-Triples files at least this large are loaded by several threads at once, each
#: parsing its own byte range of whole lines (Oxigraph parses and sorts without holding the GIL).
PARALLEL_MIN_BYTES = 4 << 20
#: Largest byte range one thread loads in one native call: bounds memory (about 0.15 GB each).
RANGE_BYTES = 32 << 20

_FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3, ".jsonld": ox.RdfFormat.JSON_LD,
}
_FORMAT_NAMES = {
    "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS, "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML, "rdfxml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3, "json-ld": ox.RdfFormat.JSON_LD, "jsonld": ox.RdfFormat.JSON_LD,
}

#: Where the store lives unless ``--store`` or ``COLLABKG_STORE`` says otherwise.
DEFAULT_STORE = Path(".collabkg") / "store"


def default_store_path() -> Path:
    """Return the store folder: ``$COLLABKG_STORE`` or ``./.collabkg/store``."""
    return Path(os.environ.get("COLLABKG_STORE", DEFAULT_STORE))


def to_ox(term: Node):
    """Convert an rdflib term to a pyoxigraph term (a pyoxigraph term is returned as it is)."""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
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


def memo_to_ox() -> Callable[[Node], object]:
    """:func:`to_ox` remembering what it converted: a graph names its subjects and predicates many times.

    >>> conv = memo_to_ox(); conv(URIRef("http://ex/a")) is conv(URIRef("http://ex/a"))
    True
    """
    memo: dict = {}

    def conv(t):
        o = memo.get(t)
        if o is None:
            o = memo[t] = to_ox(t)
        return o

    return conv


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
        self.read_only = read_only
        self.format = STORE_FORMAT
        if self.path is not None and read_only and self._needs_upgrade():
            Store(self.path).close()  # an older layout: upgrade it (on a snapshot) before reading
        try:
            if self.path is None:
                self._ox = ox.Store()
            else:
                self._ox = self._open_disk()
        except OSError as e:
            raise StoreError(
                f"{self.path}: cannot open the store: {e}",
                hint="is another collabkg process writing to it? otherwise pass another --store folder",
            ) from e

    # -- on-disk layout ------------------------------------------------------------------------
    def _read_marker(self) -> dict | None:
        marker = self.path / MARKER
        if not marker.exists():
            return None
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
            int(info["format"]), str(info["data"])
        except (ValueError, KeyError, TypeError) as e:
            raise StoreError(
                f"{marker}: the store marker is damaged ({e})",
                hint=f"rebuild the store: collabkg build --store {self.path}",
            ) from e
        return info

    def _write_marker(self, data: str) -> None:
        """Point the store at database folder ``data``, atomically (write, fsync, rename)."""
        from collabkg import __version__

        info = {"format": STORE_FORMAT, "data": data, "oxigraph": ox.__version__,
                "collabkg": __version__, "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        tmp = self.path / (MARKER + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(info, f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path / MARKER)
        _fsync_dir(self.path)

    def _open_disk(self) -> ox.Store:
        info = self._read_marker()
        if info is not None:
            if int(info["format"]) > STORE_FORMAT:
                raise StoreError(
                    f"{self.path}: written by a newer collabkg (store format {info['format']}, "
                    f"this one reads up to {STORE_FORMAT})",
                    hint="upgrade collabkg (pip install -U collabkg) or rebuild the store with "
                    f"an older one: collabkg build --store {self.path}",
                )
            data = self.path / info["data"]
            if not data.is_dir():
                raise StoreError(
                    f"{self.path}: the store marker points at {info['data']}/, which is missing",
                    hint=f"rebuild the store: collabkg build --store {self.path}",
                )
            store = _open_ox(data, self.read_only, self.path)
            if not self.read_only:
                self._clean_strays(info["data"])
                if int(info["format"]) < 2:
                    store = self._upgrade_union(store, data)
            return store
        legacy = (self.path / "CURRENT").exists()
        if legacy:  # format 0: a bare Oxigraph folder written before the marker existed
            self.format = 0
            if self.read_only:
                return _open_ox(self.path, True, self.path)
            return self._upgrade_legacy()
        if self.read_only:
            raise StoreError(f"{self.path}: no collabkg store here",
                             hint="build one first: collabkg build --store " + str(self.path))
        if self.path.exists() and any(self.path.iterdir()):
            raise StoreError(
                f"{self.path}: the folder is not empty and holds no collabkg store",
                hint="pass an empty or new folder to --store",
            )
        self.path.mkdir(parents=True, exist_ok=True)
        name = _new_data_name()
        store = ox.Store(str(self.path / name))
        self._write_marker(name)
        return store

    def _needs_upgrade(self) -> bool:
        try:
            info = self._read_marker()
        except StoreError:
            return False
        if info is None:
            return (self.path / "CURRENT").exists()
        return int(info["format"]) < STORE_FORMAT

    def _upgrade_union(self, store: ox.Store, data: Path) -> ox.Store:
        """Give a format-1 store its merged default graph, on a snapshot switched in atomically.

        Its default-graph statements move to :data:`DEFAULT_DATA_GRAPH`; the default graph then
        becomes the merge of all named graphs. A crash before the marker switch leaves the store
        as it was (and the next open upgrades it again).
        """
        name = _new_data_name()
        store.flush()
        store.backup(str(self.path / name))
        store = None
        gc.collect()
        new = ox.Store(str(self.path / name))
        new.update(f"INSERT {{ GRAPH {_DDG} {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }} ; {REBUILD_UNION}")
        new.flush()
        self._write_marker(name)
        if data != self.path and data.name.startswith("data-"):
            shutil.rmtree(data, ignore_errors=True)
        return new

    def _upgrade_legacy(self) -> ox.Store:
        """Move a format-0 store (bare Oxigraph folder) into the format-1 layout, crash-safely.

        A hard-link snapshot goes to ``data-<id>/``; only then does the marker appear, and only
        then are the old files removed (a crash before the marker leaves the old store intact).
        """
        name = _new_data_name()
        legacy = _open_ox(self.path, False, self.path)
        legacy.flush()
        legacy.backup(str(self.path / name))
        legacy = None  # closed before its files go
        gc.collect()
        upgraded = ox.Store(str(self.path / name))
        upgraded.update(f"INSERT {{ GRAPH {_DDG} {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }} ; {REBUILD_UNION}")
        upgraded.flush()
        upgraded = None
        gc.collect()
        self._write_marker(name)
        for child in self.path.iterdir():
            if child.name in (MARKER, name):
                continue
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        self.format = STORE_FORMAT
        return ox.Store(str(self.path / name))

    def _clean_strays(self, live: str) -> None:
        """Remove database folders left by an interrupted load (we hold the store's lock)."""
        for child in self.path.iterdir():
            if child.name.startswith("data-") and child.name != live and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            elif child.name == MARKER + ".tmp":
                child.unlink(missing_ok=True)

    @property
    def data_path(self) -> Path | None:
        """The folder of the live Oxigraph database (None for an in-memory store)."""
        if self.path is None:
            return None
        info = self._read_marker()
        return self.path / info["data"] if info else self.path

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        """The number of quads in the named graphs (the merged default graph is not counted)."""
        return len(self._ox) - self.default_graph_size()

    def default_graph_size(self) -> int:
        """The number of distinct triples in the (merged) default graph."""
        # counted by Oxigraph (the store's own default graph, not the union of the named graphs)
        q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        return int(next(iter(self._ox.query(q, use_default_graph_as_union=False)))["n"].value)

    @property
    def base_iri(self) -> str:
        """The base IRI of queries on this store: its folder as a ``file:`` URL (in memory: ``ckgid:``)."""
        if self.path is None:
            return "https://w3id.org/collabkg/id/"
        return self.path.resolve().as_uri() + "/"

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store``, for bulk work and fast queries."""
        return self._ox

    def graph_names(self) -> list[URIRef]:
        """Return the named graphs' IRIs, sorted."""
        return sorted(URIRef(g.value) for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: URIRef | None = None) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """Yield ``(s, p, o, g)`` rdflib quads, of one named graph or of all named graphs."""
        for q in self.named_quads(to_ox(graph) if graph is not None else None):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)

    def named_quads(self, graph=None) -> Iterator[ox.Quad]:
        """Yield the pyoxigraph quads of one named graph or of all named graphs (not the merge).

        All graphs are read one named graph at a time (Oxigraph's graph-first index), so the
        merged default graph is never read: reading it and dropping its quads made a whole
        read ~1.8x slower (100k quads: 0.147 -> 0.078 s)."""
        if graph is not None:
            if not isinstance(graph, ox.DefaultGraph):
                yield from self._ox.quads_for_pattern(None, None, None, graph)
            return
        pattern = self._ox.quads_for_pattern
        for g in self._ox.named_graphs():
            yield from pattern(None, None, None, g)

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
        """Return every statement of every graph (the merged default graph) as one rdflib Graph."""
        g = bind_prefixes(Graph())
        for q in self._ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return g

    def query(self, sparql: str, **kwargs):
        """Run a SPARQL query with Oxigraph; the default graph is the merge of all named graphs.

        ``use_default_graph_as_union`` is accepted and ignored (the store's default graph is
        the merge already); returns pyoxigraph results.
        """
        kwargs.pop("use_default_graph_as_union", None)
        kwargs.setdefault("base_iri", self.base_iri)
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
        conv = memo_to_ox()
        new = {ox.Quad(conv(s), conv(p), conv(o), gname) for s, p, o in triples}
        old = set(self._ox.quads_for_pattern(None, None, None, gname))
        gone, added = old - new, new - old
        if not gone and not added:
            return
        if not gone and not any(isinstance(t, ox.BlankNode) for q in added for t in (q.subject, q.object)):
            # only additions (a new document): the named graph and the merged default graph in
            # one transactional extend, without writing and parsing a SPARQL update
            dg = ox.DefaultGraph()
            self._ox.extend([*added, *(ox.Quad(q.subject, q.predicate, q.object, dg) for q in added)])
            return
        delta = _scratch()
        if any(isinstance(t, ox.BlankNode) for q in gone for t in (q.subject, q.object)):
            # DELETE DATA cannot name blank nodes: replace the whole graph instead (its blank
            # nodes get fresh ids, the same within the one INSERT DATA)
            gone, added = old, new
            parts = [record(str(gname), str(delta)), f"DROP SILENT GRAPH {gname}"]
        elif gone:
            parts = ["DELETE DATA { " + " ".join(_nq(q) for q in gone) + " }",
                     f"INSERT DATA {{ GRAPH {delta} {{ " + " ".join(_nt(q) for q in gone) + " } }"]
        else:
            parts = []
        if added:
            parts.append("INSERT DATA { " + " ".join(_nq(q) for q in added) + " " + " ".join(_nt(q) for q in added) + " }")
        if gone:  # what left this graph leaves the merge too, unless another graph states it
            parts.extend(settle(str(delta)))
        # one update request is one transaction in Oxigraph (the named graph and the merged
        # default graph change together); terms are written by Oxigraph's own N-Triples
        # serialiser, so no value is ever formatted in unescaped.
        self._ox.update(" ;\n".join(parts))

    def add_graphs(self, graphs: Iterable[tuple[URIRef | str, bytes, bytes]]) -> set[str]:
        """Add new named graphs, each given as N-Triples ``(name, body, commit)``: the bodies of all
        of them in one native bulk write, then every ``commit`` in one transaction.

        Several times cheaper than a transaction per graph (:meth:`replace_graph`), but the bulk
        write is not atomic: a crash in the middle of it can leave some bodies stored and no
        commit. So ``commit`` holds the statements by which a reader knows the graph is complete
        (for a document, its content hash: :func:`collabkg.api.stored_documents` lists no graph
        without one, and the next build writes such a graph again). A graph that is in the store
        already (an earlier write cut short), or whose triples name blank nodes, is written by
        :meth:`replace_graph` instead, all or nothing; the names found in the store are returned.

        ``body`` and ``commit`` are N-Triples as :func:`to_ntriples` writes them (one statement a
        line, each ending in `` .``); the merged default graph gets the same statements.

        >>> from rdflib import URIRef, Literal
        >>> s, p = URIRef("http://ex/a"), URIRef("http://ex/p")
        >>> store = Store()
        >>> store.add_graphs([("http://ex/doc1", to_ntriples([(s, p, Literal("x"))]), to_ntriples([(s, p, Literal("done"))]))])
        set()
        >>> sorted(str(o) for o in store.graph(URIRef("http://ex/doc1")).objects())
        ['done', 'x']
        >>> len(list(store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())))  # the merge
        2
        """
        bulk: list[bytes] = []
        merge: list[bytes] = []
        commits: list[ox.Quad] = []
        found: set[str] = set()
        for name, body, commit in graphs:
            g = ox.NamedNode(str(name))
            whole = body + commit
            present = next(self._ox.quads_for_pattern(None, None, None, g), None) is not None
            if present or (b"_:" in whole and _has_blank_nodes(whole)):
                if present:
                    found.add(str(name))
                self.replace_graph(URIRef(str(name)), from_ntriples(whole))
                continue
            # N-Triples escape line breaks inside literals, so " .\n" ends a statement and nothing else
            bulk.append(body.replace(b" .\n", f" {g} .\n".encode()))
            merge.append(body)
            for t in from_ntriples(commit):
                commits += [ox.Quad(*t, g), ox.Quad(*t, ox.DefaultGraph())]
        if bulk:
            self._ox.bulk_load(b"".join(bulk + merge), format=ox.RdfFormat.N_QUADS, lenient=True)
        if commits:
            self._ox.extend(commits)
        return found

    def bulk_load(
        self,
        source: Union[str, os.PathLike, IO[bytes], Iterable[Union[str, os.PathLike]]],
        format: str | ox.RdfFormat | None = None,
        *,
        graph: URIRef | None = None,
        progress: bool | Callable[[int, int | None], None] = False,
        chunk_quads: int = CHUNK_QUADS,
        lenient: bool = False,
        workers: int | None = None,
        base_iri: str | None = None,
    ) -> int:
        """Stream RDF files into the store with Oxigraph's native bulk loader; all or nothing.

        Parameters
        ----------
        source : path, list of paths, or binary file object
            RDF files (N-Quads, N-Triples, Turtle, TriG, RDF/XML, N3, JSON-LD; ``.gz`` allowed).
        format : str or pyoxigraph.RdfFormat, optional
            ``"nq"``, ``"nt"``, ``"ttl"``, ``"trig"``, ...; guessed from each file's suffix if None.
        graph : URIRef, optional
            Named graph for files of triples (default: the default graph).
        progress : bool or callable, optional
            True shows a progress bar on stderr; a callable gets ``(bytes_read, total_bytes)``.
        chunk_quads : int, optional
            Quads per native bulk-load call; memory stays bounded by this, not by the input size.
        lenient : bool, optional
            Skip IRI validation while parsing (faster; only for trusted input).
        base_iri : str, optional
            The base IRI relative IRIs in the files resolve against; default: each file's own
            ``file://`` URI (a stream: none, so relative IRIs are refused).
        workers : int, optional
            Threads loading one large N-Quads / N-Triples file at once, each taking byte ranges
            of whole lines (at most ``RANGE_BYTES`` each, which bounds memory). Default: the
            number of CPUs, at most 4; 1 loads sequentially. Used for on-disk stores and plain
            (not gzipped) files of at least ``PARALLEL_MIN_BYTES`` without blank nodes (a blank
            node label must mean one node across the whole file, so those load sequentially).

        Returns
        -------
        int
            The number of quads read from the input (duplicates included).

        Raises
        ------
        StoreError
            If a file is missing, unreadable, or not valid RDF (the store is then unchanged).

        Notes
        -----
        On disk the load goes into a new database folder, started as a hard-link snapshot of the
        current one, and the store's marker is switched to it only once every quad is written and
        flushed. A crash or ``kill -9`` at any moment leaves the store as before or fully loaded;
        the leftover folder is removed the next time the store is opened for writing. Blank nodes
        are scoped to their file.

        Examples
        --------
        >>> import tempfile, os
        >>> d = tempfile.mkdtemp()
        >>> with open(os.path.join(d, "g.nq"), "w") as f:
        ...     _ = f.write('<http://ex/a> <http://ex/p> "x" <http://ex/g> .\\n')
        >>> store = Store(os.path.join(d, "store"))
        >>> store.bulk_load(os.path.join(d, "g.nq"))
        1
        >>> len(store)
        1
        >>> store.close()
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only", hint="open it without read_only")
        if base_iri is not None:
            try:
                ox.NamedNode(base_iri)
            except ValueError as e:
                raise StoreError(f"base IRI {base_iri!r} is not an absolute IRI ({e})",
                                 hint="pass --base / base_iri like http://example.org/data/") from None
        sources = _as_sources(source)
        total = sum(_size(src) or 0 for src in sources) or None
        report = _progress_reporter(progress, total)
        gname = to_ox(graph) if graph is not None else _DDG
        if self.path is None:
            try:
                return _load_into(self._ox, sources, format, gname, chunk_quads, report, lenient, base_iri=base_iri)
            finally:
                report(None, None)
        if workers is None:
            workers = min(os.cpu_count() or 1, 4)
        self._ox.flush()
        name = _new_data_name()
        try:
            try:
                n = self._load_snapshot(self.path / name, sources, format, gname, chunk_quads, report, lenient, workers,
                                        base_iri)
            except _BlankNodesSeen:
                # a byte range met a blank node: start again from a new snapshot, one file at a time
                gc.collect()
                name = _new_data_name()
                n = self._load_snapshot(self.path / name, sources, format, gname, chunk_quads, report, lenient, 1, base_iri)
        finally:
            report(None, None)
        target = self.path / name
        old = self.data_path
        self._write_marker(name)  # the commit point
        del self._ox
        self._ox = ox.Store(str(target))
        if old is not None and old != self.path and old.name.startswith("data-"):
            shutil.rmtree(old, ignore_errors=True)
        return n

    def _load_snapshot(self, target: Path, sources, format, gname, chunk_quads, report, lenient, workers,
                       base_iri=None) -> int:
        """Load into a new database at ``target`` (a snapshot of the live one); remove it on failure."""
        new = None
        try:
            self._ox.backup(str(target))  # hard links to immutable files: cheap
            new = ox.Store(str(target))
            n = _load_into(new, sources, format, gname, chunk_quads, report, lenient, workers, base_iri=base_iri)
            new.flush()
            new = None  # closes the new database
            return n
        except BaseException as e:
            # the traceback's frames hold the new database open: clear them, then remove it
            traceback.clear_frames(e.__traceback__)
            new = None
            gc.collect()
            shutil.rmtree(target, ignore_errors=True)
            raise

    def remove_graph(self, name: URIRef) -> None:
        """Delete a named graph and its statements (no error if it does not exist).

        Its statements leave the merged default graph too, unless another graph states them.
        """
        g, delta = to_ox(name), _scratch()
        self._ox.update(" ;\n".join([record(str(g), str(delta)), f"DROP SILENT GRAPH {g}", *settle(str(delta))]))

    def update(self, sparql: str, *, base_iri: str | None = None, prefixes: dict | None = None) -> None:
        """Run a SPARQL Update and keep the merged default graph, in one transaction.

        The update sees the stored default graph (:data:`DEFAULT_DATA_GRAPH`, the statements
        written to the default graph) as its default graph, as in Fuseki with a union default
        graph; named graphs as they are. The merge follows incrementally: the triples the update
        inserts join it, the triples it deletes leave it unless another named graph still
        states them (:mod:`collabkg.graph.incremental_update`; the few forms that module cannot
        rewrite re-derive the whole merge, in the same transaction too). Raises ``SyntaxError``
        / ``RuntimeError`` / ``OSError`` as pyoxigraph does, and then nothing was written.

        >>> s = Store(); s.update("INSERT DATA { <http://ex/a> <http://ex/p> 1 . GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> 1 } }")
        >>> len(s), s.default_graph_size(), [str(g) for g in s.graph_names()]
        (2, 1, ['http://ex/g', 'https://w3id.org/collabkg/id/graph/default'])
        >>> s.update("DELETE DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> 1 } }")
        >>> s.default_graph_size()   # the stored default graph still states it
        1
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only", hint="open it without read_only")
        base_iri = base_iri if base_iri is not None else self.base_iri
        text = rewrite(sparql, str(_DDG), str(_scratch()))
        if text is not None:
            try:
                self._ox.update(text, base_iri=base_iri, prefixes=prefixes or None)
            except SyntaxError:
                pass  # reported against the update as written, below (nothing was written)
            else:
                if self._ox.contains_named_graph(_DDG) and next(
                        iter(self._ox.quads_for_pattern(None, None, None, _DDG)), None) is None:
                    self._ox.remove_graph(_DDG)  # an emptied default graph leaves no empty named graph
                return
        self._update_and_rebuild(sparql, base_iri, prefixes)

    def _update_and_rebuild(self, sparql: str, base_iri: str, prefixes: dict | None) -> None:
        """Run the update on the stored default graph, then re-derive the whole merge (one transaction).

        The stored default graph is moved into the default graph for the update (so there it
        is not also a named graph: it has one name only, and no write can go to a stale copy),
        then added back under its name.
        """
        from collabkg.graph.sparql_text import split_prologue

        prologue, body = split_prologue(sparql)
        body = body.rstrip()
        while body.endswith(";"):
            body = body[:-1].rstrip()
        # the update's own PREFIX / BASE lines stay first: Oxigraph reads a prologue only there
        text = (f"{prologue}\nCLEAR DEFAULT ; MOVE SILENT GRAPH {_DDG} TO DEFAULT ;\n{body}\n;"
                f" ADD SILENT DEFAULT TO GRAPH {_DDG} ; " + REBUILD_UNION)
        self._ox.update(text, base_iri=base_iri, prefixes=prefixes or None)

    def rebuild_default_graph(self) -> None:
        """Re-derive the merged default graph from the named graphs (one transaction).

        Only needed after writing to :attr:`oxigraph` directly; every Store method keeps it.
        """
        self._ox.update(REBUILD_UNION)

    def optimize(self) -> None:
        """Compact the database on disk: full scans then read fewer, larger files.

        Worth running once after big loads: at 1,000,000 quads it takes under 2 s and makes
        full-scan queries about a quarter to a third faster (``benchmarks/RESULTS.md``). Safe to
        interrupt (RocksDB compaction is atomic); a no-op for in-memory stores.

        Examples
        --------
        >>> import tempfile
        >>> store = Store(tempfile.mkdtemp())
        >>> store.optimize()
        >>> store.close()
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only", hint="open it without read_only")
        if self.path is not None:
            self._ox.optimize()

    def flush(self) -> None:
        """Flush writes to disk."""
        if self.path is not None:
            self._ox.flush()

    def close(self) -> None:
        """Release the store (the folder can then be opened by another process)."""
        if not hasattr(self, "_ox"):
            return
        if not self.read_only:
            self.flush()
        del self._ox

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def to_ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
    r"""``triples`` (rdflib or pyoxigraph terms) as N-Triples, written by Oxigraph: what
    :meth:`Store.add_graphs` takes. Bytes pickle cheaply, so a build's worker processes send these.

    >>> to_ntriples([(URIRef("http://ex/a"), URIRef("http://ex/p"), Literal("line 1\nline 2"))])
    b'<http://ex/a> <http://ex/p> "line 1\\nline 2" .\n'
    """
    conv = memo_to_ox()
    return ox.serialize([ox.Triple(conv(s), conv(p), conv(o)) for s, p, o in triples], format=ox.RdfFormat.N_TRIPLES)


def from_ntriples(data: bytes) -> list[tuple]:
    r"""N-Triples (as :func:`to_ntriples` writes them) as (subject, predicate, object) of pyoxigraph
    terms, which :meth:`Store.replace_graph` takes as they are.

    >>> [str(o) for _, _, o in from_ntriples(b'<http://ex/a> <http://ex/p> "x" .\n')]
    ['"x"']
    """
    return [(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def _has_blank_nodes(ntriples: bytes) -> bool:
    return any(isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode) for s, _, o in from_ntriples(ntriples))


def _nq(q: ox.Quad) -> str:
    return f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"


def _nt(q: ox.Quad) -> str:
    return f"{q.subject} {q.predicate} {q.object} ."


def _scratch() -> ox.NamedNode:
    """A scratch graph name for one write alone (recorded triples, settled and dropped in the same request)."""
    return ox.NamedNode(f"urn:uuid:{uuid.uuid4()}")


def _new_data_name() -> str:
    return f"data-{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:8]}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _open_ox(data: Path, read_only: bool, store_path: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(data)) if read_only else ox.Store(str(data))
    except OSError as e:
        text = str(e)
        if "lock" in text.lower():
            raise
        raise StoreError(
            f"{store_path}: Oxigraph cannot read this store ({text})",
            hint=f"it may come from an incompatible Oxigraph version; rebuild it: collabkg build --store {store_path}",
        ) from e


def _as_sources(source) -> list:
    if isinstance(source, (str, os.PathLike)):
        return [Path(source)]
    if hasattr(source, "read"):
        return [source]
    return [Path(s) if isinstance(s, (str, os.PathLike)) else s for s in source]


def _size(src) -> int | None:
    if isinstance(src, Path):
        try:
            return src.stat().st_size
        except OSError:
            return None
    return None


def _guess_format(src, format) -> ox.RdfFormat:
    if isinstance(format, ox.RdfFormat):
        return format
    if format is not None:
        try:
            return _FORMAT_NAMES[str(format).lower()]
        except KeyError:
            raise StoreError(f"unknown RDF format {format!r}",
                             hint="use one of: " + ", ".join(sorted(_FORMAT_NAMES))) from None
    name = src.name if isinstance(src, Path) else str(getattr(src, "name", ""))
    suffixes = [x.lower() for x in Path(name).suffixes if x.lower() != ".gz"]
    if suffixes and suffixes[-1] in _FORMATS:
        return _FORMATS[suffixes[-1]]
    raise StoreError(f"{name or 'input'}: cannot tell the RDF format from the file name",
                     hint="pass format='nq' (or nt, ttl, trig, xml, jsonld)")


class _Counting(io.RawIOBase):
    """A read-only byte stream that reports how many bytes of the underlying file were read."""

    def __init__(self, raw, on_read):
        self._raw, self._on_read = raw, on_read

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self._raw.readinto(b)
        if n:
            self._on_read(n)
        return n


def _load_into(store: ox.Store, sources, format, gname, chunk_quads: int, report, lenient: bool = False,
               workers: int = 1, *, base_iri: str | None = None) -> int:
    import gzip

    done = 0
    n = 0
    lock = threading.Lock()

    def on_read(k: int) -> None:
        nonlocal done
        with lock:
            done += k
            report(done, None)

    for i, src in enumerate(sources):
        fmt = _guess_format(src, format)
        label = str(src) if isinstance(src, Path) else getattr(src, "name", "input")
        if (workers > 1 and isinstance(src, Path) and fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES)
                and not label.endswith(".gz") and (_size(src) or 0) >= PARALLEL_MIN_BYTES):
            n += _load_ranges(store, src, fmt, gname, lenient, workers, on_read)
            # the merge: the same lines again, as triples of the default graph (natively; the
            # byte ranges hold no blank node, so nodes need not be shared between the copies)
            _load_ranges(store, src, fmt, gname, lenient, workers, lambda k: None, merge=True)
            continue
        try:
            raw = open(src, "rb") if isinstance(src, Path) else src
        except OSError as e:
            raise StoreError(f"{src}: cannot read ({e.strerror})", hint="check the path") from e
        try:
            counted = io.BufferedReader(_Counting(raw, on_read), 1 << 20)
            stream = gzip.GzipFile(fileobj=counted) if label.endswith(".gz") else counted
            # blank nodes get fresh ids per file (consistent within it, across chunks)
            base = base_iri or (src.resolve().as_uri() if isinstance(src, Path) else None)
            quads = ox.parse(stream, format=fmt, rename_blank_nodes=True, lenient=lenient, base_iri=base)
            while True:
                chunk = list(itertools.islice(quads, chunk_quads))
                if not chunk:
                    break
                if gname is not None:
                    chunk = [ox.Quad(q.subject, q.predicate, q.object, gname)
                             if isinstance(q.graph_name, ox.DefaultGraph) else q for q in chunk]
                # each statement also goes to the merged default graph (a set: no duplicates)
                store.bulk_extend(chunk + [ox.Quad(q.subject, q.predicate, q.object) for q in chunk])
                n += len(chunk)
        except SyntaxError as e:
            raise StoreError(f"{label}: not valid RDF: {e}", hint="fix the file; the store is unchanged") from e
        finally:
            if isinstance(src, Path):
                raw.close()
    return n


class _BlankNodesSeen(Exception):
    """A file loaded by byte ranges holds blank nodes: it must be loaded as one stream."""


class _LineRange(io.RawIOBase):
    """Whole lines of ``path`` from byte ``start`` to ``end``, counting the statements read.

    Lines are counted once each, as whole lines: a line is a statement unless it is blank or a
    comment (N-Quads / N-Triples hold one statement per line). Raises :class:`_BlankNodesSeen` at
    the first ``_:``; reads as end of file once ``stop`` is set.
    """

    _STATEMENT = re.compile(rb"^[ \t]*[^ \t\r\n#]", re.M)

    #: an N-Quads line without blank nodes: its triple, and the graph name to drop (when merging)
    _GRAPH_NAME = re.compile(
        rb'^([ \t]*<[^>\s]*>[ \t]*<[^>\s]*>[ \t]*(?:<[^>\s]*>|"(?:[^"\\\n]|\\.)*"(?:\^\^<[^>\s]*>|@[A-Za-z0-9-]+)?))'
        rb'[ \t]*<[^>\s]*>([ \t]*\.[ \t]*\r?)$', re.M)

    def __init__(self, path: Path, start: int, end: int, on_read, stop: threading.Event, merge: bool = False):
        self._merge = merge
        self._f = open(path, "rb")
        self._f.seek(start)
        self._left = end - start
        self._lines = memoryview(b"")  # whole lines, counted, not yet handed out
        self._tail = b""  # a partial last line, waiting for the rest of it
        self._on_read, self._stop = on_read, stop
        self.statements = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._stop.is_set():
            return 0
        while not self._lines:
            if self._left <= 0 and not self._tail:
                return 0
            block = self._f.read(min(1 << 20, self._left)) if self._left > 0 else b""
            self._left -= len(block)
            if block:
                self._on_read(len(block))
            data = self._tail + block
            cut = len(data) if self._left <= 0 else data.rfind(b"\n") + 1
            lines, self._tail = data[:cut], data[cut:]
            if b"_:" in lines:
                raise _BlankNodesSeen()
            n_lines = lines.count(b"\n") + (bool(lines) and not lines.endswith(b"\n"))
            starts = lines.count(b"\n<") + lines.startswith(b"<")
            self.statements += starts if starts == n_lines else len(self._STATEMENT.findall(lines))
            if self._merge:
                lines = self._GRAPH_NAME.sub(rb"\1\2", lines)
            self._lines = memoryview(lines)
        k = min(len(b), len(self._lines))
        b[:k] = self._lines[:k]
        self._lines = self._lines[k:]
        return k

    def close(self) -> None:
        self._f.close()
        super().close()


def _line_ranges(path: Path, size: int, range_bytes: int) -> list[tuple[int, int]]:
    """Split ``path`` into byte ranges of about ``range_bytes`` that start and end at line breaks."""
    out, start = [], 0
    with open(path, "rb") as f:
        while start < size:
            end = min(start + range_bytes, size)
            if end < size:
                f.seek(end)
                f.readline()
                end = f.tell()
            out.append((start, end))
            start = end
    return out


def _lines_before(path: Path, offset: int) -> int:
    n = 0
    with open(path, "rb") as f:
        while offset > 0:
            block = f.read(min(1 << 20, offset))
            if not block:
                break
            n += block.count(b"\n")
            offset -= len(block)
    return n


def _load_ranges(store: ox.Store, path: Path, fmt, gname, lenient: bool, workers: int, on_read,
                 merge: bool = False) -> int:
    """Load one N-Quads / N-Triples file with ``workers`` threads, each taking byte ranges of it.

    ``merge``: load its statements into the default graph instead (graph names dropped from
    each line: the N-Quads are read as N-Triples).
    """
    if merge:
        fmt, gname = ox.RdfFormat.N_TRIPLES, ox.DefaultGraph()
    size = path.stat().st_size
    range_bytes = max(1 << 16, min(RANGE_BYTES, -(-size // (2 * workers))))
    todo = list(enumerate(_line_ranges(path, size, range_bytes)))
    todo.reverse()
    stop = threading.Event()
    failures: list[tuple[int, BaseException]] = []
    counts: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        while not stop.is_set():
            with lock:
                if not todo:
                    return
                i, (start, end) = todo.pop()
            reader = _LineRange(path, start, end, on_read, stop, merge)
            try:
                store.bulk_load(io.BufferedReader(reader, 1 << 20), format=fmt, to_graph=gname, lenient=lenient)
            except BaseException as e:  # noqa: BLE001 - reported below, the earliest range first
                stop.set()
                with lock:
                    failures.append((start, e))
                return
            finally:
                reader.close()
            with lock:
                counts.append(reader.statements)

    threads = [threading.Thread(target=work, name=f"collabkg-load-{k}", daemon=True) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        start, e = min(failures, key=lambda f: f[0])
        if isinstance(e, _BlankNodesSeen):
            raise e
        if isinstance(e, SyntaxError):
            offset = _lines_before(path, start)
            msg = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + offset}", str(e.args[0] if e.args else e))
            raise StoreError(f"{path}: not valid RDF: {msg}", hint="fix the file; the store is unchanged") from e
        if isinstance(e, OSError):
            raise StoreError(f"{path}: cannot read ({e})", hint="check the file") from e
        raise e
    return sum(counts)


def _progress_reporter(progress, total: int | None):
    """Return ``report(done, _)``; ``report(None, None)`` ends the bar."""
    if callable(progress):
        def report(done, _):
            if done is not None:
                progress(done, total)
        return report
    if not progress:
        return lambda done, _: None
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn
    from rich.console import Console

    bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                   TransferSpeedColumn(), TimeRemainingColumn(), console=Console(stderr=True),
                   transient=False)
    task = bar.add_task("loading", total=total)
    bar.start()
    state = {"last": 0.0}

    def report(done, _):
        if done is None:
            bar.stop()
            return
        now = time.monotonic()
        if now - state["last"] > 0.1 or (total and done >= total):
            state["last"] = now
            bar.update(task, completed=done)
    return report
