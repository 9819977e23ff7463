"""The PDF and Word readers, on files the tests write (fpdf2, python-docx), and through a build."""

from __future__ import annotations

import datetime as dt

import pytest

from collabkg import api
from collabkg.errors import DocumentError
from collabkg.graph.store import Store
from collabkg.loaders.documents import read_document
from collabkg.loaders.pages import page_at
from tests.conftest import rows
from tests.loaders import makedocs


def test_pdf_text_metadata_and_pages(tmp_path):
    doc = read_document(makedocs.report_pdf(tmp_path / "report.pdf"))
    assert (doc.title, doc.meta["author"], doc.issued) == ("Annual Report 2019", "CODATA Secretariat", dt.date(2019, 7, 1))
    # running header, footer ("Page 1 of 2") and the line ends inside paragraphs are gone
    assert "CODATA Annual Report 2019" not in doc.text and "Page 1" not in doc.text and "Page 2" not in doc.text
    assert makedocs.MEETING in doc.text and makedocs.SIGNING in doc.text
    # a word hyphenated at a line end is whole; a compound the document writes elsewhere keeps its hyphen
    assert "long-standing cooperation on data-sharing in the years to come." in doc.text
    assert page_at(doc.meta["page_starts"], doc.text.index(makedocs.MEETING)) == 1
    assert page_at(doc.meta["page_starts"], doc.text.index(makedocs.SIGNING)) == 2


def test_pdf_table_rows_stay_apart(tmp_path):
    doc = read_document(makedocs.table_pdf(tmp_path / "t.pdf"))
    lines = doc.text.split("\n")
    assert "The following organisations took part in the roundtable." in lines
    assert "Chinese Academy of Sciences China" in lines
    assert "National Center for Atmospheric Research United States" in lines


def test_pdf_two_columns_read_one_after_the_other(tmp_path):
    doc = read_document(makedocs.columns_pdf(tmp_path / "c.pdf"))
    assert makedocs.LEFT in doc.text and makedocs.RIGHT in doc.text
    assert doc.text.index(makedocs.LEFT) < doc.text.index(makedocs.RIGHT)


def test_scanned_pdf_says_ocr_it_first(tmp_path):
    with pytest.raises(DocumentError, match=r"no text layer; its pages are images \(a scan\).*OCR it first"):
        read_document(makedocs.image_only_pdf(tmp_path / "scan.pdf"))


def test_a_scanned_page_among_text_pages_is_named(tmp_path):
    pdf = makedocs.scanned_pdf(tmp_path / "mixed.pdf", text_pages=2)
    report = api.build([pdf], store=tmp_path / "store", out=tmp_path / "out")
    assert [d.status for d in report.documents] == ["added"]
    assert report.exit_code == 3
    assert report.problems == [f"{pdf}: page 3: no text layer (a scanned image), not read; "
                               "OCR it first, e.g. `ocrmypdf in.pdf out.pdf`, then build the OCRed file"]


def test_not_a_pdf(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\nthis is not a PDF body")
    with pytest.raises(DocumentError, match=r"broken.pdf: cannot read the PDF"):
        read_document(bad)


def test_docx_body_tables_metadata_and_pages(tmp_path):
    doc = read_document(makedocs.report_docx(tmp_path / "report.docx"))
    assert (doc.title, doc.meta["author"], doc.issued, doc.modified) == (
        "Meeting report", "Jane Doe", dt.date(2020, 2, 14), dt.date(2020, 3, 1))
    assert "CONFIDENTIAL" not in doc.text and "page footer" not in doc.text  # header and footer
    lines = doc.text.split("\n")
    assert "• Chinese Academy of Sciences, China" in lines  # a table row: one line, cells by commas
    assert "• a shared catalogue of data sets" in lines
    assert page_at(doc.meta["page_starts"], doc.text.index(makedocs.MEETING)) == 1
    assert page_at(doc.meta["page_starts"], doc.text.index(makedocs.SIGNING)) == 2


def test_not_a_docx(tmp_path):
    bad = tmp_path / "old.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc renamed")
    with pytest.raises(DocumentError, match=r"old.docx: cannot read the Word file.*old \.doc files are not read"):
        read_document(bad)


@pytest.mark.parametrize("make", [makedocs.report_pdf, makedocs.report_docx], ids=["pdf", "docx"])
def test_evidence_names_its_page(tmp_path, make):
    path = make(tmp_path / ("report." + ("pdf" if make is makedocs.report_pdf else "docx")))
    report = api.build([path], store=tmp_path / "store", out=tmp_path / "out")
    assert report.exit_code == 0, report.problems
    with Store(tmp_path / "store") as st:
        found = rows(st, """SELECT ?q ?page WHERE { ?e a ckg:Evidence ; prov:value ?q ; ckg:page ?page }""")
        doc = rows(st, "SELECT ?c WHERE { ?d a ckg:SourceDocument ; dcterms:creator ?c }")
    pages = {r["q"]: int(r["page"]) for r in found}
    assert pages.get(makedocs.SIGNING) == 2, pages
    assert {p for q, p in pages.items() if q in makedocs.MEETING} == {1}
    assert doc == [{"c": "CODATA Secretariat" if path.suffix == ".pdf" else "Jane Doe"}]


def test_page_rules_docstring_examples():
    import doctest

    from collabkg.loaders import pages

    result = doctest.testmod(pages)
    assert result.attempted >= 10 and result.failed == 0
