"""The docstring examples of the Neo4j mirror modules run (they need no server)."""

from __future__ import annotations

import doctest

import pytest

from collabkg.graph.neo4j import config, cypher, mapping, mirror, offline


@pytest.mark.parametrize("module", [config, mapping, mirror, cypher, offline], ids=lambda m: m.__name__)
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
