"""Relations from the dependency parse, read by named patterns kept as data.

The patterns live in ``loaders/patterns/<family>.yaml``, one file per relation family (posts,
participation, organisation of events, dates and places, agreements, sponsorship, leadership,
parts and memberships, locations). Each pattern is a spaCy ``DependencyMatcher`` pattern (token
dicts with named nodes) or a ``Matcher`` pattern (token order; operators such as ``OP: "?"`` are
allowed, and a named entry repeated by ``+`` stands for its last token), a list of facts to emit from its
named nodes, and an example sentence with the facts it must give (the test suite runs every
example). The evidence of a fact records the pattern that read it: ``pattern:<family>/<name>``.
An analyst adds a pattern by adding a YAML entry; no Python changes.

Tokens carry what the mention finder made of them (``token._.ckg_kind``): ``PERSON``, ``ORG``,
``GPE`` (a country), ``CITY``, ``REGION``, ``VENUE``, ``EVENT`` (an event noun: meeting,
conference, visit ...), ``AGREEMENT`` (agreement, MoU ...), ``ROLE`` (director, president ...),
``DATE``; patterns constrain their nodes with ``{"_": {"ckg_kind": "PERSON"}}``. A node matched on
one token of a name stands for the whole name; a node also stands for the names coordinated with it
("A, B and C attended": three attendees).

The facts a pattern may emit (``emit:``), with the nodes each takes:

=============  ==============================  ==========================================
fact           nodes                           RDF
=============  ==============================  ==========================================
post           person, role, org               org:Post (org:heldBy, org:postIn, org:role)
member         person, org                     org:memberOf
part           unit, parent                    org:subOrganizationOf
attendee       event, agent                    schema:attendee
organizer      event, agent                    schema:organizer (a person: ckg:chair)
chair          event, person                   ckg:chair
sponsor        thing, sponsor                  schema:sponsor
location       thing, place                    schema:location
date           event, date                     schema:startDate / schema:endDate
leader         thing, leader                   ckg:leader
party          agreement, party                ckg:party (an agreement needs two)
cooperates     a, b                            ckg:cooperatesWith
partner        thing, partner                  ckg:partner
subevent       event, parent                   schema:superEvent
=============  ==============================  ==========================================

A ``location`` emit with ``listed: true`` places its thing in each place coordinated with the place
node ("Located in A, B and C, the centres ..."); without it a body's location is the one place its
node names, never the list the body stands in ("X, Bergen, Norway and Y"). A ``post`` emit whose
role node is a verb of leading takes ``listed: true`` too: "co-chaired by A and B" is a post for
each (a title noun is one person's: "A and B, head of X" is B's); a ``member`` emit with it makes
each name listed a member ("Its members include A, B and C"; without it "A of X and B of Y" is
never crossed). A ``post`` emit with ``appositive: true`` holds only when the person's name follows the
body's right after a comma ("the director of X, Dr. A, and ..." that the parser reads as a list).

A node named ``MAIN`` in an emit is the document's main event (see :mod:`collabkg.loaders.discourse`),
for sentences such as "Prof. X delivered a keynote speech" that name no event themselves.
A dependency pattern whose root verb takes a subject also reads that verb as the second (or third)
verb of a coordination, with the first verb's subject ("The centre was founded in 2009 and
cooperates with Y"; see :func:`shared_subject_variant`): the evidence names the pattern as usual.

An emit with ``or_main: true`` takes the main event when its event node stands for no event of its
own ("X met with Y" without a date, "a meeting between X and Y" that the text does not report as
held): in a report of one visit or meeting, such a meeting is part of it.

>>> pats = load_patterns()
>>> sorted({p.family for p in pats})[:3]
['agreements', 'cooperation', 'dates-and-places']
>>> all(p.example for p in pats)
True
"""

from __future__ import annotations

from collabkg.errors import CollabKGError

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import yaml
from spacy.attrs import HEAD
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token

from collabkg.loaders.fastmatch import Columns, TokenMatcher, compile_spec, sources

from collabkg.loaders.body_names import EVENT_NOUNS, HEADS
from collabkg.loaders.registry import load_places

__all__ = ["Pattern", "PatternError", "load_patterns", "PatternSet", "FACTS", "EVENT_NOUNS", "AGREEMENT_NOUNS", "ROLE_NOUNS",
           "mark_tokens", "sentence_before"]

#: Each fact kind and the nodes it takes.
FACTS = {
    "post": ("person", "role", "org"), "member": ("person", "org"), "part": ("unit", "parent"),
    "attendee": ("event", "agent"), "organizer": ("event", "agent"), "chair": ("event", "person"),
    "sponsor": ("thing", "sponsor"), "location": ("thing", "place"), "date": ("event", "date"),
    "leader": ("thing", "leader"), "party": ("agreement", "party"), "cooperates": ("a", "b"),
    "partner": ("thing", "partner"), "subevent": ("event", "parent"), "hosted": ("unit", "host"),
}
#: Nouns that name an event (lemmas, lower case).
#: Nouns that name an agreement.
AGREEMENT_NOUNS = {"agreement", "mou", "memorandum", "accord", "protocol", "contract", "letter", "treaty", "arrangement", "declaration",
                   "renewal"}  # "The renewal was signed by ...": the agreement renewed
#: Nouns that name a post (lemmas, lower case); the capitalised or modified forms around them are kept.
ROLE_NOUNS = {
    "director", "president", "chairman", "chairwoman", "chairperson", "chair", "co-chair", "secretary", "officer", "manager",
    "head", "dean", "professor", "coordinator", "leader", "scientist", "researcher", "fellow", "minister", "ambassador",
    "representative", "counsellor", "counselor", "adviser", "advisor", "editor", "investigator", "engineer", "librarian",
    "founder", "ceo", "chief", "commissioner", "administrator", "rector", "chancellor", "provost", "deputy", "vice-president",
    "director-general", "secretary-general", "vice-chair", "academician", "lecturer", "governor", "mayor", "consul",
    "attaché", "attache", "curator", "member", "treasurer", "rapporteur", "vice-chairman", "vice-chairperson",
    "vice-chancellor", "vice-director", "vice-rector", "vice-dean", "vice-minister", "deputy-director", "co-chairman", "president-elect", "chair-elect",
    "oceanographer", "geologist", "hydrologist", "seismologist", "meteorologist", "climatologist", "geographer", "physicist",
    "chemist", "biologist", "ecologist", "statistician", "economist", "mathematician", "astronomer", "geophysicist", "chairmen", "directors", "presidents", "heads",
}

Token.set_extension("ckg_kind", default="", force=True)
Token.set_extension("ckg_mention", default=None, force=True)
Token.set_extension("ckg_group", default=None, force=True)  # "the two academies": the bodies it may stand for


class PatternError(CollabKGError, ValueError):
    """A pattern file is not as :mod:`collabkg.loaders.relations` describes (names the file and pattern)."""


@dataclass(frozen=True)
class Pattern:
    """One named pattern of a family file."""

    family: str
    name: str
    kind: str  # "dependency" or "token"
    spec: list
    emit: tuple
    example: str
    expect: tuple = field(default=())  # ((subject text, fact, object text), ...)
    source: str = ""

    @property
    def method(self) -> str:
        return f"pattern:{self.family}/{self.name}"


def _folder() -> Path:
    return Path(str(resources.files("collabkg.loaders") / "patterns"))


def _check(p: dict, where: str) -> None:
    for key in ("name", "example", "emit"):
        if not p.get(key):
            raise PatternError(f"{where}: a pattern needs {key!r} (see the docstring of collabkg.loaders.relations)")
    if ("dependency" in p) == ("tokens" in p):
        raise PatternError(f"{where}: give exactly one of 'dependency' (DependencyMatcher) or 'tokens' (Matcher)")
    nodes = ({n["RIGHT_ID"] for n in p["dependency"]} if "dependency" in p
             else {t.get("name") for t in p["tokens"] if t.get("name")})
    def walk(v):
        if isinstance(v, bool):
            raise PatternError(f"{where}: a value reads as {v} (YAML takes on/off/yes/no for true/false): quote it, e.g. \"on\"")
        for w in (v.values() if isinstance(v, dict) else v if isinstance(v, list) else ()):
            walk(w)
    walk(p.get("dependency") or p.get("tokens") or [])
    for e in p["emit"]:
        fact = e.get("fact")
        if fact not in FACTS:
            raise PatternError(f"{where}: unknown fact {fact!r}; one of {', '.join(FACTS)}")
        for role in FACTS[fact]:
            if role not in e:
                raise PatternError(f"{where}: fact {fact!r} needs the node {role!r}")
            if e[role] not in nodes and e[role] != "MAIN":
                raise PatternError(f"{where}: fact {fact!r} names node {e[role]!r}, which the pattern does not define")
        if e.get("or_main") and "event" not in FACTS[fact]:
            raise PatternError(f"{where}: or_main is for facts with an event node, not {fact!r}")
        if e.get("listed") and fact not in ("location", "post", "member"):
            raise PatternError(f"{where}: listed is for location, post and member facts, not {fact!r}")
        if e.get("appositive") and fact != "post":
            raise PatternError(f"{where}: appositive is for post facts, not {fact!r}")


def load_patterns(folder: str | Path | None = None) -> list[Pattern]:
    """Read every ``*.yaml`` pattern file of ``folder`` (the bundled ``loaders/patterns`` by default).

    Raises :class:`PatternError` naming the file and pattern at fault."""
    folder = Path(folder) if folder else _folder()
    out: list[Pattern] = []
    names: set[str] = set()
    for f in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as e:
            raise PatternError(f"{f}: not valid YAML: {e}") from None
        family = data.get("family") or f.stem
        for i, p in enumerate(data.get("patterns") or []):
            where = f"{f}, pattern {i + 1} ({p.get('name', 'unnamed')})"
            _check(p, where)
            if (family, p["name"]) in names:
                raise PatternError(f"{where}: the name {p['name']!r} is used twice in family {family!r}")
            names.add((family, p["name"]))
            ex = p["example"]
            text = ex["text"] if isinstance(ex, dict) else ex
            expect = tuple(tuple(t) for t in (ex.get("expect", []) if isinstance(ex, dict) else []))
            kind = "dependency" if "dependency" in p else "token"
            out.append(Pattern(family, p["name"], kind, p["dependency"] if kind == "dependency" else p["tokens"],
                               tuple(p["emit"]), text, expect, str(f)))
    return out


@lru_cache(maxsize=4)
def _bundled() -> tuple:
    return tuple(load_patterns())


_GROUP_REFERENCES = {"academy", "party", "side", "institution", "organization", "organisation", "institute", "university",
                     "country", "nation", "government", "body", "agency", "centre", "center", "society", "council"}


#: words of a sentence that speaks of an agreement, whose bodies "the two parties" later are
_AGREEMENT_WORDS = re.compile(r"\b(?:MoUs?|MOUs?|[Mm]emorand(?:um|a)|[Aa]greements?|[Ll]etters?\s+of\s+[Ii]ntent|LoI)\b")

# "the two academies" are two bodies with "Academy" in their names; "the two parties" any two bodies
_GROUP_HEADS = {"academy": "Academ", "university": "Universit", "institute": "Institut", "centre": "Cent", "center": "Cent",
                "society": "Societ", "council": "Council", "agency": "Agenc"}


def _nationality(tok):
    """The country an adjective of nationality names ("Kazakh", "Norwegian"), or None."""
    if not tok.text[:1].isupper():
        return None
    return load_places().country_of_adjective(tok.text)


def sentence_before(tok: Token) -> Span | None:
    """The sentence before ``tok``'s, past blank lines (which the line-aware sentencer makes
    sentences of their own); None in the first sentence."""
    j = tok.sent.start - 1
    while j >= 0:
        sent = tok.doc[j].sent
        if sent.text.strip():
            return sent
        j = sent.start - 1
    return None


def mark_tokens(doc: Doc, mentions) -> None:
    """Write each token's kind (``token._.ckg_kind``) and mention from the document's mentions, event
    and agreement nouns, role nouns and the NER's dates.

    The marks are worked out in lists by token index and written to the tokens' extension
    attributes once at the end (each ``token._`` access costs an object and a dictionary lookup:
    about 6 ms a document when every read went through them)."""
    kind: list[str] = [""] * len(doc)
    ment: list = [None] * len(doc)
    group: list = [None] * len(doc)
    by_char = {}
    for m in mentions:
        by_char[(m.start, m.end)] = m
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        label = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "GPE", "CITY": "CITY", "REGION": "REGION", "VENUE": "VENUE"}.get(m.label)
        if m.label == "ORG" and m.cls in ("Project", "Program", "Platform", "FundingProgram", "DataInfrastructure"):
            label = "PROJECT"
        for t in span:
            kind[t.i] = label or ""
            ment[t.i] = m
    for e in doc.ents:
        if e.label_ == "DATE":
            for t in e:
                if not kind[t.i]:
                    kind[t.i] = "DATE"
    for t in doc:
        if kind[t.i]:
            continue
        low = t.lower_
        lemma = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and (lemma in EVENT_NOUNS or low in EVENT_NOUNS):
            kind[t.i] = "EVENT"
        elif t.text in ("Week", "Days", "Expo", "Festival") and any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in t.children):
            kind[t.i] = "EVENT"  # "International Data Week", "Open Science Days": a named event
        elif t.pos_ == "NOUN" and lemma in ("team", "group", "mission") and any(c.dep_ == "amod" and c.lower_ == "visiting" for c in t.children):
            kind[t.i] = "EVENT"  # "a visiting team from X": a delegation
        elif t.pos_ in ("NOUN", "PROPN") and (lemma in AGREEMENT_NOUNS or low in AGREEMENT_NOUNS):
            kind[t.i] = "AGREEMENT"
        elif (t.pos_ in ("NOUN", "PROPN") and (lemma in ROLE_NOUNS or low in ROLE_NOUNS)) or ("-" in low and low in ROLE_NOUNS):
            kind[t.i] = "ROLE"  # "its vice-president Prof. X": a hyphenated title the tagger may call an adjective
        elif re.fullmatch(r"(?:19|20)\d\d", t.text) and t.ent_type_ == "DATE":
            kind[t.i] = "DATE"
        elif low == "general" and t.i > 0 and kind[t.i - 1] == "ROLE" and t.doc[t.i - 1].head.i == t.i:
            kind[t.i] = "ROLE"  # "Secretary General", "Director General": the parser's head of the title
        elif low == "general" and t.i > 1 and t.doc[t.i - 1].text == "-" and kind[t.i - 2] == "ROLE" and t.doc[t.i - 2].head.i == t.i:
            kind[t.i] = "ROLE"  # "Secretary-General", split in three by the tokenizer
    # "the SNOWLINK project unites ...": the head noun after a project's name stands for the project
    for t in doc:
        if not kind[t.i] and t.lemma_.lower() in ("project", "programme", "program", "initiative", "platform"):
            named = [c for c in t.children if c.dep_ == "compound" and kind[c.i] == "PROJECT" and c.i == t.i - 1]
            if named:
                kind[t.i], ment[t.i] = "PROJECT", ment[named[0].i]
    # "The Ice Data Workshop took place in Oslo. It was organized by ...": a sentence opening with "It"
    # goes on about the event the sentence before was about (its subject); the discourse pass
    # resolves it (``discourse.Discourse.event_for``)
    for t in doc:
        if t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass") and t.is_sent_start and (prev := sentence_before(t)) is not None:
            if any(kind[p.i] == "EVENT" and p.dep_ in ("nsubj", "nsubjpass") and p.head == prev.root for p in prev):
                kind[t.i] = "EVENT"
    # "Dr. Lena Holm arrived from Bergen. Later she gave a keynote ...": "he" / "she" as a clause's
    # subject is the person who was the subject just before, when no other person was named between
    last_subject = None  # (token of the person, its mention)
    for t in doc:
        if kind[t.i] == "PERSON":
            if t.dep_ in ("nsubj", "nsubjpass"):
                last_subject = (t, ment[t.i])
            elif last_subject is not None and ment[t.i] is not last_subject[1]:
                last_subject = None  # another person named: "he" could be either
        elif t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and last_subject is not None:
            if last_subject[0].sent == t.sent or last_subject[0].sent == sentence_before(t):
                kind[t.i], ment[t.i] = "PERSON", last_subject[1]
                last_subject = (t, last_subject[1])  # "He ... He ...": the chain goes on
    # "Dr. A, who serves as vice-president of X", "the Y Centre, which operates under Z": a relative
    # pronoun as its clause's subject is the person or body the clause hangs on, so that every pattern
    # whose subject is a person or a body reads the relative clause as it reads a main clause
    for t in doc:
        if t.lower_ in ("who", "which", "that") and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "relcl" and not kind[t.i]:
            want = ("PERSON",) if t.lower_ == "who" else ("ORG", "PROJECT")
            before = doc[t.i - 2] if t.i >= 2 and doc[t.i - 1].text == "," else None
            ante = t.head.head
            if before is not None and kind[before.i] in want:
                ante = before  # "A and B, who leads X": the name right before the comma, whatever the parser hung it on
            elif before is not None and kind[before.i] in ("PERSON", "ORG", "PROJECT", "GPE"):
                continue  # "A of X, who ...", "B (Y), which ...": not sure whose clause it is
            elif any(kind[c.i] in want for c in ante.conjuncts):
                continue  # "A and B who ...": either
            if kind[ante.i] in want and ment[ante.i] is not None and ante.i < t.i:
                kind[t.i], ment[t.i] = kind[ante.i], ment[ante.i]
    # "the Council", "the institute": the last body named before with that head noun ("the Academy" after
    # "the Andean Science Academy"); a noun with modifiers of its own ("the Data Council") is no reference
    orgs = sorted((m for m in mentions if m.label == "ORG"), key=lambda m: m.start)
    for t in doc:
        if kind[t.i] or t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound",):
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
            continue
        mods = [c for c in t.children if c.dep_ in ("compound", "amod")]
        nation = _nationality(mods[0]) if len(mods) == 1 else None
        if mods and nation is None:
            continue  # "the Data Council": a name of its own; but "the Kazakh academy": the Kazakh one named before
        head = t.text[:1].upper() + t.text[1:].lower()
        plural = t.tag_ == "NNS" and head not in HEADS
        if plural:  # "the centres": the last body named with that plural ("regional centres of excellence")
            head = t.lemma_[:1].upper() + t.lemma_[1:].lower()
        if HEADS.get(head) in ("Program", "Project", "Platform") and not plural:
            # "the project" after "ICEWATCH is a four-year project": the last project (programme, platform) named
            cls = HEADS[head]
            ante = [m for m in orgs if m.end <= t.idx and (m.cls == cls or (m.entry is not None and m.entry.kind == cls))]
            if ante:
                kind[t.i], ment[t.i] = "PROJECT", ante[-1]
            continue
        if HEADS.get(head) in (None, "Program", "Project", "Platform", "DataInfrastructure", "TaskGroup"):
            continue
        if plural:
            ante = [m for m in orgs if m.end <= t.idx and re.search(rf"\b{re.escape(t.lower_)}\b", (m.extra.get("name") or m.text).lower())]
        else:
            # "AGI" after "the Andean Glacier Institute (AGI)" is an institute too: its long name counts
            ante = [m for m in orgs if m.end <= t.idx and re.search(rf"\b{head}\b", m.extra.get("name") or m.extra.get("long") or m.text)
                    # "the Union" is not the "Secretariat of the Polar Data Union": the union is its parent
                    and not (m.parent is not None and not re.search(rf"\b{head}\b", m.text, re.I)
                             and re.search(rf"\b{head}\b", m.parent.extra.get("name") or m.parent.text))]
        if nation is not None:
            ante = [m for m in ante if m.country == nation.code or re.search(rf"\b(?:{re.escape(nation.name)}|{re.escape(mods[0].text)})\b",
                                                                           m.extra.get("name") or m.extra.get("long") or m.text)]
        if ante:
            kind[t.i], ment[t.i] = "ORG", _salient(doc, ante, t)
    # "The Nordic Data Institute works across the Arctic. Its partners include ...": "Its" (or "It")
    # opening a sentence is the body that was the subject of the sentence before
    for t in doc:
        if kind[t.i] or not t.is_sent_start or (prev := sentence_before(t)) is None:
            continue
        if not ((t.lower_ == "its" and t.dep_ == "poss") or (t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass"))):
            continue  # "Its partners include ...", "It signed agreements with ...": the body just named
        subj = [p for p in prev if kind[p.i] in ("ORG", "PROJECT") and p.dep_ in ("nsubj", "nsubjpass") and p.head == prev.root]
        if len({ment[p.i].start for p in subj if ment[p.i] is not None}) == 1 \
                and not any(kind[c.i] in ("ORG", "GPE", "PROJECT") for p in subj for c in p.conjuncts):  # "A and B ... Its": either
            kind[t.i], ment[t.i] = kind[subj[0].i], ment[subj[0].i]
            # "Its chair is A of X, and its secretary is B": a later "its" of the sentence, no other body
            # the subject of a clause between
            for u in t.sent[t.i - t.sent.start + 1:]:
                if kind[u.i] in ("ORG", "PROJECT", "GPE") and ment[u.i] is not ment[subj[0].i] \
                        and u.dep_ in ("nsubj", "nsubjpass"):
                    break
                if u.lower_ == "its" and u.dep_ == "poss" and not kind[u.i]:
                    kind[u.i], ment[u.i] = kind[subj[0].i], ment[subj[0].i]
    # "The committee was represented by its chair, X": a later "its" is the clause's subject body, when
    # no other body or project is named between them
    for t in doc:
        if kind[t.i] or t.lower_ not in ("its", "their") or t.dep_ != "poss" or t.is_sent_start:
            continue
        root = t.sent.root
        subj = [p for p in root.children if p.dep_ in ("nsubj", "nsubjpass") and p.i < t.i]
        if len(subj) != 1 or kind[subj[0].i] not in ("ORG", "PROJECT") or ment[subj[0].i] is None \
                or any(kind[c.i] in ("ORG", "GPE", "PROJECT") for c in subj[0].conjuncts):
            continue
        between = [u for u in doc[subj[0].i + 1:t.i] if kind[u.i] in ("ORG", "GPE", "PROJECT")
                   and ment[u.i] is not ment[subj[0].i]]
        if not between:
            kind[t.i], ment[t.i] = kind[subj[0].i], ment[subj[0].i]
    # "the two academies", "both parties", "the two countries": the bodies named last before (with that
    # head noun when it is one), most recent first; the patterns' facts take the first two that differ
    bodies = sorted((m for m in mentions if m.label in ("ORG", "GPE")), key=lambda m: m.start)
    for t in doc:
        if kind[t.i] or t.tag_ != "NNS" or t.lemma_.lower() not in _GROUP_REFERENCES:
            continue
        if not any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both") for c in t.children):
            continue
        lemma = t.lemma_.lower()
        want = "GPE" if lemma in ("country", "nation", "government") else "ORG"
        head = _GROUP_HEADS.get(lemma)
        cands = [m for m in bodies if m.end <= t.idx and m.label == want
                 and (head is None or re.search(rf"\b{head}", m.extra.get("name") or m.extra.get("long") or m.text)
                      or m.entry is not None and re.search(rf"\b{head}", m.entry.name))]
        agreed = False
        if lemma in ("party", "side"):
            # "the two parties" after an agreement: its parties, the bodies of the last sentence before
            # that speaks of one ("signed an MoU with ..."), not the bodies named since
            for sent in reversed(list(doc[:t.i].sents)):
                named = [m for m in cands if sent.start_char <= m.start and m.end <= sent.end_char]
                # "the Institute X (IX) of the Academy Y": the academy is the institute's, no party
                named = [m for m in named if not any(o.parent is not None and (o.parent.start, o.parent.end) == (m.start, m.end) for o in named)]
                if _AGREEMENT_WORDS.search(sent.text) and len({m.text for m in named}) >= 2:
                    cands, agreed = named, True
                    break
        if not agreed and head is None:
            # "both institutions", "the two sides" with no agreement before: the two bodies the headline
            # names, when it names two ("A delegation of X visits Y"), not the last two named
            for a, b in _headline_lines(doc.text):
                titled = [m for m in cands if a <= m.start and m.end <= b]
                if len({(m.extra.get("long") or m.text) for m in titled}) == 2:
                    cands = titled
                    break
        if len(cands) >= 2:
            kind[t.i], ment[t.i] = want, cands[-1]
            group[t.i] = list(reversed(cands[-8:]))
    # "the project "Arctic Data Commons"", "the alliance, ANSO,": a common noun stands for the name in apposition
    for t in doc:
        if not kind[t.i] and t.pos_ == "NOUN":
            named = next((c for c in t.children if c.dep_ == "appos" and ment[c.i] is not None), None)
            if named is not None:
                kind[t.i] = kind[named.i]
                ment[t.i] = ment[named.i]
    for t in doc:
        i = t.i
        if kind[i]:
            t._.ckg_kind = kind[i]
        if ment[i] is not None:
            t._.ckg_mention = ment[i]
        if group[i] is not None:
            t._.ckg_group = group[i]


def _salient(doc, ante: list, t):
    """Of the bodies "the committee" at ``t`` may refer back to (``ante``, in text order), the one the
    text is about: the last one named as a clause's subject in the three sentences before, when the
    last one named at all was not ("The National Committee for X is hosted by Y. It represents the
    country in X, the Committee on Data ... The committee is chaired by A": the national committee);
    else the one the page's headline names; else the last one named."""
    def subject(m) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
    last = ante[-1]
    if subject(last):
        return last
    sents = [s for s in doc.sents if s.end_char <= t.idx][-3:]
    since = sents[0].start_char if sents else 0
    subjects = [m for m in ante if m.start >= since and subject(m)]
    if subjects:
        return subjects[-1]
    # none was a subject: the one the headline names, the body the page is about ("New director named for
    # the X Center ... at the Y Center ... The center curates ...": the X Center)
    headline = [m for m in ante if m.end <= _headline_end(doc.text)]
    return headline[-1] if headline else last


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of a page's headline lines (see :func:`_headline_end`), longest first."""
    end = _headline_end(text)
    lines, at = [], 0
    for line in text[:end].split("\n"):
        if line.strip():
            lines.append((at, at + len(line)))
        at += len(line) + 1
    return sorted(lines, key=lambda ab: ab[0] - ab[1])


def _headline_end(text: str) -> int:
    """Where a page's headline lines end: the first lines (at most four) before the first that is a
    sentence (ends with a full stop) or long."""
    at = 0
    for n, line in enumerate(text.split("\n")[:4]):
        if line.rstrip().endswith((".", "!", "?")) or len(line) > 160:
            break
        at += len(line) + 1
    return at


class _NodeIndex(DependencyMatcher):
    """spaCy's ``DependencyMatcher``, with the tokens that may stand for each node found once per
    distinct node rather than by a ``Matcher`` pattern per node of every pattern.

    spaCy finds the candidates of every node of every pattern with one single-token ``Matcher``
    pattern each (326 for the bundled patterns, 181 of them distinct); that was most of the time
    the patterns took. Here a node that :mod:`collabkg.loaders.fastmatch` can read (the parse's
    attributes and string extension values, compared for equality, ``IN`` or ``NOT_IN``) is tested
    on the Doc's attribute arrays, once for all the patterns that share it; any other node goes to
    spaCy's ``Matcher`` as before. The candidates are kept by node spec (group), not by matcher
    key, sentence by sentence: a pattern is tried on a sentence only when every one of its specs
    has a candidate there (one set comparison), and spaCy's per-key position lists are made only
    for the patterns tried. The matches and their order are those of the ``DependencyMatcher``
    (``tests/loaders/test_fast_matchers.py`` compares the two).

    Call :meth:`compile` after the last ``add``.
    """

    def compile(self) -> None:
        strings = self.vocab.strings
        self._groups: dict[str, tuple[tuple, list]] = {}  # distinct node spec -> (tests, matcher keys)
        self._rest = Matcher(self.vocab)
        rest: list = []
        for key, patterns in self._patterns.items():
            for nodes, keys in zip(patterns, self._tokens_to_key[key]):
                for (spec,), mkey in zip(nodes, keys):
                    tests = compile_spec(spec, strings)
                    if tests is None:
                        self._rest.add(mkey, [[spec]])
                        rest.append(mkey)
                        continue
                    self._groups.setdefault(repr(tests), (tests, []))[1].append(mkey)
        self._sources = sources(tests for tests, _ in self._groups.values())
        # each matcher key stands for one node spec: its group (a node left to the Matcher is a group of its own)
        self._group_of = {mkey: g for g, (_, keys) in enumerate(self._groups.values()) for mkey in keys}
        self._group_of.update({mkey: ("rest", mkey) for mkey in rest})
        # the groups every node of a pattern needs a candidate of, in a sentence, for it to match there
        self._need = {key: [frozenset(self._group_of[k] for k in keys) for keys in self._tokens_to_key[key]]
                      for key in self._patterns}

    def _candidates(self, doc: Doc) -> dict:
        """group -> the tokens (ascending) that may stand for its nodes"""
        out: dict = {}
        if not len(doc):
            return out
        cols = Columns(doc, *self._sources)
        for g, (tests, _) in enumerate(self._groups.values()):
            found = cols.select(tests)
            if found:
                out[g] = found
        if len(self._rest):
            for mkey, start, _ in self._rest(doc):
                out.setdefault(("rest", mkey), []).append(start)
            for g in out:
                if isinstance(g, tuple):
                    out[g].sort()
        return out

    def _sentences(self, doc: Doc) -> list[tuple[int, dict]]:
        """For each sentence root holding a candidate, in the order of its first candidate: (root, group
        -> the candidates (ascending) below that root). As spaCy's ``_get_keys_to_position_maps``, by group
        rather than by matcher key (a group's tokens are those of every key in it)."""
        cands = self._candidates(doc)
        if not cands:
            return []
        # each token's root, by pointer doubling on the heads (relative offsets, uint64 as stored)
        roots = np.arange(len(doc), dtype=np.int64) + doc.to_array([HEAD]).astype(np.int64).ravel()
        for _ in range(len(doc).bit_length() + 1):
            up = roots[roots]
            if np.array_equal(up, roots):
                break
            roots = up
        roots = roots.tolist()
        by_root: dict[int, dict] = {}
        first: dict[int, int] = {}
        for g, tokens in cands.items():
            for i in tokens:
                r = roots[i]
                groups = by_root.get(r)
                if groups is None:
                    groups = by_root[r] = {}
                    first[r] = i
                elif i < first[r]:
                    first[r] = i
                groups.setdefault(g, []).append(i)
        return [(r, by_root[r]) for r in sorted(by_root, key=first.__getitem__)]

    def __call__(self, doclike):
        """As spaCy's ``DependencyMatcher.__call__``, without trying a pattern on a sentence where
        one of its nodes has no candidate (no match can come of it)."""
        if isinstance(doclike, Doc):
            doc = doclike
        elif isinstance(doclike, Span):
            doc = doclike.as_doc(copy_user_data=True)
        else:
            raise ValueError(f"a Doc or Span is needed, not {type(doclike).__name__}")
        matched_key_trees = []
        sentences = [(set(groups), groups) for _, groups in self._sentences(doc)]
        group_of = self._group_of
        cache: dict = {}
        for key in self._patterns.keys():
            for tree, tokens_to_key, need in zip(self._tree[key], self._tokens_to_key[key], self._need[key]):
                for present, groups in sentences:
                    if need <= present:
                        keys_to_position = {k: groups[group_of[k]] for k in tokens_to_key}
                        for matched_tree in self._get_matches(cache, doc, tree, tokens_to_key, keys_to_position):
                            matched_key_trees.append((key, matched_tree))
        for i, (match_id, nodes) in enumerate(matched_key_trees):
            on_match = self._callbacks.get(match_id)
            if on_match is not None:
                on_match(self, doc, i, matched_key_trees)
        return matched_key_trees

    def _get_keys_to_position_maps(self, doc):
        """As spaCy's: root token index -> matcher key -> token indices (ascending), the roots in the
        order of their first candidate (what :meth:`__call__` reads, by group; for comparison)."""
        keys_of: dict = defaultdict(list)
        for mkey, g in self._group_of.items():
            keys_of[g].append(mkey)
        out = {}
        for root, groups in self._sentences(doc):
            out[root] = {mkey: list(tokens) for g, tokens in groups.items() for mkey in keys_of[g]}
        return out


SHARED_SUBJECT = "|shared-subject"
_FIRST = "__first_verb"
_MID = "__middle_verb"


def shared_subject_variant(spec: list, depth: int = 1) -> list | None:
    """A dependency pattern whose root verb takes a subject (``nsubj``, ``nsubjpass``), rewritten for
    the verb of a coordination that shares the first verb's subject: "The centre was founded in 2009
    and is headquartered in Suva" (the parser gives "headquartered" no subject; it is a ``conj`` of
    "founded"). The variant's root is that ``conj`` and its subject nodes hang on the first verb;
    :meth:`PatternSet.matches` drops a match whose verb has a subject of its own, or follows right
    after a name (which the parser may have put into the object before). ``depth`` 2: the verb is the
    third of a series ("was founded in 2009, trains stewards and cooperates with Y"). None when the
    pattern has no such subject node, or already constrains its root's dependency label.

    >>> v = shared_subject_variant([{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "host"}},
    ...     {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "org", "RIGHT_ATTRS": {"DEP": "nsubj"}}])
    >>> [(n.get("LEFT_ID"), n.get("REL_OP"), n["RIGHT_ID"], n["RIGHT_ATTRS"].get("DEP")) for n in v]
    [(None, None, 'verb', 'conj'), ('verb', '<', '__first_verb', None), ('__first_verb', '>', 'org', {'IN': ['nsubj', 'nsubjpass']})]
    """
    root = spec[0]
    name, attrs = root["RIGHT_ID"], root.get("RIGHT_ATTRS", {})
    if "LEFT_ID" in root or "DEP" in attrs:
        return None

    def is_subject(n) -> bool:
        dep = n.get("RIGHT_ATTRS", {}).get("DEP")
        deps = set(dep.get("IN", ())) if isinstance(dep, dict) else {dep}
        return n.get("LEFT_ID") == name and n.get("REL_OP") == ">" and bool(deps) and deps <= {"nsubj", "nsubjpass"}

    if not any(is_subject(n) for n in spec[1:]):
        return None
    verb = {"POS": {"IN": ["VERB", "AUX"]}}
    out = [{"RIGHT_ID": name, "RIGHT_ATTRS": {**attrs, "DEP": "conj"}}]
    if depth == 2:
        out += [{"LEFT_ID": name, "REL_OP": "<", "RIGHT_ID": _MID, "RIGHT_ATTRS": {**verb, "DEP": "conj"}},
                {"LEFT_ID": _MID, "REL_OP": "<", "RIGHT_ID": _FIRST, "RIGHT_ATTRS": verb}]
    else:
        out += [{"LEFT_ID": name, "REL_OP": "<", "RIGHT_ID": _FIRST, "RIGHT_ATTRS": verb}]
    # the first verb's subject, active or passive ("X was founded in 2009 and cooperates with Y")
    out += [{**n, "LEFT_ID": _FIRST, "RIGHT_ATTRS": {**n["RIGHT_ATTRS"], "DEP": {"IN": ["nsubj", "nsubjpass"]}}}
            if is_subject(n) else n for n in spec[1:]]
    return out


class PatternSet:
    """The matchers of a list of patterns, for one pipeline's vocabulary.

    >>> import spacy
    >>> ps = PatternSet(spacy.blank("en").vocab)
    >>> len(ps.patterns) > 20
    True
    """

    def __init__(self, vocab, patterns: list[Pattern] | None = None):
        self.patterns = list(patterns if patterns is not None else _bundled())
        self.by_key = {}
        self.dep = _NodeIndex(vocab, validate=True)
        self.tok = Matcher(vocab, validate=True)
        self.tok_op = Matcher(vocab, validate=True)  # token patterns with operators ("OP": "?", "*", "+")
        self.variants: dict[str, list] = {}  # key -> the spec of a shared-subject variant
        for p in self.patterns:
            key = p.method
            self.by_key[key] = p
            try:
                if p.kind == "dependency":
                    self.dep.add(key, [p.spec])
                    for depth in (1, 2):
                        if (v := shared_subject_variant(p.spec, depth)) is not None:
                            vkey = f"{key}{SHARED_SUBJECT}{depth}"
                            self.by_key[vkey] = p
                            self.variants[vkey] = v
                            self.dep.add(vkey, [v])
                else:
                    spec = [{k: v for k, v in t.items() if k != "name"} for t in p.spec]
                    (self.tok_op if any("OP" in t for t in spec) else self.tok).add(key, [spec])
            except (ValueError, KeyError) as e:
                raise PatternError(f"{p.source}, pattern {p.name}: spaCy refuses it: {e}") from None
        self.dep.compile()
        self._tok = TokenMatcher.from_matcher(self.tok) or self.tok if len(self.tok) else self.tok

    def matches(self, doc: Doc):
        """Yield ``(pattern, {node name: token})`` for every match in ``doc``, in text order."""
        found = []
        for match_id, token_ids in self.dep(doc):
            key = doc.vocab.strings[match_id]
            p = self.by_key[key]
            spec = self.variants.get(key, p.spec)
            nodes = {n["RIGHT_ID"]: doc[i] for n, i in zip(spec, token_ids)}
            if key in self.variants:
                root = nodes[spec[0]["RIGHT_ID"]]
                if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
                    continue  # "A founded X and B runs Y": the second verb has a subject of its own
                before = next((t for t in reversed(doc[root.sent.start:root.i]) if t.pos_ not in ("ADV", "AUX", "PART")), None)
                if before is not None and before._.ckg_kind in ("ORG", "PERSON", "GPE", "PROJECT"):
                    continue  # "A trains X and B cooperates with Y", B parsed into the object: B is the subject
                for n in (_FIRST, _MID):
                    nodes.pop(n, None)
            found.append((min(token_ids), p, nodes))
        for match_id, start, end in (self._tok(doc) if len(self.tok) else ()):
            p = self.by_key[doc.vocab.strings[match_id]]
            named = [t.get("name") for t in p.spec]
            # one token a pattern entry (no operators with names): the n-th entry is the n-th token
            if end - start == len(named):
                nodes = {n: doc[start + i] for i, n in enumerate(named) if n}
                found.append((start, p, nodes))
        for match_id, start, end, entries in (self.tok_op(doc, with_alignments=True) if len(self.tok_op) else ()):
            # with operators, spaCy says which entry each token of the match stands for; a named entry
            # that matched several tokens ("+") stands for its last (one token stands for the whole name)
            p = self.by_key[doc.vocab.strings[match_id]]
            nodes = {p.spec[e]["name"]: doc[start + i] for i, e in enumerate(entries) if p.spec[e].get("name")}
            if all(t.get("name") in nodes for t in p.spec if t.get("name") and t.get("OP") not in ("?", "*")):
                found.append((start, p, nodes))
        found.sort(key=lambda x: x[0])
        for _, p, nodes in found:
            yield p, nodes
