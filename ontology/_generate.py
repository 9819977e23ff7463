"""Regenerate ``namespace.py`` (the closed ``CKG`` namespace) from ``collabkg.ttl``.

Run ``python ontology/_generate.py`` after adding a term to the ontology; the test suite
fails while the two disagree.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph

NS = "https://w3id.org/collabkg/ontology#"

HEADER = '''"""The closed ``CKG`` namespace: collabkg's own ontology terms.

Generated from ``collabkg.ttl`` by ``python ontology/_generate.py``; do not edit by hand.
A misspelt term fails as soon as it is used:

>>> from collabkg.ontology.namespace import CKG
>>> CKG.Agreement
rdflib.term.URIRef('https://w3id.org/collabkg/ontology#Agreement')
>>> CKG.Agrement
Traceback (most recent call last):
...
AttributeError: term 'Agrement' not in namespace 'https://w3id.org/collabkg/ontology#'
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class CKG(DefinedNamespace):
    """collabkg ontology terms (classes, properties and named individuals)."""

    _fail = True
    _NS = Namespace("https://w3id.org/collabkg/ontology#")

'''


def terms(graph: Graph) -> list[tuple[str, str]]:
    """Return ``(local name, label)`` for every ckg: term declared in ``graph``, sorted."""
    out = {}
    for s in set(graph.subjects(RDF.type, None)):
        if isinstance(s, type(OWL.Class)) and str(s).startswith(NS) and str(s) != NS:
            out[str(s)[len(NS):]] = str(graph.value(s, RDFS.label) or "")
    return sorted(out.items())


def render(graph: Graph) -> str:
    lines = [HEADER]
    for name, label in terms(graph):
        lines.append(f"    {name}: URIRef  # {label}\n")
    return "".join(lines)


def main() -> None:
    ttl = Path(__file__).with_name("collabkg.ttl").read_text("utf-8")
    g = Graph().parse(data=ttl, format="turtle")
    target = Path(__file__).with_name("namespace.py")
    target.write_text(render(g), encoding="utf-8")
    print(f"wrote {target} ({len(terms(g))} terms)")


if __name__ == "__main__":
    main()
