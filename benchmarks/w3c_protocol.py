"""Run the W3C SPARQL 1.1 Protocol and Graph Store Protocol tests (w3c/rdf-tests) against `collabkg serve`.

Each test of the manifest is one or more HTTP requests with their expected status, result format
and boolean. The script starts `collabkg serve` twice on a store holding the tests' data graphs
(``data1.nt`` ... as the named graphs their labels name): once read-only (the update tests are
then expected to be refused; the query tests must pass) and once with ``--allow-writes`` (every
request carries the bearer token). Before each test the write server's store is reset with the
Graph Store Protocol. Then the Graph Store Protocol tests (``graph-store-protocol/``, direct
and indirect identification, ``/gsp`` mapped to ``/store``) run in manifest order on the write
server; a response body must be isomorphic (rdflib) to the expected one. The test suite of the
project does not need the vendored tests; this script does.

Usage::

    python benchmarks/w3c_protocol.py --tests ../shared/vendor/w3c-rdf-tests/sparql11
    python benchmarks/w3c_protocol.py --tests DIR --only query_post_form -v
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.dom.minidom
from pathlib import Path

from rdflib import Graph, Namespace, RDF, RDFS
from rdflib.collection import Collection

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
TOKEN = "w3c-protocol-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_tests(folder: Path) -> list[dict]:
    g = Graph().parse(folder / "manifest.ttl", format="turtle")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    tests = []
    for t in Collection(g, g.value(manifest, MF.entries)):
        name = str(t).rsplit("#", 1)[-1]
        data = {}
        for gd in g.objects(t, UT.graphData):
            data[str(g.value(gd, RDFS.label))] = folder / Path(str(g.value(gd, UT.graph))).name
        requests = []
        action = g.value(t, MF.action)
        for r in Collection(g, g.value(action, HT.requests)):
            body = g.value(r, HT.body)
            chars = enc = None
            if body is not None:
                chars = str(g.value(body, CNT.chars))
                enc = str(g.value(body, CNT.characterEncoding) or "UTF-8")
            headers = {}
            hl = g.value(r, HT.headers)
            if hl is not None:
                for h in Collection(g, hl):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            resp = g.value(r, HT.resp)
            statuses = {str(s).replace(HTS, "")[0] for s in g.objects(resp, MF.expectedStatus)}
            boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            requests.append({"method": str(g.value(r, HT.methodName)), "path": str(g.value(r, HT.absolutePath)),
                             "body": chars, "encoding": enc, "headers": headers, "statuses": statuses,
                             "boolean": None if boolean is None else boolean.toPython(),
                             "format": None if fmt is None else str(fmt)})
        tests.append({"name": name, "data": data, "requests": requests,
                      "update": any("update" in name for _ in [0])})
    return tests


_HTS = {"OK": "200", "Created": "201", "NoContent": "204", "NotFound": "404", "BadRequest": "400"}


def load_gsp_tests(folder: Path) -> list[dict]:
    tests = []
    for name in ("manifest-direct.ttl", "manifest-indirect.ttl"):
        g = Graph().parse(folder / name, format="turtle")
        manifest = next(g.subjects(RDF.type, MF.Manifest))
        for t in Collection(g, g.value(manifest, MF.entries)):
            requests = []
            for r in Collection(g, g.value(g.value(t, MF.action), HT.requests)):
                body = g.value(r, HT.body)
                headers = {}
                hl = g.value(r, HT.headers)
                if hl is not None:
                    for h in Collection(g, hl):
                        headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
                resp = g.value(r, HT.resp)
                statuses = set()
                for st in g.objects(resp, MF.expectedStatus):
                    code = str(st).rsplit("#", 1)[-1]
                    statuses.add(_HTS.get(code, code.replace("StatusCode", "")[:1]))
                rbody, rtype = g.value(resp, HT.body), None
                rhl = g.value(resp, HT.headers)
                if rhl is not None:
                    for h in Collection(g, rhl):
                        if str(g.value(h, HT.fieldName)).lower() == "content-type":
                            rtype = str(g.value(h, HT.fieldValue))
                loc = g.value(resp, MF.expectedLocation)
                requests.append({"method": str(g.value(r, HT.methodName)),
                                 "path": str(g.value(r, HT.absolutePath)).replace("/gsp", "/store", 1),
                                 "body": str(g.value(body, CNT.chars)) if body is not None else None,
                                 "headers": headers, "statuses": statuses, "location": str(loc) if loc else None,
                                 "expected": str(g.value(rbody, CNT.chars)) if rbody is not None else None,
                                 "expected_type": rtype})
            tests.append({"name": str(t).rsplit("#", 1)[-1], "requests": requests,
                          "requires": {str(x).rsplit("#", 1)[-1] for x in g.objects(t, MF.requires)}})
    return tests


def run_gsp(port: int, tests: list[dict], verbose: bool) -> tuple[int, list]:
    from rdflib.compare import isomorphic

    base = f"http://127.0.0.1:{port}"
    passed, failures = 0, []
    for t in tests:
        reset(port, {})  # each test from an empty store (they assume it: a first PUT answers 201)
        vars_, ok, why = {}, True, ""
        for req in t["requests"]:
            path, body = req["path"], req["body"]
            for k, v in vars_.items():
                path = path.replace(k, v)
                body = body.replace(k, v) if body else body
            if path.startswith(base):
                path = path[len(base):]
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request(req["method"], path, body=body.encode() if body is not None else None,
                         headers={**req["headers"], "Authorization": f"Bearer {TOKEN}"})
            r = conn.getresponse()
            data = r.read()
            conn.close()
            code = str(r.status)
            if code not in req["statuses"] and code[0] not in req["statuses"]:
                ok, why = False, f"{req['method']} {path}: status {r.status} (expected {sorted(req['statuses'])}) {data[:150]!r}"
                break
            if req["location"]:
                vars_[req["location"]] = r.getheader("Location", "")
            if req["expected"] is not None and req["method"] == "GET":
                fmt = "turtle" if "turtle" in (req["expected_type"] or "turtle") else "xml"
                url = base + path
                want = Graph().parse(data=req["expected"], format=fmt, publicID=url)
                try:
                    got = Graph().parse(data=data.decode(), format=category_format(r.getheader("Content-Type", "")),
                                        publicID=url)
                except Exception as e:  # noqa: BLE001 - reported as a failure
                    ok, why = False, f"GET {path}: unreadable body ({e})"
                    break
                if not isomorphic(want, got):
                    ok, why = False, f"GET {path}: the graph differs ({len(got)} vs {len(want)} triples expected)"
                    break
        passed += ok
        if not ok:
            failures.append((t["name"], why))
        if verbose:
            print(f"gsp       {'PASS' if ok else 'FAIL'} {t['name']} {why}")
    return passed, failures


def category_format(ctype: str) -> str:
    c = ctype.split(";")[0].strip().lower()
    return {"application/n-triples": "nt", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}.get(c, "turtle")


def boolean_of(ctype: str, body: bytes):
    if "json" in ctype:
        return json.loads(body).get("boolean")
    if "xml" in ctype:
        node = xml.dom.minidom.parseString(body).getElementsByTagName("boolean")
        return node[0].firstChild.data.strip() == "true" if node else None
    return None


def category(ctype: str) -> str:
    c = ctype.split(";")[0].strip().lower()
    if c in ("application/sparql-results+json", "application/sparql-results+xml", "application/json",
             "application/xml", "text/csv", "text/tab-separated-values"):
        return "tabular/boolean"
    if c in ("text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json",
             "application/n-quads", "application/trig", "text/n3"):
        return "RDF"
    return c


def run_request(port: int, req: dict, token: str | None) -> tuple[bool, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    path = req["path"].replace("/sparql/", "/sparql", 1) if req["path"].startswith("/sparql/?") else req["path"]
    body = req["body"].encode(req["encoding"]) if req["body"] is not None else None
    headers = {"Accept": "application/sparql-results+json, text/turtle;q=0.9", **req["headers"]}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(req["method"], path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    status = str(r.status)[0]
    if status not in req["statuses"]:
        return False, f"status {r.status} (expected {sorted(req['statuses'])}xx): {data[:200]!r}"
    ctype = r.getheader("Content-Type", "")
    if req["format"] in ("boolean", "tabular") and category(ctype) != "tabular/boolean":
        return False, f"format: got {ctype}, expected {req['format']}"
    if req["format"] == "RDF" and category(ctype) != "RDF":
        return False, f"format: got {ctype}, expected RDF"
    if req["boolean"] is not None and boolean_of(ctype, data) != req["boolean"]:
        return False, f"boolean: got {data[:200]!r}, expected {req['boolean']}"
    return True, ""


def start_server(store: Path, writes: bool, port: int | None = None) -> tuple[subprocess.Popen, int]:
    port = port or free_port()
    cmd = [sys.executable, "-m", "collabkg", "serve", "--store", str(store), "--port", str(port)]
    if writes:
        cmd += ["--allow-writes", "--token", TOKEN]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/sparql?query=ASK%7B%7D")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("collabkg serve did not start")


def reset(port: int, data: dict[str, Path]) -> None:
    def send(method, path, body=None, ctype=None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        h = {"Authorization": f"Bearer {TOKEN}"}
        if ctype:
            h["Content-Type"] = ctype
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        r.read()
        conn.close()
        assert r.status < 300, (method, path, r.status)
    send("POST", "/sparql", b"DROP ALL", "application/sparql-update")
    for label, f in data.items():
        send("PUT", "/store?graph=" + urllib.parse.quote(label, safe=""), f.read_bytes(), "application/n-triples")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tests", type=Path, required=True, help="the sparql11 folder of w3c/rdf-tests")
    ap.add_argument("--only", action="append", default=[], help="run this test only (repeatable)")
    ap.add_argument("--json", type=Path, help="write the per-test outcome here")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--port", type=int, default=None, help="serve on this loopback port (default: a free one)")
    args = ap.parse_args(argv)
    gsp_tests = [t for t in load_gsp_tests(args.tests / "graph-store-protocol") if not args.only or t["name"] in args.only]
    args.tests = args.tests / "protocol"
    tests = [t for t in load_tests(args.tests) if not args.only or t["name"] in args.only]
    all_data = {}
    for t in tests:
        all_data.update(t["data"])
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        load = [sys.executable, "-m", "collabkg", "load", "--quiet", "--store", str(store)]
        subprocess.run(load + [str(args.tests / "data1.nt"), "--graph", "http://example.org/none"], check=True,
                       stderr=subprocess.DEVNULL)
        for label, f in all_data.items():
            subprocess.run(load + [str(f), "--graph", label], check=True, stderr=subprocess.DEVNULL)
        for mode in ("read-only", "writes"):
            proc, port = start_server(store, mode == "writes", args.port)
            try:
                passed, failures = 0, []
                for t in tests:
                    if mode == "writes":
                        reset(port, t["data"])
                    ok, why = True, ""
                    for req in t["requests"]:
                        r = dict(req)
                        if mode == "read-only" and t["name"].startswith("update_"):
                            r["statuses"], r["boolean"], r["format"] = {"4"}, None, None  # refused: 403
                        ok, why = run_request(port, r, TOKEN if mode == "writes" else None)
                        if not ok or (mode == "read-only" and t["name"].startswith("update_")):
                            break
                    passed += ok
                    out.setdefault(t["name"], {})[mode] = ok
                    if not ok:
                        failures.append((t["name"], why))
                    if args.verbose:
                        print(f"{mode:9} {'PASS' if ok else 'FAIL'} {t['name']} {why}")
                print(f"{mode}: {passed} of {len(tests)} W3C protocol tests pass")
                for name, why in failures:
                    print(f"  FAIL {name}: {why}")
                if mode == "writes" and gsp_tests:
                    passed, failures = run_gsp(port, gsp_tests, args.verbose)
                    print(f"graph store protocol: {passed} of {len(gsp_tests)} W3C tests pass")
                    for name, why in failures:
                        print(f"  FAIL {name}: {why}")
                        out.setdefault(name, {})["gsp"] = False
            finally:
                proc.terminate()
                proc.wait(30)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
