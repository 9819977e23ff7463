"""One fact breaking a shape no longer costs a document all its facts: the conforming ones are
stored, each dropped fact is reported with its shape, quote and rule, and the exit code is 3."""

from __future__ import annotations

from click.testing import CliRunner
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import PROV

from collabkg import api
from collabkg.cli import cli
from collabkg.graph.store import Store
from collabkg.ontology.namespace import CKG
from tests.conftest import rows

POLAR = """Polar Data Forum

Dr. Anna KOWALSKA, Director of the Arctic Data Center of the University of Tromso, chaired the forum meeting, held on June 3, 2021 in Tromso, Norway.
"""
LONE = URIRef("https://w3id.org/collabkg/id/agreement/lone")


def with_a_one_party_agreement(real):
    """emit_document, plus an agreement with a single party read from the document's first evidence
    sentence: a fact the agreement shape refuses (the extractor itself should never make it)."""

    def emit(doc, x, iri=None):
        g = real(doc, x, iri)
        ev = next(g.subjects(RDF.type, CKG.Evidence))
        party = next(s for s in g.subjects(CKG.kind, Literal("organization")))
        g.add((LONE, RDF.type, CKG.Agreement))
        g.add((LONE, RDFS.label, Literal("A lone agreement")))
        g.add((LONE, CKG.kind, Literal("agreement")))
        g.add((LONE, CKG.party, party))
        g.add((LONE, PROV.wasDerivedFrom, ev))
        return g

    return emit


def test_a_bad_fact_is_dropped_and_reported_the_rest_is_stored(tmp_path, monkeypatch):
    (tmp_path / "polar.txt").write_text(POLAR)
    clean = api.build([tmp_path / "polar.txt"], store=tmp_path / "clean")
    monkeypatch.setattr(api, "emit_document", with_a_one_party_agreement(api.emit_document))
    report = api.build([tmp_path / "polar.txt"], store=tmp_path / "s")
    assert report.exit_code == api.EXIT_PARTIAL
    assert [d.status for d in report.documents] == ["added"]
    assert "1 fact(s) broke a shape and were left out" in report.documents[0].message
    (problem,) = report.problems
    assert problem.startswith(f"{tmp_path / 'polar.txt'}: dropped A lone agreement <{LONE}> ckg:party")
    assert "ckgsh:AgreementShape: An agreement needs at least two parties" in problem
    assert 'read by rule:' in problem and 'from "Dr. Anna KOWALSKA, Director of the Arctic Data Center' in problem
    st = Store(tmp_path / "s")
    try:
        assert not rows(st, f"SELECT ?p WHERE {{ <{LONE}> ?p ?o }}")
        assert not rows(st, f"SELECT ?s WHERE {{ ?s rdf:subject <{LONE}> }}")
        assert api.validate(st).conforms
        assert report.counts == clean.counts, "every other fact of the document is stored"
    finally:
        st.close()


def test_cli_exit_code_3_names_the_dropped_fact(tmp_path, monkeypatch):
    (tmp_path / "polar.txt").write_text(POLAR)
    monkeypatch.setattr(api, "emit_document", with_a_one_party_agreement(api.emit_document))
    res = CliRunner().invoke(cli, ["build", str(tmp_path / "polar.txt"), "--store", str(tmp_path / "s"), "-q"])
    assert res.exit_code == 3, res.output
    assert "dropped A lone agreement" in res.output
