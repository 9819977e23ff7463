"""Writing a benchmark run into RESULTS.md keeps the hand-written notes (``benchmarks/results.py``)."""

from __future__ import annotations

import doctest
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
# benchmarks/ is not a package: load the module by its path, under a name of its own
_spec = importlib.util.spec_from_file_location("collabkg_bench_results", BENCH / "results.py")
results = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(results)


def outside_markers(text: str) -> list[str]:
    out, inside = [], False
    for line in text.splitlines():
        if line == results.START:
            inside = True
        elif line == results.END:
            inside = False
        elif not inside:
            out.append(line)
    return out


def test_docstring_examples():
    assert doctest.testmod(results).failed == 0


@pytest.mark.parametrize("title", ["Neo4j sync", "SPARQL", "n10s conformance", "W3C RDF test suites through the Neo4j mirror"])
def test_a_new_run_replaces_only_the_generated_part_of_the_real_results_file(title, tmp_path):
    path = tmp_path / "RESULTS.md"
    original = (BENCH / "RESULTS.md").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    results.write_generated(path, title, "`python benchmarks/...` (new run)\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    new = path.read_text(encoding="utf-8")
    assert outside_markers(new) == outside_markers(original)  # every hand-written line kept, in place
    section = new[new.index(f"## {title}\n"):]
    assert "(new run)" in section.split("\n## ")[0] and new.count("(new run)") == 1
    assert new.count(results.START) == original.count(results.START) >= 2


def test_a_section_without_markers_gets_them_under_its_heading(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text("# Benchmark results\n\n## Views\n\nHand-written.\n\n## Analysis\n\nMore.\n", encoding="utf-8")
    results.write_generated(path, "Views", "run 1")
    results.write_generated(path, "Views", "run 2")
    text = path.read_text(encoding="utf-8")
    assert "run 1" not in text and text.count("run 2") == 1
    assert text.index("## Views") < text.index("run 2") < text.index("Hand-written.") < text.index("## Analysis")
    assert text.endswith("## Analysis\n\nMore.\n")
