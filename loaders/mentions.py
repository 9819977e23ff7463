"""Mentions: spans of text that name a body, a person, a place, a role or a date.

Known bodies and places come from the spaCy entity ruler (registry and gazetteer); bodies the
registry does not know are found by their shape (a run of capitalised words ending in a head noun
such as University, Institute, Center, Bureau, Division, Platform; "Bureau of ..."; names defined
with an acronym in parentheses); people by titles ("Dr. XUE Yongbiao"), name patterns
("ZHANG Shizhuan") and apposition with a post ("Javed Ashraf, President of ...").

>>> ms = find_mentions("Dr. Ana Lima, Director of the Amazon Data Center of the Federal University of Para (FUP), spoke.")
>>> [(m.label, m.text, m.cls) for m in ms if m.label in ("ORG", "PERSON")]
[('PERSON', 'Ana Lima', None), ('ORG', 'Amazon Data Center', 'ResearchCenter'), ('ORG', 'Federal University of Para', 'University')]
>>> [m.acronym for m in ms if m.text == "Federal University of Para"]
['FUP']
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from collabkg.loaders.nlp import TITLE_ABBREVIATIONS, get_pipeline
from collabkg.loaders.offices import PORTFOLIO_WORDS
from collabkg.loaders.registry import Entry, Registry, load_places, load_registry, norm

__all__ = ["Mention", "find_mentions", "HEADS", "ROLE_RE", "TITLE_RE", "sentence_spans"]

#: Head nouns of body names and the ontology class each suggests.
HEADS = {
    "University": "University", "Universities": "University", "College": "University",
    "Institute": "ResearchInstitute", "Institution": "ResearchInstitute",
    "Academy": "Academy",
    "Center": "ResearchCenter", "Centre": "ResearchCenter", "Laboratory": "ResearchCenter", "Lab": "ResearchCenter",
    "Observatory": "ResearchCenter", "Facility": "ResearchCenter",
    "Bureau": "Bureau", "Division": "Division", "Department": "Division", "Section": "Division",
    "Ministry": "GovernmentAgency", "Agency": "GovernmentAgency", "Administration": "GovernmentAgency",
    "Survey": "GovernmentAgency", "Office": "GovernmentAgency", "Authority": "GovernmentAgency",
    "Service": "GovernmentAgency", "Foundation": "GovernmentAgency",
    "Council": "InternationalBody", "Committee": "NationalCommittee", "Commission": "InternationalBody",
    "Union": "InternationalBody", "Association": "InternationalBody", "Society": "InternationalBody",
    "Federation": "InternationalBody", "Alliance": "InternationalBody", "Consortium": "InternationalBody",
    "Organization": "InternationalBody", "Organisation": "InternationalBody", "Secretariat": "InternationalBody",
    "Group": "TaskGroup", "Groups": "TaskGroup", "Force": "TaskGroup",
    "Program": "Program", "Programme": "Program", "Project": "Project", "Initiative": "Program",
    "Platform": "Platform", "Infrastructure": "DataInfrastructure", "System": "DataInfrastructure",
    "Network": "DataInfrastructure", "Repository": "DataInfrastructure", "Database": "DataInfrastructure",
    "Archive": "DataInfrastructure", "Portal": "DataInfrastructure", "Hub": "DataInfrastructure",
    "Faculty": "Division", "School": "Division", "Embassy": "GovernmentAgency", "Museum": "ResearchInstitute",
    "Corporation": "Organization", "Company": "Organization", "Enterprise": "Organization",
}
#: Lower-case heads that still end a name after capitalised words ("the Horizon 2020 programme").
LOWER_HEADS = {"programme": "Program", "program": "Program", "initiative": "Program"}
#: Lower-case heads of units after their body's name or acronym ("the OCEX QA group", "the PDA task force"),
#: and the words that may stand before them in the head ("working group", "task force")
LOWER_UNIT_HEADS = {"group": "TaskGroup", "force": "TaskGroup", "secretariat": "InternationalBody"}
_UNIT_MODIFIERS = {"working", "task", "steering", "advisory", "technical", "study", "interest"}
#: Heads of bodies that stand on their own: "X of <such a body>" names X's parent, not part of X's name.
TOP_LEVEL = ("University", "Academy", "ResearchInstitute", "GovernmentAgency")
#: Heads that name a unit of a larger body (so "X of Y" and "X Y" make X part of Y).
UNIT_CLASSES = {"ResearchCenter", "Bureau", "Division", "TaskGroup", "ResearchInstitute", "GovernmentAgency", "NationalCommittee"}
_CONNECT_IN_NAME = {"and", "&", "for", "of", "on", "the", "de", "des", "du", "la", "für", "e", "i"}
#: capitals that name no body: diseases, molecules, units, formats, common abbreviations, numerals
NOT_BODIES = {"COVID", "SARS", "MERS", "HIV", "AIDS", "DNA", "RNA", "GDP", "CEO", "CTO", "CFO", "CIO", "PHD", "MOU", "USD",
               "EUR", "RMB", "CNY", "GMT", "UTC", "CET", "CST", "EST", "PST", "FAQ", "PDF", "HTML", "URL", "API", "ICT",
               "NGO", "NGOS", "SDG", "SDGS", "STEM", "GIS", "HPC", "FAIR", "CARE", "TRUST", "III", "VII", "VIII", "XII",
               "XIII", "XIV", "XV", "XVI", "XX", "XXI", "AAI", "DOI", "ISBN", "ISSN", "ORCID", "NEWS", "EVENTS", "ABOUT",
               "HOME", "CONTACT", "MENU", "LINK", "NOTE", "UPDATE", "TBC", "TBD", "ASAP", "ETA", "RSVP", "GPS", "BRICS",
               "OK", "USA", "UAE", "PRC", "ROK", "DPRK"}

_NOT_NAME_START = {
    "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our", "His", "Her", "Both", "Each",
    "Establishment", "Support", "Proposal", "Proposals", "Increase", "Identification", "Providing", "Collaboration",
    "Memorandum", "By", "At", "In", "On", "For", "From", "With", "And", "As", "All", "Chaired", "Dr", "Dr.",
    "Prof", "Prof.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Director", "President", "Head", "Officer",
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Forth",
    "Today", "Yesterday", "Recently", "Meanwhile", "However", "Moreover", "Since", "During", "After", "Before",
    "Between", "Under", "Through", "Via", "New", "Two", "Three", "Several", "Many", "Some", "Key", "Members",
    "Representatives", "Delegates", "Experts", "Leaders", "Staff", "Scientists", "Researchers", "Officials",
}
#: Verbs of title-case headlines ("CNIC and University of Cape Town Sign Agreement on Research Data
#: Infrastructure"): a body's name never runs over them.
_HEADLINE_VERBS = {
    "Sign", "Signs", "Signed", "Hold", "Holds", "Held", "Launch", "Launches", "Launched", "Host", "Hosts",
    "Hosted", "Visit", "Visits", "Visited", "Meet", "Meets", "Agree", "Agrees", "Agreed", "Renew", "Renews",
    "Renewed", "Discuss", "Discusses", "Discussed", "Welcome", "Welcomes", "Welcomed", "Attend", "Attends",
    "Attended", "Join", "Joins", "Joined", "Celebrate", "Celebrates", "Strengthen", "Strengthens", "Deepen",
    "Deepens", "Was", "Were", "Is", "Are", "Will",
}
#: Capitalised words of this genre that are never part of a person's name.
_NOT_PERSON_WORDS = {
    "Data", "Science", "Sciences", "Scientific", "Research", "Technology", "Technological", "Roundtable", "Workshop", "Forum",
    "Conference", "Meeting", "Symposium", "Seminar", "Summit", "Dialogue", "Partnership", "Cooperation", "Collaboration",
    "Program", "Programme", "Project", "Platform", "Network", "Portal", "System", "Systems", "Information", "Development",
    "International", "National", "Global", "Regional", "Open", "Digital", "Earth", "Ocean", "Marine", "Space", "Climate",
    "Health", "Policy", "Page", "Select", "Home", "News", "Report", "Annual", "Joint", "Initiative", "Exchange",
    "Management", "Focus", "Areas", "Priorities", "Outcomes", "Achievements", "Successes", "Key", "Past", "Next", "Team",
    "Members", "Board", "Strategic", "Innovation", "Infrastructure", "Sharing", "Observation", "Geodata", "Thematic",
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Agreement", "Memorandum", "Letter",
    "Understanding", "Intent", "Launch", "Support", "Establishment", "Publication", "Proposal", "Proposals", "Share",
    "Cookie", "Cookies", "Privacy", "Contact", "Related", "Links", "Read", "More", "Find", "Skip", "Content", "Menu",
}
#: common nouns after an acronym ("UN Decade of Ocean Science", "EU Strategy"): no "SURNAME Given"
_NOT_GIVEN_NAMES = {"Decade", "Year", "Day", "Week", "Agenda", "Charter", "Convention", "Framework", "Strategy", "Plan",
                    "Goal", "Goals", "Office", "Mission", "Award", "Prize", "Fellowship", "Call", "Summit", "Forum"}
TITLE_RE = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Academician|Sir|Dame|Madam|Mme|Hon)\.?"
_ROLE_HEADS = (
    r"Secrétaire [Pp]erpétuel(?:le)?|Secrétaire|Présidente?|Presidente|Directeur [Gg]énéral|Directeur|Directrice|"
    r"Secretari[oa](?: General)?|Präsident(?:in)?|Direktor(?:in)?|Rektor|Treasurer|"
    r"Director[- ]General|Secretary[- ]General|Director|President|Chairman|Chairwoman|Chairperson|Chair|"
    r"Co-[Cc]hair|Vice[- ]Chair|Secretary|Officer|Manager|Head|Dean|Professor|Coordinator|Leader|Lead|Scientist|"
    r"Researcher|Fellow|Member|Minister|Ambassador|Representative|Counsell?or|Advis[eo]r|Editor|Investigator|"
    r"Engineer|Librarian|Founder|CEO|Chief|Executive|Commissioner|Administrator|Rector|Chancellor|Provost|Deputy"
)
#: A post's title: optional modifiers and capitalised words, then a role head ("Project Officer").
ROLE_RE = rf"(?:(?:Deputy|Vice|Executive|Associate|Assistant|Senior|Chief|Acting|Honorary|Founding|General|Principal|Former)[ -])*(?:[A-Z][a-z]+ ){{0,2}}(?:{_ROLE_HEADS})(?:\s+and\s+(?:[A-Z][a-z]+ ){{0,2}}(?:{_ROLE_HEADS}))?"
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"  # capitals, also accented ("João", "Łukasz")
_LOW = "a-zß-öø-ÿ\u0100-\u017f"
_NAME_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)?"
#: Lower-case particles inside Western names ("Anna de Vries", "Ludwig van Beethoven").
_PARTICLE = r"(?:de|da|do|dos|das|van|von|der|den|del|della|di|du|le|la|ten|ter|bin|ibn|al|el)"
_SURNAME_CAPS = r"[A-Z]{2,}(?:-[A-Z]{2,})?"
# "BAO Yiming", "Yiming BAO", "Javed Ashraf", "John A. Smith", "Mary-Ann O'Neil"
_PERSON_NAME = rf"(?:{_SURNAME_CAPS}\s+{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})?|{_NAME_TOKEN}\s+{_SURNAME_CAPS}|{_NAME_TOKEN}(?:\s+[A-Z]\.)?(?:(?:\s+{_PARTICLE}){{0,2}}\s+(?:O'|Mc|Mac)?{_NAME_TOKEN}){{1,2}})"
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w'’]*(?:-[\w'’]+)*|&")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&\-]*[A-Z][a-z]?s?)\s*\)")


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


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = [w[0].upper() for w in words if w.lower() not in {"of", "and", "the", "for", "on", "&", "in", "de"}]
    acr = re.sub(r"[^A-Z]", "", acronym.upper())
    if not acr:
        return False
    if "".join(letters) == acr:
        return True
    # allow acronyms that skip words or take two letters of a word ("GEOSS", "CODATA")
    it = iter("".join(w.upper() for w in words))
    return len(acr) >= 2 and all(ch in it for ch in acr) and letters and letters[0] == acr[0]


def _words(text: str, start: int, end: int):
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


class _Finder:
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
                if not (_acronym_like(text) or any(HEADS.get(w) or w in _ORG_WORDS for w in words)):
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
                country = self.places.country(text)
                if country is not None:
                    self.mentions.append(Mention(start, end, text, "GPE", code=country.code, method="ner"))
                elif (sub := self.places.subdivision(text)) is not None and text not in self.places.cities and not (
                        # "Salzburg, Austria", "Tehran, Iran": a name of a province and its capital, followed by
                        # the country, is read as the city (unless it says "Province" / "State")
                        self.places.country_after(self.text, end) is not None and len(words) == len(sub[0].split())):
                    self.mentions.append(Mention(start, end, text, "REGION", code=sub[0], method="ner", extra={"country": sub[1]}))
                elif e.label_ == "LOC" or words[-1] in ("Province", "Region", "State", "County", "Prefecture", "Oblast", "District"):
                    self.mentions.append(Mention(start, end, text, "REGION", code=text, method="ner"))
                elif e.label_ == "GPE" and len(words) == 1 and text.isupper() and len(text) >= 3 and text not in self.places.cities:
                    # "Prof. X from LNCA, Brazil": an unknown acronym the model took for a place is a body's
                    self.mentions.append(Mention(start, end, text, "ORG", "Organization", acronym=text, method="ner"))
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
                if any(HEADS.get(w) in ("University", "ResearchInstitute", "Academy") for w in words):
                    self.mentions.append(Mention(start, end, text, "ORG", _class_of(words), method="ner"))
                else:
                    self.mentions.append(Mention(start, end, text, "VENUE", method="ner"))

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
                        and cand[0][0] not in _NOT_NAME_START and not any(re.fullmatch(_ROLE_HEADS, w) for w, _, _ in cand):
                    whole = cand
            best = exact or whole or fuzzy
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
            # else "Nordic Academy of Sciences (NAS)": another body that this document calls NAS
            cls = entry.kind if entry else _class_of([w for w, _, _ in best])
            mention = Mention(s, e, name, "ORG", cls, entry=entry, acronym=acr, method="acronym-definition")
            self.mentions.append(mention)
            self.known_acronyms.setdefault(acr, name)

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
                if not (pw[:1].isupper() or pw[:1].isdigit()) or pw in _NOT_NAME_START or pw in _HEADLINE_VERBS \
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
                i = k + 1  # "Executive Committee Member Wang Li": a title, not a body's name
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
            if len(span_words) == 1:
                i += 1
                continue
            if all(w in _GENERIC_WORDS or HEADS.get(w) for w, _, _ in span_words) \
                    and not re.match(r"\s+(?:of|at|within)\s|\s*\(", self.text[e:e + 10]):
                i = k + 1  # "the Steering Committee", "Scientific Committee", "National Committee": no name
                continue
            if _event_school(name):
                i = k + 1  # "the CODATA-RDA Summer School on X", "Polar Data Training Course": an event, no school
                continue
            if span_words[0][0].lower() in _EVENT_WORDS and span_words[-1][0].lower() in ("programme", "program", "agenda", "schedule") \
                    and all(w.lower() in _EVENT_WORDS or w in _GENERIC_WORDS for w, _, _ in span_words[:-1]):
                i = k + 1  # "Workshop programme", "Conference Program" as a heading: an event's plan, no programme's name
                continue
            cls = _class_of([w for w, _, _ in span_words])
            if cls == "Organization" and span_words[-1][0] in LOWER_HEADS:
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
    _PROJECT_IS_A = re.compile(rf"(?:^|(?<=[.!?]\s))(?P<name>{_COINED})\s+(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,4}}?"
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

    #: what follows a person's name and no body's: a post in apposition ("X, director of"), a verb of
    #: speech ("X said"), the body they come from ("X of the Y", "X from Z")
    _PERSON_CONTEXT_AFTER = re.compile(
        rf"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:(?:{ROLE_RE})\b|(?:(?:deputy|vice|executive|senior|chief|acting|founding)[ -])?"
        r"(?:director|president|head|chair(?:man|woman|person)?|secretary|professor|researcher|scientist|dean|founder|coordinator|"
        r"manager|leader|rector|minister|ambassador|member|fellow)\b)"
        r"|\s+(?:said|says|noted|notes|added|explained|stressed|emphasi[sz]ed|thanked|welcomed|told|remarked|recalled|underlined)\b"
        r"|\s+(?:from|of)\s+(?:the\s+)?[A-Z]")

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
        return self._PERSON_CONTEXT_AFTER.match(self.text, end) is not None

    # -- people -------------------------------------------------------------------------------
    def people(self, a: int, b: int) -> None:
        seg = self.text[a:b]
        found: list[tuple[int, int, str | None, str]] = []
        for m in re.finditer(rf"\b({TITLE_RE})\s+({_PERSON_NAME})", seg):
            found.append((a + m.start(2), a + m.end(2), m.group(1), "title-name"))
        for m in re.finditer(rf"(?<![\w.])({_PERSON_NAME}),\s+(?:the\s+)?(?:{ROLE_RE})\b", seg):
            found.append((a + m.start(1), a + m.end(1), None, "name-post-apposition"))
        for m in re.finditer(rf"(?<![\w.])({_SURNAME_CAPS}\s+{_NAME_TOKEN})(?![\w-]|\s+[A-Z])", seg):
            if m.group(1).endswith("s") or not _surname_like(m.group(1).split()[0]) or m.group(1).split()[-1] in _NOT_GIVEN_NAMES:
                continue  # "FAIR Principles", "GNU Octave", "UN Decade": an acronym and a word, not "ZHANG Shizhuan"
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
        # "Dr. Chen (Director of ...)", "Prof. Rossi said": a title and a surname alone
        for m in re.finditer(rf"\b({TITLE_RE})\s+({_NAME_TOKEN}|{_SURNAME_CAPS})(?![\w'’-]|\s+(?:{_PARTICLE}\s+)?[A-Z]|\.\s*[A-Z]\.)", seg):
            found.append((a + m.start(2), a + m.end(2), m.group(1), "title-surname"))
        for s, e, title, method in found:
            name = self.text[s:e]
            toks = name.split()
            if any(t in self.registry.acronyms or t in self.known_acronyms or self.places.country(t) for t in toks if t.isupper()):
                continue
            if any(HEADS.get(t) or t in _NOT_NAME_START for t in toks):
                continue
            if any(self.places.country(t) or t in self.places.cities for t in toks):
                continue
            if any(t in _NOT_PERSON_WORDS or re.fullmatch(_ROLE_HEADS, t) for t in toks):
                continue  # "Data Science Roundtable, Director of ...": ordinary capitalised words
            self.mentions.append(Mention(s, e, name, "PERSON", title=title, method=method))


_PORTFOLIO = r"(?:[A-Z][a-z]+(?:,\s+|\s+(?:and|&)\s+|\s+))*?[A-Z][a-z]+"
_OFFICE_THEN_NAME = re.compile(
    r"\b(?:(?:Deputy|Vice|Assistant|Under|Prime|Foreign|Chief|Permanent)[\s-]+)?"
    r"(?P<office>Minister|Secretary|Ambassador|Governor|Mayor|Commissioner|Consul(?:\s+General)?|Senator|Premier)"
    rf"(?:\s+(?:of|for|to)\s+(?:the\s+)?(?P<portfolio>{_PORTFOLIO}))?(?:\s+|,\s+)(?!(?:General|Elect|Designate)\b)(?P<name>{_PERSON_NAME})(?![\w'’-]|\s+[A-Z])")


_ROLE_WORDS = {"Director", "President", "Chairman", "Chair", "Secretary", "Professor", "Vice", "Minister", "Head",
               "Dean", "Deputy", "Officer", "Coordinator", "Chairperson", "Academician", "Dr", "Prof", "Treasurer",
               "Chancellor", "Vice-Chancellor", "Rapporteur", "Ambassador", "Governor", "Mayor", "Chairwoman",
               # the same titles in the languages bodies of the field write them in
               "Secrétaire", "Président", "Présidente", "Directeur", "Directrice", "Perpétuel", "Presidente", "Secretario",
               "Secretaria", "Director-General", "Präsident", "Präsidentin", "Direktor", "Direktorin", "Rektor", "Rector"}


#: Words that make a capitalised run a body's name though they are no head noun of ours.
_ORG_WORDS = {"Government", "Ministry", "Municipality", "Council", "Bank", "Institut", "Instituto", "Universidad",
              "Universidade", "Université", "Universität", "Akademie", "Academia", "Consejo", "Conselho", "Fund", "Trust",
              # the heads of bodies' names in the languages of the field, written untranslated in English text
              "Académie", "Academie", "Accademia", "Akademia", "Istituto", "Università", "Uniwersytet", "Consiglio",
              "Conseil", "Centro", "Zentrum", "Fondation", "Fundación", "Fundação", "Stiftung", "Gesellschaft", "Ministère",
              "Ministerio", "Agence", "Agencia", "Société", "Sociedad", "Sociedade", "Observatoire", "Observatorio",
              "Laboratoire", "Laboratorio", "Museo", "Musée", "Bibliothèque", "Biblioteca"}
#: connectors inside names of other languages ("Observatoire de Paris", "Istituto di Fisica")
_FOREIGN_CONNECTORS = {"de", "des", "du", "di", "da", "del", "della", "delle", "dei", "do", "dos", "das", "la", "le", "les",
                       "y", "e", "für", "der", "von", "zur", "pour", "et"}
#: the class of a body named by one of those heads
_FOREIGN_HEADS = {"Académie": "Academy", "Academie": "Academy", "Accademia": "Academy", "Akademia": "Academy", "Akademie": "Academy",
                  "Academia": "Academy", "Institut": "ResearchInstitute", "Instituto": "ResearchInstitute",
                  "Istituto": "ResearchInstitute", "Universidad": "University", "Universidade": "University",
                  "Université": "University", "Universität": "University", "Università": "University", "Uniwersytet": "University",
                  "Ministère": "GovernmentAgency", "Ministerio": "GovernmentAgency", "Agence": "GovernmentAgency",
                  "Agencia": "GovernmentAgency", "Observatoire": "ResearchCenter", "Observatorio": "ResearchCenter",
                  "Laboratoire": "ResearchCenter", "Laboratorio": "ResearchCenter", "Centro": "ResearchCenter", "Zentrum": "ResearchCenter"}
_NOT_ACRONYMS = {"MoU", "MOU", "LOI", "PhD", "COVID", "CEO", "AI", "IT", "UN", "GA"}


def _names_agree(name: str, entry) -> bool:
    """Whether a long form written before an acronym names the registry's body of that acronym."""
    from rapidfuzz import fuzz

    places = load_places()
    stop = {"of", "the", "and", "for", "on", "in", "&"}

    def words(t):
        return {w for w in re.findall(r"[\w.]+", t.lower()) if w not in stop}

    for form in (entry.name, *entry.aliases):
        if fuzz.token_sort_ratio(name.lower(), form.lower()) >= 90:
            return True
        if re.match(rf"{re.escape(form.lower())}(?:,|\s+of\b)", name.lower()):
            return True  # "Computer Network Information Center of the Chinese Academy of Sciences": the body and its parent
        a, b = words(name), words(form)
        extra = (a - b) if b <= a else (b - a) if a <= b else None
        if extra is not None and all(places.country(w) or places.country(w.upper()) for w in extra):
            return True  # "U.S. National Academy of Sciences" and "National Academy of Sciences"
    return False


def _acronym_like(text: str) -> bool:
    """``CONINV``, ``UNEP``, ``Ifremer``-like single words with inner capitals; not ``MoU``."""
    return (" " not in text and 2 < len(text) <= 10 and text not in _NOT_ACRONYMS
            and sum(c.isupper() for c in text) >= 2 and text[:1].isupper())


def _person_like(words: list[str], registry: Registry, places, known_acronyms: dict) -> bool:
    """Whether the words a statistical NER calls a person can be a person's name here: capitalised
    name words, none a role, a body's head noun, a place, a registry acronym or a word of the genre."""
    if len(words) == 1:
        return False  # one word alone is too often a capitalised noun ("Training"); titles make it a name (people())
    if len(words) > 4 or any(not w[:1].isupper() and w not in ("de", "da", "van", "von", "der", "bin", "al", "el", "di", "du", "le", "la") for w in words):
        return False
    for w in words:
        bare = w.strip(".,")
        if bare.isupper() and len(bare) > 1 and (bare in registry.acronyms or bare in known_acronyms or places.country(bare)):
            return False
        if HEADS.get(bare) or bare in _NOT_NAME_START or bare in _NOT_PERSON_WORDS or bare in _ROLE_WORDS or re.fullmatch(_ROLE_HEADS, bare):
            return False
        if "-" in bare and any(p in _ROLE_WORDS for p in bare.split("-")):
            return False  # "Vice-President", "Director-General": a role, not a name
        if places.country(bare) or bare in places.cities or any(ch.isdigit() for ch in bare):
            return False
    return True


_PINYIN = re.compile(r"(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh|ng)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|ue|uo|ui|er|a|o|e|i|u|v)){1,4}")
_OTHER_SURNAMES = {"KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG", "CHO", "YOON", "JANG", "LIM", "HAN", "OH", "SEO", "SHIN",
                   "KWON", "HWANG", "AHN", "SONG", "YOO", "HONG", "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG",
                   "BUI", "DO", "HO", "NGO", "DUONG", "LY", "TAN", "LIM", "TEO", "GOH", "ONG", "KHOO", "CHIANG", "TSAI"}


def _surname_like(word: str) -> bool:
    """A surname written in capitals before the given name: Chinese (pinyin), Japanese, Korean, Vietnamese."""
    return word in _OTHER_SURNAMES or bool(_PINYIN.fullmatch(word.lower().replace("-", "")))


def _class_of(words: list[str]) -> str:
    """The class of a body from the head noun of its name: the last head word before "of" / "for"
    ("Secretariat of the X Network" is a secretariat, not a network), else the last one."""
    cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words))
    search = words[:cut] if any(w in HEADS for w in words[:cut]) else words
    for w in reversed(search):
        if w in HEADS:
            cls = HEADS[w]
            if w in ("Group", "Groups") and not any(x in ("Task", "Working", "Interest", "Expert") for x in words):
                return "InternationalBody"
            if w == "Committee" and "National" not in words:
                return "InternationalBody"
            if w in ("Department", "Office", "Service") and words[0] in _NATIONAL_WORDS:
                return "GovernmentAgency"  # "Thai Meteorological Department", "National Weather Service"
            if w == "Department" and len(words) > 1 and words[1] == "of" and len(words) > 2 and words[2] not in _DISCIPLINE_WORDS:
                return "GovernmentAgency"  # "Department of Energy" (a department of a university names a discipline)
            if w == "Center" and any(x in ("Exchange", "Information") for x in words) and "Data" not in words:
                return "GovernmentAgency" if "Exchange" in words else cls
            if w in ("System", "Network") and not any(x in ("Data", "Observation", "Observing", "Information", "Systems") for x in words):
                return "DataInfrastructure"
            return cls
    return next((_FOREIGN_HEADS[w] for w in words if w in _FOREIGN_HEADS), "Organization")


#: Words that, with only a head noun, make a description rather than a name ("the Steering Committee").
_GENERIC_WORDS = {"Scientific", "Organizing", "Organising", "Steering", "Program", "Programme", "Local", "Executive", "Advisory",
                  "International", "National", "Technical", "Standing", "Working", "Management", "Review", "Expert",
                  "Coordinating", "Coordination", "Project", "Editorial", "Governing", "Academic", "Regional", "Global",
                  "Central", "General", "Data", "Partner", "Member", "Host", "New", "Main", "Secretariat"}
_NATIONAL_WORDS = {"National", "Federal", "State", "Royal", "Imperial", "Central", "Thai", "Indian", "Chinese", "German",
                   "Japanese", "Korean", "Brazilian", "Kenyan", "South", "British", "French", "Italian", "Australian",
                   "Canadian", "American", "Pakistani", "Nigerian", "Egyptian", "Mexican", "Spanish", "Dutch", "Swiss"}
_DISCIPLINE_WORDS = {"Computer", "Earth", "Physics", "Chemistry", "Biology", "Mathematics", "Geography", "Geology",
                     "Geosciences", "Sociology", "Statistics", "Engineering", "Medicine", "Economics", "History",
                     "Environmental", "Information", "Data", "Life", "Social", "Political", "Civil", "Electrical"}

_PRIORITY = {"ner": 0, "coined-name": 2, "title-surname": 2, "registry": 4, "acronym-definition": 3, "quoted-name": 3, "shape": 2, "title-name": 3, "name-post-apposition": 3, "caps-surname": 1, "gazetteer": 1}


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: bodies and people beat places inside them; longer beats shorter."""

    def rank(m: Mention):
        body = m.label in ("ORG", "PERSON")
        return (body, m.method != "ner", m.end - m.start, _PRIORITY.get(m.method, 0))

    # "Thai National Science and Technology Development Agency (NSTDA)": the acronym names the body
    # without the country's adjective, which gives its country; a longer name otherwise takes the acronym
    places = load_places()
    for d in [m for m in mentions if m.method == "acronym-definition"]:
        for sh in [m for m in mentions if m.label == "ORG" and m.method == "shape" and m.end == d.end and m.start < d.start]:
            prefix = sh.text[:d.start - sh.start].split()
            if prefix and all(places.country(w) for w in prefix):
                mentions.remove(sh)
                d.country = d.country or places.country(prefix[-1]).code
            else:
                sh.acronym = sh.acronym or d.acronym
    kept: list[Mention] = []
    for m in sorted(mentions, key=rank, reverse=True):
        clash = [k for k in kept if m.start < k.end and k.start < m.end]
        if not clash:
            kept.append(m)
        elif all(k.label == m.label == "ORG" and (k.start, k.end) == (m.start, m.end) for k in clash):
            k = clash[0]  # same span: take the registry entry / acronym from either
            k.entry = k.entry or m.entry
            k.acronym = k.acronym or m.acronym
            k.cls = k.entry.kind if k.entry else (k.cls or m.cls)
            k.country = k.country or m.country
            k.parent = k.parent or m.parent
            k.extra = {**m.extra, **k.extra}
    # a shape whose whole text is a registry name takes the entry
    return sorted(kept, key=lambda m: m.start)


def find_mentions(text: str, *, registry: Registry | None = None, nlp=None, known_acronyms: dict[str, str] | None = None, doc=None,
                  title: str | None = None) -> list[Mention]:
    """Return the mentions in ``text`` (sorted by position, non-overlapping).

    ``title``, the document's headline as it stands in ``text``, lets a title-case headline's
    capitalised topics be told from names (see :func:`_confirm_headline_shapes`)."""
    registry = registry or load_registry()
    nlp = nlp or get_pipeline(registry if registry is not None else None)
    doc = doc if doc is not None else nlp(text)
    f = _Finder(text, registry, load_places(), doc.ents, known_acronyms if known_acronyms is not None else {})
    f.ruler()
    spans = sentence_spans(doc)
    for a, b in spans:
        f.acronyms(a, b)
        f.foreign_acronyms(a, b)
    f.ner()
    for a, b in spans:
        f.quoted(a, b)
        f.shapes(a, b)
        f.people(a, b)
        f.coined_projects(a, b)
    coined = {m.text: m.cls for m in f.mentions if m.method == "coined-name"}
    for name, cls in coined.items():  # "... MARINE-LINK contributes to ...": the project named again
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(o.start < hit.end() and hit.start() < o.end and (o.label == "PERSON" or o.method != "ner") for o in f.mentions):
                f.mentions.append(Mention(hit.start(), hit.end(), name, "ORG", cls, method="coined-name"))
    _names_with_listed_fields(text, f)
    # an acronym this document defines for another body than the registry's: its uses are that body
    redefined = {m.acronym: m for m in f.mentions if m.method == "acronym-definition" and m.acronym and m.entry is None
                 and registry.lookup(m.acronym) is not None}
    for i, m in enumerate(f.mentions):
        d = redefined.get(m.text) if m.method == "registry" else None
        if d is not None:
            f.mentions[i] = Mention(m.start, m.end, m.text, "ORG", d.cls, acronym=m.text, method="acronym-use", extra={"long": d.text})
    # later uses of an acronym defined in this document
    for acr, name in f.known_acronyms.items():
        if registry.lookup(acr) is None:
            for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
                if text[m.start() - 1:m.start()] == "(" and not any(
                        o.label == "PERSON" and o.end == len(text[:m.start() - 1].rstrip()) for o in f.mentions):
                    continue  # the definition "Name (ACR)"; but "Prof. X (ACR)" is a use: the person's body
                # the class of the body the acronym stands for: "KNDA" after "the Kenya National Data
                # Archive (KNDA)" is that archive, one node, not an organisation of its own
                cls = _class_of(name.split()) if any(w in HEADS for w in name.split()) else None
                f.mentions.append(Mention(m.start(), m.end(), acr, "ORG", cls, acronym=acr, method="acronym-use", extra={"long": name}))
    # "Dir. Administration" (a title, abbreviated) names no one and no body
    f.mentions = [_without_date(m) for m in f.mentions if not _is_event_name(m) and m.text.split()[0] not in TITLE_ABBREVIATIONS]
    # "ANSO Vice-President, Prof. ..." read as a person's name: a name ending in a role is the role, no one
    f.mentions = [m for m in f.mentions if not (m.label == "PERSON" and len(m.text.split()) > 1 and is_title(m.text.split()[-1]))]
    # "NDI and PDA Sign MoU", "Delegation Visits": a headline's verb and noun read as a person's name
    f.mentions = [m for m in f.mentions if not (m.label == "PERSON" and {w.lower().strip(".,") for w in m.text.split()} & _NOT_IN_PERSON_NAMES)]
    f.mentions = [m for m in f.mentions if not any(a <= m.start and m.end <= b for a, b in f.foreign_spans)]
    merged = _given_names_not_places(text, _titled_people_not_places(text, _places_that_are_names(_people_named_again(text, _national_committees(text, _plural_possessive_owners(text, _possessive_owners(
        _governments(text, _split_joined_bodies(_merge(f.mentions))), load_places())))), load_places())))
    for m in merged:
        if m.label == "ORG" and m.text in f.foreign_names:
            m.extra.setdefault("alias", f.foreign_names[m.text])
    merged = _possessive_units(text, merged)
    merged = _known_body_of_known_body(text, merged, registry)
    merged = [m for m in merged if not (m.label == "ORG" and m.entry is None and _event_school(m.text))]
    merged = _bodies_after_country(text, merged, load_places())
    _link_structure(text, merged)
    return _confirm_headline_shapes(text, title, merged)


_LISTED_FIELDS = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)*,?\s+(?:and|&)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*\(|\s*[,.;:)]|\s+[a-z]|\s*$)")


def _names_with_listed_fields(text: str, f) -> None:
    """"the National Commission for Science, Technology and Innovation (NACOSTI)", "the Institute for
    Forest, Snow and Landscape Research": a body's name whose "of" / "for" names a list of fields
    goes on past the commas. The name is extended when every word of the list is a capitalised word
    that is no head of a body's name, no place and no part of another name read there (so "the
    Institute of Physics, Chemistry Department and ..." stays a list), and the acronym the document
    defined for the cut name is the whole name's."""
    replaced: dict[int, Mention] = {}
    dropped: set[int] = set()
    for m in f.mentions:
        if m.label != "ORG" or m.entry is not None or not re.search(r"\b(?:of|for|on)\s+[A-Z][a-z]+$", m.text):
            continue
        ext = _LISTED_FIELDS.match(text, m.end)
        if ext is None:
            continue
        words = re.findall(r"[A-Z][a-z]+", ext.group(0))
        if any(w in HEADS or w in _ORG_WORDS or re.fullmatch(TITLE_RE, w) or f.places.country(w) is not None or w in f.places.cities
               for w in words):
            continue  # "the University of X and Dr. Y": a title, a person follows
        if re.match(r"\.\s*[A-Z]", text[ext.end():ext.end() + 3]) and len(words[-1]) <= 4:
            continue  # an abbreviation, not the end of a name
        same = [o for o in f.mentions if o is not m and (o.start, o.end) == (m.start, ext.end())]  # the NER's whole name
        if any(o is not m and o not in same and o.start < ext.end() and o.end > m.end for o in f.mentions):
            continue  # another name is read there
        old, new = m.text, text[m.start:ext.end()]
        replaced[id(m)] = dataclasses.replace(m, end=ext.end(), text=new, extra={k: v for k, v in m.extra.items() if v != old})
        dropped |= {id(o) for o in same}
        for acr, name in list(f.known_acronyms.items()):
            if name == old:
                f.known_acronyms[acr] = new
    if replaced:
        f.mentions = [replaced.get(id(o), o) for o in f.mentions if id(o) not in dropped]


_DATE_TAIL = re.compile(r"\s+(?:on|in|from|since|during)\s+(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
                        r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                        r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
                        r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$")


#: Nouns that name an event (lemmas, lower case; "GA" as written), for the relation patterns
#: (``relations.mark_tokens``) and for the names that are no person's and no place's.
EVENT_NOUNS = {
    "meeting", "conference", "workshop", "symposium", "seminar", "forum", "summit", "roundtable", "colloquium",
    "assembly", "session", "congress", "visit", "dialogue", "kick-off", "kickoff", "webinar", "ceremony", "event",
    "consultation", "talk", "talks", "trip", "tour", "hackathon", "delegation", "gathering", "GA",
    "school", "course",  # "the summer school", "the training course" (a school's name is a body's mention first)
}
_EVENT_WORDS = {w for w in EVENT_NOUNS if w.islower() and w not in ("school", "course")} | {"visits", "mission"}

#: words no person's name holds: agreements, events and the verbs of headlines about them
_NOT_IN_PERSON_NAMES = {"mou", "memorandum", "agreement", "sign", "signs", "signed", "holds", "hosts"} | _EVENT_WORDS


_NOT_PLACE_WORDS = {"across", "among", "around", "after", "before", "during", "within", "between", "through", "under", "over",
                    "about", "above", "below", "beyond", "despite", "since", "until", "while", "where", "when", "here", "there",
                    # a common noun of geography alone ("big Earth data", "the Mountains") names no place
                    "earth", "world", "globe", "mountains", "mountain", "ocean", "oceans", "sea", "seas", "region", "regions",
                    } | _EVENT_WORDS  # an event's noun alone, capitalised in a headline ("During a Visit to Tromso")


def _places_that_are_names(ms: list[Mention], places) -> list[Mention]:
    """Places the statistical NER made of what is no place: a person's given name read alone
    ("Marisol" of "Marisol Quispe" elsewhere), a capitalised preposition ("Across the region"), an
    event's noun alone ("During a Visit to Cusco"), a name cut before its end ("People's Republic of"). Places the gazetteer knows stay.

    >>> [m.text for m in _places_that_are_names([Mention(0, 7, "Marisol", "CITY", method="ner"),
    ...  Mention(20, 34, "Marisol Quispe", "PERSON"), Mention(40, 46, "Across", "CITY", method="ner"),
    ...  Mention(50, 55, "Visit", "CITY", method="ner")], load_places())]
    ['Marisol Quispe']
    """
    given = {w for m in ms if m.label == "PERSON" and len(m.text.split()) > 1 for w in m.text.split()}
    out = []
    for m in ms:
        if m.method == "ner" and m.label in ("CITY", "REGION") and m.text not in places.cities and (
                m.text in given or m.text.lower() in _NOT_PLACE_WORDS or m.text.split()[-1].lower() in _CONNECT_IN_NAME):
            continue
        out.append(m)
    return out


def is_title(word: str) -> bool:
    """Whether a word before a name is a title or a role, no part of the name ("Dr", "Minister",
    "Vice-President").

    >>> is_title("Vice-President"), is_title("Prof"), is_title("Milan")
    (True, True, False)
    """
    word = word.rstrip(".")
    return word in _ROLE_WORDS or bool(re.fullmatch(TITLE_RE, word + ".")) or (
        "-" in word and any(p in _ROLE_WORDS for p in word.split("-")))


_TITLED_NAME = re.compile(r"[^\W\d_][\w'’-]+(?:\s+[^\W\d_][\w'’-]+)?(?=[\s,.;:)]|$)")


def _titled_people_not_places(text: str, ms: list[Mention]) -> list[Mention]:
    """"Vice-President Milan Novak", "Director Florence Abiola": a place's name right after a title and
    before a surname is a given name. The place goes; the person is the title's (method ``title-name``).

    >>> _titled_people_not_places("Vice-President Milan Novak spoke.", [Mention(15, 20, "Milan", "CITY", code="IT")])
    [<PERSON 'Milan Novak' 15-26>]
    """
    out = []
    for m in ms:
        if m.label in ("CITY", "REGION", "GPE"):
            before = re.search(r"([\w.-]+)\s+$", text[max(0, m.start - 30):m.start])
            word = before.group(1).rstrip(".") if before else ""
            titled = is_title(word)
            rest = _TITLED_NAME.match(text, m.end + 1) if titled and text[m.end:m.end + 1] == " " else None
            if rest and rest.group(0)[:1].isupper() and not rest.group(0).split()[0].isupper() and not HEADS.get(rest.group(0).split()[0]) and not any(
                    o is not m and o.start < rest.end() and o.end > rest.start() for o in ms):
                end = m.end + 1 + len(rest.group(0).split()[0])
                out.append(Mention(m.start, end, text[m.start:end], "PERSON", title=word, method="title-name"))
                continue
        out.append(m)
    return out


def _given_names_not_places(text: str, ms: list[Mention]) -> list[Mention]:
    """"signed by Lena Holm and Milan Novak (PDA)" where "Milan Novak" is a person elsewhere in the
    document: a city's name followed by the family name of a person the document names in full is
    that person's given name (method ``name-again``), not the city.

    >>> _given_names_not_places("Milan Novak spoke. Then Milan Novak signed.", [Mention(0, 11, "Milan Novak", "PERSON"),
    ...  Mention(24, 29, "Milan", "CITY", code="IT")])
    [<PERSON 'Milan Novak' 0-11>, <PERSON 'Milan Novak' 24-35>]
    """
    people = {m.text for m in ms if m.label == "PERSON" and len(m.text.split()) == 2}
    if not people:
        return ms
    out = []
    for m in ms:
        if m.label in ("CITY", "REGION", "GPE"):
            nxt = re.match(r" ([A-Z][\w'’-]+)", text[m.end:m.end + 40])
            if nxt and f"{m.text} {nxt.group(1)}" in people and not any(
                    o is not m and o.start < m.end + nxt.end() and o.end > m.end for o in ms):
                end = m.end + nxt.end()
                out.append(Mention(m.start, end, text[m.start:end], "PERSON", method="name-again"))
                continue
        out.append(m)
    return out


def _people_named_again(text: str, ms: list[Mention]) -> list[Mention]:
    """"Omar Haddad ... Haddad said", "Bai Lin ... Bai reviewed": a person named in full and later by
    one of their names alone. That name is the person (method ``name-again``), where the model read it
    as a place or body or not at all, when exactly one person of the document before it bears it."""
    people = [m for m in ms if m.label == "PERSON" and len(m.text.split()) > 1]
    if not people:
        return ms
    first_seen: dict[str, list[Mention]] = {}
    for p in people:
        words = p.text.split()
        for w in {words[0], words[-1]}:
            if len(w) > 1 and w[:1].isupper() and not w.isupper() and w.lower() not in _NOT_SURNAMES:
                first_seen.setdefault(w, [])
                if all(o.text != p.text for o in first_seen[w]):
                    first_seen[w].append(p)
    out = [m for m in ms]
    taken = sorted((m.start, m.end) for m in ms)
    starts = [a for a, _ in taken]
    for w, owners in first_seen.items():
        if len(owners) != 1:
            continue  # two people of that name: which one is meant is not said
        owner = owners[0]
        for hit in re.finditer(rf"(?<![\w.-]){re.escape(w)}(?![\w-]|\s+[A-Z])", text):
            if hit.start() < owner.end:
                continue
            i = bisect.bisect_right(starts, hit.start()) - 1
            over = [m for m in out if m.start < hit.end() and hit.start() < m.end]
            if any(m.label == "PERSON" or m.method != "ner" or len(m.text.split()) > 1 for m in over):
                continue  # inside a name the rules or the registry read ("Bai Lin", "Haddad Institute")
            out = [m for m in out if m not in over]
            out.append(Mention(hit.start(), hit.end(), w, "PERSON", method="name-again"))
    out.sort(key=lambda m: m.start)
    return out


_NOT_SURNAMES = {"the", "of", "and", "for", "new", "von", "van", "de", "da", "del", "der", "la", "le", "al", "el", "bin",
                 "mr", "mrs", "ms", "dr", "prof", "sir", "saint", "st", "san", "university", "academy"}


_EVENT_HEADS = {"Meeting", "Workshop", "Conference", "Symposium", "Seminar", "Webinar", "Session", "Summit", "Roundtable",
                "Colloquium", "Meetings", "Workshops", "Conferences", "Assembly", "Assemblies"}


def _is_event_name(m: Mention) -> bool:
    """A "body" whose name ends in an event noun is an event's name, not a body's: "the Polar Data
    Working Group Meeting" (the discourse reader makes it an event).

    >>> _is_event_name(Mention(0, 31, "Polar Data Working Group Meeting", "ORG"))
    True
    """
    return m.label == "ORG" and m.entry is None and m.text.split()[-1] in _EVENT_HEADS


def _without_date(m: Mention) -> Mention:
    """A body's name never runs into a date: "the Andean Science Academy on June 3" names the academy.

    >>> _without_date(Mention(0, 37, "Nordic Data Institute on May 12", "ORG", "ResearchInstitute")).text
    'Nordic Data Institute'
    >>> _without_date(Mention(0, 35, "Nordic Data Institute on Thursday", "ORG", "ResearchInstitute")).text
    'Nordic Data Institute'
    """
    if m.label != "ORG":
        return m
    cut = _DATE_TAIL.search(m.text)
    if cut is None:
        return m
    m.text = m.text[:cut.start()]
    m.end = m.start + len(m.text)
    if "name" in m.extra:
        m.extra["name"] = _DATE_TAIL.sub("", m.extra["name"])
    return m


def _split_joined_bodies(ms: list[Mention]) -> list[Mention]:
    """"the Tromso Municipality and NDI Programme of Polar Data": two bodies joined by "and", read as
    one name. Split where the words before "and" end in a body's head noun ("Government", "Institute")
    and the words after it name a body of their own; "Ministry of Science and Technology" stays one.

    >>> _split_joined_bodies([Mention(0, 49, "Tromso Municipality and NDI Programme on Ice Data", "ORG", "Program")])
    [<ORG 'Tromso Municipality' 0-19>, <ORG 'NDI Programme on Ice Data' 24-49>]
    >>> _split_joined_bodies([Mention(0, 54, "Academy of Arts and Letters of Chad and Mali's Council", "ORG", "Academy")])
    [<ORG 'Academy of Arts and Letters of Chad' 0-35>, <ORG "Mali's Council" 40-54>]
    """
    out = []
    for i, m in enumerate(ms):
        tail = re.search(r"\s+and\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s$", m.text) if m.label == "ORG" and m.entry is None else None
        if tail and len(m.text[:tail.start()].split()) >= 2:
            # "the Academy of Chad and Mali's | National Council": the owner belongs to the next body
            out.append(Mention(m.start, m.start + tail.start(), m.text[:tail.start()], "ORG", _class_of(m.text[:tail.start()].split()), method=m.method))
            c = load_places().country(tail.group(1))
            if c is not None:
                out.append(Mention(m.start + tail.start(1), m.start + tail.end(1), tail.group(1), "GPE", code=c.code, method=m.method))
                nxt = next((o for o in ms[i + 1:i + 2] if o.label == "ORG" and o.start - m.end <= 2), None)
                if nxt is not None and not nxt.country:
                    nxt.country = c.code
            continue
        cut = re.search(r"\s+and\s+(?:the\s+)?", m.text) if m.label == "ORG" and m.entry is None else None
        owned = re.search(r"\s+and\s+(?:the\s+)?(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+[A-Z])", m.text) if cut else None
        if owned and len(m.text[:owned.start()].split()) >= 2 and any(
                HEADS.get(w) or w in _ORG_WORDS for w in m.text[owned.end():].split()):
            cut = owned  # "the Academy of Chad and Mali's Research Council": the second body has its owner
        elif cut is None:
            out.append(m)
            continue
        left, right = m.text[:cut.start()], m.text[cut.end():]
        lw, rw = left.split(), right.split()
        if cut is owned or (len(lw) >= 2 and (HEADS.get(lw[-1]) or lw[-1] in _ORG_WORDS) and rw and rw[0][:1].isupper()
                and any(HEADS.get(w) or w in _ORG_WORDS for w in rw) and " and " not in right):
            out.append(Mention(m.start, m.start + len(left), left, "ORG", _class_of(lw), method=m.method))
            out.append(Mention(m.start + cut.end(), m.end, right, "ORG", _class_of(rw), method=m.method))
        else:
            out.append(m)
    return out


_GOVERNMENT = re.compile(r"\s+(?:(?:Municipal|Provincial|County|City|Regional|State|Federal|National|Local|People['’]s)\s+)*Government\b")


def _governments(text: str, ms: list[Mention]) -> list[Mention]:
    """"the Tengri Government", "the Nordland Provincial Government": a place's government is a body
    (one mention over both words, a GovernmentAgency), not the place.

    >>> _governments("the Kunming Municipal Government", [Mention(4, 11, "Kunming", "CITY")])
    [<ORG 'Kunming Municipal Government' 4-32>]
    """
    out = []
    for m in ms:
        g = _GOVERNMENT.match(text, m.end) if m.label in ("CITY", "REGION", "GPE") else None
        if g is None or any(o is not m and o.start < g.end() and o.end > m.end for o in ms):
            out.append(m)
            continue
        out.append(Mention(m.start, g.end(), text[m.start:g.end()], "ORG", "GovernmentAgency", method="place-government",
                           country=m.code if m.label == "GPE" else None))
    return out


_UNIT_WORDS = {"Committee", "Board", "Secretariat", "Bureau", "Office", "Department", "Division", "Institute", "Center",
               "Centre", "Laboratory", "Lab", "School", "Faculty", "Group", "Team", "Unit", "Commission", "Panel"}
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>[A-Z].*)$")


def _possessive_owners(ms: list[Mention], places) -> list[Mention]:
    """"Argentina's National Research Council", "the Institute's Data Committee": the owner before
    "'s" is not part of the body's name. A country or city owner is the body's country or place
    (two mentions: the place, and the body with its country); a body owner with a unit after it is
    the unit's parent (two bodies, the unit ``parent`` of the owner).

    >>> from collabkg.loaders.registry import load_places
    >>> _possessive_owners([Mention(0, 31, "Peru's National Science Council", "ORG", "ResearchCenter")], load_places())
    [<GPE 'Peru' 0-4>, <ORG 'National Science Council' 7-31>]
    """
    out: list[Mention] = []
    for m in ms:
        pm = _POSSESSIVE.match(m.text) if m.label == "ORG" and m.entry is None else None
        if pm is None:
            out.append(m)
            continue
        owner, rest = pm.group("owner"), pm.group("rest")
        o_end, r_start = m.start + pm.end("owner"), m.start + pm.start("rest")
        rest_m = Mention(r_start, m.end, rest, "ORG", _class_of(rest.split()), acronym=m.acronym, method=m.method, extra=dict(m.extra))
        rest_m.extra.pop("name", None)
        country = places.country(owner)
        if country is not None and not owner.endswith(("an", "ese", "ish")) or owner in places.cities:
            if country is not None:
                out.append(Mention(m.start, o_end, owner, "GPE", code=country.code, method=m.method))
                rest_m.country = country.code
            else:
                name, code = places.cities[owner]
                out.append(Mention(m.start, o_end, owner, "CITY", code=code, method=m.method))
            out.append(rest_m)
        elif (rest_m.cls in UNIT_CLASSES or set(rest.split()) & _UNIT_WORDS) and owner[:1].isupper() and (
                _acronym_like(owner) or any(HEADS.get(w) or w in _ORG_WORDS for w in owner.split())):
            owner_m = Mention(m.start, o_end, owner, "ORG", _class_of(owner.split()), method=m.method)
            rest_m.parent = owner_m
            out += [owner_m, rest_m]
        else:
            out.append(m)
    return out


_PLURAL_OWNER = re.compile(r"^(?P<last>[A-Z][\w-]*s)['’]\s+(?P<rest>[A-Z].*)$")


def _plural_possessive_owners(text: str, ms: list[Mention]) -> list[Mention]:
    """"the Mongolian Academy of Sciences' Institute of Geography": a body whose name ends in a plural,
    with its possessive, and a unit after it, read as two names cut at "of" ("Mongolian Academy",
    "Sciences' Institute of Geography"). One owner ("Mongolian Academy of Sciences") and its unit
    ("Institute of Geography", ``parent`` the owner).

    >>> t = "the Nordic Academy of Sciences' Institute of Ice"
    >>> ms = [Mention(4, 18, "Nordic Academy", "ORG", "Academy"), Mention(22, 48, "Sciences' Institute of Ice", "ORG", "ResearchInstitute")]
    >>> [(m.text, m.parent.text if m.parent else None) for m in _plural_possessive_owners(t, ms)]
    [('Nordic Academy of Sciences', None), ('Institute of Ice', 'Nordic Academy of Sciences')]
    """
    out: list[Mention] = []
    for m in ms:
        pm = _PLURAL_OWNER.match(m.text) if m.label == "ORG" and m.entry is None else None
        prev = out[-1] if out else None
        if pm is None or prev is None or prev.label != "ORG" or text[prev.end:m.start] != " of ":
            out.append(m)
            continue
        o_end = m.start + pm.end("last")
        owner_text = text[prev.start:o_end]
        owner = Mention(prev.start, o_end, owner_text, "ORG", prev.cls or _class_of(owner_text.split()), method=prev.method,
                        country=prev.country)
        r_start = m.start + pm.start("rest")
        rest = Mention(r_start, m.end, pm.group("rest"), "ORG", _class_of(pm.group("rest").split()), method=m.method)
        rest.parent = owner
        out[-1] = owner
        out.append(rest)
    return out


_MONTHS_AND_DAYS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _bodies_after_country(text: str, ms: list[Mention], places) -> list[Mention]:
    """"Dr Wei Zhou from China Tencent gave ...": a capitalised name after a person's "from <country>"
    is the body the person comes from (a company the mention finder has no head noun for), in that
    country. Not a place, a month, a title or a name already read.

    >>> t = "Dr Wei Zhou from China Tencent spoke."
    >>> ms = [Mention(3, 11, "Wei Zhou", "PERSON"), Mention(17, 22, "China", "GPE", code="CN")]
    >>> [(m.text, m.label, m.country) for m in _bodies_after_country(t, ms, load_places()) if m.label == "ORG"]
    [('Tencent', 'ORG', 'CN')]
    """
    by_start = {m.start: m for m in ms}
    taken = [(m.start, m.end) for m in ms]
    new = []
    for m in ms:
        if m.label != "PERSON":
            continue
        fm = re.match(r"(?:\s*\([^()]{1,40}\))?,?\s+from\s+(?:the\s+)?", text[m.end:m.end + 60])
        country = by_start.get(m.end + fm.end()) if fm else None
        if country is None or country.label != "GPE":
            continue
        nm = re.match(r" ([A-Z][\w&-]+(?:[ -][A-Z][\w&-]+){0,2})(?=[\s,.;:)]|$)", text[country.end:country.end + 60])
        if nm is None:
            continue
        a, b = country.end + 1, country.end + nm.end()
        words = nm.group(1).split()
        if any(x < b and a < y for x, y in taken) or words[0] in _MONTHS_AND_DAYS or is_title(words[0]) \
                or places.country(nm.group(1)) or nm.group(1) in places.cities or words[0] in ("And", "The", "In", "On", "At"):
            continue
        new.append(Mention(a, b, nm.group(1), "ORG", _class_of(words), country=country.code, method="after-country"))
    return sorted(ms + new, key=lambda m: (m.start, -m.end)) if new else ms


def _event_school(name: str) -> bool:
    """Whether a name is a school or course that is an event ("Polar Data Summer School on Sea Ice",
    "Sea Ice Training Course"), not a body ("School of Ocean Sciences").

    >>> _event_school("Polar Data Summer School on Sea Ice"), _event_school("School of Ocean Sciences")
    (True, False)
    """
    words = re.split(r"\s+(?:of|on|for|in)\s", name, maxsplit=1)[0].split()
    return len(words) >= 2 and words[-1] in ("School", "Schools", "Course", "Courses") \
        and words[-2] in ("Summer", "Winter", "Spring", "Autumn", "Training", "Data", "Field")


def _known_body_of_known_body(text: str, ms: list[Mention], registry) -> list[Mention]:
    """"The National Center for Atmospheric Research of the National Science Foundation": a body the
    registry knows, named with "of" and another body it knows, is the first body (the second its
    ``parent``), not a third body. A name the registry knows whole stays whole ("Committee on Data
    of the International Science Council"). The bodies the registry finds in its acronym
    ("(NSF-NCAR)") are that acronym, no bodies of their own.

    >>> from collabkg.loaders.registry import load_registry
    >>> t = "the National Center for Atmospheric Research of the National Science Foundation"
    >>> ms = _known_body_of_known_body(t, [Mention(4, len(t), t[4:], "ORG")], load_registry())
    >>> [(m.text, m.entry.id, m.parent.text if m.parent else None) for m in ms]
    [('National Center for Atmospheric Research', 'ncar', 'National Science Foundation'), ('National Science Foundation', 'nsf', None)]
    """
    if registry is None:
        return ms
    out: list[Mention] = []
    inside: list[tuple[int, int]] = []
    for m in ms:
        a = b = km = None
        for of in re.finditer(r"\s+of\s+(?:the\s+)?", m.text) if m.label == "ORG" and m.entry is None else ():
            km = re.fullmatch(rf"(?P<a>.{{{of.start()}}}){re.escape(of.group(0))}(?P<b>.+)", m.text)  # each "of" in turn
            a, b = registry.lookup(km.group("a")), registry.lookup(km.group("b"))
            if a is not None and b is not None:
                break
        if a is None or b is None or a is b:
            out.append(m)
            continue
        first = Mention(m.start, m.start + km.end("a"), km.group("a"), "ORG", a.kind, entry=a, acronym=m.acronym, method=m.method)
        second = Mention(m.start + km.start("b"), m.end, km.group("b"), "ORG", b.kind, entry=b, method=m.method)
        first.parent = second
        out += [first, second]
        acr = re.match(r"\s*\(\s*[^()\s]{2,20}\s*\)", text[m.end:m.end + 24]) if m.acronym else None
        if acr:
            inside.append((m.end, m.end + acr.end()))
    return [m for m in out if not any(a <= m.start and m.end <= b for a, b in inside)]


_OWNER_BEFORE = re.compile(r"(?:^|(?<=\s))(?:[Tt]he[ \t]+)?(?P<owner>[A-Z][\w&-]*(?:[ \t]+(?:of|for|and|on|&|[A-Z][\w&-]*)){0,7})['’]s[ \t]+$")


def _possessive_units(text: str, ms: list[Mention]) -> list[Mention]:
    """"The Polar Data Alliance’s Board on Ice Data (BID)": a unit named right after a body's name and
    "'s", where the mention finder read the unit alone, is a unit of that body (its ``parent``,
    added as a mention when the finder had none there).

    >>> t = "The Polar Data Alliance's Board on Ice Data met."
    >>> [(m.text, m.parent and m.parent.text) for m in _possessive_units(t, [Mention(26, 44, "Board on Ice Data", "ORG", "Organization")])]
    [('Polar Data Alliance', None), ('Board on Ice Data', 'Polar Data Alliance')]
    """
    out = list(ms)
    for m in ms:
        if m.label != "ORG" or m.parent is not None or not (set(m.text.split()) & _UNIT_WORDS):
            continue
        w0 = max(0, m.start - 100)
        om = _OWNER_BEFORE.search(text[w0:m.start])
        if om is None:
            continue
        owner = om.group("owner")
        words = owner.split()
        if not (_acronym_like(owner) or any(HEADS.get(w) or w in _ORG_WORDS for w in words)) or words[-1] in ("of", "for", "and", "on", "&"):
            continue
        o_start = w0 + om.start("owner")
        o_end = o_start + len(owner)
        existing = next((o for o in ms if o.label == "ORG" and o.start == o_start and o.end == o_end), None)
        if existing is None and any(o.start < o_end and o.end > o_start for o in ms):
            continue  # something else is read there
        parent = existing or Mention(o_start, o_end, owner, "ORG", _class_of(words), method="possessive-owner")
        if existing is None:
            out.append(parent)
        m.parent = parent
    return sorted(out, key=lambda x: x.start)


def _national_committees(text: str, ms: list[Mention]) -> list[Mention]:
    """``CODATA-Japan``, ``CODATA Kenya``: an international body's name joined to a country's is
    that country's national committee of the body (one mention, not the body and the country)."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        body = m.entry.kind if m.entry else m.cls
        if (nxt is not None and m.label == "ORG" and body == "InternationalBody" and nxt.label == "GPE"
                and re.fullmatch(r"[-–]| ", text[m.end:nxt.start]) and not text[nxt.end:nxt.end + 1].isalnum()
                and not re.match(r"\s*[-–]\s*[A-Z]", text[nxt.end:nxt.end + 3])):  # "CODATA China-US ...": a pair
            out.append(Mention(m.start, nxt.end, text[m.start:nxt.end], "ORG", "NationalCommittee", country=nxt.code,
                               method="national-committee", extra={"committee_of": m}))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _confirm_headline_shapes(text: str, title: str | None, mentions: list[Mention]) -> list[Mention]:
    """Drop a body read only by its shape from a title-case headline unless the text names it again.

    A headline in title case capitalises every word ("... Sign Agreement on Research Data
    Infrastructure"), so a capitalised run ending in "Infrastructure" or "Platform" there may be a
    topic, not a name; a real name is repeated, in the same capitals, in the text below it.

    >>> t = "CNIC Signs Agreement on Research Data Infrastructure\\n\\nCNIC will build research data infrastructure."
    >>> ms = [Mention(27, 52, "Research Data Infrastructure", "ORG", "DataInfrastructure", method="shape")]
    >>> _confirm_headline_shapes(t, "CNIC Signs Agreement on Research Data Infrastructure", ms)
    []
    """
    if not title:
        return mentions
    start = text.find(title)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", title) if len(w) > 3]
    if start < 0 or not words or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return mentions  # no headline in the text, or a headline in sentence case
    end = start + len(title)
    rest = text[:start] + "\n" + text[end:]
    return [m for m in mentions
            if not (m.method in ("shape", "ner") and start <= m.start and m.end <= end and m.text not in rest)]


def _link_structure(text: str, ms: list[Mention]) -> None:
    """``X of Y``, ``X, Y`` and ``X Y`` where X is a unit: Y is X's parent (set on ``X.parent``)."""
    orgs = [m for m in ms if m.label == "ORG"]
    by_start = {m.start: m for m in ms}
    for m in orgs:
        # "the National Ice Center (NIC) of the Andean Science Academy": the unit's acronym may come between
        gap = re.match(r"(\s*\(\s*[A-Z][\w&-]{1,14}\s*\)(?:\s+of\s+(?:the\s+)?|,\s+)|\s+of\s+(?:the\s+)?|\s+|,\s+)", text[m.end:m.end + 30])
        if not gap:
            continue
        nxt = by_start.get(m.end + gap.end())
        if nxt is None or nxt.label != "ORG" or m.parent is not None:
            continue
        if m.extra.get("long") == nxt.text or nxt.extra.get("long") == m.text:
            continue  # "the GFZ German Research Centre for Geosciences": the acronym and its own name, one body
        if m.method == "acronym-use" and not gap.group(0).strip():
            continue  # "the NDI Polar Laboratory": a body's acronym before a unit's name is the unit's body, not a unit of it
        # "regional centres of excellence (RCoE) of the Polar Data Programme": units a programme set up
        of_programme = m.text[:1].islower() and m.acronym is not None and "of" in gap.group(0)
        if (m.cls in UNIT_CLASSES or (m.entry and m.entry.kind in UNIT_CLASSES)) and (
                of_programme or nxt.cls not in ("Project", "Program", "Platform", "FundingProgram")):
            closing = re.match(r"\s*(?:\)|[.;]|$)", text[nxt.end:nxt.end + 3]) and not re.search(r"(?:,|\band)\s*(?:the\s+)?$", text[max(0, m.start - 8):m.start])
            # "Institute of Tibetan Plateau Research, Chinese Academy of Sciences (ITPCAS)": the unit's own acronym closes it
            closing = closing or bool(m.acronym and re.match(r"\s*\(\s*" + re.escape(m.acronym) + r"\s*\)", text[nxt.end:nxt.end + 24]))
            # "held at the Institute of X (IX), Academy of Y (AY), Tromso, on ...": a place after the
            # second body ends an address (the unit, its body, their city), not a list of bodies
            after = re.match(r"(?:\s*\(\s*[A-Z][\w&-]{1,14}\s*\))?,\s+", text[nxt.end:nxt.end + 24])
            closing = closing or bool(after and (pl := by_start.get(nxt.end + after.end())) is not None and pl.label in ("CITY", "GPE")
                                      and re.match(r"\s*(?:[,.;)]|\d|$)", text[pl.end:pl.end + 2]))
            # "hosted by the Marine Institute (MI), Nordic Academy (NA), and co-organized by ...": the
            # second body ends the noun phrase (a verb or a preposition follows), so no list of bodies
            closing = closing or bool(re.match(r"(?:\s*\(\s*[A-Z][\w&-]{1,14}\s*\))?(?:,?\s+(?:and\s+)?(?:(?:jointly|also)\s+)?(?:co-)?[a-z]+(?:ed|s)\b"
                                               r"|,?\s+(?:in|on|at|with|from|to|for|under)\s)", text[nxt.end:nxt.end + 40]))
            # "the Department of Glaciology, University of X": a university's or academy's department
            department = m.cls == "GovernmentAgency" and m.text.split()[0] in ("Department", "Faculty", "School") \
                and nxt.cls in ("Academy", "University", "ResearchInstitute")
            if gap.group(0).strip().endswith(",") and not department \
                    and not (m.cls in ("Division", "Bureau", "ResearchCenter", "NationalCommittee") and nxt.cls in ("Academy", "University", "ResearchInstitute")) \
                    and not (closing and m.cls in ("ResearchInstitute", "ResearchCenter", "Division", "Bureau") and not m.entry
                             and nxt.cls in ("Academy", "University", "GovernmentAgency", "ResearchInstitute")):
                # "A, B and C" is a list, not a unit and its parent; but in "(Director of the
                # Institute of Geophysics, China Earthquake Administration)" the second body closes
                # the phrase: the unit and its parent
                continue
            m.parent = nxt
            if m.cls == "NationalCommittee":  # "CODATA-China, CAS": the host, not a parent
                m.extra["parent_rel"] = "hostedBy"
    # "State Key Laboratory of X, Institute of Y, Chinese Academy of Sciences": the chain goes on, the
    # institute a unit of the academy after it
    for m in orgs:
        p = m.parent
        if p is None or p.parent is not None or p.cls not in ("ResearchInstitute", "ResearchCenter", "Division", "Bureau"):
            continue
        if not re.fullmatch(r"(?:\s*\([A-Z][\w&-]{1,14}\))?,\s+", text[m.end:p.start]):
            continue
        gap = re.match(r"(?:\s*\([A-Z][\w&-]{1,14}\))?,\s+(?:the\s+)?", text[p.end:p.end + 26])
        nxt = by_start.get(p.end + gap.end()) if gap else None
        if nxt is not None and nxt.label == "ORG" and (nxt.cls in ("Academy", "University", "GovernmentAgency")
                                                       or (nxt.entry is not None and nxt.entry.kind in ("Academy", "University", "GovernmentAgency"))):
            p.parent = nxt
    # "the Digital Curation Centre (DCC) at the University of Edinburgh": a unit of, or hosted by, a body
    for m in orgs:
        g = re.match(r"\s*(?:\([^()]{1,15}\)\s*)?\s+(?:at|within)\s+(?:the\s+)?", text[m.end:m.end + 30])
        nxt = by_start.get(m.end + g.end()) if g else None
        if nxt is None or nxt.label != "ORG" or m.parent is not None or m.entry is not None:
            continue
        if nxt.cls in ("University", "Academy", "ResearchInstitute") and m.cls not in ("Project", "Program", "Platform", "FundingProgram", "University", "Academy"):
            m.parent = nxt
            if m.cls not in ("ResearchCenter", "Division", "Bureau", "TaskGroup", "ResearchInstitute"):
                m.extra["parent_rel"] = "hostedBy"
    # "Quaid-i-Azam University, Pakistan", "National Research Foundation (NRF) of South Africa":
    # the country of a body
    for m in orgs:
        g = re.match(r"(?:\s*\([^()]{1,15}\))?(?:,\s+|\s+of\s+(?:the\s+)?)", text[m.end:m.end + 24])
        if g and (nxt := by_start.get(m.end + g.end())) and nxt.label == "GPE":
            after = text[nxt.end:nxt.end + 2]
            if not after[:1].isalpha():
                m.country = m.country or nxt.code
