"""The CLI: collabkg sparql / serve / load as thin commands with help and clean errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from collabkg.cli import cli

DATA = __import__("pathlib").Path(__file__).parent / "data"


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, list(args), catch_exceptions=False)
    return invoke


@pytest.mark.parametrize("command", ["sparql", "serve", "load"])
def test_help_has_an_example(run, command):
    res = run(command, "--help")
    assert res.exit_code == 0 and "Example" in res.output


def test_sparql_formats(run, mini_path):
    res = run("sparql", "roundtables", "--store", str(mini_path), "--format", "csv")
    assert res.exit_code == 0 and res.output.splitlines()[0].startswith("year,roundtable")
    res = run("sparql", "ASK { ?s ?p ?o }", "--store", str(mini_path), "--format", "json")
    assert json.loads(res.output) == {"head": {}, "boolean": True}
    res = run("sparql", "CONSTRUCT WHERE { ?p foaf:name ?n }", "--store", str(mini_path), "--format", "ttl")
    assert res.exit_code == 0 and "@prefix foaf:" in res.output
    res = run("sparql", "posts", "-p", "person=ckgid:person/bao-yiming", "--store", str(mini_path))
    assert res.exit_code == 0 and "(1 row)" in res.output and "Director" in res.output


def test_sparql_file_and_list(run, mini_path, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }")
    res = run("sparql", "--file", str(f), "--store", str(mini_path), "--format", "tsv")
    assert res.output.splitlines() == ["?n", "5"]
    res = run("sparql", "--list")
    assert "roundtables" in res.output and "agreements" in res.output


def test_sparql_errors_are_one_clean_line(run, mini_path, tmp_path):
    res = run("sparql", "SELECT ?x WHERE {\n ?x }", "--store", str(mini_path))
    assert res.exit_code == 1 and "line 2" in res.output and "Traceback" not in res.output
    res = run("sparql", "ASK {}", "--store", str(tmp_path / "nothing"))
    assert res.exit_code == 1 and "collabkg build" in res.output
    res = run("sparql", "--store", str(mini_path))
    assert res.exit_code == 1 and "give a QUERY" in res.output


def test_sparql_timeout(run, mini_path):
    t0 = time.monotonic()
    res = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
              "--store", str(mini_path), "--timeout", "1")
    assert res.exit_code == 1 and "longer than 1 s" in res.output
    assert time.monotonic() - t0 < 15


def test_sparql_infer(run, tmp_path):
    path = tmp_path / "s"
    assert run("load", str(DATA / "sample.trig"), "--store", str(path), "-q").exit_code == 0
    res = run("sparql", "--infer", "owlrl", "--store", str(path), "--format", "csv",
              "SELECT ?top WHERE { ckgid:organization\\/asia-africa-division org:transitiveSubOrganizationOf ?top }")
    assert res.exit_code == 0 and "chinese-academy-of-sciences" in res.output


def test_load_reports(run, tmp_path, generate_mod):
    nq = tmp_path / "g.nq"
    generate_mod.write(nq, 5000)
    res = run("load", str(nq), "--store", str(tmp_path / "s"), "-q")
    assert res.exit_code == 0 and "5,000 quads" in res.output


def test_serve_process_answers_and_stops_on_sigint(mini_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "collabkg.cli", "serve", "--store", str(mini_path),
                             "--port", str(port), "--max-concurrent", "1"],
                            stderr=subprocess.PIPE, text=True) if False else subprocess.Popen(
        [sys.executable, "-c", "from collabkg.cli import main; main()", "serve", "--store", str(mini_path),
         "--port", str(port), "--max-concurrent", "1"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout=5) as r:
                    assert json.load(r)["boolean"] is True
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve did not come up"
                time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(30)
    assert proc.returncode is not None


def test_load_resolves_relative_iris_against_the_file_or_base(run, tmp_path):
    from collabkg.graph.store import Store

    ttl = tmp_path / "rel.ttl"
    ttl.write_text('<a> <#p> "x" .\n', encoding="utf-8")
    r = run("load", str(ttl), "--store", str(tmp_path / "s1"), "-q")
    assert r.exit_code == 0, r.output
    st = Store(tmp_path / "s1", read_only=True)
    assert [str(q.subject) for q in st.named_quads()] == [f"<{ttl.resolve().as_uri().rsplit('/', 1)[0]}/a>"]
    st.close()
    r = run("load", str(ttl), "--store", str(tmp_path / "s2"), "-q", "--base", "http://example.org/dir/doc")
    assert r.exit_code == 0, r.output
    st = Store(tmp_path / "s2", read_only=True)
    assert [(str(q.subject), str(q.predicate)) for q in st.named_quads()] == [
        ("<http://example.org/dir/a>", "<http://example.org/dir/doc#p>")]
    st.close()
    r = CliRunner().invoke(cli, ["load", str(ttl), "--store", str(tmp_path / "s3"), "-q", "--base", "not an iri"])
    assert r.exit_code == 1 and "--base" in r.output and "Traceback" not in r.output


def test_sparql_engine_crash_is_one_error_line(mini_path):
    """A query that segfaults Oxigraph (5,000 nested groups) costs the worker, not the command."""
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    proc = subprocess.run([sys.executable, "-c", "from collabkg.cli import main; main()", "sparql", deep,
                           "--store", str(mini_path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "crashed on this query (signal SIGSEGV)" in lines[0], proc.stderr


def test_sparql_refuses_federation_by_default(run, mini_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } }",
                              "--store", str(mini_path)])
    assert res.exit_code == 1 and "federated queries are off" in res.output


def test_sparql_ctrl_c_stops_a_running_query(mini_path):
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    proc = subprocess.Popen([sys.executable, "-c", "from collabkg.cli import main; main()", "sparql", slow,
                             "--store", str(mini_path)], stderr=subprocess.PIPE, text=True)
    # wait until the command has started its query worker (the forkserver is its child process)
    children = f"/proc/{proc.pid}/task/{proc.pid}/children"
    deadline = time.monotonic() + 120
    while not open(children).read().strip():
        assert proc.poll() is None and time.monotonic() < deadline, "the query never started"
        time.sleep(0.1)
    time.sleep(1)
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err
