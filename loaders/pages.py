"""Paged text into running text: the layout rules shared by the PDF and Word readers.

A paged document's text comes line by line, page by page. Before extraction can read it, the lines
a page repeats (running headers and footers), page numbers, and line ends inside a paragraph must
go, and a word hyphenated across a line end must be whole again. What is left is cleaned with the
plain-text rules (:func:`collabkg.loaders.clean.clean_text`) page by page, and the pages are joined;
``page_starts`` records where each page begins in the joined text, so a sentence's character span
gives its page (:func:`page_at`).

>>> pages = [["Annual Report 2021", "CODATA and ISC met in Paris to discuss the coopera-",
...           "tion on data sharing.", "Page 1 of 2"],
...          ["Annual Report 2021", "The meeting was chaired by Jane Doe.", "Page 2 of 2"]]
>>> out = join_pages(pages)
>>> out["text"]
'CODATA and ISC met in Paris to discuss the cooperation on data sharing.\\n\\nThe meeting was chaired by Jane Doe.'
>>> out["page_starts"], page_at(out["page_starts"], out["text"].index("Jane"))
([0, 73], 2)
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from collabkg.loaders import clean

__all__ = ["join_pages", "page_at", "is_page_number", "running_lines", "strip_edges", "dehyphenate"]

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—(\[]?\s*(?:\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|von|de)\s*\d{1,4})?$",
    re.I,
)
#: How many lines at the top and at the bottom of a page may be a running header or footer.
EDGE_LINES = 2
#: A paragraph's last line is shorter than this share of the page's full lines.
_SHORT_LINE = 0.72
_SENTENCE_END = (".", "!", "?", ":", ";", "”", '"', "’", ")")


def is_page_number(line: str) -> bool:
    """A line that is only a page number: ``3``, ``- 3 -``, ``Page 3``, ``page 3 of 10``, ``iv``.

    >>> [is_page_number(s) for s in ("12", "- 4 -", "Page 3 of 10", "iv", "2021 Annual Report", "Mix", "I")]
    [True, True, True, True, False, False, True]
    """
    return bool(_PAGE_NUMBER.match(line.strip()))


def _shape(line: str) -> str:
    """A line with its numbers blanked, so 'Report 2021 - page 3' and '... page 4' compare equal."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of the lines that open or close at least half the pages (two at least): headers and footers.

    >>> sorted(running_lines([["CODATA 2021", "a"], ["CODATA 2021", "b"], ["c", "d"]]))
    ['codata #']
    """
    if len(pages) < 2:
        return set()
    seen: Counter = Counter()
    for lines in pages:
        edge = [ln for ln in lines if ln.strip()]
        edge = edge[:EDGE_LINES] + edge[-EDGE_LINES:] if len(edge) > 2 * EDGE_LINES else edge
        seen.update({_shape(ln) for ln in edge})
    need = max(2, (len(pages) + 1) // 2)
    return {s for s, n in seen.items() if n >= need and s}


def strip_edges(lines: list[str], running: set[str]) -> list[str]:
    """Remove running headers/footers and page numbers from the top and bottom lines of one page."""
    lines = [ln.strip() for ln in lines]
    lines = [ln for ln in lines if ln]
    top = 0
    while top < min(EDGE_LINES, len(lines)) and (_shape(lines[top]) in running or is_page_number(lines[top])):
        top += 1
    bottom = len(lines)
    while bottom > top and len(lines) - bottom < EDGE_LINES and (_shape(lines[bottom - 1]) in running or is_page_number(lines[bottom - 1])):
        bottom -= 1
    return lines[top:bottom]


_HYPHEN_END = re.compile(r"(\w*[^\W\d_])(?:-|\u00ad)$")
_WORD_START = re.compile(r"^([a-zà-ÿ]\w*)")


def dehyphenate(first: str, second: str, keep_hyphen: set[str] = frozenset()) -> str | None:
    """Join a line ending in a hyphenated word part with the next line; None if it does not.

    The hyphen goes ("coopera-" + "tion" -> "cooperation") unless the hyphenated form is in
    ``keep_hyphen`` (compounds the document writes elsewhere, e.g. "data-sharing"). A capital
    or digit after the line end keeps the hyphen ("Sino-" + "American", "COVID-" + "19").

    >>> dehyphenate("the coopera-", "tion was signed")
    'the cooperation was signed'
    >>> dehyphenate("open data-", "sharing policies", {"data-sharing"})
    'open data-sharing policies'
    >>> dehyphenate("the Sino-", "American agreement") is None
    True
    """
    m = _HYPHEN_END.search(first)
    w = _WORD_START.match(second)
    if not m or not w:
        return None
    if first.endswith("\u00ad"):
        return first[:-1] + second
    compound = (m.group(1) + "-" + w.group(1)).lower()
    return first + second if compound in keep_hyphen else first[:-1] + second


def _hyphenated_words(pages: list[list[str]]) -> set[str]:
    return {m.lower() for lines in pages for ln in lines for m in re.findall(r"[^\W\d_]+-[^\W\d_]+", ln)}


def _paragraphs(lines: list[str], keep_hyphen: set[str]) -> list[str]:
    """Join the lines of one page into paragraphs.

    A line continues the paragraph above unless the line above is short (a paragraph's last
    line, a heading, a table row) or ends with a colon, or unless it is a list item, or a short
    line after a finished sentence (a heading, a table row). A full line ending in "Dr." or
    "U.S." goes on: a line break is a sentence break for extraction, so joining is the safe side.

    >>> _paragraphs(["The delegation from the institute was led by Dr.", "Jane Doe, who met the Director of CNIC in",
    ...              "Beijing.", "Participants:", "CNIC China"], set())
    ['The delegation from the institute was led by Dr. Jane Doe, who met the Director of CNIC in Beijing.', 'Participants:', 'CNIC China']
    """
    lengths = sorted(len(ln) for ln in lines)
    full = lengths[int(len(lengths) * 0.8)] if lengths else 0
    out: list[str] = []
    last = ""  # the previous physical line
    for ln in lines:
        if out:
            joined = dehyphenate(out[-1], ln, keep_hyphen)
            if joined is not None:
                out[-1], last = joined, ln
                continue
            ends_sentence = last.endswith(_SENTENCE_END)
            continues = (len(last) >= _SHORT_LINE * full and not last.endswith(":") and not clean._BULLET_RE.match(ln)
                         and not (ends_sentence and len(ln) < _SHORT_LINE * full and not ln.endswith(_SENTENCE_END)))
            if continues:
                out[-1], last = out[-1] + " " + ln, ln
                continue
        out.append(ln)
        last = ln
    return out


def join_pages(pages: list[list[str]], *, reflow: bool = True) -> dict:
    """Lines of each page -> ``dict(text=..., page_starts=[...], title=..., issued=..., modified=...)``.

    Headers, footers and page numbers go; paragraphs are rejoined and hyphenation undone; each page
    is cleaned with the plain-text rules; a paragraph running over a page break stays one.
    ``page_starts[i]`` is the offset of page ``i + 1`` in ``text`` (pages with no text keep the
    offset where they would begin). ``reflow=False`` is for text whose lines are paragraphs
    already (a Word file's): only the cleaning and the page offsets.
    """
    running = running_lines(pages) if reflow else set()
    keep = _hyphenated_words(pages)
    text = ""
    starts: list[int] = []
    meta: dict = {}
    for n, lines in enumerate(pages):
        body = _paragraphs(strip_edges(lines, running), keep) if reflow else lines
        cleaned = clean.clean_text("\n".join(body)) if body else {"text": ""}
        if n == 0:
            meta = {k: v for k, v in cleaned.items() if k != "text"}
        page = cleaned["text"]
        if not page:
            starts.append(len(text))
            continue
        if reflow and text and not text.endswith(_SENTENCE_END) and re.match(r"[a-zà-ÿ]", page):
            joined = dehyphenate(text, page, keep)
            text = joined if joined is not None else text + " " + page
            starts.append(len(text) - len(page))
            continue
        if text:
            text += "\n\n"
        starts.append(len(text))
        text += page
    return {"text": text, "page_starts": starts, **meta}


def page_at(page_starts: list[int], offset: int) -> int:
    """The 1-based page on which the character at ``offset`` stands.

    >>> page_at([0, 100, 250], 0), page_at([0, 100, 250], 100), page_at([0, 100, 250], 999)
    (1, 2, 3)
    """
    return max(1, bisect.bisect_right(page_starts, offset))
