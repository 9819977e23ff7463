"""What extraction produces, before it becomes RDF: entities, facts, and the evidence for each.

An :class:`Extraction` collects entities by identity key (so two mentions of one body in a document
become one entity) and facts ``(subject key, predicate, object key or literal, evidence)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal

from collabkg.loaders.registry import Entry

__all__ = ["Evidence", "Entity", "Fact", "Extraction"]


@dataclass(frozen=True)
class Evidence:
    """A quoted sentence of the cleaned text, its span, and the rule that read it."""

    start: int
    end: int
    quote: str
    method: str


def and_list(names: list[str]) -> str:
    """Names as a label lists them: "A", "A and B", "A, B and C".

    >>> and_list(["CAS"]), and_list(["CAS", "NCAR", "QAU"])
    ('CAS', 'CAS, NCAR and QAU')
    """
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else "".join(names)


@dataclass
class Entity:
    """One thing the document speaks of; ``key`` is ``kind/identity`` and decides its IRI."""

    key: str
    kind: str
    classes: list[str]
    label: str
    alt_labels: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    entry: Entry | None = None
    evidence: list[Evidence] = field(default_factory=list)
    _evidence_set: set = field(default_factory=set, repr=False, compare=False)

    @property
    def short_name(self) -> str:
        """The name a label made of other names uses: the acronym where the body has one ("CNIC",
        "NCAR"), else the label."""
        acrs = sorted(self.acronyms) or (sorted(self.entry.acronyms) if self.entry else [])
        return acrs[0] if acrs else self.label

    def __post_init__(self) -> None:
        self._evidence_set = set(self.evidence)

    @property
    def ident(self) -> str:
        return self.key.split("/", 1)[1]


@dataclass(frozen=True)
class Fact:
    """``subject`` and (for relations) ``obj`` are entity keys; literal objects are rdflib Literals."""

    subject: str
    predicate: str  # a CURIE of the shared prefix table, e.g. "org:subOrganizationOf"
    obj: str | Literal
    evidence: Evidence


class Extraction:
    """Entities and facts of one document."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []
        self._seen: set[tuple] = set()

    def entity(self, key: str, kind: str, classes: list[str], label: str, evidence: Evidence | None, *, entry: Entry | None = None) -> Entity:
        """Return the entity with ``key``, creating it; add classes, evidence and labels seen."""
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key, kind, list(classes), label, entry=entry)
        else:
            for c in classes:
                if c not in ent.classes:
                    ent.classes.append(c)
            if label and label != ent.label:
                ent.alt_labels.add(label)
            ent.entry = ent.entry or entry
        if evidence is not None and evidence not in ent._evidence_set:
            ent.evidence.append(evidence)
            ent._evidence_set.add(evidence)
        return ent

    def add(self, subject: str, predicate: str, obj: str | Literal, evidence: Evidence) -> None:
        """Add a fact once (the first evidence for the same statement and rule is kept)."""
        if subject == obj:
            return
        k = (subject, predicate, obj, evidence.start)
        if k in self._seen:
            return
        self._seen.add(k)
        self.facts.append(Fact(subject, predicate, obj, evidence))

    def merge(self, src: str, dst: str) -> None:
        """Make ``src`` the same thing as ``dst``: its facts, evidence and names move to ``dst``."""
        if src == dst or src not in self.entities or dst not in self.entities:
            return
        a, b = self.entities.pop(src), self.entities[dst]
        b.alt_labels |= {a.label, *a.alt_labels} - {b.label}
        b.acronyms |= a.acronyms
        for v in a.evidence:
            if v not in b._evidence_set:
                b.evidence.append(v)
                b._evidence_set.add(v)
        b.classes += [c for c in a.classes if c not in b.classes]
        facts, self.facts, self._seen = self.facts, [], set()
        for f in facts:
            self.add(dst if f.subject == src else f.subject, f.predicate, dst if f.obj == src else f.obj, f.evidence)

    def objects(self, subject: str, predicate: str) -> list:
        return [f.obj for f in self.facts if f.subject == subject and f.predicate == predicate]

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]
