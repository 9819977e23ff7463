"""Fixtures of the view tests: a headless Chromium session, the miniature corpus with hostile
text in it, and the built sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckg_browser import (CHROMEDRIVER, CHROMIUM, XSS_IRI, XSS_NAME, XSS_QUOTE, Page,  # noqa: F401
                         start_chromium, stop_chromium)
from collabkg.graph.analysis import project



@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        # scripts/test installs them; a missing browser must not pass silently as skipped tests
        pytest.fail("the view tests need Debian's chromium and chromium-driver: run scripts/test, or "
                    "apt-get install -y chromium chromium-driver")
    driver = start_chromium()
    yield driver
    stop_chromium(driver)


@pytest.fixture()
def open_page(browser):
    def _open(path, timeout: float = 60.0) -> Page:
        return Page(browser, path, timeout)

    return _open


@pytest.fixture()
def hostile(mini_store):
    """The miniature corpus plus an entity whose name, quote and document title are HTML."""
    G = project(mini_store)
    cas = "https://w3id.org/collabkg/id/organization/chinese-academy-of-sciences"
    evidence = [{"quote": XSS_QUOTE, "document": "https://w3id.org/collabkg/id/document/<b>x</b>",
                 "title": "<b>bold</b> title", "issued": None, "method": None}]
    G.add_node(XSS_IRI, kind="organization", name=XSS_NAME, aliases=["<svg onload=window.ckgPwned=3>"],
               types=["Organization"], attributes={"note": "</script><script>window.ckgPwned=4</script>"},
               evidence=evidence, start=None, end=None)
    G.add_edge(XSS_IRI, cas, relation="part of <i>x</i>", weight=1, start=None, end=None,
               statements=[{"source": XSS_IRI, "target": cas, "predicate": "org:subOrganizationOf",
                            "relation": "part of <i>x</i>", "evidence": evidence}])
    return G


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """The projection of the bundled sample corpus, built with ``collabkg.api.build``."""
    from collabkg import api
    from collabkg.graph.analysis import load_graph

    root = tmp_path_factory.mktemp("sample-views")
    assert api.build(store=root / "store", out=root / "out").exit_code == 0
    return load_graph(root / "store")
