"""The offline bulk path (``collabkg neo4j sync --offline``) against a real local server.

An offline import replaces the whole database, so these tests do not touch the suite's shared
server: they start a second one through ``scripts/neo4j-local`` with a run folder of their own and
a free loopback port (the launcher that scripts/test built), and stop it at the end. The suite's
server is used only to check that a sync pointed at it is refused.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from collabkg.cli import cli
from collabkg.errors import Neo4jError
from collabkg.graph.neo4j import Neo4jConfig, checksum, clear, connect, export_rdf, sync, verify
from collabkg.graph.neo4j.offline import local_server, sync_offline
from collabkg.graph.store import Store
from neo4j_helpers import store_from

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "collabkg-offline-test"
XSD = "http://www.w3.org/2001/XMLSchema#"
# what CSV cannot say directly: line breaks, doubles' special values, a list of mixed literals,
# the default graph (an array of just "", written as a placeholder), a blank-node graph name
TRIG = f"""
<http://ex.org/a> <http://ex.org/p> "1"^^<{XSD}double>, "1.5E3"^^<{XSD}double>, "INF"^^<{XSD}double>, "NaN"^^<{XSD}double> .
<http://ex.org/a> <http://ex.org/s> "line one\\nline \\"two\\"", "x, y" , "hi"@en .
<http://ex.org/a> <http://ex.org/t> "2020-01-01T10:00:00Z"^^<{XSD}dateTime>, "2020-01-01"^^<{XSD}date>, "true"^^<{XSD}boolean> .
<http://ex.org/a> <http://ex.org/n> 42 ; a <http://ex.org/C> .
<http://ex.org/a> <http://ex.org/knows> <http://ex.org/b> .
_:g1 {{ <http://ex.org/a> <http://ex.org/q> <http://ex.org/b> . _:x <http://ex.org/q> "in a blank graph" }}
<http://ex.org/doc> {{ <http://ex.org/b> <http://ex.org/r> "1.5"^^<{XSD}decimal> ; <http://ex.org/knows> <http://ex.org/a> }}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def offline_server(tmp_path_factory):
    """A second scripts/neo4j-local server: (config, run folder, environment for the script)."""
    home = tmp_path_factory.mktemp("neo4j-offline") / "home"
    port = _free_port()
    env = dict(os.environ, COLLABKG_NEO4J_HOME=str(home), NEO4J_BOLT_PORT=str(port), NEO4J_PASSWORD=PASSWORD,
               NEO4J_WAIT_TIMEOUT="300", NEO4J_HEAP="512m", NEO4J_PAGECACHE="128m")
    script = str(REPO / "scripts" / "neo4j-local")
    started = subprocess.run([script, "start"], env=env, capture_output=True, text=True)
    try:
        assert started.returncode == 0, f"the second local server did not start: {started.stderr[-2000:]}"
        yield Neo4jConfig(uri=f"bolt://127.0.0.1:{port}", password=PASSWORD), home, env
    finally:
        subprocess.run([script, "stop"], env=env, capture_output=True)


@pytest.fixture
def empty_offline(offline_server):
    cfg, home, env = offline_server
    with connect(cfg) as d:
        d.execute_query("MATCH (n) DETACH DELETE n")
        for rec in d.execute_query("SHOW CONSTRAINTS YIELD name").records:
            d.execute_query(f"DROP CONSTRAINT `{rec['name']}`")
    return offline_server


def _store(text: str) -> Store:
    st = Store()
    st.bulk_load(io.BytesIO(text.encode()), format="trig")
    return st


def _meta(driver) -> tuple:
    """The prefix table and the n10s config nodes, as the sync wrote them."""
    pref = driver.execute_query("MATCH (n:_NsPrefDef) RETURN properties(n) AS p").records
    conf = driver.execute_query("MATCH (n:_GraphConfig) RETURN properties(n) AS p").records
    cons = driver.execute_query("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN *").records
    return [r["p"] for r in pref], [r["p"] for r in conf], sorted(tuple(r.values()) for r in cons)


@pytest.mark.parametrize("source", ["mini", "dataset"])
def test_offline_sync_writes_what_the_bolt_sync_writes(empty_offline, source):
    cfg, home, _ = empty_offline
    if source == "mini":
        src = store_from("mini.trig")
    else:  # an rdflib Dataset: default-graph statements ("" in graphs), blank graph name
        src = Dataset()
        src.parse(data=TRIG, format="trig")
    report = sync_offline(src, cfg, home=home)
    assert report.mode == "offline" and report.changes > 0
    assert set(report.parts) == {"map and write CSV", "stop database", "import", "start database",
                                 "constraint", "placeholders"}
    with connect(cfg) as d:  # a new driver: bookmarks of the old transaction log do not hold
        assert verify(src, driver=d).ok
        offline_sum, offline_meta = checksum(driver=d), _meta(d)
        if source == "dataset":  # the placeholders were replaced: graphs [""] on nodes and relationships
            rows = d.execute_query("MATCH (n:Resource {uri: 'http://ex.org/a'})-[r:ns0__knows]->() "
                                   "RETURN n.graphs AS n, r.graphs AS r").records
            assert rows[0]["n"] == [""] and rows[0]["r"] == [""]
        clear(driver=d)
        sync(src, driver=d)
        assert checksum(driver=d) == offline_sum
        assert _meta(d) == offline_meta
    assert offline_sum[1]["nodes"] == report.nodes and offline_sum[1]["relationships"] == report.relationships
    assert not list((home / "import").iterdir())  # the CSV files are removed


def test_offline_cli_then_verify_and_export(empty_offline, tmp_path):
    cfg, home, _ = empty_offline
    mem = _store(TRIG)
    st = Store(tmp_path / "store")
    st.bulk_load(io.BytesIO(TRIG.encode()), format="trig")
    st.close()
    env = {"NEO4J_URI": cfg.uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": PASSWORD, "NEO4J_DATABASE": ""}
    runner = CliRunner()
    r = runner.invoke(cli, ["neo4j", "sync", "--offline", "--neo4j-home", str(home), "--store", str(tmp_path / "store")],
                      env=env, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "(offline)" in r.output and "import" in r.output and "stop database" in r.output
    r = runner.invoke(cli, ["neo4j", "verify", "--store", str(tmp_path / "store")], env=env, catch_exceptions=False)
    assert r.exit_code == 0 and "Neo4j matches the store" in r.output, r.output
    with connect(cfg) as d:
        exported = ox.parse(export_rdf(None, "nquads", driver=d), format=ox.RdfFormat.N_QUADS)
        from collabkg.graph.compare import compare_quads

        diff = compare_quads(mem.named_quads(), exported)
        assert not diff.missing and not diff.extra and not diff.lexical


def test_offline_refuses_a_database_that_holds_anything(empty_offline):
    cfg, home, _ = empty_offline
    with connect(cfg) as d:
        d.execute_query("CREATE (:Mine {name: 'keep me'})")
    with pytest.raises(Neo4jError, match="is not empty; an offline import replaces the whole database"):
        sync_offline(store_from("mini.trig"), cfg, home=home)
    with connect(cfg) as d:
        assert d.execute_query("MATCH (n) RETURN n.name AS n").records[0]["n"] == "keep me"


def test_offline_refuses_a_value_csv_cannot_carry_before_touching_the_server(empty_offline):
    cfg, home, _ = empty_offline
    st = _store('<http://ex.org/a> <http://ex.org/s> "one\x1ftwo", "three" .')
    with pytest.raises(Neo4jError, match=r"node <http://ex.org/a>: the array value 'one\\x1ftwo' holds U\+001F"):
        sync_offline(st, cfg, home=home)
    with connect(cfg) as d:
        assert d.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"] == 0
        sync(st, driver=d)  # the Bolt sync carries it
        assert verify(st, driver=d).ok


def test_offline_refuses_other_servers(offline_server, neo4j_config, tmp_path):
    cfg, home, _ = offline_server
    # the suite's own server is not the one of this run folder
    with pytest.raises(Neo4jError, match=rf"is not the server of .*: that one listens on port {cfg.uri.rsplit(':', 1)[1]}"):
        local_server(neo4j_config if neo4j_config.uri != cfg.uri else Neo4jConfig(uri="bolt://127.0.0.1:1"), home)
    with pytest.raises(Neo4jError, match="no server of scripts/neo4j-local runs from this folder"):
        local_server(cfg, tmp_path / "nothing-here")
    with pytest.raises(Neo4jError, match="is not on 127.0.0.1"):
        local_server(Neo4jConfig(uri="neo4j+s://db.example.org:7687"), home)
    with pytest.raises(Neo4jError, match="not 'other'"):
        local_server(Neo4jConfig(uri=cfg.uri, database="other"), home)
