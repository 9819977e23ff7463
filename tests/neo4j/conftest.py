"""Fixtures for the Neo4j mirror tests: a real Neo4j server, from the environment.

The connection comes from ``NEO4J_URI`` / ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD`` /
``NEO4J_DATABASE`` (defaults: the server ``scripts/neo4j-local start`` runs). The tests never
skip: if the server cannot be reached they FAIL, saying why (in CI and locally).

Safety: a database that holds data the tests did not write is refused unless
``COLLABKG_TEST_NEO4J_WIPE=1`` (the README's test command sets it, since it starts its own
fresh server). Once allowed, a marker node ``(:_CollabKGTestDatabase)`` records that the
database belongs to the tests, so later runs may wipe it again. Each test starts from an empty
database (all nodes, constraints and indexes dropped; only the marker is kept).
"""

from __future__ import annotations

import pytest

from collabkg.errors import Neo4jError
from collabkg.graph.neo4j import Neo4jConfig, connect
from neo4j_db import _guard, _why_unreachable, test_config, wipe  # noqa: F401
from neo4j_helpers import store_from


@pytest.fixture(scope="session")
def neo4j_config() -> Neo4jConfig:
    return test_config()


@pytest.fixture(scope="session")
def neo4j_session_driver(neo4j_config):
    try:
        driver = connect(neo4j_config)
    except Neo4jError as e:
        pytest.fail(_why_unreachable(neo4j_config, e), pytrace=False)
    _guard(driver, neo4j_config)
    yield driver
    driver.close()


@pytest.fixture
def neo4j(neo4j_session_driver, neo4j_config):
    """An open driver on an empty database (wiped before the test)."""
    wipe(neo4j_session_driver, neo4j_config)
    return neo4j_session_driver


@pytest.fixture
def mini_store():
    """The hand-made fixture ``data/mini.trig`` in an in-memory Store."""
    return store_from("mini.trig")


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """The bundled sample corpus, built by ``collabkg.api.build`` into a fresh store."""
    from collabkg import api
    from collabkg.graph.store import Store

    d = tmp_path_factory.mktemp("neo4j-corpus")
    api.build(store=d / "store", out=d / "out")
    st = Store(d / "store")
    yield st
    st.close()
