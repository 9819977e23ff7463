"""Faults: the server killed in the middle of a sync; unreachable server; wrong password or database."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import warnings
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from collabkg.errors import Neo4jError
from collabkg.graph.neo4j import Neo4jConfig, checksum, connect, sync, verify
from collabkg.graph.neo4j.mapping import PrefixTable, build_model, quad_from_rdflib

pytestmark = pytest.mark.neo4j
REPO = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/collabkg/id/"
CKG = "https://w3id.org/collabkg/ontology#"


def synthetic(n: int) -> Dataset:
    """n organizations, each labelled, typed, with two partners and one reified partner link."""
    ds = Dataset()
    for i in range(n):
        g = ds.graph(URIRef(ID + f"document/d{i % 20}"))
        s = URIRef(ID + f"organization/o{i}")
        g.add((s, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(CKG + "ResearchCenter")))
        g.add((s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(f"Org {i}")))
        g.add((s, URIRef(CKG + "partner"), URIRef(ID + f"organization/o{(i * 7 + 1) % n}")))
        g.add((s, URIRef(CKG + "hostedBy"), URIRef(ID + f"organization/o{(i * 13 + 5) % n}")))
    return ds


def _pid_file() -> Path:
    home = os.environ.get("COLLABKG_NEO4J_HOME") or str(Path.cwd() / ".neo4j-local")
    return Path(home) / "neo4j.pid"


def _wait_gone(pid: int, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"Neo4j pid {pid} still alive {timeout}s after SIGKILL")


def _reconnect(cfg: Neo4jConfig, timeout: float):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            return connect(cfg)
        except Neo4jError:
            time.sleep(1)
    return None


def test_kill_server_mid_sync_then_converge(neo4j, neo4j_config):
    pid_file = _pid_file()
    if not pid_file.is_file():
        pytest.fail(
            f"this test kills the server started by scripts/neo4j-local and restarts it: no pid file at "
            f"{pid_file}. Start the server with `scripts/neo4j-local start` (same COLLABKG_NEO4J_HOME).",
            pytrace=False,
        )
    pid = int(pid_file.read_text().strip())
    ds = synthetic(3000)
    killed = {}

    def progress(phase, done, total):
        if phase == "relationships" and done >= total // 3 and not killed:
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid)
            killed["at"] = done

    with pytest.raises(Neo4jError) as err:
        sync(ds, driver=neo4j, batch_size=200, progress=progress)
    assert killed, "the sync finished before the server could be killed"
    msg = str(err.value)
    assert "cannot reach Neo4j" in msg and "run again" in msg.replace("safe to run again", "run again")
    assert (neo4j_config.password or "") not in msg

    # restart: recovery after kill -9 can be slow on a loaded 2-core machine, so allow 4 minutes
    env = dict(os.environ, NEO4J_PASSWORD=neo4j_config.password, NEO4J_WAIT_TIMEOUT="240")
    started = subprocess.run([str(REPO / "scripts" / "neo4j-local"), "start"], env=env, cwd=Path.cwd(),
                             capture_output=True, text=True, timeout=300)
    driver = _reconnect(neo4j_config, 240)
    if driver is None:
        pytest.fail("Neo4j did not come back after kill -9; scripts/neo4j-local start said:\n"
                    + started.stdout[-1500:] + started.stderr[-1500:], pytrace=False)
    if started.returncode != 0:
        warnings.warn("scripts/neo4j-local start failed although the server came up:\n" + started.stderr[-1500:])
    try:
        report = sync(ds, driver=driver)
        assert report.mode == "incremental" and report.rels_created > 0  # picked up where it died
        assert verify(ds, driver=driver).ok
        model = build_model([quad_from_rdflib(*q) for q in ds.quads((None, None, None, None))], PrefixTable())
        assert checksum(driver=driver)[1] == {"nodes": len(model.nodes), "relationships": len(model.rels)}
        dups = driver.execute_query(
            "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1 RETURN count(*) AS n"
        ).records[0]["n"]
        assert dups == 0
        assert sync(ds, driver=driver).changes == 0
    finally:
        driver.close()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_is_one_clear_error():
    cfg = Neo4jConfig(uri=f"bolt://127.0.0.1:{_free_port()}", password="not-the-password-123")
    with pytest.raises(Neo4jError, match="cannot reach Neo4j at bolt://127.0.0.1") as err:
        connect(cfg)
    assert "not-the-password-123" not in str(err.value)


def test_wrong_password_is_one_clear_error(neo4j_session_driver, neo4j_config):
    cfg = Neo4jConfig(neo4j_config.uri, neo4j_config.username, "wrong-password-xyz", neo4j_config.database)
    with pytest.raises(Neo4jError, match="refused the credentials") as err:
        connect(cfg)
    assert "wrong-password-xyz" not in str(err.value)


def test_wrong_database_is_one_clear_error(neo4j_session_driver, neo4j_config):
    cfg = Neo4jConfig(neo4j_config.uri, neo4j_config.username, neo4j_config.password, "no-such-db")
    with pytest.raises(Neo4jError, match="database 'no-such-db' does not exist"):
        connect(cfg)


def test_password_never_in_repr_or_env_errors():
    cfg = Neo4jConfig.from_env(environ={"NEO4J_PASSWORD": "s3cr3t-value", "NEO4J_URI": "neo4j+s://db.example.org"})
    assert "s3cr3t" not in repr(cfg) and "s3cr3t" not in str(cfg)
    for scheme in ("bolt", "bolt+s", "neo4j", "neo4j+s", "bolt+ssc", "neo4j+ssc"):
        assert Neo4jConfig(uri=f"{scheme}://h:7687").uri.startswith(scheme)
    with pytest.raises(Neo4jError, match="scheme 'http'"):
        Neo4jConfig(uri="http://h:7474")
    with pytest.raises(Neo4jError, match="NEO4J_PASSWORD is not set"):
        connect(Neo4jConfig(password=None))


def test_routing_scheme_and_tls_mismatch(neo4j, neo4j_config, mini_store):
    host = neo4j_config.uri.split("://", 1)[1]
    routed = Neo4jConfig("neo4j://" + host, neo4j_config.username, neo4j_config.password, neo4j_config.database)
    assert sync(mini_store, routed).mode == "bulk"
    assert verify(mini_store, routed).ok
    # TLS asked of a plaintext server: one clear error, not a hang or a traceback
    tls = Neo4jConfig("bolt+s://" + host, neo4j_config.username, neo4j_config.password, neo4j_config.database)
    with pytest.raises(Neo4jError, match="cannot reach Neo4j at bolt\\+s://"):
        connect(tls)


def test_tests_refuse_a_database_they_did_not_write(neo4j, neo4j_config, monkeypatch):
    from neo4j_db import MARKER, _guard

    neo4j.execute_query(f"MATCH (m:{MARKER}) DELETE m")
    neo4j.execute_query("CREATE (:SomebodysData {name: 'precious'})")
    monkeypatch.delenv("COLLABKG_TEST_NEO4J_WIPE", raising=False)
    with pytest.raises(pytest.fail.Exception, match="refusing to run the Neo4j tests"):
        _guard(neo4j, neo4j_config)
    monkeypatch.setenv("COLLABKG_TEST_NEO4J_WIPE", "1")
    _guard(neo4j, neo4j_config)  # told to wipe: allowed
    neo4j.execute_query(f"MERGE (:{MARKER})")
