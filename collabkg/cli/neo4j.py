"""``collabkg neo4j sync|export|verify|clear`` and ``collabkg cypher``: the Neo4j mirror from the shell.

A thin layer over :mod:`collabkg.graph.neo4j`: each command parses its options, calls one
library function, and prints the result. Connection settings come from ``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` or the flags below.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from collabkg.cli.common import cli, console, err_console, handle_errors, store_option
from collabkg.errors import QueryError, StoreError
from collabkg.safetext import for_terminal

__all__ = ["neo4j_group", "cypher_command"]


def neo4j_options(f):
    """``--uri --username --password --database`` (defaults from the ``NEO4J_*`` environment)."""
    f = click.option("--database", default=None, help="Database [default: $NEO4J_DATABASE or the server's default].")(f)
    f = click.option("--password", default=None, help="Password [default: $NEO4J_PASSWORD]. Prefer the environment variable.")(f)
    f = click.option("--username", default=None, help="User [default: $NEO4J_USERNAME or neo4j].")(f)
    f = click.option("--uri", default=None, help="bolt://, bolt+s://, neo4j://, neo4j+s://... [default: $NEO4J_URI or bolt://127.0.0.1:7687].")(f)
    return f


def _config(uri, username, password, database):
    from collabkg.graph.neo4j import Neo4jConfig

    return Neo4jConfig.from_env(uri=uri, username=username, password=password, database=database)


def _open_store(store_path):
    from collabkg.graph.store import Store, default_store_path

    path = Path(store_path) if store_path else default_store_path()
    if not path.exists():
        raise StoreError(f"{path}: no store here", hint="run `collabkg build` first, or pass --store DIR")
    return Store(path, read_only=True)


@cli.group("neo4j")
def neo4j_group() -> None:
    """Mirror the knowledge graph in Neo4j, and back.

    \b
    Get a local server without Docker:
      scripts/neo4j-local start && eval "$(scripts/neo4j-local env --with-password)"
    Then:
      collabkg neo4j sync            # store -> Neo4j (only the differences)
      collabkg neo4j verify          # Neo4j -> RDF, compared with the store
      collabkg neo4j export -o kg.trig
      collabkg cypher posts --param person=BAO
    """


@neo4j_group.command("sync")
@store_option
@neo4j_options
@click.option("--batch-size", default=None, type=click.IntRange(1, 1_000_000), help="Rows per UNWIND transaction [default: 10000].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--offline", is_flag=True,
              help="First sync into the empty database of the scripts/neo4j-local server: CSV files imported by "
              "neo4j-admin with the database stopped (refused for any other server or a database holding anything).")
@click.option("--neo4j-home", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --offline: the run folder of the scripts/neo4j-local server [default: $COLLABKG_NEO4J_HOME or ./.neo4j-local].")
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Only these named graphs (documents) changed since the last sync: compare and write only what "
              "they state, before and after (repeatable). Without it the whole graph is compared.")
@handle_errors
def sync_command(store_path, uri, username, password, database, batch_size, quiet, offline, neo4j_home, graphs):
    """Write the store into Neo4j: the first time in bulk, then only what changed.

    Safe to run again after an interruption: it converges to exactly the store's graph.
    --offline writes a first sync into the local server's empty database by neo4j-admin's
    importer (the database is stopped for the import; the server keeps running). --graph
    names the documents that changed, so only their part of the graph is read and compared
    (a change elsewhere waits for a sync without --graph).

    \b
    Example:
      collabkg neo4j sync --store .collabkg/store
      collabkg neo4j sync --offline        # scripts/neo4j-local's server, empty database
      collabkg neo4j sync --graph https://w3id.org/collabkg/id/document/report-2024
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from collabkg.graph.neo4j import mirror

    if graphs and offline:
        raise click.UsageError("--graph is for an incremental sync; --offline writes a first sync of the whole store")
    cfg = _config(uri, username, password, database)
    store = _open_store(store_path)
    kwargs = {"batch_size": batch_size} if batch_size else {}
    if neo4j_home is not None and not offline:
        raise click.UsageError("--neo4j-home goes with --offline (the Bolt sync needs only NEO4J_URI)")
    if graphs:
        kwargs["graphs"] = list(graphs)
    if offline:
        from collabkg.graph.neo4j.offline import sync_offline

        mirror_sync = sync_offline
        kwargs = {"home": neo4j_home}
    else:
        mirror_sync = mirror.sync
    if quiet or not err_console.is_terminal:
        report = mirror_sync(store, cfg, **kwargs)
    else:
        with Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err_console, transient=False,
        ) as bar:
            tasks: dict[str, int] = {}

            def progress(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase, total=total or 1, rate="")
                task = bar.tasks[tasks[phase]]
                rate = done / task.elapsed if task.elapsed else 0.0
                bar.update(tasks[phase], completed=done if total else 1, rate=f"{rate:,.0f} rows/s")

            report = mirror_sync(store, cfg, progress=progress, **kwargs)
    r = report.rates()
    console.print(report.summary(), highlight=False, soft_wrap=True)
    if report.parts:
        console.print("; ".join(f"{k} {v:.1f} s" for k, v in report.parts.items()), highlight=False, soft_wrap=True)
    if report.changes:
        console.print(
            f"{r['triples_per_s']:,.0f} triples/s, {r['nodes_per_s']:,.0f} nodes/s, {r['rels_per_s']:,.0f} relationships/s",
            highlight=False,
        )


@neo4j_group.command("export")
@neo4j_options
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Output file [default: stdout].")
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads"]), default=None, help="RDF format [default: from the suffix, else trig].")
@click.option("--skip-unknown", is_flag=True,
              help="Leave out labels, properties and relationship types that are not shortened IRIs (refused by default).")
@handle_errors
def export_command(uri, username, password, database, out, fmt, skip_unknown):
    """Export the mirror (property graph -> RDF), one named graph per document.

    Reads graphs n10s imported too (nodes without `graphs` are in the default graph).
    Literals keep their lexical forms.

    \b
    Example:
      collabkg neo4j export -o mirror.trig
    """
    from collabkg.graph.neo4j import export_rdf

    fmt = fmt or ("nquads" if out is not None and out.suffix in (".nq", ".nquads") else "trig")
    cfg = _config(uri, username, password, database)
    if out is None:
        sys.stdout.buffer.write(export_rdf(None, fmt, cfg, skip_unknown=skip_unknown))
        sys.stdout.flush()
    else:
        n = export_rdf(out, fmt, cfg, skip_unknown=skip_unknown)
        err_console.print(f"wrote {n} quads to {out}", highlight=False)


@neo4j_group.command("verify")
@store_option
@neo4j_options
@click.option("--limit", default=20, show_default=True, help="Differences to list per kind.")
@handle_errors
def verify_command(store_path, uri, username, password, database, limit):
    """Export the mirror, parse it, and compare it with the store as RDF (exit 1 if they differ).

    Blank nodes are matched up to renaming. Literals whose value is the same but written
    differently ("1" vs "1.0" for an xsd:double) are reported apart, as lexical-only
    differences; they also exit 1, since the mirror keeps lexical forms exactly.

    \b
    Example:
      collabkg neo4j verify
    """
    from collabkg.graph.neo4j import verify

    report = verify(_open_store(store_path), _config(uri, username, password, database))
    click.echo(report.summary(limit=limit))
    if not report.ok:
        sys.exit(1)


@neo4j_group.command("clear")
@neo4j_options
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@handle_errors
def clear_command(uri, username, password, database, yes):
    """Delete the mirror from Neo4j (every :Resource node, the prefix table and graph config).

    \b
    Example:
      collabkg neo4j clear --yes
    """
    from collabkg.graph.neo4j import clear

    cfg = _config(uri, username, password, database)
    if not yes:
        click.confirm(f"Delete the mirror from {cfg.uri} (database {cfg.database_label})?", abort=True)
    n = clear(cfg)
    console.print(f"deleted {n} nodes from {cfg.uri} (database {cfg.database_label})", highlight=False)


def _parse_params(items) -> dict:
    params = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {item!r} is not NAME=VALUE", hint="e.g. --param person=BAO --param year=2009")
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


@cli.command("cypher")
@click.argument("query", required=False)
@click.option("--file", "-f", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read the query from a .cypher file.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Query parameter (JSON value, else a string); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the bundled queries and exit.")
@click.option("--write", is_flag=True, help="Run in a write transaction (default: read-only).")
@neo4j_options
@handle_errors
def cypher_command(query, file, params, fmt, list_, write, uri, username, password, database):
    """Run a Cypher query on the mirror: text, a bundled query's name, or --file.

    \b
    Examples:
      collabkg cypher --list
      collabkg cypher organizations_with_cas_agreements
      collabkg cypher posts --param person=BAO --format json
      collabkg cypher 'MATCH (a:ckg__Agreement) RETURN a.rdfs__label AS agreement'
    """
    from collabkg.graph.neo4j import list_queries, load_query, run_cypher

    if list_:
        for name, title in list_queries().items():
            console.print(f"{name:40s} {title}", highlight=False, markup=False)
        return
    if (query is None) == (file is None):
        raise QueryError("give a query (text or bundled name) or --file, not both or neither", hint="see collabkg cypher --help")
    q = load_query(file) if file is not None else query
    rows = run_cypher(q, _parse_params(params), _config(uri, username, password, database), write=write)
    _print_rows(rows, fmt)


#: Widest cell of a table, in characters; longer values end in an ellipsis (csv and json keep them whole).
MAX_CELL = 60


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _table_cell(v) -> str:
    """A value as a table shows it: one line, at most MAX_CELL characters, controls escaped."""
    s = for_terminal(_cell(v).replace("\n", " "))
    return s if len(s) <= MAX_CELL else s[: MAX_CELL - 1] + "\u2026"


def _print_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    keys = list(rows[0]) if rows else []
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(keys)
        for r in rows:
            w.writerow([_cell(r[k]) for k in keys])
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(*keys, show_lines=False)
    for r in rows:
        table.add_row(*(Text(_table_cell(r[k]), no_wrap=True, overflow="ellipsis") for k in keys))
    console.print(table)
    err_console.print(f"{len(rows)} rows", highlight=False)
