"""Elections: who a body's assembly, council or members elected to which post.

News items of assemblies report the results as one list, each name or pair of names with the post
after "as", or as a passive clause for each post::

    The Assembly elected A as President, B and C as Vice-Presidents and D as Treasurer.
    Delegates also chose E as President-elect.
    Dr. F was elected Chair of the Council for a three-year term.
    G and H were elected Vice-Chairs, while I was re-elected as Treasurer.

Each person named holds the post in the body whose assembly, council or members elected them
(``org:Post``, ``rule:election``); a post written in the plural ("as Vice-Presidents") is one post
of that title for each. The body is, in this order:

1. the body written after the title ("as President of the X", "Chair of the X");
2. "the Council" / "the Board" after the title with no name: the body named before whose name ends
   with that word, else a unit of that name of the body named nearest before (as for rosters);
3. the electing body: the subject when it is a body ("The X elected ..."), or the body of the
   subject ("The General Assembly of the X elected ...");
4. "The Assembly", "Delegates", "Members" with no body: the body that held the assembly the document
   reports (its organizer, not counting a host named by "hosted by");
5. a passive clause with none of these: the body of the election read in the sentence before;
6. "A was elected Treasurer." with no election before: the body that held the assembly the
   document reports, as in 4, when that event is named as an assembly ("General Assembly", "Congress").

With none of them the list is not read: the body is not guessed.

>>> [m.group("verb") for m in ELECTED.finditer("A was re-elected as Treasurer, and members chose B as Chair.")]
['re-elected', 'chose']
>>> plain_title("Vice-Presidents"), plain_title("President-elect"), plain_title("Secretaries-General")
('Vice-President', 'President-elect', 'Secretary-General')
"""

from __future__ import annotations

import re

from collabkg.loaders.body_names import HEADS
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.relations import ROLE_NOUNS
from collabkg.loaders.rosters import ROLE_ABBREVIATIONS, reported_event, unit_of

__all__ = ["ELECTED", "plain_title", "read_elections"]

#: the verbs of an election, as written (past tense: the result is reported)
ELECTED = re.compile(r"\b(?P<verb>(?:re-?)?(?:elected|appointed|chose|chosen|selected|nominated|designated))\b", re.I)
#: "was elected", "have been unanimously re-elected": the clause is passive
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|be|being)\s+(?:(?:also|unanimously|duly|formally|newly|then)\s+)?$", re.I)
#: where a title ends
_TITLE_END = re.compile(r"\s*(?:,|;|:|\(|\)|\.(?:\s|$)|$)|\s+(?:and|for|until|till|from|in|on|with|by|after|while|whereas|to\s+(?:serve|succeed|replace)"
                        r"|who|which|effective|starting|during|at\s+(?:its|their|the)\s+(?:meeting|assembly|session))\b")
#: the end of a clause: a passive clause's subjects start after it
_CLAUSE_START = re.compile(r"(?:^|;|,\s*(?:while|whereas|but|and)\s|\bwhile\s|\bwhereas\s)", re.I)
#: subjects that stand for the body whose assembly it is
_ASSEMBLY_WORDS = {"assembly", "congress", "council", "board", "members", "delegates", "participants", "meeting", "committee",
                   "conference", "plenary", "session", "electors", "voters", "membership", "it", "they", "representatives"}
#: heads of the units a title may name without a name: "Chair of the Council"
_UNIT_HEADS = {"council", "board", "committee", "bureau", "executive", "commission", "panel", "assembly", "group", "secretariat"}


def plain_title(title: str) -> str:
    """A title written in the plural made singular ("Vice-Presidents", "Secretaries-General");
    others as written.

    >>> plain_title("Vice-Chairs"), plain_title("Treasurer")
    ('Vice-Chair', 'Treasurer')
    """
    words = title.split()
    for n, w in enumerate(words):
        parts = w.split("-")
        for k, p in enumerate(parts):
            low = p.lower()
            one = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low
            if one != low and one in ROLE_NOUNS:
                parts[k] = p[:len(one) - (1 if low.endswith("ies") else 0)] + ("y" if low.endswith("ies") else "")
        words[n] = "-".join(parts)
    return " ".join(words)


def _is_title(text: str) -> bool:
    """Whether ``text`` is a post's title: ends in a role noun, at most five words ("Vice-Presidents",
    "President-elect", "Secretary-General", "Chair of the Council" not: the body is read apart)."""
    words = [ROLE_ABBREVIATIONS.get(w.strip(".").lower(), w.strip(".").lower()) for w in plain_title(text).split()]
    if not 0 < len(words) <= 5 or not text[:1].isalpha():
        return False
    last = re.sub(r"-(?:elect|general)$", "", words[-1])
    if last == "general" and len(words) > 1:  # "Secretary General", "Director General"
        last = words[-2]
    return last in ROLE_NOUNS or last.split("-")[-1] in ROLE_NOUNS


def _title_at(ex, at: int, end: int) -> tuple[str, int] | None:
    """The title written at ``at`` (after "as" or the verb): ``(title, end offset)``, or None."""
    tm = re.match(r"(?:(?:the|its|their|a|an|new|next|first|sole)\s+)*", ex.text[at:end])
    a = at + tm.end()
    stop = _TITLE_END.search(ex.text, a, end)
    b = stop.start() if stop else end
    title = ex.text[a:b].strip()
    of = re.match(r"(?P<title>.+?)\s+(?:of|at)\s+(?:the\s+)?.+$", title)
    if of and _is_title(of.group("title")):
        return of.group("title"), a + len(of.group("title"))
    return (title, b) if _is_title(title) else None


def _body_after(ex, s, b: int, ev) -> str | None:
    """The body written right after a title: "of the X" (a name), or "of the Council" (a body named
    before with that head, else that unit of the body named nearest before)."""
    om = re.match(r"\s+(?:of|at)\s+(?:the\s+|its\s+)?", ex.text[b:s.end])
    if om is None:
        return None
    at = b + om.end()
    named = next((o for o in s.mentions if o.label == "ORG" and o.start == at), None)
    if named is not None:
        return ex.org(named, ev)
    hm = re.match(r"([A-Z][a-z]+)\b", ex.text[at:s.end])
    if hm is None or hm.group(1).lower() not in _UNIT_HEADS:
        return None
    return _unit_referred(ex, s, hm.group(1), ev)


def _bodies_before(ex, s) -> list[Mention]:
    return [o for t in ex.sentences if t.start < s.start for o in t.mentions if o.label == "ORG"] + \
           [o for o in s.mentions if o.label == "ORG"]


def _unit_referred(ex, s, head: str, ev) -> str | None:
    """"the Council": the body named before whose name ends with "Council"; else the council of the
    body named nearest before (a unit made for it, as rosters do)."""
    before = [o for o in _bodies_before(ex, s) if o.start < s.end]
    same = [o for o in before if re.search(rf"\b{re.escape(head)}\b", o.extra.get("name") or o.text, re.I)]
    if same:
        return ex.org(same[-1], ev)
    i = next((n for n, t in enumerate(ex.sentences) if t.start == s.start), 0)
    near = [o for t in ex.sentences[max(0, i - 3):i + 1] for o in t.mentions if o.label == "ORG" and o.start < s.end]
    if not near:
        return None
    parent = ex.org(near[-1], ev)
    if parent is None:
        return None
    if head.lower() in ex.x.entities[parent].label.lower():
        return parent
    return unit_of(ex, parent, head, s, ev)


def _assembly_owner(ex, s, ev) -> str | None:
    """The body that held the assembly the document reports: the organizer of its reported event,
    leaving out a body said to host it; None unless exactly one is left."""
    event = reported_event(ex)
    if event is None or event not in ex.x.entities:
        return None
    owners = []
    for f in ex.x.facts:
        if f.subject == event and f.predicate == "schema:organizer" and f.obj not in owners:
            host = re.search(r"\bhosted\s+by\b(?P<host>[^.;]*)", f.evidence.quote, re.I)
            names = {ex.x.entities[f.obj].label, *ex.x.entities[f.obj].acronyms, *ex.x.entities[f.obj].alt_labels}
            if not (host and any(n in host.group("host") for n in names)):
                owners.append(f.obj)  # "hosted by the Y": Y hosts the X's assembly; it is not Y's
    owners = [o for o in owners if o.startswith("organization/")]
    return owners[0] if len(owners) == 1 else None


def _electing_body(ex, s, verb_at: int, ev) -> str | None:
    """The body that elects in an active clause: the subject when it is a body, the body of "the
    General Assembly of the X", or for "The Assembly" / "Delegates" the body that held the assembly."""
    i = max((m.end() for m in _CLAUSE_START.finditer(ex.text, s.start, verb_at)), default=s.start)
    subject = ex.text[i:verb_at]
    bodies = [o for o in s.mentions if o.label == "ORG" and i <= o.start and o.end <= verb_at]
    if bodies:
        return ex.org(bodies[-1], ev)
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", subject)]
    if not any(w in _ASSEMBLY_WORDS for w in words) or any(o.label == "PERSON" for o in s.mentions if i <= o.start < verb_at):
        return None
    owner = re.search(r"\bthe\s+([A-Z][a-z]+)(?:['’]s\b|\s+(?=[a-z]))|\bof\s+the\s+([A-Z][a-z]+)\b", subject)
    if owner:  # "the Union's members", "Members of the Society": the one body named before with that head
        head = owner.group(1) or owner.group(2)
        named = {ex.org(o, ev) for o in _bodies_before(ex, s) if o.start < verb_at
                 and re.search(rf"\b{re.escape(head)}\b", o.extra.get("name") or o.text)}
        named.discard(None)
        return next(iter(named)) if len(named) == 1 else None
    return _assembly_owner(ex, s, ev)


def read_elections(ex, s) -> None:
    """Read the election results in sentence ``s`` of extractor ``ex`` (see the module docstring)."""
    ev = None
    for vm in ELECTED.finditer(s.text):
        if ev is None:
            ev = ex.ev(s, "rule:election")
        verb_at, after = s.start + vm.start(), s.start + vm.end()
        passive = _PASSIVE_BEFORE.search(ex.text, s.start, verb_at)
        nxt = ELECTED.search(s.text, vm.end())
        end = s.start + nxt.start() if nxt else s.end
        if passive:
            _read_passive(ex, s, passive.start(), after, end, ev)
        else:
            _read_active(ex, s, verb_at, after, end, ev)
    if ev is None and _recent_election(ex, s):
        _read_taking_office(ex, s)


#: "elected a new Executive Committee", "elected its officers for 2025-2027": the results follow
_OFFICERS = re.compile(r"\s+(?:(?:a|its|their|the)\s+)?(?:new\s+)?(?:(?:[A-Z][a-z]+|executive|governing|steering)\s+)?"
                       r"(?:Committee|Board|Council|Bureau|Executive|officers|office[- ]bearers|leadership|committee|board|council|bureau)\b")

#: after an election: "A becomes Chair", "B takes over as Treasurer", "C is the new Secretary"
_TAKES = re.compile(r"\s+(?:becomes|became|will\s+become|takes\s+over\s+as|took\s+over\s+as|will\s+take\s+over\s+as|steps\s+in\s+as"
                    r"|stepped\s+in\s+as|moves\s+up\s+to|moved\s+up\s+to|is\s+(?:now\s+)?the\s+new|was\s+named|is\s+named|serves\s+as|will\s+serve\s+as)\s+")
#: "The new Treasurer is D", "Its new Secretary will be E"
_NEW_TITLE_IS = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+new\s+(?P<title>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:is|will\s+be)\s+")


#: a person's name where the model found none: two to four capitalised words, titles before it
_NAME = re.compile(r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+)*(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’.-]*|van|von|de|da|der|del|bin|al|el|le|la)){1,3})$")


def _people(ex, s, a: int, b: int) -> list[Mention]:
    """The people named between ``a`` and ``b``, one or more for each item of the list there ("A,
    B (X) and Dr. C of the Y"): the mentions the finder made, else, since the object of "elected
    ... as President" is a person, a name of a person's shape ("Mere Tulia (Samoa Bureau of
    Statistics)"); an item naming a body or place outside parentheses, or of no name's shape
    ("a geologist from Chile"), gives no one."""
    out = []
    for ia, ib in _items(ex.text, a, b):
        found = [o for o in s.mentions if o.label == "PERSON" and ia <= o.start and o.end <= ib]
        if found:
            out += found
            continue
        if any(o.label in ("ORG", "GPE", "CITY") and ia <= o.start < ib and not _in_parentheses(ex.text, ia, o.start) for o in s.mentions):
            continue
        bare = re.sub(r"\s*\([^()]*\)\s*$", "", ex.text[ia:ib]).strip()
        nm = _NAME.match(bare)
        if nm is None or not _person_shaped(nm.group("name"), ex.places):
            continue
        at = ex.text.index(nm.group("name"), ia)
        out.append(Mention(at, at + len(nm.group("name")), nm.group("name"), "PERSON", method="election"))
    return out


def _items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The items of the list between ``a`` and ``b``, split at ", ", " and " and ", and " outside
    parentheses: ``(start, end)`` of each, stripped."""
    out, depth, start = [], 0, a
    i = a
    while i < b:
        c = text[i]
        depth += (c == "(") - (c == ")")
        sep = re.match(r",\s*(?:and\s+)?|\s+and\s+|;\s*", text[i:b]) if depth == 0 else None
        if sep:
            out.append((start, i))
            i = start = i + sep.end()
            continue
        i += 1
    out.append((start, b))
    stripped = []
    for ia, ib in out:
        seg = text[ia:ib]
        lead = len(seg) - len(seg.lstrip())
        if seg.strip():
            stripped.append((ia + lead, ia + lead + len(seg.strip())))
    return stripped


def _in_parentheses(text: str, a: int, at: int) -> bool:
    """Whether offset ``at`` lies inside parentheses opened after ``a``: "A (Samoa Bureau of Statistics)"."""
    return text.count("(", a, at) > text.count(")", a, at)


#: words of a unit's or a team's name that no person's name holds
_UNIT_NAME_WORDS = {"Team", "Teams", "Unit", "Services", "Service", "Department", "Board", "Committee", "Council", "Secretariat",
                    "Group", "Office", "Data", "Network", "Centre", "Center", "Portal", "Platform", "Project", "Programme"}


def _person_shaped(name: str, places) -> bool:
    """Whether ``name`` may be a person's: no role noun, no head of a body's name, no place and no
    word of a place's people ("Nordic Team", "Data Services", "Bergen" are not).

    >>> from collabkg.loaders.registry import load_places
    >>> _person_shaped("Ana Ruiz", load_places()), _person_shaped("Nordic Team", load_places()), _person_shaped("Data Services", load_places())
    (True, False, False)
    """
    words = name.split()
    return not any(w.lower() in ROLE_NOUNS or w in HEADS or w in _UNIT_NAME_WORDS or places.country(w) is not None
                   or w in places.cities or places.country_of_adjective(w) is not None or w in _REGIONAL for w in words)


#: adjectives of regions, not of one country ("Nordic", "Andean")
_REGIONAL = {"Nordic", "Baltic", "Andean", "Arctic", "Antarctic", "Pacific", "Atlantic", "African", "European", "Asian", "Caribbean",
             "Alpine", "Scandinavian", "Mediterranean", "Arab", "Latin", "Polar", "Global", "International", "National", "Regional"}


def _hold(ex, s, people: list[Mention], title: str, body: str | None, ev) -> bool:
    if body is None or not people:
        return False
    title = plain_title(title)
    for o in people:
        person = ex.person(o, ev)
        if any(v.start == s.start and body in ex.x.objects(p, "org:postIn") for p in ex.x.objects(person, "org:holds")
               for v in ex.x.entities[p].evidence):
            continue  # a pattern read this person's post in this body from the sentence: it stands
        ex.add_post(person, title, body, ev)
    ex.election_body, ex.election_at = body, s.start
    return True


def _read_active(ex, s, verb_at: int, after: int, end: int, ev) -> None:
    """"<subject> elected A as President, B and C as Vice-Presidents and D as Treasurer"."""
    items = []
    start = after
    for am in re.finditer(r"\s+(?:as|to\s+be)\s+", ex.text[after:end]):
        at = after + am.end()
        found = _title_at(ex, at, end)
        if found is None:
            continue
        title, b = found
        people = _people(ex, s, start, after + am.start())
        if people:
            items.append((people, title, _body_after(ex, s, b, ev)))
        start = b
    if not items:
        officers = _OFFICERS.match(ex.text, after, end)
        if officers:  # the names follow after a colon, or in the next sentences
            body = _electing_body(ex, s, verb_at, ev)
            if body is not None:
                ex.election_body, ex.election_at = body, s.start
                colon = re.match(r"[^:;.]{0,60}?:\s*", ex.text[officers.end():end])
                if colon:
                    _read_titled_list(ex, s, officers.end() + colon.end(), end, body, officers.group(0), ev)
        return
    default = next((body for _, _, body in items if body), None) or _electing_body(ex, s, verb_at, ev)
    for people, title, body in items:
        _hold(ex, s, people, title, body or default, ev)


def _read_titled_list(ex, s, a: int, b: int, body: str, elected: str, ev) -> None:
    """"... elected its new Executive Board: President A (Chile), Vice-Presidents B and C, Secretary D
    and Treasurer E": each title written before its holders' names; an item with no title of its
    own goes on with a title written in the plural before it ("Vice-Presidents B (X) and C (Y)").
    Each holds the post in ``body``; when the body elected a board, committee or council
    (``elected``), its holders are members of that unit of the body too, and so are the people
    listed with no title ("elected its new Council: A, B and C")."""
    unit = None
    um = re.search(r"((?:[A-Z][a-z]+\s+){0,2})\b(Committee|Board|Council|Bureau|committee|board|council|bureau)\b", elected)
    named = None if um is None else (um.group(1) + um.group(2).capitalize()).strip()  # "Executive Board", "Council"
    title = None
    plural = False
    for ia, ib in _items(ex.text, a, b):
        people = [o for o in s.mentions if o.label == "PERSON" and ia <= o.start and o.end <= ib] or _people(ex, s, ia, ib)
        head = ex.text[ia:people[0].start].strip() if people else ""
        if people and head and _is_title(head):
            title, plural = head, plain_title(head) != head
        elif people and not head and title is not None and plural:
            pass  # "... and C (Y)": the plural title before goes on
        elif people and not head:
            title = None  # "elected its new Council: A, B and C": members of it, no post named
        elif not people:
            found = None
            words = re.sub(r"\s*\([^()]*\)\s*$", "", ex.text[ia:ib]).split()
            for k in range(min(5, len(words) - 2), 0, -1):  # "Secretary Tom Berg": the model found no name
                t, name = " ".join(words[:k]), " ".join(words[k:])
                if _is_title(t) and _NAME.fullmatch(name) and _person_shaped(name, ex.places):
                    at = ex.text.index(name, ia)
                    found = (t, [Mention(at, at + len(name), name, "PERSON", method="election")])
                    break
            if found is None:
                title = None
                continue
            (title, people), plural = found, plain_title(found[0]) != found[0]
        else:
            title = None  # an item that is no "title name": the list is over, or not one of posts
            continue
        if title is not None:
            _hold(ex, s, people, title, body, ev)
        if um is not None:  # the seats on the unit elected, with a post or without
            unit = unit or unit_of(ex, body, named, s, ev)
            for o in people:
                ex.x.add(ex.person(o, ev), "org:memberOf", unit, ev)


def _read_passive(ex, s, aux_at: int, after: int, end: int, ev) -> None:
    """"A and B were elected Vice-Chairs (of the X)", "C was re-elected as Treasurer"."""
    i = max((m.end() for m in _CLAUSE_START.finditer(ex.text, s.start, aux_at)), default=s.start)
    people = _people(ex, s, i, aux_at)
    if not people:
        return
    am = re.match(r"\s+(?:as\s+|to\s+(?:be\s+)?(?:the\s+)?(?:post|position|office|role)\s+of\s+|to\s+(?:be\s+)?)?", ex.text[after:end])
    found = _title_at(ex, after + am.end(), end)
    agent_at = None
    if found is None:  # "was elected by the X as its Vice-Chair"
        bm = re.match(r"\s+by\s+(?:the\s+)?(?P<agent>[^,;]{2,120}?)\s+as\s+", ex.text[after:end])
        if bm is None:
            return
        agent_at = after + bm.start("agent")
        found = _title_at(ex, after + bm.end(), end)
        if found is None:
            return
    title, b = found
    body = _body_after(ex, s, b, ev)
    if body is None:
        agent = re.match(r"[^.;]*?\bby\s+(?:the\s+|its\s+)?", ex.text[b:end])
        if agent_at is not None or agent:
            _hold(ex, s, people, title, _electing_body_at(ex, s, agent_at if agent_at is not None else b + agent.end(), end, ev), ev)
            return
        body = ex.election_body if _recent_election(ex, s) else _assembly_reported(ex, s, ex.text[after - 12:after], ev)
    _hold(ex, s, people, title, body, ev)


#: the name of an event at which a body's members elect its officers
_ASSEMBLY_EVENT = re.compile(r"\b(?:(?:General|Annual|Ordinary|Extraordinary)\s+(?:Assembly|Meeting|Conference)|Assembly|Congress"
                             r"|General\s+Meeting|Plenary)\b", re.I)


def _assembly_reported(ex, s, verb: str, ev) -> str | None:
    """"Dr. A was elected Treasurer." with no body named and no election read just before: the body that
    held the assembly the document reports (an event named as one: "General Assembly", "Congress"),
    when the verb is one of voting ("elected", not "appointed")."""
    if not re.search(r"elected$", verb, re.I):
        return None
    event = reported_event(ex)
    if event is None or event not in ex.x.entities or not _ASSEMBLY_EVENT.search(ex.x.entities[event].label):
        return None
    return _assembly_owner(ex, s, ev)


def _electing_body_at(ex, s, at: int, end: int, ev) -> str | None:
    """"... by the General Assembly of the X" / "by the X": the body after "by"."""
    named = next((o for o in s.mentions if o.label == "ORG" and at <= o.start < end), None)
    if named is not None:
        return ex.org(named, ev)
    word = re.match(r"[A-Za-z]+", ex.text[at:end])
    return _assembly_owner(ex, s, ev) if word and word.group(0).lower() in _ASSEMBLY_WORDS else None


def _recent_election(ex, s) -> bool:
    """Whether this sentence or one of the two before it read an election (its results, or "elected
    a new Board" with the results to follow)."""
    if ex.election_body is None or ex.election_at is None:
        return False
    i = next((n for n, t in enumerate(ex.sentences) if t.start == s.start), 0)
    return any(t.start == ex.election_at for t in ex.sentences[max(0, i - 2):i + 1])


def _read_taking_office(ex, s) -> None:
    """Just after an election: "A becomes Chair", "B took over as Treasurer", "The new Secretary is
    C", each a post in the body of that election (or in the body written after the title)."""
    ev = None
    for m in _TAKES.finditer(ex.text, s.start, s.end):
        found = _title_at(ex, m.end(), s.end)
        i = max((c.end() for c in _CLAUSE_START.finditer(ex.text, s.start, m.start())), default=s.start)
        people = _people(ex, s, i, m.start()) if found else []
        if people:
            ev = ev or ex.ev(s, "rule:election")
            _hold(ex, s, people, found[0], _body_after(ex, s, found[1], ev) or ex.election_body, ev)
    for m in _NEW_TITLE_IS.finditer(ex.text, s.start, s.end):
        if not _is_title(m.group("title")):
            continue
        stop = re.search(r"\s+(?:of|from|at)\s|[,;(]|\.(?:\s|$)", ex.text[m.end():s.end])
        people = _people(ex, s, m.end(), m.end() + stop.start() if stop else s.end)
        if people:
            ev = ev or ex.ev(s, "rule:election")
            _hold(ex, s, people, m.group("title"), ex.election_body, ev)
