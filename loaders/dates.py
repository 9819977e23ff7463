"""Dates and date ranges as documents write them.

>>> [ (d.start.isoformat(), d.end.isoformat() if d.end else None, d.inferred) for d in find_dates("October 31-November 2, 2007") ]
[('2007-10-31', '2007-11-02', False)]
>>> [ (d.start.isoformat(), d.end.isoformat()) for d in find_dates("held March 23-24, 2009 in Qingdao") ]
[('2009-03-23', '2009-03-24')]
>>> d = find_dates("held on January 17.", reference=dt.date(2018, 3, 17))[0]
>>> d.start.isoformat(), d.inferred
('2018-01-17', True)
>>> find_dates("begun in 2006")[0].year_only
True

Days named relative to the document's date ("yesterday", "today", "on Tuesday": the last Tuesday up
to that date) are read only where the text writes no day itself, and are flagged ``inferred``:

>>> [d.start.isoformat() for d in find_dates("The forum opened yesterday.", reference=dt.date(2024, 6, 14))]
['2024-06-13']
>>> [d.start.isoformat() for d in find_dates("It was signed on Tuesday.", reference=dt.date(2024, 6, 14))]
['2024-06-11']
>>> [d.start.isoformat() for d in find_dates("On Monday, 3 June 2024, it opened.", reference=dt.date(2024, 6, 14))]
['2024-06-03']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "names_a_day", "MONTHS"]

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_M = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_D = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{n}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|through)\s*"

_PATTERNS = [
    # 30 December 2019 - 2 January 2020 (a year on each end)
    ("dmydmy", re.compile(_D.format(n="d1") + r"\s+" + _M.format(n="m1") + r",?\s+" + _Y.format(n="y") + _DASH + _D.format(n="d2") + r"\s+" + _M.format(n="m2") + r",?\s+" + _Y.format(n="y2"), re.I)),
    # December 30, 2019 - January 2, 2020
    ("mdymdy", re.compile(_M.format(n="m1") + r"\s+" + _D.format(n="d1") + r",?\s+" + _Y.format(n="y") + _DASH + _M.format(n="m2") + r"\s+" + _D.format(n="d2") + r",?\s+" + _Y.format(n="y2"), re.I)),
    # October 31-November 2, 2007
    ("mdmdy", re.compile(_M.format(n="m1") + r"\s+" + _D.format(n="d1") + r",?" + _DASH + _M.format(n="m2") + r"\s+" + _D.format(n="d2") + r",?\s+" + _Y.format(n="y"), re.I)),
    # 31 October - 2 November 2007
    ("dmdmy", re.compile(_D.format(n="d1") + r"\s+" + _M.format(n="m1") + _DASH + _D.format(n="d2") + r"\s+" + _M.format(n="m2") + r",?\s+" + _Y.format(n="y"), re.I)),
    # March 23-24, 2009
    ("mddy", re.compile(_M.format(n="m1") + r"\s+" + _D.format(n="d1") + _DASH + _D.format(n="d2") + r",?\s+" + _Y.format(n="y"), re.I)),
    # 23-24 March 2009
    ("ddmy", re.compile(_D.format(n="d1") + _DASH + _D.format(n="d2") + r"\s+" + _M.format(n="m1") + r",?\s+" + _Y.format(n="y"), re.I)),
    # between 9 and 12 June 2024, between June 9 and 12, 2024 ("and" is a range only after "between")
    ("bddmy", re.compile(r"\bbetween\s+" + _D.format(n="d1") + r"\s+and\s+" + _D.format(n="d2") + r"\s+" + _M.format(n="m1") + r",?\s+" + _Y.format(n="y"), re.I)),
    ("bmddy", re.compile(r"\bbetween\s+" + _M.format(n="m1") + r"\s+" + _D.format(n="d1") + r"\s+and\s+" + _D.format(n="d2") + r",?\s+" + _Y.format(n="y"), re.I)),
    # 2009-03-23 to 2009-03-24
    ("isoiso", re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)" + _DASH + r"(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)")),
    # 2009-03-23
    ("iso", re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)")),
    # October 21, 2006
    ("mdy", re.compile(_M.format(n="m1") + r"\s+" + _D.format(n="d1") + r",?\s+" + _Y.format(n="y"), re.I)),
    # 21 October 2006, the 21st of October 2006
    ("dmy", re.compile(_D.format(n="d1") + r"\s+(?:of\s+)?" + _M.format(n="m1") + r",?\s+" + _Y.format(n="y"), re.I)),
    # October 2006
    ("my", re.compile(_M.format(n="m1") + r",?\s+" + _Y.format(n="y"), re.I)),
    # between 9 and 12 June, between June 9 and 12 (no year)
    ("bddm", re.compile(r"\bbetween\s+" + _D.format(n="d1") + r"\s+and\s+" + _D.format(n="d2") + r"\s+" + _M.format(n="m1") + r"\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("bmdd", re.compile(r"\bbetween\s+" + _M.format(n="m1") + r"\s+" + _D.format(n="d1") + r"\s+and\s+" + _D.format(n="d2") + r"\b(?![\d,]*\s*(?:19|20)\d\d)", re.I)),
    # October 30 to November 4, 30 October - 4 November (no year: completed from the document's date)
    ("mdmd", re.compile(_M.format(n="m1") + r"\s+" + _D.format(n="d1") + _DASH + _M.format(n="m2") + r"\s+" + _D.format(n="d2") + r"\b(?![\d,]*\s*(?:19|20)\d\d)", re.I)),
    ("dmdm", re.compile(r"\b" + _D.format(n="d1") + r"\s+" + _M.format(n="m1") + _DASH + _D.format(n="d2") + r"\s+" + _M.format(n="m2") + r"\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    # February 9-10, 9-10 February (no year: completed from the document's date)
    ("mdd", re.compile(_M.format(n="m1") + r"\s+" + _D.format(n="d1") + _DASH + _D.format(n="d2") + r"\b(?![\d,]*\s*(?:19|20)\d\d)", re.I)),
    ("ddm", re.compile(r"\b" + _D.format(n="d1") + _DASH + _D.format(n="d2") + r"\s+" + _M.format(n="m1") + r"\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    # January 17 (no year: completed from the document's date)
    ("md", re.compile(_M.format(n="m1") + r"\s+" + _D.format(n="d1") + r"(?![\d,]*\s*(?:19|20)\d\d)\b", re.I)),
    # 17 January, the 17th of January (no year)
    ("dm", re.compile(r"\b" + _D.format(n="d1") + r"\s+(?:of\s+)?" + _M.format(n="m1") + r"\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    # in 2006
    ("y", re.compile(r"(?<![\d-])" + _Y.format(n="y") + r"(?![\d-])")),
    # yesterday, today, on Monday (relative to the document's date; only where no day is written)
    ("rel", re.compile(r"\b(?P<rel>yesterday|today|tonight|this\s+(?:morning|afternoon|evening))\b"
                       r"|\bon\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*(?:\d|[A-Z][a-z]+\s+\d))")),
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass
class DateMention:
    """A date or date range found in text, with its character span."""

    start: dt.date
    end: dt.date | None
    span: tuple[int, int]
    text: str
    inferred: bool = False
    year_only: bool = False
    month_only: bool = False
    kind: str = ""  # which of the patterns read it ("dmy", "md", "rel", ...)


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")[:4] if s.lower().startswith("sept") else s.lower().rstrip(".")[:3] if len(s) > 3 else s.lower()]


_DAY_OF_MONTH = re.compile(r"\b(?:" + _M.format(n="m") + r"\s+" + _D.format(n="d") + r"|" + _D.format(n="d2") + r"\s+" + _M.format(n="m2") + r")\b", re.I)


def names_a_day(text: str) -> bool:
    """Whether the text names a day of a month, with or without its year: a visit "from 14 to
    19 August" happened on days the text gives, even when no year can be read for them.

    >>> names_a_day("from October 30 to November 4"), names_a_day("on 3 May"), names_a_day("in May 2020")
    (True, True, False)
    """
    return _DAY_OF_MONTH.search(text) is not None


def find_dates(text: str, *, reference: dt.date | None = None, offset: int = 0) -> list[DateMention]:
    """Return the dates in ``text``, longest first at each place, non-overlapping, in text order.

    ``reference`` (the document's date) completes dates written without a year; such dates are
    flagged ``inferred``. A completed date later than the reference is taken from the year before.
    """
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            g = m.groupdict()
            try:
                start, end, inferred = _build(kind, g, reference)
            except (ValueError, KeyError):
                continue
            if start is None:
                continue
            taken.append((a, b))
            out.append(DateMention(start, end, (a + offset, b + offset), m.group(0), inferred,
                                   year_only=kind == "y", month_only=kind == "my", kind=kind))
    relative = [d for d in out if d.kind == "rel"]
    if relative and any(not (d.year_only or d.month_only) and d.kind != "rel" for d in out):
        out = [d for d in out if d.kind != "rel"]  # "on Monday, 3 May": the day written wins
    return sorted(out, key=lambda d: d.span)


def _build(kind: str, g: dict, reference: dt.date | None):
    kind = {"bddmy": "ddmy", "bmddy": "mddy", "bddm": "ddm", "bmdd": "mdd"}.get(kind, kind)
    if kind == "rel":
        if reference is None:
            return None, None, False
        if g.get("wd"):  # "on Tuesday": the last such day up to the document's date
            back = (reference.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
            return reference - dt.timedelta(days=back), None, True
        return reference - dt.timedelta(days=1 if g["rel"].lower() == "yesterday" else 0), None, True
    if kind == "y":
        return dt.date(int(g["y"]), 1, 1), None, False
    if kind in ("mdmd", "dmdm"):
        if reference is None or not (g["m1"][0].isupper() and g["m2"][0].isupper()):
            return None, None, False
        start = dt.date(reference.year, _month(g["m1"]), int(g["d1"]))
        end = dt.date(reference.year, _month(g["m2"]), int(g["d2"]))
        if end < start:  # December 30 to January 2: the end is in the next year
            end = end.replace(year=end.year + 1)
        if start > reference:
            start, end = start.replace(year=start.year - 1), end.replace(year=end.year - 1)
        return start, end, True
    if kind in ("md", "dm", "mdd", "ddm"):
        if reference is None or not g["m1"][0].isupper():
            return None, None, False  # no year to complete from; "may 2" is a verb and a number
        d = dt.date(reference.year, _month(g["m1"]), int(g["d1"]))
        if d > reference:
            d = d.replace(year=reference.year - 1)
        end = d.replace(day=int(g["d2"])) if kind in ("mdd", "ddm") else None
        if end is not None and end < d:
            raise ValueError("range ends before it starts")
        return d, end, True
    y = int(g["y"])
    if kind in ("isoiso", "dmydmy", "mdymdy"):
        num = (lambda v: int(v)) if kind == "isoiso" else _month
        start = dt.date(y, num(g["m1"]), int(g["d1"]))
        end = dt.date(int(g["y2"]), num(g["m2"]), int(g["d2"]))
        if end < start:
            raise ValueError("range ends before it starts")
        return start, end, False
    m1 = int(g["m1"]) if kind == "iso" else _month(g["m1"])
    if kind == "my":
        return dt.date(y, m1, 1), None, False
    start = dt.date(y, m1, int(g["d1"]))
    end = None
    if kind in ("mdmdy", "dmdmy"):
        m2 = _month(g["m2"])
        end = dt.date(y if m2 >= m1 else y + 1, m2, int(g["d2"]))
        if m2 < m1:  # December 30-January 2, 2008: the year written is the end's
            start = start.replace(year=y - 1)
            end = end.replace(year=y)
    elif kind in ("mddy", "ddmy"):
        end = dt.date(y, m1, int(g["d2"]))
    if end is not None and end < start:
        raise ValueError("range ends before it starts")
    return start, end, False
