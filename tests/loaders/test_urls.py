"""Documents by URL, fetched from a real HTTP server the tests start on 127.0.0.1 (an OS-chosen port)."""

from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from collabkg import api
from collabkg.errors import DocumentError
from collabkg.graph.store import Store
from collabkg.loaders import fetch
from tests.conftest import rows
from tests.loaders import makedocs

PAGE = b"""<!doctype html><html><head><title>CODATA and CAS workshop</title>
<meta name="author" content="CODATA"></head><body><nav>Home | About | Contact</nav><main>
<h1>CODATA and CAS workshop</h1>
<p>The Committee on Data of the International Science Council (CODATA) and the Chinese Academy of
Sciences held a joint workshop in Beijing on 12 May 2019 on open research data policies.</p>
</main></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    pdf: bytes = b""
    release = threading.Event()

    def log_message(self, *args):  # quiet
        pass

    def handle(self):
        try:
            super().handle()
        except (ConnectionResetError, BrokenPipeError):
            pass  # the client stopped reading (the size cap) or left (the timeout): as intended

    def _send(self, status: int, ctype: str, body: bytes, length: bool = True):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/agent":
            return self._send(200, "text/plain", self.headers.get("User-Agent", "").encode())
        if self.path == "/news/workshop.html":
            return self._send(200, "text/html; charset=utf-8", PAGE)
        if self.path in ("/old-address", "/loop"):  # a moved page, and a page that redirects to itself
            self.send_response(301)
            self.send_header("Location", "/news/workshop.html" if self.path == "/old-address" else "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if self.path == "/slow":
            self.release.wait(30)  # answers only when the test is over
            return self._send(200, "text/html", PAGE)
        if self.path == "/huge-declared":
            return self._send(200, "text/html", b"<p>" + b"data " * 20_000 + b"</p>")
        if self.path == "/huge-streamed":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>" + b"data " * 1000 + b"</p>")
            self.close_connection = True
            return None
        if self.path == "/mou.pdf":
            return self._send(200, "application/pdf", self.pdf)
        if self.path == "/logo.png":
            return self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        return self._send(404, "text/html", b"<p>not here</p>")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _Handler.pdf = makedocs.report_pdf(tmp_path_factory.mktemp("pdf") / "mou.pdf").read_bytes()
    _Handler.release.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_a_page_by_url_is_read_with_the_url_as_its_source(server, tmp_path):
    url = server + "/news/workshop.html"
    report = api.build([url], store=tmp_path / "store", out=tmp_path / "out")
    assert report.exit_code == 0, report.problems
    assert [(d.path, d.status) for d in report.documents] == [(url, "added")]
    with Store(tmp_path / "store") as st:
        docs = rows(st, "SELECT ?d ?src ?title WHERE { ?d a ckg:SourceDocument ; dcterms:source ?src ; dcterms:title ?title }")
        orgs = {r["l"] for r in rows(st, "SELECT ?l WHERE { ?o ckg:kind 'organization' ; rdfs:label ?l }")}
    assert [(r["src"], r["title"]) for r in docs] == [(url, "CODATA and CAS workshop")]
    assert {"Committee on Data of the International Science Council", "Chinese Academy of Sciences"} <= orgs
    # built again: fetched again, recognised as unchanged
    again = api.build([url], store=tmp_path / "store", out=tmp_path / "out")
    assert [d.status for d in again.documents] == ["unchanged"]


def test_a_redirect_is_followed_and_both_addresses_are_kept(server):
    doc = fetch.read_url(server + "/old-address")
    assert doc.meta["url"] == server + "/old-address"
    assert doc.meta["final_url"] == server + "/news/workshop.html"
    assert "joint workshop in Beijing" in doc.text


def test_too_many_redirects(server):
    with pytest.raises(DocumentError, match=r"/loop: more than 5 redirects"):
        fetch.fetch(server + "/loop")


def test_a_404_is_named_and_the_other_inputs_load(server, tmp_path):
    report = api.build([server + "/missing", server + "/news/workshop.html"], store=tmp_path / "s", out=tmp_path / "o")
    assert report.exit_code == 3
    assert [d.status for d in report.documents] == ["failed", "added"]
    assert report.problems == [f"{server}/missing: HTTP 404 Not Found (check the address in a browser; nothing was read from it)"]


def test_a_slow_server_times_out(server):
    with pytest.raises(DocumentError, match=r"/slow: no answer within 0.5 s \(ReadTimeout\)"):
        fetch.fetch(server + "/slow", timeout=0.5)


@pytest.mark.parametrize("path,message", [
    ("/huge-declared", r"too large \(0.1 MB > 0.0 MB\), not downloaded"),
    ("/huge-streamed", r"too large \(over 0.0 MB\), download stopped"),
])
def test_an_oversized_page_is_refused(server, path, message):
    with pytest.raises(DocumentError, match=message):
        fetch.fetch(server + path, max_bytes=20_000)


def test_a_pdf_by_url_is_read_by_the_pdf_reader(server, tmp_path):
    url = server + "/mou.pdf"
    report = api.build([url], store=tmp_path / "store", out=tmp_path / "out")
    assert report.exit_code == 0, report.problems
    with Store(tmp_path / "store") as st:
        found = rows(st, "SELECT ?q ?page WHERE { ?e a ckg:Evidence ; prov:value ?q ; ckg:page ?page ; prov:wasQuotedFrom ?d . ?d dcterms:source ?src }")
    assert {r["q"]: r["page"] for r in found}.get(makedocs.SIGNING) == "2"


def test_a_content_type_that_is_not_a_document(server):
    with pytest.raises(DocumentError, match=r"/logo.png: the server sends 'image/png', not a document"):
        fetch.fetch(server + "/logo.png")


def test_the_user_agent_names_collabkg(server):
    assert fetch.fetch(server + "/agent").data.decode().startswith("collabkg/")


def test_urls_from_a_file_and_from_the_command_line(server, tmp_path):
    lst = tmp_path / "urls.txt"
    lst.write_text(f"# workshop pages\n{server}/news/workshop.html\n\nnot a url\n")
    r = subprocess.run([sys.executable, "-m", "collabkg", "build", "--urls", str(lst), server + "/mou.pdf",
                        "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 3, r.stderr
    assert f"{lst}:4: not an http(s) URL: 'not a url'" in r.stderr
    assert f"{server}/news/workshop.html" in r.stdout and f"{server}/mou.pdf" in r.stdout
    assert r.stdout.count("added") == 2


def test_a_manifest_names_a_url_s_publisher_and_date(server, tmp_path):
    url = server + "/news/workshop.html"
    m = tmp_path / "manifest.yaml"
    m.write_text(f"- url: {url}\n  publisher: CODATA\n  date: 2019-05-20\n")
    report = api.build([url], store=tmp_path / "s", out=tmp_path / "o", manifest=m)
    assert report.exit_code == 0, report.problems
    with Store(tmp_path / "s") as st:
        assert rows(st, "SELECT ?p ?d WHERE { ?x a ckg:SourceDocument ; dcterms:publisher ?p ; dcterms:issued ?d }") == [
            {"p": "CODATA", "d": "2019-05-20"}]
