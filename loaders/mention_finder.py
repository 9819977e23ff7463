"""The mention finder (``_Finder``) of one document: the spaCy entity ruler's known bodies and
places, the statistical NER's people, bodies and places (filtered by the shapes of names), and
people by title, name pattern and apposition with a post. Acronym definitions and bodies by shape
are its mixins (:mod:`mention_acronyms`, :mod:`body_shapes`)."""

from __future__ import annotations

import re

from collabkg.loaders.body_names import (EVENT_NOUNS, HEADS, NOT_BODIES, _CONNECT_IN_NAME, _FOREIGN_CONNECTORS, _GENERIC_WORDS,
                                         _NOT_NAME_START, _ORG_WORDS, _acronym_like, _class_of)
from collabkg.loaders.body_shapes import _BodyShapes
from collabkg.loaders.mention_acronyms import _AcronymDefinitions
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.offices import PORTFOLIO_WORDS
from collabkg.loaders.person_names import (_RANKS, ROLE_RE, TITLE_RE, _LOW, _NAME_TOKEN, _NOT_GIVEN_NAMES, _NOT_PERSON_WORDS,
                                           _OFFICE_THEN_NAME, _PARTICLE, _PERSON_NAME, _ROLE_HEADS, _ROLE_WORDS, _SURNAME_CAPS,
                                           _UP, _person_like, _surname_like, city_as_surname, is_title)
from collabkg.loaders.registry import Registry


#: words of a place's name, never of a person's ("Yunnan Province", "Rift Valley")
_PLACE_WORDS = {"Province", "Region", "State", "County", "Prefecture", "Oblast", "District", "City", "Island", "Islands",
                "Valley", "Lake", "River", "Mountains", "Sea", "Bay", "Coast", "Peninsula", "Plateau", "Basin", "Desert"}

#: a post written in lower case after a name ("president of", "acting director-general of")
_LOWER_POST = (r"(?:(?:deputy|vice|acting|executive|associate|assistant|honorary|founding|former|interim)[ -])*"
               r"(?:president|director|director-general|head|chair|chairman|chairwoman|chairperson|secretary|secretary-general"
               r"|dean|rector|provost|chancellor|vice-chancellor|treasurer|coordinator|founder|minister|ambassador"
               r"|chief executive|chief scientist|general secretary)")

#: a trade or a post written in lower case, as news copy puts it right before a name ("engineer Ana Soto",
#: "NOAA oceanographer Lena Xu", "team leader Karl Weiss") or after one ("Ana Ruiz, a geologist,")
_LOWER_OCCUPATION = (r"(?:(?:senior|junior|chief|lead|principal|research|staff|data|project|team|program|programme|field|"
                     r"postdoctoral|visiting|deputy|assistant|associate)[ -])*"
                     r"(?:scientist|researcher|engineer|oceanographer|geologist|hydrologist|seismologist|meteorologist|climatologist|"
                     r"glaciologist|geographer|geophysicist|geochemist|physicist|chemist|biologist|ecologist|botanist|zoologist|"
                     r"astronomer|statistician|economist|mathematician|epidemiologist|analyst|specialist|technician|librarian|"
                     r"curator|steward|manager|leader|coordinator|officer|adviser|advisor|professor|lecturer|fellow|student|"
                     r"journalist|historian)")


class _Finder(_AcronymDefinitions, _BodyShapes):

    def __init__(self, text: str, registry: Registry, places, ents, known_acronyms: dict[str, str]):
        self.text = text
        self.registry = registry
        self.places = places
        self.ents = ents
        self.known_acronyms = known_acronyms
        self.foreign_spans: list[tuple[int, int]] = []  # "(Spanish: Consejo ...)": a name of a body named before it
        self.foreign_names: dict[str, str] = {}  # the body's name -> its name in that language
        self.mentions: list[Mention] = []

    # -- the spaCy entity ruler: registry and gazetteer -------------------------------------
    def ruler(self) -> None:
        for e in self.ents:
            if not e.ent_id_:
                continue  # the statistical NER's: see ner()
            if e.label_ == "ORG":
                if re.match(r"-[A-Z0-9]{1,6}\)", self.text[e.end_char:e.end_char + 8]) and self.text[e.start_char - 1:e.start_char] == "(":
                    continue  # "(NAS-N)": a longer acronym another body is defined by, not the registry's "NAS"
                entry = self.registry.get(e.ent_id_)
                self.mentions.append(Mention(e.start_char, e.end_char, e.text, "ORG", entry.kind if entry else None, entry=entry, method="registry"))
            elif e.label_ in ("GPE", "CITY", "REGION"):
                self.mentions.append(Mention(e.start_char, e.end_char, e.text, e.label_, code=e.ent_id_, method="gazetteer"))

    # -- the statistical NER: what the ruler and the shape rules may miss -------------------------
    def ner(self) -> None:
        """People, bodies, places and venues the model's NER labels. They rank below every rule
        (a rule's span wins where both read one), and pass the same filters as the rules' names:
        no role words, head nouns of bodies or registry acronyms inside a person's name."""
        for e in self.ents:
            if e.ent_id_:
                continue
            toks = [t for t in e if not (t.is_punct and t.text not in ("-", "'", "’", "&", "."))]
            # leading articles and titles are not part of a name; a possessive ending is not either
            while toks and (toks[0].lower_ in ("the", "a", "an") or re.fullmatch(TITLE_RE, toks[0].text)
                            or (e.label_ == "PERSON" and len(toks) > 2 and is_title(toks[0].text))):  # "Treasurer Luis Pardo"
                toks = toks[1:]
            while toks and toks[-1].text in ("'s", "’s", "'", "-", "&", "."):
                toks = toks[:-1]
            if not toks:
                continue
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            text = self.text[start:end]
            words = text.split()
            if "\n" in text or not words[0][:1].isupper() or len(text) < 2:
                continue
            if e.label_ == "PERSON":
                if not _person_like(words, self.registry, self.places, self.known_acronyms):
                    continue
                more = re.match(rf" ({_NAME_TOKEN})(?=[,;)]|\.(?:\s|$)|\s+[a-z(])", self.text[end:end + 40]) if len(words) in (2, 3) else None
                if more and _person_like(words + [more.group(1)], self.registry, self.places, self.known_acronyms) \
                        and not (more.group(1) in _NOT_PERSON_WORDS or HEADS.get(more.group(1)) or self.places.country(more.group(1))
                                 or more.group(1) in self.places.cities or is_title(more.group(1))):
                    end += more.end()  # "Mohamed Ayman Ashour, in Cairo": the model stopped a word short
                    text = self.text[start:end]
                title = None
                prev = e.doc[e.start - 1] if e.start > 0 else None
                if prev is not None and re.fullmatch(TITLE_RE, prev.text):
                    title = prev.text.rstrip(".")
                self.mentions.append(Mention(start, end, text, "PERSON", title=title, method="ner"))
            elif e.label_ == "ORG":
                while len(words) > 1 and words[-1] in ("in", "at", "on", "from", "with", "by"):
                    words.pop()  # "the Istituto ... di Oceanografia in Trieste": the model took the preposition
                    end = start + len(re.match(r"(.*\S)\s+\S+$", self.text[start:end], re.S).group(1))
                    text = self.text[start:end]
                nxt = re.match(rf" ([{_UP}][{_LOW}]+)", self.text[end:end + 40]) if words[-1] in _FOREIGN_CONNECTORS else None
                if nxt:  # "Observatoire de Paris": the model stopped before the name's last word
                    end += nxt.end()
                    text = self.text[start:end]
                    words = text.split()
                if words[0] in _NOT_NAME_START or any(w in _ROLE_WORDS for w in words) or text.isdigit():
                    continue
                if text in self.known_acronyms or text in self.registry.acronyms:
                    continue  # defined in this document or known: the acronym rules read it
                if text.upper() in NOT_BODIES:
                    continue  # "FAIR data", "COVID": capitals that name no body
                if self.text[start - 1:start] == "(" and self.text[end:end + 1] == ")":
                    continue  # "... (ABC)": an acronym's definition, read with its long form
                if all(w in _GENERIC_WORDS or HEADS.get(w) or w.lower() in _CONNECT_IN_NAME for w in words) and not _acronym_like(text):
                    continue  # "the Scientific Committee", "the Data Center": a description, not a name
                if not (_acronym_like(text) or any(HEADS.get(w) or w in _ORG_WORDS for w in words)
                        or (len(words) >= 2 and words[-1] in ("Observatories", "Laboratories", "Archives", "Libraries"))):
                    # "the National Astronomical Observatories": one body of several sites, named in the plural
                    if self._person_in_context(text, start, end):
                        self.mentions.append(Mention(start, end, text, "PERSON", method="ner-person-shape"))
                    continue  # "Data Services", "Earth Data": capitalised words, not a body's name
                if words[-1] in ("of", "and", "for", "the", "&") or " and " in text and not any(HEADS.get(w) for w in words):
                    continue
                root = e.root
                if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= e.end and root.head.text.islower():
                    continue  # "the DETER deforestation alert system": a name modifying a thing, not a body
                self.mentions.append(Mention(start, end, text, "ORG", _class_of(words), method="ner"))
            elif e.label_ in ("GPE", "LOC"):
                nxt = re.match(r" ([A-Z][a-z]+)\b", self.text[end:end + 30])
                if nxt and (HEADS.get(nxt.group(1)) or nxt.group(1).lower() in EVENT_NOUNS or nxt.group(1) in ("Forum", "Programme", "Program", "Project")) \
                        and self.places.country(text) is None and text not in self.places.cities:
                    continue  # "the Lake Basin Data| Forum": the model stopped inside a longer name, no place
                country = self.places.country(text)
                if country is not None:
                    self.mentions.append(Mention(start, end, text, "GPE", code=country.code, method="ner"))
                elif (sub := self.places.subdivision(text)) is not None and text not in self.places.cities and not (
                        # "Salzburg, Austria", "Tehran, Iran": a name of a province and its capital, followed by
                        # the country, is read as the city (unless it says "Province" / "State"), here or
                        # wherever else the document names it ("to be held in Salzburg" over "in Salzburg, Austria")
                        len(words) == len(sub[0].split()) and any(
                            self.places.country_after(self.text, o.end()) is not None
                            for o in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", self.text))):
                    self.mentions.append(Mention(start, end, text, "REGION", code=sub[0], method="ner", extra={"country": sub[1]}))
                elif e.label_ == "LOC" or words[-1] in ("Province", "Region", "State", "County", "Prefecture", "Oblast", "District"):
                    self.mentions.append(Mention(start, end, text, "REGION", code=text, method="ner"))
                elif e.label_ == "GPE" and len(words) == 1 and text.isupper() and len(text) >= 3 and text not in self.places.cities:
                    # "Prof. X from LNCA, Brazil": an unknown acronym the model took for a place is a body's
                    self.mentions.append(Mention(start, end, text, "ORG", "Organization", acronym=text, method="ner"))
                elif e.label_ == "GPE" and text not in self.places.cities and (rest := self._name_goes_on(end)) is not None:
                    # "Natalia Orlova": an unknown place the model stopped at is the first word of a longer
                    # name; a person's when the whole run has a person's shape and context, never a city
                    whole = self.text[start:end + rest]
                    if self._person_in_context(whole, start, end + rest):
                        self.mentions.append(Mention(start, end + rest, whole, "PERSON", method="ner-person-shape"))
                elif e.label_ == "GPE" and len(words) <= 3 and not any(HEADS.get(w) for w in words):
                    # "Dr Li Wen from China Kelpnet ... in Kelpnet": a name the gazetteer does not know, written
                    # somewhere right after a country's (no comma between), is a body's of that country, not a city
                    owner = next((c for b in re.finditer(rf"([A-Z][\w.]*) {re.escape(text)}\b", self.text)
                                  if (c := self.places.country_name(b.group(1))) is not None), None)
                    if owner is not None and text not in self.places.cities:
                        self.mentions.append(Mention(start, end, text, "ORG", "Organization", method="ner", country=owner.code))
                    elif len(words) == 1 and text.endswith(("ic", "ian", "ean", "ese", "ish")) and text not in self.places.cities:
                        continue  # "Nordic", "Andean", "Balkan"-like adjectives of a region: no city
                    else:
                        self.mentions.append(Mention(start, end, text, "CITY", code=None, method="ner"))
            elif e.label_ == "FAC":
                if words[0].lower() in ("mou", "moa", "loi", "memorandum", "agreement", "accord", "treaty", "protocol", "letter"):
                    continue  # "signed an MoU in Riga": an agreement, no venue
                if any(HEADS.get(w) in ("University", "ResearchInstitute", "Academy") for w in words):
                    self.mentions.append(Mention(start, end, text, "ORG", _class_of(words), method="ner"))
                else:
                    self.mentions.append(Mention(start, end, text, "VENUE", method="ner"))

    #: what follows a person's name and no body's: a post in apposition ("X, director of"), a verb of
    #: speech ("X said"), the body they come from ("X of the Y", "X from Z")
    _PERSON_CONTEXT_AFTER = re.compile(
        rf"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:(?:{ROLE_RE})\b|(?:(?:deputy|vice|executive|senior|chief|acting|founding)[ -])?"
        r"(?:director|president|head|chair(?:man|woman|person)?|secretary|professor|researcher|scientist|dean|founder|coordinator|"
        r"manager|leader|rector|minister|ambassador|member|fellow)\b)"
        r"|\s+(?:said|says|noted|notes|added|explained|stressed|emphasi[sz]ed|thanked|welcomed|told|remarked|recalled|underlined"
        r"|met\s+with|spoke|presented|delivered|chaired|briefed|highlighted|introduced|pointed\s+out|gave\s+(?:a|the)\s+(?:keynote|talk|speech|lecture)"
        r"|became|becomes|succeeded|succeeds|(?:was|has\s+been|had\s+been)\s+(?:appointed|elected|named|re-elected))\b"
        r"|\s+(?:from|of)\s+(?:the\s+)?[A-Z]")

    def _name_goes_on(self, end: int) -> int | None:
        """The length of the capitalised word(s) right after ``end`` (one space between) when they
        continue a name rather than start another thing: no body's head noun, country, city or title
        among them ("Natalia| Orlova" goes on; "Lima| University", "Kenya| Ministry" do not)."""
        m = re.match(rf" ({_NAME_TOKEN})(?: ({_NAME_TOKEN}))?(?![\w'’-])", self.text[end:end + 60])
        if m is None:
            return None
        words = [w for w in m.groups() if w]
        if any(HEADS.get(w) or w in _ORG_WORDS or w in _NOT_PERSON_WORDS or self.places.country(w) or w in self.places.cities or is_title(w)
               or w in ("Province", "Region", "State", "County", "Prefecture", "District", "City", "Municipality") for w in words):
            return None
        if any(e.label_ in ("GPE", "LOC", "ORG", "FAC") and e.start_char < end + m.end() and e.end_char > end for e in self.ents):
            return None  # "Sanya Hainan": the model reads the next words as a place or a body of their own
        return m.end()

    def _person_starts(self, pos: int) -> bool:
        """Whether the model reads a person's name starting at ``pos`` (as a person, or as a body
        with a person's name in a person's context)."""
        return any(e.start_char == pos and (e.label_ == "PERSON" or (e.label_ == "ORG" and self._person_in_context(e.text, e.start_char, e.end_char)))
                   for e in self.ents)

    def _person_in_context(self, text: str, start: int, end: int) -> bool:
        """Whether a run the model read as a body, with no word of a body's name, is a person's name
        ("Gudrun Olafsdottir, director of ...", "Maria-Luisa Fernandez from the University of Y"): the
        shape of a name (two or three capitalised words, no place, no known body) and a person's
        context after it (a post, a verb of speech, the body they come from)."""
        if not re.fullmatch(_PERSON_NAME, text) or not 2 <= len(text.split()) <= 3:
            return False
        words = text.split()
        if not _person_like(words, self.registry, self.places, self.known_acronyms):
            return False
        if any(w in _NOT_PERSON_WORDS or self.places.country(w) or w in self.places.cities or HEADS.get(w) for w in words):
            return False
        if self.places.country(text) is not None or text in self.places.cities or self.registry.lookup(text) is not None:
            return False
        return (self._PERSON_CONTEXT_AFTER.match(self.text, end) is not None or self._listed_with_people(start, end)
                or self._PERSON_CONTEXT_BEFORE.search(self.text[max(0, start - 40):start]) is not None
                or re.match(r",\s+who\s+(?:is|was|leads|led|heads|headed|chairs|chaired|directs|said|spoke)\b", self.text[end:end + 24]) is not None)

    #: what news copy writes right before a person's name: "chaired by", "a delegation headed by",
    #: "met with", "Speakers included", "according to" (a body there has a head noun, which
    #: :func:`_person_like` refuses)
    _PERSON_CONTEXT_BEFORE = re.compile(
        r"(?:\b(?:chaired|co-chaired|led|headed|moderated|given|delivered|presented|opened|introduced|signed|accompanied|"
        r"welcomed|received|represented|attended|joined)\s+by|\bmet(?:\s+with)?|\b[Ss]peakers\s+(?:included|were)|"
        r"\b[Aa]ccording\s+to)\s+(?:(?:Dr|Prof|Mr|Ms|Mrs|Professor)\.?\s+)?$")

    def _listed_with_people(self, start: int, end: int) -> bool:
        """Whether the run at ``start:end`` is an item of a list next to a name the model reads as a
        person's ("Speakers included Amara Diallo, Jonas Weber and Mei Tanaka", the first read as a body)."""
        nxt = re.match(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:{TITLE_RE}\s+)?", self.text[end:end + 24])
        if nxt and any(e.label_ == "PERSON" and e.start_char == end + nxt.end() for e in self.ents):
            return True
        prv = re.search(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:{TITLE_RE}\s+)?$", self.text[max(0, start - 24):start])
        return bool(prv) and any(e.label_ == "PERSON" and e.end_char == start - len(prv.group(0)) for e in self.ents)

    # -- people -------------------------------------------------------------------------------
    def people(self, a: int, b: int) -> None:
        seg = self.text[a:b]
        found: list[tuple[int, int, str | None, str]] = []
        # "Dr. (Mrs.) Ana Ruiz": a form of address in brackets may follow the title
        for m in re.finditer(rf"\b({TITLE_RE})\s+(?:\((?:Mrs|Ms|Mr|Miss|Mme)\.?\)\s+)?({_PERSON_NAME})", seg):
            found.append((a + m.start(2), a + m.end(2), m.group(1), "title-name"))
        for m in re.finditer(rf"(?<![\w.])({_PERSON_NAME}),\s+(?:the\s+)?(?:{ROLE_RE})\b", seg):
            found.append((a + m.start(1), a + m.end(1), None, "name-post-apposition"))
        # "Ana Ruiz, president of the Nordic Academy", "led by Tom Berg, acting director at ...": a post in
        # lower case, then the body, as news copy writes it (the model misses many such names)
        for m in re.finditer(rf"(?<![\w.])({_PERSON_NAME}),\s+(?:the\s+|its\s+|a\s+)?{_LOWER_POST}\s+(?:of|at)\s", seg):
            found.append((a + m.start(1), a + m.end(1), None, "name-post-apposition"))
        # "Ana Ruiz, lead scientist of the X Team, showed ...", "by Karl Weiss, a geologist.": a trade in
        # apposition, then the end of the apposition or where the person works
        for m in re.finditer(rf"(?<![\w.])({_PERSON_NAME}),\s+(?:the\s+|its\s+|their\s+|an?\s+)?{_LOWER_OCCUPATION}"
                             rf"(?=\s*[,.;:)]|\s+(?:of|at|from|with|in|for|who)\s)", seg):
            found.append((a + m.start(1), a + m.end(1), None, "name-post-apposition"))
        # "engineer Ana Soto", "NOAA oceanographer Lena Xu", "team leader Karl Weiss": a trade in lower case
        # right before a name, as a title is written (the model misses many such names)
        for m in re.finditer(rf"(?<![\w-]){_LOWER_OCCUPATION}\s+({_PERSON_NAME})(?![\w'’-]|\s+(?:{_PARTICLE}\s+)?[A-Z]|\s*\()", seg):
            if not any(e.label_ == "PERSON" and e.start_char <= a + m.start(1) < e.end_char for e in self.ents):
                found.append((a + m.start(1), a + m.end(1), None, "occupation-name"))
        for m in re.finditer(rf"(?<![\w.])({_SURNAME_CAPS}\s+{_NAME_TOKEN})(?![\w-]|\s+[A-Z])", seg):
            if m.group(1).endswith("s") or not _surname_like(m.group(1).split()[0]) or m.group(1).split()[-1] in _NOT_GIVEN_NAMES:
                continue  # "FAIR Principles", "GNU Octave", "UN Decade": an acronym and a word, not "ZHANG Shizhuan"
            if m.group(1).split()[-1] in self.places.cities:
                continue  # "TU Delft", "KU Leuven": an institution named with its city (body_corrections), not "TU Wei"
            found.append((a + m.start(1), a + m.end(1), None, "caps-surname"))
        # "Minister of Higher Education and Research Ines Morel", "the Ambassador to Peru, Carl Berg": a public
        # office's title, its portfolio or its country, then the holder's name (the NER reads such runs as one body)
        for m in _OFFICE_THEN_NAME.finditer(seg):
            pf = m.group("portfolio")
            if pf and not (all(w in PORTFOLIO_WORDS for w in re.findall(r"[A-Z][a-z]+", pf)) or self.places.country(pf)):
                continue  # "the Minister of Fisheries of Kamaria Lenz" is not read: a portfolio is of its own words
            found.append((a + m.start("name"), a + m.end("name"), None, "office-name"))
        # "Prince Henrik of Denmark", "Queen Sofia II", "Sheikh Hamad": a ruler's title and name (and number)
        for m in re.finditer(r"\b((?:Crown\s+)?(?:King|Queen|Prince|Princess|Sheikh|Sheikha|Emir|Sultan)|Grand\s+Duke|Grand\s+Duchess)\s+"
                             r"([A-Z][a-z]+(?:\s+(?:bin|bint|al|Al)?\s*[A-Z][a-z]+)?(?:\s+[IVX]{1,4}\b)?)", seg):
            found.append((a + m.start(2), a + m.end(2), m.group(1), "ruler-title"))
        # "Division Chief Scientist Ana Ruiz", "Secretary-General Lena Holm": a post's title written before
        # a name as a title is (the model often reads neither)
        # ("Deputy Directors A and B": a title in the plural is no part of the name)
        for m in re.finditer(rf"(?<![\w-])(?:{ROLE_RE})(?:s|es)?\s+(?!(?:{_ROLE_HEADS})s?\b)({_PERSON_NAME})(?![\w'’-]|\s+(?:{_PARTICLE}\s+)?[A-Z]|\s*\()", seg):
            if not any(e.label_ == "PERSON" and e.start_char <= a + m.start(1) < e.end_char for e in self.ents):
                found.append((a + m.start(1), a + m.end(1), None, "role-name"))
        # "by its Secretary General, Ana Soto.", "the Acting Director, Dr. Tom Lind, and": a post's title after
        # "its" / "their" / "the", then a comma and a name closing the apposition
        for m in re.finditer(rf"\b(?:its|their|the|our)\s+(?:{ROLE_RE}),\s+(?:(?:{TITLE_RE})\s+)?({_PERSON_NAME})"
                             rf"(?=\s*[,.;)]|\s+and\s|\s*$)", seg):
            if not any(e.label_ == "PERSON" and e.start_char <= a + m.start(1) < e.end_char for e in self.ents):
                found.append((a + m.start(1), a + m.end(1), None, "role-name"))
        # "The meeting was chaired by Mira Talvik", "Ines Morel stressed": a name's shape in a person's
        # context that the model reads as no name, or as a body or a place
        for m in re.finditer(rf"(?<![\w.'’-])({_PERSON_NAME})(?![\w'’-]|\s+(?:{_PARTICLE}\s+)?[A-Z])", seg):
            s0, e0 = a + m.start(1), a + m.end(1)
            if any(e.label_ == "PERSON" and e.start_char < e0 and e.end_char > s0 and len(e) > 1 for e in self.ents) or any(
                    f[0] < e0 and f[1] > s0 for f in found):
                continue  # the model, or a rule above ("Prince Haakon"), reads a person there: its span stands
            words = m.group(1).split()
            if any(w.isupper() and len(w) > 1 for w in words) or set(words) & _PLACE_WORDS or any(
                    HEADS.get(w[:-3] + "y" if w.endswith("ies") else w[:-1]) for w in words if w.endswith("s")):
                continue  # "UN Decade", "Yunnan Province", "Astronomical Observatories": no person's words
            if 2 <= len(words) <= 3 and self._person_in_context(m.group(1), s0, e0):
                found.append((s0, e0, None, "context-name"))
        # "Dr. Chen (Director of ...)", "Prof. Rossi said": a title and a surname alone
        for m in re.finditer(rf"\b({TITLE_RE})\s+(?!{_RANKS})({_NAME_TOKEN}|{_SURNAME_CAPS})(?![\w'’-]|\s+(?:{_PARTICLE}\s+)?[A-Z]|\.\s*[A-Z]\.)", seg):
            found.append((a + m.start(2), a + m.end(2), m.group(1), "title-surname"))
        for s, e, title, method in found:
            name = self.text[s:e]
            toks = name.split()
            if any(t in self.registry.acronyms or t in self.known_acronyms or self.places.country(t) for t in toks if t.isupper()):
                continue
            if any(HEADS.get(t) or t in _NOT_NAME_START for t in toks):
                continue
            if any(self.places.country(t) or (t in self.places.cities and not city_as_surname(toks, n, self.places)) for n, t in enumerate(toks)):
                continue  # "Dr. Ana Lima": a city's name may be a family name after a given name
            if any(t in _NOT_PERSON_WORDS or re.fullmatch(_ROLE_HEADS, t) for t in toks):
                continue  # "Data Science Roundtable, Director of ...": ordinary capitalised words
            if toks[0] in self._FOREIGN_HEADS:
                continue  # "Université Laval": a body named head first (foreign_bodies)
            if any(o.label == "VENUE" and o.method == "shape" and o.start < e and s < o.end for o in self.mentions):
                continue  # "the Shine Dome": a venue (venues), no one's name
            self.mentions.append(Mention(s, e, name, "PERSON", title=title, method=method))
