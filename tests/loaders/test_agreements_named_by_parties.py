"""An agreement named by its parties joined with a dash: "the ADC-PDA memorandum of understanding",
"the NASA–ADC agreement", "the Chile-Peru agreement": the two bodies (by the acronyms the document
defines or the registry knows) or countries are its parties. A dash inside a word ("ADC-funded") or
between words that name no body names no party. All documents are our own writing."""

from __future__ import annotations

import pytest

from collabkg.loaders.mentions import find_mentions

from .extracted import extracted

ADC = "The Andean Data Council (ADC) is based in Lima. "
PDA = "The Polar Data Alliance (PDA) links archives in Tromsø. "


def _parties(x, label) -> set[frozenset]:
    agreements = {k for k, e in x.entities.items() if e.kind == "agreement"}
    return {frozenset(label(o) for o in x.objects(a, "ckg:party")) for a in agreements}


@pytest.mark.parametrize("text,parties", [
    (ADC + PDA + "The ADC-PDA memorandum of understanding was signed on 3 May 2021.", {"Andean Data Council", "Polar Data Alliance"}),
    (ADC + "The NASA–ADC agreement on glacier data was renewed in 2020.",
     {"National Aeronautics and Space Administration", "Andean Data Council"}),
    ("The ADC-PDA MoU was signed in Lima. " + ADC + PDA, {"Andean Data Council", "Polar Data Alliance"}),  # defined after the use
    ("In 2019 the Chile-Peru agreement on climate data was renewed for five years.", {"Chile", "Peru"}),
])
def test_the_bodies_or_countries_joined_by_a_dash_are_the_agreements_parties(text, parties):
    x, label = extracted(text)
    assert _parties(x, label) == {frozenset(parties)}


def test_each_acronym_joined_by_a_dash_is_a_use_of_its_body():
    ms = find_mentions(ADC + PDA + "ADC–PDA talks resumed.")
    uses = {(m.text, m.extra.get("long")) for m in ms if m.method == "acronym-use"}
    assert uses == {("ADC", "Andean Data Council"), ("PDA", "Polar Data Alliance")}


@pytest.mark.parametrize("text", [
    ADC + "The ADC-funded agreement on data was signed in 2020.",  # a dash inside a word: one body, no pair
    ADC + "The ADC-XQZ agreement was signed in 2020.",  # an acronym nobody defines: no body, no party
    "The North-South agreement on data was signed in 2020.",  # words that name no body or country
])
def test_no_pair_of_parties_without_two_known_bodies_or_countries(text):
    x, label = extracted(text)
    assert not [p for p in _parties(x, label) if len(p) >= 2]
