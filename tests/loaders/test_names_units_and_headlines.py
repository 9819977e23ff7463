"""Names, units and headlines as real pages write them: a given name the model reads as a place
("Natalia Orlova" listed with people), a citation's author list ("Okafor, C. N., Lindqvist, M."),
a site's section names alone on a line, a headline in the present tense ("X signs agreement with Y")
dated by a later "The agreement was signed on ...", and a unit named inside a title ("NOAA Ocean
Exploration Division Chief Scientist Ana Ruiz", "USGS ... Center Director Tom Berg"). All documents
are our own writing."""

from __future__ import annotations

import datetime as dt

import pytest

from collabkg.loaders.documents import read_document
from collabkg.loaders.extract import extract
from tests.loaders.extracted import extracted
from tests.loaders.post_facts import post_triples


def _x(text: str, issued: dt.date | None = dt.date(2023, 6, 1)):
    return extracted(text, issued)


@pytest.mark.parametrize("text", [
    "The council's members are Maria Lopez, Natalia Orlova and Paul Berg.",
    "Speakers included Dr. Maria Lopez, Natalia Orlova and Paul Berg of the Polar Data Institute.",
    "The panel brought together Paul Berg, Natalia Orlova, director of the Steppe Data Centre, and Maria Lopez.",
])
def test_a_given_name_the_model_reads_as_a_place_is_a_person_listed_with_people(text):
    x, _ = _x(text)
    people = {e.label for e in x.entities.values() if e.kind == "person"}
    assert "Natalia Orlova" in people
    assert not [e for e in x.entities.values() if e.kind == "place" and e.label == "Natalia"]


def test_a_place_before_its_region_stays_a_place():
    x, label = _x("The workshop was held in Kisumu on 4 May 2023 and attended by Natalia Orlova, director of the Steppe Data Centre.")
    (ev,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert [label(o) for o in x.objects(ev, "schema:location")] == ["Kisumu"]
    assert "Natalia Orlova" in {label(o) for o in x.objects(ev, "schema:attendee")}


CITED = ("Report on the Lake Basin Data Forum 2021\n\n"
         "Citation: Okafor, C. N., Lindqvist, M. Report on the Lake Basin Data Forum 2021[J]. Journal of Data Practice, "
         "2021, 5(2): 101-103. DOI: 10.1234/jdp.2021.02.07.\n\n"
         "Okafor C. N.1  Maria Lindqvist 2\n"
         "1. Institute of Lake Data, Kisumu, Kenya\n"
         "2. Nordic Lake Data Centre, Uppsala, Sweden\n\n"
         "The Lake Basin Data Forum 2021 was held in Kisumu on March 3, 2021.\n")


def _read(tmp_path, text: str):
    """Extraction of ``text`` read as a file is (cleaned of navigation, its dateline and title kept aside)."""
    p = tmp_path / "page.txt"
    p.write_text(text)
    x = extract(read_document(p))
    return x, (lambda k: x.entities[k].label if k in x.entities else str(k))


def test_a_citations_author_list_gives_no_initials_as_people(tmp_path):
    x, label = _read(tmp_path, CITED)
    people = {e.label for e in x.entities.values() if e.kind == "person"}
    assert people == {"Okafor C. N.", "Maria Lindqvist"}
    members = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:memberOf"}
    assert members == {("Okafor C. N.", "Institute of Lake Data"), ("Maria Lindqvist", "Nordic Lake Data Centre")}
    # "Institute of Lake Data, Kisumu, Kenya": a town the gazetteer does not know, between a body and its country
    located = {(label(f.subject), f.obj) for f in x.facts if f.predicate == "schema:location"}
    assert ("Institute of Lake Data", "place/kisumu-ke") in located
    assert ("Lake Basin Data Forum 2021", "place/kisumu-ke") in located  # the same town, named alone later
    assert not [e for e in x.entities.values() if e.kind == "place" and "Lake" in e.label]  # "the Lake Basin Data| Forum"


def test_a_sites_section_names_alone_on_a_line_are_no_bodies(tmp_path):
    text = ("Home\nNews Archive\nPress Room\nMedia Centre\n\n"
            "CODATA welcomes the Lake Data Archive of Kenya\n\n"
            "The Lake Data Archive of Kenya joined CODATA on May 5, 2020.\n")
    x, _ = _read(tmp_path, text)
    labels = {e.label for e in x.entities.values()}
    assert not labels & {"News Archive", "Press Room", "Media Centre"}
    assert "Lake Data Archive of Kenya" in labels


@pytest.mark.parametrize("headline,kind", [
    ("CODATA signs agreement with the Lake Data Archive of Kenya", "agreement"),
    ("NCAR inks memorandum of understanding with the Lake Data Archive of Kenya", "mou"),
    ("The Royal Society and the Lake Data Archive of Kenya sign MoU on open data", "mou"),
])
def test_a_headline_in_the_present_tense_reports_an_agreement(headline, kind):
    x, label = _x(f"{headline}\n\nThe agreement was signed in Nairobi on May 5, 2020, and runs for five years.\n")
    (ag,) = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert ag.startswith(f"agreement/{kind}|")
    assert "Lake Data Archive of Kenya" in {label(p) for p in x.objects(ag, "ckg:party")}
    assert [str(d) for d in x.objects(ag, "dcterms:date")] == ["2020-05-05"]


def test_the_agreement_signed_later_in_the_text_is_dated_only_when_one_was_read():
    one = ("The Polar Data Institute signed an MoU with the Lake Data Archive of Kenya in March. "
           "The MoU, signed in Nairobi on 5 March 2020, runs for five years.\n")
    x, _ = _x(one)
    (ag,) = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert [str(d) for d in x.objects(ag, "dcterms:date")] == ["2020-03-05"]
    two = ("The Polar Data Institute signed an MoU with the Lake Data Archive of Kenya. "
           "UNESCO signed an agreement with the Lake Data Archive of Kenya. The agreement was signed on May 5, 2020.\n")
    x, _ = _x(two)
    ags = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert len(ags) == 2 and not [d for k in ags for d in x.objects(k, "dcterms:date")]
    future = ("The Polar Data Institute signed an MoU with the Lake Data Archive of Kenya. "
              "A further agreement will be signed on May 5, 2031.\n")
    x, _ = _x(future)
    (ag,) = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert not x.objects(ag, "dcterms:date")


def test_a_unit_named_before_the_title_holds_the_post():
    x, label = _x("Among those who briefed the delegation was NOAA Ocean Exploration Division Chief Scientist Ana Ruiz.")
    assert post_triples(x) == {("Ana Ruiz", "Chief Scientist", "Ocean Exploration Division")}
    subs = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}
    assert subs == {("Ocean Exploration Division", "National Oceanic and Atmospheric Administration")}  # no cycle


def test_the_body_nearest_the_title_is_the_posts():
    x, _ = _x("The visitors were welcomed by USGS Eastern Rivers and Deltas Science Center Director Tom Berg.")
    assert post_triples(x) == {("Tom Berg", "Director", "Eastern Rivers and Deltas Science Center")}


def test_a_title_naming_a_unit_puts_the_post_in_that_unit():
    x, label = _x("Among the NOAA scientists who briefed the visitors were Northern Rivers and Wetlands Research Team "
                  "Chief Scientist Ana Ruiz and hydrologist Tom Berg.")
    assert post_triples(x) == {("Ana Ruiz", "Chief Scientist", "Northern Rivers and Wetlands Research Team"),
                               ("Tom Berg", "Hydrologist", "National Oceanic and Atmospheric Administration")}
    subs = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}
    assert subs == {("Northern Rivers and Wetlands Research Team", "National Oceanic and Atmospheric Administration")}


@pytest.mark.parametrize("text,unit,parent", [
    ("Delegates tour the observatory. [Photo: Office of International Relations, Nordic Academy of Sciences]",
     "Office of International Relations", "Nordic Academy of Sciences"),
    ("The visit was arranged by the Office of Polar Affairs, Baltic University, on 3 May 2023.",
     "Office of Polar Affairs", "Baltic University"),
    ("Photo credit: Department of Ice Data, Tartu University", "Department of Ice Data", "Tartu University"),
])
def test_an_office_named_with_its_university_or_academy_is_a_unit_of_it(text, unit, parent):
    x, label = _x(text)
    assert {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"} == {(unit, parent)}


def test_an_office_in_a_list_of_bodies_is_no_unit_of_the_next():
    x, label = _x("Grants came from the Office of Naval Research, the Baltic University and the Nordic Academy of Sciences.")
    assert not [f for f in x.facts if f.predicate == "org:subOrganizationOf"]


@pytest.mark.parametrize("text,person,role,body", [
    ("A delegation led by Ana Ruiz, president of the Nordic Academy of Sciences, visited Riga on 3 May 2023.",
     "Ana Ruiz", "president", "Nordic Academy of Sciences"),
    ("The delegation was led by Ana Lopez, acting director of the Baltic Data Office.",
     "Ana Lopez", "acting director", "Baltic Data Office"),
    ("Talks were held with Ana Ruiz, vice-president of the Polar Data Alliance, in Oslo.",
     "Ana Ruiz", "vice-president", "Polar Data Alliance"),
])
def test_a_name_the_model_misses_is_a_person_with_a_post_written_in_lower_case(text, person, role, body):
    x, label = _x(text)
    assert person in {e.label for e in x.entities.values() if e.kind == "person"}
    assert (person, role.lower(), body) in {(p, r.lower(), o) for p, r, o in post_triples(x)}


@pytest.mark.parametrize("text", [
    "Riga, capital of Latvia, hosted the forum on 3 May 2023.",
    "The Nordic Academy, home of the Baltic Data Office, met on 3 May 2023.",
])
def test_a_place_or_body_before_a_lower_case_noun_of_is_no_person(text):
    x, _ = _x(text)
    assert not [e for e in x.entities.values() if e.kind == "person"]
