"""SPARQL Update rewritten so the merged default graph follows it incrementally.

The store's default graph is the merge of its named graphs (see :mod:`collabkg.graph.store`), and
an update sees the stored default graph :data:`~collabkg.graph.store.DEFAULT_DATA_GRAPH` as its
default graph. Re-deriving the whole merge after each update costs time in proportion to the
store; :func:`rewrite` instead turns the update into one that, in the same request (one Oxigraph
transaction, so all or nothing):

1. reads and writes the stored default graph where the update says "default graph"
   (``WITH <ddg>`` on ``DELETE`` / ``INSERT`` operations, ``GRAPH <ddg>`` around the bare
   triples of ``INSERT DATA`` / ``DELETE DATA``, ``GRAPH <ddg>`` for ``DEFAULT`` in ``CLEAR``,
   ``DROP``, ``ADD``, ``MOVE``, ``COPY``);
2. records every triple an operation may insert or delete (the instantiated templates, the
   data, the contents of the graphs it clears, drops, copies or moves) in a scratch named graph;
3. right after that operation (so the next one never sees the scratch graph), adds to the merge
   the recorded triples some named graph holds, removes from it those no named graph holds any
   more, and drops the scratch graph.

The work is in proportion to what the update touches, not to the store. Where the text cannot be
rewritten safely :func:`rewrite` returns None and the caller re-derives the merge as a whole:
``LOAD``; ``CLEAR`` / ``DROP NAMED``; anonymous blank nodes or collections (``[]``, ``( )``) in
inserted data or templates (their copy in the scratch graph would be another node); ``\\u``
escapes outside strings.

>>> print(rewrite("INSERT DATA { <a> <b> 1 . GRAPH <g> { <c> <d> 2 } }", "<D>", "<T>"))
INSERT DATA { GRAPH <D> { <a> <b> 1 } GRAPH <g> { <c> <d> 2 } GRAPH <T> { <a> <b> 1 . <c> <d> 2 } } ;
DELETE { ?s ?p ?o } WHERE { GRAPH <T> { ?s ?p ?o } FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } FILTER (?g != <T>) } } ;
INSERT { ?s ?p ?o } WHERE { GRAPH <T> { ?s ?p ?o } FILTER EXISTS { GRAPH ?g { ?s ?p ?o } FILTER (?g != <T>) } } ;
DROP SILENT GRAPH <T>
>>> rewrite("LOAD <http://example.org/data.ttl>", "<D>", "<T>") is None
True
"""

from __future__ import annotations

from collabkg.graph.sparql_text import _tokens

__all__ = ["rewrite", "settle", "record"]


class _Unsafe(Exception):
    """The update cannot be rewritten: the caller re-derives the whole merge instead."""


def _blank_comments(text: str) -> str:
    """The text with every comment replaced by spaces (same length, so offsets hold)."""
    out = list(text)
    for kind, _, start, end, _ in _tokens(text):
        if kind == "comment":
            out[start:end] = " " * (end - start)
    return "".join(out)


def _join(parts) -> str:
    """Triples blocks joined with ' . ' (each one's trailing dots and spaces removed; empty ones left out)."""
    out = []
    for p in parts:
        p = p.strip()
        while p.endswith("."):
            p = p[:-1].rstrip()
        if p:
            out.append(p)
    return " . ".join(out)


class _Op:
    """One operation of the request: its significant tokens and the (comment-free) text."""

    def __init__(self, text: str, toks: list):
        self.text, self.toks = text, toks

    def word(self, i: int) -> str:
        return self.toks[i][1].upper() if i < len(self.toks) and self.toks[i][0] == "word" else ""

    def is_open(self, i: int) -> bool:
        return i < len(self.toks) and self.toks[i][1] == "{"

    def close_of(self, i: int) -> int:
        """Index of the ``}`` matching the ``{`` at ``i``."""
        depth = self.toks[i][4]
        for k in range(i + 1, len(self.toks)):
            kind, value, _, _, d = self.toks[k]
            if kind == "close" and d == depth:
                if value != "}":
                    raise _Unsafe()
                return k
        raise _Unsafe()

    def span(self, i: int, k: int) -> str:
        """Text from the start of token ``i`` to the end of token ``k``."""
        return self.text[self.toks[i][2]:self.toks[k][3]]

    def inside(self, i: int, k: int) -> str:
        """Text strictly between the tokens ``i`` and ``k``."""
        return self.text[self.toks[i][3]:self.toks[k][2]]

    def quads(self, i: int, k: int, *, inserted: bool):
        """Bare triples and ``(graph term, triples)`` blocks of the quad block ``{`` i .. ``}`` k."""
        bare, graphs, m, start = [], [], i + 1, self.toks[i][3]
        depth = self.toks[i][4] + 1
        for t in self.toks[i + 1:k]:
            if inserted and t[0] == "open" and t[1] in "[(":
                raise _Unsafe()  # an anonymous node: its copy would be another node
        while m < k:
            if self.word(m) == "GRAPH" and self.toks[m][4] == depth and self.is_open(m + 2):
                bare.append(self.text[start:self.toks[m][2]])
                end = self.close_of(m + 2)
                graphs.append((self.toks[m + 1][1], self.inside(m + 2, end)))
                start, m = self.toks[end][3], end + 1
            else:
                m += 1
        bare.append(self.text[start:self.toks[k][2]])
        return _join(bare), graphs


def _graph_term(op: _Op, i: int, ddg: str) -> tuple[str, int, bool]:
    """The graph ``DEFAULT`` / ``GRAPH iri`` / ``iri`` at ``i``: (its term, the next index, is default)."""
    if op.word(i) == "DEFAULT":
        return ddg, i + 1, True
    if op.word(i) == "GRAPH":
        i += 1
    if i >= len(op.toks) or op.toks[i][0] not in ("iri", "word") or op.word(i) in ("NAMED", "ALL", "TO"):
        raise _Unsafe()
    return op.toks[i][1], i + 1, False


def record(graph: str, delta: str) -> str:
    """The update operation copying the triples of ``graph`` into the scratch graph ``delta``."""
    return f"INSERT {{ GRAPH {delta} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"


def settle(delta: str) -> list[str]:
    """Update operations settling the triples recorded in ``delta`` in the merge, then dropping it.

    A recorded triple that some named graph (other than ``delta``) holds is added to the merged
    default graph; one that none holds is removed from it. Nothing else is read or written.

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.update("INSERT DATA { <a:s> <a:p> 1 . GRAPH <a:g> { <a:s> <a:p> 2 } GRAPH <a:t> { <a:s> <a:p> 1 , 2 } }")
    >>> s.update(" ; ".join(settle("<a:t>")))
    >>> sorted(str(q) for q in s)
    ['<a:s> <a:p> "2"^^<http://www.w3.org/2001/XMLSchema#integer>', '<a:s> <a:p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <a:g>']
    """
    recorded = f"GRAPH {delta} {{ ?s ?p ?o }}"
    held = f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {delta}) }}"
    return [f"DELETE {{ ?s ?p ?o }} WHERE {{ {recorded} FILTER NOT EXISTS {held} }}",
            f"INSERT {{ ?s ?p ?o }} WHERE {{ {recorded} FILTER EXISTS {held} }}",
            f"DROP SILENT GRAPH {delta}"]


def _rewrite_op(op: _Op, i: int, ddg: str, delta: str) -> tuple[list[str], str, list[str]] | None:
    """(operations before, the operation, operations after) for the operation starting at token ``i``.

    None: the operation runs as written, with nothing to record (``CREATE``, ``CLEAR ALL``).
    """
    w, n = op.word(i), len(op.toks)
    if w in ("INSERT", "DELETE") and op.word(i + 1) == "DATA" and op.is_open(i + 2):
        end = op.close_of(i + 2)
        if end != n - 1:
            raise _Unsafe()
        bare, graphs = op.quads(i + 2, end, inserted=w == "INSERT")
        parts = ([f"GRAPH {ddg} {{ {bare} }}"] if bare else []) + [f"GRAPH {g} {{ {t.strip()} }}" for g, t in graphs]
        triples = _join([bare] + [t for _, t in graphs])
        if w == "INSERT":
            if triples:
                parts.append(f"GRAPH {delta} {{ {triples} }}")
            return [], "INSERT DATA { " + " ".join(parts) + " }", []
        after = [f"INSERT DATA {{ GRAPH {delta} {{ {triples} }} }}"] if triples else []
        return [], "DELETE DATA { " + " ".join(parts) + " }", after
    if w == "DELETE" and op.word(i + 1) == "WHERE" and op.is_open(i + 2):
        end = op.close_of(i + 2)
        if end != n - 1:
            raise _Unsafe()
        bare, graphs = op.quads(i + 2, end, inserted=False)
        pattern = op.inside(i + 2, end)
        triples = _join([bare] + [t for _, t in graphs])
        return [], (f"WITH {ddg} DELETE {{ {pattern} }} INSERT {{ GRAPH {delta} {{ {triples} }} }} "
                    f"WHERE {{ {pattern} }}"), []
    if w in ("WITH", "DELETE", "INSERT"):
        j, head = i, ""
        if w == "WITH":
            if op.toks[i + 1][0] not in ("iri", "word"):
                raise _Unsafe()
            j = i + 2
            head = op.span(i, i + 1) + " "
        else:
            head = f"WITH {ddg} "
        deleted, inserted, del_clause, ins_body = [], [], "", None
        if op.word(j) == "DELETE" and op.is_open(j + 1):
            end = op.close_of(j + 1)
            bare, graphs = op.quads(j + 1, end, inserted=False)
            deleted = [bare] + [t for _, t in graphs]
            del_clause = op.span(j, end) + " "
            j = end + 1
        if op.word(j) == "INSERT" and op.is_open(j + 1):
            end = op.close_of(j + 1)
            bare, graphs = op.quads(j + 1, end, inserted=True)
            inserted = [bare] + [t for _, t in graphs]
            ins_body = op.inside(j + 1, end)
            j = end + 1
        if not del_clause and ins_body is None:
            raise _Unsafe()
        if op.word(j) not in ("USING", "WHERE"):
            raise _Unsafe()
        triples = _join(deleted + inserted)
        rest = op.text[op.toks[j][2]:op.toks[-1][3]]
        ins_clause = f"INSERT {{ {ins_body or ''} GRAPH {delta} {{ {triples} }} }} "
        return [], head + del_clause + ins_clause + rest, []
    if w in ("CLEAR", "DROP"):
        j = i + 2 if op.word(i + 1) == "SILENT" else i + 1
        if op.word(j) == "ALL" and j == n - 1:
            return None  # every graph, the merge included
        graph, j, default = _graph_term(op, j, ddg)
        if j != n:
            raise _Unsafe()
        if default:
            return [record(ddg, delta)], f"DROP SILENT GRAPH {ddg}", []
        return [record(graph, delta)], op.span(i, n - 1), []
    if w in ("ADD", "MOVE", "COPY"):
        silent = op.word(i + 1) == "SILENT"
        j = i + 2 if silent else i + 1
        src, j, src_default = _graph_term(op, j, ddg)
        if op.word(j) != "TO":
            raise _Unsafe()
        dst, j, _ = _graph_term(op, j + 1, ddg)
        if j != n:
            raise _Unsafe()
        before = [record(src, delta), record(dst, delta)]
        if src_default:  # the default graph always exists; the stored one may not
            before.insert(0, f"CREATE SILENT GRAPH {ddg}")
        return before, f"{w}{' SILENT' if silent else ''} GRAPH {src} TO GRAPH {dst}", []
    if w == "CREATE":
        return None
    raise _Unsafe()  # LOAD, or something this reading does not know


def rewrite(text: str, ddg: str, delta: str) -> str | None:
    """Rewrite the SPARQL Update ``text`` as described in the module docstring, or return None.

    Parameters
    ----------
    text : str
        The update, with its own ``PREFIX`` / ``BASE`` lines (kept, in place).
    ddg, delta : str
        The stored default graph and a scratch graph named by no one else, as ``<IRI>``.

    Returns
    -------
    str or None
        The rewritten request (one transaction when run as one ``update``), or None when the
        merge must be re-derived as a whole. A text that is not valid SPARQL may be rewritten
        into another invalid one: run the original to report its error.
    """
    if "\\u" in text or "\\U" in text:
        return None
    clean = _blank_comments(text)
    toks = [t for t in _tokens(clean) if t[0] not in ("space", "comment")]
    ops, current = [], []
    for t in toks:
        if t[0] == "other" and t[1] == ";" and t[4] == 0:
            ops.append(current)
            current = []
        else:
            current.append(t)
    ops.append(current)
    ops = [o for o in ops if o]
    if not ops:
        return None
    out = []
    try:
        for op_toks in ops:
            op = _Op(clean, op_toks)
            i = 0
            while True:  # the operation's own prologue stays in front of it
                if op.word(i) == "BASE" and i + 1 < len(op_toks) and op_toks[i + 1][0] == "iri":
                    i += 2
                elif op.word(i) == "PREFIX" and i + 2 < len(op_toks) and op_toks[i + 2][0] == "iri":
                    i += 3
                else:
                    break
            if i >= len(op_toks):
                return None
            prologue = op.span(0, i - 1) + "\n" if i else ""
            rewritten = _rewrite_op(op, i, ddg, delta)
            if rewritten is None:  # changes no triple, or the merge with it (CLEAR ALL)
                out.append(prologue + op.span(i, len(op_toks) - 1))
                continue
            before, main, after = rewritten
            # settled right after the operation: the next one never sees the scratch graph
            steps = before + [main] + after + settle(delta)
            steps[0] = prologue + steps[0]
            out.extend(steps)
    except (_Unsafe, IndexError):
        return None
    return " ;\n".join(out)
