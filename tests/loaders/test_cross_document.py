"""One node per real thing across documents: two publishers name the same workshop, person and body
differently; the built store has one node for each, with each document's own evidence."""

from __future__ import annotations

from collabkg import api
from collabkg.graph.store import Store
from tests.conftest import rows

A = ("Workshop news\n\nThe 2nd Sino-German Workshop on Earth Data was held in Potsdam on 4 May 2021. "
     "Prof. Anna Becker of the Potsdam Institute for Climate Research chaired it.\n")
B = ("Meeting report\n\nThe Second China-Germany Workshop on Earth Data took place in Potsdam, Germany on 4 May 2021. "
     "Dr. BECKER Anna and Dr. Wei Zhang of the Chinese Academy of Sciences (CAS) attended the workshop.\n")


def test_two_publishers_one_workshop_one_person(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(A)
    (tmp_path / "docs" / "b.txt").write_text(B)
    report = api.build([tmp_path / "docs"], store=tmp_path / "store", out=tmp_path / "out")
    assert report.exit_code == 0, report.problems
    with Store(tmp_path / "store") as st:
        events = rows(st, """SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e a schema:Event ; ckg:ordinal 2 } }""")
        assert len(events) == 1  # "2nd Sino-German ..." and "Second China-Germany ...": one workshop
        e = events[0]["e"]
        docs = rows(st, f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{e}> a schema:Event }} }}""")
        assert len(docs) == 2  # each document states it, in its own graph
        people = rows(st, """SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a foaf:Person ; foaf:name ?n FILTER(CONTAINS(LCASE(?n), "becker")) } }""")
        assert len(people) == 1  # "Prof. Anna Becker" and "Dr. BECKER Anna"
        roles = rows(st, f"""SELECT DISTINCT ?how WHERE {{ GRAPH ?g {{
            {{ <{e}> ckg:chair <{people[0]['p']}> BIND("chair" AS ?how) }} UNION {{ <{e}> schema:attendee <{people[0]['p']}> BIND("attendee" AS ?how) }} }} }}""")
        assert {r["how"] for r in roles} == {"chair", "attendee"}  # one from each document
