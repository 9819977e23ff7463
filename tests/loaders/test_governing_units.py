"""A governing or advisory body named only by its function ("the Executive Committee", "the
Scientific Advisory Committee", "the Programme Committee") is the unit of the body named after
"of": one node per body it belongs to, never one "Executive Committee" shared by every body that
has one. (A board keeps its own reading: "chair of the Board of Trustees of X" is a post in X with
the board in its title, tests/loaders/test_posts_written_otherwise.py.) A board named after its
body's acronym ("the PDA Governing Board", "OCEX Board") is a unit of that body. All documents are
our own writing."""

from __future__ import annotations

import pytest

from tests.loaders.extracted import extracted, pairs



@pytest.mark.parametrize("text,unit,body", [
    ("Prof. Lena Marsh is a member of the Scientific Advisory Committee of the Nordic Data Institute.",
     "Scientific Advisory Committee", "Nordic Data Institute"),
    ("The Executive Committee of the Nordic Data Institute met in Oslo on 3 May 2024.", "Executive Committee", "Nordic Data Institute"),
    ("Dr. Omar Haddad chairs the Programme Committee of the Kenya Data Institute.", "Programme Committee", "Kenya Data Institute"),
    ("The Steering Committee of the Kenya Data Institute approved the plan.", "Steering Committee", "Kenya Data Institute"),
    # a board named after its body's acronym: "the PDA Governing Board", "OCEX Board"
    ("The Polar Data Alliance (PDA) met in Tromsø. Members of the PDA Governing Board were elected there.",
     "PDA Governing Board", "Polar Data Alliance"),
    ("The PDA Scientific Advisory Board is chaired by Karl Weiss. The Polar Data Alliance (PDA) links archives.",
     "PDA Scientific Advisory Board", "Polar Data Alliance"),
    ("The Ocean Colour Exchange (OCEX) has a new chair: Ana Soto was elected to the OCEX Board in May.",
     "OCEX Board", "Ocean Colour Exchange"),
    ("CODATA Executive Board members met in Paris on 3 May 2024.", "CODATA Executive Board", "Committee on Data of the International Science Council"),
    # an office named after its body's acronym, of words that name no body alone ("International Programme Office")
    ("Dr. Lars Berg, Executive Director of the WDS International Programme Office, spoke in Tokyo.",
     "WDS International Programme Office", "World Data System"),
    ("The Polar Data Alliance (PDA) links archives. The PDA Project Office in Bergen coordinates the work.",
     "PDA Project Office", "Polar Data Alliance"),
])
def test_a_governing_body_named_by_its_function_or_after_an_acronym_is_a_unit_of_that_body(text, unit, body):
    x, label = extracted(text)
    assert (unit, body) in pairs(x, label, "org:subOrganizationOf")
    (key,) = [k for k, e in x.entities.items() if e.label == unit]
    assert "org:OrganizationalUnit" in x.entities[key].classes


def test_two_bodies_executive_committees_are_two_nodes():
    x, label = extracted("The Executive Committee of the Nordic Data Institute met in Oslo on 3 May 2024. "
                  "On 5 May 2024 the Executive Committee of the Kenya Data Institute met in Nairobi.")
    committees = {k: e for k, e in x.entities.items() if e.label == "Executive Committee"}
    assert len(committees) == 2
    assert {label(p) for k in committees for p in x.objects(k, "org:subOrganizationOf")} == {"Nordic Data Institute", "Kenya Data Institute"}


def test_a_member_of_the_committee_is_a_member_of_the_unit_not_of_a_shared_committee():
    x, label = extracted("Prof. Lena Marsh is a member of the Scientific Advisory Committee of the Nordic Data Institute.")
    ((person, unit),) = pairs(x, label, "org:memberOf")
    assert person == "Lena Marsh" and unit == "Scientific Advisory Committee"
    unit_key = next(f.obj for f in x.facts if f.predicate == "org:memberOf")
    assert unit_key != "organization/scientific advisory committee", "keyed by its body too"


@pytest.mark.parametrize("text", [
    "The Arctic Data Committee met in Oslo on 3 May 2024.",     # a name of its own, no body after "of"
    "The Nordic Data Institute set up a new Executive Committee in 2024.",
])
def test_no_unit_without_a_body_after_of(text):
    x, label = extracted(text)
    assert not [p for p in pairs(x, label, "org:subOrganizationOf") if p[0].endswith(("Committee", "Board"))]


@pytest.mark.parametrize("text", [
    "The Board met in Oslo on 3 May 2024.",  # no body named before "Board"
    "The Lima Board of Trade hosted the fair.",  # a city, no acronym of a body
    "The PDA Board of Trustees met in Oslo.",  # "Board of ...": the board's own complement, read elsewhere
    "The XQZ Governing Board met in Oslo.",  # an acronym nobody defines
])
def test_no_board_without_a_known_body_right_before_it(text):
    x, _ = extracted(text)
    assert not [e.label for e in x.entities.values() if e.kind == "organization" and e.label.endswith("Board")]


def test_a_post_in_an_office_named_after_an_acronym_is_in_that_office():
    """Before, "the WDS International Programme Office" was read as a programme ("WDS International
    Programme"), and the post in it failed the post shape (a post is in an organization) at build."""
    from tests.loaders.post_facts import post_triples

    x, label = extracted("The keynote was given by Dr. Lars Berg, Executive Director of the WDS International Programme Office, "
                         "who spoke on certified repositories.")
    assert post_triples(x) == {("Lars Berg", "Executive Director", "WDS International Programme Office")}
    assert not [e for e in x.entities.values() if e.kind == "program"]


@pytest.mark.parametrize("text, unit, body", [
    # a department named with the body's acronym after "of", the body named on its own before
    ("ODIN signed a memorandum with the University of Tartu on 3 May 2024. ODIN is a data centre in Oslo. The text was prepared "
     "by the International Affairs Department of ODIN, headed by Ms Lena Holm.", "International Affairs Department of ODIN", "ODIN"),
])
def test_a_department_of_a_body_the_document_names_is_its_unit(text, unit, body):
    x, label = extracted(text)
    assert (unit, body) in pairs(x, label, "org:subOrganizationOf")
