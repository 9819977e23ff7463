"""``collabkg sparql``, ``collabkg serve`` and ``collabkg load``: the store over SPARQL, from the shell.

A thin layer over :mod:`collabkg.graph.sparql`, :mod:`collabkg.graph.endpoint` and
:meth:`collabkg.graph.store.Store.bulk_load`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from collabkg.cli.common import cli, err_console, handle_errors, store_option
from collabkg.errors import QueryError, StoreError

__all__ = ["sparql_command", "serve_command", "load_command"]

FORMAT_CHOICES = ["table", "csv", "tsv", "json", "xml", "ttl", "nt"]


def _store_path(store_path) -> Path:
    from collabkg.graph.store import default_store_path

    return Path(store_path) if store_path else default_store_path()


def _existing_store(store_path, *, read_only: bool):
    from collabkg.graph.store import Store

    path = _store_path(store_path)
    if not path.exists():
        raise StoreError(f"{path}: no store here", hint="run `collabkg build` first, or pass --store DIR")
    return Store(path, read_only=read_only)


def _parse_param(text: str):
    """``name=value``: ``<iri>`` or ``prefix:local`` -> IRI, an integer -> xsd:integer, else a string."""
    from rdflib import Literal, URIRef

    from collabkg.ontology.prefixes import PREFIXES

    if "=" not in text:
        raise QueryError(f"--param {text!r} is not name=value", hint="e.g. --param person=ckgid:person/bao-yiming")
    name, value = text.split("=", 1)
    def iri(text: str) -> URIRef:
        import pyoxigraph as ox

        try:
            ox.NamedNode(text)  # the store's own IRI check, before rdflib logs its warning
        except ValueError as e:
            raise QueryError(f"--param {name}: {text!r} is not a valid IRI: {e}",
                             hint="an IRI has no spaces, braces or angle brackets inside: <https://...>") from None
        return URIRef(text)

    if value.startswith("<") and value.endswith(">"):
        return name, iri(value[1:-1])
    prefix, _, local = value.partition(":")
    if local and prefix in PREFIXES and not local.startswith("//"):
        return name, iri(PREFIXES[prefix] + local)
    if re.fullmatch(r"-?\d+", value):
        return name, Literal(int(value))
    return name, Literal(value)


@cli.command("sparql")
@click.argument("query", required=False)
@click.option("--file", "-f", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="table", show_default=True,
              help="Output format (ttl/nt for CONSTRUCT and DESCRIBE).")
@click.option("--timeout", type=click.FloatRange(min=0.001), default=None,
              help="Stop the query after this many seconds.")
@click.option("--infer", type=click.Choice(["rdfs", "owlrl"]), default=None,
              help="First materialise inferences into the inferred named graph.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME (repeatable): <iri>, prefix:local, an integer, or a string.")
@click.option("--max-rows", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Refuse results with more rows.")
@click.option("--list", "list_queries", is_flag=True, help="List the bundled analyst queries and exit.")
@click.option("--allow-service", "services", multiple=True, metavar="IRI",
              help="Let SERVICE call this endpoint (repeatable; federation is off by default).")
@store_option
@handle_errors
def sparql_command(query, file, fmt, timeout, infer, params, max_rows, list_queries, services, store_path):
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store.

    QUERY is query text or the name of a bundled analyst query (see --list). The ontology's
    prefixes (ckg, ckgid, org, foaf, prov, skos, schema, dcterms, ...) are predeclared, the
    default graph is the merge of all documents' graphs (each statement once; FROM and FROM
    NAMED replace it), and relative IRIs resolve against the store folder. The query runs in a
    separate process: an engine crash is one error line (exit code 1) and Ctrl-C stops it.

    \b
    Examples:
      collabkg sparql 'SELECT ?a ?label WHERE { ?a a ckg:Agreement ; rdfs:label ?label }'
      collabkg sparql roundtables --format csv
      collabkg sparql posts -p person=ckgid:person/bao-yiming
      collabkg sparql --file my.rq --format json --timeout 10
      collabkg sparql --infer owlrl 'SELECT ?o WHERE { ?o org:transitiveSubOrganizationOf ?cas }'
    """
    from collabkg.graph import sparql as sq

    if list_queries:
        for name, first in sq.named_queries().items():
            click.echo(f"{name:20} {first}")
        return
    if (query is None) == (file is None):
        raise QueryError("give a QUERY or --file F.rq (not both)", hint="collabkg sparql --help")
    text = sq.load_query(file) if file else query
    bindings = dict(_parse_param(p) for p in params)
    try:
        out = _run_query(sq, text, bindings, store_path, infer, timeout, max_rows, services, fmt)
    except KeyboardInterrupt:
        err_console.print("interrupted: the query was stopped", highlight=False)
        sys.exit(130)
    sys.stdout.buffer.write(out)
    sys.stdout.flush()


def _run_query(sq, text, bindings, store_path, infer, timeout, max_rows, services, fmt) -> bytes:
    store = _existing_store(store_path, read_only=infer is None)
    try:
        if infer:
            from collabkg.graph.reasoning import materialize

            n = materialize(store, infer)
            err_console.print(f"{n} inferred triples ({infer}) in the inferred graph", highlight=False)
        result = sq.query(store, text, bindings=bindings, timeout=timeout, max_rows=max_rows,
                          services=services, guard=True)
        return result.serialize(fmt)
    finally:
        store.close()


@cli.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (0.0.0.0 exposes it).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port (0: any free).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.01), help="Query timeout, seconds (HTTP 504).")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(min=1), help="Result-size cap (HTTP 422).")
@click.option("--max-request-bytes", default=1_000_000, show_default=True, type=click.IntRange(min=1024), help="Request-size cap (HTTP 413/414).")
@click.option("--max-concurrent", default=4, show_default=True, type=click.IntRange(1, 64), help="Concurrent queries, one worker process each (more wait).")
@click.option("--max-wait", default=None, type=click.FloatRange(min=0), help="Seconds a request may wait for a worker (HTTP 503 beyond) [default: --timeout].")
@click.option("--max-waiting", default=None, type=click.IntRange(0, 100_000), help="Requests that may wait for a worker (HTTP 503 beyond) [default: 16 per worker].")
@click.option("--allow-service", "services", multiple=True, metavar="IRI", help="Let SERVICE call this endpoint (repeatable; federation is off by default).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN", help="CORS origin allowed (repeatable) [default: *]; 'none' turns CORS off.")
@click.option("--allow-writes", is_flag=True, help="Accept SPARQL Update and Graph Store writes (needs --token).")
@click.option("--token", envvar="COLLABKG_TOKEN", default=None, help="Bearer token for writes [default: $COLLABKG_TOKEN].")
@click.option("--views", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of HTML views to serve under /views/.")
@handle_errors
def serve_command(store_path, host, port, timeout, max_wait, max_rows, max_request_bytes, max_concurrent, max_waiting, services,
                  cors_origins, allow_writes, token, views):
    """Serve the store as a SPARQL 1.1 Protocol endpoint, with a query page and the views.

    \b
    Read-only unless --allow-writes and --token are both given. Routes:
      /sparql   SPARQL 1.1 Protocol (GET/POST; JSON, XML, CSV, TSV; Turtle, N-Triples, N-Quads,
                TriG, JSON-LD, RDF/XML by Accept); the Service Description without a query
      /store    Graph Store Protocol (?graph=IRI; writes only with --allow-writes)
      /         a page to type a query and see the results
      /views/   the --views folder
    \b
    Example:
      collabkg serve --port 8000 --views out/views
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:8000/sparql
    """
    from collabkg.graph.endpoint import Endpoint

    path = _store_path(store_path)
    if not path.exists():
        raise StoreError(f"{path}: no store here", hint="run `collabkg build` first, or pass --store DIR")
    ep = Endpoint(path, host=host, port=port, timeout=timeout, max_wait=max_wait, max_rows=max_rows,
                  max_request_bytes=max_request_bytes, max_concurrent=max_concurrent, max_waiting=max_waiting,
                  services=services, cors_origins=[] if cors_origins == ("none",) else (list(cors_origins) or ["*"]),
                  allow_writes=allow_writes, token=token, views=views)
    mode = "read-write (token required)" if allow_writes else "read-only"
    err_console.print(f"SPARQL endpoint {ep.url}/sparql ({mode}); query page {ep.url}/ ; Ctrl-C stops",
                      highlight=False)
    ep.serve_forever()


@cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", default=None, help="nq, nt, ttl, trig, xml, jsonld [default: from the suffix].")
@click.option("--graph", default=None, help="Named graph IRI for files of triples.")
@click.option("--base", "base_iri", default=None, metavar="IRI",
              help="Base IRI for relative IRIs in the files [default: each file's own file:// URI].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--optimize", is_flag=True,
              help="Compact the store after loading (takes about 40% longer; full scans then run 25-35% faster).")
@store_option
@handle_errors
def load_command(files, fmt, graph, base_iri, quiet, optimize, store_path):
    """Bulk-load RDF files into the store (streaming, bounded memory; all or nothing).

    A crash or kill mid-load leaves the store as it was before. Large N-Quads / N-Triples
    files load with one thread per core.

    \b
    Example:
      python benchmarks/generate.py --triples 1000000 --out /tmp/kg.nq
      collabkg load /tmp/kg.nq --store /tmp/kg-store --optimize
    """
    import time

    from rdflib import URIRef

    from collabkg.graph.store import Store

    store = Store(_store_path(store_path))
    try:
        t0 = time.perf_counter()
        n = store.bulk_load(list(files), fmt, graph=URIRef(graph) if graph else None, progress=not quiet,
                            base_iri=base_iri)
        dt = time.perf_counter() - t0
        err_console.print(f"loaded {n:,} quads in {dt:.1f} s ({n / max(dt, 1e-9):,.0f}/s); "
                          f"the store holds {len(store):,}", highlight=False)
        if optimize:
            t0 = time.perf_counter()
            store.optimize()
            err_console.print(f"optimized in {time.perf_counter() - t0:.1f} s", highlight=False)
        elif n >= 1_000_000:
            err_console.print("tip: 'collabkg load --optimize' (or Store.optimize()) compacts the store after "
                              "large loads; full-scan queries then run 1.5-4x faster", highlight=False)
    finally:
        store.close()
