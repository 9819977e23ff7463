"""The Word reader (python-docx): body paragraphs and tables in order, metadata from the core properties.

Registered for ``.docx`` through the ``collabkg.readers`` entry point. Headers and footers live
apart from the body in a Word file and are not read. Headings and table rows become lines of
their own, list paragraphs list items; title, author, creation and modification dates come
from the document's core properties. Pages: Word records where it last broke pages
(``w:lastRenderedPageBreak``); where it did not, explicit page breaks count. Each page's
start is kept, so a quote can name its page (``ckg:page``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from collabkg.errors import DocumentError
from collabkg.loaders.pages import join_pages

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _breaks(element, rendered: bool) -> int:
    """Page breaks inside a paragraph or table element (Word's own, or explicit ones)."""
    if rendered:
        return len(element.findall(f".//{_W}lastRenderedPageBreak"))
    return sum(br.get(f"{_W}type") == "page" for br in element.iter(f"{_W}br"))


def read_docx(path: Path, data: bytes) -> dict:
    """Read a .docx file's bytes; return ``dict(text=, page_starts=, title=, author=, issued=, modified=)``.

    Raises
    ------
    DocumentError
        not a Word (.docx) file, or damaged.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocumentError(path, f"cannot read the Word file: {e}",
                            hint="save it again as .docx from Word or LibreOffice (old .doc files are not read)") from e
    body = d.element.body
    rendered = body.find(f".//{_W}lastRenderedPageBreak") is not None
    pages: list[list[str]] = [[]]
    for block in d.iter_inner_content():
        for _ in range(_breaks(block._element, rendered)):
            pages.append([])
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:  # merged cells repeat: keep each once
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                if cells:
                    pages[-1].append("| " + " | ".join(cells) + " |")
            pages[-1].append("")
            continue
        text = " ".join(block.text.replace("\u00ad", "").split())
        if not text:
            continue
        style = (block.style.name if block.style is not None else "") or ""
        if style.startswith("List") and not text.startswith(("•", "-", "*")):
            text = "• " + text
        pages[-1] += [text, ""]
    out = join_pages(pages, reflow=False)
    out.pop("title", None)
    cp = d.core_properties
    for key, value in (("title", cp.title), ("author", cp.author),
                       ("issued", cp.created and cp.created.date().isoformat()),
                       ("modified", cp.modified and cp.modified.date().isoformat())):
        if value and str(value).strip():
            out[key] = str(value).strip()
    if not any(pages[1:]):
        out.pop("page_starts", None)  # one page, or Word never laid it out: no page to name
    return out


read_docx.binary = True  # read_document hands it the file's bytes, not decoded text
