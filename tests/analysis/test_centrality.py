"""Centrality and communities, and the betweenness method switch."""

import importlib

import networkx as nx
import pytest

from collabkg.graph.analysis import (betweenness, brokers, centrality, communities, community_summary,
                                     sampled_betweenness)
from ckg_ids import CNIC

cmod = importlib.import_module("collabkg.graph.analysis.centrality")


def test_centrality_frame(mini):
    df = centrality(mini)
    assert list(df.columns) == ["node", "name", "kind", "degree", "degree_centrality", "betweenness", "eigenvector"]
    assert len(df) == mini.number_of_nodes()
    assert df["node"].iloc[0] == CNIC  # the hub between the MoUs and CAS
    assert df.attrs["betweenness_method"] == "exact (networkx)"
    assert df["betweenness"].is_monotonic_decreasing


def test_top_by_kind(mini):
    df = centrality(mini, top=2)
    assert df.groupby("kind").size().max() <= 2
    assert set(df["kind"]) == {d["kind"] for _, d in mini.nodes(data=True)}
    orgs = centrality(mini, kinds=["organization"])
    assert set(orgs["kind"]) == {"organization"}


@pytest.mark.parametrize("method", ["networkx", "rustworkx", "sampled"])
def test_methods_agree_exactly_on_small_graphs(method):
    G = nx.les_miserables_graph()
    exact = nx.betweenness_centrality(G)
    got, how = betweenness(G, method=method, samples=len(G))
    assert how.startswith("exact")
    assert max(abs(exact[v] - got[v]) for v in G) < 1e-9


def test_auto_switches_to_rustworkx_then_sampling(monkeypatch):
    G = nx.barabasi_albert_graph(300, 2, seed=1)
    monkeypatch.setattr(cmod, "NX_EXACT_MAX", 100)
    assert betweenness(G)[1] == "exact (rustworkx)"
    monkeypatch.setattr(cmod, "RX_EXACT_MAX", 200)
    bc, how = betweenness(G, samples=100, seed=3)
    assert how == "estimate (100 sampled sources, seed 3)"
    exact = nx.betweenness_centrality(G)
    top_exact = sorted(G, key=exact.get, reverse=True)[:5]
    top_est = sorted(G, key=bc.get, reverse=True)[:10]
    assert set(top_exact[:3]) <= set(top_est)
    assert centrality(G).attrs["betweenness_method"] == "estimate (64 sampled sources, seed 0)"


def test_sampled_betweenness_disconnected():
    G = nx.disjoint_union(nx.path_graph(4), nx.path_graph(3))
    assert sampled_betweenness(G, samples=7) == pytest.approx(nx.betweenness_centrality(G))


def test_communities_and_brokers(mini):
    members = communities(mini)
    assert set(members["node"]) == set(mini)
    assert members.attrs["modularity"] > 0.3
    summary = community_summary(members)
    assert summary["size"].sum() == mini.number_of_nodes()
    greedy = communities(mini, method="greedy")
    assert greedy["community"].nunique() >= 2
    b = brokers(mini, top=3, community=members)
    assert b["node"].iloc[0] == CNIC
    assert bool(b["articulation"].iloc[0]) and b["communities_bridged"].iloc[0] >= 2
    with pytest.raises(ValueError):
        communities(mini, method="magic")


def test_large_graphs_run_louvain_in_igraph_with_networkx_quality(monkeypatch):
    """Above IGRAPH_MIN_NODES Louvain runs in igraph: same kind of partition, seeded, said in attrs."""
    pytest.importorskip("igraph")  # in the test extra; skipped only where collabkg[fast] is absent
    comm_mod = importlib.import_module("collabkg.graph.analysis.communities")
    G = nx.relabel_nodes(nx.planted_partition_graph(12, 40, 0.3, 0.005, seed=1), lambda i: f"n{i}")
    for u, v in list(G.edges)[::3]:
        G.edges[u, v]["weight"] = 2.0
    small = communities(G)
    assert small.attrs["method"] == "louvain"
    monkeypatch.setattr(comm_mod, "IGRAPH_MIN_NODES", 100)
    big = communities(G, seed=7)
    assert big.attrs["method"] == "louvain (igraph)"
    assert set(big["node"]) == set(G) and len(big) == len(G)
    assert big.attrs["modularity"] >= small.attrs["modularity"] - 0.02
    assert 10 <= big["community"].nunique() <= 14  # the 12 planted groups, give or take a merge or split
    again = communities(G, seed=7)
    assert again["community"].tolist() == big["community"].tolist()  # seeded: the same partition
    # without igraph: networkx's Louvain, whatever the size
    monkeypatch.setattr(comm_mod, "_igraph_louvain", lambda *a: None)
    assert communities(G).attrs["method"] == "louvain"
