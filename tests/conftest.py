"""Shared fixtures: the sample corpus built once per session into a temporary store."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabkg import api
from collabkg.graph.store import Store


def rows(store: Store, query: str) -> list[dict[str, str | None]]:
    """Run a SELECT on ``store`` (union of graphs, prefixes predeclared); values as plain strings."""
    res = store.query(query)
    names = [v.value for v in res.variables]
    return [{n: (sol[n].value if sol[n] is not None else None) for n in names} for sol in res]


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> tuple[api.BuildReport, Path]:
    """The bundled sample corpus built into a fresh store: (report, store folder)."""
    d = tmp_path_factory.mktemp("sample")
    report = api.build(store=d / "store", out=d / "out")
    return report, d / "store"


@pytest.fixture(scope="session")
def sample_store(sample_build):
    """The sample-corpus store, open for reading for the whole session."""
    st = Store(sample_build[1])
    yield st
    st.close()
