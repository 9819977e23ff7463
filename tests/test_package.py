"""The package: one import name, closed namespace in sync with the ontology, runnable docstrings."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph

import collabkg
from collabkg.ontology import load_ontology

ROOT = Path(__file__).resolve().parents[1]


def all_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(collabkg.__path__, "collabkg."):
        names.append(info.name)
    for sub in ("collabkg.graph", "collabkg.loaders", "collabkg.ontology"):
        pkg = importlib.import_module(sub)
        names += [i.name for i in pkgutil.walk_packages(pkg.__path__, sub + ".")]
    return sorted(set(n for n in names if not n.rsplit(".", 1)[-1].startswith("_") or n.endswith("__init__")))


def test_namespace_module_is_generated_from_the_ontology():
    sys.path.insert(0, str(ROOT / "ontology"))
    try:
        import _generate
    finally:
        sys.path.pop(0)
    g = Graph().parse(ROOT / "ontology" / "collabkg.ttl")
    assert (ROOT / "ontology" / "namespace.py").read_text() == _generate.render(g), "run: python ontology/_generate.py"


def test_a_misspelt_term_fails():
    from collabkg.ontology.namespace import CKG

    assert str(CKG.MemorandumOfUnderstanding).endswith("#MemorandumOfUnderstanding")
    with pytest.raises(AttributeError):
        CKG.MemorandumOfUnderstandin  # noqa: B018


def test_every_own_term_has_label_and_comment():
    g = load_ontology()
    ns = "https://w3id.org/collabkg/ontology#"
    terms = {s for s in g.subjects(RDF.type, None) if str(s).startswith(ns) and str(s) != ns}
    assert len(terms) > 40
    for t in terms:
        assert g.value(t, RDFS.label) is not None, t
        assert g.value(t, RDFS.comment) is not None, t


def test_ontology_reuses_standard_vocabularies():
    g = load_ontology()
    supers = {str(o) for o in g.objects(None, RDFS.subClassOf)} | {str(o) for o in g.objects(None, RDFS.subPropertyOf)}
    for ns in ("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "https://schema.org/",
               "http://www.w3.org/2004/02/skos/core#", "http://xmlns.com/foaf/0.1/"):
        assert any(s.startswith(ns) for s in supers), ns


@pytest.mark.parametrize("module", all_modules())
def test_docstring_examples_run(module):
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{module}: {result.failed} of {result.attempted} examples failed"


def test_every_subpackage_is_declared_for_the_wheel():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    declared = set(cfg["packages"])
    mapping = cfg["package-dir"]
    for pkg, folder in mapping.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            name = ".".join([pkg, *rel.parts]) if rel.parts else pkg
            if "__pycache__" in name:
                continue
            assert name in declared, f"{name} is missing from [tool.setuptools] packages"


def test_every_folder_of_data_files_is_declared_for_the_wheel():
    """A folder of data files inside the package (queries, templates) is a package to setuptools:
    undeclared, it warns at every install and may stop shipping it."""
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    declared = set(cfg["packages"])
    checked = set()
    for pkg, folder in cfg["package-dir"].items():
        for sub in (ROOT / folder).rglob("*"):
            if sub.is_dir() and "__pycache__" not in sub.parts and any(f.is_file() for f in sub.iterdir()):
                name = ".".join([pkg, *sub.relative_to(ROOT / folder).parts])
                assert name in declared, f"{name} is missing from [tool.setuptools] packages"
                data = cfg["package-data"].get(name, [])
                assert (sub / "__init__.py").exists() or data, f"{name}: no package-data patterns for its files"
                checked.add(name)
    assert {"collabkg.graph.queries", "collabkg.graph.views.templates"} <= checked  # the data folders were found


def test_the_wheel_holds_one_top_level_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    import zipfile

    wheel = next(tmp_path.glob("collabkg-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names}
    assert tops == {"collabkg", next(t for t in tops if t.endswith(".dist-info"))}
    for must in ("collabkg/ontology/collabkg.ttl", "collabkg/ontology/shapes.ttl", "collabkg/loaders/registry.yaml",
                 "collabkg/corpus/sources.yaml", "collabkg/corpus/codata-china-us-roundtable.txt",
                 "collabkg/graph/queries/agreements.rq", "collabkg/graph/queries/evidence_for_relationship.cypher",
                 "collabkg/graph/views/templates/collabkg.html", "collabkg/graph/views/templates/collabkg.js",
                 "collabkg/loaders/patterns/posts.yaml", "collabkg/loaders/patterns/participation.yaml"):
        assert must in names, must


def test_architecture_doc_table_is_generated_from_the_ontology():
    from collabkg.ontology.reference import END, START, render_table

    text = (ROOT / "docs" / "architecture.md").read_text()
    table = text[text.index(START) + len(START):text.index(END)]
    assert table == "\n" + render_table(), "run: python -m collabkg.ontology.reference docs/architecture.md"
