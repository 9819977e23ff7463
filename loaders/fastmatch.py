"""Token tests of spaCy patterns run on a Doc's attribute arrays, once per distinct test.

spaCy's ``Matcher`` walks every pattern over every token; for the single-token tests that most rule
patterns are made of (``{"DEP": "nsubj", "_": {"ckg_kind": "PERSON"}}``, ``{"TAG": "NNS"}``) the
same answer comes from comparing a column of ``doc.to_array`` with the pattern's value, for all
tokens at once, and a test shared by several patterns is made once. This module compiles the
token specs it can read that way and answers as the ``Matcher`` does for them:

- token attributes ``DEP``, ``LEMMA``, ``LOWER``, ``ORTH`` (``TEXT``), ``TAG``, ``POS``, ``NORM``,
  ``SHAPE``, ``ENT_TYPE`` and the ``IS_*`` / ``LIKE_*`` flags, compared for equality (a string, an
  integer or a boolean) or with ``IN`` / ``NOT_IN`` (a list of strings);
- custom extension values (``{"_": {"ckg_kind": ...}}``) compared the same way, as strings.

Anything else (``OP``, ``REGEX``, ``>=``, ``FUZZY`` ...) is not compiled: :func:`compile_spec` returns
None and the caller leaves that pattern to spaCy.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> m = TokenMatcher.from_matcher(_example_matcher(nlp.vocab))
>>> [(nlp.vocab.strings[k], s, e) for k, s, e in m(nlp("Data and more data"))]
[('DATA', 0, 1), ('AND_MORE', 1, 3), ('DATA', 3, 4)]
"""

from __future__ import annotations

import numpy as np
from spacy import attrs as A
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["compile_spec", "Columns", "TokenMatcher"]

_FLAGS = ("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP",
          "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL",
          "LIKE_EMAIL")
#: token attributes read from ``doc.to_array`` (spaCy's names)
ARRAY_ATTRS = {"DEP": A.DEP, "LEMMA": A.LEMMA, "LOWER": A.LOWER, "ORTH": A.ORTH, "TEXT": A.ORTH, "TAG": A.TAG,
               "POS": A.POS, "NORM": A.NORM, "SHAPE": A.SHAPE, "ENT_TYPE": A.ENT_TYPE,
               **{f: getattr(A, f) for f in _FLAGS}}


def _str_list(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _set_op(v):
    """``(op, values)`` of ``{"IN": [...]}`` / ``{"NOT_IN": [...]}`` over strings, else None."""
    if isinstance(v, dict) and len(v) == 1:
        op, vals = next(iter(v.items()))
        if op in ("IN", "NOT_IN") and _str_list(vals):
            return op, vals
    return None


def compile_spec(spec: dict, strings) -> tuple | None:
    """The tests of one token spec, ``((source, op, value), ...)``, or None when it uses anything
    this module does not read (the ``Matcher`` must test it).

    >>> import spacy
    >>> compile_spec({"LOWER": "data", "_": {"kind": {"IN": ["ORG"]}}}, spacy.blank("en").vocab.strings)[1]
    (('_', 'kind'), 'IN', frozenset({'ORG'}))
    >>> compile_spec({"LOWER": {"REGEX": "^d"}}, spacy.blank("en").vocab.strings) is None
    True
    """
    if not isinstance(spec, dict):
        return None
    tests = []
    for attr, value in spec.items():
        if attr == "_":
            if not isinstance(value, dict) or not value:
                return None
            for ext, v in value.items():
                if isinstance(v, str):
                    tests.append((("_", ext), "==", v))
                elif _set_op(v):
                    op, vals = _set_op(v)
                    tests.append((("_", ext), op, frozenset(vals)))
                else:
                    return None
            continue
        a = ARRAY_ATTRS.get(attr.upper()) if isinstance(attr, str) else None
        if a is None:
            return None
        if isinstance(value, bool):
            tests.append((a, "==", int(value)))
        elif isinstance(value, str):
            if a == A.ENT_TYPE or a in (getattr(A, f) for f in _FLAGS):
                return None  # (the Matcher's own reading of these is not repeated here)
            tests.append((a, "==", strings.add(value)))  # as the Matcher compiles it
        elif isinstance(value, int):
            tests.append((a, "==", value))
        elif _set_op(value):
            op, vals = _set_op(value)
            tests.append((a, op, np.array(sorted({get_string_id(x) for x in vals}), dtype=np.uint64)))  # as _SetPredicate
        else:
            return None
    return tuple(tests)


class Columns:
    """The attribute arrays of one Doc and the truth of each test on every token, each made once."""

    def __init__(self, doc: Doc, attrs, exts):
        self.n = n = len(doc)
        attrs = sorted(set(attrs))
        self.cols: dict = dict(zip(attrs, doc.to_array(attrs).reshape(n, -1).T)) if attrs and n else {}
        for ext in sorted(set(exts)):
            self.cols[("_", ext)] = [t._.get(ext) for t in doc]
        self.cache: dict = {}
        self._where: dict = {}
        self._lists: dict = {}

    def test(self, src, op, value) -> np.ndarray:
        key = (src, op, value.tobytes() if isinstance(value, np.ndarray) else value)
        m = self.cache.get(key)
        if m is None:
            col, n = self.cols[src], self.n
            if isinstance(src, tuple):  # an extension value, as the Matcher compares them
                if op == "==":
                    m = np.fromiter((v == value for v in col), bool, n)
                elif op == "IN":
                    m = np.fromiter((isinstance(v, (str, int)) and v in value for v in col), bool, n)
                else:
                    m = np.fromiter((isinstance(v, (str, int)) and v not in value for v in col), bool, n)
            elif op == "==":
                m = col == value
            elif op == "IN":
                m = np.isin(col, value)
            else:
                m = ~np.isin(col, value)
            self.cache[key] = m
        return m

    def mask(self, tests) -> np.ndarray:
        """Tokens that pass every test (a spec of no tests: every token)."""
        m = np.ones(self.n, bool)
        for t in tests:
            m = m & self.test(*t)
        return m

    def where(self, src, value) -> list[int]:
        """Tokens whose ``src`` equals ``value`` (ascending)."""
        index = self._where.get(src)
        if index is None:
            index = self._where[src] = {}
            col = self.cols[src]
            for i, v in enumerate(col.tolist() if isinstance(col, np.ndarray) else col):
                index.setdefault(v, []).append(i)
        return index.get(value, [])

    def passes(self, i: int, tests) -> bool:
        """Token ``i`` passes every test."""
        for src, op, value in tests:
            col = self._lists.get(src)
            if col is None:
                col = self.cols[src]
                col = self._lists[src] = col.tolist() if isinstance(col, np.ndarray) else col
            v = col[i]
            if isinstance(src, tuple):  # an extension value, as the Matcher compares them
                ok = (v == value if op == "==" else isinstance(v, (str, int)) and (v in value) == (op == "IN"))
            elif op == "==":
                ok = v == value
            else:
                ok = (v in _as_set(value)) == (op == "IN")
            if not ok:
                return False
        return True

    def select(self, tests) -> list[int]:
        """Tokens that pass every test (ascending): through an equality or an ``IN`` when the spec
        has one."""
        eq = next((t for t in tests if t[1] == "=="), None) or next((t for t in tests if t[1] == "IN"), None)
        if eq is None:
            return np.flatnonzero(self.mask(tests)).tolist()
        rest = [t for t in tests if t is not eq]
        if eq[1] == "==":
            cands = self.where(eq[0], eq[2])
        else:
            vals = eq[2].tolist() if isinstance(eq[2], np.ndarray) else eq[2]
            cands = sorted(i for v in vals for i in self.where(eq[0], v))
        return [i for i in cands if self.passes(i, rest)]


_SETS: dict = {}


def _as_set(values: np.ndarray) -> frozenset:
    key = values.tobytes()
    s = _SETS.get(key)
    if s is None:
        s = _SETS[key] = frozenset(values.tolist())
    return s


def sources(compiled) -> tuple[set, set]:
    """(array attributes, extension names) that compiled specs read."""
    attrs, exts = set(), set()
    for tests in compiled:
        for src, _, _ in tests:
            (exts.add(src[1]) if isinstance(src, tuple) else attrs.add(src))
    return attrs, exts


class TokenMatcher:
    """Stands in for a spaCy ``Matcher`` whose patterns are sequences of single-token specs without
    operators: ``matcher(doc)`` gives the same ``(key, start, end)`` matches in the same order
    (by end, then start, then pattern). Patterns it cannot compile stay with a ``Matcher`` of their
    own, whose matches come after (``ordered=False`` only: see :meth:`from_matcher`)."""

    def __init__(self, vocab, patterns: list[tuple[int, list[tuple]]], rest: Matcher | None, original: Matcher):
        self.vocab = vocab
        self.patterns = patterns   # (key, compiled spec per token), in the Matcher's order
        self.rest = rest
        self.original = original
        self.attrs, self.exts = sources(t for _, specs in patterns for t in specs)

    @classmethod
    def from_matcher(cls, matcher: Matcher, *, ordered: bool = True) -> "TokenMatcher | None":
        """A TokenMatcher for ``matcher``'s patterns; None when it has callbacks or span filters, or
        (with ``ordered``) when a pattern cannot be compiled."""
        if any(matcher._callbacks.get(k) for k in matcher._patterns) or any(matcher._filter.get(k) for k in matcher._patterns):
            return None
        strings = matcher.vocab.strings
        compiled, rest = [], Matcher(matcher.vocab)
        for key, pats in matcher._patterns.items():
            for p in pats:
                specs = [compile_spec(s, strings) for s in p] if p else [None]
                if any(s is None for s in specs):
                    if ordered:
                        return None
                    rest.add(key, [p])
                else:
                    compiled.append((key, specs))
        return cls(matcher.vocab, compiled, rest if len(rest) else None, matcher)

    def __len__(self) -> int:
        return len(self.original)

    def get(self, key, default=None):
        return self.original.get(key, default)

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False) -> list:
        if as_spans:
            raise ValueError("TokenMatcher gives (key, start, end) tuples only")
        n = len(doc)
        found = []
        if n:
            cols = Columns(doc, self.attrs, self.exts)
            for j, (key, specs) in enumerate(self.patterns):
                size = len(specs)
                if size > n:
                    continue
                for s in cols.select(specs[0]):
                    if s + size <= n and all(cols.passes(s + k, specs[k]) for k in range(1, size)):
                        found.append((s + size, s, j, key))
        found.sort()
        out, seen = [], set()
        for end, start, _, key in found:
            if (key, start, end) not in seen:
                seen.add((key, start, end))
                out.append((key, start, end))
        if self.rest is not None:
            out += [m for m in self.rest(doc, allow_missing=allow_missing) if m not in seen]
        return out


def _example_matcher(vocab) -> Matcher:
    m = Matcher(vocab)
    m.add("DATA", [[{"LOWER": "data"}]])
    m.add("AND_MORE", [[{"ORTH": "and"}, {"LOWER": {"IN": ["more", "less"]}}]])
    return m
