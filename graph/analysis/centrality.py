"""Centrality of the projected graph: degree, betweenness, eigenvector, as pandas DataFrames.

Exact betweenness in networkx takes minutes from about 10k nodes, so the method depends on size
and is always reported (``df.attrs["betweenness_method"]``):

- up to :data:`NX_EXACT_MAX` nodes: exact, networkx;
- up to :data:`RX_EXACT_MAX` nodes: exact, rustworkx (Brandes in Rust, multithreaded);
- above: an estimate from ``samples`` random source nodes (Brandes' accumulation from each
  sampled source, scaled by n / samples), vectorised over the graph's CSR arrays with numpy.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(5)
>>> df = centrality(G)
>>> df["betweenness"].round(3).tolist()
[0.667, 0.5, 0.5, 0.0, 0.0]
>>> df.attrs["betweenness_method"]
'exact (networkx)'
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx
import numpy as np
import pandas as pd

__all__ = ["centrality", "top_by_kind", "betweenness", "eigenvector", "sampled_betweenness",
           "NX_EXACT_MAX", "RX_EXACT_MAX"]

#: Largest graph (nodes) whose betweenness networkx computes exactly.
NX_EXACT_MAX = 1_000
#: Largest graph (nodes) whose betweenness rustworkx computes exactly; above, it is sampled.
RX_EXACT_MAX = 5_000


def _csr(G: nx.Graph):
    nodes = list(G)
    pos = {n: i for i, n in enumerate(nodes)}
    m = G.number_of_edges()
    u = np.fromiter((pos[a] for a, b in G.edges() if a != b), dtype=np.int64, count=-1)
    v = np.fromiter((pos[b] for a, b in G.edges() if a != b), dtype=np.int64, count=-1)
    del m
    src = np.concatenate([u, v])
    dst = np.concatenate([v, u])
    order = np.argsort(src, kind="stable")
    indices = dst[order]
    indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=len(nodes)), out=indptr[1:])
    return nodes, indptr, indices


def _expand(frontier: np.ndarray, indptr: np.ndarray, indices: np.ndarray):
    """All (source, neighbour) pairs of the frontier's adjacency lists, as two arrays."""
    starts = indptr[frontier]
    counts = indptr[frontier + 1] - starts
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    src = np.repeat(frontier, counts)
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    return src, indices[np.arange(total) + offsets]


def sampled_betweenness(G: nx.Graph, samples: int = 64, *, seed: int = 0, normalized: bool = True) -> dict:
    """Estimate betweenness from ``samples`` random sources (Brandes 2008 pivot sampling).

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph.
    samples : int
        Number of source nodes; with ``samples >= len(G)`` every node is a source and the
        result is exact.
    seed : int
        Seed of the sample.
    normalized : bool
        Normalise as networkx does (by ``(n-1)(n-2)/2`` for undirected graphs).

    Returns
    -------
    dict
        node -> betweenness.

    Examples
    --------
    >>> G = nx.karate_club_graph()
    >>> exact = nx.betweenness_centrality(G)
    >>> est = sampled_betweenness(G, samples=len(G))
    >>> max(abs(exact[n] - est[n]) for n in G) < 1e-9
    True

    Notes
    -----
    Level-synchronous breadth-first search from each source over numpy CSR arrays, then the
    dependency accumulation level by level backwards: O(samples * (n + m)) array operations.
    """
    nodes, indptr, indices = _csr(G)
    n = len(nodes)
    if n < 3:
        return {v: 0.0 for v in nodes}
    rng = np.random.default_rng(seed)
    k = min(samples, n)
    sources = np.arange(n) if k >= n else rng.choice(n, size=k, replace=False)
    bc = np.zeros(n)
    dist = np.full(n, -1, dtype=np.int64)
    sigma = np.zeros(n)
    delta = np.zeros(n)
    for s in sources:
        dist[:] = -1
        sigma[:] = 0.0
        delta[:] = 0.0
        dist[s], sigma[s] = 0, 1.0
        frontier = np.array([s], dtype=np.int64)
        levels = []  # per level: (parent, child) edge arrays of the shortest-path DAG
        d = 0
        while frontier.size:
            src, dst = _expand(frontier, indptr, indices)
            new = dst[dist[dst] == -1]
            new = np.unique(new)
            dist[new] = d + 1
            on_dag = dist[dst] == d + 1
            p, c = src[on_dag], dst[on_dag]
            if p.size:
                sigma += np.bincount(c, weights=sigma[p], minlength=n)
                levels.append((p, c))
            frontier = new
            d += 1
        for p, c in reversed(levels):
            delta += np.bincount(p, weights=sigma[p] / sigma[c] * (1.0 + delta[c]), minlength=n)
        delta[s] = 0.0
        bc += delta
    bc *= n / k  # scale the sample to all sources
    bc /= 2.0  # undirected: each pair counted from both ends
    if normalized:
        bc *= 2.0 / ((n - 1) * (n - 2))
    return dict(zip(nodes, bc.tolist()))


def betweenness(G: nx.Graph, *, method: str = "auto", samples: int = 64, seed: int = 0) -> tuple[dict, str]:
    """Return ``(node -> betweenness, description of the method used)``.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph.
    method : {"auto", "networkx", "rustworkx", "sampled"}
        ``"auto"`` picks by size (see the module docstring).
    samples, seed : int
        For the sampled estimate.

    Returns
    -------
    (dict, str)

    Raises
    ------
    ValueError
        For an unknown method.

    Examples
    --------
    >>> bc, how = betweenness(nx.star_graph(3), method="rustworkx")
    >>> bc[0], how
    (1.0, 'exact (rustworkx)')
    """
    n = G.number_of_nodes()
    if method == "auto":
        method = "networkx" if n <= NX_EXACT_MAX else "rustworkx" if n <= RX_EXACT_MAX else "sampled"
    if method == "networkx":
        return nx.betweenness_centrality(G), "exact (networkx)"
    if method == "rustworkx":
        import rustworkx as rx

        R, nodes = _to_rx(G)
        scores = rx.graph_betweenness_centrality(R, normalized=True)
        return {nodes[i]: scores[i] for i in range(len(nodes))}, "exact (rustworkx)"
    if method == "sampled":
        k = min(samples, n)
        how = "exact (all sources, numpy)" if k >= n else f"estimate ({k} sampled sources, seed {seed})"
        return sampled_betweenness(G, samples=samples, seed=seed), how
    raise ValueError(f"unknown betweenness method {method!r}; use auto, networkx, rustworkx or sampled")


def _to_rx(G: nx.Graph):
    import rustworkx as rx

    R = rx.PyGraph(multigraph=False)
    nodes = list(G)
    R.add_nodes_from(range(len(nodes)))
    pos = {v: i for i, v in enumerate(nodes)}
    R.add_edges_from_no_data([(pos[a], pos[b]) for a, b in G.edges() if a != b])
    return R, nodes


def eigenvector(G: nx.Graph) -> dict:
    """Eigenvector centrality, computed by rustworkx's power iteration (0 for isolated nodes).

    Examples
    --------
    >>> ev = eigenvector(nx.star_graph(3))
    >>> round(ev[0], 3), round(ev[1], 3)
    (0.707, 0.408)
    """
    import rustworkx as rx

    if G.number_of_edges() == 0:
        return {v: 0.0 for v in G}
    R, nodes = _to_rx(G)
    try:
        scores = rx.eigenvector_centrality(R, max_iter=1000, tol=1e-6)
    except rx.FailedToConverge:  # pragma: no cover - bipartite graphs can oscillate
        scores = nx.eigenvector_centrality(nx.Graph(G), max_iter=1000, tol=1e-4)
        return scores
    return {nodes[i]: scores[i] for i in range(len(nodes))}


def centrality(G: nx.Graph, *, kinds: Iterable[str] | None = None, top: int | None = None,
               method: str = "auto", samples: int = 64, seed: int = 0) -> pd.DataFrame:
    """Degree, betweenness and eigenvector centrality of every node, as a DataFrame.

    Parameters
    ----------
    G : networkx.Graph
        A projected graph (or any undirected graph; ``name`` / ``kind`` node attributes are
        used when present).
    kinds : iterable of str, optional
        Only report nodes of these kinds (computed on the whole graph).
    top : int, optional
        Keep the ``top`` nodes by betweenness *per kind*.
    method, samples, seed
        How betweenness is computed (see :func:`betweenness`).

    Returns
    -------
    pandas.DataFrame
        Columns ``node, name, kind, degree, degree_centrality, betweenness, eigenvector``,
        sorted by betweenness (descending). ``df.attrs["betweenness_method"]`` says how
        betweenness was computed.

    Examples
    --------
    >>> G = nx.star_graph(3)
    >>> nx.set_node_attributes(G, "organization", "kind")
    >>> centrality(G, top=1)[["node", "degree", "betweenness"]].to_dict("records")
    [{'node': 0, 'degree': 3, 'betweenness': 1.0}]
    """
    bc, how = betweenness(G, method=method, samples=samples, seed=seed)
    ev = eigenvector(G)
    dc = nx.degree_centrality(G) if len(G) > 1 else {v: 0.0 for v in G}
    rows = [
        {"node": v, "name": d.get("name", str(v)), "kind": d.get("kind"), "degree": G.degree(v),
         "degree_centrality": dc[v], "betweenness": bc.get(v, 0.0), "eigenvector": ev.get(v, 0.0)}
        for v, d in G.nodes(data=True)
        if kinds is None or d.get("kind") in set(kinds)
    ]
    df = pd.DataFrame(rows, columns=["node", "name", "kind", "degree", "degree_centrality", "betweenness",
                                     "eigenvector"])
    df = df.sort_values(["betweenness", "degree"], ascending=False, kind="stable").reset_index(drop=True)
    if top is not None:
        df = top_by_kind(df, top)
    df.attrs["betweenness_method"] = how
    return df


def top_by_kind(df: pd.DataFrame, n: int, *, by: str = "betweenness") -> pd.DataFrame:
    """Keep the ``n`` highest rows by ``by`` within each kind.

    Examples
    --------
    >>> df = pd.DataFrame({"kind": ["a", "b", "a", "a"], "betweenness": [0.1, 0.2, 0.3, 0.05]})
    >>> top_by_kind(df, 2)[["kind", "betweenness"]].values.tolist()
    [['a', 0.3], ['a', 0.1], ['b', 0.2]]
    """
    attrs = dict(df.attrs)
    out = df.sort_values(by, ascending=False, kind="stable").groupby("kind", dropna=False, sort=False).head(n)
    # kinds kept together, the kind with the highest value first
    rank = {k: i for i, k in enumerate(out["kind"].drop_duplicates())}
    out = out.assign(_rank=out["kind"].map(rank)).sort_values(["_rank", by], ascending=[True, False], kind="stable")
    out = out.drop(columns="_rank").reset_index(drop=True)
    out.attrs.update(attrs)
    return out
