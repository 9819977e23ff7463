"""Extractor 9's phenomena, each in several forms of our own writing: bodies a document names only
by an acronym it never spells out, an acronym defined after an event's or a role's "of", one event
named in the headline without its number or its owner, a city named with and without its country,
and the names the text uses for countries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.acronym_bodies import acronym_bodies
from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from collabkg.loaders.registry import load_places, load_registry


def run(text: str, issued: dt.date | None = dt.date(2023, 1, 15), title: str | None = None):
    x = extract(Document(Path("t.txt"), text, issued=issued, title=title))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return x, label


def facts(x, label, *predicates):
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in predicates}


def bodies(x):
    return {e.label for e in x.entities.values() if e.kind == "organization"}


def events(x):
    return {e.label for e in x.entities.values() if e.kind == "event"}


# -- bodies named only by an acronym -------------------------------------------------------------
@pytest.mark.parametrize("text, acronym", [
    ("In 2019 NORDA was formally launched in Oslo. NORDA member organizations signed its charter, and NORDA will admit new members.", "NORDA"),
    ("Prof. Lena Holm, Vice-President of SEAMO, opened the meeting. SEAMO has grown since then.", "SEAMO"),
    ("The PANDAT Secretariat wrote to the members. PANDAT was founded in 2001.", "PANDAT"),
    ("The OCEAX working group met twice. Later OCEAX reported on its work.", "OCEAX"),
    ("The forum was attended by programmes such as UNEP, WMO, KELPO and CODATA. KELPO sent two experts.", "KELPO"),
])
def test_an_acronym_used_as_a_body_is_a_body_wherever_the_text_uses_it(text, acronym):
    ms = acronym_bodies(text, [], load_registry(), load_places())
    x, label = run(text)
    # every use is the body: one entity, with the evidence of each sentence naming it
    assert acronym in bodies(x), bodies(x)
    key = next(k for k, e in x.entities.items() if e.label == acronym)
    uses = text.count(acronym)
    unit = next((u for u in (f"{acronym} Secretariat", f"{acronym} working group") if u in text), None)
    if unit:  # named once through its unit, which is part of it
        assert (unit, "org:subOrganizationOf", acronym) in facts(x, label, "org:subOrganizationOf")
    else:  # each sentence naming it is its evidence (the texts name it in two sentences or more)
        assert len({ev.start for ev in x.entities[key].evidence}) >= 2, x.entities[key].evidence
    if "such as" not in text:  # alone, with no other mentions given, each use is found
        assert [m.text for m in ms] == [acronym] * uses


@pytest.mark.parametrize("text, word", [
    ("The COVID pandemic slowed the survey, and FAIR data principles were adopted.", "FAIR"),
    ("The project sequenced DNA samples; the GDP of the region grew.", "DNA"),
    ("Chapter XIV of the report covers ARGOX floats.", "XIV"),
])
def test_capitals_that_name_no_body_are_no_bodies(text, word):
    x, _ = run(text)
    assert word not in bodies(x), bodies(x)
    assert not acronym_bodies(text, [], load_registry(), load_places())


def test_an_acronym_the_document_spells_out_is_read_where_it_is_defined_not_as_a_second_body():
    text = "The Nordic Ocean Data Alliance (NODA) met in Bergen. NODA member organizations agreed on a plan."
    x, _ = run(text)
    assert [e.label for e in x.entities.values() if e.kind == "organization"] == ["Nordic Ocean Data Alliance"]
    assert not acronym_bodies(text, [], load_registry(), load_places(), {"NODA": "Nordic Ocean Data Alliance"})


# -- an acronym after an event's or a role's "of" names what follows the "of" ------------------------
@pytest.mark.parametrize("text, body, acronym", [
    ("The 2021 Annual Meeting of the Polar Data Alliance (PDA) was held online on 3 May 2021.", "Polar Data Alliance", "PDA"),
    ("Dr. Anna Berg, Director of the Ocean Data Centre (ODC), opened the session.", "Ocean Data Centre", "ODC"),
    ("The Third Workshop of the Coastal Observation Network (CONET) ended on 4 June 2020.", "Coastal Observation Network", "CONET"),
])
def test_an_acronym_defined_after_an_events_or_roles_of_names_the_body(text, body, acronym):
    x, _ = run(text)
    assert body in bodies(x), bodies(x)
    ent = next(e for e in x.entities.values() if e.label == body)
    assert acronym in ent.acronyms
    assert not any(w in b for b in bodies(x) for w in ("Meeting", "Director", "Workshop")), bodies(x)


# -- "<unit> of the <known body> (ACR)": the acronym is the unit's, the body its parent ----------------
@pytest.mark.parametrize("text, unit, acronym, parent", [
    ("A mission of the National Astronomical Observatories of the Chinese Academy of Sciences (NAOX) visited Lima. "
     "Dr. Zhang Wei, Deputy Director of the NAOX, led it.", "National Astronomical Observatories", "NAOX", "Chinese Academy of Sciences"),
    ("Researchers of the Institute of Atmospheric Physics of the Chinese Academy of Sciences (IAPX) met in Lima. "
     "Dr. Zhang Wei, Director of IAPX, opened the meeting.", "Institute of Atmospheric Physics", "IAPX", "Chinese Academy of Sciences"),
    ("The Laboratories of Ocean Acoustics of the National Oceanic and Atmospheric Administration (LOAX) hosted the school. "
     "Dr. Zhang Wei, Director of LOAX, spoke.", "Laboratories of Ocean Acoustics", "LOAX", "National Oceanic and Atmospheric Administration"),
])
def test_an_acronym_after_a_unit_of_a_known_body_is_the_units(text, unit, acronym, parent):
    x, label = run(text)
    ent = next(k for k, e in x.entities.items() if e.label == unit)
    assert acronym in x.entities[ent].acronyms
    assert (unit, "org:subOrganizationOf", parent) in facts(x, label, "org:subOrganizationOf")
    posts = {x.entities[o].label for p in x.objects(next(k for k, e in x.entities.items() if e.label == "Zhang Wei"), "org:holds")
             for o in x.objects(p, "org:postIn")}
    assert posts == {unit}


# -- one event: the headline names it without its owner or its number --------------------------------
@pytest.mark.parametrize("headline, body, name", [
    ("PDA Holds 2021 Annual Meeting",
     "The 2021 Annual Meeting of the Polar Data Alliance (PDA) took place by video link on 9 March 2021, with Prof. Lena Holm in the chair.",
     "2021 Annual Meeting of the Polar Data Alliance"),
    ("NORDA Working Group Meeting",
     "The 1st NORDA Working Group Meeting took place in Oslo on 8-9 June 2019. NORDA member organizations sent delegates.",
     "First NORDA Working Group Meeting"),
    ("Kelp Data Forum",
     "The 2nd Kelp Data Forum was held in Hobart on 3 March 2022, organized by the Tasman Ocean Institute.",
     "Second Kelp Data Forum"),
])
def test_a_headline_naming_the_event_without_its_owner_or_number_names_the_same_event(headline, body, name):
    x, _ = run(f"{headline}\n\n{body}")
    evs = [e for e in x.entities.values() if e.kind == "event"]
    assert len(evs) == 1, events(x)
    assert name in {evs[0].label, *evs[0].alt_labels}


def test_two_events_of_one_name_on_two_dates_stay_two():
    x, _ = run("Ocean Data Annual Meeting\n\nThe Annual Meeting of the Polar Data Alliance was held on 3 May 2021. "
               "The Annual Meeting was held again on 5 May 2022 in Oslo.")
    assert len([e for e in x.entities.values() if e.kind == "event"]) >= 1
    dates = {str(d) for k, e in x.entities.items() if e.kind == "event" for d in x.objects(k, "schema:startDate")}
    for k, e in x.entities.items():
        if e.kind == "event":
            assert len({str(d) for d in x.objects(k, "schema:startDate")}) <= 1, (e.label, dates)


# -- a city named with and without its country is one city ----------------------------------------
@pytest.mark.parametrize("text, city, country", [
    ("The 2nd Highland Data Conference Held in Kunming,China\n\nOct 11, 2018\n\nThe conference opened in Kunming on Oct. 11, 2018 and lasted three days.",
     "Kunming", "China"),
    ("Nairobi workshop\n\nThe workshop opened in Nairobi on 3 May 2021. Delegates met again in Nairobi, Kenya on 5 May.",
     "Nairobi", "Kenya"),
])
def test_a_city_named_with_and_without_its_country_is_one_city_in_that_country(text, city, country):
    x, label = run(text)
    cities = [k for k, e in x.entities.items() if e.kind == "place" and e.label == city]
    assert len(cities) == 1, cities
    assert (city, "schema:containedInPlace", country) in facts(x, label, "schema:containedInPlace")


# -- the names the text uses for a country ----------------------------------------------------------
def test_a_countrys_other_names_as_the_text_writes_them_are_its_alternative_labels():
    x, _ = run("Experts from the UK, the US, Japan and Kenya attended the Kelp Data Forum in Hobart on 3 March 2022.")
    by_label = {e.label: e for e in x.entities.values() if e.kind == "place"}
    assert "UK" in by_label["United Kingdom"].alt_labels
    assert "US" in by_label["United States"].alt_labels
    assert by_label["Japan"].alt_labels == set()
    # an adjective is no name of the country
    x, _ = run("British and Kenyan experts attended the Kelp Data Forum in Hobart on 3 March 2022.")
    assert all("British" not in e.alt_labels for e in x.entities.values())


# -- bodies named in lower case with an acronym, referred back to by their plural, placed by a fronted participle --
@pytest.mark.parametrize("text, name, acronym, parent", [
    ("The alliance also presented its first six regional centres of excellence (RCoE) of the Polar Data Programme.",
     "regional centres of excellence", "RCoE", "Polar Data Programme"),
    ("Two joint research laboratories (JRLs) were opened in 2019 by the Andean Science Academy.",
     "joint research laboratories", "JRLs", None),
])
def test_a_body_named_in_lower_case_and_spelt_by_its_acronym_is_a_body(text, name, acronym, parent):
    x, label = run(text)
    ent = next((e for e in x.entities.values() if e.label == name), None)
    assert ent is not None and ent.kind == "organization", bodies(x)
    assert acronym in ent.acronyms
    if parent:  # a programme's units are its partners, not parts of a programme (which is no body)
        assert (parent, "ckg:partner", name) in facts(x, label, "ckg:partner")


@pytest.mark.parametrize("text", [
    "The plan serves the sustainable development goals (SDGs) of the region.",
    "They discussed artificial intelligence (AI) and high performance computing (HPC) for big data.",
])
def test_lower_case_words_spelling_an_acronym_are_no_body_unless_their_head_noun_is_a_bodys(text):
    x, _ = run(text)
    assert not any(e.label[:1].islower() for e in x.entities.values() if e.kind == "organization"), bodies(x)


@pytest.mark.parametrize("text, thing, places", [
    ("The alliance also presented its first six regional centres of excellence (RCoE) of the Polar Data Programme. "
     "Located in Chile, Peru, the UK, Norway and Kenya, the centres have pursued joint research on coastal data.",
     "regional centres of excellence", {"Chile", "Peru", "United Kingdom", "Norway", "Kenya"}),
    ("Located in Suva and Apia, the Pacific Ocean Data Center runs the regional archive.",
     "Pacific Ocean Data Center", {"Suva", "Apia"}),
    ("Based in Lima, the Andean Data Institute hosts the network's archive.", "Andean Data Institute", {"Lima"}),
])
def test_a_fronted_located_in_a_list_of_places_places_the_subject_in_each(text, thing, places):
    x, label = run(text)
    found = {o for s, _, o in facts(x, label, "schema:location") if s == thing}
    assert found == places, facts(x, label, "schema:location")


def test_a_body_in_a_list_of_places_is_still_placed_only_by_its_own_place():
    # without a fronted participle the list rule stands: "X, Bergen, Norway and Y" gives X no list of places
    x, label = run("Partners were the Nordic Data Institute, Bergen, Norway and the Pacific Ocean Data Center, Suva.")
    located = facts(x, label, "schema:location")
    assert ("Nordic Data Institute", "schema:location", "Suva") not in located


# -- units named with a lower-case head, and the people who lead them -------------------------------
@pytest.mark.parametrize("text, unit, parent", [
    ("The forum is run by the Ocean Cloud Exchange (OCEX) together with the Polar Data Institute. "
     "The OCEX QA group will report first.", "OCEX QA group", "Ocean Cloud Exchange"),
    ("The forum is run by the Ocean Cloud Exchange (OCEX) together with the Polar Data Institute. "
     "The OCEX working group met in May 2021.", "OCEX working group", "Ocean Cloud Exchange"),
    ("Case studies came from the Sonar group of Dr Ana Lind and the Drift-7 group of Dr Li Wen.", "Sonar group", None),
    ("Case studies came from the Sonar group of Dr Ana Lind and the Drift-7 group of Dr Li Wen.", "Drift-7 group", None),
    ("Dr Tom Rey leads the Nordic FedData task force.", "Nordic FedData task force", None),
])
def test_a_unit_named_with_a_lower_case_head_is_a_unit_of_the_body_named_before_it(text, unit, parent):
    x, label = run(text)
    assert unit in bodies(x), bodies(x)
    if parent:
        assert (unit, "org:subOrganizationOf", parent) in facts(x, label, "org:subOrganizationOf")


@pytest.mark.parametrize("text", [
    "The Lima group and the Chinese group met in Lima on 3 May 2021.",
    "Group photos were taken. The group then visited Oslo.",
])
def test_a_place_or_a_countrys_adjective_before_group_makes_no_unit(text):
    x, _ = run(text)
    assert not any(b.endswith("group") for b in bodies(x)), bodies(x)


@pytest.mark.parametrize("text, person, role, unit", [
    ("Dr Eva Moss, who chairs the OCEX QA group, will speak at the Ocean Cloud Exchange (OCEX) meeting.", "Eva Moss", "Chair", "OCEX QA group"),
    ("We invited Dr Tom Rey, who leads the Nordic FedData task force, and Prof. Ana Lind.", "Tom Rey", "Leader", "Nordic FedData task force"),
    ("Prof. Li Wen, who heads the Andean Data Institute, opened the forum.", "Li Wen", "Head", "Andean Data Institute"),
])
def test_a_person_who_leads_or_chairs_a_body_holds_that_post_in_it(text, person, role, unit):
    x, label = run(text)
    posts = [k for k, e in x.entities.items() if e.kind == "post"]
    held = {(label(x.objects(p, "org:heldBy")[0]), str(x.objects(p, "ckg:roleTitle")[0]), label(x.objects(p, "org:postIn")[0]))
            for p in posts if x.objects(p, "org:heldBy") and x.objects(p, "org:postIn") and x.objects(p, "ckg:roleTitle")}
    assert (person, role, unit) in held, held


# -- a name written right after a country's is a body of that country --------------------------------
def test_an_unknown_name_written_right_after_a_country_is_a_body_of_that_country_not_a_city():
    x, label = run("Dr Li Wen from China Kelpnet will talk about sensor networks in Kelpnet and their work with CNIC.")
    kelpnet = next((k for k, e in x.entities.items() if e.label == "Kelpnet"), None)
    assert kelpnet is not None and x.entities[kelpnet].kind == "organization"
    assert ("Kelpnet", "ckg:country", "China") in facts(x, label, "ckg:country")
    assert not any(e.kind == "place" and e.label == "Kelpnet" for e in x.entities.values())


@pytest.mark.parametrize("headline", [
    "Peruvian Delegation Briefed on Hydrology During a Visit to Cusco",
    "Scientists Meet at a Workshop in Arequipa",
    "A Ceremony in Cusco Marks the New Agreement",
])
def test_an_event_s_noun_capitalised_in_a_headline_is_no_place(headline):
    x, _ = run(f"{headline}\n\nThe delegation met staff of the Andean Water Institute in Cusco on 3 March 2015.")
    places = {e.label for e in x.entities.values() if e.kind == "place"}
    assert not places & {"Visit", "Workshop", "Ceremony", "Meeting"}
    assert "Cusco" in places


@pytest.mark.parametrize("text, unit, body", [
    ("The Secretariat of Nordic National Committee for SCAR is hosted by the Nordic Data Institute.",
     "Secretariat of Nordic National Committee for SCAR", "Nordic National Committee for SCAR"),
    ("The Executive Office of the Polar Data Alliance moved to Tromso in 2019.", "Executive Office of the Polar Data Alliance", "Polar Data Alliance"),
    ("Staff of the Secretariat of the Andean Water Council visited Lima.", "Secretariat of the Andean Water Council", "Andean Water Council"),
])
def test_a_unit_named_with_of_and_its_body_is_a_unit_of_that_body(text, unit, body):
    x, label = run(text)
    parts = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}
    assert (unit, body) in parts


@pytest.mark.parametrize("text, name", [
    ("The Office of Polar Programs funds the station.", "Office of Polar Programs"),
    ("The Secretariat of State for Research visited Lima.", "Secretariat of State for Research"),
])
def test_a_unit_whose_of_names_no_body_stays_whole(text, name):
    x, label = run(text)
    assert not any(label(f.subject) == name for f in x.facts if f.predicate == "org:subOrganizationOf")


@pytest.mark.parametrize("text, person, city", [
    ("The MoU was signed by Lena Holm (NDI) and Milan Novak (PDA). Vice-President Milan Novak spoke in Beijing.", "Milan Novak", "Milan"),
    ("Dr. Florence Abiola opened the session. The report of Lena Holm and Florence Abiola was adopted.", "Florence Abiola", "Florence"),
    ("Prof. Sydney Okafor chaired. Sydney Okafor and Lena Holm signed the letter in Lagos.", "Sydney Okafor", "Sydney"),
])
def test_a_city_s_name_before_the_family_name_of_a_person_named_in_full_is_that_person(text, person, city):
    x, _ = run(text)
    assert person in {e.label for e in x.entities.values() if e.kind == "person"}
    assert city not in {e.label for e in x.entities.values() if e.kind == "place"}


@pytest.mark.parametrize("text, person, title", [
    ("The forum opened with addresses from Lena Holm and Prince Haakon of Norway.", "Haakon", "Prince"),
    ("Queen Margrethe II of Denmark attended the dinner of the Nordic Data Forum.", "Margrethe II", "Queen"),
    ("The congress opened with an address from Prince Henrik II. of Denmark.", "Henrik II", "Prince"),
    ("Sheikh Hamad of Qatar sent a message to the Arab Data Summit.", "Hamad", "Sheikh"),
])
def test_a_ruler_s_title_before_a_name_is_a_person(text, person, title):
    x, label = run(text)
    assert person in {e.label for e in x.entities.values() if e.kind == "person"}
    assert (person, "foaf:title", title) in {(label(f.subject), f.predicate, str(f.obj)) for f in x.facts if f.predicate == "foaf:title"}
    assert not {"Prince", "Queen", "Sheikh"} & {e.label.split()[0] for e in x.entities.values() if e.kind == "person"}


@pytest.mark.parametrize("text, body, cls", [
    ("The school on 8 May 2022 was organised by the Académie Royale de Belgique in Brussels.", "Académie Royale de Belgique", "ckg:Academy"),
    ("The workshop was hosted by the Swiss Académie des Sciences Naturelles in Bern on 8 May 2022.", "Swiss Académie des Sciences Naturelles", "ckg:Academy"),
    ("The workshop was organised by the Istituto Nazionale di Oceanografia in Trieste on 3 May 2021.", "Istituto Nazionale di Oceanografia", "ckg:ResearchInstitute"),
    ("Data were shared with the Observatoire de Paris in 2020.", "Observatoire de Paris", "ckg:ResearchCenter"),
])
def test_a_body_named_in_its_own_language_is_a_body(text, body, cls):
    x, _ = run(text)
    found = [e for e in x.entities.values() if e.kind == "organization" and e.label == body]
    assert found and cls in found[0].classes


def test_a_post_titled_in_another_language_is_a_post():
    x, _ = run("Jean Dupont, Directeur Général of the Institut Polaire de Bretagne, closed the school in Brest on 8 May 2022.")
    assert "Directeur Général, Institut Polaire de Bretagne" in {e.label for e in x.entities.values() if e.kind == "post"}


@pytest.mark.parametrize("text, unit, body", [
    ("The Polar Data Alliance’s Board on Ice Data and Information (BIDI) proposes a study of data sharing.",
     "Board on Ice Data and Information", "Polar Data Alliance"),
    ("The Andean Science Academy's Committee on Water Data met in Lima on 3 May 2021.", "Committee on Water Data", "Andean Science Academy"),
    ("The Nordic Data Institute (NDI) grew. The NDI's Data Committee met in Oslo.", "Data Committee", "Nordic Data Institute"),
    ("Partners\nNordic Data Institute\nThe Polar Data Alliance’s Board on Ice Data (BID) met in Oslo.", "Board on Ice Data", "Polar Data Alliance"),
])
def test_a_unit_named_after_a_body_s_possessive_is_a_unit_of_that_body(text, unit, body):
    x, label = run(text)
    assert (unit, body) in {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:subOrganizationOf"}


@pytest.mark.parametrize("text, committee, country", [
    ("The forum was co-organised by the CODATA Estonia National Committee and the University of Tartu.", "codata-estonia", "Estonia"),
    ("Dr. Ana Ruiz, who chairs the CODATA Kenya National Committee, spoke.", "codata-kenya", "Kenya"),
])
def test_a_bodys_name_a_countrys_and_national_committee_is_that_countrys_national_committee(text, committee, country):
    x, label = run(text)
    key = f"organization/{committee}"
    assert key in x.entities
    assert x.objects(key, "ckg:nationalCommitteeOf") == ["organization/codata"]
    assert not x.objects(key, "org:subOrganizationOf")
    assert "Estonia National Committee" not in bodies(x) and "Kenya National Committee" not in bodies(x)
