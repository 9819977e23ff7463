"""SPARQL benchmark: load throughput, memory and analyst-query latency, Oxigraph vs rdflib in memory.

For each size (triples from ``benchmarks/generate.py``):

- **load**: the collabkg store's streaming native bulk load (:meth:`Store.bulk_load`, on disk,
  crash-safe) and rdflib's default in-memory ``Dataset`` parsing the same N-Quads; wall time,
  triples/s and peak RSS of a fresh process doing only that load.
- **selective analyst queries** (the bundled ``.rq`` files with a bound parameter, e.g. the posts of
  one person, the evidence about one entity): median and p95 over many random bindings.
- **full-scan aggregates** (``kinds``, ``documents``, ``roundtables``, ``agreements``, ...):
  median and p95 over a few runs.
- **explore mix**: a scaled-down BSBM "explore"-like sequence (find an entity by name, look at its
  details, its posts, its agreements, the events it attended, co-attendees, the evidence of one of
  its statements, the documents mentioning it), repeated with random entities; reported as
  query mixes per hour (QMpH) and per-query latency, as a regression benchmark.

Each engine runs in its own child process (so peak memory is its own); rdflib is capped
(``--rdflib-max``, default 1M triples) because it needs minutes and gigabytes beyond that, and each
rdflib query is stopped after ``--rdflib-timeout`` seconds (reported as a timeout, not a number).

**Bounded mode** (``--bounded``, for 10M triples and up): Oxigraph only, few repetitions (1 warm-up
+ ``--runs`` per selective query, ``--full-runs`` per full-scan aggregate, ``--explore-mixes``
mixes), and every query runs in a child process that is killed at ``--query-timeout`` seconds, the
query then reported as ">N s (timeout)" and not repeated. Latencies there are measured inside that
child (query plus materialising the rows), so they do not include shipping the rows between
processes. ``--store`` reuses a store already loaded from the same file (its load is then not
re-measured).

Usage::

    python benchmarks/sparql.py --sizes 100000 --quick                 # smoke run
    python benchmarks/sparql.py --sizes 100000,1000000,10000000 --results benchmarks/RESULTS.md
    python benchmarks/sparql.py --sizes 10000000 --bounded --query-timeout 60 \
        --store /tmp/store-10m --json /tmp/sparql-10m.json                # 10M, bounded time
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from results import write_generated  # noqa: E402

SELECTIVE = {  # name -> (query file, variable, SPARQL that lists candidate values)
    "posts(person)": ("posts", "person", "SELECT DISTINCT ?v WHERE { ?p org:heldBy ?v } LIMIT 2000"),
    "agreements(party)": ("agreements", "party", "SELECT DISTINCT ?v WHERE { ?a ckg:party ?v } LIMIT 2000"),
    "evidence(entity)": ("evidence", "entity", "SELECT DISTINCT ?v WHERE { ?v a foaf:Person } LIMIT 2000"),
    "describe-entity(entity)": ("describe-entity", "entity", "SELECT DISTINCT ?v WHERE { ?v a foaf:Person } LIMIT 2000"),
}
FULL_SCAN = ["kinds", "documents", "roundtables", "agreements", "suborganizations", "cas-cooperation"]

# the explore mix: (name, query, variable bound to the mix's entity or None)
EXPLORE = [
    ("find-by-name", "SELECT DISTINCT ?prefix ?e WHERE { ?e rdfs:label ?l . FILTER(STRSTARTS(?l, ?prefix)) } LIMIT 10", "prefix"),
    ("details", "SELECT DISTINCT ?e ?p ?o WHERE { ?e ?p ?o } LIMIT 200", "e"),
    ("posts-at", "SELECT DISTINCT ?e ?person ?role WHERE { ?post org:postIn ?e ; org:heldBy ?person ; ckg:roleTitle ?role }", "e"),
    ("agreements-of", "SELECT DISTINCT ?e ?a ?other WHERE { ?a ckg:party ?e , ?other . FILTER(?other != ?e) }", "e"),
    ("events-attended", "SELECT DISTINCT ?e ?ev ?date WHERE { ?ev schema:attendee ?e . OPTIONAL { ?ev schema:startDate ?date } }", "e"),
    ("co-attendees", "SELECT ?e ?other (COUNT(DISTINCT ?ev) AS ?n) WHERE { ?ev schema:attendee ?e , ?other . FILTER(?other != ?e) } GROUP BY ?e ?other ORDER BY DESC(?n) LIMIT 10", "e"),
    ("statement-evidence", "SELECT ?e ?quote ?doc WHERE { ?st rdf:subject ?e ; prov:wasDerivedFrom ?ev . ?ev prov:value ?quote ; prov:wasQuotedFrom ?doc } LIMIT 20", "e"),
    ("documents-mentioning", "SELECT DISTINCT ?e ?g WHERE { GRAPH ?g { ?e ?p ?o } } LIMIT 50", "e"),
    ("sub-organizations", "SELECT DISTINCT ?e ?sub WHERE { ?sub org:subOrganizationOf+ ?e } LIMIT 100", "e"),
]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def _stats(ms: list[float]) -> dict:
    return {"median_ms": round(statistics.median(ms), 2), "p95_ms": round(_pct(ms, 95), 2), "n": len(ms)}


# -- child processes ------------------------------------------------------------------------------
def child_load_oxigraph(nq: str, store_dir: str) -> dict:
    from collabkg.graph.store import Store

    shutil.rmtree(store_dir, ignore_errors=True)
    t0 = time.perf_counter()
    store = Store(store_dir)
    n = store.bulk_load(nq)
    store.close()
    dt = time.perf_counter() - t0
    return {"quads": n, "seconds": round(dt, 2), "per_second": round(n / dt), "peak_rss_mib": round(_rss_mib())}


def child_load_rdflib(nq: str) -> dict:
    from rdflib import Dataset

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    dt = time.perf_counter() - t0
    n = sum(1 for _ in ds.quads((None, None, None, None)))
    return {"quads": n, "seconds": round(dt, 2), "per_second": round(n / dt), "peak_rss_mib": round(_rss_mib())}


class _Timeout(Exception):
    pass


def _alarm(*_):
    raise _Timeout()


def child_queries(engine: str, source: str, quick: bool, rdflib_timeout: float) -> dict:
    """Run the selective queries, full-scan aggregates and explore mix on one engine."""
    from rdflib import Literal, URIRef

    from collabkg.graph import sparql as sq
    from collabkg.ontology.prefixes import PREFIXES

    rng = random.Random(0)
    out: dict = {"selective": {}, "full_scan": {}, "explore": {}}
    if engine == "oxigraph":
        from collabkg.graph.store import Store

        store = Store(source, read_only=True)

        def run(text, bindings=None):
            return len(sq.query(store, text, bindings=bindings))

        def values(text):
            return [r["v"] for r in sq.query(store, text).rows()]
    else:
        from rdflib import Dataset

        t0 = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(source, format="nquads")
        out["load_seconds_in_query_process"] = round(time.perf_counter() - t0, 2)
        signal.signal(signal.SIGALRM, _alarm)

        def run(text, bindings=None):
            signal.setitimer(signal.ITIMER_REAL, rdflib_timeout)
            try:
                return len(list(ds.query(text, initNs=PREFIXES, initBindings=bindings or {})))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)

        def values(text):
            return [r[0] for r in ds.query(text, initNs=PREFIXES)]

    def timed(text, bindings=None):
        t0 = time.perf_counter()
        run(text, bindings)
        return (time.perf_counter() - t0) * 1000

    reps = 5 if quick else 30
    for name, (qname, var, cand_q) in SELECTIVE.items():
        text = sq.load_query(qname)
        cands = values(cand_q)
        if not cands:
            continue
        ms = []
        try:
            timed(text, {var: cands[0]})  # warm-up
            for _ in range(reps if engine == "oxigraph" else 3):
                ms.append(timed(text, {var: rng.choice(cands)}))
            out["selective"][name] = _stats(ms)
        except _Timeout:
            out["selective"][name] = {"timeout_s": rdflib_timeout, "n": len(ms)}
    worker = sq.QueryWorker(store) if engine == "oxigraph" else None
    for qname in FULL_SCAN:
        text = sq.load_query(qname)
        ms = []
        try:
            for _ in range(2 if quick else 5) if engine == "oxigraph" else range(1):
                if worker is not None:  # a worker process, so a runaway query can be stopped
                    t0 = time.perf_counter()
                    worker.run(text, timeout=rdflib_timeout)
                    ms.append((time.perf_counter() - t0) * 1000)
                else:
                    ms.append(timed(text))
            out["full_scan"][qname] = _stats(ms)
        except (_Timeout, sq.QueryTimeout):
            out["full_scan"][qname] = {"timeout_s": rdflib_timeout, "n": len(ms)}
            if worker is not None:
                worker = sq.QueryWorker(store)
    if worker is not None:
        worker.close()
    # explore mix
    orgs = values("SELECT DISTINCT ?v WHERE { ?v a org:Organization } LIMIT 5000")
    labels = values("SELECT DISTINCT ?v WHERE { ?e a org:Organization ; rdfs:label ?v } LIMIT 5000")
    mixes = 3 if quick else (20 if engine == "oxigraph" else 3)
    per_query: dict[str, list[float]] = {n: [] for n, _, _ in EXPLORE}
    timeouts = 0
    t_mix = time.perf_counter()
    for _ in range(mixes):
        e = rng.choice(orgs)
        prefix = Literal(str(rng.choice(labels))[:12])
        for name, text, var in EXPLORE:
            b = {var: prefix if var == "prefix" else e}
            try:
                per_query[name].append(timed(text, b))
            except _Timeout:
                timeouts += 1
    total = time.perf_counter() - t_mix
    out["explore"] = {
        "mixes": mixes, "timeouts": timeouts,
        "qmph": round(mixes / total * 3600) if total else None,
        "queries": {k: _stats(v) for k, v in per_query.items() if v},
    }
    out["peak_rss_mib"] = round(_rss_mib())
    return out


# -- bounded mode: every query in a child that is killed at the timeout ----------------------------
def _timed_worker_main(conn, store_dir: str) -> None:
    """Answer ("values", text) with a list of terms and ("time", text, bindings) with (rows, ms)."""
    from collabkg.graph import sparql as sq
    from collabkg.graph.store import Store

    store = Store(store_dir, read_only=True)
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if msg[0] == "values":
                conn.send(("ok", [r["v"] for r in sq.query(store, msg[1]).rows()]))
            elif msg[0] == "rss":
                conn.send(("ok", _rss_mib()))
            else:
                t0 = time.perf_counter()
                n = len(sq.query(store, msg[1], bindings=msg[2]))
                conn.send(("ok", (n, (time.perf_counter() - t0) * 1000)))
        except Exception as e:  # noqa: BLE001 - reported to the parent
            conn.send(("error", f"{type(e).__name__}: {e}"))


class _QueryTimedOut(Exception):
    pass


class _TimedWorker:
    """A child process holding the store open read-only; killed and replaced when a query overruns."""

    def __init__(self, store_dir: str):
        self.store_dir = store_dir
        self.peak_rss_mib = 0.0
        self._start()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_timed_worker_main, args=(child, self.store_dir), daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(300):
            raise RuntimeError("the query worker did not start")
        self.conn.recv()

    def _ask(self, msg: tuple, timeout: float):
        self.conn.send(msg)
        if not self.conn.poll(timeout):
            self.proc.kill()
            self.proc.join(10)
            self.conn.close()
            self._start()
            raise _QueryTimedOut()
        status, payload = self.conn.recv()
        if status != "ok":
            raise RuntimeError(payload)
        return payload

    def values(self, text: str, timeout: float) -> list:
        """Candidate values for the bindings (not measured; a generous timeout)."""
        return self._ask(("values", text), max(timeout, 600))

    def time(self, text: str, bindings: dict | None, timeout: float) -> float:
        """Milliseconds to answer (measured in the worker); raises _QueryTimedOut."""
        return self._ask(("time", text, bindings), timeout)[1]

    def close(self) -> None:
        try:
            self.peak_rss_mib = max(self.peak_rss_mib, self._ask(("rss",), 30))
        except Exception:  # noqa: BLE001 - only a statistic
            pass
        self.proc.kill()
        self.proc.join(10)


def child_queries_bounded(store_dir: str, runs: int, full_runs: int, mixes: int, timeout: float) -> dict:
    """Oxigraph only, few repetitions, each query stopped at ``timeout`` seconds (reported as such)."""
    from rdflib import Literal

    from collabkg.graph import sparql as sq

    rng = random.Random(0)
    out: dict = {"selective": {}, "full_scan": {}, "explore": {}, "bounded": {
        "runs": runs, "full_runs": full_runs, "explore_mixes": mixes, "query_timeout_s": timeout}}
    w = _TimedWorker(store_dir)

    def measure(text, bindings_seq, warmup):
        ms = []
        try:
            if warmup is not None:
                w.time(text, warmup, timeout)
            for b in bindings_seq:
                ms.append(w.time(text, b, timeout))
        except _QueryTimedOut:
            return {"timeout_s": timeout, "n": len(ms)}
        return _stats(ms)

    for name, (qname, var, cand_q) in SELECTIVE.items():
        cands = w.values(cand_q, timeout)
        if cands:
            out["selective"][name] = measure(sq.load_query(qname), [{var: rng.choice(cands)} for _ in range(runs)],
                                             {var: cands[0]})
        print(f"   {name}: {out['selective'].get(name)}", file=sys.stderr, flush=True)
    for qname in FULL_SCAN:
        out["full_scan"][qname] = measure(sq.load_query(qname), [None] * full_runs, None)
        print(f"   {qname}: {out['full_scan'][qname]}", file=sys.stderr, flush=True)
    orgs = w.values("SELECT DISTINCT ?v WHERE { ?v a org:Organization } LIMIT 5000", timeout)
    labels = w.values("SELECT DISTINCT ?v WHERE { ?e a org:Organization ; rdfs:label ?v } LIMIT 5000", timeout)
    per_query: dict[str, list[float]] = {n: [] for n, _, _ in EXPLORE}
    timeouts = 0
    total = 0.0
    for _ in range(mixes):
        e = rng.choice(orgs)
        prefix = Literal(str(rng.choice(labels))[:12])
        for name, text, var in EXPLORE:
            try:
                ms = w.time(text, {var: prefix if var == "prefix" else e}, timeout)
            except _QueryTimedOut:
                timeouts += 1
                total += timeout * 1000
                continue
            per_query[name].append(ms)
            total += ms
    out["explore"] = {
        "mixes": mixes, "timeouts": timeouts,
        "qmph": round(mixes / (total / 1000) * 3600) if total else None,
        "queries": {k: _stats(v) for k, v in per_query.items() if v},
    }
    w.close()
    out["peak_rss_mib"] = round(w.peak_rss_mib)
    return out


def _child(args: list[str], timeout: float) -> dict:
    """Run this file as a child with ``args``; return its JSON answer (or the failure)."""
    try:
        p = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if p.returncode != 0:
        return {"error": (p.stderr or p.stdout).strip().splitlines()[-1][:300] if (p.stderr or p.stdout) else f"exit {p.returncode}"}
    return json.loads(p.stdout.strip().splitlines()[-1])


def machine() -> dict:
    model = ""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next((line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Model name")), "")
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    import pyoxigraph
    import rdflib

    return {"cpu": model, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__,
            "load_average": os.getloadavg()[0]}


def run(sizes: list[int], *, workdir: Path, rdflib_max: int, rdflib_timeout: float, quick: bool,
        partial: Path | None = None, bounded: dict | None = None, store: Path | None = None,
        nq_file: Path | None = None) -> dict:
    """Measure each size; ``bounded`` (runs, full_runs, mixes, timeout) for the bounded mode;
    ``store`` an existing store of that size to query instead of loading one (single size only)."""
    import generate as gen

    report = {"machine": machine(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "sizes": {}}
    if bounded:
        report["bounded"] = bounded
    workdir.mkdir(parents=True, exist_ok=True)
    for n in sizes:
        print(f"== {n:,} triples", file=sys.stderr, flush=True)
        nq = nq_file or workdir / f"bench-{n}.nq"
        if store is None and not nq.exists():
            t0 = time.perf_counter()
            gen.write(nq, n, seed=0)
            print(f"   generated in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        store_dir = store or workdir / f"store-{n}"
        entry: dict = {}
        if store is None:
            entry["oxigraph_load"] = _child(["load-oxigraph", str(nq), str(store_dir)], timeout=3600)
        else:
            entry["oxigraph_load"] = {"error": "not re-measured (existing store)"}
        print(f"   oxigraph load {entry['oxigraph_load']}", file=sys.stderr, flush=True)
        if bounded:
            b = bounded
            n_queries = len(SELECTIVE) * (b["runs"] + 2) + len(FULL_SCAN) * b["full_runs"] + len(EXPLORE) * b["mixes"] + 2
            entry["oxigraph_queries"] = _child(
                ["queries-bounded", str(store_dir), str(b["runs"]), str(b["full_runs"]), str(b["mixes"]), str(b["timeout"])],
                timeout=n_queries * (b["timeout"] + 15) + 600)
            entry["rdflib_skipped"] = "bounded mode: Oxigraph only"
            report["sizes"][str(n)] = entry
            if partial is not None:
                partial.write_text(json.dumps(report, indent=1))
            if store is None:
                shutil.rmtree(store_dir, ignore_errors=True)
            continue
        entry["oxigraph_queries"] = _child(["queries", "oxigraph", str(store_dir), str(int(quick)), str(rdflib_timeout)], timeout=3600)
        print("   oxigraph queries done", file=sys.stderr, flush=True)
        if n <= rdflib_max:
            entry["rdflib_load"] = _child(["load-rdflib", str(nq)], timeout=3600)
            print(f"   rdflib load {entry['rdflib_load']}", file=sys.stderr, flush=True)
            entry["rdflib_queries"] = _child(["queries", "rdflib", str(nq), str(int(quick)), str(rdflib_timeout)], timeout=7200)
            print("   rdflib queries done", file=sys.stderr, flush=True)
        else:
            entry["rdflib_skipped"] = f"rdflib in-memory not run above {rdflib_max:,} triples (too slow / too much memory)"
        report["sizes"][str(n)] = entry
        if partial is not None:  # keep what is measured so far
            partial.write_text(json.dumps(report, indent=1))
        if store is None:
            shutil.rmtree(store_dir, ignore_errors=True)
    return report


# -- reporting ---------------------------------------------------------------------------------------
def _fmt_ms(d: dict | None) -> str:
    if not d:
        return "–"
    if "timeout_s" in d:
        return f">{d['timeout_s']:g} s (timeout)"
    return f"{d['median_ms']:.1f} / {d['p95_ms']:.1f}"


def _ratio(ox_d: dict | None, rl_d: dict | None) -> str:
    if not ox_d or not rl_d or "median_ms" not in ox_d:
        return "–"
    if "timeout_s" in rl_d:
        return f">{rl_d['timeout_s'] * 1000 / max(ox_d['median_ms'], 1e-3):.0f}×"
    return f"{rl_d['median_ms'] / max(ox_d['median_ms'], 1e-3):.0f}×"


def markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        "## SPARQL",
        "",
        f"Run {report['date']} with `python benchmarks/sparql.py` on {m['cores']} cores ({m['cpu']}), "
        f"{m['memory']} RAM, Python {m['python']}, pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}; "
        f"load average at start {m['load_average']:.1f} (the cores are shared with other work, so "
        "absolute numbers are pessimistic). Data: `benchmarks/generate.py` (seed 0). Oxigraph = the "
        "collabkg store (on disk, streaming native bulk load, crash-safe); rdflib = its default "
        "in-memory `Dataset` (`default_union=True`). Latencies are median / p95 in ms; ratios are "
        "rdflib ÷ Oxigraph medians. Peak RSS is of a fresh process doing only that step.",
        "",
    ]
    if report.get("bounded"):
        b = report["bounded"]
        lines += [f"Bounded mode: Oxigraph only; 1 warm-up + {b['runs']} runs per selective query, {b['full_runs']} "
                  f"per full-scan aggregate, {b['mixes']} explore mixes; each query stopped after {b['timeout']:g} s "
                  "(\">N s (timeout)\"); latencies measured in the querying process (rows not shipped).", ""]
    lines += [
        "### Load",
        "",
        "| triples | Oxigraph s | Oxigraph triples/s | Oxigraph peak RSS | rdflib s | rdflib triples/s | rdflib peak RSS | speed ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, e in report["sizes"].items():
        o, r = e.get("oxigraph_load", {}), e.get("rdflib_load")
        rl = (f"{r['seconds']} | {r['per_second']:,} | {r['peak_rss_mib']:,} MiB" if r and "seconds" in r
              else ("not run | | " if not r else f"{r.get('error')} | | "))
        ratio = f"{o['per_second'] / r['per_second']:.0f}×" if r and "per_second" in r and "per_second" in o else "–"
        ol = f"{o['seconds']} | {o['per_second']:,} | {o['peak_rss_mib']:,} MiB" if "seconds" in o else f"{o.get('error')} | |"
        lines.append(f"| {int(n):,} | {ol} | {rl} | {ratio} |")
    for section, title in (("selective", "Selective analyst queries (bound parameter)"),
                           ("full_scan", "Full-scan analyst queries")):
        lines += ["", f"### {title}", "", "| triples | query | Oxigraph | rdflib | ratio |", "|---:|---|---:|---:|---:|"]
        for n, e in report["sizes"].items():
            oq = e.get("oxigraph_queries", {}).get(section, {})
            rq = (e.get("rdflib_queries") or {}).get(section, {})
            for q in oq:
                lines.append(f"| {int(n):,} | {q} | {_fmt_ms(oq.get(q))} | {_fmt_ms(rq.get(q)) if rq else 'not run'} | {_ratio(oq.get(q), rq.get(q))} |")
    lines += ["", "### Explore mix (BSBM-explore-like regression benchmark)", "",
              "| triples | engine | mixes | QMpH | slowest query (median / p95 ms) |", "|---:|---|---:|---:|---|"]
    for n, e in report["sizes"].items():
        for eng in ("oxigraph", "rdflib"):
            ex = (e.get(f"{eng}_queries") or {}).get("explore")
            if not ex:
                continue
            qs = ex.get("queries", {})
            slow = max(qs.items(), key=lambda kv: kv[1]["p95_ms"]) if qs else None
            slow_s = f"{slow[0]} {slow[1]['median_ms']:.1f} / {slow[1]['p95_ms']:.1f}" if slow else "–"
            lines.append(f"| {int(n):,} | {eng} | {ex['mixes']} | {ex['qmph'] or 0:,} | {slow_s} |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        kind, *rest = argv[1:]
        if kind == "load-oxigraph":
            res = child_load_oxigraph(*rest)
        elif kind == "load-rdflib":
            res = child_load_rdflib(*rest)
        elif kind == "queries-bounded":
            store_dir, runs, full_runs, mixes, timeout = rest
            res = child_queries_bounded(store_dir, int(runs), int(full_runs), int(mixes), float(timeout))
        else:
            engine, source, quick, rtimeout = rest
            res = child_queries(engine, source, bool(int(quick)), float(rtimeout))
        print(json.dumps(res))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000,1000000,10000000", help="comma-separated triple counts")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "collabkg-bench"))
    ap.add_argument("--rdflib-max", type=int, default=1_000_000, help="largest size rdflib is run on")
    ap.add_argument("--rdflib-timeout", type=float, default=60.0,
                    help="seconds per rdflib query (and per Oxigraph full-scan query)")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (smoke test)")
    ap.add_argument("--json", default=None, help="write the raw report here")
    ap.add_argument("--results", default=None, help="update the generated part of the '## SPARQL' section of this RESULTS.md (its notes are kept)")
    ap.add_argument("--from-json", default=None, help="do not run: report a previous --json file")
    ap.add_argument("--bounded", action="store_true",
                    help="Oxigraph only, few runs, every query stopped at --query-timeout (for 10M and up)")
    ap.add_argument("--runs", type=int, default=3, help="bounded: runs per selective query (after 1 warm-up)")
    ap.add_argument("--full-runs", type=int, default=2, help="bounded: runs per full-scan aggregate")
    ap.add_argument("--explore-mixes", type=int, default=3, help="bounded: explore mixes")
    ap.add_argument("--query-timeout", type=float, default=60.0, help="bounded: seconds per query")
    ap.add_argument("--store", default=None,
                    help="query this existing store (loaded from the same generated data) instead of loading one; one size only")
    ap.add_argument("--nq", default=None, help="the N-Quads file of the (single) size, instead of generating one")
    a = ap.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s]
    if (a.store or a.nq) and len(sizes) != 1:
        ap.error("--store and --nq need exactly one size")
    bounded = ({"runs": a.runs, "full_runs": a.full_runs, "mixes": a.explore_mixes, "timeout": a.query_timeout}
               if a.bounded else None)
    if a.from_json:
        report = json.loads(Path(a.from_json).read_text())
    else:
        report = run(sizes, workdir=Path(a.workdir), rdflib_max=a.rdflib_max, rdflib_timeout=a.rdflib_timeout,
                     quick=a.quick, partial=Path(a.json) if a.json else None, bounded=bounded,
                     store=Path(a.store) if a.store else None, nq_file=Path(a.nq) if a.nq else None)
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=1))
    section = markdown(report)
    print(section)
    if a.results:
        write_generated(Path(a.results), "SPARQL", section.split("\n", 2)[2])  # without its heading
    return 0


if __name__ == "__main__":
    sys.exit(main())
