"""Every bundled ``.cypher`` query, run on the real server over the built sample corpus, answers checked."""

from __future__ import annotations

import pytest

from collabkg.errors import QueryError
from collabkg.graph.neo4j import list_queries, load_query, run_cypher, sync, verify

pytestmark = pytest.mark.neo4j


def check_cas(rows):
    got = {(r["acronym"], r["cas_body"], r["status"]) for r in rows}
    assert ("NCAR", "Computer Network Information Center", "Established") in got
    assert ("USGS", "Computer Network Information Center", "Established") in got
    ncar = next(r for r in rows if r["acronym"] == "NCAR")
    assert "MemorandumOfUnderstanding" in ncar["kinds"] and ncar["evidence"]


def check_posts(rows):
    bao = [r for r in rows if r["person"] == "BAO Yiming"]
    assert bao and bao[0]["role"] == "Director" and bao[0]["organization"] == "BIG Data Center"
    assert any("BAO Yiming, Director of BIG Data Center" in q for q in bao[0]["quotes"])


def check_roundtables(rows):
    assert sorted({r["year"] for r in rows}) == [2006, 2007, 2009, 2010, 2011]
    by = {(r["year"], r["country"]): (r["attendees"], r["precision"]) for r in rows}
    assert by[(2009, "China")] == (71, "ExactCount") and by[(2009, "United States")] == (18, "ExactCount")
    assert by[(2007, "United States")] == (55, "ExactCount")
    assert (50, "MoreThan") in {by[k] for k in by if k[0] == 2011}
    assert {r["city"] for r in rows if r["year"] == 2009} == {"Qingdao"}


def check_paths(rows):
    assert rows and rows[0]["hops"] == 2
    assert rows[0]["names"][0] == "Computer Network Information Center"
    assert rows[0]["names"][-1] == "National Center for Atmospheric Research"
    assert any("Memorandum of Understanding between CNIC and NCAR" in r["names"] for r in rows)
    assert all(ev for r in rows for ev in r["evidence"])  # every hop has its evidence


def check_evidence_node(rows):
    assert rows and {r["node"] for r in rows} == {"BAO Yiming"}
    assert all("BAO Yiming" in r["quote"] for r in rows)
    assert {r["publisher"] for r in rows} == {"Beijing Institute of Genomics (BIG), Chinese Academy of Sciences"}
    assert all(r["char_start"] < r["char_end"] for r in rows)


def check_evidence_rel(rows):
    party = [r for r in rows if r["type"] == "ckg__party" and r["start"] == "Memorandum of Understanding between CNIC and NCAR"]
    assert party and "National Center for Atmospheric Research (NCAR)" in party[0]["quote"]
    assert party[0]["document"] == "China-US Roundtable on Scientific Data Cooperation"
    registry = [r for r in rows if r["type"] == "org__subOrganizationOf"]
    assert registry and registry[0]["document_uri"].startswith("http")


CHECKS = {
    "organizations_with_cas_agreements": check_cas,
    "posts": check_posts,
    "roundtables_by_year": check_roundtables,
    "paths_between": check_paths,
    "evidence_for_node": check_evidence_node,
    "evidence_for_relationship": check_evidence_rel,
}


def test_every_query_is_checked_and_documented():
    assert set(CHECKS) == set(list_queries())
    for name in list_queries():
        q = load_query(name)
        assert q.title and q.description, f"{name}.cypher needs a comment header"


@pytest.fixture
def corpus_mirror(neo4j, corpus_store):
    sync(corpus_store, driver=neo4j)
    assert verify(corpus_store, driver=neo4j).ok
    return neo4j


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query_answers_on_the_sample_corpus(corpus_mirror, name):
    rows = run_cypher(name, driver=corpus_mirror)
    CHECKS[name](rows)


def test_parameters_and_dataframe(corpus_mirror):
    df = run_cypher("roundtables_by_year", {"year": 2009}, driver=corpus_mirror, as_dataframe=True)
    assert list(df["attendees"].sort_values()) == [18, 71]
    rows = run_cypher("posts", {"person": "xue"}, driver=corpus_mirror)
    assert [r["person"] for r in rows] == ["XUE Yongbiao"]
    rows = run_cypher("MATCH (a:ckg__Agreement) RETURN count(a) AS n", driver=corpus_mirror)
    assert rows[0]["n"] >= 2


def test_unknown_query_and_bad_syntax(corpus_mirror):
    with pytest.raises(QueryError, match="no Cypher query named"):
        run_cypher("no_such_query", driver=corpus_mirror)
    with pytest.raises(QueryError, match="syntax"):
        run_cypher("MATCH (n RETURN n", driver=corpus_mirror)
