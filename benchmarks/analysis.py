"""Benchmark of the analysis layer: projection, trace latency, centrality, communities.

Two kinds of input:

- collaboration graphs of 10k, 100k and 1M nodes generated directly in networkx, shaped like a
  projection (organizations in part-of hierarchies, people holding posts in them, agreements,
  meetings and projects linking several organizations; every edge carries a statement with
  evidence): trace latency (median and p95 over random pairs of organizations, named by their
  names), centrality and community times;
- stores of RDF from ``benchmarks/generate.py`` (the data contract's shape, with reified
  statements and evidence) at the sizes given: projection time from the store.

Run (each size is run once; the machine's two cores are shared, so run it alone)::

    python benchmarks/analysis.py                       # 10k, 100k, 1M nodes; 100k, 1M triples
    python benchmarks/analysis.py --nodes 10000 --triples 100000 --pairs 50

Prints a Markdown table per part, to paste into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from collabkg.errors import NoPath
from collabkg.graph.analysis import betweenness, communities, eigenvector, find_entity, project, trace

HERE = Path(__file__).resolve().parent


def collaboration_graph(n: int, seed: int = 0) -> nx.Graph:
    """A projection-shaped collaboration graph of about ``n`` nodes."""
    rng = random.Random(seed)
    n_org, n_person = int(n * 0.35), int(n * 0.2)
    n_post = n_person
    n_fact = n - n_org - n_person - n_post
    G = nx.Graph(mode="full", source=f"synthetic collaboration graph n={n} seed={seed}")
    ev = lambda i: [{"quote": f"Sentence {i} stating the fact.", "document": f"doc/{i // 50}",  # noqa: E731
                     "title": f"Document {i // 50}", "issued": "2020-01-01", "method": "synthetic"}]

    def node(key, kind, name, start=None):
        return key, {"kind": kind, "name": name, "aliases": [], "types": [], "attributes": {}, "evidence": [],
                     "start": start, "end": start}

    orgs = [f"org/{i}" for i in range(n_org)]
    G.add_nodes_from(node(o, "organization", f"Organization {i}") for i, o in enumerate(orgs))
    G.add_nodes_from(node(f"person/{i}", "person", f"Person {i}") for i in range(n_person))
    G.add_nodes_from(node(f"post/{i}", "post", f"Post {i}") for i in range(n_post))
    kinds = ["agreement", "event", "project"]
    G.add_nodes_from(node(f"fact/{i}", kinds[i % 3], f"Fact {i}", 1990 + i % 35) for i in range(n_fact))
    edges = []
    roots = max(1, n_org // 100)

    def stmt(u, v, rel, i):
        return (u, v, {"relation": rel, "weight": 1, "start": None, "end": None,
                       "statements": [{"source": u, "target": v, "predicate": None, "relation": rel,
                                       "evidence": ev(i)}]})

    for i in range(roots, n_org):  # part-of hierarchy
        parent = rng.randrange(roots) if rng.random() < 0.3 else rng.randrange(i)
        edges.append(stmt(orgs[i], orgs[parent], "part of", i))
    for i in range(n_post):  # people hold posts in organizations
        edges.append(stmt(f"post/{i}", f"person/{rng.randrange(n_person)}", "held by", i))
        edges.append(stmt(f"post/{i}", orgs[rng.randrange(n_org)], "post in", i))
    hubs: list[str] = []
    for i in range(n_fact):  # n-ary facts link 2-4 organizations, preferentially busy ones
        for _ in range(rng.randint(2, 4)):
            o = rng.choice(hubs) if hubs and rng.random() < 0.5 else orgs[rng.randrange(n_org)]
            hubs.append(o)
            edges.append(stmt(f"fact/{i}", o, "party", i))
    G.add_edges_from(edges)
    return G


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def bench_graph(n: int, pairs: int, seed: int = 0, *, trace_only: bool = False) -> dict:
    row: dict = {"nodes": n}
    t = time.perf_counter()
    G = collaboration_graph(n, seed)
    row["build_s"] = time.perf_counter() - t
    row["edges"] = G.number_of_edges()
    rng = random.Random(seed + 1)
    orgs = [v for v, d in G.nodes(data=True) if d["kind"] == "organization"]
    t = time.perf_counter()
    find_entity(G, "Organization 1")  # builds the name index once
    row["name_index_s"] = time.perf_counter() - t
    for k in (1, 3):
        times, found, hops = [], 0, []
        for _ in range(pairs):
            a, b = rng.sample(orgs, 2)
            na, nb = G.nodes[a]["name"], G.nodes[b]["name"]
            t = time.perf_counter()
            try:
                df = trace(G, na, nb, k=k, max_hops=8)
                found += 1
                hops.append(int((df["path"] == 1).sum()))
            except NoPath:
                pass
            times.append(time.perf_counter() - t)
        row[f"trace_k{k}_median_ms"] = statistics.median(times) * 1000
        row[f"trace_k{k}_p95_ms"] = percentile(times, 0.95) * 1000
        row[f"trace_k{k}_found"] = f"{found}/{pairs}"
        row[f"trace_k{k}_hops"] = statistics.median(hops) if hops else None
    if trace_only:
        return row
    t = time.perf_counter()
    nx.degree_centrality(G)
    row["degree_s"] = time.perf_counter() - t
    t = time.perf_counter()
    _, how = betweenness(G)
    row["betweenness_s"] = time.perf_counter() - t
    row["betweenness_method"] = how
    if n <= 10_000:
        t = time.perf_counter()
        betweenness(G, method="rustworkx")
        row["betweenness_rustworkx_exact_s"] = time.perf_counter() - t
    t = time.perf_counter()
    eigenvector(G)
    row["eigenvector_s"] = time.perf_counter() - t
    try:
        import igraph  # noqa: F401  (collabkg[fast]: Louvain in C above IGRAPH_MIN_NODES)
        fast_louvain = True
    except ImportError:
        fast_louvain = False
    if n <= 100_000 or fast_louvain:  # networkx's Louvain takes minutes at 100k nodes
        t = time.perf_counter()
        df = communities(G, seed=seed)
        row["louvain_s"] = time.perf_counter() - t
        row["louvain_communities"] = int(df["community"].nunique())
        row["louvain_method"] = df.attrs["method"]
        row["louvain_modularity"] = round(df.attrs["modularity"], 4)
    del G
    gc.collect()
    return row


def bench_store(n_triples: int, seed: int = 0) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import write  # benchmarks/generate.py

    from collabkg.graph.store import Store

    row: dict = {"triples": n_triples}
    with tempfile.TemporaryDirectory() as tmp:
        nq = Path(tmp) / "g.nq"
        t = time.perf_counter()
        write(nq, n_triples, seed=seed)
        row["generate_s"] = time.perf_counter() - t
        store = Store()
        t = time.perf_counter()
        store.bulk_load(nq)  # with the merged default graph the projection reads
        row["load_s"] = time.perf_counter() - t
        t = time.perf_counter()
        G = project(store)
        row["project_s"] = time.perf_counter() - t
        row["nodes"], row["edges"] = G.number_of_nodes(), G.number_of_edges()
        with_ev = sum(1 for _, _, d in G.edges(data=True) if any(st["evidence"] for st in d["statements"]))
        row["edges_with_evidence"] = f"{with_ev / max(1, G.number_of_edges()):.0%}"
    return row


def table(rows: list[dict]) -> str:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    fmt = lambda v: f"{v:.3g}" if isinstance(v, float) else ("" if v is None else str(v))  # noqa: E731
    out = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    out += ["| " + " | ".join(fmt(r.get(k)) for k in keys) + " |" for r in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--triples", type=int, nargs="*", default=[100_000, 1_000_000])
    ap.add_argument("--pairs", type=int, default=200, help="random pairs per trace measurement")
    ap.add_argument("--trace-only", action="store_true", help="skip centrality and communities")
    args = ap.parse_args(argv)
    graph_rows = []
    for n in args.nodes:
        graph_rows.append(bench_graph(n, args.pairs, trace_only=args.trace_only))
        print(f"graph {n}: {graph_rows[-1]}", file=sys.stderr, flush=True)
    store_rows = []
    for n in args.triples:
        store_rows.append(bench_store(n))
        print(f"store {n}: {store_rows[-1]}", file=sys.stderr, flush=True)
    if graph_rows:
        print("### Generated collaboration graphs (networkx)\n")
        print(table(graph_rows))
    if store_rows:
        print("\n### Projection from a store of generated RDF (benchmarks/generate.py)\n")
        print(table(store_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
