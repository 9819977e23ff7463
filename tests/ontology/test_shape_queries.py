"""The shapes compiled to SPARQL (``ontology/shape_queries.py``) find exactly what pySHACL finds.

The build trusts the compiled check when it says a graph conforms, and skips pySHACL; so on every
shape's fixtures, and on hundreds of graphs made to break each constraint of each shape in turn
(a value removed, one added, one of the wrong kind, a type changed, a date or span reversed), the
(shape, focus node) pairs it names must be those pySHACL names, or it must say it cannot tell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from collabkg.loaders.documents import read_document
from collabkg.loaders.emit import emit_document, emit_registry
from collabkg.loaders.extract import extract
from collabkg.loaders.registry import load_places, load_registry
from collabkg.ontology import load_shapes
from collabkg.ontology.iris import REGISTRY_GRAPH
from collabkg.ontology.shape_queries import Unsupported, compile_shapes, conforming, shapes_compiled, violations
from collabkg.ontology.validate import validate

HERE = Path(__file__).parent / "shapes"
CKG = Namespace("https://w3id.org/collabkg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
CKGSH = "https://w3id.org/collabkg/shapes#"
EX = Namespace("http://example.org/mutant/")

# a document of our own writing that gives every kind of node the shapes target
TEXT = """Second Workshop on Polar Data Sharing held in Tromso

Tromso, June 3, 2021

The Second Workshop on Polar Data Sharing was held in Tromso on June 3, 2021. The meeting was jointly organized by
the Chinese Academy of Sciences and the University of Tromso, and brought together more than 60 researchers from
12 countries.

Prof. Anna Kowalska, Director of the Arctic Data Center, chaired the opening session. A delegation of 25 US
scientists attended the workshop.

During the workshop, the Chinese Academy of Sciences and the University of Tromso signed a Memorandum of
Understanding on cooperation in polar data. The event was sponsored by the Tromso Foundation for Science.
"""


def pyshacl_pairs(g: Graph) -> set[tuple[str, str]]:
    return {(v.shape.replace("ckgsh:", CKGSH), v.focus) for v in validate(g).violations}


def native_pairs(g: Graph):
    return violations([g])[0]


def test_the_bundled_shapes_compile():
    """If a shape used a feature not compiled, every build would fall back to pySHACL: slow, so a test says it."""
    compiled = shapes_compiled()
    assert compiled is not None
    assert {c.iri for c in compiled} >= {CKGSH + n for n in ("AgreementShape", "EventShape", "EvidenceShape",
                                                            "RelationEvidenceShape", "StatementShape")}


def fixtures():
    return sorted(p.name for p in HERE.glob("*Shape-*.ttl"))


@pytest.mark.parametrize("name", fixtures())
def test_each_shape_fixture_gives_the_same_violations(name):
    text = (HERE / "_prelude.ttl").read_text() + "\n" + (HERE / name).read_text()
    g = Graph().parse(data=text, format="turtle")
    expected = pyshacl_pairs(g)
    assert native_pairs(g) == expected
    assert bool(expected) == name.endswith("-bad.ttl")


@pytest.fixture(scope="module")
def document_graph(tmp_path_factory) -> Graph:
    reg, places = load_registry(), load_places()
    path = tmp_path_factory.mktemp("doc") / "polar-workshop.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = read_document(path)
    x = extract(doc, registry=reg, places=places)
    g = emit_document(doc, x, URIRef("https://w3id.org/collabkg/id/doc/polar-workshop"))
    used = {e.entry.id for e in x.entities.values() if e.entry}
    return g + emit_registry(used, reg, places, REGISTRY_GRAPH)


def mutants(g: Graph):
    """(name, graph) pairs, each ``g`` changed once so that it may break a constraint."""
    by_predicate: dict = {}
    for s, p, o in sorted(g):
        by_predicate.setdefault(p, (s, o))
    for p, (s, o) in sorted(by_predicate.items()):
        short = p.split("/")[-1].split("#")[-1]
        m = Graph() + g
        m.remove((s, p, None))
        yield f"without {short}", m
        m = Graph() + g
        if isinstance(o, Literal):
            m.add((s, p, Literal(str(o) + "1", datatype=o.datatype, lang=o.language)))  # a second value
        else:
            m.add((s, p, EX.stray))  # a second value, of no class
        yield f"another {short}", m
        m = Graph() + g
        m.remove((s, p, o))
        m.add((s, p, Literal("x") if not isinstance(o, Literal) else EX.stray))  # the wrong kind of value
        yield f"wrong kind of {short}", m
        if isinstance(o, Literal) and o.datatype is not None and o.datatype != XSD.string:
            m = Graph() + g
            m.remove((s, p, o))
            m.add((s, p, Literal(str(o))))  # right text, plain string
            yield f"untyped {short}", m
    for cls in sorted(set(g.objects(None, RDF.type))):
        s = sorted(g.subjects(RDF.type, cls))[0]
        m = Graph() + g
        m.remove((s, RDF.type, cls))
        yield f"untyped node of {cls}", m
    for cls in sorted(set(g.objects(None, RDF.type)) | set(load_shapes().objects(None, SH.targetClass))):
        m = Graph() + g
        m.add((EX.other, RDF.type, cls))  # a bare node of the class: breaks every minCount
        yield f"bare {cls}", m
        m = Graph() + g
        for s2, p, o in g:  # a node of the class with every value any node has, twice over: breaks maxCounts
            m.add((EX.other, p, o))
        m.add((EX.other, RDF.type, cls))
        yield f"crowded {cls}", m
    event = next(iter(g.subjects(RDF.type, SCHEMA.Event)))
    start = g.value(event, SCHEMA.startDate)
    m = Graph() + g
    m.add((event, SCHEMA.endDate, Literal(start.toPython() - dt.timedelta(days=1), datatype=XSD.date)))
    yield "event ends before it starts", m
    ev = next(iter(g.subjects(RDF.type, CKG.Evidence)))
    m = Graph() + g
    m.set((ev, CKG.charEnd, g.value(ev, CKG.charStart)))
    yield "empty evidence span", m
    m = Graph() + g
    m.set((ev, CKG.charStart, Literal(-1)))
    yield "negative offset", m


def test_documents_breaking_each_shape_give_the_same_violations(document_graph):
    assert pyshacl_pairs(document_graph) == set() == native_pairs(document_graph)
    broken, undecided = set(), []
    cases = list(mutants(document_graph))
    found = violations([m for _, m in cases])  # one batch, as a build checks them
    for (name, m), native in zip(cases, found):
        expected = pyshacl_pairs(m)
        if native is None:
            undecided.append(name)
            continue
        assert native == expected, f"{name}: only pySHACL {sorted(expected - native)}, only SPARQL {sorted(native - expected)}"
        broken |= {shape for shape, _ in expected}
    assert len(cases) > 100
    # every shape was broken, and compared, at least once
    assert broken == {c.iri for c in shapes_compiled()}, sorted(broken)
    assert len(undecided) < len(cases) / 5, undecided


def test_a_batch_is_judged_graph_by_graph(document_graph):
    """Two graphs that each conform alone are not judged as their union, nor a bad one as the others."""
    bad = Graph() + document_graph
    bad.add((EX.other, RDF.type, CKG.Agreement))
    assert conforming([document_graph, bad, document_graph]) == [True, False, True]
    # each graph alone has one party of the agreement; together they would have two
    agreement, party = EX.mou, URIRef("https://w3id.org/collabkg/id/organization/cas")
    half = Graph()
    half.add((agreement, RDF.type, CKG.Agreement))
    half.add((agreement, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("MoU")))
    half.add((agreement, CKG.party, party))
    other = Graph() + half
    other.remove((agreement, CKG.party, party))
    other.add((agreement, CKG.party, EX.second))
    assert [bool(v) for v in violations([half, other])] == [True, True]


def test_literals_sparql_reads_otherwise_are_left_to_pyshacl(document_graph):
    ev = next(iter(document_graph.subjects(RDF.type, CKG.Evidence)))
    ill = Graph() + document_graph
    ill.set((ev, CKG.charStart, Literal("a", datatype=XSD.integer)))
    padded = Graph() + document_graph
    padded.set((ev, CKG.charStart, Literal("01", datatype=XSD.integer, normalize=False)))  # Oxigraph stores "1"
    assert violations([ill, padded, document_graph]) == [None, None, set()]
    assert conforming([ill]) == [False] and not validate(ill).conforms


@pytest.mark.parametrize("extra", [
    "ckgsh:X a sh:NodeShape ; sh:targetClass ckg:Agreement ; sh:node ckgsh:Y .",
    "ckgsh:X a sh:NodeShape ; sh:targetClass ckg:Agreement ; sh:property [ sh:path ( ckg:party ckg:kind ) ; sh:minCount 1 ] .",
    "ckgsh:X a sh:NodeShape ; sh:targetClass ckg:Agreement ; sh:property [ sh:path ckg:party ; sh:qualifiedMinCount 1 ] .",
    "ckgsh:X a sh:NodeShape ; sh:targetClass ckg:Agreement ; sh:closed true .",
    "ckgsh:X a sh:PropertyShape ; sh:targetClass ckg:Agreement ; sh:path ckg:party ; sh:minCount 1 .",
])
def test_a_feature_not_compiled_is_refused(extra):
    from collabkg.ontology import ontology_text

    shapes = Graph().parse(data=ontology_text("shapes.ttl") + "\n" + extra, format="turtle")
    with pytest.raises(Unsupported):
        compile_shapes(shapes)
