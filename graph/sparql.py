"""SPARQL over the store: SELECT, ASK, CONSTRUCT and DESCRIBE, with results as rows, pandas or rdflib.

The ontology's prefixes (:data:`collabkg.ontology.prefixes.PREFIXES`) are predeclared, the default
graph is the RDF merge of every named graph (each triple once, however many graphs state it;
``FROM`` / ``FROM NAMED`` and the ``default_graphs`` / ``named_graphs`` arguments replace it as
SPARQL says), relative IRIs resolve against the store's base IRI, and values are bound as
parameters (SEP-0007 substitutions), never formatted into the query text. Federation
(``SERVICE``) is refused unless the endpoint is in ``services``; ``LOAD`` unless ``allow_load``.

>>> from rdflib import URIRef, Literal, Graph
>>> from collabkg.graph.store import Store
>>> store = Store()
>>> g = Graph(); _ = g.add((URIRef("https://w3id.org/collabkg/id/organization/cas"),
...                         URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("CAS")))
>>> store.replace_graph(URIRef("https://w3id.org/collabkg/id/document/d1"), g)
>>> res = query(store, "SELECT ?label WHERE { ?org rdfs:label ?label }")
>>> [str(row["label"]) for row in res.rows()]
['CAS']
>>> query(store, "SELECT ?o ?l WHERE { ?o rdfs:label ?l }", bindings={"l": "CAS"}).rows()[0]["o"]
rdflib.term.URIRef('https://w3id.org/collabkg/id/organization/cas')
>>> print(query(store, "ASK { ?s ?p ?o }").serialize("json").decode())
{"head":{},"boolean":true}
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping
from xml.sax.saxutils import escape as xml_escape, quoteattr

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from collabkg.errors import QueryError
from collabkg.graph import sparql_text
from collabkg.graph.store import Store, from_ox, to_ox
from collabkg.ontology.prefixes import PREFIXES, bind_prefixes
from collabkg.safetext import for_terminal, for_xml

__all__ = [
    "query", "update", "Result", "QuerySyntaxError", "QueryTimeout", "ResultTooLarge",
    "FORMATS", "named_queries", "load_query", "query_kind", "is_update", "QueryWorker", "WorkerDied",
    "Refused", "check_request",
]

#: Output formats: name -> media type.
FORMATS = {
    "table": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
}

#: Default cap on the rows (or triples) of one result; beyond it :class:`ResultTooLarge`.
DEFAULT_MAX_ROWS = 1_000_000

_XSD = "http://www.w3.org/2001/XMLSchema#"


class QuerySyntaxError(QueryError):
    """The query text is not valid SPARQL; ``line`` and ``column`` (1-based) say where."""

    def __init__(self, message: str, line: int | None, column: int | None, text: str = ""):
        self.line, self.column = line, column
        where = f"line {line}, column {column}: " if line else ""
        pointer = ""
        if line and text:
            lines = text.splitlines() or [""]
            if 1 <= line <= len(lines):
                src = lines[line - 1]
                pointer = f"\n  {src}\n  {' ' * max(0, (column or 1) - 1)}^"
        self._args = (message, line, column, text)
        super().__init__(f"SPARQL syntax error at {where}{message}{pointer}\n"
                         f"(fix the query; prefixes {', '.join(PREFIXES)} are predeclared)")

    def __reduce__(self):  # survives the trip back from a worker process
        return (type(self), self._args)


class _Picklable(QueryError):
    def __reduce__(self):
        return (_rebuild, (type(self), self.message, self.hint))


def _rebuild(cls, message, hint):
    return cls(message, hint=hint)


class QueryTimeout(_Picklable):
    """The query ran longer than its timeout and was stopped."""


class ResultTooLarge(_Picklable):
    """The result has more rows than the cap allows."""


class WorkerDied(_Picklable):
    """The query engine crashed while answering (the worker process is gone; a new one is used)."""


class Refused(_Picklable):
    """The request asks for something this service does not do for it (federation, LOAD, a dataset clash)."""


def check_request(text: str, *, services=(), allow_load: bool = False) -> None:
    """Refuse federation to endpoints not in ``services`` and ``LOAD`` unless ``allow_load``.

    Raises :class:`Refused` naming the endpoint and how to allow it.

    >>> check_request("SELECT * { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    collabkg.graph.sparql.Refused: SERVICE <http://10.0.0.1/sparql> is refused: federated queries are off ...
    >>> check_request("SELECT * { SERVICE <http://a/q> { ?s ?p ?o } }", services=["http://a/q"])
    """
    allowed = {str(x) for x in services}
    for target in sparql_text.service_targets(text):
        iri = target[1:-1] if target.startswith("<") and target.endswith(">") else None
        if iri is None or iri not in allowed:
            how = ("allow an endpoint with --allow-service IRI" if not allowed
                   else "allowed endpoints: " + ", ".join(sorted(allowed)))
            raise Refused(f"SERVICE {target or '(nothing)'} is refused: federated queries are "
                          f"{'off' if not allowed else 'limited to an allow-list (as written IRIs)'} on this service",
                          hint=how)
    if not allow_load and sparql_text.has_keyword(text, "LOAD", top_level=True):
        raise Refused("LOAD is refused: this service does not fetch URLs",
                      hint="load files with `collabkg load FILE`, or enable LOAD (allow_load=True / --allow-load)")


# -- query text helpers ------------------------------------------------------------------------
_COMMENT = re.compile(r"#[^\n]*")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", re.I)
_FORM = re.compile(r"\s*(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


def _strip_comments(text: str) -> str:
    # comments outside IRIs and strings; good enough to find the query form
    out = []
    for line in text.splitlines():
        if "#" in line and not re.search(r"[<\"']", line.split("#", 1)[0] + "#"):
            line = line.split("#", 1)[0]
        elif "#" in line:
            line = re.sub(r"\s#[^\"'>]*$", "", line)
        out.append(line)
    return "\n".join(out)


def query_kind(text: str) -> str | None:
    """Return the query form (``select``, ``ask``, ``construct``, ``describe``), ``update``, or None.

    >>> query_kind("PREFIX x: <http://x/> # hi\\nconstruct { ?s ?p ?o } where { ?s ?p ?o }")
    'construct'
    >>> query_kind("INSERT DATA { <a> <b> <c> }")
    'update'
    """
    body = _PROLOGUE.sub("", _strip_comments(text), count=1)
    m = _FORM.match(body)
    if not m:
        return None
    form = m.group(1).lower()
    return form if form in ("select", "ask", "construct", "describe") else "update"


def is_update(text: str) -> bool:
    """True if ``text`` is a SPARQL Update request rather than a query."""
    return query_kind(text) == "update"


_POS = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def _form_position(text: str) -> tuple[int, int]:
    """Line and column (1-based) of the first token after the prologue (PREFIX/BASE, comments)."""
    stripped = _strip_comments(text)
    pos = _PROLOGUE.match(stripped).end()
    while pos < len(stripped) and stripped[pos].isspace():
        pos += 1
    before = stripped[:pos]
    return before.count("\n") + 1, pos - (before.rfind("\n") + 1) + 1


def _syntax_error(e: SyntaxError, text: str) -> QuerySyntaxError:
    if query_kind(text) is None:  # Oxigraph points past an unknown first keyword: point at it
        line, col = _form_position(text)
        return QuerySyntaxError("expected SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines)", line, col, text)
    msg = str(e)
    m = _POS.match(msg)
    if not m:
        return QuerySyntaxError(msg, None, None, text)
    line, col, detail = int(m.group(1)), int(m.group(2)), m.group(3)
    if "Prefix not found" in detail:
        detail = "unknown prefix (declare it with PREFIX p: <...>)"
    elif len(detail) > 160:
        detail = detail[:157] + "..."
    return QuerySyntaxError(detail, line, col, text)


# -- named queries --------------------------------------------------------------------------------
def _queries_dir():
    return resources.files("collabkg.graph") / "queries"


def named_queries() -> dict[str, str]:
    """Return ``{name: first comment line}`` for every bundled ``.rq`` file.

    >>> "agreements" in named_queries()
    True
    """
    out = {}
    for f in sorted(_queries_dir().iterdir(), key=lambda f: f.name):
        if f.name.endswith(".rq"):
            first = ""
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.startswith("#"):
                    first = line.lstrip("# ").strip()
                    break
            out[f.name[:-3]] = first
    return out


def load_query(name_or_path: str | os.PathLike) -> str:
    """Return the text of a bundled query by name (``"agreements"``) or of a ``.rq`` file by path.

    Raises :class:`QueryError` naming the known queries when ``name_or_path`` is neither.

    >>> load_query("agreements").lstrip().startswith("#")
    True
    """
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.exists():
        return p.read_text(encoding="utf-8")
    name = str(name_or_path)
    name = name[:-3] if name.endswith(".rq") else name
    f = _queries_dir() / f"{name}.rq"
    if "/" not in name and f.is_file():
        return f.read_text(encoding="utf-8")
    raise QueryError(f"no query file or named query {str(name_or_path)!r}",
                     hint="named queries: " + ", ".join(named_queries()))


# -- bindings -------------------------------------------------------------------------------------
def _to_term(value: Any):
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, Node):
        return to_ox(value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(_XSD + "boolean"))
    if isinstance(value, (int, float, str)):
        return to_ox(Literal(value))
    raise QueryError(f"cannot bind {value!r}", hint="bind rdflib terms (URIRef, Literal), str, int, float or bool")


def _substitutions(bindings: Mapping[str, Any] | None) -> dict | None:
    if not bindings:
        return None
    out = {}
    for k, v in bindings.items():
        try:
            out[ox.Variable(k.lstrip("?$"))] = _to_term(v)
        except ValueError as e:  # pyoxigraph refuses what is not an IRI ("Invalid IRI code point '>'")
            raise QueryError(f"cannot bind ?{k.lstrip('?$')} to {str(v)!r}: {e}",
                             hint="an IRI has no spaces, braces or angle brackets inside: <https://...>") from None
    return out


# -- results ------------------------------------------------------------------------------------
@dataclass
class Result:
    """A finished query's answer: ``kind`` is ``select``, ``ask`` or ``graph``.

    ``variables`` and ``solutions`` (tuples of pyoxigraph terms, None for unbound) for SELECT;
    ``boolean`` for ASK; ``triples`` (pyoxigraph ``Triple``) for CONSTRUCT and DESCRIBE.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    solutions: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)
    elapsed: float = 0.0

    def __len__(self) -> int:
        return len(self.solutions) if self.kind == "select" else len(self.triples) if self.kind == "graph" else 1

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def rows(self) -> list[dict[str, Node]]:
        """SELECT rows as dicts of rdflib terms (unbound variables are left out).

        For CONSTRUCT/DESCRIBE, one dict per triple with keys ``subject``, ``predicate``, ``object``;
        for ASK, ``[{"boolean": Literal(True|False)}]``.
        """
        if self.kind == "ask":
            return [{"boolean": Literal(bool(self.boolean))}]
        if self.kind == "graph":
            return [{"subject": from_ox(t.subject), "predicate": from_ox(t.predicate), "object": from_ox(t.object)}
                    for t in self.triples]
        return [{v: from_ox(t) for v, t in zip(self.variables, sol) if t is not None} for sol in self.solutions]

    def to_dataframe(self, *, python_values: bool = False):
        """Return a pandas DataFrame (one column per variable; rdflib terms, or Python values).

        >>> Result("select", ["x"], [(ox.Literal("1", datatype=ox.NamedNode(_XSD + "integer")),)]).to_dataframe(python_values=True)["x"].tolist()
        [1]
        """
        import pandas as pd

        rows = self.rows()
        cols = self.variables if self.kind == "select" else list(rows[0]) if rows else []
        if python_values:
            rows = [{k: (v.toPython() if isinstance(v, Literal) else str(v)) for k, v in r.items()} for r in rows]
        return pd.DataFrame(rows, columns=cols)

    def graph(self) -> Graph:
        """CONSTRUCT/DESCRIBE results as an rdflib Graph with the ontology prefixes bound."""
        if self.kind != "graph":
            raise QueryError(f"a {self.kind.upper()} result is not a graph", hint="use rows() or to_dataframe()")
        g = bind_prefixes(Graph())
        for t in self.triples:
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def serialize(self, format: str = "json") -> bytes:
        """Serialise to ``table``, ``csv``, ``tsv``, ``json``, ``xml`` (SELECT/ASK) or ``ttl``, ``nt`` (graphs).

        A graph result asked for as csv/tsv/json/table gives its triples as subject/predicate/object rows.
        """
        fmt = format.lower()
        if fmt not in FORMATS:
            raise QueryError(f"unknown result format {format!r}", hint="use one of: " + ", ".join(FORMATS))
        if self.kind == "graph":
            if fmt in ("ttl", "nt"):
                rdf = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.N_TRIPLES
                return ox.serialize(self.triples, format=rdf, prefixes=PREFIXES if fmt == "ttl" else None)
            if fmt == "xml":
                return ox.serialize(self.triples, format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES)
            as_rows = Result("select", ["subject", "predicate", "object"],
                             [(t.subject, t.predicate, t.object) for t in self.triples])
            return as_rows.serialize(fmt)
        if fmt in ("ttl", "nt"):
            raise QueryError(f"{fmt} is for CONSTRUCT/DESCRIBE results; this is a {self.kind.upper()} result",
                             hint="use table, csv, tsv, json or xml")
        return _SERIALIZERS[fmt](self)


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != _XSD + "string":
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    raise TypeError(repr(t))


def _ser_json(r: Result) -> bytes:
    if r.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(r.boolean)}, separators=(",", ":")).encode()
    out = io.StringIO()
    out.write('{"head":{"vars":' + json.dumps(r.variables) + '},"results":{"bindings":[')
    for i, sol in enumerate(r.solutions):
        if i:
            out.write(",")
        out.write(json.dumps({v: _json_term(t) for v, t in zip(r.variables, sol) if t is not None},
                             separators=(",", ":"), ensure_ascii=False))
    out.write("]}}")
    return out.getvalue().encode("utf-8")


def _xml_term(t) -> str:
    """One bound value in SPARQL XML results; characters XML 1.0 cannot carry become U+FFFD."""
    return for_xml(_xml_term_raw(t))


def _xml_term_raw(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{xml_escape(t.value)}</literal>"
        if t.datatype.value != _XSD + "string":
            return f"<literal datatype={quoteattr(t.datatype.value)}>{xml_escape(t.value)}</literal>"
        return f"<literal>{xml_escape(t.value)}</literal>"
    return f"<literal>{xml_escape(str(t))}</literal>"


def _ser_xml(r: Result) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    if r.kind == "ask":
        out.append(f"</head>\n<boolean>{'true' if r.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out).encode()
    out.extend(f"<variable name={quoteattr(v)}/>" for v in r.variables)
    out.append("</head>\n<results>\n")
    for sol in r.solutions:
        out.append("<result>")
        out.extend(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                   for v, t in zip(r.variables, sol) if t is not None)
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def _csv_value(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return t.value if isinstance(t, (ox.NamedNode, ox.Literal)) else str(t)


def _ser_csv(r: Result) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    if r.kind == "ask":
        w.writerow(["boolean"]); w.writerow(["true" if r.boolean else "false"])  # noqa: E702
    else:
        w.writerow(r.variables)
        for sol in r.solutions:
            w.writerow([_csv_value(t) for t in sol])
    return out.getvalue().encode("utf-8")


#: Turtle's short forms: a literal written bare in TSV must read back with the same datatype.
_TSV_BARE = {
    _XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    _XSD + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    _XSD + "boolean": re.compile(r"true|false"),
}


def _tsv_value(t) -> str:
    r"""One TSV cell: Turtle syntax; a number or boolean bare only where Turtle reads it back the same.

    >>> _tsv_value(ox.Literal("3", datatype=ox.NamedNode(_XSD + "decimal")))
    '"3"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    >>> _tsv_value(ox.Literal("-0.5e3", datatype=ox.NamedNode(_XSD + "double"))), _tsv_value(ox.Literal(7))
    ('-0.5e3', '7')
    """
    if t is None:
        return ""
    if isinstance(t, ox.Literal) and not t.language:
        bare = _TSV_BARE.get(t.datatype.value)
        if bare is not None and bare.fullmatch(t.value):
            return t.value
    return str(t)  # N-Triples syntax: IRIs in <>, literals quoted and escaped


def _ser_tsv(r: Result) -> bytes:
    if r.kind == "ask":
        return b"?boolean\n" + (b"true\n" if r.boolean else b"false\n")
    lines = ["\t".join("?" + v for v in r.variables)]
    lines.extend("\t".join(_tsv_value(t) for t in sol) for sol in r.solutions)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _short(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        for p, ns in PREFIXES.items():
            if t.value.startswith(ns) and len(t.value) > len(ns):
                return f"{p}:{t.value[len(ns):]}"
        return f"<{t.value}>"
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    if isinstance(t, ox.Literal):
        return t.value + (f"@{t.language}" if t.language else "")
    return str(t)


def _ser_table(r: Result, max_width: int = 60) -> bytes:
    if r.kind == "ask":
        return b"true\n" if r.boolean else b"false\n"
    cols = r.variables
    # control and bidi characters from documents are shown as escapes, never obeyed by the terminal
    cells = [[for_terminal(_short(t).replace("\n", " ")) for t in sol] for sol in r.solutions]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "\u2026" for c in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    line = lambda vals: " | ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(cols), "-+-".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return ("\n".join(out) + "\n").encode("utf-8")


_SERIALIZERS = {"json": _ser_json, "xml": _ser_xml, "csv": _ser_csv, "tsv": _ser_tsv, "table": _ser_table}


# -- execution ------------------------------------------------------------------------------------
def _dataset_kwargs(dataset: Mapping | None) -> dict:
    """pyoxigraph query arguments from ``{"base_iri", "default_graphs", "named_graphs"}`` (IRIs as str).

    A protocol dataset replaces the query's own (FROM / FROM NAMED): given only default graphs,
    there are no named graphs, and the other way round (SPARQL 1.1 Protocol 2.1.4).
    """
    if not dataset:
        return {}
    out = {}
    if dataset.get("base_iri"):
        out["base_iri"] = dataset["base_iri"]
    dg, ng = dataset.get("default_graphs"), dataset.get("named_graphs")
    if dg or ng:
        out["default_graph"] = [ox.NamedNode(g) for g in dg or ()]
        out["named_graphs"] = [ox.NamedNode(g) for g in ng or ()]
    return out


def _execute(ox_store: ox.Store, text: str, substitutions, max_rows: int, dataset: Mapping | None = None) -> Result:
    """Run one query in this process and materialise its result (at most ``max_rows``)."""
    t0 = time.perf_counter()
    try:
        res = ox_store.query(text, prefixes=PREFIXES, substitutions=substitutions, **_dataset_kwargs(dataset))
    except SyntaxError as e:
        raise _syntax_error(e, text) from None
    except RuntimeError as e:
        if "projection" in str(e):
            raise QueryError(f"cannot bind a value: {e}",
                             hint="a bound variable must appear in the SELECT clause") from None
        raise QueryError(f"the query failed: {e}") from None
    except OSError as e:
        raise QueryError(f"the store failed while answering: {e}", hint="check the store folder") from e
    if isinstance(res, ox.QueryBoolean):
        return Result("ask", boolean=bool(res), elapsed=time.perf_counter() - t0)
    if isinstance(res, ox.QuerySolutions):
        variables = [v.value for v in res.variables]
        sols = []
        n = len(variables)
        for sol in res:
            if len(sols) >= max_rows:
                raise ResultTooLarge(f"the result has more than {max_rows:,} rows",
                                     hint="add LIMIT (and OFFSET to page) or raise the cap")
            sols.append(tuple(sol[i] for i in range(n)))
        return Result("select", variables, sols, elapsed=time.perf_counter() - t0)
    triples = []
    for t in res:
        if len(triples) >= max_rows:
            raise ResultTooLarge(f"the result has more than {max_rows:,} triples",
                                 hint="add LIMIT to the CONSTRUCT or DESCRIBE fewer resources")
        triples.append(t)
    return Result("graph", triples=triples, elapsed=time.perf_counter() - t0)


def query(
    store: Store,
    sparql: str,
    *,
    bindings: Mapping[str, Any] | None = None,
    timeout: float | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    default_graphs: Iterable[str] | None = None,
    named_graphs: Iterable[str] | None = None,
    base_iri: str | None = None,
    services: Iterable[str] = (),
    guard: bool = False,
) -> Result:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on ``store``.

    Parameters
    ----------
    store : Store
        The store to query.
    sparql : str
        Query text, or the name of a bundled query (``"agreements"``) or a ``.rq`` path.
    bindings : mapping, optional
        ``{"var": value}``: each variable is replaced by the value (a parameter, never text;
        SEP-0007 substitution: a SELECT must project the variable).
    timeout : float, optional
        Seconds; the query then runs in a separate process that is killed at the deadline.
    max_rows : int, optional
        Cap on rows/triples; :class:`ResultTooLarge` beyond it.
    default_graphs, named_graphs : IRIs, optional
        A dataset replacing the query's own (the protocol's ``default-graph-uri`` /
        ``named-graph-uri``); by default the merge of all graphs and every named graph.
    base_iri : str, optional
        Relative IRIs in the query resolve against it (default: :attr:`Store.base_iri`).
    services : IRIs, optional
        Endpoints a ``SERVICE`` may call (none by default: federation is refused).
    guard : bool, optional
        Run in a worker process even without a timeout, so an engine crash becomes
        :class:`WorkerDied` instead of ending this process.

    Returns
    -------
    Result

    Raises
    ------
    QuerySyntaxError
        With ``line`` and ``column``.
    QueryTimeout, ResultTooLarge, WorkerDied, Refused, QueryError

    Examples
    --------
    >>> from collabkg.graph.store import Store
    >>> query(Store(), "SELECT (1 + 1 AS ?two) WHERE {}").rows()[0]["two"].toPython()
    2
    >>> query(Store(), "SELECT ?x WHERE { ?x a ex:Thing }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    collabkg.graph.sparql.QuerySyntaxError: SPARQL syntax error at line 1, column 32: unknown prefix ...
    """
    text = _resolve_text(sparql)
    if is_update(text):
        raise QueryError("this is a SPARQL Update, not a query", hint="use collabkg.graph.sparql.update()")
    check_request(text, services=services)
    subs = _substitutions(bindings)
    dataset = {"base_iri": base_iri or store.base_iri,
               "default_graphs": [str(g) for g in default_graphs] if default_graphs else None,
               "named_graphs": [str(g) for g in named_graphs] if named_graphs else None}
    if timeout is None and not guard:
        return _execute(store.oxigraph, text, subs, max_rows, dataset)
    worker = QueryWorker(store)
    try:
        return worker.run(text, bindings=bindings, timeout=timeout, max_rows=max_rows, dataset=dataset)
    finally:
        worker.close()


def _resolve_text(sparql: str) -> str:
    s = sparql.strip()
    if s and "\n" not in s and " " not in s and (s.endswith(".rq") or re.fullmatch(r"[\w-]+", s)):
        return load_query(s)
    return sparql


def update(store: Store, sparql: str, *, using: Iterable[str] = (), using_named: Iterable[str] = (),
           base_iri: str | None = None, services: Iterable[str] = (), allow_load: bool = False) -> None:
    """Run a SPARQL Update on ``store`` in one transaction (prefixes predeclared).

    The merged default graph is re-derived in the same transaction (see :meth:`Store.update`).
    ``using`` / ``using_named`` are the protocol's ``using-graph-uri`` / ``using-named-graph-uri``
    (a :class:`Refused` if the update names its own with ``USING`` or ``WITH``).

    >>> from collabkg.graph.store import Store
    >>> s = Store(); update(s, "INSERT DATA { GRAPH ckgid:g { ckgid:a rdfs:label 'a' } }"); len(s)
    1
    """
    check_request(sparql, services=services, allow_load=allow_load)
    using, using_named = [str(g) for g in using], [str(g) for g in using_named]
    if using or using_named:
        if sparql_text.has_keyword(sparql, "USING", "WITH", top_level=True):
            raise Refused("the update names its dataset (USING or WITH) and the request gives "
                          "using-graph-uri / using-named-graph-uri too",
                          hint="give the dataset one way, not both (SPARQL 1.1 Protocol 2.2.3)")
        sparql = sparql_text.add_using(sparql, using, using_named)
    try:
        store.update(sparql, base_iri=base_iri, prefixes=PREFIXES)
    except SyntaxError as e:
        raise _syntax_error(e, sparql) from None
    except RuntimeError as e:
        raise QueryError(f"the update failed: {e}; nothing was changed",
                         hint="fix the update (use SILENT where a graph may be missing)") from None
    except OSError as e:
        raise QueryError(f"the update failed: {e}", hint="check the store folder and permissions") from e


# -- worker processes (real timeouts) ---------------------------------------------------------------
_WORKER_STORE: ox.Store | None = None


def _worker_main(conn, path: str | None, inherited) -> None:
    """Serve queries from ``conn`` until it closes: open the store read-only (or use the inherited one)."""
    global _WORKER_STORE
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it kills us
    for attempt in range(20):
        try:
            _WORKER_STORE = inherited if inherited is not None else Store(path, read_only=True).oxigraph
            conn.send(("ready", None))
            break
        except Exception as e:  # noqa: BLE001 - reported to the parent
            # a writer compacting the database meanwhile can remove a file the open was reading:
            # transient, so try again a few times before giving up
            if attempt < 19 and "No such file" in str(e):
                time.sleep(0.05)
                continue
            conn.send(("error", QueryError(f"worker cannot open the store: {e}")))
            return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        text, subs_nt, max_rows, dataset = msg
        try:
            subs = {ox.Variable(k): v for k, v in subs_nt.items()} if subs_nt else None
            conn.send(("ok", _execute(_WORKER_STORE, text, subs, max_rows, dataset)))
        except QueryError as e:
            conn.send(("error", e))
        except Exception as e:  # noqa: BLE001
            conn.send(("error", QueryError(f"query failed: {type(e).__name__}: {e}")))


class _main_hidden:
    """Keep a new worker from re-running the caller's script (a script without a ``__main__`` guard).

    The worker only needs this module; multiprocessing would otherwise import ``__main__`` in the
    child, re-running the user's top-level code.
    """

    def __enter__(self):
        import sys

        self.main = sys.modules.get("__main__")
        self.saved = {k: getattr(self.main, k) for k in ("__file__", "__spec__") if hasattr(self.main, k)}
        for k in self.saved:
            try:
                delattr(self.main, k) if k == "__file__" else setattr(self.main, k, None)
            except (AttributeError, TypeError):
                pass

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            try:
                setattr(self.main, k, v)
            except (AttributeError, TypeError):
                pass



def _forkserver_ctx():
    ctx = multiprocessing.get_context("forkserver")
    try:
        ctx.set_forkserver_preload(["collabkg.graph.sparql"])
    except Exception:  # noqa: BLE001 - preload is an optimisation only
        pass
    return ctx


class QueryWorker:
    """A child process answering queries on a store, killed and replaced if a query overruns.

    On-disk stores are opened read-only in a fresh process (forkserver); an in-memory store is
    inherited by ``fork``. Pyoxigraph cannot interrupt a running query, so a process boundary is
    the only way to stop one for sure.

    >>> from collabkg.graph.store import Store
    >>> w = QueryWorker(Store())
    >>> w.run("ASK {}", timeout=10).boolean
    True
    >>> w.close()
    """

    def __init__(self, store: Store | str | os.PathLike, *, start_timeout: float = 60.0):
        if isinstance(store, Store) and store.path is None:
            ctx, path, inherited = multiprocessing.get_context("fork"), None, store.oxigraph
        else:
            path = str(store.path if isinstance(store, Store) else store)
            if isinstance(store, Store) and not store.read_only:
                store.flush()
            ctx, inherited = _forkserver_ctx(), None
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, path, inherited), daemon=True)
        with _main_hidden():
            self.process.start()
        child.close()
        if not self._conn.poll(start_timeout):
            self.kill()
            raise QueryError("the query worker did not start", hint="check the store folder")
        status, err = self._conn.recv()
        if status != "ready":
            self.kill()
            raise err
        self.busy = False

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def run(self, text: str, *, bindings: Mapping[str, Any] | None = None, timeout: float | None = None,
            max_rows: int = DEFAULT_MAX_ROWS, dataset: Mapping | None = None) -> Result:
        """Run a query in the worker; kill the worker and raise :class:`QueryTimeout` at ``timeout``.

        ``dataset``: ``{"base_iri", "default_graphs", "named_graphs"}`` (IRIs as strings), as for
        :func:`query`. Ctrl-C (KeyboardInterrupt) while waiting kills the worker and propagates.
        """
        subs = {k.lstrip("?$"): _to_term(v) for k, v in (bindings or {}).items()}
        t0 = time.perf_counter()
        self.busy = True
        try:
            self._conn.send((text, subs, max_rows, dict(dataset or {})))
            if not self._conn.poll(timeout):
                self.kill()
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped",
                                   hint="make it more selective, add LIMIT, or raise the timeout")
            status, payload = self._conn.recv()
        except KeyboardInterrupt:
            self.kill()
            raise
        except (EOFError, OSError, BrokenPipeError) as e:
            self.process.join(2)
            code = self.process.exitcode
            self.kill()
            import signal

            how = (f"signal {signal.Signals(-code).name}" if code is not None and code < 0
                   and -code in signal.Signals._value2member_map_ else f"exit code {code}")
            raise WorkerDied(f"the query engine crashed on this query ({how}); nothing else was affected",
                             hint="Oxigraph aborts on some ORDER BY over mixed datatypes (order by STR(?x) "
                                  "instead) and on very deeply nested queries (flatten the nesting)") from e
        finally:
            self.busy = False
        if status == "error":
            raise payload
        payload.elapsed = time.perf_counter() - t0
        return payload

    def kill(self) -> None:
        """Stop the worker at once (SIGKILL)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self._conn.close()

    def close(self) -> None:
        """Stop the worker."""
        self.kill()
