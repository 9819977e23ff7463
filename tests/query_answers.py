"""The full expected answer of every bundled query (.rq and .cypher) on two corpora.

The answers live in ``tests/data/query-answers/<corpus>.json``: every row, every value. The tests
(``tests/sparql/test_query_answers.py``, ``tests/neo4j/test_neo4j_query_answers.py``) compare them
whole. When extraction changes what a corpus yields, rewrite them and READ THE DIFF before
committing: it is the review of what the change did to every analyst question.

    .venv/bin/python -m tests.query_answers             # SPARQL answers (no server)
    .venv/bin/python -m tests.query_answers --cypher    # and Cypher (NEO4J_URI, NEO4J_PASSWORD ...)

Corpora: ``sample`` (the bundled corpus/), ``second`` (tests/data/second-corpus/: three documents
written for these tests: an MoU between two polar institutes, a roundtable with two delegations, an
MoU of a CAS institute). Values are written short: IRIs as CURIEs of the shared prefix table,
literals as their lexical form.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from collabkg import api
from collabkg.graph import sparql as sq
from collabkg.ontology.prefixes import PREFIXES

ROOT = Path(__file__).parent
ANSWERS = ROOT / "data" / "query-answers"
CORPORA = {"sample": None, "second": ROOT / "data" / "second-corpus"}
ID = "https://w3id.org/collabkg/id/"

#: (query, bindings) per corpus: every bundled .rq unbound where it can run so, and bound as its
#: header says (values are IRIs under ``id:`` or plain literals).
SPARQL_CASES = {
    "sample": [
        ("agreements", {}), ("agreements", {"party": "id:organization/ncar"}),
        ("cas-cooperation", {}),
        ("describe-entity", {"entity": "id:person/bao-yiming"}),
        ("documents", {}), ("entities", {}), ("entities", {"kind": "person"}),
        ("events", {}),
        ("evidence", {"entity": "id:organization/ncar"}),
        ("kinds", {}),
        ("posts", {}), ("posts", {"person": "id:person/bao-yiming"}),
        ("roundtables", {}), ("suborganizations", {}),
    ],
    "second": [
        ("agreements", {}), ("agreements", {"party": "id:organization/korea-polar-research-institute"}),
        ("cas-cooperation", {}),
        ("describe-entity", {"entity": "id:person/kari-nordmann"}),
        ("documents", {}), ("entities", {}), ("entities", {"kind": "person"}),
        ("events", {}),
        ("evidence", {"entity": "id:person/kari-nordmann"}),
        ("kinds", {}),
        ("posts", {}), ("posts", {"person": "id:person/kari-nordmann"}),
        ("roundtables", {}), ("suborganizations", {}),
    ],
}

#: (query, parameters) per corpus for the bundled .cypher queries.
CYPHER_CASES = {
    "sample": [
        ("evidence_for_node", {"node": "BAO Yiming"}),
        ("evidence_for_relationship", {"subject": "NCAR"}),
        ("organizations_with_cas_agreements", {"cas": "CAS"}),
        ("paths_between", {"from": "CNIC", "to": "NCAR"}),
        ("posts", {"person": None}),
        ("roundtables_by_year", {"year": None}),
    ],
    "second": [
        ("evidence_for_node", {"node": "Kari Nordmann"}),
        ("evidence_for_relationship", {"subject": "KOPRI"}),
        ("organizations_with_cas_agreements", {"cas": "CAS"}),
        ("paths_between", {"from": "NPI", "to": "KOPRI"}),
        ("posts", {"person": None}),
        ("roundtables_by_year", {"year": None}),
    ],
}


def case_key(name: str, params: dict) -> str:
    return name + "".join(f" {k}={v}" for k, v in sorted(params.items()) if v is not None)


def build_corpus(corpus: str, where: Path) -> Path:
    """Build ``corpus`` into ``where/store``; return the store folder."""
    paths = [CORPORA[corpus]] if CORPORA[corpus] else None
    report = api.build(paths, store=where / "store", out=where / "out")
    assert report.exit_code == 0, report.problems
    return where / "store"


def short(value) -> object:
    """An IRI as a CURIE (``id:`` for ours), anything else as is; ``None`` for unbound."""
    if value is None or isinstance(value, (int, float, bool)):
        return value
    if isinstance(value, list):
        return [short(v) for v in value]
    s = str(value)
    for pfx, ns in sorted({"id": ID, **PREFIXES}.items(), key=lambda kv: -len(kv[1])):
        if s.startswith(ns) and ns:
            return f"{pfx}:{s[len(ns):]}"
    return s


def _bind(params: dict) -> dict:
    from rdflib import Literal, URIRef

    return {k: URIRef(ID + v[3:]) if v.startswith("id:") else Literal(v) for k, v in params.items()}


def sparql_answer(store, name: str, params: dict) -> list:
    res = sq.query(store, name, bindings=_bind(params) or None)
    if res.kind == "graph":
        return sorted([short(t.subject.value), short(t.predicate.value),
                       short(t.object.value) if not hasattr(t.object, "datatype") else t.object.value] for t in res.triples)
    return [{v: short(r.get(v)) for v in res.variables} for r in res.rows()]


def cypher_answer(driver, name: str, params: dict) -> list:
    from collabkg.graph.neo4j import run_cypher

    rows = run_cypher(name, params, driver=driver)
    out = []
    for r in rows:
        row = {k: short(v) if not isinstance(v, list) or not v or not isinstance(v[0], list) else [short(x) for x in v]
               for k, v in r.items()}
        if isinstance(row.get("quotes"), list):  # collect(): no order guaranteed
            row["quotes"] = sorted(row["quotes"])
        out.append(row)
    # rows that tie on the query's ORDER BY come in any order: compared as a sorted list
    return sorted(out, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


def answers_path(corpus: str) -> Path:
    return ANSWERS / f"{corpus}.json"


def load_answers(corpus: str) -> dict:
    return json.loads(answers_path(corpus).read_text("utf-8"))


def main(argv: list[str]) -> None:
    from collabkg.graph.store import Store

    ANSWERS.mkdir(parents=True, exist_ok=True)
    for corpus in CORPORA:
        with tempfile.TemporaryDirectory() as tmp:
            st = Store(build_corpus(corpus, Path(tmp)))
            try:
                old = load_answers(corpus) if answers_path(corpus).exists() else {}
                out = {"sparql": {case_key(n, p): sparql_answer(st, n, p) for n, p in SPARQL_CASES[corpus]},
                       "cypher": old.get("cypher", {})}
                if "--cypher" in argv:
                    from collabkg.graph.neo4j import sync
                    from collabkg.graph.neo4j.mirror import connect

                    driver = connect()
                    try:
                        sync(st, driver=driver)  # the mirror becomes exactly this store
                        out["cypher"] = {case_key(n, p): cypher_answer(driver, n, p) for n, p in CYPHER_CASES[corpus]}
                    finally:
                        driver.close()
            finally:
                st.close()
        answers_path(corpus).write_text(json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {answers_path(corpus)}")


if __name__ == "__main__":
    main(sys.argv[1:])
