"""The Python API: the same operations as the ``collabkg`` command, as functions.

>>> import tempfile
>>> tmp = tempfile.mkdtemp()
>>> report = build(store=tmp + "/store", out=tmp + "/out")     # the bundled sample corpus
>>> report.exit_code, [d.status for d in report.documents]
(0, ['added', 'added'])
>>> build(store=tmp + "/store", out=tmp + "/out").documents[0].status   # nothing changed
'unchanged'
>>> summary(tmp + "/store")["documents"]
2
"""

from __future__ import annotations

import gc
import os
import tempfile
import warnings
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
import yaml
from rdflib import Graph, Literal, URIRef

from collabkg.errors import BuildWarning, CollabKGError, DocumentError, StoreError
from collabkg.graph.store import Store, default_store_path, from_ntriples, to_ntriples
from collabkg.loaders.documents import Document, find_documents, read_document
from collabkg.loaders.emit import EXTRACTOR_VERSION, document_iri, emit_document, emit_registry, entity_iri, registry_key
from collabkg.loaders.extract import extract
from collabkg.loaders.fetch import TIMEOUT as FETCH_TIMEOUT, is_url, make_client as fetch_client, read_url, read_url_list
from collabkg.loaders.manifest import load_manifest
from collabkg.loaders.nlp import build_pipeline, get_pipeline
from collabkg.loaders.registry import Registry, load_places, load_registry
from collabkg.ontology.iris import REGISTRY_GRAPH
from collabkg.ontology.namespace import CKG
from collabkg.ontology.prefixes import PREFIXES
from collabkg.ontology.shape_queries import conforming as shapes_conform
from collabkg.ontology.validate import ValidationResult, keep_conforming, validate as shacl_validate
from collabkg.safetext import XML_ILLEGAL, for_xml

__all__ = [
    "BuildReport", "DocumentResult", "build", "validate", "export", "summary", "open_store",
    "default_corpus", "EXPORT_FORMATS", "using_store", "export_files", "write_atomically", "remove",
    "stored_documents", "StoredDocument",
]

#: ``collabkg export --format`` names -> (pyoxigraph format name, file suffix, keeps named graphs)
EXPORT_FORMATS = {
    "trig": ("TRIG", "trig", True), "nq": ("N_QUADS", "nq", True), "ttl": ("TURTLE", "ttl", False),
    "nt": ("N_TRIPLES", "nt", False), "jsonld": ("JSON_LD", "jsonld", True), "xml": ("RDF_XML", "rdf", False),
}

# exit codes: everything loaded / some inputs could not be loaded (others were) / nothing usable
EXIT_OK, EXIT_FATAL, EXIT_PARTIAL = 0, 1, 3


@dataclass
class DocumentResult:
    """What happened to one input document."""

    path: str
    status: str  # added | updated | unchanged | failed | skipped | removed
    graph: str | None = None
    triples: int = 0
    message: str = ""


@dataclass
class BuildReport:
    """The outcome of :func:`build`: per-document results, problems, counts, and where files went."""

    documents: list[DocumentResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    store: str = ""
    outputs: list[str] = field(default_factory=list)
    #: files in the input folders that no reader reads, by suffix: ``{".csv": 3, ".png": 1}``
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def loaded(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status in ("added", "updated", "unchanged")]

    @property
    def exit_code(self) -> int:
        """0: every input loaded; 3: some inputs could not be (the rest are stored); 1: none loaded."""
        if not self.loaded:
            return EXIT_FATAL
        return EXIT_PARTIAL if self.problems else EXIT_OK


def default_corpus() -> Path:
    """The bundled sample corpus folder (two documents and their attribution, ``sources.yaml``)."""
    return Path(str(resources.files("collabkg.corpus")))


def default_out_dir(store_path: Path) -> Path:
    """Where a build writes graph.trig and graph.ttl without ``--out``.

    Beside a store folder named ``store`` (``.collabkg/store`` -> ``.collabkg/``), else in a sibling
    folder named after it, so ``--store /tmp/x`` never writes into ``/tmp`` itself.

    >>> default_out_dir(Path(".collabkg/store")), default_out_dir(Path("/tmp/kg"))
    (PosixPath('.collabkg'), PosixPath('/tmp/kg.out'))
    """
    return store_path.parent if store_path.name == "store" else store_path.with_name(store_path.name + ".out")


def open_store(store: str | os.PathLike | Store | None = None, *, read_only: bool = False) -> Store:
    """Return ``store`` if it is a :class:`Store`, else open the folder (default location if None)."""
    if isinstance(store, Store):
        return store
    path = Path(store) if store is not None else default_store_path()
    if read_only and not path.exists():
        raise StoreError(f"{path}: no store here", hint="run `collabkg build` first, or pass --store")
    return Store(path, read_only=read_only)


@contextmanager
def using_store(store: str | os.PathLike | Store | None = None, *, read_only: bool = False) -> Iterator[Store]:
    """Yield a store; close it afterwards only if it was opened here (a path, or the default)."""
    st = open_store(store, read_only=read_only)
    try:
        yield st
    finally:
        if st is not store:
            st.close()


def _sources_metadata(paths: Iterable[Path]) -> tuple[dict[Path, dict], list[str]]:
    """Metadata from the ``sources.yaml`` files of the inputs: resolved file path -> fields.

    A file given by name uses the ``sources.yaml`` beside it only; a folder, every one below it.
    Each ``sources.yaml`` is read (and a broken one reported) once.
    """
    meta: dict[Path, dict] = {}
    problems: list[str] = []
    files: dict[Path, Path] = {}
    for p in paths:
        if p.is_dir():
            candidates = sorted(p.rglob("sources.yaml"))
        else:
            candidates = [p.parent / "sources.yaml"]
        for y in candidates:
            if y.is_file():
                files.setdefault(y.resolve(), y)
    for y in files.values():
        try:
            items = yaml.safe_load(y.read_text("utf-8")) or []
        except (yaml.YAMLError, OSError, UnicodeDecodeError) as e:
            problems.append(f"{y}: cannot read document metadata: {e}")
            continue
        if not isinstance(items, list):
            problems.append(f"{y}: expected a list of documents with 'file:' fields")
            continue
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict) or "file" not in item:
                problems.append(f"{y}: entry {i} has no 'file:' field")
                continue
            meta[(y.parent / str(item["file"])).resolve()] = {k: v for k, v in item.items() if k != "file"}
    return meta, problems


@dataclass(frozen=True)
class StoredDocument:
    """A document already in the store: its IRI (= graph name), content hash, extractor version and file."""

    iri: str
    sha256: str
    version: str
    file: str | None  # absolute path it was read from; None in stores built before it was recorded
    name: str | None  # its file name (dcterms:source)


def stored_documents(store: Store) -> dict[str, StoredDocument]:
    """Every document graph in ``store``: IRI -> :class:`StoredDocument`."""
    q = """SELECT ?g ?h ?v ?f ?n WHERE { GRAPH ?g { ?g ckg:contentHash ?h .
             OPTIONAL { ?g ckg:extractorVersion ?v } OPTIONAL { ?g ckg:sourceFile ?f }
             OPTIONAL { ?g dcterms:source ?n FILTER (isLiteral(?n)) } } }"""
    out = {}
    for row in store.query(q, use_default_graph_as_union=False):
        val = lambda k: row[k].value if row[k] is not None else None  # noqa: E731
        out[row["g"].value] = StoredDocument(row["g"].value, val("h"), val("v") or "", val("f"), val("n"))
    return out


class _Identities:
    """Which stored document a document read now is: by its file path, else by its content.

    A new document takes the IRI of its file name, or the next free ``…/name/2``, ``/3`` when
    another document (another file, other content) already has it.
    """

    def __init__(self, stored: dict[str, StoredDocument]):
        self.stored = stored
        self.by_file = {d.file: d for d in stored.values() if d.file}
        self.by_hash: dict[str, StoredDocument] = {}
        for d in stored.values():
            self.by_hash.setdefault(d.sha256, d)
        self.taken = set(stored)

    def match(self, doc: Document) -> tuple[str, StoredDocument | None, str]:
        """Return (IRI, the stored document it is or None, a note for the report)."""
        here = str(doc.path.resolve())
        if here in self.by_file:
            return self.by_file[here].iri, self.by_file[here], ""
        same = self.by_hash.get(doc.sha256)
        if same is not None:
            where = same.file or same.name or same.iri
            return same.iri, same, f"same content as {where}, already stored as <{same.iri}>; not stored twice"
        n = 1
        while True:
            iri = str(document_iri(doc, n))
            old = self.stored.get(iri)
            if old is not None and old.file is None:  # a store from before files were recorded: by name
                return iri, old, ""
            if iri not in self.taken:
                break
            n += 1
        self.taken.add(iri)
        note = ""
        if n > 1:
            other = self.stored.get(str(document_iri(doc)))
            where = (other.file if other else None) or "another file"
            note = f"another document is called {doc.path.name} ({where}); this one is stored as <{iri}>"
        return iri, None, note


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing: readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, are synced to disk, and replace ``path``
    in one rename. Missing parent folders are created.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out" / "kg.ttl"
    >>> write_atomically(p, b"<http://ex/a> <http://ex/p> 1 .\\n")
    >>> p.read_bytes()[:13]
    b'<http://ex/a>'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(
    paths: Iterable[str | os.PathLike] | None = None,
    *,
    store: str | os.PathLike | Store | None = None,
    out: str | os.PathLike | None = None,
    registry: Iterable[str | os.PathLike] = (),
    progress: Callable[[str, int, int], None] | None = None,
    prune: bool = False,
    url_lists: Iterable[str | os.PathLike] = (),
    manifest: str | os.PathLike | None = None,
    follow_links: bool = False,
    fetch_limits: dict | None = None,
    workers: int | None = None,
) -> BuildReport:
    """Read documents, extract, resolve, validate and store them; write TriG and Turtle to ``out``.

    Each document is validated (SHACL) before it is stored in its own named graph, so a bad
    document writes nothing and never touches what is already stored. A document stored before is
    replaced in one transaction; new documents are written together in bulk, then their content
    hashes in one transaction, and a document without its hash is not taken for stored: a build cut
    short inside a bulk write leaves statements that the next build writes again whole (and says
    so). A fact that breaks a shape is left out and reported (shape, quote, rule; exit code 3); the
    document's other facts are stored. An unchanged document (same bytes, same extractor version)
    is not read again.

    A document is known by the file it was read from, or by its content under another name; a
    different document with a file name already stored gets its own IRI (``…/report-txt/2``).
    ``prune=True`` removes stored documents whose file, below one of the folders given, is gone.
    Problems with single inputs (empty, binary, undecodable, too large, duplicate, malformed
    registry entry) are reported in ``report.problems`` and the others still load.

    ``paths`` may hold http(s) URLs, fetched and read by their content type; ``url_lists`` are
    text files of URLs, one a line. ``manifest`` (CSV or YAML) gives metadata the files lack
    (:mod:`collabkg.loaders.manifest`). Links inside a folder that lead out of it are followed
    only with ``follow_links``. ``fetch_limits``: ``timeout``, ``deadline``, ``max_bytes`` of
    :func:`collabkg.loaders.fetch.fetch`. ``workers``: processes that parse, extract and validate
    documents in parallel (:func:`default_workers`); the building process stores them, in input
    order, so the graph is the same whatever the number. Files of a folder that no reader reads are counted in
    ``report.skipped`` by suffix.

    Raises
    ------
    DocumentError
        none of ``paths`` exists.
    StoreError
        the store folder cannot be opened.

    Warns
    -----
    BuildWarning
        some inputs could not be read, or facts were left out (the report lists them all).
    """
    report = BuildReport()
    paths = [p if is_url(p) else Path(p) for p in (paths or ([] if url_lists else [default_corpus()]))]
    for f in url_lists:
        urls, bad = read_url_list(f)
        paths += urls
        report.problems += [str(b) for b in bad]
    if paths and not any(isinstance(p, str) or p.exists() for p in paths):
        raise DocumentError(", ".join(map(str, paths)), "no such file or folder",
                            hint="give files (.txt .md .html .pdf .docx), folders or URLs that exist; none of these does")
    manifest_meta: dict = {}
    if manifest is not None:
        manifest_meta, bad = load_manifest(manifest)
        report.problems += [str(b) for b in bad]
    reg, reg_problems = load_registry(*registry, strict=False)
    report.problems += [str(p) for p in reg_problems]
    places = load_places()
    nlp = get_pipeline() if not registry else build_pipeline(reg, places)
    with using_store(store) as st:
        _build(st, report, paths, reg, places, nlp, out, progress, prune=prune,
               manifest_meta=manifest_meta, follow_links=follow_links, fetch_limits=fetch_limits or {},
               workers=default_workers() if workers is None else max(1, workers))
    if report.problems:  # loudly, as the command line does: not only in report.problems
        more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        warnings.warn(f"build: {report.problems[0]}{more}; see report.problems", BuildWarning, stacklevel=2)
    return report


def _prune(st: Store, report: BuildReport, paths: list[Path], found: list[Path], stored: dict[str, StoredDocument]) -> None:
    """Remove the stored documents read from a file below one of the ``paths`` folders that is gone."""
    folders = [p.resolve() for p in paths if not isinstance(p, str) and p.is_dir()]  # URLs are no folders
    present = {str(f.resolve()) for f in found if not isinstance(f, str)}
    for d in stored.values():
        if d.file and d.file not in present and not Path(d.file).exists() and any(Path(d.file).is_relative_to(f) for f in folders):
            st.remove_graph(URIRef(d.iri))
            report.documents.append(DocumentResult(d.file, "removed", d.iri, message="its file is gone (--prune)"))


def remove(
    documents: Iterable[str | os.PathLike],
    *,
    store: str | os.PathLike | Store | None = None,
    out: str | os.PathLike | None = None,
    registry: Iterable[str | os.PathLike] = (),
) -> list[str]:
    """Remove documents and every fact read from them; rewrite the registry graph, TriG and Turtle.

    Each of ``documents`` is the file a document was read from (it may be gone), its file name
    when only one stored document has that name, or the document's IRI. Returns the removed IRIs.
    ``registry``: the extra registry files the build used, so their bodies' facts stay.

    Raises
    ------
    DocumentError
        a document is not in the store, or a file name names several (give the path or IRI).
    StoreError
        the store folder cannot be opened.
    """
    removed: list[str] = []
    with using_store(store) as st:
        stored = stored_documents(st)
        targets = []
        for ref in documents:
            ref = str(ref)
            hits = [d for d in stored.values() if ref == d.iri or (d.file and d.file == str(Path(ref).resolve()))]
            if not hits:
                hits = [d for d in stored.values() if ref in (d.name, Path(d.file).name if d.file else None)]
            if not hits:
                raise DocumentError(ref, "no such document in the store", hint="`collabkg sparql documents` lists them")
            if len(hits) > 1:
                raise DocumentError(ref, f"{len(hits)} stored documents have this name: " + ", ".join(d.file or d.iri for d in hits),
                                    hint="give the document's path or IRI")
            targets.append(hits[0].iri)
        for iri in dict.fromkeys(targets):
            st.remove_graph(URIRef(iri))
            removed.append(iri)
        _refresh_registry_graph(st, load_registry(*registry, strict=False)[0])
        st.flush()
        if out is not None or st.path is not None:
            export_files(st, Path(out) if out is not None else default_out_dir(st.path))
    return removed


def _build(st: Store, report: BuildReport, paths, reg, places, nlp, out, progress, *, prune: bool = False,
           manifest_meta: dict | None = None, follow_links: bool = False, fetch_limits: dict | None = None,
           workers: int = 1) -> BuildReport:
    fetch_limits = fetch_limits or {}
    report.store = str(st.path) if st.path else "(memory)"
    files = [p for p in paths if not isinstance(p, str)]
    found, problems = find_documents(files, follow_links=follow_links, skipped=report.skipped) if files else ([], [])
    found += list(dict.fromkeys(p for p in paths if isinstance(p, str)))  # URLs, each once
    for p in problems:
        report.problems.append(str(p))
        report.documents.append(DocumentResult(p.path, "failed" if "no such" in p.problem or "unsupported" in p.problem or "no documents" in p.problem else "skipped", message=p.problem))
    meta, meta_problems = _sources_metadata(files)
    report.problems += meta_problems
    meta.update(manifest_meta or {})
    client = None
    stored = stored_documents(st)
    ids = _Identities(stored)
    seen_hashes: dict[str, Path] = {}
    acronyms: dict[str, str] = {}
    # each input's problems and result, in input order whatever batch it was finished in
    slots: list[tuple[list[str], list[DocumentResult]]] = []
    pending: list[_Pending] = []
    global _CONTEXT
    _CONTEXT = (reg, places, nlp, acronyms)
    pool = None
    # progress is told of document i when every input before it is finished (stored or not), as
    # when documents went one at a time: what is announced before i is in the store
    unannounced: deque[tuple[int, str]] = deque()
    finished: set[int] = set()
    queued: set[int] = set()
    first_unfinished = 0

    def announce() -> None:
        while unannounced and unannounced[0][0] <= first_unfinished:
            j, name = unannounced.popleft()
            if progress:
                progress(name, j, len(found))

    def done(i: int) -> None:
        nonlocal first_unfinished
        finished.add(i)
        while first_unfinished in finished:
            first_unfinished += 1
        announce()

    def finish_batch(last: bool = False) -> None:
        """Hand the pending documents to the workers, then store the batch they analysed before
        (so the building process stores one batch while the workers analyse the next); with
        ``last``, store everything."""
        nonlocal pool, in_flight
        if pool is None and workers > 1 and len(pending) >= 2 * workers:
            import multiprocessing

            # forked: the workers share the loaded pipeline, registry and places (_CONTEXT)
            pool = multiprocessing.get_context("fork").Pool(workers)
        nxt = None
        if pending:
            items = list(pending)
            pending.clear()
            if pool is not None and len(items) >= 2:
                nxt = (items, _submit_batch(pool, items))
            else:  # analysed here and now, after what the workers have
                if in_flight is not None:
                    _store_batch(st, *in_flight, done)
                    in_flight = None
                _store_batch(st, items, _analyse_chunk(_chunk_of(items)), done)
        if in_flight is not None:
            _store_batch(st, *in_flight, done)
        in_flight = nxt
        if last and in_flight is not None:
            _store_batch(st, *in_flight, done)
            in_flight = None

    def read_one(i: int, path) -> None:
        """Read input ``i``: its result now (failed, skipped, unchanged), or queued to be loaded."""
        nonlocal client
        problems_here: list[str] = []
        results_here: list[DocumentResult] = []
        slots.append((problems_here, results_here))
        try:
            if isinstance(path, str):
                client = client or fetch_client(fetch_limits.get("timeout", FETCH_TIMEOUT))
                doc = read_url(path, metadata=meta.get(path), client=client, **fetch_limits)
            else:
                doc = read_document(path, metadata=meta.get(path.resolve()))
        except DocumentError as e:
            problems_here.append(str(e))
            results_here.append(DocumentResult(str(path), "failed", message=e.problem))
            return
        # what a reader could not read of a document it read (a scanned page of a PDF): said, not dropped
        problems_here += [f"{path}: {w}" for w in doc.meta.pop("warnings", [])]
        if doc.sha256 in seen_hashes:
            msg = f"same content as {seen_hashes[doc.sha256]}; read once"
            problems_here.append(f"{path}: {msg}")
            results_here.append(DocumentResult(str(path), "skipped", message=msg))
            return
        seen_hashes[doc.sha256] = path
        iri, old, note = ids.match(doc)
        if doc.meta.get("encoding"):
            note = "; ".join(filter(None, [f"decoded as {doc.meta['encoding']}", note]))
        if old is not None and (old.sha256, old.version) == (doc.sha256, EXTRACTOR_VERSION):
            results_here.append(DocumentResult(str(path), "unchanged", iri, message=note))
            return
        queued.add(i)
        pending.append(_Pending(path, doc, iri, old, note, problems_here, results_here, i))

    in_flight: tuple | None = None  # (items, results) of the batch the workers are analysing
    # what is loaded before the build (the pipeline, the registry) is never garbage: kept out of
    # the collector's full passes (a tenth of the CPU of a build), and not copied into workers
    frozen = gc.get_freeze_count() == 0  # (unless the caller froze it)
    if frozen:
        gc.freeze()
    ok = False
    try:
        for i, path in enumerate(found):
            unannounced.append((i, path if isinstance(path, str) else path.name))
            announce()
            try:
                read_one(i, path)
            finally:
                if i not in queued:
                    done(i)
            if len(pending) >= BATCH_SIZE:
                finish_batch()
        finish_batch(last=True)
        ok = True
    finally:
        if pool is not None:
            if ok:
                pool.close()
            else:  # a batch may still be running: not waited for
                pool.terminate()
            pool.join()
        _CONTEXT = None
        if frozen:
            gc.unfreeze()
    for problems_here, results_here in slots:
        report.problems += problems_here
        report.documents += results_here
    if client is not None:
        client.close()
    if progress:
        progress("", len(found), len(found))
    if prune:
        _prune(st, report, paths, found, stored)
    _refresh_registry_graph(st, reg)
    st.flush()
    report.counts = _summary(st)
    if out is not None or st.path is not None:
        report.outputs = export_files(st, Path(out) if out is not None else default_out_dir(st.path))
    return report


#: documents parsed together (``nlp.pipe``) before each is extracted and validated; a batch is
#: shared among the worker processes, then stored in order by the building process
BATCH_SIZE = 32


def default_workers() -> int:
    """Worker processes a build uses: ``$COLLABKG_BUILD_WORKERS``, else one per core (at most 4).

    >>> os.environ["COLLABKG_BUILD_WORKERS"] = "1"; default_workers()
    1
    >>> del os.environ["COLLABKG_BUILD_WORKERS"]
    """
    env = os.environ.get("COLLABKG_BUILD_WORKERS", "").strip()
    if env:
        try:
            return max(1, int(env))
        except ValueError:
            raise ValueError(f"COLLABKG_BUILD_WORKERS={env!r} is not a number of processes; give e.g. 1 or 2") from None
    return max(1, min(4, os.cpu_count() or 1))


@dataclass
class _Pending:
    """A document read and to be loaded, with the lists its problems and result go to."""

    path: Path | str
    doc: Document
    iri: str
    old: StoredDocument | None
    note: str
    problems: list[str]
    results: list[DocumentResult]
    index: int = 0   # its place among the build's inputs


@dataclass
class _Analysed:
    """What a worker made of one document: its graph's triples, or why it is not stored."""

    body: bytes | None = None  # its graph's statements but the commit, as N-Triples (cheap to pickle)
    commit: bytes = b""        # the statement saying it is stored (its content hash), as N-Triples
    count: int = 0             # statements in all
    dropped: list = field(default_factory=list)
    refused: str = ""    # the document's own description broke a shape
    failed: str = ""     # a bug in a rule: "Type: message"
    error: BaseException | None = None  # a CollabKGError, raised again by the building process


def parse_texts(nlp, texts: list[str]) -> list:
    """``texts`` parsed by ``nlp`` in batches (``nlp.pipe``), the same parses as ``nlp(text)`` each.

    A text the pipeline fails on costs no other: if the batch fails, the result holds None for
    every text, and each is parsed alone when extracted (where a failure is that document's). A
    text too long to parse at once is None too: the extractor parses it in sections.
    """
    from collabkg.loaders.nlp import SECTION_CHARS

    limit = min(SECTION_CHARS, nlp.max_length)
    short = [k for k, t in enumerate(texts) if len(t) <= limit]
    out: list = [None] * len(texts)
    try:
        for k, parsed in zip(short, nlp.pipe([texts[k] for k in short], batch_size=BATCH_SIZE)):
            out[k] = parsed
    except Exception:  # noqa: BLE001 - retried one by one, where the error is reported per document
        return [None] * len(texts)
    return out


#: (registry, places, nlp, known acronyms) of the build running: set before worker processes fork
_CONTEXT: tuple | None = None


def _analyse_chunk(chunk: list[tuple[Document, str, str | None]]) -> list[_Analysed]:
    """Parse, extract, emit and validate documents (doc, IRI, file to record); store nothing.

    The graphs are checked together first (:func:`collabkg.ontology.shape_queries.conforming`: the
    shapes as SPARQL, one Oxigraph store for the chunk); only those it cannot pass are validated
    one by one with pySHACL, which drops the facts that break a shape. A document that fails
    costs the others nothing.
    """
    reg, places, nlp, acronyms = _CONTEXT
    out: list[_Analysed | None] = []
    emitted: list[tuple[int, Graph, Graph, str]] = []  # (place in out, graph, registry facts, IRI)
    for (doc, iri, source_file), parsed in zip(chunk, parse_texts(nlp, [c[0].text for c in chunk])):
        try:
            x = extract(doc, registry=reg, places=places, nlp=nlp, known_acronyms=acronyms, spacy_doc=parsed)
            g = emit_document(doc, x, URIRef(iri))
            if source_file:
                g.set((URIRef(iri), CKG.sourceFile, Literal(source_file)))  # the same document, found elsewhere
            used = {e.entry.id for e in x.entities.values() if e.entry}
            emitted.append((len(out), g, emit_registry(used, reg, places, REGISTRY_GRAPH), iri))
            out.append(None)
        except CollabKGError as e:
            out.append(_Analysed(error=e))
        except Exception as e:  # a bug in a rule must not lose the other documents
            out.append(_Analysed(failed=f"{type(e).__name__}: {e}"))
    passed = shapes_conform([g for _, g, _, _ in emitted], [keep for _, _, keep, _ in emitted])
    for (k, g, keep, iri), ok in zip(emitted, passed):
        try:
            dropped: list = []
            if not ok:
                g, dropped, result = keep_conforming(g, keep=keep, protected={URIRef(iri)})
                if not result.conforms:
                    bad = [v for v in result.violations if v.severity == "Violation"]
                    out[k] = _Analysed(refused=f"the document's own description does not conform ({len(bad)} SHACL violations), "
                                              f"not stored: {bad[0]}")
                    continue
            out[k] = _as_stored(g, URIRef(iri), dropped)
        except CollabKGError as e:
            out[k] = _Analysed(error=e)
        except Exception as e:  # noqa: BLE001 - as above
            out[k] = _Analysed(failed=f"{type(e).__name__}: {e}")
    return out


def _as_stored(g: Graph, iri: URIRef, dropped: list) -> _Analysed:
    """A document's graph as the building process stores it (:meth:`Store.add_graphs`): its content
    hash, which tells a later build the document is stored, apart from the rest."""
    commit = [t for t in g.triples((iri, CKG.contentHash, None))]
    body = [t for t in g if t[1] != CKG.contentHash or t[0] != iri]
    return _Analysed(body=to_ntriples(body), commit=to_ntriples(commit), count=len(body) + len(commit), dropped=dropped)


def _chunk_of(items: list[_Pending]) -> list[tuple[Document, str, str | None]]:
    """What a worker needs of each item: (document, IRI, file to record)."""
    return [(i.doc, i.iri, i.old.file if i.old is not None and i.old.file and not isinstance(i.path, str)
             and i.old.file != str(i.path.resolve()) else None) for i in items]


class _Submitted:
    """A batch being analysed in a pool's processes, one part a process; :meth:`get` waits for it."""

    def __init__(self, parts):
        self.parts = parts

    def get(self) -> list[_Analysed]:
        return [a for p in self.parts for a in p.get()]


def _submit_batch(pool, items: list[_Pending]) -> _Submitted:
    chunk = _chunk_of(items)
    size = -(-len(chunk) // pool._processes)
    return _Submitted([pool.apply_async(_analyse_chunk, (chunk[k:k + size],)) for k in range(0, len(chunk), size)])


def _store_batch(st: Store, items: list[_Pending], analysed, done: Callable[[int], None] = lambda i: None) -> None:
    """Store the analysed items in order; ``done(item.index)`` after each is stored (or not).

    A run of new documents is written together (:meth:`Store.add_graphs`: one bulk write, then
    their content hashes in one transaction); a document stored before is replaced in a
    transaction of its own, where only the difference is written.
    """
    if isinstance(analysed, _Submitted):
        analysed = analysed.get()
    run: list[tuple[_Pending, _Analysed]] = []

    def write_run() -> None:
        if not run:
            return
        try:
            again = st.add_graphs([(item.iri, a.body, a.commit) for item, a in run])
        except CollabKGError:
            raise
        except Exception:  # noqa: BLE001 - one at a time, where a failure is that document's alone
            for item, a in run:
                _store_analysed(st, item, a)
                done(item.index)
            run.clear()
            return
        for item, a in run:
            if item.iri in again:
                item.note = "; ".join(filter(None, [item.note, "an interrupted build had left this document half-stored; "
                                                               "stored again whole"]))
            _report_stored(item, a)
            done(item.index)
        run.clear()

    for item, a in zip(items, analysed):
        if a.body is not None and item.old is None:
            run.append((item, a))
            continue
        write_run()
        _store_analysed(st, item, a)
        done(item.index)
    write_run()


def _store_analysed(st: Store, item: _Pending, a: _Analysed) -> None:
    """Store one analysed document in a transaction of its own, or say in ``item`` why it is not stored."""
    path, iri = item.path, item.iri
    if a.error is not None:
        raise a.error
    if a.failed:
        item.problems.append(f"{path}: extraction failed: {a.failed}")
        item.results.append(DocumentResult(str(path), "failed", iri, message=a.failed.split(": ", 1)[-1]))
        return
    if a.refused:
        item.problems.append(f"{path}: {a.refused}")
        item.results.append(DocumentResult(str(path), "failed", iri, message=a.refused))
        return
    try:
        st.replace_graph(URIRef(iri), from_ntriples(a.body + a.commit))
    except CollabKGError:
        raise
    except Exception as e:  # noqa: BLE001 - as before: one document's failure is that document's
        item.problems.append(f"{path}: extraction failed: {type(e).__name__}: {e}")
        item.results.append(DocumentResult(str(path), "failed", iri, message=str(e)))
        return
    _report_stored(item, a)


def _report_stored(item: _Pending, a: _Analysed) -> None:
    """Say in ``item`` that its document is stored, and which of its facts were left out."""
    note = item.note
    for d in a.dropped:  # one bad fact never costs the document its other facts
        item.problems.append(f"{item.path}: {d}")
    if a.dropped:
        note = "; ".join(filter(None, [note, f"{len(a.dropped)} fact(s) broke a shape and were left out (see the warnings)"]))
    item.results.append(DocumentResult(str(item.path), "updated" if item.old is not None else "added", item.iri, a.count, note))


def _refresh_registry_graph(st: Store, reg: Registry) -> None:
    """Rewrite the registry graph for the registry bodies any document graph names."""
    used = set()
    for e in reg:
        iri = entity_iri(registry_key(e))
        ask = f"ASK {{ GRAPH ?g {{ <{iri}> ?p ?o }} FILTER (?g != <{REGISTRY_GRAPH}>) }}"
        if st.query(ask, use_default_graph_as_union=False):
            used.add(e.id)
    st.replace_graph(REGISTRY_GRAPH, emit_registry(used, reg, load_places(), REGISTRY_GRAPH))


def export_files(store: Store | str | os.PathLike, out_dir: str | os.PathLike) -> list[str]:
    """Write ``graph.trig`` (named graphs) and ``graph.ttl`` (all statements) atomically to ``out_dir``."""
    out = []
    with using_store(store) as st:
        for fmt in ("trig", "ttl"):
            path = Path(out_dir) / f"graph.{EXPORT_FORMATS[fmt][1]}"
            write_atomically(path, export(st, fmt))
            out.append(str(path))
    return out


def export(store: Store | str | os.PathLike | None = None, format: str = "trig") -> bytes:
    """Serialise the store: ``trig``, ``nq``, ``jsonld`` keep named graphs; ``ttl``, ``nt``, ``xml`` merge them.

    Raises
    ------
    ValueError
        unknown format name.
    """
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    name, _, datasets = EXPORT_FORMATS[format]
    fmt = getattr(ox.RdfFormat, name)
    prefixes = {k: v for k, v in PREFIXES.items()} if format in ("trig", "ttl", "xml") else None
    with using_store(store, read_only=not isinstance(store, Store)) as st:
        kw = {"prefixes": prefixes} if prefixes else {}
        if datasets:  # the named graphs (the default graph is their merge, derived, not exported)
            # graph by graph: the same quads in the same order as a scan of the whole store
            # (ordered by graph first), without reading the merge only to skip it
            quads = [q for g in st.oxigraph.named_graphs() for q in st.oxigraph.quads_for_pattern(None, None, None, g)]
            return ox.serialize(quads, format=fmt, **kw)
        if format != "xml":  # the merged default graph, written by Oxigraph itself
            return st.oxigraph.dump(format=fmt, from_graph=ox.DefaultGraph(), **kw)
        replaced = 0

        def xml_safe(o):  # RDF/XML cannot carry NUL and other controls; the store keeps them
            nonlocal replaced
            if isinstance(o, ox.Literal) and XML_ILLEGAL.search(o.value):
                replaced += 1
                return ox.Literal(for_xml(o.value), language=o.language) if o.language else ox.Literal(for_xml(o.value), datatype=o.datatype)
            return o

        fix = xml_safe if format == "xml" else (lambda o: o)
        # the merged default graph: each statement once
        triples = [ox.Triple(q.subject, q.predicate, fix(q.object))
                   for q in st.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())]
        if replaced:
            warnings.warn(f"{replaced} literal(s) hold characters XML 1.0 cannot carry (NUL, other controls): written "
                          "as U+FFFD in RDF/XML; the store keeps them, and ttl, nt, trig, nq and jsonld carry them",
                          stacklevel=2)
    return ox.serialize(triples, format=fmt, **kw)


def validate(store: Store | str | os.PathLike | None = None) -> ValidationResult:
    """Validate every statement in the store against the SHACL shapes."""
    with using_store(store, read_only=not isinstance(store, Store)) as st:
        return shacl_validate(st.union_graph())


def summary(store: Store | str | os.PathLike | None = None) -> dict:
    """Counts: documents, entities by kind, relations (reified statements), evidence sentences, triples."""
    with using_store(store, read_only=not isinstance(store, Store)) as st:
        return _summary(st)


def _summary(st: Store) -> dict:
    kinds = Counter()
    for row in st.query("SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ckg:kind ?k } GROUP BY ?k"):
        kinds[row["k"].value] = int(row["n"].value)

    def count(q: str) -> int:
        return int(next(iter(st.query(q)))["n"].value)

    return {
        "documents": count("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ckg:SourceDocument }"),
        "entities": dict(sorted(kinds.items())),
        "relations": count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a rdf:Statement }"),
        "evidence": count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ckg:Evidence }"),
        "triples": len(st),
        "graphs": len(st.graph_names()),
    }
