"""The networkx projection of the store: nodes, edges, evidence, collapse, time slices."""

import networkx as nx
import pytest

from collabkg.graph.analysis import collapse, project, restrict_kinds, time_slice
from ckg_ids import BIG, CAS, CNIC, NCAR

MOU = "https://w3id.org/collabkg/id/agreement/mou-cnic-ncar"


def test_entities_are_nodes_with_kind_name_aliases(mini):
    d = mini.nodes[NCAR]
    assert d["kind"] == "organization"
    assert d["name"] == "National Center for Atmospheric Research"
    assert "NCAR" in d["aliases"]
    assert "ResearchCenter" in d["types"]
    # documents and evidence are the evidence, not entities
    assert {d["kind"] for _, d in mini.nodes(data=True)}.isdisjoint({"document", "evidence"})
    assert not any("/statement/" in n for n in mini)


def test_nary_facts_are_nodes_and_statements_carry_evidence(mini):
    assert mini.nodes[MOU]["kind"] == "agreement"
    assert mini.nodes[MOU]["attributes"]["ckg:status"] == "Established"
    edge = mini.edges[MOU, NCAR]
    assert edge["relation"] == "party"
    (st,) = edge["statements"]
    assert (st["source"], st["target"], st["predicate"]) == (MOU, NCAR, "ckg:party")
    ev = st["evidence"][0]
    assert ev["quote"].startswith("Memorandum of Understanding between the CAS Computer Network")
    assert ev["document"] == "https://w3id.org/collabkg/id/document/codata-china-us-roundtable"
    assert ev["title"] == "China-US Roundtable on Scientific Data Cooperation"
    assert ev["method"] == "rule:mou-between"


def test_registry_statements_cite_the_registry(mini):
    (st,) = mini.edges[BIG, CAS]["statements"]
    assert st["relation"] == "part of"
    assert st["evidence"][0]["document"] == "https://w3id.org/collabkg/id/graph/registry"
    assert st["evidence"][0]["quote"] is None


def test_labelled_iri_values_become_attributes_not_nodes(mini):
    post = "https://w3id.org/collabkg/id/post/bao-yiming-director-big-data-center"
    assert mini.nodes[post]["attributes"]["org:role"] == "Director"
    assert "https://w3id.org/collabkg/id/role/director" not in mini


def test_dates(mini):
    assert mini.nodes["https://w3id.org/collabkg/id/event/first-us-china-roundtable"]["start"] == 2006
    # an edge at a dated fact takes the fact's date; others the document's
    assert mini.edges["https://w3id.org/collabkg/id/event/first-us-china-roundtable", NCAR]["start"] == 2006
    assert mini.edges[MOU, NCAR]["start"] == 2022
    assert mini.edges[BIG, CAS]["start"] is None


def test_include_and_exclude_kinds(mini_store):
    G = project(mini_store, exclude_kinds=["place"])
    assert not any(d["kind"] == "place" for _, d in G.nodes(data=True))
    O = project(mini_store, include_kinds=["organization"])
    assert {d["kind"] for _, d in O.nodes(data=True)} == {"organization"}
    assert O.has_edge(CNIC, CAS)


def test_collapse_into_collaboration_network(mini):
    C = collapse(mini, keep=["organization"])
    assert {d["kind"] for _, d in C.nodes(data=True)} == {"organization"}
    edge = C.edges[NCAR, CNIC]
    assert edge["relation"] == "agreement: Memorandum of Understanding between CNIC and NCAR"
    (st,) = edge["statements"]
    assert st["via"] == MOU and st["via_kind"] == "agreement"
    assert st["evidence"][0]["quote"].startswith("Memorandum of Understanding")
    # a meeting with three attending bodies links each pair
    qau = "https://w3id.org/collabkg/id/organization/quaid-i-azam-university"
    assert C.edges[qau, BIG]["statements"][0]["via_kind"] == "event"
    # direct links between kept nodes stay
    assert C.edges[CNIC, CAS]["relation"] == "part of"
    assert C.graph["mode"] == "collapsed"


def test_collapse_with_people_keeps_posts_as_links(mini):
    C = collapse(mini, keep=["organization", "person"])
    bao = "https://w3id.org/collabkg/id/person/bao-yiming"
    center = "https://w3id.org/collabkg/id/organization/big-data-center"
    assert C.edges[bao, center]["relation"] == "post: Director of BIG Data Center"


def test_time_slice_as_of(mini):
    H = time_slice(mini, as_of=2010)
    assert "https://w3id.org/collabkg/id/event/initiating-meeting" not in H
    assert "https://w3id.org/collabkg/id/event/first-us-china-roundtable" in H
    assert H.has_edge("https://w3id.org/collabkg/id/event/first-us-china-roundtable", NCAR)
    assert not H.has_edge(MOU, NCAR)  # stated only by a 2022 document
    assert H.has_edge(BIG, CAS)  # undated registry fact stays
    assert H.graph["as_of"] == 2010


def test_time_slice_between(mini):
    H = time_slice(mini, between=(2017, 2019))
    assert "https://w3id.org/collabkg/id/event/initiating-meeting" in H
    assert "https://w3id.org/collabkg/id/event/first-us-china-roundtable" not in H
    with pytest.raises(ValueError):
        time_slice(mini, between=(2019, 2017))
    with pytest.raises(ValueError):
        time_slice(mini)


def test_restrict_kinds(mini):
    H = restrict_kinds(mini, ["organization", "agreement"])
    assert H.has_edge(MOU, CNIC)
    assert nx.is_frozen(H) is False
