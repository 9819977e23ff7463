"""The Neo4j mirror: the knowledge graph in a real Neo4j, and back again, losslessly.

- :mod:`~collabkg.graph.neo4j.config`  connection settings (``NEO4J_URI`` ...), password kept secret
- :mod:`~collabkg.graph.neo4j.mapping` RDF <-> property graph (n10s-compatible, lossless)
- :mod:`~collabkg.graph.neo4j.mirror`  sync / export / verify / clear
- :mod:`~collabkg.graph.neo4j.offline` the first sync into the local server by ``neo4j-admin`` import
- :mod:`~collabkg.graph.neo4j.cypher`  Cypher from text or bundled ``.cypher`` files -> dicts / DataFrame

What the mirror looks like in Cypher (the mapping is documented in
:mod:`~collabkg.graph.neo4j.mapping`)::

    // entities: labels from rdf:type, properties prefix__local, one unique uri
    MATCH (o:org__Organization {ckg__acronym: 'CNIC'}) RETURN o.uri, o.rdfs__label
    // n-ary facts are nodes: an agreement and its parties
    MATCH (a:ckg__Agreement)-[:ckg__party]->(p) RETURN a.rdfs__label, collect(p.rdfs__label)
    // which documents assert a relationship, and the quoted evidence behind it
    MATCH (a:ckg__Agreement)-[r:ckg__party]->(p)
    UNWIND r.evidence AS e MATCH (ev:Resource {uri: e})-[:prov__wasQuotedFrom]->(doc)
    RETURN a.rdfs__label, p.rdfs__label, r.graphs, ev.prov__value AS quote, doc.dct__title
    // evidence of an n-ary node (a post, an event, a delegation ...)
    MATCH (post:org__Post)-[:prov__wasDerivedFrom]->(ev)-[:prov__wasQuotedFrom]->(doc)
    RETURN post.uri, ev.prov__value, doc.uri

Typical use::

    from collabkg.graph.store import Store
    from collabkg.graph.neo4j import Neo4jConfig, sync, verify, run_cypher
    cfg = Neo4jConfig.from_env()            # NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE
    report = sync(Store(".collabkg/store"), cfg)
    assert verify(Store(".collabkg/store", read_only=True), cfg).ok
    df = run_cypher("roundtables_by_year", {"year": 2009}, cfg, as_dataframe=True)
"""

from collabkg.graph.neo4j.config import Neo4jConfig
from collabkg.graph.neo4j.cypher import list_queries, load_query, run_cypher
from collabkg.graph.neo4j.mapping import PrefixTable, build_model, decode_model, quote_identifier
from collabkg.graph.neo4j.mirror import (
    SyncReport,
    VerifyReport,
    checksum,
    clear,
    connect,
    export,
    export_rdf,
    sync,
    verify,
)

__all__ = [
    "Neo4jConfig",
    "PrefixTable",
    "build_model",
    "decode_model",
    "quote_identifier",
    "connect",
    "sync",
    "export",
    "export_rdf",
    "verify",
    "clear",
    "checksum",
    "SyncReport",
    "VerifyReport",
    "run_cypher",
    "load_query",
    "list_queries",
]
