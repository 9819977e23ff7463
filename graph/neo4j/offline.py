"""The offline bulk path: a first sync written as CSV files and imported by ``neo4j-admin``.

For the server ``scripts/neo4j-local`` runs, and only into an empty database: the store is
mapped exactly as the Bolt sync maps it (:mod:`~collabkg.graph.neo4j.mapping`), written as the
CSV files of ``neo4j-admin database import full`` (one node file per label set and property
types, one relationship file with the type in a column, the prefix table ``(:_NsPrefDef)`` and
the n10s config ``(:_GraphConfig)`` as nodes of their own), and imported with the database
stopped. Then the ``uri`` uniqueness constraint is created and the values CSV cannot say are set
over Bolt. The result is the graph :func:`~collabkg.graph.neo4j.mirror.sync` writes, node for
node and property for property (``neo4j verify`` and the export tests check it).

Stopping the database, not the server: Neo4j 5.26 Community has no ``STOP DATABASE``, and a full
stop + start of the local server took 18 s on a quiet machine and 32-42 s on a loaded one, longer
than n10s's whole import of 1M triples. So the launcher (``scripts/neo4j/.../LocalNeo4j.java``)
takes an import request in its run folder: it stops the database object in place (what
Enterprise's ``STOP DATABASE`` does), runs the importer in its own, already warm JVM, and starts
the database again; Bolt, the system database and the Cypher planner stay up.

What CSV cannot say, and how it is handled (each tested):

- an array holding just the empty string (``graphs: [""]``, a node or relationship asserted only
  in the default graph): the importer reads an empty field as no value, so such arrays are
  written as a placeholder (:data:`PLACEHOLDER`, not an IRI) and set to ``[""]`` after the import;
- a string array element holding the array delimiter (U+001F) or a property key with ``:``
  (the header's type separator): refused before the server is touched, with the Bolt sync as
  the way out;
- values with line breaks: the files holding them are named to the importer as multiline.

>>> shape_of({"uri": "http://ex/a", "graphs": ["http://ex/g"], "ns0__n": 3, "ns0__d": 1.5})
(('graphs', 'string[]'), ('ns0__d', 'double'), ('ns0__n', 'long'), ('uri', 'string'))
>>> csv_field(["", "http://ex/g"], "string[]")
'"\\x1fhttp://ex/g"'
>>> csv_field('say "hi" now', "string")
'"say ""hi"" now"'
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from collabkg.errors import Neo4jError
from collabkg.graph.neo4j.config import Neo4jConfig
from collabkg.graph.neo4j.mapping import (
    RESOURCE,
    Collected,
    PrefixTable,
    collect_quads,
    from_native,
    iter_nodes,
    names_used,
    rel_rows,
    shortener,
)

__all__ = ["LocalServer", "ImportFiles", "local_server", "write_import_files", "sync_offline", "shape_of",
           "csv_field", "PLACEHOLDER", "ARRAY_DELIMITER"]

#: Between array elements in a CSV field (a control character: no IRI holds it).
ARRAY_DELIMITER = "\x1f"
#: Written for an array that is just ``[""]`` (CSV reads an empty field as no value); set to
#: ``[""]`` after the import. A control character, so no IRI or graph name can be it.
PLACEHOLDER = "\x1e"
#: How long to wait for the launcher to stop the database, import and start it again.
IMPORT_TIMEOUT = 3600.0

_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


# -- the server ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LocalServer:
    """A running server of ``scripts/neo4j-local``: its run folder, process and Bolt port."""

    home: Path
    pid: int
    port: int

    @property
    def run(self) -> Path:
        return self.home / "run"


def _default_home() -> Path:
    return Path(os.environ.get("COLLABKG_NEO4J_HOME") or Path.cwd() / ".neo4j-local")


def local_server(config: Neo4jConfig, home: str | os.PathLike | None = None) -> LocalServer:
    """Return the ``scripts/neo4j-local`` server that ``config`` points at, or refuse.

    Parameters
    ----------
    config : Neo4jConfig
        Must be ``bolt://`` or ``neo4j://`` on 127.0.0.1 / localhost, database ``neo4j``.
    home : path, optional
        The server's run folder (``COLLABKG_NEO4J_HOME``; default that variable, else
        ``./.neo4j-local``, as ``scripts/neo4j-local`` does).

    Raises
    ------
    collabkg.errors.Neo4jError
        If that folder has no running launcher answering on ``config``'s port, or the launcher
        predates offline imports: the message says which and what to do.

    >>> local_server(Neo4jConfig(uri="bolt://db.example.org:7687"), home="/nonexistent")
    Traceback (most recent call last):
    ...
    collabkg.errors.Neo4jError: an offline sync imports into the server scripts/neo4j-local runs on this machine; bolt://db.example.org:7687 is not on 127.0.0.1 (use the Bolt sync: collabkg neo4j sync without --offline)
    """
    parts = urlsplit(config.uri)
    use_bolt = "use the Bolt sync: collabkg neo4j sync without --offline"
    if parts.hostname not in _LOCAL_HOSTS or parts.scheme not in ("bolt", "neo4j"):
        raise Neo4jError(f"an offline sync imports into the server scripts/neo4j-local runs on this machine; "
                         f"{config.uri} is not on 127.0.0.1", hint=use_bolt)
    if config.database not in (None, "neo4j"):
        raise Neo4jError(f"an offline sync imports into database 'neo4j' of the local server, not {config.database!r}",
                         hint=use_bolt)
    home = Path(home) if home is not None else _default_home()
    home = home.resolve()
    run = home / "run"
    start = f"scripts/neo4j-local start (with COLLABKG_NEO4J_HOME={home})"
    try:
        pid = int((home / "neo4j.pid").read_text().split()[0])
        port = int((run / "port").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        raise Neo4jError(f"{home}: no server of scripts/neo4j-local runs from this folder (no neo4j.pid / run/port)",
                         hint=f"start it with {start}, or pass the folder it runs from (--neo4j-home / COLLABKG_NEO4J_HOME); "
                         + use_bolt + " for any other server") from None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        alive = "org.collabkg.LocalNeo4j" in cmdline and str(home) in cmdline
    except OSError:
        alive = False
    if not alive or not (run / "ready").exists():
        raise Neo4jError(f"{home}: the server of scripts/neo4j-local is not running (pid {pid})", hint=f"start it with {start}")
    if (parts.port or 7687) != port:
        raise Neo4jError(f"{config.uri} is not the server of {home}: that one listens on port {port}",
                         hint=f"point NEO4J_URI at bolt://127.0.0.1:{port}, or pass the run folder of the server at {config.uri}")
    if not (run / "import-ready").exists():
        raise Neo4jError(f"the server of {home} (pid {pid}) was started by a launcher without offline imports",
                         hint="restart it with this version: scripts/neo4j-local stop && " + start)
    return LocalServer(home, pid, port)


# -- CSV ----------------------------------------------------------------------------------------
def _kind(v: Any) -> str:
    t = type(v)
    if t is str:
        return "string"
    if t is bool:
        return "boolean"
    if t is int:
        return "long"
    if t is float:
        return "double"
    if isinstance(v, _date) and t.__name__ == "date":
        return "date"
    if t.__name__ == "DateTime" or hasattr(v, "iso_format"):
        return "datetime" if getattr(v, "tzinfo", None) is not None else "localdatetime"
    raise TypeError(f"no CSV type for a {t.__name__} value")


def _type_of(v: Any) -> str:
    if type(v) is list:
        return _kind(v[0]) + "[]"
    return _kind(v)


def shape_of(props: dict) -> tuple:
    """The header a node's properties need: sorted ``(key, CSV type)`` pairs."""
    return tuple(sorted((k, _type_of(v)) for k, v in props.items()))


def _scalar(v: Any, kind: str) -> str:
    if kind == "string":
        return v
    if kind == "long":
        return str(v)
    if kind == "double":
        if v != v:
            return "NaN"
        if v in (float("inf"), float("-inf")):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    if kind == "boolean":
        return "true" if v else "false"
    return from_native(v)[0]  # dates: the ISO form the export reads back


def csv_field(v: Any, typ: str) -> str:
    """One CSV field (RFC 4180 quoting) of a value of CSV type ``typ``; arrays joined by
    :data:`ARRAY_DELIMITER`, ``[""]`` written as :data:`PLACEHOLDER`.

    Raises
    ------
    ValueError
        If a string array element holds :data:`ARRAY_DELIMITER`.
    """
    if typ.endswith("[]"):
        kind = typ[:-2]
        if kind == "string":
            if v == [""]:
                text = PLACEHOLDER
            else:
                for x in v:
                    if ARRAY_DELIMITER in x:
                        raise ValueError(f"the array value {x!r} holds U+001F, the CSV array delimiter")
                text = ARRAY_DELIMITER.join(v)
        else:
            text = ARRAY_DELIMITER.join(_scalar(x, kind) for x in v)
    else:
        text = _scalar(v, typ)
    if typ in ("long", "double", "boolean"):
        return text
    return '"' + text.replace('"', '""') + '"'


def _header_name(key: str) -> str:
    if ":" in key:
        raise ValueError(f"the property key {key!r} holds ':', which the importer's header reads as a type")
    return key


@dataclass
class ImportFiles:
    """The CSV files of one import: ``nodes`` and ``relationships`` paths, those with line
    breaks in a value (``multiline``), counts, and how many ``[""]`` placeholders were written."""

    directory: Path
    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    multiline: list[Path] = field(default_factory=list)
    node_count: int = 0
    rel_count: int = 0
    node_placeholders: int = 0
    rel_placeholders: int = 0

    def admin_args(self, database: str = "neo4j", *, max_memory: str | None = None) -> list[str]:
        """The arguments of ``neo4j-admin`` importing these files into ``database``."""
        args = ["database", "import", "full"]
        args += [f"--nodes={p}" for p in self.nodes]
        args += [f"--relationships={p}" for p in self.relationships]
        args += ["--id-type=integer", "--array-delimiter=U+001F", "--normalize-types=false",
                 "--ignore-empty-strings=false", "--bad-tolerance=0", "--overwrite-destination=true",
                 f"--report-file={self.directory / 'import.report'}"]
        if max_memory:
            args.append(f"--max-off-heap-memory={max_memory}")
        if self.multiline:
            args += ["--multiline-fields-format=v2", "--multiline-fields=" + ",".join(map(str, self.multiline))]
        args.append(database)
        return args


def write_import_files(col: Collected, table: PrefixTable, directory: str | os.PathLike,
                       extra_nodes: Iterable[tuple[frozenset, dict]] = ()) -> ImportFiles:
    """Write the CSV files of the property graph of ``col`` (the first mapping pass) into ``directory``.

    Nodes get integer ids (their order); relationships name their ends by them. ``extra_nodes``
    (label set, properties) are written too, e.g. the prefix table and the n10s config; a
    property of theirs typed ``int`` (a Python :class:`IntValue`) stays a 32-bit Integer.

    Raises
    ------
    ValueError
        A value or key CSV cannot carry (see the module notes); nothing is imported then.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    out = ImportFiles(directory)
    shorten = shortener(table)
    for iri in names_used(col):
        shorten(iri)
    ids: dict[str, int] = {}
    resource = frozenset({RESOURCE})
    groups: dict[tuple, list[str]] = {}
    multi: set[tuple] = set()
    n = 0
    for uri, rec in iter_nodes(col, shorten):
        props = rec.props
        shape = shape_of(props)
        key = (rec.labels | resource, shape)
        rows = groups.get(key)
        if rows is None:
            rows = groups[key] = []
        ids[uri] = n
        try:
            fields = [str(n)]
            for k, t in shape:
                v = props[k]
                fields.append(csv_field(v, t))
                if t == "string" and ("\n" in v or "\r" in v):
                    multi.add(key)
                elif t == "string[]" and any("\n" in x or "\r" in x for x in v):
                    multi.add(key)
        except ValueError as e:
            raise ValueError(f"node <{uri}>: {e}") from None
        if props.get("graphs") == [""]:
            out.node_placeholders += 1
        rows.append(",".join(fields))
        n += 1
    for labels, props in extra_nodes:
        key = (frozenset(labels), tuple(sorted((k, "int" if isinstance(v, IntValue) else _type_of(v)) for k, v in props.items())))
        groups.setdefault(key, []).append(",".join(
            [str(n)] + [str(int(props[k])) if t == "int" else csv_field(props[k], t) for k, t in key[1]]))
        n += 1
    out.node_count = n
    for i, ((labels, shape), rows) in enumerate(sorted(groups.items(), key=lambda kv: (sorted(kv[0][0]), kv[0][1]))):
        path = directory / f"nodes-{i:04d}.csv"
        label_text = ARRAY_DELIMITER.join(sorted(labels))
        header = ":ID," + ",".join(csv_field(f"{_header_name(k)}:{t}", "string") for k, t in shape) + ",:LABEL"
        label_field = csv_field(label_text, "string")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(header + "\n")
            f.write("".join(f"{row},{label_field}\n" for row in rows))
        out.nodes.append(path)
        if (labels, shape) in multi:
            out.multiline.append(path)
    del groups
    path = directory / "relationships.csv"
    m = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(":START_ID,:END_ID,:TYPE,graphs:string[],evidence:string[]\n")
        lines = []
        types: dict[str, str] = {}
        D = ARRAY_DELIMITER

        def iri_list(v: list) -> str:  # IRIs and bnode ids: no quote, no delimiter, no line break
            text = D.join(v)
            if '"' in text or "\n" in text or "\r" in text or (D in text if len(v) == 1 else any(D in x for x in v)):
                return csv_field(v, "string[]")  # quoted; refuses U+001F inside an element
            return '"' + text + '"'

        for s, o, graphs, ev, t in rel_rows(col, shorten):
            tf = types.get(t)
            if tf is None:
                tf = types[t] = csv_field(t, "string")
            if len(graphs) == 1 and graphs[0] == "":
                out.rel_placeholders += 1
                gf = '"' + PLACEHOLDER + '"'
                ef = iri_list(ev) if ev else ""
            else:
                try:
                    gf = iri_list(graphs)
                    ef = iri_list(ev) if ev else ""
                except ValueError as e:
                    raise ValueError(f"relationship <{s}> {t} <{o}>: {e}") from None
            lines.append(f"{ids[s]},{ids[o]},{tf},{gf},{ef}\n")
            m += 1
            if len(lines) >= 50_000:
                f.write("".join(lines))
                lines.clear()
        f.write("".join(lines))
    out.relationships.append(path)
    out.rel_count = m
    return out


class IntValue(int):
    """An integer written as a 32-bit ``int`` column (n10s reads its config numbers as Java Integer)."""


# -- the import ----------------------------------------------------------------------------------
def _request_import(server: LocalServer, args: list[str], timeout: float) -> dict:
    """Hand ``args`` to the launcher and wait for its result (JSON, see LocalNeo4j.java)."""
    for a in args:
        if "\n" in a or "\r" in a:
            raise Neo4jError(f"an import argument holds a line break: {a!r}", hint="use a work folder without line breaks in its path")
    result = server.run / "import-result"
    result.unlink(missing_ok=True)
    tmp = server.run / "import-request.tmp"
    tmp.write_text("\n".join(args) + "\n", encoding="utf-8")
    os.replace(tmp, server.run / "import-request")
    deadline = time.monotonic() + timeout
    while not result.exists():
        if not Path(f"/proc/{server.pid}").exists():
            raise Neo4jError(f"the server of {server.home} (pid {server.pid}) died during the offline import",
                             hint=f"see {server.home / 'logs' / 'neo4j.log'}; start it again and sync (the database was empty before)")
        if time.monotonic() > deadline:
            raise Neo4jError(f"the server of {server.home} did not finish the offline import within {timeout:.0f} s",
                             hint=f"see {server.home / 'logs' / 'neo4j.log'}")
        time.sleep(0.02)
    data = json.loads(result.read_text(encoding="utf-8"))
    result.unlink(missing_ok=True)
    return data


def _wait_available(driver, database: str | None, timeout: float = 60.0) -> None:
    from neo4j.exceptions import Neo4jError as DriverError, ServiceUnavailable, SessionExpired

    deadline = time.monotonic() + timeout
    while True:
        try:
            with driver.session(database=database) as s:
                s.run("RETURN 1").consume()
            return
        except (DriverError, ServiceUnavailable, SessionExpired):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def sync_offline(source, config: Neo4jConfig | None = None, *, home: str | os.PathLike | None = None,
                 workdir: str | os.PathLike | None = None, keep_files: bool = False,
                 max_memory: str | None = None, progress=None):
    """Write ``source`` into the empty database of the local server by an offline import.

    Parameters
    ----------
    source : Store or rdflib.Dataset or rdflib.Graph or iterable of rdflib quads
        As for :func:`~collabkg.graph.neo4j.mirror.sync`.
    config : Neo4jConfig, optional
        The local server's Bolt address and credentials (default: from the environment).
    home : path, optional
        The server's run folder (see :func:`local_server`).
    workdir : path, optional
        Where to write the CSV files (default: a new folder under ``home/import``); removed
        afterwards unless ``keep_files``.
    max_memory : str, optional
        The importer's ``--max-off-heap-memory`` (default: 25% of the machine's memory).

    Returns
    -------
    SyncReport
        ``mode`` ``"offline"``; ``parts`` the seconds of each step: ``map and write CSV``,
        ``stop database``, ``import``, ``start database``, ``constraint``, ``placeholders``.

    Raises
    ------
    collabkg.errors.Neo4jError
        Not the local server, the database not empty (the import replaces it, so a sync into
        a database holding anything, or an index of its own, is refused: use the Bolt sync),
        a value CSV cannot carry, or the import failed (the message quotes the importer; the
        database was empty before, so nothing is lost, and the Bolt sync still works).
    """
    from collabkg.graph.neo4j import mirror
    from collabkg.graph.store import Store

    t0 = time.perf_counter()
    config = config or Neo4jConfig.from_env()
    server = local_server(config, home)
    database = config.database or "neo4j"
    report = mirror.SyncReport(mode="offline")
    parts = report.parts
    with mirror._gc_paused(), mirror._driver(config, None) as (drv, cfg), mirror._translate(cfg, "syncing the mirror offline"):
        with drv.session(database=cfg.database) as session:
            if mirror._run(session, "MATCH (n) RETURN 1 AS x LIMIT 1"):
                raise Neo4jError(
                    f"database {database!r} of {config.uri} is not empty; an offline import replaces the whole database",
                    hint="collabkg neo4j sync without --offline writes only the differences; or `collabkg neo4j clear` first "
                    "if what is in it is only an old mirror")
            own = [r["name"] for r in mirror._run(
                session, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' AND NOT name IN $ours RETURN name",
                ours=[mirror.CONSTRAINT_NAME, mirror.GRAPH_RECORD_INDEX])]
            if own:
                raise Neo4jError(f"database {database!r} has indexes an offline import would drop: {', '.join(own)}",
                                 hint="use collabkg neo4j sync without --offline, or drop them first")
            table = mirror._table_from_db(session)
        tick = mirror._ticker(progress, "map RDF and write CSV", 1)
        if isinstance(source, Store):
            col, report.quads = mirror._first_pass(source)
        else:
            quads = mirror._source_quads(source)
            report.quads = len(quads)
            col = collect_quads(quads)
            del quads
        base = Path(workdir) if workdir is not None else Path(tempfile.mkdtemp(prefix="collabkg-", dir=_mkdir(server.home / "import")))
        failed = False
        try:
            shorten = shortener(table)
            for iri in names_used(col):
                shorten(iri)  # every name in the table before the table's own node is written
            config_props = {k: IntValue(v) if type(v) is int else v for k, v in mirror.GRAPH_CONFIG.items()}
            try:
                files = write_import_files(col, table, base, [
                    (frozenset({"_NsPrefDef"}), dict(table.prefix_to_ns)),
                    (frozenset({"_GraphConfig"}), config_props),
                ])
            except ValueError as e:
                raise Neo4jError(f"cannot write the offline import: {e}",
                                 hint="use collabkg neo4j sync without --offline (the Bolt sync carries any value)") from None
            del col
            tick(1)
            parts["map and write CSV"] = time.perf_counter() - t0
            tick = mirror._ticker(progress, "import (database stopped)", 1)
            mem = max_memory or f"{max(256, int(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**20 * 0.25))}m"
            res = _request_import(server, files.admin_args(database, max_memory=mem), IMPORT_TIMEOUT)
            tick(1)
            parts["stop database"] = res.get("stop_s", 0.0)
            parts["import"] = res.get("import_s", 0.0)
            parts["start database"] = res.get("start_s", 0.0)
            if res.get("exit") != 0 or res.get("error") or not res.get("started"):
                failed = True
                tail = " ".join(str(res.get("output", "")).split())[-600:]
                raise Neo4jError(
                    f"the offline import into {database!r} failed (exit {res.get('exit')}"
                    + (f", {res['error']}" if res.get("error") else "") + f"): ... {tail}",
                    hint=f"the CSV files are kept in {base}; the database was empty before, so nothing is lost: "
                    "collabkg neo4j clear, then collabkg neo4j sync without --offline")
        finally:
            if not keep_files and not failed:
                shutil.rmtree(base, ignore_errors=True)
        t = time.perf_counter()
        _wait_available(drv, cfg.database)
        with drv.session(database=cfg.database) as session:
            mirror._ensure_schema(session)
            session.run("CALL db.awaitIndexes(600)").consume()
            parts["constraint"] = time.perf_counter() - t
            t = time.perf_counter()
            if files.node_placeholders:
                session.run("MATCH (n:Resource) WHERE n.graphs = [$p] CALL { WITH n SET n.graphs = [''] } "
                            "IN TRANSACTIONS OF 10000 ROWS", p=PLACEHOLDER).consume()
            if files.rel_placeholders:
                session.run("MATCH ()-[r]->() WHERE r.graphs = [$p] CALL { WITH r SET r.graphs = [''] } "
                            "IN TRANSACTIONS OF 10000 ROWS", p=PLACEHOLDER).consume()
            parts["placeholders"] = time.perf_counter() - t
    report.nodes = report.nodes_created = files.node_count - 2  # without the prefix table and config nodes
    report.relationships = report.rels_created = files.rel_count
    report.seconds = time.perf_counter() - t0
    report.write_seconds = report.seconds - parts["map and write CSV"]
    return report


def _mkdir(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p
