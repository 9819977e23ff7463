"""The store: native bulk load, the format marker, upgrades, and crash safety under kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from collabkg.errors import StoreError
from collabkg.graph.store import MARKER, STORE_FORMAT, Store

DATA = __import__("pathlib").Path(__file__).parent / "data"


def test_bulk_load_trig_into_disk_store(tmp_path):
    store = Store(tmp_path / "s")
    n = store.bulk_load(DATA / "sample.trig")
    assert n >= len(store) > 500
    count = len(store)
    names = {str(g) for g in store.graph_names()}
    assert "https://w3id.org/collabkg/id/document/codata-china-us-roundtable" in names
    info = json.loads((tmp_path / "s" / MARKER).read_text())
    assert info["format"] == STORE_FORMAT and (tmp_path / "s" / info["data"]).is_dir()
    store.close()
    # one database folder only: the previous one was removed after the switch
    assert sorted(p.name for p in (tmp_path / "s").iterdir() if p.name.startswith("data-")) == [info["data"]]
    again = Store(tmp_path / "s", read_only=True)
    assert len(again) == count
    again.close()


def test_bulk_load_appends_and_reports_progress(tmp_path, generate_mod):
    nq = tmp_path / "g.nq"
    generate_mod.write(nq, 20_000, seed=3)
    store = Store(tmp_path / "s")
    store.bulk_load(DATA / "sample.trig")
    before = len(store)
    seen = []
    n = store.bulk_load(nq, progress=lambda done, total: seen.append((done, total)), chunk_quads=5000)
    assert n == 20_000
    assert len(store) == before + 20_000  # generator quads are all distinct and new
    assert seen and seen[-1][0] == nq.stat().st_size == seen[-1][1]
    store.close()


def test_bulk_load_gzip_and_graph_option(tmp_path):
    import gzip

    p = tmp_path / "t.nt.gz"
    with gzip.open(p, "wt") as f:
        f.write('<http://ex/a> <http://ex/p> "x" .\n_:b <http://ex/p> "y" .\n')
    store = Store()
    assert store.bulk_load(p, graph=URIRef("http://ex/g")) == 2
    assert [str(g) for g in store.graph_names()] == ["http://ex/g"]


def test_blank_nodes_are_scoped_per_file(tmp_path):
    a, b = tmp_path / "a.nt", tmp_path / "b.nt"
    a.write_text('_:x <http://ex/p> "1" .\n_:x <http://ex/q> "2" .\n')
    b.write_text('_:x <http://ex/p> "3" .\n')
    store = Store()
    store.bulk_load([a, b], chunk_quads=1)  # chunks of one quad: labels must survive chunking
    subjects = {q.subject for q in store.oxigraph.quads_for_pattern(None, None, None, None)}
    assert len(subjects) == 2


def test_invalid_rdf_leaves_the_store_unchanged(tmp_path):
    bad = tmp_path / "bad.nq"
    lines = [f'<http://ex/s{i}> <http://ex/p> "{i}" <http://ex/g> .' for i in range(1000)]
    bad.write_text("\n".join(lines) + "\n<http://ex/broken> <http://ex/p> .\n")
    store = Store(tmp_path / "s")
    store.bulk_load(DATA / "sample.trig")
    before = len(store)
    with pytest.raises(StoreError, match="not valid RDF"):
        store.bulk_load(bad, chunk_quads=100)
    assert len(store) == before
    store.close()
    assert len([p for p in (tmp_path / "s").iterdir() if p.name.startswith("data-")]) == 1


def test_unknown_format_and_missing_file(tmp_path):
    store = Store()
    (tmp_path / "x.weird").write_text("")
    with pytest.raises(StoreError, match="cannot tell the RDF format"):
        store.bulk_load(tmp_path / "x.weird")
    with pytest.raises(StoreError, match="unknown RDF format"):
        store.bulk_load(tmp_path / "x.weird", format="nope")


def test_legacy_store_is_opened_and_upgraded(tmp_path):
    """A format-0 store (a bare Oxigraph folder, as the first store version wrote) still works."""
    legacy = tmp_path / "legacy"
    raw = ox.Store(str(legacy))
    raw.bulk_load(path=str(DATA / "sample.trig"))
    n = len(raw)
    raw.flush()
    del raw
    ro = Store(legacy, read_only=True)  # even to read it, upgraded crash-safely to the marker layout
    assert len(ro) == n and ro.format == STORE_FORMAT
    # the default graph is now the merge of the named graphs: each statement once
    distinct = {(q.subject, q.predicate, q.object) for q in ro.named_quads()}
    assert ro.default_graph_size() == len(distinct) <= n
    ro.close()
    assert (legacy / MARKER).exists() and not (legacy / "CURRENT").exists()
    rw = Store(legacy)
    assert len(rw) == n and rw.format == STORE_FORMAT
    rw.close()


def test_newer_or_damaged_store_says_what_to_do(tmp_path):
    path = tmp_path / "s"
    Store(path).close()
    info = json.loads((path / MARKER).read_text())
    (path / MARKER).write_text(json.dumps({**info, "format": STORE_FORMAT + 1}))
    with pytest.raises(StoreError, match="newer collabkg.*upgrade collabkg"):
        Store(path)
    (path / MARKER).write_text("{not json")
    with pytest.raises(StoreError, match="marker is damaged.*collabkg build"):
        Store(path)


def test_foreign_folder_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(StoreError, match="not empty"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="no collabkg store"):
        Store(tmp_path / "missing", read_only=True)


def test_replace_graph_still_works_after_bulk_load(tmp_path):
    store = Store(tmp_path / "s")
    store.bulk_load(DATA / "sample.trig")
    g = Graph()
    g.add((URIRef("http://ex/a"), URIRef("http://ex/p"), Literal("x")))
    store.replace_graph(URIRef("http://ex/doc"), g)
    assert len(store.graph(URIRef("http://ex/doc"))) == 1
    store.close()
    assert len(Store(tmp_path / "s", read_only=True).graph(URIRef("http://ex/doc"))) == 1


LOADER = textwrap.dedent(
    """
    import sys
    from collabkg.graph.store import Store
    store = Store(sys.argv[1])
    def report(done, total):
        print(done, total, flush=True)
    store.bulk_load(sys.argv[2], progress=report, chunk_quads=20_000)
    print("DONE", flush=True)
    store.close()
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("kill_fraction", [0.05, 0.5, 0.9])
def test_kill_9_mid_load_leaves_the_store_as_before(tmp_path, generate_mod, kill_fraction):
    """A real SIGKILL while loading: the store afterwards holds exactly what it held before."""
    nq = tmp_path / "big.nq"
    generate_mod.write(nq, 300_000, seed=1)
    size = nq.stat().st_size
    path = tmp_path / "store"
    store = Store(path)
    store.bulk_load(DATA / "sample.trig")
    before = len(store)
    store.close()

    proc = subprocess.Popen([sys.executable, "-c", LOADER, str(path), str(nq)], stdout=subprocess.PIPE, text=True)
    killed_at = None
    try:
        for line in proc.stdout:
            if line.startswith("DONE"):
                break
            done = int(line.split()[0])
            if done >= kill_fraction * size:
                os.kill(proc.pid, signal.SIGKILL)
                killed_at = done
                break
    finally:
        proc.wait(60)
    assert killed_at is not None, "the loader finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    after = Store(path)  # opens, cleans the interrupted load's folder
    assert len(after) == before
    assert after.oxigraph.query("ASK { GRAPH ?g { ?s a <https://w3id.org/collabkg/ontology#Roundtable> } }")
    # the store is not only readable but fully usable: a complete load now succeeds
    assert after.bulk_load(nq) == 300_000
    assert len(after) == before + 300_000
    after.close()
    assert len([p for p in path.iterdir() if p.name.startswith("data-")]) == 1


@pytest.mark.slow
def test_kill_9_after_the_switch_leaves_the_store_fully_loaded(tmp_path, generate_mod):
    """Killed right after the load completes: the new content is all there."""
    nq = tmp_path / "g.nq"
    generate_mod.write(nq, 50_000, seed=2)
    path = tmp_path / "store"
    Store(path).close()
    proc = subprocess.Popen([sys.executable, "-c", LOADER, str(path), str(nq)], stdout=subprocess.PIPE, text=True)
    for line in proc.stdout:
        if line.startswith("DONE"):
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(60)
    store = Store(path)
    assert len(store) == 50_000
    store.close()
