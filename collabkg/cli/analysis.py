"""``collabkg trace``, ``collabkg stats``, ``collabkg view``: analysis and views from the shell.

A thin layer over :mod:`collabkg.graph.analysis` and :mod:`collabkg.graph.views`: each command
loads the projected graph (:func:`~collabkg.graph.analysis.projection.load_graph`), calls one
library function, and prints or saves its result. Document text is printed as plain text, never
read as rich markup.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from collabkg.cli.common import cli, console, err_console, handle_errors, store_option
from collabkg.safetext import for_terminal

__all__ = ["trace_command", "stats_command", "view_command"]


def _time_options(f):
    f = click.option("--between", nargs=2, type=int, default=None, metavar="Y1 Y2",
                     help="Only facts dated within these years (inclusive).")(f)
    f = click.option("--as-of", "as_of", type=int, default=None, metavar="YEAR",
                     help="Only facts dated in or before YEAR (undated facts stay).")(f)
    f = click.option("--collapse", "collapse_to", multiple=True, metavar="KIND",
                     help="Fold agreements, meetings, posts... into links between entities of KIND "
                          "(repeatable), e.g. --collapse organization.")(f)
    return f


def _load(store_path, collapse_to, as_of, between):
    from collabkg.errors import CollabKGError
    from collabkg.graph.analysis import load_graph

    if as_of is not None and between:
        raise click.UsageError("give --as-of or --between, not both")
    try:
        return load_graph(store_path, collapse_to=list(collapse_to) or None, as_of=as_of,
                          between=tuple(between) if between else None)
    except ValueError as e:
        raise CollabKGError(str(e)) from e


def _window(G) -> str:
    if G.graph.get("as_of") is not None:
        return f" as of {G.graph['as_of']}"
    if G.graph.get("between"):
        a, b = G.graph["between"]
        return f" between {a} and {b}"
    return ""


@cli.command("trace")
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", type=click.IntRange(1, 50), default=6, show_default=True, help="Longest path, in hops.")
@click.option("--k", "k", type=click.IntRange(1, 100), default=3, show_default=True, help="How many shortest paths.")
@click.option("--via-places", is_flag=True, help="Allow paths through places (countries, cities).")
@_time_options
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the hops as JSON lines.")
@handle_errors
def trace_command(a, b, max_hops, k, via_places, as_of, between, collapse_to, store_path, as_json):
    """Trace how A and B are connected: the K shortest paths, each hop with its evidence.

    A and B are names, aliases, acronyms or IRIs. A close spelling of a long name is accepted and
    said so ("note: ... read as ..."); an acronym is matched exactly, never guessed (NASA is not
    NAS); an unknown or ambiguous name gets "did you mean ...". Each hop shows the relation, the sentence quoted
    from the document that supports it, and the document.

    \b
    Examples:
      collabkg trace NCAR BIG
      collabkg trace "National Center for Atmospheric Research" BIG --k 1 --max-hops 4
      collabkg trace CNIC USGS --as-of 2015
      collabkg trace NCAR BIG --collapse organization
    """
    from collabkg.graph.analysis import trace

    G = _load(store_path, collapse_to, as_of, between)
    df = trace(G, a, b, k=k, max_hops=max_hops, avoid_kinds=() if via_places else ("place",))
    for note in df.attrs.get("guesses", []):  # never a silent guess
        err_console.print(Text("note: ", style="yellow") + Text(note), soft_wrap=True)
    if as_json:
        click.echo(df.drop(columns=["evidence"]).to_json(orient="records", lines=True, force_ascii=False))
        return
    for pid, hops in df.groupby("path", sort=True):
        head = Text(f"Path {pid}: {len(hops)} hop{'s' if len(hops) != 1 else ''}{_window(G)}", style="bold")
        console.print(head)
        first = hops.iloc[0]
        console.print(Text(f"  {for_terminal(str(first['source_name']))}", style="cyan") + Text(f"  ({first['source_kind']})", style="dim"))
        for _, h in hops.iterrows():
            arrow = {"->": f"  --[{h['relation']}]-->  ", "<-": f"  <--[{h['relation']}]--  "}.get(
                h["direction"], f"  --[{h['relation']}]--  ")
            console.print(Text(f"  {h['hop']}.", style="dim") + Text(arrow, style="yellow")
                          + Text(for_terminal(str(h["target_name"])), style="cyan") + Text(f"  ({h['target_kind']})", style="dim"))
            if isinstance(h["quote"], str) and h["quote"]:  # document text: controls shown, never obeyed
                console.print(Text(f"       \u201c{for_terminal(h['quote'].strip())}\u201d", style="italic"), soft_wrap=True)
            source = h["document_title"] if isinstance(h["document_title"], str) else None
            doc = h["document"] if isinstance(h["document"], str) else None
            if source or doc:
                console.print(Text(for_terminal(f"       \u2014 {source or ''}{' <' + doc + '>' if doc else ''}"), style="dim"),
                              soft_wrap=True)
        console.print()


def _table(df, title: str, columns: list[str], floats: tuple[str, ...] = ()) -> Table:
    t = Table(title=title, title_justify="left", show_edge=False)
    for c in columns:
        t.add_column(c, justify="right" if c in floats or c in ("degree", "size", "bridges", "community",
                                                                 "communities_bridged") else "left")
    for _, row in df.iterrows():
        cells = []
        for c in columns:
            v = row[c]
            text = f"{v:.4f}" if c in floats else str(v)
            cells.append(Text(text if c != "name" or len(text) <= 60 else text[:59] + "\u2026"))
        t.add_row(*cells)
    return t


@cli.command("stats")
@click.option("--top", type=click.IntRange(1, 10_000), default=10, show_default=True,
              help="Rows per kind (centrality) and brokers shown.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="Only report entities of KIND (repeatable), e.g. --kind organization.")
@click.option("--betweenness", "method", type=click.Choice(["auto", "networkx", "rustworkx", "sampled"]),
              default="auto", show_default=True,
              help="Exact (networkx; rustworkx) or sampled estimate; auto picks by graph size.")
@click.option("--communities", "community_method", type=click.Choice(["louvain", "greedy"]), default="louvain",
              show_default=True, help="Modularity method.")
@_time_options
@store_option
@handle_errors
def stats_command(top, kinds, method, community_method, as_of, between, collapse_to, store_path):
    """Store summary, then centralities (top N by kind), communities and brokers.

    \b
    Examples:
      collabkg stats
      collabkg stats --top 5 --kind organization
      collabkg stats --collapse organization --between 2006 2011
    """
    from collabkg.graph.analysis import stats

    try:
        from collabkg.api import summary
    except ImportError:  # pragma: no cover - the API facade is optional for this command
        summary = None
    if summary is not None:
        s = summary(store_path)
        console.print(Text("Store", style="bold"))
        for key in ("documents", "triples", "graphs", "relations", "evidence"):
            if key in s:
                console.print(Text(f"  {key}: {s[key]}"))
        if s.get("entities"):
            console.print(Text("  entities: " + ", ".join(f"{k} {v}" for k, v in s["entities"].items())))
        console.print()
    G = _load(store_path, collapse_to, as_of, between)
    r = stats(G, top=top, kinds=list(kinds) or None, method=method, community_method=community_method)
    g = r["graph"]
    console.print(Text(f"Analysis graph ({g['mode']}{_window(G)}): {g['nodes']} nodes, {g['edges']} edges, "
                       f"{g['components']} connected components", style="bold"))
    console.print(Text("  kinds: " + ", ".join(f"{k} {v}" for k, v in g["kinds"].items())))
    console.print()
    cent = r["centrality"]
    console.print(_table(cent, f"Centrality, top {top} by kind (betweenness: {cent.attrs['betweenness_method']})",
                         ["kind", "name", "degree", "betweenness", "eigenvector"], floats=("betweenness", "eigenvector")))
    console.print()
    comm = r["communities"]
    console.print(_table(comm.head(max(top, 5)), f"Communities ({r['members'].attrs['method']}, modularity "
                         f"{r['members'].attrs['modularity']:.3f}; {len(comm)} in all)",
                         ["community", "size", "kinds", "members"]))
    console.print()
    brok = r["brokers"]
    console.print(_table(brok, f"Brokers (betweenness: {brok.attrs['betweenness_method']}; "
                         "communities bridged, bridges touching, articulation point)",
                         ["name", "kind", "betweenness", "communities_bridged", "bridges", "articulation"],
                         floats=("betweenness",)))


@cli.command("view")
@click.option("--focus", metavar="ENTITY", help="Show the neighbourhood of ENTITY (name, alias or IRI).")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True, help="Neighbourhood radius.")
@click.option("--path", nargs=2, metavar="A B", default=None, help="Show the paths between A and B.")
@click.option("--kinds", "kinds", multiple=True, metavar="KIND", help="Only these kinds (repeatable).")
@click.option("--k", "k", type=click.IntRange(1, 100), default=3, show_default=True, help="Paths shown with --path.")
@click.option("--max-hops", type=click.IntRange(1, 50), default=6, show_default=True, help="Longest path with --path.")
@click.option("--context", type=click.IntRange(0, 5), default=0, show_default=True,
              help="With --path, also show (greyed) what lies this many hops off the paths.")
@click.option("--size-by", type=click.Choice(["degree", "betweenness", "eigenvector", "pagerank"]), default="degree",
              show_default=True, help="What node size shows.")
@_time_options
@store_option
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The HTML file to write (self-contained; works offline) [default: views/ beside the store's "
                   "graph.trig, e.g. .collabkg/views/graph.html; never the current folder].")
@handle_errors
def view_command(focus, depth, path, kinds, k, max_hops, context, size_by, as_of, between, collapse_to, store_path, output):
    """Write an interactive view (HTML) of the graph, a neighbourhood, or a traced path.

    Colours by kind with a legend, node size by centrality, edge labels by relation, and on
    every node and edge a tooltip (click for all of it) with attributes and evidence. The file
    inlines every script and stylesheet: it opens offline, with no request to any CDN.

    \b
    Examples:
      collabkg view                      # -> .collabkg/views/graph.html
      collabkg view -o graph.html
      collabkg view --focus CNIC --depth 2 -o cnic.html
      collabkg view --path NCAR BIG -o ncar-big.html
      collabkg view --kinds organization --kinds agreement --collapse organization -o orgs.html
    """
    from collabkg.errors import CollabKGError
    from collabkg.graph.views import save_html, view

    G = _load(store_path, collapse_to, as_of, between)
    extra = {"note": _window(G).strip()} if _window(G) else {}
    try:
        net = view(G, focus=focus, depth=depth, path=tuple(path) if path else None, kinds=list(kinds) or None,
                   k=k, max_hops=max_hops, context=context, size_by=size_by, **extra)
    except ValueError as e:
        raise CollabKGError(str(e)) from e
    if output is None:  # beside the build's outputs, named for what it shows
        from collabkg.api import default_out_dir
        from collabkg.graph.store import default_store_path
        from collabkg.ontology.iris import slug

        what = "graph" if not (focus or path) else f"focus-{slug(focus)}" if focus else f"path-{slug(path[0])}-{slug(path[1])}"
        output = default_out_dir(Path(store_path) if store_path else default_store_path()) / "views" / f"{what}.html"
        output.parent.mkdir(parents=True, exist_ok=True)
    out = save_html(net, output)
    err_console.print(Text(f"wrote {out} ({net.num_nodes()} nodes, {net.num_edges()} edges)"))
