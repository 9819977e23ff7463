"""The examples in the loaders' docstrings run and hold."""

from __future__ import annotations

import doctest

import pytest

from collabkg.loaders import (body_corrections, body_names, clean, dates, discourse_next_editions, elections, extract, extract_counts,
                              extract_entities, fastmatch, mentions, nlp, people_corrections, person_names, resolve, rosters, units)

# doctest runs the examples of the functions a module defines, not of those it imports: the modules
# split out of mentions and extract are named here so that their examples still run


@pytest.mark.parametrize("module", [clean, dates, mentions, body_names, person_names, people_corrections, body_corrections,
                                    resolve, extract, extract_entities, extract_counts, fastmatch, nlp, elections, rosters, units,
                                    discourse_next_editions],
                         ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
