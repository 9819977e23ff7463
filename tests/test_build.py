"""The build: idempotent, incremental, atomic, and clear about bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collabkg import api
from collabkg.api import default_corpus
from collabkg.graph.store import Store
from collabkg.loaders import documents
from tests.conftest import rows

GOOD = """Polar Data Forum

The Polar Data Forum brings together data managers.

Dr. Anna KOWALSKA, Director of the Arctic Data Center of the University of Tromso, chaired the forum meeting, held on June 3, 2021 in Tromso, Norway.
"""


def quads(store_dir: Path) -> set:
    st = Store(store_dir)
    try:
        return set(st.quads())
    finally:
        st.close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "docs"
    shutil.copytree(default_corpus(), d, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return d


def test_rerun_changes_nothing(tmp_path, corpus):
    first = api.build([corpus], store=tmp_path / "s", out=tmp_path / "o")
    before = quads(tmp_path / "s")
    trig = (tmp_path / "o" / "graph.trig").read_bytes()
    second = api.build([corpus], store=tmp_path / "s", out=tmp_path / "o")
    assert [d.status for d in first.documents] == ["added", "added"]
    assert [d.status for d in second.documents] == ["unchanged", "unchanged"]
    assert quads(tmp_path / "s") == before
    assert (tmp_path / "o" / "graph.trig").read_bytes() == trig


def test_a_new_document_adds_only_its_facts(tmp_path, corpus):
    api.build([corpus], store=tmp_path / "s")
    before = quads(tmp_path / "s")
    (corpus / "polar.txt").write_text(GOOD)
    report = api.build([corpus], store=tmp_path / "s")
    assert sorted(d.status for d in report.documents) == ["added", "unchanged", "unchanged"]
    after = quads(tmp_path / "s")
    new_graph = "https://w3id.org/collabkg/id/document/polar-txt"
    added = after - before
    # everything new is the new document's graph, or registry facts (none here); nothing old went
    assert before - after == set()
    assert {str(g) for *_, g in added} == {new_graph}


def test_extraction_is_deterministic_across_stores(tmp_path, corpus):
    api.build([corpus], store=tmp_path / "a")
    api.build([corpus], store=tmp_path / "b")
    assert quads(tmp_path / "a") == quads(tmp_path / "b")


def test_changed_document_replaces_its_graph(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "polar.txt").write_text(GOOD)
    api.build([d], store=tmp_path / "s")
    (d / "polar.txt").write_text(GOOD.replace("Anna KOWALSKA", "Erik LARSEN"))
    report = api.build([d], store=tmp_path / "s")
    assert report.documents[0].status == "updated"
    st = Store(tmp_path / "s")
    names = {r["n"] for r in rows(st, "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")}
    st.close()
    assert names == {"Erik LARSEN"}


# -- bad input: a clear message naming the file, the others still load --------------------------

BAD_CASES = {
    "empty.txt": (b"", "the file is empty"),
    "blank.md": (b"   \n\n  \t\n", "the file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "looks binary"),
    "latin.txt": ("Caf\u00e9 meeting in S\u00e3o Paulo \u00e0 \u00e9t\u00e9\n".encode("utf-16-le")[1:], None),
    "nav-only.txt": (b"Select Page\nHome\nFind out more\n", "no text left"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_document_is_reported_and_others_load(tmp_path, corpus, name):
    data, expected = BAD_CASES[name]
    (corpus / name).write_bytes(data)
    report = api.build([corpus], store=tmp_path / "s")
    by_name = {Path(d.path).name: d for d in report.documents}
    assert by_name["codata-china-us-roundtable.txt"].status == "added"
    assert by_name["big-omics-data-sharing-initiating-meeting.txt"].status == "added"
    bad = by_name[name]
    assert bad.status == "failed"
    assert any(name in p for p in report.problems)
    if expected:
        assert expected in bad.message
    assert report.exit_code == api.EXIT_PARTIAL


def test_undecodable_bytes_are_named(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Meeting of \x81\x8d\x8f\x90\x9d committee.\n" * 3)
    with pytest.raises(documents.DocumentError) as e:
        documents.read_document(p)
    assert "bad.txt" in str(e.value) and "cannot decode as UTF-8" in str(e.value)


def test_huge_file_is_refused_without_reading_it(tmp_path, corpus, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 10_000)
    (corpus / "huge.txt").write_text("Data. " * 5_000)
    report = api.build([corpus], store=tmp_path / "s")
    huge = next(d for d in report.documents if d.path.endswith("huge.txt"))
    assert huge.status == "failed" and "too large" in huge.message
    assert len(report.loaded) == 2


def test_folder_with_no_documents(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "slides.pptx").write_bytes(b"PK")
    report = api.build([empty], store=tmp_path / "s")
    assert report.exit_code == api.EXIT_FATAL
    assert any("holds no documents" in p and "nothing" in p for p in report.problems)


def test_missing_path_and_unsupported_file(tmp_path, corpus):
    (tmp_path / "slides.pptx").write_bytes(b"PK")
    report = api.build([corpus, tmp_path / "nope.txt", tmp_path / "slides.pptx"], store=tmp_path / "s")
    assert any("nope.txt" in p and "no such file" in p for p in report.problems)
    assert any("slides.pptx" in p and "unsupported" in p for p in report.problems)
    assert len(report.loaded) == 2


def test_document_given_twice(tmp_path, corpus):
    f = corpus / "codata-china-us-roundtable.txt"
    copy = tmp_path / "copy-of-codata.txt"
    shutil.copy(f, copy)
    report = api.build([corpus, f, copy], store=tmp_path / "s")
    assert any("given more than once" in p for p in report.problems)
    assert any("copy-of-codata.txt" in p and "same content as" in p for p in report.problems)
    assert len(report.loaded) == 2


def test_malformed_registry_entries_are_named_and_the_rest_loads(tmp_path, corpus):
    reg = tmp_path / "extra.yaml"
    reg.write_text(
        "entries:\n"
        "  - id: arctic\n    name: Arctic Data Center\n    kind: ResearchCenter\n    country: \"NO\"\n"
        "  - id: broken\n    name: Broken Body\n    kind: Castle\n"
        "  - name: No Id\n    kind: University\n"
        "  - id: badror\n    name: Bad Ror\n    kind: University\n    ror: 12345\n"
        "  - id: norway\n    name: Norwegian Polar Institute\n    kind: ResearchInstitute\n    country: NO\n"
    )
    (corpus / "polar.txt").write_text(GOOD)
    report = api.build([corpus], store=tmp_path / "s", registry=[reg])
    problems = "\n".join(report.problems)
    assert "extra.yaml: entry 2 (id broken)" in problems and "'Castle'" in problems
    assert "extra.yaml: entry 3" in problems and "'id'" in problems
    assert "entry 4 (id badror)" in problems and "ror" in problems
    assert "entry 5 (id norway)" in problems and "quote it" in problems
    assert len(report.loaded) == 3
    st = Store(tmp_path / "s")
    r = rows(st, "SELECT ?c WHERE { <https://w3id.org/collabkg/id/organization/arctic> ckg:country ?c }")
    st.close()
    assert r, "the good entry of the extra registry was used"


def test_registry_that_is_not_yaml(tmp_path, corpus):
    reg = tmp_path / "bad.yaml"
    reg.write_text("entries:\n  - id: x\n    name: [unclosed\n")
    report = api.build([corpus], store=tmp_path / "s", registry=[reg])
    assert any("bad.yaml" in p and "line" in p and "not valid YAML" in p for p in report.problems)
    assert len(report.loaded) == 2


def test_a_failing_build_loses_nothing_already_stored(tmp_path, corpus):
    api.build([corpus], store=tmp_path / "s")
    before = quads(tmp_path / "s")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    (broken / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = api.build([broken], store=tmp_path / "s")
    assert report.exit_code == api.EXIT_FATAL
    assert quads(tmp_path / "s") == before


def test_kill_during_build_leaves_the_store_as_before(tmp_path, corpus):
    """kill -9 a build that is writing many documents: the store opens, and every document graph in it
    is exactly the graph a clean build makes: whole documents only, never half of one."""
    many = tmp_path / "many"
    many.mkdir()
    people = ["Anna KOWALSKA", "Erik LARSEN", "Maria SILVA", "John Smith", "LI Wei", "Sara Berg", "Tomas NOVAK", "Eva Lund"]
    for i in range(40):
        (many / f"doc{i:02d}.txt").write_text(GOOD.replace("Anna KOWALSKA", people[i % len(people)]).replace("June 3", f"June {1 + i % 28}"))
    api.build([corpus], store=tmp_path / "s")
    api.build([many], store=tmp_path / "clean")
    clean = Store(tmp_path / "clean")
    expected = {str(g): set(clean.quads(g)) for g in clean.graph_names()}
    clean.close()
    code = (
        "import sys; from collabkg import api\n"
        "api.build([sys.argv[1]], store=sys.argv[2], progress=lambda n, i, t: print(i, flush=True))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(many), str(tmp_path / "s")], stdout=subprocess.PIPE, text=True)
    for line in proc.stdout:
        if int(line) >= 5:
            break
    proc.kill()
    proc.wait()
    st = Store(tmp_path / "s")
    try:
        stored = [g for g in st.graph_names() if "/document/doc" in str(g)]
        assert 0 < len(stored) < 40, "the kill should land mid-build"
        for g in stored:
            assert set(st.quads(g)) == expected[str(g)], f"{g} is not whole"
        assert "https://w3id.org/collabkg/id/document/codata-china-us-roundtable-txt" in {str(g) for g in st.graph_names()}
    finally:
        st.close()
    report = api.build([many], store=tmp_path / "s")
    assert report.exit_code == 0 and len(report.loaded) == 40


def test_outputs_go_beside_a_store_folder_or_into_a_sibling(tmp_path, corpus):
    r = api.build([corpus], store=tmp_path / "kg" / "store")
    assert sorted(Path(o).name for o in r.outputs) == ["graph.trig", "graph.ttl"]
    assert {Path(o).parent for o in r.outputs} == {tmp_path / "kg"}
    r = api.build([corpus], store=tmp_path / "mykg")
    assert {Path(o).parent for o in r.outputs} == {tmp_path / "mykg.out"}
    assert not (tmp_path / "graph.trig").exists()
