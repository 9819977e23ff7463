"""Who signed an agreement for whom, written with the body first: "signed on behalf of the X by its
Director, Dr. A, and on behalf of the Y by Prof. B". Each signatory signs the agreement, and holds the
post the text gives them in the body they signed for (or is its member when no post is given). Also a
form of address in brackets after a title ("Dr. (Mrs.) A") and a post's title, a comma and a name
("by its Secretary General, Ana Soto"). All sentences are our own writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract
from collabkg.loaders.mentions import find_mentions
from tests.loaders.post_facts import post_triples

SIGNED = ("The Andean Data Network and the Pacific Ocean Data Center signed a Memorandum of Understanding in Lima "
          "on 3 March 2023. ")


def _read(text: str):
    x = extract(Document(Path("t.txt"), text, issued=dt.date(2023, 3, 10)))
    label = lambda k: x.entities[k].label  # noqa: E731
    (agreement,) = [k for k, e in x.entities.items() if e.kind == "agreement"]
    signatories = {label(o) for o in x.objects(agreement, "ckg:signatory")}
    members = {(label(f.subject), label(f.obj)) for f in x.facts if f.predicate == "org:memberOf"}
    posts = {(p, t.lower(), b) for p, t, b in post_triples(x)}
    return signatories, posts, members


@pytest.mark.parametrize("text,signatories,posts,members", [
    (SIGNED + "The MoU was signed on behalf of the Andean Data Network by its Director, Dr. Ana Ruiz, and on behalf "
              "of the Pacific Ocean Data Center by Prof. Karl Berg.",
     {"Ana Ruiz", "Karl Berg"}, {("Ana Ruiz", "director", "Andean Data Network")},
     {("Karl Berg", "Pacific Ocean Data Center")}),
    # a form of address in brackets after the title
    (SIGNED + "The MoU was signed on behalf of the Pacific Ocean Data Center by its President, Dr. (Mrs.) Lena Holm, "
              "and on behalf of the Andean Data Network by Dr. Tom Lind.",
     {"Lena Holm", "Tom Lind"}, {("Lena Holm", "president", "Pacific Ocean Data Center")},
     {("Tom Lind", "Andean Data Network")}),
    # a title of two words, one signatory
    (SIGNED + "The memorandum was signed on behalf of the Andean Data Network by its Secretary General, Ana Soto.",
     {"Ana Soto"}, {("Ana Soto", "secretary general", "Andean Data Network")}, set()),
    # no post: the signatory is a member of the body they signed for
    (SIGNED + "The memorandum was signed on behalf of the Pacific Ocean Data Center by Dr. Tom Lind.",
     {"Tom Lind"}, set(), {("Tom Lind", "Pacific Ocean Data Center")}),
])
def test_signed_on_behalf_of_a_body_by_a_person(text, signatories, posts, members):
    got_signatories, got_posts, got_members = _read(text)
    assert got_signatories == signatories
    assert got_posts == posts
    assert got_members == members


def test_a_title_on_behalf_of_no_body_holds_no_post():
    """"signed in the presence of the press by its chair, A": no body before "by", so no post is read (whose
    chair is not said), and nothing is guessed."""
    signatories, posts, members = _read(SIGNED + "The MoU was signed in the presence of the press by its chair, Dr. Ana Ruiz.")
    assert posts == set() and members == set()


@pytest.mark.parametrize("text,name", [
    ("Dr. (Mrs.) Lena Holm opened the meeting.", "Lena Holm"),
    ("The keynote was given by Prof. (Ms.) Aiko Sato of the Nordic Academy.", "Aiko Sato"),
    ("The report was presented by its Secretary General, Ines Morel.", "Ines Morel"),
    ("The visitors were received by the Acting Director, Dr. Pavel Novak, and his staff.", "Pavel Novak"),
])
def test_a_name_after_a_bracketed_address_or_a_titled_apposition_is_a_person(text, name):
    assert [m.text for m in find_mentions(text) if m.label == "PERSON"] == [name]


@pytest.mark.parametrize("text,signatories,posts,members", [
    (SIGNED + "Dr. Ana Ruiz signed on behalf of the Andean Data Network.", {"Ana Ruiz"}, set(), {("Ana Ruiz", "Andean Data Network")}),
    # a title in apposition, with no body of its own: a post in the body signed for
    (SIGNED + "Dr. Ana Ruiz, Associate Director for Ocean Systems, signed on behalf of the Andean Data Network.",
     {"Ana Ruiz"}, {("Ana Ruiz", "associate director for ocean systems", "Andean Data Network")}, set()),
    (SIGNED + "Karl Berg, the centre's director, signed for the Pacific Ocean Data Center.",
     {"Karl Berg"}, {("Karl Berg", "director", "Pacific Ocean Data Center")}, set()),
    (SIGNED + "Dr. Ana Ruiz signed for the Andean Data Network, and Karl Berg signed for the Pacific Ocean Data Center.",
     {"Ana Ruiz", "Karl Berg"}, set(), {("Ana Ruiz", "Andean Data Network"), ("Karl Berg", "Pacific Ocean Data Center")}),
])
def test_a_person_signed_for_a_body_named_after_the_verb(text, signatories, posts, members):
    """"A signed on behalf of the X" / "B, its director, signed for the Y" after the agreement was read:
    each signs it for a party, holding the post the apposition gives or as a member."""
    got_signatories, got_posts, got_members = _read(text)
    assert got_signatories == signatories
    assert got_posts == posts
    assert got_members == members


def test_signing_for_a_body_that_is_no_party_signs_nothing():
    signatories, posts, members = _read(SIGNED + "Dr. Ana Ruiz signed for the Baltic Data Centre as a witness.")
    assert signatories == set()
