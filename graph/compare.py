"""Compare two RDF datasets as RDF: equal quads, lexical-only differences, real differences.

Two datasets are *equal* when they hold the same quads up to a renaming of blank nodes
(isomorphism on quads: blank-node labels are compared as given first, and only if that leaves
differences involving blank nodes are both datasets relabelled canonically with RDFC-1.0 and
compared again).

A *lexical-only* difference is a literal written differently with the same value:
``"01"^^xsd:integer`` and ``"1"^^xsd:integer``, ``"1.0"^^xsd:decimal`` and ``"1"^^xsd:decimal``,
``"1"^^xsd:byte`` and ``"1"^^xsd:integer``. Values are compared the way Oxigraph stores them:
it keeps numbers, booleans and dates as values, so it canonicalises their lexical forms and
reads the derived integer types (``xsd:byte``, ``xsd:long`` ...) as ``xsd:integer``. A store
loaded from a file is therefore *value-equal* to the file, not always *lexically equal*; the
Neo4j mirror and its export are lexically equal to the store.

>>> import pyoxigraph as ox
>>> a, p = ox.NamedNode("http://ex/a"), ox.NamedNode("http://ex/p")
>>> XSD = "http://www.w3.org/2001/XMLSchema#"
>>> d = compare_quads([ox.Quad(a, p, ox.Literal("01", datatype=ox.NamedNode(XSD + "integer")))],
...                   [ox.Quad(a, p, ox.Literal("1", datatype=ox.NamedNode(XSD + "integer")))])
>>> d.equal, d.value_equal, len(d.lexical)
(False, True, 1)
>>> d = compare_quads([ox.Quad(ox.BlankNode("x"), p, a)], [ox.Quad(ox.BlankNode("y"), p, a)])
>>> d.equal, d.relabelled
(True, True)
>>> d = compare_quads([ox.Quad(a, p, ox.Literal("1"))], [ox.Quad(a, p, ox.Literal("2"))])
>>> [str(q) for q in d.missing], [str(q) for q in d.extra]
(['<http://ex/a> <http://ex/p> "1"'], ['<http://ex/a> <http://ex/p> "2"'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import pyoxigraph as ox

__all__ = ["QuadDiff", "compare_quads", "value_form"]


@dataclass
class QuadDiff:
    """The difference between an expected dataset (``want``) and one read back (``have``).

    ``missing``: quads only in ``want``; ``extra``: only in ``have`` (real differences, sorted);
    ``lexical``: ``(want quad, have quad)`` pairs whose literals differ only in lexical form;
    ``relabelled``: the blank nodes matched only after renaming.
    """

    want_quads: int = 0
    have_quads: int = 0
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    lexical: list = field(default_factory=list)
    relabelled: bool = False

    @property
    def value_equal(self) -> bool:
        """No real difference (lexical-only differences allowed)."""
        return not self.missing and not self.extra

    @property
    def equal(self) -> bool:
        """Same quads, literal for literal (blank nodes up to renaming)."""
        return self.value_equal and not self.lexical


def value_form(literals: Iterable[ox.Literal]) -> dict[ox.Literal, ox.Literal]:
    """Map each literal to the form Oxigraph stores it in (its value's canonical lexical form).

    >>> XSD = "http://www.w3.org/2001/XMLSchema#"
    >>> lit = ox.Literal("1.0", datatype=ox.NamedNode(XSD + "decimal"))
    >>> str(value_form([lit])[lit])
    '"1"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    lits = list(dict.fromkeys(literals))
    store = ox.Store()
    p = ox.NamedNode("urn:collabkg:value")
    store.bulk_extend(ox.Quad(ox.NamedNode(f"urn:collabkg:lit:{i}"), p, lit) for i, lit in enumerate(lits))
    out: dict[ox.Literal, ox.Literal] = {}
    for q in store.quads_for_pattern(None, p, None, None):
        out[lits[int(q.subject.value.rsplit(":", 1)[1])]] = q.object
    return out


def _has_blank(q: ox.Quad) -> bool:
    return (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
            or isinstance(q.graph_name, ox.BlankNode))


def _by_value(q: ox.Quad, forms: dict) -> ox.Quad:
    o = q.object
    if isinstance(o, ox.Literal):
        o = forms.get(o, o)
        return ox.Quad(q.subject, q.predicate, o, q.graph_name)
    return q


def _canonical(quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    ds = ox.Dataset(quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(ds)


def compare_quads(want: Iterable[ox.Quad], have: Iterable[ox.Quad]) -> QuadDiff:
    """Compare two datasets as RDF (see the module docstring).

    Parameters
    ----------
    want, have : iterable of pyoxigraph.Quad
        The expected dataset (e.g. the store) and the one read back (e.g. a parsed export).

    Returns
    -------
    QuadDiff
    """
    a, b = set(want), set(have)
    diff = QuadDiff(want_quads=len(a), have_quads=len(b))
    only_a, only_b = a - b, b - a
    if not only_a and not only_b:
        return diff
    # value forms of the differing quads' literals, and of the common quads beside them (two
    # literals of one value collapse into one stored quad: "1"^^xsd:decimal and "1.0"^^xsd:decimal)
    spg = {(q.subject, q.predicate, q.graph_name) for q in only_a | only_b if isinstance(q.object, ox.Literal)}
    common_near = [q for q in a & b if isinstance(q.object, ox.Literal) and (q.subject, q.predicate, q.graph_name) in spg]
    forms = value_form(q.object for q in (*only_a, *only_b, *common_near) if isinstance(q.object, ox.Literal))
    in_a = {_by_value(q, forms): q for q in (*common_near, *only_a)}
    in_b = {_by_value(q, forms): q for q in (*common_near, *only_b)}
    lexical, missing, extra = [], [], []
    for q in only_a:
        k = _by_value(q, forms)
        (missing.append(q) if k not in in_b else lexical.append((q, in_b[k])))
    for q in only_b:
        k = _by_value(q, forms)
        if k not in in_a:
            extra.append(q)
        elif in_a[k] in b:  # the same value, and nothing of ``a`` paired with it above
            lexical.append((in_a[k], q))
    diff.lexical = sorted(set(lexical), key=lambda pair: (str(pair[0]), str(pair[1])))
    if any(map(_has_blank, missing)) or any(map(_has_blank, extra)):
        # blank-node labels may differ: compare canonical labellings (values, not lexical forms)
        ca = _canonical({_by_value(q, forms) for q in a})
        cb = _canonical({_by_value(q, forms) for q in b})
        if ca == cb:
            diff.relabelled = True
            missing, extra = [], []
            ra, rb = _canonical(a), _canonical(b)
            if ra != rb:  # lexical differences on quads whose blank nodes were renamed
                hidden = list(zip(sorted(ra - rb, key=str), sorted(rb - ra, key=str)))
                diff.lexical = sorted({*diff.lexical, *hidden}, key=lambda pair: str(pair[0]))
        else:
            missing, extra = list(ca - cb), list(cb - ca)
    diff.missing, diff.extra = sorted(missing, key=str), sorted(extra, key=str)
    return diff
