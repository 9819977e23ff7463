"""The sub-organization and CAS-cooperation queries on a hand-made miniature whose answers are
worked out by hand: transitive sub-organizations (two levels, two parents, cycles with and without a
top-level body), co-parties / co-partners / co-attendees, the same role required on both sides, and
labels and edges restated in several document graphs (the union default graph is a multiset)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from collabkg.graph import sparql as sq
from collabkg.graph.store import Store

ID = "https://w3id.org/collabkg/id/"

# C = CAS; I under C; L and U under I; D under I and under E1 (two parents); S under E1;
# Y1 <-> Y2 a cycle with an exit Y2 -> E3; Z1 <-> Z2 a cycle with no top-level body.
TRIG = """
PREFIX ckg: <https://w3id.org/collabkg/ontology#>
PREFIX id: <https://w3id.org/collabkg/id/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

id:document\\/g1 {
  id:organization\\/c a org:Organization ; rdfs:label "Chinese Academy of Sciences" .
  id:organization\\/i a org:Organization ; rdfs:label "Institute A" ; org:subOrganizationOf id:organization\\/c .
  id:organization\\/l a org:Organization ; rdfs:label "Lab A1" ; org:subOrganizationOf id:organization\\/i .
  id:organization\\/u a org:Organization ; org:subOrganizationOf id:organization\\/i .
  id:organization\\/e1 a org:Organization ; rdfs:label "External One" .
  id:agreement\\/ag1 a ckg:Agreement ; ckg:kind "agreement" ;
    ckg:party id:organization\\/l, id:organization\\/e1 .
}

id:document\\/g2 {
  id:organization\\/c a org:Organization ; rdfs:label "Chinese Academy of Sciences" .
  id:organization\\/i a org:Organization ; rdfs:label "Institute A" ; org:subOrganizationOf id:organization\\/c .
  id:organization\\/l rdfs:label "Lab A1" .
  id:organization\\/e1 a org:Organization ; rdfs:label "External One" .
  id:organization\\/e2 a org:Organization .
  id:place\\/k a schema:Country ; rdfs:label "Neverland" .
  id:agreement\\/ag1 ckg:kind "agreement" ; ckg:party id:organization\\/l, id:organization\\/e1 .
  id:agreement\\/ag2 ckg:kind "agreement" ; ckg:party id:organization\\/i, id:organization\\/l .
  id:agreement\\/ag3 ckg:kind "agreement" ; ckg:party id:organization\\/i, id:place\\/k .
  id:project\\/pj1 ckg:kind "project" ; ckg:leader id:organization\\/i ; ckg:partner id:organization\\/e2 .
}

id:document\\/g3 {
  id:organization\\/c rdfs:label "Chinese Academy of Sciences" .
  id:organization\\/d a org:Organization ; rdfs:label "Dual Unit" ;
    org:subOrganizationOf id:organization\\/i, id:organization\\/e1 .
  id:organization\\/s a org:Organization ; rdfs:label "External One Sub" ; org:subOrganizationOf id:organization\\/e1 .
  id:organization\\/e3 a org:Organization ; rdfs:label "External Three" .
  id:organization\\/y1 a org:Organization ; rdfs:label "Cycle Y1" ; org:subOrganizationOf id:organization\\/y2 .
  id:organization\\/y2 a org:Organization ; rdfs:label "Cycle Y2" ;
    org:subOrganizationOf id:organization\\/y1, id:organization\\/e3 .
  id:organization\\/z1 a org:Organization ; rdfs:label "Cycle Z1" ; org:subOrganizationOf id:organization\\/z2 .
  id:organization\\/z2 a org:Organization ; rdfs:label "Cycle Z2" ; org:subOrganizationOf id:organization\\/z1 .
  id:event\\/ev1 ckg:kind "event" ; schema:attendee id:organization\\/c, id:organization\\/e1,
    id:organization\\/e3, id:organization\\/s, id:organization\\/d .
  id:cooperation\\/mix1 ckg:party id:organization\\/i ; schema:attendee id:organization\\/e3 .
  id:cooperation\\/mix2 ckg:party id:organization\\/c, id:organization\\/e3 .
  id:project\\/pj2 ckg:kind "project" ; ckg:partner id:organization\\/l, id:organization\\/y1 .
}

id:document\\/g4 {
  id:organization\\/e3 rdfs:label "External Three" .
  id:organization\\/d rdfs:label "Dual Unit" ; org:subOrganizationOf id:organization\\/i .
  id:event\\/ev1 ckg:kind "event" ; schema:attendee id:organization\\/c, id:organization\\/e1 .
}
"""


@pytest.fixture(scope="module")
def store():
    st = Store()
    st.oxigraph.load(TRIG.encode(), format=ox.RdfFormat.TRIG)
    st.rebuild_default_graph()
    return st


def _s(value) -> str | None:
    return None if value is None else str(value)


def _short(iri) -> str:
    return str(iri).removeprefix(ID)


# (top, organization, parent) as labels; None where a body has no label
EXPECTED_TREE = [
    ("Chinese Academy of Sciences", None, "Institute A"),
    ("Chinese Academy of Sciences", "Dual Unit", "Institute A"),
    ("Chinese Academy of Sciences", "Institute A", "Chinese Academy of Sciences"),
    ("Chinese Academy of Sciences", "Lab A1", "Institute A"),
    ("External One", "Dual Unit", "External One"),
    ("External One", "External One Sub", "External One"),
    ("External Three", "Cycle Y1", "Cycle Y2"),
    ("External Three", "Cycle Y2", "Cycle Y1"),
    ("External Three", "Cycle Y2", "External Three"),
]


def test_suborganizations_by_hand(store):
    rows = sq.query(store, "suborganizations").rows()
    got = [(_s(r.get("topLabel")), _s(r.get("organizationLabel")), _s(r.get("parentLabel"))) for r in rows]
    assert sorted(got, key=lambda t: tuple(x or "" for x in t)) == EXPECTED_TREE  # one row each
    # ordered by top label, then organization label (unlabelled first)
    assert [(t, o) for t, o, _ in got] == [(t, o) for t, o, _ in EXPECTED_TREE]
    # IRIs match the labels: the unlabelled body is u, under i; d has both tops
    by_iri = {(_short(r["top"]), _short(r["organization"]), _short(r["parent"])) for r in rows}
    assert ("organization/c", "organization/u", "organization/i") in by_iri
    assert {t for t, o, _ in by_iri if o == "organization/d"} == {"organization/c", "organization/e1"}
    # the cycle with no top-level body is not listed
    assert not {o for _, o, _ in by_iri} & {"organization/z1", "organization/z2"}


def test_suborganizations_of_one_top(store):
    rows = sq.query(store, "suborganizations", bindings={"top": URIRef(ID + "organization/e3")}).rows()
    assert sorted((str(r["organizationLabel"]), str(r["parentLabel"])) for r in rows) == [
        ("Cycle Y1", "Cycle Y2"), ("Cycle Y2", "Cycle Y1"), ("Cycle Y2", "External Three")]


# (organization, CAS body, via, via kind); None where unlabelled / no kind
EXPECTED_COOPERATION = [
    (None, "Institute A", "project/pj1", "project"),
    ("Cycle Y1", "Lab A1", "project/pj2", "project"),
    ("External One", "Chinese Academy of Sciences", "event/ev1", "event"),
    ("External One", "Dual Unit", "event/ev1", "event"),
    ("External One", "Lab A1", "agreement/ag1", "agreement"),
    ("External One Sub", "Chinese Academy of Sciences", "event/ev1", "event"),
    ("External One Sub", "Dual Unit", "event/ev1", "event"),
    ("External Three", "Chinese Academy of Sciences", "cooperation/mix2", None),
    ("External Three", "Chinese Academy of Sciences", "event/ev1", "event"),
    ("External Three", "Dual Unit", "event/ev1", "event"),
]


def test_cas_cooperation_by_hand(store):
    rows = sq.query(store, "cas-cooperation").rows()
    got = [(_s(r.get("organizationLabel")), _s(r.get("casBodyLabel")), _short(r["via"]), _s(r.get("viaKind")))
           for r in rows]
    # exactly these rows, once each, in this order (organization, CAS body, via): not ag2 (both
    # inside CAS), ag3 (a country is not an organization), mix1 (party on one side, attendee on the
    # other); the Dual Unit is inside CAS (through Institute A) although it is also under External One
    assert got == EXPECTED_COOPERATION
    assert {_short(r["organization"]) for r in rows if "organizationLabel" not in r} == {"organization/e2"}
