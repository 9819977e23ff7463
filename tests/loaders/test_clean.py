"""Cleaning: navigation and boilerplate out, lists as bullets, metadata kept (``collabkg.loaders.clean``)."""

from __future__ import annotations

import pytest

from collabkg.loaders.clean import BULLET, clean_html, clean_markdown, clean_text

PAGE = """Skip to main content
Menu
Search

Sino-German Workshop on Earth Data

  1. Home
  2. /
  3. Bilateral Activities
  4. /
  5. Sino-German Workshop on...

The workshop, launched in 2013, is a joint activity of two institutes.

Thematic Priorities

  • Satellite remote sensing data
  • Geohazard monitoring

Related links
IGSNRR home page
GFZ home page

Page last updated: 2021-03-09.
"""


def test_text_page_loses_menus_breadcrumbs_and_link_blocks():
    out = clean_text(PAGE)
    lines = out["text"].splitlines()
    assert lines[0] == "Sino-German Workshop on Earth Data"
    for junk in ("Skip to main content", "Menu", "Search", "Home", "Bilateral Activities", "Related links", "IGSNRR home page", "GFZ home page"):
        assert junk not in lines
    assert "Page last updated" not in out["text"]
    assert out["title"] == "Sino-German Workshop on Earth Data"
    assert out["modified"] == "2021-03-09"


def test_list_items_become_bullet_lines():
    lines = clean_text(PAGE)["text"].splitlines()
    assert [ln for ln in lines if ln.startswith(BULLET)] == [BULLET + "Satellite remote sensing data", BULLET + "Geohazard monitoring"]
    assert lines[lines.index("Thematic Priorities") + 2] == BULLET + "Satellite remote sensing data"


def test_one_line_breadcrumb_and_menu_lines_are_dropped():
    out = clean_text("Home > News > Institute News\nHome | About | Contact\nKick-off Meeting Held in Bangkok\n\nThe meeting was held.")
    assert out["text"].splitlines()[0] == "Kick-off Meeting Held in Bangkok"
    assert out["title"] == "Kick-off Meeting Held in Bangkok"


def test_a_sentence_with_home_in_it_is_kept():
    text = "Home > sweet home is where the data are.\nThe data stay home | and | safe."
    assert clean_text(text)["text"].startswith("Home > sweet home is where the data are.")


def test_a_short_title_called_about_us_is_kept():
    assert clean_text("About us\n\nWe share data.")["title"] == "About us"


def test_byline_gives_the_issue_date():
    out = clean_text("Kick-off meeting held\n\nADMIN  Mar 17, 2018\n\nThe meeting was held on January 17.")
    assert out["issued"] == "2018-03-17"
    assert "ADMIN" not in out["text"]


def test_cookie_lines_are_dropped_from_text():
    out = clean_text("We use cookies to improve your experience. Accept all cookies\nThe roundtable met in Paris.")
    assert out["text"] == "The roundtable met in Paris."


def test_markdown_front_matter_headings_links_and_lists():
    md = """---
title: UK-US Research Data Partnership
publisher: Example Data Council
modified: 2020-11-30
---

[Home](/) | [About](/about) | [Contact](/contact)

# UK-US Research Data Partnership

The partnership connects the **Digital Curation Centre** with [ICPSR](https://icpsr.example).

## Priority Themes

- Persistent identifiers
* Social science data archiving
"""
    out = clean_markdown(md)
    assert out["title"] == "UK-US Research Data Partnership"
    assert out["publisher"] == "Example Data Council"
    assert out["modified"] == "2020-11-30"
    lines = out["text"].splitlines()
    assert lines[0] == "UK-US Research Data Partnership"  # the link menu is gone
    assert "The partnership connects the Digital Curation Centre with ICPSR." in lines
    assert BULLET + "Persistent identifiers" in lines and BULLET + "Social science data archiving" in lines
    assert "Priority Themes" in lines


HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Korea-Australia Roundtable on Marine Data | Marine Data Council</title>
<meta property="og:site_name" content="Marine Data Council">
<meta property="article:published_time" content="2021-11-08"></head>
<body>
<div id="cookie-consent"><p>This website uses cookies. <button>Accept All Cookies</button></p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/programmes">Programmes</a></li><li><a href="/members">Members</a></li></ul></nav></header>
<main><article>
<h1>Korea-Australia Roundtable on Marine Data</h1>
<p>The Korea-Australia Roundtable on Marine Data, begun in 2014, is organised by two institutes to promote the cooperation between them on ocean observation data.</p>
<h2>Focus Areas</h2>
<ul><li>Ocean observing systems</li><li>Marine biodiversity data</li></ul>
<h2>Past Roundtables</h2>
<ol><li>First Korea-Australia Roundtable (November 3-4, 2014, Busan, Korea): 15 Korean and 12 Australian participants</li>
<li>Second Korea-Australia Roundtable (October 12, 2016, Hobart, Australia): more than 40 experts</li></ol>
<p>The roundtables are open to observers from other countries in the region, who are welcome to attend.</p>
</article></main>
<footer><p>&copy; 2022 Marine Data Council. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_through_trafilatura_keeps_the_article_and_drops_the_chrome():
    out = clean_html(HTML)
    text = out["text"]
    for junk in ("cookies", "Cookies", "Programmes", "Members", "All rights reserved", "Privacy policy"):
        assert junk not in text
    assert text.splitlines()[0] == "Korea-Australia Roundtable on Marine Data"
    assert out["title"] == "Korea-Australia Roundtable on Marine Data"
    assert out["issued"] == "2021-11-08"


def test_html_headings_are_lines_and_list_items_are_bullets():
    lines = clean_html(HTML)["text"].splitlines()
    i = lines.index("Focus Areas")
    assert lines[i + 1:i + 3] == [BULLET + "Ocean observing systems", BULLET + "Marine biodiversity data"]
    j = lines.index("Past Roundtables")
    assert lines[j + 1].startswith(BULLET + "First Korea-Australia Roundtable (November 3-4, 2014, Busan, Korea)")
    assert lines[j + 2].startswith(BULLET + "Second Korea-Australia Roundtable")


def test_html_last_updated_is_a_modification_not_an_issue_date():
    page = HTML.replace('<meta property="article:published_time" content="2021-11-08">', "").replace(
        "</article>", "<p>Last updated: 12 January 2022</p></article>")
    out = clean_html(page)
    assert out["modified"] == "2022-01-12"
    assert out.get("issued") is None
    assert "Last updated" not in out["text"]


def test_a_block_of_menu_lines_tags_and_a_news_link_list_are_dropped():
    page = ("Toggle navigation\nAbout Us\nOur Work\nLatest News\n\nData Stewardship Programme\n\n"
            "Published on 3 June 2022 by Admin\n\nThe programme trains data stewards.\n\n"
            "Tags: Data, Science, Stewardship\nShare on Twitter\nLatest News\nOpen Call for Proposals 2023\nNew Board Members Elected\n")
    out = clean_text(page)
    assert out["text"] == "Data Stewardship Programme\n\nThe programme trains data stewards."
    assert out["title"] == "Data Stewardship Programme"
    assert out["issued"] == "2022-06-03"


def test_a_single_menu_word_inside_text_is_kept():
    assert "News" in clean_text("Heading\n\nNews\n\nThe roundtable met.")["text"].splitlines()


def test_a_news_dateline_gives_the_issue_date_and_leaves_the_sentence():
    out = clean_text("Data project launched\n\nNairobi, 12 March 2021 -- The inception meeting took place on March 4.")
    assert out["issued"] == "2021-03-12"
    assert out["text"].splitlines()[-1] == "The inception meeting took place on March 4."


@pytest.mark.parametrize("line", [
    "SUVA, Fiji (March 4, 2023) — The ocean forum opened yesterday.",
    "Suva, Fiji, 4 March 2023 - The ocean forum opened yesterday.",
])
def test_a_dateline_with_its_country_and_the_date_in_parentheses(line):
    out = clean_text(f"Forum opens\n\n{line}")
    assert out["issued"] == "2023-03-04"
    assert out["text"].splitlines()[-1] == "The ocean forum opened yesterday."


def test_a_table_becomes_one_bullet_per_data_row():
    text = ("Roundtables\n| Meeting | Date | Place |\n|---|---|---|\n"
            "| 1st Roundtable | June 2-3, 2010 | Tokyo, Japan |\n| 2nd Roundtable | May 17, 2012 | Daejeon, Korea |")
    lines = clean_text(text)["text"].splitlines()
    assert lines == ["Roundtables", BULLET + "1st Roundtable, June 2-3, 2010, Tokyo, Japan", BULLET + "2nd Roundtable, May 17, 2012, Daejeon, Korea"]


def test_html_table_through_trafilatura():
    page = """<html><head><title>Japan-Korea Data Roundtable</title></head><body><nav><a href="/">Home</a></nav>
    <div class="content"><h1>Japan-Korea Data Roundtable</h1><p>The roundtable was initiated in 2010 by two councils of the two countries.</p>
    <h3>Roundtables</h3><table><tr><th>Meeting</th><th>Date</th><th>Place</th></tr>
    <tr><td>1st Roundtable</td><td>June 2-3, 2010</td><td>Tokyo, Japan</td></tr></table></div></body></html>"""
    lines = clean_html(page)["text"].splitlines()
    assert BULLET + "1st Roundtable, June 2-3, 2010, Tokyo, Japan" in lines
    assert not any("Meeting, Date" in ln or "---" in ln for ln in lines)


def test_contact_lines_are_dropped():
    out = clean_text("Alliance\n\nThe alliance was launched in 2018.\n\nContact: Secretariat, 52 Sanlihe Road, Beijing. Email: info@example.org")
    assert out["text"] == "Alliance\n\nThe alliance was launched in 2018."


def test_a_relative_html_path_is_read(tmp_path, monkeypatch):
    from collabkg.loaders.documents import read_document

    (tmp_path / "page.html").write_text("<html><head><title>T</title></head><body><p>The CODATA meeting.</p></body></html>")
    monkeypatch.chdir(tmp_path)
    doc = read_document(__import__("pathlib").Path("page.html"))
    assert "CODATA" in doc.text


@pytest.mark.parametrize("raw, title", [
    # a site's navigation on one line (two or more separators), not starting with "Home"
    ("Nordic Data Institute > News > Environment\nInstitute and Baltic centre agree to share sea-ice data\n\nText.",
     "Institute and Baltic centre agree to share sea-ice data"),
    ("NDI | Activities | Events 2024 | Past Events\nNational Workshop on Open Data Practices\n\nText.",
     "National Workshop on Open Data Practices"),
    # the site's name above its navigation
    ("Polar Data Alliance, The Network of Arctic Archives\nHome / News / Announcements\nAlliance elects a new board\n\nText.",
     "Alliance elects a new board"),
    ("Andean Data Network\nAbout | News | Events | Contact\nAndean Data Week opens in Lima\n\nText.",
     "Andean Data Week opens in Lima"),
    # a section's one-word name between the dropped navigation and the headline
    ("Ice Letters Monthly - News from the Polar Centres\nHome || Sections: Fieldwork | Research | Meetings\n\nMeetings\n\n"
     "Baltic Delegation Visits the Polar Centre in Tromso\n\nText.", "Baltic Delegation Visits the Polar Centre in Tromso"),
    # links alone in square brackets under the navigation are no headline
    ("Sahel Climate Data Centre\nHome > About > Annual reports\n[Download the full report (PDF, 3 MB)]\n"
     "Annual Report 2024: International cooperation\n\nText.", "Annual Report 2024: International cooperation"),
    ("Polar Data Alliance\nHome | News | Events\n[Print] [Share] [Subscribe]\nAlliance opens its Tromso office\n\nText.",
     "Alliance opens its Tromso office"),
    # the page's fields or its date between the navigation and the headline
    ("Sahel Climate Observer\nHome | About | News | Contact\nSource: Observer newsroom | Date: 12 March 2024\n\n"
     "Four institutes sign letter of intent on drought data\n\nText.", "Four institutes sign letter of intent on drought data"),
    ("Andean Data Portal\nHome > Training > Reports\nPosted: 2024-07-30 | By: Training Unit\n\nReport: Regional Course on Data Curation, Lima\n\nText.",
     "Report: Regional Course on Data Curation, Lima"),
    ("NDI - Nordic Data Institute\nHome > Press > Releases\nPress release 12/2024 – Oslo, 19 June 2024\n\n"
     "Institute and Baltic centre sign data cube agreement\n\nText.", "Institute and Baltic centre sign data cube agreement"),
    # a site's name and its tagline above the navigation
    ("ICE LETTERS\nNewsletter of the Polar Data Society\nIssue 4 | Spring 2024 | Meeting reports\n\nForum in Oslo maps polar archives\n\nText.",
     "Forum in Oslo maps polar archives"),
    # a breadcrumb of one step, then the text: the page has no headline but the site's name
    ("Andean Committee for Data (ACD)\nHome | About | Members | Contact\n\nAbout > Committee Membership\n\n"
     "The Andean Committee for Data represents the region in the international committee on data and meets twice a year in Lima.\n",
     "Andean Committee for Data (ACD)"),
    # one word in capitals that goes on in lower case on the next line
    ("Nordic Committee for Data\nHome | Committee | Documents\nDocuments > Minutes > 2025\n\nMINUTES\nof the 9th meeting of the Nordic Committee for Data\n\nText.",
     "MINUTES of the 9th meeting of the Nordic Committee for Data"),
    # a dateline with fields is no navigation: the title above it stays
    ("Delegation of the Nordic Academy Visits the Ice Centre\nSource: Ice Centre | Updated on 2023-03-08 | Font: [Large] [Small]\n\nText.",
     "Delegation of the Nordic Academy Visits the Ice Centre"),
])
def test_the_title_is_the_headline_past_the_sites_name_and_navigation(raw, title):
    assert clean_text(raw)["title"] == title
