"""The command line: a thin layer, help with examples, clean errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from collabkg.cli import cli


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "collabkg", *args], capture_output=True, text=True, cwd=cwd)


def commands(group=cli, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from commands(cmd, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in commands()], ids=lambda p: " ".join(p))
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "collabkg " + path[0] in result.output or isinstance(dict(commands())[path], click.Group), result.output


def test_build_validate_export_from_the_shell(tmp_path):
    r = run("build", "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "-q")
    assert r.returncode == 0, r.stderr
    assert "entities: organization" in r.stdout and "added" in r.stdout
    assert (tmp_path / "o" / "graph.trig").stat().st_size > 10_000
    r = run("validate", "--store", str(tmp_path / "s"))
    assert r.returncode == 0 and "conforms" in r.stdout
    r = run("export", "--store", str(tmp_path / "s"), "--format", "jsonld")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert any("@graph" in g for g in data) if isinstance(data, list) else "@graph" in data or "@id" in json.dumps(data)
    for fmt in ("nt", "nq", "ttl", "xml"):
        r = run("export", "--store", str(tmp_path / "s"), "--format", fmt, "-o", str(tmp_path / f"kg.{fmt}"))
        assert r.returncode == 0, r.stderr
        assert (tmp_path / f"kg.{fmt}").stat().st_size > 10_000


def test_partial_build_exit_code_and_warning(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.txt").write_text("The Data Forum met.\n\nDr. Ana LIMA, Director of the Marine Data Center, spoke.\n")
    (docs / "empty.txt").write_text("")
    r = run("build", str(docs), "--store", str(tmp_path / "s"), "-q")
    assert r.returncode == 3
    assert "empty.txt: the file is empty" in r.stderr


def test_errors_are_one_clean_line_without_traceback(tmp_path):
    r = run("validate", "--store", str(tmp_path / "no-store-here"))
    assert r.returncode == 1
    assert r.stderr.startswith("error: ")
    assert "no store here" in r.stderr and "collabkg build" in r.stderr
    assert "Traceback" not in r.stderr
    r = run("--debug", "validate", "--store", str(tmp_path / "no-store-here"))
    assert "Traceback" in r.stderr


def test_the_readme_python_example_runs(tmp_path, monkeypatch):
    import shutil

    from collabkg.api import default_corpus

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    code = readme.split("### From Python", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    (tmp_path / "my-docs").mkdir()
    for f in default_corpus().glob("*.txt"):
        shutil.copy(f, tmp_path / "my-docs")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert scope["report"].exit_code == 0
    assert scope["df"]["agreement"].nunique() == 3 and len(scope["df"]) == 6  # one row per party
    assert len(scope["rows"]) == 1


def test_the_readme_opens_with_the_two_setup_commands():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    block = readme.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "collabkg build" in block[0] and block[1] == "scripts/test"
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "scripts/test" in ci


def test_the_readme_evidence_query_is_bound_and_answers_for_its_entity(sample_build):
    """The tour ran evidence.rq unbound, which lists '1', '2006', 'Dr.' ... as entities."""
    import shlex

    from click.testing import CliRunner

    from collabkg.cli import cli

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    line = next(x for x in readme.split("## A five-minute tour", 1)[1].splitlines() if "evidence.rq" in x)
    args = shlex.split(line.split("#", 1)[0])
    assert args[:3] == ["collabkg", "sparql", "--file"] and "-p" in args
    args[3] = str(Path(__file__).resolve().parents[1] / args[3])
    r = CliRunner().invoke(cli, [*args[1:], "--store", str(sample_build[1]), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = r.output.strip().splitlines()[1:]
    assert len(rows) == 6 and all(row.startswith("https://w3id.org/collabkg/id/organization/ncar,") for row in rows)


def test_ci_proves_readme_command_1_with_the_pip_a_fresh_python_ships():
    """CI ran only scripts/test, which upgrades pip first: a dependency that only a newer pip (or
    the test extras) installs went unnoticed (lxml_html_clean: every .html document crashed)."""
    root = Path(__file__).resolve().parents[1]
    ci = (root / ".ci" / "run").read_text().splitlines()
    steps = [line for line in ci if line and not line.startswith("#")]
    assert steps.index("scripts/fresh-install-check") < next(i for i, s in enumerate(steps) if s.startswith("exec scripts/test"))
    check = (root / "scripts" / "fresh-install-check").read_text()
    readme = (root / "README.md").read_text().split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()[0]
    assert readme.startswith("python3 -m venv .venv && .venv/bin/pip install -q -e . && ")
    assert '"$PYTHON" -m venv "$work/venv"' in check and '"$work/venv/bin/pip" install -q -e .' in check
    commands = [line for line in check.splitlines() if not line.lstrip().startswith("#")]
    assert not any("--upgrade" in line or "install -U" in line for line in commands)
    assert ".html" in check and "collabkg\" build" in check
    pyproject = (root / "pyproject.toml").read_text()
    assert '"lxml_html_clean' in pyproject and 'license = "MIT"' in pyproject
