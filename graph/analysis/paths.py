"""Tracing how two entities are connected: name lookup, k shortest paths, hops with evidence.

Examples
--------
>>> from collabkg.graph.analysis.projection import project, example_store
>>> G = project(example_store())
>>> find_entity(G, "alpha institute")
'https://w3id.org/collabkg/id/organization/a'
>>> df = trace(G, "Gamma University", "Beta Center")
>>> df[["source_name", "relation", "target_name"]].values.tolist()
[['Gamma University', 'part of', 'Alpha Institute'], ['Alpha Institute', 'party', 'Alpha-Beta MoU'], ['Alpha-Beta MoU', 'party', 'Beta Center']]
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
import weakref
from itertools import islice
from typing import Iterable

import networkx as nx
import pandas as pd

from collabkg.errors import EntityNotFound, NoPath

__all__ = ["find_entity", "resolve_entity", "looks_like_acronym", "k_shortest_paths", "hops", "trace", "normalize_name", "TRACE_COLUMNS"]

#: Columns of the DataFrame :func:`trace` returns (one row per hop).
TRACE_COLUMNS = [
    "path", "hop", "source", "source_name", "source_kind", "relation", "direction", "target",
    "target_name", "target_kind", "quote", "document", "document_title", "evidence",
]


# per-graph caches (name lookup index, kinds present), dropped with the graph; a cache is
# rebuilt when the graph's node count changes
_NAME_INDEX: "weakref.WeakKeyDictionary[nx.Graph, tuple]" = weakref.WeakKeyDictionary()
_KINDS: "weakref.WeakKeyDictionary[nx.Graph, tuple]" = weakref.WeakKeyDictionary()
_WORDS: "weakref.WeakKeyDictionary[nx.Graph, tuple]" = weakref.WeakKeyDictionary()


def normalize_name(name: str) -> str:
    """Fold a name for lookup: NFKC, case-folded, punctuation to spaces, spaces collapsed.

    Examples
    --------
    >>> normalize_name("  U.S. National-Center ")
    'u s national center'
    """
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"[\W_]+", " ", s)
    return s.strip()


def _index(G: nx.Graph) -> dict[str, dict[str, int]]:
    """normalized name -> {node: rank}; rank 0 = canonical name, 1 = alias/acronym. Cached per graph."""
    cache = _NAME_INDEX.get(G)
    if cache is not None and cache[0] == G.number_of_nodes():
        return cache[1]
    index: dict[str, dict[str, int]] = {}
    for n, d in G.nodes(data=True):
        for rank, names in ((0, [d.get("name")]), (1, d.get("aliases") or ())):
            for name in names:
                if not name:
                    continue
                key = normalize_name(name)
                if key:
                    slot = index.setdefault(key, {})
                    slot[n] = min(rank, slot.get(n, rank))
    _NAME_INDEX[G] = (G.number_of_nodes(), index)
    return index


#: Extra shortest paths found to break ties between equally short paths (see k_shortest_paths).
TIE_CANDIDATES = 3
#: Largest graph (nodes) on which ties are broken (each extra path costs a few BFS).
TIE_BREAK_MAX_NODES = 200_000

#: Names compared letter by letter with a misspelt query, at most (rarest shared words first).
MAX_CANDIDATES = 20_000


def _candidates(G: nx.Graph, index: dict, key: str) -> list[str]:
    """Names worth comparing with ``key``: all of them on small graphs; else those sharing a
    word with it (rarest words first, up to :data:`MAX_CANDIDATES`), or its first letter."""
    if len(index) <= MAX_CANDIDATES:
        return list(index)
    cache = _WORDS.get(G)
    if cache is None or cache[0] != G.number_of_nodes():
        words: dict[str, list[str]] = {}
        for k in index:
            for w in set(k.split()):
                words.setdefault(w, []).append(k)
        cache = _WORDS[G] = (G.number_of_nodes(), words)
    words = cache[1]
    found: dict[str, None] = {}
    for w in sorted((w for w in set(key.split()) if w in words), key=lambda w: len(words[w])):
        found.update(dict.fromkeys(words[w][:MAX_CANDIDATES]))
        if len(found) >= MAX_CANDIDATES:
            break
    if not found:
        found = dict.fromkeys(k for k in index if k[:1] == key[:1])
    return list(found)[:MAX_CANDIDATES]


def _describe(G: nx.Graph, n) -> str:
    d = G.nodes[n]
    return f"{d.get('name') or n} ({d.get('kind')}, {n})"


def looks_like_acronym(name: str) -> bool:
    """A short single word, or one written in capitals: ``NASA``, ``U.S.G.S.``, ``cnic``, ``CAS-BIC``.

    Close spellings of these are never accepted: ``NASA`` is not ``NAS``, another body.

    >>> [looks_like_acronym(n) for n in ("NASA", "nas", "U.S.G.S.", "Gama Univercity", "Beijing")]
    [True, True, True, False, False]
    """
    words = normalize_name(name).split()
    letters = [c for c in name if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters)
    return bool(words) and ((len(words) == 1 and len(words[0]) <= 5) or (capitals and len(words) <= 3 and max(map(len, words)) <= 6) or all(len(w) == 1 for w in words))


def find_entity(G: nx.Graph, name: str, *, kinds: Iterable[str] | None = None, cutoff: float = 0.85,
                margin: float = 0.02) -> str:
    """Return the node named ``name``: by IRI, canonical name, alias or acronym, or close spelling.

    :func:`resolve_entity` also says how (a close spelling is a guess the caller should report).

    Parameters
    ----------
    G : networkx.Graph
        A projected graph.
    name : str
        An IRI, a name, an alias or acronym (case and punctuation ignored), or a close spelling.
    kinds : iterable of str, optional
        Only consider nodes of these kinds.
    cutoff : float
        Similarity (0-1) a close spelling needs to be accepted when it is the only one that
        close; lower matches are only suggested.
    margin : float
        When several names are that close, the closest is accepted if it beats the next by
        this much; otherwise the name is ambiguous.

    Returns
    -------
    str
        The node key.

    Raises
    ------
    collabkg.errors.EntityNotFound
        If nothing matches (``suggestions`` holds close names), or several entities match
        equally well (``ambiguous=True``; ``suggestions`` lists them with kind and IRI).

    Examples
    --------
    >>> from collabkg.graph.analysis.projection import project, example_store
    >>> G = project(example_store())
    >>> find_entity(G, "AI")
    'https://w3id.org/collabkg/id/organization/a'
    >>> find_entity(G, "Gama Univercity")
    'https://w3id.org/collabkg/id/organization/g'
    >>> find_entity(G, "Alpha Instute Beta")
    Traceback (most recent call last):
    ...
    collabkg.errors.EntityNotFound: Alpha Instute Beta: no such entity (did you mean: Alpha Institute; Alpha-Beta MoU)
    """
    return resolve_entity(G, name, kinds=kinds, cutoff=cutoff, margin=margin)[0]


def resolve_entity(G: nx.Graph, name: str, *, kinds: Iterable[str] | None = None, cutoff: float = 0.85,
                   margin: float = 0.02) -> tuple[str, str]:
    """Like :func:`find_entity`, and how the name was read: ``"iri"``, ``"name"``, ``"alias"`` or
    ``"close spelling"``. A name that looks like an acronym (:func:`looks_like_acronym`) is only
    ever matched exactly: a close spelling of it is suggested, never taken.

    Examples
    --------
    >>> from collabkg.graph.analysis.projection import project, example_store
    >>> G = project(example_store())
    >>> resolve_entity(G, "Gama Univercity")
    ('https://w3id.org/collabkg/id/organization/g', 'close spelling')
    >>> resolve_entity(G, "AI")[1]
    'alias'
    >>> resolve_entity(G, "AIX")
    Traceback (most recent call last):
    ...
    collabkg.errors.EntityNotFound: AIX: no such entity (did you mean: Alpha Institute)
    """
    allowed = set(kinds) if kinds is not None else None

    def ok(n) -> bool:
        return allowed is None or G.nodes[n].get("kind") in allowed

    if name in G and ok(name):
        return name, "iri"
    index = _index(G)
    key = normalize_name(name)
    hits = {n: r for n, r in index.get(key, {}).items() if ok(n)}
    if hits:
        best = min(hits.values())
        top = sorted(n for n, r in hits.items() if r == best)
        if len(top) == 1:
            return top[0], "name" if best == 0 else "alias"
        raise EntityNotFound(name, [_describe(G, n) for n in top], ambiguous=True)
    guess = not looks_like_acronym(name)
    # close spellings: of names of allowed nodes, among names sharing a word with the query
    keys = _candidates(G, index, key)
    if allowed:
        keys = [k for k in keys if any(ok(n) for n in index[k])]
    close = difflib.get_close_matches(key, keys, n=8, cutoff=0.6)
    scored = [(difflib.SequenceMatcher(None, key, k).ratio(), k) for k in close]
    good = [k for s, k in scored if s >= cutoff]
    good_nodes = sorted({n for k in good for n in index[k] if ok(n)})
    if len(good_nodes) == 1 and guess:
        return good_nodes[0], "close spelling"
    # several close names: the closest wins if it is clearly closer than the next one
    if guess and len(scored) >= 2 and scored[0][0] >= cutoff and scored[0][0] - scored[1][0] >= margin:
        best = [n for n in index[scored[0][1]] if ok(n)]
        if len(best) == 1:
            return best[0], "close spelling"
    suggestions = []
    for _, k in scored:
        for n in sorted(index[k]):
            if ok(n):
                s = _describe(G, n) if len(good_nodes) > 1 else G.nodes[n].get("name") or n
                if s not in suggestions:
                    suggestions.append(s)
    raise EntityNotFound(name, suggestions[:8], ambiguous=len(good_nodes) > 1)


def _kinds_present(G: nx.Graph) -> set:
    cache = _KINDS.get(G)
    if cache is None or cache[0] != G.number_of_nodes():
        cache = (G.number_of_nodes(), {d.get("kind") for _, d in G.nodes(data=True)})
        _KINDS[G] = cache
    return cache[1]


def k_shortest_paths(G: nx.Graph, source, target, *, k: int = 3, max_hops: int | None = 6,
                     avoid_kinds: Iterable[str] = ()) -> list[list]:
    """Return up to ``k`` shortest simple paths from ``source`` to ``target``, shortest first.

    Parameters
    ----------
    G : networkx.Graph
        A projected graph.
    source, target : node
        Node keys (see :func:`find_entity` to look them up by name).
    k : int
        How many paths at most.
    max_hops : int or None
        Longest path accepted, in edges (None: unbounded).
    avoid_kinds : iterable of str
        Never pass *through* nodes of these kinds (e.g. ``["place"]`` so that two bodies are
        not "connected" just by being in one country); the endpoints may be of any kind.

    Returns
    -------
    list of list
        Paths as node lists; empty if none is short enough.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not in ``G``.

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (2, 3), (1, 4), (4, 5), (5, 3)])
    >>> k_shortest_paths(G, 1, 3, k=5)
    [[1, 2, 3], [1, 4, 5, 3]]
    >>> k_shortest_paths(G, 1, 3, max_hops=2)
    [[1, 2, 3]]

    Notes
    -----
    Yen's algorithm over bidirectional breadth-first searches (:func:`networkx.shortest_simple_paths`):
    the first path costs one bidirectional BFS, each further one a few more. On graphs of up to
    :data:`TIE_BREAK_MAX_NODES` nodes, :data:`TIE_CANDIDATES` more paths are found and paths of
    equal length ordered by how many hubs they pass through (sum of log degrees): "NCAR - MoU -
    CNIC" before "NCAR - outcome - the roundtable every body attended".
    """
    for n in (source, target):
        if n not in G:
            raise nx.NodeNotFound(f"{n!r} is not in the graph")
    avoid = set(avoid_kinds) & _kinds_present(G)
    H = G
    if avoid:
        H = nx.subgraph_view(
            G, filter_node=lambda n: n in (source, target) or G.nodes[n].get("kind") not in avoid)
    if source == target:
        return [[source]]
    out = []
    extra = TIE_CANDIDATES if G.number_of_nodes() <= TIE_BREAK_MAX_NODES else 0
    try:
        for path in islice(nx.shortest_simple_paths(H, source, target), k + extra):
            if max_hops is not None and len(path) - 1 > max_hops:
                break
            out.append(path)
    except nx.NetworkXNoPath:
        pass
    if extra and len(out) > 1:
        # among paths of one length, those through fewer hubs first
        out.sort(key=lambda p: (len(p), sum(math.log1p(G.degree(n)) for n in p[1:-1])))
    return out[:k]


def hops(G: nx.Graph, path: list) -> list[dict]:
    """Describe each hop of a path: relation, direction, and the evidence supporting it.

    Parameters
    ----------
    G : networkx.Graph
        The graph the path was found in.
    path : list
        A node list.

    Returns
    -------
    list of dict
        One dict per hop with the :data:`TRACE_COLUMNS` keys but ``path``; ``direction`` is
        ``"->"`` when the statement reads from the hop's source to its target, ``"<-"``
        otherwise; ``quote`` / ``document`` / ``document_title`` come from the first evidence
        record, ``evidence`` holds them all.

    Examples
    --------
    >>> from collabkg.graph.analysis.projection import project, example_store
    >>> G = project(example_store())
    >>> h = hops(G, ["https://w3id.org/collabkg/id/organization/g", "https://w3id.org/collabkg/id/organization/a"])
    >>> h[0]["relation"], h[0]["direction"], h[0]["quote"]
    ('part of', '->', 'Gamma University is part of Alpha Institute.')
    """
    out = []
    for i, (u, v) in enumerate(zip(path, path[1:]), start=1):
        data = G.edges[u, v]
        statements = data.get("statements") or [{"source": u, "target": v, "relation": data.get("relation"),
                                                  "evidence": data.get("evidence", [])}]
        relations, evidence, directions = [], [], []
        for st in statements:
            if st.get("relation") and st["relation"] not in relations:
                relations.append(st["relation"])
                directions.append("->" if st.get("source") == u else "<-" if st.get("source") == v else "--")
            evidence.extend(e for e in st.get("evidence") or [] if e not in evidence)
        first = evidence[0] if evidence else {}
        du, dv = G.nodes[u], G.nodes[v]
        out.append({
            "hop": i, "source": u, "source_name": du.get("name", str(u)), "source_kind": du.get("kind"),
            "relation": "; ".join(relations) or data.get("relation"),
            "direction": directions[0] if len(set(directions)) == 1 else "--",
            "target": v, "target_name": dv.get("name", str(v)), "target_kind": dv.get("kind"),
            "quote": first.get("quote"), "document": first.get("document"),
            "document_title": first.get("title"), "evidence": evidence,
        })
    return out


def trace(G: nx.Graph, a: str, b: str, *, k: int = 3, max_hops: int | None = 6,
          avoid_kinds: Iterable[str] = ("place",)) -> pd.DataFrame:
    """Trace how two entities, named by any alias or a close spelling, are connected.

    Parameters
    ----------
    G : networkx.Graph
        A projected graph (optionally time-sliced or collapsed).
    a, b : str
        Names, aliases, acronyms or IRIs (see :func:`find_entity`).
    k : int
        Number of shortest paths.
    max_hops : int or None
        Longest path accepted, in edges.
    avoid_kinds : iterable of str
        Kinds never passed through (see :func:`k_shortest_paths`); by default places, so that
        two bodies do not count as connected merely by being in one country. Pass ``()`` to
        allow every kind.

    Returns
    -------
    pandas.DataFrame
        One row per hop, columns :data:`TRACE_COLUMNS`; ``path`` numbers the paths from 1,
        shortest first. ``df.attrs`` has ``source`` and ``target`` (the node keys), and
        ``guesses``: a sentence for each name read as a close spelling, to show the user.

    Raises
    ------
    collabkg.errors.EntityNotFound
        If a name matches no entity or several.
    collabkg.errors.NoPath
        If no path of at most ``max_hops`` edges joins them.

    Examples
    --------
    >>> from collabkg.graph.analysis.projection import project, example_store
    >>> G = project(example_store())
    >>> trace(G, "AI", "Beta Center", max_hops=1)
    Traceback (most recent call last):
    ...
    collabkg.errors.NoPath: no path of at most 1 hops between 'Alpha Institute' and 'Beta Center' (raise --max-hops, or check the names)
    """
    (s, how_s), (t, how_t) = resolve_entity(G, a), resolve_entity(G, b)
    paths = k_shortest_paths(G, s, t, k=k, max_hops=max_hops, avoid_kinds=avoid_kinds)
    if not paths:
        bound = f"at most {max_hops} hops " if max_hops is not None else ""
        raise NoPath(f"no path of {bound}between {G.nodes[s].get('name')!r} and {G.nodes[t].get('name')!r}",
                     hint="raise --max-hops, or check the names")
    rows = [{"path": i, **h} for i, p in enumerate(paths, start=1) for h in hops(G, p)]
    df = pd.DataFrame(rows, columns=TRACE_COLUMNS)
    df.attrs.update(source=s, target=t, guesses=[
        f"{q!r} read as {G.nodes[n].get('name') or n!r} (a close spelling, not a name or acronym)"
        for q, n, how in ((a, s, how_s), (b, t, how_t)) if how == "close spelling"])
    return df
