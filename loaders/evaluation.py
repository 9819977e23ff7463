"""Scoring extraction against gold annotations, for analysts who annotate a few documents of their own.

A gold folder holds documents (``.txt``, ``.md``, ``.html``) and, beside each, ``<name>.gold.json``
in the dev-set format::

    {"entities": [{"id": "e1", "name": "...", "type": "Organization", "aliases": ["..."]}],
     "relations": [{"subject": "e5", "predicate": "holdsPosition(Director)", "object": "e1"}]}

:func:`evaluate` extracts each document (no store is written) and compares:

- **entities** by name and alias: a gold entity is found when an extracted entity's label, other
  label or acronym equals one of its names after normalisation (case, titles such as Dr./Prof.,
  punctuation), or is within a fuzzy token-set ratio of 90 for names of four characters or more
  (rapidfuzz). Precision = extracted entities that match a gold one / all extracted entities.
- **relations, typed**: each extracted statement, and each registry fact about the bodies the
  document names (a known body's parent), is mapped to a gold predicate by
  :data:`GOLD_PREDICATES` (``schema:attendee`` from an event to a person is ``participatedIn``
  from the person to the event, and so on; a post whose role is membership itself, "Member",
  "Fellow", "Academician", is ``memberOf``, any other post ``holdsPosition``; ``schema:location``
  of an event is ``heldAt``, of anything else ``locatedIn``). A gold relation is found when an extracted statement
  has its predicate (``holdsPosition`` ignores the role's wording) and its two ends are the
  extracted entities its two gold entities matched; a gold date (``heldOn``) when the event has a
  start date on that day. Precision counts the extracted statements whose two ends both match gold
  entities (the gold annotates only the entities it lists, so a statement about anything else
  cannot be judged): correct ones / all of them.

>>> GOLD_PREDICATES["schema:attendee"]
('participatedIn', True)
"""

from __future__ import annotations

from collabkg.errors import CollabKGError

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

__all__ = ["GOLD_PREDICATES", "DocScore", "Evaluation", "evaluate", "GoldError"]

#: collabkg predicate -> (gold predicate, whether the gold relation runs the other way).
GOLD_PREDICATES: dict[str, tuple[str, bool]] = {
    "org:Post": ("holdsPosition", False),  # person -> body, through the org:Post node
    "org:memberOf": ("memberOf", False),
    "org:subOrganizationOf": ("partOf", False),
    "ckg:hostedBy": ("partOf", False),
    "schema:superEvent": ("partOf", False),
    "schema:attendee": ("participatedIn", True),
    "schema:organizer": ("organizedBy", False),
    "ckg:chair": ("chairedBy", False),
    "schema:location": ("heldAt", False),  # an event's place; a body's place is locatedIn (below)
    "schema:containedInPlace": ("locatedIn", False),
    "ckg:country": ("locatedIn", False),
    "ckg:leader": ("ledBy", False),
    "schema:sponsor": ("sponsoredBy", False),
    "ckg:party": ("partyTo", True),
    "ckg:signatory": ("partyTo", True),  # a signatory, person -> agreement (the gold's judgement call)
    "ckg:cooperatesWith": ("cooperatesWith", False),
    "ckg:partner": ("partnerIn", True),
}
_SYMMETRIC = {"cooperatesWith"}
_ENTITY_KINDS = {"organization", "person", "event", "place", "agreement", "project", "program", "platform",
                 "infrastructure", "cooperation"}
_TITLES = re.compile(r"^(?:(?:dr|prof|professor|mr|ms|mrs|academician)\.?|(?:(?:lt|brig|maj)\.\s+)?(?:gen|col|brig|maj|capt|cdr|adm|amb|rev)\.)\s+", re.I)
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}


class GoldError(CollabKGError, ValueError):
    """A gold file is not in the expected format (names the file and the entry)."""


_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L", "ı": "i"})


def _norm(s: str) -> str:
    """Lower case, no titles, no punctuation, no accents ("Tromsø" = "Tromso")."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _TITLES.sub("", s.strip())
    s = re.sub(r"[\"'’“”().,;:]", " ", s.lower())
    return re.sub(r"\s+", " ", s).strip()


def _gold_date(s: str):
    s = s.lower()
    y = re.search(r"\b(19|20)\d\d\b", s)
    m = re.search(r"\b(" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", s)
    d = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", s)
    if not (m and d):
        return None
    month = _MONTHS.get(m.group(1)) or next(i for k, i in _MONTHS.items() if k.startswith(m.group(1)[:3]))
    return (int(y.group(0)) if y else None, month, int(d.group(1)))


@dataclass
class DocScore:
    """One document's counts and, for ``--explain``, what was missed or wrong."""

    name: str
    gold_entities: int = 0
    found_entities: int = 0
    output_entities: int = 0
    matching_output: int = 0
    gold_relations: int = 0
    found_relations: int = 0
    judged_relations: int = 0
    correct_relations: int = 0
    missed_entities: list = field(default_factory=list)
    unmatched_output: list = field(default_factory=list)
    missed_relations: list = field(default_factory=list)
    wrong_relations: list = field(default_factory=list)
    error: str | None = None

    def as_dict(self, explain: bool = False) -> dict:
        d = {k: v for k, v in self.__dict__.items() if explain or not isinstance(v, list)}
        d.update(_prf(self.matching_output, self.output_entities, self.found_entities, self.gold_entities, "entity"))
        d.update(_prf(self.correct_relations, self.judged_relations, self.found_relations, self.gold_relations, "relation"))
        return d


def _prf(tp_p, n_p, tp_r, n_r, prefix) -> dict:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}_precision": round(p, 4), f"{prefix}_recall": round(r, 4), f"{prefix}_f1": round(f, 4)}


@dataclass
class Evaluation:
    """The scores of every document of a gold folder, and their totals."""

    docs: list[DocScore]

    def totals(self) -> dict:
        t = DocScore("total")
        for d in self.docs:
            for k in ("gold_entities", "found_entities", "output_entities", "matching_output", "gold_relations",
                      "found_relations", "judged_relations", "correct_relations"):
                setattr(t, k, getattr(t, k) + getattr(d, k))
        return t.as_dict()

    def to_json(self, explain: bool = False) -> str:
        return json.dumps({"documents": [d.as_dict(explain) for d in self.docs], "total": self.totals()}, indent=2, default=str)


def _read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise GoldError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}): {e.msg}") from None
    ids = set()
    for i, e in enumerate(gold.get("entities", [])):
        if not isinstance(e, dict) or "id" not in e or "name" not in e:
            raise GoldError(f"{path}: entity {i + 1} needs an 'id' and a 'name'")
        ids.add(e["id"])
    for i, r in enumerate(gold.get("relations", [])):
        if not isinstance(r, dict) or not {"subject", "predicate", "object"} <= set(r):
            raise GoldError(f"{path}: relation {i + 1} needs 'subject', 'predicate' and 'object'")
        if r["subject"] not in ids:
            raise GoldError(f"{path}: relation {i + 1} names subject {r['subject']!r}, which no entity has as id")
    return gold


_KINDS = {"Organization": {"organization"}, "Person": {"person"}, "Event": {"event"}, "Place": {"place"},
          "Agreement": {"agreement"}, "Project": {"project", "program", "platform", "infrastructure"},
          "Program": {"program", "project", "cooperation"}}


def _match(names: list[str], ents: dict, kind: str | None = None) -> str | None:
    """The extracted entity that best matches a gold entity's names: exact before fuzzy, and of the
    gold's type before another ("the Workshop" the event before the series of the same name)."""
    best, score = None, 0.0
    g = [_norm(x) for x in names if x]
    kinds = _KINDS.get(kind or "", set())
    for key in sorted(ents):
        bonus = 0.5 if key.split("/", 1)[0] in kinds else 0.0
        for x in sorted(ents[key]):
            x = _norm(x)
            for y in g:
                # an exact name beats any fuzzy one ("CAS" names CAS, not an agreement naming CAS)
                sc = 101 if x == y else fuzz.token_set_ratio(x, y) if min(len(x), len(y)) >= 4 else 0
                if sc + bonus > score:
                    best, score = key, sc + bonus
    return best if score >= 90 else None


def _statements(x) -> list[tuple[str, str, object]]:
    """The extraction's statements as (gold predicate, subject key, object key or date)."""
    out = []
    kinds = {k: e.kind for k, e in x.entities.items()}
    # what the registry knows of the bodies the document names goes to the registry graph of the store:
    # a known body's parent is a statement of the graph as much as one read from the text
    by_entry = {e.entry.id: k for k, e in x.entities.items() if e.entry is not None}
    for k, e in x.entities.items():
        if e.entry is not None:
            for rel, target in (("partOf", e.entry.parent), ("partOf", e.entry.hosted_by)):
                if target in by_entry:
                    out.append((rel, k, by_entry[target]))
    for f in x.facts:
        if f.predicate == "org:heldBy":
            # a post whose role is membership itself ("Member", "Fellow", "Academician") is memberOf
            role = " ".join(str(r) for r in x.objects(f.subject, "ckg:roleTitle")).lower()
            pred = "memberOf" if re.fullmatch(r"(?:[\w-]+ )?(?:member|fellow|academician)", role) else "holdsPosition"
            for org in x.objects(f.subject, "org:postIn"):
                out.append((pred, f.obj, org))
            continue
        if f.predicate == "schema:startDate":
            out.append(("heldOn", f.subject, f.obj.toPython()))
            continue
        mapped = GOLD_PREDICATES.get(f.predicate)
        if mapped is None or not isinstance(f.obj, str):
            continue
        pred, inverse = mapped
        if pred == "heldAt" and kinds.get(f.subject) != "event":
            pred = "locatedIn"
        a, b = (f.obj, f.subject) if inverse else (f.subject, f.obj)
        out.append((pred, a, b))
    return sorted(set(out), key=str)


def _pred(p: str) -> str:
    return p.split("(", 1)[0]


def score_document(path: Path, gold: dict, *, extraction=None) -> DocScore:
    """Score one document (extracted here unless ``extraction`` is given) against its gold."""
    from collabkg.loaders.documents import read_document
    from collabkg.loaders.extract import extract

    sc = DocScore(path.name)
    x = extraction if extraction is not None else extract(read_document(path))
    ents = {k: {e.label, *e.alt_labels, *e.acronyms} for k, e in x.entities.items() if e.kind in _ENTITY_KINDS}
    names = {e["id"]: e["name"] for e in gold.get("entities", [])}
    gm = {e["id"]: _match([e["name"], *e.get("aliases", [])], ents, e.get("type")) for e in gold.get("entities", [])}
    matched = {v for v in gm.values() if v}
    sc.gold_entities, sc.found_entities = len(gm), sum(1 for v in gm.values() if v)
    sc.output_entities, sc.matching_output = len(ents), len(matched)
    sc.missed_entities = [names[k] for k, v in gm.items() if not v]
    sc.unmatched_output = sorted(x.entities[k].label for k in ents if k not in matched)
    stmts = _statements(x)
    have = {(p, a, b) for p, a, b in stmts}
    have |= {(p, b, a) for p, a, b in stmts if p in _SYMMETRIC}
    dates = {(a, d) for p, a, d in stmts if p == "heldOn"}
    gold_keys = set()
    for r in gold.get("relations", []):
        pred = _pred(r["predicate"])
        s, o = gm.get(r["subject"]), r["object"]
        if pred == "heldOn" or o not in gm:
            gd = _gold_date(str(o))
            if gd is None:
                continue  # a date the text gives without a day: not scored
            sc.gold_relations += 1
            ok = s is not None and any(a == s and isinstance(d, (dt.date, dt.datetime)) and (d.month, d.day) == gd[1:]
                                       and (gd[0] is None or d.year == gd[0]) for a, d in dates)
            gold_keys.add(("heldOn", s, gd))
        else:
            sc.gold_relations += 1
            ok = s is not None and gm[o] is not None and (pred, s, gm[o]) in have
            gold_keys.add((pred, s, gm[o]))
            if pred in _SYMMETRIC:
                gold_keys.add((pred, gm[o], s))
        if ok:
            sc.found_relations += 1
        else:
            sc.missed_relations.append(f"{names.get(r['subject'])} {r['predicate']} {names.get(o, o)}")
    for p, a, b in stmts:
        if p == "heldOn":
            if a not in matched or not isinstance(b, (dt.date, dt.datetime)):
                continue
            sc.judged_relations += 1
            if any(k[0] == "heldOn" and k[1] == a and (b.month, b.day) == k[2][1:] and (k[2][0] in (None, b.year)) for k in gold_keys):
                sc.correct_relations += 1
            else:
                sc.wrong_relations.append(f"{x.entities[a].label} heldOn {b}")
            continue
        if a in matched and b in matched:
            sc.judged_relations += 1
            if (p, a, b) in gold_keys:
                sc.correct_relations += 1
            else:
                sc.wrong_relations.append(f"{x.entities[a].label} {p} {x.entities[b].label}")
    return sc


def evaluate(gold_dir: str | Path) -> Evaluation:
    """Score every document of ``gold_dir`` that has a ``.gold.json`` beside it.

    Raises :class:`GoldError` for a folder without gold files or a malformed gold file (named)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such folder (give a folder of documents with <name>.gold.json beside each)")
    docs = []
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:
        raise GoldError(f"{gold_dir}: no *.gold.json files; each document needs <name>.gold.json beside it")
    for g in golds:
        stem = g.name[: -len(".gold.json")]
        doc = next((p for p in sorted(gold_dir.glob(stem + ".*")) if p.suffix in (".txt", ".md", ".html", ".htm")), None)
        if doc is None:
            raise GoldError(f"{g}: no document {stem}.txt / .md / .html beside it")
        gold = _read_gold(g)
        try:
            docs.append(score_document(doc, gold))
        except Exception as e:  # a document that cannot be read scores zero, and says why
            sc = DocScore(doc.name, gold_entities=len(gold.get("entities", [])), gold_relations=len(gold.get("relations", [])))
            sc.error = f"{type(e).__name__}: {e}"
            docs.append(sc)
    return Evaluation(docs)
