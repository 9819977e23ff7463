"""Every relation pattern (loaders/patterns/*.yaml) reads the facts its own example sentence states,
and names itself in their evidence; the pattern files are checked for what an analyst may get wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.dates import find_dates
from collabkg.loaders.discourse import _PREDICATES
from collabkg.loaders.documents import Document
from collabkg.loaders.extract import Extractor
from collabkg.loaders.nlp import get_pipeline
from collabkg.loaders.registry import load_places, load_registry
from collabkg.loaders.relations import PatternError, load_patterns

PATTERNS = load_patterns()


def _holds(ex, subj: str, fact: str, obj: str, method: str) -> bool:
    """Whether pattern ``method`` read ``subj fact obj`` (labels contain the texts; a fact another
    rule read first still counts: the pattern's reading is logged)."""
    x = ex.x
    labels = lambda k: {x.entities[k].label.lower(), *(a.lower() for a in x.entities[k].alt_labels)} if k in x.entities else {str(k).lower()}  # noqa: E731
    has = lambda k, text: any(text.lower() in lab for lab in labels(k))  # noqa: E731
    pred = {"post": "org:Post", "date": "schema:startDate"}.get(fact) or _PREDICATES[fact]
    for m, a, p, b in ex.discourse.log:
        if m != method or p != pred:
            continue
        if fact == "party" and has(b, obj):
            return True
        if fact == "date" and has(a, subj) and find_dates(str(b))[0].start == find_dates(obj)[0].start:
            return True
        if has(a, subj) and has(b, obj):
            return True
    return False


@pytest.mark.parametrize("p", PATTERNS, ids=[p.method for p in PATTERNS])
def test_pattern_reads_its_example(p):
    assert p.expect, f"{p.method}: the example states no expected fact"
    ex = Extractor(Document(Path("example.txt"), p.example, issued=dt.date(2023, 1, 15)), load_registry(), load_places(), get_pipeline())
    ex.run()
    for subj, fact, obj in p.expect:
        assert _holds(ex, subj, fact, obj, p.method), (
            f"{p.method}: {subj!r} {fact} {obj!r} not read from {p.example!r}; the patterns read: {ex.discourse.log}")


def test_every_family_file_is_there():
    assert {p.family for p in PATTERNS} >= {"posts", "participation", "organisation", "dates-and-places", "agreements",
                                            "sponsorship", "leadership", "parts-and-memberships", "locations", "cooperation"}


def test_pattern_names_are_unique_and_methods_name_family_and_pattern():
    methods = [p.method for p in PATTERNS]
    assert len(methods) == len(set(methods))
    assert all(m.startswith("pattern:") and m.count("/") == 1 for m in methods)


@pytest.mark.parametrize("text, message", [
    ("patterns:\n  - name: x\n    example: 'A met B.'\n    emit: [{fact: attendee, event: e, agent: a}]\n", "exactly one of"),
    ("patterns:\n  - name: x\n    example: 'A met B.'\n    dependency: [{RIGHT_ID: e, RIGHT_ATTRS: {}}]\n    emit: [{fact: attends, event: e}]\n", "unknown fact 'attends'"),
    ("patterns:\n  - name: x\n    example: 'A met B.'\n    dependency: [{RIGHT_ID: e, RIGHT_ATTRS: {}}]\n    emit: [{fact: attendee, event: e, agent: b}]\n", "does not define"),
    ("patterns:\n  - name: x\n    dependency: [{RIGHT_ID: e, RIGHT_ATTRS: {}}]\n    emit: [{fact: attendee, event: e, agent: e}]\n", "needs 'example'"),
    ("patterns:\n  - name: x\n    example: 'A.'\n    dependency: [{RIGHT_ID: e, RIGHT_ATTRS: {LOWER: {IN: [in, on]}}}]\n    emit: [{fact: attendee, event: e, agent: e}]\n", "quote"),
    ("patterns: [\n", "not valid YAML"),
])
def test_a_bad_pattern_file_is_refused_with_file_and_pattern_named(tmp_path, text, message):
    (tmp_path / "family.yaml").write_text(text)
    with pytest.raises(PatternError) as e:
        load_patterns(tmp_path)
    assert message in str(e.value) and "family.yaml" in str(e.value)


def test_an_analyst_adds_a_pattern_without_python(tmp_path):
    (tmp_path / "extra.yaml").write_text(
        "family: extra\npatterns:\n  - name: agent-welcomed-agent\n    example:\n      text: 'x'\n      expect: []\n"
        "    dependency:\n      - {RIGHT_ID: v, RIGHT_ATTRS: {LEMMA: welcome}}\n"
        "      - {LEFT_ID: v, REL_OP: '>', RIGHT_ID: a, RIGHT_ATTRS: {DEP: nsubj, _: {ckg_kind: ORG}}}\n"
        "      - {LEFT_ID: v, REL_OP: '>', RIGHT_ID: b, RIGHT_ATTRS: {DEP: dobj, _: {ckg_kind: ORG}}}\n"
        "    emit:\n      - {fact: cooperates, a: a, b: b}\n")
    from collabkg.loaders.relations import PatternSet
    from collabkg.loaders.discourse import Discourse
    nlp = get_pipeline()
    doc = Document(Path("t.txt"), "The Nordic Data Institute welcomed the Andean Science Academy.", issued=dt.date(2023, 1, 1))
    ex = Extractor(doc, load_registry(), load_places(), nlp)
    Discourse(ex, ex.spacy_doc, PatternSet(nlp.vocab, load_patterns(tmp_path))).run()
    assert [(ex.x.entities[f.subject].label, ex.x.entities[f.obj].label, f.evidence.method) for f in ex.x.facts
            if f.predicate == "ckg:cooperatesWith"] == [("Nordic Data Institute", "Andean Science Academy", "pattern:extra/agent-welcomed-agent")]


@pytest.mark.parametrize("text, expected", [
    ("The Nordic Data Institute, together with the Andean Science Academy, opened the school.", [("Nordic Data Institute", "Andean Science Academy")]),
    ("The Nordic Data Institute together with the Andean Science Academy opened the school.", [("Nordic Data Institute", "Andean Science Academy")]),
    ("The Nordic Data Institute and the Andean Science Academy opened the school.", []),
])
def test_a_token_pattern_may_use_operators_and_its_named_entries_stand_for_their_tokens(tmp_path, text, expected):
    (tmp_path / "extra.yaml").write_text(
        "family: extra\npatterns:\n  - name: agent-together-with-agent\n    example:\n      text: 'x'\n      expect: []\n"
        "    tokens:\n      - {name: a, _: {ckg_kind: ORG}}\n      - {ORTH: ',', OP: '?'}\n"
        "      - {LOWER: together}\n      - {LOWER: with}\n      - {LOWER: the, OP: '?'}\n"
        "      - {name: b, _: {ckg_kind: ORG}}\n"
        "    emit:\n      - {fact: cooperates, a: a, b: b}\n")
    from collabkg.loaders.relations import PatternSet
    from collabkg.loaders.discourse import Discourse
    nlp = get_pipeline()
    ex = Extractor(Document(Path("t.txt"), text, issued=dt.date(2023, 1, 1)), load_registry(), load_places(), nlp)
    Discourse(ex, ex.spacy_doc, PatternSet(nlp.vocab, load_patterns(tmp_path))).run()
    assert [(ex.x.entities[f.subject].label, ex.x.entities[f.obj].label) for f in ex.x.facts
            if f.predicate == "ckg:cooperatesWith" and f.evidence.method == "pattern:extra/agent-together-with-agent"] == expected
