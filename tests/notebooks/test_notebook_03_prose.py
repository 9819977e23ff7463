"""Notebook 03's prose says what its own cells show: each claim of the text is checked here against
the same library calls on the sample corpus. (It said path 1 went through the Roundtable's outcome
and path 2 through the agreement; trace() gives them the other way round, and a third path.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collabkg.graph import analysis

NB = Path(__file__).resolve().parents[2] / "notebooks" / "03_tracing_collaboration.ipynb"


def prose() -> str:
    cells = json.loads(NB.read_text("utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown").replace("\n", " ")


@pytest.fixture(scope="module")
def graphs(sample_build):
    G = analysis.load_graph(sample_build[1])
    return G, analysis.collapse(G, keep=("organization",))


def routes(df) -> dict[int, list[tuple[str, str, str]]]:
    return {p: [(h.source_name, h.relation, h.target_name) for h in hops.itertuples()] for p, hops in df.groupby("path")}


def test_path_reading_of_section_1(graphs):
    G, orgs = graphs
    text = prose()
    p = routes(analysis.trace(G, "NCAR", "BIG"))
    assert "Read path 1: NCAR and CNIC are the two *parties* of their MoU, CNIC is *part of* the Chinese Academy of Sciences, and so is BIG." in text
    assert [r[1] for r in p[1]] == ["party", "party", "part of", "part of"]
    assert p[1][0][2] == "Memorandum of Understanding between CNIC and NCAR" and p[1][2][2] == "Chinese Academy of Sciences"
    assert "Path 2 reaches CNIC through the outcome the CODATA page lists (the MoU named as an outcome of the Roundtable *involves* both bodies)" in text
    assert [r[1] for r in p[2]][:2] == ["involves", "involves"] and p[2][1][2] == "Computer Network Information Center"
    assert "path 3 goes through the Roundtable itself: that outcome is an *outcome of* the China-US Roundtable, whose *partners* include CAS. All three run through CAS." in text
    assert [r[1] for r in p[3]] == ["involves", "outcome of", "partner", "part of"]
    assert p[3][2] == ("China-US Roundtable on Scientific Data Cooperation", "partner", "Chinese Academy of Sciences")
    assert len(p) == 3 and all(any("Chinese Academy of Sciences" in (s, t) for s, _, t in hops) for hops in p.values())
    assert "In the organization network the same route is three facts long" in text
    assert len(analysis.trace(orgs, "NCAR", "BIG", k=1)) == 3


def test_section_2_every_us_body_reaches_qau(graphs):
    _, orgs = graphs
    assert "Every US body of the corpus reaches QAU" in prose()
    for name in ["USGS", "NCAR", "National Academy of Sciences", "CODATA-US"]:
        assert len(analysis.trace(orgs, name, "QAU", k=1)) > 0


def test_section_3_cas_is_the_broker(graphs):
    _, orgs = graphs
    assert "The Chinese Academy of Sciences is the broker of this corpus" in prose()
    brokers = analysis.brokers(orgs, top=8, community=analysis.communities(orgs))
    assert brokers.iloc[0]["name"] == "Chinese Academy of Sciences"
    top = set(brokers["name"].head(4))
    assert {"Bureau of International Cooperation of CAS", "Computer Network Information Center"} <= top
