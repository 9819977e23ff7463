"""A SPARQL 1.1 Protocol endpoint over the store (Starlette on uvicorn), with a query page and views.

Routes
------
``/sparql``
    SPARQL 1.1 Protocol: GET ``?query=``, POST form (``query=`` / ``update=``), POST
    ``application/sparql-query`` / ``application/sparql-update`` bodies (chunked or not), with
    ``default-graph-uri`` / ``named-graph-uri`` and ``using-graph-uri`` / ``using-named-graph-uri``.
    Results by ``Accept`` (q-values honoured): SPARQL JSON (default), XML, CSV, TSV; Turtle
    (default), N-Triples, N-Quads, TriG, JSON-LD, RDF/XML for CONSTRUCT/DESCRIBE (Turtle when the
    client accepts only result formats). ``?format=`` overrides ``Accept``. Without a query: the
    Service Description (Turtle), or the query page for a browser.
``/store``
    Graph Store Protocol: GET/HEAD ``?graph=IRI`` (indirect), ``/store/PATH`` (direct: the URL
    is the graph) or ``?default`` (the stored default graph, :data:`DEFAULT_DATA_GRAPH`; queries
    see the merge) reads; PUT, POST (to ``/store`` alone: a new graph, 201 with ``Location``) and
    DELETE write, only when writes are enabled and the bearer token matches.
``/``
    A plain HTML page: type a query, see the results (every value HTML-escaped).
``/views/``
    The HTML files of the views folder, if one was given (nothing else is served from disk).

Limits, each a clear HTTP error: query timeout (504; the query's worker process is killed and
replaced), result-size cap (422), request-size cap (413 body, chunked or not; 414 URL; 400 for a
bad ``Content-Length``), header limits (431: ``max_headers`` lines, ``max_header_bytes`` in all),
a bounded wait for a worker (503 with ``Retry-After`` once ``max_waiting`` requests wait or the
wait passes ``max_wait``). An engine crash costs one query (500 naming the signal; the worker is replaced).
Read-only by default: SPARQL Update and Graph Store writes get 403 unless the endpoint was
started with ``allow_writes=True`` and a ``token``, and then 401 without ``Authorization: Bearer
<token>``. Federation (``SERVICE``) is refused (400) unless the endpoint is in ``services``;
``LOAD`` always is. CORS with preflight for ``cors_origins``. Binds 127.0.0.1 unless told otherwise.

Why worker processes: pyoxigraph cannot interrupt a running query, so a hard timeout needs a
process boundary. Workers open the store read-only; after a write they are replaced as they are
next borrowed, so reads go on while a write commits.

>>> import urllib.request, json
>>> from collabkg.graph.store import Store
>>> ep = Endpoint(Store(), port=0).start()
>>> with urllib.request.urlopen(ep.url + "/sparql?query=ASK%7B%7D") as r:
...     json.load(r)["boolean"]
True
>>> ep.stop()
"""

from __future__ import annotations

import asyncio
import hmac
import html
import mimetypes
import os
import queue
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from collabkg.errors import CollabKGError, QueryError
from collabkg.graph import sparql as sq
from collabkg.graph.store import DEFAULT_DATA_GRAPH, MARKER, Store, to_ox
from collabkg.ontology.prefixes import PREFIXES

__all__ = ["Endpoint", "serve", "negotiate"]

_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/plain": "tsv",
}
_GRAPH_TYPES = {
    "text/turtle": "ttl",
    "application/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/n-quads": "nq",
    "application/trig": "trig",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/n3": "ttl",
}
_GRAPH_MEDIA = {"ttl": "text/turtle; charset=utf-8", "nt": "application/n-triples", "xml": "application/rdf+xml",
                "nq": "application/n-quads", "trig": "application/trig", "jsonld": "application/ld+json"}
_RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
                "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
_RDF_IN = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
}


class HTTPError(Exception):
    """An error answer: status, message, extra headers."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


_FORMAT_ALIASES = {"turtle": "ttl", "n3": "ttl", "rdf+xml": "xml", "rdf": "xml", "ntriples": "nt",
                   "n-triples": "nt", "sparql-results+json": "json", "sparql-results+xml": "xml",
                   "json-ld": "jsonld", "nquads": "nq", "n-quads": "nq"}


def _accept(header: str | None) -> list[str]:
    """Media types from an Accept header, best first (q-values honoured, q=0 dropped)."""
    if not header:
        return ["*/*"]
    items = []
    for i, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if bits[0] and q > 0:
            items.append((-q, i, bits[0].lower()))
    return [m for _, _, m in sorted(items)] or ["*/*"]


def negotiate(kind: str, accept: str | None, override: str | None = None) -> tuple[str, str]:
    """Return ``(format, media type)`` for a result ``kind`` (select, ask, graph).

    A graph result asked for with result formats only (``application/sparql-results+json``, as
    rdflib's SPARQLStore sends for every query) is answered in Turtle rather than refused.

    >>> negotiate("select", "text/csv;q=0.5, application/sparql-results+xml")
    ('xml', 'application/sparql-results+xml')
    >>> negotiate("graph", "application/sparql-results+json, text/turtle;q=0.1")
    ('ttl', 'text/turtle; charset=utf-8')
    >>> negotiate("graph", "application/ld+json")
    ('jsonld', 'application/ld+json')
    >>> negotiate("graph", "application/sparql-results+json")
    ('ttl', 'text/turtle; charset=utf-8')
    >>> negotiate("ask", None)
    ('json', 'application/sparql-results+json')
    """
    table = _GRAPH_TYPES if kind == "graph" else _RESULT_TYPES
    default = "ttl" if kind == "graph" else "json"
    if override:
        fmt = _FORMAT_ALIASES.get(override.lower(), override.lower())
        if fmt in set(table.values()):
            return fmt, _media(kind, fmt)
    accepted = _accept(accept)
    for media in accepted:
        if media in table:
            return table[media], _media(kind, table[media])
        if media in ("*/*", "application/*", "text/*"):
            return default, _media(kind, default)
    if kind == "graph" and any(m in _RESULT_TYPES for m in accepted):
        return default, _media(kind, default)
    raise HTTPError(406, f"none of the accepted types ({accept}) can carry a {kind.upper()} result; "
                         f"accepted: {', '.join(sorted(table))}")


def _media(kind: str, fmt: str) -> str:
    return _GRAPH_MEDIA[fmt] if kind == "graph" else sq.FORMATS[fmt]


def _serialize(result: sq.Result, fmt: str) -> bytes:
    if result.kind == "graph" and fmt in ("nq", "trig", "jsonld"):
        return ox.serialize([ox.Quad(t.subject, t.predicate, t.object) for t in result.triples], format=_RDF_FORMATS[fmt],
                            **({"prefixes": PREFIXES} if fmt == "trig" else {}))
    return result.serialize(fmt)


class _Pool:
    """``size`` query worker processes and a bounded wait for them.

    A request borrows a worker for one query; up to ``max_waiting`` more wait (at most
    ``wait`` seconds) before a 503. A killed (timed-out or crashed) worker, or one from before
    a write, is replaced when next borrowed; a worker that cannot start is retried later.
    """

    def __init__(self, target, size: int, max_waiting: int, opening: threading.Lock | None = None):
        self.target, self.size, self.max_waiting = target, size, max_waiting
        # held by writes on an in-memory store (a worker is forked from it: not mid-write); an
        # on-disk store is opened read-only by each worker, which sees the last commit
        self.opening = opening or threading.Lock()
        self.idle: queue.Queue = queue.Queue()
        self.generation = 0
        self.waiting = 0
        self.lent: set = set()  # workers answering a query now
        self._lock = threading.Lock()
        for _ in range(size):
            self.idle.put(self._new())

    def _new(self):
        generation = self.generation  # before opening: a write committed meanwhile makes it stale
        with self.opening:
            w = sq.QueryWorker(self.target)
        w.generation = generation
        return w

    def stats(self) -> dict:
        """``{"size", "live", "waiting"}``: slots, idle worker processes alive, requests waiting."""
        with self.idle.mutex:
            slots = list(self.idle.queue)
        return {"size": self.size, "live": sum(1 for w in slots if w is not None and w.alive), "waiting": self.waiting}

    def borrow(self, wait: float):
        with self._lock:
            if self.idle.empty() and self.waiting >= self.max_waiting:
                raise HTTPError(503, f"too many concurrent requests (the cap is {self.size} running and "
                                     f"{self.max_waiting} waiting); retry shortly", {"Retry-After": "1"})
            self.waiting += 1
        try:
            worker = self.idle.get(timeout=wait)
        except queue.Empty:
            raise HTTPError(503, f"no query worker became free within {wait:g} s (the cap is {self.size}); "
                                 "retry shortly", {"Retry-After": "1"}) from None
        finally:
            with self._lock:
                self.waiting -= 1
        if worker is None or worker.generation != self.generation or not worker.alive:
            if worker is not None:
                worker.close()
            try:
                worker = self._new()
            except Exception as e:  # noqa: BLE001 - the slot stays, empty, for a later retry
                self.idle.put(None)
                raise HTTPError(503, f"a query worker could not open the store ({e}); retry shortly",
                                {"Retry-After": "1"}) from e
        self.lent.add(worker)
        return worker

    def give_back(self, worker) -> None:
        self.lent.discard(worker)
        self.idle.put(worker if worker.alive else None)

    def run(self, text: str, *, timeout: float, max_rows: int, bindings=None, dataset=None,
            wait: float | None = None) -> sq.Result:
        worker = self.borrow(timeout if wait is None else wait)
        try:
            return worker.run(text, timeout=timeout, max_rows=max_rows, bindings=bindings, dataset=dataset)
        finally:
            self.give_back(worker)

    def close(self) -> None:
        while True:
            try:
                w = self.idle.get_nowait()
            except queue.Empty:
                return
            if w is not None:
                w.close()


_SD = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .
<{url}> a sd:Service ;
  sd:endpoint <{url}> ;
  sd:supportedLanguage sd:SPARQL11Query{update} ;
  sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
  sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV,
    fmt:SPARQL_Results_TSV, fmt:Turtle, fmt:N-Triples, fmt:N-Quads, fmt:TriG, fmt:JSON-LD, fmt:RDF_XML ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


class Endpoint:
    """The SPARQL endpoint server (see the module docstring for routes and limits).

    Parameters
    ----------
    store : Store or path
        The store; a path is opened read-only per worker (and read-write in this process only
        when ``allow_writes``).
    host, port : str, int
        Where to listen; ``port=0`` picks a free port (see :attr:`url`). 127.0.0.1 by default.
    timeout : float
        Seconds a query may run before its worker is killed (HTTP 504).
    max_wait : float, optional
        Seconds a request may wait for a free worker before a 503 with ``Retry-After``
        (default: ``timeout``).
    max_rows : int
        Rows/triples a result may have (HTTP 422 beyond).
    max_request_bytes : int
        Largest request body or URL (HTTP 413 / 414 beyond).
    max_header_bytes, max_headers : int
        Largest total size of the request's header lines, and most header lines (HTTP 431 beyond).
    max_concurrent : int
        Queries executing at once (one worker process each).
    max_waiting : int
        Requests that may wait for a worker (HTTP 503 beyond); default 16 per worker.
    allow_writes, token : bool, str
        Enable SPARQL Update and Graph Store writes; both are needed, and clients must send
        ``Authorization: Bearer <token>``.
    services : IRIs
        Endpoints a ``SERVICE`` may call (none: federation refused).
    cors_origins : list of str
        Origins allowed by CORS (``["*"]`` by default; ``[]`` turns CORS off).
    views : path, optional
        Folder of HTML views served under ``/views/``.
    """

    def __init__(self, store: Store | str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8000,
                 timeout: float = 10.0, max_wait: float | None = None, max_rows: int = 100_000, max_request_bytes: int = 1_000_000,
                 max_header_bytes: int = 65_536, max_headers: int = 100,
                 max_concurrent: int = 4, max_waiting: int | None = None, allow_writes: bool = False,
                 token: str | None = None, services=(), cors_origins=("*",),
                 views: str | os.PathLike | None = None):
        if allow_writes and not token:
            raise CollabKGError("writes need a token", hint="pass --token SECRET (or COLLABKG_TOKEN) with --allow-writes")
        if max_concurrent < 1:
            raise CollabKGError("max_concurrent must be at least 1")
        self.timeout, self.max_rows, self.max_request_bytes = timeout, max_rows, max_request_bytes
        self.max_wait = timeout if max_wait is None else max_wait
        self.max_header_bytes, self.max_headers = max_header_bytes, max_headers
        self.allow_writes, self.token = allow_writes, token
        self.services = [str(s) for s in services]
        self.views = Path(views).resolve() if views else None
        if self.views is not None and not self.views.is_dir():
            raise CollabKGError(f"{views}: not a folder", hint="pass the folder holding the HTML views")
        self._path = None
        if isinstance(store, Store):
            self.store = store
        else:
            self._path = Path(store)
            probe = Store(self._path, read_only=True)  # a clear message now rather than in every worker
            probe.close()
            self.store = Store(self._path) if allow_writes else None
        in_memory = self.store is not None and self.store.path is None
        target = self.store if in_memory else str(self.store.path if self.store is not None else self._path)
        self._write_lock = threading.Lock()
        self.pool = _Pool(target, max_concurrent, max_waiting if max_waiting is not None else 16 * max_concurrent,
                          self._write_lock if in_memory else None)
        self._stamp = self._marker_stamp()
        # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say so; without it every
        # keep-alive answer (headers and body are two writes) waits ~40 ms for a delayed ACK
        self.socket = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM,
                                    socket.IPPROTO_TCP)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.socket.bind((host, port))
        self.app = _app(self, list(cors_origins))
        self._server = None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) the endpoint listens on."""
        return self.socket.getsockname()[:2]

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}"

    def _uvicorn(self):
        import uvicorn

        config = uvicorn.Config(self.app, log_level="warning", lifespan="off", backlog=2048,
                                timeout_keep_alive=30, access_log=bool(os.environ.get("COLLABKG_HTTP_LOG")),
                                h11_max_incomplete_event_size=self.max_request_bytes + 65536, server_header=False)
        self._server = uvicorn.Server(config)
        return self._server

    def start(self) -> "Endpoint":
        """Serve in a background thread; returns self once it accepts connections (see :attr:`url`)."""
        server = self._uvicorn()
        server.install_signal_handlers = lambda: None  # noqa: E731 - not the main thread
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [self.socket]},
                                        name="sparql-endpoint", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        return self

    def serve_forever(self) -> None:
        """Serve until interrupted (Ctrl-C or SIGTERM), then stop cleanly."""
        try:
            self._uvicorn().run(sockets=[self.socket])
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop serving, kill the workers, release the store."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)
        self.socket.close()
        self.pool.close()
        if self.store is not None and self._path is not None:
            self.store.close()

    # -- operations ---------------------------------------------------------------------------
    def _marker_stamp(self):
        path = self.store.path if self.store is not None else self._path
        if path is None:
            return None
        try:
            st = (Path(path) / MARKER).stat()
            return st.st_mtime_ns, st.st_ino
        except OSError:
            return None

    def _watch_store(self) -> None:
        """After a bulk load elsewhere switched the store's database, use fresh workers."""
        stamp = self._marker_stamp()
        if stamp != self._stamp:
            self._stamp = stamp
            self.pool.generation += 1

    def run_query(self, text: str, dataset: dict | None = None, *, bindings=None) -> sq.Result:
        """Run one query on a pooled worker; library errors become :class:`HTTPError`."""
        self._watch_store()
        try:
            sq.check_request(text, services=self.services)
            return self.pool.run(text, timeout=self.timeout, max_rows=self.max_rows, dataset=dataset, wait=self.max_wait,
                                 bindings=bindings)
        except sq.QueryTimeout as e:
            raise HTTPError(504, f"query timed out: {e.message}; make it more selective or add LIMIT") from e
        except sq.ResultTooLarge as e:
            raise HTTPError(422, f"result too large: {e.message}; add LIMIT (and OFFSET to page)") from e
        except sq.WorkerDied as e:
            raise HTTPError(500, str(e)) from e
        except QueryError as e:
            raise HTTPError(400, str(e)) from e

    def check_write(self, headers) -> None:
        if not self.allow_writes:
            raise HTTPError(403, "this endpoint is read-only: SPARQL Update and Graph Store writes are refused "
                                 "(start it with --allow-writes --token SECRET to enable them)")
        auth = headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            raise HTTPError(401, "writes need 'Authorization: Bearer <token>' with the endpoint's token",
                            {"WWW-Authenticate": 'Bearer realm="collabkg"'})

    def write(self, fn):
        """Apply a write (one transaction), then let workers be replaced to see it.

        Queries go on meanwhile on the workers' snapshot. An error before the commit means
        nothing was written (4xx); once committed, the write is reported as done.
        """
        with self._write_lock:
            out = fn(self.store)
            self.store.flush()
            self.pool.generation += 1
            self._stamp = self._marker_stamp()
            return out


def _multipart(ctype: str, raw: bytes) -> list[tuple[str, bytes]]:
    """The (content type, bytes) of each part of a multipart/form-data body (GSP 5.5, RDF files)."""
    from email.parser import BytesParser
    from email.policy import HTTP

    msg = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + raw)
    if not msg.is_multipart():
        raise HTTPError(400, "the multipart/form-data body has no parts (is the boundary right?)")
    out = []
    for part in msg.iter_parts():
        ptype = part.get_content_type()
        if ptype == "text/plain" and part.get_filename():  # a file part without its own type: by suffix
            suffix = Path(part.get_filename()).suffix.lower()
            ptype = {".ttl": "text/turtle", ".nt": "application/n-triples", ".rdf": "application/rdf+xml",
                     ".jsonld": "application/ld+json", ".nq": "application/n-quads", ".trig": "application/trig"}.get(suffix, ptype)
        out.append((ptype, part.get_payload(decode=True) or b""))
    return out


def _text(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPError(400, f"the {what} is not UTF-8 (byte {e.start}); send it UTF-8 encoded") from None


def _app(ep: Endpoint, cors_origins: list[str]):
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    def answer(status: int, body: bytes, ctype: str, headers: dict | None = None, head: bool = False) -> Response:
        h = {"X-Content-Type-Options": "nosniff", **(headers or {})}
        return Response(b"" if head else body, status_code=status, media_type=ctype, headers=h) if not head else \
            Response(status_code=status, headers={**h, "Content-Type": ctype, "Content-Length": str(len(body))})

    def error(e: HTTPError) -> Response:
        return answer(e.status, (e.message + "\n").encode("utf-8"), "text/plain; charset=utf-8", e.headers)

    async def body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                n = int(declared)
            except ValueError:
                raise HTTPError(400, f"bad Content-Length {declared!r}") from None
            if n > ep.max_request_bytes:
                raise HTTPError(413, f"the request body ({n} bytes) is larger than the cap of {ep.max_request_bytes} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > ep.max_request_bytes:
                raise HTTPError(413, f"the request body is larger than the cap of {ep.max_request_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def params_of(request: Request) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(request.url.query, keep_blank_values=True)

    def one(params: dict, name: str) -> str | None:
        vals = params.get(name)
        if not vals:
            return None
        if len(vals) > 1:
            raise HTTPError(400, f"give '{name}' once (it was given {len(vals)} times)")
        return vals[0]

    def fmt_param(params: dict) -> str | None:
        vals = params.get("format") or params.get("output")
        return vals[-1] if vals else None

    def guarded(handler):
        async def endpoint(request: Request) -> Response:
            try:
                if len(str(request.url.path)) + len(request.url.query) > ep.max_request_bytes:
                    raise HTTPError(414, f"the URL is longer than {ep.max_request_bytes} bytes; POST the query instead")
                return await handler(request)
            except HTTPError as e:
                return error(e)
            except CollabKGError as e:
                return error(HTTPError(400, str(e)))
            except Exception as e:  # noqa: BLE001 - never leave a client without an answer
                return error(HTTPError(500, f"internal error: {type(e).__name__}: {e}"))
        return endpoint

    async def run_answer(request: Request, text: str, params: dict) -> Response:
        kind = sq.query_kind(text)
        if kind == "update":
            if not ep.allow_writes:
                ep.check_write(request.headers)
            raise HTTPError(400, "this is a SPARQL Update: POST it as 'update=' or application/sparql-update")
        accept, override = request.headers.get("accept"), fmt_param(params)
        if kind is not None:  # negotiate first: a 406 should not cost a query
            negotiate("graph" if kind in ("construct", "describe") else kind, accept, override)
        dataset = {"base_iri": str(request.url_for("sparql")),
                   "default_graphs": params.get("default-graph-uri") or None,
                   "named_graphs": params.get("named-graph-uri") or None}
        result = await run_in_threadpool(ep.run_query, text, dataset)
        fmt, media = negotiate(result.kind, accept, override)
        return answer(200, _serialize(result, fmt), media, {"X-Query-Time": f"{result.elapsed:.4f}"},
                      head=request.method == "HEAD")

    async def run_update(request: Request, text: str | None, params: dict) -> Response:
        ep.check_write(request.headers)
        if not text or not text.strip():
            raise HTTPError(400, "empty update")

        def apply(store):
            try:
                sq.update(store, text, using=params.get("using-graph-uri") or (),
                          using_named=params.get("using-named-graph-uri") or (),
                          base_iri=str(request.url_for("sparql")), services=ep.services)
            except QueryError as e:
                raise HTTPError(400, f"{e} (nothing was written)") from e

        await run_in_threadpool(ep.write, apply)
        return answer(200, b"the update was applied\n", "text/plain; charset=utf-8")

    def service_description(request: Request) -> Response:
        url = str(request.url_for("sparql"))
        ttl = _SD.format(url=url, update=", sd:SPARQL11Update" if ep.allow_writes else "")
        fmt, media = negotiate("graph", request.headers.get("accept"))
        triples = list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))
        return answer(200, _serialize(sq.Result("graph", triples=triples), fmt), media,
                      head=request.method == "HEAD")

    async def sparql(request: Request) -> Response:
        params = params_of(request)
        if request.method in ("GET", "HEAD"):
            if "update" in params:
                raise HTTPError(400, "SPARQL Update must be sent with POST")
            q = one(params, "query")
            if q is None:
                if "text/html" in (request.headers.get("accept") or "") and not fmt_param(params):
                    return await page(request)
                return service_description(request)
            return await run_answer(request, q, params)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        raw = await body(request)
        if ctype == "application/sparql-query":
            if "query" in params:
                raise HTTPError(400, "give the query once: in the body or as ?query=, not both")
            return await run_answer(request, _text(raw, "query"), params)
        if ctype == "application/sparql-update":
            return await run_update(request, _text(raw, "update"), params)
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qs(raw.decode("ascii"), keep_blank_values=True, encoding="utf-8",
                                             errors="strict")
            except UnicodeDecodeError:
                raise HTTPError(400, "the form is not URL-encoded UTF-8") from None
            if "update" in form and "query" in form:
                raise HTTPError(400, "give 'query' or 'update', not both")
            merged = {**params, **{k: v for k, v in form.items() if k not in ("query", "update")}}
            for k in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
                if k in params and k in form:
                    merged[k] = params[k] + form[k]
            if "update" in form:
                return await run_update(request, one(form, "update"), merged)
            q = one(form, "query")
            if q is None:
                raise HTTPError(400, "the form needs a 'query' (or 'update') field")
            return await run_answer(request, q, merged)
        if not ctype:
            raise HTTPError(400, "a POST needs a Content-Type: application/sparql-query, "
                                 "application/sparql-update or application/x-www-form-urlencoded")
        raise HTTPError(415, f"unsupported Content-Type {ctype!r}; use application/sparql-query, "
                             "application/sparql-update or application/x-www-form-urlencoded")

    # -- Graph Store Protocol -------------------------------------------------------------------
    def target_graph(request: Request, params: dict):
        if request.url.path.rstrip("/") != "/store":  # direct identification: the URL is the graph
            return URIRef(str(request.url.replace(query="")))
        if "default" in params:
            if "graph" in params:
                raise HTTPError(400, "give ?graph=<iri> or ?default, not both")
            return None
        g = one(params, "graph")
        if not g:
            if request.method == "POST":
                return "new"
            raise HTTPError(400, "name the graph: ?graph=<iri> or ?default")
        return URIRef(g)

    async def store(request: Request) -> Response:
        params = params_of(request)
        graph = target_graph(request, params)
        location = None
        if graph == "new":  # GSP 5.5: POST to the service creates a graph and says where
            import uuid

            graph = URIRef(f"{request.url_for('store')}/graphs/{uuid.uuid4().hex}")
            location = str(graph)
        if request.method in ("GET", "HEAD"):
            # ?default is the stored default graph (what PUT ?default wrote); queries see the merge
            text = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
            bindings = {"g": graph if graph is not None else DEFAULT_DATA_GRAPH}
            accept, override = request.headers.get("accept"), fmt_param(params)
            fmt, media = negotiate("graph", accept, override)
            result = await run_in_threadpool(ep.run_query, text, None, bindings=bindings)
            if graph is not None and not result.triples:
                exists = await run_in_threadpool(ep.run_query, "ASK { GRAPH ?g {} }", None, bindings={"g": graph})
                if not exists.boolean:
                    raise HTTPError(404, f"no graph {graph}")
            return answer(200, _serialize(result, fmt), media, head=request.method == "HEAD")
        ep.check_write(request.headers)
        quads = []
        if request.method in ("PUT", "POST"):
            raw = await body(request)
            full = request.headers.get("content-type", "")
            base = str(graph) if graph is not None else str(request.url)
            parts = _multipart(full, raw) if full.lower().startswith("multipart/form-data") else [(full, raw)]
            for ptype, data in parts:
                ctype = ptype.split(";")[0].strip().lower()
                if ctype not in _RDF_IN:
                    raise HTTPError(415, f"unsupported RDF Content-Type {ctype!r}; use one of: "
                                         f"{', '.join(_RDF_IN)} (or multipart/form-data of them)")
                try:
                    quads += list(ox.parse(data, format=_RDF_IN[ctype], base_iri=base))
                except SyntaxError as e:
                    raise HTTPError(400, f"the body is not valid RDF ({ctype}): {e}; nothing was written") from e
        target = graph if graph is not None else DEFAULT_DATA_GRAPH
        method = request.method

        def apply(st: Store) -> int:
            gname = to_ox(target)
            existed = st.oxigraph.contains_named_graph(gname)
            if method == "DELETE":
                if not existed and graph is not None:
                    raise HTTPError(404, f"no graph {graph}")
                st.remove_graph(target)
                return 204
            new = [(q.subject, q.predicate, q.object) for q in quads]
            if method == "POST" and existed:
                new += [(q.subject, q.predicate, q.object) for q in st.oxigraph.quads_for_pattern(None, None, None, gname)]
            st.replace_graph(target, new)
            if not new and not st.oxigraph.contains_named_graph(gname):
                st.oxigraph.add_graph(gname)  # an empty graph PUT exists, empty
            return 201 if not existed else 204 if method == "PUT" else 200

        status = await run_in_threadpool(ep.write, apply)
        if status == 204:
            return Response(status_code=204)
        return answer(status, b"created\n" if status == 201 else b"merged\n", "text/plain; charset=utf-8",
                      {"Location": location} if location else None)

    # -- HTML -----------------------------------------------------------------------------------
    async def page(request: Request) -> Response:
        params = params_of(request)
        q = one(params, "query") or ""
        out = ""
        if q:
            try:
                if sq.is_update(q):
                    raise HTTPError(403, "the query page runs queries only")
                result = await run_in_threadpool(ep.run_query, q, {"base_iri": str(request.url_for("sparql"))})
                out = _html_result(result)
            except HTTPError as e:
                out = f'<p class="error">Error {e.status}: <pre>{html.escape(e.message)}</pre></p>'
        return answer(200, _page_html(ep, q), "text/html; charset=utf-8",
                      {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}) if not out else \
            answer(200, _page_html(ep, q, out), "text/html; charset=utf-8",
                   {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})

    async def views(request: Request) -> Response:
        root = ep.views
        if root is None:
            raise HTTPError(404, "no views folder is served (start with --views DIR)")
        rel = urllib.parse.unquote(request.url.path[len("/views"):]).lstrip("/")
        if not rel:
            items = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
            links = "".join(f'<li><a href="/views/{html.escape(urllib.parse.quote(i))}">{html.escape(i)}</a></li>'
                            for i in items)
            return answer(200, f"<!doctype html><meta charset='utf-8'><title>views</title><h1>Views</h1><ul>{links}</ul>".encode(),
                          "text/html; charset=utf-8")
        target = (root / rel).resolve()
        if root not in target.parents or not target.is_file():
            raise HTTPError(404, f"no view {rel}")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/"):
            ctype += "; charset=utf-8"
        return answer(200, target.read_bytes(), ctype)

    async def not_found(request: Request) -> Response:
        raise HTTPError(404, f"no such page: {request.url.path} (try /, /sparql, /store, /views/)")

    routes = [
        Route("/", guarded(page), methods=["GET", "HEAD"]),
        Route("/index.html", guarded(page), methods=["GET", "HEAD"]),
        Route("/sparql", guarded(sparql), methods=["GET", "HEAD", "POST"], name="sparql"),
        Route("/sparql/", guarded(sparql), methods=["GET", "HEAD", "POST"]),
        Route("/store", guarded(store), methods=["GET", "HEAD", "PUT", "POST", "DELETE"], name="store"),
        Route("/store/{rest:path}", guarded(store), methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
        Route("/views", guarded(views), methods=["GET", "HEAD"]),
        Route("/views/{rest:path}", guarded(views), methods=["GET", "HEAD"]),
        Route("/{rest:path}", guarded(not_found), methods=["GET", "HEAD", "POST", "PUT", "DELETE"]),
    ]
    middleware = []
    if cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=cors_origins,
                                     allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
                                     allow_headers=["Accept", "Authorization", "Content-Type"],
                                     expose_headers=["X-Query-Time", "Retry-After"], max_age=600))
    return _HeaderLimits(Starlette(routes=routes, middleware=middleware), ep.max_header_bytes, ep.max_headers)


class _HeaderLimits:
    """ASGI middleware: 431 for a request with more header lines or header bytes than allowed.

    uvicorn (h11) bounds only what it buffers of an incomplete request, so a request whose
    headers arrive at once would otherwise pass whatever their size.
    """

    def __init__(self, app, max_bytes: int, max_count: int):
        self.app, self.max_bytes, self.max_count = app, max_bytes, max_count

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            headers = scope["headers"]
            size = sum(len(k) + len(v) + 4 for k, v in headers)  # "name: value\r\n"
            if len(headers) > self.max_count or size > self.max_bytes:
                from starlette.responses import PlainTextResponse

                msg = (f"the request has {len(headers)} header lines, {size} bytes; the limits are "
                       f"{self.max_count} lines and {self.max_bytes} bytes\n")
                await PlainTextResponse(msg, status_code=431)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _page_html(ep: Endpoint, q: str, out: str = "") -> bytes:
    examples = "".join(f"<li><code>{html.escape(n)}</code>: {html.escape(d)}</li>"
                       for n, d in sq.named_queries().items())
    views = ' · <a href="/views/">views</a>' if ep.views else ""
    prefixes = html.escape(", ".join(PREFIXES))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>collabkg SPARQL</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:80em}}textarea{{width:100%;font-family:monospace}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 6px;font-size:90%;vertical-align:top}}
.error pre{{color:#a00;white-space:pre-wrap}}</style></head>
<body><h1>collabkg SPARQL</h1>
<p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol){views}. Prefixes predeclared: {prefixes}.</p>
<form method="get" action="/"><textarea name="query" rows="12">{html.escape(q or 'SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 20')}</textarea>
<p><button type="submit">Run</button></p></form>
{out}
<details><summary>Bundled analyst queries (collabkg sparql NAME)</summary><ul>{examples}</ul></details>
</body></html>""".encode("utf-8")


def _html_cell(t) -> str:
    if t is None:
        return ""
    short = sq._short(t)
    if isinstance(t, ox.NamedNode):
        return f'<span title="{html.escape(t.value)}">{html.escape(short)}</span>'
    return html.escape(short)


def _html_result(r: sq.Result, limit: int = 1000) -> str:
    if r.kind == "ask":
        return f"<p><b>{'true' if r.boolean else 'false'}</b></p>"
    if r.kind == "graph":
        r = sq.Result("select", ["subject", "predicate", "object"], [(t.subject, t.predicate, t.object) for t in r.triples])
    head = "".join(f"<th>{html.escape(v)}</th>" for v in r.variables)
    rows = "".join("<tr>" + "".join(f"<td>{_html_cell(t)}</td>" for t in sol) + "</tr>" for sol in r.solutions[:limit])
    more = f"<p>showing {limit} of {len(r.solutions)} rows</p>" if len(r.solutions) > limit else ""
    return f"<p>{len(r.solutions)} rows in {r.elapsed * 1000:.1f} ms</p><table><tr>{head}</tr>{rows}</table>{more}"


def serve(store: str | os.PathLike, **options) -> None:
    """Run the endpoint in the foreground until Ctrl-C (``options`` as for :class:`Endpoint`)."""
    Endpoint(store, **options).serve_forever()
