"""Every SHACL shape has a conforming and a violating fixture, and each does what it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from collabkg.ontology import load_shapes
from collabkg.ontology.validate import validate

HERE = Path(__file__).parent / "shapes"
SH = Namespace("http://www.w3.org/ns/shacl#")
CKGSH = "https://w3id.org/collabkg/shapes#"
SHAPES = sorted(str(s)[len(CKGSH):] for s in load_shapes().subjects(RDF.type, SH.NodeShape) if str(s).startswith(CKGSH))


def fixture(name: str) -> Graph:
    text = (HERE / "_prelude.ttl").read_text() + "\n" + (HERE / name).read_text()
    return Graph().parse(data=text, format="turtle")


def test_there_are_shapes_and_every_one_has_both_fixtures():
    assert len(SHAPES) >= 10
    for shape in SHAPES:
        assert (HERE / f"{shape}-ok.ttl").is_file(), f"{shape} has no conforming fixture"
        assert (HERE / f"{shape}-bad.ttl").is_file(), f"{shape} has no violating fixture"


def test_the_prelude_alone_conforms():
    assert validate(Graph().parse(HERE / "_prelude.ttl")).conforms


@pytest.mark.parametrize("shape", SHAPES)
def test_conforming_fixture(shape):
    result = validate(fixture(f"{shape}-ok.ttl"))
    assert result.conforms, [str(v) for v in result.violations]


@pytest.mark.parametrize("shape", SHAPES)
def test_violating_fixture(shape):
    result = validate(fixture(f"{shape}-bad.ttl"))
    assert not result.conforms
    assert any(v.shape == f"ckgsh:{shape}" for v in result.violations), [str(v) for v in result.violations]
    # the report is readable: focus node, path and message in one line
    line = str(next(v for v in result.violations if v.shape == f"ckgsh:{shape}"))
    assert "http://example.org/" in line and ": " in line


def test_readable_report_names_label_path_and_message():
    result = validate(fixture("AgreementShape-bad.ttl"))
    v = next(v for v in result.violations if v.shape == "ckgsh:AgreementShape")
    assert v.focus_label == "MoU"
    assert v.path == "ckg:party"
    assert "at least two parties" in v.message
