"""The ``collabkg neo4j ...`` and ``collabkg cypher`` commands (thin layer over the library)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from collabkg.cli import cli
from neo4j_helpers import store_from

pytestmark = pytest.mark.neo4j


@pytest.fixture
def store_dir(tmp_path):
    from collabkg.graph.store import Store

    mem = store_from("mini.trig")
    st = Store(tmp_path / "store")
    for g in mem.graph_names():
        st.replace_graph(g, mem.graph(g))
    st.close()
    return tmp_path / "store"


def env_of(cfg, **over):
    env = {"NEO4J_URI": cfg.uri, "NEO4J_USERNAME": cfg.username, "NEO4J_PASSWORD": cfg.password,
           "NEO4J_DATABASE": cfg.database or ""}
    env.update(over)
    return env


def run(args, env):
    return CliRunner().invoke(cli, args, env=env, catch_exceptions=False)


def test_sync_verify_export_cypher_clear(neo4j, neo4j_config, store_dir, tmp_path):
    env = env_of(neo4j_config)
    r = run(["neo4j", "sync", "--store", str(store_dir)], env)
    assert r.exit_code == 0, r.output
    assert "synced 159 quads (bulk)" in r.output and "triples/s" in r.output
    r = run(["neo4j", "sync", "--store", str(store_dir)], env)
    assert "already up to date" in r.output
    r = run(["neo4j", "verify", "--store", str(store_dir)], env)
    assert r.exit_code == 0 and "matches the store: 159 quads" in r.output
    out = tmp_path / "mirror.trig"
    r = run(["neo4j", "export", "-o", str(out)], env)
    assert r.exit_code == 0 and out.read_text().count("ckg:party") >= 1
    r = run(["cypher", "posts", "--format", "json"], env)
    assert json.loads(r.output)[0]["person"] == "BAO Yiming"
    r = run(["cypher", "roundtables_by_year", "-p", "year=2009", "--format", "csv"], env)
    lines = r.output.strip().splitlines()
    assert lines[0].startswith("year,ordinal,roundtable") and len(lines) == 3
    r = run(["cypher", "MATCH (n:ckg__Agreement) RETURN count(n) AS n"], env)
    assert r.exit_code == 0 and "2" in r.output
    qfile = tmp_path / "mine.cypher"
    qfile.write_text("// Agreements by name.\n// @param name null  optional filter\n"
                     "MATCH (a:ckg__Agreement) WHERE $name IS NULL OR a.rdfs__label CONTAINS $name RETURN a.rdfs__label AS agreement ORDER BY agreement\n")
    r = run(["cypher", "--file", str(qfile), "--param", "name=NCAR", "--format", "json"], env)
    assert json.loads(r.output) == [{"agreement": "MoU between CNIC and NCAR"}]
    r = CliRunner().invoke(cli, ["cypher", "CREATE (:Scratch)"], env=env)
    assert r.exit_code == 1  # read-only unless --write
    r = run(["cypher", "--write", "CREATE (s:Scratch) WITH s DELETE s RETURN 1 AS ok"], env)
    assert r.exit_code == 0
    r = run(["cypher", "--list"], env)
    assert "organizations_with_cas_agreements" in r.output
    # a statement removed from Neo4j by hand: verify reports it and exits 1
    neo4j.execute_query("MATCH (:Resource)-[r:ckg__party]->(:Resource {uri: 'https://w3id.org/collabkg/id/organization/ncar'}) DELETE r")
    r = run(["neo4j", "verify", "--store", str(store_dir)], env)
    assert r.exit_code == 1 and "1 missing, 0 extra" in r.output and "ontology#party>" in r.output
    r = CliRunner().invoke(cli, ["neo4j", "clear"], env=env, input="n\n")
    assert r.exit_code != 0  # declined
    r = run(["neo4j", "clear", "--yes"], env)
    assert r.exit_code == 0 and "deleted 34 nodes" in r.output


def _one_line_error(result, *needles):
    assert result.exit_code == 1
    err = result.stderr if hasattr(result, "stderr") else result.output
    lines = [l for l in err.strip().splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in result.output
    for n in needles:
        assert n in lines[0]
    return lines[0]


def test_sync_of_named_graphs(neo4j, neo4j_config, store_dir):
    """``--graph`` syncs what the named documents changed; with --offline it is refused."""
    from rdflib import URIRef

    from collabkg.graph.store import Store

    env = env_of(neo4j_config)
    assert run(["neo4j", "sync", "--store", str(store_dir)], env).exit_code == 0
    new_doc = URIRef("https://w3id.org/collabkg/id/document/new-mou")
    st = Store(store_dir)
    bigger = store_from("mini.trig", "new-document.trig")
    st.replace_graph(new_doc, bigger.graph(new_doc))
    st.close()
    r = run(["neo4j", "sync", "--store", str(store_dir), "--graph", new_doc], env)
    assert r.exit_code == 0 and "(incremental (scoped))" in r.output and "nodes +3 ~1 -0" in r.output, r.output
    assert "already up to date" in run(["neo4j", "sync", "--store", str(store_dir)], env).output
    r = CliRunner().invoke(cli, ["neo4j", "sync", "--offline", "--graph", new_doc], env=env)
    assert r.exit_code == 2 and "--graph is for an incremental sync" in r.output


def test_connection_errors_are_one_line(neo4j, neo4j_config, store_dir):
    line = _one_line_error(
        CliRunner().invoke(cli, ["neo4j", "sync", "--store", str(store_dir)], env=env_of(neo4j_config, NEO4J_PASSWORD="bad-pass-9876")),
        "refused the credentials",
    )
    assert "bad-pass-9876" not in line
    _one_line_error(
        CliRunner().invoke(cli, ["neo4j", "verify", "--store", str(store_dir)], env=env_of(neo4j_config, NEO4J_DATABASE="nope")),
        "database 'nope' does not exist",
    )
    _one_line_error(
        CliRunner().invoke(cli, ["cypher", "RETURN 1"], env=env_of(neo4j_config, NEO4J_URI="bolt://127.0.0.1:1")),
        "cannot reach Neo4j at bolt://127.0.0.1:1",
    )
    _one_line_error(CliRunner().invoke(cli, ["cypher", "MATCH (n RETURN n"], env=env_of(neo4j_config)), "syntax error")
    _one_line_error(CliRunner().invoke(cli, ["cypher", "posts", "-p", "oops"], env=env_of(neo4j_config)), "NAME=VALUE")
    # --debug shows the traceback
    r = CliRunner().invoke(cli, ["--debug", "cypher", "RETURN 1"], env=env_of(neo4j_config, NEO4J_URI="bolt://127.0.0.1:1"))
    assert r.exit_code != 0 and r.exception is not None


@pytest.mark.parametrize("cmd", [["neo4j", "sync"], ["neo4j", "export"], ["neo4j", "verify"], ["neo4j", "clear"], ["cypher"]])
def test_every_command_has_help_with_an_example(cmd):
    r = CliRunner().invoke(cli, [*cmd, "--help"])
    assert r.exit_code == 0 and "Example" in r.output


def test_cypher_table_cells_are_one_line_cut_with_an_ellipsis_and_controls_escaped(neo4j, neo4j_config):
    """Long quotes wrapped one word per line at 80 columns; control characters reached the terminal raw."""
    env = env_of(neo4j_config)
    long = "word " * 40
    r = CliRunner().invoke(cli, ["cypher", "RETURN $x AS x, $long AS long", "-p", 'x="\\u001b[2Jred\\u202e"',
                                 "-p", f'long="{long}"'], env=env, terminal_width=80)
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.output and "\u202e" not in r.output
    assert "\\x1b[2Jred\\u202e" in r.output
    row = next(line for line in r.output.splitlines() if "word" in line)
    assert "\u2026" in row and row.count("word") < 40
    assert sum("word" in line for line in r.output.splitlines()) == 1, "one line per row, not one word per line"
    r = CliRunner().invoke(cli, ["cypher", "RETURN $long AS long", "-p", f'long="{long}"', "--format", "csv"], env=env)
    assert long.strip() in r.output  # csv keeps the whole value
