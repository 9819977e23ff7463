"""An agreement's signatories listed one a clause, each with the body they signed for:

    The letter was signed by Prof. A on behalf of the X; Dr B for the Y (Y2); Prof. C, Vice-President
    of the Z; and Mr D, Executive Director of the W.

Each body is a party of the agreement (``ckg:party``) and each person its signatory
(``ckg:signatory``), holding the post written with their name in that body, or else its member
(``rule:signatory-list``). The agreement is the one read last before the list (in this sentence or
the three before it); when the sentence before only says that some bodies signed one ("Five
institutions signed a Letter of Intent on X") it is made here, with the bodies of the list as its
parties. Only a list of two clauses or more, apart by semicolons, is read: the commas of one clause
are its appositions.
"""

from __future__ import annotations

import re

from collabkg.loaders.rosters import _is_role

__all__ = ["read_signatory_list"]

_SIGNED_BY = re.compile(r"^(?:The|This|That|It)\s*(?:letter|agreement|memorandum|MoU|MOU|LoI|accord|statement|declaration|document|instrument|charter)?\b"
                        r"[^.;]{0,60}?\b(?:was|were)\s+(?:jointly\s+|also\s+)?signed\s+by\s+", re.I)
#: a signatory's body in their clause: "on behalf of the X", "for the X", ", <post> of the X"
_FOR = re.compile(r"\s*(?:,\s*)?(?:on\s+behalf\s+of|for|representing)\s+(?:the\s+)?")
_POST_OF = re.compile(r"\s*,\s*(?:the\s+)?(?P<role>[A-Za-z][\w\s-]{1,60}?)\s+(?:of|at)\s+(?:the\s+)?")


def read_signatory_list(ex, s) -> None:
    """Read sentence ``s`` of extractor ``ex`` as an agreement's list of signatories (see the module's doc)."""
    text = s.text.strip()
    sm = _SIGNED_BY.match(text)
    if sm is None or ";" not in text[sm.end():]:
        return
    lead = s.text.index(text)
    at = s.start + lead + sm.end()
    clauses = []
    for cm in re.finditer(r"[^;]+", ex.text[at:s.end]):
        a, b = at + cm.start(), at + cm.end()
        stripped = re.match(r"\s*(?:and\s+)?", ex.text[a:b])
        clauses.append((a + stripped.end(), b))
    ev = ex.ev(s, "rule:signatory-list")
    signed = []  # (person key, body key, role or None)
    for a, b in clauses:
        person = next((p for p in s.mentions if p.label == "PERSON" and a <= p.start < b), None)
        if person is None:
            continue
        body, role = None, None
        fm = _FOR.match(ex.text, person.end, b)
        pm = _POST_OF.match(ex.text, person.end, b) if fm is None else None
        where = fm.end() if fm else pm.end() if pm and _is_role(pm.group("role")) else None
        if where is None:
            continue
        body = next((o for o in s.mentions if o.label == "ORG" and o.start == where), None)
        if body is None:
            continue
        role = pm.group("role").strip() if pm else None
        org = ex.org(body, ev)
        if org is not None:
            signed.append((ex.person(person, ev), org, role))
    if len(signed) < 2:
        return
    agreement = _agreement_before(ex, s, [org for _, org, _ in signed])
    if agreement is None:
        return
    for person, org, role in signed:
        if role:
            ex.add_post(person, role, org, ev)
        else:
            ex.add_member(person, org, ev)
        ex.x.add(agreement, "ckg:party", org, ev)
        ex.x.add(agreement, "ckg:signatory", person, ev)


def _agreement_before(ex, s, parties: list[str]) -> str | None:
    """The agreement the list is of: the last one read in ``s`` or the three sentences before; else one
    made from the last of those sentences that names an agreement and no parties, with ``parties``."""
    i = next((n for n, t in enumerate(ex.sentences) if t.start == s.start), 0)
    window = ex.sentences[max(0, i - 3):i + 1]
    made = [(max(v.start for v in e.evidence), k) for k, e in ex.x.entities.items()
            if e.kind == "agreement" and any(window[0].start <= v.start < s.end for v in e.evidence)]
    if made:
        return max(made)[1]
    for t in reversed(window[:-1]):
        m = ex._AGREE_RE.search(t.text)
        if m is not None and re.search(r"\bsign(?:ed|s)?\b", t.text):
            ev = ex.ev(t, "rule:signatory-list")
            unique = list(dict.fromkeys(parties))
            return ex._agreement(t, m, ev, unique, m.group(1), t.text[max(0, m.start() - 80):m.start()], t.text[m.end():], None)
    return None
