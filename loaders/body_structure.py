"""Which body a unit is part of, read from the mentions' order in the text: "X of Y", "X, Y",
"X Y" and "X at Y" where X is a unit (``X.parent``, or hosted by Y), chains of them
("Laboratory, Institute, Academy"), and the country written after a body's name."""

from __future__ import annotations

import re

from collabkg.loaders.body_names import UNIT_CLASSES, governing_unit
from collabkg.loaders.mention_model import Mention


def _part_of(m: Mention, body: Mention) -> bool:
    """Whether ``body`` is ``m`` or one of the bodies ``m`` is a part of (its parent, their parents)."""
    seen = 0
    while m is not None and seen < 20:
        if m is body:
            return True
        m, seen = m.parent, seen + 1
    return False


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
        if (m.method == "acronym-use" or re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", m.text)) and not gap.group(0).strip():
            continue  # "the NDI Polar Laboratory": a body's acronym before a unit's name is the unit's body, not a unit of it
        # "the Executive Committee of the X", "the Science Advisory Board of the X": a body named by its
        # function only is the named body's own
        if m.entry is None and "of" in gap.group(0) and m.cls not in UNIT_CLASSES and governing_unit(m.text):
            m.cls = "OrganizationalUnit"
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
            # "the Department of Glaciology, University of X", "Office of International Relations, Nordic Academy": a unit of a university or academy
            department = m.cls == "GovernmentAgency" and m.text.split()[0] in ("Department", "Faculty", "School", "Office", "Secretariat") \
                and nxt.cls in ("Academy", "University", "ResearchInstitute")
            if gap.group(0).strip().endswith(",") and not department \
                    and not (m.cls in ("Division", "Bureau", "ResearchCenter", "NationalCommittee") and nxt.cls in ("Academy", "University", "ResearchInstitute")) \
                    and not (closing and m.cls in ("ResearchInstitute", "ResearchCenter", "Division", "Bureau") and not m.entry
                             and nxt.cls in ("Academy", "University", "GovernmentAgency", "ResearchInstitute")):
                # "A, B and C" is a list, not a unit and its parent; but in "(Director of the
                # Institute of Geophysics, China Earthquake Administration)" the second body closes
                # the phrase: the unit and its parent
                continue
            if _part_of(nxt, m):
                continue  # "NOAA Ocean Exploration Division": read the other way already; no body is its own part
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
                                                       or (nxt.entry is not None and nxt.entry.kind in ("Academy", "University", "GovernmentAgency"))) \
                and not _part_of(nxt, p):
            p.parent = nxt
    # "the Digital Curation Centre (DCC) at the University of Edinburgh": a unit of, or hosted by, a body
    for m in orgs:
        g = re.match(r"\s*(?:\([^()]{1,15}\)\s*)?\s+(?:at|within)\s+(?:the\s+)?", text[m.end:m.end + 30])
        nxt = by_start.get(m.end + g.end()) if g else None
        if nxt is None or nxt.label != "ORG" or m.parent is not None or m.entry is not None:
            continue
        if nxt.cls in ("University", "Academy", "ResearchInstitute") and m.cls not in ("Project", "Program", "Platform", "FundingProgram", "University", "Academy"):
            if _part_of(nxt, m):
                continue
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
