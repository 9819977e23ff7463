"""The Neo4j mirror: the knowledge graph in a real Neo4j, and back again, losslessly.

- :mod:`~collabkg.graph.neo4j.config`  connection settings (``NEO4J_URI`` ...), password kept secret
- :mod:`~collabkg.graph.neo4j.mapping` RDF <-> property graph (n10s-compatible, lossless)
- :mod:`~collabkg.graph.neo4j.mirror`  sync / export / verify / clear
- :mod:`~collabkg.graph.neo4j.cypher`  Cypher from text or bundled ``.cypher`` files -> dicts / DataFrame
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
    "verify",
    "clear",
    "checksum",
    "SyncReport",
    "VerifyReport",
    "run_cypher",
    "load_query",
    "list_queries",
]
