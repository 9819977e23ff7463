"""Benchmark of the views: HTML generation time and size, time to a stable drawing in headless
Chromium, and redraw time while panning and zooming, at 1k, 5k and 20k nodes (4 edges per node).

The graphs are projection-shaped (kinds, names, an evidence quote and document on every node and
edge) and clustered like collaboration networks (85% of links inside groups of 100).

Run alone (the two cores are shared)::

    python benchmarks/views.py                 # 1k, 5k, 20k nodes
    python benchmarks/views.py --nodes 5000

Needs Debian's chromium and chromium-driver. Prints a Markdown table for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from collabkg.graph.views import graph_view, save_html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "views"))


def clustered_graph(n: int, m: int, seed: int = 0) -> nx.Graph:
    rng = random.Random(seed)
    kinds = ["organization", "person", "agreement", "event", "project", "post"]
    G = nx.Graph()
    ev = lambda i: [{"quote": f"Sentence {i}: body {i} signed an agreement with others.",  # noqa: E731
                     "document": f"https://w3id.org/collabkg/id/document/d{i // 40}",
                     "title": f"Document {i // 40}", "issued": "2020-01-01", "method": "synthetic"}]
    for i in range(n):
        G.add_node(f"n{i}", kind=kinds[i % len(kinds)], name=f"Body number {i}", aliases=[f"B{i}"],
                   types=[], attributes={"ckg:acronym": f"B{i}"}, evidence=ev(i), start=None, end=None)
    edges = 0
    while edges < m:
        a = rng.randrange(n)
        b = (a // 100) * 100 + rng.randrange(100) if rng.random() < 0.85 else rng.randrange(n)
        if a != b and b < n and not G.has_edge(f"n{a}", f"n{b}"):
            edges += 1
            rel = rng.choice(["party", "attendee", "partner", "part of", "held by"])
            G.add_edge(f"n{a}", f"n{b}", relation=rel, weight=1, start=None, end=None,
                       statements=[{"source": f"n{a}", "target": f"n{b}", "relation": rel, "evidence": ev(a)}])
    return G


# time from a view change (zoom and pan) to the frame drawn, ten times
REDRAW_JS = """
    const done = arguments[arguments.length - 1];
    const net = window.ckg.network; const times = []; let i = 0;
    function step() {
      if (i >= 10) { done(times); return; }
      const t = performance.now();
      net.once('afterDrawing', () => { times.push(performance.now() - t); i++; setTimeout(step, 0); });
      net.moveTo({scale: 0.2 + 0.15 * i, position: {x: 40 * i, y: -30 * i}});
    }
    step();"""


def measure(driver, path: Path) -> dict:
    from ckg_browser import Page

    page = Page(driver, path, timeout=120)
    out = {"stable": page.stable, "load_to_stable_s": page.seconds,
           "stable_after_nav_ms": page.js("return window.ckg.stable"),
           "script_to_stable_ms": page.js("return window.ckg.stableAfter"),
           "console_errors": len(page.errors()), "outside_requests": len(page.outside_requests())}
    # redraw time while zooming and panning: time from a view change to the frame drawn
    frames = page.driver.execute_async_script(REDRAW_JS)
    frames = sorted(frames)
    out["redraw_median_ms"] = frames[len(frames) // 2]
    out["redraw_max_ms"] = frames[-1]
    # while the user drags or zooms, vis-network skips the edges (hideEdgesOnDrag/Zoom, set on
    # large graphs): the same measurement with edges hidden is what panning costs per frame
    page.js("window.ckg.network.setOptions({edges: {hidden: true}})")
    frames = sorted(page.driver.execute_async_script(REDRAW_JS))
    page.js("window.ckg.network.setOptions({edges: {hidden: false}})")
    out["redraw_during_pan_median_ms"] = frames[len(frames) // 2]
    return out


def main(argv: list[str] | None = None) -> int:
    from ckg_browser import start_chromium, stop_chromium

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, nargs="*", default=[1000, 5000, 20000])
    ap.add_argument("--edges-per-node", type=int, default=4)
    args = ap.parse_args(argv)
    rows = []
    driver = start_chromium()
    driver.set_script_timeout(120)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in args.nodes:
                G = clustered_graph(n, n * args.edges_per_node)
                t = time.perf_counter()
                net = graph_view(G, heading=f"{n} nodes")
                built = time.perf_counter() - t
                path = save_html(net, Path(tmp) / f"v{n}.html")
                total = time.perf_counter() - t
                row = {"nodes": n, "edges": G.number_of_edges(),
                       "physics": net.options["physics"]["enabled"], "view_s": built, "html_written_s": total,
                       "html_MB": path.stat().st_size / 1e6}
                row.update(measure(driver, path))
                rows.append(row)
                print(row, file=sys.stderr, flush=True)
    finally:
        stop_chromium(driver)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    fmt = lambda v: f"{v:.3g}" if isinstance(v, float) else str(v)  # noqa: E731
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(fmt(r.get(k)) for k in keys) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
