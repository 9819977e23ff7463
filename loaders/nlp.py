"""The spaCy pipeline: a blank English model (no download) with sentence rules and an entity ruler.

The entity ruler holds every name, alias and acronym of the registry (label ``ORG``, id = registry
id) and every country, city and region of the gazetteer (``GPE``, ``CITY``, ``REGION``). Sentences
end at full stops and at line breaks, so list items and headings are sentences of their own.

>>> nlp = build_pipeline()
>>> doc = nlp("Heading\\nThe MoU between CNIC and the U.S. Geological Survey was signed in Beijing.")
>>> [s.text.strip() for s in doc.sents]
['Heading', 'The MoU between CNIC and the U.S. Geological Survey was signed in Beijing.']
>>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]
[('CNIC', 'ORG', 'cnic'), ('U.S. Geological Survey', 'ORG', 'usgs'), ('Beijing', 'CITY', 'CN')]
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from collabkg.loaders.registry import Places, Registry, load_places, load_registry

__all__ = ["build_pipeline", "get_pipeline"]


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
        elif tok.is_space and "\n" in tok.text:
            pass
        else:
            tok.is_sent_start = None if tok.is_sent_start is None else tok.is_sent_start
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


def _TOK(text: str):
    return _tokenizer_nlp.tokenizer(text)


def build_pipeline(registry: Registry | None = None, places: Places | None = None) -> Language:
    """Return a fresh pipeline for ``registry`` and ``places`` (the bundled ones by default)."""
    registry = registry or load_registry()
    places = places or load_places()
    nlp = spacy.blank("en")
    nlp.add_pipe("collabkg_line_breaks")
    nlp.add_pipe("sentencizer", config={"overwrite": False})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None, "overwrite_ents": True})
    ruler.add_patterns(_patterns(registry, places))
    return nlp


@lru_cache(maxsize=4)
def _cached(registry_key: tuple) -> Language:
    return build_pipeline()


def get_pipeline(registry: Registry | None = None) -> Language:
    """Return a pipeline, cached for the bundled registry."""
    if registry is None:
        return _cached(("bundled",))
    return build_pipeline(registry)
