"""The knowledge graph from the store, projected into networkx.

The projection is derived from the store, never edited by hand. Entities (everything with a
``ckg:kind`` except documents and evidence) become nodes; every entity-to-entity statement
``(s, p, o)`` becomes an undirected edge whose ``statements`` list keeps the direction, the
relation and the evidence (quoted sentence, document IRI, title and date) that supports it.
n-ary facts (agreements, meetings, posts, projects, delegations, outcomes...) are nodes of their
own, as in the RDF; :func:`collapse` folds them into labelled links between the kinds you keep,
e.g. an organization-to-organization collaboration network.

Node attributes: ``kind``, ``name``, ``aliases`` (alternative labels and acronyms), ``types``
(class local names), ``attributes`` (other literal values and labelled IRI values, by prefixed
predicate), ``evidence`` (list of evidence dicts), ``start`` / ``end`` (years, or None).

Edge attributes: ``relation`` (the relation labels joined by ``"; "``), ``weight`` (number of
statements), ``statements`` (list of dicts: ``source``, ``target``, ``predicate``, ``relation``,
``evidence``, and ``via`` / ``via_name`` / ``via_kind`` for links made by :func:`collapse`),
``start`` / ``end`` (years, or None).

An evidence dict has ``quote``, ``document``, ``title``, ``issued`` and ``method`` keys.

Examples
--------
>>> from collabkg.graph.analysis.projection import project, collapse, example_store
>>> G = project(example_store())
>>> G.nodes["https://w3id.org/collabkg/id/organization/a"]["name"]
'Alpha Institute'
>>> G.edges["https://w3id.org/collabkg/id/agreement/ab", "https://w3id.org/collabkg/id/organization/a"]["relation"]
'party'
>>> C = collapse(G, keep=("organization",))
>>> sorted(C.nodes[n]["name"] for n in C)
['Alpha Institute', 'Beta Center', 'Gamma University']
>>> C.edges["https://w3id.org/collabkg/id/organization/a", "https://w3id.org/collabkg/id/organization/b"]["relation"]
'agreement: Alpha-Beta MoU'
"""

from __future__ import annotations

import functools
import re
from itertools import combinations
from typing import Iterable

import networkx as nx

from collabkg.ontology.iris import REGISTRY_GRAPH
from collabkg.ontology.prefixes import PREFIXES

__all__ = [
    "project",
    "collapse",
    "time_slice",
    "restrict_kinds",
    "relation_label",
    "load_graph",
    "FACT_KINDS",
    "NON_ENTITY_KINDS",
    "VALUE_KINDS",
    "example_store",
]

#: Kinds that are not entities of the analysis graph (they are the evidence behind it).
NON_ENTITY_KINDS = frozenset({"document", "evidence", "statement"})

#: Kinds of shared vocabulary (roles, concept schemes): shown as labelled attribute values of the
#: nodes that point at them, not as nodes (a "Director" role would join every director's post).
VALUE_KINDS = frozenset({"role", "scheme"})

#: Kinds of n-ary fact nodes (folded into links by :func:`collapse`).
FACT_KINDS = frozenset(
    {"agreement", "proposal", "event", "project", "program", "cooperation", "outcome", "post",
     "delegation", "platform", "infrastructure"}
)

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_SKOS = PREFIXES["skos"]
_CKG = PREFIXES["ckg"]
_FOAF = PREFIXES["foaf"]
_PROV = PREFIXES["prov"]
_SCHEMA = PREFIXES["schema"]
_DCT = PREFIXES["dcterms"]
_ORG = PREFIXES["org"]

_NAME_PREDICATES = (_RDFS + "label", _FOAF + "name")
_ALIAS_PREDICATES = {_SKOS + "altLabel", _CKG + "acronym", _FOAF + "name", _RDFS + "label", _SKOS + "prefLabel"}
_SKIP_LITERALS = {_CKG + "kind"}
_START_PREDICATES = (_SCHEMA + "startDate", _SCHEMA + "foundingDate", _DCT + "date", _DCT + "issued", _SCHEMA + "startTime")
_END_PREDICATES = (_SCHEMA + "endDate", _SCHEMA + "dissolutionDate", _SCHEMA + "endTime")
_SKIP_LINKS = {_PROV + "wasDerivedFrom", _RDF + "type"}

#: Labels for predicates from outside vocabularies (ours come from the ontology's rdfs:label).
_EXTRA_LABELS = {
    _ORG + "subOrganizationOf": "part of",
    _ORG + "hasSubOrganization": "has part",
    _ORG + "heldBy": "held by",
    _ORG + "postIn": "post in",
    _ORG + "role": "role",
    _ORG + "memberOf": "member of",
    _SCHEMA + "attendee": "attendee",
    _SCHEMA + "location": "location",
    _SCHEMA + "superEvent": "part of series",
    _SCHEMA + "about": "about",
    _SCHEMA + "sponsor": "sponsor",
    _SCHEMA + "containedInPlace": "in",
    _SCHEMA + "organizer": "organizer",
    _SKOS + "inScheme": "in scheme",
    _SKOS + "broader": "broader",
    "http://www.w3.org/2002/07/owl#sameAs": "same as",
}


def _shorten(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and prefix != "ckgid":
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


@functools.lru_cache(maxsize=1)
def _ontology_labels() -> dict[str, str]:
    """rdfs:label of every term of the collabkg ontology (read once from the package data)."""
    from importlib import resources

    import pyoxigraph as ox

    labels: dict[str, str] = {}
    try:
        data = resources.files("collabkg.ontology").joinpath("collabkg.ttl").read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - broken install
        return labels
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        if t.predicate.value == _RDFS + "label" and isinstance(t.object, ox.Literal):
            labels.setdefault(t.subject.value, t.object.value)
    return labels


def relation_label(predicate: str) -> str:
    """Return a short human label for a predicate IRI.

    Parameters
    ----------
    predicate : str
        The predicate's full IRI.

    Returns
    -------
    str
        The ontology's ``rdfs:label``, a known label for outside vocabularies, or the local name
        split at capitals.

    Examples
    --------
    >>> relation_label("https://w3id.org/collabkg/ontology#party")
    'party'
    >>> relation_label("http://www.w3.org/ns/org#subOrganizationOf")
    'part of'
    >>> relation_label("http://example.org/worksClosely")
    'works closely'
    """
    label = _EXTRA_LABELS.get(predicate) or _ontology_labels().get(predicate)
    if label:
        return label
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", _local(predicate)).lower()


def _year(value: str) -> int | None:
    m = re.match(r"\s*(-?\d{4})", value)
    return int(m.group(1)) if m else None


def _rows(store, sparql: str):
    """Rows of a SELECT as tuples of plain strings (None for unbound)."""
    for solution in store.query(sparql):
        yield tuple([None if t is None else t.value for t in solution])


def project(store, *, include_kinds: Iterable[str] | None = None, exclude_kinds: Iterable[str] = (),
            max_evidence: int = 5) -> nx.Graph:
    """Project the store's knowledge graph into an undirected networkx graph.

    Parameters
    ----------
    store : collabkg.graph.store.Store
        The store to read (all named graphs).
    include_kinds : iterable of str, optional
        Keep only entities of these kinds (default: every kind but documents, evidence and the
        :data:`VALUE_KINDS`).
    exclude_kinds : iterable of str
        Drop entities of these kinds; links to them become labelled attribute values.
    max_evidence : int
        Keep at most this many evidence records per node and per statement (the first ones by
        document and quote); the graph stays small on large stores.

    Returns
    -------
    networkx.Graph
        Nodes keyed by entity IRI (str); attributes as described in the module docstring.
        ``G.graph["source"]`` names the store, ``G.graph["mode"]`` is ``"full"``.

    Raises
    ------
    collabkg.errors.QueryError
        If the store cannot be queried.

    Examples
    --------
    >>> G = project(example_store())
    >>> G.number_of_nodes(), G.number_of_edges()
    (4, 3)
    >>> st = G.edges["https://w3id.org/collabkg/id/agreement/ab", "https://w3id.org/collabkg/id/organization/b"]["statements"][0]
    >>> st["evidence"][0]["quote"]
    'Alpha Institute and Beta Center signed an MoU in 2019.'

    Notes
    -----
    Five SPARQL queries over the union of all graphs, each result streamed once: linear in the
    number of triples about entities.
    """
    keep = set(include_kinds) if include_kinds is not None else None
    drop = set(exclude_kinds) | NON_ENTITY_KINDS | (VALUE_KINDS - keep if keep is not None else VALUE_KINDS)
    G = nx.Graph(source=str(getattr(store, "path", None) or "memory"), mode="full")

    # Entities are described again in every document that names them, and the union default
    # graph repeats a triple once per graph: every query is DISTINCT. Joins on ckg:kind are slow
    # over the union graph, so the big queries are plain scans filtered here.

    # 1. entities and their kinds
    kinds: dict[str, str] = {}
    for e, kind in _rows(store, "SELECT DISTINCT ?e ?k WHERE { ?e ckg:kind ?k }"):
        if kind in drop or (keep is not None and kind not in keep):
            continue
        kinds.setdefault(e, kind)
    for e, kind in kinds.items():
        G.add_node(e, kind=kind, name=None, aliases=[], types=[], attributes={}, evidence=[],
                   start=None, end=None)
    nodes = G.nodes

    # 2. literal values: names, aliases, dates, the rest; labels of any IRI (roles, statuses...)
    labels: dict[str, str] = {}
    label_p = _RDFS + "label"
    for e, p, o in _rows(store, "SELECT DISTINCT ?e ?p ?o WHERE { ?e ?p ?o . FILTER(isLiteral(?o)) }"):
        if p == label_p:
            labels.setdefault(e, o)
        d = nodes.get(e)
        if d is None or p in _SKIP_LITERALS:
            continue
        if p in _NAME_PREDICATES and d["name"] is None:
            d["name"] = o
        if p in _ALIAS_PREDICATES:
            if o not in d["aliases"]:
                d["aliases"].append(o)
            continue
        if p in _START_PREDICATES:
            y = _year(o)
            if y is not None and (d["start"] is None or y < d["start"]):
                d["start"] = y
        elif p in _END_PREDICATES:
            y = _year(o)
            if y is not None and (d["end"] is None or y > d["end"]):
                d["end"] = y
        _add_attr(d["attributes"], _shorten(p), o)

    # 3. IRI values: types, links between entities, labelled values, evidence of entities
    statements: dict[tuple[str, str, str], dict] = {}
    derived: list[tuple[str, str]] = []
    type_p, derived_p = _RDF + "type", _PROV + "wasDerivedFrom"
    for s, p, o in _rows(store, "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?o) && isIRI(?s)) }"):
        d = nodes.get(s)
        if d is None:
            continue
        if p == type_p:
            t = _local(o)
            if t not in d["types"]:
                d["types"].append(t)
        elif p == derived_p:
            derived.append((s, o))
        elif p in _SKIP_LINKS:
            continue
        elif o in nodes:
            if o != s and (s, p, o) not in statements:
                statements[(s, p, o)] = {"source": s, "target": o, "predicate": _shorten(p),
                                         "relation": relation_label(p), "evidence": []}
        elif not (o in kinds or _is_non_entity(o)):
            _add_attr(d["attributes"], _shorten(p), labels.get(o) or _local(o))

    # 4. evidence: of reified statements, and of entities
    docs = _documents(store)
    for s, p, o, ev in _rows(store, """
        SELECT DISTINCT ?s ?p ?o ?ev WHERE {
          ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev }"""):
        st = statements.get((s, p, o))
        if st is not None and len(st["evidence"]) < max_evidence:
            _add_evidence(st["evidence"], ev, docs)
    for e, ev in derived:
        d = nodes[e]
        if len(d["evidence"]) < max_evidence:
            _add_evidence(d["evidence"], ev, docs)

    # a statement without reified evidence from the curated registry cites the registry
    registry = {(s, p, o) for s, p, o in _rows(
        store, "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH <%s> { ?s ?p ?o FILTER(isIRI(?o)) } }" % REGISTRY_GRAPH)}
    for key, st in statements.items():
        if not st["evidence"] and key in registry:
            st["evidence"].append({"quote": None, "document": str(REGISTRY_GRAPH),
                                   "title": "collabkg registry (curated)", "issued": None, "method": "registry"})

    for e, d in nodes.items():
        if d["name"] is None:
            d["name"] = d["aliases"][0] if d["aliases"] else _local(e)
        if d["start"] is not None and d["end"] is None:
            d["end"] = d["start"]

    # 5. edges, dated by their n-ary fact or by the documents that state them
    for (s, _p, o), st in statements.items():
        if G.has_edge(s, o):
            data = G.edges[s, o]
            data["statements"].append(st)
            data["weight"] += 1
            if st["relation"] not in data["relation"].split("; "):
                data["relation"] += "; " + st["relation"]
        else:
            G.add_edge(s, o, relation=st["relation"], weight=1, statements=[st], start=None, end=None)
    for u, v, data in G.edges(data=True):
        _date_edge(G, u, v, data)
    return G


def _is_non_entity(iri: str) -> bool:
    return any(f"/id/{k}/" in iri for k in NON_ENTITY_KINDS)


def _add_attr(attrs: dict, key: str, value) -> None:
    old = attrs.get(key)
    if old is None:
        attrs[key] = value
    elif isinstance(old, list):
        if value not in old:
            old.append(value)
    elif old != value:
        attrs[key] = [old, value]


def _documents(store) -> dict:
    """Evidence IRI -> (quote, method, document) and document IRI -> title, issued."""
    docs: dict[str, dict] = {}
    for d, title, issued in _rows(store, """
        SELECT DISTINCT ?d ?t ?i WHERE { ?d ckg:kind "document" .
          OPTIONAL { ?d dcterms:title ?t } OPTIONAL { ?d dcterms:issued ?i } }"""):
        info = docs.setdefault(d, {"title": None, "issued": None})
        info["title"] = info["title"] or title
        info["issued"] = info["issued"] or issued
    evidence: dict[str, tuple] = {}
    for ev, quote, method, d in _rows(store, """
        SELECT DISTINCT ?ev ?q ?m ?d WHERE { ?ev prov:value ?q .
          OPTIONAL { ?ev ckg:method ?m } OPTIONAL { ?ev prov:wasQuotedFrom ?d } }"""):
        evidence.setdefault(ev, (quote, method, d))
    return {"docs": docs, "evidence": evidence}


def _add_evidence(target: list, ev: str, docs: dict) -> None:
    found = docs["evidence"].get(ev)
    if found is None:
        return
    quote, method, doc = found
    info = docs["docs"].get(doc, {}) if doc else {}
    record = {"quote": quote, "document": doc, "title": info.get("title"), "issued": info.get("issued"),
              "method": method}
    if record not in target:
        target.append(record)


def _date_edge(G: nx.Graph, u, v, data: dict) -> None:
    starts, ends = [], []
    for n in (u, v):
        d = G.nodes[n]
        if d["kind"] in FACT_KINDS and d["start"] is not None:
            starts.append(d["start"])
            ends.append(d["end"])
    if not starts:
        for st in data["statements"]:
            for ev in st["evidence"]:
                y = _year(ev["issued"]) if ev.get("issued") else None
                if y is not None:
                    starts.append(y)
                    ends.append(y)
    if starts:
        data["start"], data["end"] = min(starts), max(ends)


def collapse(G: nx.Graph, keep: Iterable[str] = ("organization",), *,
             facts: Iterable[str] | None = None) -> nx.Graph:
    """Fold n-ary fact nodes into labelled links between the entities of the kinds kept.

    Every node whose kind is not kept (an agreement, a meeting, a post...) links each pair of
    its kept neighbours by one statement labelled with the fact's kind and name, carrying the
    fact's evidence and the evidence of the statements through it. Links between kept nodes are
    copied as they are.

    Parameters
    ----------
    G : networkx.Graph
        A graph made by :func:`project`.
    keep : iterable of str
        Kinds of nodes to keep, e.g. ``("organization",)`` for a collaboration network or
        ``("organization", "person")``.
    facts : iterable of str, optional
        Kinds of nodes folded into links (default: :data:`FACT_KINDS`; places, concepts and
        other kinds not kept are dropped).

    Returns
    -------
    networkx.Graph
        ``G.graph["mode"] == "collapsed"``; each folded statement has ``via``, ``via_name`` and
        ``via_kind`` keys.

    Examples
    --------
    >>> C = collapse(project(example_store()))
    >>> sorted(st.get("via_kind", "-") for _, _, d in C.edges(data=True) for st in d["statements"])
    ['-', 'agreement']
    """
    keep = set(keep)
    fold = set(facts) if facts is not None else set(FACT_KINDS)
    C = nx.Graph(**{**G.graph, "mode": "collapsed", "keep": sorted(keep)})
    C.add_nodes_from((n, d) for n, d in G.nodes(data=True) if d["kind"] in keep)
    for u, v, d in G.edges(data=True):
        if u in C and v in C:
            C.add_edge(u, v, **{**d, "statements": list(d["statements"])})
    for f, fd in G.nodes(data=True):
        if fd["kind"] in keep or fd["kind"] not in fold:
            continue
        kept = [n for n in G[f] if n in C]
        for a, b in combinations(sorted(kept), 2):
            evidence = list(fd["evidence"])
            for n in (a, b):
                for st in G.edges[f, n]["statements"]:
                    evidence.extend(e for e in st["evidence"] if e not in evidence)
            relation = f"{fd['kind']}: {fd['name']}"
            st = {"source": a, "target": b, "predicate": None, "relation": relation, "evidence": evidence,
                  "via": f, "via_name": fd["name"], "via_kind": fd["kind"]}
            if C.has_edge(a, b):
                data = C.edges[a, b]
                data["statements"].append(st)
                data["weight"] += 1
                if relation not in data["relation"].split("; "):
                    data["relation"] += "; " + relation
                _widen(data, fd["start"], fd["end"])
            else:
                C.add_edge(a, b, relation=relation, weight=1, statements=[st], start=fd["start"], end=fd["end"])
    return C


def _widen(data: dict, start, end) -> None:
    if start is None:
        return
    data["start"] = start if data["start"] is None else min(data["start"], start)
    data["end"] = end if data["end"] is None else max(data["end"], end)


def time_slice(G: nx.Graph, *, as_of: int | None = None, between: tuple[int, int] | None = None) -> nx.Graph:
    """Keep what is dated within a time window; undated entities and links stay.

    A node or link is dated by its own ``start`` / ``end`` years (``schema:startDate`` of
    events, dates of agreements...) or, for a link without a dated fact at either end, by the
    ``dcterms:issued`` year of the documents stating it.

    Parameters
    ----------
    G : networkx.Graph
        A projected graph.
    as_of : int, optional
        Keep what started in or before this year.
    between : (int, int), optional
        Keep what overlaps the years ``between[0]`` to ``between[1]`` inclusive.

    Returns
    -------
    networkx.Graph
        A subgraph view's copy; ``G.graph["as_of"]`` / ``G.graph["between"]`` record the window.

    Raises
    ------
    ValueError
        If both or neither window is given, or the range is reversed.

    Examples
    --------
    >>> G = project(example_store())
    >>> sorted(d["name"] for _, d in time_slice(G, as_of=2018).nodes(data=True))
    ['Alpha Institute', 'Beta Center', 'Gamma University']
    >>> time_slice(G, between=(2019, 2020)).number_of_edges()
    3
    """
    if (as_of is None) == (between is None):
        raise ValueError("give exactly one of as_of=YEAR or between=(Y1, Y2)")
    if between is not None:
        lo, hi = between
        if lo > hi:
            raise ValueError(f"between=({lo}, {hi}): the first year must not be after the second")
    else:
        lo, hi = None, as_of

    def inside(d: dict) -> bool:
        if d.get("start") is None:
            return True
        end = d["end"] if d.get("end") is not None else d["start"]
        return d["start"] <= hi and (lo is None or end >= lo)

    nodes = [n for n, d in G.nodes(data=True) if inside(d)]
    H = G.subgraph(nodes)
    edges = [(u, v) for u, v, d in H.edges(data=True) if inside(d)]
    out = nx.Graph(H.edge_subgraph(edges)) if edges else nx.Graph()
    out.graph.update(G.graph, as_of=as_of, between=between)
    out.add_nodes_from((n, G.nodes[n]) for n in nodes)
    return out


def restrict_kinds(G: nx.Graph, kinds: Iterable[str]) -> nx.Graph:
    """Return a copy of ``G`` with only the nodes of the given kinds.

    Examples
    --------
    >>> sorted(restrict_kinds(project(example_store()), ["agreement"]).nodes)
    ['https://w3id.org/collabkg/id/agreement/ab']
    """
    kinds = set(kinds)
    H = G.subgraph(n for n, d in G.nodes(data=True) if d["kind"] in kinds).copy()
    return H


def load_graph(store=None, *, collapse_to: Iterable[str] | None = None, as_of: int | None = None,
               between: tuple[int, int] | None = None, include_kinds: Iterable[str] | None = None,
               exclude_kinds: Iterable[str] = ()) -> nx.Graph:
    """Open a store (read-only), project it, and optionally collapse and time-slice the result.

    The one call behind ``collabkg trace``, ``stats`` and ``view``.

    Parameters
    ----------
    store : Store, str, os.PathLike or None
        A :class:`~collabkg.graph.store.Store`, a store folder, or None for the default store.
    collapse_to : iterable of str, optional
        Kinds to keep when folding n-ary facts into links (see :func:`collapse`).
    as_of, between
        Time window (see :func:`time_slice`).
    include_kinds, exclude_kinds
        Passed to :func:`project`.

    Returns
    -------
    networkx.Graph

    Raises
    ------
    collabkg.errors.StoreError
        If there is no store at that place, or it cannot be opened.
    ValueError
        If both ``as_of`` and ``between`` are given.

    Examples
    --------
    >>> G = load_graph(example_store(), collapse_to=["organization"], as_of=2019)
    >>> G.graph["mode"], G.graph["as_of"], G.number_of_nodes()
    ('collapsed', 2019, 3)
    """
    from collabkg.api import using_store

    with using_store(store, read_only=True) as st:
        G = project(st, include_kinds=include_kinds, exclude_kinds=exclude_kinds)
    if collapse_to:
        G = collapse(G, keep=collapse_to)
    if as_of is not None or between is not None:
        G = time_slice(G, as_of=as_of, between=between)
    return G


_EXAMPLE = """
PREFIX ckg: <https://w3id.org/collabkg/ontology#>
PREFIX id: <https://w3id.org/collabkg/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX schema: <https://schema.org/>
id:document\\/d {
  id:document\\/d ckg:kind "document" ; dcterms:title "Doc D" ; dcterms:issued "2020-01-01"^^xsd:date .
  id:evidence\\/1 ckg:kind "evidence" ; prov:value "Alpha Institute and Beta Center signed an MoU in 2019." ;
    prov:wasQuotedFrom id:document\\/d .
  id:evidence\\/2 ckg:kind "evidence" ; prov:value "Gamma University is part of Alpha Institute." ;
    prov:wasQuotedFrom id:document\\/d .
  id:organization\\/a ckg:kind "organization" ; rdfs:label "Alpha Institute" ; ckg:acronym "AI" .
  id:organization\\/b ckg:kind "organization" ; rdfs:label "Beta Center" .
  id:organization\\/g ckg:kind "organization" ; rdfs:label "Gamma University" ;
    org:subOrganizationOf id:organization\\/a .
  id:agreement\\/ab ckg:kind "agreement" ; rdfs:label "Alpha-Beta MoU" ; schema:startDate "2019"^^xsd:gYear ;
    ckg:party id:organization\\/a, id:organization\\/b ; prov:wasDerivedFrom id:evidence\\/1 .
  id:statement\\/1 rdf:subject id:agreement\\/ab ; rdf:predicate ckg:party ; rdf:object id:organization\\/a ;
    prov:wasDerivedFrom id:evidence\\/1 .
  id:statement\\/2 rdf:subject id:agreement\\/ab ; rdf:predicate ckg:party ; rdf:object id:organization\\/b ;
    prov:wasDerivedFrom id:evidence\\/1 .
  id:statement\\/3 rdf:subject id:organization\\/g ; rdf:predicate org:subOrganizationOf ;
    rdf:object id:organization\\/a ; prov:wasDerivedFrom id:evidence\\/2 .
}
"""


def example_store():
    """Return a tiny in-memory store (three organizations, one agreement) for examples.

    Examples
    --------
    >>> len(example_store()) > 20
    True
    """
    import pyoxigraph as ox

    from collabkg.graph.store import Store

    store = Store()
    store.oxigraph.load(_EXAMPLE.encode(), format=ox.RdfFormat.TRIG)
    store.rebuild_default_graph()
    return store
