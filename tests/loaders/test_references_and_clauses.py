"""Three readings of who a clause is about. "The two parties" after an agreement are its parties, not
the bodies named since, nor the academy one party belongs to. "Funded by A and B and led by C": C
leads, it does not fund. "A, Rector of X, and B, Director of Y, who led the delegation": only B led
it. All documents are our own writing."""

from __future__ import annotations

import pytest

from tests.loaders.extracted import extracted, pairs

MOU = "The University of Tartu signed a Memorandum of Understanding with the Nordic Ice Institute on 4 May 2024. "


@pytest.mark.parametrize("text, parties", [
    (MOU + "The delegation also visited the Baltic Data Centre in Riga. Under the MoU, the two parties will establish a Joint "
           "Laboratory for Ice Data.", {"University of Tartu", "Nordic Ice Institute"}),
    (MOU + "Staff of the Baltic Data Centre joined the ceremony. Both parties will establish a Joint Laboratory for Ice Data.",
     {"University of Tartu", "Nordic Ice Institute"}),
    # a party written with the academy it belongs to: the academy is no party
    ("The University of Tartu has signed a Memorandum of Understanding with the Institute of Polar Data (IPD) of the Nordic "
     "Academy of Sciences. Under the MoU, the two parties will establish a Joint Laboratory for Ice Data.",
     {"University of Tartu", "Institute of Polar Data"}),
])
def test_the_two_parties_are_the_agreements_parties(text, parties):
    x, label = extracted(text)
    assert {b for a, b in pairs(x, label, "ckg:leader") if a == "Joint Laboratory for Ice Data"} == parties


@pytest.mark.parametrize("text, sponsors", [
    ("The Arctic Drylands Data Project was funded by the Nordic Research Council and the Baltic Science Foundation and led by the "
     "Ice Centre of the University of Tartu.", {"Nordic Research Council", "Baltic Science Foundation"}),
    ("The Arctic Drylands Data Project, supported by the Nordic Research Council, and coordinated by the Baltic Data Centre, "
     "ended in 2023.", {"Nordic Research Council"}),
])
def test_a_sponsors_list_ends_at_another_participle(text, sponsors):
    x, label = extracted(text)
    assert {b for a, b in pairs(x, label, "schema:sponsor")} == sponsors


def test_a_relative_clause_on_the_last_name_speaks_of_that_name_alone():
    x, label = extracted(MOU + "The agreement was signed by Professor Lena Holm, Rector of the University of Tartu, and Professor "
                         "Karl Berg, Director of the Nordic Ice Institute, who led a six-member delegation to Estonia.")
    assert {b for a, b in pairs(x, label, "ckg:leader")} == {"Karl Berg"}
