"""Extraction rules on short texts: one rule family per test (``collabkg.loaders.extract``)."""

from __future__ import annotations

import pytest

import datetime as dt
from pathlib import Path

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def run(text: str, issued: dt.date | None = None):
    x = extract(Document(Path("t.txt"), text, issued=issued))
    label = lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k)  # noqa: E731
    return x, label


def delegations(x, label):
    out = set()
    for f in x.facts:
        if f.predicate == "ckg:delegation":
            d = f.obj
            c = x.objects(d, "ckg:country")
            out.add((label(f.subject), label(c[0]) if c else None, int(x.objects(d, "ckg:attendeeCount")[0]), x.objects(d, "ckg:countPrecision")[0]))
    return out


def test_coordinated_counts_share_the_noun_and_keep_their_qualifier():
    x, label = run("Sino-German Workshop on Earth Data\n\nThe 3rd Sino-German Workshop on Earth Data was held in Potsdam, Germany on "
                   "12-14 June 2019, attended by 40 German and about 35 Chinese scientists.")
    assert delegations(x, label) == {("Third Sino-German Workshop on Earth Data", "Germany", 40, "ckg:ExactCount"),
                                     ("Third Sino-German Workshop on Earth Data", "China", 35, "ckg:Approximate")}


def test_counts_in_words_and_in_a_later_sentence_belong_to_the_event_before():
    x, label = run("Report\n\nThe Third Steering Committee Meeting was held in Oslo, Norway on 9 October 2020. "
                   "It was chaired by Dr. Ingrid Hansen. Fourteen members attended in person.")
    assert delegations(x, label) == {("Third Steering Committee Meeting", None, 14, "ckg:ExactCount")}
    assert ("ckg:chair", "Ingrid Hansen") in {(f.predicate, label(f.obj)) for f in x.facts if label(f.subject) == "Third Steering Committee Meeting"}


def test_an_event_without_a_date_or_still_to_come_is_not_made():
    x, _ = run("Roundtable\n\nThe next roundtable will be held in Boulder, Colorado in 2020. The meeting was held online.")
    assert x.of_kind("event") == []


def test_a_series_is_named_by_its_numbered_event():
    x, label = run("Report\n\nThe Sixth India-US Data Science Roundtable was held on 7-8 February 2018 in Bengaluru, India.")
    (event,) = x.of_kind("event")
    (series,) = x.objects(event.key, "schema:superEvent")
    assert label(series) == "India-US Data Science Roundtable"
    assert {label(c) for c in x.objects(series, "ckg:country")} == {"India", "United States"}


def agreements(x, label):
    return {(a.label, frozenset(label(p) for p in x.objects(a.key, "ckg:party")), x.objects(a.key, "ckg:status")[0]) for a in x.of_kind("agreement")}


def test_agreement_forms():
    x, label = run("News\n\nThe Korea Institute of Ocean Science and Technology (KIOST) signed a Memorandum of Understanding (MoU) "
                   "with the Japan Agency for Marine-Earth Science and Technology (JAMSTEC) on 5 May 2021.")
    (a,) = agreements(x, label)
    assert a[1] == {"Korea Institute of Ocean Science and Technology", "Japan Agency for Marine-Earth Science and Technology"}
    x, label = run("News\n\nKIOST and the Japan Agency for Marine-Earth Science and Technology (JAMSTEC) signed a Memorandum of Understanding.")
    assert len(agreements(x, label)) == 0  # KIOST undefined here: one party only
    x, label = run("News\n\nA Letter of Intent between CNES and ISRO on ocean data was signed.")
    assert agreements(x, label) == {("Letter of Intent between CNES and ISRO", frozenset({"CNES", "ISRO"}), "ckg:Established")}
    x, label = run("News\n\nThe participants proposed a bilateral India-US agreement on open data.")
    ((_, parties, status),) = agreements(x, label)
    assert parties == {"India", "United States"} and status == "ckg:Proposed"


def test_sponsors_known_by_shape_and_unknown_by_capitals_but_not_grant_numbers():
    x, label = run('Project news\n\nThe kick-off meeting of the project "Open Soil Data" was held on 3 May 2020 in Berlin, Germany. '
                   "The project is funded by the Horizon 2020 programme and the Thailand Science Research and Innovation; "
                   "it is supported by the Belmont Forum under Grant Agreement No 12345.")
    sponsors = {label(f.obj) for f in x.facts if f.predicate == "schema:sponsor"}
    assert sponsors == {"Horizon 2020 programme", "Thailand Science Research and Innovation", "Belmont Forum"}


@pytest.mark.parametrize("sentence, funded", [
    ("Together with the Pamir Glacier Institute, the centre runs the SnowWatch project, funded by the Aga Khan Foundation.",
     "SnowWatch"),
    ("With the Pamir Glacier Institute the Karakoram Data Centre maintains the Glacier Atlas Programme, which is supported by "
     "the Aga Khan Foundation.", "Glacier Atlas Programme"),
])
def test_a_project_named_right_before_funded_by_is_what_is_funded(sentence, funded):
    x, label = run(f"Partners\n\nThe Karakoram Data Centre works with many partners. {sentence}")
    sponsored = {label(f.subject) for f in x.facts if f.predicate == "schema:sponsor"}
    assert sponsored == {funded}  # not the body named first in the sentence


def test_a_title_and_surname_alone_is_the_full_name_of_the_document():
    x, _ = run("News\n\nProf. Maria Rossi, Vice President of the University of Bologna, spoke. Prof. Rossi thanked the hosts.")
    assert [p.label for p in x.of_kind("person")] == ["Maria Rossi"]


def test_participant_list_gives_attendees_and_the_chair():
    x, label = run("Report of the First Board Meeting\n\nThe First Board Meeting was held in Paris, France on 3 March 2021.\n\n"
                   "Participants\n• Dr. Ingrid Hansen (Norwegian Polar Institute), Chair\n• Prof. Peter Larsen, Danish Meteorological Institute")
    rels = {(f.predicate, label(f.obj)) for f in x.facts if f.subject.startswith("event/")}
    assert {("schema:attendee", "Ingrid Hansen"), ("schema:attendee", "Peter Larsen"), ("schema:attendee", "Norwegian Polar Institute"),
            ("schema:attendee", "Danish Meteorological Institute"), ("ckg:chair", "Ingrid Hansen")} <= rels
    assert ("ckg:chair", "Peter Larsen") not in rels


def test_a_month_or_a_year_alone_gives_the_year_of_a_numbered_event():
    x, label = run("France-Canada Ocean Data Dialogue\n\nMeetings\n• 2nd Dialogue: Halifax, Canada, October 2007\n• Third Dialogue held in Paris in 2009")
    starts = {e.label: (str(x.objects(e.key, "schema:startDate")[0]), x.objects(e.key, "schema:startDate")[0].datatype.split("#")[1]) for e in x.of_kind("event")}
    assert starts == {"Second Dialogue": ("2007", "gYear"), "Third Dialogue": ("2009", "gYear")}


def test_an_acronym_no_name_spells_makes_no_body_of_the_sentence_before_it():
    x, _ = run("Dialogue\n\nThe France-Canada Ocean Data Dialogue started in 2005 between Ifremer and Fisheries and Oceans Canada (DFO).")
    # the agency is read by its own shape (a field's words and a country's name), not by the acronym after it
    assert [(e.label, e.acronyms) for e in x.of_kind("organization")] == [("Fisheries and Oceans Canada", set())]


def test_two_events_held_in_one_sentence_each_keep_their_own_place_and_date():
    x, label = run("News\n\nThe partners held a workshop in Bergen on 4 May 2024 and a workshop in Daejeon on 9 September 2024, "
                   "followed by a training seminar in Lyon on 2 December 2024.")
    got = sorted(_events_by_key(x, label))
    assert got == [("Training seminar", "2024-12-02", "Lyon"), ("Workshop", "2024-05-04", "Bergen"),
                   ("Workshop", "2024-09-09", "Daejeon")]


def _events_by_key(x, label) -> list:
    out = []
    for e in x.of_kind("event"):
        (loc,) = x.objects(e.key, "schema:location")
        out.append((e.label, str(x.objects(e.key, "schema:startDate")[0]), label(loc)))
    return out


def test_a_single_held_event_is_not_split_by_other_nouns():
    x, label = run("News\n\nA workshop on data policy and meeting minutes templates was held in Oslo on 3 March 2023.")
    assert _events_by_key(x, label) == [("Workshop", "2023-03-03", "Oslo")]


def test_events_to_come_in_a_coordinated_sentence_are_not_made():
    x, _ = run("News\n\nThe partners will hold a workshop in Oslo in May 2026 and a seminar in Incheon in June 2026. "
               "A meeting and a workshop are to be held in Bergen on 4 May 2026.")
    assert x.of_kind("event") == []


def test_at_the_numbered_event_in_a_city_on_a_date_is_an_event_without_held():
    x, label = run("News\n\nAt the Fifth Arctic Data Roundtable in Tromsø on 20 January 2025, about 45 delegates reviewed the plan.")
    (event,) = x.of_kind("event")
    assert event.label == "Fifth Arctic Data Roundtable"
    assert [str(d) for d in x.objects(event.key, "schema:startDate")] == ["2025-01-20"]
    assert [label(p) for p in x.objects(event.key, "schema:location")] == ["Tromsø"]
    # a numbered event only named, neither held nor placed in time as having happened: none
    x, _ = run("News\n\nThe agenda of the Sixth Arctic Data Roundtable is open for comments.")
    assert x.of_kind("event") == []


def _agreements(x, label) -> set:
    out = set()
    for a in x.of_kind("agreement"):
        parties = frozenset(label(p) for p in x.objects(a.key, "ckg:party"))
        out.add((parties, label(x.objects(a.key, "ckg:status")[0]), "ckg:MemorandumOfUnderstanding" in a.classes))
    return out


def test_agreements_to_be_signed_with_a_partner_are_proposed_and_signed_ones_established():
    x, label = run("News\n\nThe Norwegian Polar Institute agreed to sign a memorandum of understanding with the "
                   "Korea Polar Research Institute on sea-ice data.")
    assert _agreements(x, label) == {(frozenset({"Norwegian Polar Institute", "Korea Polar Research Institute"}), "ckg:Proposed", True)}
    x, label = run("News\n\nThe Chilean Antarctic Institute will sign an agreement with the British Antarctic Survey in June.")
    assert _agreements(x, label) == {(frozenset({"Chilean Antarctic Institute", "British Antarctic Survey"}), "ckg:Proposed", False)}
    x, label = run("News\n\nThe Chilean Antarctic Institute has signed a letter of intent with the British Antarctic Survey.")
    assert _agreements(x, label) == {(frozenset({"Chilean Antarctic Institute", "British Antarctic Survey"}), "ckg:Established", False)}


def test_a_person_of_a_body_in_no_named_role_is_a_member_and_a_post_there_wins():
    x, label = run("News\n\nDr. Ingrid Solberg of the Norwegian Polar Institute presented the plan. Prof. Maria Rossi "
                   "(University of Bologna) and Dr. Tom Berg from the British Antarctic Survey spoke next. "
                   "Professor Min-jun Park, Director of the Korea Polar Research Institute, welcomed them; later "
                   "Min-jun Park of the Korea Polar Research Institute closed the meeting. "
                   "Dr. Lena Holm (Norwegian Polar Institute, Tromsø) took notes.")
    members = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:memberOf"}
    # "(Norwegian Polar Institute, Tromsø)": the body and its city, read from the parse
    assert members == {("Ingrid Solberg", "Norwegian Polar Institute"), ("Maria Rossi", "University of Bologna"),
                       ("Tom Berg", "British Antarctic Survey"), ("Lena Holm", "Norwegian Polar Institute")}
    assert {f.evidence.method for f in x.facts if f.predicate == "org:memberOf"} <= {
        "rule:person-affiliation", "pattern:parts-and-memberships/person-comma-org"}
    assert not any(label(f.subject) == "Min-jun Park" for f in x.facts if f.predicate == "org:memberOf")


def test_a_numbered_event_still_to_come_is_never_read_as_held():
    # an announcement's own event (the lead speaks of it in the future) is a scheduled event, with no
    # ordinal of a held one, and the date it is planned for (as a next edition has); a second one still
    # to come is no event at all
    x, label = run("News\n\nThe Second China-Africa Data Science Workshop will be held in Cape Town in 2024. "
                   "The Third Arctic Data Roundtable (Oslo, 2026) is scheduled to open in March.")
    events = x.of_kind("event")
    assert [e.label for e in events] == ["Second China-Africa Data Science Workshop"]
    assert {(f.predicate, label(f.obj)) for f in x.facts if f.subject == events[0].key} == {
        ("schema:eventStatus", "schema:EventScheduled"), ("schema:location", "Cape Town"), ("schema:startDate", "2024")}
    x, label = run("News\n\nThe Second China-Africa Data Science Workshop was held in Cape Town on 4 May 2024.")
    assert [e.label for e in x.of_kind("event")] == ["Second China-Africa Data Science Workshop"]


def _titled(title: str, body: str):
    return extract(Document(Path("t.txt"), f"{title}\n\n{body}", title=title))


def test_a_title_case_headline_does_not_make_a_topic_a_body():
    x = _titled("UCT and NPI Sign Agreement on Research Data Infrastructure",
                "The University of Cape Town and the Norwegian Polar Institute signed an agreement on research data infrastructure in Oslo.")
    names = {e.label for e in x.entities.values() if e.kind in ("organization", "infrastructure", "platform", "program")}
    assert names == {"University of Cape Town", "Norwegian Polar Institute"}
    (agreement,) = x.of_kind("agreement")
    assert agreement.label.endswith("on research data infrastructure")  # the topic stops before "in Oslo"
    # a name the headline shares with the text is kept
    x = _titled("Polar Data Platform Launched", "The Polar Data Platform opened on 3 May 2024 in Oslo.")
    assert "Polar Data Platform" in {e.label for e in x.entities.values()}


def test_a_generic_programme_opening_a_bullet_is_not_a_body_but_a_named_one_is():
    x, _ = run("Outcomes\n\n  • Exchange programme for young data scientists\n  • Training programme on data curation\n\n"
               "The partners joined the Copernicus programme in 2019.")
    programs = {e.label for e in x.entities.values() if e.kind == "program"}
    assert "Copernicus programme" in programs
    assert not programs & {"Exchange programme", "Training programme"}


def test_representatives_of_a_body_at_a_numbered_meeting_are_its_attendance():
    x, label = run("Dialogue\n\n  • Second Dialogue (October 3-4, 2017, Tokyo, Japan): About 30 participants, including "
                   "representatives of the Japan Science and Technology Agency (JST).")
    assert {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "schema:attendee"} == \
        {("Second Dialogue", "Japan Science and Technology Agency")}


def test_a_generic_unit_is_known_by_its_parent_so_two_data_centres_never_merge():
    from collabkg.loaders.emit import entity_iri

    keys = []
    for parent in ("Institute of Geographic Sciences and Natural Resources Research", "Norwegian Polar Institute"):
        x, label = run(f"News\n\nProf. Li Wei, Director of the Data Center of the {parent}, chaired the meeting.")
        (unit,) = [e for e in x.of_kind("organization") if e.label == "Data Center"]
        assert [label(p) for p in x.objects(unit.key, "org:subOrganizationOf")] == [parent]
        keys.append(unit.key)
    assert keys[0] != keys[1] and entity_iri(keys[0]) != entity_iri(keys[1])
    # a unit with a name of its own keeps its own key
    x, _ = run("News\n\nThe Polar Data Centre of the Norwegian Polar Institute opened a portal.")
    assert "organization/polar data centre" in x.entities


def test_the_meeting_of_a_body_has_that_body_as_organizer():
    x, label = run("News\n\nThe annual meeting of the Norwegian Polar Institute was held in Oslo on 5 December 2022.")
    (event,) = x.of_kind("event")
    assert [label(o) for o in x.objects(event.key, "schema:organizer")] == ["Norwegian Polar Institute"]
    x, label = run('News\n\nThe kick-off meeting of the project "Polar Data Commons" was held in Oslo on 5 December 2022.')
    (event,) = x.of_kind("event")
    assert x.objects(event.key, "schema:organizer") == [] and [label(o) for o in x.objects(event.key, "schema:about")] == ["Polar Data Commons"]


def test_the_body_an_agreement_sentence_calls_the_institute_is_the_one_named_before():
    x, label = run("News\n\nThe Norwegian Polar Institute opened a data portal. Its director thanked the partners. "
                   "The institute will sign a memorandum of understanding with the British Antarctic Survey.")
    assert _agreements(x, label) == {(frozenset({"Norwegian Polar Institute", "British Antarctic Survey"}), "ckg:Proposed", True)}
    # no body of that kind named before: no party is made up
    x, label = run("News\n\nThe institute will sign a memorandum of understanding with the British Antarctic Survey.")
    assert _agreements(x, label) == set()


def _committees(x, label):
    return {(label(f.subject), f.predicate, label(f.obj)) for f in x.facts if f.predicate in ("ckg:nationalCommitteeOf", "ckg:country")
            and "NationalCommittee" in " ".join(x.entities[f.subject].classes)}


def test_a_national_committee_the_registry_does_not_know_is_linked_to_its_body_and_country():
    x, label = run("The Kenyan National Committee for CODATA met in Nairobi on 12 May 2023. "
                   "The National Committee for CODATA of Brazil sent two delegates. "
                   "The South African National Committee for CODATA hosted the session.")
    codata = "Committee on Data of the International Science Council"
    assert _committees(x, label) == {
        ("Kenyan National Committee for CODATA", "ckg:nationalCommitteeOf", codata), ("Kenyan National Committee for CODATA", "ckg:country", "Kenya"),
        ("National Committee for CODATA of Brazil", "ckg:nationalCommitteeOf", codata), ("National Committee for CODATA of Brazil", "ckg:country", "Brazil"),
        ("South African National Committee for CODATA", "ckg:nationalCommitteeOf", codata),
        ("South African National Committee for CODATA", "ckg:country", "South Africa"),
    }


def test_body_hyphen_country_is_one_national_committee_not_two_parties():
    x, label = run("CODATA-Japan and the Japanese National Committee for CODATA are one body. "
                   "CODATA-Japan and CODATA Kenya signed a memorandum of understanding on 3 June 2023.")
    committees = {k for k, e in x.entities.items() if "ckg:NationalCommittee" in e.classes}
    assert {label(k) for k in committees} == {"CODATA-Japan", "CODATA Kenya"}
    japan = next(k for k in committees if label(k) == "CODATA-Japan")
    assert "Japanese National Committee for CODATA" in x.entities[japan].alt_labels
    parties = {label(f.obj) for f in x.facts if f.predicate == "ckg:party"}
    assert parties == {"CODATA-Japan", "CODATA Kenya"}  # not CODATA and Japan
    assert ("CODATA Kenya", "ckg:country", "Kenya") in _committees(x, label)


def test_a_committee_of_a_body_that_is_not_national_gets_no_national_link():
    x, label = run("The Executive Committee of CODATA met in Paris on 4 April 2022. "
                   "The CODATA Japan-Korea workshop was held in Tokyo on 9 May 2022.")
    assert not any(f.predicate == "ckg:nationalCommitteeOf" for f in x.facts)
    assert not any("Japan-Korea" in e.label or e.label == "CODATA Japan" for e in x.entities.values() if e.kind != "event")


def test_a_capitalised_meeting_name_that_is_no_series_is_one_meeting():
    x, label = run("The Forum of CODATA National Committees was held in Salzburg, Austria on 24 October 2023.")
    events = [k for k, e in x.entities.items() if e.kind == "event"]
    assert [label(k) for k in events] == ["Forum of CODATA National Committees"]
    assert [str(d) for d in x.objects(events[0], "schema:startDate")] == ["2023-10-24"]
    assert [label(k) for k in x.objects(events[0], "schema:location")] == ["Salzburg"]


def _visits(x, label):
    out = {}
    for k, e in x.entities.items():
        if "ckg:Visit" in e.classes:
            out[e.label] = dict(host={label(o) for o in x.objects(k, "schema:organizer")},
                                visitors={label(o) for o in x.objects(k, "schema:attendee")},
                                start=[str(d) for d in x.objects(k, "schema:startDate")],
                                place=[label(o) for o in x.objects(k, "schema:location")])
    return out


def test_a_visit_has_its_host_its_visitors_and_its_date():
    x, label = run("A delegation from the National Center for Atmospheric Research (NCAR) led by Dr. Robert Klein visited the "
                   "Computer Network Information Center (CNIC) on 12 May 2019. Dr. Anna Berg of the Norwegian Meteorological "
                   "Institute paid a visit to Quaid-i-Azam University in Islamabad from 4 to 6 March 2020.")
    assert _visits(x, label) == {
        "Visit of NCAR to CNIC": dict(
            host={"Computer Network Information Center"}, visitors={"National Center for Atmospheric Research", "Robert Klein"},
            start=["2019-05-12"], place=[]),
        "Visit of Norwegian Meteorological Institute to QAU": dict(
            host={"Quaid-i-Azam University"}, visitors={"Norwegian Meteorological Institute", "Anna Berg"},
            start=["2020-03-04"], place=["Islamabad"]),
    }


def test_no_visit_without_a_named_host_a_visitor_or_a_date_or_still_to_come():
    x, label = run("The delegation will visit CNIC on 3 May 2025. A delegation from NCAR visited the institute on 16 May 2019. "
                   "Dr. Robert Klein visited CNIC last spring. They visited CNIC on 4 June 2019.")
    assert _visits(x, label) == {}


def test_a_body_and_its_place_in_parentheses_after_a_name_is_the_persons_body():
    x, label = run("Workshop report\n\nSession 2 was moderated by Dr. Kenji Sato (Kyoto University, Japan). "
                   "Talks were given by Ms. Ana Lima (Federal University of Bahia, Salvador).")
    members = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:memberOf"}
    assert {("Kenji Sato", "Kyoto University"), ("Ana Lima", "Federal University of Bahia")} <= members


@pytest.mark.parametrize("sentence", [
    "Sessions were chaired by Laura Berg of the Nordic Ice Centre in Tromso, Norway, and by Karl Lind.",
    "It was chaired by Laura Berg and by Dr. Karl Lind.",
])
def test_each_by_of_a_chairs_by_phrase_names_a_chair(sentence):
    """"chaired by A of X in Y, and by B": the second "by" names a second chair."""
    x = extract(Document(Path("r.txt"), "Report\n\nThe Baltic Data Roundtable was held in Riga on 1-2 November 2023. " + sentence + "\n",
                         issued=dt.date(2023, 11, 8)))
    assert {x.entities[f.obj].label for f in x.facts if f.predicate == "ckg:chair"} == {"Laura Berg", "Karl Lind"}


def test_the_chair_of_a_by_phrase_ends_where_a_new_clause_starts():
    # "moderated by A featured B, C and D": A chairs; B, C and D are the panel, not chairs
    text = ("Report\n\nThe Volta Data Workshop took place in Accra on 5 September 2023. A panel discussion moderated by "
            "Dr. Ingrid Lund featured Dr. Amina Bello (University of Lagos), Mr. Kofi Boateng and Ms. Sara Holm. "
            "The last session was co-chaired by Dr. Lund and Dr. Esi Owusu.\n")
    x = extract(Document(Path("r.txt"), text, issued=dt.date(2023, 9, 8)))
    chairs = {x.entities[f.obj].label for f in x.facts if f.predicate == "ckg:chair"}
    assert chairs == {"Ingrid Lund", "Esi Owusu"}
    attendees = {x.entities[f.obj].label for f in x.facts if f.predicate == "schema:attendee" and f.obj.startswith("person/")}
    assert {"Amina Bello", "Kofi Boateng", "Sara Holm"} <= attendees
