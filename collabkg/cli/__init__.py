"""The ``collabkg`` command: a thin layer over the library.

Each command parses its options, calls one library function, and turns a
:class:`~collabkg.errors.CollabKGError` into one clean line on stderr and a non-zero exit code
(the traceback only with ``--debug``). Commands live in one module per concern:

- :mod:`collabkg.cli.build`   build, validate, export (documents -> RDF store)
- :mod:`collabkg.cli.sparql`  sparql, serve (the store over SPARQL)
- :mod:`collabkg.cli.neo4j`   neo4j sync|export|verify|clear, cypher (the Neo4j mirror)
- :mod:`collabkg.cli.analysis` stats, trace, view (networkx analysis and pyvis views)
"""

from __future__ import annotations

import importlib

from collabkg.cli.common import cli

__all__ = ["cli", "main"]

COMMAND_MODULES = ["build", "sparql", "neo4j", "analysis", "evaluate"]

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"collabkg.cli.{_name}")
    except ModuleNotFoundError as _e:  # a concern not built yet
        if _e.name != f"collabkg.cli.{_name}":
            raise


def main() -> None:
    """Entry point of the ``collabkg`` console script."""
    cli(prog_name="collabkg")
