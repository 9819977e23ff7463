"""Fixtures of the analysis tests: the hand-made miniature corpus, and the built sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest




@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory) -> Path:
    """The bundled sample corpus, built with ``collabkg.api.build`` into a fresh store folder."""
    from collabkg import api

    root = tmp_path_factory.mktemp("sample")
    report = api.build(store=root / "store", out=root / "out")
    assert report.exit_code == 0
    return root / "store"


@pytest.fixture(scope="session")
def sample(sample_store_path):
    """The projection of the built sample corpus."""
    from collabkg.graph.analysis import load_graph

    return load_graph(sample_store_path)
