"""A document is known by its file, or by its content under another name; never by its bare file
name. Documents deleted from a folder leave the store with ``build --prune`` or ``collabkg remove``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from collabkg import api
from collabkg.cli import cli
from collabkg.errors import DocumentError
from collabkg.graph.store import Store
from tests.conftest import rows

POLAR = """Polar Data Forum

Dr. Anna KOWALSKA, Director of the Arctic Data Center of the University of Tromso, chaired the forum meeting, held on June 3, 2021 in Tromso, Norway.
"""
OCEAN = """Ocean Data Dialogue

Dr. Pierre DUBOIS, Director of the Ocean Data Centre of the University of Brest, chaired the dialogue meeting, held on May 4, 2022 in Brest, France.
"""


def people(store_dir: Path) -> set[str]:
    st = Store(store_dir)
    try:
        return {r["n"] for r in rows(st, "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")}
    finally:
        st.close()


def documents(store_dir: Path) -> dict[str, str | None]:
    st = Store(store_dir)
    try:
        return {d.iri: d.file for d in api.stored_documents(st).values()}
    finally:
        st.close()


@pytest.fixture
def two_reports(tmp_path) -> tuple[Path, Path]:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"
    a.write_text(POLAR)
    b.write_text(OCEAN)
    return a, b


def test_two_documents_with_one_file_name_are_two_documents(tmp_path, two_reports):
    a, b = two_reports
    first = api.build([a], store=tmp_path / "s")
    second = api.build([b], store=tmp_path / "s")
    assert [d.status for d in first.documents] == ["added"]
    assert [d.status for d in second.documents] == ["added"], "not 'updated': it is another document"
    assert "another document is called report.txt" in second.documents[0].message and str(a) in second.documents[0].message
    assert people(tmp_path / "s") == {"Anna KOWALSKA", "Pierre DUBOIS"}, "the first document's facts are kept"
    assert documents(tmp_path / "s") == {
        "https://w3id.org/collabkg/id/document/report-txt": str(a.resolve()),
        "https://w3id.org/collabkg/id/document/report-txt/2": str(b.resolve()),
    }
    # in one build too: both stored, none refused
    both = api.build([a, b], store=tmp_path / "t")
    assert [d.status for d in both.documents] == ["added", "added"] and both.exit_code == 0
    # and each is recognised again by its file
    again = api.build([b, a], store=tmp_path / "s")
    assert [d.status for d in again.documents] == ["unchanged", "unchanged"]


def test_same_path_again_is_recognised_and_a_change_updates_it(tmp_path, two_reports):
    a, _ = two_reports
    api.build([a], store=tmp_path / "s")
    assert [d.status for d in api.build([a], store=tmp_path / "s").documents] == ["unchanged"]
    a.write_text(POLAR.replace("June 3", "June 4"))
    r = api.build([a], store=tmp_path / "s")
    assert [(d.status, d.graph) for d in r.documents] == [("updated", "https://w3id.org/collabkg/id/document/report-txt")]
    assert len(documents(tmp_path / "s")) == 1


def test_same_content_under_another_name_is_recognised_and_said_so(tmp_path, two_reports):
    a, _ = two_reports
    api.build([a], store=tmp_path / "s")
    renamed = tmp_path / "renamed.txt"
    renamed.write_bytes(a.read_bytes())
    r = api.build([renamed], store=tmp_path / "s")
    assert r.documents[0].status == "unchanged"
    assert r.documents[0].message.startswith(f"same content as {a.resolve()}, already stored as")
    assert r.exit_code == 0
    assert len(documents(tmp_path / "s")) == 1


def test_build_prune_removes_documents_deleted_from_the_folder(tmp_path, two_reports):
    a, b = two_reports
    folder = a.parent
    (folder / "ocean.txt").write_text(OCEAN.replace("DUBOIS", "MARTIN"))
    api.build([folder, b], store=tmp_path / "s", out=tmp_path / "o")
    assert people(tmp_path / "s") == {"Anna KOWALSKA", "Pierre DUBOIS", "Pierre MARTIN"}
    (folder / "ocean.txt").unlink()
    b.unlink()  # gone too, but not below the folder given: kept
    kept = api.build([folder], store=tmp_path / "s", out=tmp_path / "o")
    assert "https://w3id.org/collabkg/id/document/ocean-txt" in documents(tmp_path / "s"), "no --prune, nothing removed"
    assert [d.status for d in kept.documents] == ["unchanged"]
    pruned = api.build([folder], store=tmp_path / "s", out=tmp_path / "o", prune=True)
    assert [(d.status, Path(d.path).name) for d in pruned.documents] == [("unchanged", "report.txt"), ("removed", "ocean.txt")]
    assert set(documents(tmp_path / "s")) == {"https://w3id.org/collabkg/id/document/report-txt",
                                              "https://w3id.org/collabkg/id/document/report-txt/2"}
    assert "ocean-txt" not in (tmp_path / "o" / "graph.trig").read_text()
    assert people(tmp_path / "s") == {"Anna KOWALSKA", "Pierre DUBOIS"}


def test_remove_a_document_by_path_name_or_iri(tmp_path, two_reports):
    a, b = two_reports
    (tmp_path / "ocean.txt").write_text(OCEAN.replace("DUBOIS", "MARTIN"))
    api.build([a, b, tmp_path / "ocean.txt"], store=tmp_path / "s", out=tmp_path / "o")
    with pytest.raises(DocumentError, match="2 stored documents have this name"):
        api.remove(["report.txt"], store=tmp_path / "s")
    with pytest.raises(DocumentError, match="nope.txt: no such document in the store"):
        api.remove(["nope.txt"], store=tmp_path / "s")
    assert api.remove([b], store=tmp_path / "s", out=tmp_path / "o") == ["https://w3id.org/collabkg/id/document/report-txt/2"]
    assert people(tmp_path / "s") == {"Anna KOWALSKA", "Pierre MARTIN"}
    assert "DUBOIS" not in (tmp_path / "o" / "graph.ttl").read_text()
    res = CliRunner().invoke(cli, ["remove", "ocean.txt", "https://w3id.org/collabkg/id/document/report-txt",
                                   "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    assert res.output.split() == ["removed:", "https://w3id.org/collabkg/id/document/ocean-txt",
                                  "removed:", "https://w3id.org/collabkg/id/document/report-txt"]
    assert documents(tmp_path / "s") == {}
    res = CliRunner().invoke(cli, ["remove", "ocean.txt", "--store", str(tmp_path / "s")])
    assert res.exit_code == 1 and "ocean.txt: no such document in the store" in res.output
