"""Views and answers in a notebook: networks inline, two query answers side by side and compared.

pyvis's own notebook mode (``Network(notebook=True).show(...)``) writes a file and points an
``<iframe src=...>`` at it, or loads its scripts from a CDN: the drawing then depends on where the
notebook server serves files from and on the network, and shows nothing in VS Code-style viewers.
:func:`show` instead puts the whole self-contained page (the one :func:`~.network.save_html`
writes: vis-network inlined, no outside request) into the ``srcdoc`` attribute of an ``<iframe>``,
escaped. That works offline, in Jupyter and in VS Code, and survives in the saved notebook.

:func:`same_answer` compares two tables of answers (a SPARQL and a Cypher answer, say) as
multisets of rows, after making their values plain; :func:`answer_diff` lists the rows only one
side has; :func:`side_by_side` shows two tables next to each other.

Examples
--------
>>> from collabkg.graph.analysis import project, example_store
>>> from collabkg.graph.views import graph_view
>>> page = to_notebook_html(graph_view(project(example_store())), height=400)
>>> page.startswith('<div class="collabkg-view"><iframe') and 'srcdoc="&lt;!DOCTYPE html&gt;' in page
True
>>> import pandas as pd
>>> a = pd.DataFrame({"name": ["CAS", "BIG"], "n": [2, 1]})
>>> b = pd.DataFrame({"n": [1, 2], "name": ["BIG", "CAS"]})
>>> same_answer(a, b)
True
>>> answer_diff(a, b.assign(n=[1, 3]))[["side", "name", "n"]].values.tolist()
[['left only', 'CAS', 2], ['right only', 'CAS', 3]]
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import math
import numbers
from collections import Counter
from typing import Any, Sequence

from pyvis.network import Network

__all__ = ["to_notebook_html", "show", "plain_value", "normalize_answer", "same_answer", "answer_diff",
           "side_by_side"]


def _css_length(value: int | float | str) -> str:
    if isinstance(value, numbers.Number):
        return f"{value}px"
    value = str(value).strip()
    if not value or any(c in value for c in ';"<>{}'):
        raise ValueError(f"not a CSS length: {value!r} (e.g. 600, '600px' or '80vh')")
    return value


def _as_collab(net: Network):
    from collabkg.graph.views.network import CollabNetwork

    if isinstance(net, CollabNetwork):
        return net
    out = CollabNetwork(heading=net.heading, height=net.height, width=net.width, bgcolor=net.bgcolor,
                        directed=net.directed, select_menu=False, filter_menu=False)
    out.nodes, out.edges = list(net.nodes), list(net.edges)
    out.node_ids, out.node_map = list(net.node_ids), dict(net.node_map)
    out.options = net.options
    return out


def to_notebook_html(net: Network, *, height: int | str = 620, width: int | str = "100%",
                     title: str | None = None) -> str:
    """The network's self-contained page inside an ``<iframe srcdoc="...">``, as HTML text.

    Parameters
    ----------
    net : pyvis.network.Network
        Usually a :class:`~collabkg.graph.views.network.CollabNetwork` from a view function
        (its page has every script inline); a plain pyvis ``Network`` is rendered by pyvis with
        its scripts inline (``cdn_resources="in_line"``), never from a CDN.
    height, width : int or str
        Size of the frame: pixels, or a CSS length.
    title : str, optional
        The frame's accessible title (default: the network's heading).

    Returns
    -------
    str
        One ``<iframe>`` element in a ``<div class="collabkg-view">`` (IPython warns about HTML
        starting with ``<iframe``); the page is HTML-escaped into ``srcdoc``, so it needs no
        file, no server and no network.

    Raises
    ------
    ValueError
        If ``height`` or ``width`` is not a CSS length.

    Examples
    --------
    >>> from collabkg.graph.views import CollabNetwork
    >>> net = CollabNetwork(heading='say "hi" <b>')
    >>> net.add_node("a", label="a")
    >>> page = to_notebook_html(net, height="50vh")
    >>> 'title="say &quot;hi&quot; &lt;b&gt;"' in page, "height: 50vh" in page, "<b>" in page
    (True, True, False)
    """
    h, w = _css_length(height), _css_length(width)
    page = _as_collab(net).generate_html()
    label = title if title is not None else (getattr(net, "heading", "") or "collabkg view")
    return (f'<div class="collabkg-view"><iframe title="{_html.escape(str(label), quote=True)}" '
            f'style="width: {w}; height: {h}; border: 1px solid #ddd; border-radius: 4px;" '
            f'sandbox="allow-scripts allow-popups" loading="eager" '
            f'srcdoc="{_html.escape(page, quote=True)}"></iframe></div>')


def show(net: Network, *, height: int | str = 620, width: int | str = "100%", title: str | None = None):
    """Display a network inline in a notebook: an ``IPython.display.HTML`` of :func:`to_notebook_html`.

    Make it the last expression of a cell (or pass it to ``display``). The view is interactive
    (drag, zoom, hover, click a node or edge for its evidence) and works offline, in Jupyter
    and in VS Code-style viewers, and in a notebook saved with its outputs.

    Parameters
    ----------
    net, height, width, title
        As for :func:`to_notebook_html`.

    Returns
    -------
    IPython.display.HTML

    Raises
    ------
    ImportError
        If IPython is not installed (it comes with Jupyter and ipykernel).
    ValueError
        If ``height`` or ``width`` is not a CSS length.

    Examples
    --------
    >>> from collabkg.graph.views import CollabNetwork
    >>> net = CollabNetwork(heading="demo"); net.add_node("a", label="a")
    >>> "<iframe" in show(net).data
    True
    """
    try:
        from IPython.display import HTML
    except ImportError as e:  # pragma: no cover - IPython ships with every notebook kernel
        raise ImportError("show() needs IPython (pip install ipykernel); or use to_notebook_html() / "
                          "save_html()") from e
    return HTML(to_notebook_html(net, height=height, width=width, title=title))


# ---- answers ------------------------------------------------------------------------------------

def plain_value(value: Any) -> Any:
    """One cell's value made plain for comparing: rdflib terms and numpy scalars as Python
    values, dates as ISO text, lists as sorted tuples, every kind of missing value as None.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> plain_value(Literal(3)), plain_value(URIRef("http://x/a")), plain_value(float("nan"))
    (3, 'http://x/a', None)
    >>> plain_value(Literal("Beijing", lang="en")) == "Beijing", type(plain_value(Literal("x", lang="en")))
    (True, <class 'str'>)
    >>> plain_value(["b", "a"]), plain_value(_dt.date(2018, 1, 17))
    (('a', 'b'), '2018-01-17')
    """
    if value is None:
        return None
    if hasattr(value, "toPython") and hasattr(value, "n3"):  # rdflib term
        from rdflib import Literal

        if isinstance(value, Literal):
            py = value.toPython()  # a language-tagged or unknown-type literal stays a Literal
            value = str(py) if isinstance(py, Literal) else py
        else:
            value = str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(sorted((plain_value(v) for v in value), key=lambda v: (v is None, str(type(v)), str(v))))
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy / pandas scalars
        try:
            value = value.item()
        except (TypeError, ValueError):
            pass
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)  # a column with a missing value turns ints into floats in pandas
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if hasattr(value, "iso_format"):  # neo4j temporal values
        return value.iso_format()
    return value


def _rows(df, columns: Sequence[str]) -> Counter:
    return Counter(tuple(plain_value(v) for v in row) for row in df[list(columns)].itertuples(index=False, name=None))


def normalize_answer(df):
    """The answer with plain values (:func:`plain_value`), its rows sorted, a fresh index.

    Examples
    --------
    >>> import pandas as pd
    >>> normalize_answer(pd.DataFrame({"x": [2.0, None, 1.0]}))["x"].tolist()
    [1, 2, None]
    """
    import pandas as pd

    cols = list(df.columns)
    rows = [tuple(plain_value(v) for v in r) for r in df.itertuples(index=False, name=None)]
    rows.sort(key=lambda r: tuple((v is None, str(v)) for v in r))
    out = pd.DataFrame(rows, columns=cols, dtype=object)
    return out


def same_answer(left, right) -> bool:
    """Whether two answers hold the same rows (as a multiset, in any order) under the same columns.

    Column order does not matter, column names do; values are compared after
    :func:`plain_value` (so ``3``, ``3.0`` and ``Literal(3)`` are one value, and None, NaN and
    ``pd.NA`` are one missing value).

    Parameters
    ----------
    left, right : pandas.DataFrame

    Returns
    -------
    bool
    """
    if set(left.columns) != set(right.columns):
        return False
    cols = list(left.columns)
    return _rows(left, cols) == _rows(right, cols)


def answer_diff(left, right, *, names: tuple[str, str] = ("left", "right")):
    """The rows only one answer has (with multiplicity), as a DataFrame with a ``side`` column.

    Parameters
    ----------
    left, right : pandas.DataFrame
        Two answers; they must have the same column names.
    names : (str, str)
        What to call the sides (``"<name> only"`` in the ``side`` column).

    Returns
    -------
    pandas.DataFrame
        Empty when :func:`same_answer` holds.

    Raises
    ------
    ValueError
        If the column names differ (the message lists them).
    """
    import pandas as pd

    if set(left.columns) != set(right.columns):
        raise ValueError(f"the answers have different columns: {names[0]} {sorted(map(str, left.columns))}, "
                         f"{names[1]} {sorted(map(str, right.columns))}")
    cols = list(left.columns)
    a, b = _rows(left, cols), _rows(right, cols)
    out = [(f"{names[0]} only", *r) for r, n in sorted((a - b).items(), key=str) for _ in range(n)]
    out += [(f"{names[1]} only", *r) for r, n in sorted((b - a).items(), key=str) for _ in range(n)]
    return pd.DataFrame(out, columns=["side", *cols], dtype=object)


def side_by_side(left, right, *, titles: tuple[str, str] = ("SPARQL", "Cypher"), max_rows: int = 60):
    """Two answers shown next to each other (an ``IPython.display.HTML``), with a line saying
    whether they hold the same rows.

    Parameters
    ----------
    left, right : pandas.DataFrame
    titles : (str, str)
        Headings of the two tables.
    max_rows : int
        Rows shown per table.

    Returns
    -------
    IPython.display.HTML

    Raises
    ------
    ImportError
        If IPython is not installed.
    """
    from IPython.display import HTML

    same = same_answer(left, right)
    verdict = ("same rows" if same else "DIFFERENT rows") + f": {len(left)} and {len(right)}"
    cells = []
    for title, df in zip(titles, (left, right)):
        shown = normalize_answer(df)
        shown = shown.where(shown.notna(), "")  # an empty cell, not "None"
        table = shown.to_html(index=False, max_rows=max_rows, na_rep="", escape=True,
                                             border=0, classes="collabkg-answer")
        cells.append(f'<div style="flex: 1 1 0; min-width: 0; overflow-x: auto;">'
                     f'<h4 style="margin: 2px 0 4px 0;">{_html.escape(title)}</h4>{table}</div>')
    color = "#2e7d32" if same else "#c62828"
    return HTML(f'<div class="collabkg-side-by-side"><div style="color: {color}; font-weight: 600; '
                f'margin-bottom: 4px;">{_html.escape(verdict)}</div>'
                f'<div style="display: flex; gap: 16px; align-items: flex-start;">{"".join(cells)}</div></div>')
