"""Characters from documents that XML 1.0 or a terminal cannot carry: the store keeps the quote as
the document has it; RDF/XML and SPARQL XML results stay well-formed; tables and the build table
show control and bidi characters as escapes instead of obeying them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from collabkg import api
from collabkg.cli import cli
from collabkg.graph import sparql as sq
from collabkg.graph.store import Store

FILLER = "The forum met to discuss the archive. " * 250  # > 8 KiB: the binary check does not see what follows
SENTENCE = "Dr. Anna KOWALSKA, Director of the Arctic Data Center of the University of Tromso, chaired the forum meeting, held on June 3, 2021 in Tromso, Norway."


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("odd")
    doc = d / "docs" / "polar\x1b[31mred\u202etxt.txt"
    doc.parent.mkdir()
    doc.write_text("Polar Data Forum\n\n" + FILLER + "\n\n" + SENTENCE.replace("chaired", "chaired\x00\x1b[2J\u202e") + "\n", encoding="utf-8")
    report = api.build([doc.parent], store=d / "store", out=d / "out")
    assert report.exit_code == 0, report.problems
    return d


def quote(store_dir) -> str:
    st = Store(store_dir, read_only=True)
    try:
        rows = sq.query(st, "SELECT ?q WHERE { ?e prov:value ?q FILTER (CONTAINS(?q, 'KOWALSKA')) }").rows()
        return str(rows[0]["q"])
    finally:
        st.close()


def test_the_store_keeps_the_quote_as_the_document_has_it(odd_store):
    assert "chaired\x00\x1b[2J\u202e the forum" in quote(odd_store / "store")


def test_rdf_xml_export_is_well_formed(odd_store):
    """Before: the NUL byte went into the RDF/XML as is, and no XML parser read the file."""
    with pytest.warns(UserWarning, match=r"\d+ literal\(s\) hold characters XML 1.0 cannot carry"):
        data = api.export(odd_store / "store", "xml")
    root = ET.fromstring(data)
    texts = [e.text for e in root.iter() if e.text and "chaired" in e.text]
    assert texts and all("chaired\ufffd\ufffd[2J\u202e the forum" in t for t in texts)
    assert "chaired\\u0000\\u001B[2J" in api.export(odd_store / "store", "nt").decode()  # N-Triples escapes them


def test_sparql_xml_results_are_well_formed(odd_store):
    st = Store(odd_store / "store", read_only=True)
    try:
        res = sq.query(st, "SELECT ?q WHERE { ?e prov:value ?q FILTER (CONTAINS(?q, 'KOWALSKA')) }")
        root = ET.fromstring(res.serialize("xml"))
    finally:
        st.close()
    lits = [e.text for e in root.iter("{http://www.w3.org/2005/sparql-results#}literal")]
    assert lits and all("chaired\ufffd\ufffd[2J\u202e the" in t for t in lits)


def test_sparql_table_shows_controls_as_escapes(odd_store):
    r = CliRunner().invoke(cli, ["sparql", "SELECT (STRAFTER(?q, 'Tromso, ') AS ?rest) WHERE { ?e prov:value ?q "
                                 "FILTER (CONTAINS(?q, 'chaired')) } LIMIT 1", "--store", str(odd_store / "store")])
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.output and "\u202e" not in r.output and "\x00" not in r.output
    assert "chaired\\x00\\x1b[2J\\u202e the forum" in r.output
    assert "\u2026" in r.output  # the long quote is cut with an ellipsis


def test_trace_shows_controls_as_escapes(odd_store):
    r = CliRunner().invoke(cli, ["trace", "Anna KOWALSKA", "Arctic Data Center", "--store", str(odd_store / "store")])
    assert r.exit_code == 0, r.output
    assert "chaired\\x00\\x1b[2J\\u202e the forum" in r.output
    assert "\x1b" not in r.output and "\u202e" not in r.output


def test_build_table_shows_a_file_name_s_controls_as_escapes(odd_store, tmp_path):
    r = CliRunner().invoke(cli, ["build", str(odd_store / "docs"), "--store", str(tmp_path / "s"), "-q"])
    assert r.exit_code == 0, r.output
    assert "polar\\x1b[31mred\\u202etxt.txt" in r.output
    assert "\x1b" not in r.output and "\u202e" not in r.output
