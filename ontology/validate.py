"""SHACL validation of collabkg data with pySHACL, and a readable report of what is wrong.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix ckg: <https://w3id.org/collabkg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <http://ex/a> a ckg:Agreement ; rdfs:label "A" ; ckg:party <http://ex/one> .
... ''', format="turtle")
>>> result = validate(g)
>>> result.conforms
False
>>> print(result.violations[0].message)
An agreement needs at least two parties, each an organization or a country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.namespace import PROV

from collabkg.ontology import load_ontology, load_shapes

__all__ = ["Violation", "ValidationResult", "validate", "DroppedFact", "keep_conforming"]

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words."""

    severity: str
    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    shape: str
    message: str

    def __str__(self) -> str:
        who = f"{self.focus_label} <{self.focus}>" if self.focus_label else f"<{self.focus}>"
        where = f" {self.path}" if self.path else ""
        val = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {who}{where}{val}: {self.message} [{self.shape}]"


@dataclass
class ValidationResult:
    """``conforms``, the violations in words, and pySHACL's report graph and text (as kglab gives them)."""

    conforms: bool
    violations: list[Violation]
    report_graph: Graph
    report_text: str

    def __iter__(self):  # conforms, report_graph, report_text, like kglab's validate()
        return iter((self.conforms, self.report_graph, self.report_text))


def _short(g: Graph, node) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:
            return str(node)
    return str(node)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    """collabkg's shapes, parsed once (never changed: pySHACL only reads them)."""
    return load_shapes()


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    """collabkg's ontology, parsed once (pySHACL copies what it needs into the graph it validates)."""
    return load_ontology()


@lru_cache(maxsize=256)
def _prepared(text: str):
    return prepareQuery(text)


class _ParsedOnce(Graph):
    """A graph whose SPARQL queries are parsed once per query text.

    pySHACL runs a ``sh:sparql`` constraint once per focus node with the same text (the node
    goes in as a binding), and rdflib parses the text every time: that parsing was most of a
    validation. The prepared query is evaluated as before, so the answers are the same.
    """

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def validate(data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None) -> ValidationResult:
    """Validate ``data`` against collabkg's SHACL shapes (with the ontology mixed in for class checks).

    Raises nothing for non-conforming data: the result says what is wrong. ``data`` is not changed
    (pySHACL works on a copy, into which the ontology's class hierarchy is mixed).
    """
    import pyshacl

    shapes = shapes if shapes is not None else _shapes()
    ontology = ontology if ontology is not None else _ontology()
    work = _ParsedOnce()
    work += data
    conforms, report, text = pyshacl.validate(
        work, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True,
        abort_on_first=False, meta_shacl=False, inplace=True,
    )
    if not isinstance(report, Graph):  # pySHACL could not run the shapes at all
        from collabkg.errors import ValidationError

        raise ValidationError(f"SHACL validation could not run: {text}", hint="the shapes graph is malformed")
    from collabkg.ontology.prefixes import bind_prefixes

    bind_prefixes(report)
    violations = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        shape = report.value(r, SH.sourceShape)
        # the named shape a property shape belongs to
        parent = next(iter(report.subjects(SH.property, shape)), None) or next(iter(shapes.subjects(SH.property, shape)), None)
        shape_name = _short(shapes, parent if parent is not None and isinstance(parent, URIRef) else shape) if isinstance(parent or shape, URIRef) else "shape"
        label = data.value(focus, RDFS.label)
        sev = report.value(r, SH.resultSeverity)
        violations.append(Violation(
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            focus=str(focus),
            focus_label=str(label) if label is not None else None,
            path=_short(report, report.value(r, SH.resultPath)),
            value=_short(report, report.value(r, SH.value)),
            shape=shape_name or "shape",
            message=str(report.value(r, SH.resultMessage) or "does not conform"),
        ))
    violations.sort(key=lambda v: (v.shape, v.focus, v.path or ""))
    return ValidationResult(bool(conforms), violations, report, text)


@dataclass(frozen=True)
class DroppedFact:
    """A fact left out of a document's graph because it broke a shape: what, why, and where it was read."""

    violation: Violation
    triples: int          # statements removed with it
    quote: str | None     # the sentence it was read from
    rule: str | None      # the rule that read it

    def __str__(self) -> str:
        v = self.violation
        what = f"{v.focus_label} <{v.focus}>" if v.focus_label else f"<{v.focus}>"
        if v.path:
            what += f" {v.path}" + (f" {v.value}" if v.value else "")
        read = f' read by {self.rule} from "{self.quote}"' if self.quote else ""
        return f"dropped {what} ({v.shape}: {v.message}){read}"


_CKG = "https://w3id.org/collabkg/ontology#"


def _provenance(g: Graph, node) -> tuple[str | None, str | None]:
    for ev in g.objects(node, PROV.wasDerivedFrom):
        quote = g.value(ev, PROV.value)
        if quote is not None:
            rule = g.value(ev, URIRef(_CKG + "method"))
            return str(quote), (str(rule) if rule is not None else None)
    return None, None


def _remove(g: Graph, triples: set) -> int:
    """Remove ``triples`` and the rdf:Statement reifications of them; return how many went."""
    n = 0
    for t in triples:
        s_, p_, o_ = t
        for st in set(g.subjects(RDF.subject, s_)):
            if (st, RDF.predicate, p_) in g and (st, RDF.object, o_) in g:
                for q in list(g.triples((st, None, None))):
                    g.remove(q)
                    n += 1
        if t in g:
            g.remove(t)
            n += 1
    return n


def keep_conforming(data: Graph, *, keep: Graph | None = None, protected: set | None = None,
                    rounds: int = 5, **kw) -> tuple[Graph, list[DroppedFact], ValidationResult]:
    """The conforming part of ``data``: each fact breaking a shape is dropped, and said so.

    A violation about one value (a wrong datatype, class or pattern) drops that one statement; any
    other drops the node it is about (every statement on it, to it, and their reifications), so
    an agreement with one party goes, the document's other facts stay. Validation then runs
    again, since a dropped node can leave others short, up to ``rounds`` times.

    ``keep`` is validated with ``data`` but never changed (e.g. registry facts); a violation about a
    node in ``protected`` (e.g. the document itself) cannot be dropped: the result then does not
    conform, and the caller refuses the whole graph.

    Returns (a copy of ``data`` without the dropped facts, the dropped facts, the last validation).

    >>> g = Graph().parse(data='''
    ... @prefix ckg: <https://w3id.org/collabkg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @prefix org: <http://www.w3.org/ns/org#> . @prefix prov: <http://www.w3.org/ns/prov#> .
    ... <http://ex/one> a org:Organization ; rdfs:label "One" ; ckg:kind "organization" .
    ... <http://ex/a> a ckg:Agreement ; rdfs:label "A" ; ckg:party <http://ex/one> ; prov:wasDerivedFrom <http://ex/ev> .
    ... <http://ex/ev> prov:value "One signed alone." ; ckg:method "rule:agreement" .
    ... ''', format="turtle")
    >>> kept, dropped, result = keep_conforming(g)
    >>> result.conforms, len(dropped), (URIRef("http://ex/one"), RDFS.label, None) in kept
    (True, 1, True)
    >>> print(dropped[0])   # doctest: +NORMALIZE_WHITESPACE
    dropped A <http://ex/a> ckg:party (ckgsh:AgreementShape: An agreement needs at least two parties, each an organization or a country.) read by rule:agreement from "One signed alone."
    """
    out = Graph()
    for pfx, ns in data.namespaces():
        out.bind(pfx, ns, override=True)
    out += data
    protected = protected or set()
    dropped: list[DroppedFact] = []
    for _ in range(rounds):
        check = out
        if keep is not None:
            check = Graph()
            check += out
            check += keep
        result = validate(check, **kw)
        bad = [v for v in result.violations if v.severity == "Violation"]
        if not bad or any(URIRef(v.focus) in protected for v in bad):
            return out, dropped, result
        for v in bad:
            focus = URIRef(v.focus)
            if (focus, None, None) not in out and (None, None, focus) not in out:
                continue  # already gone with another fact this round, or a keep-only node
            quote, rule = _provenance(out, focus)
            pred = _predicate(v.path, result.report_graph)
            value_node = _value(result.report_graph, v)
            if pred is not None and value_node is not None and (focus, pred, value_node) in out:
                n = _remove(out, {(focus, pred, value_node)})
            else:
                n = _remove(out, set(out.triples((focus, None, None))) | set(out.triples((None, None, focus))))
            dropped.append(DroppedFact(v, n, quote, rule))
    return out, dropped, validate(out if keep is None else out + keep, **kw)


def _predicate(path: str | None, report: Graph) -> URIRef | None:
    """The IRI of a simple predicate path written short (``ckg:party``); None for complex paths."""
    if not path or " " in path or path.startswith("["):
        return None
    if path.startswith("http"):
        return URIRef(path)
    try:
        return report.namespace_manager.expand_curie(path)
    except (ValueError, TypeError):
        return None


def _value(report: Graph, v: Violation):
    """The offending value of a violation, as the node it is (not its short string)."""
    for r in report.subjects(RDF.type, SH.ValidationResult):
        if str(report.value(r, SH.focusNode)) == v.focus and _short(report, report.value(r, SH.value)) == v.value and v.value is not None:
            return report.value(r, SH.value)
    return None
