"""Mentions: spans of text that name a body, a person, a place, a role or a date.

Known bodies and places come from the spaCy entity ruler (registry and gazetteer); bodies the
registry does not know are found by their shape (a run of capitalised words ending in a head noun
such as University, Institute, Center, Bureau, Division, Platform; "Bureau of ..."; names defined
with an acronym in parentheses); people by titles ("Dr. XUE Yongbiao"), name patterns
("ZHANG Shizhuan") and apposition with a post ("Javed Ashraf, President of ...").

>>> ms = find_mentions("Dr. Ana Lima, Director of the Amazon Data Center of the Federal University of Para (FUP), spoke.")
>>> [(m.label, m.text, m.cls) for m in ms if m.label in ("ORG", "PERSON")]
[('PERSON', 'Ana Lima', None), ('ORG', 'Amazon Data Center', 'ResearchCenter'), ('ORG', 'Federal University of Para', 'University')]
>>> [m.acronym for m in ms if m.text == "Federal University of Para"]
['FUP']
"""

from __future__ import annotations

import dataclasses
import re

from collabkg.loaders.body_corrections import (_bodies_after_country, _institutions_named_with_a_city, _confirm_headline_shapes, _dateline_cities, _units_of_a_body_named_before,
                                               _units_of_a_body_referred_to, _governments,
                                               _known_body_of_known_body, _national_committees, _plural_possessive_owners,
                                               _possessive_owners, _possessive_units, _split_joined_bodies, _based_in_prefix,
                                               _titled_person_and_body)
from collabkg.loaders.body_names import HEADS, _ORG_WORDS, _class_of, _event_school, _is_event_name, _without_date
from collabkg.loaders.body_structure import _link_structure
from collabkg.loaders.mention_finder import _Finder
from collabkg.loaders.mention_model import Mention, sentence_spans
from collabkg.loaders.nlp import TITLE_ABBREVIATIONS, get_pipeline
from collabkg.loaders.people_corrections import (_given_names_not_places, _people_named_again, _places_that_are_names,
                                                 _titled_people_not_places)
from collabkg.loaders.person_names import TITLE_RE, _NOT_IN_PERSON_NAMES, is_title
from collabkg.loaders.registry import Registry, load_places, load_registry

# moved to the modules above; imported here so that the old import paths keep working
from collabkg.loaders.body_names import EVENT_NOUNS, LOWER_HEADS, NOT_BODIES
from collabkg.loaders.person_names import ROLE_RE, _ROLE_HEADS


__all__ = ["Mention", "find_mentions", "HEADS", "ROLE_RE", "TITLE_RE", "sentence_spans"]


_PRIORITY = {"ner": 0, "coined-name": 2, "title-surname": 2, "registry": 4, "acronym-definition": 3, "quoted-name": 3, "shape": 2, "title-name": 3, "name-post-apposition": 3, "occupation-name": 3, "caps-surname": 1, "gazetteer": 1}


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: bodies and people beat places inside them; longer beats shorter."""

    def rank(m: Mention):
        body = m.label in ("ORG", "PERSON")
        return (body, m.method != "ner", m.end - m.start, _PRIORITY.get(m.method, 0))

    # "Thai National Science and Technology Development Agency (NSTDA)": the acronym names the body
    # without the country's adjective, which gives its country; a longer name otherwise takes the acronym
    places = load_places()
    for d in [m for m in mentions if m.method == "acronym-definition"]:
        for sh in [m for m in mentions if m.label == "ORG" and m.method == "shape" and m.end == d.end and m.start < d.start]:
            prefix = sh.text[:d.start - sh.start].split()
            if prefix and all(places.country(w) for w in prefix):
                mentions.remove(sh)
                d.country = d.country or places.country(prefix[-1]).code
            else:
                sh.acronym = sh.acronym or d.acronym
    kept: list[Mention] = []
    for m in sorted(mentions, key=rank, reverse=True):
        clash = [k for k in kept if m.start < k.end and k.start < m.end]
        if not clash:
            kept.append(m)
        elif all(k.label == m.label == "ORG" and (k.start, k.end) == (m.start, m.end) for k in clash):
            k = clash[0]  # same span: take the registry entry / acronym from either
            k.entry = k.entry or m.entry
            k.acronym = k.acronym or m.acronym
            k.cls = k.entry.kind if k.entry else (k.cls or m.cls)
            k.country = k.country or m.country
            k.parent = k.parent or m.parent
            k.extra = {**m.extra, **k.extra}
    # a shape whose whole text is a registry name takes the entry
    return sorted(kept, key=lambda m: m.start)


def find_mentions(text: str, *, registry: Registry | None = None, nlp=None, known_acronyms: dict[str, str] | None = None, doc=None,
                  title: str | None = None) -> list[Mention]:
    """Return the mentions in ``text`` (sorted by position, non-overlapping).

    ``title``, the document's headline as it stands in ``text``, lets a title-case headline's
    capitalised topics be told from names (see :func:`_confirm_headline_shapes`)."""
    nlp = nlp or get_pipeline(registry)
    registry = registry or load_registry()
    doc = doc if doc is not None else nlp(text)
    f = _Finder(text, registry, load_places(), doc.ents, known_acronyms if known_acronyms is not None else {})
    f.ruler()
    spans = sentence_spans(doc)
    for a, b in spans:
        f.acronyms(a, b)
        f.foreign_acronyms(a, b)
    f.ner()
    for a, b in spans:
        f.quoted(a, b)
        f.shapes(a, b)
        f.foreign_bodies(a, b)
        f.venues(a, b)  # before people: "the Shine Dome" is no one's name
        f.field_agencies(a, b)  # "Geoscience Australia": no country alone
        f.people(a, b)
        f.coined_projects(a, b)
    coined = {m.text: m.cls for m in f.mentions if m.method == "coined-name"}
    for name, cls in coined.items():  # "... MARINE-LINK contributes to ...": the project named again
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(o.start < hit.end() and hit.start() < o.end and (o.label == "PERSON" or o.method != "ner") for o in f.mentions):
                f.mentions.append(Mention(hit.start(), hit.end(), name, "ORG", cls, method="coined-name"))
    _names_with_listed_fields(text, f)
    # an acronym this document defines for another body than the registry's: its uses are that body
    redefined = {m.acronym: m for m in f.mentions if m.method == "acronym-definition" and m.acronym and m.entry is None
                 and registry.lookup(m.acronym) is not None}
    for i, m in enumerate(f.mentions):
        d = redefined.get(m.text) if m.method == "registry" else None
        if d is not None:
            f.mentions[i] = Mention(m.start, m.end, m.text, "ORG", d.cls, acronym=m.text, method="acronym-use", extra={"long": d.text})
    # later uses of an acronym defined in this document
    for acr, name in f.known_acronyms.items():
        if registry.lookup(acr) is None:
            # the class of the body the acronym stands for: "KNDA" after "the Kenya National Data
            # Archive (KNDA)" is that archive, one node, not an organisation of its own
            cls = _class_of(name.split()) if any(w in HEADS for w in name.split()) else None
            for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
                if text[m.start() - 1:m.start()] == "(" and not any(
                        o.label == "PERSON" and o.end == len(text[:m.start() - 1].rstrip()) for o in f.mentions):
                    continue  # the definition "Name (ACR)"; but "Prof. X (ACR)" is a use: the person's body
                f.mentions.append(Mention(m.start(), m.end(), acr, "ORG", cls, acronym=acr, method="acronym-use", extra={"long": name}))
            # "the ADC-PDA memorandum", "NDI–ADC talks": two bodies' acronyms joined by a dash, each a use
            for m in re.finditer(rf"(?<![\w-])(?:(?P<first>{re.escape(acr)})[-–](?P<after>[A-Z][A-Z0-9&]+)|(?P<before>[A-Z][A-Z0-9&]+)[-–](?P<second>{re.escape(acr)}))(?![\w-])", text):
                other = m.group("after") or m.group("before")
                if not (other in f.known_acronyms or registry.lookup(other) is not None):
                    continue
                at = m.start("first") if m.group("first") else m.start("second")
                f.mentions.append(Mention(at, at + len(acr), acr, "ORG", cls, acronym=acr, method="acronym-use", extra={"long": name}))
    # "Dir. Finance" (a title, abbreviated) names no one and no body
    f.mentions = [_without_date(m) for m in f.mentions if not _is_event_name(m) and m.text.split()[0] not in TITLE_ABBREVIATIONS]
    # "ANSO Vice-President, Prof. ..." read as a person's name: a name ending in a role is the role, no one
    f.mentions = [m for m in f.mentions if not (m.label == "PERSON" and len(m.text.split()) > 1 and is_title(m.text.split()[-1]))]
    # "NDI and PDA Sign MoU", "Delegation Visits": a headline's verb and noun read as a person's name
    f.mentions = [m for m in f.mentions if not (m.label == "PERSON" and {w.lower().strip(".,") for w in m.text.split()} & _NOT_IN_PERSON_NAMES)]
    f.mentions = [m for m in f.mentions if not any(a <= m.start and m.end <= b for a, b in f.foreign_spans)]
    merged = _given_names_not_places(text, _titled_people_not_places(text, _places_that_are_names(_people_named_again(text, _national_committees(text, _plural_possessive_owners(text, _possessive_owners(
        _governments(text, _split_joined_bodies(_merge(f.mentions))), load_places())))), load_places())))
    for m in merged:
        if m.label == "ORG" and m.text in f.foreign_names:
            m.extra.setdefault("alias", f.foreign_names[m.text])
    merged = _titled_person_and_body(text, _based_in_prefix(_possessive_units(text, merged), load_places()))
    merged = _known_body_of_known_body(text, merged, registry)
    merged = [m for m in merged if not (m.label == "ORG" and m.entry is None and _event_school(m.text))]
    merged = _bodies_after_country(text, merged, load_places())
    merged = _institutions_named_with_a_city(text, merged, registry, load_places())
    merged = _dateline_cities(text, merged, load_places())
    merged = _units_of_a_body_named_before(text, merged)
    merged = _units_of_a_body_referred_to(text, merged)
    _link_structure(text, merged)
    return _confirm_headline_shapes(text, title, merged)


_LISTED_FIELDS = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)*,?\s+(?:and|&)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*\(|\s*[,.;:)]|\s+[a-z]|\s*$)")


def _names_with_listed_fields(text: str, f) -> None:
    """"the National Commission for Science, Technology and Innovation (NACOSTI)", "the Institute for
    Forest, Snow and Landscape Research": a body's name whose "of" / "for" names a list of fields
    goes on past the commas. The name is extended when every word of the list is a capitalised word
    that is no head of a body's name, no place and no part of another name read there (so "the
    Institute of Physics, Chemistry Department and ..." stays a list), and the acronym the document
    defined for the cut name is the whole name's."""
    replaced: dict[int, Mention] = {}
    dropped: set[int] = set()
    for m in f.mentions:
        if m.label != "ORG" or m.entry is not None or not re.search(r"\b(?:of|for|on)\s+[A-Z][a-z]+$", m.text):
            continue
        ext = _LISTED_FIELDS.match(text, m.end)
        if ext is None:
            continue
        words = re.findall(r"[A-Z][a-z]+", ext.group(0))
        if any(w in HEADS or w in _ORG_WORDS or re.fullmatch(TITLE_RE, w) or f.places.country(w) is not None or w in f.places.cities
               for w in words):
            continue  # "the University of X and Dr. Y": a title, a person follows
        if re.match(r"\.\s*[A-Z]", text[ext.end():ext.end() + 3]) and len(words[-1]) <= 4:
            continue  # an abbreviation, not the end of a name
        same = [o for o in f.mentions if o is not m and (o.start, o.end) == (m.start, ext.end())]  # the NER's whole name
        if any(o is not m and o not in same and o.start < ext.end() and o.end > m.end for o in f.mentions):
            continue  # another name is read there
        old, new = m.text, text[m.start:ext.end()]
        replaced[id(m)] = dataclasses.replace(m, end=ext.end(), text=new, extra={k: v for k, v in m.extra.items() if v != old})
        dropped |= {id(o) for o in same}
        for acr, name in list(f.known_acronyms.items()):
            if name == old:
                f.known_acronyms[acr] = new
    if replaced:
        f.mentions = [replaced.get(id(o), o) for o in f.mentions if id(o) not in dropped]
