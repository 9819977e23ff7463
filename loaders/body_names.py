"""Shapes of bodies' names: the head nouns that end them and the class each suggests, the words
that start no name or make a description rather than a name, names in other languages, acronyms
(initials, long forms the registry knows), the class of a body from its name, and the names that
are events' rather than bodies' ("... Working Group Meeting", "Summer School on X", "X on June 3")."""

from __future__ import annotations

import re

from collabkg.loaders.mention_model import Mention
from collabkg.loaders.registry import load_places


#: Head nouns of body names and the ontology class each suggests.
HEADS = {
    "University": "University", "Universities": "University", "College": "University",
    "Institute": "ResearchInstitute", "Institution": "ResearchInstitute",
    "Academy": "Academy",
    "Center": "ResearchCenter", "Centre": "ResearchCenter", "Laboratory": "ResearchCenter", "Lab": "ResearchCenter",
    "Observatory": "ResearchCenter", "Facility": "ResearchCenter",
    "Bureau": "Bureau", "Division": "Division", "Department": "Division", "Section": "Division", "Team": "Division",
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
    "Corporation": "Organization", "Company": "Organization", "Enterprise": "Organization", "Bank": "Organization",
    "Trust": "Organization",
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
UNIT_CLASSES = {"ResearchCenter", "Bureau", "Division", "TaskGroup", "ResearchInstitute", "GovernmentAgency", "NationalCommittee",
                "OrganizationalUnit"}

#: the words of a governing or advisory body's name that any body could give one of its own ("the
#: Executive Committee", "the Science Advisory Board", "the Board of Trustees")
_GOVERNING_WORDS = {"executive", "steering", "scientific", "science", "advisory", "governing", "organizing", "organising",
                    "programme", "program", "technical", "standing", "editorial", "coordinating", "coordination",
                    "supervisory", "management", "international", "local", "joint", "general", "data", "policy",
                    "finance", "audit", "ethics", "nominating", "nominations", "review", "trustees", "directors",
                    "governors", "of", "the", "and", "&"}
_GOVERNING_HEADS = {"Committee", "Board", "Council", "Panel", "Commission", "Secretariat", "Presidium", "Senate"}


def governing_unit(name: str) -> bool:
    """Whether ``name`` is a governing or advisory body any body could have, named by its function only:
    "Executive Committee", "Science Advisory Board", "Board of Trustees" (not "Arctic Data Committee",
    not "National Committee").

    >>> governing_unit("Science Advisory Board"), governing_unit("Board of Trustees"), governing_unit("Arctic Data Committee")
    (True, True, False)
    """
    words = name.split()
    head = words[words.index("of") - 1] if "of" in words and words.index("of") > 0 else words[-1] if words else ""
    return head in _GOVERNING_HEADS and all(w.lower() in _GOVERNING_WORDS or w in _GOVERNING_HEADS for w in words)


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
    "Coordinator", "Secretary", "Treasurer", "Chair", "Chairman", "Chairwoman", "Chairperson", "Rapporteur",
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


_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w'’]*(?:-[\w'’]+)*|&")


_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&\-]*[A-Z][a-z]?s?)\s*\)")


def initials(words: list[str]) -> str:
    """The initials of a name's words, its small words left out.

    >>> initials(["Baltic", "Ice", "Institute", "of", "Latvia"])
    'BIIL'
    """
    return "".join(w[0].upper() for w in words if w.lower() not in {"of", "and", "the", "for", "on", "&", "in", "de"})


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = initials(words)
    acr = re.sub(r"[^A-Z]", "", acronym.upper())
    if not acr:
        return False
    if letters == acr:
        return True
    # allow acronyms that skip words or take two letters of a word ("GEOSS", "CODATA")
    it = iter("".join(w.upper() for w in words))
    return len(acr) >= 2 and all(ch in it for ch in acr) and letters and letters[0] == acr[0]


def _words(text: str, start: int, end: int):
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


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


#: head nouns of a body named in the plural (one body of several sites)
_PLURAL_HEADS = {"Observatories": "Observatory", "Laboratories": "Laboratory", "Archives": "Archive", "Libraries": "Library"}


def _class_of(words: list[str]) -> str:
    """The class of a body from the head noun of its name: the last head word before "of" / "for"
    ("Secretariat of the X Network" is a secretariat, not a network), else the last one."""
    words = [_PLURAL_HEADS.get(w, w) for w in words]  # "National Astronomical Observatories": an observatory
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


def _event_school(name: str) -> bool:
    """Whether a name is a school or course that is an event ("Polar Data Summer School on Sea Ice",
    "Sea Ice Training Course"), not a body ("School of Ocean Sciences").

    >>> _event_school("Polar Data Summer School on Sea Ice"), _event_school("School of Ocean Sciences")
    (True, False)
    >>> _event_school("Coastal Mapping School 2024"), _event_school("Lima Business School")
    (True, False)
    """
    words = re.split(r"\s+(?:of|on|for|in)\s", name, maxsplit=1)[0].split()
    dated = len(words) > 1 and re.fullmatch(r"(?:19|20)\d\d", words[-1]) is not None  # "Ice Data School 2023": a body has no year
    if dated:
        words = words[:-1]
    return len(words) >= 2 and words[-1] in ("School", "Schools", "Course", "Courses") \
        and (dated or words[-2] in ("Summer", "Winter", "Spring", "Autumn", "Training", "Data", "Field"))
