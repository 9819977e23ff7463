"""Communities (Louvain or greedy modularity) and brokers (high betweenness, bridges).

Examples
--------
>>> import networkx as nx
>>> G = nx.barbell_graph(4, 1)
>>> df = communities(G)
>>> df.groupby("community").size().tolist()
[5, 4]
>>> brokers(G, top=1)["node"].tolist()
[4]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from collabkg.graph.analysis.centrality import betweenness

__all__ = ["communities", "community_summary", "brokers", "IGRAPH_MIN_NODES"]

#: From this many nodes Louvain runs in igraph's C implementation when igraph is installed
#: (``pip install collabkg[fast]``): at 100,000 nodes 4.5 s instead of 75 s for networkx's, with the
#: same modularity (benchmarks/RESULTS.md). Smaller graphs keep networkx's (seeded, pure Python).
IGRAPH_MIN_NODES = 5_000


def communities(G: nx.Graph, *, method: str = "louvain", seed: int = 0, resolution: float = 1.0) -> pd.DataFrame:
    """Partition the graph into communities by modularity.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph.
    method : {"louvain", "greedy"}
        :func:`networkx.community.louvain_communities` (fast, seeded) or
        :func:`networkx.community.greedy_modularity_communities` (Clauset-Newman-Moore). From
        ``IGRAPH_MIN_NODES`` nodes, Louvain runs in igraph (``Graph.community_multilevel``) if it
        is installed; ``df.attrs["method"]`` then says ``"louvain (igraph)"``.
    seed : int
        Seed for Louvain (both implementations are deterministic for a given seed).
    resolution : float
        Modularity resolution (below 1: fewer, larger communities).

    Returns
    -------
    pandas.DataFrame
        Columns ``node, name, kind, community`` (communities numbered from 0, largest first);
        ``df.attrs`` has ``method`` and ``modularity``.

    Raises
    ------
    ValueError
        For an unknown method.

    Examples
    --------
    >>> df = communities(nx.barbell_graph(3, 0), method="greedy")
    >>> sorted(df["community"].value_counts().tolist()), round(df.attrs["modularity"], 3)
    ([3, 3], 0.357)
    """
    how = method
    if G.number_of_nodes() == 0:
        parts = []
    elif method == "louvain" and G.number_of_nodes() >= IGRAPH_MIN_NODES and (ig_parts := _igraph_louvain(G, seed, resolution)) is not None:
        parts, how = ig_parts, "louvain (igraph)"
    elif method == "louvain":
        parts = nx.community.louvain_communities(G, seed=seed, resolution=resolution)
    elif method == "greedy":
        parts = nx.community.greedy_modularity_communities(G, resolution=resolution)
    else:
        raise ValueError(f"unknown community method {method!r}; use louvain or greedy")
    parts = sorted((sorted(p, key=str) for p in parts), key=lambda p: (-len(p), str(p[0])))
    rows = [
        {"node": v, "name": G.nodes[v].get("name", str(v)), "kind": G.nodes[v].get("kind"), "community": i}
        for i, part in enumerate(parts) for v in part
    ]
    df = pd.DataFrame(rows, columns=["node", "name", "kind", "community"])
    df.attrs["method"] = how
    df.attrs["modularity"] = (nx.community.modularity(G, parts, resolution=resolution)
                              if G.number_of_edges() else 0.0)
    return df


def _igraph_louvain(G: nx.Graph, seed: int, resolution: float) -> list[set] | None:
    """Louvain in igraph's C code (edge weights ``weight`` as networkx reads them), or None without igraph."""
    try:
        import igraph as ig
    except ImportError:
        return None
    import random

    nodes = list(G.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges, weights = [], []
    for a, b, w in G.edges(data="weight", default=1):
        edges.append((index[a], index[b]))
        weights.append(float(w))
    g = ig.Graph(n=len(nodes), edges=edges)
    ig.set_random_number_generator(random.Random(seed))
    try:
        clustering = g.community_multilevel(weights=weights or None, resolution=resolution)
    finally:
        ig.set_random_number_generator(random)  # igraph's default: the random module itself
    return [{nodes[i] for i in part} for part in clustering]


def community_summary(members: pd.DataFrame, *, names: int = 3) -> pd.DataFrame:
    """One row per community: size, kinds, and its best-connected members' names.

    Parameters
    ----------
    members : pandas.DataFrame
        The result of :func:`communities`.
    names : int
        How many names to list per community (in the order of ``members``).

    Examples
    --------
    >>> community_summary(communities(nx.barbell_graph(3, 0)))["size"].tolist()
    [3, 3]
    """
    rows = []
    for cid, grp in members.groupby("community", sort=True):
        kinds = grp["kind"].fillna("?").value_counts()
        rows.append({"community": cid, "size": len(grp),
                     "kinds": ", ".join(f"{k} {c}" for k, c in kinds.items()),
                     "members": "; ".join(map(str, grp["name"].head(names)))})
    out = pd.DataFrame(rows, columns=["community", "size", "kinds", "members"])
    out.attrs.update(members.attrs)
    return out


def brokers(G: nx.Graph, *, top: int = 10, community: pd.DataFrame | None = None, method: str = "auto",
            samples: int = 64, seed: int = 0) -> pd.DataFrame:
    """Nodes that broker between parts of the network.

    A broker has high betweenness and ties communities together: reported per node are its
    betweenness, how many communities its neighbours (and itself) belong to, how many bridges
    (edges whose removal disconnects the graph) touch it, and whether it is an articulation point.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph.
    top : int
        How many brokers, by betweenness.
    community : pandas.DataFrame, optional
        A :func:`communities` result (computed with Louvain if not given).
    method, samples, seed
        How betweenness is computed (see :func:`collabkg.graph.analysis.centrality.betweenness`).

    Returns
    -------
    pandas.DataFrame
        Columns ``node, name, kind, betweenness, communities_bridged, bridges, articulation``;
        ``df.attrs["betweenness_method"]`` says how betweenness was computed.

    Examples
    --------
    >>> df = brokers(nx.barbell_graph(3, 0), top=2)
    >>> df[["bridges", "communities_bridged", "articulation"]].values.tolist()
    [[1, 2, True], [1, 2, True]]
    """
    bc, how = betweenness(G, method=method, samples=samples, seed=seed)
    if community is None:
        community = communities(G, seed=seed)
    comm = dict(zip(community["node"], community["community"]))
    bridge_count: dict = {}
    for u, v in nx.bridges(G):
        bridge_count[u] = bridge_count.get(u, 0) + 1
        bridge_count[v] = bridge_count.get(v, 0) + 1
    cut = set(nx.articulation_points(G))
    best = sorted(G, key=lambda v: (-bc.get(v, 0.0), -G.degree(v), str(v)))[:top]
    rows = []
    for v in best:
        bridged = {comm.get(v)} | {comm.get(w) for w in G[v]}
        bridged.discard(None)
        rows.append({"node": v, "name": G.nodes[v].get("name", str(v)), "kind": G.nodes[v].get("kind"),
                     "betweenness": bc.get(v, 0.0), "communities_bridged": len(bridged),
                     "bridges": bridge_count.get(v, 0), "articulation": v in cut})
    df = pd.DataFrame(rows, columns=["node", "name", "kind", "betweenness", "communities_bridged", "bridges",
                                     "articulation"])
    df.attrs["betweenness_method"] = how
    return df
