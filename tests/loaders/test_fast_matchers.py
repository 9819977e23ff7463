"""The build's fast matchers find what spaCy's own matchers find, in the same order: the registry's
entity ruler as phrases (PhraseRuler), the dependency patterns' node index, the token patterns and
the model's attribute ruler on the Doc's arrays (loaders/fastmatch.py). Any difference would change
extracted facts, so each is compared with the spaCy matcher it stands in for, on real parses."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher, Matcher

from collabkg.loaders.documents import Document, read_document
from collabkg.loaders.extract import Extractor
from collabkg.loaders.fastmatch import TokenMatcher, compile_spec
from collabkg.loaders.nlp import PhraseRuler, _patterns, get_pipeline
from collabkg.loaders.registry import load_places, load_registry
from collabkg.loaders.relations import load_patterns

DOCS = sorted((Path(__file__).parent / "docs").iterdir())[:12]


def _texts() -> list[str]:
    return [read_document(p).text for p in DOCS] + [p.example for p in load_patterns()]


@pytest.fixture(scope="module")
def analysed():
    """(extractor, marked Doc) for each text, the tokens carrying their kinds as the patterns see them"""
    nlp, reg, places = get_pipeline(), load_registry(), load_places()
    out = []
    for t in _texts():
        ex = Extractor(Document(Path("x.txt"), t, issued=dt.date(2024, 3, 1)), reg, places, nlp)
        ex.run()
        out.append((ex, ex.discourse.doc))
    return out


def test_the_node_index_finds_the_dependency_matchers_matches_in_order(analysed):
    ps = analysed[0][0].discourse.patterns
    ref = DependencyMatcher(ps.dep.vocab, validate=True)
    for key, p in ps.by_key.items():  # in the order the set added them: each pattern, then its variants
        if p.kind == "dependency":
            ref.add(key, [ps.variants.get(key, p.spec)])
    assert len(ps.variants) > 50  # the shared-subject variants are compared too
    total = 0
    for _, doc in analysed:
        expected = ref(doc)
        assert ps.dep(doc) == expected
        # the candidates per sentence root, in order: what the matches are made of
        assert [(r, dict(m)) for r, m in ps.dep._get_keys_to_position_maps(doc).items()] == \
               [(r, dict(m)) for r, m in ref._get_keys_to_position_maps(doc).items()]
        total += len(expected)
    assert total > 100


def test_the_token_patterns_give_the_matchers_matches_in_order(analysed):
    ps = analysed[0][0].discourse.patterns
    assert isinstance(ps._tok, TokenMatcher)
    found = 0
    for _, doc in analysed:
        assert ps._tok(doc) == ps.tok(doc)
        found += len(ps.tok(doc))
    assert found > 0


def _ruler_texts() -> list[str]:
    # "Hong Kong" and "Singapore" are a country and a city: two patterns give the same span, and
    # which one wins depends on where it stands, exactly as in spaCy's EntityRuler
    rng = random.Random(7)
    words = "the data in of met and with a at from Lisbon Oslo NCAR CODATA Hong Kong Singapore Chinese Academy of Sciences".split()
    return _texts() + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 50))) + "." for _ in range(150)]


def test_the_phrase_ruler_sets_the_entity_rulers_entities():
    nlp = get_pipeline()
    pats = _patterns(load_registry(), load_places())
    ref = nlp.add_pipe("entity_ruler", name="spacy_entity_ruler_reference", before="ner",
                       config={"phrase_matcher_attr": None, "overwrite_ents": True})
    try:
        ref.add_patterns(pats)
        ours = nlp.get_pipe("entity_ruler")
        assert isinstance(ours, PhraseRuler)
        ties = 0
        with nlp.select_pipes(disable=["entity_ruler", "spacy_entity_ruler_reference", "ner"]):
            docs = list(nlp.pipe(_ruler_texts()))
        for doc in docs:
            expected = ref.match(doc)
            assert ours.match(doc) == expected
            spans = [(s, e) for _, s, e in expected]
            ties += len(spans) - len(set(spans))
            theirs = doc.copy()
            ref.set_annotations(theirs, expected)
            ours(doc)
            assert [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents] == \
                   [(e.start, e.end, e.label_, e.ent_id_) for e in theirs.ents]
        assert ties > 20
    finally:
        nlp.remove_pipe("spacy_entity_ruler_reference")


def test_the_attribute_ruler_matches_as_before():
    nlp = get_pipeline()
    ar = nlp.get_pipe("attribute_ruler")
    assert isinstance(ar.matcher, TokenMatcher) and ar.matcher.rest is not None  # its regex patterns stay with spaCy
    spacy_matcher = ar.matcher.original
    texts = _texts() + ["I ain't gonna do it, let's go. You gotta see 'em. Don't, can't, won't.", "  \n\n spaces \t here"]
    with nlp.select_pipes(enable=["collabkg_line_breaks", "sentencizer", "tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(texts))
    n = 0
    for doc in docs:
        expected = sorted(spacy_matcher(doc, allow_missing=True))
        assert sorted(ar.matcher(doc, allow_missing=True)) == expected
        n += len(expected)
    assert n > 1000


def test_what_fastmatch_cannot_read_is_left_to_spacy():
    nlp = get_pipeline()
    assert compile_spec({"LOWER": {"REGEX": "^d"}}, nlp.vocab.strings) is None
    assert compile_spec({"TAG": "NN", "OP": "?"}, nlp.vocab.strings) is None
    m = Matcher(nlp.vocab)
    m.add("R", [[{"LOWER": {"REGEX": "^da"}}]])
    m.add("E", [[{"LOWER": "data"}]])
    assert TokenMatcher.from_matcher(m) is None  # in order, all or nothing
    mixed = TokenMatcher.from_matcher(m, ordered=False)
    doc = nlp.make_doc("data day")
    assert sorted(mixed(doc)) == sorted(m(doc))
