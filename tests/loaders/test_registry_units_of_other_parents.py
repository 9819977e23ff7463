"""A unit the registry knows under one parent, named in the text under another: "the EAS Bureau of
International Cooperation" is not the registry's bureau of the Chinese Academy of Sciences, and the
registry's bureau gains no second parent. Named under its own parent, the registry's unit is found as
before. All documents are our own writing (the parent academy is invented)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collabkg.loaders.documents import Document
from collabkg.loaders.extract import extract


def parents(text: str) -> dict[str, set[str]]:
    x = extract(Document(Path("t.txt"), f"Academy news\n\n{text}\n", issued=dt.date(2024, 5, 20)))
    out: dict[str, set[str]] = {}
    for f in x.facts:
        if f.predicate == "org:subOrganizationOf":
            out.setdefault(f.subject, set()).add(x.entities[f.obj].label)
    return out


OTHER = ("The Eastern Academy of Sciences (EAS) hosted the forum on 12 May 2024. Officials from the EAS Bureau of International "
         "Cooperation and the Computer Network Information Center of EAS attended the meeting.")


def test_a_registry_unit_named_under_another_parent_is_that_parents_own_unit():
    got = parents(OTHER)
    assert "organization/cas-bic" not in got and "organization/cnic" not in got
    units = {k for k, ps in got.items() if ps == {"Eastern Academy of Sciences"}}
    assert any("bureau of international cooperation" in k for k in units)
    assert any("computer network information center" in k for k in units)


@pytest.mark.parametrize("text", [
    "Officials from the CAS Bureau of International Cooperation attended the meeting on 12 May 2024.",
    "Officials from the Computer Network Information Center of CAS attended the meeting on 12 May 2024.",
])
def test_under_its_own_parent_the_registry_unit_is_found(text):
    x = extract(Document(Path("t.txt"), f"Academy news\n\n{text}\n", issued=dt.date(2024, 5, 20)))
    units = {k for k, e in x.entities.items() if e.kind == "organization"}
    assert units & {"organization/cas-bic", "organization/cnic"}
    assert not any("bureau of international cooperation" in k or "computer network information center" in k for k in units)
