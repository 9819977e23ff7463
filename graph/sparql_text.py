"""Reading SPARQL text without running it: keywords outside strings, IRIs and comments.

The endpoint and the library need a few facts about a request before the engine sees it: does it
call ``SERVICE`` (federation is off unless allowed), ``LOAD`` a URL, name its own dataset
(``FROM``, ``USING``, ``WITH``)? And an update sent with ``using-graph-uri`` needs ``USING``
clauses added. This module answers from a small tokenizer: a keyword inside a string literal, an
IRI, a prefixed name or a comment is never taken for one.

>>> [k.word for k in keywords('SELECT * FROM <http://x/> { ?s ?p "SERVICE" } # SERVICE')]
['SELECT', 'FROM']
>>> service_targets("SELECT * { SERVICE SILENT <http://127.0.0.1:1/q> { ?s ?p ?o } }")
['<http://127.0.0.1:1/q>']
>>> add_using("INSERT { GRAPH <g> { ?s a <T> } } WHERE { ?s a <U> }", ["http://d/"], [])
'INSERT { GRAPH <g> { ?s a <T> } } USING <http://d/> WHERE { ?s a <U> }'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

__all__ = ["Keyword", "keywords", "service_targets", "has_keyword", "add_using", "unescape_codepoints", "split_prologue"]

_TOKEN = re.compile(
    r'''(?P<comment>\#[^\n]*)
      | (?P<iri><[^<>"{}|^`\\\s]*>)
      | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
      | (?P<word>[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*(?::[\w.\-%:\u00c0-\uffff]*)?|:[\w.\-%:]*)
      | (?P<open>[{(\[]) | (?P<close>[})\]])
      | (?P<space>\s+)
      | (?P<other>.)''',
    re.S | re.X,
)


@dataclass(frozen=True)
class Keyword:
    """A bare word of the query (upper-cased), where it starts and ends, and its bracket depth."""

    word: str
    start: int
    end: int
    depth: int


def _tokens(text: str) -> Iterator[tuple[str, str, int, int, int]]:
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "close":
            depth = max(0, depth - 1)
        yield kind, m.group(), m.start(), m.end(), depth
        if kind == "open":
            depth += 1


def unescape_codepoints(text: str) -> str:
    r"""Decode ``\uXXXX`` / ``\UXXXXXXXX`` escapes, which SPARQL allows anywhere in a query.

    >>> unescape_codepoints(r"\u0053ERVICE")
    'SERVICE'
    """
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def keywords(text: str) -> list[Keyword]:
    """Bare words (not in strings, IRIs, comments; not prefixed names or variables), upper-cased."""
    return [Keyword(v.upper(), s, e, d) for kind, v, s, e, d in _tokens(text) if kind == "word" and ":" not in v]


def has_keyword(text: str, *words: str, top_level: bool = False) -> bool:
    """True if the text uses one of ``words`` as a keyword (at bracket depth 0 if ``top_level``).

    >>> has_keyword("SELECT * FROM NAMED <g> {}", "FROM", top_level=True)
    True
    >>> has_keyword("SELECT * { ?s <http://x/FROM> ?o }", "FROM")
    False
    """
    wanted = {w.upper() for w in words}
    for t in (text, unescape_codepoints(text)) if "\\" in text else (text,):
        if any(k.word in wanted and (k.depth == 0 or not top_level) for k in keywords(t)):
            return True
    return False


def service_targets(text: str) -> list[str]:
    """What each ``SERVICE`` calls: an ``<IRI>``, a prefixed name or a ``?variable``, as written."""
    out = []
    for t in (text, unescape_codepoints(text)) if "\\" in text else (text,):
        toks = [(k, v) for k, v, *_ in _tokens(t) if k not in ("space", "comment")]
        for i, (kind, v) in enumerate(toks):
            if kind == "word" and v.upper() == "SERVICE":
                j = i + 1
                if j < len(toks) and toks[j][0] == "word" and toks[j][1].upper() == "SILENT":
                    j += 1
                out.append(toks[j][1] if j < len(toks) else "")
    return out


def split_prologue(text: str) -> tuple[str, str]:
    r"""Split off the leading ``PREFIX`` / ``BASE`` declarations (with comments between them).

    >>> split_prologue("PREFIX dc: <http://purl.org/dc/terms/>\n# c\nBASE <http://b/> INSERT DATA {}")
    ('PREFIX dc: <http://purl.org/dc/terms/>\n# c\nBASE <http://b/>', ' INSERT DATA {}')
    """
    toks = [(k, v, s, e) for k, v, s, e, _ in _tokens(text)]
    i, end = 0, 0

    def skip(i):
        while i < len(toks) and toks[i][0] in ("space", "comment"):
            i += 1
        return i

    while True:
        i = skip(i)
        if i < len(toks) and toks[i][0] == "word" and toks[i][1].upper() == "BASE":
            j = skip(i + 1)
            if j < len(toks) and toks[j][0] == "iri":
                i, end = j + 1, toks[j][3]
                continue
        if i < len(toks) and toks[i][0] == "word" and toks[i][1].upper() == "PREFIX":
            j = skip(i + 1)
            k = skip(j + 1)
            if j < len(toks) and toks[j][0] == "word" and toks[j][1].endswith(":") and k < len(toks) and toks[k][0] == "iri":
                i, end = k + 1, toks[k][3]
                continue
        return text[:end], text[end:]


def add_using(text: str, using: Iterable[str], using_named: Iterable[str]) -> str:
    """Add ``USING <g>`` / ``USING NAMED <g>`` before every top-level ``WHERE`` of an update.

    This is how the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` parameters reach
    the engine (SPARQL 1.1 Protocol 2.2.3); ``DELETE WHERE`` (which takes no ``USING``) is left as is.
    """
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named])
    if not clause:
        return text
    words = keywords(text)
    cuts = [k.start for i, k in enumerate(words)
            if k.word == "WHERE" and k.depth == 0 and not (i and words[i - 1].word == "DELETE")]
    for pos in reversed(cuts):
        text = text[:pos] + clause + " " + text[pos:]
    return text
