"""Shared fixtures: the sample corpus built once per session into a temporary store."""

from __future__ import annotations

from pathlib import Path

import pytest

import pyoxigraph as ox

from collabkg import api
from collabkg.graph.store import Store

#: The hand-made miniature corpus shared by the analysis and view tests.
MINI = Path(__file__).parent / "analysis" / "data" / "mini.trig"


#: Every post the sample corpus states: (person, role title, organization), by label. Checked through
#: hand-written SPARQL (tests/test_sample_corpus.py) and through the bundled posts.rq (tests/sparql).
SAMPLE_POSTS = frozenset({
    ("BAO Yiming", "Director", "BIG Data Center"),
    ("XUE Yongbiao", "Director", "Beijing Institute of Genomics"),
    ("Javed Ashraf", "President", "Quaid-i-Azam University"),
    ("YUN Tao", "Project Officer", "China Science and Technology Exchange Center"),
    ("ZHANG Shizhuan", "Director", "Asia-Africa Division"),
})


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


@pytest.fixture(scope="session")
def mini_store() -> Store:
    """The miniature corpus (``tests/analysis/data/mini.trig``) in an in-memory store."""
    store = Store()
    store.oxigraph.load(MINI.read_bytes(), format=ox.RdfFormat.TRIG)
    store.rebuild_default_graph()
    return store


@pytest.fixture()
def mini(mini_store):
    """A fresh projection of the miniature corpus (tests may mutate it)."""
    from collabkg.graph.analysis import project

    return project(mini_store)
