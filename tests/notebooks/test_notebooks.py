"""The notebooks in ``notebooks/``, executed top to bottom in a real kernel, against a real Neo4j.

Each notebook runs with nbclient in an IPython kernel started from this interpreter (a kernelspec
written to a temporary folder, so nothing is installed for the user), in a temporary working
folder, with ``NEO4J_*`` from the environment (``scripts/test`` starts the server). Any error in
any cell fails the test. Neo4j is never skipped: unreachable is a failure that says why; a
database holding data the tests did not write is refused unless ``COLLABKG_TEST_NEO4J_WIPE=1``
(same marker and rule as ``tests/neo4j/conftest.py``).

What is checked beyond "it ran": the inline views are an ``<iframe srcdoc>`` holding the whole
page with vis-network inline and no CDN, and they draw in a real Chromium; the SPARQL/Cypher
comparisons all hold and the mirror was really written; no cell writes to the user's store;
the committed notebooks carry no outputs and define no code of their own.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from collabkg.errors import Neo4jError
from collabkg.graph.neo4j import Neo4jConfig, clear, connect
from tests.neo4j.neo4j_db import MARKER, _guard, test_config  # the same settings and guard as the Neo4j tests

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EXPECTED = ["01_build_and_explore.ipynb", "02_sparql_and_cypher.ipynb", "03_tracing_collaboration.ipynb"]
NEEDS_NEO4J = {"02_sparql_and_cypher.ipynb"}
#: Inline views each notebook draws (cells ending in ``show(...)``).
VIEWS = {"01_build_and_explore.ipynb": 1, "02_sparql_and_cypher.ipynb": 0, "03_tracing_collaboration.ipynb": 2}

CDN_HOSTS = ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "code.jquery.com", "stackpath.bootstrapcdn.com",
             "maxcdn.bootstrapcdn.com", "ajax.googleapis.com")
CELL_TIMEOUT = 600


# -- Neo4j: the server the test command started ---------------------------------------------------

@pytest.fixture(scope="session")
def notebook_neo4j() -> Neo4jConfig:
    """A reachable Neo4j whose mirror the notebook may replace; its settings."""
    cfg = test_config()
    try:
        driver = connect(cfg)
    except Neo4jError as e:
        ci = os.environ.get("CI", "").lower() == "true"
        pytest.fail(
            f"notebooks/02 needs Neo4j and none answered at {cfg.uri} (database {cfg.database_label}): {e}. "
            "Start one with `scripts/neo4j-local start` (and `eval \"$(scripts/neo4j-local env --with-password)\"`), or set "
            "NEO4J_URI/NEO4J_PASSWORD." + (" CI=true: these tests must run, not skip." if ci else ""),
            pytrace=False)
    with driver:
        _guard(driver, cfg, who="the notebooks", why="notebook 02 replaces the mirror")
        clear(driver=driver)  # the notebook then syncs into an empty database (the bulk path)
        with driver.session(database=cfg.database) as s:
            s.run(f"MERGE (:{MARKER})").consume()
    return cfg


# -- running a notebook ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def kernel_spec_manager(tmp_path_factory):
    """A kernelspec that starts ipykernel with this very interpreter (the venv), in a temp folder."""
    from jupyter_client.kernelspec import KernelSpecManager

    kernels = tmp_path_factory.mktemp("kernels")
    spec = kernels / "collabkg-notebook-test"
    spec.mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "collabkg tests", "language": "python"}))
    return KernelSpecManager(kernel_dirs=[str(kernels)])


class Run:
    """An executed notebook, the folder it ran in, and the user store it must not have touched."""

    def __init__(self, nb, cwd: Path, user_store: Path, seconds: float):
        self.nb, self.cwd, self.user_store, self.seconds = nb, cwd, user_store, seconds

    def code_cells(self):
        return [c for c in self.nb.cells if c.cell_type == "code"]

    def html_outputs(self) -> list[str]:
        return [o["data"]["text/html"] for c in self.code_cells() for o in c.outputs
                if o.get("output_type") in ("display_data", "execute_result") and "text/html" in o.get("data", {})]

    def views(self) -> list[str]:
        return [h for h in self.html_outputs() if "<iframe" in h]


@pytest.fixture(scope="session")
def run_notebook(request, kernel_spec_manager, tmp_path_factory):
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    done: dict[str, Run] = {}

    def _run(name: str) -> Run:
        if name in done:
            return done[name]
        env = dict(os.environ)
        if name in NEEDS_NEO4J:
            cfg = request.getfixturevalue("notebook_neo4j")
            env.update(NEO4J_URI=cfg.uri, NEO4J_USERNAME=cfg.username, NEO4J_PASSWORD=cfg.password or "")
            if cfg.database:
                env["NEO4J_DATABASE"] = cfg.database
        cwd = tmp_path_factory.mktemp(name.split("_")[0] + "-cwd")
        # where a notebook would write if it used the user's default store: it must stay empty
        user_store = cwd / "users-own-collabkg" / "store"
        env["COLLABKG_STORE"] = str(user_store)
        # the notebooks' own temporary folders (tempfile.mkdtemp) land here, and pytest removes them
        (cwd / "tmp").mkdir()
        env["TMPDIR"] = str(cwd / "tmp")
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        km = KernelManager(kernel_name="collabkg-notebook-test", kernel_spec_manager=kernel_spec_manager)
        client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT, allow_errors=False,
                                resources={"metadata": {"path": str(cwd)}})
        t0 = time.perf_counter()
        client.execute(env=env)  # raises CellExecutionError, naming the cell, on any error
        done[name] = Run(nb, cwd, user_store, time.perf_counter() - t0)
        return done[name]

    return _run


# -- the tests ---------------------------------------------------------------------------------

def test_the_three_walkthroughs_are_there():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_notebook_has_no_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name} cell {i} was committed with outputs: clear them"
            assert cell.execution_count is None, f"{name} cell {i} was committed with an execution count"


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_only_calls_the_library(name):
    """No functions or classes of its own: code used twice belongs in the package."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert any(c.cell_type == "markdown" and len(c.source) > 200 for c in nb.cells), "no prose"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        defined = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
        assert not defined, f"{name} cell {i} defines {defined}: move it into the package"
        imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert imported <= {"collabkg", "pandas", "rdflib", "pathlib", "tempfile", "dataclasses"}, (name, i, imported)


@pytest.mark.slow
@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.neo4j) if n in NEEDS_NEO4J else n
                                  for n in EXPECTED])
def test_notebook_runs_top_to_bottom(run_notebook, name):
    run = run_notebook(name)
    cells = run.code_cells()
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    for i, cell in enumerate(cells):
        for out in cell.outputs:
            assert out["output_type"] != "error", f"cell {i}: {out.get('ename')}: {out.get('evalue')}"
            if out["output_type"] == "stream":
                assert out["name"] == "stdout", f"{name} code cell {i} wrote to stderr:\n{out['text'][:2000]}"
    for i, cell in enumerate(cells):  # a cell ending in a value (a table, a view) showed it
        last = ast.parse(cell.source).body[-1]
        if isinstance(last, ast.Expr) and not (isinstance(last.value, ast.Call) and (
                getattr(last.value.func, "id", None) == "print" or getattr(last.value.func, "attr", None) == "close")):
            assert any(o["output_type"] in ("execute_result", "display_data") for o in cell.outputs), \
                f"{name} code cell {i} shows nothing"
    assert not run.user_store.exists(), f"{name} wrote to the user's store {run.user_store}"
    assert not (run.cwd / ".collabkg").exists(), f"{name} made a .collabkg store in its working folder"
    stores = list((run.cwd / "tmp").glob(f"collabkg-{name[:2]}-*/store"))
    assert len(stores) == 1, f"{name} should build into one temporary store, found {stores}"


class _Frames(HTMLParser):
    """The iframes of an HTML fragment, with their attributes unescaped (as a browser reads them)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.frames: list[dict] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if tag == "iframe":
            self.frames.append(d)


def _parse(html: str) -> _Frames:
    p = _Frames()
    p.feed(html)
    p.close()
    return p


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in EXPECTED if VIEWS[n]])
def test_inline_views_are_self_contained_iframes(run_notebook, name):
    run = run_notebook(name)
    views = run.views()
    assert len(views) == VIEWS[name], f"{name}: expected {VIEWS[name]} inline views, found {len(views)}"
    for html in views:
        outer = _parse(html)
        assert [t for t, _ in outer.tags] == ["div", "iframe"], "one iframe in one div, nothing else"
        frame = outer.frames[0]
        assert "src" not in frame, "the view must not point at a file or a server"
        page = frame["srcdoc"]
        assert page.lstrip().startswith("<!DOCTYPE html>")
        inner = _parse(page)
        scripts = [a for t, a in inner.tags if t == "script"]
        assert scripts and not any("src" in a for a in scripts), "every script inline"
        assert not any(t == "link" for t, _ in inner.tags), "no stylesheet links"
        # vis-network itself is in the page (its bundle's banner and its Network class)
        assert re.search(r"vis-network", page) and "Network" in page and len(page) > 300_000
        for host in CDN_HOSTS:
            assert host not in html, f"{name}: a view refers to the CDN {host}"
        assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page), "an http(s) resource in the page"
        data = re.search(r'<script type="application/json" id="ckg-data">(.*?)</script>', page, re.S)
        assert data and json.loads(data.group(1))["nodes"], "the page carries the nodes it draws"


@pytest.mark.slow
@pytest.mark.neo4j
def test_sparql_and_cypher_answers_are_equal(run_notebook, notebook_neo4j):
    run = run_notebook("02_sparql_and_cypher.ipynb")
    verdicts = [re.search(r">((?:same|DIFFERENT) rows: \d+ and \d+)<", h) for h in run.html_outputs()]
    verdicts = [v.group(1) for v in verdicts if v]
    assert len(verdicts) == 5 and all(v.startswith("same rows") for v in verdicts), verdicts
    assert all(int(n) > 0 for v in verdicts for n in re.findall(r"\d+", v))
    from collabkg.graph.neo4j import run_cypher

    n = run_cypher("MATCH (p:org__Post) RETURN count(p) AS n", config=notebook_neo4j)[0]["n"]
    assert n == 5, "the notebook's sync did not leave the mirror of the sample corpus in Neo4j"


# -- what actually shows: the inline view in a real browser --------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def chromium():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("needs Debian's chromium and chromium-driver: run scripts/test, which installs them", pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-extensions",
              "--window-size=1400,1000", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
              f"--user-data-dir={tempfile.mkdtemp(prefix='ckg-nb-chromium-')}"]:
        options.add_argument(a)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _wait(driver, script: str, timeout: float = 60.0) -> bool:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if driver.execute_script(script):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("name", [n for n in EXPECTED if VIEWS[n]])
def test_inline_view_draws_in_a_browser(run_notebook, chromium, name, tmp_path):
    """The output as a notebook front end shows it: the HTML put into a page, the iframe drawn."""
    html = run_notebook(name).views()[0]
    host = tmp_path / "output-area.html"  # like Jupyter's output area: the HTML inserted into a page
    host.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>output</title></head>"
                    f"<body><div class='jp-OutputArea-output'>{html}</div></body></html>", encoding="utf-8")
    d = chromium
    d.get("about:blank")
    d.get_log("browser"), d.get_log("performance")
    d.get(host.as_uri())
    frame = d.find_element("css selector", "div.collabkg-view iframe")
    assert frame.size["height"] >= 400 and frame.size["width"] >= 400, frame.size
    d.switch_to.frame(frame)
    try:
        assert _wait(d, "return !!(window.ckg && window.ckg.stable !== null)"), "the view never stabilised"
        nodes = d.execute_script("return window.ckg.nodes.length")
        drawn = d.execute_script("""
            const c = document.querySelector('#mynetwork canvas');
            if (!c) return 0;
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
            return n;""")
        legend = d.execute_script("return document.getElementById('ckg-legend').innerText")
    finally:
        d.switch_to.default_content()
    assert nodes > 3 and drawn > 2000, (nodes, drawn)
    assert "organization" in legend
    errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    events = [json.loads(e["message"])["message"] for e in d.get_log("performance")]
    urls = [m["params"]["request"]["url"] for m in events if m["method"] == "Network.requestWillBeSent"]
    outside = [u for u in urls if not u.startswith(("file://", "data:", "about:"))]
    assert not outside, f"the view fetched {outside}"
