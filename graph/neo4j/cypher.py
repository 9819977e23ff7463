"""Run Cypher on the mirror: from text or from the bundled ``.cypher`` files, by name.

Each bundled query (``graph/queries/NAME.cypher``) starts with a comment header::

    // Title line: what the question is.
    // More description ...
    // @param cas "CAS"  the academy: IRI, label or acronym

``@param NAME DEFAULT  description`` declares a parameter and its default (JSON; ``null`` for
none). Values are always passed as parameters, never formatted into the text.

>>> "organizations_with_cas_agreements" in list_queries()
True
>>> q = load_query("organizations_with_cas_agreements")
>>> q.params["cas"]
'CAS'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from collabkg.errors import QueryError
from collabkg.graph.neo4j.config import Neo4jConfig

__all__ = ["CypherQuery", "list_queries", "load_query", "parse_query", "run_cypher", "to_plain"]

_PARAM_RE = re.compile(r"//\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$")
_NAME_RE = re.compile(r"[A-Za-z0-9_\-]+")


@dataclass
class CypherQuery:
    """A Cypher query with its description and default parameters."""

    text: str
    name: str | None = None
    title: str = ""
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)


def _decode_default(raw: str) -> tuple[Any, str]:
    dec = json.JSONDecoder()
    raw = raw.strip()
    try:
        value, end = dec.raw_decode(raw)
    except json.JSONDecodeError:
        word, _, rest = raw.partition(" ")
        return word, rest.strip()
    return value, raw[end:].strip()


def parse_query(text: str, name: str | None = None) -> CypherQuery:
    """Parse a query's comment header (title, description, ``@param`` defaults).

    >>> q = parse_query('// Who is who.\\n// @param n 3  how many\\nMATCH (x) RETURN x LIMIT $n')
    >>> q.title, q.params
    ('Who is who.', {'n': 3})
    """
    title, desc, params = "", [], {}
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if not s.startswith("//"):
            break
        m = _PARAM_RE.match(s)
        if m:
            params[m[1]], _ = _decode_default(m[2])
            continue
        body = s[2:].strip()
        if not title:
            title = body
        else:
            desc.append(body)
    return CypherQuery(text=text, name=name, title=title, description=" ".join(desc).strip(), params=params)


def _queries_dir():
    return resources.files("collabkg.graph") / "queries"


def list_queries() -> dict[str, str]:
    """Return the bundled queries: name -> title."""
    out = {}
    for entry in sorted(_queries_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            out[entry.name[: -len(".cypher")]] = parse_query(entry.read_text(encoding="utf-8")).title
    return out


def load_query(name_or_path: str | Path) -> CypherQuery:
    """Load a bundled query by name (``"posts"``) or a ``.cypher`` file by path.

    Raises
    ------
    collabkg.errors.QueryError
        If there is no such query or file.
    """
    p = Path(name_or_path)
    if p.suffix == ".cypher" and p.exists():
        return parse_query(p.read_text(encoding="utf-8"), name=p.stem)
    name = str(name_or_path)
    if _NAME_RE.fullmatch(name):
        entry = _queries_dir() / f"{name}.cypher"
        if entry.is_file():
            return parse_query(entry.read_text(encoding="utf-8"), name=name)
    raise QueryError(
        f"no Cypher query named {name!r}",
        hint="bundled queries: " + ", ".join(list_queries()) + "; or pass a path to a .cypher file",
    )


def to_plain(value: Any) -> Any:
    """Turn driver values (nodes, relationships, paths, temporal values) into plain Python/JSON values."""
    from neo4j.graph import Node, Path as GPath, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, "start": value.start_node.get("uri"), "end": value.end_node.get("uri"),
                **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, GPath):
        return {"nodes": [to_plain(n) for n in value.nodes], "relationships": [to_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_cypher(
    query: str | CypherQuery,
    params: Mapping[str, Any] | None = None,
    config: Neo4jConfig | None = None,
    *,
    driver=None,
    as_dataframe: bool = False,
    write: bool = False,
):
    """Run a Cypher query on the mirror; return its rows as dicts (or a pandas DataFrame).

    Parameters
    ----------
    query : str or CypherQuery
        Cypher text, the name of a bundled query, or a path to a ``.cypher`` file.
    params : mapping, optional
        Query parameters; they override the query's ``@param`` defaults.
    config : Neo4jConfig, optional
        Default: from the environment. Ignored when ``driver`` is given.
    driver : neo4j.Driver, optional
        An open driver from :func:`~collabkg.graph.neo4j.mirror.connect`.
    as_dataframe : bool
        Return a ``pandas.DataFrame`` instead of a list of dicts.
    write : bool
        Run in a write transaction (default: read).

    Returns
    -------
    list of dict or pandas.DataFrame
        Values made plain by :func:`to_plain` (nodes as dicts, temporal values as ISO strings).

    Raises
    ------
    collabkg.errors.QueryError
        Syntax error, missing parameter, unknown query name.
    collabkg.errors.Neo4jError
        Server unreachable, credentials refused, database missing.
    """
    from collabkg.graph.neo4j.mirror import _driver, _translate

    if isinstance(query, str):
        stripped = query.strip()
        if _NAME_RE.fullmatch(stripped) or stripped.endswith(".cypher"):
            query = load_query(stripped)
        else:
            query = parse_query(query)
    all_params = {**query.params, **(params or {})}
    with _driver(config, driver) as (drv, cfg), _translate(cfg, f"running {query.name or 'a query'}"):
        with drv.session(database=cfg.database, default_access_mode="WRITE" if write else "READ") as session:
            res = session.run(query.text, all_params)
            keys = list(res.keys())
            rows = [{k: to_plain(r[k]) for k in keys} for r in res]
    if as_dataframe:
        import pandas as pd

        return pd.DataFrame(rows, columns=keys)
    return rows
