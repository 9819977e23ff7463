"""benchmarks/generate.py: deterministic, exact size, and following the data contract."""

from __future__ import annotations

import pyoxigraph as ox

from collabkg.graph import sparql as sq
from collabkg.graph.store import Store


def test_deterministic_and_exact(generate_mod):
    a = list(generate_mod.generate(3000, seed=7))
    assert len(a) == 3000 and a == list(generate_mod.generate(3000, seed=7))
    assert a != list(generate_mod.generate(3000, seed=8))
    assert len(set(a)) == 3000  # no duplicate quads


def test_written_file_loads_and_answers_the_analyst_queries(generate_mod, tmp_path):
    nq = tmp_path / "g.nq"
    assert generate_mod.write(nq, 20_000, seed=1) == 20_000
    store = Store(tmp_path / "s")
    assert store.bulk_load(nq) == 20_000 and len(store) == 20_000
    for name in sq.named_queries():
        if name in ("describe-entity",):
            continue
        assert len(sq.query(store, name)) > 0, name
    # the model: posts are n-ary nodes, delegations have counts, statements are reified with evidence
    assert sq.query(store, "ASK { ?p a org:Post ; org:heldBy ?x ; org:postIn ?o }").boolean
    assert sq.query(store, "ASK { ?e ckg:delegation ?d . ?d ckg:attendeeCount ?n ; ckg:country ?c }").boolean
    assert sq.query(store, "ASK { ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
                           "prov:wasDerivedFrom ?ev . ?ev prov:value ?q ; prov:wasQuotedFrom ?doc . "
                           "GRAPH ?doc { ?s ?p ?o } }").boolean
    assert sq.query(store, "ASK { ?o org:subOrganizationOf+ ?cas . ?cas ckg:acronym 'CAS' }").boolean
    store.close()


def test_nt_output(generate_mod, tmp_path):
    p = tmp_path / "g.nt.gz"
    generate_mod.main(["--triples", "500", "--out", str(p)])
    import gzip

    with gzip.open(p, "rb") as f:
        assert len(list(ox.parse(f, format=ox.RdfFormat.N_TRIPLES))) == 500
