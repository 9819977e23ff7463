"""The ontology as a Markdown table, generated from the Turtle so the docs cannot drift.

``python -m collabkg.ontology.reference docs/architecture.md`` rewrites the part of the file between
``<!-- ontology-table:start -->`` and ``<!-- ontology-table:end -->``; the tests fail while the file
and the ontology disagree.

>>> table = render_table()
>>> "| `ckg:Agreement` | class |" in table
True
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph

from collabkg.ontology import load_ontology

START, END = "<!-- ontology-table:start -->", "<!-- ontology-table:end -->"
_KINDS = [(OWL.Class, "class"), (OWL.ObjectProperty, "object property"), (OWL.DatatypeProperty, "datatype property"),
          (OWL.NamedIndividual, "individual")]


def _short(g: Graph, node) -> str:
    if node is None:
        return ""
    try:
        return f"`{g.namespace_manager.normalizeUri(node)}`"
    except Exception:
        return f"`{node}`"


def render_table(g: Graph | None = None) -> str:
    """Return a Markdown table of every ckg: term: name, kind, reuses (super class/property), domain, range, comment."""
    g = g or load_ontology()
    ns = "https://w3id.org/collabkg/ontology#"
    rows = []
    for kind_node, kind in _KINDS:
        for s in sorted(set(g.subjects(RDF.type, kind_node))):
            if not str(s).startswith(ns) or str(s) == ns:
                continue
            if kind == "individual":
                supers = [o for o in g.objects(s, RDF.type) if o != OWL.NamedIndividual]
            else:
                supers = list(g.objects(s, RDFS.subClassOf)) + list(g.objects(s, RDFS.subPropertyOf)) + list(g.objects(s, OWL.equivalentClass))
            comment = str(g.value(s, RDFS.comment) or "").replace("|", "\\|")
            rows.append(f"| {_short(g, s)} | {kind} | {', '.join(sorted(_short(g, x) for x in supers))} | "
                        f"{_short(g, g.value(s, RDFS.domain))} | {_short(g, g.value(s, RDFS.range))} | {comment} |")
    head = "| term | kind | is a / reuses | domain | range | meaning |\n|---|---|---|---|---|---|\n"
    return head + "\n".join(rows) + "\n"


def update(path: str | Path) -> bool:
    """Rewrite the generated table in ``path``; return True if the file changed."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    a, b = text.index(START) + len(START), text.index(END)
    new = text[:a] + "\n" + render_table() + text[b:]
    if new != text:
        p.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    print("updated" if update(sys.argv[1] if len(sys.argv) > 1 else "docs/architecture.md") else "up to date")
