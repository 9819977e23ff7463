"""Partners as "about us" pages write them: "Its main partners include A, B and C", "Together with A,
B runs ...", "B hosts the secretariat of A", and "the institute" meaning the body last named by its
acronym. All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def read(text: str, *predicates: str) -> set[tuple[str, str, str]]:
    x = extract(Document(Path("t.txt"), f"About us\n\n{text}\n", issued=dt.date(2024, 5, 1)))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in predicates}


def pairs(found) -> set[frozenset]:
    return {frozenset((s, o)) for s, _, o in found}


@pytest.mark.parametrize("text", [
    "The Andean Glacier Institute studies tropical glaciers. Its main partners include the University of Bergen, the Lusophone Data Council and the Ocean Data Trust.",
    "The Andean Glacier Institute studies tropical glaciers. Its partners are the University of Bergen, the Lusophone Data Council and the Ocean Data Trust.",
    "The Andean Glacier Institute's key partners include the University of Bergen, the Lusophone Data Council and the Ocean Data Trust.",
])
def test_a_bodys_partners_listed(text):
    found = pairs(read(text, "ckg:cooperatesWith"))
    assert found == {frozenset(("Andean Glacier Institute", b)) for b in ("University of Bergen", "Lusophone Data Council", "Ocean Data Trust")}


def test_its_after_a_sentence_about_two_bodies_is_not_guessed():
    text = ("The Andean Glacier Institute and the Volta Basin Data Centre met in Lima. "
            "Its main partners include the University of Bergen and the Ocean Data Trust.")
    assert read(text, "ckg:cooperatesWith") == set()


@pytest.mark.parametrize("text, a, b", [
    ("Together with the University of Bergen, the Andean Glacier Institute runs a joint laboratory in Huaraz.",
     "Andean Glacier Institute", "University of Bergen"),
    ("The Andean Glacier Institute, jointly with the Ocean Data Trust, publishes an annual glacier inventory.",
     "Andean Glacier Institute", "Ocean Data Trust"),
    ("The Andean Glacier Institute and the University of Bergen launched a joint webinar series on glacier data in 2024.",
     "Andean Glacier Institute", "University of Bergen"),
    # the parser hangs the second body on the first one's parent: still the two that launched it
    ("The Polar Data Centre (PDC) of the Nordic Research Council and the Kenya Research Network (KRN) set up a joint training programme.",
     "Polar Data Centre", "Kenya Research Network"),
])
def test_together_with_or_launching_something_joint(text, a, b):
    assert frozenset((a, b)) in pairs(read(text, "ckg:cooperatesWith"))


@pytest.mark.parametrize("verb", ["has hosted", "also hosts", "houses"])
def test_a_body_hosting_the_secretariat_of_another(verb):
    text = f"Since 2019 the Andean Glacier Institute {verb} the secretariat of the Andean Mountain Data Association."
    assert ("Andean Mountain Data Association", "ckg:hostedBy", "Andean Glacier Institute") in read(text, "ckg:hostedBy")


def test_the_institute_is_the_one_last_named_by_its_acronym():
    text = ("The Andean Glacier Institute (AGI) works with the Swiss Snow Institute. In 2019 AGI opened a field station. "
            "Since 2020 the institute has been a partner of the Global Cryosphere Watch programme.")
    partners = read(text, "ckg:partner")
    assert {s for s, _, o in partners if o == "Andean Glacier Institute"} == {"Global Cryosphere Watch programme"}
    assert not any(o == "Swiss Snow Institute" for _, _, o in partners)


@pytest.mark.parametrize("text", [
    "The Andean Mountain Data Association was founded in 2016 and is hosted by the Andean Glacier Institute.",
    "The Andean Mountain Data Association was set up in 2016 and has since been hosted by the Andean Glacier Institute.",
])
def test_founded_and_hosted_by(text):
    assert ("Andean Mountain Data Association", "ckg:hostedBy", "Andean Glacier Institute") in read(text, "ckg:hostedBy")


def test_the_hosts_name_with_listed_fields_is_one_body():
    text = "The Volta Data Committee was founded in 2012 and is hosted by the National Council for Research, Technology and Innovation (NCRTI)."
    assert read(text, "ckg:hostedBy") == {("Volta Data Committee", "ckg:hostedBy", "National Council for Research, Technology and Innovation")}


def test_a_body_holding_its_meeting_at_a_venue():
    text = "The Volta Data Committee held its 2024 annual meeting at the Volta Basin Research Institute (VBRI) in Accra on 12 March 2024."
    where = {o for _, _, o in read(text, "schema:location")}
    assert {"Volta Basin Research Institute", "Accra"} <= where


NETWORK = ("The Baltic Sea Data Network was launched in 2014 by the Nordic Research Council and the Ocean Data Trust. "
           "{sentence}\n\n"
           "Members of the network's steering committee are Dr. Eva Berg (Ocean Data Trust), Prof. Jan Nowak (IMP) and Dr. Ola Dahl.")


@pytest.mark.parametrize("sentence", ["Its secretariat is based at the Institute of Marine Physics (IMP) in Gdansk.",
                                      "Its secretariat is hosted by the Institute of Marine Physics (IMP)."])
def test_its_secretariat_is_based_at(sentence):
    found = read(NETWORK.format(sentence=sentence), "ckg:hostedBy")
    assert ("Baltic Sea Data Network", "ckg:hostedBy", "Institute of Marine Physics") in found


def test_the_committee_of_the_body_a_possessive_names_not_the_last_committee():
    found = read(NETWORK.format(sentence="Its secretariat is based at the Institute of Marine Physics (IMP) in Gdansk."),
                 "org:memberOf", "org:subOrganizationOf")
    committee = "Steering committee of the Baltic Sea Data Network"
    assert (committee, "org:subOrganizationOf", "Baltic Sea Data Network") in found
    assert {s for s, p, o in found if o == committee and p == "org:memberOf"} == {"Eva Berg", "Jan Nowak", "Ola Dahl"}
    # "Prof. Jan Nowak (IMP)": the acronym in parentheses after a name is the person's body
    assert ("Jan Nowak", "org:memberOf", "Institute of Marine Physics") in found


def test_a_possessive_owner_named_nowhere_before_is_not_guessed():
    found = read("The Nordic Research Council met in Oslo. Members of the alliance's steering committee are Dr. Eva Berg and Dr. Ola Dahl.",
                 "org:memberOf", "org:subOrganizationOf")
    assert not any("Nordic Research Council" in (s, o) for s, _, o in found)


@pytest.mark.parametrize("opening", ["Three organizations joined the Baltic Sea Data Network in 2023:",
                                     "New members have joined the Baltic Sea Data Network:",
                                     # the body that welcomed or admitted them, or the one after "new members of"
                                     "The Baltic Sea Data Network welcomed three new members in 2023:",
                                     "At its meeting in Riga, the Baltic Sea Data Network admitted three new institutional members:",
                                     "The council approved the admission of three new members of the Baltic Sea Data Network:"])
def test_bodies_listed_after_joined(opening):
    found = read(f"{opening} the Icelandic Met Office, the University of Tartu and the Latvian Institute of Aquatic Ecology.", "org:memberOf")
    assert found == {(b, "org:memberOf", "Baltic Sea Data Network")
                     for b in ("Icelandic Met Office", "University of Tartu", "Latvian Institute of Aquatic Ecology")}


@pytest.mark.parametrize("sentence", [
    "The Baltic Ocean Data Centre was accredited as a Regular Member of the World Data Network in March 2022.",
    "In 2021 the Baltic Ocean Data Centre was admitted as a member of the World Data Network.",
])
def test_a_body_accepted_as_a_member(sentence):
    assert ("Baltic Ocean Data Centre", "org:memberOf", "World Data Network") in read(sentence, "org:memberOf")


def test_two_bodies_launching_something_of_their_own_do_not():
    # no "joint": two things launched side by side say nothing of cooperation
    text = "The Andean Glacier Institute and the University of Bergen launched new data portals in 2024."
    assert read(text, "ckg:cooperatesWith") == set()


def agreements(text: str) -> list[frozenset]:
    x = extract(Document(Path("t.txt"), f"About us\n\n{text}\n", issued=dt.date(2024, 5, 1)))
    return sorted((frozenset(x.entities[f.obj].label for f in x.facts if f.subject == k and f.predicate == "ckg:party")
                   for k, e in x.entities.items() if e.kind == "agreement"), key=sorted)


@pytest.mark.parametrize("text", [
    "The Andean Glacier Institute (AGI) works with 30 bodies. It signed framework agreements with the University of Bergen, "
    "the Lusophone Data Council and the Ocean Data Trust.",
    "The Andean Glacier Institute signed cooperation agreements with the University of Bergen, the Lusophone Data Council "
    "and the Ocean Data Trust in 2020.",
])
def test_agreements_with_several_bodies_are_one_agreement_with_each(text):
    assert agreements(text) == sorted((frozenset(("Andean Glacier Institute", b)) for b in
                                       ("University of Bergen", "Lusophone Data Council", "Ocean Data Trust")), key=sorted)


def test_one_agreement_with_several_bodies_stays_one():
    text = "The Andean Glacier Institute signed an agreement with the University of Bergen and the Ocean Data Trust in 2020."
    assert agreements(text) == [frozenset(("Andean Glacier Institute", "University of Bergen", "Ocean Data Trust"))]


def test_it_opening_a_sentence_is_the_body_just_named():
    text = ("The Andean Glacier Institute was founded in 1990. It signed a memorandum of understanding with the "
            "Ocean Data Trust in 2021.")
    assert agreements(text) == [frozenset(("Andean Glacier Institute", "Ocean Data Trust"))]


def test_a_unit_of_a_body_whose_name_ends_in_a_plural_possessive():
    text = "Dr. Lars Berg heads the Nordic Academy of Sciences' Institute of Glaciology."
    found = read(text, "org:subOrganizationOf")
    assert found == {("Institute of Glaciology", "org:subOrganizationOf", "Nordic Academy of Sciences")}


@pytest.mark.parametrize("text, expected", [
    ("The Volta Basin Data Centre represents Ghana in the network and works closely with the University of Ghana.",
     {frozenset(("Volta Basin Data Centre", "University of Ghana"))}),
    ("The Volta Basin Data Centre was founded in 2009, trains data stewards and cooperates with the Ocean Data Trust.",
     {frozenset(("Volta Basin Data Centre", "Ocean Data Trust"))}),
])
def test_a_second_verb_shares_the_first_verbs_subject(text, expected):
    assert pairs(read(text, "ckg:cooperatesWith")) == expected


def test_a_second_clause_with_a_subject_of_its_own_keeps_it():
    """The parser puts "the University of Ghana" into the first verb's object and gives "cooperates"
    no subject: the name right before the verb is its subject, so the first one's is not taken."""
    text = "The Volta Basin Data Centre trains data stewards and the University of Ghana cooperates with the Ocean Data Trust."
    assert frozenset(("Volta Basin Data Centre", "Ocean Data Trust")) not in pairs(read(text, "ckg:cooperatesWith"))


def test_a_body_founded_and_based_somewhere():
    found = read("The Volta Basin Data Centre was founded in 2009 and is based in Kumasi.", "schema:location")
    assert ("Volta Basin Data Centre", "schema:location", "Kumasi") in found


@pytest.mark.parametrize("text", [
    "The Pamir Snow Data Centre works closely with the Central Asian Institute for Glacier Studies in Dushanbe, the Alpine "
    "Institute for Snow Research and the University of Bishkek.",
    "The Pamir Snow Data Centre cooperates with the Central Asian Institute for Glacier Studies, the Alpine Institute for "
    "Snow Research and the University of Bishkek.",
])
def test_every_body_of_a_partners_list_is_a_partner_when_the_parser_hangs_one_inside_the_name_before(text):
    found = read(text, "ckg:cooperatesWith")
    assert pairs(found) == {frozenset(("Pamir Snow Data Centre", b)) for b in
                            ("Central Asian Institute for Glacier Studies", "Alpine Institute for Snow Research", "University of Bishkek")}
