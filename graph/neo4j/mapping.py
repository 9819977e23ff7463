"""RDF <-> property graph: the mapping of the Neo4j mirror, n10s-compatible and lossless.

What an n10s user sees: the graph n10s makes with ``handleVocabUris: 'SHORTEN'`` and
``handleRDFTypes: 'LABELS'`` (its defaults) and ``handleMultival: 'ARRAY'`` (n10s's default is
``OVERWRITE``, which keeps one value per property: the mirror keeps them all):

- every IRI subject or object is a ``:Resource`` node with a unique ``uri`` property; a blank
  node is a ``:Resource`` whose ``uri`` is ``bnode://<id>`` (as n10s does);
- ``rdf:type`` with an IRI object becomes a label; IRI names are shortened n10s-style to
  ``prefix__localName`` (``ckg__Agreement``, ``rdfs__label``, ``org__heldBy``) with the prefix
  table stored in the database in n10s's ``(:_NsPrefDef)`` node; namespaces outside the table
  get ``ns0``, ``ns1``, ... like n10s; n10s's reserved prefixes win (``dct`` for Dublin Core terms);
- an IRI or blank-node object becomes a relationship typed by the shortened predicate;
- a literal object becomes a property: a native Neo4j value (String, Integer for the xsd integer
  types, Float for xsd:double/float/decimal, Boolean, Date, DateTime / LocalDateTime), a list of
  them when a property has several values (n10s ``ARRAY``), the lexical form otherwise
  (gYear, anyURI, ... as n10s does without ``keepCustomDataTypes``).

What we add so that nothing is lost (the round trip RDF -> Neo4j -> RDF is isomorphic):

- ``graphs`` on every relationship: the sorted named-graph IRIs (source documents) asserting
  it, ``""`` standing for the default graph and ``bnode://<id>`` for a blank-node graph name. One relationship per (subject, predicate, object),
  however many documents assert it;
- ``graphs`` on every node with labels or literal properties: the graphs asserting them;
- ``_rdf`` on a node, only when the native values cannot say everything: a JSON object mapping
  each such property key to its exact literals ``[lexical, tag, graphs]`` (tag ``""`` for a plain
  string, ``"@zh-Hans"`` for a language tag, else the datatype IRI), and ``"@label"`` to the
  graphs of labels not asserted in all of the node's graphs. It covers language tags,
  xsd:decimal vs double, xsd:long vs integer, non-canonical lexical forms (``"01"``, ``"1.0E0"``),
  other datatypes, repeated values of mixed types, and per-value graphs;
- ``evidence`` on a relationship: the IRIs of the ``ckg:Evidence`` nodes that the RDF's
  reification (``rdf:Statement`` with ``rdf:subject/predicate/object`` and
  ``prov:wasDerivedFrom``) gives for that edge. It is derived data: export drops it, since the
  statement nodes themselves are mirrored too.

Reserved property keys (never produced by shortening, which always yields ``prefix__local``):
``uri``, ``graphs``, ``_rdf`` on nodes; ``graphs``, ``evidence`` on relationships.

>>> from rdflib import Literal, URIRef, XSD
>>> table = PrefixTable()
>>> table.shorten("http://www.w3.org/2000/01/rdf-schema#label")
'rdfs__label'
>>> table.shorten("http://purl.org/dc/terms/title")
'dct__title'
>>> table.shorten("http://example.org/vocab#thing")
'ns0__thing'
>>> table.expand("ns0__thing")
'http://example.org/vocab#thing'
>>> model = build_model([
...     ("http://ex.org/a", RDF_TYPE, "http://ex.org/C", "http://ex.org/doc1"),
...     ("http://ex.org/a", "http://www.w3.org/2000/01/rdf-schema#label", ("CAS", "", "en"), "http://ex.org/doc1"),
...     ("http://ex.org/a", "http://ex.org/knows", "http://ex.org/b", "http://ex.org/doc1"),
... ], PrefixTable())
>>> sorted(model.nodes["http://ex.org/a"].labels)
['ns0__C']
>>> model.nodes["http://ex.org/a"].props["rdfs__label"]
'CAS'
>>> model.rels[("http://ex.org/a", "ns0__knows", "http://ex.org/b")]
{'graphs': ['http://ex.org/doc1']}
>>> ("http://ex.org/a", "http://www.w3.org/2000/01/rdf-schema#label", ("CAS", "", "en"), "http://ex.org/doc1") in set(
...     decode_model(model.nodes, model.rels, model.prefixes))
True
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date as _date, timedelta, timezone
from typing import Any, Iterable, Iterator, Mapping

from neo4j.time import Date, DateTime

from collabkg.ontology.prefixes import PREFIXES

__all__ = [
    "quote_identifier",
    "PrefixTable",
    "NodeRecord",
    "PGModel",
    "build_model",
    "decode_model",
    "to_native",
    "from_native",
    "term_from_rdflib",
    "term_to_rdflib",
    "quad_from_rdflib",
    "quad_from_ox",
    "quads_to_ox",
    "OxStoreQuads",
    "canonical",
    "RESOURCE",
    "BNODE_PREFIX",
    "N10S_STANDARD_PREFIXES",
    "default_prefixes",
]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"
RDF_LANGSTRING = RDF + "langString"
XSD_STRING = XSD + "string"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"

#: The label every mirrored node carries (n10s's ``Resource``).
RESOURCE = "Resource"
#: ``uri`` prefix of blank nodes (n10s's convention).
BNODE_PREFIX = "bnode://"

#: Node property keys the mirror reserves; shortened names always contain ``__``.
NODE_RESERVED = ("uri", "graphs", "_rdf")
#: Relationship property keys the mirror reserves.
REL_RESERVED = ("graphs", "evidence")

#: Prefixes n10s reserves for these namespaces (it refuses a table that maps them otherwise).
N10S_STANDARD_PREFIXES = {
    "sch": "http://schema.org/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dct": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "sh": "http://www.w3.org/ns/shacl#",
}

INTEGER_TYPES = frozenset(
    XSD + t
    for t in (
        "integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte",
    )
)
FLOAT_TYPES = frozenset(XSD + t for t in ("double", "float", "decimal"))
INT64 = (-(2**63), 2**63 - 1)

_DATE_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_DATETIME_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)?")


# -- identifiers -------------------------------------------------------------------------------
def quote_identifier(name: str) -> str:
    """Quote a label, relationship type or property key for Cypher text.

    Labels and relationship types cannot be query parameters, so every one of them goes through
    this function: backticks are doubled, and backslashes are written as the escape
    ``\\u005c`` because Cypher reads ``\\uXXXX`` escapes inside backtick names (a raw
    ``\\u0060`` would otherwise close the name).

    Parameters
    ----------
    name : str
        Any non-empty string without NUL characters.

    Returns
    -------
    str
        The name in backticks, safe to format into Cypher.

    Raises
    ------
    ValueError
        If ``name`` is empty or contains a NUL character.

    Examples
    --------
    >>> quote_identifier("ckg__Agreement")
    '`ckg__Agreement`'
    >>> quote_identifier("x`}) DETACH DELETE n //")
    '`x``}) DETACH DELETE n //`'
    >>> print(quote_identifier("a\\\\u0060b"))
    `a\\u005cu0060b`
    """
    if not isinstance(name, str) or not name:
        raise ValueError(f"a Cypher name must be a non-empty string, not {name!r}")
    if "\x00" in name:
        raise ValueError(f"a Cypher name cannot contain NUL: {name!r}")
    return "`" + name.replace("\\", "\\u005c").replace("`", "``") + "`"


def split_iri(iri: str) -> tuple[str, str]:
    """Split an IRI n10s-style into (namespace, local name): after the last ``#``, else ``/``, else ``:``.

    >>> split_iri("https://schema.org/startDate")
    ('https://schema.org/', 'startDate')
    >>> split_iri("urn:isbn:123")
    ('urn:isbn:', '123')
    """
    for sep in ("#", "/", ":"):
        pos = iri.rfind(sep)
        if pos >= 0:
            return iri[: pos + 1], iri[pos + 1 :]
    raise ValueError(f"not an absolute IRI: {iri!r}")


def default_prefixes() -> dict[str, str]:
    """Return the project's prefix table adjusted to n10s's reserved prefixes (prefix -> namespace).

    >>> default_prefixes()["dct"], "dcterms" in default_prefixes()
    ('http://purl.org/dc/terms/', False)
    """
    reserved_ns = {ns: p for p, ns in N10S_STANDARD_PREFIXES.items()}
    out: dict[str, str] = {}
    for prefix, ns in PREFIXES.items():
        out[reserved_ns.get(ns, prefix)] = ns
    return out


class PrefixTable:
    """The prefix table used to shorten IRIs into Neo4j names (n10s ``SHORTEN``).

    Parameters
    ----------
    prefixes : mapping, optional
        prefix -> namespace; default :func:`default_prefixes`. A table read back from the
        database's ``_NsPrefDef`` node is passed here so names stay stable across syncs.
    """

    def __init__(self, prefixes: Mapping[str, str] | None = None):
        self.prefix_to_ns: dict[str, str] = {}
        self.ns_to_prefix: dict[str, str] = {}
        for p, ns in (default_prefixes() if prefixes is None else prefixes).items():
            self.add(p, ns)

    def add(self, prefix: str, ns: str) -> None:
        """Add ``prefix`` for namespace ``ns`` (no-op if already there; ValueError on conflict)."""
        if self.prefix_to_ns.get(prefix, ns) != ns or self.ns_to_prefix.get(ns, prefix) != prefix:
            raise ValueError(f"prefix {prefix!r} / namespace <{ns}> conflicts with the stored prefix table")
        if "__" in prefix:
            raise ValueError(f"prefix {prefix!r} contains '__'")
        self.prefix_to_ns[prefix] = ns
        self.ns_to_prefix[ns] = prefix

    def copy(self) -> "PrefixTable":
        return PrefixTable(dict(self.prefix_to_ns))

    def shorten(self, iri: str) -> str:
        """Return ``prefix__local`` for ``iri``, adding ``nsN`` for a new namespace."""
        ns, local = split_iri(iri)
        prefix = self.ns_to_prefix.get(ns)
        if prefix is None:
            n = sum(1 for p in self.prefix_to_ns if p.startswith("ns"))
            while f"ns{n}" in self.prefix_to_ns:
                n += 1
            prefix = f"ns{n}"
            self.add(prefix, ns)
        return f"{prefix}__{local}"

    def expand(self, key: str) -> str:
        """Return the IRI of a shortened name.

        Raises
        ------
        KeyError
            If the name has no ``__`` or its prefix is not in the table.
        """
        prefix, sep, local = key.partition("__")
        if not sep or prefix not in self.prefix_to_ns:
            raise KeyError(f"{key!r} is not a shortened name of this prefix table")
        return self.prefix_to_ns[prefix] + local


# -- terms ------------------------------------------------------------------------------------
# Internal term form (fast, hashable, independent of rdflib / pyoxigraph):
#   node  -> str: the IRI, or "bnode://<id>" for a blank node (the Neo4j ``uri``)
#   literal -> tuple (lexical, datatype, language): datatype "" for xsd:string, language "" if none
#   graph -> str: the graph IRI, "" for the default graph
Lit = tuple  # (lexical, datatype, lang)


def term_from_rdflib(term) -> str | Lit:
    """Convert an rdflib term to the internal form."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return BNODE_PREFIX + str(term)
    if isinstance(term, Literal):
        if term.language:
            return (str(term), "", term.language)
        dt = str(term.datatype) if term.datatype is not None else ""
        return (str(term), "" if dt == XSD_STRING else dt, "")
    raise TypeError(f"not an RDF term: {term!r}")


def term_to_rdflib(term: str | Lit):
    """Convert the internal form back to an rdflib term, lexical forms kept as they are.

    >>> term_to_rdflib(("1", XSD + "double", ""))  # rdflib alone would make it "1.0"
    rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#double'))
    """
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, tuple):
        lex, dt, lang = term
        if lang:
            return Literal(lex, lang=lang)
        return Literal(lex, datatype=URIRef(dt), normalize=False) if dt else Literal(lex)
    if term.startswith(BNODE_PREFIX):
        return BNode(term[len(BNODE_PREFIX) :])
    return URIRef(term)


def quad_from_rdflib(s, p, o, g) -> tuple[str, str, str | Lit, str]:
    """Convert an rdflib quad (``g`` None or the default graph -> ``""``; a blank-node graph
    name -> ``bnode://<id>``, like a blank node)."""
    gname = ""
    if g is not None:
        gid = getattr(g, "identifier", g)
        gname = "" if str(gid) == "urn:x-rdflib:default" else term_from_rdflib(gid)
    return term_from_rdflib(s), str(p), term_from_rdflib(o), gname


def _ox_node(t, _cache={}):
    ox = _cache.get("ox")
    if ox is None:
        import pyoxigraph as ox

        _cache["ox"] = ox
    cls = type(t)
    if cls is ox.NamedNode:
        return t.value
    if cls is ox.Literal:
        if t.language:
            return (t.value, "", t.language)
        dt = t.datatype.value
        return (t.value, "" if dt == XSD_STRING else dt, "")
    if cls is ox.BlankNode:
        return BNODE_PREFIX + t.value
    raise TypeError(f"unsupported term {t!r} (RDF-star triples are not mirrored)")


def quad_from_ox(q) -> tuple[str, str, str | Lit, str]:
    """Convert a pyoxigraph Quad to the internal form (a blank-node graph name -> ``bnode://<id>``).

    >>> import pyoxigraph as ox
    >>> quad_from_ox(ox.Quad(ox.NamedNode("http://ex/a"), ox.NamedNode("http://ex/p"), ox.Literal("1"), ox.BlankNode("g1")))
    ('http://ex/a', 'http://ex/p', ('1', '', ''), 'bnode://g1')
    """
    g = q.graph_name
    gname = getattr(g, "value", "")  # DefaultGraph has no value
    if gname and type(g) is not type(q.predicate):  # a BlankNode (not a NamedNode)
        gname = BNODE_PREFIX + gname
    return _ox_node(q.subject), q.predicate.value, _ox_node(q.object), gname


class OxStoreQuads:
    """The quads of a ``pyoxigraph.Store``'s named graphs (all, or those in ``graphs``) in the
    internal form, read graph by graph (the default graph is not read); ``count`` holds how
    many once iterated.

    The same tuples as :func:`quad_from_ox` of each quad, converted inline: the bulk sync's
    first pass reads every quad through this, and the function calls per term cost more than
    the reading (100k quads: 0.45 -> 0.25 s for the whole first pass).

    >>> import pyoxigraph as ox
    >>> st = ox.Store()
    >>> st.add(ox.Quad(ox.NamedNode("http://ex/a"), ox.NamedNode("http://ex/p"), ox.Literal("1", language="en"), ox.BlankNode("g1")))
    >>> quads = OxStoreQuads(st)
    >>> list(quads), quads.count
    ([('http://ex/a', 'http://ex/p', ('1', '', 'en'), 'bnode://g1')], 1)
    >>> list(OxStoreQuads(st, graphs=[ox.NamedNode("http://ex/other")]))
    []
    """

    def __init__(self, ox_store, graphs=None):
        self.store = ox_store
        #: the graph names (pyoxigraph terms) to read; None: every named graph
        self.graphs = graphs
        self.count = 0

    def __iter__(self) -> Iterator[tuple[str, str, str | Lit, str]]:
        import pyoxigraph as ox

        named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
        pattern = self.store.quads_for_pattern
        n = 0
        for g in self.store.named_graphs() if self.graphs is None else self.graphs:
            gname = g.value if type(g) is named else BNODE_PREFIX + g.value
            for q in pattern(None, None, None, g):
                n += 1
                s = q.subject
                ts = type(s)
                if ts is named:
                    s = s.value
                elif ts is blank:
                    s = BNODE_PREFIX + s.value
                else:
                    raise TypeError(f"unsupported term {s!r} (RDF-star triples are not mirrored)")
                o = q.object
                to = type(o)
                if to is named:
                    o = o.value
                elif to is literal:
                    lang = o.language
                    if lang:
                        o = (o.value, "", lang)
                    else:
                        dt = o.datatype.value
                        o = (o.value, "" if dt == XSD_STRING else dt, "")
                elif to is blank:
                    o = BNODE_PREFIX + o.value
                else:
                    raise TypeError(f"unsupported term {o!r} (RDF-star triples are not mirrored)")
                yield s, q.predicate.value, o, gname
        self.count = n


def quads_to_ox(quads: Iterable[tuple[str, str, str | Lit, str]]) -> Iterator:
    """Convert quads in the internal form to pyoxigraph Quads (the inverse of :func:`quad_from_ox`).

    Raises
    ------
    ValueError
        If a term is not valid RDF (an IRI with a space, a malformed language tag ...); the
        message names the quad.

    >>> [str(q) for q in quads_to_ox([("bnode://b1", "http://ex/p", ("1", XSD + "double", ""), "bnode://g")])]
    ['_:b1 <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#double> _:g']
    """
    import pyoxigraph as ox

    named: dict[str, Any] = {}
    default = ox.DefaultGraph()

    def node(t: str):
        n = named.get(t)
        if n is None:
            n = named[t] = ox.BlankNode(t[len(BNODE_PREFIX):]) if t.startswith(BNODE_PREFIX) else ox.NamedNode(t)
        return n

    for q in quads:
        s, p, o, g = q
        try:
            if isinstance(o, tuple):
                lex, dt, lang = o
                obj = ox.Literal(lex, language=lang) if lang else ox.Literal(lex, datatype=node(dt)) if dt else ox.Literal(lex)
            else:
                obj = node(o)
            yield ox.Quad(node(s), node(p), obj, node(g) if g else default)
        except ValueError as e:
            raise ValueError(f"not valid RDF ({e}): {q!r}") from None


# -- literal values ---------------------------------------------------------------------------
def to_native(lit: Lit) -> Any:
    """Return the native Neo4j value of a literal (n10s-style; the lexical form if none fits).

    >>> to_native(("42", XSD + "integer", ""))
    42
    >>> to_native(("2021", XSD + "gYear", ""))
    '2021'
    >>> to_native(("2019-10-21", XSD + "date", ""))
    datetime.date(2019, 10, 21)
    >>> to_native(("数据", "", "zh-Hans"))
    '数据'
    """
    lex, dt, lang = lit
    if lang or not dt:
        return lex
    try:
        if dt in INTEGER_TYPES:
            v = int(lex.strip())
            return v if INT64[0] <= v <= INT64[1] else lex
        if dt in FLOAT_TYPES:
            return float(lex.strip())
        if dt == XSD + "boolean":
            s = lex.strip()
            if s in ("true", "1"):
                return True
            if s in ("false", "0"):
                return False
            return lex
        if dt == XSD + "date":
            m = _DATE_RE.fullmatch(lex)
            # datetime.date: the driver sends it as a Neo4j Date (neo4j.time.Date is slower to build)
            return _date(int(m[1]), int(m[2]), int(m[3])) if m else lex
        if dt == XSD + "dateTime":
            m = _DATETIME_RE.fullmatch(lex)
            if not m:
                return lex
            frac = m[7] or ""
            ns = int((frac + "000000000")[:9]) if frac else 0
            tz = None
            if m[8] == "Z":
                tz = timezone.utc
            elif m[8]:
                sign = 1 if m[8][0] == "+" else -1
                tz = timezone(sign * timedelta(hours=int(m[8][1:3]), minutes=int(m[8][4:6])))
            return DateTime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6]), ns, tzinfo=tz)
    except (ValueError, OverflowError):
        return lex
    return lex


def _fmt_float(v: float) -> str:
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "INF" if v > 0 else "-INF"
    return repr(v)


def from_native(v: Any) -> Lit:
    """Return the literal a native Neo4j value stands for when no ``_rdf`` entry says otherwise.

    >>> from_native(42)
    ('42', 'http://www.w3.org/2001/XMLSchema#integer', '')
    >>> from_native(True)
    ('true', 'http://www.w3.org/2001/XMLSchema#boolean', '')
    """
    if isinstance(v, bool):
        return ("true" if v else "false", XSD + "boolean", "")
    if isinstance(v, int):
        return (str(v), XSD + "integer", "")
    if isinstance(v, float):
        return (_fmt_float(v), XSD + "double", "")
    if isinstance(v, str):
        return (v, "", "")
    if isinstance(v, DateTime) or type(v).__name__ == "DateTime":
        s = f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{int(v.second):02d}"
        nanos = getattr(v, "nanosecond", 0)
        if nanos:
            s += "." + f"{nanos:09d}".rstrip("0")
        if v.tzinfo is not None:
            off = v.utcoffset()
            if not off:
                s += "Z"
            else:
                mins = int(off.total_seconds() // 60)
                sign = "+" if mins >= 0 else "-"
                mins = abs(mins)
                s += f"{sign}{mins // 60:02d}:{mins % 60:02d}"
        return (s, XSD + "dateTime", "")
    if isinstance(v, (Date, _date)):
        return (f"{v.year:04d}-{v.month:02d}-{v.day:02d}", XSD + "date", "")
    raise TypeError(f"cannot read a literal from a {type(v).__name__} property value")


def _native_type(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    return type(v).__name__ + ("tz" if getattr(v, "tzinfo", None) is not None else "")


def canonical(v: Any) -> Any:
    """Return a JSON-able, exactly comparable form of a property value (for diffs and checksums).

    >>> canonical([1.0, float("nan")]) == canonical([1.0, float("nan")])
    True
    """
    if isinstance(v, list | tuple):
        return ["L", [canonical(x) for x in v]]
    if isinstance(v, bool):
        return ["b", v]
    if isinstance(v, int):
        return ["i", str(v)]
    if isinstance(v, float):
        return ["f", _fmt_float(v)]
    if isinstance(v, str):
        return ["s", v]
    lit = from_native(v)
    tz = str(v.utcoffset()) if getattr(v, "tzinfo", None) is not None else ""
    return ["t", lit[0], lit[1], tz]


# -- the model --------------------------------------------------------------------------------
@dataclass
class NodeRecord:
    """One ``:Resource`` node: its extra labels (besides ``Resource``) and all its properties."""

    labels: frozenset[str] = frozenset()
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class PGModel:
    """The property graph of an RDF dataset: nodes by uri, relationships by (start, type, end)."""

    nodes: dict[str, NodeRecord]
    rels: dict[tuple[str, str, str], dict[str, Any]]
    prefixes: PrefixTable

    def counts(self) -> dict[str, int]:
        return {"nodes": len(self.nodes), "relationships": len(self.rels)}


def _encode_values(values: dict[Lit, set[str]], node_graphs: frozenset[str]) -> tuple[Any, list | None]:
    """Encode the literals of one property: (native value, exact entries or None if not needed)."""
    lits = sorted(values)
    natives = [to_native(l) for l in lits]
    if len(natives) == 1:
        native: Any = natives[0]
    elif len({_native_type(v) for v in natives}) == 1:
        native = natives
    else:
        native = [l[0] for l in lits]
    # would the native value alone give back exactly these literals, in exactly these graphs?
    decoded = [from_native(v) for v in (native if isinstance(native, list) else [native])]
    exact = (
        len(decoded) == len(lits)
        and set(decoded) == set(lits)
        and all(gs == node_graphs for gs in values.values())
    )
    if exact:
        return native, None
    entries = [[l[0], ("@" + l[2]) if l[2] else l[1], sorted(values[l])] for l in lits]
    return native, entries


def build_model(quads: Iterable[tuple[str, str, str | Lit, str]], prefixes: PrefixTable) -> PGModel:
    """Map quads (internal form, see :func:`quad_from_rdflib` / :func:`quad_from_ox`) to a property graph.

    Parameters
    ----------
    quads : iterable of (s, p, o, g)
        Subject and object nodes as ``uri`` strings, literals as (lexical, datatype, lang),
        ``g`` the graph IRI or ``""`` for the default graph.
    prefixes : PrefixTable
        Extended in place with ``nsN`` prefixes for new namespaces.

    Returns
    -------
    PGModel
    """
    collected = collect_quads(quads)
    shorten = shortener(prefixes)
    return PGModel(dict(iter_nodes(collected, shorten)), dict(iter_rels(collected, shorten)), prefixes)


@dataclass
class Collected:
    """The quads gathered by subject (first pass of :func:`build_model`); :func:`iter_nodes` and
    :func:`iter_rels` turn it into nodes and relationships (a streaming writer can start writing
    nodes before the relationships are mapped)."""

    types: dict[str, dict[str, set[str]]]
    lits: dict[str, dict[str, dict[Lit, set[str]]]]
    rels: dict[tuple[str, str, str], set[str]]
    node_uris: set[str]
    evidence: dict[tuple[str, str, str], set[str]]
    rel_types: set[str] = field(default_factory=set)  # the predicates of ``rels``


def shortener(prefixes: PrefixTable):
    """A cached ``prefixes.shorten`` (adds ``nsN`` prefixes to ``prefixes`` as it goes)."""
    names: dict[str, str] = {}

    def shorten(iri: str) -> str:
        name = names.get(iri)
        if name is None:
            name = names[iri] = prefixes.shorten(iri)
        return name

    shorten.names = names
    return shorten


def collect_quads(quads: Iterable[tuple[str, str, str | Lit, str]]) -> Collected:
    """First pass of :func:`build_model`: literals and types by subject, relationships with their
    graphs, every node's uri, and the evidence of reified edges. ``quads`` (internal form, see
    :func:`quad_from_rdflib` / :func:`quad_from_ox`) may be any iterable, read once."""
    types: dict[str, dict[str, set[str]]] = {}
    lits: dict[str, dict[str, dict[Lit, set[str]]]] = {}
    rels: dict[tuple[str, str, str], set[str]] = {}
    node_uris: set[str] = set()
    stmt: dict[str, dict[str, list]] = {}
    STMT_P = {RDF + "subject": "s", RDF + "predicate": "p", RDF + "object": "o", PROV_DERIVED: "ev"}

    # the hot loop (once per quad): dict.get before allocating, bound methods
    node_add = node_uris.add
    rel_types: set[str] = set()
    rel_type_add = rel_types.add
    lits_get, rels_get, stmt_role = lits.get, rels.get, STMT_P.get
    for s, p, o, g in quads:
        node_add(s)
        if isinstance(o, tuple):
            by_p = lits_get(s)
            if by_p is None:
                lits[s] = {p: {o: {g}}}
                continue
            by_o = by_p.get(p)
            if by_o is None:
                by_p[p] = {o: {g}}
                continue
            gs = by_o.get(o)
            if gs is None:
                by_o[o] = {g}
            else:
                gs.add(g)
            continue
        if p == RDF_TYPE and not o.startswith(BNODE_PREFIX):
            types.setdefault(s, {}).setdefault(o, set()).add(g)
        else:
            node_add(o)
            key = (s, p, o)
            gs = rels_get(key)
            if gs is None:
                rels[key] = {g}
                rel_type_add(p)
            else:
                gs.add(g)
            role = stmt_role(p)
            if role is not None:
                stmt.setdefault(s, {}).setdefault(role, []).append(o)

    # evidence of each reified edge: (s, p, o) -> evidence IRIs
    evidence: dict[tuple[str, str, str], set[str]] = {}
    for st in stmt.values():
        if "ev" not in st:
            continue
        for s in st.get("s", ()):
            for p in st.get("p", ()):
                for o in st.get("o", ()):
                    evidence.setdefault((s, p, o), set()).update(st["ev"])
    return Collected(types, lits, rels, node_uris, evidence, rel_types)


def names_used(col: Collected) -> set[str]:
    """Every IRI the property graph of ``col`` names: its classes (labels), the predicates of its
    literals (property keys) and of its relationships (types)."""
    names = set(col.rel_types)
    for by_p in col.lits.values():
        names.update(by_p)
    for t in col.types.values():
        names.update(t)
    return names


def iter_nodes(col: Collected, shorten) -> Iterator[tuple[str, NodeRecord]]:
    """Yield (uri, NodeRecord) of every node (second pass of :func:`build_model`).

    The common cases skip the general encoder: a node whose types all come from the node's own
    graphs writes no ``@label`` entry, and a property with one plain-string value is that
    string (exact unless its graphs differ from the node's). Same records as the general path."""
    types_get, lits_get = col.types.get, col.lits.get
    dumps = json.dumps
    no_labels: frozenset[str] = frozenset()
    for uri in col.node_uris:
        t = types_get(uri)
        lv = lits_get(uri)
        if t is None and lv is None:
            yield uri, NodeRecord(no_labels, {"uri": uri})
            continue
        gs: set[str] = set()
        if t is not None:
            gs.update(*t.values())
            labels = frozenset(map(shorten, t))
        else:
            labels = no_labels
        if lv is not None:
            for pv in lv.values():
                gs.update(*pv.values())
        props: dict[str, Any] = {"uri": uri, "graphs": sorted(gs) if len(gs) > 1 else list(gs)}
        exact: dict[str, Any] | None = None
        if t is not None:
            for v in t.values():
                if v != gs:
                    exact = {"@label": [[shorten(c), sorted(v)] for c, v in sorted(t.items()) if v != gs]}
                    break
        if lv is not None:
            node_graphs = frozenset(gs)
            for p, values in lv.items():
                key = shorten(p)
                if len(values) == 1:
                    ((lit, vg),) = values.items()
                    if not lit[1] and not lit[2]:  # one plain string
                        props[key] = lit[0]
                        if vg != gs:
                            if exact is None:
                                exact = {}
                            exact[key] = [[lit[0], "", sorted(vg)]]
                        continue
                native, entries = _encode_values(values, node_graphs)
                props[key] = native
                if entries is not None:
                    if exact is None:
                        exact = {}
                    exact[key] = entries
        if exact:
            props["_rdf"] = dumps(exact, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        yield uri, NodeRecord(labels, props)


def rel_rows(col: Collected, shorten) -> Iterator[list]:
    """Yield ``[start uri, end uri, graphs, evidence or None, type]`` of every relationship (the
    rows a bulk load writes; :func:`iter_rels` gives them keyed, for :func:`build_model`)."""
    ev_get = col.evidence.get
    names_get = getattr(shorten, "names", {}).get
    for key, gs in col.rels.items():
        s, p, o = key
        t = names_get(p)
        if t is None:
            t = shorten(p)
        ev = ev_get(key)
        yield [s, o, sorted(gs) if len(gs) > 1 else list(gs), sorted(ev) if ev else None, t]


def iter_rels(col: Collected, shorten) -> Iterator[tuple[tuple[str, str, str], dict[str, Any]]]:
    """Yield ((start uri, type, end uri), properties) of every relationship (third pass of
    :func:`build_model`)."""
    for s, o, graphs, ev, t in rel_rows(col, shorten):
        rp: dict[str, Any] = {"graphs": graphs}
        if ev:
            rp["evidence"] = ev
        yield (s, t, o), rp


def decode_model(
    nodes: Mapping[str, NodeRecord],
    rels: Mapping[tuple[str, str, str], Mapping[str, Any]],
    prefixes: PrefixTable,
    unknown: list | None = None,
) -> Iterator[tuple[str, str, str | Lit, str]]:
    """Yield the quads (internal form) a property graph stands for: the inverse of :func:`build_model`.

    A node without ``graphs`` (one n10s made, or one written by hand) states its labels and
    properties in the default graph, like a relationship without ``graphs``. Labels,
    property keys and relationship types that are not shortened names of ``prefixes`` (added by
    hand, or by n10s with another ``handleVocabUris``) are not RDF: each is appended to
    ``unknown`` as ``(kind, name, node uri)`` when a list is given, so a caller can refuse
    instead of dropping data silently. Relationship ``evidence`` is derived data and skipped.

    Raises
    ------
    ValueError
        If a node's ``_rdf`` is not valid JSON, or a property holds a value no literal maps to
        (a point, a duration, a time of day): the message names the node and the key.

    >>> nodes = {"http://ex/a": NodeRecord(frozenset({"ns0__C", "Hand"}), {"uri": "http://ex/a", "ns0__p": 2})}
    >>> unknown = []
    >>> sorted(decode_model(nodes, {}, PrefixTable({"ns0": "http://ex/"}), unknown))
    [('http://ex/a', 'http://ex/p', ('2', 'http://www.w3.org/2001/XMLSchema#integer', ''), ''), ('http://ex/a', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://ex/C', '')]
    >>> unknown
    [('label', 'Hand', 'http://ex/a')]
    """
    expand = prefixes.expand
    skip = unknown.append if unknown is not None else (lambda item: None)
    for uri, rec in nodes.items():
        props = rec.props
        node_graphs = props.get("graphs")
        if node_graphs is None:
            node_graphs = [""]  # not written by collabkg: the default graph
        elif isinstance(node_graphs, str):
            node_graphs = [node_graphs]
        exact = json.loads(props["_rdf"]) if props.get("_rdf") else {}
        label_graphs = {name: gs for name, gs in exact.get("@label", [])}
        for label in rec.labels:
            if label == RESOURCE:
                continue
            try:
                cls = expand(label)
            except KeyError:
                skip(("label", label, uri))
                continue
            for g in label_graphs.get(label, node_graphs):
                yield uri, RDF_TYPE, cls, g
        for key, value in props.items():
            if key in NODE_RESERVED:
                continue
            try:
                pred = expand(key)
            except KeyError:
                skip(("property", key, uri))
                continue
            if key in exact:
                for lex, tag, gs in exact[key]:
                    lit = (lex, "", tag[1:]) if tag.startswith("@") else (lex, tag, "")
                    for g in gs:
                        yield uri, pred, lit, g
            else:
                for v in value if isinstance(value, list) else [value]:
                    try:
                        lit = from_native(v)
                    except TypeError as e:
                        raise ValueError(f"node {uri!r}, property {key!r}: {e}") from None
                    for g in node_graphs:
                        yield uri, pred, lit, g
    for (s, rtype, o), rp in rels.items():
        try:
            pred = expand(rtype)
        except KeyError:
            skip(("relationship type", rtype, s))
            continue
        gs = rp.get("graphs")
        if gs is None:
            gs = [""]
        elif isinstance(gs, str):
            gs = [gs]
        for g in gs:
            yield s, pred, o, g
