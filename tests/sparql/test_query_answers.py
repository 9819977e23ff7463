"""Every bundled .rq query, compared whole (every row, every value) with its expected answer on the
sample corpus and on a second corpus written for the tests (tests/data/second-corpus/).

The expected answers are tests/data/query-answers/<corpus>.json; ``python -m tests.query_answers``
rewrites them after a deliberate change (read the diff: it is what the change did to the answers).
"""

from __future__ import annotations

import pytest

from collabkg.graph import sparql as sq
from collabkg.graph.store import Store
from tests.query_answers import SPARQL_CASES, build_corpus, case_key, load_answers, sparql_answer


@pytest.fixture(scope="module")
def second_store(tmp_path_factory):
    st = Store(build_corpus("second", tmp_path_factory.mktemp("second")))
    yield st
    st.close()


@pytest.fixture
def corpus_store_of(sample_store, second_store):
    return {"sample": sample_store, "second": second_store}


def test_every_bundled_query_has_expected_answers_on_both_corpora():
    for corpus, cases in SPARQL_CASES.items():
        assert {n for n, _ in cases} == set(sq.named_queries()), f"{corpus}: a bundled .rq query has no expected answer"
        assert set(load_answers(corpus)["sparql"]) == {case_key(n, p) for n, p in cases}


@pytest.mark.parametrize("corpus,name,params", [(c, n, p) for c, cases in SPARQL_CASES.items() for n, p in cases],
                         ids=lambda v: v if isinstance(v, str) else ",".join(f"{k}={x}" for k, x in v.items()) or "-")
def test_query_gives_its_full_expected_answer(corpus_store_of, corpus, name, params):
    expected = load_answers(corpus)["sparql"][case_key(name, params)]
    assert sparql_answer(corpus_store_of[corpus], name, params) == expected


def test_events_gives_one_row_per_event_and_attendee(sample_store):
    """events.rq gave 559 rows on the sample corpus, 111 per roundtable: an event without attendees
    was joined with every labelled thing in the store."""
    rows = sq.query(sample_store, "events").rows()
    assert len(rows) == 13
    per_event = {}
    for r in rows:
        per_event.setdefault(str(r["label"]), []).append(r.get("attendeeLabel"))
    assert all(v == [None] for k, v in per_event.items() if "Roundtable" in k)
    assert sorted(map(str, next(v for k, v in per_event.items() if k.startswith("Initiating")))) == [
        "BAO Yiming", "Bureau of International Cooperation of CAS", "China Science and Technology Exchange Center",
        "National Science and Technology Infrastructure", "Quaid-i-Azam University", "XUE Yongbiao", "YUN Tao",
        "ZHANG Shizhuan"]  # they spoke there


def test_agreements_give_their_own_date(second_store):
    """agreements.rq read schema:startDate; the extractor writes an agreement's date as dcterms:date."""
    got = {(str(r["label"]), str(r["date"])) for r in sq.query(second_store, "agreements").rows()}
    assert got == {("Memorandum of Understanding between NPI and KOPRI on polar data sharing", "2021-03-10"),
                   ("Memorandum of Understanding between CNIC and IIASA on land-use data", "2020-06-02")}
