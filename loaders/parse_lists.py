"""Names listed together in a parse: a token's conjuncts and the names set beside it by commas
(which the parser often reads as appositions), and lists read from the surface when the parser
hung them otherwise; a unit and its parent body are no list."""

from __future__ import annotations



def _listed(tok, group) -> list:
    """``tok`` and the names listed with it: its conjuncts, and names set beside it by commas, which
    the parser often reads as appositions ("by A, B and C": B an apposition of A, C a conjunct of B).
    A name in parentheses after another ("A (Lima)") is that one's place or acronym, not a list item."""
    out, todo = [tok], [tok]
    if "CITY" in group:  # "Salzburg, Austria": a place and the country it is in, not a list
        return [tok] + [c for c in tok.conjuncts if c._.ckg_kind in group]
    while todo:
        t = todo.pop()
        # "A, Director of X, and B": the parser hangs B on A's post (an apposition), not on A
        posts_of = [c for c in t.children if c.dep_ == "appos" and c._.ckg_kind not in group] if "PERSON" in group else []
        # "with the X Centre in Y, the Swiss Institute for Snow Research and the Z": the parser may hang the
        # next item on a word inside the name before ("Research"), not on its head
        inner = [cc for u in _mention_tokens(t) if u is not t for cc in u.conjuncts
                 if cc._.ckg_mention is not t._.ckg_mention and cc._.ckg_mention is not None
                 and t._.ckg_kind == cc._.ckg_kind == "ORG"] if t._.ckg_kind == "ORG" else []  # bodies' long names only
        # "A of X and B of Y": the parser hangs B on X, the body after A's "of"
        # (or on the verb, right after A: "consisted of A from X and B from Y")
        via_body = [cc for p in [*t.children, *(c for h in (t.head, t.head.head) for c in h.children if c.i == t.right_edge.i + 1)]
                    if p.dep_ == "prep" and p.lower_ in ("of", "from", "at")
                    for g in p.children if g.dep_ == "pobj" for cc in g.conjuncts if cc._.ckg_kind == "PERSON"] \
            if t._.ckg_kind == "PERSON" else []
        # "funded by A and by B": the second "by" is a conjunct of the first, its object one more item
        # (the parser hangs the second "by" on the first, or on the verb)
        prep = t.head if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent") else None
        same_prep = [g for p in ((*prep.conjuncts, *(c for c in prep.head.children if c.dep_ == "conj" and c.pos_ == "ADP"))
                                 if prep is not None else ())
                     if p.lower_ == prep.lower_ for g in p.children if g.dep_ == "pobj"]
        for c in list(t.conjuncts) + [c for c in t.children if c.dep_ == "appos"] + [cc for p in posts_of for cc in p.conjuncts] + inner + via_body \
                + same_prep:
            if c in out or c._.ckg_kind not in group or _parent_of(t, c):
                continue
            if c.dep_ == "pobj" and c.head.dep_ == "prep" and c.head.lower_ in ("of", "from", "at") and c.head.head in out \
                    and c.head.head._.ckg_kind == "PERSON":
                continue  # "A of X and B of Y": X is A's body, no item of the list
            if c.dep_ == "appos" and (c.i == 0 or c.doc[c.left_edge.i - 1].text in ("(", "[")):
                continue
            if c.i + 1 < len(c.doc) and c.doc[c.i + 1].dep_ == "case" and c._.ckg_kind in ("GPE", "CITY", "REGION"):
                continue  # "and Peru's Science Council": the country owns the next item, it is none itself
            out.append(c)
            todo.append(c)
    for t in _surface_list(tok, group) + _surface_list_before(tok, group):
        if all(t._.ckg_mention is not o._.ckg_mention for o in out):
            out.append(t)
    out = sorted(out, key=lambda t: t.i)
    if len(out) == 2 and out[1].dep_ == "appos" and out[1].head.i == out[0].i and "ORG" in group and out[0]._.ckg_kind == "ORG" and \
            out[1].doc[out[1].left_edge.i - 1].text == "," and out[1].left_edge.i - 1 == _mention_end(out[0]):
        out = out[:1]  # "the Institute of Polar Research, Nordic Academy of Sciences": a unit and its body, no list
    return out


def _mention_tokens(tok) -> list:
    """The tokens of the mention ``tok`` belongs to (``tok`` alone when it is in none)."""
    m = tok._.ckg_mention
    if m is None:
        return [tok]
    doc, a, b = tok.doc, tok.i, tok.i
    while a > 0 and doc[a - 1]._.ckg_mention is m:
        a -= 1
    while b + 1 < len(doc) and doc[b + 1]._.ckg_mention is m:
        b += 1
    return list(doc[a:b + 1])


def _surface_list_before(tok, group) -> list:
    """Names written before ``tok`` as the first items of its list, when the parser hung them on it
    ("by the Tengri Government and Andean Data Program": "Government" a modifier of "Program"): each item a
    name of the group whose head depends on ``tok`` (or on the word ``tok`` depends on), then a comma
    or "and"; the reading stops at anything else."""
    doc, out = tok.doc, []
    m = tok._.ckg_mention
    if m is None:
        return out
    i = tok.i
    while i > 0 and doc[i - 1]._.ckg_mention is m:
        i -= 1
    while i > 0:
        j, sep = i - 1, False
        while j >= 0 and (doc[j].text == "," or doc[j].lower_ in ("and", "&", "the")):
            sep = sep or doc[j].text == "," or doc[j].lower_ in ("and", "&")
            j -= 1
        if not sep or j < 0 or doc[j]._.ckg_mention is None or doc[j]._.ckg_kind not in group:
            return out
        pm = doc[j]._.ckg_mention
        start = j
        while start > 0 and doc[start - 1]._.ckg_mention is pm:
            start -= 1
        span = doc[start:j + 1]
        head = next((x for x in span if not (start <= x.head.i <= j) or x.head is x), doc[j])
        if head.head not in (tok, tok.head) and head not in tok.children:
            return out
        out.append(head)
        i = start
    return out


def _parent_of(a, b) -> bool:
    """Whether ``b``'s mention is the body ``a``'s mention was read as part of ("Institute X, CAS")."""
    ma, mb = a._.ckg_mention, b._.ckg_mention
    return ma is not None and mb is not None and getattr(ma, "parent", None) is not None and (
        ma.parent is mb or (ma.parent.start, ma.parent.end) == (mb.start, mb.end))


def _mention_end(tok) -> int:
    """The index of the first token after the mention ``tok`` is in."""
    m, i = tok._.ckg_mention, tok.i
    while i < len(tok.doc) and tok.doc[i]._.ckg_mention is m:
        i += 1
    return i


def _surface_list(tok, group) -> list:
    """The names written after ``tok`` as a list, read in token order: "A (Beijing), B (Beijing), C at
    Lanzhou, and D". Long lists defeat the parser; their commas do not. Each item is a name of the
    same group, after a comma or "and", with a place or acronym in parentheses (or "at <city>")
    allowed after it; the list stops at anything else, and before a name that is the subject of a
    clause of its own ("..., and B attended")."""
    doc, out = tok.doc, []
    if tok._.ckg_mention is None:
        return out
    i = _mention_end(tok)
    while i < len(doc):
        sep = False
        while i < len(doc):
            t = doc[i]
            if t.text == "(":
                close = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].text == ")"), None)
                inside = doc[i + 1:close] if close else None
                if not inside or not all(x._.ckg_kind in ("CITY", "GPE", "REGION") or x.is_punct or x.text.isupper()
                                         or (x.pos_ == "PROPN" and not x._.ckg_kind) for x in inside):
                    return out
                i = close + 1
            elif t.text == "," or t.lower_ in ("and", "&"):
                sep, i = True, i + 1
            elif t.lower_ == "the" or (t.lower_ == "at" and i + 1 < len(doc) and doc[i + 1]._.ckg_kind == "CITY"):
                i += 1 if t.lower_ == "the" else 2
            else:
                break
        if not sep or i >= len(doc):
            return out
        t = doc[i]
        if t._.ckg_mention is not None and t._.ckg_kind in ("GPE", "CITY") and _mention_end(t) + 1 < len(doc) \
                and doc[_mention_end(t)].text in ("'s", "’s"):
            i = _mention_end(t) + 1  # "and Peru's Science Council": the item is the council, Peru its owner
            t = doc[i]
        if t._.ckg_mention is None or t._.ckg_kind not in group or t._.ckg_mention is tok._.ckg_mention:
            return out
        if _parent_of(out[-1] if out else tok, t):
            return out  # "CODATA-China, CAS": the body that holds it, not a list
        end = _mention_end(t)
        if t._.ckg_kind == "GPE" and end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end \
                and doc[end].text[:1].isupper():
            return out  # "and the Thailand Science Research Council": a country's name begins a body's name
        head = next((x for x in doc[i:end] if not (i <= x.head.i < end) or x.head is x), doc[end - 1])
        if head.dep_ in ("nsubj", "nsubjpass"):
            return out
        out.append(head)
        i = end
    return out
