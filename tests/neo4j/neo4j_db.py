"""The test database: settings, the refusal guard and the wipe (shared by conftest and tests)."""

from __future__ import annotations

import os

import pytest

from collabkg.graph.neo4j import Neo4jConfig, quote_identifier

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
        f"(and `eval \"$(scripts/neo4j-local env --with-password)\"`), or set NEO4J_URI/NEO4J_PASSWORD."
        + (" CI=true: these tests must run, not skip." if ci else "")
    )


def _guard(driver, cfg: Neo4jConfig, *, who: str = "the Neo4j tests", why: str = "every test wipes it") -> None:
    """Refuse a database holding data the tests did not write, unless told to wipe it.

    Shared by the Neo4j tests and the notebook tests (``who`` and ``why`` word the refusal).
    """
    with driver.session(database=cfg.database) as s:
        marked = s.run(f"MATCH (m:{MARKER}) RETURN count(m) AS c").single()["c"] > 0
        others = s.run(f"MATCH (n) WHERE NOT n:{MARKER} RETURN count(n) AS c").single()["c"]
    if others and not marked and os.environ.get("COLLABKG_TEST_NEO4J_WIPE") != "1":
        pytest.fail(
            f"refusing to run {who}: database {cfg.database_label} at {cfg.uri} holds "
            f"{others} nodes the tests did not write, and {why}. Point NEO4J_URI at a "
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
            s.run("DROP CONSTRAINT " + quote_identifier(rec["name"]) + " IF EXISTS").consume()
        for rec in list(s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            s.run("DROP INDEX " + quote_identifier(rec["name"]) + " IF EXISTS").consume()
        s.run(f"MERGE (:{MARKER})").consume()


