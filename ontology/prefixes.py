"""The one prefix table, shared by RDF serialisation, SPARQL queries and Neo4j names.

>>> PREFIXES["org"]
'http://www.w3.org/ns/org#'
>>> sparql_prologue().splitlines()[0]
'PREFIX ckg: <https://w3id.org/collabkg/ontology#>'
"""

from __future__ import annotations

from rdflib import Dataset, Graph

CKG_NS = "https://w3id.org/collabkg/ontology#"
ID_NS = "https://w3id.org/collabkg/id/"

#: prefix -> namespace IRI. Order matters only for display.
PREFIXES: dict[str, str] = {
    "ckg": CKG_NS,
    "ckgid": ID_NS,
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "ckgsh": "https://w3id.org/collabkg/shapes#",
    "wd": "http://www.wikidata.org/entity/",
    "ror": "https://ror.org/",
}


def bind_prefixes(graph: Graph | Dataset) -> Graph | Dataset:
    """Bind every prefix of :data:`PREFIXES` on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """Return ``PREFIX`` lines for every prefix, to put before a query that lacks them."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
