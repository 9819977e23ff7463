"""Bad input gets a one-line message naming the value and what to do, never a traceback."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from collabkg.cli import cli
from collabkg.errors import Neo4jError, QueryError
from collabkg.graph import sparql as sq
from collabkg.graph.neo4j import Neo4jConfig


def test_sparql_param_that_is_not_an_iri(sample_build):
    """Before: ValueError: Invalid IRI code point '>' and a traceback."""
    r = CliRunner().invoke(cli, ["sparql", "agreements", "-p", "party=<x:a> } ; DROP ALL ; #>", "--store", str(sample_build[1])])
    assert r.exit_code == 1
    assert r.output == ("error: --param party: 'x:a> } ; DROP ALL ; #' is not a valid IRI: Invalid IRI code point '>' "
                        "(an IRI has no spaces, braces or angle brackets inside: <https://...>)\n")


def test_library_binding_that_is_not_an_iri(sample_store):
    with pytest.raises(QueryError, match=r"cannot bind \?party to 'x:a> }': Invalid IRI code point '>'"):
        sq.query(sample_store, "agreements", bindings={"party": URIRef("x:a> }")})


@pytest.mark.parametrize("uri", ["bolt://[::1:7870", "bolt://127.0.0.1:port"])
def test_neo4j_uri_that_is_not_a_uri(uri):
    """Before: ValueError: Invalid IPv6 URL and a traceback."""
    with pytest.raises(Neo4jError, match=re.escape(f"NEO4J_URI '{uri}' is not a valid URI")):
        Neo4jConfig.from_env(uri=uri, environ={})
    r = CliRunner().invoke(cli, ["cypher", "RETURN 1"], env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "x"})
    assert r.exit_code == 1 and r.output.startswith(f"error: NEO4J_URI '{uri}' is not a valid URI") and r.output.count("\n") == 1


def test_cypher_connection_error_says_how_to_start_and_nothing_about_syncs():
    r = CliRunner().invoke(cli, ["cypher", "RETURN 1"], env={"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"})
    assert r.exit_code == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in r.output
    assert 'eval "$(scripts/neo4j-local env --with-password)"' in r.output
    assert "sync" not in r.output


def test_missing_password_hint_sets_the_password():
    """Following the old hint (`eval "$(scripts/neo4j-local env)"`) left NEO4J_PASSWORD unset."""
    r = CliRunner().invoke(cli, ["cypher", "RETURN 1"], env={"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": None})
    assert r.exit_code == 1 and 'eval "$(scripts/neo4j-local env --with-password)"' in r.output
