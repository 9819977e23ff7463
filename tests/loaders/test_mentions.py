"""Mentions: bodies by shape and acronym, people by title and name pattern (``collabkg.loaders.mentions``)."""

from __future__ import annotations

import pytest

from collabkg.loaders.mentions import find_mentions


def orgs(text: str) -> dict[str, object]:
    return {m.text: m for m in find_mentions(text) if m.label == "ORG"}


def people(text: str) -> list[str]:
    return [m.text for m in find_mentions(text) if m.label == "PERSON"]


@pytest.mark.parametrize("text, name, cls", [
    ("Representatives of Kasetsart University attended.", "Kasetsart University", "University"),
    ("It met at the University of Cape Town last year.", "University of Cape Town", "University"),
    ("The Council for Scientific and Industrial Research (CSIR) hosted it.", "Council for Scientific and Industrial Research", "InternationalBody"),
    ("Staff of the Thai Meteorological Department came.", "Thai Meteorological Department", "GovernmentAgency"),
    ("The Royal Netherlands Meteorological Institute sent two experts.", "Royal Netherlands Meteorological Institute", "ResearchInstitute"),
    ("The Indo-Pacific Ocean Data Portal opened.", "Indo-Pacific Ocean Data Portal", "DataInfrastructure"),
    ("It is funded by the Horizon 2020 programme of the European Union.", "Horizon 2020 programme", "Program"),
])
def test_bodies_the_registry_does_not_know_are_found_by_shape(text, name, cls):
    found = orgs(text)
    assert name in found, found
    assert found[name].cls == cls
    assert found[name].entry is None


def test_a_name_never_starts_with_and():
    found = orgs("from the Royal Netherlands Meteorological Institute (KNMI) and Kasetsart University.")
    assert "Kasetsart University" in found
    assert not any(n.startswith("and ") for n in found)


@pytest.mark.parametrize("text, name, acr", [
    ("The German Research Centre for Geosciences (GFZ) hosts it.", "German Research Centre for Geosciences", "GFZ"),
    ("The National Institute for Space Research (INPE) of Brazil signed.", "National Institute for Space Research", "INPE"),
    ("the Royal Netherlands Meteorological Institute (KNMI) said", "Royal Netherlands Meteorological Institute", "KNMI"),
    ("INSA and the Indian Institute of Science (IISc) signed.", "Indian Institute of Science", "IISc"),
    ("The Institute of Geographic Sciences and Natural Resources Research (IGSNRR) leads.", "Institute of Geographic Sciences and Natural Resources Research", "IGSNRR"),
    # a comma inside the name, the initials of the whole the acronym's
    ("It was organised by the Fijian Hydrological, Marine and Coastal Services Agency (FHMCSA) in Suva.",
     "Fijian Hydrological, Marine and Coastal Services Agency", "FHMCSA"),
    ("The Andean Seismic, Volcanic and Geodetic Observatory (ASVGO) joined.", "Andean Seismic, Volcanic and Geodetic Observatory", "ASVGO"),
])
def test_acronym_defined_in_parentheses_names_the_whole_body(text, name, acr):
    found = orgs(text)
    assert name in found, found
    assert found[name].acronym == acr


def test_a_kind_of_document_with_an_acronym_is_not_a_body():
    found = orgs("INPE signed a Memorandum of Understanding (MoU) with JAXA.")
    assert "Memorandum of Understanding" not in found
    found = orgs("They signed a Letter of Intent (LoI) in May.")
    assert not any("Letter" in n for n in found)


def test_later_uses_of_a_defined_acronym_are_mentions_of_the_body():
    ms = find_mentions("The Digital Curation Centre (DCC) leads. DCC staff train others.")
    uses = [m for m in ms if m.method == "acronym-use"]
    assert [(m.text, m.extra["long"]) for m in uses] == [("DCC", "Digital Curation Centre")]


def test_parents_by_of_by_acronym_by_at_and_by_a_closing_comma():
    found = orgs("Dean of the Faculty of Science of Chulalongkorn University spoke.")
    assert found["Faculty of Science"].parent.text == "Chulalongkorn University"
    found = orgs("The Botswana International University of Science and Technology (BIUST) and the Data Office of BIUST met.")
    assert found["Data Office"].parent.text == "BIUST"
    found = orgs("It connects the Digital Curation Centre (DCC) at the University of Edinburgh with others.")
    assert found["Digital Curation Centre"].parent.text == "University of Edinburgh"
    found = orgs("Dr. CHEN Li (Director of the Institute of Geophysics, China Earthquake Administration) spoke.")
    assert found["Institute of Geophysics"].parent.text == "China Earthquake Administration"


def test_a_comma_list_of_bodies_is_not_a_hierarchy():
    found = orgs("Members of the Institute of Geophysics, Kasetsart University and the Thai Meteorological Department met.")
    assert found["Institute of Geophysics"].parent is None


def test_country_of_a_body_from_of_country_and_comma_country():
    found = orgs("The National Research Foundation (NRF) of South Africa funds it.")
    assert found["National Research Foundation"].country == "ZA"
    found = orgs("Key members from Kasetsart University, Thailand joined.")
    assert found["Kasetsart University"].country == "TH"


@pytest.mark.parametrize("text, name", [
    ("Prof. Maria Rossi, Vice President of the University of Bologna, spoke.", "Maria Rossi"),
    ("Dr. XUE Yongbiao, Director of BIG, spoke.", "XUE Yongbiao"),
    ("ZHANG Shizhuan, Director of the Asia-Africa Division, spoke.", "ZHANG Shizhuan"),
    ("Dr. Anna de Vries, Senior Scientist at KNMI, spoke.", "Anna de Vries"),
    ("Dr. James O'Connor, Executive Director of ICPSR, spoke.", "James O'Connor"),
    ("Dr. Chen (Director of the National Data Centre) spoke.", "Chen"),
    ("Javed Ashraf, President of Quaid-i-Azam University, spoke.", "Javed Ashraf"),
])
def test_people_by_title_by_caps_surname_and_by_apposition_with_a_post(text, name):
    assert people(text) == [name]


@pytest.mark.parametrize("text", [
    "Select Page\nChina-US Roundtable on Scientific Data Cooperation",
    "Initial Focus Areas\nSuccesses of Roundtable",
    "Thematic Priorities and Key Achievements were listed.",
    "Launch of the Sino-German Geodata Portal",
    "Dr. A. Smith spoke.",
    "The Data Science Roundtable, Director of nothing, met.",
])
def test_ordinary_capitalised_words_are_not_people(text):
    assert people(text) == []


def test_accented_names_of_bodies_and_people():
    assert "São Paulo Research Foundation" in orgs("It was funded by the São Paulo Research Foundation (FAPESP).")
    assert people("Prof. João Gonçalves, Director of the Łódź Data Centre, spoke.") == ["João Gonçalves"]


def test_a_person_after_and_is_not_part_of_a_body():
    text = "Speakers included Professor Joao Silva of the University of Lisbon and Dr Ana Costa, Head of Data Services."
    assert "University of Lisbon" in orgs(text)
    assert people(text) == ["Joao Silva", "Ana Costa"]


def test_a_name_an_acronym_vouches_for_may_hold_in():
    found = orgs("Dr Ana Costa works at the Brazilian Institute of Information in Science and Technology (IBICT).")
    assert found["Brazilian Institute of Information in Science and Technology"].acronym == "IBICT"


def test_a_body_name_does_not_swallow_in_country_without_an_acronym():
    found = orgs("The meeting was held at the University of Cape Town in South Africa.")
    assert "University of Cape Town" in found


def test_an_event_name_is_not_a_body():
    assert not orgs("The 10th Joint Committee Meeting was held in Beijing.")


def test_a_country_adjective_before_an_acronym_defined_name_is_its_country():
    found = orgs("Launch of the initiative with the Thai National Science and Technology Development Agency (NSTDA).")
    assert "National Science and Technology Development Agency" in found
    m = found["National Science and Technology Development Agency"]
    assert (m.acronym, m.country) == ("NSTDA", "TH")


def test_a_longer_name_takes_the_acronym_of_its_tail():
    found = orgs("It is run by the Royal National Science and Technology Development Agency (NSTDA).")
    assert found["Royal National Science and Technology Development Agency"].acronym == "NSTDA"


@pytest.mark.parametrize("text", ["The FAIR Principles were adopted.", "OECD Guidelines were cited.", "ORCID Identifiers are used.",
                                  "Data was shared via DOI Names."])
def test_an_acronym_before_a_plural_noun_is_not_a_chinese_name(text):
    assert people(text) == []


@pytest.mark.parametrize("text", ["The Scientific Committee thanked the hosts.", "The National Committee met.", "The Data Center opened."])
def test_a_head_noun_with_generic_words_only_is_no_name(text):
    assert orgs(text) == {}


@pytest.mark.parametrize("text, name", [("The Joint Research Centre hosts it.", "Joint Research Centre"),
                                         ("The Steering Committee of the Arctic Data Alliance met.", "Steering Committee of the Arctic Data Alliance")])
def test_names_with_some_generic_words_are_still_names(text, name):
    assert name in orgs(text)


def test_an_acronym_before_its_own_name_is_not_a_parent():
    found = orgs("The German Research Centre for Geosciences (GFZ) hosts it. The GFZ German Research Centre for Geosciences was founded in 1992.")
    assert all(m.parent is None for m in found.values())
    found = orgs("The CAS Institute of Geographic Sciences met.")
    assert found["Institute of Geographic Sciences"].parent.entry.id == "cas"


@pytest.mark.parametrize("text, name", [("ZHANG Shizhuan briefly introduced it.", "ZHANG Shizhuan"), ("YAMAKAWA Hiroshi spoke.", "YAMAKAWA Hiroshi"),
                                         ("KIM Minjun spoke.", "KIM Minjun"), ("OUYANG Ziyuan spoke.", "OUYANG Ziyuan")])
def test_a_surname_in_capitals_before_the_given_name(text, name):
    assert people(text) == [name]


@pytest.mark.parametrize("text", ["It runs GNU Octave on Linux.", "The ORCID Registry is open.", "See USGS Earthquake data."])
def test_an_unknown_acronym_before_a_word_is_not_a_surname(text):
    assert people(text) == []


def test_an_acronym_after_a_unit_and_its_parent_names_the_unit():
    """"<Institute>, <parent> (ACRONYM)": the acronym is the institute's (its letters, then perhaps the
    parent's), and the parent stays a body of its own."""
    for text, name, acr in [
        ("Dr. Lee visited the Institute of Tibetan Plateau Research, Chinese Academy of Sciences (ITPCAS) in June.",
         "Institute of Tibetan Plateau Research", "ITPCAS"),
        ("Scientists of the Institute of Atmospheric Physics, CAS (IAP) met.", "Institute of Atmospheric Physics", "IAP"),
    ]:
        (unit,) = [m for m in orgs(text).values() if m.acronym == acr]
        assert unit.text == name and unit.parent is not None and unit.parent.text in ("Chinese Academy of Sciences", "CAS")


def test_an_adjective_before_and_keeps_one_body_but_two_universities_stay_two():
    assert list(orgs("Experts of the Kenya Agricultural and Livestock Research Organization met.")) == \
        ["Kenya Agricultural and Livestock Research Organization"]
    assert list(orgs("Experts from the University of Tokyo and Kenyatta University met.")) == ["University of Tokyo", "Kenyatta University"]


def test_and_between_two_names_is_a_list_not_one_body():
    """"and" after a head noun or a place joins two names: the acronym goes to the last body only."""
    found = orgs("Partners include Peking University, Fudan University and Wuhan University (WHU). WHU leads the work.")
    assert set(found) == {"Peking University", "Fudan University", "Wuhan University", "WHU"}
    assert found["Wuhan University"].acronym == "WHU" and found["Fudan University"].acronym is None
    found = orgs("Researchers from Beijing, Shanghai and Wuhan University (WHU) met on 3 May 2021.")
    assert set(found) == {"Wuhan University"} and found["Wuhan University"].acronym == "WHU"
    # while "and" inside one name stays: an adjective before it
    assert "Kenya Agricultural and Livestock Research Organization" in orgs(
        "The Kenya Agricultural and Livestock Research Organization (KALRO) joined the project.")


@pytest.mark.parametrize("text, name", [
    ("It is hosted by the National Council for Research, Technology and Innovation (NCRTI).",
     "National Council for Research, Technology and Innovation"),
    ("The Federal Institute for Forest, Snow and Landscape Research opened a station.",
     "Federal Institute for Forest, Snow and Landscape Research"),
    ("The Ministry of Science, Technology and Innovation funded it.", "Ministry of Science, Technology and Innovation"),
    ("The Andean Academy of Sciences, Letters and Arts met in Quito.", "Andean Academy of Sciences, Letters and Arts"),
])
def test_a_name_whose_of_lists_fields_goes_past_the_commas(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, names", [
    # a head of a body's name, or a place, in the list: a list of bodies and places, not one name
    ("It was organized by the Institute of Physics, Chemistry Department and the Nordic Data Institute.",
     {"Institute of Physics", "Chemistry Department", "Nordic Data Institute"}),
    ("Staff of the Ministry of Science, Kenya and Peru attended.", {"Ministry of Science"}),
    # a title after "and": a person follows
    ("Prof. Ana Ruiz from the University of Malaga and Dr. Tom Berg from the Nordic Data Institute spoke.",
     {"University of Malaga", "Nordic Data Institute"}),
])
def test_a_list_after_a_name_is_not_part_of_it(text, names):
    assert set(orgs(text)) == names


def test_the_acronym_of_a_name_with_listed_fields_is_the_whole_names():
    found = [m for m in find_mentions("The National Council for Research, Technology and Innovation (NCRTI) met. NCRTI funds it.")
             if m.label == "ORG"]
    assert [(m.text, m.extra.get("long")) for m in found] == [
        ("National Council for Research, Technology and Innovation", None),
        ("NCRTI", "National Council for Research, Technology and Innovation")]


@pytest.mark.parametrize("text, name", [
    ("The memorandum was signed by Gudrun Olafsdottir, director of the Icelandic Met Data Centre.", "Gudrun Olafsdottir"),
    ("Also present was Maria-Luisa Fernandez from the University of Barcelona.", "Maria-Luisa Fernandez"),
    ("Solveig Haugland said the archive would open in May.", "Solveig Haugland"),
    ("Guests included Tuomas Virtanen of the Finnish Polar Archive.", "Tuomas Virtanen"),
])
def test_a_name_the_model_takes_for_a_body_is_a_person_in_a_persons_context(text, name):
    """The statistical model reads some names of people as bodies; with a person's shape and a
    person's context after it (a post, a verb of speech, the body they come from) it is a person."""
    assert name in people(text)
    assert name not in orgs(text)


@pytest.mark.parametrize("text, body", [
    ("The Nordic Polar Archive said it would open in May.", "Nordic Polar Archive"),
    ("Researchers of the Volta Basin Data Centre from Accra came.", "Volta Basin Data Centre"),
])
def test_a_bodys_name_in_a_persons_context_stays_a_body(text, body):
    assert body in orgs(text)
    assert not any(body in p for p in people(text))


def test_a_person_after_and_is_not_part_of_the_bodys_name():
    text = "Present were Wang Li of the Polar Research Institute of Norway and Maria-Luisa Fernandez from the University of Barcelona."
    assert "Maria-Luisa Fernandez" in people(text)
    assert not any("Fernandez" in o for o in orgs(text))


@pytest.mark.parametrize("text, name, cls", [
    ("The ICEWATCH project started in 2022.", "ICEWATCH", "Project"),
    ("The SEA-LINK project is funded by the Nordic Research Council.", "SEA-LINK", "Project"),
    ("OCEANDATA is a three-year project funded by the European Commission.", "OCEANDATA", "Project"),
    ("FJORDLINK (Fjord Observation Data Linkage) is a three-year project funded by the Nordic Research Council.", "FJORDLINK", "Project"),
    ("The Polaris initiative trains data stewards.", "Polaris initiative", "Program"),
    ("GeoNorth is an open platform for Arctic data.", "GeoNorth", "Platform"),
])
def test_a_project_with_a_coined_name(text, name, cls):
    found = orgs(text)
    assert name in found, found
    assert found[name].cls == cls


def test_a_coined_project_named_again_is_the_project():
    text = "OCEANDATA is a three-year project. Since 2023 OCEANDATA has shared its catalogue."
    assert [(m.text, m.start) for m in find_mentions(text) if m.label == "ORG"] == [("OCEANDATA", 0), ("OCEANDATA", 46)]


@pytest.mark.parametrize("text", ["The Berlin project ended.", "The Director project was new.", "The Research project grew."])
def test_a_place_or_a_common_word_before_project_is_no_projects_name(text):
    assert orgs(text) == {}


def test_an_acronym_and_a_common_noun_are_no_persons_name():
    assert people("It contributes to the UN Decade of Ocean Science.") == []
    assert people("WANG Xiaoming of the Polar Institute and Dr. Anna Day spoke.") == ["WANG Xiaoming", "Anna Day"]


@pytest.mark.parametrize("text, again", [
    ("On 12 May, LIU Fang, Vice President of the Eastern Academy, met the guests. LIU welcomed the delegation.", "LIU"),
    ("WANG Jiaqi of the Polar Data Union spoke first. Later WANG presented the portal.", "WANG"),
])
def test_a_family_name_in_capitals_said_again_is_the_person(text, again):
    ms = find_mentions(text)
    later = [m for m in ms if m.text == again and m.start > text.index(".")]
    assert later and all(m.label == "PERSON" for m in later), [(m.text, m.label) for m in ms]


def test_an_acronym_that_no_person_bears_stays_a_body():
    ms = find_mentions("The Nordic Ice Institute (NII) hosted Dr. Lena Holm. NII presented its portal.")
    assert [m.label for m in ms if m.text == "NII"] and all(m.label == "ORG" for m in ms if m.text == "NII")
