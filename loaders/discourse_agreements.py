"""Agreements found by patterns: made once they have two parties (one with each when one side
signs several), a signatory who holds a post in the document speaking for the body, and the
people who signed."""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.dates import find_dates
from collabkg.loaders.discourse_events import _is_future


#: nouns that name an agreement a sentence can refer back to ("the agreement", "this memorandum")
_AGREEMENT_NOUNS = {"agreement", "memorandum", "mou", "accord", "protocol", "arrangement", "charter"}


class _Agreements:
    """Agreements with several parties and their signatories: mixed into Discourse."""

    def _signatories(self, agreement: str, signers, tok) -> None:
        """The people who signed ``agreement`` (``ckg:signatory``), when the sentence says they signed
        it ("signed by X and Y", "X and Y signed the MoU"), not when it is still to be signed."""
        if _is_future(tok) or not any(t.lemma_ == "sign" for t in (tok, tok.head, *tok.head.children)):
            return
        for k, pev in signers:
            self.ex.x.add(agreement, "ckg:signatory", k, pev)

    def _signs_for(self, person: str, s) -> list[str]:
        """The bodies ``person`` signs for in sentence ``s`` without a post there ("signed by Dr. A on
        behalf of the X": ``rule:on-behalf``)."""
        return list(dict.fromkeys(f.obj for f in self.ex.x.facts if f.subject == person and f.predicate == "org:memberOf"
                                  and f.evidence.method == "rule:on-behalf" and f.evidence.start == s.start))

    def _agreements(self) -> None:
        x = self.ex.x
        for (_, sent_start), found in self.parties.items():
            tok = found[0][2]
            ev = found[0][1]
            s = next(s for s in self.ex.sentences if s.start == sent_start)
            parties = []
            signers = [(k, pev) for k, pev, _ in found if k.startswith("person/")]
            for k, _, _ in found:
                if k.startswith("person/"):  # a signatory speaks for the body of their post
                    orgs = [o for p in x.objects(k, "org:holds") for o in x.objects(p, "org:postIn")] \
                        or self._signs_for(k, s)
                    k = orgs[0] if len(orgs) == 1 else None
                if k and k.split("/", 1)[0] in ("organization", "place", "infrastructure", "platform") and k not in parties:
                    parties.append(k)  # an archive or platform that signs acts as a body (see extract)
            # an agreement the rules read in this sentence gets the parties; else one is made with two
            existing = [k for k, e in x.entities.items() if e.kind == "agreement" and any(v.start == s.start for v in e.evidence)]
            for p in parties:
                for _, pev, _ in found:
                    self.log.append((pev.method, existing[0] if existing else "agreement", "ckg:party", p))
            for k, pev in signers:  # the pattern read a person on the signing side
                self.log.append((pev.method, existing[0] if existing else "agreement", "ckg:party", k))
            groups = self._bilateral(tok, s, ev, parties) if not _is_future(tok) else [parties]
            if len(groups) > 1:  # "A signed agreements with B, C and D": one with each, the rules' among them
                for group in groups:
                    if not any(set(x.objects(k, "ckg:party")) == set(group) for k in existing):
                        self._make_agreement(group, tok, s, ev, signers)
                continue
            if existing:
                for p in parties:
                    x.add(existing[0], "ckg:party", p, ev)
                self._signatories(existing[0], signers, tok)
                self._signing_date(existing[0], s, tok, ev)
                continue
            if _is_future(tok) or (not parties and not signers) or (len(parties) < 2 and not signers):
                continue
            same = [k for k, e in x.entities.items() if e.kind == "agreement" and set(x.objects(k, "ckg:party")) == set(parties)] \
                if len(parties) > 1 else []
            if not same and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
                # "The agreement was signed by A's director and B's": the one agreement read before,
                # when it has these parties among its own (it may name a parent body as well)
                before = [k for k, e in x.entities.items() if e.kind == "agreement" and set(parties) <= set(x.objects(k, "ckg:party"))
                          and any(v.start < s.start for v in e.evidence)]
                same = before if len(before) == 1 else []
            if same:  # the agreement the rules read elsewhere in the document, between the same parties
                x.entity(same[0], "agreement", [], "", ev)
                self._signatories(same[0], signers, tok)
                self._signing_date(same[0], s, tok, ev)
                continue
            if len(parties) < 2:
                continue  # one side named (or only people with no post): no agreement is made up from it
            self._make_agreement(parties, tok, s, ev, signers)  # one agreement: "with each" was read above

    def _dates_of_the_agreement(self) -> None:
        """"The agreement was signed in Lima on 3 May 2021", "The memorandum, signed on ..., runs for
        five years": a sentence naming no party that dates "the agreement" dates the one agreement
        the document read before it (none when it read several, or none)."""
        x = self.ex.x
        for tok in self.doc:
            if tok.lower_ not in _AGREEMENT_NOUNS or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
                continue
            signed = next((c for c in tok.children if c.dep_ == "acl"), None) or (tok.head if tok.dep_ in ("nsubjpass", "nsubj") else None)
            if signed is None or signed.lemma_ not in ("sign", "conclude", "ink", "renew") or _is_future(signed):
                continue
            s = self._sentence(tok)
            if s is None or (tok.i, s.start) in self.parties:
                continue
            before = [k for k, e in x.entities.items() if e.kind == "agreement" and any(v.start < s.start for v in e.evidence)]
            if len(before) == 1:
                self._signing_date(before[0], s, signed, self._ev(s, "discourse:the-agreement-signed-on"))

    def _bilateral(self, tok, s, ev, parties: list[str]) -> list[list[str]]:
        """"A signed agreements with B, C and D": one agreement of A with each (a plural noun and a
        "with" list); otherwise the one agreement of all the parties."""
        if tok.tag_ not in ("NNS", "NNPS") or len(parties) < 3 or tok.dep_ != "dobj" or \
                not any(c.dep_ == "prep" and c.lower_ == "with" for c in (*tok.children, *tok.head.children)):
            return [parties]
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        own = {k for t in subjects for u in (t, *t.conjuncts) if (k := self.agent(u, s, ev, ("ORG", "GPE")))} & set(parties)
        if len(own) != 1:
            return [parties]  # "A and B signed agreements with C and D": who with whom is not said
        (a,) = own
        return [[a, w] for w in parties if w != a]

    def _make_agreement(self, parties: list[str], tok, s, ev, signers) -> None:
        x = self.ex.x
        mou = tok.lower_ in ("mou", "mous", "memorandum", "memoranda", "memorandums")
        names = [x.entities[p].short_name for p in parties]
        label = f"{'Memorandum of Understanding' if mou else 'Agreement'} between {' and '.join(names)}"
        key = "agreement/" + ("mou" if mou else "agreement") + "|" + "|".join(sorted(p.split("/", 1)[1] for p in parties))
        cls = ["ckg:Agreement"] + (["ckg:MemorandumOfUnderstanding"] if mou else [])
        x.entity(key, "agreement", cls, label, ev)
        for p in parties:
            x.add(key, "ckg:party", p, ev)
        self._signatories(key, signers, tok)
        x.add(key, "ckg:status", "ckg:Established", ev)
        self._signing_date(key, s, tok, ev)

    def _signing_date(self, agreement: str, s, tok, ev) -> None:
        """The day ``agreement`` was signed, from a sentence that says it was ("The memorandum was
        signed on 14 March 2024 in Mombasa by ..."), when no date of it was read before."""
        x = self.ex.x
        if x.objects(agreement, "dcterms:date") or "ckg:Proposed" in x.objects(agreement, "ckg:status") or _is_future(tok) or not re.search(r"\b(?:signed|renewed|concluded|inked)\b", s.text):
            return
        ds = find_dates(s.text, reference=self.ex.doc.reference_date)
        if ds:
            d = ds[0]
            x.add(agreement, "dcterms:date", Literal(d.start.year if d.year_only else d.start.isoformat(),
                                                     datatype=XSD.gYear if d.year_only else XSD.date), ev)
