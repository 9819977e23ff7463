"""A meeting with an official as news items report it: a dateline without a date ("CAIRO - ..."), the
official named after their office ("Egypt's Minister of Higher Education and Scientific Research, A
B C", the model reading the name a word short), the city of the meeting, and "Also present at the
meeting were X and Y". All documents are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from tests.loaders.post_facts import post_triples

ITEM = ("Academy president meets Kenyan minister\n\n"
        "NAIROBI - Liu Hongbo, President of the Eastern Academy of Sciences, met with Kenya's Minister of Higher "
        "Education and Scientific Research, Wanjiru Achieng Otieno, in Nairobi on 9 September 2024.\n\n"
        "The two sides discussed training in soil data. Also present at the meeting were Chen Lu, Director of the "
        "Eastern Institute of Soil Science, and Peter Mwangi, head of the Kenya Soil Survey.\n")


def test_a_meeting_with_an_official_named_after_the_office():
    x = extract(Document(Path("t.txt"), ITEM, issued=dt.date(2024, 9, 10)))
    label = lambda k: x.entities[k].label if k in x.entities else str(k)  # noqa: E731
    assert not [e for e in x.entities.values() if e.label.upper() == "NAIROBI" and e.kind == "organization"]
    (ev,) = [k for k, e in x.entities.items() if e.kind == "event"]
    assert {label(o) for o in x.objects(ev, "schema:attendee")} == {"Liu Hongbo", "Wanjiru Achieng Otieno", "Chen Lu", "Peter Mwangi"}
    assert [label(o) for o in x.objects(ev, "schema:location")] == ["Nairobi"]
    assert [str(d) for d in x.objects(ev, "schema:startDate")] == ["2024-09-09"]
    posts = post_triples(x)
    assert ("Wanjiru Achieng Otieno", "Minister of Higher Education and Scientific Research", "Kenyan Government") in posts


def test_present_at_the_meeting_in_an_announcement_is_no_attendance():
    text = ("Minister to meet academy\n\nThe minister will meet the Eastern Academy of Sciences in Nairobi on 9 October 2030. "
            "Also present at the meeting will be Dr. Chen Lu.\n")
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2030, 9, 1)))
    assert not [f for f in x.facts if f.evidence.method == "discourse:present-were"]
