"""An event page's programme, one item a line: a time, the item and its speaker ("09:00 | Welcome |
Prof. A, Rector of X"), a speaker's field ("Speakers: Dr. B (Y); Dr. C (Z)") or a talk's title in
quotes and its speaker; each person named there takes part in the page's event. Also posts written
with their portfolio ("Vice-Rector for Research, University of X", "Deputy Vice-Chancellor
(Research), X") and an event page titled by a name ending in its year. All documents are our own
writing."""

from __future__ import annotations

import pytest

from collabkg.loaders.documents import read_document
from collabkg.loaders.extract import extract
from tests.loaders.extracted import extracted
from tests.loaders.post_facts import post_triples


def read_page(text: str, tmp_path):
    path = tmp_path / "page.txt"  # read as a file: the page's title and cleaning
    path.write_text(text, encoding="utf-8")
    x = extract(read_document(path))
    return x, (lambda k: x.entities[k].label if isinstance(k, str) and k in x.entities else str(k))


EVENT_PAGE = ("Nordic Data Institute\nHome > Events > Baltic Data Week 2025 > Programme\n\n"
              "Baltic Data Week 2025\n3-5 June 2025 | University of Tartu, Tartu\n\n"
              "Organised by the Nordic Data Institute with the University of Tartu.\n\nPROGRAMME\n\n")


@pytest.mark.parametrize("programme, people", [
    # a time, then the item and its speaker, apart by bars
    ("09:00 | Welcome | Prof. Karl Berg, Vice-Rector for Research, University of Tartu\n"
     "09:20 | Keynote: \"Open archives for the Baltic\" | Dr. Ana Ruiz, Nordic Data Institute\n"
     "10:30 | Coffee\n"
     "11:00 | Session 1 – Ocean data | Chair: Dr. Ines Morel (Baltic Data Centre)\n",
     {"Karl Berg", "Ana Ruiz", "Ines Morel"}),
    # a time, then dashes; speakers' fields on the lines under it
    ("09:00  Opening session -- Chair: Prof. Lena Holm, Nordic Data Institute\n"
     "Welcome: Prof. Karl Berg, Vice-Rector for Research, University of Tartu\n"
     "11:00  Session 1: Data policy -- Chair: Dr. Tom Lind (Arctic Data Centre)\n"
     "Speakers: Mr. Jaan Tamm (Estonian Data Archive); Dr. Liis Kask (Tallinn University)\n",
     {"Lena Holm", "Karl Berg", "Tom Lind", "Jaan Tamm", "Liis Kask"}),
    # talks' titles in quotes, each with its speaker after a dash
    ("11:00 | Session A – Climate data | Chair: Dr. Tom Lind (Arctic Data Centre)\n"
     "\"Sea-ice charts since 1950\" – Dr. Liis Kask, Tallinn University\n"
     "\"Rescuing ship logs\" – Jaan Tamm, Estonian Data Archive\n",
     {"Tom Lind", "Liis Kask", "Jaan Tamm"}),
])
def test_each_person_on_a_line_of_the_programme_takes_part_in_the_pages_event(programme, people, tmp_path):
    x, label = read_page(EVENT_PAGE + programme, tmp_path)
    week = next(k for k, e in x.entities.items() if e.kind == "event" and e.label == "Baltic Data Week 2025")
    assert {label(f.obj) for f in x.facts if f.subject == week and f.predicate == "schema:attendee"} >= people


@pytest.mark.parametrize("programme, absent", [
    # one line with a time is no programme
    ("09:00 | Welcome | Prof. Karl Berg, Vice-Rector for Research, University of Tartu\n"
     "The programme will be published in May.\n", "Karl Berg"),
    # speakers still to be announced
    ("09:00 | Welcome | Dr. Ana Ruiz\n10:00 | Keynote | Dr. Ines Morel\n"
     "11:00 | Session B | Chair: Dr. Tom Lind | Talks to be announced\n", "Tom Lind"),
])
def test_no_programme_or_no_speaker_yet_names_no_participant(programme, absent, tmp_path):
    x, label = read_page(EVENT_PAGE + programme, tmp_path)
    assert absent not in {label(f.obj) for f in x.facts if f.predicate == "schema:attendee" and f.evidence.method == "discourse:programme"}


@pytest.mark.parametrize("sentence, role", [
    ("Prof. Karl Berg, Vice-Rector for Research, University of Tartu, opened the school.", "Vice-Rector for Research"),
    ("Prof. Karl Berg, Deputy Vice-Chancellor (Research), University of Tartu, opened the school.", "Deputy Vice-Chancellor (Research)"),
    ("Prof. Karl Berg, Pro-Rector: Research and Innovation, University of Tartu, opened the school.", "Pro-Rector: Research and Innovation"),
])
def test_a_post_written_with_its_portfolio_before_its_body(sentence, role):
    x, _ = extracted(sentence)
    assert ("Karl Berg", role, "University of Tartu") in post_triples(x)
