"""The examples in the loaders' docstrings run and hold."""

from __future__ import annotations

import doctest

import pytest

from collabkg.loaders import clean, dates, extract, fastmatch, mentions, nlp, resolve


@pytest.mark.parametrize("module", [clean, dates, mentions, resolve, extract, fastmatch, nlp], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
