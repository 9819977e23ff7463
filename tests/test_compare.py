"""Comparing datasets as RDF (``collabkg.graph.compare``): exact, lexical-only, up to blank-node renaming."""

from __future__ import annotations

import doctest

import pyoxigraph as ox

from collabkg.graph import compare
from collabkg.graph.compare import compare_quads

XSD = "http://www.w3.org/2001/XMLSchema#"


def q(text: str) -> list:
    return list(ox.parse(text.encode(), format=ox.RdfFormat.TRIG))


def test_doctests():
    result = doctest.testmod(compare)
    assert result.attempted > 0 and result.failed == 0


def test_store_canonical_forms_are_lexical_only():
    src = q(f'<http://e/a> <http://e/p> "01"^^<{XSD}byte>, "1.0"^^<{XSD}decimal>, "1"^^<{XSD}double>, "x" .')
    store = ox.Store()
    store.extend(src)
    d = compare_quads(src, store)
    assert d.value_equal and not d.equal and not d.relabelled
    assert sorted((str(a.object), str(b.object)) for a, b in d.lexical) == [
        (f'"01"^^<{XSD}byte>', f'"1"^^<{XSD}integer>'),
        (f'"1.0"^^<{XSD}decimal>', f'"1"^^<{XSD}decimal>'),
    ]


def test_blank_nodes_and_blank_graph_names_up_to_renaming():
    a = q('_:g { _:x <http://e/p> _:y . _:y <http://e/p> "1" } _:x <http://e/q> "d" .')
    b = q('_:h { _:u <http://e/p> _:v . _:v <http://e/p> "1" } _:u <http://e/q> "d" .')
    d = compare_quads(a, b)
    assert d.equal and d.relabelled
    # the same shape, but the default-graph statement on the other blank node: a real difference
    c = q('_:h { _:u <http://e/p> _:v . _:v <http://e/p> "1" } _:v <http://e/q> "d" .')
    d = compare_quads(a, c)
    assert not d.value_equal and len(d.missing) == len(d.extra) == 1


def test_lexical_difference_on_a_renamed_blank_node_is_not_hidden():
    a = q(f'_:x <http://e/p> "1.0"^^<{XSD}decimal> .')
    b = q(f'_:y <http://e/p> "1"^^<{XSD}decimal> .')
    d = compare_quads(a, b)
    assert d.value_equal and d.relabelled and not d.equal and len(d.lexical) == 1


def test_different_values_are_real_differences():
    d = compare_quads(q(f'<http://e/a> <http://e/p> "1"^^<{XSD}integer> .'),
                      q(f'<http://e/a> <http://e/p> "1"^^<{XSD}double> .'))
    assert not d.value_equal and not d.lexical


def test_literals_of_one_value_collapsing_into_one_quad_are_lexical_only():
    src = q(f'<http://e/a> <http://e/p> "1"^^<{XSD}decimal>, "1.0"^^<{XSD}decimal>, "1."^^<{XSD}decimal>, "2"^^<{XSD}decimal> .')
    store = ox.Store()
    store.extend(src)
    d = compare_quads(src, store)
    assert len(list(store)) == 2 and d.value_equal and not d.equal
    assert sorted(str(a.object) for a, _ in d.lexical) == [f'"1."^^<{XSD}decimal>', f'"1.0"^^<{XSD}decimal>']
    assert compare_quads(store, src).value_equal  # and the other way round
