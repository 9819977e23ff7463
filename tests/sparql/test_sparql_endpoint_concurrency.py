"""The endpoint under concurrent use, failing workers and oversized requests (issue #12, Concurrency).

Every test runs the endpoint's ASGI app under a real uvicorn on 127.0.0.1 and talks HTTP to it;
workers are real processes (killed with real signals), the store a real folder on disk.
"""

from __future__ import annotations

import concurrent.futures
import os
import signal
import socket
import threading
import time
import urllib.parse

import httpx
import pytest
from rdflib import Literal, URIRef

from collabkg.graph.endpoint import Endpoint
from collabkg.graph.store import MARKER, Store

EX = "http://ex/"
TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?q ?r ?t }"  # 50^6 rows
COUNT_NEW = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}new> {{ ?s ?p ?o }} }}"


def make_store(path, n: int = 50) -> None:
    st = Store(path)
    st.replace_graph(URIRef(EX + "g0"), [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(i)) for i in range(n)])
    st.close()


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "store"
    make_store(path)
    return path


def count(url: str, text: str = COUNT_NEW) -> tuple[int, int | None]:
    r = httpx.get(url + "/sparql", params={"query": text}, timeout=60)
    return r.status_code, (int(r.json()["results"]["bindings"][0]["n"]["value"]) if r.status_code == 200 else None)


def live_workers(ep: Endpoint) -> int:
    return ep.pool.stats()["live"]


def refill(ep: Endpoint) -> None:
    """Borrow every slot at once (so each is (re)opened), then give them back."""
    with concurrent.futures.ThreadPoolExecutor(ep.pool.size) as ex:
        assert list(ex.map(lambda _: count(ep.url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0], range(4 * ep.pool.size))) \
            == [200] * (4 * ep.pool.size)


# -- reads while a write commits ---------------------------------------------------------------
def test_reads_are_answered_while_a_write_holds_the_store(store_path):
    """A write in flight (the endpoint's write path, held open after a real update) does not stop reads.

    A first write makes every worker stale, so each read needs a fresh worker opened during the
    second write: before this fix a new worker waited for the write to finish.
    """
    ep = Endpoint(store_path, port=0, allow_writes=True, token=TOKEN, max_concurrent=2, timeout=20).start()
    try:
        r = httpx.post(ep.url + "/sparql", headers={**AUTH, "Content-Type": "application/sparql-update"},
                       content=f"INSERT DATA {{ GRAPH <{EX}first> {{ <{EX}a> <{EX}p> 1 }} }}".encode())
        assert r.status_code == 200
        applied, release = threading.Event(), threading.Event()

        def slow_write(store):
            store.update(f"INSERT DATA {{ GRAPH <{EX}new> {{ <{EX}a> <{EX}p> 1 . <{EX}b> <{EX}p> 2 }} }}")
            applied.set()
            assert release.wait(60)  # the write is still in flight: the lock is held, workers not yet renewed

        writer = threading.Thread(target=ep.write, args=(slow_write,))
        writer.start()
        try:
            assert applied.wait(30)
            with concurrent.futures.ThreadPoolExecutor(4) as ex:
                answers = list(ex.map(lambda _: count(ep.url), range(12)))
            assert all(status == 200 for status, _ in answers), answers
            assert {n for _, n in answers} <= {0, 2}  # before or after the write, nothing in between
            assert writer.is_alive()  # every read above was answered while the write was in flight
        finally:
            release.set()
            writer.join(60)
        assert count(ep.url) == (200, 2)  # after the write, every read sees it
    finally:
        ep.stop()


def test_a_large_update_over_http_with_reads_meanwhile(store_path):
    n = 20_000
    ep = Endpoint(store_path, port=0, allow_writes=True, token=TOKEN, max_concurrent=2, timeout=30,
                  max_request_bytes=4_000_000).start()
    try:
        data = " ".join(f"<{EX}s{i}> <{EX}p> {i} ." for i in range(n))
        update = f"INSERT DATA {{ GRAPH <{EX}new> {{ {data} }} }}".encode()
        result = {}

        def write():
            result["status"] = httpx.post(ep.url + "/sparql", content=update, timeout=300,
                                          headers={**AUTH, "Content-Type": "application/sparql-update"}).status_code

        writer = threading.Thread(target=write)
        writer.start()
        answers = []
        while writer.is_alive() or len(answers) < 3:
            answers.append(count(ep.url))
        writer.join()
        assert result["status"] == 200
        # a read that overlapped the write sees the store before it or after it, never between
        assert all(status == 200 for status, _ in answers), answers
        assert {c for _, c in answers} <= {0, n}
        # a read issued after the write's 200 sees it (the last read above may have been issued
        # just before the 200 and answered from the snapshot before: that is allowed)
        assert count(ep.url) == (200, n)
        # the merge followed the update: g0 states <s0..49> <p> 0..49 too, each such triple counts once
        assert count(ep.url, f"SELECT (COUNT(*) AS ?n) {{ ?s <{EX}p> ?o }}") == (200, n)
    finally:
        ep.stop()


# -- workers that die or cannot reopen the store ---------------------------------------------------
def test_a_worker_killed_with_sigkill_is_replaced(store_path):
    ep = Endpoint(store_path, port=0, max_concurrent=2, timeout=20).start()
    try:
        refill(ep)
        assert live_workers(ep) == 2
        victim = ep.pool.idle.queue[0]
        os.kill(victim.process.pid, signal.SIGKILL)
        victim.process.join(10)
        assert live_workers(ep) == 1
        refill(ep)
        assert live_workers(ep) == 2
        # a worker killed while it answers: that one query fails (500, naming the signal), no other
        with concurrent.futures.ThreadPoolExecutor(1) as ex:
            slow = ex.submit(lambda: httpx.get(ep.url + "/sparql", params={"query": FOREVER}, timeout=60))
            while not ep.pool.lent:
                time.sleep(0.02)
            (busy,) = list(ep.pool.lent)
            os.kill(busy.process.pid, signal.SIGKILL)
            r = slow.result()
        assert r.status_code == 500 and "SIGKILL" in r.text
        refill(ep)
        assert live_workers(ep) == 2
    finally:
        ep.stop()


def test_a_worker_that_cannot_reopen_the_store_is_replaced_later(store_path):
    ep = Endpoint(store_path, port=0, max_concurrent=2, timeout=10).start()
    try:
        refill(ep)
        data = Store(store_path, read_only=True).data_path
        hidden = data.with_name(data.name + ".away")
        os.rename(data, hidden)  # the marker now points at a missing folder: every reopen fails
        marker = store_path / MARKER
        os.utime(marker, ns=(time.time_ns(), time.time_ns() + 1_000_000))  # the endpoint sees a change: fresh workers
        r = httpx.get(ep.url + "/sparql", params={"query": "ASK {}"}, timeout=30)
        assert r.status_code == 503 and r.headers["retry-after"] == "1" and "could not open the store" in r.text
        assert ep.pool.stats()["live"] < 2
        os.rename(hidden, data)
        refill(ep)  # the empty slots are filled again
        assert live_workers(ep) == 2
        assert count(ep.url, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{EX}g0> {{ ?s ?p ?o }} }}") == (200, 50)
    finally:
        ep.stop()


# -- the bounded wait ---------------------------------------------------------------------------
def test_more_queries_than_workers_wait_then_a_deadline_gives_503(store_path):
    """One worker, three queries that each run past the 2 s timeout, a 3 s wait: the first is
    stopped (504), one waiting query gets the replaced worker and is stopped in turn (504), the
    other waits past its deadline while that one runs: 503 with Retry-After. Nothing is refused
    at once."""
    ep = Endpoint(store_path, port=0, max_concurrent=1, max_waiting=4, timeout=2.0, max_wait=3.0).start()
    try:
        def ask(_):
            r = httpx.get(ep.url + "/sparql", params={"query": FOREVER}, timeout=60)
            return r.status_code, r.headers.get("retry-after"), r.text
        with concurrent.futures.ThreadPoolExecutor(3) as ex:
            answers = list(ex.map(ask, range(3)))
        assert sorted(s for s, _, _ in answers) == [503, 504, 504], answers
        (_, retry, text), = [a for a in answers if a[0] == 503]
        assert retry == "1" and "no query worker became free within 3 s" in text
        # and more concurrent queries than workers, each quick, all wait and succeed
        with concurrent.futures.ThreadPoolExecutor(5) as ex:
            assert list(ex.map(lambda _: count(ep.url)[0], range(5))) == [200] * 5
    finally:
        ep.stop()


# -- request limits -------------------------------------------------------------------------------
def raw(ep: Endpoint, request: bytes) -> int:
    host, port = ep.address
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(request)
        head = b""
        while b"\r\n" not in head:
            chunk = s.recv(4096)
            if not chunk:
                break
            head += chunk
    return int(head.split(b" ")[1]) if head else 0


def test_header_body_and_url_limits(store_path):
    cap = 20_000
    ep = Endpoint(store_path, port=0, max_concurrent=1, max_request_bytes=cap, timeout=10).start()
    try:
        ok = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n"
        # an oversized header, and too many headers: 431 (the endpoint's limits: 64 KiB, 100 lines)
        assert raw(ep, ok + b"X-Big: " + b"a" * 70_000 + b"\r\n\r\n") == 431
        assert raw(ep, ok + b"".join(b"X-H%d: v\r\n" % i for i in range(150)) + b"\r\n") == 431
        # a header block beyond what the HTTP parser buffers (max_request_bytes + 64 KiB): uvicorn's 400
        assert raw(ep, ok + b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 100) for i in range(2_000)) + b"\r\n") == 400
        # headers within the limit are fine
        assert raw(ep, ok + b"X-Big: " + b"a" * 4000 + b"\r\n\r\n") == 200
        # the URL: up to the cap answered, beyond 414
        pad = "ASK {} #"
        q = pad + "x" * (cap - len("/sparql?query=") - len(urllib.parse.quote(pad)) - 10)
        path = "/sparql?query=" + urllib.parse.quote(q)
        assert len(path) < cap
        assert httpx.get(ep.url + path, timeout=30).status_code == 200
        assert httpx.get(ep.url + path + "x" * 20, timeout=30).status_code == 414
        # bodies: declared too large 413, chunked too large 413, Content-Length -1 400
        post = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        assert raw(ep, post + b"Content-Length: %d\r\n\r\nASK {}" % (cap + 1)) == 413
        assert raw(ep, post + b"Content-Length: -1\r\n\r\nASK {}") == 400
        chunk = b"#" + b"x" * 4999 + b"\n"
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5)) + b"0\r\n\r\n"
        assert raw(ep, post + b"Transfer-Encoding: chunked\r\n\r\n" + body) == 413
        small = b"6\r\nASK {}\r\n0\r\n\r\n"
        assert raw(ep, post + b"Transfer-Encoding: chunked\r\n\r\n" + small) == 200
        assert count(ep.url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") == (200, 50)
    finally:
        ep.stop()


# -- writes answer what happened; the pool keeps its workers ---------------------------------------
def test_fifty_writes_good_and_bad_answer_what_happened_and_keep_the_pool(store_path):
    ep = Endpoint(store_path, port=0, allow_writes=True, token=TOKEN, max_concurrent=3, timeout=10).start()
    try:
        refill(ep)
        assert live_workers(ep) == 3
        expected = 0
        for i in range(50):
            kind = i % 5
            if kind == 0:  # fine
                update, ok = f"INSERT DATA {{ GRAPH <{EX}new> {{ <{EX}w{i}> <{EX}p> {i} }} }}", True
            elif kind == 1:  # syntax error
                update, ok = f"INSERT DATA {{ GRAPH <{EX}new> {{ <{EX}w{i}> <{EX}p> }} }}", False
            elif kind == 2:  # fails after its first operation applied: all of it is rolled back
                update, ok = (f"INSERT DATA {{ GRAPH <{EX}new> {{ <{EX}w{i}> <{EX}p> {i} }} }} ; "
                              f"DROP GRAPH <{EX}missing{i}>"), False
            elif kind == 3:  # a bad Graph Store body
                r = httpx.put(ep.url + "/store", params={"graph": f"{EX}gsp{i}"}, content=b"<a> <b> .",
                              headers={**AUTH, "Content-Type": "text/turtle"})
                assert r.status_code == 400 and "nothing was written" in r.text
                assert httpx.get(ep.url + "/store", params={"graph": f"{EX}gsp{i}"}).status_code == 404
                continue
            else:  # a fine Graph Store PUT, then DELETE
                g = {"graph": f"{EX}gsp{i}"}
                r = httpx.put(ep.url + "/store", params=g, content=f"<{EX}x> <{EX}y> {i} .".encode(),
                              headers={**AUTH, "Content-Type": "text/turtle"})
                assert r.status_code == 201
                assert httpx.delete(ep.url + "/store", params=g, headers=AUTH).status_code == 204
                continue
            r = httpx.post(ep.url + "/sparql", content=update.encode(),
                           headers={**AUTH, "Content-Type": "application/sparql-update"})
            assert r.status_code == (200 if ok else 400), (update, r.text)
            expected += ok
            assert count(ep.url) == (200, expected), update
        assert count(ep.url, f"SELECT (COUNT(*) AS ?n) {{ ?s ?p ?o FILTER (STRSTARTS(STR(?s), '{EX}w')) }}") == (200, expected)
        refill(ep)
        assert live_workers(ep) == 3
    finally:
        ep.stop()


def test_an_engine_crash_costs_one_query_and_the_pool_recovers(store_path):
    """5,000 nested groups segfault Oxigraph: that query is a 500 naming the signal and the nesting."""
    ep = Endpoint(store_path, port=0, max_concurrent=2, timeout=60, max_request_bytes=100_000).start()
    try:
        deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
        r = httpx.post(ep.url + "/sparql", content=deep.encode(), timeout=120,
                       headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 500 and "signal SIGSEGV" in r.text and "nested" in r.text
        refill(ep)
        assert live_workers(ep) == 2
        assert count(ep.url, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{EX}g0> {{ ?s ?p ?o }} }}") == (200, 50)
    finally:
        ep.stop()
