"""Optional reasoning: materialise inferred triples into their own named graph.

Inferences go to :data:`collabkg.ontology.iris.INFERRED_GRAPH` and nowhere else, so asserted
and inferred facts stay apart: ``GRAPH ckgid:graph/inferred { ... }`` selects the inferred ones,
and :func:`clear` removes them. Only triples not already asserted are stored.

Two profiles:

``rdfs``
    Class hierarchy (rdfs9, rdfs11), property hierarchy (rdfs5, rdfs7), domains and ranges
    (rdfs2, rdfs3), over the collabkg ontology, the W3C ORG axioms we rely on, and any schema
    triples in the store. Computed natively over the store's indexes: scales to millions of triples.
``owlrl``
    The OWL 2 RL rules (owlrl package) on an in-memory copy: adds transitivity
    (``org:transitiveSubOrganizationOf``), inverses (``org:hasSubOrganization``), symmetric
    properties and the RDFS results. Pure Python: meant for graphs up to a few hundred thousand
    triples (:data:`OWLRL_MAX_TRIPLES`).

>>> from rdflib import Graph, URIRef
>>> from collabkg.graph.store import Store
>>> store = Store()
>>> g = Graph().parse(format="turtle", data='''
...   @prefix ckg: <https://w3id.org/collabkg/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
...   <https://w3id.org/collabkg/id/organization/cnic> a ckg:ResearchCenter ;
...       org:subOrganizationOf <https://w3id.org/collabkg/id/organization/cas> .
...   <https://w3id.org/collabkg/id/organization/cas> org:subOrganizationOf <https://w3id.org/collabkg/id/organization/state> .''')
>>> store.replace_graph(URIRef("https://w3id.org/collabkg/id/document/d"), g)
>>> materialize(store, "rdfs") > 0
True
>>> from collabkg.graph.sparql import query
>>> query(store, "ASK { GRAPH ckgid:graph\\\\/inferred { ckgid:organization\\\\/cnic a org:Organization } }").boolean
True
>>> _ = materialize(store, "owlrl")
>>> query(store, "ASK { ckgid:organization\\\\/cnic org:transitiveSubOrganizationOf ckgid:organization\\\\/state }").boolean
True
"""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from collabkg.errors import StoreError
from collabkg.graph.store import Store, from_ox, to_ox
from collabkg.ontology.iris import INFERRED_GRAPH
from collabkg.ontology.prefixes import ID_NS

__all__ = ["materialize", "clear", "schema_graph", "PROFILES", "OWLRL_MAX_TRIPLES"]

PROFILES = ("rdfs", "owlrl")
#: Above this many asserted triples ``owlrl`` refuses (it runs in pure Python); use ``rdfs``.
OWLRL_MAX_TRIPLES = 500_000

#: The W3C ORG axioms the collabkg model relies on (org.ttl, abridged).
ORG_AXIOMS = """
@prefix org: <http://www.w3.org/ns/org#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
org:FormalOrganization rdfs:subClassOf org:Organization, foaf:Organization .
org:OrganizationalUnit rdfs:subClassOf org:Organization .
org:Organization rdfs:subClassOf foaf:Agent .
foaf:Person rdfs:subClassOf foaf:Agent .
org:subOrganizationOf rdfs:subPropertyOf org:transitiveSubOrganizationOf ;
    owl:inverseOf org:hasSubOrganization ; rdfs:domain org:Organization ; rdfs:range org:Organization .
org:transitiveSubOrganizationOf a owl:TransitiveProperty, owl:ObjectProperty .
org:unitOf rdfs:subPropertyOf org:subOrganizationOf .
org:heldBy rdfs:domain org:Post ; rdfs:range foaf:Agent .
org:postIn rdfs:domain org:Post ; rdfs:range org:Organization .
org:memberOf rdfs:domain foaf:Agent ; rdfs:range org:Organization .
org:role rdfs:range org:Role .
"""

_DATATYPE_NS = ("http://www.w3.org/2001/XMLSchema#",)
_DATATYPE_CLASSES = {RDFS.Literal, RDF.langString, RDFS.Datatype}


def schema_graph(store: Store | None = None) -> Graph:
    """The ontology (collabkg.ttl), the ORG axioms, and schema triples asserted in ``store``."""
    g = Graph()
    g.parse(data=(resources.files("collabkg.ontology") / "collabkg.ttl").read_text(encoding="utf-8"), format="turtle")
    g.parse(data=ORG_AXIOMS, format="turtle")
    if store is not None:
        for p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range):
            for q in store.oxigraph.quads_for_pattern(None, to_ox(p), None, None):
                if q.graph_name != to_ox(INFERRED_GRAPH) and not isinstance(q.graph_name, ox.DefaultGraph):
                    g.add((from_ox(q.subject), p, from_ox(q.object)))
    return g


def _closure(pairs: dict) -> dict:
    out = {}
    for start in pairs:
        seen, todo = set(), list(pairs[start])
        while todo:
            x = todo.pop()
            if x not in seen and x != start:
                seen.add(x)
                todo.extend(pairs.get(x, ()))
        out[start] = seen
    return out


def _rdfs(store: Store) -> set:
    schema = schema_graph(store)
    sub_c, sub_p = defaultdict(set), defaultdict(set)
    dom, rng = defaultdict(set), defaultdict(set)
    for s, o in schema.subject_objects(RDFS.subClassOf):
        sub_c[to_ox(s)].add(to_ox(o))
    for s, o in schema.subject_objects(RDFS.subPropertyOf):
        sub_p[to_ox(s)].add(to_ox(o))
    for s, o in schema.subject_objects(RDFS.domain):
        dom[to_ox(s)].add(to_ox(o))
    for s, o in schema.subject_objects(RDFS.range):
        if o not in _DATATYPE_CLASSES and not str(o).startswith(_DATATYPE_NS):
            rng[to_ox(s)].add(to_ox(o))
    sup_c, sup_p = _closure(sub_c), _closure(sub_p)

    def supers(c):
        return sup_c.get(c, ())

    inferred_g = to_ox(INFERRED_GRAPH)
    rdf_type = to_ox(RDF.type)
    ox_store = store.oxigraph
    new: set = set()

    def add_type(x, c):
        new.add((x, rdf_type, c))
        for d in supers(c):
            new.add((x, rdf_type, d))

    # properties: super-properties (rdfs7), and domains/ranges of the property and its supers
    for p in set(sup_p) | set(dom) | set(rng):
        ups = sup_p.get(p, set())
        doms = set(dom.get(p, ())).union(*(dom.get(q, ()) for q in ups)) if ups else set(dom.get(p, ()))
        rngs = set(rng.get(p, ())).union(*(rng.get(q, ()) for q in ups)) if ups else set(rng.get(p, ()))
        for q in ox_store.quads_for_pattern(None, p, None, None):
            if q.graph_name == inferred_g or isinstance(q.graph_name, ox.DefaultGraph):
                continue
            s, o = q.subject, q.object
            for up in ups:
                new.add((s, up, o))
            for d in doms:
                add_type(s, d)
            if not isinstance(o, ox.Literal):
                for r in rngs:
                    add_type(o, r)
    # class hierarchy (rdfs9)
    for c, ds in sup_c.items():
        if not ds:
            continue
        for q in ox_store.quads_for_pattern(None, rdf_type, c, None):
            if q.graph_name != inferred_g and not isinstance(q.graph_name, ox.DefaultGraph):
                for d in ds:
                    new.add((q.subject, rdf_type, d))
    return new


def _owlrl(store: Store) -> set:
    import owlrl

    asserted = len(store)
    if asserted > OWLRL_MAX_TRIPLES:
        raise StoreError(
            f"owlrl reasoning runs in pure Python and the store holds {asserted:,} quads "
            f"(limit {OWLRL_MAX_TRIPLES:,})",
            hint="use --infer rdfs (native, scales), or reason over a smaller store",
        )
    g = Graph()
    inferred_g = to_ox(INFERRED_GRAPH)
    for q in store.named_quads():
        if q.graph_name != inferred_g:
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    schema = schema_graph(None)
    g += schema
    before = set(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(g)
    boring_types = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
    new = set()
    for s, p, o in g:
        if (s, p, o) in before or not isinstance(s, URIRef) or not str(s).startswith(ID_NS):
            continue
        if p == OWL.sameAs and s == o:
            continue
        if p == RDF.type and o in boring_types:
            continue
        new.add((to_ox(s), to_ox(p), to_ox(o)))
    return new


def materialize(store: Store, profile: str = "rdfs") -> int:
    """Replace the inferred graph with the ``profile`` closure of the asserted graphs.

    Parameters
    ----------
    store : Store
    profile : {"rdfs", "owlrl"}

    Returns
    -------
    int
        The number of inferred triples stored (not already asserted anywhere).

    Raises
    ------
    StoreError
        Unknown profile, or ``owlrl`` on a store above :data:`OWLRL_MAX_TRIPLES`.
    """
    if profile not in PROFILES:
        raise StoreError(f"unknown reasoning profile {profile!r}", hint="use one of: " + ", ".join(PROFILES))
    candidates = _rdfs(store) if profile == "rdfs" else _owlrl(store)
    ox_store = store.oxigraph
    inferred_g = to_ox(INFERRED_GRAPH)
    quads = []
    for s, p, o in candidates:
        # keep only what no asserted graph already says
        if not any(q.graph_name != inferred_g and not isinstance(q.graph_name, ox.DefaultGraph)
                   for q in ox_store.quads_for_pattern(s, p, o, None)):
            quads.append(ox.Quad(s, p, o, inferred_g))
    # one transaction: the inferred graph and the merged default graph change together
    store.replace_graph(INFERRED_GRAPH, [(q.subject, q.predicate, q.object) for q in quads])
    if not quads:
        ox_store.add_graph(inferred_g)
    store.flush()
    return len(quads)


def clear(store: Store) -> None:
    """Remove every materialised inference (the inferred named graph)."""
    store.remove_graph(INFERRED_GRAPH)
    store.flush()
