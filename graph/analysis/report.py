"""Everything ``collabkg stats`` prints, as one call returning pandas DataFrames.

Examples
--------
>>> from collabkg.graph.analysis.projection import project, example_store
>>> r = stats(project(example_store()), top=2)
>>> sorted(r)
['brokers', 'centrality', 'communities', 'graph', 'members']
>>> r["graph"]["nodes"], r["centrality"].attrs["betweenness_method"]
(4, 'exact (networkx)')
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

import networkx as nx

from collabkg.graph.analysis.centrality import centrality
from collabkg.graph.analysis.communities import brokers, communities, community_summary

__all__ = ["stats"]


def stats(G: nx.Graph, *, top: int = 10, kinds: Iterable[str] | None = None, method: str = "auto",
          community_method: str = "louvain", samples: int = 64, seed: int = 0) -> dict:
    """Centralities (top N by kind), communities and brokers of a projected graph.

    Parameters
    ----------
    G : networkx.Graph
        A projected graph.
    top : int
        Rows per kind in the centrality table, rows in the brokers table.
    kinds : iterable of str, optional
        Only report nodes of these kinds (the measures are computed on the whole graph).
    method, samples, seed
        How betweenness is computed (see :func:`collabkg.graph.analysis.centrality.betweenness`).
    community_method : {"louvain", "greedy"}
        See :func:`collabkg.graph.analysis.communities.communities`.

    Returns
    -------
    dict
        ``graph`` (a dict: nodes, edges, components, kinds, mode, time window), ``centrality``,
        ``members`` (node -> community), ``communities`` (one row per community) and
        ``brokers`` DataFrames. Each DataFrame's ``attrs`` say how it was computed.
    """
    kinds = list(kinds) if kinds is not None else None
    cent = centrality(G, kinds=kinds, top=top, method=method, samples=samples, seed=seed)
    members = communities(G, method=community_method, seed=seed)
    # name each community by its best-connected members
    by_degree = members.assign(_d=[G.degree(v) for v in members["node"]])
    by_degree = by_degree.sort_values(["community", "_d"], ascending=[True, False], kind="stable")
    summary = community_summary(by_degree.drop(columns="_d"))
    brok = brokers(G, top=top if kinds is None else len(G), community=members, method=method,
                   samples=samples, seed=seed)
    if kinds is not None:
        how = brok.attrs["betweenness_method"]
        brok = brok[brok["kind"].isin(kinds)].head(top).reset_index(drop=True)
        brok.attrs["betweenness_method"] = how
    info = {
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "components": nx.number_connected_components(G) if len(G) else 0,
        "kinds": dict(Counter(d.get("kind") for _, d in G.nodes(data=True)).most_common()),
        "mode": G.graph.get("mode", "full"), "as_of": G.graph.get("as_of"), "between": G.graph.get("between"),
    }
    return {"graph": info, "centrality": cent, "members": members, "communities": summary, "brokers": brok}
