"""One text extracted as the loader tests look at it: the extraction, its labels, its pairs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def extracted(text: str, issued: dt.date | None = dt.date(2024, 6, 10)) -> tuple[object, Callable[[object], str]]:
    """(extraction of ``text`` as a document issued on ``issued``, a function giving an entity key's
    label, or the value itself for a literal or an unknown key)."""
    x = extract(Document(Path("t.txt"), text, issued=issued))
    return x, (lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k))


def pairs(x, label, predicate: str) -> set[tuple[str, str]]:
    """(subject, object) of every fact with ``predicate``, by label."""
    return {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == predicate}
