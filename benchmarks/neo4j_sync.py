"""Benchmark: mirror a generated collabkg graph into Neo4j, against rdflib-neo4j on the same server.

Measured, never timed in the tests. What it does, in one run against the server in ``NEO4J_*``
(e.g. ``scripts/neo4j-local start``; the database is wiped, so it refuses a database holding
anything but a mirror unless ``--wipe``):

1. generate ``--triples`` quads with ``benchmarks/generate.py`` and load them into an in-memory
   :class:`~collabkg.graph.store.Store` (not timed). The harness's own objects (the generated
   quads, kept for rdflib-neo4j) are then moved out of the cyclic collector's reach
   (``gc.freeze()``), so neither client's garbage collections walk the harness's data: without
   it, rdflib-neo4j's collections over the 1M generated rdflib terms cost it ~10 s of 37 s;
2. ``--repeat`` alternating rounds on the whole graph: ``collabkg.graph.neo4j.sync`` from that
   store into the emptied database (timed: reading the store, mapping, writing), and
   rdflib-neo4j (the Neo4j Labs rdflib store, batching on, its default batch size) writing the
   same quads as triples (it has no named graphs) into the emptied database (timed: its
   ``add`` calls and ``close``); then a second, idempotent sync (timed) and ``verify``;
3. the same alternating comparison on the first ``--subset-triples`` quads (0: skip);
4. with ``--n10s DIR`` (a server with the n10s plugin, e.g. ``benchmarks/n10s_conformance.py``'s
   setup, and ``dbms.security.allow_csv_import_from_file_urls=true``): n10s
   ``n10s.rdf.import.fetch`` of the same graph's triples, written as N-Triples into ``DIR``
   (not timed), into the emptied database (``handleMultival: 'ARRAY'``), alternating with our
   sync; n10s's time includes parsing the file; with ``--offline`` also ``collabkg neo4j sync
   --offline`` (the server of ``scripts/neo4j-local`` whose run folder is ``COLLABKG_NEO4J_HOME``;
   the three in rotating order), its median round by step; and with ``--restart`` the time
   ``scripts/neo4j-local stop`` + ``start`` takes, what an import through a server restart would
   add (the offline sync stops only the database).

Both clients are warmed first (their first run in a process is slower). For our sync it also
reports the CPU time of this process and, when the server was started by
``scripts/neo4j-local`` (``COLLABKG_NEO4J_HOME``), of the server.

Prints a Markdown section; ``--results benchmarks/RESULTS.md`` also writes it there, as the
generated part of the section headed ``## Neo4j sync`` (its hand-written notes and the other
sections are kept; see ``benchmarks/results.py``).

    python benchmarks/neo4j_sync.py --triples 1000000 --results benchmarks/RESULTS.md
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from results import write_generated  # noqa: E402

from collabkg.graph.neo4j import Neo4jConfig, clear, connect, sync, verify  # noqa: E402
from collabkg.graph.store import Store, to_ox  # noqa: E402


def machine() -> str:
    model = "?"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = re.search(r"Model name:\s*(.+)", out)[1].strip()
    except Exception:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def server_memory(driver) -> str:
    """The server's heap (JMX), page cache and transaction memory limit, as configured."""
    out = []
    try:
        rec = driver.execute_query("CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
                                   "RETURN attributes.HeapMemoryUsage.value.properties.max AS m").records
        out.append(f"heap {rec[0]['m'] / 2**30:.1f} GiB")
    except Exception:
        out.append(f"heap {os.environ.get('NEO4J_HEAP', '?')}")
    try:
        recs = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN "
            "['server.memory.pagecache.size', 'db.memory.transaction.total.max'] RETURN name, value").records
        out += [f"{r['name']}={r['value']}" for r in recs]
    except Exception:
        pass
    return ", ".join(out)


def load_store(quads) -> Store:
    """An in-memory Store holding ``quads``, with its merged default graph derived as every
    Store method keeps it (so a sync reads a store like the one ``collabkg build`` writes)."""
    import pyoxigraph as ox

    store = Store()
    store.oxigraph.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads)
    store.rebuild_default_graph()
    return store


def changed_documents(n: int, fraction: float, seed: int = 0) -> dict:
    """A graph of ``n`` quads and a later version of it in which some documents changed.

    Every 7th document of ``generate(n, seed)`` is replaced by the document of the same name
    from ``generate(n, seed + 1)`` (another text about partly the same organisations, people and
    countries: a document re-read after an edit) until the quads of the old and new versions of
    the replaced documents add up to ``fraction`` of ``n``; one more document is removed and one
    added. Returns the two quad lists, the changed graphs and the old and new quads of those
    graphs.
    """
    base = list(generate(n, seed=seed))
    alt: dict = {}
    for q in generate(n, seed=seed + 1):
        alt.setdefault(q[3], []).append(q)
    by_doc: dict = {}
    for q in base:
        by_doc.setdefault(q[3], []).append(q)
    docs = list(by_doc)
    changed, touched = [], 0
    for g in docs[1::7]:
        if touched >= fraction * n:
            break
        if g in alt:
            changed.append(g)
            touched += len(by_doc[g]) + len(alt[g])
    removed = next(g for g in docs[3::7] if g not in changed)
    added = next(g for g in alt if g not in by_doc)
    gone = set(changed) | {removed}
    new = [q for q in base if q[3] not in gone] + [q for g in changed + [added] for q in alt[g]]
    return {
        "base": base, "new": new, "graphs": changed + [removed, added], "changed": len(changed),
        "old_docs": [q for g in changed + [removed] for q in by_doc[g]],
        "new_docs": [q for g in changed + [added] for q in alt[g]],
    }


def write_triples(quads, path: Path) -> set:
    """Write the distinct triples of ``quads`` (rdflib terms) as N-Triples; return them (pyoxigraph)."""
    import pyoxigraph as ox

    triples = {ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o, _ in quads}
    ox.serialize(triples, str(path), ox.RdfFormat.N_TRIPLES)
    return triples


def compare_incremental(driver, cfg, args) -> dict:
    """(b): a sync after a few documents changed, against n10s reaching the same graph.

    Alternating rounds, each starting from the old graph written into the emptied database
    (not timed): our sync told which graphs changed (``graphs=``), our sync finding the
    changes itself (compares the whole graph), and n10s given the changes two ways:
    ``n10s.rdf.delete.fetch`` of the old versions' triples then ``import.fetch`` of the new
    versions' (per document: what an n10s user holding the document files can do; it also
    deletes triples other documents still state), and delete + import of exactly the triples
    that left and entered the graph (computed outside the timing: a lower bound for n10s).
    """
    ch = changed_documents(args.subset_triples, args.incremental, args.seed)
    old_store, new_store = load_store(ch["base"]), load_store(ch["new"])
    d = args.n10s
    base_nt, old_nt, new_nt, gone_nt, came_nt = (d / f"collabkg-inc-{x}.nt" for x in ("base", "old", "new", "gone", "came"))
    old_t, new_t = write_triples(ch["base"], base_nt), write_triples(ch["new"], d / "collabkg-inc-all-new.nt")
    (d / "collabkg-inc-all-new.nt").unlink()
    old_doc_t = write_triples(ch["old_docs"], old_nt)
    new_doc_t = write_triples(ch["new_docs"], new_nt)
    import pyoxigraph as ox

    ox.serialize(old_t - new_t, str(gone_nt), ox.RdfFormat.N_TRIPLES)
    ox.serialize(new_t - old_t, str(came_nt), ox.RdfFormat.N_TRIPLES)
    wrongly_deleted = len((old_doc_t - new_doc_t) & new_t)
    graphs = ch["graphs"]

    def n10s_base(s) -> None:
        s.run("CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE").consume()
        s.run("CALL n10s.graphconfig.init({handleMultival: 'ARRAY'})").consume()
        s.run("CALL n10s.rdf.import.fetch($url, 'N-Triples')", url=base_nt.resolve().as_uri()).consume()

    def n10s_change(s, delete: Path, add: Path) -> float:
        t0 = time.perf_counter()
        a = s.run("CALL n10s.rdf.delete.fetch($url, 'N-Triples')", url=delete.resolve().as_uri()).single()
        b = s.run("CALL n10s.rdf.import.fetch($url, 'N-Triples')", url=add.resolve().as_uri()).single()
        dt = time.perf_counter() - t0
        for r in (a, b):
            if r["terminationStatus"] != "OK":
                sys.exit(f"n10s failed: {r['terminationStatus']} {r['extraInfo']}")
        return dt

    who_all = ["scoped", "full diff", "n10s per document", "n10s exact"]
    times: dict[str, list] = {w: [] for w in who_all}
    parts: list = []
    changes = None
    loads = [os.getloadavg()[0]]
    try:
        # one untimed round first (query plans, n10s's procedures), then the timed ones
        for i in range(-1, args.repeat):
            order = who_all[i % len(who_all):] + who_all[: i % len(who_all)]
            for who in order:
                wipe(driver, cfg, args.wipe)
                if i < 0:
                    if who in ("scoped", "full diff"):
                        sync(old_store, driver=driver)
                        sync(new_store, driver=driver, graphs=graphs if who == "scoped" else None)
                    else:
                        with driver.session(database=cfg.database) as s:
                            n10s_base(s)
                            n10s_change(s, old_nt, new_nt) if who == "n10s per document" else n10s_change(s, gone_nt, came_nt)
                    continue
                if who in ("scoped", "full diff"):
                    sync(old_store, driver=driver)
                    r = sync(new_store, driver=driver, graphs=graphs if who == "scoped" else None)
                    times[who].append(r.seconds)
                    if who == "scoped":
                        parts.append(r.parts)
                        changes = r
                        if i == 0 and not verify(new_store, driver=driver).ok:  # once: it takes a while
                            sys.exit("the scoped sync left Neo4j different from the store")
                else:
                    with driver.session(database=cfg.database) as s:
                        n10s_base(s)
                        times[who].append(n10s_change(s, old_nt, new_nt) if who == "n10s per document"
                                          else n10s_change(s, gone_nt, came_nt))
    finally:
        for f in (base_nt, old_nt, new_nt, gone_nt, came_nt):
            f.unlink(missing_ok=True)
    loads.append(os.getloadavg()[0])
    out = {"n": len(ch["new"]), "docs": len({q[3] for q in ch["base"]}), "changed": ch["changed"],
           "old_doc_quads": len(ch["old_docs"]), "new_doc_quads": len(ch["new_docs"]),
           "old_doc_triples": len(old_doc_t), "new_doc_triples": len(new_doc_t),
           "gone": len(old_t - new_t), "came": len(new_t - old_t), "wrongly_deleted": wrongly_deleted,
           "loads": loads, "report": changes}
    for w in who_all:
        order = sorted(range(len(times[w])), key=lambda k: times[w][k])
        out[w] = times[w][order[len(order) // 2]]
        out[w + "_all"] = times[w]
        if w == "scoped":
            out["scoped_parts"] = parts[order[len(order) // 2]]
    return out


def wipe(driver, cfg: Neo4jConfig, allow: bool) -> None:
    with driver.session(database=cfg.database) as s:
        other = s.run("MATCH (n) WHERE NOT (n:Resource OR n:_NsPrefDef OR n:_GraphConfig OR n:_NamedGraph OR n:_NamedGraphRecords OR n:_CollabKGTestDatabase) "
                      "RETURN count(n) AS c").single()["c"]
    if other and not allow:
        sys.exit(f"refusing: database {cfg.database_label} at {cfg.uri} holds {other} nodes that are not a mirror; pass --wipe")
    clear(driver=driver)


def rdflib_neo4j_write(quads, cfg: Neo4jConfig, batch_size: int) -> float:
    """Write the quads' triples with rdflib-neo4j (SHORTEN with our prefixes, batching on); return seconds."""
    from rdflib import Graph
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig
    from rdflib_neo4j.config.const import DEFAULT_PREFIXES

    from collabkg.graph.neo4j.mapping import default_prefixes

    taken = set(DEFAULT_PREFIXES.values())
    custom = {p: ns for p, ns in default_prefixes().items() if ns not in taken and p not in DEFAULT_PREFIXES}
    for s, p, o, g in quads:  # every namespace must have a prefix under SHORTEN
        for t in (p, o):
            ns = str(t)[: max(str(t).rfind("#"), str(t).rfind("/")) + 1]
            if ns and ns not in taken and ns not in custom.values() and hasattr(t, "n3") and t.__class__.__name__ == "URIRef":
                custom[f"bench{len(custom)}"] = ns
    config = Neo4jStoreConfig(
        auth_data={"uri": cfg.uri, "database": cfg.database or "neo4j", "user": cfg.username, "pwd": cfg.password},
        custom_prefixes=custom,
        handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.SHORTEN,
        batching=True,
        batch_size=batch_size,
    )
    devnull = open(os.devnull, "w")
    old, sys.stdout = sys.stdout, devnull  # rdflib-neo4j prints on open/close
    try:
        t0 = time.perf_counter()
        graph = Graph(store=Neo4jStore(config=config))
        for s, p, o, g in quads:
            graph.add((s, p, o))
        graph.close(True)
        return time.perf_counter() - t0
    finally:
        sys.stdout = old
        devnull.close()


def server_cpu_seconds() -> float | None:
    """CPU seconds used so far by the local server of ``scripts/neo4j-local`` (None if unknown)."""
    home = os.environ.get("COLLABKG_NEO4J_HOME")
    try:
        pid = int(Path(home, "neo4j.pid").read_text().split()[0])
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (TypeError, OSError, ValueError, IndexError):
        return None


def n10s_fetch(driver, cfg: Neo4jConfig, path: Path) -> float:
    """n10s.rdf.import.fetch of an N-Triples file into the emptied database; return seconds."""
    with driver.session(database=cfg.database) as s:
        s.run("CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE").consume()
        s.run("CALL n10s.graphconfig.init({handleMultival: 'ARRAY'})").consume()
        t0 = time.perf_counter()
        rec = s.run("CALL n10s.rdf.import.fetch($url, 'N-Triples')", url=path.resolve().as_uri()).single()
        dt = time.perf_counter() - t0
    if rec["terminationStatus"] != "OK":
        sys.exit(f"n10s import failed: {rec['terminationStatus']} {rec['extraInfo']}")
    return dt


def restart_seconds() -> float | None:
    """Seconds ``scripts/neo4j-local stop`` + ``start`` take for the local server (None if not local)."""
    if not os.environ.get("COLLABKG_NEO4J_HOME"):
        return None
    script = HERE.parent / "scripts" / "neo4j-local"
    t0 = time.perf_counter()
    subprocess.run([str(script), "stop"], check=True, capture_output=True)
    subprocess.run([str(script), "start"], check=True, capture_output=True)
    return time.perf_counter() - t0


def offline_sync(store, cfg: Neo4jConfig):
    """``collabkg neo4j sync --offline`` into the emptied database of the local server (its run
    folder from ``COLLABKG_NEO4J_HOME``); returns the SyncReport (``parts``: seconds per step)."""
    from collabkg.graph.neo4j.offline import sync_offline

    return sync_offline(store, cfg, home=os.environ["COLLABKG_NEO4J_HOME"])


def compare_n10s(store, driver, cfg, args, label: str) -> dict:
    """``args.repeat`` rounds of our Bolt sync, our offline sync (with a local server) and n10s
    import.fetch of the same triples, each round in another order (so none always follows another)."""
    import pyoxigraph as ox

    path = args.n10s / f"collabkg-bench-{label.replace(' ', '-')}.nt"
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.oxigraph}
    ox.serialize(triples, str(path), ox.RdfFormat.N_TRIPLES)
    who_all = ["ours", "offline", "n10s"] if args.offline else ["ours", "n10s"]
    times: dict[str, list] = {w: [] for w in who_all}
    parts: list = []
    cpu: dict[str, list] = {w: [] for w in who_all}
    loads = [os.getloadavg()[0]]
    try:
        for i in range(args.repeat):
            order = who_all[i % len(who_all):] + who_all[: i % len(who_all)]
            for who in order:
                # the uri constraint stays (as the rounds before: n10s needs it before an import, and the
                # Bolt sync keeps it); the offline import replaces the database and creates it again (timed)
                wipe(driver, cfg, args.wipe)
                s0, p0 = server_cpu_seconds(), time.process_time()
                if who == "ours":
                    times[who].append(sync(store, driver=driver, batch_size=args.batch_size, workers=args.workers).seconds)
                elif who == "offline":
                    r = offline_sync(store, cfg)
                    times[who].append(r.seconds)
                    parts.append(r.parts)
                else:
                    print(f"n10s import.fetch of {len(triples):,} triples ({label}) ...", file=sys.stderr)
                    times[who].append(n10s_fetch(driver, cfg, path))
                s1, p1 = server_cpu_seconds(), time.process_time()
                cpu[who].append((p1 - p0, None if s0 is None or s1 is None else s1 - s0))
    finally:
        path.unlink(missing_ok=True)
    loads.append(os.getloadavg()[0])

    def median(xs):
        return sorted(xs)[len(xs) // 2]

    out = {"n": len(triples), "loads": loads}
    for w in who_all:
        mid = sorted(range(len(times[w])), key=lambda k: times[w][k])[len(times[w]) // 2]
        out[w] = times[w][mid]
        out[w + "_all"] = times[w]
        out[w + "_cpu"] = cpu[w][mid]
        if w == "offline":
            out["offline_parts"] = parts[mid]
    out["theirs"], out["theirs_all"] = out["n10s"], out["n10s_all"]
    return out


def compare(quads, store, driver, cfg, args, label: str) -> dict:
    """``args.repeat`` alternating rounds of our sync and rdflib-neo4j on the same quads."""
    ours, theirs, cpu = [], [], []
    loads = [os.getloadavg()[0]]

    def run_ours():
        wipe(driver, cfg, args.wipe)
        s0, p0 = server_cpu_seconds(), time.process_time()
        ours.append(sync(store, driver=driver, batch_size=args.batch_size, workers=args.workers))
        s1, p1 = server_cpu_seconds(), time.process_time()
        cpu.append((p1 - p0, None if s0 is None or s1 is None else s1 - s0))

    def run_theirs():
        wipe(driver, cfg, args.wipe)
        with driver.session(database=cfg.database) as s:
            s.run("CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE").consume()
        print(f"rdflib-neo4j on {len(quads):,} triples ({label}) ...", file=sys.stderr)
        theirs.append(rdflib_neo4j_write(quads, cfg, 5000))  # 5000: rdflib-neo4j's default batch size

    # alternate who goes first, so neither always follows the other's writes
    for i in range(args.repeat):
        for run in ((run_ours, run_theirs) if i % 2 == 0 else (run_theirs, run_ours)):
            run()
    loads.append(os.getloadavg()[0])
    order = sorted(range(len(ours)), key=lambda k: ours[k].seconds)
    mid = order[len(order) // 2]
    return {"n": len(quads), "ours": ours[mid], "cpu": cpu[mid], "ours_all": [r.seconds for r in ours],
            "theirs": sorted(theirs)[len(theirs) // 2], "theirs_all": theirs, "loads": loads}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--subset-triples", type=int, default=100_000, help="also compare on the first N quads (0: skip)")
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3, help="alternating rounds of each comparison (medians reported)")
    ap.add_argument("--workers", type=int, default=None, help="transactions in flight during the bulk load (default: the library's, mirror.WORKERS)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--wipe", action="store_true", help="allow wiping a database holding other data")
    ap.add_argument("--results", type=Path, help="write the section into this Markdown file")
    ap.add_argument("--n10s", type=Path, default=None, metavar="DIR",
                    help="only compare with n10s import.fetch (the server needs the plugin); DIR: where to write the N-Triples file")
    ap.add_argument("--offline", action="store_true",
                    help="with --n10s: also time `collabkg neo4j sync --offline` (the server of scripts/neo4j-local in COLLABKG_NEO4J_HOME)")
    ap.add_argument("--restart", action="store_true", help="with --n10s: also time a full stop + start of the local server")
    ap.add_argument("--incremental", type=float, nargs="*", default=[], metavar="FRACTION",
                    help="with --n10s: also compare a sync after documents changed (their quads, old and new, "
                    "about FRACTION of --subset-triples; several fractions: one comparison each) with n10s "
                    "deleting and importing the changes")
    ap.add_argument("--skip-full", action="store_true", help="with --n10s: only the subset (and --incremental), not the whole graph")
    args = ap.parse_args(argv)

    if args.workers is None:
        from collabkg.graph.neo4j.mirror import WORKERS

        args.workers = WORKERS
    cfg = Neo4jConfig.from_env()
    if cfg.password is None:
        cfg = Neo4jConfig(cfg.uri, cfg.username, "collabkg-local-test", cfg.database)
    driver = connect(cfg)
    version = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN versions[0] + ' ' + edition AS v").records[0]["v"]
    server_mem = server_memory(driver)
    try:
        import neo4j._rust  # noqa: F401  (the neo4j-rust-ext extension)

        rust = "yes"
    except ImportError:
        rust = "no"

    if args.n10s is not None:
        return main_n10s(args, cfg, driver, version, server_mem)

    print(f"generating {args.triples:,} quads ...", file=sys.stderr)
    t = time.perf_counter()
    quads = list(generate(args.triples, seed=args.seed))
    store = load_store(quads)
    sub = quads[: args.subset_triples] if 0 < args.subset_triples < len(quads) else None
    sub_store = load_store(sub) if sub else None
    warm = quads[:20_000]
    warm_store = load_store(warm)
    gc.collect()
    gc.freeze()  # the harness's data: out of both clients' garbage collections
    print(f"  generated and loaded into the store in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    wipe(driver, cfg, args.wipe)
    # warm the server (query plans, page cache) and both clients so no timed run is a cold start
    sync(warm_store, driver=driver, batch_size=args.batch_size)
    wipe(driver, cfg, args.wipe)
    with driver.session(database=cfg.database) as s:
        s.run("CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE").consume()
    rdflib_neo4j_write(warm, cfg, 5000)

    full = compare(quads, store, driver, cfg, args, "whole graph")
    wipe(driver, cfg, args.wipe)
    sync(store, driver=driver, batch_size=args.batch_size, workers=args.workers)
    again = sync(store, driver=driver, batch_size=args.batch_size)
    print("  second sync: " + again.summary(), file=sys.stderr)
    t = time.perf_counter()
    ok = verify(store, driver=driver).ok
    verify_s = time.perf_counter() - t
    part = compare(sub, sub_store, driver, cfg, args, "subset") if sub else None
    wipe(driver, cfg, args.wipe)
    driver.close()

    def rows(c: dict, what: str) -> list[str]:
        o, r = c["ours"], c["ours"].rates()
        return [
            f"| collabkg sync, {what} (median) | {c['n']:,} | {o.seconds:.2f} | {r['triples_per_s']:,.0f} | {r['nodes_per_s']:,.0f} | {r['rels_per_s']:,.0f} |",
            f"| rdflib-neo4j, {what} (median; as triples; batching on, batch size 5,000, its default) | {c['n']:,} | {c['theirs']:.2f} | {c['n'] / c['theirs']:,.0f} | - | - |",
        ]

    def reading(c: dict, what: str) -> str:
        py, srv = c["cpu"]
        cpu = f"; our median round used {py:.1f} CPU-s in Python" + (f" and {srv:.1f} CPU-s in the server" if srv is not None else "")
        return (f"{what}: **{c['theirs'] / c['ours'].seconds:.1f}x** rdflib-neo4j's triples/s "
                f"(rounds, ours: {', '.join(f'{x:.2f}' for x in c['ours_all'])} s; rdflib-neo4j: "
                f"{', '.join(f'{x:.2f}' for x in c['theirs_all'])} s; load average {c['loads'][0]:.1f} / {c['loads'][1]:.1f}){cpu}; "
                f"of our median round, {c['ours'].seconds - c['ours'].write_seconds:.2f} s reading and collecting before the first write.")

    lines = [
        "## Neo4j sync",
        "",
        f"`python benchmarks/neo4j_sync.py --triples {args.triples} --subset-triples {args.subset_triples} --repeat {args.repeat}` "
        f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}).",
        "",
        f"- Machine: {machine()}; shared with other work while measured.",
        f"- Server: Neo4j {version} from `scripts/neo4j-local` on the same machine ({server_mem}); "
        f"driver neo4j {__import__('neo4j').__version__}, neo4j-rust-ext: {rust}; batch size {args.batch_size:,} rows per UNWIND transaction, {args.workers} worker(s).",
        f"- Graph: `benchmarks/generate.py` ({args.triples:,} quads, seed {args.seed}) -> {full['ours'].nodes:,} nodes, {full['ours'].relationships:,} relationships.",
        "",
        "| run | quads | seconds | triples/s | nodes/s | relationships/s |",
        "|---|---:|---:|---:|---:|---:|",
        *rows(full, "whole graph"),
        f"| collabkg sync again (diff, no change: {again.changes} writes) | {again.quads:,} | {again.seconds:.2f} | {again.quads / again.seconds:,.0f} | - | - |",
        *(rows(part, f"first {part['n']:,} quads") if part else []),
        "",
        reading(full, f"Whole graph ({args.triples:,} quads, same server, same run)"),
    ]
    if part:
        lines += ["", reading(part, f"First {part['n']:,} quads")]
    lines += [
        "",
        f"Goals: >= 5x rdflib-neo4j's triples/s; 1,000,000 triples in <= 90 s. "
        f"Verify after sync (export + compare, {verify_s:.1f} s): {'identical' if ok else 'DIFFERENT'}.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.results:
        write_generated(args.results, "Neo4j sync", text.split("\n", 2)[2])  # without its heading
    return 0 if ok else 1


def main_n10s(args, cfg, driver, version, server_mem) -> int:
    """Our Bolt sync and offline sync against n10s import.fetch, whole graph and subset, and
    the full-restart floor (what an offline import would cost if the server had to restart)."""
    quads = list(generate(args.triples, seed=args.seed))
    store = None if args.skip_full else load_store(quads)
    sub_store = load_store(quads[: args.subset_triples]) if 0 < args.subset_triples < len(quads) else None
    warm_store = load_store(quads[:20_000])
    del quads
    gc.collect()
    gc.freeze()
    wipe(driver, cfg, args.wipe)
    sync(warm_store, driver=driver, batch_size=args.batch_size)  # warm both: plans, page cache
    wipe(driver, cfg, args.wipe)
    compare_n10s(warm_store, driver, cfg, type(args)(**{**vars(args), "repeat": 2}), "warm")
    full = None if args.skip_full else compare_n10s(store, driver, cfg, args, "whole graph")
    part = compare_n10s(sub_store, driver, cfg, args, "subset") if sub_store is not None else None
    incs = [compare_incremental(driver, cfg, type(args)(**{**vars(args), "incremental": f})) for f in args.incremental]
    wipe(driver, cfg, args.wipe)
    driver.close()
    restart = [restart_seconds() for _ in range(2)] if args.restart else [None]
    flags = "".join(f" {f}" for f, on in (("--offline", args.offline), ("--restart", args.restart),
                                          ("--skip-full", args.skip_full)) if on)
    flags += (" --incremental " + " ".join(map(str, args.incremental))) if args.incremental else ""
    lines = [
        f"`python benchmarks/neo4j_sync.py --n10s DIR{flags} --triples {args.triples} "
        f"--subset-triples {args.subset_triples} --repeat {args.repeat}` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}); "
        f"machine: {machine()}, shared; server: Neo4j {version} from `scripts/neo4j-local` with neosemantics 5.26.1 ({server_mem}).",
        "",
        "| run | triples | collabkg Bolt sync (median, s) | collabkg offline sync (median, s) | n10s import.fetch (median, s) "
        "| n10s time / Bolt | n10s time / offline |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]

    def secs(xs):
        return ", ".join(f"{x:.2f}" for x in xs)

    for c, what in ((full, "whole graph"), (part, "subset")):
        if c is None:
            continue
        off = c.get("offline")
        lines.append(
            f"| {what} (rounds Bolt {secs(c['ours_all'])}; offline {secs(c.get('offline_all', []))}; n10s {secs(c['n10s_all'])}; "
            f"load {c['loads'][0]:.1f} / {c['loads'][1]:.1f}) | {c['n']:,} | {c['ours']:.2f} | "
            + (f"{off:.2f}" if off is not None else "-") + f" | {c['n10s']:.2f} | {c['n10s'] / c['ours']:.2f} | "
            + (f"{c['n10s'] / off:.2f}" if off else "-") + " |")
    lines.append("")
    for c, what in ((full, "whole graph"), (part, "subset")):
        if c is None:
            continue
        cpu = "; ".join(f"{w} {py:.1f} CPU-s in Python" + (f" + {srv:.1f} in the server" if srv is not None else "")
                        for w, (py, srv) in ((w, c[w + '_cpu']) for w in ("ours", "offline", "n10s") if w + "_cpu" in c))
        lines.append(f"- {what}, median rounds: {cpu}.")
        if "offline_parts" in c:
            lines.append(f"  Offline median round by step: " + ", ".join(f"{k} {v:.2f} s" for k, v in c["offline_parts"].items()) + ".")
    for inc in incs:
        r = inc["report"]
        lines += [
            "",
            f"Incremental: {inc['changed']} of {inc['docs']} documents changed, 1 removed, 1 added "
            f"({inc['old_doc_quads']:,} quads before, {inc['new_doc_quads']:,} after, in a graph of {inc['n']:,} quads; "
            f"as triples: {inc['gone']:,} left the graph, {inc['came']:,} entered it). Each round starts from the old "
            f"graph written into the emptied database (not timed); rounds in rotating order, load {inc['loads'][0]:.1f} / {inc['loads'][1]:.1f}.",
            "",
            "| run | median s | rounds (s) | n10s exact / this |",
            "|---|---:|---|---:|",
        ]
        what = {
            "scoped": "collabkg sync, told the changed graphs (`graphs=`)",
            "full diff": "collabkg sync, finding the changes (reads and compares the whole graph)",
            "n10s per document": f"n10s delete.fetch of the old documents' {inc['old_doc_triples']:,} triples + import.fetch of the new ones' "
                                 f"{inc['new_doc_triples']:,} (also deletes {inc['wrongly_deleted']:,} triples other documents still state)",
            "n10s exact": f"n10s delete.fetch of the {inc['gone']:,} triples that left + import.fetch of the {inc['came']:,} that entered "
                          "(the difference computed beforehand, not timed)",
        }
        for w in ("scoped", "full diff", "n10s per document", "n10s exact"):
            lines.append(f"| {what[w]} | {inc[w]:.3f} | {secs(inc[w + '_all'])} | {inc['n10s exact'] / inc[w]:.2f} |")
        lines += ["", f"Scoped sync, median round by step: " + ", ".join(f"{k} {v:.3f} s" for k, v in inc["scoped_parts"].items())
                  + f"; it wrote nodes +{r.nodes_created} ~{r.nodes_updated} -{r.nodes_deleted}, relationships "
                  f"+{r.rels_created} ~{r.rels_updated} -{r.rels_deleted}, and verify found Neo4j equal to the store."]
    if restart[0] is not None:
        lines += ["", f"`scripts/neo4j-local stop` + `start` of this server: {', '.join(f'{x:.1f}' for x in restart)} s "
                  "(what an offline import through a server restart would add; the offline sync stops only the database)."]
    text = "\n".join(lines)
    print(text)
    if args.results:
        # the 100k-only run (--skip-full) has its own section, so the last whole-graph run stays
        write_generated(args.results, "Neo4j sync against n10s" + (": 100k and incremental" if args.skip_full else ""), text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
