"""Who a delegation was: its members listed ("The delegation consisted of A from X and B from Y",
"Members of the delegation included A and B"), who received it ("where they were received by Dr. C",
"where it was received by its director, Dr. D"), and who led it ("a delegation of the X led by E":
the visit's leader, not the X's). All documents are our own writing."""

from __future__ import annotations

import pytest

from tests.loaders.extracted import extracted

VISIT = "On 3 May 2024 a delegation of the Nordic Data Institute visited the University of Tartu. "


def facts_of_visit(text: str, predicate: str) -> set[str]:
    x, label = extracted(text)
    (visit,) = [k for k, e in x.entities.items() if e.kind == "event" and k.startswith("event/visit")]
    return {label(f.obj) for f in x.facts if f.subject == visit and f.predicate == predicate}


@pytest.mark.parametrize("sentence, people", [
    ("The delegation consisted of Dr. Karl Berg from the Ice Centre and Dr. Lena Holm from the Data Office.", {"Karl Berg", "Lena Holm"}),
    ("Members of the delegation included Prof. Karl Berg, director of the Ice Centre, and Dr. Lena Holm.", {"Karl Berg", "Lena Holm"}),
    ("The delegation was composed of Dr. Karl Berg and Ms. Lena Holm.", {"Karl Berg", "Lena Holm"}),
])
def test_the_members_of_a_delegation_took_part_in_its_visit(sentence, people):
    assert people <= facts_of_visit(VISIT + sentence, "schema:attendee")


@pytest.mark.parametrize("text, person", [
    ("On 3 May 2024 a delegation of the Nordic Data Institute visited the University of Tartu, where they were received by "
     "Dr. Karl Berg, director of the Ice Centre.", "Karl Berg"),
    (VISIT + "The delegation also visited the Estonian Data Archive, where it was received by its director, Dr. Lena Holm.", "Lena Holm"),
])
def test_who_received_the_visitors_took_part_in_the_visit(text, person):
    assert person in facts_of_visit(text, "schema:attendee")


@pytest.mark.parametrize("text", [
    "On 3 May 2024 a delegation of the Nordic Data Institute led by Dr. Ana Ruiz visited the University of Tartu.",
    "A delegation of the Nordic Data Institute led by Dr. Ana Ruiz visited the University of Tartu on 3 May 2024.",
])
def test_a_delegation_of_a_body_led_by_someone_is_led_by_them_not_the_body(text):
    x, label = extracted(text)
    leaders = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "ckg:leader"}
    assert ("Nordic Data Institute", "Ana Ruiz") not in leaders
    assert "Ana Ruiz" in facts_of_visit(text, "ckg:leader")


def test_an_award_received_by_someone_is_no_visit():
    text = VISIT + "The prize was received by Dr. Karl Berg."
    assert "Karl Berg" not in facts_of_visit(text, "schema:attendee")
