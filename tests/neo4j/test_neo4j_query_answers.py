"""Every bundled .cypher query on the real Neo4j, compared whole (every row, every value) with its
expected answer on the sample corpus and on the second corpus (tests/data/second-corpus/).

Expected answers: tests/data/query-answers/<corpus>.json (``python -m tests.query_answers --cypher``
rewrites them; read the diff). Rows that tie on a query's ORDER BY are compared as a sorted list.
"""

from __future__ import annotations

import pytest

from collabkg.graph.neo4j import list_queries, sync, verify
from collabkg.graph.store import Store
from tests.query_answers import CYPHER_CASES, build_corpus, case_key, cypher_answer, load_answers

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    out = {c: Store(build_corpus(c, tmp_path_factory.mktemp(c))) for c in CYPHER_CASES}
    yield out
    for st in out.values():
        st.close()


def test_every_cypher_query_has_expected_answers_on_both_corpora():
    for corpus, cases in CYPHER_CASES.items():
        assert {n for n, _ in cases} == set(list_queries()), f"{corpus}: a bundled .cypher query has no expected answer"
        assert set(load_answers(corpus)["cypher"]) == {case_key(n, p) for n, p in cases}


@pytest.mark.parametrize("corpus", sorted(CYPHER_CASES))
def test_cypher_queries_give_their_full_expected_answers(neo4j, stores, corpus):
    sync(stores[corpus], driver=neo4j)
    assert verify(stores[corpus], driver=neo4j).ok
    expected = load_answers(corpus)["cypher"]
    for name, params in CYPHER_CASES[corpus]:
        assert cypher_answer(neo4j, name, params) == expected[case_key(name, params)], f"{name} on {corpus}"
