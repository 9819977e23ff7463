"""Fixtures of the analysis tests: the hand-made miniature corpus, and the built sample corpus."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from collabkg.graph.analysis import project
from collabkg.graph.store import Store

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def mini_store() -> Store:
    store = Store()
    store.oxigraph.load((DATA / "mini.trig").read_bytes(), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture()
def mini(mini_store):
    """A fresh projection of the miniature corpus (tests may mutate it)."""
    return project(mini_store)


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
