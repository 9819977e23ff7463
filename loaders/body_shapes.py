"""The mention finder's bodies by shape: a run of capitalised words ending in a head noun
("... Data Center", "Bureau of ...", "the OCEX QA group"), with its "of" complement and without a
parent's acronym or a country's prefix; coined names of projects ("the MARINE-LINK project"); and
quoted names ("the “Healthy China 2020” Program")."""

from __future__ import annotations

import re

from collabkg.loaders.body_names import (HEADS, LOWER_HEADS, LOWER_UNIT_HEADS, NOT_BODIES, TOP_LEVEL, _EVENT_WORDS,
                                         _GENERIC_WORDS, _HEADLINE_VERBS, _NOT_NAME_START, _UNIT_MODIFIERS, _class_of,
                                         _event_school, _words)
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import TITLE_RE, _NOT_PERSON_WORDS, _ROLE_WORDS, is_title
from collabkg.loaders.registry import norm



#: a word of a name written with a lower-case prefix: "eScience", "iDigBio"
_CAMEL = re.compile(r"[a-z][A-Z][A-Za-z]+")

class _BodyShapes:
    """Bodies by the shape of their names: mixed into the mention finder."""

    def _only_capitalised_as_first_word(self, word: tuple[str, int, int]) -> bool:
        """"Exchange programme for young data scientists" opening a bullet: "Exchange" is capitalised
        only because it opens the line or sentence (and nowhere else in the text is it capitalised
        mid-sentence), so it does not make "Exchange programme" a name."""
        w, ws, _ = word
        if not re.search(r"(?:^|\n|[.!?:]\s)[\s•*\-–·\d.)]*$", self.text[max(0, ws - 12):ws]):
            return False  # mid-sentence
        return not any(re.search(r"[a-z,;]\s+$", self.text[max(0, m.start() - 3):m.start()])
                       for m in re.finditer(rf"\b{re.escape(w)}\b", self.text))

    # -- bodies by shape ---------------------------------------------------------------------
    def shapes(self, a: int, b: int) -> None:
        words = _words(self.text, a, b)
        i = 0
        n = len(words)
        while i < n:
            w = words[i][0]
            head_cls = HEADS.get(w)
            if head_cls is None and w in LOWER_HEADS and i > 0 and (words[i - 1][0][:1].isupper() or words[i - 1][0][:1].isdigit()) \
                    and words[i - 1][0] not in _NOT_NAME_START and self.text[words[i - 1][2]:words[i][1]] == " " \
                    and not self._only_capitalised_as_first_word(words[i - 1]):
                head_cls = LOWER_HEADS[w]  # "the Horizon 2020 programme"
            if head_cls is None and w == "Board" and self._board_of_a_named_body(words, i):
                head_cls = "OrganizationalUnit"  # "the PDA Governing Board", "OCEX Board": a board of that body
            first = i  # where the head (with its modifier: "task force") starts
            if head_cls is None and w in LOWER_UNIT_HEADS:
                first = i - 1 if i > 0 and words[i - 1][0] in _UNIT_MODIFIERS else i
                if (w != "force" or first < i) and first > 0 and self._names_lower_unit(words[first - 1], words[first]):
                    head_cls = LOWER_UNIT_HEADS[w]  # "the OCEX QA group", "the Argo data task force"
            if head_cls is None:
                i += 1
                continue
            # extend left over capitalised words (and "and"/"&" between them)
            j = first
            while j > 0:
                pw, ps, pe = words[j - 1]
                gap = self.text[pe:words[j][1]]
                if gap not in (" ", "-") and not (gap == " “" or gap == "” "):
                    break
                if pw in ("and", "&") and j - 2 >= 0 and words[j - 2][0][:1].isupper():
                    left = words[j - 2]
                    # "A Infrastructure and Bureau of B": two bodies, not one name
                    if HEADS.get(left[0]) in ("University", "ResearchInstitute", "Academy", "Bureau", "Division", "GovernmentAgency", "DataInfrastructure", "Platform", "Program", "Project") and left[0] not in ("Network", "System", "Service"):
                        break
                    if any(m.end == left[2] and m.label == "ORG" and m.method in ("registry", "acronym-definition", "shape", "quoted-name") for m in self.mentions):
                        break
                    if self.places.is_place_name(left[0]):
                        break  # "Beijing, Shanghai and Wuhan University": places and a body, not one name
                    j -= 1
                    continue
                if not (pw[:1].isupper() or pw[:1].isdigit() or _CAMEL.fullmatch(pw)) or pw in _NOT_NAME_START or pw in _HEADLINE_VERBS \
                        or re.fullmatch(r"\d+(?:st|nd|rd|th)", pw):
                    break
                j -= 1
            while j < i and words[j][0] in ("and", "&"):
                j += 1  # "(KNMI) and Kasetsart University": the name starts after "and"
            k = i  # extend right: "of/for/on [the] Capitalised ..." complement (not after a lower-case head)
            while k + 2 < n + 1 and w not in LOWER_HEADS and w not in LOWER_UNIT_HEADS:
                if k + 1 >= n:
                    break
                nw, ns, ne = words[k + 1]
                gap = self.text[words[k][2]:ns]
                if gap != " ":
                    break
                if nw in ("of", "for", "on") and k + 2 < n:
                    t = k + 2
                    if words[t][0] == "the" and t + 1 < n:
                        t += 1
                    if not words[t][0][:1].isupper() or self.text[words[t - 1][2]:words[t][1]] != " ":
                        break
                    # a known body, or a country's adjective, starting here is a parent, not our name
                    if self._starts_body(words[t][1]) and k > i - 1 and nw == "of":
                        break
                    k = t
                    while k + 1 < n and self.text[words[k][2]:words[k + 1][1]] in (" ", "-") and words[k + 1][0] not in _HEADLINE_VERBS and (
                        words[k + 1][0][:1].isupper() or words[k + 1][0][:1].isdigit()
                        or (words[k + 1][0] in ("and", "&", "of") and k + 2 < n and words[k + 2][0][:1].isupper())
                    ):
                        if self._starts_body(words[k + 1][1]) and words[k + 1][0] not in ("and", "&", "of"):
                            break
                        if words[k + 1][0] == "of" and self._starts_body(words[k + 2][1]):
                            break
                        if words[k + 1][0] in ("and", "&") and re.match(r"(?:[A-Z][\w'’-]*\s+){0,5}(?:" + "|".join(HEADS) + r")\b", self.text[words[k + 2][1]:words[k + 2][1] + 100]) \
                                and not re.search(r"(?:al|ic|ive|ary)$", words[k][0]):
                            # "University of Tokyo and Kenyatta University": a second body; but an adjective
                            # before "and" wants a noun: "the Kenya Agricultural and Livestock Research Organization"
                            break
                        if words[k + 1][0] in ("and", "&") and re.match(TITLE_RE + r"\s", self.text[words[k + 2][1]:words[k + 2][1] + 14]):
                            break  # "University of Lisbon and Dr Ana Costa": a person follows
                        if words[k + 1][0] in ("and", "&") and self._person_starts(words[k + 2][1]):
                            break  # "Institute of Lisbon and Maria-Luisa Fernandez from ...": a person follows
                        k += 1
                    continue
                if nw[:1].isupper() and HEADS.get(nw) and nw in ("Systems", "Groups"):
                    k += 1
                    continue
                break
            span_words = words[j:k + 1]
            if re.match(r"\s+(?:Meeting|Session|Workshop|Roundtable|Conference|Forum|Symposium|Plenary|Assembly)\b", self.text[words[k][2]:words[k][2] + 14]):
                i = k + 1  # "Joint Committee Meeting": the name of an event, not of a body
                continue
            if re.match(r"\s+(?:Members?|Chair|Chairman|Chairwoman|Chairperson|Co-[Cc]hair|Secretary|Treasurer)\b", self.text[words[k][2]:words[k][2] + 14]):
                i = k + 1  # "Executive Committee Member Lena Holm": a title, not a body's name
                continue
            if j == i and k == i:
                i += 1  # a bare head word ("the Center") is not a name
                continue
            # strip a leading country abbreviation or a known acronym of a parent body
            country = None
            parent_acr = None
            while len(span_words) > 1:
                first = span_words[0][0]
                c = self.places.country(first) if first in ("U.S.", "US", "USA", "UK", "U.K.", "PRC", "EU") else None
                if c is not None:
                    country = c.code
                    span_words = span_words[1:]
                    continue
                if (first in self.registry.acronyms or first in self.known_acronyms) and span_words[1][0][:1].isupper() and len(span_words) > 2 \
                        and any(HEADS.get(w) for w, _, _ in span_words[1:]) \
                        and _class_of([w for w, _, _ in span_words[1:]]) not in ("Program", "Project", "Platform"):
                    ent = self.registry.lookup(first)
                    rest = self.text[span_words[1][1]:span_words[-1][2]]
                    long = ent.name if ent else self.known_acronyms.get(first, "")
                    if norm(long) == norm(rest) or (ent is not None and self.registry.lookup(rest) is ent):
                        span_words = span_words[1:]  # "GFZ German Research Centre for Geosciences": the body itself
                        break
                    if ent is None or ent.kind not in ("DataInfrastructure",):
                        parent_acr = span_words[0]
                        span_words = span_words[1:]
                        continue
                break
            s, e = span_words[0][1], span_words[-1][2]
            name = self.text[s:e]
            named_unit = False
            if len(span_words) == 1:
                i += 1
                continue
            if all(w in _GENERIC_WORDS or HEADS.get(w) for w, _, _ in span_words) \
                    and not re.match(r"\s+(?:of|at|within)\s|\s*\(", self.text[e:e + 10]):
                if parent_acr is None or span_words[-1][0] not in ("Office", "Secretariat", "Bureau"):
                    i = k + 1  # "the Steering Committee", "Scientific Committee", "National Committee": no name
                    continue
                # "the WDS International Programme Office": an office named after its body's acronym is
                # named by the whole (units.py makes it a unit of that body)
                s, parent_acr, named_unit = parent_acr[1], None, True
                name = self.text[s:e]
            year = re.match(r"\s+((?:19|20)\d\d)\b", self.text[e:e + 6])
            if _event_school(name + (" " + year.group(1) if year else "")):
                i = k + 1  # "the CODATA-RDA Summer School on X", "Polar Data Training Course": an event, no school
                continue
            if span_words[0][0].lower() in _EVENT_WORDS and span_words[-1][0].lower() in ("programme", "program", "agenda", "schedule") \
                    and all(w.lower() in _EVENT_WORDS or w in _GENERIC_WORDS for w, _, _ in span_words[:-1]):
                i = k + 1  # "Workshop programme", "Conference Program" as a heading: an event's plan, no programme's name
                continue
            cls = _class_of([w for w, _, _ in span_words])
            if (head_cls == "OrganizationalUnit" and w == "Board") or named_unit:
                cls = "OrganizationalUnit"
            elif cls == "Organization" and span_words[-1][0] in LOWER_HEADS:
                cls = LOWER_HEADS[span_words[-1][0]]
            elif span_words[-1][0] in LOWER_UNIT_HEADS:
                cls = LOWER_UNIT_HEADS[span_words[-1][0]]
            entry = self.registry.lookup(name)
            m = Mention(s, e, name, "ORG", entry.kind if entry else cls, entry=entry, country=country, method="shape")
            if parent_acr is not None:
                pe = self.registry.lookup(parent_acr[0])
                m.parent = Mention(parent_acr[1], parent_acr[2], parent_acr[0], "ORG", pe.kind if pe else None, entry=pe, method="acronym-prefix")
            self.mentions.append(m)
            i = k + 1

    # -- bodies named head first, as other languages write them: "Université Laval", "Universidad de Chile"
    _FOREIGN_HEADS = {"Université": "University", "Universite": "University", "Universität": "University", "Universitat": "University",
                      "Universiteit": "University", "Universidade": "University", "Universidad": "University", "Università": "University",
                      "Universita": "University", "Universitas": "University", "Uniwersytet": "University", "Universitetet": "University",
                      "Instituto": "ResearchInstitute", "Istituto": "ResearchInstitute", "Institut": "ResearchInstitute",
                      "Centro": "ResearchCenter", "Académie": "Academy", "Academie": "Academy", "Akademie": "Academy", "Academia": "Academy"}
    _FOREIGN_LINK = r"(?:de|di|du|des|del|della|delle|dos|das|do|da|la|le|für|fur|van|voor|der|et|e|y|i)"
    _FOREIGN_NAME = re.compile(rf"(?<![\w-])(?P<head>{'|'.join(sorted(_FOREIGN_HEADS, key=len, reverse=True))})"
                               rf"(?P<rest>(?:\s+(?:{_FOREIGN_LINK}\s+){{0,2}}(?!(?:{'|'.join(_FOREIGN_HEADS)})\b)[A-Z][\w'’-]*(?:\.(?=\w))?){{1,7}})")

    def foreign_bodies(self, a: int, b: int) -> None:
        """"Université Laval", "Universiteit Utrecht", "Universite Cheikh Anta Diop": a body's head noun in
        another language, then its name (capitalised words, joined by that language's small words), is
        a body the model often reads as a person or not at all (method ``shape``)."""
        for m in self._FOREIGN_NAME.finditer(self.text, a, b):
            rest = re.sub(rf"(?:\s+{self._FOREIGN_LINK})+$", "", m.group("rest"))
            e = m.start("rest") + len(rest)
            if any(o.label == "ORG" and o.start <= m.start() and o.end >= e for o in self.mentions):
                continue  # the registry or an acronym's definition names it already
            self.mentions.append(Mention(m.start(), e, self.text[m.start():e], "ORG", self._FOREIGN_HEADS[m.group("head")], method="shape"))

    #: the words between a body's acronym and "Board" in the name of its board ("PDA Scientific Advisory Board")
    _BOARD_WORDS = {"Governing", "Executive", "Advisory", "Scientific", "Science", "Steering", "Supervisory", "Management",
                    "Editorial", "Technical", "International", "Coordinating", "Review", "Program", "Programme"}

    def _board_of_a_named_body(self, words: list[tuple[str, int, int]], i: int) -> bool:
        """Whether "Board" at ``words[i]`` ends the name of a board of a body named right before it by an
        acronym the document defines or the registry knows ("the OCEX Governing Board", "PDA Board"):
        "Board" alone heads no name (a "Board of Trustees" is a post's context, "Board" a common noun)."""
        j = i
        while j > 0 and words[j - 1][0] in self._BOARD_WORDS and self.text[words[j - 1][2]:words[j][1]] == " ":
            j -= 1
        if j == 0 or self.text[words[j - 1][2]:words[j][1]] != " ":
            return False
        acr = words[j - 1][0]
        return acr.isupper() and len(acr) >= 2 and (acr in self.registry.acronyms or acr in self.known_acronyms) \
            and not re.match(r"\s+of\b", self.text[words[i][2]:words[i][2] + 4])

    def _names_lower_unit(self, prev: tuple[str, int, int], head: tuple[str, int, int]) -> bool:
        """Whether the word before a lower-case unit head names whose unit it is: a capitalised
        word or acronym mid-sentence ("the OCEX QA group", "Sonar group"), not a place ("the Lima
        group"), a country's adjective, or a word capitalised only as the sentence's first."""
        pw = prev[0]
        return ((pw[:1].isupper() or pw[:1].isdigit()) and pw not in _NOT_NAME_START and self.text[prev[2]:head[1]] == " "
                and not self.places.is_place_name(pw) and self.places.country(pw) is None
                and not any(m.label in ("GPE", "CITY", "REGION") and m.start <= prev[1] < m.end for m in self.mentions)
                and not self._only_capitalised_as_first_word(prev) and not is_title(pw))

    def _starts_body(self, pos: int) -> bool:
        for m in self.mentions:
            if m.start == pos and m.label == "ORG" and m.method in ("registry", "acronym-definition"):
                return True
        word = re.match(r"[A-Z][A-Za-z]*[A-Z][a-z]?s?\b", self.text[pos:pos + 20])
        if word and (word.group(0) in self.known_acronyms or word.group(0) in self.registry.acronyms):
            return True  # "Data Office of BIUST": an acronym of a body, the parent
        # "Faculty of Science of Chulalongkorn University": a run of capitalised words ending in the
        # head of a body that stands on its own is the parent
        run = re.match(r"(?:[A-Z][\w'’-]*\s+){0,6}([A-Z][a-z]+)\b", self.text[pos:pos + 120])
        if run and HEADS.get(run.group(1)) in TOP_LEVEL and run.group(1) not in ("Service", "Office"):
            return True
        rest = self.text[pos:pos + 40]
        first = re.match(r"[A-Z][a-z]+", rest)
        if first and first.group(0) in self.places._adjectives and self.places._adjectives[first.group(0)]:
            # "Chinese Academy of Sciences": an adjective of a country followed by a named body
            tail = self.text[pos:pos + 120]
            return bool(re.match(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,4} (?:" + "|".join(h for h in HEADS if HEADS[h] in ("Academy", "University", "ResearchInstitute", "GovernmentAgency")) + r")\b", tail))
        return False

    # -- coined names of projects: "the MARINE-LINK project", "OCEANDATA is a three-year project" --
    _COINED = r"(?:[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)+|[A-Z]{3,}[0-9]*|[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z][a-z]{3,}(?:-[A-Z0-9][\w]*)?)"

    _NAMED_AS = {"project": "Project", "programme": "Program", "program": "Program", "initiative": "Program",
                 "platform": "Platform"}

    _PROJECT_BEFORE_NOUN = re.compile(rf"\b[Tt]he\s+(?P<name>{_COINED})\s+(?P<noun>project|programme|program|initiative|platform)\b")

    _PROJECT_IS_A = re.compile(rf"(?:^|(?<=[.!?]\s))(?P<name>{_COINED})\s+(?:\([^()]{{3,120}}\)\s+)?(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,4}}?"
                               r"(?P<noun>project|programme|program|initiative|platform)\b")

    def coined_projects(self, a: int, b: int) -> None:
        """A project named by a coined word, which no head noun of a body's name marks: "the
        MARINE-LINK project", "the Polaris initiative", "OCEANDATA is a three-year project funded
        by ...". The name alone is the project's (a word the registry, the gazetteer or a name of a
        body or person of the document does not already claim)."""
        seg = self.text[a:b]
        for rx in (self._PROJECT_BEFORE_NOUN, self._PROJECT_IS_A):
            for m in rx.finditer(seg):
                name = m.group("name")
                s, e = a + m.start("name"), a + m.end("name")
                if self.places.country(name) or name in self.places.cities or name.title() in self.places.cities:
                    continue
                if name in _NOT_PERSON_WORDS or name in HEADS or name.upper() in NOT_BODIES or name in _ROLE_WORDS:
                    continue
                if any(o.start <= s and e <= o.end and (o.label == "PERSON" or o.method in ("registry", "acronym-definition"))
                       for o in self.mentions):
                    continue
                self.mentions.append(Mention(s, e, name, "ORG", self._NAMED_AS[m.group("noun").lower()], method="coined-name"))

    # -- agencies named by their field and their country: "Geoscience Australia", "Statistics Canada" --
    _FIELDS = {"Geoscience", "Geosciences", "Statistics", "Environment", "Health", "Fisheries", "Oceans", "Parks", "Agriculture",
               "Resources", "Natural", "Climate", "Change", "Science", "Innovation", "Research", "Heritage", "Transport", "Energy",
               "Water", "Land", "Information", "Digital", "Space", "Weather", "Meteorology", "Education", "Industry", "Food", "Safety"}
    _FIELDS_BEFORE = re.compile(r"(?:(?<![\w-])[A-Z][a-z]+\s+(?:and\s+)?){1,4}$")

    def field_agencies(self, a: int, b: int) -> None:
        """A government agency named by its field and its country, as Canada and Australia name theirs:
        "Geoscience Australia", "Statistics Canada", "Environment and Climate Change Canada" (``ORG``,
        ``GovernmentAgency``, method ``shape``). Every word before the country is a field's ("Natural
        Resources Canada"), capitalised: "research in Australia" is none."""
        for c in [o for o in self.mentions if o.label == "GPE" and a <= o.start < b]:
            fm = self._FIELDS_BEFORE.search(self.text, max(a, c.start - 60), c.start)
            if fm is None:
                continue
            words = fm.group(0).split()
            while words and words[0] not in self._FIELDS:
                words = words[1:]  # "Dr. Ana Ruiz of Statistics Canada": the field's words only
            if not words or not all(w in self._FIELDS or w == "and" for w in words) or words[0] == "and":
                continue
            s = self.text.index(" ".join(words), fm.start(), c.start)
            e = c.end
            if any(o is not c and o.start < e and s < o.end for o in self.mentions):
                continue  # a name read there already
            self.mentions.remove(c)  # "Australia" read alone: the agency's name holds it
            self.mentions.append(Mention(s, e, self.text[s:e], "ORG", "GovernmentAgency", method="shape"))

    # -- venues: "the Shine Dome", "the Conference Hall of X", "the Chiromo Campus" ---------------
    _VENUE = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][\w'’-]*\s+){0,4}(?:Hall|Auditorium|Dome|Campus|Room|Theatre|Theater|Pavilion|Building|Hotel"
                        r"|Convention\s+Cent(?:re|er)|Conference\s+Cent(?:re|er)|Congress\s+Cent(?:re|er)))\b(?P<of>\s+of\s+(?:the\s+)?)?")

    def venues(self, a: int, b: int) -> None:
        """A place where a meeting is held, named by its head noun: "the Shine Dome", "the InnovOcean
        Campus", "the Conference Hall of IROST", "the Auditorium of the Faculty of X" (``VENUE``, method
        ``shape``): a hall "of" a body is named with it. One word alone ("the Hall") names no venue."""
        for m in self._VENUE.finditer(self.text, a, b):
            s, e = m.start("name"), m.end("name")
            over = [o for o in self.mentions if o.start < e and s < o.end]
            if any(not (o.label in ("VENUE", "PERSON") and o.method in ("ner", "context-name")) for o in over):
                continue  # a body's or a place's name holds it ("Wallenberg Research Centre", "Town Hall Square")
            for o in over:  # the model's "Conference Hall of", or a hall read as someone's name
                self.mentions.remove(o)
            owner = next((o for o in self.mentions if m.group("of") and o.label == "ORG" and o.start == m.end()), None)
            if owner is None and " " not in m.group("name").strip():
                continue
            extra = {"name": self.text[s:owner.end]} if owner is not None else {}  # the owner stays a mention of its own
            self.mentions.append(Mention(s, e, self.text[s:e], "VENUE", method="shape", extra=extra))

    # -- quoted names: the “Healthy China 2020” Program, project "X" -------------------------
    def quoted(self, a: int, b: int) -> None:
        for m in re.finditer(r"[“\"]([^”\"]{3,150})[”\"]\s*(Program(?:me)?|Project|Initiative|Platform)?", self.text[a:b]):
            s, e = a + m.start(1), a + m.end(1)
            head = m.group(2)
            before = self.text[max(a, a + m.start() - 12):a + m.start()].lower()
            inner = m.group(1)
            if head:
                cls = HEADS[head]
                self.mentions.append(Mention(a + m.start(), a + m.end(), m.group(0), "ORG", cls, method="quoted-name",
                                             extra={"name": f"{inner} {head}" if head not in inner else inner}))
            elif "project" in before or re.search(r"\bProject\b", inner) or "program" in before:
                cls = "Program" if "program" in before else "Project"
                self.mentions.append(Mention(s, e, inner, "ORG", cls, method="quoted-name", extra={"name": inner}))
