"""Encodings: byte-order marks before the binary check, UTF-8 with a few stray Windows-1252 lines
decoded line by line, legacy files detected with charset-normalizer, and every decision said."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabkg import api
from collabkg.errors import DocumentError
from collabkg.loaders.documents import read_document

GENEVA = "Dr. Marie Dupont, Director of the Université de Genève, chaired the data forum in Genève on 3 May 2021.\n"


def test_one_stray_cp1252_byte_does_not_turn_a_utf8_file_into_mojibake(tmp_path):
    """Before: the whole file was decoded as cp1252, 'UniversitÃ© de GenÃ¨ve', without a word."""
    p = tmp_path / "forum.txt"
    p.write_bytes(b"Data forum\n\n" + GENEVA.encode("utf-8") + "The forum\u2019s r\u00e9sum\u00e9 follows.\n".encode("cp1252"))
    doc = read_document(p)
    assert "Université de Genève" in doc.text and "Ã" not in doc.text
    assert "The forum\u2019s r\u00e9sum\u00e9 follows." in doc.text
    assert doc.meta["encoding"] == "UTF-8, except line 4 decoded as cp1252 (charset-normalizer)"
    r = api.build([p], store=tmp_path / "s")
    assert r.exit_code == 0
    assert r.documents[0].message == "decoded as UTF-8, except line 4 decoded as cp1252 (charset-normalizer)"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_with_a_byte_order_mark_is_read_not_called_binary(tmp_path, codec):
    """Before: 'looks binary (NUL bytes)', since the NUL check ran before the BOM check."""
    p = tmp_path / "forum.txt"
    p.write_bytes(("\ufeffData forum\n\n" + GENEVA).encode(codec))
    doc = read_document(p)
    assert doc.text.startswith("Data forum") and "Université de Genève" in doc.text
    assert doc.meta["encoding"] == f"{codec[:6].upper()} (byte-order mark)"


def test_a_windows_1252_file_is_detected_and_said_so(tmp_path):
    p = tmp_path / "forum.txt"
    p.write_bytes(("Data forum\n\n" + GENEVA + "Its r\u00e9sum\u00e9 \u2013 in full.\n").encode("cp1252"))
    doc = read_document(p)
    assert "Université de Genève" in doc.text and "r\u00e9sum\u00e9 \u2013 in full" in doc.text
    assert doc.meta["encoding"] == "cp1252, not UTF-8 (charset-normalizer)"


def test_bytes_that_fit_several_encodings_are_refused_with_the_candidates(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Meeting of \x81\x8d\x8f\x90\x9d committee.\n" * 3)
    with pytest.raises(DocumentError, match=r"cannot decode as UTF-8 \(byte 11: b'\\x81'\), and the bytes fit several encodings"):
        read_document(p)


def test_plain_utf8_has_no_note(tmp_path):
    p = tmp_path / "forum.txt"
    p.write_text("Data forum\n\n" + GENEVA, encoding="utf-8")
    assert "encoding" not in read_document(p).meta
