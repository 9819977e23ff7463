"""collabkg's SHACL shapes as SPARQL queries run by Oxigraph: a fast conformance check of many graphs.

pySHACL is exact but slow: it walks every focus node in Python, about 0.1 CPU-s for one
document's graph. A build validates thousands, nearly all of which conform. So a batch of
document graphs is loaded into one in-memory Oxigraph store (one named graph each) and every
shape, compiled here into one SPARQL query, asks which focus nodes of which graph break it;
only the graphs it names go on to pySHACL (:func:`collabkg.ontology.validate.keep_conforming`),
which says exactly what is wrong and drops the bad facts. A bad document costs the others
nothing.

The check must never say a graph conforms that pySHACL would refuse (it may say the opposite:
pySHACL then decides). So it sees what pySHACL sees (the graph, the facts validated with it, and
the ontology triples pySHACL mixes in), it compiles only constraint components it knows (any other
feature of a shape makes :func:`compile_shapes` raise :class:`Unsupported`, and the caller then
validates with pySHACL alone), and where SPARQL and pySHACL could disagree it errs towards a
violation: a comparison that fails with an error is a violation, and a graph holding a literal
that pySHACL reads differently from SPARQL (ill-typed, e.g. ``"a"^^xsd:integer``) is sent to
pySHACL whole. ``tests/ontology/test_shape_queries.py`` runs both on every shape's fixtures and
on documents that break each shape, and requires the same focus nodes per shape.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix ckg: <https://w3id.org/collabkg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <http://ex/a> a ckg:Agreement ; rdfs:label "A" ; ckg:party <http://ex/one> .
... ''', format="turtle")
>>> [sorted(shape.split("#")[1] for shape, focus in found) for found in violations([g, Graph()])]
[['AgreementShape', 'ExtractedShape', 'RelationEvidenceShape'], []]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

__all__ = ["Unsupported", "CompiledShape", "compile_shapes", "violations", "conforming", "shapes_compiled"]

SH = Namespace("http://www.w3.org/ns/shacl#")

#: predicates on a shape that do not change what conforms (the check treats every result as a violation)
_ANNOTATIONS = {RDF.type, RDFS.label, RDFS.comment, SH.message, SH.name, SH.description, SH.severity, SH.order, SH.group}
_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
_VALUE_CONSTRAINTS = {SH["class"], SH.datatype, SH["in"], SH.pattern, SH.flags, SH.minLength, SH.minInclusive, SH["or"]}
_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short, XSD.byte,
            XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
            XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte}


class Unsupported(ValueError):
    """A shape uses a SHACL feature this check does not compile; validate with pySHACL alone."""


@dataclass
class CompiledShape:
    """One node shape: a query for its violating focus nodes, and its SPARQL-based constraints."""

    iri: str
    query: str                    # SELECT DISTINCT ?this: focus nodes breaking a core constraint
    targets: str                  # SELECT DISTINCT ?this: the shape's focus nodes
    #: sh:select texts, and whether each must run once per focus node with $this bound (else once,
    #: its ?this values kept where they are focus nodes: the same answer, see :func:`_binds_this`)
    sparql: list[tuple[str, bool]] = field(default_factory=list)


def _term(node) -> str:
    """A term written as SPARQL (IRIs and literals only: the shapes are ours)."""
    if isinstance(node, URIRef):
        if any(c in str(node) for c in '<>"{}|^`\\ '):
            raise Unsupported(f"IRI {node!r} cannot be written in a query")
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise Unsupported(f"a blank node {node} where a constant was expected")


def _one(shapes: Graph, node, pred):
    values = list(shapes.objects(node, pred))
    if len(values) != 1:
        raise Unsupported(f"{node}: {len(values)} values of {pred}; expected one")
    return values[0]


def _value_ok(shapes: Graph, node, var: str) -> list[str]:
    """Group patterns each true when ``var`` meets one value constraint of ``node`` (a property
    shape or a member of an ``sh:or`` list). A filter that errs is false: a violation."""
    out = []
    for p in set(shapes.predicates(node, None)):
        if p in _ANNOTATIONS or p in (SH.path, SH.minCount, SH.maxCount, SH.flags):
            continue
        if p not in _VALUE_CONSTRAINTS:
            raise Unsupported(f"{node}: {p} is not compiled")
        for o in shapes.objects(node, p):
            if p == SH["class"]:
                out.append(f"{var} <{RDF.type}>/<{RDFS.subClassOf}>* {_term(o)} .")
            elif p == SH.datatype:
                out.append(f"FILTER (isLiteral({var}) && sameTerm(datatype({var}), {_term(o)}))")
            elif p == SH["in"]:
                members = list(Collection(shapes, o))
                out.append("FILTER (" + (" || ".join(f"sameTerm({var}, {_term(m)})" for m in members) or "false") + ")")
            elif p == SH.pattern:
                flags = list(shapes.objects(node, SH.flags))
                args = f", {_term(Literal(str(flags[0])))}" if flags else ""
                out.append(f"FILTER (!isBlank({var}) && REGEX(STR({var}), {_term(Literal(str(o)))}{args}))")
            elif p == SH.minLength:
                if int(o) > 0:
                    out.append(f"FILTER (!isBlank({var}) && STRLEN(STR({var})) >= {int(o)})")
            elif p == SH.minInclusive:
                if not (isinstance(o, Literal) and o.datatype in _NUMERIC):
                    raise Unsupported(f"{node}: sh:minInclusive {o} is not a number")
                out.append(f"FILTER (isNumeric({var}) && {var} >= {_term(o)})")
            elif p == SH["or"]:
                alternatives = []
                for member in Collection(shapes, o):
                    if not isinstance(member, BNode) or (member, SH.path, None) in shapes:
                        raise Unsupported(f"{node}: sh:or member {member} is not a blank node shape without a path")
                    alternatives.append("{ " + " ".join(_value_ok(shapes, member, var) or ["FILTER (false)"]) + " }")
                out.append(" UNION ".join(alternatives))
    return out


def _distinct_values(p: str, n: int) -> str:
    """A pattern true when ``?this`` has at least ``n`` distinct values of ``p`` (terms, as pySHACL counts)."""
    if n > 6:
        raise Unsupported(f"a count of {n} values is not compiled")
    vs = [f"?v{k}" for k in range(n)]
    distinct = " && ".join(f"!sameTerm({a}, {b})" for k, a in enumerate(vs) for b in vs[k + 1:])
    return " ".join(f"?this {p} {v} ." for v in vs) + (f" FILTER ({distinct})" if distinct else "")


def _property_violations(shapes: Graph, prop) -> list[str]:
    path = _one(shapes, prop, SH.path)
    if not isinstance(path, URIRef):
        raise Unsupported(f"{prop}: only a predicate IRI is compiled as sh:path, not {path}")
    p = _term(path)
    for pred in set(shapes.predicates(prop, None)):
        if pred == RDF.type and set(shapes.objects(prop, RDF.type)) - {SH.PropertyShape}:
            raise Unsupported(f"{prop}: typed other than sh:PropertyShape")
    out = []  # expressions true of a focus node ?this that breaks a constraint
    for n in shapes.objects(prop, SH.minCount):
        if int(n) > 0:
            out.append(f"NOT EXISTS {{ {_distinct_values(p, int(n))} }}")
    for n in shapes.objects(prop, SH.maxCount):
        out.append(f"EXISTS {{ {_distinct_values(p, int(n) + 1)} }}")
    for ok in _value_ok(shapes, prop, "?v"):
        out.append(f"EXISTS {{ ?this {p} ?v . FILTER NOT EXISTS {{ {ok} }} }}")
    return out


def _prefixes(shapes: Graph, sparql_node) -> str:
    lines = []
    for src in shapes.objects(sparql_node, SH.prefixes):
        for decl in shapes.objects(src, SH.declare):
            lines.append(f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>")
    return "\n".join(lines)


def _binds_this(text: str) -> bool:
    """Whether a ``sh:select`` query is ``SELECT ... WHERE { triple patterns FILTER ... }`` with
    ``$this`` in a triple pattern. Then running it once and keeping the rows whose ``?this`` is
    a focus node gives what running it with ``$this`` pre-bound to each focus node gives: every
    solution binds ``$this`` in the patterns, and each filter (NOT EXISTS too) sees that binding.
    """
    from rdflib import Variable
    from rdflib.plugins.sparql import prepareQuery

    try:
        a = prepareQuery(text).algebra
    except Exception:  # noqa: BLE001 - not for rdflib to judge: run it per focus node
        return False
    if a.name != "SelectQuery" or a.p.name != "Project":
        return False
    node = a.p.p
    while node.name == "Filter":
        node = node.p
    return node.name == "BGP" and any(Variable("this") in t for t in node.triples)


def _targets(shapes: Graph, shape) -> list[str]:
    out = []
    for c in shapes.objects(shape, SH.targetClass):
        out.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* {_term(c)} .")
    for p in shapes.objects(shape, SH.targetSubjectsOf):
        out.append(f"?this {_term(p)} ?anyt .")
    for p in shapes.objects(shape, SH.targetObjectsOf):
        out.append(f"?anyt {_term(p)} ?this .")
    for n in shapes.objects(shape, SH.targetNode):
        out.append(f"VALUES ?this {{ {_term(n)} }}")
    return out


def compile_shapes(shapes: Graph) -> list[CompiledShape]:
    """Compile every node shape of ``shapes``.

    Raises
    ------
    Unsupported
        a shape uses a feature not compiled here (a path expression, sh:node, sh:closed,
        sh:deactivated, a property shape with its own targets, ...): the message names it.
    """
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    for t in _TARGETS:
        node_shapes |= set(shapes.subjects(t, None))
    if any(shapes.subjects(RDF.type, RDFS.Class)) and node_shapes & set(shapes.subjects(RDF.type, RDFS.Class)):
        raise Unsupported("a shape that is also a class (implicit class target)")
    out = []
    for shape in sorted(node_shapes, key=str):
        if (shape, SH.path, None) in shapes:
            raise Unsupported(f"{shape}: a property shape with its own targets")
        if not isinstance(shape, URIRef):
            raise Unsupported(f"{shape}: a node shape that is a blank node")
        violations_ = []
        sparql = []
        for p in set(shapes.predicates(shape, None)):
            if p in _ANNOTATIONS or p in _TARGETS:
                continue
            if p == SH.property:
                for prop in shapes.objects(shape, p):
                    violations_ += _property_violations(shapes, prop)
            elif p == SH.sparql:
                for node in shapes.objects(shape, p):
                    extra = set(shapes.predicates(node, None)) - {SH.select, SH.message, SH.prefixes, RDF.type}
                    if extra:
                        raise Unsupported(f"{shape}: sh:sparql with {sorted(map(str, extra))}")
                    text = _prefixes(shapes, node) + "\n" + str(_one(shapes, node, SH.select))
                    sparql.append((text, not _binds_this(text)))
            else:
                raise Unsupported(f"{shape}: {p} is not compiled")
        targets = _targets(shapes, shape)
        if not targets:
            continue  # no focus nodes: nothing to check
        target_union = "{ " + " UNION ".join("{ " + t + " }" for t in targets) + " }"
        # the focus nodes once, then each tested (EXISTS sees ?this bound)
        test = "\n  || ".join(violations_) if violations_ else "false"
        out.append(CompiledShape(
            str(shape),
            f"SELECT DISTINCT ?this WHERE {{ {target_union}\n  FILTER (\n  {test}) }}",
            f"SELECT DISTINCT ?this WHERE {target_union}",
            sparql,
        ))
    return out


@lru_cache(maxsize=1)
def shapes_compiled() -> list[CompiledShape] | None:
    """collabkg's shapes compiled once per process; None if they use a feature not compiled."""
    from collabkg.ontology.validate import _shapes

    try:
        return compile_shapes(_shapes())
    except Unsupported:
        return None


@lru_cache(maxsize=1)
def _mixin() -> Graph:
    """The ontology triples pySHACL mixes into every graph it validates (classes, properties,
    individuals: its ``inoculate``), computed once."""
    from pyshacl.rdfutil.inoculate import inoculate

    from collabkg.ontology.validate import _ontology

    return inoculate(Graph(), _ontology())


def _trusted(lit: Literal) -> bool:
    """Whether pySHACL and SPARQL read the literal alike: well-typed for its datatype, so that
    ``sh:datatype`` (pySHACL: same IRI, lexical form valid, a Python value of the right kind) is
    SPARQL's ``datatype()`` test, and comparisons see the same value."""
    if lit.ill_typed:
        return False
    dt, value = lit.datatype, lit.value
    if dt is None or dt in (XSD.string,):
        return isinstance(value, str)
    if dt == XSD.integer:
        return isinstance(value, int) and not isinstance(value, bool)
    if dt == XSD.date:
        import datetime as _dt

        return isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)
    if dt == XSD.dateTime:
        import datetime as _dt

        return isinstance(value, _dt.datetime)
    return dt in (XSD.gYear, XSD.boolean, XSD.anyURI) or dt in _NUMERIC and value is not None


def violations(graphs: list[Graph], keeps: list[Graph | None] | None = None,
               compiled: list[CompiledShape] | None = None) -> list[set[tuple[str, str]] | None]:
    """For each graph of ``graphs`` (validated with ``keeps[i]`` beside it, as pySHACL would see
    ``graphs[i] + keeps[i]``): the (shape IRI, focus node) pairs that break a shape, or None when
    the check cannot say (a literal SPARQL and pySHACL would read differently; or the shapes are
    not compiled): pySHACL must decide. An empty set: the graph conforms.

    Raises
    ------
    Unsupported
        ``compiled`` not given and collabkg's shapes cannot be compiled.
    """
    import pyoxigraph as ox

    from collabkg.graph.store import memo_to_ox

    compiled = compiled if compiled is not None else shapes_compiled()
    if compiled is None:
        raise Unsupported("collabkg's shapes use a feature the fast check does not compile")
    keeps = keeps or [None] * len(graphs)
    store = ox.Store()
    conv = memo_to_ox()
    mixin_graph = ox.NamedNode("urn:collabkg:shape-queries:mixin")
    store.extend([ox.Quad(conv(s), conv(p), conv(o), mixin_graph) for s, p, o in _mixin()])
    names: list = []
    for i, (g, keep) in enumerate(zip(graphs, keeps)):
        triples = list(g) + (list(keep) if keep is not None else [])
        if any(isinstance(o, Literal) and not _trusted(o) for _, _, o in triples):
            names.append(None)
            continue
        name = ox.NamedNode(f"urn:collabkg:shape-queries:graph:{i}")
        quads = {ox.Quad(conv(s), conv(p), conv(o), name) for s, p, o in triples}
        store.extend(quads)
        # Oxigraph keeps numbers, dates and booleans in canonical form ("01" -> "1"); where that
        # changed a term, the store no longer holds what pySHACL sees
        names.append(name if set(store.quads_for_pattern(None, None, None, name)) == quads else None)
    this = ox.Variable("this")
    out: list[set[tuple[str, str]] | None] = []
    for name in names:
        if name is None:
            out.append(None)
            continue
        found: set[tuple[str, str]] = set()
        scope = [name, mixin_graph]
        for shape in compiled:
            for row in store.query(shape.query, default_graph=scope):
                found.add((shape.iri, _text(row["this"])))
            if shape.sparql:
                focus = {row["this"] for row in store.query(shape.targets, default_graph=scope)}
                for text, per_focus in shape.sparql:
                    if not per_focus:
                        hits = {row["this"] for row in store.query(text, default_graph=scope)} & focus
                    else:
                        hits = {f for f in focus
                                if any(True for _ in store.query(text, default_graph=scope, substitutions={this: f}))}
                    found |= {(shape.iri, _text(f)) for f in hits}
        out.append(found)
    return out


def _text(term) -> str:
    return term.value if hasattr(term, "value") else str(term)


def conforming(graphs: list[Graph], keeps: list[Graph | None] | None = None) -> list[bool]:
    """For each graph: True when it certainly conforms; False when pySHACL must look at it.

    >>> conforming([Graph()])
    [True]
    """
    try:
        return [found == set() for found in violations(graphs, keeps)]
    except Exception:  # noqa: BLE001 - Unsupported shapes, or a bug here: pySHACL decides, nothing is lost
        return [False] * len(graphs)
