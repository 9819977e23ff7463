"""The exceptions collabkg raises: one base class, a few named kinds.

Every message names the file, line or value at fault and says what to do next.

>>> try:
...     raise DocumentError("notes.txt", "the file is empty", hint="add text or remove the file")
... except CollabKGError as e:
...     print(e)
notes.txt: the file is empty (add text or remove the file)
"""

from __future__ import annotations

__all__ = [
    "CollabKGError",
    "DocumentError",
    "RegistryError",
    "StoreError",
    "QueryError",
    "ValidationError",
    "Neo4jError",
    "EntityNotFound",
    "NoPath",
    "BuildWarning",
]


class CollabKGError(Exception):
    """Base class of every error collabkg raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None):
        self.message = message
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)


class DocumentError(CollabKGError):
    """A document cannot be read: empty, binary, undecodable, too large, unsupported."""

    def __init__(self, path: object, problem: str, *, hint: str | None = None):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}", hint=hint)


class RegistryError(CollabKGError):
    """The registry of known bodies is malformed (the message names the file and entry)."""


class StoreError(CollabKGError):
    """The on-disk store cannot be opened, read or written."""


class QueryError(CollabKGError):
    """A SPARQL or Cypher query is malformed, unknown, or timed out."""


class ValidationError(CollabKGError):
    """The graph does not conform to the SHACL shapes."""


class Neo4jError(CollabKGError):
    """The Neo4j server is unreachable, refuses the credentials, or lacks the database."""


class EntityNotFound(CollabKGError):
    """No entity matches a name; ``suggestions`` lists close spellings."""

    def __init__(self, name: str, suggestions: list[str] | None = None, *, ambiguous: bool = False):
        self.name = name
        self.suggestions = list(suggestions or [])
        self.ambiguous = ambiguous
        what = "several entities have this name" if ambiguous else "no such entity"
        hint = ("did you mean: " + "; ".join(self.suggestions)) if self.suggestions else None
        super().__init__(f"{name}: {what}", hint=hint)


class NoPath(CollabKGError):
    """Two entities are not connected within the given bounds."""


class BuildWarning(UserWarning):
    """A build stored what it could, but some inputs were not read (or facts left out): see
    ``BuildReport.problems``. The CLI prints the problems itself and silences this warning."""
