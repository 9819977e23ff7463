"""Rosters: a body's officers or members given as a list of names.

Reports and news items list who sits on a board in one sentence, the post of each in parentheses
or none at all::

    Officers of the Board: Ana Ruiz (Vice-President), Tom Berg (Secretary) and Lee Kim (Treasurer).
    Members of the Steering Committee will be Tom Berg, Anna Holm, Sara Lind and Per Olsen.
    Members of the Executive Committee: Ana Ruiz, Tom Berg and Lee Kim.

Each listed person with a post in parentheses holds that post in the body (``org:Post``); one
without holds no post the text names and is a member of it (``org:memberOf``), or, for "the members
of the Board" of a body named before, of that body's board: a unit "Board of the <body>" made for
it (``org:subOrganizationOf`` the body). The body is the
one the sentence names, or, for "the Board" / "the Council" without a name, the last body named
before whose name has that head noun; for a governing unit ("the Board", "the Executive Committee")
the body it belongs to: the nearest body named, or referred back to by its head noun ("the Council"
after "the International Polar Council"), in the three sentences before (its officers are that
body's officers). With no body named that close, the list is not read: the body the text is about
is not guessed (tried: the body named most often joined a news item's officers to its publisher).

>>> ROSTER_RE.match("Officers of the Board include A (Vice-President) and B (Secretary).").group("body")
'the Board'
"""

from __future__ import annotations

import re

from collabkg.loaders.body_names import HEADS
from collabkg.loaders.lists import no_parents
from collabkg.loaders.mention_model import Mention
from collabkg.loaders.relations import ROLE_NOUNS

__all__ = ["ROSTER_RE", "ROLE_ABBREVIATIONS", "unit_label", "unit_of", "reported_event", "read_rosters", "read_on_behalf", "read_titled_people", "read_joined_bodies",
           "read_speaker_lists"]

_QUALIFIERS = r"(?:(?:other|ordinary|new|current|elected|founding|full|permanent|appointed|newly[- ]elected)\s+)*"
_WHO = r"(?:officers|office[- ]bearers|members|board\s+members|committee\s+members|council\s+members|executive\s+members)"
ROSTER_RE = re.compile(
    rf"^(?:the\s+)?{_QUALIFIERS}(?P<who>{_WHO})(?:\s+of\s+(?P<body>(?:the\s+)?[A-Z][^,:;()]*?))?"
    r"\s*(?:(?:are|were|will\s+be|include|included|comprise|are\s+now)\s*:?|:)\s+(?P<list>(?-i:[A-Z]).+)$", re.I)

#: head nouns of a body's governing units: "the Board" without a name is the board of the body named before
_UNIT_HEADS = {"board", "council", "committee", "bureau", "secretariat", "executive", "commission", "panel", "team"}

_PAREN_ROLE = re.compile(r"\s*\(\s*(?P<role>[^()]{2,60}?)\s*\)")


#: abbreviated titles as news items write them ("Sec. General", "Dir. Finance")
ROLE_ABBREVIATIONS = {"sec": "secretary", "secy": "secretary", "dir": "director", "pres": "president", "asst": "assistant",
                      "assoc": "associate", "dep": "deputy", "chmn": "chairman", "coord": "coordinator", "mgr": "manager",
                      "dg": "director-general", "vp": "vice-president", "sg": "secretary-general", "ed": "editor"}


def _is_role(text: str) -> bool:
    """Whether ``text`` (in parentheses after a name) is a post: "Vice-President", "Secretary General",
    "Sec. General".

    >>> _is_role("Sec. General"), _is_role("Fellow"), _is_role("Ocean Data")
    (True, True, False)
    """
    words = [ROLE_ABBREVIATIONS.get(w.strip(".,"), w.strip(".,")) for w in re.split(r"[\s/]+", text.lower()) if w.strip(".,")]
    return 0 < len(words) <= 5 and any(w in ROLE_NOUNS or w.split("-")[-1] in ROLE_NOUNS for w in words)


_NAME = re.compile(r"(?:(?:Dr|Prof|Mr|Ms|Mrs|Sir)\.?\s+)*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|van|von|de|da|der|del|bin|al|el|le|la)){1,3})$")


def _items(text: str, at: int) -> list[tuple[int, int, str, str | None]] | None:
    """The list ``text`` (starting at offset ``at``) as ``(start, end, name, post)`` items, or None
    when it is not just names with optional posts in parentheses."""
    body = text.rstrip(" .;")
    out = []
    # split on commas and "and" outside parentheses, keeping offsets
    pos, depth, start = 0, 0, 0
    cuts = []
    while pos < len(body):
        c = body[pos]
        depth += c == "("
        depth -= c == ")"
        if depth == 0 and c in ",;":
            cuts.append((start, pos)); start = pos + 1
        elif depth == 0 and body.startswith(" and ", pos):
            cuts.append((start, pos)); start = pos + 5; pos += 4
        pos += 1
    cuts.append((start, len(body)))
    for a, b in cuts:
        piece = body[a:b]
        if not piece.strip():
            continue
        if piece.lstrip().startswith("and "):
            a += piece.index("and ") + 4
            piece = body[a:b]
        post = None
        pm = re.search(r"\s*\(\s*([^()]{2,60}?)\s*\)\s*$", piece)
        if pm:
            post, piece = pm.group(1), piece[:pm.start()]
        nm = _NAME.match(piece.strip())
        if nm is None:
            return None
        lead = len(piece) - len(piece.lstrip())
        n_start = at + a + lead + nm.start("name")
        out.append((n_start, n_start + len(nm.group("name")), nm.group("name"), post))
    return out if len(out) >= 2 else None


def read_rosters(ex, s) -> None:
    """Read a roster sentence ``s`` of extractor ``ex`` (see the module docstring)."""
    text = s.text.strip()
    m = ROSTER_RE.match(text)
    if m is None:
        return
    lead = s.text.index(text)
    list_at = s.start + lead + m.start("list")
    items = _items(ex.text[list_at:s.start + lead + len(text)], list_at)
    if items is None:
        return
    places = {o.text for o in s.mentions if o.label in ("GPE", "CITY", "REGION", "ORG") and o.start >= list_at}
    if any(name in places for _, _, name, _ in items):
        return  # bodies or places, not people
    body = _body(ex, s, m, lead)
    if body is None:
        return
    ev = ex.ev(s, "rule:roster")
    unit = None  # "members of the Board" of a body named before: members of its board, a unit of it
    words = (m.group("body") or "").split()
    if words and words[-1].lower() in _UNIT_HEADS and not any(
            o.label == "ORG" and s.start + lead + m.start("body") <= o.start < s.start + lead + m.end("body") for o in s.mentions):
        words = words[next((n + 1 for n, w in enumerate(words) if re.search(r"['’]s$", w)), 0):]  # past "the network's"
        head = " ".join(w for w in words if w.lower() not in ("the", "its", "their"))
        parent = ex.x.entities[body]
        if head.lower() not in parent.label.lower():
            unit = unit_of(ex, body, head, s, ev)
    for a, b, name, post in items:
        known = next((p for p in s.mentions if p.label == "PERSON" and p.start <= a and b <= p.end), None)
        inside = [p for p in s.mentions if p.label == "PERSON" and a <= p.start and p.end <= b]
        if known is None and not post and len(inside) == 1 and _is_role(ex.text[a:inside[0].start].strip()):
            known, post = inside[0], ex.text[a:inside[0].start].strip()  # "Director Ana Soto": a title, then the name
        person = ex.person(known or Mention(a, b, name, "PERSON", method="roster"), ev)
        if post and _is_role(post):
            ex.add_post(person, post, body, ev)
        if unit is not None or (not (post and _is_role(post)) and m.group("who").lower() != "officers"):
            ex.x.add(person, "org:memberOf", unit or body, ev)  # the officers of the Board sit on it too


def unit_of(ex, body: str, head: str, s, ev) -> str:
    """The unit "the <head>" (Board, Council) of ``body`` that sentence ``s`` speaks of: its entity,
    named by :func:`unit_label`, part of the body (``org:subOrganizationOf``)."""
    unit = f"organization/{body.split('/', 1)[1]}|{head.lower()}"
    ex.x.entity(unit, "organization", ["org:Organization", "org:OrganizationalUnit"], unit_label(ex.text[:s.start], head, ex.x.entities[body]), ev)
    ex.x.add(unit, "org:subOrganizationOf", body, ev)
    return unit


def unit_label(before: str, head: str, parent) -> str:
    """The name of a body's unit that a roster calls "the Board": as the text named it before ("a vote
    for the next Governing Board" -> "Governing Board"), after the body's acronym when it has one
    ("PDC Governing Board"), else "Governing Board of the <body>".

    >>> from collabkg.loaders.facts import Entity
    >>> unit_label("Members chose the President and the Governing Board.", "Board", Entity("k", "organization", [], "Polar Council", acronyms={"PC"}))
    'PC Governing Board'
    >>> unit_label("", "Board", Entity("k", "organization", [], "Polar Council"))
    'Board of the Polar Council'
    """
    if " " not in head:
        named = [m.group(1) for m in re.finditer(rf"\b((?:[A-Z][a-z]+\s+){{1,3}}){re.escape(head)}\b", before)]
        mods = [w for w in (named[-1].split() if named else []) if w not in ("The", "A", "An", "New", "Its", "Their", "This", "Our")]
        head = " ".join([*mods, head])
    acronym = min(parent.acronyms, key=len) if parent.acronyms else None
    return f"{acronym} {head}" if acronym else f"{head[:1].upper()}{head[1:]} of the {parent.label}"


def _body(ex, s, m, lead: int) -> str | None:
    """The body whose roster it is (an entity key), or None."""
    ev = ex.ev(s, "rule:roster")
    if m.group("body"):
        a, b = s.start + lead + m.start("body"), s.start + lead + m.end("body")
        named = [o for o in s.mentions if o.label == "ORG" and a <= o.start and o.end <= b]
        if named:  # "members of the Executive Committee of the Institute": the committee's
            return ex.org(named[0], ev)
        head = m.group("body").split()[-1]
        before = [o for t in ex.sentences if t.end <= s.start for o in t.mentions if o.label == "ORG"]
        owner = re.match(r"(?:the\s+)?([a-z]+)['’]s\s", m.group("body"))
        if owner:  # "the network's steering committee": the committee of the network named before, or none
            same = [o for o in before if re.search(rf"\b{re.escape(owner.group(1))}\b", o.extra.get("name") or o.text, re.I)]
            return ex.org(same[-1], ev) if same else None
        same = [o for o in before if re.search(rf"\b{re.escape(head)}\b", o.extra.get("name") or o.text, re.I)]
        if same:
            return ex.org(same[-1], ev)
        if head.lower() not in _UNIT_HEADS:
            return None
    # the nearest body named, or referred to as "the Council" / "the Academy", in the three sentences before
    i = next((n for n, t in enumerate(ex.sentences) if t.start == s.start), 0)
    for t in reversed(ex.sentences[max(0, i - 3):i]):
        found = [(o.start, o) for o in t.mentions if o.label == "ORG"]
        for rm in re.finditer(r"\bthe\s+(?:new\s+)?([A-Z][a-z]+)\b(?!\s+[A-Z])", t.text):
            head = rm.group(1)
            if not HEADS.get(head):
                continue
            named = [o for u in ex.sentences[:i] for o in u.mentions
                     if o.label == "ORG" and o.start < t.start + rm.start() and re.search(rf"\b{head}\b", o.extra.get("name") or o.text)]
            if named:
                found.append((t.start + rm.start(), named[-1]))
        if found:
            return ex.org(max(found, key=lambda f: f[0])[1], ev)
    return None


_ON_BEHALF = re.compile(r"\b(?:On|on)\s+behalf\s+of\s+(?:the\s+)?")


def read_on_behalf(ex, s) -> None:
    """"On behalf of the PDA, Vice-President A and Steering Committee Member B spoke": people
    introduced by their title, speaking for a body, hold that post in it (``rule:on-behalf``).

    Each item is a title ending in a role noun ("Vice-President", "Committee Member") and a name of
    two or three capitalised words; the items follow the body and a comma, joined by commas or
    "and", up to the verb. Or one post in lower case, after "its" or none, right before a name the
    finder read ("On behalf of the X, its director A welcomed ..."). Anything else there and nothing
    is read.
    """
    om = _ON_BEHALF.search(s.text)
    if om is None:
        if re.search(r"\bsigned\s+for\b", s.text):
            _people_on_behalf(ex, s)  # "B, its director, signed for the X"
        return
    _people_on_behalf(ex, s)
    at = s.start + om.end()
    body_m = next((o for o in s.mentions if o.label == "ORG" and o.start == at), None)
    if body_m is None or not ex.text.startswith(",", body_m.end):
        return
    # "On behalf of the X, its director Ana Soto welcomed ...", "..., its director, Ana Soto, spoke": a post
    # in lower case (after "its"), then the name
    lower = re.match(r",\s*(?:(?:its|their|the)\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*),?\s+", ex.text[body_m.end:s.end])
    if lower and _is_role(lower.group(1)) and lower.group(1).split()[-1].split("-")[-1] in ROLE_NOUNS:
        person = next((p for p in s.mentions if p.label == "PERSON" and p.start == body_m.end + lower.end()), None)
        if person is not None:
            ev = ex.ev(s, "rule:on-behalf")
            body = ex.org(body_m, ev)
            if body is not None:
                ex.add_post(ex.person(person, ev), lower.group(1), body, ev)
            return
    run = re.match(r",\s*((?:[A-Z][\w'’.-]*(?:\s+and\s+|,\s*(?:and\s+)?|\s+))+)(?=[a-z])", ex.text[body_m.end:s.end])
    if run is None:
        return
    start = body_m.end + run.start(1)
    items = []
    for im in re.finditer(r"[^,]+?(?=\s*,|\s+and\s+|\s*$)", run.group(1).rstrip()):
        words = im.group(0).replace("and ", "", 1).split() if im.group(0).lstrip().startswith("and ") else im.group(0).split()
        cut = max((n for n in range(1, len(words) - 1) if _is_role(" ".join(words[:n])) and re.split(r"[\s-]", words[n - 1])[-1].lower().rstrip(".") in ROLE_NOUNS), default=None)
        if cut is None or not 2 <= len(words) - cut <= 3:
            return
        name = " ".join(words[cut:])
        n_start = ex.text.index(name, start + im.start())
        items.append((" ".join(words[:cut]), name, n_start))
    if not items:
        return
    ev = ex.ev(s, "rule:on-behalf")
    body = ex.org(body_m, ev)
    if body is None:
        return
    for role, name, a in items:
        known = next((p for p in s.mentions if p.label == "PERSON" and p.start <= a and a + len(name) <= p.end), None)
        ex.add_post(ex.person(known or Mention(a, a + len(name), name, "PERSON", method="on-behalf"), ev), role, body, ev)


#: between a signatory's name and "on behalf of": "A signed the memorandum of understanding on behalf of X"
_SIGNED_THE = r"(?:\s+(?:signed|initialled|initialed|countersigned)\s+(?:the|this|that|an?)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?"


#: "A[, Associate Director for X,] signed on behalf of the" / "signed for the": a signatory and the body they sign for
_SIGNED_FOR = re.compile(r"(?:,\s+(?P<appos>[A-Za-z][^,;()]{2,80}?),)?\s+(?:also\s+)?(?:signed|initialled|initialed|countersigned)\s+"
                         r"(?:on\s+behalf\s+of|for)\s+(?:the\s+)?")

#: what may stand between "by" and a name: titles ("Dr.", "Prof.", "Dr. (Mrs.)", "H.E.")
_TITLES_ONLY = re.compile(r"(?:\(?(?:[A-Z][a-z]{0,9}|[A-Z]\.[A-Z])\.\)?\s+)*")


def _people_on_behalf(ex, s) -> None:
    """"signed by Dr. A on behalf of the X", "Dr. A signed the agreement on behalf of the X": a person
    named right before "on behalf of" a body, or before "signed the <agreement>" and it, signs or
    speaks for the body, as its member (``org:memberOf``, ``rule:on-behalf``), unless they hold a post
    there already."""
    for m in s.mentions:
        if m.label != "PERSON":
            continue
        after = re.match(_SIGNED_THE + r"\s*,?\s+on\s+behalf\s+of\s+(?:the\s+)?", ex.text[m.end:s.end])
        body_m = next((o for o in s.mentions if o.label == "ORG" and after and o.start == m.end + after.end()), None)
        if body_m is not None:
            ev = ex.ev(s, "rule:on-behalf")
            ex.add_member(ex.person(m, ev), ex.org(body_m, ev), ev)
    # "Dr. A, Associate Director for X, signed on behalf of the USGS", "B signed for the institute": the
    # person signs the agreement read before for the body named, a party of it
    for m in s.mentions:
        if m.label != "PERSON":
            continue
        sm = _SIGNED_FOR.match(ex.text, m.end, s.end)
        body_m = next((o for o in s.mentions if o.label == "ORG" and sm and o.start == sm.end()), None)
        if body_m is None:
            continue
        ev = ex.ev(s, "rule:on-behalf")
        person, org = ex.person(m, ev), ex.org(body_m, ev)
        if org is None:
            continue
        role = sm.group("appos")
        if role:  # "the centre's director", "its president": the title, of the body signed for
            role = re.sub(r"^(?:(?:the\s+)?[\w-]+['’]s|its|their|the)\s+", "", role.strip())
        # "Associate Director for Core Systems": a post in the body signed for; a title of another body's, none
        _post_or_member(ex, person, role if role and _is_role(role) and not re.search(r"\b(?:of|at)\b", role) else None, org, ev)
        signed = [k for k, e in ex.x.entities.items() if e.kind == "agreement" and org in ex.x.objects(k, "ckg:party")
                  and any(v.start < s.start for v in e.evidence)]
        if len(signed) == 1:
            ex.x.add(signed[0], "ckg:signatory", person, ev)
    # "signed on behalf of the X by its Director, Dr. A, and on behalf of the Y by Prof. B": the body first,
    # then "by" the person, with the post they hold there between (after "its", "their" or "the")
    for body_m in s.mentions:
        if body_m.label != "ORG" or not re.search(r"\bon\s+behalf\s+of\s+(?:the\s+)?$", ex.text[max(s.start, body_m.start - 20):body_m.start]):
            continue
        by = re.match(r",?\s+by\s+(?:(?:its|their|the)\s+(?P<role>(?:[\w-]+\s+){0,3}?[\w-]+),\s*)?", ex.text[body_m.end:s.end])
        # the name may follow its titles ("Dr. (Mrs.) A"): the finder's mention starts after them
        m = next((o for o in s.mentions if o.label == "PERSON" and by and o.start >= body_m.end + by.end()
                  and _TITLES_ONLY.fullmatch(ex.text[body_m.end + by.end():o.start])), None)
        if m is None:
            continue
        role = by.group("role")
        if role is not None and not _is_role(role):
            continue
        ev = ex.ev(s, "rule:on-behalf")
        person, org = ex.person(m, ev), ex.org(body_m, ev)
        if org is None:
            continue
        _post_or_member(ex, person, role, org, ev)


def _post_or_member(ex, person: str, role: str | None, org: str, ev) -> None:
    """The post ``role`` of ``person`` in ``org``, or without a title their membership (unless a post
    of theirs there was read)."""
    if role:
        ex.add_post(person, role, org, ev)
    else:
        ex.add_member(person, org, ev)


_AFTER_NAME = re.compile(r"\s*\((?P<paren>[^()]{2,100})\)|,\s*(?P<comma>[A-Z][^,;()]{1,80}?)(?=\s*(?:[,;)]|\s+and\s+|\s+[a-z]|\.?$))")


def read_titled_people(ex, s) -> None:
    """Posts written right after a name, with the body's name or acronym and no "of": "Prof. A (Sec.
    General, ADC)", "Dr. B (Member ADC and Past Chair ADC)", "Dr. C, Dir. Finance ADC joined the
    talks" (``rule:titled-person``). Each part is a title (abbreviations as in
    :data:`ROLE_ABBREVIATIONS`) followed by a body the mention finder named; anything else is left
    to the other rules.
    """
    for m in s.mentions:
        if m.label != "PERSON":
            continue
        am = _AFTER_NAME.match(ex.text, m.end, s.end)
        if am is None:
            continue
        group = "paren" if am.group("paren") else "comma"
        a, b = am.start(group), am.end(group)
        parts = [(a + pm.start(), a + pm.end()) for pm in re.finditer(r"[^;]+?(?=\s+and\s+|;|$)", ex.text[a:b])]
        for pa, pb in parts:
            while ex.text[pa] in " ;" or ex.text.startswith("and ", pa):
                pa += 4 if ex.text.startswith("and ", pa) else 1
            body = next((o for o in s.mentions if o.label == "ORG" and pa < o.start and o.end == pb), None)
            if body is None:
                continue
            role = re.sub(r"(?:,|\s+of(?:\s+the)?|\s+at(?:\s+the)?)?\s*$", "", ex.text[pa:body.start]).strip()
            if not role or not _is_role(role) or any(o.start < body.start and o.end > pa for o in s.mentions if o is not body):
                continue
            ev = ex.ev(s, "rule:titled-person")
            org = ex.org(body, ev)
            if org is not None:
                ex.add_post(ex.person(m, ev), role, org, ev)


_JOINED = re.compile(
    r"^(?:[\w-]+\s+){0,3}?(?:organi[sz]ations|institutions|bodies|members|centres|centers|universities|institutes|academies|agencies)"
    r"\s+(?:have\s+|had\s+)?(?:joined|became\s+members\s+of)\s+(?:the\s+)?(?P<body>[A-Z][^:;]*?)\s*(?:in\s+(?:19|20)\d\d\s*)?:\s*(?P<list>.+)$")


#: "The X welcomed / admitted / approved the admission of three new members: A, B and C"
_NEW_MEMBERS = re.compile(
    r"^(?P<pre>.*?)\b(?:welcomed|admitted|accepted|approved\s+the\s+admission\s+of|has\s+(?:welcomed|admitted))\s+"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several)\s+)?new\s+(?:national\s+|regular\s+|institutional\s+|full\s+|associate\s+)?"
    r"members(?:\s+(?:of|to|into)\s+(?:the\s+)?(?P<body>[A-Z][^:]*?))?(?:\s+in\s+(?:19|20)\d\d)?\s*:\s*(?P<list>.+)$")


def read_joined_bodies(ex, s) -> None:
    """"Three organizations joined the Polar Data Network in 2023: A, B and C", "The X welcomed three
    new members: A, B and C": each listed body is a member of the body joined (``org:memberOf``,
    ``rule:joined-list``). The body joined is the name the clause starts with (or the subject that
    welcomed them, or the one after "new members of"); the list is the names after the colon (a unit
    written with its own body is one item)."""
    m = _JOINED.match(s.text)
    if m is not None:
        at = s.start + m.start("body")
        body = next((o for o in s.mentions if o.label == "ORG" and o.start == at), None)
    elif (m := _NEW_MEMBERS.match(s.text)) is not None:
        # "The X welcomed three new members: A, B and C": the body is the subject (or the one after "of")
        span = (m.start("body"), m.end("body")) if m.group("body") else (m.start("pre"), m.end("pre"))
        body = next((o for o in s.mentions if o.label == "ORG" and s.start + span[0] <= o.start and o.end <= s.start + span[1]), None)
    else:
        return
    if body is None:
        return
    ev = ex.ev(s, "rule:joined-list")
    target = ex.org(body, ev)
    items = no_parents(ex.mentions_in(s, s.start + m.start("list"), s.start + m.end("list"), labels=("ORG",)), ex, ev)
    for o in items:
        k = ex.org(o, ev)
        if k and target and k != target:
            ex.x.add(k, "org:memberOf", target, ev)


_SPEAKERS = re.compile(r"^(?:The\s+)?(?:(?:keynote|invited|plenary|main)\s+)?(?:speakers|panell?ists|presenters|lecturers|trainers|instructors)"
                       r"\s+(?:included|include|were|are|will\s+be)\s*:?\s+(?P<list>.+)$", re.I)


def reported_event(ex) -> str | None:
    """The event the document reports so far: the rules' main meeting, else the one event read."""
    if ex.main_meeting is not None:
        return ex.main_meeting
    events = [k for k, e in ex.x.entities.items() if e.kind == "event"]
    return events[0] if len(events) == 1 else None


def read_speaker_lists(ex, s) -> None:
    """"Speakers included Dr. A from X, Prof. B from Y and Dr. C": each person listed took part in the
    document's event (``schema:attendee``, ``rule:speaker-list``); their bodies are read by the
    affiliation rule ("from X"). Nothing is read when the document reports no event."""
    m = _SPEAKERS.match(s.text.strip())
    event = reported_event(ex)
    if m is None or event is None or event not in ex.x.entities:
        return
    lead = s.text.index(s.text.strip())
    a = s.start + lead + m.start("list")
    ev = ex.ev(s, "rule:speaker-list")
    for o in s.mentions:
        if o.label == "PERSON" and o.start >= a:
            ex.x.add(event, "schema:attendee", ex.person(o, ev), ev)


#: "From the Nordic Data Centre, Dr. A, Dr. B and Ms. C took part."
_FROM_BODY_PEOPLE = re.compile(r"^From\s+(?:the\s+)?(?P<body>[^,]{3,120}?),\s+(?P<list>.+?)\s+(?:took\s+part|attended|participated"
                               r"|joined|were\s+present|came|spoke|presented)\b", re.I)
#: "Participants from the Finnish Ice Institute included Dr. A and Dr. B."
_BODY_PEOPLE = re.compile(r"^(?:The\s+)?(?:participants|delegates|representatives|experts|scientists|researchers|speakers|members)\s+"
                          r"(?:from|of)\s+(?:the\s+)?(?P<body>.{3,120}?)\s+(?:included|include|were|was|are)\s*:?\s+(?P<list>.+)$", re.I)


def read_people_of_a_body(ex, s) -> None:
    """People listed with the body they come from (``rule:people-of-body``): "From the Nordic Data
    Centre, Dr. A, Dr. B and Ms. C took part", "Participants from the Finnish Ice Institute included
    Dr. A and Dr. B". Each person listed belongs to the body (``org:memberOf``), unless a post of
    theirs in it was read; "took part" (or the like) in a report of an event: each of them, and the
    body, took part in the document's event."""
    text = s.text.strip()
    lead = s.text.index(text)
    m = _FROM_BODY_PEOPLE.match(text) or _BODY_PEOPLE.match(text)
    if m is None:
        return
    a, b = s.start + lead + m.start("body"), s.start + lead + m.end("body")
    bodies = [o for o in s.mentions if o.label == "ORG" and a <= o.start and o.end <= b]
    if len(no_parents(bodies)) != 1:
        return  # no body, or two: whose each person is not said
    ev = ex.ev(s, "rule:people-of-body")
    body = ex.org(no_parents(bodies)[0], ev)
    if body is None:
        return
    la, lb = s.start + lead + m.start("list"), s.start + lead + m.end("list")
    people = [o for o in s.mentions if o.label == "PERSON" and la <= o.start and o.end <= lb]
    event = reported_event(ex) if m.re is _FROM_BODY_PEOPLE else None
    for o in people:
        if re.match(r"\s+(?:of|from)\s|\s*\(", ex.text[o.end:o.end + 8]):
            continue  # "Dr. A of the University of Y": the person's own body, read by the affiliation rule
        person = ex.person(o, ev)
        if not any(body in ex.x.objects(p, "org:postIn") for p in ex.x.objects(person, "org:holds")):
            ex.x.add(person, "org:memberOf", body, ev)
        if event is not None and event in ex.x.entities:
            ex.x.add(event, "schema:attendee", person, ev)
    if people and event is not None and event in ex.x.entities:
        ex.x.add(event, "schema:attendee", body, ev)
