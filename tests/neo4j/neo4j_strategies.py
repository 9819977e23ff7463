"""Hypothesis strategies: RDF datasets with the awkward parts the mirror must keep."""

from __future__ import annotations

from hypothesis import strategies as st
from rdflib import XSD, BNode, Dataset, Literal, URIRef

# text without surrogates (not encodable) and NUL (not a valid RDF/XML char, refused by parsers)
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
NASTY = st.sampled_from([
    "x`}) DETACH DELETE n //", "a\\u0060b", "quote \" and ' both", "line\nbreak\r\n", "tab\tend",
    "中文 数据", "emoji 🚀", "`", "\\", "MATCH (n) DETACH DELETE n", "", " padded ",
])
LONG = st.integers(1000, 20000).map(lambda n: ("long ✓ " * (n // 7 + 1))[:n])

NS = st.sampled_from([
    "https://w3id.org/collabkg/ontology#", "http://example.org/vocab#", "http://example.org/other/",
    "http://www.w3.org/2000/01/rdf-schema#", "https://schema.org/", "urn:x-test:",
])
LOCAL = st.one_of(
    st.text(alphabet="abcXYZ_019-", min_size=1, max_size=8),
    st.sampled_from(["x`}) DETACH DELETE n //", "a\\u0060b", "名前", "with space", "q\"uote"]),
)
# local names never contain '#' or '/' (or ':' for urn:) so the IRI splits back the same way
IRI = st.builds(lambda ns, local: URIRef(ns + local), NS, LOCAL)
ENTITY = st.builds(lambda n: URIRef(f"https://w3id.org/collabkg/id/thing/{n}"), st.integers(0, 6))
BNODES = st.builds(lambda n: BNode(f"b{n}"), st.integers(0, 3))
GRAPH = st.sampled_from([
    URIRef("https://w3id.org/collabkg/id/document/a"), URIRef("https://w3id.org/collabkg/id/document/b"),
    URIRef("https://w3id.org/collabkg/id/graph/registry"),
])


def _typed(dt: URIRef, values):
    return values.map(lambda v: Literal(str(v), datatype=dt) if not isinstance(v, str) else Literal(v, datatype=dt))


LITERAL = st.one_of(
    TEXT.map(Literal),
    NASTY.map(Literal),
    LONG.map(Literal),
    st.builds(lambda t, lang: Literal(t, lang=lang), TEXT, st.sampled_from(["en", "zh-Hans", "fr", "de-CH", "zh-Hant-TW"])),
    _typed(XSD.integer, st.integers(-(2**70), 2**70)),
    _typed(XSD.long, st.integers(-(2**63), 2**63 - 1)),
    _typed(XSD.int, st.integers(-(2**31), 2**31 - 1)),
    _typed(XSD.decimal, st.sampled_from(["1.50", "0.1", "-3", "1250000.50", "0"])),
    _typed(XSD.double, st.floats(allow_nan=True, allow_infinity=True).map(repr)),
    _typed(XSD.double, st.sampled_from(["1.0E0", "INF", "-INF", "NaN", "2.5e-3"])),
    _typed(XSD.float, st.sampled_from(["1.5", "3"])),
    _typed(XSD.boolean, st.sampled_from(["true", "false", "1", "0"])),
    _typed(XSD.date, st.sampled_from(["2019-10-21", "0001-01-01", "2020-02-29", "2020-01-01Z", "2020-01-01+08:00"])),
    _typed(XSD.dateTime, st.sampled_from([
        "2019-10-21T10:00:00", "2019-10-21T10:00:00Z", "2019-10-21T10:00:00.5+08:00",
        "2019-10-21T10:00:00.123456789-05:30", "2019-10-21T10:00:00+00:00",
    ])),
    _typed(XSD.gYear, st.sampled_from(["2006", "2011", "-0044"])),
    _typed(XSD.gYearMonth, st.sampled_from(["2019-10"])),
    _typed(XSD.anyURI, st.sampled_from(["https://example.org/x"])),
    _typed(URIRef("http://example.org/dt#custom"), TEXT),
)
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

SUBJECT = st.one_of(ENTITY, BNODES)
TRIPLE = st.one_of(
    st.tuples(SUBJECT, IRI, LITERAL),
    st.tuples(SUBJECT, IRI, st.one_of(ENTITY, BNODES)),
    st.tuples(SUBJECT, st.just(RDF_TYPE), IRI),
    st.tuples(SUBJECT, st.just(RDF_TYPE), BNODES),
)


@st.composite
def datasets(draw, max_quads: int = 25) -> Dataset:
    """A Dataset of up to ``max_quads`` quads over a few named graphs."""
    ds = Dataset()
    for (s, p, o), g in draw(st.lists(st.tuples(TRIPLE, GRAPH), min_size=1, max_size=max_quads)):
        ds.graph(g).add((s, p, o))
    return ds
