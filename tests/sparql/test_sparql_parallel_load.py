"""Loading one N-Quads / N-Triples file by several threads, each taking byte ranges of whole lines.

The ranges are made tiny here (the threshold and range size are module settings) so that small
files are cut into many ranges, and every result is compared with the sequential load.
"""

from __future__ import annotations

import threading

import pytest
from rdflib import URIRef

import collabkg.graph.store as store_mod
from collabkg.errors import StoreError
from collabkg.graph.store import Store


@pytest.fixture
def tiny_ranges(monkeypatch):
    """Every file is loaded in parallel, in ranges of 64 KiB (the smallest the loader makes)."""
    monkeypatch.setattr(store_mod, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(store_mod, "RANGE_BYTES", 1 << 16)


def _quads(store: Store) -> set:
    return set(store.oxigraph.quads_for_pattern(None, None, None, None))


def _spy_on_ranges(monkeypatch) -> list:
    calls = []
    real = store_mod._load_ranges

    def spy(*args, **kwargs):
        calls.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(store_mod, "_load_ranges", spy)
    return calls


def test_parallel_load_equals_sequential_load(tmp_path, generate_mod, tiny_ranges, monkeypatch):
    nq = tmp_path / "g.nq"
    generate_mod.write(nq, 30_000, seed=5)
    assert nq.stat().st_size > 8 * (1 << 16)  # many ranges
    calls = _spy_on_ranges(monkeypatch)
    par = Store(tmp_path / "par")
    seen = []
    n_par = par.bulk_load(nq, workers=3, progress=lambda done, total: seen.append(done))
    assert len(calls) == 2, "the parallel path was not taken (once to load, once for the merged default graph)"
    seq = Store(tmp_path / "seq")
    n_seq = seq.bulk_load(nq, workers=1)
    assert len(calls) == 2  # workers=1 stays sequential
    assert n_par == n_seq == 30_000
    assert _quads(par) == _quads(seq) and len(par) == 30_000
    assert seen[-1] == nq.stat().st_size and seen == sorted(seen)
    par.close()
    seq.close()


def test_statements_are_counted_exactly_around_comments_blank_lines_and_crlf(tmp_path, tiny_ranges):
    lines = []
    for i in range(6000):
        lines.append(f'<http://ex/s{i}> <http://ex/p> "v{i} # not a comment" <http://ex/g{i % 7}> .')
        if i % 500 == 0:
            lines += ["# a comment line", "", "   ", f'   <http://ex/t{i}> <http://ex/p> "indented" .']
    nq = tmp_path / "c.nq"
    nq.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    par = Store(tmp_path / "par")
    n = par.bulk_load(nq, workers=2)
    assert n == 6000 + 12 == len(par)
    seq = Store()
    assert seq.bulk_load(nq, workers=1) == n and _quads(seq) == _quads(par)
    par.close()


def test_a_file_without_final_newline_loads_its_last_line(tmp_path, tiny_ranges):
    nt = tmp_path / "t.nt"
    nt.write_text("\n".join(f"<http://ex/s{i}> <http://ex/p> <http://ex/o{i}> ." for i in range(5000)))
    store = Store(tmp_path / "s")
    assert store.bulk_load(nt, workers=2, graph=URIRef("http://ex/g")) == 5000
    assert len(store) == 5000 and [str(g) for g in store.graph_names()] == ["http://ex/g"]
    assert store.oxigraph.query("ASK { GRAPH <http://ex/g> { <http://ex/s4999> ?p <http://ex/o4999> } }")
    store.close()


def test_blank_nodes_across_ranges_stay_one_node(tmp_path, tiny_ranges):
    """A blank node label means one node in the whole file, even when ranges split its uses."""
    lines = [f'<http://ex/s{i}> <http://ex/p> "{i}" .' for i in range(4000)]
    lines.insert(10, '_:shared <http://ex/p> "first" .')
    lines.append('_:shared <http://ex/p> "last" .')
    nt = tmp_path / "b.nt"
    nt.write_text("\n".join(lines) + "\n")
    assert nt.stat().st_size > 2 * (1 << 16)
    store = Store(tmp_path / "s")
    assert store.bulk_load(nt, workers=2) == 4002
    rows = list(store.oxigraph.query('SELECT ?b WHERE { ?b <http://ex/p> "first" . ?b <http://ex/p> "last" }'))
    assert len(rows) == 1
    store.close()
    assert len([p for p in (tmp_path / "s").iterdir() if p.name.startswith("data-")]) == 1


def test_a_syntax_error_in_a_late_range_names_its_line_and_changes_nothing(tmp_path, tiny_ranges):
    good = tmp_path / "good.nq"
    good.write_text('<http://ex/a> <http://ex/p> "kept" <http://ex/g> .\n')
    lines = [f'<http://ex/s{i}> <http://ex/p> "{i}" <http://ex/g> .' for i in range(8000)]
    bad_line = 7001  # 1-based line number of the broken statement
    lines[bad_line - 1] = '<http://ex/broken> <http://ex/p> "no end'
    bad = tmp_path / "bad.nq"
    bad.write_text("\n".join(lines) + "\n")
    store = Store(tmp_path / "s")
    store.bulk_load(good)
    with pytest.raises(StoreError) as info:
        store.bulk_load(bad, workers=3)
    msg = str(info.value)
    assert "not valid RDF" in msg and str(bad) in msg and f"line {bad_line}" in msg
    assert len(store) == 1
    store.close()
    assert len([p for p in (tmp_path / "s").iterdir() if p.name.startswith("data-")]) == 1


def test_optimize_compacts_without_changing_the_data(tmp_path, generate_mod, tiny_ranges):
    nq = tmp_path / "g.nq"
    generate_mod.write(nq, 20_000, seed=9)
    store = Store(tmp_path / "s")
    store.bulk_load(nq, workers=2)
    before = _quads(store)
    live = store.data_path
    files_before = len(list(live.glob("*.sst")))
    store.optimize()
    assert _quads(store) == before
    assert len(list(live.glob("*.sst"))) < files_before
    store.close()
    with pytest.raises(StoreError, match="read-only"):
        Store(tmp_path / "s", read_only=True).optimize()


def test_cli_load_optimize(tmp_path, generate_mod):
    from click.testing import CliRunner

    from collabkg.cli import cli

    nq = tmp_path / "g.nq"
    generate_mod.write(nq, 5000, seed=2)
    res = CliRunner().invoke(cli, ["load", str(nq), "--store", str(tmp_path / "s"), "-q", "--optimize"])
    assert res.exit_code == 0, res.output
    assert "5,000 quads" in res.output and "optimized in" in res.output
    assert len(Store(tmp_path / "s", read_only=True)) == 5000
