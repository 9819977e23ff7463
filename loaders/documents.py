"""Reading documents: a small registry of readers keyed by file suffix, and the ``Document`` they give.

A reader turns a file's bytes into cleaned text plus metadata (title, publisher, dates). Readers are
plugins: :func:`register_reader` adds one, and outside packages can add theirs through the
``collabkg.readers`` entry point group, so a PDF or ROR-dump loader slots in without touching these.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "note.txt").write_text("Select Page\\nCODATA met in Paris.\\nFind out more\\n")
>>> doc = read_document(d / "note.txt")
>>> doc.text
'CODATA met in Paris.'
>>> sorted(READERS)
['.docx', '.htm', '.html', '.markdown', '.md', '.pdf', '.txt']
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Callable, Iterable

from collabkg.errors import DocumentError
from collabkg.loaders import clean, encoding

__all__ = [
    "Document",
    "READERS",
    "MAX_BYTES",
    "register_reader",
    "read_document",
    "find_documents",
]

#: Files larger than this are refused (the message says so): cooperation documents are pages, not dumps.
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Document:
    """One source document, read and cleaned.

    ``text`` is the cleaned text that extraction reads; every character span in the graph's
    evidence points into it.
    """

    path: Path
    text: str
    title: str | None = None
    publisher: str | None = None
    issued: dt.date | None = None
    modified: dt.date | None = None
    kind: str | None = None
    sha256: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def reference_date(self) -> dt.date | None:
        """The document's own date, used to complete dates without a year (issued, else modified)."""
        return self.issued or self.modified


Reader = Callable[[Path, str], dict]
READERS: dict[str, Reader] = {}


def register_reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register ``func(path, raw_text) -> dict(text=..., title=..., ...)`` for these suffixes.

    A reader with the attribute ``binary = True`` (PDF, Word) is given the file's bytes instead.
    """

    def deco(func: Reader) -> Reader:
        for s in suffixes:
            READERS[s.lower()] = func
        return func

    return deco


@register_reader(".txt")
def _read_txt(path: Path, raw: str) -> dict:
    return clean.clean_text(raw)


@register_reader(".md", ".markdown")
def _read_md(path: Path, raw: str) -> dict:
    return clean.clean_markdown(raw)


@register_reader(".html", ".htm")
def _read_html(path: Path, raw: str) -> dict:
    return clean.clean_html(raw, url=path.resolve().as_uri())


def _load_plugins() -> None:
    for ep in entry_points(group="collabkg.readers"):
        func = ep.load()
        READERS.setdefault(ep.name if ep.name.startswith(".") else "." + ep.name, func)


_load_plugins()


def _decode(path: Path, data: bytes) -> tuple[str, str | None]:
    """The text and how it was decoded (None: plain UTF-8); see :mod:`collabkg.loaders.encoding`."""
    return encoding.decode(path, data)


def read_document(path: str | Path, *, metadata: dict | None = None, data: bytes | None = None) -> Document:
    """Read one document; ``metadata`` (e.g. from ``sources.yaml``) overrides what the file says.

    ``data``: the document's bytes when they do not come from ``path`` (a fetched URL); ``path``
    then only names the document and chooses the reader by its suffix.

    Raises
    ------
    DocumentError
        unsupported suffix, unreadable, empty, binary, undecodable, too large, or no text left
        after removing boilerplate.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(path, f"unsupported file type {path.suffix or '(none)'!r}", hint=f"use one of {', '.join(sorted(READERS))}")
    try:
        size = path.stat().st_size if data is None else len(data)
        if size > MAX_BYTES:
            raise DocumentError(path, f"too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB)", hint="split it into smaller documents")
        data = path.read_bytes() if data is None else data
    except OSError as e:
        raise DocumentError(path, f"cannot read: {e.strerror or e}") from e
    if getattr(reader, "binary", False):  # PDF, DOCX: the reader takes the bytes
        raw, decoded_as = data, None
    else:
        raw, decoded_as = _decode(path, data)
    out = reader(path, raw)
    if decoded_as:
        out["encoding"] = decoded_as  # said in the build report, never decided silently
    text = out.pop("text")
    if not text.strip():
        raise DocumentError(path, "no text left after removing navigation and boilerplate")
    meta = dict(out)
    meta.update({k: v for k, v in (metadata or {}).items() if v is not None})
    return Document(
        path=path,
        text=text,
        title=meta.pop("title", None),
        publisher=meta.pop("publisher", None),
        issued=_as_date(meta.pop("issued", None) or meta.pop("published", None)),
        modified=_as_date(meta.pop("modified", None) or meta.pop("page_last_updated", None)),
        kind=meta.pop("kind", None),
        sha256=hashlib.sha256(data).hexdigest(),
        meta=meta,
    )


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _folder_files(folder: Path, follow_links: bool, problems: list[DocumentError]) -> list[Path]:
    """Every file below ``folder`` (hidden ones aside); links leading out of it only if ``follow_links``."""
    import os

    root = folder.resolve()
    out: list[Path] = []
    seen_dirs: set[Path] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=follow_links):
        here = Path(dirpath)
        real = here.resolve()
        if real in seen_dirs:  # a link loop, or two links to one folder: each folder once
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in dirnames:
            link = here / d
            if link.is_symlink() and not follow_links:
                problems.append(DocumentError(link, f"a link to the folder {os.path.realpath(link)}: not followed",
                                              hint="pass --follow-links to read what links lead to"))
        for name in sorted(filenames):
            f = here / name
            if name.startswith("."):
                continue
            if f.is_symlink() and not follow_links and not f.resolve().is_relative_to(root):
                problems.append(DocumentError(f, f"a link to {os.path.realpath(f)}, outside {folder}: not followed",
                                              hint="pass --follow-links to read what links lead to"))
                continue
            if f.is_file():
                out.append(f)
    return sorted(out, key=lambda f: (f.is_symlink(), f))  # a file before the links to it


#: Files of a folder that are metadata, not documents: never "skipped".
METADATA_FILES = {"sources.yaml", "manifest.yaml", "manifest.csv"}


def find_documents(paths: Iterable[str | Path], *, follow_links: bool = False, skipped: dict[str, int] | None = None) -> tuple[list[Path], list[DocumentError]]:
    """Expand files and folders into the readable documents they hold (sorted, each once).

    Returns the documents and the problems found (a folder with no documents, a missing path,
    an unsupported file given by name, the same file given twice, a link leading out of a
    folder). A folder's files that no reader reads are counted by suffix in ``skipped``
    (``{".csv": 3, ".png": 1}``); hidden files and folders (``.git``) are passed over. Links
    inside a folder that lead out of it are not followed unless ``follow_links``.
    """
    found: list[Path] = []
    problems: list[DocumentError] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            files = []
            for f in _folder_files(p, follow_links, problems):
                if f.suffix.lower() in READERS:
                    files.append(f)
                elif f.name not in METADATA_FILES and skipped is not None:
                    key = f.suffix.lower() or "(no suffix)"
                    skipped[key] = skipped.get(key, 0) + 1
            if not files:
                problems.append(DocumentError(p, "the folder holds no documents", hint=f"expected files ending in {', '.join(sorted(READERS))}"))
        elif p.is_file():
            if p.suffix.lower() not in READERS:
                problems.append(DocumentError(p, f"unsupported file type {p.suffix or '(none)'!r}", hint=f"use one of {', '.join(sorted(READERS))}"))
                continue
            files = [p]
        else:
            problems.append(DocumentError(p, "no such file or folder"))
            continue
        for f in files:
            key = f.resolve()
            if key in seen:
                problems.append(DocumentError(f, f"a link to {key}, read once" if f.is_symlink() else "given more than once; read once"))
                continue
            seen.add(key)
            found.append(f)
    return found, problems
