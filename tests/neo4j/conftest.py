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

import os
from pathlib import Path

import pytest

from collabkg.errors import Neo4jError
from collabkg.graph.neo4j import Neo4jConfig, connect
from neo4j_helpers import store_from

MARKER = "_CollabKGTestDatabase"
LOCAL_DEFAULT_PASSWORD = "collabkg-local-test"  # scripts/neo4j-local's default


def test_config() -> Neo4jConfig:
    """The settings the server tests use (password defaults to scripts/neo4j-local's)."""
    cfg = Neo4jConfig.from_env()
    if cfg.password is None:
        cfg = Neo4jConfig(cfg.uri, cfg.username, LOCAL_DEFAULT_PASSWORD, cfg.database)
    return cfg


test_config.__test__ = False  # not a test


def _why_unreachable(cfg: Neo4jConfig, err: Exception) -> str:
    ci = os.environ.get("CI", "").lower() == "true"
    return (
        f"the Neo4j tests need a server and none answered at {cfg.uri} "
        f"(database {cfg.database_label}): {err}. Start one with `scripts/neo4j-local start` "
        f"(and export its `scripts/neo4j-local env`), or set NEO4J_URI/NEO4J_PASSWORD."
        + (" CI=true: these tests must run, not skip." if ci else "")
    )


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


def _guard(driver, cfg: Neo4jConfig) -> None:
    """Refuse a database holding data the tests did not write, unless told to wipe it."""
    with driver.session(database=cfg.database) as s:
        marked = s.run(f"MATCH (m:{MARKER}) RETURN count(m) AS c").single()["c"] > 0
        others = s.run(f"MATCH (n) WHERE NOT n:{MARKER} RETURN count(n) AS c").single()["c"]
    if others and not marked and os.environ.get("COLLABKG_TEST_NEO4J_WIPE") != "1":
        pytest.fail(
            f"refusing to run the Neo4j tests: database {cfg.database_label} at {cfg.uri} holds "
            f"{others} nodes the tests did not write, and every test wipes it. Point NEO4J_URI at a "
            "scratch server, or set COLLABKG_TEST_NEO4J_WIPE=1 to allow wiping.",
            pytrace=False,
        )


def wipe(driver, cfg: Neo4jConfig) -> None:
    """Empty the database: every node and relationship, constraint and index; keep the marker."""
    with driver.session(database=cfg.database) as s:
        while s.run(
            f"MATCH (n) WHERE NOT n:{MARKER} WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c"
        ).single()["c"]:
            pass
        for rec in list(s.run("SHOW CONSTRAINTS YIELD name")):
            s.run("DROP CONSTRAINT " + _q(rec["name"]) + " IF EXISTS").consume()
        for rec in list(s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            s.run("DROP INDEX " + _q(rec["name"]) + " IF EXISTS").consume()
        s.run(f"MERGE (:{MARKER})").consume()


def _q(name: str) -> str:
    from collabkg.graph.neo4j import quote_identifier

    return quote_identifier(name)


@pytest.fixture
def neo4j(neo4j_session_driver, neo4j_config):
    """An open driver on an empty database (wiped before the test)."""
    wipe(neo4j_session_driver, neo4j_config)
    return neo4j_session_driver


@pytest.fixture
def mini_store() -> Store:
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
