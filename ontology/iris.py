"""Deterministic IRIs: one entity, one IRI, whatever document names it and however often we run.

An IRI is minted from the entity's kind and canonical name (or registry id):

>>> str(mint("organization", "Chinese Academy of Sciences"))
'https://w3id.org/collabkg/id/organization/chinese-academy-of-sciences'
>>> str(mint("person", "BAO Yiming")) == str(mint("person", "  bao  yiming "))
True
>>> str(mint("place", "Quaid-i-Azam University"))
'https://w3id.org/collabkg/id/place/quaid-i-azam-university'
>>> slug("中国科学院").startswith("u-")
True
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from rdflib import URIRef

from collabkg.ontology.prefixes import ID_NS

__all__ = ["KINDS", "mint", "slug", "graph_iri", "REGISTRY_GRAPH", "INFERRED_GRAPH"]

#: The path segment of each kind of thing we mint IRIs for.
KINDS = frozenset(
    {
        "organization", "person", "post", "role", "agreement", "proposal", "event", "delegation",
        "project", "program", "platform", "infrastructure", "cooperation", "outcome", "concept",
        "scheme", "place", "document", "evidence", "statement", "registry", "graph",
    }
)

#: Named graph holding facts taken from the curated registry (not from a document).
REGISTRY_GRAPH = URIRef(ID_NS + "graph/registry")
#: Named graph holding materialised inferences (``--infer``), kept apart from asserted facts.
INFERRED_GRAPH = URIRef(ID_NS + "graph/inferred")


@functools.lru_cache(maxsize=1 << 16)  # a document's emit slugs the same few hundred names again and again
def slug(text: str) -> str:
    """Return a lowercase ASCII slug of ``text``; text with no ASCII letters gets a stable hash."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not s:
        s = "u-" + hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]
    return s[:120]


@functools.lru_cache(maxsize=1 << 16)
def mint(kind: str, *parts: str) -> URIRef:
    """Return the IRI of a ``kind`` entity identified by ``parts`` (joined with '/')."""
    if kind not in KINDS:
        raise ValueError(f"unknown IRI kind {kind!r}; expected one of {sorted(KINDS)}")
    if not parts:
        raise ValueError("mint() needs at least one name part")
    return URIRef(ID_NS + kind + "/" + "/".join(slug(p) for p in parts))


def graph_iri(document_iri: str) -> URIRef:
    """Return the named graph of a document: the document's own IRI."""
    return URIRef(document_iri)
