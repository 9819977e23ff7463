"""Folders as inputs: what is skipped is said, links do not lead out, metadata files are read once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from collabkg import api
from collabkg.graph.store import Store
from tests.conftest import rows

TEXT = "CODATA and the Chinese Academy of Sciences met in Paris on 3 June 2019.\n"


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "meeting.txt").write_text(TEXT)
    return d


def test_files_no_reader_reads_are_counted_in_the_summary(tmp_path, folder):
    for name in ("a.csv", "b.csv", "sub/c.CSV", "logo.png"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("x")
    (folder / ".hidden.csv").write_text("x")
    report = api.build([folder], store=tmp_path / "s", out=tmp_path / "o")
    assert report.skipped == {".csv": 3, ".png": 1}
    assert report.exit_code == 0
    r = subprocess.run([sys.executable, "-m", "collabkg", "build", str(folder), "--store", str(tmp_path / "s2"),
                        "--out", str(tmp_path / "o2"), "-q"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "skipped (no reader for these files): 3 .csv, 1 .png" in r.stdout


def test_a_link_out_of_the_folder_is_not_followed_unless_asked(tmp_path, folder):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("The National Science Foundation signed a secret agreement with CERN.\n")
    os.symlink(outside / "secret.txt", folder / "notes.txt")
    os.symlink(outside, folder / "more")
    (folder / "inside.txt").symlink_to(folder / "meeting.txt")  # a link within the folder: the same file, read once
    report = api.build([folder], store=tmp_path / "s", out=tmp_path / "o")
    assert [d.status for d in report.documents if d.path.endswith("meeting.txt")] == ["added"]
    assert sorted(p.replace(str(tmp_path), "T") for p in report.problems) == [
        "T/docs/inside.txt: a link to T/docs/meeting.txt, read once",
        f"T/docs/more: a link to the folder {os.path.realpath(outside).replace(str(tmp_path), 'T')}: not followed (pass --follow-links to read what links lead to)",
        f"T/docs/notes.txt: a link to {os.path.realpath(outside / 'secret.txt').replace(str(tmp_path), 'T')}, outside T/docs: not followed (pass --follow-links to read what links lead to)",
    ]
    with Store(tmp_path / "s") as st:
        assert not rows(st, "SELECT ?o WHERE { ?o rdfs:label 'CERN' }")
    followed = api.build([folder], store=tmp_path / "s2", out=tmp_path / "o2", follow_links=True)
    # asked to: the linked folder is read, and the link to its file is the same document
    assert sorted(os.path.basename(d.path) for d in followed.loaded) == ["meeting.txt", "secret.txt"]


def test_a_file_given_by_name_reads_only_the_sources_yaml_beside_it(tmp_path, folder):
    (folder / "sources.yaml").write_text("- file: meeting.txt\n  publisher: CODATA\n  issued: 2019-06-03\n")
    (folder / "old").mkdir()
    (folder / "old" / "sources.yaml").write_text("- file: [unclosed\n")
    report = api.build([folder / "meeting.txt"], store=tmp_path / "s", out=tmp_path / "o")
    assert report.problems == [] and report.exit_code == 0
    with Store(tmp_path / "s") as st:
        assert rows(st, "SELECT ?p ?d WHERE { ?x a ckg:SourceDocument ; dcterms:publisher ?p ; dcterms:issued ?d }") == [
            {"p": "CODATA", "d": "2019-06-03"}]


def test_a_broken_sources_yaml_is_reported_once(tmp_path, folder):
    (folder / "sources.yaml").write_text("- file: [unclosed\n")
    report = api.build([folder, folder / "meeting.txt"], store=tmp_path / "s", out=tmp_path / "o")
    broken = [p for p in report.problems if "sources.yaml" in p]
    assert len(broken) == 1 and broken[0].startswith(f"{folder / 'sources.yaml'}: cannot read document metadata")


@pytest.mark.parametrize("kind", ["csv", "yaml"])
def test_a_manifest_gives_the_metadata_a_file_lacks(tmp_path, folder, kind):
    if kind == "csv":
        m = tmp_path / "manifest.csv"
        m.write_text("path,publisher,date,title,author\ndocs/meeting.txt,CODATA,2019-06-03,Paris meeting,J. Doe\n"
                     "docs/missing.txt,,not-a-date,,\n")
        bad = [f"{m}:3: date 'not-a-date' is not a date (write it as YYYY-MM-DD)"]
    else:
        m = tmp_path / "manifest.yaml"
        m.write_text("- path: docs/meeting.txt\n  publisher: CODATA\n  date: 2019-06-03\n  title: Paris meeting\n  author: J. Doe\n"
                     "- title: orphan\n")
        bad = [f"{m} entry 2: names no document (give a 'path' or a 'url')"]
    report = api.build([folder], store=tmp_path / "s", out=tmp_path / "o", manifest=m)
    assert report.problems == bad
    with Store(tmp_path / "s") as st:
        assert rows(st, """SELECT ?t ?p ?d ?a WHERE { ?x a ckg:SourceDocument ; dcterms:title ?t ; dcterms:publisher ?p ;
                                                       dcterms:issued ?d ; dcterms:creator ?a }""") == [
            {"t": "Paris meeting", "p": "CODATA", "d": "2019-06-03", "a": "J. Doe"}]
