"""Documents are parsed in batches and analysed by worker processes; each is still validated and
stored on its own, so a bad document in a batch costs the others nothing, and the graph is the
one a build of one document at a time makes."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from collabkg import api
from collabkg.graph.store import Store

BODIES = ["the Arctic Data Center", "the Polar Research Institute", "the Marine Data Centre", "the Institute of Hydrology"]
PEOPLE = ["Anna KOWALSKA", "Erik LARSEN", "Maria SILVA", "Tomas NOVAK", "Eva LUND", "Kenji SATO"]
CITIES = ["Tromso", "Bergen", "Lisbon", "Kyoto"]


def item(i: int) -> str:
    a, b = BODIES[i % 4], BODIES[(i + 1) % 4]
    return (f"Data Forum {i}\n\nDr. {PEOPLE[i % 6]}, Director of {a[4:]}, chaired the forum meeting, held on June {1 + i % 27}, "
            f"2021 in {CITIES[i % 4]}. {a[0].upper() + a[1:]} and {b} signed a Memorandum of Understanding on data sharing.\n")


def write(folder, n: int) -> list:
    folder.mkdir()
    paths = []
    for i in range(n):
        p = folder / f"forum{i:02d}.txt"
        p.write_text(item(i))
        paths.append(p)
    return paths


def graphs(store_path) -> dict:
    st = Store(store_path)
    try:
        return {str(g): set(st.quads(g)) for g in st.graph_names()}
    finally:
        st.close()


def test_a_batch_gives_the_graph_of_one_document_at_a_time(tmp_path):
    paths = write(tmp_path / "docs", 12)
    one_by_one = tmp_path / "one"
    for p in paths:  # each build a batch of one, parsed by nlp() and validated alone
        r = api.build([p], store=one_by_one, workers=1)
        assert r.exit_code == 0, r.problems
    batched = api.build([tmp_path / "docs"], store=tmp_path / "batched", workers=2)
    assert batched.exit_code == 0, batched.problems
    assert [d.status for d in batched.documents] == ["added"] * 12
    assert [d.path for d in batched.documents] == [str(p) for p in paths], "results in input order"
    expected = graphs(one_by_one)
    assert sum("/document/" in g for g in expected) == 12
    assert graphs(tmp_path / "batched") == expected


def without_source_for(real, bad: set[str], broken: set[str]):
    """emit_document, except that a document named in ``bad`` loses its dcterms:source (its own
    description then breaks the document shape) and one named in ``broken`` fails as a rule with a bug would."""

    def emit(doc, x, iri=None):
        if doc.path.name in broken:
            raise RuntimeError(f"a rule broke on {doc.path.name}")
        g = real(doc, x, iri)
        if doc.path.name in bad:
            g.remove((URIRef(iri), DCTERMS.source, None))
        return g

    return emit


def test_a_bad_document_in_a_batch_costs_the_others_nothing(tmp_path, monkeypatch):
    paths = write(tmp_path / "docs", 10)
    clean = api.build([tmp_path / "docs"], store=tmp_path / "clean", workers=1)
    monkeypatch.setattr(api, "emit_document", without_source_for(api.emit_document, {"forum03.txt"}, {"forum07.txt"}))
    progress = []
    for workers in (1, 2):
        store = tmp_path / f"s{workers}"
        report = api.build([tmp_path / "docs"], store=store, workers=workers, progress=lambda n, i, t: progress.append(i))
        assert report.exit_code == api.EXIT_PARTIAL
        status = {d.path: d.status for d in report.documents}
        assert status == {str(p): ("failed" if p.name in ("forum03.txt", "forum07.txt") else "added") for p in paths}
        (p3,) = [p for p in report.problems if "forum03.txt" in p]
        assert p3.startswith(f"{paths[3]}: the document's own description does not conform") and "dcterms:source" in p3
        (p7,) = [p for p in report.problems if "forum07.txt" in p]
        assert p7 == f"{paths[7]}: extraction failed: RuntimeError: a rule broke on forum07.txt"
        assert len(report.problems) == 2
        stored, whole = graphs(store), graphs(tmp_path / "clean")
        bad = {d.graph for d in report.documents if d.status == "failed"}
        assert len(bad) == 2 and not bad & set(stored), "nothing of the bad documents is stored"
        docs = {g: q for g, q in whole.items() if g not in bad and "/document/" in g}
        assert len(docs) == 8
        assert all(stored[g] == q for g, q in docs.items()), "each other document is stored whole, as in a clean build"
        assert progress[-11:] == list(range(10)) + [10], "progress in input order, then the end"
    assert clean.exit_code == 0
