"""The ``Mention`` record (a span of a document's cleaned text and what it names) and the
sentence spans the mention finder and the extractor read by."""

from __future__ import annotations

from dataclasses import dataclass, field

from collabkg.loaders.registry import Entry


@dataclass
class Mention:
    """A span of the document's cleaned text and what it names."""

    start: int
    end: int
    text: str
    label: str  # ORG, PERSON, GPE (country), CITY, REGION
    cls: str | None = None  # ontology class local name, for ORG
    entry: Entry | None = None  # registry entry, when known
    code: str | None = None  # country code (GPE, CITY) or region name
    acronym: str | None = None
    country: str | None = None  # country code of a body, from a prefix ("U.S. National Center ...")
    parent: "Mention | None" = None  # a body this one is part of, from the text
    title: str | None = None  # "Dr." for a person
    method: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def __repr__(self) -> str:
        return f"<{self.label} {self.text!r} {self.start}-{self.end}>"


def sentence_spans(doc) -> list[tuple[int, int]]:
    """Sentence character spans of a spaCy doc, trimmed, empty ones dropped."""
    out = []
    text = doc.text
    for s in doc.sents:
        a, b = s.start_char, s.end_char
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
