"""Fixtures of the SPARQL tests: stores on disk built from the hand-made miniature and from the
sample corpus, synthetic data from benchmarks/generate.py, and a live endpoint on loopback."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from collabkg.graph.store import Store

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]


def load_generate():
    """Import benchmarks/generate.py (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("collabkg_bench_generate", REPO / "benchmarks" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def generate_mod():
    return load_generate()


@pytest.fixture(scope="session")
def mini_path(tmp_path_factory) -> Path:
    """An on-disk store holding tests/sparql/data/sample.trig (closed: reopen it as needed)."""
    path = tmp_path_factory.mktemp("sparql") / "mini-store"
    store = Store(path)
    store.bulk_load(DATA / "sample.trig")
    store.close()
    return path


@pytest.fixture()
def mini_store(mini_path):
    store = Store(mini_path, read_only=True)
    yield store
    store.close()


@pytest.fixture()
def memory_store() -> Store:
    store = Store()
    store.bulk_load(DATA / "sample.trig")
    return store


@pytest.fixture(scope="session")
def corpus_path(sample_build) -> Path:
    """The store built from the bundled sample corpus (tests/conftest.py builds it once)."""
    return sample_build[1]


@pytest.fixture()
def corpus_store(corpus_path):
    store = Store(corpus_path, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def endpoint(mini_path):
    """A read-only endpoint over the miniature store on a free loopback port (short timeout)."""
    from collabkg.graph.endpoint import Endpoint

    ep = Endpoint(mini_path, port=0, timeout=2.0, max_rows=500, max_request_bytes=20_000, max_concurrent=3).start()
    yield ep
    ep.stop()
