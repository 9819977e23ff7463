"""Answers on the bundled sample corpus (built with collabkg.api.build)."""

import pytest

from collabkg.errors import EntityNotFound
from collabkg.graph.analysis import collapse, find_entity, stats, trace

REGISTRY = "https://w3id.org/collabkg/id/graph/registry"


@pytest.fixture(scope="module")
def ncar(sample):
    n = find_entity(sample, "National Center for Atmospheric Research")
    assert sample.nodes[n]["kind"] == "organization"
    return n


def test_ncar_reaches_big_with_evidence_on_every_hop(sample, ncar):
    df = trace(sample, "NCAR", "BIG", k=3)
    first = df[df.path == 1]
    assert first["source"].iloc[0] == ncar
    assert first["target_name"].iloc[-1] == "Beijing Institute of Genomics"
    names = first["target_name"].tolist()
    # through the MoU with CNIC, up to CAS, down to BIG (not through the roundtable hub)
    assert names == ["Memorandum of Understanding between CNIC and NCAR", "Computer Network Information Center",
                     "Chinese Academy of Sciences", "Beijing Institute of Genomics"]
    for _, hop in df.iterrows():
        assert hop["document"], hop  # every hop cites a document or the curated registry
        if hop["document"] != REGISTRY:
            assert isinstance(hop["quote"], str) and len(hop["quote"]) > 20
    mou = first[first["target_name"].str.contains("Memorandum")].iloc[0]
    assert "National Center for Atmospheric Research (NCAR)" in mou["quote"]
    assert mou["document_title"] == "China-US Roundtable on Scientific Data Cooperation"


def test_names_aliases_and_misspellings(sample, ncar):
    assert find_entity(sample, "ncar") == ncar
    assert find_entity(sample, "U.S. National Center for Atmospheric Research") == ncar
    assert find_entity(sample, "Natonal Center for Atmospheric Research") == ncar
    with pytest.raises(EntityNotFound) as e:
        find_entity(sample, "Quaid University")
    assert "Quaid-i-Azam University" in e.value.suggestions


def test_collaboration_network_links_organizations(sample, ncar):
    C = collapse(sample, keep=["organization"])
    assert {d["kind"] for _, d in C.nodes(data=True)} == {"organization"}
    cnic = find_entity(C, "CNIC")
    assert C.has_edge(ncar, cnic)
    assert any(st.get("via_kind") == "agreement" for st in C.edges[ncar, cnic]["statements"])


def test_stats_on_the_sample(sample):
    r = stats(sample, top=3, kinds=["organization"])
    assert set(r["centrality"]["kind"]) == {"organization"} and len(r["centrality"]) == 3
    assert r["centrality"].attrs["betweenness_method"] == "exact (networkx)"
    assert r["communities"]["size"].sum() == sample.number_of_nodes()
    assert len(r["brokers"]) == 3 and (r["brokers"]["kind"] == "organization").all()


def test_time_slices_on_the_sample(sample):
    from collabkg.graph.analysis import time_slice

    events = {d["name"]: d["start"] for _, d in sample.nodes(data=True) if d["kind"] == "event"}
    assert events["First US-China Roundtable"] == 2006 and events["Fifth US-China Roundtable"] == 2011
    early = time_slice(sample, as_of=2008)
    names = {d["name"] for _, d in early.nodes(data=True)}
    assert {"First US-China Roundtable", "Second US-China Roundtable"} <= names
    assert "Fifth US-China Roundtable" not in names and "Third US-China Roundtable" not in names
    mid = time_slice(sample, between=(2009, 2010))
    names = {d["name"] for _, d in mid.nodes(data=True) if d["kind"] == "event"}
    assert {"Third US-China Roundtable", "Fourth US-China Roundtable"} <= names
    assert "First US-China Roundtable" not in names
