"""The mention finder's reading of acronyms defined in the text: "Long Name (ACR)" (the run of
words the acronym spells, a name before a comma, bodies named in lower case) and a body's acronym
after its name in another language ("(Portuguese: Conselho ...), CNO")."""

from __future__ import annotations

import re

from collabkg.loaders.body_names import (HEADS, _ACRONYM, _CONNECT_IN_NAME, _EVENT_HEADS, _NOT_NAME_START, _PLURAL_HEADS, _class_of,
                                         _initials_match, _names_agree, _words)
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import _ROLE_HEADS


def _portfolio_before_body(cand) -> bool:
    """Whether the words ``cand`` are "X of (the) Y" where X names no body (no head noun: a
    portfolio, "International Affairs") and Y does: "Director of International Affairs of the
    National Agency for X (NAX)" defines the agency's acronym, not the portfolio's; but "National
    Astronomical Observatories of the X Academy (NAOX)" names a body in the plural before "of"."""
    words = [w for w, _, _ in cand]
    if "of" not in words:
        return False
    at = words.index("of")
    return at > 0 and not any(HEADS.get(_PLURAL_HEADS.get(w, w)) for w in words[:at]) and any(HEADS.get(w) for w in words[at + 1:])


class _AcronymDefinitions:
    """Bodies named with their acronym: mixed into the mention finder."""

    # -- "Long Name (ACR)" -------------------------------------------------------------------
    def _joins_names(self, words) -> bool:
        """Whether "and" in a capitalised run joins two names, not two words of one: "Fudan University
        and Wuhan University (WHU)", "Beijing, Shanghai and Wuhan University (WHU)" (a head noun or a
        place before it), unlike "Kenya Agricultural and Livestock Research Organization"."""
        for (w0, _, _), (w1, _, _) in zip(words, words[1:]):
            if w1 in ("and", "&") and (HEADS.get(w0) or self.places.is_place_name(w0)):
                return True
        return False

    def acronyms(self, a: int, b: int) -> None:
        for m in _ACRONYM.finditer(self.text, a, b):
            acr = m.group(1)
            words = []
            for w, ws, we in reversed(_words(self.text, max(a, m.start() - 200), m.start())):
                if self.text[we:m.start()].strip(" ") not in ("",) and not words:
                    break
                if words and re.search(r"[,;:.()“”\"]", self.text[we:words[-1][1]]):
                    break
                words.append((w, ws, we))
            words.reverse()
            # a name never spans "A and the B" nor starts after a known acronym and "and" ("INSA and ...")
            for x in range(len(words) - 1, 0, -1):
                w0, w1 = words[x - 1][0], words[x][0]
                if w0 in ("and", "&") and w1 in ("the", "The"):
                    words = words[x + 1:]
                    break
                if w1 in ("and", "&") and (w0 in self.registry.acronyms or w0 in self.known_acronyms):
                    words = words[x + 1:]
                    break
            # "the 2021 Annual Meeting of the Polar Data Alliance (PDA)", "Director of the Ocean Data
            # Centre (ODC)": the acronym names what follows an event's or a role's "of", not the event
            for x in range(len(words) - 2, -1, -1):
                if words[x + 1][0] == "of" and (words[x][0] in _EVENT_HEADS or re.fullmatch(_ROLE_HEADS, words[x][0])):
                    words = words[x + 2:]
                    break
            acr_caps = {re.sub(r"[^A-Z]", "", acr), re.sub(r"[^A-Z]", "", acr.upper())}
            # the longest suffix of the run whose initials spell the acronym exactly; else the whole
            # capitalised run when it ends in a body's head noun (acronyms of names in another
            # language: "German Research Centre for Geosciences (GFZ)"); else the shortest fuzzy fit
            exact, fuzzy, whole = None, None, None
            for i in range(len(words)):
                cand = words[i:]
                if not cand[0][0][:1].isupper() or cand[0][0].lower() in _CONNECT_IN_NAME:
                    continue
                letters = "".join(w[0].upper() for w, _, _ in cand if w.lower() not in {"of", "and", "the", "for", "on", "&", "in", "de"})
                if letters in acr_caps:
                    exact = exact or cand
                elif fuzzy is None and _initials_match([w for w, _, _ in cand], acr) and not self._joins_names(cand) \
                        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECT_IN_NAME for w, _, _ in cand):
                    fuzzy = cand
                if whole is None and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECT_IN_NAME or w == "in" for w, _, _ in cand) \
                        and any(HEADS.get(w) for w, _, _ in cand) and len(cand) >= 2 and not self._joins_names(cand) \
                        and cand[0][0] not in _NOT_NAME_START and not any(re.fullmatch(_ROLE_HEADS, w) for w, _, _ in cand) \
                        and not _portfolio_before_body(cand):
                    whole = cand
            best = exact or whole or fuzzy
            joined = self._words_before_comma(words[0][1]) if not exact and words else None
            if joined and not any(HEADS.get(w) for w, _, _ in joined) and all(w[:1].isupper() for w, _, _ in joined) \
                    and "".join(w[0].upper() for w, _, _ in joined + words if w.lower() not in {"of", "and", "the", "for", "on", "&", "in", "de"}) in acr_caps:
                # "Philippine Atmospheric, Geophysical and Astronomical Services Administration (PAGASA)": one name
                # with a comma inside, its initials the acronym's (no body's head noun before the comma)
                exact = best = joined + words
            if not exact:
                # "Institute of Tibetan Plateau Research, Chinese Academy of Sciences (ITPCAS)",
                # "Institute of Atmospheric Physics, CAS (IAP)": the acronym names the body before the
                # comma (its letters, then perhaps the parent's); the body after the comma is its parent
                parent = re.sub(r"[^A-Z]", "", "".join(w[0].upper() for w, _, _ in (best or words)
                                                        if w.lower() not in {"of", "and", "the", "for", "on", "&", "in", "de"}))
                plain = re.sub(r"[^A-Z]", "", acr.upper())
                own = plain[: -len(parent)] if parent and plain.endswith(parent) and len(plain) > len(parent) else plain
                earlier = self._run_before_comma((best or words)[0][1] if (best or words) else m.start())
                if earlier and len(own) >= 2 and _initials_match([w for w, _, _ in earlier], own):
                    best = earlier
            if not best:
                self._lowercase_acronym(words, acr)
                continue
            s, e = best[0][1], best[-1][2]
            name = self.text[s:e]
            if re.match(r"(?:Memorand|Letters?\s+of\s+Intent|Agreement|Accord|Treaty|Protocol)", name):
                continue  # "Memorandum of Understanding (MoU)" names a kind of document, not a body
            if name.split()[-1] in _EVENT_HEADS:
                continue  # "the General Assembly (GA)": an event's acronym (loaders/discourse.py reads it)
            entry = self.registry.lookup(name)
            if entry is None and (by_acr := self.registry.lookup(acr)) is not None and _names_agree(name, by_acr):
                entry = by_acr  # "U.S. National Academy of Sciences (NAS)": the body the registry knows as NAS
            if entry is None and (unit := self._unit_of_known_body(name)) is not None:
                # "National Astronomical Observatories of the Chinese Academy of Sciences (NAOC)": the
                # acronym is the unit's; the academy is named on its own, the unit's parent
                name, e = unit, s + len(unit)
                best = [w for w in best if w[2] <= e]
            # else "Nordic Academy of Sciences (NAS)": another body that this document calls NAS
            cls = entry.kind if entry else _class_of([w for w, _, _ in best])
            mention = Mention(s, e, name, "ORG", cls, entry=entry, acronym=acr, method="acronym-definition")
            self.mentions.append(mention)
            self.known_acronyms.setdefault(acr, name)

    def _unit_of_known_body(self, name: str) -> str | None:
        """The unit in "<unit> of the <body the registry knows>" ("Institute of Atmospheric Physics of the
        Chinese Academy of Sciences": the institute), when the unit's name has a body's head noun and the
        registry does not know it (a known unit is read as the registry says); else None."""
        for om in re.finditer(r"\s+of\s+(?:the\s+)?", name):
            unit, body = name[:om.start()], name[om.end():]
            if self.registry.lookup(body) is not None and self.registry.lookup(unit) is None \
                    and any(HEADS.get(_PLURAL_HEADS.get(w, w)) for w in unit.split()):
                return unit
        return None

    def _lowercase_acronym(self, words: list[tuple[str, int, int]], acr: str) -> None:
        """"six regional centres of excellence (RCoE)": bodies named in lower case, whose every word
        gives a letter of the acronym (a trailing "s" of the acronym is the plural), and whose head
        noun is a body's ("centres", "laboratories"; not "goals", "intelligence")."""
        letters = re.sub(r"s$", "", acr).lower()
        if len(letters) < 3 or sum(ch.isupper() for ch in acr) < 2 or len(words) < len(letters):
            return
        cand = words[-len(letters):]
        if not all(w.isalpha() and w.islower() for w, _, _ in cand) or "".join(w[0] for w, _, _ in cand) != letters:
            return
        head = next((w for (w, _, _), (n, _, _) in zip(cand, cand[1:] + [("", 0, 0)]) if n in ("of", "for", "")), cand[-1][0])
        singular = re.sub(r"ies$", "y", head) if head.endswith("ies") else re.sub(r"s$", "", head)
        cls = HEADS.get(singular.capitalize())
        if cls is None or cls in ("Program", "Project", "Platform"):
            return
        s, e = cand[0][1], cand[-1][2]
        self.mentions.append(Mention(s, e, self.text[s:e], "ORG", cls, acronym=acr, method="acronym-definition"))
        self.known_acronyms.setdefault(acr, self.text[s:e])

    #: "the National Ocean Council (Portuguese: Conselho Nacional do Oceano), CNO, ...": a body's
    #: name in its own language in parentheses, then its acronym after a comma
    _FOREIGN_APPOSITIVE = re.compile(
        r"(?P<name>(?:[A-Z][\w'’-]*\s+)(?:(?:[A-Z][\w'’-]*|of|and|for|on|the|de)\s+)*[A-Z][\w'’-]*)\s*"
        r"\((?:Spanish|French|Portuguese|German|Italian|Russian|Arabic|Chinese|Dutch|Japanese|Korean|Turkish|Persian|in\s+[A-Z]\w+|original)\s*:\s*"
        r"(?P<foreign>[^()]{4,120})\)\s*,\s*(?P<acr>[A-Z][A-Za-z]{1,9}[A-Z])\b")

    def foreign_acronyms(self, a: int, b: int) -> None:
        """A body's acronym after its name in another language: the acronym stands for the body (its
        English name, without a possessive owner: "Peru's National Council" is the "National Council")."""
        for m in self._FOREIGN_APPOSITIVE.finditer(self.text, a, b):
            acr = m.group("acr")
            if acr in self.known_acronyms or not _initials_match(re.findall(r"[^\W\d_][\w'’-]*", m.group("foreign")), acr):
                continue
            name = re.sub(r"^.*?['’]s\s+", "", m.group("name"))
            start = m.start("name") + m.group("name").index(name)
            self.known_acronyms[acr] = name
            entry = self.registry.lookup(name)
            self.mentions.append(Mention(start, start + len(name), name, "ORG", entry.kind if entry else _class_of(name.split()),
                                         entry=entry, acronym=acr, method="acronym-definition",
                                         extra={"alias": m.group("foreign").strip()}))
            self.foreign_spans.append((m.start("foreign"), m.end("foreign")))
            self.foreign_names[name] = m.group("foreign").strip()

    def _words_before_comma(self, pos: int) -> list[tuple[str, int, int]]:
        """The capitalised words (at most four) ending just before ", " at ``pos``: "Philippine
        Atmospheric, | Geophysical ..."."""
        cm = re.search(r",\s*$", self.text[max(0, pos - 3):pos])
        if not cm:
            return []
        comma = max(0, pos - 3) + cm.start()
        run: list[tuple[str, int, int]] = []
        for w, ws, we in reversed(_words(self.text, max(0, comma - 80), comma)):
            if self.text[we:(run[-1][1] if run else comma)].strip() or not w[:1].isupper() or w in _NOT_NAME_START or len(run) == 4:
                break
            run.append((w, ws, we))
        return run[::-1]

    def _run_before_comma(self, pos: int) -> list[tuple[str, int, int]] | None:
        """The capitalised name run ending just before ", " at ``pos`` ("Institute of X, | CAS"), or None."""
        cm = re.search(r",\s*$", self.text[max(0, pos - 3):pos])
        if not cm:
            return None
        comma = max(0, pos - 3) + cm.start()
        run: list[tuple[str, int, int]] = []
        for w, ws, we in reversed(_words(self.text, max(0, comma - 200), comma)):
            gap = self.text[we:(run[-1][1] if run else comma)]
            if gap.strip() or not (w[:1].isupper() or w[:1].isdigit() or (run and w.lower() in _CONNECT_IN_NAME)):
                break
            run.append((w, ws, we))
        run.reverse()
        while run and (run[0][0].lower() in _CONNECT_IN_NAME or run[0][0] in _NOT_NAME_START):
            run = run[1:]
        return run if len(run) >= 2 and any(HEADS.get(w) for w, _, _ in run) else None
