"""A page's lists of who sits on its body or on one of its units, one person a line, under a heading
of its own::

    EXECUTIVE
    Chair: Dr. Ana Ruiz, Nordic Data Institute
    Vice-Chair: Tom Berg (Baltic Data Centre)

    Steering Committee (2024-2026)
    Chair: Prof. Lee Kim, Andean Data Network
    Members: Dr. Ines Morel (Polar Data Union); Prof. Karl Berg (University of Tartu)

    Advisory Board
    - Prof. Lena Holm, University of Oslo (Chair)
    - Dr. Jaan Tamm | Estonian Data Archive

The roster is the page's body's (its title's, else the body its text opens with) under a heading
that names the body's people ("Executive", "Members", "Officers", "Management", "Committee
Membership"), or that of the unit the heading names ("Steering Committee", "Advisory Board": a unit
of the page's body, ``org:subOrganizationOf``). A person with a title ("Chair:", "(Chair)") holds
that post in it (``org:Post``); one without is a member of it (``org:memberOf``); the body written
after the name ("Dr. A, X", "B (X)", "C | X") is theirs (``org:memberOf``), method
``rule:roster-page``. The list ends at a blank line or at the first line of another shape (a line of
the list whose name was not read is passed over). With no page body, or a
heading that names another body, nothing is read: the owner is not guessed.
"""

from __future__ import annotations

import re

from collabkg.loaders.clean import BULLET
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.person_names import TITLE_RE
from collabkg.loaders.rosters import _is_role, unit_of

__all__ = ["read_roster_pages"]

#: a heading over the body's own people: "EXECUTIVE", "Members", "Officers", "Committee Membership", "Management"
_OWN_PEOPLE = re.compile(r"^(?:(?:the\s+)?(?:executive|members|membership|officers|office[- ]bearers|management|leadership"
                         r"|committee\s+members(?:hip)?|board\s+members|executive\s+committee\s+members|ex[- ]officio(?:\s+members)?"
                         r"|our\s+(?:team|people|board))|(?:current\s+)?(?:executive|members|officers))\s*:?\s*$", re.I)
#: a heading naming a unit of the body: "Steering Committee (2023-2025)", "Advisory Board", "Scientific Council"
_UNIT_HEADING = re.compile(r"^(?P<unit>(?:[A-Z][\w-]*\s+){0,3}(?:Committee|Board|Council|Bureau|Panel|Secretariat|Senate|Steering\s+Group)"
                           r"(?:\s+of\s+(?:Directors|Trustees|Governors))?)(?:\s*\((?:\d{4}\s*[-–]\s*\d{2,4}|[^()]{1,30})\))?\s*:?\s*$")
#: a title before the name: "Chair:", "Vice-Chair:", "Canadian Delegate to the X General Assembly:"
_TITLE_COLON = re.compile(r"^(?P<title>[A-Z][^:]{1,80}?):\s+")
#: "Members:" before a list of people, each with their body in parentheses
_MEMBERS_COLON = re.compile(r"^(?:Other\s+)?(?:Members|Ordinary\s+members|Full\s+members)\s*:\s+", re.I)
#: the titles that may stand before a name on a roster line ("Dr.", "Prof.", "Assoc. Prof.")
_TITLES = re.compile(rf"(?:(?:{TITLE_RE}|Assoc\.?|Em\.?)\s+)*")
#: what follows a person's name on such a line: a body in parentheses, after a comma or after a bar
_AFTER = re.compile(r"\s*(?:\((?P<paren>[^()]{2,120})\)|,\s*(?P<comma>[^|;]{2,160}?)|\s*\|\s*(?P<bar>[^|;]{2,160}?))\s*(?:\((?P<role>[^()]{2,40})\))?\s*[;.]?\s*$")


def read_roster_pages(ex) -> None:
    """Read the roster sections of extractor ``ex``'s page (see the module docstring)."""
    owner = None
    ss = ex.sentences
    i = 0
    while i < len(ss):
        head = ss[i].text.strip()
        own, unit_m = _OWN_PEOPLE.match(head), _UNIT_HEADING.match(head)
        if not (own or unit_m) or len(head) > 60:
            i += 1
            continue
        if owner is None:
            owner = _page_owner(ex)
            if owner is None:
                return
        if unit_m and any(o.label == "ORG" and o.start >= ss[i].start and o.end <= ss[i].end and o.text != unit_m.group("unit")
                          for o in ss[i].mentions):
            i += 1  # "Board of the Polar Data Union": another body's board, named; not this page's
            continue
        j = i + 1
        lines = []
        while j < len(ss) and "\n\n" not in ex.text[ss[j - 1].end:ss[j].start]:
            people = _people_on(ex, ss[j])
            if not (people or _roster_shaped(ss[j].text)):
                break
            lines.append((ss[j], people))  # a line of the list whose name the finder missed is passed over, not an end
            j += 1
        if lines:
            ev = ex.ev(ss[i], "rule:roster-page")
            body = owner if own else unit_of(ex, owner, unit_m.group("unit"), ss[i], ev)
            if unit_m and not own:  # the unit's name as the heading writes it
                ex.x.entities[body].alt_labels.add(unit_m.group("unit"))
            for s, people in lines:
                _read_line(ex, s, people, body)
        i = max(j, i + 1)


def _page_owner(ex) -> str | None:
    """The body the page is about: the body its title line is (with its acronym: "X Committee (XC)"),
    the project it presents, else the body its first paragraph opens with."""
    for s in ex.sentences[:3]:
        text = s.text.strip()
        m = next((o for o in s.mentions if o.label == "ORG" and o.start == s.start + s.text.index(text)), None)
        if m is not None and re.fullmatch(r"\s*(?:\([^()]{1,30}\))?\s*", ex.text[m.end:s.end]):
            return ex.org(m, ex.ev(s, "rule:roster-page"))
    return ex.main_project or ex._title_body() or ex._page_body()


def _roster_shaped(text: str) -> bool:
    """Whether a line has a roster line's shape though no person was read on it: a title and a colon,
    or a list item, short and no sentence ("Vice-Chair: Marcus ODENKIRK (X)", "- Ana B. | X")."""
    rest = text.strip().removeprefix(BULLET.strip()).lstrip()
    tm = _TITLE_COLON.match(rest)
    return len(rest) < 200 and not rest.endswith((".", "!", "?")) and (
        (tm is not None and _is_role(tm.group("title"))) or text.strip().startswith(BULLET.strip()))


def _people_on(ex, s) -> list[Mention]:
    """The people a roster line names at its start (after a title and a colon, a bullet, or
    "Members:"), or none: then the line is no roster line."""
    text = s.text
    lead = len(text) - len(text.lstrip())
    at = s.start + lead
    rest = text.strip()
    if rest.startswith(BULLET.strip()):
        rest = rest[len(BULLET.strip()):].lstrip()
        at = s.start + s.text.index(rest)
    if len(rest) > 300 or rest.endswith(("!", "?")) or (rest.endswith(".") and len(rest) > 120):
        return []
    mm = _MEMBERS_COLON.match(rest) or _TITLE_COLON.match(rest)
    start = at + (mm.end() if mm else 0)
    people = [p for p in s.mentions if p.label == "PERSON" and p.start >= start]
    if not people:
        return []
    first = people[0]
    if _TITLES.sub("", ex.text[start:first.start]).strip():
        return []  # the line does not open with the name: a sentence, not a roster line
    after = ex.text[first.end:s.end].strip()
    if after and after[0] not in ",(|;–-":
        return []  # "Dr. A spoke about ...": a sentence
    return people if mm and _MEMBERS_COLON.match(rest) else [first]


def _read_line(ex, s, people: list[Mention], body: str) -> None:
    """The posts and memberships of the ``people`` a roster line names (see the module's doc)."""
    ev = ex.ev(s, "rule:roster-page")
    rest = s.text.strip().removeprefix(BULLET.strip()).lstrip()
    title_m = None if _MEMBERS_COLON.match(rest) else _TITLE_COLON.match(rest)
    title = title_m.group("title") if title_m and _is_role(title_m.group("title")) else None
    for n, p in enumerate(people):
        person = ex.person(p, ev)
        end = people[n + 1].start if n + 1 < len(people) else s.end
        after = _AFTER.match(ex.text, p.end, end)
        role = title
        own_body = None
        if after is not None:
            if after.group("role") and _is_role(after.group("role")):
                role = role or after.group("role")  # "Prof. A, University of X (Chair)"
            where = after.group("paren") or after.group("comma") or after.group("bar")
            a = after.start("paren") if after.group("paren") else after.start("comma") if after.group("comma") else after.start("bar")
            if where and not _is_role(where.split(",")[0].strip()):
                own_body = next((o for o in s.mentions if o.label == "ORG" and a <= o.start < a + len(where)), None)
            elif where and after.group("paren") and not role:
                role = where.split(",")[0].strip()  # "B (Secretary, Y)": the post, then the body
                own_body = next((o for o in s.mentions if o.label == "ORG" and a <= o.start < a + len(where)), None)
        if role:
            ex.add_post(person, role, body, ev)
        else:
            ex.x.add(person, "org:memberOf", body, ev)
        if own_body is not None and (org := ex.org(own_body, ev)) is not None and org != body:
            ex.add_member(person, org, ev)
