"""A SPARQL 1.1 Protocol endpoint over the store, with a query page and the views folder.

Routes
------
``/sparql``
    SPARQL 1.1 Protocol: GET ``?query=``, POST form (``query=`` / ``update=``), POST
    ``application/sparql-query`` / ``application/sparql-update`` bodies. Results by ``Accept``:
    SPARQL JSON (default), XML, CSV, TSV; Turtle (default) or N-Triples (or RDF/XML) for
    CONSTRUCT/DESCRIBE. ``?format=json|xml|csv|tsv|ttl|nt`` overrides ``Accept``.
``/store``
    Graph Store Protocol: GET ``?graph=IRI`` (or ``?default``) reads a graph; PUT, POST and DELETE
    write, only when writes are enabled and the bearer token matches.
``/``
    A plain HTML page: type a query, see the results (every value HTML-escaped).
``/views/``
    The HTML files of the views folder, if one was given (nothing else is served from disk).

Limits, each a clear HTTP error: query timeout (504; the query's worker process is killed and
replaced, so no worker hangs), result-size cap (422), request-size cap (413 body, 414 URL),
concurrent-request cap (503 with ``Retry-After``). Read-only by default: SPARQL Update and Graph
Store writes get 403 unless the endpoint was started with ``allow_writes=True`` and a ``token``,
and then 401 without ``Authorization: Bearer <token>``. Binds 127.0.0.1 unless told otherwise.

Why the standard library's ``ThreadingHTTPServer`` and worker processes: pyoxigraph cannot
interrupt a running query (it holds no cancellation hook and releases the GIL while it works), so
a hard timeout needs a process boundary; HTTP threads only parse requests and wait on a bounded
pool of query processes (one per allowed concurrent request), so no extra web framework is needed.

>>> import urllib.request, json
>>> from collabkg.graph.store import Store
>>> ep = Endpoint(Store(), port=0).start()
>>> with urllib.request.urlopen(ep.url + "/sparql?query=ASK%7B%7D") as r:
...     json.load(r)["boolean"]
True
>>> ep.stop()
"""

from __future__ import annotations

import hmac
import html
import json
import mimetypes
import os
import queue
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from collabkg.errors import CollabKGError, QueryError
from collabkg.graph import sparql as sq
from collabkg.graph.store import MARKER, Store, to_ox
from collabkg.ontology.prefixes import PREFIXES

__all__ = ["Endpoint", "serve"]

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
    "application/rdf+xml": "xml",
    "application/xml": "xml",
}
_GRAPH_MEDIA = {"ttl": "text/turtle; charset=utf-8", "nt": "application/n-triples", "xml": "application/rdf+xml"}
_RDF_IN = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
}


class HTTPError(Exception):
    """An error answer: status, message, extra headers."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


_FORMAT_ALIASES = {"turtle": "ttl", "n3": "ttl", "rdf+xml": "xml", "rdf": "xml", "ntriples": "nt",
                   "n-triples": "nt", "sparql-results+json": "json", "sparql-results+xml": "xml"}


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

    >>> negotiate("select", "text/csv;q=0.5, application/sparql-results+xml")
    ('xml', 'application/sparql-results+xml')
    >>> negotiate("graph", "application/sparql-results+json, text/turtle;q=0.1")
    ('ttl', 'text/turtle; charset=utf-8')
    >>> negotiate("ask", None)
    ('json', 'application/sparql-results+json')
    """
    table = _GRAPH_TYPES if kind == "graph" else _RESULT_TYPES
    default = "ttl" if kind == "graph" else "json"
    if override:
        # ?format= (also sent, with loose names, by clients such as SPARQLWrapper): used when it
        # names a format this result can take, otherwise the Accept header decides
        fmt = _FORMAT_ALIASES.get(override.lower(), override.lower())
        if fmt in set(table.values()):
            return fmt, _media(kind, fmt)
    for media in _accept(accept):
        if media in table:
            return table[media], _media(kind, table[media])
        if media in ("*/*", "application/*", "text/*"):
            return default, _media(kind, default)
    raise HTTPError(406, f"none of the accepted types ({accept}) can carry a {kind.upper()} result; "
                         f"accepted: {', '.join(sorted(table))}")


def _media(kind: str, fmt: str) -> str:
    return _GRAPH_MEDIA[fmt] if kind == "graph" else sq.FORMATS[fmt]


class _Pool:
    """``size`` query worker processes; a request borrows one, a timed-out one is replaced."""

    def __init__(self, store: Store | str, size: int):
        self.store = store
        self.size = size
        self.idle: queue.Queue = queue.Queue()
        self.slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self.generation = 0
        for _ in range(size):
            self.idle.put(self._new())

    def _new(self) -> sq.QueryWorker:
        w = sq.QueryWorker(self.store)
        w.generation = self.generation
        return w

    def run(self, text: str, *, timeout: float, max_rows: int, bindings=None, dataset=None) -> sq.Result:
        if not self.slots.acquire(blocking=False):
            raise HTTPError(503, f"too many concurrent requests (the cap is {self.size}); retry shortly",
                            {"Retry-After": "1"})
        try:
            worker = self.idle.get()
            if worker.generation != self.generation or not worker.alive:
                worker.close()
                worker = self._new()
            try:
                return worker.run(text, timeout=timeout, max_rows=max_rows, bindings=bindings, dataset=dataset)
            finally:
                if not worker.alive:
                    worker = self._new()  # replace a killed (timed-out) worker before anyone waits
                self.idle.put(worker)
        finally:
            self.slots.release()

    def exclusive(self, wait: float):
        """Take every slot (no query runs meanwhile); returns a release function."""
        taken = 0
        deadline = time.monotonic() + wait
        try:
            for _ in range(self.size):
                if not self.slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
                    raise HTTPError(503, "the endpoint is busy; retry the write shortly", {"Retry-After": "1"})
                taken += 1
        except BaseException:
            for _ in range(taken):
                self.slots.release()
            raise

        def release():
            for _ in range(taken):
                self.slots.release()
        return release

    def recycle(self) -> None:
        """Restart idle workers so they see new data (call while holding :meth:`exclusive`)."""
        self.generation += 1
        fresh = []
        while True:
            try:
                w = self.idle.get_nowait()
            except queue.Empty:
                break
            w.close()
            fresh.append(self._new())
        for w in fresh:
            self.idle.put(w)

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                return


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
    max_rows : int
        Rows/triples a result may have (HTTP 422 beyond).
    max_request_bytes : int
        Largest request body or URL (HTTP 413 / 414 beyond).
    max_concurrent : int
        Requests executing at once (one worker process each; HTTP 503 beyond).
    allow_writes, token : bool, str
        Enable SPARQL Update and Graph Store writes; both are needed, and clients must send
        ``Authorization: Bearer <token>``.
    views : path, optional
        Folder of HTML views served under ``/views/``.
    """

    def __init__(self, store: Store | str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8000,
                 timeout: float = 10.0, max_rows: int = 100_000, max_request_bytes: int = 1_000_000,
                 max_concurrent: int = 4, allow_writes: bool = False, token: str | None = None,
                 views: str | os.PathLike | None = None):
        if allow_writes and not token:
            raise CollabKGError("writes need a token", hint="pass --token SECRET (or COLLABKG_TOKEN) with --allow-writes")
        if max_concurrent < 1:
            raise CollabKGError("max_concurrent must be at least 1")
        self.timeout, self.max_rows, self.max_request_bytes = timeout, max_rows, max_request_bytes
        self.allow_writes, self.token = allow_writes, token
        self.views = Path(views).resolve() if views else None
        if self.views is not None and not self.views.is_dir():
            raise CollabKGError(f"{views}: not a folder", hint="pass the folder holding the HTML views")
        if isinstance(store, Store):
            self.store = store
        else:
            path = Path(store)
            # check it is a store now, with a clear message, rather than in every worker
            probe = Store(path, read_only=True)
            probe.close()
            self.store = Store(path) if allow_writes else None
            self._path = path
        worker_target = self.store if (self.store is not None and self.store.path is None) else (
            self.store.path if self.store is not None else self._path)
        self.pool = _Pool(self.store if (self.store is not None and self.store.path is None) else str(worker_target),
                          max_concurrent)
        self._write_lock = threading.Lock()
        self._stamp = self._marker_stamp()
        handler = type("Handler", (_Handler,), {"endpoint": self})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "Endpoint":
        """Serve in a background thread; returns self (see :attr:`url`)."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="sparql-endpoint", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve until interrupted (Ctrl-C), then stop cleanly."""
        try:
            self.httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop serving, kill the workers, release the store."""
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(5)
        self.httpd.server_close()
        self.pool.close()
        if self.store is not None and self.store.path is not None and hasattr(self, "_path"):
            self.store.close()

    # -- operations used by the handler ----------------------------------------------------------
    def _marker_stamp(self):
        path = self.store.path if self.store is not None else getattr(self, "_path", None)
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
            self.pool.generation += 1  # workers are replaced as they are next borrowed

    def run_query(self, text: str) -> sq.Result:
        self._watch_store()
        try:
            return self.pool.run(text, timeout=self.timeout, max_rows=self.max_rows)
        except sq.QueryTimeout as e:
            raise HTTPError(504, f"query timed out: {e.message}; make it more selective or add LIMIT") from e
        except sq.ResultTooLarge as e:
            raise HTTPError(422, f"result too large: {e.message}; add LIMIT (and OFFSET to page)") from e
        except sq.QuerySyntaxError as e:
            raise HTTPError(400, str(e)) from e
        except sq.WorkerDied as e:
            raise HTTPError(500, str(e)) from e
        except QueryError as e:
            raise HTTPError(400, str(e)) from e

    def check_write(self, headers) -> None:
        if not self.allow_writes:
            raise HTTPError(403, "this endpoint is read-only: SPARQL Update and Graph Store writes are refused "
                                 "(start it with --allow-writes --token SECRET to enable them)")
        auth = headers.get("Authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            raise HTTPError(401, "writes need 'Authorization: Bearer <token>' with the endpoint's token",
                            {"WWW-Authenticate": 'Bearer realm="collabkg"'})

    def write(self, fn) -> None:
        """Run a write with no query in flight, then restart the workers to see it."""
        with self._write_lock:
            release = self.pool.exclusive(self.timeout + 5)
            try:
                fn(self.store)
                self.store.flush()
                self.pool.recycle()
            finally:
                release()


def _rdf_graph_result(triples) -> sq.Result:
    return sq.Result("graph", triples=list(triples))


class _Handler(BaseHTTPRequestHandler):
    endpoint: Endpoint
    server_version = "collabkg-sparql/1"
    protocol_version = "HTTP/1.1"
    timeout = 30  # a client that stalls mid-request cannot hold a thread for ever

    def log_message(self, format: str, *args: Any) -> None:  # quiet by default
        if os.environ.get("COLLABKG_HTTP_LOG"):
            super().log_message(format, *args)

    # -- plumbing -------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, e: HTTPError) -> None:
        self.close_connection = True
        try:
            self._send(e.status, (e.message + "\n").encode("utf-8"), "text/plain; charset=utf-8", e.headers)
        except OSError:  # the client has gone
            pass

    def _dispatch(self, method) -> None:
        try:
            if len(self.path) > self.endpoint.max_request_bytes:
                raise HTTPError(414, f"the URL is longer than {self.endpoint.max_request_bytes} bytes; POST the query instead")
            method()
        except HTTPError as e:
            self._error(e)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        except CollabKGError as e:
            self._error(HTTPError(400, str(e)))
        except Exception as e:  # noqa: BLE001 - never leave a client without an answer
            self._error(HTTPError(500, f"internal error: {type(e).__name__}: {e}"))

    def _url(self):
        parts = urllib.parse.urlsplit(self.path)
        return parts.path, urllib.parse.parse_qs(parts.query, keep_blank_values=True)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            raise HTTPError(411, "send a Content-Length (chunked bodies are not accepted)")
        if length is None:
            raise HTTPError(411, "a POST/PUT needs a Content-Length header")
        try:
            n = int(length)
        except ValueError:
            raise HTTPError(400, "bad Content-Length") from None
        if n > self.endpoint.max_request_bytes:
            raise HTTPError(413, f"the request body ({n} bytes) is larger than the cap of "
                                 f"{self.endpoint.max_request_bytes} bytes")
        body = self.rfile.read(n)
        if len(body) < n:
            raise HTTPError(400, f"the body ended after {len(body)} of the {n} bytes announced")
        return body

    @staticmethod
    def _one(params: dict, name: str) -> str | None:
        vals = params.get(name)
        if not vals:
            return None
        if len(vals) > 1:
            raise HTTPError(400, f"give '{name}' once")
        return vals[0]

    @staticmethod
    def _format(params: dict) -> str | None:
        vals = params.get("format") or params.get("output")
        return vals[-1] if vals else None

    # -- verbs ----------------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._dispatch(self._get)

    def do_HEAD(self) -> None:
        self._dispatch(self._get)

    def do_POST(self) -> None:
        self._dispatch(self._post)

    def do_PUT(self) -> None:
        self._dispatch(lambda: self._gsp_write("PUT"))

    def do_DELETE(self) -> None:
        self._dispatch(lambda: self._gsp_write("DELETE"))

    def _get(self) -> None:
        path, params = self._url()
        if path in ("/", "/index.html"):
            return self._page(params)
        if path == "/sparql":
            if "update" in params:
                raise HTTPError(400, "SPARQL Update must be sent with POST")
            q = self._one(params, "query")
            if q is None:
                return self._page(params)
            return self._answer(q, params)
        if path == "/store":
            return self._gsp_get(params)
        if path == "/views" or path.startswith("/views/"):
            return self._view(path)
        raise HTTPError(404, f"no such page: {path} (try /, /sparql, /store, /views/)")

    def _post(self) -> None:
        path, params = self._url()
        if path == "/store":
            return self._gsp_write("POST")
        if path != "/sparql":
            raise HTTPError(404, f"POST to /sparql (or /store), not {path}")
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        body = self._body()
        if ctype == "application/sparql-query":
            return self._answer(body.decode("utf-8", "replace"), params)
        if ctype == "application/sparql-update":
            return self._update(body.decode("utf-8", "replace"))
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form:
                return self._update(self._one(form, "update"))
            q = self._one(form, "query")
            if q is None:
                raise HTTPError(400, "the form needs a 'query' (or 'update') field")
            merged = {**params, **{k: v for k, v in form.items() if k != "query"}}
            return self._answer(q, merged)
        raise HTTPError(415, f"unsupported Content-Type {ctype!r}; use application/sparql-query, "
                             "application/sparql-update or application/x-www-form-urlencoded")

    # -- SPARQL ---------------------------------------------------------------------------------
    def _answer(self, text: str, params: dict) -> None:
        for unsupported in ("default-graph-uri", "named-graph-uri"):
            if params.get(unsupported):
                raise HTTPError(400, f"'{unsupported}' is not supported: the default graph is the union of all "
                                     "named graphs; use GRAPH <iri> { ... } or FROM in the query")
        kind = sq.query_kind(text)
        if kind == "update":
            if not self.endpoint.allow_writes:
                self.endpoint.check_write(self.headers)  # 403 with the explanation
            raise HTTPError(400, "this is a SPARQL Update: POST it as 'update=' or application/sparql-update")
        if kind is not None:  # negotiate first: a 406 should not cost a query
            negotiate("graph" if kind in ("construct", "describe") else kind, self.headers.get("Accept"),
                      self._format(params))
        result = self.endpoint.run_query(text)
        fmt, media = negotiate(result.kind, self.headers.get("Accept"), self._format(params))
        body = result.serialize(fmt)
        self._send(200, body, media, {"X-Query-Time": f"{result.elapsed:.4f}"})

    def _update(self, text: str | None) -> None:
        self.endpoint.check_write(self.headers)
        if not text:
            raise HTTPError(400, "empty update")

        def apply(store):
            try:
                sq.update(store, text)
            except sq.QuerySyntaxError as e:
                raise HTTPError(400, str(e)) from e

        self.endpoint.write(apply)
        self._send(204, b"", "text/plain")

    # -- Graph Store Protocol ---------------------------------------------------------------------
    def _target_graph(self, params: dict):
        if "default" in params:
            return None
        g = self._one(params, "graph")
        if not g:
            raise HTTPError(400, "name the graph: ?graph=<iri> or ?default")
        return URIRef(g)

    def _gsp_get(self, params: dict) -> None:
        graph = self._target_graph(params)
        # a parameterised CONSTRUCT: the graph IRI is bound, never formatted into the query
        text = ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }" if graph is not None
                else "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")  # the merged default graph
        try:
            result = self.endpoint.pool.run(text, timeout=self.endpoint.timeout, max_rows=self.endpoint.max_rows,
                                            bindings={"g": graph} if graph is not None else None,
                                            dataset=None)
        except sq.QueryTimeout as e:
            raise HTTPError(504, f"reading the graph timed out: {e.message}") from e
        except sq.ResultTooLarge as e:
            raise HTTPError(422, f"graph too large: {e.message}; query it with LIMIT instead") from e
        if graph is not None and not result.triples:
            raise HTTPError(404, f"no graph {graph}")
        fmt, media = negotiate("graph", self.headers.get("Accept"), self._format(params))
        self._send(200, result.serialize(fmt), media)

    def _gsp_write(self, method: str) -> None:
        path, params = self._url()
        if path not in ("/store", "/sparql"):
            raise HTTPError(404, f"{method} to /store?graph=<iri>, not {path}")
        self.endpoint.check_write(self.headers)
        graph = self._target_graph(params)
        body = self._body() if method != "DELETE" else b""
        quads = []
        if method != "DELETE":
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype not in _RDF_IN:
                raise HTTPError(415, f"unsupported RDF Content-Type {ctype!r}; use one of: {', '.join(_RDF_IN)}")
            gname = to_ox(graph) if graph is not None else ox.DefaultGraph()
            try:
                quads = [ox.Quad(t.subject, t.predicate, t.object, gname)
                         for t in ox.parse(body, format=_RDF_IN[ctype], base_iri=str(graph) if graph else None)]
            except SyntaxError as e:
                raise HTTPError(400, f"the body is not valid RDF: {e}") from e

        def apply(store: Store):
            ox_store = store.oxigraph
            g = to_ox(graph) if graph is not None else ox.DefaultGraph()
            if method in ("PUT", "DELETE"):
                if method == "DELETE" and graph is not None and not ox_store.contains_named_graph(g):
                    raise HTTPError(404, f"no graph {graph}")
                if graph is None:
                    ox_store.clear_graph(g)
                elif ox_store.contains_named_graph(g):
                    ox_store.remove_graph(g)
            if quads:
                ox_store.extend(quads)

        self.endpoint.write(apply)
        self._send(204 if method != "PUT" else 201, b"", "text/plain")

    # -- HTML -----------------------------------------------------------------------------------
    def _page(self, params: dict) -> None:
        q = self._one(params, "query") or ""
        out = ""
        if q:
            try:
                if sq.is_update(q):
                    raise HTTPError(403, "the query page runs queries only")
                result = self.endpoint.run_query(q)
                out = _html_result(result)
            except HTTPError as e:
                out = f'<p class="error">Error {e.status}: <pre>{html.escape(e.message)}</pre></p>'
        examples = "".join(f"<li><code>{html.escape(n)}</code>: {html.escape(d)}</li>"
                           for n, d in sq.named_queries().items())
        views = ' · <a href="/views/">views</a>' if self.endpoint.views else ""
        prefixes = html.escape(", ".join(PREFIXES))
        body = f"""<!doctype html>
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
</body></html>"""
        self._send(200, body.encode("utf-8"), "text/html; charset=utf-8",
                   {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})

    def _view(self, path: str) -> None:
        root = self.endpoint.views
        if root is None:
            raise HTTPError(404, "no views folder is served (start with --views DIR)")
        rel = urllib.parse.unquote(path[len("/views"):]).lstrip("/")
        if not rel:
            items = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
            links = "".join(f'<li><a href="/views/{html.escape(urllib.parse.quote(i))}">{html.escape(i)}</a></li>'
                            for i in items)
            body = f"<!doctype html><meta charset='utf-8'><title>views</title><h1>Views</h1><ul>{links}</ul>"
            return self._send(200, body.encode(), "text/html; charset=utf-8")
        target = (root / rel).resolve()
        if root not in target.parents or not target.is_file():
            raise HTTPError(404, f"no view {rel}")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/"):
            ctype += "; charset=utf-8"
        self._send(200, target.read_bytes(), ctype)


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
