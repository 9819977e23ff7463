"""A manifest: metadata for documents whose files do not carry it (CSV or YAML).

One row or entry per document: ``path`` (relative to the manifest's folder) or ``url``, and any of
``title``, ``publisher``, ``date`` (the issue date, ``YYYY-MM-DD``), ``modified``, ``author``,
``kind``, ``license``. What a manifest says overrides what the file says. A row that names no
document, a date that is not a date, or a column the manifest does not know is reported with its
file and line, and the other rows still apply.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "manifest.csv").write_text("path,publisher,date,title\\nmou.pdf,CODATA,2019-06-03,MoU with CAS\\n"
...                                     "https://example.org/news,ISC,03/06/2019,News\\n")
>>> meta, problems = load_manifest(d / "manifest.csv")
>>> meta[(d / "mou.pdf").resolve()]
{'publisher': 'CODATA', 'issued': '2019-06-03', 'title': 'MoU with CAS'}
>>> print(str(problems[0]).replace(str(d), "DIR"))
DIR/manifest.csv:3: date '03/06/2019' is not a date (write it as YYYY-MM-DD)
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import yaml

from collabkg.errors import DocumentError
from collabkg.loaders.fetch import is_url

__all__ = ["load_manifest", "FIELDS"]

#: Manifest columns -> document metadata keys.
FIELDS = {"title": "title", "publisher": "publisher", "date": "issued", "issued": "issued", "modified": "modified",
          "author": "author", "kind": "kind", "license": "license"}
_DATES = {"issued", "modified"}


def _rows(path: Path) -> list[tuple[int, dict]]:
    text = path.read_text("utf-8-sig")
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        return [(reader.line_num, {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}) for row in reader]
    data = yaml.safe_load(text) or []
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    if not isinstance(data, list):
        raise DocumentError(path, "expected a list of documents (each with 'path' or 'url')",
                            hint="see collabkg.loaders.manifest for the fields")
    return [(i, item if isinstance(item, dict) else {"": item}) for i, item in enumerate(data, 1)]


def load_manifest(path: str | Path) -> tuple[dict, list[DocumentError]]:
    """Read a manifest; return ``{resolved path or URL: {metadata}}`` and the problems, each naming its line.

    Lines are CSV line numbers, or entry numbers (from 1) in a YAML list.

    Raises
    ------
    DocumentError
        the manifest cannot be read or parsed at all.
    """
    path = Path(path)
    try:
        rows = _rows(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, csv.Error) as e:
        raise DocumentError(path, f"cannot read the manifest: {e}", hint="a CSV with a header row, or a YAML list") from e
    meta: dict = {}
    problems: list[DocumentError] = []
    where = "line" if path.suffix.lower() == ".csv" else "entry"
    for n, row in rows:
        at = f"{path}:{n}" if where == "line" else f"{path} entry {n}"
        target = str(row.get("url") or row.get("path") or row.get("file") or "").strip()
        if not target:
            problems.append(DocumentError(at, "names no document", hint="give a 'path' or a 'url'"))
            continue
        fields: dict = {}
        for key, value in row.items():
            key = str(key).strip().lower()
            if key in ("url", "path", "file") or value in (None, ""):
                continue
            if key not in FIELDS:
                problems.append(DocumentError(at, f"unknown column {key!r}, ignored", hint=f"known: path, url, {', '.join(FIELDS)}"))
                continue
            value = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
            if FIELDS[key] in _DATES:
                try:
                    dt.date.fromisoformat(value[:10])
                except ValueError:
                    problems.append(DocumentError(at, f"{key} {value!r} is not a date", hint="write it as YYYY-MM-DD"))
                    continue
            fields[FIELDS[key]] = value
        meta[target if is_url(target) else (path.parent / target).resolve()] = fields
    return meta, problems
