"""Mirror the RDF store into Neo4j and back: sync, export, verify, clear, checksum.

``sync`` maps the store's quads to a property graph (:mod:`~collabkg.graph.neo4j.mapping`) and
makes the database hold exactly that graph:

- into an empty database it writes in bulk (:func:`_sync_bulk`): the ``uri`` uniqueness
  constraint and the prefix table first, then nodes with ``CREATE`` grouped by label set (each
  batch returning the new nodes' ids), then relationships, their type a value of the row (Neo4j
  5.26 dynamic types, ``[:$(row[4])]``: one query for all types, measured 0.1 s faster at 100k
  in each of 6 alternating pairs than one query per type, which older 5.x servers get), their
  ends found by those node ids (``id(a) = row[0]``, a ``NodeByIdSeek``: measured ~20% faster
  over the whole 100k-quad sync than a labelled ``MATCH`` on ``:Resource {uri}``, and the rows
  carry integers instead of IRIs), each batch an ``UNWIND $rows`` of :data:`BATCH_SIZE` rows in
  its own transaction. The ids are used only within the sync that created the nodes (a mirror
  has one writer at a time). Writer threads write while the main thread maps: 1M quads 12.7 ->
  10.9-11.5 s, no change at 100k, where both cores are already busy;
- into a database that already holds a mirror it reads the current graph, diffs it with the
  wanted one, and writes only the difference: new, changed and gone nodes and relationships.
  A second sync writes nothing; a sync after a new document writes that document's changes; a
  statement gone from the store is gone from Neo4j; duplicates left by an interrupted sync are
  removed. So a sync that died half way (server killed) converges on the next run. A difference
  of at most ``batch_size`` rows is written in one transaction (all or nothing);
- told which named graphs changed (``graphs=``, ``collabkg neo4j sync --graph``), it applies
  their difference (:func:`_sync_scoped`): the subjects of each graph's quads as last written
  are kept in a record per graph (``(:_NamedGraph {name, subjects})``, not a ``:Resource``,
  never exported), so the graph's old statements are found by name, not by scanning every
  ``graphs`` list; each touched node is decoded from what Neo4j holds, the changed graphs'
  statements replaced by the store's, and mapped again, so a node many documents name costs
  its own record and not the other documents' quads. 100k quads with 1-3% of them in changed
  documents: 0.3-0.4 s, against 1.2-1.8 s for the whole comparison and 0.07-0.1 s for n10s
  deleting and importing the exact difference (benchmarks/RESULTS.md). What changed elsewhere
  waits for a sync without ``graphs``. A first sync and a full sync write the records and mark
  them complete (``(:_NamedGraphRecords)``); a mirror without the mark (an offline import, a
  sync cut short) is scanned instead.

No value is formatted into Cypher text: values travel as parameters; labels and relationship
types go through :func:`~collabkg.graph.neo4j.mapping.quote_identifier`.

Batch size: 10,000 rows per transaction, in the 5k-20k range of published practice. On the
benchmark machine (2 shared cores, server on the same machine) 5k, 10k and 20k rows measured
within noise of each other for relationships (200k-quad graph), so the middle is the default;
``batch_size=`` overrides it. Small groups share a transaction (one query each) up to the
batch size, so the long tail of rare label sets and relationship types does not pay a commit
each (56 transactions -> ~20 at 100k quads; measured ~0.1-0.3 s of a ~3.2 s sync). Relationship properties are set inline in ``CREATE`` (measured
~25% faster than ``SET r = map``). ``workers=`` writes several bulk transactions at once
(each on its own session, a deadlocked one retried). The default is 2: once the Python side got
cheaper (the cyclic GC paused during mapping), two writers let the server use a second core:
100k quads 1.44 -> 1.19 s (median of 4, alternating, load 2.0-2.7); with the GC running, Python
was the bottleneck and 2 writers gave no reliable gain.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from collabkg.errors import CollabKGError, Neo4jError, QueryError
from collabkg.graph.neo4j.config import Neo4jConfig
from collabkg.graph.neo4j.mapping import (
    BNODE_PREFIX,
    RESOURCE,
    NodeRecord,
    PGModel,
    Collected,
    PrefixTable,
    build_model,
    canonical,
    collect_quads,
    decode_model,
    default_prefixes,
    OxStoreQuads,
    _ox_node,
    iter_nodes,
    iter_rels,
    names_used,
    quad_from_ox,
    quad_from_rdflib,
    quads_to_ox,
    quote_identifier,
    rel_rows,
    shortener,
    term_to_rdflib,
)

__all__ = [
    "BATCH_SIZE",
    "connect",
    "sync",
    "export",
    "export_quads",
    "export_rdf",
    "write_quads",
    "verify",
    "clear",
    "checksum",
    "read_prefixes",
    "SyncReport",
    "VerifyReport",
    "CONSTRAINT_NAME",
]

#: Rows per ``UNWIND`` transaction.
BATCH_SIZE = 10_000
#: Transactions in flight at once during a bulk load (one session each).
WORKERS = 2
#: The uniqueness constraint on ``:Resource(uri)`` (the name n10s uses).
CONSTRAINT_NAME = "n10s_unique_uri"
#: The label of a named graph's record: ``(:_NamedGraph {name, subjects})``, the subjects of the
#: graph's quads as the mirror last wrote them (what a scoped sync must look at to remove the
#: graph's old statements). Not a ``:Resource``: not part of the RDF, never exported.
GRAPH_RECORD = "_NamedGraph"
#: The label of the node marking the records complete (every graph in the mirror has one):
#: written by a first sync and a full sync; without it a scoped sync scans the ``graphs`` lists.
GRAPH_RECORDS_FLAG = "_NamedGraphRecords"
#: The index on ``_NamedGraph(name)``.
GRAPH_RECORD_INDEX = "collabkg_named_graph"
_WRITE_PREFIXES = "MERGE (n:_NsPrefDef) SET n += $prefixes"
_WRITE_RECORDS = ("UNWIND $rows AS row MERGE (r:_NamedGraph {name: row[0]}) SET r.subjects = row[1] "
                  "WITH r WHERE size(r.subjects) = 0 DELETE r")
_WRITE_FLAG = "MERGE (f:_NamedGraphRecords) SET f.complete = true"
_REMOVE_FLAG = "MATCH (f:_NamedGraphRecords) DELETE f"
#: What a sync needs to know first, in one round trip: the prefix table, the graph config,
#: whether the mirror is empty, whether the graphs' records are complete, the records of the
#: graphs ``$gs``, and the counts of nodes and relationships (from the count store).
_READ_SYNC_STATE = (
    "CALL { OPTIONAL MATCH (p:_NsPrefDef) RETURN properties(p) AS prefixes LIMIT 1 } "
    "CALL { OPTIONAL MATCH (c:_GraphConfig) RETURN properties(c) AS config LIMIT 1 } "
    "CALL { OPTIONAL MATCH (f:_NamedGraphRecords) RETURN f IS NOT NULL AS complete LIMIT 1 } "
    "CALL { UNWIND $gs AS g OPTIONAL MATCH (r:_NamedGraph {name: g}) RETURN collect([g, r.subjects]) AS records } "
    "CALL { MATCH (n:Resource) RETURN count(n) AS nodes } "
    "CALL { MATCH (:Resource)-[r]->() RETURN count(r) AS relationships } "
    "RETURN prefixes, config, complete, records, nodes, relationships")
#: The n10s graph configuration matching our mapping, as n10s stores it in ``(:_GraphConfig)``
#: (``handleVocabUris: SHORTEN``, ``handleMultival: ARRAY`` (n10s's default is OVERWRITE),
#: ``handleRDFTypes: LABELS``). n10s reads the three numbers as Java ``Integer``; Cypher can only
#: write 64-bit integers, which n10s fails to read ("ClassCastException: Long cannot be cast to
#: Integer"). So on a server with n10s the config is written by ``n10s.graphconfig.init``
#: (:data:`N10S_INIT`), and only without n10s by Cypher from this table.
GRAPH_CONFIG = {
    "_handleVocabUris": 0,  # SHORTEN
    "_handleMultival": 1,  # ARRAY
    "_handleRDFTypes": 0,  # LABELS
    "_keepLangTag": False,
    "_keepCustomDataTypes": False,
    "_applyNeo4jNaming": False,
    "_classLabel": "Class",
    "_subClassOfRel": "SCO",
    "_dataTypePropertyLabel": "Property",
    "_objectPropertyLabel": "Relationship",
    "_subPropertyOfRel": "SPO",
    "_domainRel": "DOMAIN",
    "_rangeRel": "RANGE",
    "_classNamePropName": "name",
    "_relNamePropName": "name",
}
#: The settings of :data:`GRAPH_CONFIG` that decide the mapping (a config differing in one of
#: them describes another graph).
MAPPING_SETTINGS = ("_handleVocabUris", "_handleMultival", "_handleRDFTypes", "_keepLangTag",
                    "_keepCustomDataTypes", "_applyNeo4jNaming")
#: The same settings as ``n10s.graphconfig.init`` takes them.
N10S_INIT = {"handleVocabUris": "SHORTEN", "handleMultival": "ARRAY", "handleRDFTypes": "LABELS",
             "keepLangTag": False, "keepCustomDataTypes": False, "applyNeo4jNaming": False}

Progress = Callable[[str, int, int], None]


# -- connection and errors --------------------------------------------------------------------
@contextlib.contextmanager
def _translate(config: Neo4jConfig, doing: str):
    """Turn driver exceptions into one-line :class:`Neo4jError` / :class:`QueryError`."""
    from neo4j import exceptions as nx

    where = f"Neo4j at {config.uri}"
    try:
        yield
    except CollabKGError:
        raise
    except nx.AuthError:
        raise Neo4jError(
            f"{where} refused the credentials of user {config.username!r} while {doing}",
            hint="check NEO4J_USERNAME and NEO4J_PASSWORD (or --username / --password)",
        ) from None
    except nx.CypherSyntaxError as e:
        raise QueryError(f"Cypher syntax error: {config.scrub(_msg(e))}", hint="check the query text") from None
    except nx.ClientError as e:
        code = getattr(e, "code", "") or ""
        if "DatabaseNotFound" in code:
            raise Neo4jError(
                f"database {config.database_label!r} does not exist on {config.uri}",
                hint="set NEO4J_DATABASE (or --database) to an existing database; Community edition has only 'neo4j'",
            ) from None
        if "ParameterMissing" in code:
            raise QueryError(f"{config.scrub(_msg(e))}", hint="pass it with --param NAME=VALUE") from None
        raise QueryError(f"Neo4j refused the query while {doing}: {config.scrub(_msg(e))}") from None
    except (nx.ServiceUnavailable, nx.SessionExpired, nx.IncompleteCommit, OSError) as e:
        hint = 'start it with `scripts/neo4j-local start && eval "$(scripts/neo4j-local env --with-password)"` or set NEO4J_URI'
        if "sync" in doing:  # only a sync has something to say about being cut short
            hint += "; a sync cut short is safe to run again: it converges"
        raise Neo4jError(
            f"cannot reach {where} (lost or refused connection while {doing}): {config.scrub(_msg(e))}", hint=hint,
        ) from None
    except nx.ConfigurationError as e:
        raise Neo4jError(f"bad Neo4j settings: {config.scrub(_msg(e))}", hint="check NEO4J_URI") from None
    except nx.DriverError as e:
        raise Neo4jError(f"Neo4j driver error while {doing}: {config.scrub(_msg(e))}") from None
    except nx.Neo4jError as e:
        raise Neo4jError(f"{where} failed while {doing}: {config.scrub(_msg(e))}") from None


def _msg(e: Exception) -> str:
    m = getattr(e, "message", None) or str(e) or type(e).__name__
    return " ".join(str(m).split())


def connect(config: Neo4jConfig | None = None):
    """Open a driver to the configured database and check it answers.

    Parameters
    ----------
    config : Neo4jConfig, optional
        Default: :meth:`Neo4jConfig.from_env`.

    Returns
    -------
    neo4j.Driver
        Close it when done (it is a context manager).

    Raises
    ------
    collabkg.errors.Neo4jError
        Server unreachable, credentials refused, database missing, or password unset.
    """
    from neo4j import GraphDatabase

    config = config or Neo4jConfig.from_env()
    if config.password is None:
        raise Neo4jError(
            "NEO4J_PASSWORD is not set",
            hint="export NEO4J_PASSWORD=... (for scripts/neo4j-local: eval \"$(scripts/neo4j-local env --with-password)\")",
        )
    with _translate(config, "connecting"):
        driver = GraphDatabase.driver(
            config.uri, auth=(config.username, config.password), connection_timeout=10, notifications_min_severity="OFF",
            max_transaction_retry_time=5, user_agent="collabkg",
        )
        try:
            driver.verify_connectivity()
            with driver.session(database=config.database) as s:
                s.run("RETURN 1").consume()
        except BaseException:
            driver.close()
            raise
    driver._collabkg_config = config  # remembered for messages and sessions
    return driver


@contextlib.contextmanager
def _driver(config: Neo4jConfig | None, driver):
    if driver is not None:
        cfg = getattr(driver, "_collabkg_config", None) or config or Neo4jConfig.from_env()
        yield driver, cfg
        return
    config = config or Neo4jConfig.from_env()
    d = connect(config)
    try:
        yield d, config
    finally:
        d.close()


def _run(session, query: str, **params) -> list[dict]:
    """Run one query in its own explicit transaction (no automatic retry: a retried CREATE
    could double rows) and return its records as dicts."""
    with session.begin_transaction() as tx:
        res = tx.run(query, params)
        out = [r.data() for r in res]
        tx.commit()
    return out


def _run_one(session, query: str, **params) -> list:
    """Run a read query returning one record of one column, and return that value as the
    driver gives it (no ``Record.data()`` conversion: a few thousand nested values cost
    ~0.03 s to convert)."""
    with session.begin_transaction() as tx:
        rec = tx.run(query, params).single()
        tx.commit()
    return rec[0] if rec is not None else []


@contextlib.contextmanager
def _gc_paused():
    """Pause Python's cyclic garbage collector for the duration (restoring its previous state).

    Mapping and reading build hundreds of thousands of small containers (tuples, sets, dicts,
    driver records), none of them cyclic; each allocation burst triggers generation scans that
    find nothing. Measured on the 100k-quad benchmark: ``build_model`` 0.55-0.80 s with the
    collector running, 0.25-0.30 s paused; the whole sync 2.2 -> 1.5 s. Reference counting still
    frees everything as usual; only cycle detection waits until the end."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


# -- reports ----------------------------------------------------------------------------------
@dataclass
class SyncReport:
    """What a :func:`sync` did. ``changes`` is 0 when the database already matched. ``quads``:
    the quads read from the source (a scoped sync: those of the graphs it was told about)."""

    mode: str = "incremental"
    quads: int = 0
    nodes: int = 0
    relationships: int = 0
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_deleted: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    rels_deleted: int = 0
    seconds: float = 0.0
    write_seconds: float = 0.0
    #: seconds of each step, for the steps a sync mode reports (the offline sync: CSV, import ...)
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def changes(self) -> int:
        return (
            self.nodes_created + self.nodes_updated + self.nodes_deleted
            + self.rels_created + self.rels_updated + self.rels_deleted
        )

    def rates(self) -> dict[str, float]:
        """Triples, nodes and relationships written per second (whole sync)."""
        t = self.seconds or float("inf")
        return {
            "triples_per_s": self.quads / t,
            "nodes_per_s": (self.nodes_created + self.nodes_updated) / t,
            "rels_per_s": (self.rels_created + self.rels_updated) / t,
        }

    def summary(self) -> str:
        if not self.changes:
            return (f"Neo4j already up to date: {self.nodes} nodes, {self.relationships} relationships "
                    f"from {self.quads} quads ({self.seconds:.1f} s)")
        return (
            f"synced {self.quads} quads ({self.mode}) in {self.seconds:.1f} s: "
            f"nodes +{self.nodes_created} ~{self.nodes_updated} -{self.nodes_deleted}, "
            f"relationships +{self.rels_created} ~{self.rels_updated} -{self.rels_deleted}; "
            f"now {self.nodes} nodes, {self.relationships} relationships"
        )


@dataclass
class VerifyReport:
    """The difference between the source (the store) and what the mirror exports, as RDF.

    ``missing`` / ``extra``: quads (pyoxigraph) only in the store / only in the export (real
    differences); ``lexical``: ``(store quad, exported quad)`` pairs whose literals have the
    same value written differently; ``relabelled``: blank nodes matched after renaming.
    """

    store_quads: int = 0
    neo4j_quads: int = 0
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    lexical: list = field(default_factory=list)
    relabelled: bool = False

    @property
    def value_equal(self) -> bool:
        return not self.missing and not self.extra

    @property
    def ok(self) -> bool:
        return self.value_equal and not self.lexical

    def summary(self, limit: int = 20) -> str:
        renamed = " (blank nodes matched up to renaming)" if self.relabelled else ""
        if self.ok:
            return f"Neo4j matches the store: {self.store_quads} quads{renamed}"
        if self.value_equal:
            lines = [f"Neo4j matches the store value for value, but {len(self.lexical)} literals are written "
                     f"differently (lexical-only differences){renamed}"]
        else:
            lines = [f"Neo4j differs from the store: {len(self.missing)} missing, {len(self.extra)} extra"
                     + (f", and {len(self.lexical)} lexical-only differences" if self.lexical else "") + renamed]
        for tag, quads in (("missing", self.missing), ("extra", self.extra)):
            for q in quads[:limit]:
                lines.append(f"  {tag}: {_quad_text(q)}")
            if len(quads) > limit:
                lines.append(f"  ... and {len(quads) - limit} more {tag}")
        for a, b in self.lexical[:limit]:
            lines.append(f"  lexical: {_quad_text(a)}  exported as {b.object}")
        if len(self.lexical) > limit:
            lines.append(f"  ... and {len(self.lexical) - limit} more lexical")
        return "\n".join(lines)


def _quad_text(q) -> str:
    import pyoxigraph as ox

    g = q.graph_name
    where = " in the default graph" if isinstance(g, ox.DefaultGraph) else f" in {g}"
    return f"{q.subject} {q.predicate} {q.object}{where}"


# -- source quads -----------------------------------------------------------------------------
def _source_quads(source) -> list[tuple]:
    """Quads (internal form) of a Store, an rdflib Dataset/Graph, or an iterable of rdflib quads."""
    from rdflib import Dataset, Graph

    from collabkg.graph.store import Store

    if isinstance(source, Store):
        return [quad_from_ox(q) for q in source.named_quads()]  # not the merged default graph
    if isinstance(source, Dataset):
        return [quad_from_rdflib(s, p, o, g) for s, p, o, g in source.quads((None, None, None, None))]
    if isinstance(source, Graph):
        return [quad_from_rdflib(s, p, o, source.identifier) for s, p, o in source]
    return [quad_from_rdflib(*q) if len(q) == 4 else quad_from_rdflib(*q, None) for q in source]


# -- reading the database ---------------------------------------------------------------------
def read_prefixes(session) -> dict[str, str]:
    """Return the prefix table stored in the database's ``_NsPrefDef`` node ({} if none)."""
    rows = _run(session, "MATCH (n:_NsPrefDef) RETURN properties(n) AS p LIMIT 1")
    return {k: v for k, v in rows[0]["p"].items() if isinstance(v, str)} if rows else {}


def _table_from_db(session) -> PrefixTable:
    return _table_from(read_prefixes(session))


def _table_from(stored: dict[str, str]) -> PrefixTable:
    """The prefix table of a mirror whose ``_NsPrefDef`` holds ``stored`` (the defaults added
    where they do not conflict)."""
    table = PrefixTable(stored) if stored else PrefixTable()
    for p, ns in default_prefixes().items():
        if p not in table.prefix_to_ns and ns not in table.ns_to_prefix:
            table.add(p, ns)
    return table


def _read_state(session, chunk: int = 1000):
    """Return (nodes {uri: NodeRecord}, rels {(s, type, o): [(element_id, props), ...]}).

    Read in records of ``chunk`` nodes each (a node's outgoing relationships with it): the
    driver pays a record object and socket reads per row, so at 1M quads one row per node and
    one per relationship (587k rows) took 7.7-8.3 s to read, one row per 1,000 nodes 1.5-1.9 s."""
    nodes: dict[str, NodeRecord] = {}
    res = session.run(
        "MATCH (n:Resource) WITH collect(n) AS ns UNWIND range(0, size(ns) - 1, $k) AS i "
        "RETURN [n IN ns[i..i + $k] | [n.uri, labels(n), properties(n)]] AS chunk",
        k=chunk,
    )
    for (rows,) in res:
        for uri, labels, props in rows:
            nodes[uri] = NodeRecord(frozenset(l for l in labels if l != RESOURCE), props)
    rels: dict[tuple[str, str, str], list] = {}
    res = session.run(
        "MATCH (a:Resource) WITH collect(a) AS starts UNWIND range(0, size(starts) - 1, $k) AS i "
        "RETURN [a IN starts[i..i + $k] | "
        "[a.uri, [(a)-[r]->(b:Resource) | [type(r), b.uri, properties(r), elementId(r)]]]] AS chunk",
        k=chunk,
    )
    for (rows,) in res:
        for s, out in rows:
            for t, o, props, eid in out:
                rels.setdefault((s, t, o), []).append((eid, props))
    return nodes, rels


def _same_value(a: Any, b: Any) -> bool:
    """Exact equality of property values: 1, 1.0 and True differ (they are different literals).

    >>> _same_value([1, "a"], [1, "a"]), _same_value(1, 1.0), _same_value([True], [1]), _same_value(["a"], "a")
    (True, False, False, False)
    """
    ta, tb = type(a), type(b)
    if ta is tb and ta in _EXACT:
        return a == b
    if ta is list and tb is list:
        if len(a) != len(b):
            return False
        if a == b and {type(x) for x in a} <= _STR and {type(y) for y in b} <= _STR:
            return True  # lists of strings (the graphs of every node and relationship): equal is exact
        return all(_same_value(x, y) for x, y in zip(a, b))
    return canonical(a) == canonical(b)


_EXACT = frozenset((str, int, bool))
_STR = frozenset((str,))


def _same_props(a: dict, b: dict) -> bool:
    if a.keys() != b.keys():
        return False
    for k, v in a.items():
        w = b[k]
        if type(v) is str and type(w) is str:
            if v != w:
                return False
        elif not _same_value(v, w):
            return False
    return True


def _canon_props(props: dict) -> str:
    return json.dumps({k: canonical(v) for k, v in props.items()}, sort_keys=True, ensure_ascii=False)


# -- sync -------------------------------------------------------------------------------------
def _ensure_schema(session) -> None:
    session.run(
        f"CREATE CONSTRAINT {quote_identifier(CONSTRAINT_NAME)} IF NOT EXISTS "
        "FOR (r:Resource) REQUIRE r.uri IS UNIQUE"
    ).consume()


def _write_prefixes(session, table: PrefixTable) -> None:
    """Store the prefix table (n10s's ``_NsPrefDef``) and the graph config (``_GraphConfig``)."""
    _run(session, "MERGE (n:_NsPrefDef) SET n += $prefixes", prefixes=dict(table.prefix_to_ns))
    _write_graph_config(session)


def has_n10s(session) -> bool:
    """Whether the server has the n10s (neosemantics) procedures installed."""
    return bool(_run(session, "SHOW PROCEDURES YIELD name WHERE name = 'n10s.graphconfig.init' RETURN name"))


def _write_graph_config(session) -> None:
    """Write ``(:_GraphConfig)`` unless one with the mirror's settings is there.

    With n10s on the server it is written by ``n10s.graphconfig.init`` (so n10s can read it);
    n10s only does so while the database holds no ``:Resource``, which is when a first sync
    calls this. A config with other settings is replaced in an empty database and refused in
    one that holds a graph (that graph was mapped differently)."""
    rows = _run(session, "MATCH (gc:_GraphConfig) RETURN properties(gc) AS p LIMIT 1")
    have = rows[0]["p"] if rows else None
    if have is not None and all(have.get(k) == GRAPH_CONFIG[k] for k in MAPPING_SETTINGS):
        missing = {k: v for k, v in GRAPH_CONFIG.items() if k not in have}
        if missing:  # a config an older collabkg wrote: the names n10s 5.26 reads too
            _run(session, "MATCH (gc:_GraphConfig) SET gc += $missing", missing=missing)
        return
    if have is not None and _run(session, "MATCH (n:Resource) RETURN 1 AS x LIMIT 1"):
        differ = ", ".join(f"{k[1:]} = {have.get(k)!r}" for k in MAPPING_SETTINGS if have.get(k) != GRAPH_CONFIG[k])
        raise Neo4jError(
            f"the database's n10s config (:_GraphConfig) has {differ}, but the mirror maps RDF with "
            + ", ".join(f"{k} = {v!r}" for k, v in N10S_INIT.items()),
            hint="sync into an empty database (or `collabkg neo4j clear` this one, if the graph in it is not needed)",
        )
    if has_n10s(session):
        _run(session, "CALL n10s.graphconfig.init($params) YIELD param RETURN count(*) AS n", params=N10S_INIT)
        _run(session, "MATCH (gc:_GraphConfig) SET gc._classNamePropName = coalesce(gc._classNamePropName, $name), "
             "gc._relNamePropName = coalesce(gc._relNamePropName, $name)", name=GRAPH_CONFIG["_classNamePropName"])
    else:
        _run(session, "MERGE (gc:_GraphConfig) SET gc += $config", config=GRAPH_CONFIG)


def _rel_jobs(items, batch_size: int) -> list[tuple[str, list]]:
    """(query, rows) batches creating relationships between existing nodes (incremental sync: the
    ends may be older nodes, found by a labelled ``MATCH`` on ``:Resource {uri}``), grouped by
    type; properties inline (faster than ``SET r = map``; a null ``evidence`` is not stored)."""
    groups: dict[str, list] = {}
    for (s, t, o), props in items:
        groups.setdefault(t, []).append([s, o, props["graphs"], props.get("evidence")])
    jobs = []
    for t, rows in sorted(groups.items()):
        q = _rel_query(t, "MATCH (a:Resource {uri: row[0]}) MATCH (b:Resource {uri: row[1]}) ")
        jobs.extend((q, batch) for batch in _batches(rows, batch_size))
    return jobs


_MATCH_BY_ID = "MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1] "


#: Bulk sync: the ends by the node ids the node creation returned (``NodeByIdSeek``, not the uri
#: index), every relationship type in one query, the type a value of the row (Neo4j 5.26's
#: dynamic types ``[:$(row[4])]``: no text formatting, one query plan instead of one per type).
#: Older 5.x servers get one query per type (:func:`_rel_query`).
_REL_DYNAMIC = ("UNWIND $rows AS row " + _MATCH_BY_ID
                + "CREATE (a)-[:$(row[4]) {graphs: row[2], evidence: row[3]}]->(b)")


def server_version(session) -> tuple[int, int]:
    """The (major, minor) version of the Neo4j server behind ``session``: ``(5, 26)``, ``(2025, 1)``."""
    rec = session.run("CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' "
                      "RETURN versions[0] AS v").single()
    return parse_version(rec["v"] if rec else "")


def parse_version(text: str) -> tuple[int, int]:
    """``"5.26.30"`` -> ``(5, 26)``; ``"2025.01.0"`` -> ``(2025, 1)``; unreadable -> ``(0, 0)``.

    >>> parse_version("5.26.30"), parse_version("5.20.0-aura"), parse_version("2025.01.0"), parse_version("dev")
    ((5, 26), (5, 20), (2025, 1), (0, 0))
    """
    import re

    m = re.match(r"(\d+)\.(\d+)", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def _has_dynamic_types(session) -> bool:
    """Whether the server accepts ``[:$(expr)]`` relationship types (Neo4j 5.26 or a later version)."""
    return server_version(session) >= (5, 26)


def _rel_query(rtype: str, match: str = _MATCH_BY_ID) -> str:
    return "UNWIND $rows AS row " + match + f"CREATE (a)-[:{quote_identifier(rtype)} {{graphs: row[2], evidence: row[3]}}]->(b)"


def _node_jobs(items, batch_size: int) -> list[tuple[str, list]]:
    """(query, rows) batches creating nodes (incremental sync), grouped by label set."""
    groups: dict[frozenset, list[dict]] = {}
    for _, rec in items:
        groups.setdefault(rec.labels, []).append(rec.props)
    jobs = []
    for labels, rows in sorted(groups.items(), key=lambda kv: sorted(kv[0])):
        q = _node_query(labels, return_ids=False)
        jobs.extend((q, batch) for batch in _batches(rows, batch_size))
    return jobs


def _node_query(labels, return_ids: bool) -> str:
    """The query creating nodes with these labels (and ``:Resource``) from rows of properties.
    With ``return_ids`` it returns one record: the created nodes' ids in the order of its rows
    (``collect`` after ``UNWIND ... CREATE`` keeps the row order; one record instead of one per
    node: measured 0.41 -> 0.26 s for the 12,327 nodes of the 100k-quad benchmark)."""
    label_text = "".join(":" + quote_identifier(l) for l in [RESOURCE, *sorted(labels)])
    ret = " RETURN collect(id(n)) AS ids" if return_ids else ""
    return f"UNWIND $rows AS row CREATE (n{label_text}) SET n = row{ret}"


def _units(jobs, batch_size: int) -> list[list[tuple[str, list]]]:
    """Pack consecutive (query, rows) jobs into transactions of at most ``batch_size`` rows in
    all: a small group (a rare label set or relationship type) shares its transaction with the
    next ones instead of paying a commit of its own."""
    units: list[list] = []
    size = batch_size + 1
    for q, rows in jobs:
        if size + len(rows) > batch_size:
            units.append([])
            size = 0
        units[-1].append((q, rows))
        size += len(rows)
    return units


def _write_unit(sess, unit, sink, lock) -> int:
    """Write one unit ((query, rows) jobs) in one transaction; return its rows. A transaction
    the server rolled back (deadlock, transient error) is run again; nothing else is retried (a
    commit in doubt is left to the next sync). ``sink``, if given, receives ``[(rows, first
    column of the job's single record), ...]`` once committed (under ``lock``; None without a
    ``sink``). The row lists
    are emptied once committed: pass lists of your own."""
    from neo4j.exceptions import TransientError

    for attempt in range(8):
        try:
            values: list = []
            with sess.begin_transaction() as tx:
                for q, rows in unit:
                    res = tx.run(q, {"rows": rows})
                    if sink is None:
                        for _ in res:  # write-only: no records; reads the summary
                            pass
                    else:
                        values.append((rows, res.single(strict=True)[0]))
                tx.commit()
            if sink is not None:
                with lock:
                    sink(values)
            n = 0
            for _, rows in unit:
                n += len(rows)
                # The driver keeps a transaction's parameters in a reference cycle (result <->
                # connection handlers), so every row would wait for the cyclic collector, which
                # _gc_paused holds off until the sync ends: then one collection of every row
                # written (1.0 s at 1M quads). Emptying the list frees the rows now.
                rows.clear()
            return n
        except TransientError:
            if attempt == 7:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _run_jobs(session, jobs, tick, batch_size: int) -> int:
    """Run (query, rows) jobs one transaction after the other, in transactions of up to
    ``batch_size`` rows (see :func:`_units`). A transaction the server rolled back (deadlock,
    transient error) is run again; nothing else is retried (a commit in doubt is left to the
    next sync)."""
    n = 0
    for unit in _units(jobs, batch_size):
        k = _write_unit(session, unit, None, None)
        n += k
        tick(k)
    return n


def _id_sink(ids: dict[str, int]):
    """A ``sink`` for node jobs returning ``collect(id(n))``: fills ``ids`` with uri -> node id."""

    def sink(values):
        for rows, created in values:
            if len(created) != len(rows):
                raise Neo4jError(f"node creation returned {len(created)} ids for {len(rows)} rows")
            ids.update(zip([r["uri"] for r in rows], created))

    return sink


#: Incremental writes on Neo4j 5.26+: labels and types as values of the rows (dynamic labels
#: and types), so each step is one query text whatever labels and types it writes: planned once
#: per server, one round trip per batch instead of one per label set or type.
_NODE_CREATE_DYNAMIC = "UNWIND $rows AS row CREATE (n:Resource) SET n = row[0] SET n:$(row[1])"
_REL_CREATE_DYNAMIC = ("UNWIND $rows AS row MATCH (a:Resource {uri: row[0]}) MATCH (b:Resource {uri: row[1]}) "
                       "CREATE (a)-[:$(row[4]) {graphs: row[2], evidence: row[3]}]->(b)")
_LABEL_ADD_DYNAMIC = "UNWIND $rows AS row MATCH (n:Resource {uri: row[0]}) SET n:$(row[1])"
_LABEL_REMOVE_DYNAMIC = "UNWIND $rows AS row MATCH (n:Resource {uri: row[0]}) REMOVE n:$(row[1])"


def _create_nodes(session, items, batch_size: int, tick, dynamic: bool = False) -> int:
    if dynamic:
        rows = [[rec.props, sorted(rec.labels)] for _, rec in items]
        return _run_jobs(session, [(_NODE_CREATE_DYNAMIC, b) for b in _batches(rows, batch_size)], tick, batch_size)
    return _run_jobs(session, _node_jobs(items, batch_size), tick, batch_size)


def _create_rels(session, items, batch_size: int, tick, dynamic: bool = False) -> int:
    if dynamic:
        rows = [[s, o, props["graphs"], props.get("evidence"), t] for (s, t, o), props in items]
        return _run_jobs(session, [(_REL_CREATE_DYNAMIC, b) for b in _batches(rows, batch_size)], tick, batch_size)
    return _run_jobs(session, _rel_jobs(items, batch_size), tick, batch_size)


def sync(
    source,
    config: Neo4jConfig | None = None,
    *,
    driver=None,
    batch_size: int = BATCH_SIZE,
    workers: int = WORKERS,
    progress: Progress | None = None,
    graphs=None,
) -> SyncReport:
    """Make the Neo4j database mirror ``source`` exactly, writing only what differs.

    Parameters
    ----------
    source : Store or rdflib.Dataset or rdflib.Graph or iterable of rdflib quads
        Usually the project's :class:`~collabkg.graph.store.Store`.
    config : Neo4jConfig, optional
        Where to write (default: from the environment). Ignored when ``driver`` is given.
    driver : neo4j.Driver, optional
        An open driver from :func:`connect`, to reuse.
    batch_size : int
        Rows per ``UNWIND`` transaction.
    workers : int
        Transactions written at once when loading into an empty database (each on its own
        session); 1 writes one after the other.
    progress : callable, optional
        Called as ``progress(phase, done, total)`` after every batch.
    graphs : iterable of graph names, optional
        With a :class:`~collabkg.graph.store.Store` and a database that already mirrors it:
        the named graphs (documents) added, changed or removed since the mirror last matched
        the store (IRIs as ``str`` / ``URIRef``, or pyoxigraph terms). Only the nodes and
        relationships those graphs state, before or after, are read, compared and written
        (:func:`_sync_scoped`): a sync after one document changed costs what that document
        touches, not the whole graph. Changes outside these graphs are not seen (a full sync,
        without ``graphs``, finds everything). Ignored when the database is empty.

    Returns
    -------
    SyncReport

    Raises
    ------
    collabkg.errors.Neo4jError
        Server unreachable or lost mid-sync (running sync again converges), credentials refused,
        database missing.
    """
    t0 = time.perf_counter()
    with _gc_paused():
        report = _sync(source, config, driver, batch_size, workers, progress, graphs)
    report.seconds = time.perf_counter() - t0
    return report


def _sync(source, config, driver, batch_size, workers, progress, graphs=None) -> SyncReport:
    from collabkg.graph.store import Store

    if graphs is not None and not isinstance(source, Store):
        raise CollabKGError("sync(graphs=...) needs a Store as its source",
                            hint="pass the Store, or leave graphs out for a full comparison")

    # a Store is read in the first mapping pass of a bulk load (no list of its quads)
    quads = None if isinstance(source, Store) else _source_quads(source)
    # a Store's quads are counted while they are read (its len() reads the merged default graph)
    report = SyncReport(quads=0 if quads is None else len(quads))
    with _driver(config, driver) as (drv, cfg), _translate(cfg, "syncing the mirror"):
        with drv.session(database=cfg.database) as session:
            if graphs is not None:
                names = sorted({_graph_name(g) for g in graphs})
                state = _read_sync_state(session, names)
                if state["nodes"]:
                    if not _config_is_ours(state["config"]):
                        _write_graph_config(session)  # refuses a graph mapped otherwise
                    _sync_scoped(session, source, names, _table_from(state["prefixes"]), state, report, batch_size,
                                 progress, _dynamic(drv, session))
                    return report
            _ensure_schema(session)
            table = _table_from_db(session)
            empty = not _run(session, "MATCH (n:Resource) RETURN 1 AS x LIMIT 1")
            tick = _ticker(progress, "map RDF to property graph", report.quads)
            if empty:
                if quads is None:
                    col, report.quads = _first_pass(source)
                else:
                    col = collect_quads(quads)
                quads = None  # freed while writing
                tick(report.quads)
                _sync_bulk(session, col, table, report, batch_size, progress, driver=drv, config=cfg, workers=workers)
                return report
            if quads is None:
                quads = _source_quads(source)
                report.quads = len(quads)
            model = build_model(quads, table)
            records = _graph_subjects(quads)
            tick(len(quads))
            _write_prefixes(session, table)
            tw = time.perf_counter()
            _sync_diff(session, model, records, report, batch_size, progress)
            report.write_seconds = time.perf_counter() - tw
    report.nodes, report.relationships = len(model.nodes), len(model.rels)
    return report


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#: The predicates of a reified statement that decide an edge's ``evidence`` (see
#: :func:`~collabkg.graph.neo4j.mapping.collect_quads`).
_ROLE_PREDICATES = (_RDF + "subject", _RDF + "predicate", _RDF + "object", "http://www.w3.org/ns/prov#wasDerivedFrom")


def _graph_name(g) -> str:
    """A graph name as the mapping writes it in ``graphs``: the IRI, ``bnode://id`` for a blank node."""
    from rdflib import BNode

    from collabkg.graph.neo4j.mapping import BNODE_PREFIX

    if isinstance(g, BNode):
        return BNODE_PREFIX + str(g)
    value = getattr(g, "value", None)  # pyoxigraph NamedNode / BlankNode
    if value is not None:
        return (BNODE_PREFIX + value) if type(g).__name__ == "BlankNode" else value
    return str(g)


def _known_name(table: PrefixTable, iri: str) -> str | None:
    """``iri`` shortened with the prefixes ``table`` has (None if its namespace has none; the
    table is left as it is)."""
    from collabkg.graph.neo4j.mapping import BNODE_PREFIX, split_iri

    if iri.startswith(BNODE_PREFIX):
        return None
    ns, local = split_iri(iri)
    prefix = table.ns_to_prefix.get(ns)
    return None if prefix is None else f"{prefix}__{local}"


def _ox_term(uri: str):
    import pyoxigraph as ox

    from collabkg.graph.neo4j.mapping import BNODE_PREFIX

    return ox.BlankNode(uri[len(BNODE_PREFIX):]) if uri.startswith(BNODE_PREFIX) else ox.NamedNode(uri)


def _sync_scoped(session, store, graphs, table: PrefixTable, state: dict, report: SyncReport, batch_size: int,
                 progress, dynamic: bool) -> None:
    """Apply the difference of the named graphs ``graphs``: their quads in the mirror (before)
    replaced by their quads in the store (after), touching only what those quads state.

    - before: the subjects of each graph's quads when the mirror last wrote it are kept in a
      record per graph (``(:_NamedGraph {name, subjects})``, :data:`GRAPH_RECORD`), so what the
      mirror holds from a graph is found by its name, not by scanning every ``graphs`` list. A
      mirror without complete records (an offline import, an older collabkg) is scanned once
      per sync instead;
    - each of those subjects, and each subject of the graphs' quads in the store, is read
      from Neo4j: its labels and properties, and of its outgoing relationships only those
      the graphs state, before (their ``graphs``) or after. The node's quads are decoded from
      what Neo4j holds (:func:`~collabkg.graph.neo4j.mapping.decode_model`, lossless), those
      of the changed graphs replaced by the store's, and the node mapped again from that: a
      node many documents name (a country) costs its own record, not the other documents'
      quads. A relationship's ``graphs`` loses the changed graphs and gains those that state
      it now; it is deleted when no graph states it;
    - ``evidence`` (reified statements, ``rdf:Statement``): an edge created, and every edge a
      statement with quads in the changed graphs names (before or after), gets its evidence
      from all statements in the store naming it;
    - a node no quad in the store names any more is deleted; an object new to the mirror is
      created.

    Nodes and relationships are compared and written as a full sync writes them
    (:func:`_write_diff`), so a full comparison afterwards finds nothing to write. What
    changed in other graphs is not seen (the documented limit of ``graphs=``).
    """
    import pyoxigraph as ox

    report.mode = "incremental (scoped)"
    t0 = time.perf_counter()
    names = sorted({_graph_name(g) for g in graphs})
    changed = frozenset(names)
    tick = _ticker(progress, "read Neo4j", 1)
    # before: the subjects of the graphs' quads, from their records (or a scan of the graphs lists)
    old_subjects: set[str] = set()
    old_records = {g: subjects for g, subjects in state["records"]}
    if state["complete"]:
        for subjects in old_records.values():
            old_subjects.update(subjects or ())
    else:
        rows = _run(session, "CALL { MATCH (n:Resource) WHERE any(x IN n.graphs WHERE x IN $gs) RETURN collect(n.uri) AS u } "
                    "CALL { MATCH (a:Resource)-[r]->() WHERE any(x IN r.graphs WHERE x IN $gs) "
                    "RETURN collect(DISTINCT a.uri) AS s } RETURN u + s AS u", gs=names)
        old_subjects.update(rows[0]["u"] if rows else ())
    t1 = time.perf_counter()

    # after: the graphs' quads in the store
    shorten = shortener(table)
    role_types = {shorten(p): p for p in _ROLE_PREDICATES}
    role_iris = frozenset(_ROLE_PREDICATES)
    pattern = store.oxigraph.quads_for_pattern
    rdf_type = _RDF + "type"
    node_quads: list = []  # literal and label quads of the graphs (after)
    new_rels: dict[tuple[str, str, str], set[str]] = {}
    by_graph: dict[str, set[str]] = {g: set() for g in names}
    statements: set[str] = set()
    for g in names:
        subjects = by_graph[g]
        for q in OxStoreQuads(store.oxigraph, [_ox_term(g)]):
            s, p, o, _ = q
            subjects.add(s)
            if isinstance(o, tuple) or (p == rdf_type and not o.startswith(BNODE_PREFIX)):
                node_quads.append(q)
                continue
            key = (s, shorten(p), o)
            gs = new_rels.get(key)
            if gs is None:
                new_rels[key] = {g}
            else:
                gs.add(g)
            if p in role_iris:
                statements.add(s)
    report.quads = len(node_quads) + sum(len(gs) for gs in new_rels.values())
    subjects_now = set().union(*by_graph.values()) if by_graph else set()
    touched = old_subjects | subjects_now
    new_keys: dict[str, list] = {}
    for s, t, o in new_rels:
        new_keys.setdefault(s, []).append([t, o])
    objects = {o for _, _, o in new_rels} - touched
    t2 = time.perf_counter()

    # now: the touched nodes in Neo4j, and their relationships the graphs state (before or after)
    tick(0)
    cur_nodes: dict[str, NodeRecord] = {}
    cur_rels: dict[tuple[str, str, str], list] = {}
    rows = [[u, new_keys.get(u, [])] for u in sorted(touched)] + [[u, None] for u in sorted(objects)]
    if rows:
        for uri, labels, props, out in _run_one(session, _READ_TOUCHED, rows=rows, gs=names):
            cur_nodes[uri] = NodeRecord(frozenset(l for l in labels if l != RESOURCE), props)
            for t, o, rprops, eid in out or ():
                cur_rels.setdefault((uri, t, o), []).append((eid, rprops))
    # the edges whose evidence may change: those created, and those the statements with quads
    # in the graphs (before: their relationships read above; after: the store) name
    roles_before: dict[str, dict[str, set]] = {}
    for (a, t, b), entries in cur_rels.items():
        role = role_types.get(t)
        if role is not None:
            roles_before.setdefault(a, {}).setdefault(role, set()).add(b)
            if any(not changed.isdisjoint(_as_list(p.get("graphs"))) for _, p in entries):
                statements.add(a)
    evidence_keys = {k for k in new_rels if k not in cur_rels}
    more_keys: list = []
    if statements:
        roles_now = _statement_roles(pattern, statements)
        for st in statements:
            roles = roles_now.get(st, {})
            for role, ends in roles_before.get(st, {}).items():
                roles.setdefault(role, set()).update(ends)
            for a in roles.get(_ROLE_PREDICATES[0], ()):
                for p in roles.get(_ROLE_PREDICATES[1], ()):
                    t = _known_name(table, p)
                    if t is None:
                        continue  # no relationship has this type (a blank node, a namespace never mirrored)
                    for b in roles.get(_ROLE_PREDICATES[2], ()):
                        key = (a, t, b)
                        evidence_keys.add(key)
                        if key not in cur_rels and key not in new_rels:
                            more_keys.append(list(key))
    if more_keys:
        for a, t, b, rprops, eid in _run_one(session, _READ_KEYS, keys=more_keys):
            cur_rels.setdefault((a, t, b), []).append((eid, rprops))
    tick(1)
    t3 = time.perf_counter()

    # the wanted state of what was read
    tick = _ticker(progress, "map RDF to property graph", 1)
    quads = list(node_quads)
    for u in touched:
        rec = cur_nodes.get(u)
        if rec is not None:
            quads.extend(q for q in decode_model({u: rec}, {}, table) if q[3] not in changed)
    col = collect_quads(quads)
    col.node_uris = touched
    want_nodes = dict(iter_nodes(col, shorten))
    for u, rec in list(want_nodes.items()):
        if "graphs" not in rec.props and not _named_anywhere(pattern, u):
            del want_nodes[u]  # no quad names it any more
    for u in objects:
        rec = cur_nodes.get(u)
        want_nodes[u] = rec if rec is not None else NodeRecord(frozenset(), {"uri": u})
    want_rels: dict = {}
    ev_cache: dict = {}
    for key in set(cur_rels) | set(new_rels):
        entries = cur_rels.get(key)
        props = entries[0][1] if entries else {}
        gs = {g for g in _as_list(props.get("graphs")) if g not in changed}
        gs |= new_rels.get(key, set())
        if not gs:
            # gone: its object too when nothing names it any more
            o = key[2]
            if o not in touched and o not in want_nodes and not _named_anywhere(pattern, o):
                cur_nodes.setdefault(o, NodeRecord(frozenset(), {"uri": o}))
            continue
        want = {"graphs": sorted(gs) if len(gs) > 1 else list(gs)}
        ev = _evidence(pattern, table, key, ev_cache) if key in evidence_keys else props.get("evidence")
        if ev:
            want["evidence"] = ev
        want_rels[key] = want
    model = PGModel(want_nodes, want_rels, table)
    tick(1)
    t4 = time.perf_counter()

    # the graphs' records: the subjects of their quads now (a graph gone loses its record)
    records = [[g, sorted(by_graph[g])] for g in names if set(old_records.get(g) or ()) != by_graph[g]]
    tw = time.perf_counter()
    before = [] if table.prefix_to_ns == state["prefixes"] else [(_WRITE_PREFIXES, {"prefixes": dict(table.prefix_to_ns)})]
    _write_diff(session, model, cur_nodes, cur_rels, report, batch_size, progress, dynamic=dynamic, before=before,
                after=[(_WRITE_RECORDS, {"rows": records})] if records else [], keep_flag=bool(state["complete"]))
    report.write_seconds = time.perf_counter() - tw
    report.parts = {"read the mirror's state and the graphs' records": state.get("seconds", 0.0) + t1 - t0, "read the store": t2 - t1, "read the touched part": t3 - t2,
                    "map": t4 - t3, "write": report.write_seconds}
    report.nodes = state["nodes"] + report.nodes_created - report.nodes_deleted
    report.relationships = state["relationships"] + report.rels_created - report.rels_deleted


def _as_list(v) -> list:
    return [] if v is None else [v] if isinstance(v, str) else v


def _named_anywhere(pattern, uri: str) -> bool:
    """Whether a quad of a named graph in the store has ``uri`` as its subject, or as its object
    other than a class (an ``rdf:type`` object that is an IRI is a label, not a node)."""
    import pyoxigraph as ox

    term = _ox_term(uri)
    default = ox.DefaultGraph
    for q in pattern(term, None, None, None):
        if type(q.graph_name) is not default:
            return True
    for q in pattern(None, None, term, None):
        if type(q.graph_name) is not default:
            if q.predicate.value == _RDF + "type" and not uri.startswith(BNODE_PREFIX):
                continue
            return True
    return False


def _statement_roles(pattern, statements) -> dict[str, dict[str, set]]:
    """statement uri -> role predicate -> its objects (nodes) in the store's named graphs."""
    import pyoxigraph as ox

    default, literal = ox.DefaultGraph, ox.Literal
    roles_of = frozenset(_ROLE_PREDICATES)
    out: dict[str, dict[str, set]] = {}
    for st in statements:
        roles: dict[str, set] = {}
        for q in pattern(_ox_term(st), None, None, None):
            p = q.predicate.value
            if p in roles_of and type(q.graph_name) is not default and type(q.object) is not literal:
                roles.setdefault(p, set()).add(_ox_node(q.object))
        out[st] = roles
    return out


def _evidence(pattern, table: PrefixTable, key: tuple[str, str, str], cache: dict) -> list[str] | None:
    """The evidence of relationship ``key`` in the store: the ``prov:wasDerivedFrom`` objects of
    every statement whose rdf:subject, rdf:predicate and rdf:object name it (as
    :func:`~collabkg.graph.neo4j.mapping.collect_quads` finds them)."""
    import pyoxigraph as ox

    a, t, b = key
    default, literal = ox.DefaultGraph, ox.Literal
    subj, pred, obj, derived = (ox.NamedNode(p) for p in _ROLE_PREDICATES)
    ta, tp, tb = _ox_term(a), ox.NamedNode(table.expand(t)), _ox_term(b)
    sts = cache.get(a)
    if sts is None:
        sts = cache[a] = {q.subject for q in pattern(None, subj, ta, None) if type(q.graph_name) is not default}
    ev: set[str] = set()
    for st in sts:
        if (any(type(q.graph_name) is not default for q in pattern(st, pred, tp, None))
                and any(type(q.graph_name) is not default for q in pattern(st, obj, tb, None))):
            ev.update(_ox_node(q.object) for q in pattern(st, derived, None, None)
                      if type(q.graph_name) is not default and type(q.object) is not literal)
    return sorted(ev) if ev else None


#: Read the touched part of the mirror: rows ``[uri, new keys or null]``; for a subject (new keys
#: a list) also its outgoing relationships the graphs ``$gs`` state or that it states now.
_READ_TOUCHED = (
    "UNWIND $rows AS row MATCH (n:Resource {uri: row[0]}) "
    "RETURN collect([n.uri, labels(n), properties(n), CASE WHEN row[1] IS NULL THEN null ELSE "
    "[(n)-[r]->(b:Resource) WHERE any(x IN r.graphs WHERE x IN $gs) OR [type(r), b.uri] IN row[1] "
    "| [type(r), b.uri, properties(r), elementId(r)]] END]) AS n")
#: Read relationships by (start uri, type, end uri).
_READ_KEYS = ("UNWIND $keys AS k MATCH (a:Resource {uri: k[0]})-[r]->(b:Resource {uri: k[2]}) "
              "WHERE type(r) = k[1] RETURN collect([a.uri, type(r), b.uri, properties(r), elementId(r)]) AS r")


def _read_sync_state(session, names: list[str]) -> dict:
    """The mirror's state a scoped sync starts from (one query, :data:`_READ_SYNC_STATE`)."""
    t0 = time.perf_counter()
    with session.begin_transaction() as tx:
        st = dict(tx.run(_READ_SYNC_STATE, {"gs": names}).single().items())
        tx.commit()
    st["seconds"] = time.perf_counter() - t0
    st["prefixes"] = {k: v for k, v in (st["prefixes"] or {}).items() if isinstance(v, str)}
    st["complete"] = bool(st["complete"])
    return st


def _config_is_ours(have: dict | None) -> bool:
    return have is not None and all(have.get(k) == v for k, v in GRAPH_CONFIG.items() if k in MAPPING_SETTINGS) \
        and all(k in have for k in GRAPH_CONFIG)


def _dynamic(driver, session) -> bool:
    """:func:`_has_dynamic_types`, asked once per driver."""
    known = getattr(driver, "_collabkg_dynamic", None)
    if known is None:
        known = _has_dynamic_types(session)
        try:
            driver._collabkg_dynamic = known
        except AttributeError:
            pass
    return known


def _graph_subjects(quads) -> dict[str, set[str]]:
    """graph name -> the subjects of its quads (internal form): the graphs' records."""
    out: dict[str, set[str]] = {}
    for s, _, _, g in quads:
        subjects = out.get(g)
        if subjects is None:
            subjects = out[g] = set()
        subjects.add(s)
    return out


def _record_changes(session, want: dict[str, set[str]]) -> tuple[list, bool]:
    """The rows of :data:`_WRITE_RECORDS` making the mirror's records ``want`` (every graph's),
    and whether the records are marked complete."""
    rows = _run(session, "CALL { MATCH (r:_NamedGraph) RETURN collect([r.name, r.subjects]) AS records } "
                "CALL { OPTIONAL MATCH (f:_NamedGraphRecords) RETURN f IS NOT NULL AS complete LIMIT 1 } "
                "RETURN records, complete")
    have = {g: set(s or ()) for g, s in rows[0]["records"]}
    out = [[g, sorted(s)] for g, s in want.items() if have.get(g) != s]
    out += [[g, []] for g in have if g not in want]
    return out, bool(rows[0]["complete"])


def _ensure_record_index(session) -> None:
    session.run(f"CREATE INDEX {quote_identifier(GRAPH_RECORD_INDEX)} IF NOT EXISTS "
                f"FOR (r:{GRAPH_RECORD}) ON (r.name)").consume()


def _first_pass(store) -> tuple[Collected, int]:
    """The first mapping pass over a Store's quads, streamed from Oxigraph (no list of them);
    returns it and the number of quads read."""
    quads = OxStoreQuads(store.oxigraph)
    return collect_quads(quads), quads.count


def _ticker(progress: Progress | None, phase: str, total: int):
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(phase, done, total)

    if progress is not None:
        progress(phase, 0, total)
    return tick


def _sync_bulk(session, col: Collected, table: PrefixTable, report: SyncReport, batch_size: int, progress,
                 *, driver, config, workers: int) -> None:
    """Bulk load into an empty database, mapping while writing.

    From the first pass over the quads (``col``, :func:`~collabkg.graph.neo4j.mapping.collect_quads`)
    the nodes are mapped one by one and each batch of a label set is handed to the writer threads
    (``workers``, each on its own session) as soon as it is full, while this thread maps the next
    nodes and then the relationships, so the Python mapping and the server's writes overlap
    instead of running one after the other. The relationships are written once every node is
    committed (its id known). The prefix table is written first, so a sync stopped at any point
    leaves no name the database cannot expand."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    report.mode = "bulk"
    dynamic = _has_dynamic_types(session)
    tw = time.perf_counter()
    shorten = shortener(table)
    for iri in names_used(col):
        shorten(iri)
    _write_prefixes(session, table)  # before any data: every name written can be expanded
    n_nodes, n_rels = len(col.node_uris), len(col.rels)
    lock = threading.Lock()
    local = threading.local()
    sessions: list = []
    ids: dict[str, int] = {}
    node_sink = _id_sink(ids)
    node_tick = _ticker(progress, "nodes", n_nodes)

    def write(unit, sink, tick) -> int:
        sess = getattr(local, "session", None)
        if sess is None:
            sess = local.session = driver.session(database=config.database)
            with lock:
                sessions.append(sess)
        k = _write_unit(sess, unit, sink, lock)
        with lock:
            tick(k)
        return k

    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    futures: list = []

    def drain() -> None:
        for f in futures:
            f.result()  # re-raises a writer's error here
        futures.clear()

    try:
        groups: dict[frozenset, list[dict]] = {}
        records: dict[str, set[str]] = {}  # the graphs' records: graph -> subjects
        records_get = records.get
        for uri, rec in iter_nodes(col, shorten):
            gl = rec.props.get("graphs")
            if gl is not None:
                for g in gl:
                    subjects = records_get(g)
                    if subjects is None:
                        subjects = records[g] = set()
                    subjects.add(uri)
            rows = groups.get(rec.labels)
            if rows is None:
                rows = groups[rec.labels] = []
            rows.append(rec.props)
            if len(rows) >= batch_size:
                futures.append(pool.submit(write, [(_node_query(rec.labels, True), rows)], node_sink, node_tick))
                groups[rec.labels] = []
        rest = [(_node_query(l, True), rows) for l, rows in sorted(groups.items(), key=lambda kv: sorted(kv[0])) if rows]
        for unit in _units(rest, batch_size):
            futures.append(pool.submit(write, unit, node_sink, node_tick))
        # while the last nodes are written: every relationship's row, its ends still as uris
        rels = list(rel_rows(col, shorten))
        for row in rels:
            s = row[0]
            for g in row[2]:
                subjects = records_get(g)
                if subjects is None:
                    subjects = records[g] = set()
                subjects.add(s)
        record_rows = [[g, sorted(s)] for g, s in records.items()]
        del records
        drain()  # every node committed: ids complete
        rel_tick = _ticker(progress, "relationships", n_rels)
        if dynamic:  # one query, the type in the row
            units = [[(_REL_DYNAMIC, batch)] for batch in _batches(rels, batch_size)]
        else:  # one query per type, the type out of the row
            by_type: dict[str, list] = {}
            for row in rels:
                by_type.setdefault(row.pop(), []).append(row)
            units = _units([(_rel_query(t), batch) for t, rows in sorted(by_type.items())
                            for batch in _batches(rows, batch_size)], batch_size)
        for unit in units:
            for _, batch in unit:
                for row in batch:
                    row[0], row[1] = ids[row[0]], ids[row[1]]
            futures.append(pool.submit(write, unit, None, rel_tick))
        del rels
        drain()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for sess in sessions:
            sess.close()
    # the graphs' records, marked complete: last, so a load cut short leaves none marked
    _ensure_record_index(session)
    with session.begin_transaction() as tx:
        for batch in _batches(record_rows, batch_size):
            tx.run("UNWIND $rows AS row CREATE (:_NamedGraph {name: row[0], subjects: row[1]})", rows=batch).consume()
        tx.run(_WRITE_FLAG).consume()
        tx.commit()
    report.nodes_created = report.nodes = n_nodes
    report.rels_created = report.relationships = n_rels
    report.write_seconds = time.perf_counter() - tw


def _sync_diff(session, model: PGModel, records: dict[str, set[str]], report: SyncReport, batch_size: int,
               progress) -> None:
    """The full comparison: read the whole mirror, write what differs from ``model``, and make
    the graphs' records ``records`` (marked complete)."""
    report.mode = "incremental"
    tick = _ticker(progress, "read Neo4j", 1)
    cur_nodes, cur_rels = _read_state(session)
    rows, complete = _record_changes(session, records)
    if rows or not complete:
        _ensure_record_index(session)
    tick(1)
    _write_diff(session, model, cur_nodes, cur_rels, report, batch_size, progress,
                after=[(_WRITE_RECORDS, {"rows": rows})] if rows else [], set_flag=not complete)


def _write_diff(session, model, cur_nodes: dict, cur_rels: dict, report: SyncReport, batch_size: int,
                progress, *, dynamic: bool | None = None, before=(), after=(), keep_flag: bool = False,
                set_flag: bool = False) -> None:
    """Write what differs between the wanted nodes and relationships (``model.nodes``,
    ``model.rels``) and the current ones (as :func:`_read_state` returns them): the whole graph,
    or the part a scoped sync looked at (both sides covering the same nodes and keys).

    ``before`` / ``after``: (query, parameters) run before / after the data (the prefix table,
    the graphs' records), in the same transaction when the difference is small. ``set_flag``:
    mark the graphs' records complete (:data:`GRAPH_RECORDS_FLAG`) at the end; ``keep_flag``: they
    are marked complete and stay so. A write of several transactions removes the mark first and
    sets it in the last one, so a sync cut short leaves the records marked incomplete (the next
    scoped sync scans the ``graphs`` lists instead of trusting them)."""
    if dynamic is None:
        dynamic = _has_dynamic_types(session)
    before, after = list(before), list(after)
    # relationships: gone, duplicates, changed, new
    rel_delete: list[str] = []
    rel_update: list[list] = []
    rel_create: list = []
    for key, entries in cur_rels.items():
        want = model.rels.get(key)
        if want is None:
            rel_delete.extend(eid for eid, _ in entries)
            continue
        (eid, props), dups = entries[0], entries[1:]
        rel_delete.extend(e for e, _ in dups)
        if not _same_props(props, want):
            rel_update.append([eid, want])
    for key, want in model.rels.items():
        if key not in cur_rels:
            rel_create.append((key, want))

    node_delete = [u for u in cur_nodes if u not in model.nodes]
    node_create = [(u, rec) for u, rec in model.nodes.items() if u not in cur_nodes]
    prop_update: list[dict] = []
    label_add: dict[str, list[str]] = {}
    label_remove: dict[str, list[str]] = {}
    for uri, want in model.nodes.items():
        have = cur_nodes.get(uri)
        if have is None:
            continue
        changed = False
        if not _same_props(have.props, want.props):
            prop_update.append({"uri": uri, "props": want.props})
            changed = True
        for l in want.labels - have.labels:
            label_add.setdefault(l, []).append(uri)
            changed = True
        for l in have.labels - want.labels:
            label_remove.setdefault(l, []).append(uri)
            changed = True
        report.nodes_updated += changed

    total = (len(rel_delete) + len(rel_update) + len(rel_create) + len(node_delete) + len(node_create)
             + len(prop_update) + sum(map(len, label_add.values())) + sum(map(len, label_remove.values())))
    if total == 0 and not before and not after and not set_flag:
        return
    if total <= batch_size:
        # a small difference (one changed document): one transaction instead of one per step,
        # committed at the end; all or nothing
        shared = _SharedTransaction(session)
        try:
            for q, params in before:
                shared.run(q, params).consume()
            _write_steps(shared, rel_delete, node_delete, node_create, prop_update, label_add, label_remove,
                         rel_create, rel_update, report, batch_size, progress, dynamic)
            for q, params in after + ([(_WRITE_FLAG, {})] if set_flag else []):
                shared.run(q, params).consume()
            shared.finish()
        finally:
            shared.close()
    else:
        if keep_flag or set_flag:
            _run(session, _REMOVE_FLAG)
        for q, params in before:
            _run(session, q, **params)
        _write_steps(session, rel_delete, node_delete, node_create, prop_update, label_add, label_remove,
                     rel_create, rel_update, report, batch_size, progress, dynamic)
        with session.begin_transaction() as tx:
            for q, params in after + ([(_WRITE_FLAG, {})] if keep_flag or set_flag else []):
                tx.run(q, params).consume()
            tx.commit()


class _SharedTransaction:
    """Stands in for a session: every transaction begun on it is one explicit transaction of the
    session, committed by :meth:`commit` (a step's own ``commit()`` does nothing)."""

    def __init__(self, session):
        self._tx = session.begin_transaction()

    @contextlib.contextmanager
    def begin_transaction(self):
        yield self

    def run(self, query, parameters=None, **kw):
        return self._tx.run(query, parameters, **kw)

    def commit(self) -> None:
        """A step's commit: nothing yet (:meth:`finish` commits them all)."""

    def finish(self) -> None:
        self._tx.commit()

    def close(self) -> None:
        if self._tx is not None:
            self._tx.close()  # rolls back unless committed
            self._tx = None


def _write_steps(session, rel_delete, node_delete, node_create, prop_update, label_add, label_remove,
                 rel_create, rel_update, report: SyncReport, batch_size: int, progress, dynamic: bool) -> None:
    tick = _ticker(progress, "delete relationships", len(rel_delete))
    for batch in _batches(rel_delete, batch_size):
        _run(session, "UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r", ids=batch)
        tick(len(batch))
    report.rels_deleted = len(rel_delete)

    tick = _ticker(progress, "delete nodes", len(node_delete))
    for batch in _batches(node_delete, batch_size):
        _run(session, "UNWIND $uris AS u MATCH (n:Resource {uri: u}) DETACH DELETE n", uris=batch)
        tick(len(batch))
    report.nodes_deleted = len(node_delete)

    report.nodes_created = _create_nodes(session, node_create, batch_size,
                                         _ticker(progress, "create nodes", len(node_create)), dynamic)

    tick = _ticker(progress, "update nodes", len(prop_update) + sum(map(len, label_add.values())) + sum(map(len, label_remove.values())))
    for batch in _batches(prop_update, batch_size):
        _run(session, "UNWIND $rows AS row MATCH (n:Resource {uri: row.uri}) SET n = row.props", rows=batch)
        tick(len(batch))
    if dynamic:
        for query, by_label in ((_LABEL_ADD_DYNAMIC, label_add), (_LABEL_REMOVE_DYNAMIC, label_remove)):
            rows = [[u, label] for label, uris in sorted(by_label.items()) for u in uris]
            for batch in _batches(rows, batch_size):
                _run(session, query, rows=batch)
                tick(len(batch))
    else:
        for label, uris in sorted(label_add.items()):
            for batch in _batches(uris, batch_size):
                _run(session, f"UNWIND $uris AS u MATCH (n:Resource {{uri: u}}) SET n:{quote_identifier(label)}", uris=batch)
                tick(len(batch))
        for label, uris in sorted(label_remove.items()):
            for batch in _batches(uris, batch_size):
                _run(session, f"UNWIND $uris AS u MATCH (n:Resource {{uri: u}}) REMOVE n:{quote_identifier(label)}", uris=batch)
                tick(len(batch))

    report.rels_created = _create_rels(session, rel_create, batch_size,
                                       _ticker(progress, "create relationships", len(rel_create)), dynamic)

    tick = _ticker(progress, "update relationships", len(rel_update))
    for batch in _batches(rel_update, batch_size):
        _run(session, "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row[0] SET r = row[1]", rows=batch)
        tick(len(batch))
    report.rels_updated = len(rel_update)


# -- export / verify / clear / checksum -------------------------------------------------------
#: n10s settings (``_GraphConfig``) whose graphs the export cannot read back as RDF: setting ->
#: (the value it must have, why).
_READABLE_CONFIG = {
    "_handleVocabUris": ((0, 1), "names must be shortened (SHORTEN or SHORTEN_STRICT)"),
    "_handleRDFTypes": ((0,), "rdf:type must be labels (LABELS)"),
    "_keepLangTag": ((False, None), "language tags kept in the values (keepLangTag) are not read"),
    "_keepCustomDataTypes": ((False, None), "datatypes kept in the values (keepCustomDataTypes) are not read"),
}


def _check_graph_config(session) -> None:
    """Refuse a graph n10s imported with settings this export cannot read faithfully."""
    rows = _run(session, "MATCH (gc:_GraphConfig) RETURN properties(gc) AS p LIMIT 1")
    if not rows:
        return
    props = rows[0]["p"]
    for key, (allowed, why) in _READABLE_CONFIG.items():
        if props.get(key) not in allowed:
            raise Neo4jError(
                f"the graph's n10s config has {key[1:]} = {props.get(key)!r}: {why}, so collabkg cannot "
                "export it as RDF without losing or guessing statements",
                hint="export it with n10s (n10s.rdf.export.cypher), or re-import it with "
                "n10s.graphconfig.init({handleVocabUris: 'SHORTEN', handleRDFTypes: 'LABELS'})",
            )


def export_quads(config: Neo4jConfig | None = None, *, driver=None, skip_unknown: bool = False) -> list[tuple]:
    """Return the quads (internal form) the mirrored property graph stands for.

    Reads a mirror collabkg wrote and also a graph n10s imported (nodes without ``graphs``:
    the default graph).

    Parameters
    ----------
    skip_unknown : bool
        Leave out labels, property keys and relationship types that are not shortened names
        of the stored prefix table (added by hand); by default they are refused.

    Raises
    ------
    collabkg.errors.Neo4jError
        A name that is not a shortened IRI (unless ``skip_unknown``), a value no literal maps
        to, a ``:Resource`` without ``uri``, or an n10s config this export cannot read.
    """
    with _gc_paused(), _driver(config, driver) as (drv, cfg), _translate(cfg, "exporting the mirror"):
        with drv.session(database=cfg.database) as session:
            _check_graph_config(session)
            table = _table_from_db(session)
            nodes, rels = _read_state(session)
        if None in nodes:
            raise Neo4jError("a :Resource node has no uri property, so it has no RDF name",
                             hint="MATCH (n:Resource) WHERE n.uri IS NULL RETURN n  -- give it a uri or remove it")
        flat = {k: v[0][1] for k, v in rels.items()}
        unknown: list = []
        try:
            quads = list(dict.fromkeys(decode_model(nodes, flat, table, unknown)))
        except ValueError as e:
            raise Neo4jError(f"cannot export the mirror as RDF: {e}", hint="remove or convert that property") from None
        if unknown and not skip_unknown:
            kinds = sorted({f"{kind} {name!r}" for kind, name, _ in unknown})
            raise Neo4jError(
                f"{len(unknown)} labels, property keys or relationship types are not shortened IRIs of the stored "
                f"prefix table, so they have no RDF meaning: " + ", ".join(kinds[:5])
                + (f" and {len(kinds) - 5} more" if len(kinds) > 5 else "") + f" (first on node <{unknown[0][2]}>)",
                hint="rename them prefix__local with a prefix in (:_NsPrefDef), or export with skip_unknown=True "
                "(collabkg neo4j export --skip-unknown) to leave them out",
            )
        return quads


def export(config: Neo4jConfig | None = None, *, driver=None, skip_unknown: bool = False):
    """Export the mirror (property graph -> RDF) as an rdflib ``Dataset``, one named graph per document.

    Literals keep their lexical forms (rdflib is told not to normalise them); a blank-node
    graph name comes back as a blank node. :func:`export_rdf` writes a file.

    Raises
    ------
    collabkg.errors.Neo4jError
        Server unreachable, credentials refused, database missing; see :func:`export_quads`.
    """
    from rdflib import Dataset, URIRef

    from collabkg.ontology.prefixes import bind_prefixes

    ds = bind_prefixes(Dataset())
    for s, p, o, g in export_quads(config, driver=driver, skip_unknown=skip_unknown):
        graph = ds.graph(term_to_rdflib(g)) if g else ds.default_context
        graph.add((term_to_rdflib(s), URIRef(p), term_to_rdflib(o)))
    return ds


#: Formats :func:`export_rdf` writes: name -> pyoxigraph format name.
EXPORT_FORMATS = {"trig": "TRIG", "nquads": "N_QUADS"}


def write_quads(quads, output=None, fmt: str = "trig", prefixes: dict[str, str] | None = None):
    """Write quads (internal form) as TriG or N-Quads with Oxigraph's serialiser (lexical forms
    kept, blank-node graph names written as ``_:id``). Returns bytes when ``output`` is None.

    Raises
    ------
    collabkg.errors.StoreError
        If a quad is not valid RDF (an IRI with a space ...): the message names it.

    >>> write_quads([("http://ex/a", "http://ex/p", ("1", "http://www.w3.org/2001/XMLSchema#double", ""), "bnode://g")], fmt="nquads")
    b'<http://ex/a> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#double> _:g .\\n'
    """
    import pyoxigraph as ox

    from collabkg.errors import StoreError

    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(EXPORT_FORMATS))
    try:
        oxq = list(quads_to_ox(quads))
    except ValueError as e:
        raise StoreError(f"cannot write the export as {fmt}: {e}",
                         hint="the mirror holds a name RDF does not allow; fix it in Neo4j or the source") from None
    kwargs = {"prefixes": prefixes} if prefixes and fmt == "trig" else {}
    return ox.serialize(oxq, output, getattr(ox.RdfFormat, EXPORT_FORMATS[fmt]), **kwargs)


def export_rdf(output=None, fmt: str = "trig", config: Neo4jConfig | None = None, *, driver=None,
               skip_unknown: bool = False):
    """Export the mirror as a TriG or N-Quads file (what ``collabkg neo4j export`` writes).

    Parameters
    ----------
    output : path or binary file, optional
        Where to write; None returns the bytes.
    fmt : {"trig", "nquads"}

    Returns
    -------
    int or bytes
        The number of quads written, or the bytes when ``output`` is None.

    Raises
    ------
    collabkg.errors.Neo4jError, collabkg.errors.StoreError
        See :func:`export_quads` and :func:`write_quads`.
    """
    from collabkg.ontology.prefixes import PREFIXES

    quads = export_quads(config, driver=driver, skip_unknown=skip_unknown)
    data = write_quads(quads, None if output is None else str(output) if not hasattr(output, "write") else output,
                       fmt, dict(PREFIXES))
    return data if output is None else len(quads)


def verify(source, config: Neo4jConfig | None = None, *, driver=None) -> VerifyReport:
    """Compare what a user gets from the mirror with ``source``, as RDF.

    The mirror is exported, written as N-Quads (the serialiser ``collabkg neo4j export``
    uses), parsed back with Oxigraph and compared with the source's quads by
    :func:`~collabkg.graph.compare.compare_quads`: blank nodes up to renaming, and literals
    that differ only in lexical form (``"1"`` vs ``"1.0"`` for an ``xsd:double``) reported
    apart from real differences. The mirror is meant to be lexically equal to the store, so
    ``ok`` needs both to be empty.

    Returns
    -------
    VerifyReport
        ``ok``: the export is the source, literal for literal; ``value_equal``: the same
        values, perhaps written differently (``lexical`` lists those pairs).

    Raises
    ------
    collabkg.errors.Neo4jError, collabkg.errors.StoreError
        See :func:`export_rdf`.
    """
    import pyoxigraph as ox

    from collabkg.graph.compare import compare_quads
    from collabkg.graph.store import Store

    with _gc_paused():
        if isinstance(source, Store):
            want = source.named_quads()  # the graphs as stored; the merged default graph is derived from them
        else:
            try:
                want = list(quads_to_ox(_source_quads(source)))
            except ValueError as e:
                raise CollabKGError(f"the source is not valid RDF: {e}") from None
        data = write_quads(export_quads(config, driver=driver), None, "nquads")
        have = ox.parse(data, format=ox.RdfFormat.N_QUADS)
        diff = compare_quads(want, have)
        del data, have, want
    return VerifyReport(diff.want_quads, diff.have_quads, diff.missing, diff.extra, diff.lexical, diff.relabelled)


def clear(config: Neo4jConfig | None = None, *, driver=None, batch_size: int = BATCH_SIZE) -> int:
    """Delete the mirror: every ``:Resource`` node, the prefix table, the graph config and the
    graphs' records.

    Returns
    -------
    int
        The number of ``:Resource`` nodes deleted.
    """
    with _driver(config, driver) as (drv, cfg), _translate(cfg, "clearing the mirror"):
        with drv.session(database=cfg.database) as session:
            # relationships first, in batches: a DETACH DELETE of a dense node (a predicate IRI
            # with 80k rdf:predicate edges at 1M quads) in one transaction can exceed the
            # server's per-transaction memory limit
            while True:
                rows = _run(
                    session,
                    "MATCH (:Resource)-[r]->() WITH r LIMIT $n DELETE r RETURN count(*) AS c",
                    n=batch_size,
                )
                if not rows or rows[0]["c"] == 0:
                    break
            total = 0
            while True:
                rows = _run(
                    session,
                    "MATCH (n:Resource) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS c",
                    n=batch_size,
                )
                c = rows[0]["c"] if rows else 0
                total += c
                if c == 0:
                    break
            _run(session, "MATCH (n) WHERE n:_NsPrefDef OR n:_GraphConfig OR n:_NamedGraph OR n:_NamedGraphRecords "
                 "DETACH DELETE n")
    return total


def checksum(config: Neo4jConfig | None = None, *, driver=None) -> tuple[str, dict[str, int]]:
    """Return (sha256 hex, counts) of the mirrored property graph: every node's uri, labels and
    properties and every relationship's ends, type and properties, in a canonical order.

    Two databases with equal checksums hold the same mirror; a sync that changes nothing
    leaves it unchanged.
    """
    with _gc_paused(), _driver(config, driver) as (drv, cfg), _translate(cfg, "reading the mirror"):
        with drv.session(database=cfg.database) as session:
            nodes, rels = _read_state(session)
    h = hashlib.sha256()
    for uri in sorted(nodes):
        rec = nodes[uri]
        h.update(json.dumps(["N", uri, sorted(rec.labels), _canon_props(rec.props)], ensure_ascii=False).encode())
    nrels = 0
    for key in sorted(rels):
        for _, props in sorted(rels[key], key=lambda e: _canon_props(e[1])):
            h.update(json.dumps(["R", *key, _canon_props(props)], ensure_ascii=False).encode())
            nrels += 1
    return h.hexdigest(), {"nodes": len(nodes), "relationships": nrels}
