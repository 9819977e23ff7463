"""api.build on inputs that do not exist says so loudly; a build killed with kill -9 keeps the
documents it stored, and the next run reads the rest and makes the registry graph, TriG and
Turtle consistent with the store again."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from collabkg import api
from collabkg.errors import BuildWarning, DocumentError
from collabkg.graph.store import Store
from collabkg.ontology.iris import REGISTRY_GRAPH

DOC = """Data Forum {i}

Dr. Anna KOWALSKA{i}, Director of the Computer Network Information Center, chaired the forum meeting, held on June {d}, 2021 in Beijing, China.
"""


def test_build_on_a_missing_folder_raises(tmp_path):
    """Before: api.build(["missing-folder/"]) returned quietly; the problem was only in report.problems."""
    with pytest.raises(DocumentError, match="missing-folder: no such file or folder"):
        api.build([tmp_path / "missing-folder"], store=tmp_path / "s")


def test_a_partly_missing_input_warns(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(DOC.format(i=1, d=1))
    with pytest.warns(BuildWarning, match=r"build: .*nope\.txt: no such file or folder; see report.problems"):
        report = api.build([tmp_path / "docs", tmp_path / "nope.txt"], store=tmp_path / "s")
    assert report.exit_code == api.EXIT_PARTIAL
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        api.build([tmp_path / "docs"], store=tmp_path / "s")  # nothing wrong: no warning


def outputs_match_store(store_dir: Path, out: Path) -> None:
    st = Store(store_dir)
    try:
        assert (out / "graph.trig").read_bytes() == api.export(st, "trig")
        assert (out / "graph.ttl").read_bytes() == api.export(st, "ttl")
    finally:
        st.close()


def twelve_documents_and_their_clean_store(tmp_path: Path) -> tuple[Path, dict]:
    """A folder of twelve documents, and every graph (name -> quads) a clean build of it makes."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        (docs / f"doc{i:02d}.txt").write_text(DOC.format(i=i, d=1 + i))
    api.build([docs], store=tmp_path / "clean" / "store")
    clean = Store(tmp_path / "clean" / "store")
    try:
        return docs, {str(g): set(clean.quads(g)) for g in clean.graph_names()}
    finally:
        clean.close()


def test_kill_9_mid_build_then_the_next_run_makes_everything_consistent(tmp_path):
    docs, expected = twelve_documents_and_their_clean_store(tmp_path)
    # a first build of part of the folder, so outputs and registry graph exist and are stale afterwards
    api.build([docs / "doc00.txt"], store=tmp_path / "kg" / "store")
    code = (
        "import os, signal, sys\nfrom collabkg import api\n"
        "api.BATCH_SIZE = 4  # batches of four new documents\n"
        "def progress(name, i, total):\n"
        "    if i == 6: os.kill(os.getpid(), signal.SIGKILL)  # kill -9 once six documents are announced\n"
        "api.build([sys.argv[1]], store=sys.argv[2], progress=progress)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(docs), str(tmp_path / "kg" / "store")], capture_output=True)
    assert proc.returncode == -9
    st = Store(tmp_path / "kg" / "store")
    try:
        stored = sorted(str(g).rsplit("/", 1)[1] for g in st.graph_names() if "/document/" in str(g))
        # doc00 is stored already; batches doc01-04, doc05-08, doc09-11: the second batch's new
        # documents are written together, before any of them is announced
        assert stored == [f"doc{i:02d}-txt" for i in range(9)], "every document before the kill is stored whole"
        for g in st.graph_names():
            if "/document/" in str(g):
                assert set(st.quads(g)) == expected[str(g)]
        stale_registry = set(st.quads(REGISTRY_GRAPH))
    finally:
        st.close()
    trig_before = (tmp_path / "kg" / "graph.trig").read_text()
    assert "doc05-txt" not in trig_before, "the outputs are those of the earlier build: stale"
    report = api.build([docs], store=tmp_path / "kg" / "store")
    assert sorted(d.status for d in report.documents) == ["added"] * 3 + ["unchanged"] * 9
    st = Store(tmp_path / "kg" / "store")
    try:
        assert {str(g): set(st.quads(g)) for g in st.graph_names()} == expected, "the store is what a clean build makes"
        assert set(st.quads(REGISTRY_GRAPH)) == expected[str(REGISTRY_GRAPH)] and stale_registry <= expected[str(REGISTRY_GRAPH)]
    finally:
        st.close()
    outputs_match_store(tmp_path / "kg" / "store", tmp_path / "kg")


CRASH_IN_THE_BULK_WRITE = """
import os, signal, sys
from collabkg import api
from collabkg.graph.store import Store
api.BATCH_SIZE = 4  # batches of four: 0-3, 4-7, 8-11

class KilledAfterTheSecondBulkWrite:
    # the store's Oxigraph database, killed (-9) right after the second batch's bodies are written
    # and before their content hashes (the commit) are
    def __init__(self, inner):
        self.inner, self.writes = inner, 0

    def __getattr__(self, name):
        attr = getattr(self.inner, name)
        if name != "bulk_load":
            return attr
        def bulk_load(*a, **kw):
            attr(*a, **kw)
            self.writes += 1
            if self.writes == 2:
                os.kill(os.getpid(), signal.SIGKILL)
        return bulk_load

st = Store(sys.argv[2])
st._ox = KilledAfterTheSecondBulkWrite(st._ox)
api.build([sys.argv[1]], store=st, workers=1)
"""


def test_kill_9_inside_a_bulk_write_leaves_no_document_half_stored_for_good(tmp_path):
    """New documents are written in bulk (not atomic), then their content hashes in one transaction.
    Killed between the two, the store holds their statements but no hash: no build takes them
    for stored, and the next build writes them again whole, saying so."""
    docs, expected = twelve_documents_and_their_clean_store(tmp_path)
    proc = subprocess.run([sys.executable, "-c", CRASH_IN_THE_BULK_WRITE, str(docs), str(tmp_path / "kg" / "store")],
                          capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    st = Store(tmp_path / "kg" / "store")
    try:
        names = sorted(str(g).rsplit("/", 1)[1] for g in st.graph_names() if "/document/" in str(g))
        assert names == [f"doc{i:02d}-txt" for i in range(8)], "the second batch's statements were written"
        committed = sorted(d.rsplit("/", 1)[1] for d in api.stored_documents(st))
        assert committed == [f"doc{i:02d}-txt" for i in range(4)], "only the first batch is taken for stored"
    finally:
        st.close()
    report = api.build([docs], store=tmp_path / "kg" / "store")
    by_name = {Path(d.path).name: d for d in report.documents}
    assert sorted(d.status for d in report.documents) == ["added"] * 8 + ["unchanged"] * 4
    for i in range(4, 8):
        assert "interrupted build had left this document half-stored" in by_name[f"doc{i:02d}.txt"].message
    for i in range(8, 12):
        assert "half-stored" not in (by_name[f"doc{i:02d}.txt"].message or "")
    st = Store(tmp_path / "kg" / "store")
    try:
        assert {str(g): set(st.quads(g)) for g in st.graph_names()} == expected, "the store is what a clean build makes"
    finally:
        st.close()
