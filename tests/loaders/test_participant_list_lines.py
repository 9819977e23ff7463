"""A meeting report's list of participants, one person a line with where they work after a dash or a
comma ("Ana Ruiz - Nordic Data Institute, Norway"), under a heading that may sit in an annex or
say the list is a selection ("Annex: List of participants (selection)"). Each person listed attends
the report's meeting and is a member of the body named right after the dash or comma, also when
the model reads no name there, and a line's person is never read into a body's name ("LI Wenqiang -
National Space Science Center, CAS, China" is a person and a unit of CAS). All documents are our own
writing."""

from __future__ import annotations

import pytest

from collabkg.loaders.documents import read_document
from collabkg.loaders.extract import extract
from tests.loaders.extracted import extracted, pairs

REPORT = ("Report of the Second Polar Data Meeting\n"
          "The Second Polar Data Meeting was held in Oslo on 4-5 May 2024.\n\n")


@pytest.mark.parametrize("heading", [
    "Annex: List of participants (selection)",
    "Annex 2 - List of participants",
    "Participants (in alphabetical order)",
    "List of participants",
    "4. Trainers",
    "5. Participants (selected)",
    "Resource persons",
    "Speakers",
])
@pytest.mark.parametrize("lines,members", [
    (["Ana Ruiz - Nordic Data Institute, Norway", "Karl Berg - Baltic Data Centre, Latvia"],
     {("Ana Ruiz", "Nordic Data Institute"), ("Karl Berg", "Baltic Data Centre")}),
    # an en dash, an em dash, a comma, a title
    (["Mere Tautahi – Institute of Coastal Science, New Zealand", "Prof. Tom Lind — Arctic Data Centre",
      "Dr. Ines Morel, Andean Data Network, Peru"],
     {("Mere Tautahi", "Institute of Coastal Science"), ("Tom Lind", "Arctic Data Centre"), ("Ines Morel", "Andean Data Network")}),
    # a double hyphen, a role in parentheses before the dash, list bullets
    (["- Dr. Ana Ruiz (lead trainer) -- Nordic Data Institute, Norway", "- Mr. Karl Berg -- Baltic Data Centre"],
     {("Ana Ruiz", "Nordic Data Institute"), ("Karl Berg", "Baltic Data Centre")}),
    # a family name in capitals, then a unit and its body: an address line after the name
    (["LI Wenqiang - National Space Science Center, CAS, China", "Ana Ruiz - Nordic Data Institute, Norway"],
     {("LI Wenqiang", "National Space Science Center"), ("Ana Ruiz", "Nordic Data Institute")}),
])
def test_each_line_is_a_participant_and_a_member_of_their_body(heading, lines, members):
    x, label = extracted(REPORT + heading + "\n" + "\n".join(lines) + "\n")
    (meeting,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert {label(f.obj) for f in x.facts if f.subject == meeting and f.predicate == "schema:attendee"} == {p for p, _ in members}
    assert {(p, b) for p, b in pairs(x, label, "org:memberOf")} == members
    assert not [e.label for e in x.entities.values() if e.kind == "organization" and any(p in e.label for p, _ in members)]


def test_a_unit_after_a_listed_name_keeps_its_parent():
    x, label = extracted(REPORT + "Annex: List of participants (selection)\nLI Wenqiang - National Space Science Center, CAS, China\n")
    assert ("National Space Science Center", "Chinese Academy of Sciences") in pairs(x, label, "org:subOrganizationOf")


@pytest.mark.parametrize("text", [
    # no heading of a list of participants: lines of the same shape are not read as people who attended
    REPORT + "Contacts\nAna Ruiz - Nordic Data Institute, Norway\nKarl Berg - Baltic Data Centre, Latvia\n",
    # a list of bodies: no person
    REPORT + "Participants\nNordic Data Institute - Norway\nBaltic Data Centre - Latvia\n",
])
def test_no_participant_without_a_heading_or_a_name(text):
    x, label = extracted(text)
    (meeting,) = [k for k, e in x.entities.items() if e.kind == "event"]
    people = {label(f.obj) for f in x.facts if f.subject == meeting and f.predicate == "schema:attendee" and f.obj.startswith("person/")}
    assert people == set()


def test_a_listed_name_whose_family_name_alone_was_read_as_the_person_named_before():
    """"Dr. Hiroto Kanemaki" in the text, then "Hiroto Kanemaki - ..." in the list: the finder reads the
    family name alone there (the person named before); the whole name is the line's person, and the
    list goes on past that line."""
    x, label = extracted(REPORT.replace("2024.\n", "2024. The meeting was opened by Dr. Hiroto Kanemaki, Director of the "
                                        "Polar Data Institute.\n") + "Annex: List of participants (selection)\n"
                         "Hiroto Kanemaki - Polar Data Institute, Japan\nAna Ruiz - Nordic Data Institute, Norway\n")
    (meeting,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert {label(f.obj) for f in x.facts if f.subject == meeting and f.predicate == "schema:attendee"} >= {"Hiroto Kanemaki", "Ana Ruiz"}
    assert ("Ana Ruiz", "Nordic Data Institute") in pairs(x, label, "org:memberOf")


@pytest.mark.parametrize("title, label, body", [
    ("Minutes of the 9th Ordinary Meeting of the Executive Board", "9th Ordinary Meeting of the Executive Board", None),
    ("MINUTES\nof the 14th meeting of the Andean Committee for Data", "14th meeting of the Andean Committee for Data",
     "Andean Committee for Data"),
    ("Summary record of the third session of the Polar Data Council", "Third session of the Polar Data Council", "Polar Data Council"),
])
def test_a_page_of_minutes_records_its_meeting_with_the_date_place_and_who_was_present(title, label, body, tmp_path):
    page = (f"Andean Committee for Data\nHome | Committee | Minutes | Contact\n\n{title}\n"
            "Date: 5 March 2024, 14:00-16:30\nVenue: National Library, Lima\n\n"
            "Present: Dr. Ana Ruiz (Chair, Andean Data Institute); Prof. Karl Berg (Baltic Data Centre).\n"
            "Apologies: Dr. Ines Morel (Andean Data Network).\n"
            "Guest: Dr. Tom Lind, Director of the Arctic Data Centre.\n\n"
            "Item 1 - Opening. The Chair opened the meeting and the minutes of the 8th meeting were approved.\n")
    path = tmp_path / "minutes.txt"  # read as a file: the page's title and cleaning
    path.write_text(page, encoding="utf-8")
    x = extract(read_document(path))
    label_of = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    meeting = next(k for k, e in x.entities.items() if e.kind == "event" and e.label == label)
    facts = {(f.predicate, label_of(f.obj)) for f in x.facts if f.subject == meeting}
    assert {("schema:startDate", "2024-03-05"), ("schema:location", "Lima"),
            ("schema:attendee", "Ana Ruiz"), ("schema:attendee", "Karl Berg"), ("schema:attendee", "Tom Lind")} <= facts
    assert ("schema:attendee", "Ines Morel") not in facts  # sent apologies: not there
    assert {o for p, o in facts if p == "schema:organizer"} == ({body} if body else set())
