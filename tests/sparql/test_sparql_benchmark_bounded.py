"""benchmarks/sparql.py --bounded (the mode for 10M triples): Oxigraph only, few runs, each query in a
child process stopped at the timeout; a smoke run on a small generated graph."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bounded_mode_smoke(tmp_path):
    out = tmp_path / "report.json"
    p = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "sparql.py"), "--sizes", "3000", "--bounded", "--runs", "1",
         "--full-runs", "1", "--explore-mixes", "1", "--query-timeout", "60", "--workdir", str(tmp_path),
         "--json", str(out)],
        capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    report = json.loads(out.read_text())
    entry = report["sizes"]["3000"]
    assert entry["oxigraph_load"]["quads"] == 3000 and "rdflib_load" not in entry
    q = entry["oxigraph_queries"]
    assert set(q["full_scan"]) == {"kinds", "documents", "roundtables", "agreements", "suborganizations", "cas-cooperation"}
    assert all(v["n"] == 1 and v["median_ms"] >= 0 for v in q["full_scan"].values())
    assert q["bounded"]["query_timeout_s"] == 60
    assert "Bounded mode" in p.stdout and "| 3,000 | cas-cooperation |" in p.stdout
