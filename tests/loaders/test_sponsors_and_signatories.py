"""Sponsors and signatories as news copy writes them: a sponsor named in an aside ("X, sponsored by
the Y Fund, took place in Riga on 3-4 June 2024") is the only sponsor (the date after the aside is
no body); "The Z project is funded by W" funds that project, not the document's event; an MoU
"signed in Riga" has no venue called "MoU"; "signed by A on behalf of X and by B on behalf of Y"
gives both signatories, each a member of the body they signed for, and when no sentence names the
parties, the agreement is between the bodies signed for (also "... and B on behalf of Y" without a
second "by", and "A signed the agreement on behalf of X, and B on behalf of Y"). All documents are
our own writing."""

from __future__ import annotations

import pytest

from tests.loaders.extracted import extracted, pairs



@pytest.mark.parametrize("text", [
    "The Nordic Ocean Data Workshop, organized by the Nordic Data Institute and sponsored by the Baltic Science Fund, took place in Riga on 3-4 June 2024.",
    "The Nordic Ocean Data Workshop, funded by the Baltic Science Fund, was held in Riga in June 2024.",
    "The Nordic Ocean Data Workshop, supported by the Baltic Science Fund and held in Riga on 3 June 2024, drew 40 participants from June Data Labs.",
])
def test_a_sponsor_in_an_aside_is_the_only_sponsor(text):
    x, label = extracted(text)
    assert {o for _, o in pairs(x, label, "schema:sponsor")} == {"Baltic Science Fund"}
    assert not [e for e in x.entities.values() if e.kind == "organization" and e.label.startswith(("June", "3 June"))]


@pytest.mark.parametrize("sentence,project,kind", [
    ("The Polar Data Commons project is funded by the European Commission.", "Polar Data Commons", "project"),
    # the acronym's definition names the body first, as a body: its kind stays the mention finder's
    ("The Ice Core Exchange (ICE) initiative is supported by the European Commission.", "Ice Core Exchange", "organization"),
    ("The Arctic Snow Records programme was funded by the European Commission.", "Arctic Snow Records", "program"),
])
def test_a_named_project_funded_is_the_one_funded_not_the_reported_event(sentence, project, kind):
    x, label = extracted("The Nordic Ocean Data Workshop was held in Riga on 3-4 June 2024. " + sentence)
    ((funded, sponsor),) = pairs(x, label, "schema:sponsor")
    assert funded.startswith(project) and sponsor == "European Commission"
    assert x.entities[next(k for k, e in x.entities.items() if e.label == funded)].kind == kind


def test_signatories_on_behalf_of_their_bodies():
    x, label = extracted("The Nordic Academy of Sciences and the Baltic Academy of Sciences signed an MoU in Riga on 3 May 2024. "
                  "The MoU was signed by Ana Ruiz on behalf of the Nordic Academy of Sciences and by Tom Berg on behalf of "
                  "the Baltic Academy of Sciences.")
    assert {o for _, o in pairs(x, label, "ckg:signatory")} == {"Ana Ruiz", "Tom Berg"}
    assert pairs(x, label, "org:memberOf") == {("Ana Ruiz", "Nordic Academy of Sciences"), ("Tom Berg", "Baltic Academy of Sciences")}
    assert not [e for e in x.entities.values() if e.kind == "place" and e.label in ("MoU", "MOU")]
    assert {o for _, o in pairs(x, label, "ckg:party")} == {"Nordic Academy of Sciences", "Baltic Academy of Sciences"}


# the agreement named only by the people who signed it, each for a body: no sentence before names the parties
@pytest.mark.parametrize("text", [
    "The memorandum of understanding was signed by Prof. Lena Marsh on behalf of the Nordic Data Institute and by "
    "Dr. Omar Haddad on behalf of the Levant Science Council on 4 March 2024 in Amman.",
    # no second "by": the parser hangs the second signatory on the first one's body
    "The memorandum was signed by Prof. Lena Marsh on behalf of the Nordic Data Institute and Dr. Omar Haddad on "
    "behalf of the Levant Science Council.",
    # the signatories as subjects, the second in a clause without its verb
    "Prof. Lena Marsh signed the agreement on behalf of the Nordic Data Institute, and Dr. Omar Haddad on behalf of "
    "the Levant Science Council.",
    "The cooperation agreement was signed on 2 May 2023 by Dr. Omar Haddad on behalf of the Levant Science Council "
    "and by Prof. Lena Marsh on behalf of the Nordic Data Institute.",
])
def test_an_agreement_signed_on_behalf_of_two_bodies_is_between_them(text):
    x, label = extracted(text)
    agreements = [k for k, e in x.entities.items() if e.kind == "agreement"]
    assert len(agreements) == 1
    assert pairs(x, label, "ckg:party") == {(label(agreements[0]), "Nordic Data Institute"),
                                                (label(agreements[0]), "Levant Science Council")}
    assert {o for _, o in pairs(x, label, "ckg:signatory")} == {"Lena Marsh", "Omar Haddad"}
    assert pairs(x, label, "org:memberOf") == {("Lena Marsh", "Nordic Data Institute"), ("Omar Haddad", "Levant Science Council")}


def test_one_body_signing_makes_no_agreement_up():
    x, label = extracted("Dr. Omar Haddad signed the memorandum of understanding on behalf of the Levant Science Council.")
    assert pairs(x, label, "org:memberOf") == {("Omar Haddad", "Levant Science Council")}
    assert not [e for e in x.entities.values() if e.kind == "agreement"], "one side named: no agreement is made up"


def test_an_agreement_still_to_be_signed_has_no_signatories():
    x, label = extracted("The memorandum will be signed by Prof. Lena Marsh on behalf of the Nordic Data Institute and by "
                  "Dr. Omar Haddad on behalf of the Levant Science Council next month.")
    assert not pairs(x, label, "ckg:signatory")
    assert not [f for f in x.facts if f.predicate == "ckg:status" and str(f.obj).endswith("Established")]
