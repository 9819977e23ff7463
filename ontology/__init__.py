"""The collabkg ontology: OWL classes and properties, SHACL shapes, namespaces and validation.

>>> from collabkg.ontology import load_ontology
>>> g = load_ontology()
>>> (CKG.Agreement, RDF.type, OWL.Class) in g
True
"""

from __future__ import annotations

from importlib import resources

from rdflib import OWL, RDF, Graph

from collabkg.ontology.namespace import CKG
from collabkg.ontology.prefixes import PREFIXES, bind_prefixes

__all__ = ["CKG", "PREFIXES", "bind_prefixes", "load_ontology", "load_shapes", "ontology_text"]


def ontology_text(name: str = "collabkg.ttl") -> str:
    """Return the Turtle text of a file shipped in ``collabkg.ontology`` (``collabkg.ttl``, ``shapes.ttl``)."""
    return resources.files("collabkg.ontology").joinpath(name).read_text(encoding="utf-8")


def load_ontology() -> Graph:
    """Return the OWL ontology as an rdflib Graph."""
    return bind_prefixes(Graph().parse(data=ontology_text("collabkg.ttl"), format="turtle"))


def load_shapes() -> Graph:
    """Return the SHACL shapes as an rdflib Graph."""
    return bind_prefixes(Graph().parse(data=ontology_text("shapes.ttl"), format="turtle"))
