"""The SPARQL 1.1 Protocol endpoint, exercised with a real client (SPARQLWrapper) on loopback."""

from __future__ import annotations

import concurrent.futures
import io
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, N3, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from collabkg.graph.endpoint import Endpoint

SELECT = "SELECT ?p ?name WHERE { ?p foaf:name ?name } ORDER BY STR(?name)"
PREFIXED = "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n" + SELECT  # SPARQLWrapper inspects the text
NAMES = ["BAO Yiming", "Javed Ashraf", "XUE Yongbiao", "YUN Tao", "ZHANG Shizhuan"]
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def client(endpoint, query, fmt, method="GET", request_method=URLENCODED):
    w = SPARQLWrapper(endpoint.url + "/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    w.setRequestMethod(request_method)
    w.setTimeout(30)
    return w


def http(endpoint, path, *, data=None, headers=None, method=None):
    req = urllib.request.Request(endpoint.url + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()  # case-insensitive names
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


@pytest.mark.parametrize("method,request_method", [("GET", URLENCODED), ("POST", URLENCODED), ("POST", POSTDIRECTLY)])
def test_select_json_by_get_and_both_posts(endpoint, method, request_method):
    res = client(endpoint, PREFIXED, JSON, method, request_method).query().convert()
    assert [b["name"]["value"] for b in res["results"]["bindings"]] == NAMES


def test_select_xml(endpoint):
    doc = client(endpoint, PREFIXED, XML).query().convert()  # an xml.dom Document
    values = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert values == NAMES


@pytest.mark.parametrize("fmt,pyox", [(CSV, None), (TSV, ox.QueryResultsFormat.TSV)])
def test_select_csv_tsv(endpoint, fmt, pyox):
    raw = client(endpoint, PREFIXED, fmt).query().convert()
    text = raw.decode()
    assert all(n in text for n in NAMES)
    if pyox is not None:
        assert [s["name"].value for s in ox.parse_query_results(raw, format=pyox)] == NAMES
    else:
        assert text.splitlines()[0] == "p,name"


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_ask_every_format(endpoint, fmt):
    res = client(endpoint, "ASK { ?s a <https://w3id.org/collabkg/ontology#Roundtable> }", fmt).query().convert()
    if fmt == JSON:
        assert res["boolean"] is True
    elif fmt == XML:
        assert res.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert b"true" in res


@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
@pytest.mark.parametrize("fmt", [TURTLE, N3, XML])
def test_graph_results(endpoint, form, fmt):
    q = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
         + ("CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }" if form == "CONSTRUCT"
            else "DESCRIBE ?p WHERE { ?p foaf:name 'BAO Yiming' }"))
    res = client(endpoint, q, fmt).query().convert()
    g = res if isinstance(res, Graph) else Graph().parse(data=res, format="turtle")
    bao = URIRef("https://w3id.org/collabkg/id/person/bao-yiming")
    assert (bao, URIRef("http://xmlns.com/foaf/0.1/name"), None) in g
    if form == "CONSTRUCT":
        assert len(g) == 5


def test_n_triples_by_accept_and_format_override(endpoint):
    q = urllib.parse.quote("CONSTRUCT WHERE { ?p foaf:name ?n }")
    status, headers, body = http(endpoint, f"/sparql?query={q}", headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == 5
    status, headers, body = http(endpoint, f"/sparql?query={q}&format=ttl", headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")


def test_not_acceptable(endpoint):
    q = urllib.parse.quote("ASK {}")
    status, _, body = http(endpoint, f"/sparql?query={q}", headers={"Accept": "image/png"})
    assert status == 406 and b"accepted" in body


def test_malformed_query_is_400_with_line_and_column(endpoint):
    with pytest.raises(QueryBadFormed) as info:
        client(endpoint, "SELECT ?x WHERE {\n  ?x ?y\n}", JSON).query()
    assert "line 3" in str(info.value)
    status, _, body = http(endpoint, "/sparql?query=" + urllib.parse.quote("SELECT ?x WHERE { ?x a nope:X }"))
    assert status == 400 and b"unknown prefix" in body and b"line 1, column" in body


@pytest.mark.parametrize("how", ["sparqlwrapper", "body", "query-param"])
def test_update_on_read_only_endpoint_is_403(endpoint, how):
    update = "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/b> <http://ex/c> } }"
    if how == "sparqlwrapper":
        w = client(endpoint, update, JSON, "POST")
        with pytest.raises(urllib.error.HTTPError) as info:
            w.query()
        assert info.value.code == 403
    elif how == "body":
        status, _, body = http(endpoint, "/sparql", data=update.encode(),
                               headers={"Content-Type": "application/sparql-update"})
        assert status == 403 and b"read-only" in body
    else:
        status, _, body = http(endpoint, "/sparql?query=" + urllib.parse.quote(update))
        assert status == 403
    assert client(endpoint, "ASK { GRAPH <http://ex/g> { ?s ?p ?o } }", JSON).query().convert()["boolean"] is False


def test_graph_store_protocol_read_and_refused_writes(endpoint):
    g = urllib.parse.quote("https://w3id.org/collabkg/id/document/codata-china-us-roundtable", safe="")
    status, headers, body = http(endpoint, f"/store?graph={g}", headers={"Accept": "text/turtle"})
    assert status == 200 and len(Graph().parse(data=body, format="turtle")) > 100
    assert http(endpoint, "/store?graph=http%3A%2F%2Fex%2Fnone")[0] == 404
    for method in ("PUT", "POST", "DELETE"):
        status, _, body = http(endpoint, f"/store?graph={g}", data=b"<http://a> <http://b> <http://c> .",
                               headers={"Content-Type": "application/n-triples"}, method=method)
        assert status == 403 and b"read-only" in body, method


def test_oversized_body_is_413_and_url_414(endpoint):
    big = "ASK { " + "?s ?p ?o . " * 5000 + "}"
    status, _, body = http(endpoint, "/sparql", data=big.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and b"cap" in body
    status, _, _ = http(endpoint, "/sparql?query=" + urllib.parse.quote(big))
    assert status == 414
    # the server is fine afterwards
    assert client(endpoint, "ASK {}", JSON).query().convert()["boolean"] is True


def test_lying_content_length_does_not_hang_a_worker(endpoint):
    host, port = endpoint.address
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: 10\r\n\r\nASK")  # 7 bytes short, then silence
        t0 = time.monotonic()
        # meanwhile other clients are served
        assert client(endpoint, "ASK {}", JSON).query().convert()["boolean"] is True
        assert time.monotonic() - t0 < 5


def test_query_that_would_run_for_ever_is_stopped(endpoint):
    t0 = time.monotonic()
    status, _, body = http(endpoint, "/sparql?query=" + urllib.parse.quote(FOREVER))
    assert status == 504 and b"timed out" in body
    assert time.monotonic() - t0 < 15
    # the killed worker was replaced: every slot still answers
    with concurrent.futures.ThreadPoolExecutor(3) as ex:
        results = list(ex.map(lambda _: client(endpoint, "ASK {}", JSON).query().convert()["boolean"], range(6)))
    assert results == [True] * 6


def test_result_size_cap_is_422(endpoint):
    status, _, body = http(endpoint, "/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }"))
    assert status == 422 and b"LIMIT" in body
    status, _, _ = http(endpoint, "/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o } LIMIT 10"))
    assert status == 200


def test_concurrency_cap_is_503_once_the_wait_queue_is_full(mini_path):
    ep = Endpoint(mini_path, port=0, timeout=3.0, max_concurrent=1, max_waiting=0).start()
    try:
        slow = threading.Thread(target=http, args=(ep, "/sparql?query=" + urllib.parse.quote(FOREVER)))
        slow.start()
        time.sleep(0.5)
        status, headers, body = http(ep, "/sparql?query=" + urllib.parse.quote("ASK {}"))
        assert status == 503 and headers.get("Retry-After") == "1" and b"cap is 1 running and 0 waiting" in body
        slow.join(15)
        assert http(ep, "/sparql?query=" + urllib.parse.quote("ASK {}"))[0] == 200
    finally:
        ep.stop()


def test_queries_beyond_the_pool_wait_instead_of_503(mini_path):
    ep = Endpoint(mini_path, port=0, timeout=20.0, max_concurrent=1).start()
    try:
        with concurrent.futures.ThreadPoolExecutor(8) as ex:
            statuses = list(ex.map(lambda _: http(ep, "/sparql?query=" + urllib.parse.quote(SELECT))[0], range(16)))
        assert statuses == [200] * 16
    finally:
        ep.stop()


def test_html_page_escapes_everything(endpoint):
    status, headers, body = http(endpoint, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<textarea" in body
    q = 'SELECT ?x WHERE { BIND("<script>alert(1)</script>&" AS ?x) }'
    status, _, body = http(endpoint, "/?query=" + urllib.parse.quote(q))
    assert status == 200
    assert b"<script>" not in body and b"&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in body
    status, _, body = http(endpoint, "/?query=" + urllib.parse.quote("SELECT <script> WHERE"))
    assert status == 200 and b"Error 400" in body and b"<script>" not in body.split(b"<textarea")[0]


def test_views_folder_is_served_and_nothing_else(mini_path, tmp_path):
    views = tmp_path / "views"
    views.mkdir()
    (views / "graph.html").write_text("<html><body>network</body></html>")
    (tmp_path / "secret.txt").write_text("secret")
    ep = Endpoint(mini_path, port=0, views=views, max_concurrent=1).start()
    try:
        assert http(ep, "/views/graph.html")[2] == b"<html><body>network</body></html>"
        assert b"graph.html" in http(ep, "/views/")[2]
        assert http(ep, "/views/../secret.txt")[0] == 404
        assert http(ep, "/views/%2e%2e/secret.txt")[0] == 404
    finally:
        ep.stop()


def test_binds_loopback_by_default(endpoint):
    assert endpoint.address[0] == "127.0.0.1"


def test_writes_need_the_flag_and_the_token(tmp_path):
    from collabkg.graph.store import Store

    path = tmp_path / "store"
    s = Store(path)
    s.bulk_load(__import__("pathlib").Path(__file__).parent / "data" / "sample.trig")
    s.close()
    with pytest.raises(Exception, match="token"):
        Endpoint(path, port=0, allow_writes=True)
    ep = Endpoint(path, port=0, allow_writes=True, token="s3cret", max_concurrent=2).start()
    try:
        update = "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/b> 'c' } }"
        assert http(ep, "/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"})[0] == 401
        assert http(ep, "/sparql", data=update.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": "Bearer wrong"})[0] == 401
        auth = {"Authorization": "Bearer s3cret"}
        w = client(ep, update, JSON, "POST")
        w.addCustomHttpHeader("Authorization", "Bearer s3cret")
        w.query()
        ask = "ASK { GRAPH <http://ex/g> { <http://ex/a> <http://ex/b> 'c' } }"
        assert client(ep, ask, JSON).query().convert()["boolean"] is True  # workers see the write
        status, _, _ = http(ep, "/store?graph=http%3A%2F%2Fex%2Fh", data=b"<http://ex/x> <http://ex/y> <http://ex/z> .",
                            headers={**auth, "Content-Type": "application/n-triples"}, method="PUT")
        assert status == 201
        assert client(ep, "ASK { GRAPH <http://ex/h> { ?s ?p ?o } }", JSON).query().convert()["boolean"] is True
        assert http(ep, "/store?graph=http%3A%2F%2Fex%2Fh", headers=auth, method="DELETE")[0] == 204
        assert client(ep, "ASK { GRAPH <http://ex/h> { ?s ?p ?o } }", JSON).query().convert()["boolean"] is False
    finally:
        ep.stop()
    assert len(Store(path, read_only=True).graph(URIRef("http://ex/g"))) == 1


def test_bounded_load_test(endpoint, record_property):
    """A few concurrent clients, a fixed number of requests, no errors; throughput recorded."""
    queries = ["ASK { ?s ?p ?o }", "SELECT ?n WHERE { ?p foaf:name ?n }", "posts", "roundtables"]
    texts = [q if " " in q else __import__("collabkg.graph.sparql", fromlist=["x"]).load_query(q) for q in queries]
    n_clients, per_client = 3, 40

    def run(i):
        errors = 0
        for k in range(per_client):
            q = urllib.parse.quote(texts[(i + k) % len(texts)])
            status, _, _ = http(endpoint, f"/sparql?query={q}", headers={"Accept": "application/sparql-results+json"})
            errors += status != 200
        return errors

    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(n_clients) as ex:
        errors = sum(ex.map(run, range(n_clients)))
    elapsed = time.perf_counter() - t0
    total = n_clients * per_client
    record_property("requests_per_second", round(total / elapsed, 1))
    print(f"\nload test: {total} requests from {n_clients} clients in {elapsed:.2f} s = {total / elapsed:.0f} req/s")
    assert errors == 0


def test_endpoint_sees_a_bulk_load_done_elsewhere(tmp_path):
    from collabkg.graph.store import Store

    path = tmp_path / "store"
    s = Store(path)
    s.bulk_load(__import__("pathlib").Path(__file__).parent / "data" / "sample.trig")
    s.close()
    ep = Endpoint(path, port=0, max_concurrent=2).start()
    try:
        ask = "ASK { GRAPH <http://ex/new> { ?s ?p ?o } }"
        assert client(ep, ask, JSON).query().convert()["boolean"] is False
        extra = tmp_path / "extra.nq"
        extra.write_text('<http://ex/a> <http://ex/b> "c" <http://ex/new> .\n')
        writer = Store(path)  # the endpoint is read-only: the store is free for a loader
        writer.bulk_load(extra)
        writer.close()
        assert client(ep, ask, JSON).query().convert()["boolean"] is True
    finally:
        ep.stop()


def test_the_listening_socket_disables_nagle(endpoint):
    """Accepted connections inherit TCP_NODELAY, and asyncio keeps it only for IPPROTO_TCP sockets:
    without both, every keep-alive answer waited for a delayed ACK (about 40 ms)."""
    assert endpoint.socket.proto == socket.IPPROTO_TCP
    assert endpoint.socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
