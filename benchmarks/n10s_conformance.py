"""Interoperability of the Neo4j mirror with the real n10s (neosemantics), in one Neo4j 5.26.

Needs the n10s jar, which a fresh clone does not have (so this is not part of the test suite):
``../shared/vendor/n10s/neosemantics-5.26.1.jar`` (built from source; see its README), or
``--jar``. The script starts its own Neo4j with ``scripts/neo4j-local`` (the jar in the run
folder's ``plugins/``, ``dbms.security.procedures.unrestricted=n10s.*``), builds the sample
corpus into a fresh store, runs the checks and stops the server.

Checks, each PASS or FAIL with its figures:

1. ``n10s.graphconfig.show`` on a collabkg mirror: it reads the ``_GraphConfig`` the sync wrote
   (SHORTEN, ARRAY, LABELS);
2. ``n10s.rdf.export.cypher`` on the mirror runs; its triples are compared with the store's
   (n10s knows nothing of ``graphs`` and ``_rdf``, so language tags and named graphs are lost
   there: the figures say how much);
3. ``n10s.rdf.import.inline`` adds statements to the mirror; ``collabkg`` then exports them
   (in the default graph) and every statement of the store still;
4. ``collabkg neo4j export`` of a graph n10s imported (its defaults, and ``ARRAY``): compared
   with the imported file as RDF; what n10s dropped on import (language tags, all but one value
   with ``OVERWRITE``) is counted apart from what the export would lose (must be 0);
5. an n10s graph made with ``keepLangTag: true`` is refused by the export with a clear message.

Usage::

    python benchmarks/n10s_conformance.py [--port 7732] [--home DIR] [--jar PATH] [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
DEFAULT_JAR = REPO.parent / "shared" / "vendor" / "n10s" / "neosemantics-5.26.1.jar"
PASSWORD = "collabkg-n10s-check"

INLINE = """@prefix ex: <http://example.org/n10s-inline/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:dataset1 a ex:Dataset ; rdfs:label "Inline dataset" ; ex:size 42 ; ex:publisher ex:org1 .
ex:org1 a ex:Organization ; rdfs:label "Inline org" .
"""


def start_server(home: Path, port: int, jar: Path) -> dict:
    if home.exists():
        shutil.rmtree(home)
    (home / "plugins").mkdir(parents=True)
    shutil.copy(jar, home / "plugins" / jar.name)
    (home / "neo4j.conf").write_text("dbms.security.procedures.unrestricted=n10s.*\n")
    env = dict(os.environ, COLLABKG_NEO4J_HOME=str(home), NEO4J_BOLT_PORT=str(port), NEO4J_PASSWORD=PASSWORD,
               NEO4J_WAIT_TIMEOUT="240")
    subprocess.run([str(REPO / "scripts" / "neo4j-local"), "start"], env=env, check=True)
    return env


def stop_server(env: dict) -> None:
    subprocess.run([str(REPO / "scripts" / "neo4j-local"), "stop"], env=env, check=False)


def wipe(driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")  # the sample: a few thousand nodes


def n10s_triples(records, star: list | None = None) -> list[ox.Quad]:
    """The rows of ``n10s.rdf.export.cypher`` as pyoxigraph quads (default graph). n10s writes a
    relationship's properties as RDF-star annotations (``<<s p o>> :graphs "..."``): those rows go
    to ``star``, not into the quads."""
    out = []
    for r in records:
        s, p, o = r["subject"], r["predicate"], r["object"]
        if s.startswith("<<"):
            if star is not None:
                star.append(r)
            continue
        subj = ox.BlankNode(s[8:]) if s.startswith("bnode://") else ox.NamedNode(s)
        if r["isLiteral"]:
            lang, dt = r["literalLang"], r["literalType"]
            obj = (ox.Literal(o, language=lang) if lang else
                   ox.Literal(o, datatype=ox.NamedNode(dt)) if dt else ox.Literal(o))
        else:
            obj = ox.BlankNode(o[8:]) if o.startswith("bnode://") else ox.NamedNode(o)
        out.append(ox.Quad(subj, ox.NamedNode(p), obj, ox.DefaultGraph()))
    return out


def as_triples(quads) -> set[ox.Quad]:
    return {ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=7732)
    ap.add_argument("--home", type=Path, default=REPO / ".neo4j-n10s")
    ap.add_argument("--jar", type=Path, default=DEFAULT_JAR)
    ap.add_argument("--results", type=Path, default=None, help="Write the results into this RESULTS.md.")
    args = ap.parse_args(argv)
    if not args.jar.is_file():
        print(f"n10s jar not found at {args.jar}; pass --jar", file=sys.stderr)
        return 2

    from collabkg import api
    from collabkg.graph.compare import compare_quads
    from collabkg.graph.neo4j import Neo4jConfig, connect, export_rdf, sync, verify
    from collabkg.graph.store import Store
    from collabkg.errors import Neo4jError

    results: list[tuple[str, bool, str]] = []

    def check(name: str, ok: bool, detail: str) -> None:
        results.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="n10s-check-"))
    env = start_server(args.home, args.port, args.jar)
    try:
        cfg = Neo4jConfig(f"bolt://127.0.0.1:{args.port}", "neo4j", PASSWORD, "neo4j")
        driver = connect(cfg)
        version = driver.execute_query("SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'n10s.' "
                                       "RETURN count(*) AS n").records[0]["n"]
        print(f"n10s procedures: {version}", flush=True)
        api.build(store=tmp / "store", out=tmp / "out")
        store = Store(tmp / "store")
        store_quads = list(store.oxigraph)
        print(f"sample corpus: {len(store_quads)} quads", flush=True)

        # 1. graphconfig.show on a collabkg mirror
        wipe(driver)
        sync(store, driver=driver)
        try:
            rows = {r["param"]: r["value"] for r in driver.execute_query("CALL n10s.graphconfig.show()").records}
            ok = (rows.get("handleVocabUris"), rows.get("handleMultival"), rows.get("handleRDFTypes")) == (
                "SHORTEN", "ARRAY", "LABELS")
            check("n10s.graphconfig.show on a collabkg mirror", ok,
                  f"handleVocabUris={rows.get('handleVocabUris')}, handleMultival={rows.get('handleMultival')}, "
                  f"handleRDFTypes={rows.get('handleRDFTypes')}, keepLangTag={rows.get('keepLangTag')}")
        except Exception as e:  # noqa: BLE001 - reported
            check("n10s.graphconfig.show on a collabkg mirror", False, " ".join(str(e).split())[:300])

        # 2. n10s.rdf.export.cypher on the mirror
        try:
            recs = driver.execute_query(
                "CALL n10s.rdf.export.cypher('MATCH (n:Resource) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m', {}) "
                "YIELD subject, predicate, object, isLiteral, literalType, literalLang "
                "RETURN subject, predicate, object, isLiteral, literalType, literalLang").records
            star: list = []
            got = set(n10s_triples(recs, star))
            ours = {q for q in got if not q.predicate.value.startswith("neo4j://graph.schema#")}
            d = compare_quads(as_triples(store_quads), ours)
            check("n10s.rdf.export.cypher on a collabkg mirror", len(ours) > 0,
                  f"{len(recs)} rows: {len(star)} RDF-star annotations of relationship properties, "
                  f"{len(got) - len(ours)} triples of the mirror's node properties graphs/_rdf (neo4j://graph.schema#), "
                  f"{len(ours)} RDF triples vs {d.want_quads} distinct triples in the store: "
                  f"{d.want_quads - len(d.missing) - len(d.lexical)} identical, {len(d.lexical)} lexical-only, "
                  f"{len(d.missing)} not exported by n10s, {len(d.extra)} n10s-only "
                  f"(n10s has no language tags and one datatype per Neo4j type)")
        except Exception as e:  # noqa: BLE001
            check("n10s.rdf.export.cypher on a collabkg mirror", False, " ".join(str(e).split())[:300])

        # 3. n10s.rdf.import.inline into the mirror, then collabkg export
        try:
            rec = driver.execute_query("CALL n10s.rdf.import.inline($ttl, 'Turtle')", ttl=INLINE).records[0]
            inline = set(ox.parse(INLINE.encode(), format=ox.RdfFormat.TURTLE))
            exported = set(ox.parse(export_rdf(None, "nquads", driver=driver), format=ox.RdfFormat.N_QUADS))
            d = compare_quads(store_quads + list(inline), exported)
            ok = rec["terminationStatus"] == "OK" and d.equal
            check("n10s.rdf.import.inline into a collabkg mirror, then collabkg export", ok,
                  f"n10s: {rec['terminationStatus']}, {rec['triplesLoaded']} triples loaded; collabkg export: "
                  f"{len(exported)} quads = the store's {len(store_quads)} + the {len(inline)} inline triples "
                  f"(missing {len(d.missing)}, extra {len(d.extra)}, lexical {len(d.lexical)})")
        except Exception as e:  # noqa: BLE001
            check("n10s.rdf.import.inline into a collabkg mirror, then collabkg export", False,
                  " ".join(str(e).split())[:300])

        # 4. collabkg export of graphs n10s imported
        sample = tmp / "sample.nt"
        ox.serialize(as_triples(store_quads), str(sample), ox.RdfFormat.N_TRIPLES)
        triples = set(ox.parse(path=str(sample), format=ox.RdfFormat.N_TRIPLES))
        for multival in ("OVERWRITE", "ARRAY"):
            wipe(driver)
            driver.execute_query("CALL n10s.graphconfig.init({handleMultival: $m})", m=multival)
            rec = driver.execute_query("CALL n10s.rdf.import.inline($nt, 'N-Triples')", nt=sample.read_text()).records[0]
            try:
                exported = set(ox.parse(export_rdf(None, "nquads", driver=driver), format=ox.RdfFormat.N_QUADS))
            except Neo4jError as e:
                check(f"collabkg export of an n10s import (handleMultival {multival})", False, str(e)[:300])
                continue
            # what n10s itself keeps of the file: its own export (the reference for "nothing dropped")
            recs = driver.execute_query(
                "CALL n10s.rdf.export.cypher('MATCH (n:Resource) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m', {}) "
                "YIELD subject, predicate, object, isLiteral, literalType, literalLang "
                "RETURN subject, predicate, object, isLiteral, literalType, literalLang").records
            n10s_view = set(n10s_triples(recs))
            d_file = compare_quads(triples, exported)
            d_n10s = compare_quads(n10s_view, exported)
            ok = d_n10s.value_equal and len(exported) > 0
            check(f"collabkg export of an n10s import (handleMultival {multival})", ok,
                  f"n10s loaded {rec['triplesLoaded']} of {len(triples)} triples; collabkg exports {len(exported)}: "
                  f"vs n10s's own export of the same graph {len(d_n10s.missing)} missing, {len(d_n10s.extra)} extra, "
                  f"{len(d_n10s.lexical)} lexical-only; vs the file {len(d_file.missing)} missing, {len(d_file.extra)} extra, "
                  f"{len(d_file.lexical)} lexical-only (what n10s's import dropped: language tags, "
                  f"{'all but one value of a property' if multival == 'OVERWRITE' else 'nothing else'})")

        # 5. a graph whose values hold language tags n10s-style: refused, not misread
        wipe(driver)
        driver.execute_query("CALL n10s.graphconfig.init({keepLangTag: true, handleMultival: 'ARRAY'})")
        driver.execute_query("CALL n10s.rdf.import.inline($ttl, 'Turtle')",
                             ttl='<http://ex.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "CAS"@en .')
        try:
            export_rdf(None, "nquads", driver=driver)
            check("collabkg export refuses an n10s graph with keepLangTag", False, "exported without complaint")
        except Neo4jError as e:
            check("collabkg export refuses an n10s graph with keepLangTag", "keepLangTag" in str(e), str(e)[:200])
        driver.close()
        store.close()
    finally:
        stop_server(env)
        shutil.rmtree(tmp, ignore_errors=True)

    passed = sum(ok for _, ok, _ in results)
    print(f"{passed}/{len(results)} checks passed")
    if args.results:
        write_results(args.results, results)
    return 0 if passed == len(results) else 1


def write_results(path: Path, results) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from results import write_generated

    load = os.getloadavg()
    lines = [f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, "
             f"{os.cpu_count()} cores, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
             f"neosemantics 5.26.1 (built from source) in Neo4j 5.26 from scripts/neo4j-local.", ""]
    lines += ["| check | result | figures |", "|---|---|---|"]
    for name, ok, detail in results:
        lines.append(f"| {name} | {'PASS' if ok else 'FAIL'} | {detail.replace('|', '/')} |")
    write_generated(path, "n10s conformance", "\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
