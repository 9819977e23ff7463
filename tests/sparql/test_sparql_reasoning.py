"""--infer rdfs|owlrl: inferences go to the inferred named graph only, and are the right ones."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from collabkg.errors import StoreError
from collabkg.graph import reasoning
from collabkg.graph import sparql as sq
from collabkg.graph.store import Store
from collabkg.ontology.iris import INFERRED_GRAPH

DATA = __import__("pathlib").Path(__file__).parent / "data"
ID = "https://w3id.org/collabkg/id/"
INF = "GRAPH ckgid:graph\\/inferred"


@pytest.fixture()
def store():
    s = Store()
    s.bulk_load(DATA / "sample.trig")
    return s


def asserted(store):
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store.named_quads()}


def test_rdfs_class_hierarchy_into_the_inferred_graph_only(store):
    before = asserted(store)
    n = reasoning.materialize(store, "rdfs")
    assert n > 0
    after = asserted(store)
    new = after - before
    assert len(new) == n and {str(q[3].value) for q in new} == {str(INFERRED_GRAPH)}
    assert before <= after  # nothing asserted was touched
    # class hierarchy: ckg:ResearchInstitute -> org:FormalOrganization -> foaf:Agent; ResearchCenter -> unit
    assert sq.query(store, f"ASK {{ {INF} {{ ckgid:organization\\/beijing-institute-of-genomics a org:FormalOrganization }} }}").boolean
    assert sq.query(store, f"ASK {{ {INF} {{ ckgid:organization\\/big-data-center a org:OrganizationalUnit }} }}").boolean
    assert sq.query(store, f"ASK {{ {INF} {{ ckgid:person\\/bao-yiming a foaf:Agent }} }}").boolean
    # domains/ranges: ckg:delegation's range is ckg:Delegation (already asserted: not repeated)
    assert not sq.query(store, f"ASK {{ {INF} {{ ?d a ckg:Delegation }} }}").boolean
    # sub-properties: ckg:acronym is a sub-property of skos:altLabel
    assert sq.query(store, f"ASK {{ {INF} {{ ?o skos:altLabel 'NCAR' }} }}").boolean


def test_owlrl_sub_organization_transitivity(store):
    reasoning.materialize(store, "owlrl")
    rows = sq.query(store, "SELECT ?top WHERE { ckgid:organization\\/asia-africa-division "
                           "org:transitiveSubOrganizationOf ?top }").rows()
    tops = {str(r["top"]) for r in rows}
    assert {ID + "organization/bureau-of-international-cooperation", ID + "organization/chinese-academy-of-sciences"} <= tops
    inv = sq.query(store, f"ASK {{ {INF} {{ ckgid:organization\\/chinese-academy-of-sciences org:hasSubOrganization "
                          "ckgid:organization\\/bureau-of-international-cooperation } }")
    assert inv.boolean
    # no noise: no reflexive sameAs, no owl:Thing types
    assert not sq.query(store, f"ASK {{ {INF} {{ ?x owl:sameAs ?x }} }}").boolean
    assert not sq.query(store, f"ASK {{ {INF} {{ ?x a owl:Thing }} }}").boolean


def test_rerun_replaces_and_clear_removes(store):
    n1 = reasoning.materialize(store, "rdfs")
    n2 = reasoning.materialize(store, "rdfs")
    assert n1 == n2 == len(store.graph(INFERRED_GRAPH))
    reasoning.clear(store)
    assert len(store.graph(INFERRED_GRAPH)) == 0


def test_unknown_profile_and_owlrl_size_guard(store, monkeypatch):
    with pytest.raises(StoreError, match="unknown reasoning profile"):
        reasoning.materialize(store, "owl-full")
    monkeypatch.setattr(reasoning, "OWLRL_MAX_TRIPLES", 10)
    with pytest.raises(StoreError, match="--infer rdfs"):
        reasoning.materialize(store, "owlrl")


def test_rdfs_on_a_generated_graph_scales(generate_mod):
    s = Store()
    from collabkg.graph.store import to_ox
    import pyoxigraph as ox

    s.oxigraph.bulk_extend(ox.Quad(to_ox(a), to_ox(b), to_ox(c), to_ox(g)) for a, b, c, g in generate_mod.generate(30_000))
    n = reasoning.materialize(s, "rdfs")
    assert n > 1000
    # every organization now has the generic class through the ontology's hierarchy
    assert sq.query(s, f"ASK {{ {INF} {{ ckgid:organization\\/chinese-academy-of-sciences a foaf:Agent }} }}").boolean
