"""Shapes of people's names: titles ("Dr", "Prof.") and the titles of posts (``ROLE_RE``), the
name patterns ("ZHANG Shizhuan", "Yiming BAO", "Anna de Vries"), surnames written in capitals
(pinyin, Korean, Vietnamese), public offices before a name ("Minister of X Ines Morel"), and the
words that are never part of a person's name."""

from __future__ import annotations

import re

from collabkg.loaders.body_names import HEADS, _EVENT_WORDS, _NOT_NAME_START
from collabkg.loaders.registry import Registry


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


#: ranks of the armed forces and the clergy, abbreviated ("Brig. Gen. X", "Lt. Col. Y", "Rev. Z"): always with
#: their full stop, so that no word of a name ("Col", "Rev") reads as one
_RANKS = r"(?:(?:Lt|Brig|Maj)\.\s+)?(?:Gen|Col|Brig|Maj|Capt|Cdr|Cmdr|Adm|Lt|Amb|Engr|Rev)\."

TITLE_RE = rf"(?:(?:Dr|Dra|Drs|Prof|Professor|Mr|Mrs|Ms|Miss|Academician|Sir|Dame|Madam|Mme|Hon)\.?|(?:Ir|Ing)\.|{_RANKS})"


_ROLE_HEADS = (
    r"Secrétaire [Pp]erpétuel(?:le)?|Secrétaire|Présidente?|Presidente|Directeur [Gg]énéral|Directeur|Directrice|"
    r"Secretari[oa](?: General)?|Präsident(?:in)?|Direktor(?:in)?|Rektor|Treasurer|"
    r"Director[- ]General|Secretary[- ]General|Director|President|Chairman|Chairwoman|Chairperson|Chair|"
    r"Co-[Cc]hair|Vice[- ]Chair|Secretary|Officer|Manager|Head|Dean|Professor|Coordinator|Leader|Lead|Scientist|"
    r"Researcher|Fellow|Member|Minister|Ambassador|Representative|Counsell?or|Advis[eo]r|Editor|Investigator|"
    r"Engineer|Librarian|Founder|CEO|Chief|Executive|Commissioner|Administrator|Rector|Chancellor|Provost|Deputy"
)


#: A post's title: optional modifiers and capitalised words, then a role head ("Project Officer").
ROLE_RE = rf"(?:(?:Deputy|Vice|Executive|Associate|Assistant|Senior|Chief|Acting|Honorary|Founding|General|Principal|Former|Pro)[ -])*(?:[A-Z][a-z]+ ){{0,2}}(?:{_ROLE_HEADS})(?:\s+and\s+(?:[A-Z][a-z]+ ){{0,2}}(?:{_ROLE_HEADS}))?"


_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"  # capitals, also accented ("João", "Łukasz")


_LOW = "a-zß-öø-ÿ\u0100-\u017f"


_NAME_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)?"


#: Lower-case particles inside Western names ("Anna de Vries", "Ludwig van Beethoven").
_PARTICLE = r"(?:de|da|do|dos|das|van|von|der|den|del|della|di|du|le|la|ten|ter|bin|ibn|al|el)"


_SURNAME_CAPS = r"[A-Z]{2,}(?:-[A-Z]{2,})?"


# "BAO Yiming", "Yiming BAO", "Javed Ashraf", "John A. Smith", "Mary-Ann O'Neil"
_PERSON_NAME = rf"(?:{_SURNAME_CAPS}\s+{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})?|{_NAME_TOKEN}\s+{_SURNAME_CAPS}|{_NAME_TOKEN}(?:\s+[A-Z]\.)?(?:(?:\s+{_PARTICLE}){{0,2}}\s+(?:O'|Mc|Mac)?{_NAME_TOKEN}){{1,2}})"


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


def _person_like(words: list[str], registry: Registry, places, known_acronyms: dict) -> bool:
    """Whether the words a statistical NER calls a person can be a person's name here: capitalised
    name words, none a role, a body's head noun, a place, a registry acronym or a word of the genre."""
    if len(words) == 1:
        return False  # one word alone is too often a capitalised noun ("Training"); titles make it a name (people())
    if len(words) > 4 or any(not w[:1].isupper() and w not in ("de", "da", "van", "von", "der", "bin", "al", "el", "di", "du", "le", "la") for w in words):
        return False
    if all(re.fullmatch(r"[A-Z]\.?-?(?:[A-Z]\.?)?,?", w) for w in words):
        return False  # "C. N.", "J.-L.": a family name's initials alone (a citation's "Okafor, C. N."), no name
    if any(w.endswith(",") for w in words[:-1]) and re.fullmatch(r"(?:[A-Z]\.\s*)+,", " ".join(words).split(",")[0] + ","):
        return False  # "J. L., Watanabe": two authors of a citation run together
    for n, w in enumerate(words):
        bare = w.strip(".,")
        if bare.isupper() and len(bare) > 1 and (bare in registry.acronyms or bare in known_acronyms or places.country(bare)):
            return False
        if HEADS.get(bare) or bare in _NOT_NAME_START or bare in _NOT_PERSON_WORDS or bare in _ROLE_WORDS or re.fullmatch(_ROLE_HEADS, bare):
            return False
        if "-" in bare and any(p in _ROLE_WORDS for p in bare.split("-")):
            return False  # "Vice-President", "Director-General": a role, not a name
        if places.country(bare) or any(ch.isdigit() for ch in bare):
            return False
        if bare in places.cities and not city_as_surname(words, n, places):
            return False
    return True


def city_as_surname(words: list[str], n: int, places) -> bool:
    """Whether the city's name at ``words[n]`` is the family name of a person's name: its last word,
    after a given name that is no place ("Ana Lima", "Maria Santiago"; not "Lima" alone, nor
    "Lima Peru").

    >>> from collabkg.loaders.registry import load_places
    >>> city_as_surname(["Ana", "Lima"], 1, load_places()), city_as_surname(["Lima"], 0, load_places())
    (True, False)
    """
    first = words[0].strip(".,")
    return len(words) >= 2 and n == len(words) - 1 and not (places.country(first) or first in places.cities)


_PINYIN = re.compile(r"(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh|ng)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|ue|uo|ui|er|a|o|e|i|u|v)){1,4}")


_OTHER_SURNAMES = {"KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG", "CHO", "YOON", "JANG", "LIM", "HAN", "OH", "SEO", "SHIN",
                   "KWON", "HWANG", "AHN", "SONG", "YOO", "HONG", "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG",
                   "BUI", "DO", "HO", "NGO", "DUONG", "LY", "TAN", "LIM", "TEO", "GOH", "ONG", "KHOO", "CHIANG", "TSAI"}


def _surname_like(word: str) -> bool:
    """A surname written in capitals before the given name: Chinese (pinyin), Japanese, Korean, Vietnamese."""
    return word in _OTHER_SURNAMES or bool(_PINYIN.fullmatch(word.lower().replace("-", "")))


#: words no person's name holds: agreements, events and the verbs of headlines about them
_NOT_IN_PERSON_NAMES = {"mou", "memorandum", "agreement", "sign", "signs", "signed", "holds", "hosts"} | _EVENT_WORDS


def is_title(word: str) -> bool:
    """Whether a word before a name is a title or a role, no part of the name ("Dr", "Minister",
    "Vice-President").

    >>> is_title("Vice-President"), is_title("Prof"), is_title("Milan")
    (True, True, False)
    """
    word = word.rstrip(".")
    return word in _ROLE_WORDS or bool(re.fullmatch(TITLE_RE, word + ".")) or (
        "-" in word and any(p in _ROLE_WORDS for p in word.split("-")))


_NOT_SURNAMES = {"the", "of", "and", "for", "new", "von", "van", "de", "da", "del", "der", "la", "le", "al", "el", "bin",
                 "mr", "mrs", "ms", "dr", "prof", "sir", "saint", "st", "san", "university", "academy"}
