"""Every docstring example of the analysis modules runs."""

import doctest
import importlib

import pytest

MODULES = ["projection", "paths", "centrality", "communities", "report"]


@pytest.mark.parametrize("name", MODULES + ["__init__"])
def test_doctests(name):
    mod = importlib.import_module("collabkg.graph.analysis" + ("" if name == "__init__" else "." + name))
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{mod.__name__} has no examples"
    assert result.failed == 0
