"""Analysis of the knowledge graph with networkx: projection, paths, centrality, communities.

Free functions over networkx graphs, re-exported here::

    >>> from collabkg.graph import analysis
    >>> G = analysis.project(analysis.example_store())
    >>> analysis.trace(G, "Gamma University", "Beta Center")["relation"].tolist()
    ['part of', 'party', 'party']
"""

from collabkg.graph.analysis.centrality import *  # noqa: F401,F403
from collabkg.graph.analysis.centrality import __all__ as _c
from collabkg.graph.analysis.communities import *  # noqa: F401,F403
from collabkg.graph.analysis.communities import __all__ as _m
from collabkg.graph.analysis.paths import *  # noqa: F401,F403
from collabkg.graph.analysis.paths import __all__ as _p
from collabkg.graph.analysis.projection import *  # noqa: F401,F403
from collabkg.graph.analysis.projection import __all__ as _j
from collabkg.graph.analysis.report import stats

__all__ = [*_j, *_p, *_c, *_m, "stats"]
