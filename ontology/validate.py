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

from rdflib import RDF, RDFS, Graph, Namespace, URIRef

from collabkg.ontology import load_ontology, load_shapes

__all__ = ["Violation", "ValidationResult", "validate"]

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


def validate(data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None) -> ValidationResult:
    """Validate ``data`` against collabkg's SHACL shapes (with the ontology mixed in for class checks).

    Raises nothing for non-conforming data: the result says what is wrong.
    """
    import pyshacl

    shapes = shapes if shapes is not None else load_shapes()
    ontology = ontology if ontology is not None else load_ontology()
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True,
        abort_on_first=False, meta_shacl=False,
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
