"""Interactive views of the knowledge graph (pyvis): API functions returning a pyvis ``Network``.

Self-contained and offline HTML, every document text escaped, usable on large graphs::

    >>> from collabkg.graph.analysis import project, example_store
    >>> from collabkg.graph.views import graph_view, save_html
    >>> net = graph_view(project(example_store()))
    >>> type(net).__mro__[1].__name__
    'Network'
"""

from collabkg.graph.views.layout import force_layout, layout
from collabkg.graph.views.network import (EDGE_LABEL_MAX_EDGES, KIND_COLORS, PHYSICS_MAX_NODES, CollabNetwork,
                                          graph_view, neighbourhood_view, path_view, save_html, view)
from collabkg.graph.views.notebook import (answer_diff, normalize_answer, plain_value, same_answer, show,
                                           side_by_side, to_notebook_html)

__all__ = ["CollabNetwork", "view", "graph_view", "neighbourhood_view", "path_view", "save_html", "layout", "force_layout",
           "KIND_COLORS", "PHYSICS_MAX_NODES", "EDGE_LABEL_MAX_EDGES",
           "show", "to_notebook_html", "side_by_side", "same_answer", "answer_diff", "normalize_answer", "plain_value"]
