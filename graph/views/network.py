"""Interactive views of the knowledge graph: functions returning a pyvis ``Network``.

The networks are :class:`CollabNetwork` objects, a pyvis ``Network`` whose HTML is
self-contained and offline (vis-network, tom-select and their CSS inlined from pyvis's installed
copy; no CDN, no bootstrap), safe (document text only ever reaches the page as JSON data and is
put in the DOM with ``textContent``; a Content-Security-Policy with a per-page nonce refuses any
other script, inline handler or outside request), and usable at scale (node and edge lists filled
in bulk; above :data:`PHYSICS_MAX_NODES` nodes, positions from :func:`~.layout.layout` and
physics off; otherwise physics stops after a bounded stabilization).

Examples
--------
>>> from collabkg.graph.analysis import project, example_store
>>> net = graph_view(project(example_store()))
>>> net.num_nodes(), net.num_edges()
(4, 3)
>>> html = net.generate_html()
>>> import re
>>> re.findall(r"(?:src|href)=.?https?:", html)
[]
"""

from __future__ import annotations

import colorsys
import hashlib
import json
import math
import os
import re
import secrets
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import networkx as nx
from markupsafe import Markup
from pyvis.network import Network

__all__ = [
    "CollabNetwork", "graph_view", "neighbourhood_view", "path_view", "view", "save_html", "KIND_COLORS",
    "PHYSICS_MAX_NODES", "EDGE_LABEL_MAX_EDGES", "MAX_VIEW_NODES",
]

#: Above this many nodes, physics is off and positions are computed in Python.
PHYSICS_MAX_NODES = 300
#: Above this many edges, edges carry no drawn label (the relation stays in tooltip and filter).
EDGE_LABEL_MAX_EDGES = 1500

#: Largest graph drawn (nodes); beyond it a view asks for a focus, kinds or a collapse.
MAX_VIEW_NODES = 50_000

#: Colour of each kind (others get a stable colour from their name).
KIND_COLORS = {
    "organization": "#4e79a7", "person": "#f28e2b", "agreement": "#e15759", "proposal": "#ff9d9a",
    "event": "#76b7b2", "project": "#59a14f", "program": "#8cd17d", "platform": "#b6992d",
    "infrastructure": "#f1ce63", "cooperation": "#499894", "outcome": "#86bcb6", "place": "#9d7660",
    "concept": "#b07aa1", "post": "#d4a6c8", "delegation": "#bab0ac", "document": "#79706e",
}
_HIGHLIGHT = "#d62728"
_DIM = "rgba(190,190,190,0.35)"


def _kind_color(kind: str | None) -> str:
    if kind in KIND_COLORS:
        return KIND_COLORS[kind]
    h = int(hashlib.sha1(str(kind).encode()).hexdigest()[:6], 16) / 0xFFFFFF
    r, g, b = colorsys.hls_to_rgb(h, 0.55, 0.55)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


@lru_cache(maxsize=None)
def _asset(rel: str) -> str:
    """Text of a file shipped by pyvis (``pyvis/templates/lib/...``) or by this package."""
    if rel.startswith("lib/"):
        import pyvis

        path = Path(pyvis.__file__).parent / "templates" / rel
        text = path.read_text(encoding="utf-8")
    else:
        text = resources.files("collabkg.graph.views").joinpath("templates", rel).read_text(encoding="utf-8")
    # no source map to fetch; an inlined script or style must not be able to close its own element
    text = re.sub(r"^//# sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", "", text, flags=re.M)
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


@lru_cache(maxsize=1)
def _vis_dir() -> str:
    """pyvis's newest bundled vis-network folder, e.g. ``lib/vis-9.1.2``.

    Raises
    ------
    FileNotFoundError
        If the installed pyvis ships no vis-network.
    """
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    found = sorted((p for p in lib.glob("vis-*") if (p / "vis-network.min.js").is_file()),
                   key=lambda p: tuple(int(x) if x.isdigit() else 0 for x in p.name[4:].split(".")))
    if not found:
        raise FileNotFoundError(f"{lib}: no vis-network in the installed pyvis; reinstall pyvis>=0.3.2")
    return f"lib/{found[-1].name}"


def _json_for_html(obj) -> str:
    """JSON that is inert inside a ``<script type="application/json">`` element."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
             .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_version() -> str:
    head = _asset(_vis_dir() + "/vis-network.min.js")[:400]
    for line in head.splitlines():
        if "@version" in line:
            return line.split("@version")[1].strip()
    return "9.1.2"


class CollabNetwork(Network):
    """A pyvis ``Network`` that renders a self-contained, offline, escaped page.

    Everything pyvis offers works (``add_node``, ``add_edge``, ``set_options``...); only the HTML
    differs: :meth:`generate_html` uses collabkg's template, :meth:`write_html` writes atomically
    and never copies a ``lib/`` folder. Extra fields on nodes and edges (``kind``, ``info``,
    ``relations``) feed the legend, the filters and the details popup.

    Examples
    --------
    >>> net = CollabNetwork(heading="<b>demo</b>")
    >>> net.add_node("a", label="<img src=x onerror=alert(1)>", kind="organization")
    >>> html = net.generate_html()
    >>> "<img" in html, "\\\\u003cimg src=x" in html
    (False, True)
    """

    def __init__(self, *args, legend_note: str | None = None, note: str | None = None, **kwargs):
        kwargs.setdefault("cdn_resources", "in_line")
        kwargs.setdefault("select_menu", True)
        kwargs.setdefault("filter_menu", True)
        kwargs.setdefault("height", "82vh")
        super().__init__(*args, **kwargs)
        self.legend_note = legend_note
        self.note = note

    def _page_data(self) -> dict:
        nodes, edges, heading, _h, _w, options = self.get_network_data()
        options = json.loads(options) if isinstance(options, str) else options
        counts: dict[str, int] = {}
        for n in nodes:
            n.setdefault("kind", "other")
            counts[n["kind"]] = counts.get(n["kind"], 0) + 1
        colors = {}
        for n in nodes:
            c = n.get("kind_color") or n.get("color")
            colors.setdefault(n["kind"], c.get("background") if isinstance(c, dict) else c)
        relations: set[str] = set()
        out_edges = []
        for i, e in enumerate(edges):
            e.setdefault("id", f"e{i}")
            e.setdefault("relations", [r for r in str(e.get("relation") or e.get("label") or "").split("; ") if r])
            relations.update(e["relations"])
            out_edges.append(e)
        legend = [{"kind": k, "color": colors.get(k) or _kind_color(k), "count": counts[k]}
                  for k in sorted(counts, key=lambda k: (-counts[k], k))]
        return {"heading": heading, "nodes": nodes, "edges": out_edges, "options": options,
                "docs": getattr(self, "docs", []),
                "legend": legend, "legend_note": self.legend_note, "note": self.note,
                "relations": sorted(relations)}

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """Return the page's HTML (``name``, ``local`` and ``notebook`` are ignored: always inline)."""
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        import pyvis

        from collabkg import __version__

        folder = str(resources.files("collabkg.graph.views").joinpath("templates"))
        env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True))
        data = self._page_data()
        menus = bool(self.select_menu or self.filter_menu)
        self.html = env.get_template("collabkg.html").render(
            nonce=secrets.token_urlsafe(16),
            version=__version__, pyvis_version=getattr(pyvis, "__version__", "?"), vis_version=_vis_version(),
            heading=data["heading"], width=self.width, height=self.height, bgcolor=self.bgcolor,
            select_menu=self.select_menu, filter_menu=self.filter_menu, menus=menus,
            data_json=Markup(_json_for_html(data)),
            vis_css=Markup(_asset(_vis_dir() + "/vis-network.css")),
            vis_js=Markup(_asset(_vis_dir() + "/vis-network.min.js")),
            tom_css=Markup(_asset("lib/tom-select/tom-select.css")) if menus else "",
            tom_js=Markup(_asset("lib/tom-select/tom-select.complete.min.js")) if menus else "",
            app_js=Markup(_asset("collabkg.js")),
        )
        return self.html

    def write_html(self, name, local: bool = True, notebook: bool = False, open_browser: bool = False) -> None:
        """Write the page to ``name`` atomically (see :func:`save_html`)."""
        save_html(self, name)

    def save_graph(self, name) -> None:
        """Alias of :meth:`write_html`, as in pyvis."""
        save_html(self, name)


def save_html(net: Network, path: str | os.PathLike) -> Path:
    """Write a network's page to ``path`` atomically (a temporary file renamed over it).

    Parameters
    ----------
    net : pyvis.network.Network
        Usually a :class:`CollabNetwork`.
    path : str or os.PathLike
        The ``.html`` file to write; its folder is created if missing.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    html = net.generate_html()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# ---- building networks from projected graphs ---------------------------------------------------

def _short(text: str | None, n: int = 280) -> str | None:
    if text is None:
        return None
    text = str(text)
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _fmt(value) -> str:
    return "; ".join(map(str, value)) if isinstance(value, (list, tuple, set)) else str(value)


class _Docs:
    """The page's table of documents: evidence refers to a document by its index."""

    def __init__(self):
        self.rows: list[list] = []
        self._index: dict[tuple, int] = {}  # (document, title) -> row

    def evidence(self, records) -> list[list]:
        if not records:
            return []
        out = []
        index, rows = self._index, self.rows
        for e in records:
            doc, title = e.get("document"), e.get("title")
            key = (doc, title)
            i = index.get(key)
            if i is None and (doc is not None or title is not None):
                i = index[key] = len(rows)
                rows.append([title, doc, e.get("issued")])
            out.append([e.get("quote"), i])
        return out


def _node_info(n, d: dict, size_value: float | None, size_label: str, docs: _Docs) -> dict:
    name = d.get("name") or str(n)
    rows = [["IRI", str(n)]]
    aliases = [a for a in d.get("aliases") or () if a != name]
    if aliases:
        rows.append(["aliases", "; ".join(aliases)])
    if d.get("types"):
        rows.append(["types", ", ".join(d["types"])])
    if d.get("start") is not None:
        rows.append(["date", str(d["start"]) if d.get("end") in (None, d["start"]) else f"{d['start']}-{d['end']}"])
    for k, v in sorted((d.get("attributes") or {}).items()):
        rows.append([k, _fmt(v)])
    if size_value is not None:
        rows.append([size_label, f"{size_value:.4g}"])
    return {"name": name, "rows": rows, "evidence": docs.evidence(d.get("evidence"))}


def _edge_info(G: nx.Graph, u, v, d: dict, docs: _Docs) -> tuple[dict, list[str]]:
    nodes = G.nodes
    statements, relations = [], []
    for st in d.get("statements") or [{"source": u, "target": v, "relation": d.get("relation"), "evidence": []}]:
        rel = st.get("relation") or ""
        if rel and rel not in relations:
            relations.append(rel)
        s, t = st.get("source", u), st.get("target", v)
        s_name = nodes[s].get("name") or str(s) if s in nodes else str(s)
        t_name = nodes[t].get("name") or str(t) if t in nodes else str(t)
        statements.append([f"{s_name} \u2014{rel}\u2192 {t_name}", docs.evidence(st.get("evidence"))])
    rows = []
    if d.get("start") is not None:
        rows.append(["date", str(d["start"]) if d.get("end") in (None, d["start"]) else f"{d['start']}-{d['end']}"])
    info = {"name": " / ".join(relations) or "link",
            "between": f"{nodes[u].get('name') or u} \u2014 {nodes[v].get('name') or v}",
            "rows": rows, "statements": statements}
    return info, relations


def _sizes(G: nx.Graph, size_by: str | None) -> tuple[dict, str]:
    if not size_by or G.number_of_nodes() == 0:
        return {}, ""
    if size_by == "degree":
        return dict(G.degree()), "degree"
    from collabkg.graph.analysis.centrality import betweenness, eigenvector

    if size_by == "betweenness":
        bc, how = betweenness(G)
        return bc, f"betweenness, {how}"
    if size_by == "eigenvector":
        return eigenvector(G), "eigenvector centrality"
    if size_by in ("pagerank",):
        return nx.pagerank(G), "pagerank"
    raise ValueError(f"unknown size_by {size_by!r}; use degree, betweenness, eigenvector or None")


def graph_view(G: nx.Graph, *, kinds: Iterable[str] | None = None, size_by: str | None = "degree",
               heading: str | None = None, highlight_nodes: Iterable = (), highlight_edges: Iterable = (),
               dim_others: bool = False, bright: Iterable = (), physics: bool | None = None, edge_labels: bool | None = None,
               layout_seed: int = 0, height: str = "82vh", note: str | None = None) -> CollabNetwork:
    """A view of a projected graph: colours by kind with a legend, node size by centrality,
    edge labels by relation, a tooltip and a click-to-open details popup on every node and edge
    with its attributes and its evidence (quote and document), find-a-node and filter menus.

    Parameters
    ----------
    G : networkx.Graph
        A graph made by :func:`collabkg.graph.analysis.project` (or any graph; ``name``,
        ``kind``, ``attributes``, ``evidence``, ``statements`` attributes are used if present).
    kinds : iterable of str, optional
        Show only nodes of these kinds.
    size_by : {"degree", "betweenness", "eigenvector", "pagerank", None}
        What the node size shows.
    heading : str, optional
        Title of the page.
    highlight_nodes, highlight_edges : iterables
        Nodes and ``(u, v)`` pairs drawn highlighted (e.g. a traced path).
    dim_others : bool
        Grey out everything not highlighted (except the nodes in ``bright``, and edges between them).
    bright : iterable
        Nodes kept in colour when ``dim_others`` is set.
    physics : bool, optional
        Force physics on or off (default: on up to :data:`PHYSICS_MAX_NODES` nodes, with
        stabilization bounded to 300 iterations and physics switched off afterwards).
    edge_labels : bool, optional
        Draw relation labels on edges (default: up to :data:`EDGE_LABEL_MAX_EDGES` edges).
    layout_seed : int
        Seed of the Python layout used when physics is off.
    height : str
        CSS height of the drawing.
    note : str, optional
        A line shown in the header (e.g. the time window).

    Returns
    -------
    CollabNetwork

    Raises
    ------
    ValueError
        For an unknown ``size_by``, or a graph of more than :data:`MAX_VIEW_NODES` nodes.

    Examples
    --------
    >>> from collabkg.graph.analysis import project, example_store
    >>> net = graph_view(project(example_store()), kinds=["organization"])
    >>> sorted(n["label"] for n in net.nodes)
    ['Alpha Institute', 'Beta Center', 'Gamma University']
    >>> net.edges[0]["label"], net.edges[0]["relations"]
    ('part of', ['part of'])
    """
    if kinds is not None:
        kinds = set(kinds)
        G = G.subgraph([n for n, d in G.nodes(data=True) if d.get("kind") in kinds])
    n_nodes, n_edges = G.number_of_nodes(), G.number_of_edges()
    if n_nodes > MAX_VIEW_NODES:
        raise ValueError(f"{n_nodes} nodes is too many to draw (at most {MAX_VIEW_NODES}): show a neighbourhood "
                         "(--focus), fewer kinds (--kinds) or a collaboration network (--collapse organization)")
    use_physics = (n_nodes <= PHYSICS_MAX_NODES) if physics is None else physics
    labels_on = (n_edges <= EDGE_LABEL_MAX_EDGES) if edge_labels is None else edge_labels
    big = n_nodes > PHYSICS_MAX_NODES
    values, size_label = _sizes(G, size_by)
    vmax = max(values.values(), default=0) or 1.0
    hl_nodes = set(highlight_nodes)
    keep_bright = set(bright)
    hl_edges = {frozenset(e) for e in highlight_edges}
    pos = {} if use_physics else _layout(G, layout_seed)

    net = CollabNetwork(heading=heading or "collabkg", height=height, note=note,
                        legend_note=f"node size: {size_label}" if size_label else None)
    docs = _Docs()
    node_list, ids = [], []
    for n, d in G.nodes(data=True):
        kind = d.get("kind") or "other"
        info = _node_info(n, d, values.get(n) if values else None, size_label or "size", docs)
        color = _kind_color(kind)
        if big:
            size = 4 + 14 * math.sqrt(values.get(n, 0) / vmax) if values else 6
        else:
            size = 8 + 28 * math.sqrt(values.get(n, 0) / vmax) if values else 14
        node = {"id": str(n), "label": _short(info["name"], 60), "kind": kind, "kind_color": color,
                "shape": "dot", "size": round(size, 2), "color": color, "info": info}
        if n in hl_nodes:
            node.update(color={"background": color, "border": _HIGHLIGHT}, borderWidth=4,
                        font={"size": 18, "bold": True}, size=max(size, 20))
        elif dim_others and n not in keep_bright:
            node.update(color=_DIM, font={"color": "#999"})
        if pos:
            x, y = pos[n]
            node.update(x=round(x, 1), y=round(y, 1))
        node_list.append(node)
        ids.append(str(n))
    edge_list = []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        info, relations = _edge_info(G, u, v, d, docs)
        label = "; ".join(relations)
        edge = {"id": f"e{i}", "from": str(u), "to": str(v), "relation": label, "relations": relations,
                "info": info, "width": 1 + min(4, (d.get("weight") or 1) - 1) * 0.5}
        if labels_on:
            edge["label"] = _short(label, 40)
        if frozenset((u, v)) in hl_edges:
            edge.update(color={"color": _HIGHLIGHT}, width=4, font={"color": _HIGHLIGHT, "strokeWidth": 3})
        elif dim_others and not (u in keep_bright and v in keep_bright):
            edge.update(color={"color": _DIM})
        edge_list.append(edge)
    net.docs = docs.rows
    # bulk fill: pyvis's add_node/add_edge check every id against a list (quadratic at scale)
    net.nodes, net.edges = node_list, edge_list
    net.node_ids = ids
    net.node_map = {node["id"]: node for node in node_list}
    net.options = _options(use_physics, big, n_edges)
    return net


def _layout(G: nx.Graph, seed: int) -> dict:
    from collabkg.graph.views.layout import layout

    return layout(G, seed=seed)


def _options(physics: bool, big: bool, n_edges: int) -> dict:
    opts = {
        "nodes": {"font": {"size": 13 if n_edges < 40 else 18, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False}}},
        "edges": {"color": {"color": "#9aa5b1", "highlight": _HIGHLIGHT, "inherit": False},
                  "font": {"size": 10 if n_edges < 40 else 13, "align": "middle", "color": "#555", "strokeWidth": 3},
                  "smooth": False if big or n_edges > 2000 else {"type": "continuous"}},
        "interaction": {"hover": not big, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": True},
        "layout": {"improvedLayout": not big, "randomSeed": 7},
    }
    if physics:
        opts["physics"] = {"enabled": True, "solver": "forceAtlas2Based",
                           "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 140,
                                                "springConstant": 0.05, "avoidOverlap": 0.6},
                           "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 50,
                                             "fit": True},
                           "minVelocity": 1.0}
    else:
        opts["physics"] = {"enabled": False}
        if big:
            opts["nodes"]["font"]["size"] = 11
            # labels only once zoomed in enough to read them: keeps panning smooth
            opts["nodes"]["scaling"] = {"label": {"enabled": True, "min": 8, "max": 20, "drawThreshold": 9}}
    return opts


def neighbourhood_view(G: nx.Graph, focus: str, *, depth: int = 1, kinds: Iterable[str] | None = None,
                       **kwargs) -> CollabNetwork:
    """The entities within ``depth`` hops of ``focus`` (named by any alias or close spelling).

    Parameters
    ----------
    G : networkx.Graph
        A projected graph.
    focus : str
        Name, alias, acronym or IRI (see :func:`collabkg.graph.analysis.find_entity`).
    depth : int
        Radius in hops.
    kinds : iterable of str, optional
        Kinds shown (the focus is always shown).
    **kwargs
        Passed to :func:`graph_view`.

    Returns
    -------
    CollabNetwork
        The focus is highlighted.

    Raises
    ------
    collabkg.errors.EntityNotFound
        If ``focus`` matches no entity or several.

    Examples
    --------
    >>> from collabkg.graph.analysis import project, example_store
    >>> net = neighbourhood_view(project(example_store()), "Gamma University", depth=1)
    >>> sorted(n["label"] for n in net.nodes)
    ['Alpha Institute', 'Gamma University']
    """
    from collabkg.graph.analysis.paths import find_entity

    center = find_entity(G, focus)
    H = G
    if kinds is not None:
        keep = set(kinds)
        H = G.subgraph([n for n, d in G.nodes(data=True) if d.get("kind") in keep or n == center])
    sub = nx.ego_graph(H, center, radius=depth)
    kwargs.setdefault("heading", f"{G.nodes[center].get('name')} \u2014 {depth} hop{'s' if depth != 1 else ''}")
    return graph_view(sub, highlight_nodes=[center], **kwargs)


def path_view(G: nx.Graph, a: str, b: str, *, k: int = 3, max_hops: int | None = 6, context: int = 0,
              avoid_kinds: Iterable[str] = ("place",), **kwargs) -> CollabNetwork:
    """The ``k`` shortest paths between two entities, the shortest highlighted.

    Parameters
    ----------
    G : networkx.Graph
        A projected graph.
    a, b : str
        Names, aliases or IRIs.
    k, max_hops, avoid_kinds
        As for :func:`collabkg.graph.analysis.trace`.
    context : int
        Also show the neighbours up to this many hops from the path, dimmed.
    **kwargs
        Passed to :func:`graph_view`.

    Returns
    -------
    CollabNetwork

    Raises
    ------
    collabkg.errors.EntityNotFound
        If a name matches no entity or several.
    collabkg.errors.NoPath
        If no path of at most ``max_hops`` joins them.

    Examples
    --------
    >>> from collabkg.graph.analysis import project, example_store
    >>> net = path_view(project(example_store()), "Gamma University", "Beta Center")
    >>> sorted(n["label"] for n in net.nodes if n.get("borderWidth") == 4)
    ['Alpha Institute', 'Alpha-Beta MoU', 'Beta Center', 'Gamma University']
    """
    from collabkg.errors import NoPath
    from collabkg.graph.analysis.paths import find_entity, k_shortest_paths

    s, t = find_entity(G, a), find_entity(G, b)
    paths = k_shortest_paths(G, s, t, k=k, max_hops=max_hops, avoid_kinds=avoid_kinds)
    if not paths:
        raise NoPath(f"no path of at most {max_hops} hops between {G.nodes[s].get('name')!r} and "
                     f"{G.nodes[t].get('name')!r}", hint="raise --max-hops, or check the names")
    shown = {n for p in paths for n in p}
    if context:
        for n in list(shown):
            shown.update(nx.single_source_shortest_path_length(G, n, cutoff=context))
    sub = G.subgraph(shown)
    best = paths[0]
    kwargs.setdefault("heading", f"{G.nodes[s].get('name')} \u2192 {G.nodes[t].get('name')}")
    kwargs.setdefault("note", f"{len(paths)} path(s), shortest {len(best) - 1} hops highlighted")
    on_paths = {n for p in paths for n in p}
    return graph_view(sub, highlight_nodes=best, highlight_edges=list(zip(best, best[1:])),
                      dim_others=context > 0, bright=on_paths, **kwargs)


def view(G: nx.Graph, *, focus: str | None = None, depth: int = 1, path: tuple[str, str] | None = None,
         kinds: Iterable[str] | None = None, k: int = 3, max_hops: int | None = 6, context: int = 0,
         **kwargs) -> CollabNetwork:
    """One entry point for ``collabkg view``: a path, a neighbourhood, or the whole graph.

    Parameters
    ----------
    G : networkx.Graph
        A projected graph.
    focus : str, optional
        Show the neighbourhood of this entity (see :func:`neighbourhood_view`).
    depth : int
        Radius of the neighbourhood.
    path : (str, str), optional
        Show the paths between these two entities (see :func:`path_view`); wins over ``focus``.
    kinds : iterable of str, optional
        Kinds shown.
    k, max_hops, context
        For a path view.
    **kwargs
        Passed to :func:`graph_view`.

    Returns
    -------
    CollabNetwork

    Raises
    ------
    collabkg.errors.EntityNotFound, collabkg.errors.NoPath
        As the view functions do.

    Examples
    --------
    >>> from collabkg.graph.analysis import project, example_store
    >>> view(project(example_store()), focus="AI").num_nodes()
    3
    """
    if path is not None:
        a, b = path
        H = G
        if kinds is not None:
            keep = set(kinds)
            H = G.subgraph([n for n, d in G.nodes(data=True) if d.get("kind") in keep])
        return path_view(H, a, b, k=k, max_hops=max_hops, context=context, **kwargs)
    if focus is not None:
        return neighbourhood_view(G, focus, depth=depth, kinds=kinds, **kwargs)
    return graph_view(G, kinds=kinds, **kwargs)
