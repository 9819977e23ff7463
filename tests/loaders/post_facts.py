"""The posts an extraction holds, as the tests compare them."""

from __future__ import annotations


def post_triples(x) -> set[tuple[str, str, str]]:
    """(person, title as written, body) of every post (``org:Post``) in extraction ``x``, by label."""
    label = lambda k: x.entities[k].label  # noqa: E731
    out = set()
    for f in x.facts:
        if f.predicate == "org:postIn":
            held = next(g.obj for g in x.facts if g.subject == f.subject and g.predicate == "org:heldBy")
            title = next(str(g.obj) for g in x.facts if g.subject == f.subject and g.predicate == "ckg:roleTitle")
            out.add((label(held), title, label(f.obj)))
    return out
