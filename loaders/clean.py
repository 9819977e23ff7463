"""Cleaning: navigation and boilerplate out, metadata (title, dates) kept aside.

HTML goes through trafilatura (main-content extraction and metadata); plain text and Markdown go
through the same line rules, because pages saved as text keep their menus ("Select Page"),
breadcrumbs ("1. Home 2. / 3. ...") and link blocks ("Find out more").

>>> out = clean_text("Select Page\\n\\nAbout us\\n\\n  1. Home\\n  2. /\\n  3. About...\\n\\nWe share data.\\n\\nPage last updated: 2022-02-16.")
>>> out["text"]
'About us\\n\\nWe share data.'
>>> out["title"], out["modified"]
('About us', '2022-02-16')
"""

from __future__ import annotations

import html
import re

__all__ = ["clean_text", "clean_markdown", "clean_html", "BULLET", "is_navigation"]

#: Every list item in cleaned text starts with this marker, whatever the source used.
BULLET = "• "

_NAV_LINES = {
    "select page", "menu", "main menu", "skip to content", "skip to main content", "search", "home",
    "find out more", "read more", "learn more", "back to top", "share", "print", "share this",
    "share this page", "print this page", "related links", "see also", "tags", "previous", "next",
    "toggle navigation", "close", "log in", "login", "sign in", "subscribe", "cookie settings",
    "contact", "contact us", "sitemap", "privacy", "privacy policy",
    "terms of use", "accessibility", "accept", "accept all", "accept all cookies", "english", "中文",
    # a site's sections named alone on a line: headings of the page, never a body or a facility
    "news archive", "news archives", "newsroom", "news room", "press room", "press releases",
    "media centre", "media center", "press centre", "press center", "news centre", "news center", "news and events",
    "news & events", "news and updates", "latest updates", "media room", "press office",
}
#: Words of a site's menu: a line made only of a few of these, separated by "|", "/" or "·", is a menu.
_MENU_WORDS = _NAV_LINES | {
    "about", "about us", "news", "events", "research", "people", "our people", "publications", "programmes", "programs", "projects", "members",
    "resources", "media", "press", "careers", "faq", "help", "blog", "team", "partners", "about the council",
    "our work", "what we do", "who we are", "get involved", "latest news", "membership", "governance", "donate",
    "home page", "homepage", "services", "activities", "documents", "library", "gallery", "calendar", "jobs",
}
_CONTACT_LINE = re.compile(r"^(?:contact(?:\s+us)?|e-?mail|tel|telephone|phone|fax|address)\s*:|[\w.+-]+@[\w-]+\.[\w.]+", re.I)
#: a link's text standing alone: "Link to the agency home page", "Back to news", "Skip to main content"
_LINK_LINE = re.compile(r"^(?:link|go|back|return|skip|jump)\s+to\s+[^.!?]{1,60}$", re.I)
_TAG_LINE = re.compile(r"^(?:tags?|categories|category|keywords|filed\s+under|topics)\s*:", re.I)
_ONE_LINE_CRUMB = re.compile(r"^(?:you are here:\s*)?home\s*(?:>|»|›|/|\\|\|)\s*\S.*$", re.I)
_SOCIAL_LINE = re.compile(r"^(?:follow|like|find)\s+us\s+on\b.{0,60}$|^share\s+(?:on|via)\b.{0,40}$", re.I)
_TABLE_ROW = re.compile(r"^\|(.*)\|$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
# "Nairobi, 12 March 2021 -- The meeting ...": a news dateline, the item's date
# "KINGSTON, Jamaica (June 14, 2024) — The summit ...": a city, its country, the date in parentheses
DATELINE = re.compile(r"^(?:[A-Z][A-Za-z .'’-]{1,40},\s+(?:[A-Z][A-Za-z .'’-]{1,40},?\s+)?)?\(?(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4})|(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))\)?\s*(?:--|—|–|-|:)\s+(?=[A-Z])")
_COOKIE_LINE = re.compile(r"\b(?:uses?|use of)\s+cookies\b|\bcookie\s+(?:policy|settings|preferences)\b", re.I)
_LINK_BLOCK_STARTERS = {"find out more", "related links", "see also", "more information", "learn more", "read more",
                        "latest news", "recent news", "related news", "more news", "recent posts", "related posts",
                        "related articles", "you may also like", "popular posts"}

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON3 = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH_NUM = {m.lower(): i + 1 for i, m in enumerate(_MONTHS.split("|"))}
_MONTH_NUM.update({m.lower(): i + 1 for i, m in enumerate("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec".split("|"))})
_MONTH_NUM["sept"] = 9

_UPDATED = re.compile(r"^(?:page\s+)?(?:last\s+)?(?:updated|modified|last\s+updated|last\s+modified)\s*(?:on)?\s*:?\s*(.+?)\.?$", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = re.compile(rf"\b({_MONTHS}|{_MON3})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS}|{_MON3})\.?,?\s+(\d{{4}})\b", re.I)
_BULLET_RE = re.compile(r"^\s*(?:[•●▪◦‣∙·\-\*\u2013]|\d{1,2}[.)])\s+")
_BYLINE_WORDS = re.compile(r"^(?:by\s+)?[A-Za-z][\w.\-]*(?:\s+[A-Za-z][\w.\-]*){0,2}$")


def _find_date(text: str) -> str | None:
    """Return the first date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    if m := _ISO.search(text):
        return m.group(0)
    if m := _MDY.search(text):
        return f"{int(m.group(3)):04d}-{_MONTH_NUM[m.group(1).lower().rstrip('.')]:02d}-{int(m.group(2)):02d}"
    if m := _DMY.search(text):
        return f"{int(m.group(3)):04d}-{_MONTH_NUM[m.group(2).lower().rstrip('.')]:02d}-{int(m.group(1)):02d}"
    return None


def _is_byline(line: str) -> str | None:
    """A short line that is only a date plus at most three words ("ADMIN  Mar 17, 2018")."""
    date = _find_date(line)
    if not date or len(line) > 60:
        return None
    rest = _MDY.sub("", _DMY.sub("", _ISO.sub("", line))).strip(" |,-–")
    rest = re.sub(r"^(posted|published|date|updated)\s*(on)?\s*:?", "", rest, flags=re.I).strip()
    if rest == "" or _BYLINE_WORDS.match(rest):
        return date
    return None


def _is_breadcrumb(items: list[str]) -> bool:
    low = [i.strip().lower() for i in items]
    return len(items) >= 2 and (("home" in low) and any(i in {"/", ">", "»", "›", "|"} or i.endswith("...") or i.endswith("…") for i in low))


def _is_menu_line(line: str) -> bool:
    """A one-line breadcrumb ("Home > News > Item") or menu ("Home | About | Contact")."""
    if _ONE_LINE_CRUMB.match(line) and len(line) < 160 and not line.rstrip().endswith((".", "!", "?")):
        return True
    parts = [p.strip().lower() for p in re.split(r"\s+[|/·•]\s+|\s*\|\s*", line) if p.strip()]
    return len(parts) >= 3 and all(len(p) < 30 for p in parts) and sum(p in _MENU_WORDS for p in parts) >= max(2, len(parts) - 1)


def clean_text(raw: str) -> dict:
    """Clean a plain-text page; return ``dict(text=..., title=..., modified=..., issued=...)``."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    meta: dict = {}
    out: list[str] = []
    i = 0
    in_link_block = False
    masthead = None  # the page's first line when a menu or breadcrumb right under it was dropped
    while i < len(lines):
        line = lines[i]
        low = line.lower().rstrip(":")
        if not line:
            in_link_block = False if out and out[-1] != "" else in_link_block
            out.append("")
            i += 1
            continue
        if (m := _UPDATED.match(line)) and (date := _find_date(m.group(1))):
            meta["modified"] = date
            i += 1
            continue
        if (_TAG_LINE.match(line) or _CONTACT_LINE.search(line)) and len(line) < 200 and not _BULLET_RE.match(line):
            i += 1
            continue
        # a block of two or more short menu lines ("About Us" / "Our Work" / "Latest News")
        if low in _MENU_WORDS:
            j = i
            while j < len(lines) and lines[j] and lines[j].lower().rstrip(":") in _MENU_WORDS:
                j += 1
            if j - i >= 2:
                i = j
                continue
        if low in _LINK_BLOCK_STARTERS:
            in_link_block = True
            i += 1
            continue
        if low in _NAV_LINES or _LINK_LINE.match(line) or _BRACKETED_LINKS.match(line) or _is_menu_line(line) or (_COOKIE_LINE.search(line) and len(line) < 300) or _SOCIAL_LINE.match(line):
            if _is_menu_line(line) and len([ln for ln in out if ln]) == 1 and out[-1]:
                masthead = out[-1]  # "Polar Data Centre" over "Home / Meetings / Reports": the site's name
            i += 1
            continue
        if _TABLE_ROW.match(line):
            # a table (trafilatura writes "| a | b |" rows): the header row and its rule go, each
            # data row becomes one list item with its cells joined by commas
            if _TABLE_RULE.match(line) or (i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1])):
                i += 1
                continue
            cells = [c.strip() for c in _TABLE_ROW.match(line).group(1).split("|")]
            out.append(BULLET + ", ".join(c for c in cells if c))
            i += 1
            continue
        if (dl := DATELINE.match(line)) and "issued" not in meta and (date := _find_date(dl.group("date"))):
            meta["issued"] = date
            line = line[dl.end():]
        if in_link_block and len(line) < 80 and not line.endswith((".", "!", "?")):
            i += 1  # a link's text under "Find out more"
            continue
        in_link_block = False
        # a run of list items: a breadcrumb is dropped, anything else kept with one bullet marker
        if _BULLET_RE.match(line):
            j = i
            items = []
            while j < len(lines) and (_BULLET_RE.match(lines[j]) or (not lines[j] and j + 1 < len(lines) and _BULLET_RE.match(lines[j + 1]))):
                if lines[j]:
                    items.append(_BULLET_RE.sub("", lines[j]))
                j += 1
            if _is_breadcrumb(items):
                i = j
                continue
            if len(items) == 1 and re.match(r"^\d{1,2}[.)]\s", line) and not line.rstrip().endswith((".", ":")):
                out.append(line)  # "1. something" alone: a numbered sentence, not a list
                i = j
                continue
            out.extend(BULLET + it for it in items)
            i = j
            continue
        if (date := _is_byline(line)) and "issued" not in meta and len(out) <= 4:
            meta["issued"] = date
            i += 1
            continue
        out.append(line)
        i += 1
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    first = _headline(text, masthead)
    if first and len(first) < 250 and not first.startswith(BULLET) and not first.endswith("."):
        meta["title"] = first
    return {"text": text, **meta}


#: what separates the parts of a site's navigation written on one line
_NAV_SEPARATOR = re.compile(r"\s(?:\||>>?|»|›|/)\s")


def is_navigation(line: str) -> bool:
    """A line of a site's navigation: its name, sections or path joined by two or more of "|", ">",
    "»", "/" ("INSA | Activities | Events 2024 | Past Events", "University of Leeds > News >
    Environment"), and not a sentence; or links alone in square brackets ("[Download (PDF)]").

    >>> is_navigation("Leeds University > News > Environment"), is_navigation("Oslo, 3 May 2024 | Ice Centre")
    (True, False)
    >>> is_navigation("[Download the report (PDF, 2 MB)]"), is_navigation("[1] Data policy of the Centre, 2021.")
    (True, False)
    """
    if _BRACKETED_LINKS.match(line):
        return True  # "[Download full report (PDF, 4.2 MB)]", "[Print] [Share]": the page's links
    return len(_NAV_SEPARATOR.findall(line)) >= 2 and len(line) < 200 and not line.rstrip().endswith((".", "!", "?")) \
        and not _FIELD_LINE.search(line)


#: a line made only of links in square brackets
_BRACKETED_LINKS = re.compile(r"^\s*(?:\[[^\[\]\n]{1,80}\]\s*)+$")


#: a page's dateline or byline, fields separated as a menu is ("Source: X | Updated on 2023-03-08 | Font: ...")
_FIELD_LINE = re.compile(r"\b(?:Source|Posted(?:\s+on)?|Published|Updated(?:\s+on)?|Date|Author|By|Font|Venue)\s*:|\bUpdated\s+on\b", re.I)


def _headline(text: str, masthead: str | None = None) -> str:
    r"""The page's headline: its first line, past the site's navigation and the site's name (and its
    tagline) written right above it ("CODATA, The Committee on Data ...\nHome / News / Announcements\nCODATA
    elects ...": the third line), or past ``masthead``, a site's name whose navigation the cleaning
    dropped; past a line of the page's fields or its date ("Source: X | Date: 22 May 2024", "Press
    release 42/2024 - Lima, 19 June 2024") and a breadcrumb ("Programme > Day 1"). A page whose first
    lines are all navigation keeps its first line. A headline in capitals of one word goes on on the
    next line when that starts in lower case ("MINUTES\nof the 14th meeting of ...").

    >>> _headline("Polar Data Centre\nAbout | News | Events 2024\nWorkshop on Ice Data opens\nText.")
    'Workshop on Ice Data opens'
    >>> _headline("Polar Data Centre\nWorkshop on Ice Data opens\nText.", masthead="Polar Data Centre")
    'Workshop on Ice Data opens'
    >>> _headline("Polar Data Centre\nSource: PDC | Date: 3 May 2024\nWorkshop on Ice Data opens\nText.", masthead="Polar Data Centre")
    'Workshop on Ice Data opens'
    >>> _headline("ICE LETTERS\nNewsletter of the Polar Society\nIssue 4 | Spring 2024 | Reports\nForum opens in Oslo\nText.")
    'Forum opens in Oslo'
    """
    lines = [ln for ln in text.split("\n")[:10] if ln.strip()]
    if not lines:
        return ""
    if masthead is not None and lines[0] == masthead and len(lines) > 1 and not lines[1].rstrip().endswith((".", "!", "?")):
        j = 1
        while j < len(lines) - 1 and j < 4 and _furniture(lines[j]):
            j += 1
        if len(lines) > j + 1 and len(lines[j].split()) == 1 and len(lines[j + 1].split()) >= 4 and not lines[j + 1].rstrip().endswith(".") \
                and not lines[j + 1][:1].islower():
            return _continued(lines, j + 1)  # "Meetings" over the headline: the section the item is in
        if lines[j].rstrip().endswith((".", "!", "?")) and len(lines[j]) > 120:
            return lines[0]  # no headline under the site's name: the text begins
        return _continued(lines, j)
    i = 0
    while i < min(len(lines) - 1, 5):
        if _furniture(lines[i]):
            i += 1  # navigation, or a dateline's fields ("Bulletin No 37 | Published: 14/05/2024") over the headline
        elif i + 1 < len(lines) and is_navigation(lines[i + 1]):
            i += 2  # a site's name above its navigation
        elif i + 2 < len(lines) and is_navigation(lines[i + 2]) and not any(ln.rstrip().endswith((".", "!", "?")) for ln in lines[i:i + 2]):
            i += 3  # a site's name and its tagline above its navigation
        else:
            break
    if i >= len(lines) or is_navigation(lines[i]) or (i > 0 and lines[i].rstrip().endswith((".", "!", "?")) and len(lines[i]) > 120):
        return lines[0]  # all navigation, or no headline under it: the text begins
    return _continued(lines, i)


def _furniture(line: str) -> bool:
    """A line over a page's headline that is none: navigation, the page's fields or date, a short breadcrumb."""
    return is_navigation(line) or _fields_only(line) or bool(_DATE_LINE.match(line)) or bool(_SHORT_CRUMB.match(line))


#: a line giving the page's date and no more: "Press release 042/2024 - Lima, 19 June 2024", "Oslo, 3 May 2024"
_DATE_LINE = re.compile(r"^[^.!?:]{0,80}?(?:\b\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\b[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\b\d{4}-\d{2}-\d{2}"
                        r"|\b\d{1,2}/\d{1,2}/\d{4})\s*$")
#: a breadcrumb of one step: "Programme > Day 1 - Tuesday 8 April 2025", "About > Committee Membership"
_SHORT_CRUMB = re.compile(r"^[A-Z][\w&' -]{1,30}\s(?:>|»|›)\s[^.!?>»›]{1,80}$")


def _continued(lines: list[str], i: int) -> str:
    """Line ``i``, with the next line when it is one word in capitals and the next starts in lower case."""
    if re.fullmatch(r"[A-Z]{3,}", lines[i].strip()) and i + 1 < len(lines) and re.match(r"[a-z]", lines[i + 1]) \
            and not lines[i + 1].rstrip().endswith("."):
        return f"{lines[i].strip()} {lines[i + 1].strip()}"
    return lines[i]


def _fields_only(line: str) -> bool:
    """A line of a page's fields ("Issue 37 | Published: 14/05/2024", "Source: Ice Centre | Date: 2024-05-14"):
    a field named, fields apart by "|", no sentence."""
    return bool(_FIELD_LINE.search(line)) and ("|" in line or _FIELD_LINE.match(line) is not None) and len(line) < 200 \
        and not line.rstrip().endswith((".", "!", "?"))


_MD_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def clean_markdown(raw: str) -> dict:
    """Clean Markdown: front matter to metadata, markup to plain text, then the text rules."""
    meta: dict = {}
    raw = raw.replace("\r\n", "\n")
    if m := _MD_FRONT.match(raw):
        import yaml

        try:
            front = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError:
            front = {}
        if isinstance(front, dict):
            for k in ("title", "publisher", "date", "published", "issued", "modified", "updated"):
                if k in front and front[k] is not None:
                    key = {"date": "issued", "published": "issued", "updated": "modified"}.get(k, k)
                    meta[key] = str(front[k])
        raw = raw[m.end():]
    text = raw
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links -> their text
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]*(.*?)[ \t]*#*[ \t]*$", r"\1", text, flags=re.M)  # headings
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)
    text = re.sub(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", "", text, flags=re.M)
    out = clean_text(text)
    out.update({k: v for k, v in meta.items() if k != "title"})
    if "title" in meta:
        out["title"] = meta["title"]
    return out


def clean_html(raw: str, url: str | None = None) -> dict:
    """Clean an HTML page with trafilatura: main content, list items, title and dates."""
    import trafilatura

    meta: dict = {}
    doc = trafilatura.bare_extraction(
        raw, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_formatting=False, favor_precision=True, deduplicate=False,
        # only dates the page declares (meta tags, time elements), not any date of its text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = ""
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = d.get("text") or ""
        for src, dst in (("title", "title"), ("sitename", "publisher"), ("date", "issued")):
            if d.get(src):
                meta[dst] = d[src]
    if not text.strip():
        # trafilatura found no main content (a very short page): fall back to all visible text
        from lxml import html as lxml_html

        tree = lxml_html.fromstring(raw)
        for bad in tree.xpath("//script|//style|//nav|//header|//footer|//noscript"):
            bad.getparent().remove(bad)
        text = "\n".join(t.strip() for t in tree.itertext() if t.strip())
    text = html.unescape(text)
    out = clean_text(text)
    if meta.get("issued") and meta["issued"] == out.get("modified"):
        del meta["issued"]  # trafilatura read the page's "Last updated" line: a modification, not the issue date
    for k, v in meta.items():
        if k == "title" or k not in out:
            out[k] = v
    if "title" in meta and not out["text"].startswith(meta["title"]):
        out["text"] = meta["title"] + "\n\n" + out["text"]
    return out
