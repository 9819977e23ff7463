"""The W3C RDF 1.1 test suites through ``load -> neo4j sync -> neo4j export``.

Reads every ``manifest.ttl`` under the folder given on the command line (a copy of
w3c/rdf-tests ``rdf/rdf11``: rdf-n-triples, rdf-n-quads, rdf-turtle, rdf-trig) and runs each
*positive* test (``TestNTriplesPositiveSyntax``, ``TestNQuadsPositiveSyntax``,
``Test{Turtle,Trig}PositiveSyntax`` and ``...Eval``; the negative ones have no data to mirror):

1. load the test's file into a fresh store (``Store.bulk_load``, base IRI: the manifest's
   ``mf:assumedTestBase`` + the file name, as the suites prescribe);
2. ``sync`` it into an empty Neo4j database, ``export_rdf`` it as N-Quads, parse that back;
3. compare (``collabkg.graph.compare``, blank nodes up to renaming):
   - the export with the store: must be *equal* (the mirror is lossless);
   - the export with the file as parsed (and with the ``mf:result`` of an eval test): *equal*,
     or *value-equal* when only the store's canonical literal forms differ (``"01"^^xsd:integer``
     -> ``"1"``; see docs/architecture.md), else a failure;
   - ``verify(store)`` must say ok.

Needs a Neo4j whose database it may empty (each test clears the mirror): ``NEO4J_URI``,
``NEO4J_PASSWORD`` ... as for ``collabkg neo4j``, and ``--yes``.

Usage::

    python benchmarks/w3c_rdf_tests.py ../shared/vendor/w3c-rdf-tests/rdf11 --yes [--results benchmarks/RESULTS.md] [-v]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox

RDFT = "http://www.w3.org/ns/rdftest#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
POSITIVE = {f"{RDFT}Test{kind}" for kind in (
    "NTriplesPositiveSyntax", "NQuadsPositiveSyntax", "TurtlePositiveSyntax", "TurtleEval",
    "TrigPositiveSyntax", "TrigEval")}
FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".trig": ox.RdfFormat.TRIG}


def read_manifest(path: Path) -> tuple[str, list[dict]]:
    """(assumed test base, [{name, type, action, result}]) of the positive tests of a manifest."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    one = lambda s, p: next((q.object for q in store.quads_for_pattern(s, ox.NamedNode(MF + p), None, None)), None)  # noqa: E731
    manifest = ox.NamedNode(path.resolve().as_uri())
    base = one(manifest, "assumedTestBase")
    tests = []
    for q in store.quads_for_pattern(None, RDF_TYPE, None, None):
        if q.object.value not in POSITIVE:
            continue
        action, result = one(q.subject, "action"), one(q.subject, "result")
        tests.append({
            "name": one(q.subject, "name").value,
            "type": q.object.value[len(RDFT) + 4:],
            "action": path.parent / action.value.rsplit("/", 1)[-1],
            "result": path.parent / result.value.rsplit("/", 1)[-1] if result is not None else None,
        })
    return (base.value if base is not None else path.parent.resolve().as_uri() + "/"), sorted(tests, key=lambda t: t["name"])


def run_test(test: dict, base: str, driver) -> tuple[str, str]:
    """Return (outcome, detail); outcome one of: exact, value-equal, FAIL-load, FAIL-mirror, FAIL-input."""
    from collabkg.errors import CollabKGError
    from collabkg.graph.compare import compare_quads
    from collabkg.graph.neo4j import clear, export_rdf, sync, verify
    from collabkg.graph.store import Store

    action: Path = test["action"]
    fmt = FORMATS[action.suffix]
    base_iri = base + action.name
    parsed = list(ox.parse(path=str(action), format=fmt, base_iri=base_iri))
    store = Store()
    try:
        store.bulk_load(action, fmt, base_iri=base_iri)
    except CollabKGError as e:
        return "FAIL-load", str(e)[:200]
    clear(driver=driver)
    try:
        sync(store, driver=driver)
        exported = list(ox.parse(export_rdf(None, "nquads", driver=driver), format=ox.RdfFormat.N_QUADS))
        report = verify(store, driver=driver)
    except CollabKGError as e:
        return "FAIL-mirror", str(e)[:200]
    mirror = compare_quads(store.oxigraph, exported)
    if not mirror.equal or not report.ok:
        return "FAIL-mirror", (f"store vs export: {len(mirror.missing)} missing, {len(mirror.extra)} extra, "
                               f"{len(mirror.lexical)} lexical; verify ok={report.ok}")
    expected = [parsed]
    if test["result"] is not None:
        expected.append(list(ox.parse(path=str(test["result"]), format=FORMATS[test["result"].suffix])))
    outcome = "exact"
    for want in expected:
        d = compare_quads(want, exported)
        if not d.value_equal:
            return "FAIL-input", f"input vs export: {len(d.missing)} missing, {len(d.extra)} extra"
        if not d.equal:
            outcome = "value-equal"
            detail = "; ".join(f"{a.object} -> {b.object}" for a, b in d.lexical[:3])
    return outcome, detail if outcome == "value-equal" else ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="Folder holding the suites' manifest.ttl files (searched recursively).")
    ap.add_argument("--yes", action="store_true", help="Allow emptying the Neo4j database (each test clears it).")
    ap.add_argument("--results", type=Path, default=None, help="Write the pass counts into this RESULTS.md.")
    ap.add_argument("-v", "--verbose", action="store_true", help="Print every test that is not exact.")
    args = ap.parse_args(argv)

    from collabkg.graph.neo4j import Neo4jConfig, connect

    manifests = sorted(args.folder.rglob("manifest.ttl"))
    if not manifests:
        print(f"no manifest.ttl under {args.folder}", file=sys.stderr)
        return 2
    cfg = Neo4jConfig.from_env()
    driver = connect(cfg)
    others = driver.execute_query("MATCH (n) WHERE NOT n:Resource AND NOT n:_NsPrefDef AND NOT n:_GraphConfig "
                                  "RETURN count(n) AS n").records[0]["n"]
    resources = driver.execute_query("MATCH (n:Resource) RETURN count(n) AS n").records[0]["n"]
    if (others or resources) and not args.yes:
        print(f"{cfg.uri} holds {others + resources} nodes and every test empties the mirror: pass --yes", file=sys.stderr)
        return 2
    counts: dict[str, Counter] = defaultdict(Counter)
    lexical_examples: dict[str, list] = defaultdict(list)
    t0 = time.perf_counter()
    for manifest in manifests:
        suite = manifest.parent.name
        base, tests = read_manifest(manifest)
        for test in tests:
            outcome, detail = run_test(test, base, driver)
            counts[suite][outcome] += 1
            if outcome != "exact":
                lexical_examples[suite].append((test["name"], outcome, detail))
                if args.verbose:
                    print(f"{suite} {test['name']}: {outcome} {detail}", flush=True)
        c = counts[suite]
        print(f"{suite}: {sum(c.values())} positive tests: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())), flush=True)
    driver.close()
    total = sum((c for c in counts.values()), Counter())
    seconds = time.perf_counter() - t0
    print(f"all: {sum(total.values())} positive tests: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items()))
          + f" ({seconds:.0f} s)")
    if args.results:
        write_results(args.results, counts, lexical_examples, seconds)
    return 0 if all(k in ("exact", "value-equal") for k in total) else 1


def write_results(path: Path, counts, examples, seconds: float) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from results import write_generated

    load = os.getloadavg()
    lines = [f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, {os.cpu_count()} cores, "
             f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {seconds:.0f} s. `exact`: the export equals the file "
             "(blank nodes up to renaming); `value-equal`: only the store's canonical literal forms differ; "
             "every test also checks store == export exactly and `verify` ok.", "",
             "| suite | positive tests | exact | value-equal | failed |", "|---|---|---|---|---|"]
    total = Counter()
    for suite, c in sorted(counts.items()):
        total += c
        failed = sum(v for k, v in c.items() if k.startswith("FAIL"))
        lines.append(f"| {suite} | {sum(c.values())} | {c['exact']} | {c['value-equal']} | {failed} |")
    failed = sum(v for k, v in total.items() if k.startswith("FAIL"))
    lines.append(f"| all | {sum(total.values())} | {total['exact']} | {total['value-equal']} | {failed} |")
    fails = [(s, n, o, d) for s, ex in sorted(examples.items()) for n, o, d in ex if o.startswith("FAIL")]
    if fails:
        lines += ["", "Failures:", ""] + [f"- {s} {n}: {o} {d}" for s, n, o, d in fails]
    write_generated(path, "W3C RDF test suites through the Neo4j mirror", "\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
