"""Where the Neo4j mirror lives: connection settings from the environment and flags.

The settings come from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE`` (the names the Neo4j tools use), each overridable by a keyword (or a CLI flag).
The password is kept out of every ``repr``, message and log line.

>>> cfg = Neo4jConfig.from_env(uri="neo4j+s://example.org:7687", username="alice",
...                            password="s3cret-pw", database="kg", environ={})
>>> cfg
Neo4jConfig(uri='neo4j+s://example.org:7687', username='alice', password='***', database='kg')
>>> "s3cret" in str(cfg)
False
>>> Neo4jConfig.from_env(uri="http://localhost:7474", environ={})
Traceback (most recent call last):
...
collabkg.errors.Neo4jError: NEO4J_URI 'http://localhost:7474' has scheme 'http'; expected one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc (e.g. bolt://127.0.0.1:7687)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlsplit

from collabkg.errors import Neo4jError

__all__ = ["Neo4jConfig", "SCHEMES", "DEFAULT_URI", "DEFAULT_USERNAME"]

#: URI schemes the official driver accepts (``+s``: TLS with full verification; ``+ssc``:
#: TLS accepting self-signed certificates; ``neo4j``: routing; ``bolt``: one server).
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
#: The server ``scripts/neo4j-local start`` runs.
DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USERNAME = "neo4j"


@dataclass(frozen=True)
class Neo4jConfig:
    """Connection settings of one Neo4j database.

    Parameters
    ----------
    uri : str
        ``scheme://host:port`` with a scheme from :data:`SCHEMES`.
    username, password : str
        Basic-auth credentials. The password never appears in ``repr`` or messages.
    database : str or None
        Database name; None means the server's default database (``neo4j``).
    """

    uri: str = DEFAULT_URI
    username: str = DEFAULT_USERNAME
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    def __post_init__(self) -> None:
        try:
            parts = urlsplit(self.uri)
            parts.port  # noqa: B018 -- a bad port ("bolt://h:x") raises here
        except ValueError as e:  # e.g. 'bolt://[::1:7870': "Invalid IPv6 URL"
            raise Neo4jError(f"NEO4J_URI {self.uri!r} is not a valid URI: {e}",
                             hint="e.g. bolt://127.0.0.1:7687 or bolt://[::1]:7687") from None
        scheme = parts.scheme.lower() if "://" in self.uri else ""
        if scheme not in SCHEMES:
            raise Neo4jError(
                f"NEO4J_URI {self.uri!r} has scheme {scheme or '(none)'!r}; expected one of "
                + ", ".join(SCHEMES),
                hint="e.g. bolt://127.0.0.1:7687",
            )

    def __repr__(self) -> str:
        return (
            f"Neo4jConfig(uri={self.uri!r}, username={self.username!r}, "
            f"password={'***' if self.password else None!r}, database={self.database!r})"
        )

    __str__ = __repr__

    @property
    def database_label(self) -> str:
        """The database name for messages (``'(default)'`` when None)."""
        return self.database or "(default)"

    @classmethod
    def from_env(
        cls,
        *,
        uri: str | None = None,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> "Neo4jConfig":
        """Build settings from keywords, falling back to ``NEO4J_*`` environment variables.

        Parameters
        ----------
        uri, username, password, database : str, optional
            Explicit values (e.g. from CLI flags); None falls back to the environment.
        environ : mapping, optional
            The environment to read (default ``os.environ``).

        Raises
        ------
        collabkg.errors.Neo4jError
            If the URI scheme is not one the driver supports.
        """
        env = os.environ if environ is None else environ
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            username=username or env.get("NEO4J_USERNAME") or env.get("NEO4J_USER") or DEFAULT_USERNAME,
            password=password if password is not None else env.get("NEO4J_PASSWORD"),
            database=database or env.get("NEO4J_DATABASE") or None,
        )

    def scrub(self, text: str) -> str:
        """Return ``text`` with the password (if any) replaced by ``***``.

        >>> Neo4jConfig(password="hunter22!").scrub("auth hunter22! failed")
        'auth *** failed'
        """
        if self.password:
            text = text.replace(self.password, "***")
        return text
