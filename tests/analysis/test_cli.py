"""collabkg trace / stats / view: thin commands over the library."""

import json

import pytest
from click.testing import CliRunner

from collabkg.cli import cli


@pytest.fixture()
def run(sample_store_path):
    def _run(*args):
        result = CliRunner().invoke(cli, [*args, "--store", str(sample_store_path)], catch_exceptions=False)
        return result

    return _run


@pytest.mark.parametrize("command", ["trace", "stats", "view"])
def test_help_has_examples(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and f"collabkg {command}" in result.output


def test_trace_prints_hops_with_quotes(run):
    r = run("trace", "NCAR", "BIG", "--k", "1")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Path 1: 4 hops")
    assert "<--[party]--  Memorandum of Understanding between CNIC and NCAR" in r.output
    assert "Memorandum of Understanding between the CAS Computer Network" in r.output
    assert "China-US Roundtable on Scientific Data Cooperation" in r.output
    assert "Path 2" not in r.output


def test_trace_json(run):
    r = run("trace", "NCAR", "BIG", "--k", "2", "--json")
    rows = [json.loads(line) for line in r.output.splitlines() if line.strip()]
    assert {row["path"] for row in rows} == {1, 2}
    assert rows[0]["source_name"] == "National Center for Atmospheric Research"


def test_trace_errors_are_one_line(run):
    r = run("trace", "NCAR", "Quaid University")
    assert r.exit_code == 1
    assert "error: Quaid University: no such entity (did you mean: Quaid-i-Azam University" in r.output
    r = run("trace", "NCAR", "BIG", "--max-hops", "2")
    assert r.exit_code == 1 and "no path of at most 2 hops" in r.output
    r = run("trace", "NCAR", "BIG", "--as-of", "2010", "--between", "2000", "2010")
    assert r.exit_code == 2


def test_trace_time_window(run):
    r = run("trace", "NCAR", "BIG", "--k", "1", "--as-of", "2012")
    assert r.exit_code == 0 and "as of 2012" in r.output


def test_stats(run):
    r = run("stats", "--top", "3", "--kind", "organization")
    assert r.exit_code == 0, r.output
    out = r.output
    assert out.index("documents: 2") < out.index("Centrality") < out.index("Communities") < out.index("Brokers")
    assert "exact (networkx)" in out and "modularity" in out


def test_stats_collapsed_and_time_window(run):
    r = run("stats", "--top", "2", "--collapse", "organization", "--between", "2006", "2011")
    assert r.exit_code == 0, r.output
    assert "Analysis graph (collapsed between 2006 and 2011)" in r.output


def test_empty_store(tmp_path):
    from collabkg.graph.store import Store

    Store(tmp_path / "empty").close()
    store = str(tmp_path / "empty")
    r = CliRunner().invoke(cli, ["stats", "--store", store])
    assert r.exit_code == 0, r.output
    assert "0 nodes, 0 edges" in r.output
    r = CliRunner().invoke(cli, ["trace", "NCAR", "BIG", "--store", store])
    assert r.exit_code == 1 and "NCAR: no such entity" in r.output
    out = tmp_path / "empty.html"
    r = CliRunner().invoke(cli, ["view", "-o", str(out), "--store", store])
    assert r.exit_code == 0 and out.stat().st_size > 100_000


def test_view_writes_self_contained_html(run, tmp_path):
    for args, name in [((), "all"), (("--focus", "CNIC", "--depth", "2"), "focus"),
                       (("--path", "NCAR", "BIG"), "path"), (("--kinds", "organization", "--collapse", "organization"), "orgs")]:
        out = tmp_path / f"{name}.html"
        r = run("view", *args, "-o", str(out))
        assert r.exit_code == 0, r.output
        html = out.read_text()
        assert "vis.Network" in html and "https://cdn" not in html
    r = run("view", "--focus", "Nowhere Institute", "-o", str(tmp_path / "x.html"))
    assert r.exit_code == 1 and not (tmp_path / "x.html").exists()


def test_missing_store(tmp_path):
    r = CliRunner().invoke(cli, ["stats", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and "no store here" in r.output


def test_trace_never_guesses_an_acronym(run):
    """`trace NASA BIG` on the sample corpus read NASA as the National Academy of Sciences (NAS), exit 0."""
    r = run("trace", "NASA", "BIG")
    assert r.exit_code == 1
    assert r.output == "error: NASA: no such entity (did you mean: National Academy of Sciences)\n"


def test_trace_says_when_it_read_a_close_spelling(run):
    r = run("trace", "Natonal Center for Atmospheric Research", "BIG", "--k", "1")
    assert r.exit_code == 0
    assert r.output.startswith("note: 'Natonal Center for Atmospheric Research' read as 'National Center for "
                               "Atmospheric Research' (a close spelling, not a name or acronym)\nPath 1: 4 hops")


def test_view_without_output_writes_beside_the_store_not_here(run, sample_store_path, tmp_path, monkeypatch):
    """-o was required, and the README's `collabkg view -o network.html` wrote into the current folder."""
    monkeypatch.chdir(tmp_path)
    r = run("view", "--focus", "CNIC")
    assert r.exit_code == 0, r.output
    expected = sample_store_path.parent / "views" / "focus-cnic.html" if sample_store_path.name == "store" \
        else sample_store_path.with_name(sample_store_path.name + ".out") / "views" / "focus-cnic.html"
    assert r.output.startswith(f"wrote {expected} (")
    assert expected.is_file() and list(tmp_path.iterdir()) == []
