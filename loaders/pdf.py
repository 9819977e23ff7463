"""The PDF reader (pypdf): text page by page, metadata from the document information dictionary.

Registered for ``.pdf`` through the ``collabkg.readers`` entry point. Each page's text layer is
read in content order (so two columns come one after the other), then
:func:`collabkg.loaders.pages.join_pages` removes running headers, footers and page numbers,
rejoins paragraphs and hyphenated words, and records where each page starts, so every quote
can name its page (``ckg:page``). Title, author, creation and modification dates come from the
file's metadata.

A page with no text layer (a scan) cannot be read: a PDF made only of such pages is refused with
"no text layer; OCR it first", and a PDF with some is read with a warning naming those pages.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from collabkg.errors import DocumentError
from collabkg.loaders.pages import join_pages, running_lines, strip_edges

__all__ = ["read_pdf", "OCR_HINT"]

OCR_HINT = "OCR it first, e.g. `ocrmypdf in.pdf out.pdf`, then build the OCRed file"
#: Titles that PDF writers put in by themselves: not the document's title.
_MACHINE_TITLE = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pptx?|pdf|tex|dvi))$", re.I)


def _pages(path: Path, data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "the PDF is encrypted with a password", hint="give an unencrypted copy")
        pages, images = [], []
        for page in reader.pages:
            pages.append((page.extract_text() or "").replace("\r\n", "\n").split("\n"))
            images.append(len(page.images) > 0)
    except DependencyError as e:  # AES-encrypted (even without a password) needs the cryptography package
        raise DocumentError(path, f"cannot decrypt the PDF: {e}", hint="pip install cryptography, or give an unencrypted copy") from e
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError) as e:
        raise DocumentError(path, f"cannot read the PDF: {e}", hint="check that the file is a complete PDF (open it in a viewer)") from e
    # a scanned page: an image, and no text but perhaps a running header or a page number
    running = running_lines(pages)
    scanned = [n for n, (lines, img) in enumerate(zip(pages, images), 1) if img and not strip_edges(lines, running)]
    return reader, pages, scanned


def _pdf_date(value) -> str | None:
    return value.date().isoformat() if value is not None else None


def read_pdf(path: Path, data: bytes) -> dict:
    """Read a PDF's bytes; return ``dict(text=, page_starts=, title=, author=, issued=, modified=, warnings=)``.

    Raises
    ------
    DocumentError
        not a readable PDF, encrypted, or no text layer on any page.
    """
    reader, pages, scanned = _pages(path, data)
    out = join_pages(pages)
    if not out["text"].strip():
        what = "its pages are images (a scan)" if scanned else "its pages hold no text"
        raise DocumentError(path, f"no text layer; {what}", hint=OCR_HINT)
    out.pop("title", None)  # the first line of page 1 is a guess; the metadata's title is not
    meta = _metadata(reader)
    out.update({k: v for k, v in meta.items() if v})
    if scanned:
        listed = ", ".join(map(str, scanned))
        out["warnings"] = [f"page{'s' if len(scanned) > 1 else ''} {listed}: no text layer (a scanned image), "
                           f"not read; {OCR_HINT}"]
    return out


def _metadata(reader) -> dict:
    try:
        info = reader.metadata
    except Exception:  # a damaged information dictionary: read the text without it
        return {}
    if info is None:
        return {}
    title = (info.title or "").strip()
    meta = {
        "title": title if title and not _MACHINE_TITLE.match(title) else None,
        "author": (info.author or "").strip() or None,
    }
    for key, attr in (("issued", "creation_date"), ("modified", "modification_date")):
        try:
            meta[key] = _pdf_date(getattr(info, attr))
        except ValueError:  # a malformed date string: no date rather than a wrong one
            meta[key] = None
    return meta


read_pdf.binary = True  # read_document hands it the file's bytes, not decoded text
