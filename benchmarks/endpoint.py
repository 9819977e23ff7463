"""HTTP benchmark: `collabkg serve` side by side with Apache Jena Fuseki 5.x on the same TriG.

Fuseki (``org.apache.jena:jena-fuseki-server``) is fetched from Maven Central with ``mvn
dependency:copy`` into ``--cache`` the first time, loaded with TDB2 (``tdb2.tdbloader``) and served
with a union default graph (``tdb2:unionDefaultGraph true``), so both answer the same queries over
the same dataset. Two runs per server, alternating collabkg / Fuseki:

- **single client**: one keep-alive connection (``httpx.Client``), ``--requests`` sequential
  queries cycling through the mix; p50 / p95 / p99 latency.
- **concurrency**: ``--clients`` threads (20) x ``--per-client`` requests (50), each thread with
  its own keep-alive client; p50 / p95 / p99 over all requests, errors (non-200 or failures) and
  wall time.

The query mix: ASK, a COUNT over the default graph, two bundled analyst queries (posts,
roundtables) and a selective one. Every answer's row count is checked equal between the two
servers first (a faster wrong answer would prove nothing).

Usage::

    python benchmarks/endpoint.py --store .collabkg/store            # the store built by collabkg build
    python benchmarks/endpoint.py --trig tests/sparql/data/sample.trig --json /tmp/endpoint.json
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

FUSEKI = "5.6.0"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fuseki_jar(cache: Path) -> Path:
    jar = cache / f"jena-fuseki-server-{FUSEKI}.jar"
    if not jar.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mvn", "-q", "-B", "dependency:copy",
                        f"-Dartifact=org.apache.jena:jena-fuseki-server:{FUSEKI}", f"-DoutputDirectory={cache}"],
                       check=True, cwd=cache)
    return jar


def wait_up(url: str, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited ({proc.returncode})")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{what} did not start")


def start_fuseki(jar: Path, trig: Path, work: Path) -> tuple[subprocess.Popen, str]:
    db = work / "tdb2"
    subprocess.run(["java", "-cp", str(jar), "tdb2.tdbloader", "--loc", str(db), str(trig)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    config = work / "fuseki.ttl"
    config.write_text(f"""@prefix fuseki: <http://jena.apache.org/fuseki#> .
@prefix tdb2: <http://jena.apache.org/2016/tdb#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
<#service> rdf:type fuseki:Service ; fuseki:name "ds" ;
  fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
  fuseki:dataset <#dataset> .
<#dataset> rdf:type tdb2:DatasetTDB2 ; tdb2:location "{db}" ; tdb2:unionDefaultGraph true .
""")
    port = free_port()
    proc = subprocess.Popen(["java", "-Xmx2g", "-jar", str(jar), "--localhost", "--port", str(port), "--config", str(config)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
    url = f"http://127.0.0.1:{port}/ds/sparql"
    wait_up(url, proc, "Fuseki")
    return proc, url


def start_collabkg(store: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "collabkg", "serve", "--store", str(store), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    wait_up(url, proc, "collabkg serve")
    return proc, url


def query_mix() -> list[str]:
    from collabkg.graph import sparql as sq
    from collabkg.ontology.prefixes import PREFIXES

    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())  # Fuseki has none predeclared
    return [prologue + q for q in (
        "ASK { ?s a foaf:Person }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        sq.load_query("posts"),
        sq.load_query("roundtables"),
        "SELECT ?o ?l WHERE { ?o a org:Organization ; rdfs:label ?l } LIMIT 20",
    )]


def rows(client: httpx.Client, url: str, q: str) -> int:
    r = client.post(url, data={"query": q}, headers={"Accept": "application/sparql-results+json"})
    r.raise_for_status()
    doc = r.json()
    return 1 if "boolean" in doc else len(doc["results"]["bindings"])


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] * 1000


def single(url: str, mix: list[str], n: int) -> dict:
    lat = []
    with httpx.Client(timeout=60) as c:
        for q in mix:  # warm-up
            rows(c, url, q)
        for i in range(n):
            t0 = time.perf_counter()
            rows(c, url, mix[i % len(mix)])
            lat.append(time.perf_counter() - t0)
    return {"p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "p99_ms": pct(lat, 99)}


def concurrent_run(url: str, mix: list[str], clients: int, per_client: int) -> dict:
    def one(k):
        lat, errors = [], 0
        with httpx.Client(timeout=60) as c:
            for i in range(per_client):
                t0 = time.perf_counter()
                try:
                    rows(c, url, mix[(k + i) % len(mix)])
                except Exception:  # noqa: BLE001 - counted
                    errors += 1
                lat.append(time.perf_counter() - t0)
        return lat, errors

    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as ex:
        results = list(ex.map(one, range(clients)))
    wall = time.perf_counter() - t0
    lat = [x for r in results for x in r[0]]
    return {"p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "p99_ms": pct(lat, 99),
            "errors": sum(r[1] for r in results), "requests": len(lat), "wall_s": wall}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--store", type=Path, help="a collabkg store (exported to TriG for Fuseki)")
    src.add_argument("--trig", type=Path, help="a TriG file (loaded into a new store and into Fuseki)")
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "collabkg-bench")
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--per-client", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    jar = fuseki_jar(args.cache)
    mix = query_mix()
    out = {"machine": {"cores": os.cpu_count(), "load_before": os.getloadavg()}, "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        from collabkg.api import export
        from collabkg.graph.store import Store

        if args.trig:
            trig, store = args.trig, work / "store"
            st = Store(store)
            st.bulk_load(trig)
            st.close()
        else:
            store, trig = args.store, work / "data.trig"
            trig.write_bytes(export(store, format="trig"))
        fproc, furl = start_fuseki(jar, trig, work)
        cproc, curl = start_collabkg(store)
        try:
            with httpx.Client(timeout=60) as c:
                for q in mix:
                    a, b = rows(c, curl, q), rows(c, furl, q)
                    if a != b:
                        raise SystemExit(f"the servers disagree ({a} vs {b} rows) on:\n{q[-300:]}")
            for rnd in range(args.rounds):
                for name, url in (("collabkg", curl), ("fuseki", furl)):
                    s = single(url, mix, args.requests)
                    c = concurrent_run(url, mix, args.clients, args.per_client)
                    run = {"server": name, "round": rnd, "single": s, "concurrent": c, "load": os.getloadavg()[0]}
                    out["runs"].append(run)
                    print(f"{name:9} round {rnd}: single p50 {s['p50_ms']:.1f} p95 {s['p95_ms']:.1f} "
                          f"p99 {s['p99_ms']:.1f} ms | {args.clients}x{args.per_client}: p50 {c['p50_ms']:.1f} "
                          f"p95 {c['p95_ms']:.1f} p99 {c['p99_ms']:.1f} ms, errors {c['errors']}, "
                          f"{c['wall_s']:.1f} s (load {run['load']:.1f})", flush=True)
        finally:
            for p in (cproc, fproc):
                p.terminate()
                p.wait(30)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
