"""The SPARQL 1.1 Protocol and Graph Store Protocol request forms, against a real `collabkg serve`.

Each test names the section of the recommendation it follows. The server runs as a separate
process on a free loopback port, with writes enabled (token) over a store of two named graphs
that share one statement.
"""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
import urllib.parse

import httpx
import pytest
from rdflib import Graph

from collabkg.graph.store import Store

EX = "http://ex/"
TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TRIG = f"""
<{EX}g1> {{ <{EX}a> <{EX}p> 1 . <{EX}a> <{EX}q> "shared" . }}
<{EX}g2> {{ <{EX}b> <{EX}p> 2 . <{EX}a> <{EX}q> "shared" . }}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("protocol") / "store"
    src = path.parent / "d.trig"
    src.write_text(TRIG)
    st = Store(path)
    st.bulk_load(src)
    st.close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from collabkg.cli import main; main()", "serve", "--store", str(path),
                             "--port", str(port), "--max-concurrent", "2", "--timeout", "5", "--allow-writes",
                             "--token", TOKEN, "--max-request-bytes", "20000"], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "serve did not come up"
        time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(30)


def ask(url, text, **params):
    r = httpx.get(url + "/sparql", params={"query": text, **params}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return r.json()["boolean"]


def count(url, text, **params) -> int:
    r = httpx.post(url + "/sparql", data={"query": text, **params})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# -- 2.1 query operation ---------------------------------------------------------------------------
def test_query_via_get_post_form_and_post_direct(server):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert count(server, q) == 3  # the shared statement once: the default graph is the merge
    r = httpx.get(server + "/sparql", params={"query": q})
    assert r.status_code == 200 and r.headers["content-type"] == "application/sparql-results+json"
    r = httpx.post(server + "/sparql", content=q.encode(), headers={"Content-Type": "application/sparql-query"})
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "3"


def test_protocol_dataset_replaces_the_query_dataset(server):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert count(server, q, **{"default-graph-uri": EX + "g1"}) == 2
    r = httpx.get(server + "/sparql", params=[("query", "SELECT (COUNT(*) AS ?n) FROM <http://ex/g1> WHERE { ?s ?p ?o }"),
                                              ("default-graph-uri", EX + "g2")])
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "2"
    q = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    r = httpx.get(server + "/sparql", params=[("query", q), ("named-graph-uri", EX + "g2")])
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [EX + "g2"]
    assert ask(server, "ASK FROM <http://ex/g2> { <http://ex/b> ?p ?o }")
    assert not ask(server, "ASK FROM <http://ex/g1> { <http://ex/b> ?p ?o }")


def test_query_errors(server):
    # two queries, a query with a wrong media type, no media type, non-UTF-8, bad syntax: 4xx
    r = httpx.get(server + "/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert r.status_code == 400
    r = httpx.post(server + "/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = httpx.post(server + "/sparql", content=b"query=ASK%20%7B%7D", headers={"Content-Type": ""})
    assert r.status_code == 400
    r = httpx.post(server + "/sparql", content="ASK { FILTER(\"é\") }".encode("latin-1"),
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400 and "UTF-8" in r.text
    r = httpx.get(server + "/sparql", params={"query": "ASK {"})
    assert r.status_code == 400 and "line 1" in r.text


def test_every_format_by_accept_with_q_values(server):
    q = "CONSTRUCT WHERE { ?s ?p ?o }"
    for accept, ctype, parse in [("application/ld+json", "application/ld+json", "json-ld"),
                                 ("application/n-quads", "application/n-quads", "nquads"),
                                 ("text/turtle;q=0.2, application/n-triples", "application/n-triples", "nt"),
                                 ("application/rdf+xml", "application/rdf+xml", "xml"),
                                 ("application/trig", "application/trig", "trig"),
                                 # a results-only Accept (as rdflib's SPARQLStore sends): Turtle, not 406
                                 ("application/sparql-results+json", "text/turtle", "turtle")]:
        r = httpx.get(server + "/sparql", params={"query": q}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(ctype), accept
        if parse in ("nquads", "trig"):
            from rdflib import Dataset

            g = Dataset().parse(data=r.text, format=parse)
            assert len(list(g.quads((None, None, None, None)))) == 3, accept
        else:
            assert len(Graph().parse(data=r.text, format=parse)) == 3, accept
    for accept, ctype in [("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
                          ("application/sparql-results+xml;q=0.9, application/sparql-results+json;q=0.1",
                           "application/sparql-results+xml")]:
        r = httpx.get(server + "/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(ctype), accept
    assert httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"}).status_code == 406


def test_relative_iris_resolve_against_the_endpoint(server):
    r = httpx.get(server + "/sparql", params={"query": "SELECT (<x> AS ?x) {}"})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == server + "/x"


def test_federation_is_refused_with_400(server):
    for q in ("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
              "SELECT * { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"):
        r = httpx.get(server + "/sparql", params={"query": q})
        assert r.status_code == 400 and "federated queries are off" in r.text
    r = httpx.post(server + "/sparql", data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"}, headers=AUTH)
    assert r.status_code == 400 and "LOAD is refused" in r.text


# -- service description, CORS, HTTP ----------------------------------------------------------------
def test_service_description_at_the_endpoint_url(server):
    r = httpx.get(server + "/sparql", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=r.text, format="turtle")
    SD = "http://www.w3.org/ns/sparql-service-description#"
    from rdflib import URIRef

    assert (URIRef(server + "/sparql"), URIRef(SD + "endpoint"), URIRef(server + "/sparql")) in g
    assert (None, URIRef(SD + "supportedLanguage"), URIRef(SD + "SPARQL11Update")) in g
    r = httpx.get(server + "/sparql", headers={"Accept": "text/html"})
    assert r.headers["content-type"].startswith("text/html")


def test_cors_preflight_and_headers(server):
    r = httpx.options(server + "/sparql", headers={"Origin": "http://app.example", "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "content-type"})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] in ("*", "http://app.example")
    assert "POST" in r.headers["access-control-allow-methods"]
    r = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://app.example"})
    assert r.headers["access-control-allow-origin"] == "*"


def test_chunked_body_and_bad_content_length(server):
    def chunks():
        yield b"ASK { <http://ex/a> "
        yield b"?p ?o }"
    r = httpx.post(server + "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and r.json()["boolean"] is True
    host, port = server[7:].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/sparql-query")
    conn.putheader("Content-Length", "-1")
    conn.endheaders(b"ASK {}")
    assert conn.getresponse().status == 400
    conn.close()

    def big():
        for _ in range(30):
            yield b"# " + b"x" * 1000 + b"\n"
    r = httpx.post(server + "/sparql", content=big(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


def test_keep_alive_serves_many_requests_on_one_connection(server):
    with httpx.Client(base_url=server) as c:
        for _ in range(20):
            assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    # one connection was reused (httpx pools keep-alive connections)


# -- 2.2 update operation -----------------------------------------------------------------------------
def test_update_with_using_graph_uri_and_writes_answer_what_happened(server):
    upd = "INSERT { GRAPH <http://ex/out> { ?s a <http://ex/T> } } WHERE { ?s <http://ex/p> ?o }"
    r = httpx.post(server + "/sparql", params={"using-graph-uri": EX + "g1"}, content=upd.encode(),
                   headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert r.status_code == 200
    rows = httpx.get(server + "/sparql", params={"query": "SELECT ?s { GRAPH <http://ex/out> { ?s a ?t } }"}).json()
    assert [b["s"]["value"] for b in rows["results"]["bindings"]] == [EX + "a"]
    # a dataset given twice is refused, and nothing was written
    r = httpx.post(server + "/sparql", params={"using-graph-uri": EX + "g1"},
                   content=b"INSERT { GRAPH <http://ex/x> { ?s a <http://ex/T> } } USING <http://ex/g2> WHERE { ?s ?p ?o }",
                   headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert r.status_code == 400 and "nothing was written" in r.text
    assert not ask(server, "ASK { GRAPH <http://ex/x> { ?s ?p ?o } }")
    # an update failing at run time answers 400 and wrote nothing
    r = httpx.post(server + "/sparql", data={"update": "INSERT DATA { GRAPH <http://ex/y> { <http://ex/y> <http://ex/y> 1 } } ; "
                                                       "DROP GRAPH <http://ex/none>"}, headers=AUTH)
    assert r.status_code == 400 and not ask(server, "ASK { GRAPH <http://ex/y> { ?s ?p ?o } }")
    # an update via GET is refused; without the token 401
    assert httpx.get(server + "/sparql", params={"update": "CLEAR ALL"}).status_code == 400
    assert httpx.post(server + "/sparql", data={"update": "CLEAR ALL"}).status_code == 401
    r = httpx.post(server + "/sparql", data={"update": "DROP SILENT GRAPH <http://ex/out>"}, headers=AUTH)
    assert r.status_code == 200


# -- Graph Store Protocol ------------------------------------------------------------------------------
def test_graph_store_protocol(server):
    g = urllib.parse.quote(EX + "gs", safe="")
    nt = b"<http://ex/c> <http://ex/p> 3 ."
    hdr = {**AUTH, "Content-Type": "text/turtle"}
    assert httpx.get(f"{server}/store?graph={g}").status_code == 404
    assert httpx.put(f"{server}/store?graph={g}", content=nt, headers=hdr).status_code == 201
    assert httpx.put(f"{server}/store?graph={g}", content=nt, headers=hdr).status_code == 204
    assert httpx.post(f"{server}/store?graph={g}", content=b"<http://ex/c> <http://ex/p> 4 .", headers=hdr).status_code == 200
    r = httpx.get(f"{server}/store?graph={g}", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and len(Graph().parse(data=r.text, format="nt")) == 2
    r = httpx.head(f"{server}/store?graph={g}")
    assert r.status_code == 200 and r.content == b""
    assert count(server, "SELECT (COUNT(*) AS ?n) WHERE { <http://ex/c> ?p ?o }") == 2  # in the merge
    assert httpx.delete(f"{server}/store?graph={g}", headers=AUTH).status_code == 204
    assert httpx.delete(f"{server}/store?graph={g}", headers=AUTH).status_code == 404
    assert count(server, "SELECT (COUNT(*) AS ?n) WHERE { <http://ex/c> ?p ?o }") == 0
    # the default graph: GSP reads and writes the stored default graph; queries see it in the merge
    assert httpx.put(f"{server}/store?default", content=b"<http://ex/d> <http://ex/p> 5 .", headers=hdr).status_code in (200, 201, 204)
    r = httpx.get(f"{server}/store?default", headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=r.text, format="nt")) == 1
    assert ask(server, "ASK { <http://ex/d> <http://ex/p> 5 }")
    # POST to the service itself creates a graph and says where (GSP 5.5); direct identification
    r = httpx.post(f"{server}/store", content=b"<http://ex/e> <http://ex/p> 6 .", headers=hdr)
    assert r.status_code == 201 and r.headers["location"].startswith(server + "/store/graphs/")
    r = httpx.get(r.headers["location"], headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and len(Graph().parse(data=r.text, format="turtle")) == 1
    assert httpx.put(f"{server}/store?graph={g}", content=b"not rdf", headers=hdr).status_code == 400
    assert httpx.put(f"{server}/store?graph={g}", content=nt, headers={**AUTH, "Content-Type": "image/png"}).status_code == 415
    assert httpx.put(f"{server}/store", content=nt, headers=hdr).status_code == 400


def test_graph_store_post_multipart_form_data(server):
    g = urllib.parse.quote(EX + "mp", safe="")
    files = {"a": ("a.ttl", b"<http://ex/m> <http://ex/p> 7 .", "text/turtle"),
             "b": ("b.nt", b'<http://ex/m> <http://ex/p> "8" .', "application/n-triples")}
    r = httpx.post(f"{server}/store?graph={g}", files=files, headers=AUTH)
    assert r.status_code == 201
    r = httpx.get(f"{server}/store?graph={g}", headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=r.text, format="nt")) == 2
    assert httpx.delete(f"{server}/store?graph={g}", headers=AUTH).status_code == 204
