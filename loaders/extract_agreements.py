"""The extractor's rules of agreements: "MoU between A and B", "A signed a MoU with B", "A and
B signed", letters of intent, proposed bilateral agreements between countries; one agreement with
each when one side signs several; the agreement's kind, topic, status, date and signatories."""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD

from collabkg.loaders.body_corrections import dateline_end
from collabkg.loaders.body_names import HEADS
from collabkg.loaders.dates import find_dates
from collabkg.loaders.extract_entities import _Sentence
from collabkg.loaders.facts import Evidence
from collabkg.loaders.lists import no_parents
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.registry import norm


class _AgreementRules:
    """Agreements and their parties: mixed into the Extractor."""

    # agreements ----------------------------------------------------------------------------
    _AGREE_RE = re.compile(r"\b([Mm]emorand(?:um|a)\s+of\s+[Uu]nderstanding|MoUs?|MOUs?|[Aa]greements?|[Aa]ccords?|[Ll]etters?\s+of\s+[Ii]ntent|LoI)\b")

    def agreements(self, s: _Sentence) -> list[str]:
        made = []
        for m in self._AGREE_RE.finditer(s.text):
            kind_word = m.group(1)
            if re.search(r"\(\s*$", s.text[:m.start()]):
                continue  # "Memorandum of Understanding (MoU)": the acronym of the one just read
            mou = bool(re.match(r"[Mm]emorand|MoU|MOU", kind_word))
            loi = bool(re.match(r"[Ll]etter|LoI", kind_word))
            before = s.text[max(0, m.start() - 80):m.start()]
            after = s.text[m.end():]
            parties: list[str] = []
            one_side: str | None = None  # "A signed agreements with B, C and D": A's, one with each
            signer_span: tuple[int, int] | None = None  # "A of X and B of Y signed ...": who signed
            ev = self.ev(s, "rule:agreement")
            bm = re.match(r"\s*(?:\([^)]*\)\s*)?(?:\s+(?:on|for)\s+(?:[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}(?:,\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})+,?\s+and\s+[^,;]+?|[^,;]+?))?\s*(?:(?:was|were|has\s+been|have\s+been|is|are)\s+(?:signed|concluded|renewed|agreed|reached)\s+)?between\s+(.+?)(?:;|,\s*which|,\s*signed|\s+(?:was|were|is|has|had|in|on)\s|\s+(?:for|to|aimed\s+at|with\s+the\s+aim\s+of)\s+(?:the\s+)?(?=[a-z])|\.?$)", after)
            if bm:
                a = s.start + m.end() + bm.start(1)
                b = s.start + m.end() + bm.end(1)
                for pm in no_parents(sorted(self.mentions_in(s, a, b) + [u for u in self._unknown_bodies(s, a, b) if u.text.isupper()],
                                             key=lambda o: o.start)):
                    k = self.org(pm, ev)
                    if k and k not in parties:
                        parties.append(k)
            pair = re.search(r"([A-Z][\w.]*)\s*[-–—]\s*([A-Z][\w.]*)\s+(?:[a-z]+\s+){0,3}$", before)
            if not parties and pair:
                # "the Chile-Peru agreement", "the ADC-PDA memorandum": two countries, or two bodies named
                # by their acronyms (a body the document or the registry knows)
                at = s.start + max(0, m.start() - 80)
                sides = []
                for k, w in enumerate(pair.groups(), 1):
                    body = next((o for o in s.mentions if o.label == "ORG" and o.start == at + pair.start(k) and o.end == at + pair.end(k)), None)
                    c = self.places.country(w)
                    sides.append(self.org(body, ev) if body is not None else self.country(c.code, ev) if c else None)
                if all(sides) and sides[0] != sides[1]:
                    parties.extend(sides)
            if not parties:
                # "A signed / has renewed / agreed to sign / will sign / plans to conclude an MoU with B"
                sm = re.search(r"(.+?)\s+(?:have\s+|has\s+)?(?:(?:agreed|agrees|agree|plans?|planned|intends?|intended|decided|will|would|is\s+set|are\s+set|is\s+to|are\s+to|to)\s+(?:to\s+)?)*"
                               r"(?:signed|signs|sign|inked|inks|ink|concluded|concludes|conclude|renewed|renews|renew|entered\s+into|enters\s+into|enter\s+into"
                               r"|finali[sz]ed|finali[sz]es|finali[sz]e|draft|prepare|negotiate)\b", s.text[:m.start()])
                wm = re.match(r"\s*(?:\([^)]*\)\s*)?\s+with\s+(?:the\s+)?(.+?)(?=[;.]|,|\s+(?:on|in|at|to|for)\s|$)", after)
                if sm and wm:
                    # "A signed a MoU with B": the parties are the subject's bodies and B
                    wa, wb = s.start + m.end() + wm.start(1), s.start + m.end() + wm.end(1)
                    subject = self.mentions_in(s, s.start, s.start + sm.end(1))
                    if not subject and (ante := self._antecedent(sm.group(1), s)) is not None:
                        subject = [ante]  # "The committee agreed to renew its MoU with B": the committee named before
                    cands = subject + [o for o in s.mentions if wa <= o.start < wb and o.label in ("ORG", "GPE")]
                    own = no_parents(subject)
                    if kind_word.endswith("s") and len(own) == 1:  # "A signed agreements with B, C and D"
                        one_side = self.org(own[0], ev)
                elif sm and re.search(r"\s(?:and|&)\s", sm.group(1)):
                    cands = self.mentions_in(s, s.start, s.start + sm.end(1))  # "A and B signed a MoU"
                    frm = re.search(r"\bfrom\s", sm.group(1))
                    if frm:  # "Five bodies from Kenya, Ghana and Peru signed": where the parties are from, no parties
                        cands = [o for o in cands if not (o.label == "GPE" and o.start >= s.start + frm.start())]
                    signer_span = (s.start, s.start + sm.end(1))
                else:
                    cands = []
                if dl := dateline_end(s.text, self.places):  # "LIMA, Peru — A and B signed ...": the dateline's places are no parties
                    cands = [o for o in cands if o.start >= s.start + dl]
                for pm in no_parents(cands):  # "X of the Academy of Y and Z signed": X and Z, not X's body
                    if re.search(r"\bof\s+(?:the\s+)?$|\(\s*$", self.text[max(s.start, pm.start - 8):pm.start]) and pm.label == "GPE":
                        continue  # "INPE of Brazil", "the University of Innsbruck (Austria)": the body's country, not a party
                    if pm.method in ("based-in", "dateline"):
                        continue  # "the Kenya-based Lake Data Institute", "RESTON, Va. – A and B signed": where, no party
                    k = self.org(pm, ev)
                    if k and k not in parties:
                        parties.append(k)
            if len(parties) < 2:
                continue
            groups = [[one_side, p] for p in parties if p != one_side] if one_side in parties and len(parties) > 2 else [parties]
            for parties in groups:
                key = self._agreement(s, m, ev, parties, kind_word, before, after, signer_span)
                made.append(key)
        return made

    def _agreement(self, s: _Sentence, m, ev: Evidence, parties: list[str], kind_word: str, before: str, after: str,
                   signer_span: tuple[int, int] | None) -> str:
        """The agreement of ``parties`` the sentence reports (its kind, topic, status, date, signatories)."""
        mou = bool(re.match(r"[Mm]emorand|MoU|MOU", kind_word))
        loi = bool(re.match(r"[Ll]etter|LoI", kind_word))
        # "proposed", "will sign", "hoped that A and B would sign an agreement next year": not (yet) signed
        proposed = bool(re.search(r"\b(?:proposals?|proposed|draft|planned|to sign|will sign|would sign|could sign|under negotiation"
                                  r"|hope[sd]?\s+(?:that|to)|expect(?:s|ed)?\s+to\s+sign|intends?\s+to\s+sign)\b", s.text[:m.start() + 1], re.I))
        bilateral = bool(re.search(r"\bbilateral\b", before, re.I)) or (len(parties) == 2 and all(p.startswith("place/") for p in parties))
        # "on research data infrastructure in Beijing": the topic ends before a place, date or clause
        topic = re.match(r"\s+(?:on|for|about)\s+((?:[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}(?:,\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})+,?\s+and\s+)?[a-z][\w\s-]{2,60}?)(?=$|[,;.]|\s+(?:between|in|at|during|with|by|before|after|until|within|signed|which|that"
                         r"|was|were|is|are|has|have|had|will|would)\b|\s+on\s+(?:\d|[A-Z]))", after)
        if topic and re.match(r"(?:another|a\s+further|a\s+period|the\s+next|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:more\s+)?years?)\b",
                              topic.group(1)):
            topic = None  # "renewed for another five years": how long, not what about
        cls = ["ckg:Agreement"] + (["ckg:MemorandumOfUnderstanding"] if mou else []) + (["ckg:BilateralAgreement"] if bilateral else [])
        names = [self.x.entities[p].short_name for p in parties]
        type_label = "Memorandum of Understanding" if mou else "Letter of Intent" if loi else ("Bilateral agreement" if bilateral else "Agreement")
        label = f"{type_label} between {' and '.join(names)}" + (f" on {topic.group(1).strip()}" if topic else "")
        base = ("mou" if mou else "loi" if loi else "agreement") + "|" + "|".join(sorted(p.split("/", 1)[1] for p in parties))
        ident = base + (f"|{norm(topic.group(1))}" if topic else "")
        key = f"agreement/{ident}"
        # one document naming the same agreement twice, once with its topic: one agreement
        same = [k for k in self.x.entities if k == f"agreement/{base}" or k.startswith(f"agreement/{base}|")]
        if same and key not in self.x.entities:
            key = same[0]
        self.x.entity(key, "agreement", cls, label, ev)
        for p in parties:
            self.x.add(key, "ckg:party", p, ev)
        self.x.add(key, "ckg:status", "ckg:Proposed" if proposed else "ckg:Established", ev)
        dates = [d for d in find_dates(s.text, reference=self.doc.reference_date)]
        signed = re.search(r"\b(?:signed|signs|renewed|renews|concluded|concludes|inked|inks)\b", s.text)  # the day it was signed (or renewed)
        if dates and signed:
            d = dates[0]
            self.x.add(key, "dcterms:date", Literal(d.start.year if d.year_only else d.start.isoformat(), datatype=XSD.gYear if d.year_only else XSD.date), ev)
        if signed and not proposed and signer_span is not None:
            # the people who signed, each holding a post in one of the parties
            for pm in self.mentions_in(s, *signer_span, labels=("PERSON",)):
                person = self.person(pm, ev)
                if any(o in parties for p_ in self.x.objects(person, "org:holds") for o in self.x.objects(p_, "org:postIn")):
                    self.x.add(key, "ckg:signatory", person, ev)
        return key

    def _antecedent(self, subject: str, s: _Sentence) -> Mention | None:
        """The body "the committee" / "the institute" refers to: the last one named before ``s`` whose name
        has that head noun ("Pakistan National Committee for CODATA"), or None."""
        m = re.fullmatch(r"\s*(?:The|the|Its|its|Our|our)\s+([a-z]+)\s*", subject)
        noun = m.group(1).capitalize() if m else None
        if noun is None or noun not in HEADS:
            return None
        before = [o for o in self.mentions if o.label == "ORG" and o.end <= s.start and re.search(rf"\b{noun}\b", o.text)]
        return before[-1] if before else None
