"""Emitting RDF: an :class:`~collabkg.loaders.facts.Extraction` becomes the document's named graph.

Every entity gets a deterministic IRI (``collabkg.ontology.iris.mint``); every fact becomes a triple
plus a reified ``rdf:Statement`` that points (``prov:wasDerivedFrom``) to the ``ckg:Evidence`` it
came from: the quoted sentence, its character span, the document, and the rule.

Registry knowledge about the bodies a document names (canonical names, aliases, parents, external
identifiers) goes to a separate named graph, ``iris.REGISTRY_GRAPH``, derived from the registry
entry rather than from a sentence.
"""

from __future__ import annotations

import hashlib

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS, XSD

from collabkg.loaders.documents import Document
from collabkg.loaders.facts import Entity, Evidence, Extraction
from collabkg.loaders.pages import page_at
from collabkg.loaders.registry import Entry, Places, Registry
from collabkg.ontology.iris import mint, slug
from collabkg.ontology.namespace import CKG
from collabkg.ontology.prefixes import PREFIXES, bind_prefixes

__all__ = ["EXTRACTOR_VERSION", "document_iri", "entity_iri", "emit_document", "emit_registry", "curie"]

#: Bumped when extraction changes what it produces, so unchanged documents are re-read once.
EXTRACTOR_VERSION = "29"

ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"


def curie(term: str) -> URIRef:
    """Expand a CURIE of the shared prefix table (``"org:postIn"``) to an IRI."""
    prefix, local = term.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def document_iri(doc: Document, n: int = 1) -> URIRef:
    """The document's IRI, also the name of its graph: from its file name, or the URL it was fetched from.

    ``n`` > 1 names the n-th different document of that name (a build picks the first IRI free in
    the store: two documents are two documents, whatever they are called).

    >>> from pathlib import Path
    >>> d = Document(Path("a/report.txt"), "text")
    >>> str(document_iri(d)).rsplit("/id/", 1)[1], str(document_iri(d, 2)).rsplit("/id/", 1)[1]
    ('document/report-txt', 'document/report-txt/2')
    """
    name = doc.meta.get("fetched_url") or doc.path.name
    return mint("document", name) if n == 1 else mint("document", name, str(n))


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity key ``kind/ident`` (``ident`` parts separated by ``|``)."""
    kind, ident = key.split("/", 1)
    return mint(kind, *ident.split("|"))


def _evidence_iri(doc_iri: URIRef, ev: Evidence) -> URIRef:
    return mint("evidence", str(doc_iri).rsplit("/", 1)[1], f"{ev.start}-{ev.end}", ev.method.replace("rule:", ""))


def _statement_iri(graph: URIRef, s: URIRef, p: URIRef, o) -> URIRef:
    h = hashlib.sha1("\x1f".join([str(graph), str(s), str(p), o.n3()]).encode("utf-8")).hexdigest()[:20]
    return mint("statement", h)


def _reify(g: Graph, graph_name: URIRef, s: URIRef, p: URIRef, o, source: URIRef) -> None:
    st = _statement_iri(graph_name, s, p, o)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, PROV.wasDerivedFrom, source))


def emit_document(doc: Document, x: Extraction, iri: URIRef | None = None) -> Graph:
    """Return the named graph of ``doc``: its metadata, entities, facts and their evidence.

    ``iri`` names the document (and its graph); by default :func:`document_iri`.
    """
    d = URIRef(iri) if iri is not None else document_iri(doc)
    g = bind_prefixes(Graph(identifier=d))
    g.add((d, RDF.type, CKG.SourceDocument))
    g.add((d, RDF.type, FOAF.Document))
    g.add((d, CKG.kind, Literal("document")))
    if not doc.meta.get("fetched_url"):  # a fetched document's source is its URL (below), not a made-up name
        g.add((d, DCTERMS.source, Literal(doc.path.name)))
    g.add((d, CKG.contentHash, Literal(doc.sha256)))
    if doc.path.is_file():
        g.add((d, CKG.sourceFile, Literal(str(doc.path.resolve()))))
    g.add((d, CKG.extractorVersion, Literal(EXTRACTOR_VERSION)))
    if doc.title:
        g.add((d, DCTERMS.title, Literal(doc.title)))
        g.add((d, RDFS.label, Literal(doc.title)))
    else:
        g.add((d, RDFS.label, Literal(doc.path.name)))
    if doc.publisher:
        g.add((d, DCTERMS.publisher, Literal(doc.publisher)))
    if doc.issued:
        g.add((d, DCTERMS.issued, Literal(doc.issued.isoformat(), datatype=XSD.date)))
    if doc.modified:
        g.add((d, DCTERMS.modified, Literal(doc.modified.isoformat(), datatype=XSD.date)))
    if doc.kind:
        g.add((d, CKG.documentKind, Literal(doc.kind)))
    for key, pred in (("license", DCTERMS.license), ("url", DCTERMS.source), ("final_url", DCTERMS.source), ("attribution", DCTERMS.bibliographicCitation),
                      ("author", DCTERMS.creator)):
        if doc.meta.get(key):
            g.add((d, pred, Literal(str(doc.meta[key]))))
    page_starts = doc.meta.get("page_starts")  # paged documents (PDF, Word): each page's first character

    evidence_nodes: dict[Evidence, URIRef] = {}

    def ev_node(ev: Evidence) -> URIRef:
        node = evidence_nodes.get(ev)
        if node is None:
            node = evidence_nodes[ev] = _evidence_iri(d, ev)
            g.add((node, RDF.type, CKG.Evidence))
            g.add((node, PROV.value, Literal(ev.quote)))
            g.add((node, PROV.wasQuotedFrom, d))
            g.add((node, CKG.charStart, Literal(ev.start)))
            g.add((node, CKG.charEnd, Literal(ev.end)))
            g.add((node, CKG.method, Literal(ev.method)))
            if page_starts:
                g.add((node, CKG.page, Literal(page_at(page_starts, ev.start))))
        return node

    for ent in x.entities.values():
        if not ent.evidence:
            continue  # supporting nodes (roles) are written where a fact uses them
        _entity_triples(g, ent, [ev_node(e) for e in ent.evidence])
    for f in x.facts:
        s = entity_iri(f.subject)
        p = curie(f.predicate)
        if isinstance(f.obj, Literal):
            o = f.obj
        elif ":" in f.obj and "/" not in f.obj:
            o = curie(f.obj)  # a named individual such as ckg:Proposed
        else:
            o = entity_iri(f.obj)
            target = x.entities.get(f.obj)
            if target is not None and not target.evidence:
                _entity_triples(g, target, [])
        g.add((s, p, o))
        _reify(g, d, s, p, o, ev_node(f.evidence))
    return g


def _entity_triples(g: Graph, ent: Entity, evidence: list[URIRef]) -> None:
    s = entity_iri(ent.key)
    for c in ent.classes:
        g.add((s, RDF.type, curie(c)))
    g.add((s, RDFS.label, Literal(ent.label)))
    g.add((s, CKG.kind, Literal(ent.kind)))
    if ent.kind == "person":
        g.add((s, FOAF.name, Literal(ent.label)))
    if ent.kind == "concept":
        g.add((s, SKOS.prefLabel, Literal(ent.label, lang="en")))
    for alt in sorted(ent.alt_labels - {ent.label}):
        g.add((s, SKOS.altLabel, Literal(alt)))
    for a in sorted(ent.acronyms):
        g.add((s, CKG.acronym, Literal(a)))
    for ev in evidence:
        g.add((s, PROV.wasDerivedFrom, ev))


def registry_key(entry: Entry) -> str:
    from collabkg.loaders.extract import _CLASS

    return f"{_CLASS.get(entry.kind, _CLASS['Organization'])[0]}/{entry.id}"


def emit_registry(entry_ids: set[str], registry: Registry, places: Places, graph_name: URIRef) -> Graph:
    """Return the registry graph for the entries ``entry_ids`` and the bodies they point to."""
    from collabkg.loaders.extract import _CLASS

    g = bind_prefixes(Graph(identifier=graph_name))
    todo = sorted(entry_ids)
    done: set[str] = set()
    while todo:
        eid = todo.pop()
        if eid in done or registry.get(eid) is None:
            continue
        done.add(eid)
        e = registry.get(eid)
        kind, classes = _CLASS.get(e.kind, _CLASS["Organization"])
        s = entity_iri(registry_key(e))
        src = mint("registry", e.id)
        g.add((src, RDF.type, CKG.RegistryEntry))
        g.add((src, RDFS.label, Literal(f"registry entry {e.id}")))
        if e.source:
            g.add((src, DCTERMS.source, Literal(e.source)))

        def fact(p, o, _s=s, _src=src):
            g.add((_s, p, o))
            _reify(g, graph_name, _s, p, o, _src)

        for c in classes:
            g.add((s, RDF.type, curie(c)))
        g.add((s, CKG.kind, Literal(kind)))
        g.add((s, PROV.wasDerivedFrom, src))
        fact(RDFS.label, Literal(e.name))
        for a in e.aliases:
            fact(SKOS.altLabel, Literal(a))
        for a in e.acronyms:
            fact(CKG.acronym, Literal(a))
        if e.country:
            c = places.countries.get(e.country)
            ciri = mint("place", e.country.lower())
            g.add((ciri, RDF.type, URIRef(SCHEMA + "Country")))
            g.add((ciri, RDF.type, URIRef(SCHEMA + "Place")))
            g.add((ciri, RDFS.label, Literal(c.name if c else e.country)))
            g.add((ciri, CKG.kind, Literal("place")))
            g.add((ciri, PROV.wasDerivedFrom, src))
            fact(CKG.country, ciri)
        for attr, pred in (("parent", URIRef(ORG + "subOrganizationOf")), ("national_committee_of", CKG.nationalCommitteeOf), ("hosted_by", CKG.hostedBy)):
            target = registry.get(getattr(e, attr))
            if target is not None:
                fact(pred, entity_iri(registry_key(target)))
                todo.append(target.id)
        for ext, src_attr in (("ror", "ror_source"), ("wikidata", "wikidata_source")):
            value = getattr(e, ext)
            if value:
                ext_src = mint("registry", e.id, ext)
                g.add((ext_src, RDF.type, CKG.RegistryEntry))
                g.add((ext_src, RDFS.label, Literal(f"registry entry {e.id}: {ext} identifier")))
                g.add((ext_src, DCTERMS.source, Literal(getattr(e, src_attr))))
                g.add((s, OWL.sameAs, URIRef(value)))
                _reify(g, graph_name, s, OWL.sameAs, URIRef(value), ext_src)
    return g
